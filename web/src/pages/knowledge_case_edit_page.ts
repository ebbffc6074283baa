// Writing a case of the knowledge commons: #/knowledge/new (a new case, POST /knowledge/cases) and
// #/knowledge/cases/{id}/edit (a new version of the head the reader may see, PUT
// /knowledge/cases/{id} with the version it started from). Both are drafts until a steward
// approves them. The form edits the main fields; the loaded document is kept and only what the
// form edits is replaced, and "Advanced" shows the whole document as JSON for the rest. What the
// API would refuse is said next to its field before sending; its refusals (a field error, a
// version saved since, a denial) are shown beside the form, and nothing typed is lost.

import '../styles/knowledge.css';
import { ApiError } from '../api';
import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { refusalDetail } from '../components/api_refusal';
import { errorMessage } from '../components/error_message';
import { alertBox, notice, whileBusy } from '../components/form_field';
import { CaseForm, type FieldMessage } from '../components/knowledge_case_form';
import { h } from '../dom';
import { getLang, t, translateTree, type MessageKey } from '../i18n/i18n';
import { pick } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import {
  docFromDraft,
  draftFromDoc,
  type CaseDraft,
  type CaseProblem,
} from '../knowledge_case_draft';
import { fieldOfCaseError, type EditableCase } from '../knowledge_case_record';
import type { Json } from '../json_read';
import { isObject } from '../json_read';
import type { ContextFramework } from '../knowledge_transfer';
import {
  knowledgeCaseEditHref,
  knowledgeCaseHref,
  knowledgeNewHref,
  pageHref,
  signInHref,
} from '../router';
import type { SessionStore } from '../session';
import type { Page, PageContext } from './page';

/** Who may write cases: signed in with a role that writes, and not a read-only session. */
export function mayWriteCases(session: SessionStore): boolean {
  if (!session.signedIn || session.current?.readOnly) return false;
  return ['member', 'steward', 'admin'].some((r) => session.holds(r as 'member'));
}

/** A problem in words: what is wrong with the field and how to fix it. */
export function problemMessage(p: CaseProblem): string {
  return t(`knowledge.edit.problem.${p.problem}` as MessageKey, p.params);
}

