// Facts of a profile: reading and writing them by dotted path, and showing them in the interface
// language (labels from the fact catalogue, enum values from the message catalogue).

import { formatNumber } from '../format';
import { getLang, t, tMaybe } from '../i18n/i18n';
import { factValue, inLang } from './engine';
import type { FactSpec, ProfileDoc } from './types';

export { factValue };

/** Sets `path` ("governance.voting_rule") in a nested profile, creating the objects on the way. */
export function setFact(doc: ProfileDoc, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at: Record<string, unknown> = doc;
  for (const key of keys) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[last] = value;
}

/** The group a fact is shown in: the first part of its path ("governance"), or "general". */
export function factGroup(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? 'general' : path.slice(0, dot);
}

export function groupLabel(group: string): string {
  return tMaybe(`factGroup.${group}`) ?? group;
}

/** An enum value in words ("one_member_one_vote" -> "One member, one vote"). */
export function valueLabel(value: string): string {
  return tMaybe(`factValue.${value}`) ?? value.replace(/_/g, ' ');
}

/** Labels of facts by path, in the current language; an unknown path is shown as is. */
export function factLabels(facts: readonly FactSpec[]): (path: string) => string {
  const byPath = new Map(facts.map((f) => [f.path, f]));
  return (path) => {
    const spec = byPath.get(path);
    return spec ? inLang(spec.label, getLang()) : path;
  };
}

/** A fact's value in words: yes/no, percentages for shares, enum labels, college lists. */
export function showValue(value: unknown, spec?: FactSpec): string {
  const lang = getLang();
  if (value === null || value === undefined) return t('screening.factMissing');
  if (typeof value === 'boolean') return t(value ? 'form.yes' : 'form.no');
  if (typeof value === 'number') {
    return spec?.type === 'share'
      ? `${formatNumber(value * 100, lang)} %`
      : formatNumber(value, lang);
  }
  if (typeof value === 'string') return spec?.type === 'enum' ? valueLabel(value) : value;
  if (Array.isArray(value)) {
    return value.length === 0 ? t('form.none') : value.map((v) => showItem(v)).join(', ');
  }
  return JSON.stringify(value);
}

function showItem(item: unknown): string {
  if (typeof item === 'string') return valueLabel(item);
  if (typeof item === 'object' && item !== null && 'name' in item && 'weight' in item) {
    const { name, weight } = item as { name: unknown; weight: unknown };
    const share = typeof weight === 'number' ? formatNumber(weight * 100, getLang()) : '?';
    return `${String(name)} (${share} %)`;
  }
  return JSON.stringify(item);
}

/**
 * The profile to store from what a form reads, given the profile as loaded: facts the statutes
 * gave and that are unchanged are left out (the statutes give them again, and a stale copy would
 * contradict new statutes); other unchanged facts keep their origin; changed ones are declared.
 */
export function profileToSave(read: ProfileDoc, loaded: ProfileDoc, facts: readonly FactSpec[]) {
  const out: ProfileDoc = {};
  const provenance: NonNullable<ProfileDoc['provenance']> = {};
  for (const key of ['initiative', 'programme']) if (key in read) out[key] = {};
  for (const spec of facts) {
    const value = factValue(read, spec.path);
    if (value === null) continue;
    const origin = loaded.provenance?.[spec.path];
    const same = JSON.stringify(factValue(loaded, spec.path)) === JSON.stringify(value);
    if (same && origin?.source === 'statutes') continue;
    setFact(out, spec.path, value);
    if (same && origin) {
      provenance[spec.path] = {
        source: origin.source,
        ...(origin.by ? { by: origin.by } : {}),
        ...(origin.date ? { date: origin.date } : {}),
      };
    }
  }
  if (Object.keys(provenance).length > 0) out.provenance = provenance;
  return out;
}
