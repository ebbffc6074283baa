// "Record a transfer" (POST /knowledge/transfers) on a case's page, for signed-in users: the case
// shown is the one transferred; the reader finds the case that describes it where it went (a
// search of the commons), says when it started and how it went, and adds the adaptations made
// there row by row as FRAME records them. What the API would refuse is said before sending; a
// refusal is shown beside the form in the API's words, and nothing typed is lost either way.

import { h, option } from '../dom';
import { getLang, t, translateTree, type MessageKey } from '../i18n/i18n';
import type { CaseRecord, CaseSummary } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import {
  OUTCOMES,
  transferDocOf,
  type TransferProblem,
  type TransferRecord,
} from '../knowledge_lineage';
import { contextOf, type ContextFramework } from '../knowledge_transfer';
import { knowledgeCaseHref, signInHref } from '../router';
import type { SessionStore } from '../session';
import { apiRefusal } from './api_refusal';
import { AdaptationRow } from './knowledge_adaptation_row';
import { ContextForm } from './knowledge_context_form';
import { inputField, notice, pageForm, submitButton, whileBusy } from './form_field';

const PROBLEM_WORDS: Record<TransferProblem['problem'], MessageKey> = {
  case: 'knowledge.record.problem.case',
  same_case: 'knowledge.record.problem.sameCase',
  date: 'knowledge.record.problem.date',
  description: 'knowledge.record.problem.description',
  option: 'knowledge.record.problem.option',
  target: 'knowledge.record.problem.target',
};

/** The label of a field a problem names, as the form shows it. */
const FIELD_LABELS: Record<string, MessageKey> = {
  started: 'knowledge.lineage.started',
  outcome: 'knowledge.lineage.outcome',
  date: 'knowledge.lineage.date',
  when: 'knowledge.lineage.when',
  planned: 'knowledge.lineage.planned',
  what: 'knowledge.lineage.what',
  level: 'knowledge.lineage.level',
  change: 'knowledge.lineage.changeKind',
  reasons: 'knowledge.lineage.reasons',
};

function problemWords(p: TransferProblem): string {
  const label = FIELD_LABELS[p.field];
  const words = t(PROBLEM_WORDS[p.problem], { field: label ? t(label) : p.field });
  return p.row === null ? words : t('knowledge.record.inRow', { n: p.row + 1, problem: words });
}

export class RecordTransferForm {
  readonly element = h('div', { className: 'knowledge-record', testId: 'record-transfer' });
  private readonly form: HTMLFormElement;
  private readonly findInput = h('input', {
    attrs: { id: 'record-case-search', type: 'search', autocomplete: 'off' },
    testId: 'record-case-search',
  });
  private readonly found = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly chosen = h('p', { attrs: { 'aria-live': 'polite' }, testId: 'record-chosen' });
  private chosenCase: { id: string; title: string } | null = null;
  private readonly started = inputField({
    id: 'record-started',
    label: 'knowledge.lineage.started',
    hint: 'knowledge.lineage.dateHint',
    testId: 'record-started',
  });
  private readonly outcome = h('select', {
    attrs: { id: 'record-outcome', name: 'outcome' },
    testId: 'record-outcome',
  });
  private readonly note = h('textarea', {
    attrs: { id: 'record-outcome-note', name: 'outcome_note', rows: 2 },
    testId: 'record-outcome-note',
  });
  private readonly rows: AdaptationRow[] = [];
  private readonly targetArea = h('div', { testId: 'record-target' });
  private target: ContextForm | null = null;
  private framework: ContextFramework | null = null;
  /** One box per risk flag of the framework, once the catalogue has come. */
  private flagBoxes: HTMLInputElement[] = [];
  private readonly flagArea = h('div');
  private readonly rowsArea = h('div', { className: 'knowledge-adaptation-rows' });
  private readonly problems = h('div');
  private readonly result = h('div', { attrs: { 'aria-live': 'polite' } });
  private nextKey = 0;

  constructor(
    private record: CaseRecord,
    private readonly session: SessionStore,
    private readonly recorded: (transfer: TransferRecord) => void,
  ) {
    for (const o of OUTCOMES) {
      this.outcome.append(option(o, { i18n: `knowledge.outcome.${o}` as MessageKey }));
    }
    this.findInput.addEventListener('keydown', (event) => {
      // Enter searches here; it must not record the transfer.
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.find();
    });
    this.form = this.build();
    this.showChosen();
    this.render();
  }

