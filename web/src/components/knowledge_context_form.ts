// The target context of a transfer, as a form generated from the context catalogue: the place's
// id, name and territory, then one group per domain with a control per feature (levels and
// choices as selects, yes/no questions, shares as 0..1 or a percentage, numbers, lists as
// checkboxes with "none of these"). Every control can say "unknown", which is its default: an
// unknown is reported as a question to answer, never guessed. The feature's question is its hint.

import { h, option } from '../dom';
import { t } from '../i18n/i18n';
import { pickText } from '../knowledge';
import type {
  ContextFeature,
  ContextFields,
  ContextFramework,
  FieldProblem,
} from '../knowledge_transfer';

type Control =
  | { kind: 'value'; element: HTMLInputElement | HTMLSelectElement }
  | { kind: 'list'; boxes: HTMLInputElement[]; none: HTMLInputElement };

const controlId = (feature: string) => `context-${feature}`;

function selectOf(feature: ContextFeature, lang: string): HTMLSelectElement {
  const select = h('select', {
    attrs: { id: controlId(feature.id), name: feature.id, 'data-feature': feature.id },
    testId: 'context-feature',
  });
  select.append(option('', { text: t('knowledge.transfer.unknown') }));
  if (feature.type === 'bool') {
    select.append(
      option('true', { text: t('knowledge.yes') }),
      option('false', { text: t('knowledge.no') }),
    );
  } else {
    for (const o of feature.options) {
      select.append(option(o.value, { text: pickText(o.label, lang).text || o.value }));
    }
  }
  return select;
}

function inputOf(feature: ContextFeature): HTMLInputElement {
  const share = feature.type === 'share';
  return h('input', {
    attrs: {
      id: controlId(feature.id),
      name: feature.id,
      type: share ? 'text' : 'number',
      inputmode: share ? 'decimal' : undefined,
      min: share ? undefined : 0,
      step: share ? undefined : 'any',
      'data-feature': feature.id,
    },
    testId: 'context-feature',
  });
}

function textInput(name: string): HTMLInputElement {
  return h('input', {
    attrs: { id: `context-${name}-field`, name, type: 'text', autocomplete: 'off' },
    testId: `context-${name}`,
  });
}

export class ContextForm {
  readonly element: HTMLElement;
  private readonly id = textInput('id');
  private readonly name = textInput('name');
  private readonly territory = textInput('territory');
  private readonly controls = new Map<string, Control>();
  private readonly fieldsets = new Map<string, HTMLElement>();

  /** `territory: false` leaves out the territory (a case's origin profile has none). */
  constructor(
    private readonly framework: ContextFramework,
    private readonly lang: string,
    options: { territory?: boolean } = {},
  ) {
    this.element = h(
      'div',
      { className: 'knowledge-context-form', testId: 'context-form' },
      h('p', { className: 'hint', i18n: 'knowledge.transfer.contextHint' }),
      h(
        'div',
        { className: 'knowledge-context-place' },
        this.labelled('knowledge.transfer.contextId', this.id),
        this.labelled('knowledge.transfer.contextName', this.name),
        options.territory !== false &&
          this.labelled(
            'knowledge.transfer.territory',
            this.territory,
            'knowledge.transfer.territoryHint',
          ),
      ),
      ...framework.domains.map((d) => this.domainGroup(d.id, pickText(d.label, lang).text || d.id)),
    );
  }

  /** What the form holds, for contextOf(). */
  fields(): ContextFields {
    const values: ContextFields['values'] = {};
    for (const [feature, control] of this.controls) {
      if (control.kind === 'value') {
        values[feature] = control.element.value;
      } else if (control.none.checked) {
        values[feature] = [];
      } else {
        const checked = control.boxes.filter((b) => b.checked).map((b) => b.value);
        values[feature] = checked.length > 0 ? checked : null;
      }
    }
    return {
      id: this.id.value,
      name: this.name.value,
      territory: this.territory.value,
      values,
    };
  }

  /** Puts values back (the form is rebuilt in another language). */
  setFields(fields: ContextFields): void {
    this.id.value = fields.id;
    this.name.value = fields.name;
    this.territory.value = fields.territory;
    for (const [feature, control] of this.controls) {
      const value = fields.values[feature];
      if (control.kind === 'value') {
        control.element.value = typeof value === 'string' ? value : '';
      } else {
        control.none.checked = Array.isArray(value) && value.length === 0;
        for (const box of control.boxes) {
          box.checked = Array.isArray(value) && value.includes(box.value);
        }
      }
    }
  }

