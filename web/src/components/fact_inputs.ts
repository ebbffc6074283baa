// One form control per fact of the catalogue, by its type: yes / no / not known radios for
// booleans, a select for enums, checkboxes for lists, a percentage for shares, numbers, text, and
// repeatable name + weight rows for voting colleges. Each reads back undefined when not known.

import { h, option } from '../dom';
import { getLang, t } from '../i18n/i18n';
import { inLang } from '../screening/engine';
import { valueLabel } from '../screening/facts';
import type { FactSpec } from '../screening/types';

export interface FactInput {
  readonly spec: FactSpec;
  readonly element: HTMLElement;
  /** The value entered, or undefined when it is not known (or not valid). */
  read(): unknown;
  /** Shows a value (null or undefined: not known). */
  write(value: unknown): void;
}

const NONE = '__none';

export function factInput(spec: FactSpec, idPrefix: string): FactInput {
  const id = `${idPrefix}-${spec.path.replace(/\W/g, '-')}`;
  switch (spec.type) {
    case 'boolean':
      return booleanInput(spec, id);
    case 'enum':
      return enumInput(spec, id);
    case 'enum_list':
      return listInput(spec, id);
    case 'colleges':
      return collegesInput(spec, id);
    case 'string':
      return textInput(spec, id);
    default:
      return numberInput(spec, id);
  }
}

const labelOf = (spec: FactSpec) => inLang(spec.label, getLang());

/** Tells the form that a control changed when no input event did (rows added or removed). */
function changed(el: HTMLElement): void {
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function choice(input: HTMLInputElement, text: string): HTMLElement {
  return h('label', { className: 'choice' }, input, ` ${text}`);
}

function booleanInput(spec: FactSpec, id: string): FactInput {
  const values = [
    ['true', 'form.yes'],
    ['false', 'form.no'],
    ['', 'form.unknown'],
  ] as const;
  const radios = values.map(([value]) =>
    h('input', {
      attrs: { type: 'radio', name: id, id: `${id}-${value || 'unknown'}`, value },
      testId: `fact-${spec.path}-${value || 'unknown'}`,
    }),
  );
  const element = h(
    'fieldset',
    { className: 'fact-field choices', testId: `fact-${spec.path}` },
    h('legend', { text: labelOf(spec) }),
    ...values.map(([, key], i) => choice(radios[i] as HTMLInputElement, t(key))),
  );
  const write = (value: unknown) => {
    const wanted = value === true ? 'true' : value === false ? 'false' : '';
    for (const radio of radios) radio.checked = radio.value === wanted;
  };
  write(undefined);
  return {
    spec,
    element,
    read: () => {
      const checked = radios.find((r) => r.checked)?.value ?? '';
      return checked === '' ? undefined : checked === 'true';
    },
    write,
  };
}

function labelled(spec: FactSpec, id: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { className: 'form-field fact-field' },
    h('label', { text: labelOf(spec), attrs: { for: id } }),
    control,
    hint && h('p', { className: 'hint', text: hint, attrs: { id: `${id}-hint` } }),
  );
}

function enumInput(spec: FactSpec, id: string): FactInput {
  const select = h('select', { attrs: { id, name: id }, testId: `fact-${spec.path}` });
  select.append(option('', { i18n: 'form.unknown' }));
  for (const value of spec.values ?? []) select.append(option(value, { text: valueLabel(value) }));
  return {
    spec,
    element: labelled(spec, id, select),
    read: () => select.value || undefined,
    write: (value) => {
      select.value = typeof value === 'string' ? value : '';
    },
  };
}

function listInput(spec: FactSpec, id: string): FactInput {
  const boxes = [...(spec.values ?? []), NONE].map((value) =>
    h('input', {
      attrs: { type: 'checkbox', name: id, id: `${id}-${value}`, value },
      testId: `fact-${spec.path}-${value === NONE ? 'none' : value}`,
    }),
  );
  const none = boxes[boxes.length - 1] as HTMLInputElement;
  const element = h(
    'fieldset',
    { className: 'fact-field choices', testId: `fact-${spec.path}` },
    h('legend', { text: labelOf(spec) }),
    ...boxes.map((box) => choice(box, box === none ? t('form.none') : valueLabel(box.value))),
  );
  // "None of these" and the values exclude each other.
  element.addEventListener('change', (event) => {
    if (event.target === none && none.checked) for (const b of boxes) b.checked = b === none;
    else if (event.target !== none) none.checked = false;
  });
  return {
    spec,
    element,
    read: () => {
      if (none.checked) return [];
      const checked = boxes.filter((b) => b.checked).map((b) => b.value);
      return checked.length > 0 ? checked : undefined;
    },
    write: (value) => {
      const list = Array.isArray(value) ? value : null;
      for (const box of boxes) {
        box.checked = box === none ? list?.length === 0 : (list?.includes(box.value) ?? false);
      }
    },
  };
}

