// One's API tokens: the list with each token's state, a form to create one (its secret is shown
// once, with a warning), and revocation.

import { accountApi } from '../api';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import type { NewToken, Token, TokenScope } from '../types';
import { errorDetail } from './error_message';
import { alertBox, inputField, notice, selectField, whileBusy } from './form_field';

const STATE_KEYS: Record<Token['state'], MessageKey> = {
  active: 'tokens.active',
  expired: 'tokens.expired',
  revoked: 'tokens.revoked',
};

export class TokenPanel {
  readonly element: HTMLElement;
  private readonly reveal = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly messages = h('div', { className: 'form-messages' });
  private readonly rows = h('tbody', { testId: 'token-rows' });
  private readonly name = inputField({
    id: 'token-name',
    label: 'tokens.name',
    required: true,
    attrs: { maxlength: 100 },
    testId: 'token-name',
  });
  private readonly scope = selectField({
    id: 'token-scope',
    label: 'tokens.scope',
    choices: [
      ['read', 'tokens.scopeRead'],
      ['write', 'tokens.scopeWrite'],
    ],
    value: 'read',
    testId: 'token-scope',
  });
  private readonly days = inputField({
    id: 'token-days',
    label: 'tokens.days',
    type: 'number',
    value: '90',
    required: true,
    attrs: { min: 1, max: 366, step: 1 },
    testId: 'token-days',
  });

  constructor() {
    this.element = h(
      'div',
      { className: 'token-panel' },
      h('p', { i18n: 'tokens.intro' }),
      this.reveal,
      this.messages,
      this.table(),
      h('h3', { i18n: 'tokens.newTitle' }),
      this.createForm(),
    );
    void this.load();
  }

  private table(): HTMLTableElement {
    const columns = [
      'tokens.name',
      'tokens.scope',
      'tokens.created',
      'tokens.expires',
      'tokens.state',
    ] as const;
    return h(
      'table',
      { className: 'data-table', testId: 'token-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...columns.map((key) => h('th', { i18n: key, attrs: { scope: 'col' } })),
          h(
            'th',
            { attrs: { scope: 'col' } },
            h('span', { className: 'visually-hidden', i18n: 'tokens.actions' }),
          ),
        ),
      ),
      this.rows,
    );
  }

  private createForm(): HTMLFormElement {
    const form = h(
      'form',
      { className: 'inline-form', testId: 'token-form' },
      this.name.field,
      this.scope.field,
      this.days.field,
      h('button', { i18n: 'tokens.create', attrs: { type: 'submit' }, testId: 'token-create' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(form, () => this.create());
    });
    return form;
  }

  private async load(): Promise<void> {
    try {
      const { items } = await accountApi.tokens();
      this.rows.replaceChildren(...items.map((token) => this.row(token)));
      if (items.length === 0) {
        this.rows.append(h('tr', {}, h('td', { i18n: 'tokens.none', attrs: { colspan: 6 } })));
      }
    } catch (error) {
      this.messages.replaceChildren(alertBox(errorDetail(error)));
    }
  }

  private row(token: Token): HTMLElement {
    const lang = getLang();
    const revoke =
      token.state === 'active' &&
      h('button', {
        className: 'secondary',
        i18n: 'tokens.revoke',
        attrs: { type: 'button', 'aria-label': t('tokens.revokeNamed', { name: token.name }) },
        testId: 'token-revoke',
        on: { click: () => void this.revoke(token) },
      });
    return h(
      'tr',
      { testId: 'token-row' },
      h('td', { text: token.name, testId: 'token-row-name' }),
      h('td', { i18n: token.scope === 'write' ? 'tokens.scopeWrite' : 'tokens.scopeRead' }),
      h('td', { text: formatDate(token.created_at, lang) }),
      h('td', { text: formatDate(token.expires_at, lang) }),
      h('td', { i18n: STATE_KEYS[token.state], testId: 'token-state' }),
      h('td', {}, revoke),
    );
  }

  private async create(): Promise<void> {
    this.messages.replaceChildren();
    this.reveal.replaceChildren();
    const days = Number(this.days.input.value);
    try {
      const token = await accountApi.createToken(
        this.name.input.value.trim(),
        this.scope.select.value as TokenScope,
        days,
      );
      this.reveal.append(revealBox(token));
      this.name.input.value = '';
      await this.load();
    } catch (error) {
      this.messages.append(alertBox(errorDetail(error)));
    }
  }

  private async revoke(token: Token): Promise<void> {
    this.messages.replaceChildren();
    try {
      await accountApi.revokeToken(token.id);
      this.messages.append(notice(t('tokens.revokedNamed', { name: token.name })));
      await this.load();
    } catch (error) {
      this.messages.append(alertBox(errorDetail(error)));
    }
  }
}

/** The new token's secret, selectable, with the warning that it will not be shown again. */
function revealBox(token: NewToken): HTMLElement {
  const value = h('input', {
    className: 'token-secret',
    attrs: { id: 'token-secret', readonly: true, 'aria-describedby': 'token-warning' },
    testId: 'token-secret',
  });
  value.value = token.token;
  value.addEventListener('focus', () => value.select());
  return h(
    'div',
    { className: 'token-reveal', testId: 'token-reveal' },
    h('label', {
      text: t('tokens.createdNamed', { name: token.name }),
      attrs: { for: 'token-secret' },
    }),
    value,
    h('p', {
      className: 'warning',
      i18n: 'tokens.warning',
      attrs: { id: 'token-warning' },
      testId: 'token-warning',
    }),
  );
}
