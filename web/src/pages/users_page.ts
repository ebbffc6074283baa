// User and role management (#/admin/users). Admins see every account, add users, disable or enable
// them and grant any role; stewards find a user by exact e-mail and grant or revoke "member" of the
// actors they curate. Anyone else is told which role the page needs, and no data is asked for.

import { accountApi } from '../api';
import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { errorDetail } from '../components/error_message';
import { alertBox, inputField, notice, whileBusy } from '../components/form_field';
import { panel } from '../components/panel';
import { UserCard, type UserCardMode } from '../components/user_card';
import { h } from '../dom';
import { t, translateTree } from '../i18n/i18n';
import { USERS_HREF } from '../router';
import type { SessionStore } from '../session';
import type { User } from '../types';
import type { Page } from './page';

export class UsersPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly list = h('ul', { className: 'user-list', testId: 'user-list' });
  private readonly listMessages = h('div', { className: 'form-messages' });

  constructor(private readonly session: SessionStore) {
    this.element = h(
      'section',
      { className: 'page users-page', testId: 'users-page', attrs: { 'aria-busy': 'true' } },
      h('h1', { i18n: 'users.title', attrs: { tabindex: -1 } }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('users.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }

  onSessionChange(): void {
    this.render();
  }

  destroy(): void {}

  private render(): void {
    this.element.removeAttribute('aria-busy');
    this.list.replaceChildren();
    this.listMessages.replaceChildren();
    if (!this.session.signedIn) {
      this.body.replaceChildren(signInPrompt(USERS_HREF));
    } else if (this.session.isAdmin()) {
      this.body.replaceChildren(
        panel('users.addTitle', 'add-user', this.addUserForm()),
        panel('users.listTitle', 'users', this.listMessages, this.list),
      );
      void this.loadAll();
    } else if (this.session.isSteward()) {
      this.body.replaceChildren(
        panel(
          'users.findTitle',
          'find-user',
          h('p', { i18n: 'users.stewardIntro' }),
          this.findForm(),
        ),
        h('div', { testId: 'users' }, this.listMessages, this.list),
      );
    } else {
      this.body.replaceChildren(forbiddenNotice('users.forbidden'));
    }
  }

  private async loadAll(): Promise<void> {
    try {
      const { items } = await accountApi.users();
      this.show(items, 'admin');
    } catch (error) {
      this.listMessages.replaceChildren(alertBox(errorDetail(error)));
    }
  }

  private show(users: User[], mode: UserCardMode): void {
    this.list.replaceChildren(...users.map((user) => new UserCard(user, mode).element));
  }

  private addUserForm(): HTMLFormElement {
    const email = inputField({
      id: 'new-user-email',
      label: 'users.email',
      type: 'email',
      required: true,
      testId: 'new-user-email',
    });
    const name = inputField({ id: 'new-user-name', label: 'users.name', testId: 'new-user-name' });
    const password = inputField({
      id: 'new-user-password',
      label: 'users.password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: 'password.rules',
      testId: 'new-user-password',
    });
    const messages = h('div', { className: 'form-messages' });
    const form = h(
      'form',
      { className: 'add-user-form', testId: 'add-user-form' },
      email.field,
      name.field,
      password.field,
      h('button', { i18n: 'users.add', attrs: { type: 'submit' }, testId: 'add-user-submit' }),
      messages,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(form, async () => {
        messages.replaceChildren();
        try {
          const user = await accountApi.createUser(
            email.input.value.trim(),
            name.input.value.trim(),
            password.input.value,
          );
          form.reset();
          messages.append(notice(t('users.added', { email: user.email })));
          await this.loadAll();
        } catch (error) {
          messages.append(alertBox(errorDetail(error)));
        }
      });
    });
    return form;
  }

  private findForm(): HTMLFormElement {
    const email = inputField({
      id: 'find-user-email',
      label: 'users.email',
      type: 'email',
      required: true,
      testId: 'find-user-email',
    });
    const form = h(
      'form',
      { className: 'inline-form', testId: 'find-user-form' },
      email.field,
      h('button', { i18n: 'users.find', attrs: { type: 'submit' }, testId: 'find-user-submit' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(form, () => this.find(email.input.value.trim()));
    });
    return form;
  }

  private async find(email: string): Promise<void> {
    this.listMessages.replaceChildren();
    this.list.replaceChildren();
    try {
      const { items } = await accountApi.userByEmail(email);
      if (items.length === 0) this.listMessages.append(notice(t('users.notFound', { email })));
      this.show(items, 'steward');
    } catch (error) {
      this.listMessages.append(alertBox(errorDetail(error)));
    }
  }
}
