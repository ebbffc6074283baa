// The header's account corner: "Sign in", or the signed-in user's e-mail with "My account", the
// administration pages their roles open (with the background jobs, which admins start), and
// "Sign out".

import { h } from '../dom';
import { ACCOUNT_HREF, AUDIT_HREF, JOBS_HREF, signInHref, USERS_HREF } from '../router';
import type { SessionStore } from '../session';

export class AccountMenu {
  readonly element = h('div', { className: 'account-menu', testId: 'account-menu' });

  constructor(
    private readonly session: SessionStore,
    private readonly navigate: (href: string) => void,
  ) {
    this.render();
  }

  /** Redraws for the current session (the shell calls it on every change). */
  render(): void {
    const state = this.session.current;
    if (!state) {
      this.element.replaceChildren(
        h('a', { i18n: 'account.signIn', attrs: { href: signInHref() }, testId: 'nav-signin' }),
      );
      return;
    }
    const email = state.user?.email ?? state.who;
    const links = [
      h('a', { i18n: 'account.mine', attrs: { href: ACCOUNT_HREF }, testId: 'nav-account' }),
    ];
    if (this.session.isAdmin() || this.session.isSteward()) {
      links.push(h('a', { i18n: 'nav.users', attrs: { href: USERS_HREF }, testId: 'nav-users' }));
    }
    if (this.session.isAdmin()) {
      links.push(h('a', { i18n: 'nav.audit', attrs: { href: AUDIT_HREF }, testId: 'nav-audit' }));
      links.push(h('a', { i18n: 'nav.jobs', attrs: { href: JOBS_HREF }, testId: 'nav-jobs' }));
    }
    this.element.replaceChildren(
      h('span', { className: 'account-email', text: email, testId: 'account-email' }),
      ...links,
      h('button', {
        className: 'secondary',
        i18n: 'account.signOut',
        attrs: { type: 'button' },
        testId: 'signout',
        on: { click: () => void this.signOut() },
      }),
    );
  }

  private async signOut(): Promise<void> {
    // The local session is forgotten even if the server cannot be told (its cookie then expires).
    await this.session.signOut().catch((e: unknown) => console.warn('sign-out', e));
    this.navigate(signInHref(undefined, 'signed_out'));
  }
}
