// One adaptation of the "Record a transfer" form, as FRAME asks for it: the element changed (one
// of the case's core elements, or the whole model), when, planned or reactive, who decided, what
// was changed at which level and how (each vocabulary a select), what was done, whether it kept
// fidelity to the core elements (yes, no or not said), the reasons (checkboxes), why and when.
// Every control is labelled; the row keeps what was typed until it is removed.

import { h, option } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { pickText, type CaseDoc } from '../knowledge';
import type { EnumGroup } from '../knowledge_labels';
import { FRAME, FRAME_CHOICES, type AdaptationFields, type FrameField } from '../knowledge_lineage';

type Choice = (typeof FRAME_CHOICES)[number];

const GROUPS: Record<FrameField, EnumGroup> = {
  when: 'frame_when',
  planned: 'frame_planned',
  what: 'frame_what',
  level: 'frame_level',
  change: 'frame_change',
  reasons: 'frame_reasons',
};

const LABELS: Record<Choice, MessageKey> = {
  when: 'knowledge.lineage.when',
  planned: 'knowledge.lineage.planned',
  what: 'knowledge.lineage.what',
  level: 'knowledge.lineage.level',
  change: 'knowledge.lineage.changeKind',
};

/** The catalogue key of a vocabulary's value (knowledge_labels.test.ts checks they all exist), so
 * that a language change relabels the form without losing what was chosen. */
const enumKey = (group: EnumGroup, value: string) => `knowledge.${group}.${value}` as MessageKey;

type TextField = 'decidedBy' | 'description' | 'why' | 'date';

export class AdaptationRow {
  readonly element: HTMLFieldSetElement;
  private readonly legend = h('legend');
  private readonly elementSelect: HTMLSelectElement;
  private readonly choices = new Map<Choice, HTMLSelectElement>();
  private readonly texts = new Map<TextField, HTMLInputElement | HTMLTextAreaElement>();
  private readonly fidelity: HTMLSelectElement;
  private readonly reasons: HTMLInputElement[];

  /** `key` makes the controls' ids unique on the page; `remove` drops the row. */
  constructor(
    private readonly key: string,
    doc: CaseDoc,
    lang: string,
    remove: () => void,
  ) {
    this.elementSelect = this.select('element', 'record-element');
    this.elementSelect.append(option('', { i18n: 'knowledge.lineage.wholeModel' }));
    for (const e of doc.coreElements) {
      this.elementSelect.append(option(e.id, { text: pickText(e.label, lang).text || e.id }));
    }
    for (const field of FRAME_CHOICES) {
      const select = this.select(field, `record-${field}`);
      select.append(option('', { i18n: 'knowledge.lineage.notSaid' }));
      for (const v of FRAME[field]) select.append(option(v, { i18n: enumKey(GROUPS[field], v) }));
      this.choices.set(field, select);
    }
    this.fidelity = this.select('fidelity', 'record-fidelity');
    this.fidelity.append(
      option('', { i18n: 'knowledge.lineage.notSaid' }),
      option('true', { i18n: 'knowledge.yes' }),
      option('false', { i18n: 'knowledge.no' }),
    );
    this.reasons = FRAME.reasons.map((r) =>
      h('input', {
        attrs: { id: this.id(`reason-${r}`), type: 'checkbox', value: r },
        testId: 'record-reason',
      }),
    );
    this.element = this.build(remove);
  }

  /** Numbers the row ("Adaptation 2") after another was removed. */
  setIndex(index: number): void {
    this.legend.textContent = t('knowledge.lineage.adaptationN', { n: index + 1 });
  }

  fields(): AdaptationFields {
    const text = (f: TextField) => this.texts.get(f)?.value ?? '';
    const choice = (f: Choice) => this.choices.get(f)?.value ?? '';
    const fidelity = this.fidelity.value;
    return {
      element: this.elementSelect.value,
      when: choice('when'),
      planned: choice('planned'),
      decidedBy: text('decidedBy'),
      what: choice('what'),
      level: choice('level'),
      change: choice('change'),
      description: text('description'),
      fidelity: fidelity === 'true' || fidelity === 'false' ? fidelity : '',
      reasons: this.reasons.filter((r) => r.checked).map((r) => r.value),
      why: text('why'),
      date: text('date'),
    };
  }

  /** Marks the controls of `fields` as invalid (and clears the others). */
  markInvalid(fields: string[]): void {
    const controls: [string, HTMLElement][] = [
      ...[...this.choices].map(([k, v]): [string, HTMLElement] => [k, v]),
      ...[...this.texts].map(([k, v]): [string, HTMLElement] => [k, v]),
    ];
    for (const [field, control] of controls) {
      if (fields.includes(field)) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  /** Focuses the first control marked invalid, else the first control. */
  focus(): void {
    const invalid = this.element.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.elementSelect).focus();
  }

  private id(name: string): string {
    return `record-${this.key}-${name}`;
  }

  private select(name: string, testId: string): HTMLSelectElement {
    return h('select', { attrs: { id: this.id(name), name }, testId });
  }

  private text(field: TextField, multiline: boolean, testId: string): HTMLElement {
    const control = multiline
      ? h('textarea', { attrs: { id: this.id(field), name: field, rows: 2 }, testId })
      : h('input', { attrs: { id: this.id(field), name: field, type: 'text' }, testId });
    this.texts.set(field, control);
    return control;
  }

  private field(label: MessageKey, control: HTMLElement, hint?: MessageKey): HTMLElement {
    const hintId = `${control.id}-hint`;
    if (hint) control.setAttribute('aria-describedby', hintId);
    return h(
      'div',
      { className: 'field' },
      h('label', { i18n: label, attrs: { for: control.id } }),
      control,
      hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
    );
  }

  private build(remove: () => void): HTMLFieldSetElement {
    const choice = (f: Choice) => this.field(LABELS[f], this.choices.get(f) as HTMLSelectElement);
    return h(
      'fieldset',
      { className: 'knowledge-adaptation-row', testId: 'record-adaptation' },
      this.legend,
      this.field('knowledge.lineage.element', this.elementSelect),
      choice('when'),
      this.field(
        'knowledge.lineage.date',
        this.text('date', false, 'record-date'),
        'knowledge.lineage.dateHint',
      ),
      choice('planned'),
      this.field(
        'knowledge.lineage.decidedBy',
        this.text('decidedBy', false, 'record-decided-by'),
        'knowledge.lineage.decidedByHint',
      ),
      choice('what'),
      choice('level'),
      choice('change'),
      this.field(
        'knowledge.lineage.description',
        this.text('description', true, 'record-description'),
        'knowledge.lineage.descriptionHint',
      ),
      this.field('knowledge.lineage.fidelity', this.fidelity, 'knowledge.lineage.fidelityHint'),
      h(
        'fieldset',
        { className: 'knowledge-list-field' },
        h('legend', { i18n: 'knowledge.lineage.reasons' }),
        ...this.reasons.map((r) =>
          h(
            'div',
            { className: 'field-check' },
            r,
            h('label', { i18n: enumKey('frame_reasons', r.value), attrs: { for: r.id } }),
          ),
        ),
      ),
      this.field('knowledge.lineage.why', this.text('why', true, 'record-why')),
      h(
        'p',
        {},
        h('button', {
          i18n: 'knowledge.lineage.removeAdaptation',
          attrs: { type: 'button' },
          testId: 'record-remove-adaptation',
          on: { click: remove },
        }),
      ),
    );
  }
}
