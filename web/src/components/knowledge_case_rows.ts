// The repeated parts of the case editor (knowledge_case_form.ts): a list of rows with "add" and
// "remove", and the rows themselves (root cause, core element with its dependencies, actor,
// outcome with its sources, scaling path). Each row draws its draft's values, reads them back
// and names its controls by the document's path (data-field="outcomes[1].evidence"), so that a
// problem finds its control whatever rows were removed before it.

import { h, option } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { pickText } from '../knowledge';
import { allowedValues, OPS_BY_TYPE } from '../knowledge_case_dependency';
import {
  type ActorRowDraft,
  type DependencyDraft,
  type ElementDraft,
  type OutcomeDraft,
  type RootCauseDraft,
  type ScalingDraft,
  type SourceDraft,
} from '../knowledge_case_draft';
import { ENUMS, enumLabel, type EnumGroup } from '../knowledge_labels';
import type { ContextFramework } from '../knowledge_transfer';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

let nextId = 0;
const freshId = (prefix: string) => `${prefix}-${nextId++}`;

/** A control with its label, named `name` within its row (data-name) for setIndex. */
function labelled(label: MessageKey, control: Control, hint?: HTMLElement): HTMLElement {
  return h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: label, attrs: { for: control.id } }),
    control,
    hint,
  );
}

export function textControl(
  name: string,
  value: string,
  testId: string,
  multiline = false,
): HTMLInputElement | HTMLTextAreaElement {
  const attrs = { id: freshId(`case-${testId}`), 'data-name': name };
  const control = multiline
    ? h('textarea', { attrs: { ...attrs, rows: 3 }, testId })
    : h('input', { attrs: { ...attrs, type: 'text' }, testId });
  control.value = value;
  return control;
}

/** A select of an enumeration, with "not said" first. */
export function enumSelect(
  name: string,
  group: EnumGroup,
  value: string,
  testId: string,
  values: readonly string[] = ENUMS[group],
): HTMLSelectElement {
  const select = h('select', {
    attrs: { id: freshId(`case-${testId}`), 'data-name': name },
    testId,
  });
  select.append(option('', { i18n: 'knowledge.edit.notSaid' }));
  for (const v of values) select.append(option(v, { text: enumLabel(group, v) }));
  // A value of a newer server stays selectable rather than being lost.
  if (value && !values.includes(value)) select.append(option(value, { text: value }));
  select.value = value;
  return select;
}

/** A row of a RowList. */
export interface Row<D> {
  readonly element: HTMLElement;
  read(): D;
  /** Names the row's controls after its place: `${prefix}[${i}]`. */
  setIndex(prefix: string, i: number): void;
}

/** Sets the data-field of the row's own controls (not those of nested rows) and its legend. */
function nameControls(
  element: HTMLElement,
  path: string,
  legend: HTMLElement,
  words: string,
): void {
  legend.textContent = words;
  for (const c of element.querySelectorAll<HTMLElement>('[data-name]')) {
    if (c.closest('fieldset') !== element) continue;
    const name = c.dataset.name ?? '';
    c.dataset.field = name ? `${path}.${name}` : path;
  }
}

/** Rows with an "add" button; removing a row renumbers the others. */
export class RowList<D> {
  readonly element: HTMLElement;
  private readonly rows: Row<D>[] = [];
  private readonly area = h('div', { className: 'knowledge-edit-rows' });
  private path: string;

  /** `name`: the document's key of the list ("outcomes"), under its parent row once placed. */
  constructor(
    private readonly name: string,
    addLabel: MessageKey,
    testId: string,
    private readonly make: (draft: D | null, remove: () => void) => Row<D>,
    drafts: D[],
  ) {
    this.element = h(
      'div',
      { testId },
      this.area,
      h('button', {
        className: 'secondary',
        i18n: addLabel,
        attrs: { type: 'button' },
        testId: `${testId}-add`,
        on: { click: () => this.add(null, true) },
      }),
    );
    this.path = name;
    for (const d of drafts) this.add(d, false);
  }

  /** Places a nested list under its row ("outcomes[1]" -> "outcomes[1].sources"). */
  setPrefix(parent: string): void {
    this.path = `${parent}.${this.name}`;
  }

  read(): D[] {
    return this.rows.map((r) => r.read());
  }

