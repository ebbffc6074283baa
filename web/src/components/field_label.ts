// Labels of the Actor record's field names (as used in provenance).

import { t, type MessageKey } from '../i18n/i18n';

const FIELD_KEYS: Record<string, MessageKey> = {
  kind: 'field.kind',
  name: 'field.name',
  names: 'field.names',
  description: 'field.description',
  legal_form: 'field.legalForm',
  structures: 'field.structures',
  activities: 'field.activities',
  primary_activity: 'field.primaryActivity',
  membership_types: 'field.membershipTypes',
  qualifiers: 'field.qualifiers',
  claims: 'field.claims',
  address: 'field.address',
  territory: 'field.territory',
  location: 'field.location',
  website: 'field.website',
  contacts: 'field.contacts',
  founded: 'field.founded',
  dissolved: 'field.dissolved',
  identifiers: 'field.identifiers',
  attributes: 'field.attributes',
};

/** The label of a record field; an unknown field is shown by its name. */
export function fieldLabel(field: string): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}