  /** Marks the features whose values cannot be sent; returns the messages, in form order. */
  markProblems(problems: { feature: string; problem: FieldProblem }[]): string[] {
    for (const el of this.element.querySelectorAll('[aria-invalid]'))
      el.removeAttribute('aria-invalid');
    return problems.map(({ feature, problem }) => {
      const control = this.controls.get(feature);
      const target = control?.kind === 'value' ? control.element : this.fieldsets.get(feature);
      target?.setAttribute('aria-invalid', 'true');
      const f = this.framework.features.find((x) => x.id === feature);
      const name = (f && pickText(f.label, this.lang).text) || feature;
      return t(`knowledge.transfer.problem.${problem}`, { feature: name });
    });
  }

  private labelled(
    label:
      | 'knowledge.transfer.contextId'
      | 'knowledge.transfer.contextName'
      | 'knowledge.transfer.territory',
    control: HTMLElement,
    hint?: 'knowledge.transfer.territoryHint',
  ): HTMLElement {
    const hintId = hint ? `${control.id}-hint` : undefined;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h(
      'div',
      { className: 'field' },
      h('label', { i18n: label, attrs: { for: control.id } }),
      control,
      hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
    );
  }

  private domainGroup(domain: string, label: string): HTMLElement {
    const features = this.framework.features.filter((f) => f.domain === domain);
    return h(
      'fieldset',
      { className: 'knowledge-domain', attrs: { 'data-domain': domain }, testId: 'context-domain' },
      h('legend', { text: label }),
      ...features.map((f) => this.featureField(f)),
    );
  }

  private featureField(feature: ContextFeature): HTMLElement {
    const label = pickText(feature.label, this.lang).text || feature.id;
    const question = pickText(feature.question, this.lang);
    const hintId = `${controlId(feature.id)}-hint`;
    const hintText = [
      question.text,
      feature.type === 'share' ? t('knowledge.transfer.shareHint') : '',
    ].filter(Boolean);
    const hint =
      hintText.length > 0 &&
      h('p', { className: 'hint', text: hintText.join(' '), attrs: { id: hintId } });
    if (feature.type === 'list') return this.listField(feature, label, hint || null, hintId);
    const control =
      feature.type === 'share' || feature.type === 'number'
        ? inputOf(feature)
        : selectOf(feature, this.lang);
    if (hint) control.setAttribute('aria-describedby', hintId);
    this.controls.set(feature.id, { kind: 'value', element: control });
    return h(
      'div',
      { className: 'field' },
      h('label', { text: label, attrs: { for: control.id } }),
      control,
      hint,
    );
  }

  private listField(
    feature: ContextFeature,
    label: string,
    hint: HTMLElement | null,
    hintId: string,
  ): HTMLElement {
    const box = (value: string, text: string, testId: string) => {
      const id = `${controlId(feature.id)}-${value || 'none'}`;
      const input = h('input', {
        attrs: { id, type: 'checkbox', name: feature.id, value, 'data-feature': feature.id },
        testId,
      });
      return {
        input,
        field: h(
          'div',
          { className: 'field-check' },
          input,
          h('label', { text, attrs: { for: id } }),
        ),
      };
    };
    const boxes = feature.options.map((o) =>
      box(o.value, pickText(o.label, this.lang).text || o.value, 'context-option'),
    );
    const none = box('', t('knowledge.transfer.noneOfThese'), 'context-none');
    // "None of these" and a value exclude each other.
    none.input.addEventListener('change', () => {
      if (none.input.checked) for (const b of boxes) b.input.checked = false;
    });
    for (const b of boxes) {
      b.input.addEventListener('change', () => {
        if (b.input.checked) none.input.checked = false;
      });
    }
    this.controls.set(feature.id, {
      kind: 'list',
      boxes: boxes.map((b) => b.input),
      none: none.input,
    });
    const fieldset = h(
      'fieldset',
      {
        className: 'knowledge-list-field',
        attrs: { 'data-feature': feature.id, 'aria-describedby': hint ? hintId : undefined },
        testId: 'context-list',
      },
      h('legend', { text: label }),
      hint,
      ...boxes.map((b) => b.field),
      none.field,
    );
    this.fieldsets.set(feature.id, fieldset);
    return fieldset;
  }
}
