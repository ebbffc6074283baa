// Sign-in with e-mail and password (#/signin?next=#/account). The server sets the session cookie;
// the session store keeps the CSRF token. Refusals are explained: wrong password, locked, disabled.

import { ApiError } from '../api';
import { errorDetail } from '../components/error_message';
import { alertBox, inputField, notice, whileBusy } from '../components/form_field';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t } from '../i18n/i18n';
import { safeNext, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page, PageContext } from './page';

export class SignInPage implements Page {
  readonly element: HTMLElement;
  private readonly messages = h('div', { className: 'form-messages' });
  private readonly email = inputField({
    id: 'signin-email',
    label: 'signin.email',
    type: 'email',
    required: true,
    autocomplete: 'username',
    testId: 'signin-email',
  });
  private readonly password = inputField({
    id: 'signin-password',
    label: 'signin.password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
    testId: 'signin-password',
  });
  private readonly form: HTMLFormElement;

  constructor(
    private readonly route: Route,
    private readonly session: SessionStore,
    private readonly ctx: PageContext,
  ) {
    this.form = h(
      'form',
      { className: 'auth-form', testId: 'signin-form', on: { submit: (e) => this.submit(e) } },
      this.email.field,
      this.password.field,
      h('button', { i18n: 'signin.submit', attrs: { type: 'submit' }, testId: 'signin-submit' }),
    );
    this.element = h(
      'section',
      { className: 'page signin-page', testId: 'signin-page' },
      h('h1', { i18n: 'signin.title', attrs: { tabindex: -1 } }),
      this.messages,
      this.form,
    );
    this.showReason();
  }

  title(): string {
    return t('signin.title');
  }

  destroy(): void {}

  private showReason(): void {
    const reason = this.route.params.get('reason');
    if (reason === 'signed_out')
      this.messages.append(notice(t('signin.signedOut'), 'signin-notice'));
    if (reason === 'password')
      this.messages.append(notice(t('signin.passwordChanged'), 'signin-notice'));
    void this.session.ready().then(() => {
      const user = this.session.current?.user;
      if (user && !reason) {
        this.messages.append(notice(t('signin.already', { email: user.email }), 'signin-notice'));
      }
    });
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    void whileBusy(this.form, async () => {
      this.messages.replaceChildren();
      try {
        await this.session.signIn(this.email.input.value.trim(), this.password.input.value);
        this.ctx.navigate(safeNext(this.route.params.get('next')));
      } catch (error) {
        this.password.input.value = '';
        this.messages.append(alertBox(signInErrorText(error), 'signin-error'));
        this.password.input.focus();
      }
    });
  }
}

/** Why a sign-in failed, in the reader's language (the lock's end from the server's message). */
export function signInErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorDetail(error);
  switch (error.status) {
    case 401:
      return t('signin.wrong');
    case 403:
      return t('signin.disabled');
    case 429: {
      const until = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z/.exec(error.message)?.[0];
      return until
        ? t('signin.lockedUntil', { until: formatDate(until, getLang()) })
        : t('signin.tooMany', { message: error.message });
    }
    default:
      return errorDetail(error);
  }
}
