// The actor edit form's model: the editable fields as the form's strings (a draft), read from an
// actor, and turned back into a JSON merge patch that holds only what changed, with the version
// the edit started from. The server replaces top-level fields, so description, contacts and address
// are sent whole (keeping the values the form does not show); field_visibility is itself merged, so
// it carries only the fields whose visibility changed (null lifts a restriction).

import { t } from './i18n/i18n';
import {
  RESTRICTABLE_FIELDS,
  type Actor,
  type ActorPatch,
  type FieldVisibilityPatch,
  type LocationPrecision,
  type RestrictableField,
  type Visibility,
} from './types';

/** The languages whose description the form edits (the app's languages). */
export const DESCRIPTION_LANGS = ['en', 'fr', 'es', 'pt'] as const;
export const ADDRESS_PARTS = ['street', 'postcode', 'locality', 'region', 'country'] as const;
/** The string fields edited as they are. */
export const TEXT_FIELDS = ['legal_form', 'website', 'founded', 'dissolved'] as const;
export const CONTACT_KINDS = ['email', 'phone'] as const;

type TextField = (typeof TEXT_FIELDS)[number];

export interface ActorDraft {
  name: string;
  description: Record<string, string>;
  text: Record<TextField, string>;
  contacts: Record<string, string>;
  address: Record<string, string>;
  lat: string;
  lon: string;
  precision: LocationPrecision;
  visibility: Visibility;
  fieldVisibility: Record<RestrictableField, Visibility>;
}

/** A problem with one field, named as the API names it ("name", "location.lat"). */
export interface FieldError {
  field: string;
  message: string;
}

export function draftFromActor(actor: Actor): ActorDraft {
  const pick = (
    record: Record<string, string | null | undefined> | null | undefined,
    keys: readonly string[],
  ) => Object.fromEntries(keys.map((k) => [k, record?.[k] ?? '']));
  const fieldVisibility = Object.fromEntries(
    RESTRICTABLE_FIELDS.map((f) => [f, actor.field_visibility?.[f] ?? 'public']),
  ) as Record<RestrictableField, Visibility>;
  return {
    name: actor.name,
    description: pick(actor.description, DESCRIPTION_LANGS),
    text: pick(actor as unknown as Record<string, string | null>, TEXT_FIELDS) as Record<
      TextField,
      string
    >,
    contacts: pick(actor.contacts, CONTACT_KINDS),
    address: pick(actor.address as Record<string, string | null> | null, ADDRESS_PARTS),
    lat: actor.location ? String(actor.location.lat) : '',
    lon: actor.location ? String(actor.location.lon) : '',
    precision: actor.location?.precision ?? 'approximate',
    visibility: actor.visibility ?? 'public',
    fieldVisibility,
  };
}

/**
 * The merge patch from `actor` to the edited `draft`: only changed fields, plus "version" when
 * anything changed. Errors name fields the server would refuse anyway (blank name, bad numbers).
 */
export function patchFromDraft(
  actor: Actor,
  draft: ActorDraft,
): { patch: ActorPatch; errors: FieldError[] } {
  const before = draftFromActor(actor);
  const patch: ActorPatch = {};
  const errors: FieldError[] = [];
  const name = draft.name.trim();
  if (!name) errors.push({ field: 'name', message: t('edit.required') });
  else if (name !== actor.name.trim()) patch.name = name;
  const description = mergeTexts(actor.description, draft.description);
  if (!sameRecord(description, nonEmpty(actor.description))) patch.description = description;
  for (const field of TEXT_FIELDS) {
    const value = draft.text[field].trim();
    if (value !== before.text[field].trim()) patch[field] = value || null;
  }
  const contacts = mergeTexts(actor.contacts, draft.contacts);
  if (!sameRecord(contacts, nonEmpty(actor.contacts))) patch.contacts = contacts;
  const address = mergeTexts(actor.address as Record<string, string> | null, draft.address);
  if (!sameRecord(address, nonEmpty(actor.address))) patch.address = address;
  locationPatch(before, draft, patch, errors);
  if (draft.visibility !== before.visibility) patch.visibility = draft.visibility;
  const fieldVisibility = visibilityChanges(before.fieldVisibility, draft.fieldVisibility);
  if (Object.keys(fieldVisibility).length > 0) patch.field_visibility = fieldVisibility;
  if (Object.keys(patch).length > 0 && actor.version !== undefined) patch.version = actor.version;
  return { patch, errors };
}

/** Adds "location" to the patch when the coordinates or their precision changed. */
function locationPatch(
  before: ActorDraft,
  draft: ActorDraft,
  patch: ActorPatch,
  errors: FieldError[],
): void {
  const lat = draft.lat.trim();
  const lon = draft.lon.trim();
  if (lat === before.lat && lon === before.lon && draft.precision === before.precision) return;
  if (!lat && !lon) {
    if (before.lat || before.lon) patch.location = null;
    else errors.push({ field: 'location.lat', message: t('edit.needCoordinates') });
    return;
  }
  const latitude = coordinate(lat, 90, 'location.lat', errors);
  const longitude = coordinate(lon, 180, 'location.lon', errors);
  if (latitude === null || longitude === null) return;
  patch.location = { lat: latitude, lon: longitude, precision: draft.precision };
}

function coordinate(
  text: string,
  limit: number,
  field: string,
  errors: FieldError[],
): number | null {
  const value = text === '' ? NaN : Number(text.replace(',', '.'));
  if (Number.isFinite(value) && Math.abs(value) <= limit) return value;
  errors.push({ field, message: t('edit.badCoordinate', { limit }) });
  return null;
}

/** The stored values of the keys the form does not show, plus the form's non-blank values. */
function mergeTexts(
  stored: Record<string, string> | null | undefined,
  edited: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (!(key in edited) && value) out[key] = value;
  }
  for (const [key, value] of Object.entries(edited)) {
    if (value.trim()) out[key] = value.trim();
  }
  return out;
}

function nonEmpty(record: object | null | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  );
}

/** The fields whose visibility changed: "network" or "private", or null back to the record's. */
function visibilityChanges(
  before: Record<RestrictableField, Visibility>,
  after: Record<RestrictableField, Visibility>,
): FieldVisibilityPatch {
  const out: FieldVisibilityPatch = {};
  for (const field of RESTRICTABLE_FIELDS) {
    const v = after[field];
    if (v !== before[field]) out[field] = v === 'public' ? null : v;
  }
  return out;
}

function sameRecord(a: object, b: object): boolean {
  const keys = (o: object) => Object.keys(o).sort();
  const ka = keys(a);
  return (
    ka.join('\n') === keys(b).join('\n') &&
    ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
  );
}

/** The field an API error message is about: "location.lat: must be..." -> "location.lat". */
export function fieldOfMessage(message: string): string | null {
  return /^([a-z_]+(?:\.[A-Za-z0-9_-]+)*): /.exec(message)?.[1] ?? null;
}