  renumber(): void {
    this.rows.forEach((r, i) => r.setIndex(this.path, i));
  }

  private add(draft: D | null, focus: boolean): void {
    const row: Row<D> = this.make(draft, () => {
      this.rows.splice(this.rows.indexOf(row), 1);
      row.element.remove();
      this.renumber();
    });
    this.rows.push(row);
    this.area.append(row.element);
    this.renumber();
    if (focus) row.element.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }
}

function removeButton(label: string, remove: () => void): HTMLButtonElement {
  return h('button', {
    className: 'secondary',
    i18n: 'knowledge.edit.remove',
    attrs: { type: 'button', 'aria-label': label },
    testId: 'case-row-remove',
    on: { click: remove },
  });
}

/** A fieldset row: legend "Outcome 2", its fields and a remove button labelled with the legend. */
function rowOf<D>(
  legendKey: MessageKey,
  testId: string,
  fields: HTMLElement[],
  read: () => D,
  remove: () => void,
  nested: RowList<unknown>[] = [],
): Row<D> {
  const legend = h('legend');
  const button = removeButton('', remove);
  const element = h('fieldset', { className: 'knowledge-edit-row', testId }, legend, ...fields);
  element.append(h('p', {}, button));
  return {
    element,
    read,
    setIndex(prefix, i) {
      const words = t(legendKey, { n: i + 1 });
      nameControls(element, `${prefix}[${i}]`, legend, words);
      button.setAttribute('aria-label', t('knowledge.edit.removeRow', { row: words }));
      for (const list of nested) {
        list.setPrefix(`${prefix}[${i}]`);
        list.renumber();
      }
    },
  };
}

export function rootCauseRow(d: RootCauseDraft | null, remove: () => void): Row<RootCauseDraft> {
  const text = textControl('', d?.text ?? '', 'case-root-cause', true);
  return rowOf(
    'knowledge.edit.rootCause',
    'case-root-cause-row',
    [labelled('knowledge.edit.text', text)],
    () => ({ text: text.value, base: d?.base ?? null }),
    remove,
  );
}

export function actorRow(d: ActorRowDraft | null, remove: () => void): Row<ActorRowDraft> {
  const name = textControl('name', d?.name ?? '', 'case-actor-name');
  const actorId = textControl('actor_id', d?.actorId ?? '', 'case-actor-id');
  const role = enumSelect('role', 'role', d?.role ?? '', 'case-actor-role');
  return rowOf(
    'knowledge.edit.actor',
    'case-actor-row',
    [
      labelled('knowledge.edit.actorName', name),
      labelled('knowledge.edit.actorId', actorId),
      labelled('knowledge.edit.role', role),
    ],
    () => ({ name: name.value, actorId: actorId.value, role: role.value, base: d?.base ?? null }),
    remove,
  );
}

export function scalingRow(d: ScalingDraft | null, remove: () => void): Row<ScalingDraft> {
  const path = enumSelect('path', 'scaling', d?.path ?? '', 'case-scaling-path');
  const text = textControl('text', d?.text ?? '', 'case-scaling-text', true);
  return rowOf(
    'knowledge.edit.scalingItem',
    'case-scaling-row',
    [labelled('knowledge.edit.scalingPath', path), labelled('knowledge.edit.scalingText', text)],
    () => ({ path: path.value, text: text.value, base: d?.base ?? null }),
    remove,
  );
}

function sourceRow(d: SourceDraft | null, remove: () => void): Row<SourceDraft> {
  const title = textControl('title', d?.title ?? '', 'case-source-title');
  const url = textControl('url', d?.url ?? '', 'case-source-url');
  const year = textControl('year', d?.year ?? '', 'case-source-year');
  year.inputMode = 'numeric';
  return rowOf(
    'knowledge.edit.source',
    'case-source-row',
    [
      labelled('knowledge.edit.sourceTitle', title),
      labelled('knowledge.edit.sourceUrl', url),
      labelled('knowledge.edit.sourceYear', year),
    ],
    () => ({ title: title.value, url: url.value, year: year.value, base: d?.base ?? null }),
    remove,
  );
}

