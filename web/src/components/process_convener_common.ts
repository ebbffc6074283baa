// The pieces the conveners' forms of the process page share (process_convener_forms.ts): the
// page they sit on, labelled fields, participants as checkboxes, and ConvenerForm: every control
// labelled, what the form refuses itself shown under the control with nothing sent, the server's
// refusal above the form and under the control its message names, the buttons disabled while the
// request runs.

import { ApiError } from '../api';
import { h, type Child } from '../dom';
import { t, translateTree, type MessageKey } from '../i18n/i18n';
import type { Participant, ProcessView } from '../processes';
import { refusalDetail } from './api_refusal';
import { alertBox, clearFieldErrors, markFieldError } from './form_field';

export type Control =
  HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLFieldSetElement;

/** The page the forms sit on. */
export interface ConvenerHost {
  processId: string;
  view: ProcessView;
  /** Announces `text` above the sections, then reads the process again. */
  done(text: string): Promise<void>;
}

/** A label over its control, in a .form-field wrapper, with an optional hint tied to it. */
export function field(label: MessageKey, control: Control, hint?: MessageKey): HTMLElement {
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

/** A checkbox with its label after it. */
export function checkField(label: MessageKey, box: HTMLInputElement, hint?: MessageKey) {
  const hintId = hint ? `${box.id}-hint` : undefined;
  if (hintId) box.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { className: 'form-field process-check' },
    box,
    ' ',
    h('label', { i18n: label, attrs: { for: box.id } }),
    hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
  );
}

export const textInput = (id: string, type = 'text', attrs: Record<string, string> = {}) =>
  h('input', { attrs: { id, name: id, type, ...attrs }, testId: id });

export function checkbox(id: string, checked: boolean): HTMLInputElement {
  // The attribute, not only the property: a form's reset() gives it back.
  return h('input', { attrs: { id, name: id, type: 'checkbox', checked }, testId: id });
}

/** The lines of a text box, trimmed, without the empty ones. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A whole number typed in a field (null when it is not one, or below `min`). */
export function wholeNumber(text: string, min: number): number | null {
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n >= min ? n : null;
}

/**
 * One checkbox per participant (all checked at first), with buttons checking all or none.
 * `checked()` gives the ids checked, in the process's order.
 */
export function participantChecks(
  idPrefix: string,
  legend: MessageKey,
  participants: Participant[],
): { fieldset: HTMLFieldSetElement; checked: () => Participant[] } {
  const boxes = participants.map((p, i) => {
    const box = checkbox(`${idPrefix}-${i + 1}`, true);
    box.value = p.id;
    box.dataset.participant = p.id;
    return box;
  });
  const setAll = (on: boolean) => boxes.forEach((b) => (b.checked = on));
  const fieldset = h(
    'fieldset',
    { className: 'process-checks', attrs: { id: idPrefix }, testId: idPrefix },
    h('legend', { i18n: legend }),
    h(
      'div',
      { className: 'form-actions' },
      h('button', {
        className: 'secondary small',
        i18n: 'process.checks.all',
        attrs: { type: 'button' },
        on: { click: () => setAll(true) },
      }),
      h('button', {
        className: 'secondary small',
        i18n: 'process.checks.none',
        attrs: { type: 'button' },
        on: { click: () => setAll(false) },
      }),
    ),
    h(
      'ul',
      { className: 'process-check-list' },
      ...participants.map((p, i) => {
        const box = boxes[i] as HTMLInputElement;
        const name = p.name && p.name !== p.id ? `${p.name} (${p.id})` : p.id;
        return h(
          'li',
          {},
          box,
          ' ',
          h('label', { text: name, attrs: { for: box.id } }),
          p.college && h('span', { className: 'hint', text: ` — ${p.college}` }),
        );
      }),
    ),
  );
  return { fieldset, checked: () => participants.filter((_, i) => boxes[i]?.checked) };
}

/** The path a server message starts with, down to its first key ("seed: ..." -> "seed"). */
const firstKey = (message: string) => /^([a-z_]+)/.exec(message)?.[1];

/** A convener's form: its controls by key, its refusals, its busy state. */
export class ConvenerForm {
  readonly element: HTMLFormElement;
  private readonly messages = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly locate: (message: string) => string | undefined;

  constructor(
    private readonly testId: string,
    title: MessageKey,
    submitLabel: MessageKey,
    /** The controls, by the key the server's messages name. */
    readonly controls: Record<string, Control>,
    content: Child[],
    private readonly onSubmit: (form: ConvenerForm) => Promise<unknown> | null,
    options: { locate?: (message: string) => string | undefined; actions?: Child[] } = {},
  ) {
    this.locate = options.locate ?? firstKey;
    this.element = h(
      'form',
      {
        className: 'process-form process-convener-form',
        i18nAttrs: { 'aria-label': title },
        attrs: { novalidate: true },
        testId,
      },
      h('h3', { i18n: title, attrs: { tabindex: -1 }, testId: `${testId}-title` }),
      this.messages,
      ...content,
      h(
        'div',
        { className: 'form-actions' },
        h('button', { i18n: submitLabel, attrs: { type: 'submit' }, testId: `${testId}-submit` }),
        ...(options.actions ?? []),
      ),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** The trimmed value of the control of `key` ('' for a group). */
  value(key: string): string {
    const c = this.controls[key];
    return c && !(c instanceof HTMLFieldSetElement) ? c.value.trim() : '';
  }

  /** Marks `key` refused with `message` and focuses it; returns null (nothing to send). */
  refuse(key: string, message: string): null {
    const control = this.controls[key];
    if (!control) {
      this.messages.replaceChildren(alertBox(message, `${this.testId}-error`));
      return null;
    }
    control.closest('details')?.setAttribute('open', '');
    markFieldError(control, message);
    const target =
      control instanceof HTMLFieldSetElement
        ? control.querySelector<HTMLElement>('input, select, textarea, button')
        : control;
    (target ?? control).focus();
    return null;
  }

  /** Marks every required key left empty; true when none is. */
  requireAll(keys: string[]): boolean {
    const empty = keys.filter((k) => this.value(k) === '');
    for (const k of empty.reverse()) this.refuse(k, t('process.form.required'));
    return empty.length === 0;
  }

  async submit(): Promise<void> {
    this.clear();
    const work = this.onSubmit(this);
    if (!work) return;
    // Only the buttons enabled now are disabled, and given back: a ballot form's own disabled
    // buttons (a ranking's "move up" at the top) stay as they were.
    const buttons = [...this.element.querySelectorAll('button')].filter((b) => !b.disabled);
    for (const b of buttons) b.disabled = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      await work;
    } catch (error) {
      this.refused(error);
    } finally {
      for (const b of buttons) b.disabled = false;
      this.element.removeAttribute('aria-busy');
    }
  }

  clear(): void {
    clearFieldErrors(this.element);
    this.messages.replaceChildren();
  }

  /** The server's message above the form, and under the control it names (400). */
  private refused(error: unknown): void {
    this.messages.replaceChildren(alertBox(refusalDetail(error), `${this.testId}-error`));
    if (!(error instanceof ApiError) || error.status !== 400) return;
    const key = this.locate(error.message);
    const control = key ? this.controls[key] : undefined;
    if (!control) return;
    control.closest('details')?.setAttribute('open', '');
    markFieldError(control, error.message);
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }
}
