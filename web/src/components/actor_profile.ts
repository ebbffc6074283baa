// The body of an actor's profile: every field of the Actor record, with taxonomy codes shown as
// labels in the current language.

import { h } from '../dom';
import { formatCoordinates, formatDate, pickLocalized, safeHttpUrl } from '../format';
import { getLang, t } from '../i18n/i18n';
import { kindLabel, precisionLabel } from '../labels';
import { labelOf, type Labels } from '../taxonomy';
import type { Actor, Relationship } from '../types';
import { definitionList, section, type Value } from './definition_list';
import { provenanceTable } from './provenance_table';
import { relationshipList } from './relationship_list';

export interface ProfileLabels {
  activities: Labels;
  structures: Labels;
  membership: Labels;
  qualifiers: Labels;
  countries: Labels;
}

export function actorProfile(
  actor: Actor,
  relationships: Relationship[] | Error,
  labels: ProfileLabels,
  relationshipError: (error: Error) => HTMLElement,
): HTMLElement[] {
  const relationshipContent = Array.isArray(relationships)
    ? relationshipList(actor.id, relationships)
    : relationshipError(relationships);
  return [
    profileHeader(actor),
    section('profile.about', aboutList(actor, labels), 'profile-about'),
    section('profile.location', locationList(actor, labels), 'profile-location'),
    section('profile.contact', contactList(actor), 'profile-contact'),
    section('profile.relationships', relationshipContent, 'profile-relationships'),
    section('profile.identifiers', identifierList(actor), 'profile-identifiers'),
    section('profile.attributes', attributeList(actor), 'profile-attributes'),
    section('profile.provenance', provenanceTable(actor.provenance), 'profile-provenance'),
    recordFooter(actor),
  ].filter((el): el is HTMLElement => el !== null);
}

function profileHeader(actor: Actor): HTMLElement {
  const lang = getLang();
  const otherNames = Object.entries(actor.names ?? {})
    .filter(([, name]) => name && name !== actor.name)
    .map(([code, name]) => h('span', { text: name, attrs: { lang: code } }));
  const description = pickLocalized(actor.description, lang);
  return h(
    'header',
    { className: 'profile-header' },
    h('p', { className: 'kind-badge', text: kindLabel(actor.kind), testId: 'actor-kind' }),
    h('h1', { text: actor.name, attrs: { tabindex: -1 }, testId: 'actor-name' }),
    otherNames.length > 0 &&
      h('p', { className: 'other-names' }, `${t('profile.alsoKnownAs')} `, ...joined(otherNames)),
    description &&
      h('p', { className: 'description', text: description, testId: 'actor-description' }),
  );
}

function aboutList(actor: Actor, labels: ProfileLabels): HTMLDListElement | null {
  const lang = getLang();
  const codes = (list: string[] | undefined, from: Labels) =>
    (list ?? []).map((c) => labelOf(from, c));
  const activities = (actor.activities ?? []).map((code) =>
    code === actor.primary_activity
      ? t('profile.primary', { label: labelOf(labels.activities, code) })
      : labelOf(labels.activities, code),
  );
  if (actor.primary_activity && !(actor.activities ?? []).includes(actor.primary_activity)) {
    activities.unshift(
      t('profile.primary', { label: labelOf(labels.activities, actor.primary_activity) }),
    );
  }
  return definitionList([
    { label: 'field.kind', value: kindLabel(actor.kind) },
    { label: 'field.legalForm', value: actor.legal_form },
    {
      label: 'field.structures',
      value: codes(actor.structures, labels.structures),
      testId: 'field-structures',
    },
    { label: 'field.activities', value: activities, testId: 'field-activities' },
    { label: 'field.membershipTypes', value: codes(actor.membership_types, labels.membership) },
    { label: 'field.qualifiers', value: codes(actor.qualifiers, labels.qualifiers) },
    { label: 'field.claims', value: actor.claims ?? [] },
    { label: 'field.founded', value: formatDate(actor.founded, lang) },
    { label: 'field.dissolved', value: formatDate(actor.dissolved, lang) },
  ]);
}

function locationList(actor: Actor, labels: ProfileLabels): HTMLDListElement | null {
  const address = actor.address ?? {};
  const lines = [
    address.street,
    [address.postcode, address.locality].filter(Boolean).join(' '),
    address.region,
    address.country ? labelOf(labels.countries, address.country) : '',
  ].filter((line): line is string => Boolean(line));
  const location = actor.location;
  return definitionList([
    { label: 'field.address', value: lines.length > 0 && h('address', {}, ...withBreaks(lines)) },
    {
      label: 'field.territory',
      value: actor.territory && labelOf(labels.countries, actor.territory),
    },
    {
      label: 'field.location',
      value: location
        ? [formatCoordinates(location.lat, location.lon), precisionLabel(location.precision)]
        : t('precision.hidden'),
      testId: 'field-location',
    },
  ]);
}

function contactList(actor: Actor): HTMLDListElement | null {
  const website = safeHttpUrl(actor.website);
  const contacts = { ...(actor.contacts ?? {}) };
  const email = contacts.email;
  const phone = contacts.phone;
  delete contacts.email;
  delete contacts.phone;
  return definitionList([
    {
      label: 'field.website',
      value: website ? externalLink(website, actor.website ?? website) : actor.website,
    },
    {
      label: 'contact.email',
      value: email && h('a', { text: email, attrs: { href: `mailto:${email}` } }),
    },
    {
      label: 'contact.phone',
      value: phone && h('a', { text: phone, attrs: { href: `tel:${phone.replace(/\s/g, '')}` } }),
    },
    ...Object.entries(contacts).map(([key, value]) => ({
      label: contactLabel(key),
      value: linkIfHttp(value),
    })),
  ]);
}

function contactLabel(key: string): { text: string } {
  const known: Record<string, string> = {
    twitter: t('contact.twitter'),
    facebook: t('contact.facebook'),
  };
  return { text: known[key] ?? key };
}

function identifierList(actor: Actor): HTMLDListElement | null {
  return definitionList(
    Object.entries(actor.identifiers ?? {}).map(([scheme, value]) => ({
      label: { text: scheme },
      value: h('code', { text: value }),
    })),
  );
}

function attributeList(actor: Actor): HTMLDListElement | null {
  return definitionList(
    Object.entries(actor.attributes ?? {}).map(([key, value]) => ({
      label: { text: key },
      value: linkIfHttp(value),
    })),
  );
}

function recordFooter(actor: Actor): HTMLElement {
  const parts = [t('profile.recordId', { id: actor.id })];
  if (actor.version !== undefined) parts.push(t('profile.version', { n: actor.version }));
  if (actor.updated_at)
    parts.push(t('profile.updated', { date: formatDate(actor.updated_at, getLang()) }));
  return h('p', { className: 'record-meta', text: parts.join(' · '), testId: 'record-meta' });
}

/** A link for an http(s) URL, else the text as is. */
function linkIfHttp(value: string): Value {
  return /^https?:\/\//i.test(value) && safeHttpUrl(value) ? externalLink(value, value) : value;
}

function externalLink(href: string, text: string): HTMLAnchorElement {
  return h('a', { text, attrs: { href, rel: 'noopener noreferrer external' } });
}

function withBreaks(lines: string[]): Value[] {
  return lines.flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]));
}

function joined(nodes: Node[]): (Node | string)[] {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [', ', node]));
}