  /** Draws the form, or the way to sign in; what was typed is kept. */
  render(record: CaseRecord = this.record): void {
    this.record = record;
    if (!this.session.signedIn) {
      this.element.replaceChildren(
        h(
          'p',
          { className: 'hint' },
          h('a', {
            i18n: 'knowledge.record.signIn',
            attrs: { href: signInHref(knowledgeCaseHref(record.id)) },
            testId: 'record-signin',
          }),
        ),
      );
      return;
    }
    this.element.replaceChildren(this.form, this.result);
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.renumber();
    this.showChosen();
  }

  private build(): HTMLFormElement {
    return pageForm(
      {
        className: 'knowledge-record-form',
        label: 'knowledge.record.title',
        testId: 'record-form',
        noValidate: true,
      },
      () => void this.submit(),
      h('p', { className: 'hint', i18n: 'knowledge.record.intro' }),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'knowledge.record.findCase', attrs: { for: this.findInput.id } }),
        h(
          'div',
          { className: 'knowledge-inline' },
          this.findInput,
          h('button', {
            i18n: 'knowledge.transfer.findSubmit',
            attrs: { type: 'button' },
            testId: 'record-case-find',
            on: { click: () => void this.find() },
          }),
        ),
      ),
      this.found,
      this.chosen,
      this.started.field,
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'knowledge.lineage.outcome', attrs: { for: this.outcome.id } }),
        this.outcome,
      ),
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'knowledge.lineage.outcomeNote', attrs: { for: this.note.id } }),
        this.note,
      ),
      h('h3', { i18n: 'knowledge.lineage.adaptations' }),
      this.rowsArea,
      h(
        'p',
        {},
        h('button', {
          i18n: 'knowledge.lineage.addAdaptation',
          attrs: { type: 'button' },
          testId: 'record-add-adaptation',
          on: { click: () => this.addRow() },
        }),
      ),
      this.targetSection(),
      this.problems,
      submitButton('knowledge.record.submit', 'record-submit'),
    );
  }

  /** The target context (the wizard's form, once the catalogue is known) and the flags. */
  private targetSection(): HTMLElement {
    this.targetArea.replaceChildren(
      h('p', { className: 'hint', i18n: 'knowledge.record.noCatalogue' }),
    );
    return h(
      'section',
      { className: 'knowledge-record-target' },
      h('h3', { i18n: 'knowledge.record.target' }),
      h('p', { className: 'hint', i18n: 'knowledge.record.targetHint' }),
      h(
        'details',
        { testId: 'record-target-details' },
        h('summary', { i18n: 'knowledge.record.describeTarget' }),
        this.targetArea,
      ),
      h(
        'fieldset',
        { className: 'knowledge-list-field', testId: 'record-flags' },
        h('legend', { i18n: 'knowledge.record.flags' }),
        this.flagArea,
      ),
    );
  }

  /** The context catalogue, for the target's form; what was described is kept. */
  setFramework(framework: ContextFramework): void {
    const fields = this.target?.fields();
    this.framework = framework;
    this.target = new ContextForm(framework, getLang(), { territory: false });
    if (fields) this.target.setFields(fields);
    this.targetArea.replaceChildren(this.target.element);
    const ticked = new Set(this.flagBoxes.filter((b) => b.checked).map((b) => b.value));
    this.flagBoxes = framework.flags.map((flag) => {
      const box = h('input', {
        attrs: { id: `record-flag-${flag}`, type: 'checkbox', name: 'flags', value: flag },
        testId: 'record-flag',
      });
      box.checked = ticked.has(flag);
      return box;
    });
    this.flagArea.replaceChildren(
      ...this.flagBoxes.map((box) =>
        h(
          'div',
          { className: 'field-check' },
          box,
          h('label', { text: box.value, attrs: { for: box.id } }),
        ),
      ),
    );
  }

  private addRow(): void {
    const key = String(this.nextKey++);
    const row: AdaptationRow = new AdaptationRow(key, this.record.doc, getLang(), () => {
      this.rows.splice(this.rows.indexOf(row), 1);
      row.element.remove();
      this.renumber();
    });
    this.rows.push(row);
    this.rowsArea.append(row.element);
    this.renumber();
    row.focus();
  }

  private renumber(): void {
    this.rows.forEach((row, i) => row.setIndex(i));
  }

  private async find(): Promise<void> {
    this.found.textContent = t('status.loading');
    try {
      const search = await knowledgeApi.find(this.findInput.value.trim(), getLang());
      const items = search.items.filter((i) => i.id !== this.record.id);
      this.found.replaceChildren(this.foundList(items));
    } catch (error) {
      this.found.replaceChildren(apiRefusal('knowledge.errorTitle', error));
    }
  }

  private foundList(items: CaseSummary[]): HTMLElement {
    if (items.length === 0) {
      return h('p', { i18n: 'knowledge.transfer.noMatch', testId: 'record-no-match' });
    }
    return h(
      'ul',
      { className: 'knowledge-found' },
      ...items.map((item) =>
        h(
          'li',
          { attrs: { 'data-case': item.id }, testId: 'record-found-case' },
          h('span', { text: item.title || item.id, attrs: { lang: item.titleLang || undefined } }),
          ' ',
          h('button', {
            i18n: 'knowledge.transfer.choose',
            attrs: {
              type: 'button',
              'aria-label': t('knowledge.transfer.chooseCase', { title: item.title || item.id }),
            },
            testId: 'record-choose',
            on: { click: () => this.choose(item) },
          }),
        ),
      ),
    );
  }

  private choose(item: CaseSummary): void {
    this.chosenCase = { id: item.id, title: item.title || item.id };
    this.found.replaceChildren();
    this.showChosen();
  }

  private showChosen(): void {
    const c = this.chosenCase;
    if (!c) {
      this.chosen.replaceChildren(
        h('span', { className: 'hint', i18n: 'knowledge.record.noCase' }),
      );
      return;
    }
    this.chosen.replaceChildren(
      h('span', { i18n: 'knowledge.record.chosen' }),
      ' ',
      h('a', { text: c.title, attrs: { href: knowledgeCaseHref(c.id), 'data-case': c.id } }),
    );
  }

  private showProblems(problems: TransferProblem[]): void {
    const messages = problems.map(problemWords);
    this.rows.forEach((row, i) =>
      row.markInvalid(problems.filter((p) => p.row === i).map((p) => p.field)),
    );
    if (problems.some((p) => p.field === 'started')) {
      this.started.input.setAttribute('aria-invalid', 'true');
    } else {
      this.started.input.removeAttribute('aria-invalid');
    }
    if (problems.length === 0) {
      this.problems.replaceChildren();
      return;
    }
    this.problems.replaceChildren(
      h(
        'div',
        { className: 'alert', attrs: { role: 'alert' }, testId: 'record-problems' },
        h('p', { i18n: 'knowledge.transfer.fixProblems' }),
        h('ul', {}, ...messages.map((m) => h('li', { text: m }))),
      ),
    );
  }

  /** The described target, or null; its unreadable values as problems. */
  private targetOf(): { target: Record<string, unknown> | null; problems: TransferProblem[] } {
    if (!this.target || !this.framework) return { target: null, problems: [] };
    const { context, problems } = contextOf(this.framework, this.target.fields());
    this.target.markProblems(problems);
    return {
      target: Object.keys(context).length > 0 ? context : null,
      problems: problems.map((p) => ({ field: p.feature, row: null, problem: 'target' })),
    };
  }

  private async submit(): Promise<void> {
    this.result.replaceChildren();
    const target = this.targetOf();
    const { doc, problems: docProblems } = transferDocOf(
      {
        originCase: this.record.id,
        caseId: this.chosenCase?.id ?? '',
        started: this.started.input.value,
        outcome: this.outcome.value,
        outcomeNote: this.note.value,
        adaptations: this.rows.map((r) => r.fields()),
        target: target.target,
        flags: this.flagBoxes.filter((b) => b.checked).map((b) => b.value),
      },
      getLang(),
    );
    const problems = [...docProblems, ...target.problems];
    if (problems.length > 0) {
      this.showProblems(problems);
      return;
    }
    this.showProblems([]);
    await whileBusy(this.form, async () => {
      try {
        const transfer = await knowledgeApi.recordTransfer(doc);
        this.reset();
        this.result.replaceChildren(
          notice(t('knowledge.record.done', { case: transfer.caseId }), 'record-done'),
        );
        this.recorded(transfer);
      } catch (error) {
        this.result.replaceChildren(
          apiRefusal('knowledge.record.errorTitle', error, 'record-error'),
        );
      }
    });
  }

  private reset(): void {
    this.chosenCase = null;
    this.showChosen();
    this.findInput.value = '';
    this.started.input.value = '';
    this.outcome.value = OUTCOMES[0];
    this.note.value = '';
    for (const row of this.rows) row.element.remove();
    this.rows.length = 0;
    for (const box of this.flagBoxes) box.checked = false;
    this.target?.setFields({ id: '', name: '', territory: '', values: {} });
  }
}