export function outcomeRow(d: OutcomeDraft | null, remove: () => void): Row<OutcomeDraft> {
  const text = textControl('text', d?.text ?? '', 'case-outcome-text', true);
  const evidence = enumSelect('evidence', 'evidence', d?.evidence ?? '', 'case-outcome-evidence');
  const sources = new RowList<SourceDraft>(
    'sources',
    'knowledge.edit.addSource',
    'case-sources',
    sourceRow,
    d?.sources ?? [],
  );
  return rowOf(
    'knowledge.edit.outcome',
    'case-outcome-row',
    [
      labelled('knowledge.edit.outcomeText', text),
      labelled('knowledge.edit.evidence', evidence),
      sources.element,
    ],
    () => ({
      text: text.value,
      evidence: evidence.value,
      sources: sources.read(),
      base: d?.base ?? null,
    }),
    remove,
    [sources as RowList<unknown>],
  );
}

/** A dependency: the feature (from the catalogue), the ops its type takes, the value, why. */
function dependencyRow(
  framework: ContextFramework | null,
  lang: string,
): (d: DependencyDraft | null, remove: () => void) => Row<DependencyDraft> {
  return (d, remove) => {
    const feature = h('select', {
      attrs: { id: freshId('case-dep-feature'), 'data-name': 'feature' },
      testId: 'case-dep-feature',
    });
    feature.append(option('', { i18n: 'knowledge.edit.chooseFeature' }));
    for (const f of framework?.features ?? []) {
      feature.append(option(f.id, { text: pickText(f.label, lang).text || f.id }));
    }
    if (d?.feature && !framework?.features.some((f) => f.id === d.feature)) {
      feature.append(option(d.feature, { text: d.feature }));
    }
    feature.value = d?.feature ?? '';
    const op = enumSelect('op', 'op', d?.op ?? '', 'case-dep-op');
    const value = textControl('value', d?.value ?? '', 'case-dep-value');
    const hint = h('p', { className: 'hint', attrs: { id: `${value.id}-hint` } });
    value.setAttribute('aria-describedby', hint.id);
    const why = textControl('why', d?.why ?? '', 'case-dep-why');
    const severity = enumSelect('severity', 'severity', d?.severity ?? '', 'case-dep-severity');
    const notSaid = severity.options.item(0);
    if (notSaid) notSaid.textContent = t('knowledge.edit.defaultSeverity');
    const update = () => {
      const f = framework?.features.find((x) => x.id === feature.value);
      hint.textContent = f ? t('knowledge.edit.valueHint', { values: allowedValues(f) }) : '';
      const ops = f ? (OPS_BY_TYPE[f.type] ?? []) : ENUMS.op;
      for (const o of op.options) o.hidden = o.value !== '' && !ops.includes(o.value);
    };
    feature.addEventListener('change', update);
    update();
    return rowOf(
      'knowledge.edit.dependency',
      'case-dep-row',
      [
        labelled('knowledge.edit.feature', feature),
        labelled('knowledge.edit.op', op),
        labelled('knowledge.edit.value', value, hint),
        labelled('knowledge.edit.why', why),
        labelled('knowledge.edit.severity', severity),
      ],
      () => ({
        feature: feature.value,
        op: op.value,
        value: value.value,
        why: why.value,
        severity: severity.value,
        base: d?.base ?? null,
      }),
      remove,
    );
  };
}

export function elementRow(
  framework: ContextFramework | null,
  lang: string,
): (d: ElementDraft | null, remove: () => void) => Row<ElementDraft> {
  return (d, remove) => {
    const id = textControl('id', d?.id ?? '', 'case-element-id');
    const label = textControl('label', d?.label ?? '', 'case-element-label');
    const description = textControl(
      'description',
      d?.description ?? '',
      'case-element-description',
      true,
    );
    const deps = new RowList<DependencyDraft>(
      'relies_on',
      'knowledge.edit.addDependency',
      'case-deps',
      dependencyRow(framework, lang),
      d?.reliesOn ?? [],
    );
    return rowOf(
      'knowledge.edit.element',
      'case-element-row',
      [
        labelled('knowledge.edit.elementId', id),
        labelled('knowledge.edit.elementLabel', label),
        labelled('knowledge.edit.description', description),
        h('p', { className: 'hint', i18n: 'knowledge.edit.reliesOnHint' }),
        deps.element,
      ],
      () => ({
        id: id.value,
        label: label.value,
        description: description.value,
        reliesOn: deps.read(),
        base: d?.base ?? null,
      }),
      remove,
      [deps as RowList<unknown>],
    );
  };
}
