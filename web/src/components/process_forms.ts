// The forms of a participatory process: a proposal, an amendment, a comment (participants), an
// institutional response and an accountability result (conveners). Each control is labelled;
// what the form refuses itself (a required field empty, a response that is not pending without a
// justification) is shown under the control and nothing is sent; what the server refuses is shown
// above the form with its own message (400 names the field, 409 the phase needed, 403 who may),
// and under the field it names. The button is disabled while the request runs.

import { refusalDetail } from './api_refusal';
import { ApiError } from '../api';
import { h, option } from '../dom';
import { t, translateTree, type MessageKey } from '../i18n/i18n';
import { ANSWERS, RESULT_STATUSES } from '../processes';
import { alertBox, clearFieldErrors, markFieldError, notice, whileBusy } from './form_field';
import { answerLabel, statusLabel } from './process_views';

type Doc = Record<string, unknown>;
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A label over its control, in a .form-field wrapper. */
function field(label: MessageKey, control: Control, hint?: MessageKey): HTMLElement {
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: label, attrs: { for: control.id } }),
    control,
    hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
  );
}

const input = (id: string, type = 'text', attrs: Doc = {}) =>
  h('input', { attrs: { id, name: id, type, ...(attrs as Record<string, string>) }, testId: id });
const textarea = (id: string, rows = 4) =>
  h('textarea', { attrs: { id, name: id, rows }, testId: id });

function select(id: string, choices: readonly (readonly [string, string])[]): HTMLSelectElement {
  const el = h('select', { attrs: { id, name: id }, testId: id });
  for (const [value, text] of choices) el.append(option(value, { text }));
  return el;
}

/** A process form: its controls by document key, its refusals, and its busy state. */
export class ProcessForm {
  readonly element: HTMLFormElement;
  private readonly messages = h('div', { attrs: { 'aria-live': 'polite' } });

