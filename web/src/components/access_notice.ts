// What a page shows instead of its content when the visitor may not see it: a prompt to sign in
// (and come back), or the role it needs.

import { h } from '../dom';
import type { MessageKey } from '../i18n/i18n';
import { signInHref } from '../router';

/**
 * "Sign in to see this page" (or `reason`), linking to the sign-in page that returns to `next`.
 */
export function signInPrompt(next: string, reason: MessageKey = 'access.signInFirst'): HTMLElement {
  return h(
    'div',
    { className: 'access-notice', testId: 'signin-required', attrs: { role: 'status' } },
    h('p', { i18n: reason }),
    h('p', {}, h('a', { i18n: 'account.signIn', attrs: { href: signInHref(next) } })),
  );
}

/** The role a page needs, said plainly; the page shows no data. */
export function forbiddenNotice(reason: MessageKey): HTMLElement {
  return h(
    'div',
    { className: 'access-notice', testId: 'forbidden', attrs: { role: 'alert' } },
    h('p', { i18n: reason }),
  );
}
