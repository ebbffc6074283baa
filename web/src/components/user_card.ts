// One account on the user management page: its state, its roles with a revoke button each, a form
// to grant a role, and (for admins) disable or enable. Stewards only grant and revoke "member" of
// an actor; the server checks that they curate it.

import { accountApi } from '../api';
import { append, h, option } from '../dom';
import { formatDate } from '../format';
import { getLang, t } from '../i18n/i18n';
import { ROLES, type Grant, type Role, type User } from '../types';
import { errorDetail } from './error_message';
import { alertBox, notice, whileBusy } from './form_field';
import { grantLabel, roleLabel } from './grant_label';

export type UserCardMode = 'admin' | 'steward';

export class UserCard {
  readonly element = h('li', { className: 'user-card', testId: 'user-card' });
  private readonly messages = h('div', { className: 'form-messages' });

  constructor(
    private user: User,
    private readonly mode: UserCardMode,
  ) {
    this.render();
  }

  private render(): void {
    this.element.dataset.email = this.user.email;
    this.element.replaceChildren();
    append(
      this.element,
      this.header(),
      this.roles(),
      grantForm(this.user.id, this.mode, (grant) => this.change('grant', grant)),
      this.mode === 'admin' && this.disableButton(),
      this.messages,
    );
  }

  private header(): HTMLElement {
    const u = this.user;
    const locked = u.locked_until && u.locked_until > new Date().toISOString();
    return h(
      'div',
      { className: 'user-header' },
      h('strong', { text: u.email, testId: 'user-email' }),
      u.name && h('span', { className: 'user-name', text: u.name }),
      u.disabled &&
        h('span', {
          className: 'badge badge-off',
          i18n: 'users.disabled',
          testId: 'user-disabled',
        }),
      locked &&
        h('span', {
          className: 'badge badge-off',
          text: t('users.lockedUntil', { until: formatDate(u.locked_until, getLang()) }),
        }),
    );
  }

  private roles(): HTMLElement {
    if (this.user.roles.length === 0) return h('p', { className: 'muted', i18n: 'users.noRoles' });
    return h(
      'ul',
      { className: 'grant-list', testId: 'user-roles' },
      ...this.user.roles.map((grant) =>
        h(
          'li',
          {},
          grantLabel(grant),
          (this.mode === 'admin' || grant.role === 'member') &&
            h('button', {
              className: 'secondary small',
              i18n: 'users.revoke',
              attrs: {
                type: 'button',
                'aria-label': t('users.revokeNamed', {
                  role: roleLabel(grant.role),
                  scope: grant.scope,
                  email: this.user.email,
                }),
              },
              testId: 'role-revoke',
              on: { click: () => void this.change('revoke', grant) },
            }),
        ),
      ),
    );
  }

  private disableButton(): HTMLButtonElement {
    const disabled = this.user.disabled;
    return h('button', {
      className: 'secondary',
      i18n: disabled ? 'users.enable' : 'users.disable',
      attrs: { type: 'button' },
      testId: disabled ? 'user-enable' : 'user-disable',
      on: { click: () => void this.setDisabled(!disabled) },
    });
  }

  private async change(kind: 'grant' | 'revoke', grant: Grant): Promise<void> {
    await this.apply(() =>
      kind === 'grant'
        ? accountApi.grantRole(this.user.id, grant)
        : accountApi.revokeRole(this.user.id, grant),
    );
  }

  private async setDisabled(disabled: boolean): Promise<void> {
    await this.apply(() => accountApi.setDisabled(this.user.id, disabled));
  }

  /** Runs a change; the card shows the user as the server returns it, or the server's refusal. */
  private async apply(call: () => Promise<User>): Promise<void> {
    this.messages.replaceChildren();
    try {
      this.user = await call();
      this.render();
      this.messages.append(notice(t('users.saved')));
    } catch (error) {
      this.messages.append(alertBox(errorDetail(error)));
    }
  }
}

/** Role and scope; a steward's form only takes the actor whose member to make. */
function grantForm(
  userId: string,
  mode: UserCardMode,
  grant: (g: Grant) => Promise<void>,
): HTMLFormElement {
  const base = `grant-${userId}`;
  const role = h('select', { attrs: { id: `${base}-role` }, testId: 'grant-role' });
  for (const r of mode === 'admin' ? ROLES : (['member'] as const)) {
    role.append(option(r, { text: roleLabel(r) }));
  }
  role.value = 'member';
  const scope = h('input', {
    attrs: {
      id: `${base}-scope`,
      'aria-describedby': `${base}-hint`,
      required: mode === 'steward',
    },
    testId: 'grant-scope',
  });
  const form = h(
    'form',
    { className: 'inline-form grant-form', testId: 'grant-form' },
    h(
      'div',
      { className: 'form-field' },
      h('label', { i18n: 'users.role', attrs: { for: role.id } }),
      role,
    ),
    h(
      'div',
      { className: 'form-field' },
      h('label', {
        i18n: mode === 'admin' ? 'users.scope' : 'users.actorId',
        attrs: { for: scope.id },
      }),
      scope,
    ),
    h('button', { i18n: 'users.grant', attrs: { type: 'submit' }, testId: 'grant-submit' }),
    h('p', {
      className: 'hint',
      i18n: mode === 'admin' ? 'users.scopeHint' : 'users.actorIdHint',
      attrs: { id: `${base}-hint` },
    }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = scope.value.trim();
    const chosen = role.value as Role;
    void whileBusy(form, () =>
      grant({
        role: chosen,
        scope: mode === 'steward' && value ? `actor:${value.replace(/^actor:/, '')}` : value,
      }),
    );
  });
  return form;
}