  constructor(
    private readonly testId: string,
    title: MessageKey,
    submitLabel: MessageKey,
    /** The controls, by the key of the document the server names in its messages. */
    readonly controls: Record<string, Control>,
    fields: HTMLElement[],
    private readonly onSubmit: (form: ProcessForm) => Promise<unknown> | null,
    private readonly done: MessageKey,
  ) {
    this.element = h(
      'form',
      {
        className: 'process-form',
        i18nAttrs: { 'aria-label': title },
        attrs: { novalidate: true },
        testId,
      },
      h('h3', { i18n: title }),
      this.messages,
      ...fields,
      h(
        'div',
        { className: 'form-actions' },
        h('button', { i18n: submitLabel, attrs: { type: 'submit' }, testId: `${testId}-submit` }),
      ),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** The trimmed value of the control of `key`. */
  value(key: string): string {
    return this.controls[key]?.value.trim() ?? '';
  }

  /** Marks `key` refused with `message` and focuses it; returns null (nothing to send). */
  refuse(key: string, message: string): null {
    const control = this.controls[key];
    if (control) {
      markFieldError(control, message);
      control.focus();
    }
    return null;
  }

  /** Marks every required key left empty; true when none is. */
  requireAll(keys: string[]): boolean {
    const empty = keys.filter((k) => this.value(k) === '');
    for (const k of empty.reverse()) this.refuse(k, t('process.form.required'));
    return empty.length === 0;
  }

  async submit(): Promise<void> {
    clearFieldErrors(this.element);
    this.messages.replaceChildren();
    const work = this.onSubmit(this);
    if (!work) return;
    await whileBusy(this.element, async () => {
      try {
        await work;
        this.element.reset();
        this.messages.replaceChildren(notice(t(this.done), `${this.testId}-done`));
      } catch (error) {
        this.refused(error);
      }
    });
  }

  /** The server's message above the form, and under the control it names (400). */
  private refused(error: unknown): void {
    this.messages.replaceChildren(alertBox(refusalDetail(error), `${this.testId}-error`));
    if (!(error instanceof ApiError) || error.status !== 400) return;
    const key = /^[a-z_]+\.([a-z_]+)/.exec(error.message)?.[1];
    const control = key ? this.controls[key] : undefined;
    if (control) markFieldError(control, error.message);
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }
}

/** Who writes: a select of the participants the caller acts as (one: still shown, fixed). */
function authorSelect(prefix: string, authors: string[]): HTMLSelectElement {
  return select(
    `${prefix}-author`,
    authors.map((a) => [a, a] as const),
  );
}

export function proposalForm(authors: string[], send: (doc: Doc) => Promise<unknown>): ProcessForm {
  const c = {
    author: authorSelect('process-proposal', authors),
    title: input('process-proposal-title'),
    body: textarea('process-proposal-body', 6),
  };
  return new ProcessForm(
    'process-proposal-form',
    'process.proposal.formTitle',
    'process.proposal.submit',
    c,
    [
      field('process.author', c.author),
      field('process.proposal.title', c.title),
      field('process.proposal.body', c.body),
    ],
    (f) => {
      if (!f.requireAll(['author', 'title'])) return null;
      const doc: Doc = { title: f.value('title'), author: f.value('author') };
      if (f.value('body')) doc.body = f.value('body');
      return send(doc);
    },
    'process.proposal.done',
  );
}

export function amendmentForm(
  proposal: string,
  authors: string[],
  send: (doc: Doc) => Promise<unknown>,
): ProcessForm {
  const c = {
    author: authorSelect('process-amendment', authors),
    text: textarea('process-amendment-text'),
  };
  return new ProcessForm(
    'process-amendment-form',
    'process.amendment.formTitle',
    'process.amendment.submit',
    c,
    [field('process.author', c.author), field('process.amendment.text', c.text)],
    (f) =>
      f.requireAll(['author', 'text'])
        ? send({ proposal, text: f.value('text'), author: f.value('author') })
        : null,
    'process.amendment.done',
  );
}

/** A comment on the proposal or one of its amendments (`targets`: [id, label]). */
export function commentForm(
  targets: [string, string][],
  authors: string[],
  send: (doc: Doc) => Promise<unknown>,
): ProcessForm {
  const c = {
    on: select('process-comment-on', targets),
    author: authorSelect('process-comment', authors),
    text: textarea('process-comment-text'),
  };
  return new ProcessForm(
    'process-comment-form',
    'process.comment.formTitle',
    'process.comment.submit',
    c,
    [
      field('process.comment.on', c.on),
      field('process.author', c.author),
      field('process.comment.text', c.text),
    ],
    (f) =>
      f.requireAll(['on', 'author', 'text'])
        ? send({ on: f.value('on'), text: f.value('text'), author: f.value('author') })
        : null,
    'process.comment.done',
  );
}

/**
 * A convener's institutional response: who answers, the answer, its deadline, and why (required
 * unless the answer is pending, as the server requires).
 */
export function responseForm(proposal: string, send: (doc: Doc) => Promise<unknown>): ProcessForm {
  const c = {
    by: input('process-response-by'),
    answer: select(
      'process-response-answer',
      ANSWERS.map((a) => [a, answerLabel(a)] as const),
    ),
    deadline: input('process-response-deadline', 'date'),
    justification: textarea('process-response-justification'),
  };
  return new ProcessForm(
    'process-response-form',
    'process.response.formTitle',
    'process.response.submit',
    c,
    [
      field('process.response.by', c.by, 'process.response.byHint'),
      field('process.response.answer', c.answer),
      field('process.response.deadline', c.deadline),
      field('process.response.justification', c.justification, 'process.response.whyHint'),
    ],
    (f) => {
      if (!f.requireAll(['by', 'deadline'])) return null;
      const answer = f.value('answer');
      const justification = f.value('justification');
      if (answer !== 'pending' && !justification) {
        return f.refuse('justification', t('process.response.whyRequired'));
      }
      const doc: Doc = { proposal, by: f.value('by'), answer, deadline: f.value('deadline') };
      if (justification) doc.justification = justification;
      return send(doc);
    },
    'process.response.done',
  );
}

/** A convener's accountability result for the proposal. */
export function resultForm(proposal: string, send: (doc: Doc) => Promise<unknown>): ProcessForm {
  const c = {
    title: input('process-result-title'),
    status: select(
      'process-result-status',
      RESULT_STATUSES.map((s) => [s, statusLabel(s)] as const),
    ),
    progress: input('process-result-progress', 'number', { min: '0', max: '100', step: '1' }),
    description: textarea('process-result-description'),
  };
  return new ProcessForm(
    'process-result-form',
    'process.result.formTitle',
    'process.result.submit',
    c,
    [
      field('process.result.title', c.title),
      field('process.result.statusLabel', c.status),
      field('process.result.progressLabel', c.progress, 'process.result.progressHint'),
      field('process.result.description', c.description),
    ],
    (f) => {
      if (!f.requireAll(['title'])) return null;
      const doc: Doc = {
        title: f.value('title'),
        proposals: [proposal],
        status: f.value('status'),
      };
      const progress = f.value('progress');
      if (progress !== '') {
        const n = Number(progress);
        if (!Number.isFinite(n) || n < 0 || n > 100) {
          return f.refuse('progress', t('process.result.progressRange'));
        }
        doc.progress = n;
      }
      if (f.value('description')) doc.description = f.value('description');
      return send(doc);
    },
    'process.result.done',
  );
}
