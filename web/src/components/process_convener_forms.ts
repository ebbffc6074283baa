// What only a process's conveners do from its page (docs/participation.md, "Decisions" and
// "Sortition"): open a decision (process_convener_decision.ts), enter paper and in-person results
// of an open one (process_convener_paper.ts), and draw by lot (here). The forms are
// ConvenerForms (process_convener_common.ts); success is announced by the page, which reads the
// process again (ConvenerHost.done).

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { processApi, type DecisionRow, type Participant } from '../processes';
import {
  checkbox,
  checkField,
  ConvenerForm,
  field,
  lines,
  participantChecks,
  textInput,
  wholeNumber,
  type ConvenerHost,
} from './process_convener_common';
import { openDecisionForm } from './process_convener_decision';
import { PaperLoader } from './process_convener_paper';

export type { ConvenerHost } from './process_convener_common';

type Obj = Record<string, unknown>;

/** The colleges of the participants, each once, in the process's order. */
function colleges(participants: Participant[]): string[] {
  return [...new Set(participants.map((p) => p.college).filter((c) => c !== ''))];
}

/** A quota per college: the fewest seats it gets (empty: none). */
function quotaInputs(names: string[]): {
  fieldset: HTMLFieldSetElement;
  inputs: HTMLInputElement[];
} {
  const inputs = names.map((name, i) => {
    const input = textInput(`process-draw-quota-${i + 1}`, 'number', { min: '0', step: '1' });
    input.dataset.category = name;
    return input;
  });
  const fieldset = h(
    'fieldset',
    {
      className: 'process-quotas',
      attrs: { id: 'process-draw-quotas' },
      testId: 'process-draw-quotas',
    },
    h('legend', { i18n: 'process.draw.quotas' }),
    h('p', { className: 'hint', i18n: 'process.draw.quotasHint' }),
    ...inputs.map((input) =>
      h(
        'div',
        { className: 'form-field' },
        h(
          'label',
          { attrs: { for: input.id } },
          h('span', { i18n: 'process.draw.quotaFor' }),
          ' ',
          input.dataset.category ?? '',
        ),
        input,
      ),
    ),
  );
  return { fieldset, inputs };
}

/**
 * The draw by lot: its id, the public seed and its witnesses, the pool (participants, all checked
 * at first), the seats, and, stratified by college, the fewest seats per college.
 */
export function drawForm(host: ConvenerHost): ConvenerForm {
  const participants = host.view.process.participants;
  const pool = participantChecks('process-draw-pool', 'process.draw.pool', participants);
  const quotas = quotaInputs(colleges(participants));
  const c = {
    id: textInput('process-draw-id'),
    seed: textInput('process-draw-seed', 'text', { autocomplete: 'off' }),
    witnesses: h('textarea', {
      attrs: { id: 'process-draw-witnesses', name: 'witnesses', rows: 3 },
      testId: 'process-draw-witnesses',
    }),
    pool: pool.fieldset,
    seats: textInput('process-draw-seats', 'number', { min: '1', step: '1', value: '1' }),
    stratify: checkbox('process-draw-stratify', false),
    quotas: quotas.fieldset,
  };
  quotas.fieldset.hidden = true;
  c.stratify.disabled = quotas.inputs.length === 0;
  c.stratify.addEventListener('change', () => (quotas.fieldset.hidden = !c.stratify.checked));
  const form = new ConvenerForm(
    'process-draw-form',
    'process.draw.title',
    'process.draw.submit',
    c,
    [
      h('p', { className: 'notice', i18n: 'process.draw.explain', testId: 'process-draw-explain' }),
      field('process.draw.id', c.id),
      field('process.draw.seed', c.seed, 'process.draw.seedHint'),
      field('process.draw.witnesses', c.witnesses, 'process.draw.witnessesHint'),
      c.pool,
      field('process.draw.seats', c.seats),
      checkField('process.draw.stratify', c.stratify, 'process.draw.stratifyHint'),
      c.quotas,
    ],
    (f) => {
      if (!f.requireAll(['id', 'seed', 'seats'])) return null;
      const witnesses = lines(c.witnesses.value);
      if (witnesses.length === 0) return f.refuse('witnesses', t('process.draw.noWitness'));
      const members = pool.checked();
      if (members.length === 0) return f.refuse('pool', t('process.checks.noneChecked'));
      const seats = wholeNumber(f.value('seats'), 1);
      if (seats === null) return f.refuse('seats', t('process.draw.seatsError'));
      const doc: Obj = { id: f.value('id'), seed: f.value('seed'), witnesses, seats };
      const stratified = c.stratify.checked;
      doc.pool = members.map((p) =>
        stratified && p.college ? { id: p.id, category: p.college } : p.id,
      );
      if (stratified) {
        const list: Obj[] = [];
        for (const input of quotas.inputs) {
          const text = input.value.trim();
          if (text === '') continue;
          const min = wholeNumber(text, 0);
          if (min === null) return f.refuse('quotas', t('process.draw.quotaError'));
          if (min > 0) list.push({ category: input.dataset.category ?? '', min });
        }
        if (list.length > 0) doc.quotas = list;
      }
      return processApi.draw(host.processId, doc).then((draw) =>
        host.done(
          t('process.draw.done', {
            id: draw.id,
            list: draw.selected.join(', ') || '–',
            seed: draw.seed,
          }),
        ),
      );
    },
  );
  return form;
}

/** A convener's tools on the process page, kept while the page shows the same reading. */
export class ConvenerTools {
  /** Where an open decision's paper results are entered. */
  readonly paperArea: HTMLElement;
  private readonly paper: PaperLoader;
  private readonly open: ConvenerForm | null;
  private readonly draw: ConvenerForm;

  constructor(private readonly host: ConvenerHost) {
    this.paper = new PaperLoader(host);
    this.paperArea = this.paper.element;
    this.open = host.view.phase?.kind === 'decision' ? openDecisionForm(host) : null;
    this.draw = drawForm(host);
  }

  /** The form opening a decision, or why there is none outside a "decision" phase. */
  openArea(): HTMLElement {
    return (
      this.open?.element ??
      h('p', { className: 'hint', i18n: 'process.open.closedPhase', testId: 'process-open-phase' })
    );
  }

  drawArea(): HTMLElement {
    return this.draw.element;
  }

  /** The button opening the paper results of `d`. */
  paperButton(d: DecisionRow): HTMLElement {
    return this.paper.button(d);
  }

  onLanguageChange(): void {
    this.paper.onLanguageChange();
  }
}
