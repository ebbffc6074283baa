// Labelled form controls and the notices forms show, so every input has its <label> and every
// message is announced.

import { h, option } from '../dom';
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
