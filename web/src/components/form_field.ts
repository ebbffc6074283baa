// Labelled form controls and the notices forms show, so every input has its <label> and every
// message is announced; and the pieces of the query forms of the ecosystem pages (trends, partners,
// suppliers), which are drawn alike.

import { api } from '../api';
import { h, option, type Child } from '../dom';
import type { Filters } from '../filters';
import type { MessageKey } from '../i18n/i18n';

export interface InputOptions {
  id: string;
  label: MessageKey;
  type?: string;
  value?: string;
  required?: boolean;
  autocomplete?: string;
  /** Extra attributes (min, max, step, maxlength...). */
  attrs?: Record<string, string | number | boolean>;
  hint?: MessageKey;
  testId?: string;
}

/** A label and its input, in a .form-field wrapper; a hint is tied by aria-describedby. */
export function inputField(options: InputOptions): { field: HTMLElement; input: HTMLInputElement } {
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const input = h('input', {
    attrs: {
      id: options.id,
      name: options.id,
      type: options.type ?? 'text',
      required: options.required,
      autocomplete: options.autocomplete,
      'aria-describedby': hintId,
      ...options.attrs,
    },
    testId: options.testId,
  });
  input.value = options.value ?? '';
  const field = h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: options.label, attrs: { for: options.id } }),
    input,
    options.hint && h('p', { className: 'hint', i18n: options.hint, attrs: { id: hintId } }),
  );
  return { field, input };
}

/** A label and its select over fixed values, each labelled from the catalogue. */
export function selectField(options: {
  id: string;
  label: MessageKey;
  choices: readonly (readonly [string, MessageKey])[];
  value: string;
  testId?: string;
}): { field: HTMLElement; select: HTMLSelectElement } {
  const select = h('select', {
    attrs: { id: options.id, name: options.id },
    testId: options.testId,
  });
  for (const [value, label] of options.choices) select.append(option(value, { i18n: label }));
  select.value = options.value;
  const field = h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: options.label, attrs: { for: options.id } }),
    select,
  );
  return { field, select };
}

/** A success or information line, announced politely. */
export function notice(text: string, testId?: string): HTMLElement {
  return h('p', { className: 'notice', text, attrs: { role: 'status' }, testId });
}

/** A refusal or a form error, announced at once. */
export function alertBox(text: string, testId = 'form-error'): HTMLElement {
  return h('div', { className: 'alert', attrs: { role: 'alert' }, testId }, h('p', { text }));
}

/** Disables a form's submit button while `work` runs. */
export async function whileBusy(form: HTMLFormElement, work: () => Promise<void>): Promise<void> {
  const buttons = [...form.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    await work();
  } finally {
    for (const b of buttons) b.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/**
 * A label, its control and a hint under it, in the .field wrapper of the ecosystem pages' query
 * forms. A hint given as a catalogue key is tied to the control (aria-describedby), so that it is
 * read with it; one given as an element is shown as it is.
 */
export function labelledControl(
  label: MessageKey,
  control: HTMLElement,
  hint?: MessageKey | HTMLElement,
): HTMLElement {
  let hintElement: HTMLElement | undefined;
  if (typeof hint === 'string') {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    hintElement = h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } });
  } else {
    hintElement = hint;
  }
  return h(
    'div',
    { className: 'field' },
    h('label', { i18n: label, attrs: { for: control.id } }),
    control,
    hintElement,
  );
}

/**
 * A form the page handles itself: `onSubmit` runs on Enter or the submit button instead of the
 * browser sending it. `label` names it for assistive technology (a page has several forms).
 */
export function pageForm(
  options: { className: string; label: MessageKey; testId: string; noValidate?: boolean },
  onSubmit: () => void,
  ...children: Child[]
): HTMLFormElement {
  const form = h(
    'form',
    {
      className: options.className,
      i18nAttrs: { 'aria-label': options.label },
      attrs: { novalidate: options.noValidate },
      testId: options.testId,
    },
    ...children,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return form;
}

export function submitButton(label: MessageKey, testId: string): HTMLButtonElement {
  return h('button', { i18n: label, attrs: { type: 'submit' }, testId });
}

/** Where a page says what it is doing (loading, nothing to show, a refusal), announced politely. */
export function statusLine(testId: string, tag: 'p' | 'div' = 'p'): HTMLElement {
  return h(tag, { className: 'status', attrs: { 'aria-live': 'polite' }, testId });
}

const SUGGEST_DELAY_MS = 250;

/**
 * Fills `list`, the <datalist> of `input`, with actors from the directory's search while the
 * reader types: from two characters, after a pause in typing, a new search cancelling the one
 * still running. `filters` narrows the search (e.g. to public bodies). A failed search leaves the
 * suggestions as they were: the reader can still type an id. Returns what stops it, for a page's
 * destroy().
 */
export function suggestActors(
  input: HTMLInputElement,
  list: HTMLDataListElement,
  filters: Omit<Filters, 'q'> = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(() => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      api
        .actors({ q, ...filters }, null, current.signal)
        .then((page) =>
          list.replaceChildren(...page.items.map((a) => option(a.id, { text: a.name || a.id }))),
        )
        .catch(() => {});
    }, SUGGEST_DELAY_MS);
  });
  return () => {
    controller?.abort();
    clearTimeout(timer);
  };
}

/**
 * Marks `control` invalid and puts `message` under it, linked by aria-describedby (the id
 * "<control id>-error").
 */
export function markFieldError(control: HTMLElement, message: string): void {
  const id = `${control.id}-error`;
  control.setAttribute('aria-invalid', 'true');
  const described = control.getAttribute('aria-describedby');
  control.setAttribute('aria-describedby', [described, id].filter(Boolean).join(' '));
  control.insertAdjacentElement(
    'afterend',
    h('p', { className: 'field-error', text: message, attrs: { id }, testId: 'field-error' }),
  );
}

/** Removes from `root` every mark markFieldError left. */
export function clearFieldErrors(root: HTMLElement): void {
  for (const el of root.querySelectorAll('.field-error')) el.remove();
  for (const control of root.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && id !== `${control.id}-error`);
    if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}
