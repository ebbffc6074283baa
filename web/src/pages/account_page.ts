// My account (#/account): who I am and my roles, the password change, and my API tokens.

import { signInPrompt } from '../components/access_notice';
import { grantLabel } from '../components/grant_label';
import { panel } from '../components/panel';
import { passwordForm } from '../components/password_form';
import { TokenPanel } from '../components/token_panel';
import { definitionList } from '../components/definition_list';
import { append, h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import { ACCOUNT_HREF, signInHref } from '../router';
import type { SessionStore } from '../session';
import type { Page, PageContext } from './page';

export class AccountPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div', { className: 'account-body' });

  constructor(
    private readonly session: SessionStore,
    private readonly ctx: PageContext,
  ) {
    this.element = h(
      'section',
      { className: 'page account-page', testId: 'account-page', attrs: { 'aria-busy': 'true' } },
      h('h1', { i18n: 'account.title', attrs: { tabindex: -1 } }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('account.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }

  onSessionChange(): void {
    // Signing out from the header leaves nothing to show here.
    if (!this.session.signedIn) this.render();
  }

  destroy(): void {}

  private render(): void {
    this.element.removeAttribute('aria-busy');
    const state = this.session.current;
    if (!state) {
      this.body.replaceChildren(signInPrompt(ACCOUNT_HREF));
      return;
    }
    this.body.replaceChildren();
    append(
      this.body,
      panel('account.who', 'account-who', this.whoList()),
      panel('account.roles', 'account-roles', this.roleList()),
      state.user &&
        panel(
          'password.title',
          'account-password',
          passwordForm(() => this.passwordChanged()),
        ),
      state.user && panel('tokens.title', 'account-tokens', new TokenPanel().element),
    );
  }

  private whoList(): HTMLElement | null {
    const state = this.session.current;
    const user = state?.user;
    return definitionList([
      { label: 'account.name', value: user?.name, testId: 'account-name' },
      { label: 'account.email', value: user?.email ?? state?.who, testId: 'account-email-field' },
      {
        label: 'account.sessionEnds',
        value: formatDate(state?.expiresAt, getLang()),
      },
    ]);
  }

  private roleList(): HTMLElement {
    const roles = this.session.current?.roles ?? [];
    if (roles.length === 0) return h('p', { i18n: 'account.noRoles' });
    return h(
      'ul',
      { className: 'grant-list', testId: 'account-role-list' },
      ...roles.map((grant) => h('li', {}, grantLabel(grant))),
    );
  }

  private passwordChanged(): void {
    this.session.clear();
    this.ctx.navigate(signInHref(ACCOUNT_HREF, 'password'));
  }
}
