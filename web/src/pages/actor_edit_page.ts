// Editing an actor (#/actors/{id}/edit), for those GET /actors/{id}/access allows. Saving sends a
// merge patch of the changed fields with the version the edit started from; the server's refusals
// are shown: field errors next to their field, a version conflict with a way to reload, a denial.

import { fieldOfMessage, draftFromActor, patchFromDraft } from '../actor_draft';
import { api, ApiError } from '../api';
import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { ActorForm } from '../components/actor_form';
import { errorDetail, errorMessage } from '../components/error_message';
import { alertBox, notice, whileBusy } from '../components/form_field';
import { h } from '../dom';
import { t, translateTree } from '../i18n/i18n';
import { actorEditHref, actorHref, signInHref } from '../router';
import type { SessionStore } from '../session';
import type { Actor } from '../types';
import type { Page } from './page';

export class ActorEditPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', {
    i18n: 'edit.title',
    attrs: { tabindex: -1 },
    testId: 'edit-title',
  });
  private readonly body = h('div');
  private readonly messages = h('div', { className: 'form-messages', testId: 'edit-messages' });
  private readonly controller = new AbortController();
  private actor: Actor | null = null;
  private form: ActorForm | null = null;
  /** Who the form was last loaded for ("" anonymous), once the session is known. */
  private loadedAs: string | null = null;

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.element = h(
      'section',
      {
        className: 'page actor-edit-page',
        testId: 'actor-edit-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'profile.breadcrumb' } },
        h('a', { i18n: 'edit.backToProfile', attrs: { href: actorHref(id) }, testId: 'edit-back' }),
      ),
      this.heading,
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return this.actor ? t('edit.titleOf', { name: this.actor.name }) : t('edit.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }

  onSessionChange(): void {
    if (this.loadedAs !== null && this.loadedAs !== (this.session.current?.who ?? '')) {
      void this.load();
    }
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    try {
      await this.session.ready();
      this.loadedAs = this.session.current?.who ?? '';
      if (!this.session.signedIn) return this.refuse(signInPrompt(actorEditHref(this.id)));
      const [actor, access] = await Promise.all([
        api.actor(this.id, signal),
        api.actorAccess(this.id, signal).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        }),
      ]);
      if (signal.aborted) return;
      if (!access?.can_edit) return this.refuse(forbiddenNotice('edit.forbidden'));
      this.messages.replaceChildren();
      this.show(actor);
    } catch (error) {
      if (signal.aborted) return;
      this.refuse(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private refuse(content: HTMLElement): void {
    this.actor = null;
    this.form = null;
    this.body.replaceChildren(content);
  }

  /** Builds the form for the actor as the server has it now (after loading or saving). */
  private show(actor: Actor): void {
    this.actor = actor;
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = t('edit.titleOf', { name: actor.name });
    document.title = `${this.title()} · Ecosol`;
    const footer = h(
      'div',
      { className: 'form-actions' },
      h('button', { i18n: 'edit.save', attrs: { type: 'submit' }, testId: 'edit-save' }),
      h('a', { i18n: 'edit.cancel', attrs: { href: actorHref(actor.id) } }),
    );
    this.form = new ActorForm(draftFromActor(actor), footer);
    const form = h(
      'form',
      { className: 'edit-form', testId: 'edit-form', attrs: { novalidate: true } },
      this.messages,
      this.form.element,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(form, () => this.save());
    });
    this.body.replaceChildren(form);
  }

  private async save(): Promise<void> {
    const { actor, form } = this;
    if (!actor || !form) return;
    this.messages.replaceChildren();
    const { patch, errors } = patchFromDraft(actor, form.read());
    if (errors.length > 0) {
      form.showErrors(errors)?.focus();
      this.messages.append(alertBox(t('edit.fixErrors')));
      return;
    }
    form.clearErrors();
    if (Object.keys(patch).length === 0) {
      this.messages.append(notice(t('edit.nothing'), 'edit-nothing'));
      return;
    }
    try {
      const updated = await api.patchActor(actor.id, patch);
      this.show(updated);
      this.messages.append(this.savedNotice(updated));
    } catch (error) {
      this.messages.append(this.saveError(error));
    }
  }

  private savedNotice(actor: Actor): HTMLElement {
    const el = notice(t('edit.saved', { version: actor.version ?? '' }), 'edit-saved');
    el.append(' ', h('a', { i18n: 'edit.viewProfile', attrs: { href: actorHref(actor.id) } }));
    return el;
  }

  /** The server's refusal: a field error, a version conflict (reload), a denial or the rest. */
  private saveError(error: unknown): HTMLElement {
    if (!(error instanceof ApiError)) return alertBox(errorDetail(error), 'edit-error');
    if (error.status === 409) {
      const box = alertBox(t('edit.conflict'), 'edit-conflict');
      box.append(
        h('button', {
          className: 'secondary',
          i18n: 'edit.reload',
          attrs: { type: 'button' },
          testId: 'edit-reload',
          on: { click: () => void this.load() },
        }),
      );
      return box;
    }
    if (error.status === 401) {
      const box = alertBox(t('edit.sessionEnded'), 'edit-error');
      box.append(
        h('a', { i18n: 'account.signIn', attrs: { href: signInHref(actorEditHref(this.id)) } }),
      );
      return box;
    }
    if (error.status === 403)
      return alertBox(t('edit.denied', { message: error.message }), 'edit-error');
    const field = error.status === 400 ? fieldOfMessage(error.message) : null;
    if (field) this.form?.showErrors([{ field, message: error.message }]);
    return alertBox(errorDetail(error), 'edit-error');
  }
}