function textInput(spec: FactSpec, id: string): FactInput {
  const input = h('input', { attrs: { id, name: id, type: 'text' }, testId: `fact-${spec.path}` });
  return {
    spec,
    element: labelled(spec, id, input),
    read: () => input.value.trim() || undefined,
    write: (value) => {
      input.value = typeof value === 'string' ? value : '';
    },
  };
}

/** A number from a number input, or undefined when empty or outside [min, max]. */
function readNumber(input: HTMLInputElement, min?: number, max?: number, whole = false) {
  const text = input.value.trim();
  const n = Number(text);
  const valid =
    text !== '' &&
    Number.isFinite(n) &&
    (min === undefined || n >= min) &&
    (max === undefined || n <= max) &&
    (!whole || Number.isInteger(n));
  if (text !== '' && !valid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return valid ? n : undefined;
}

/** A share as a percentage: 35 for 0.35, without float noise (0.35 * 100 = 35.00000000000001). */
export function toPercent(share: number): string {
  return String(Number((share * 100).toPrecision(12)));
}

function numberInput(spec: FactSpec, id: string): FactInput {
  const share = spec.type === 'share';
  const whole = spec.type === 'count';
  const min = spec.type === 'number' ? undefined : 0;
  const max = share ? 100 : undefined;
  const input = h('input', {
    attrs: {
      id,
      name: id,
      type: 'number',
      inputmode: 'decimal',
      min,
      max,
      step: whole ? 1 : 'any',
      'aria-describedby': share ? `${id}-hint` : undefined,
    },
    testId: `fact-${spec.path}`,
  });
  return {
    spec,
    element: labelled(spec, id, input, share ? t('form.percentHint') : undefined),
    read: () => {
      const n = readNumber(input, min, max, whole);
      return n !== undefined && share ? Number((n / 100).toPrecision(12)) : n;
    },
    write: (value) => {
      input.value = typeof value !== 'number' ? '' : share ? toPercent(value) : String(value);
    },
  };
}

function collegesInput(spec: FactSpec, id: string): FactInput {
  const rows = h('ol', { className: 'college-rows' });
  let next = 0;
  const addRow = (name = '', weight = '') => {
    const n = next++;
    const nameInput = h('input', {
      attrs: { id: `${id}-${n}-name`, type: 'text' },
      testId: 'college-name',
    });
    const weightInput = h('input', {
      attrs: { id: `${id}-${n}-weight`, type: 'number', min: 0, max: 100, step: 'any' },
      testId: 'college-weight',
    });
    nameInput.value = name;
    weightInput.value = weight;
    const row: HTMLLIElement = h(
      'li',
      { className: 'college-row' },
      h('label', { i18n: 'form.collegeName', attrs: { for: nameInput.id } }),
      nameInput,
      h('label', { i18n: 'form.collegeWeight', attrs: { for: weightInput.id } }),
      weightInput,
      h('button', {
        className: 'secondary',
        i18n: 'form.removeCollege',
        attrs: { type: 'button' },
        on: {
          click: () => {
            row.remove();
            changed(rows);
            add.focus();
          },
        },
      }),
    );
    rows.append(row);
    return nameInput;
  };
  const add = h('button', {
    className: 'secondary',
    i18n: 'form.addCollege',
    attrs: { type: 'button' },
    testId: `fact-${spec.path}-add`,
    on: {
      click: () => {
        addRow().focus();
        changed(rows);
      },
    },
  });
  return {
    spec,
    element: h(
      'fieldset',
      { className: 'fact-field', testId: `fact-${spec.path}` },
      h('legend', { text: labelOf(spec) }),
      rows,
      add,
    ),
    read: () => readColleges(rows),
    write: (value) => {
      rows.replaceChildren();
      for (const c of Array.isArray(value) ? value : []) {
        const { name, weight } = (c ?? {}) as { name?: unknown; weight?: unknown };
        addRow(String(name ?? ''), typeof weight === 'number' ? toPercent(weight) : '');
      }
    },
  };
}

function readColleges(rows: HTMLElement): { name: string; weight: number }[] | undefined {
  const out: { name: string; weight: number }[] = [];
  for (const row of rows.children) {
    const [name, weight] = [...row.querySelectorAll('input')];
    if (!name || !weight) continue;
    const w = readNumber(weight, 0, 100);
    if (name.value.trim() && w !== undefined) {
      out.push({ name: name.value.trim(), weight: Number((w / 100).toPrecision(12)) });
    }
  }
  return out.length > 0 ? out : undefined;
}