export class KnowledgeCaseEditPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { attrs: { tabindex: -1 }, testId: 'case-edit-title' });
  private readonly body = h('div');
  private readonly messages = h('div', {
    className: 'form-messages',
    testId: 'case-edit-messages',
  });
  private readonly json = h('textarea', {
    attrs: { id: 'case-json', rows: 16, spellcheck: false },
    testId: 'case-json',
  });
  private readonly jsonMessages = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly controller = new AbortController();
  private loaded: EditableCase | null = null;
  private base: Json = {};
  private framework: ContextFramework | null = null;
  private form: CaseForm | null = null;
  private loadedAs: string | null = null;

  /** `id`: the case to edit, or null to write a new one. */
  constructor(
    private readonly id: string | null,
    private readonly session: SessionStore,
    private readonly ctx: PageContext,
  ) {
    this.element = h(
      'section',
      {
        className: 'page knowledge-edit-page',
        testId: 'case-edit-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'p',
        { className: 'breadcrumb' },
        h('a', { i18n: 'nav.knowledge', attrs: { href: pageHref('knowledge') } }),
        id && ' › ',
        id && h('a', { text: id, attrs: { href: knowledgeCaseHref(id) } }),
      ),
      this.heading,
      this.body,
    );
    this.heading.textContent = this.title();
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    if (!this.id) return t('knowledge.edit.newTitle');
    const name = this.loaded
      ? pick(this.loaded.doc.title as Record<string, string>, getLang())
      : '';
    return t('knowledge.edit.editTitle', { title: name || this.id });
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.heading.textContent = this.title();
  }

  onSessionChange(): void {
    if (this.loadedAs !== null && this.loadedAs !== (this.session.current?.who ?? '')) {
      void this.load();
    }
  }

  destroy(): void {
    this.controller.abort();
  }

  private get here(): string {
    return this.id ? knowledgeCaseEditHref(this.id) : knowledgeNewHref();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    try {
      await this.session.ready();
      this.loadedAs = this.session.current?.who ?? '';
      if (!this.session.signedIn) {
        return this.body.replaceChildren(signInPrompt(this.here));
      }
      if (!mayWriteCases(this.session)) {
        return this.body.replaceChildren(forbiddenNotice('knowledge.edit.forbidden'));
      }
      const [loaded, framework] = await Promise.all([
        this.id ? knowledgeApi.editableCase(this.id, signal) : Promise.resolve(null),
        // Without the catalogue the form still works: dependencies and origin are kept as they are.
        knowledgeApi.contextFramework(getLang(), signal).catch(() => null),
      ]);
      if (signal.aborted) return;
      this.loaded = loaded;
      this.framework = framework;
      this.messages.replaceChildren();
      this.show(loaded?.doc ?? {});
      if (loaded && loaded.version !== loaded.headVersion) {
        this.messages.append(
          notice(
            t('knowledge.edit.notHead', { version: loaded.version, head: loaded.headVersion }),
          ),
        );
      }
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  /** Builds the form for `doc`, the document whose fields the form does not edit are kept. */
  private show(doc: Json, lang?: string): void {
    this.base = doc;
    this.heading.textContent = this.title();
    document.title = `${this.title()} · Ecosol`;
    const footer = h(
      'div',
      { className: 'form-actions' },
      h('button', { i18n: 'knowledge.edit.save', attrs: { type: 'submit' }, testId: 'case-save' }),
      h('a', {
        i18n: 'knowledge.edit.cancel',
        attrs: { href: this.id ? knowledgeCaseHref(this.id) : pageHref('knowledge') },
      }),
    );
    this.form = new CaseForm(
      draftFromDoc(doc, getLang(), lang),
      this.framework,
      getLang(),
      !this.id,
      footer,
      (next, current) => this.changeWritingLang(next, current),
    );
    const form = h(
      'form',
      {
        className: 'edit-form knowledge-edit-form',
        testId: 'case-edit-form',
        attrs: { novalidate: true },
        i18nAttrs: {
          'aria-label': this.id ? 'knowledge.edit.editForm' : 'knowledge.edit.newTitle',
        },
      },
      h('p', { className: 'hint', i18n: 'knowledge.edit.intro' }),
      this.messages,
      this.form.element,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(form, () => this.save());
    });
    this.body.replaceChildren(form, this.advanced());
  }

  /**
   * Redraws the form with the other texts in `lang`: what was typed in the old language is kept
   * in the document (problems do not stop it: they are shown when saving).
   */
  private changeWritingLang(lang: string, current: CaseDraft): void {
    const removed = this.form?.removedLanguages() ?? [];
    const { doc } = docFromDraft(this.base, current, this.framework, removed);
    this.show(doc, lang);
    document.getElementById('case-writing-lang')?.focus();
  }

  /** The document the form makes, or null after showing what to fix. */
  private document(): Json | null {
    const form = this.form;
    if (!form) return null;
    const { doc, problems } = docFromDraft(
      this.base,
      form.read(),
      this.framework,
      form.removedLanguages(),
    );
    if (problems.length === 0) {
      form.clearErrors();
      return doc;
    }
    const messages: FieldMessage[] = problems.map((p) => ({
      field: p.field,
      message: problemMessage(p),
    }));
    form.showErrors(messages)?.focus();
    this.messages.replaceChildren(alertBox(t('knowledge.edit.fixErrors'), 'case-edit-problems'));
    return null;
  }

  private async save(): Promise<void> {
    this.messages.replaceChildren();
    const doc = this.document();
    if (!doc) return;
    try {
      const saved =
        this.id && this.loaded
          ? await knowledgeApi.updateCase(this.id, this.loaded.version, doc)
          : await knowledgeApi.createCase(doc);
      this.ctx.navigate(knowledgeCaseHref(saved.id));
    } catch (error) {
      this.messages.replaceChildren(this.saveError(error));
    }
  }

  /** The server's refusal: a field error, a version saved since (reload), a denial or the rest. */
  private saveError(error: unknown): HTMLElement {
    if (!(error instanceof ApiError)) return alertBox(refusalDetail(error), 'case-edit-error');
    if (error.status === 409) {
      const box = alertBox(
        t('knowledge.edit.conflict', { message: error.message }),
        'case-edit-conflict',
      );
      box.append(
        h('button', {
          className: 'secondary',
          i18n: 'knowledge.edit.reload',
          attrs: { type: 'button' },
          testId: 'case-edit-reload',
          on: { click: () => void this.load() },
        }),
      );
      return box;
    }
    if (error.status === 401) {
      const box = alertBox(t('edit.sessionEnded'), 'case-edit-error');
      box.append(' ', h('a', { i18n: 'account.signIn', attrs: { href: signInHref(this.here) } }));
      return box;
    }
    if (error.status === 403) {
      return alertBox(t('knowledge.edit.denied', { message: error.message }), 'case-edit-error');
    }
    const draft = this.form?.read();
    const field = error.status === 400 && draft ? fieldOfCaseError(error.message, draft) : null;
    if (field) this.form?.showErrors([{ field, message: error.message }]);
    return alertBox(
      t('knowledge.edit.refused', { message: refusalDetail(error) }),
      'case-edit-error',
    );
  }

  /** "Advanced": the whole document as JSON, shown from the form and applied back to it. */
  private advanced(): HTMLElement {
    return h(
      'details',
      { className: 'knowledge-edit-advanced', testId: 'case-advanced' },
      h('summary', { i18n: 'knowledge.edit.advanced' }),
      h('p', {
        className: 'hint',
        i18n: 'knowledge.edit.advancedHint',
        attrs: { id: 'case-json-hint' },
      }),
      h('label', { i18n: 'knowledge.edit.json', attrs: { for: this.json.id } }),
      this.json,
      this.jsonMessages,
      h(
        'p',
        { className: 'form-actions' },
        h('button', {
          className: 'secondary',
          i18n: 'knowledge.edit.showJson',
          attrs: { type: 'button' },
          testId: 'case-json-show',
          on: { click: () => this.showJson() },
        }),
        h('button', {
          className: 'secondary',
          i18n: 'knowledge.edit.applyJson',
          attrs: { type: 'button' },
          testId: 'case-json-apply',
          on: { click: () => this.applyJson() },
        }),
      ),
    );
  }

  private showJson(): void {
    const form = this.form;
    if (!form) return;
    // Problems do not stop showing the document: it is where some of them are fixed.
    const { doc } = docFromDraft(this.base, form.read(), this.framework, form.removedLanguages());
    this.json.value = JSON.stringify(doc, null, 2);
    this.json.removeAttribute('aria-invalid');
    this.jsonMessages.replaceChildren();
  }

  private applyJson(): void {
    let doc: unknown;
    try {
      doc = JSON.parse(this.json.value);
    } catch (error) {
      return this.jsonProblem(
        t('knowledge.edit.jsonError', { message: error instanceof Error ? error.message : '' }),
      );
    }
    if (!isObject(doc)) return this.jsonProblem(t('knowledge.edit.jsonNotObject'));
    if (this.id && doc.id !== this.id) {
      return this.jsonProblem(t('knowledge.edit.jsonId', { id: this.id }));
    }
    this.messages.replaceChildren();
    this.show(doc);
    this.json.value = JSON.stringify(doc, null, 2);
    this.jsonMessages.replaceChildren(notice(t('knowledge.edit.jsonApplied'), 'case-json-applied'));
  }

  private jsonProblem(message: string): void {
    this.json.setAttribute('aria-invalid', 'true');
    this.json.setAttribute('aria-describedby', 'case-json-hint case-json-error');
    this.jsonMessages.replaceChildren(
      h('p', {
        className: 'field-error',
        text: message,
        attrs: { id: 'case-json-error', role: 'alert' },
        testId: 'case-json-error',
      }),
    );
    this.json.focus();
  }
}
