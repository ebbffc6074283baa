// Labels of the API's fixed vocabularies (kinds, relationship types, location precision).

import { t, type MessageKey } from './i18n/i18n';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from './types';

function isKind(value: string): value is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(value);
}

function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** The kind's label; an unknown kind (a newer server) is shown as sent. */
export function kindLabel(kind: string): string {
  return isKind(kind) ? t(`kind.${kind}`) : kind;
}

/**
 * The relationship as read from one actor's profile: outgoing ("Member of" X) when the profile's
 * actor is `from`, incoming ("Has as member" X) when it is `to`.
 */
export function relationshipLabel(type: string, outgoing: boolean): string {
  const known: RelationshipType = isRelationshipType(type) ? type : 'other';
  const key: MessageKey = outgoing ? `relationship.out.${known}` : `relationship.in.${known}`;
  return t(key);
}

export function precisionLabel(precision: string): string {
  switch (precision) {
    case 'exact':
      return t('precision.exact');
    case 'approximate':
      return t('precision.approximate');
    case 'hidden':
      return t('precision.hidden');
    default:
      return precision;
  }
}
