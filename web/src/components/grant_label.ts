// A role over its scope, in words: "Member · actor Cwmpas", with the scope linking to the actor or
// territory it names.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { actorHref, territoriesHref } from '../router';
import { ROLES, type Grant, type Role } from '../types';

const ROLE_KEYS: Record<Role, MessageKey> = {
  admin: 'role.admin',
  steward: 'role.steward',
  member: 'role.member',
  assessor: 'role.assessor',
  funder: 'role.funder',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The role's name; an unknown one (a newer server) as sent. */
export function roleLabel(role: string): string {
  return isRole(role) ? t(ROLE_KEYS[role]) : role;
}

/** Splits "actor:cwmpas" into its kind and id; "" is the whole instance. */
export function parseScope(scope: string): { kind: string; id: string } {
  const colon = scope.indexOf(':');
  return colon < 0
    ? { kind: scope, id: '' }
    : { kind: scope.slice(0, colon), id: scope.slice(colon + 1) };
}

export function scopeNode(scope: string): Node {
  const { kind, id } = parseScope(scope);
  if (!kind) return document.createTextNode(t('scope.instance'));
  const link = (href: string) => h('a', { text: id, attrs: { href } });
  switch (kind) {
    case 'actor':
      return h('span', {}, `${t('scope.actor')} `, link(actorHref(id)));
    case 'network':
      return h('span', {}, `${t('scope.network')} `, link(actorHref(id)));
    case 'territory':
      return h('span', {}, `${t('scope.territory')} `, link(territoriesHref(id)));
    default:
      return document.createTextNode(scope);
  }
}

export function grantLabel(grant: Grant): HTMLElement {
  return h(
    'span',
    { className: 'grant', testId: 'grant' },
    h('strong', { text: roleLabel(grant.role) }),
    ' · ',
    scopeNode(grant.scope),
  );
}
