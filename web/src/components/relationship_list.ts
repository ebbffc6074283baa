// An actor's relationships, each read from this actor's side and linking to the other actor.

import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t } from '../i18n/i18n';
import { relationshipLabel } from '../labels';
import { actorHref } from '../router';
import type { Relationship } from '../types';

export function relationshipList(actorId: string, items: Relationship[]): HTMLElement {
  if (items.length === 0) {
    return h('p', { className: 'empty', i18n: 'profile.noRelationships' });
  }
  return h(
    'ul',
    { className: 'relationship-list', testId: 'relationships-list' },
    ...items.map((rel) => relationshipItem(actorId, rel)),
  );
}

function relationshipItem(actorId: string, rel: Relationship): HTMLLIElement {
  const outgoing = rel.from === actorId;
  const otherId = outgoing ? rel.to : rel.from;
  const otherName = (outgoing ? rel.to_name : rel.from_name) || otherId;
  const period = [rel.started, rel.ended].some(Boolean)
    ? t('profile.period', {
        start: formatDate(rel.started, getLang()) || '…',
        end: formatDate(rel.ended, getLang()) || '…',
      })
    : '';
  return h(
    'li',
    { className: 'relationship', testId: 'relationship' },
    h('span', { className: 'relationship-type', text: relationshipLabel(rel.type, outgoing) }),
    ' ',
    h('a', { text: otherName, attrs: { href: actorHref(otherId) }, testId: 'relationship-link' }),
    period && h('span', { className: 'relationship-period', text: ` (${period})` }),
    rel.description && h('p', { className: 'relationship-description', text: rel.description }),
  );
}
