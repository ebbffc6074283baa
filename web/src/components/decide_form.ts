// The tally form: method, options, seats, budget, colleges with their weights, legal preset,
// quorum, threshold and ballots (typed one JSON object per line, or entered one by one with the
// method's ballot form: decide_ballot_entry.ts), a JSON file to load, an example per method, and
// the whole input as JSON. The form writes the JSON box on every change; the JSON box, edited directly, fills the
// form; the JSON box is what is sent. Errors (the form's own, or the server's naming a field) are
// shown under the field they concern.

import { h } from '../dom';
import { METHODS, PRESETS, type Method, type Preset } from '../decide';
import { EXAMPLES } from '../decide_examples';
import {
  inputFromValues,
  valuesFromInput,
  type CollegeRow,
  type FormValues,
  type InputError,
  type InputField,
} from '../decide_input';
import { t, type MessageKey } from '../i18n/i18n';
import { BallotEntry } from './decide_ballot_entry';
import {
  clearFieldErrors,
  labelledControl,
  markFieldError,
  pageForm,
  submitButton,
} from './form_field';

type Obj = Record<string, unknown>;

export interface FieldMessage {
  field: InputField;
  text: string;
}

const PRESET_LABELS: Record<Preset, MessageKey> = {
  '': 'decide.preset.none',
  fr_scic: 'decide.preset.fr_scic',
  qc_solidarity: 'decide.preset.qc_solidarity',
  it_coop: 'decide.preset.it_coop',
};

function select(id: string, choices: [string, MessageKey][]): HTMLSelectElement {
  const el = h('select', { attrs: { id, name: id }, testId: id });
  for (const [value, key] of choices) {
    const o = h('option', { i18n: key });
    o.value = value;
    el.append(o);
  }
  return el;
}

function textarea(id: string, rows: number): HTMLTextAreaElement {
  return h('textarea', {
    attrs: { id, name: id, rows, spellcheck: 'false', autocomplete: 'off' },
    testId: id,
  });
}

function radio(id: string, value: string): HTMLInputElement {
  const el = h('input', { attrs: { id, name: 'decide-mode', type: 'radio' }, testId: id });
  el.value = value;
  return el;
}

function input(id: string, type: string, attrs: Obj = {}): HTMLInputElement {
  return h('input', {
    attrs: { id, name: id, type, ...(attrs as Record<string, string | number>) },
    testId: id,
  });
}

export class DecideForm {
  readonly element: HTMLFormElement;
  private readonly method = select(
    'decide-method',
    METHODS.map((m) => [m, `decide.method.${m}` as MessageKey]),
  );
  private readonly options = textarea('decide-options', 5);
  private readonly seats = input('decide-seats', 'number', { min: 1, step: 1 });
  private readonly budget = input('decide-budget', 'number', { min: 0, step: 'any' });
  private readonly collegeRows = h('div', { className: 'decide-college-rows' });
  private readonly colleges: HTMLFieldSetElement;
  private readonly preset = select(
    'decide-preset',
    PRESETS.map((p) => [p, PRESET_LABELS[p]]),
  );
  private readonly minBallots = input('decide-quorum', 'number', { min: 0, step: 1 });
  private readonly thresholdShare = input('decide-threshold', 'number', {
    min: 0,
    max: 100,
    step: 'any',
  });
  private readonly thresholdRule = select('decide-threshold-rule', [
    ['more', 'decide.thresholdRule.more'],
    ['least', 'decide.thresholdRule.least'],
  ]);
  private readonly ballots = textarea('decide-ballots', 8);
  private readonly ballotsField = labelledControl(
    'decide.ballots',
    this.ballots,
    'decide.ballots.hint',
  );
  private readonly modeLines = radio('decide-mode-lines', 'lines');
  private readonly modeOne = radio('decide-mode-one', 'one');
  private readonly entry = new BallotEntry((ballots) => this.setBallots(ballots));
  private readonly file = input('decide-file', 'file', { accept: '.json,application/json' });
  private readonly json = textarea('decide-json', 14);
  private readonly loaded = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'decide-loaded',
  });
  /** The form's own errors from its last change; the JSON box then lacks what they concern. */
  private formErrors: InputError[] = [];

  constructor(private readonly onTally: (input: Obj) => void) {
    this.colleges = h(
      'fieldset',
      { className: 'decide-colleges', attrs: { id: 'decide-colleges' }, testId: 'decide-colleges' },
      h('legend', { i18n: 'decide.colleges' }),
      h('p', { className: 'hint', i18n: 'decide.colleges.hint' }),
      this.collegeRows,
      h('button', {
        className: 'secondary small',
        i18n: 'decide.college.add',
        attrs: { type: 'button' },
        testId: 'decide-college-add',
        on: { click: () => this.addCollege() },
      }),
    );
    this.element = pageForm(
      {
        className: 'decide-form',
        label: 'decide.form.label',
        testId: 'decide-form',
        noValidate: true,
      },
      () => this.submit(),
      this.examples(),
      h(
        'div',
        { className: 'decide-grid' },
        labelledControl('decide.method', this.method),
        labelledControl('decide.seats', this.seats),
        labelledControl('decide.budget', this.budget),
        labelledControl('decide.preset', this.preset),
        labelledControl('decide.quorum', this.minBallots),
        labelledControl('decide.threshold', this.thresholdShare, 'decide.threshold.hint'),
        labelledControl('decide.thresholdRule', this.thresholdRule),
      ),
      labelledControl('decide.options', this.options, 'decide.options.hint'),
      this.colleges,
      this.modes(),
      this.ballotsField,
      this.entry.element,
      labelledControl('decide.file', this.file),
      h(
        'details',
        { className: 'decide-advanced', testId: 'decide-advanced' },
        h('summary', { i18n: 'decide.json' }),
        labelledControl('decide.json.label', this.json, 'decide.json.hint'),
      ),
      h('div', { className: 'form-actions' }, submitButton('decide.submit', 'decide-submit')),
    );
    this.element.addEventListener('input', (e) => this.changed(e.target));
    this.element.addEventListener('change', (e) => {
      const mode = e.target === this.modeLines || e.target === this.modeOne;
      if (e.target instanceof HTMLSelectElement || mode) this.changed(e.target);
    });
    this.file.addEventListener('change', () => void this.readFile());
    this.modeLines.checked = true;
    this.entry.element.hidden = true;
    this.load({ method: 'single_choice', options: ['yes', 'no'], ballots: [] }, false);
  }

  private examples(): HTMLElement {
    return h(
      'fieldset',
      { className: 'decide-examples', testId: 'decide-examples' },
      h('legend', { i18n: 'decide.examples' }),
      h(
        'div',
        { className: 'decide-example-buttons' },
        ...METHODS.map((m) =>
          h('button', {
            className: 'secondary small',
            i18n: EXAMPLES[m].label,
            attrs: { type: 'button' },
            testId: `decide-example-${m}`,
            on: { click: () => this.loadExample(m) },
          }),
        ),
      ),
      this.loaded,
    );
  }

  /** How the ballots are entered: typed as JSON lines, or one by one with a ballot form. */
  private modes(): HTMLElement {
    const choice = (el: HTMLInputElement, key: MessageKey) =>
      h('div', { className: 'ballot-row' }, el, h('label', { i18n: key, attrs: { for: el.id } }));
    return h(
      'fieldset',
      { className: 'decide-modes', testId: 'decide-modes' },
      h('legend', { i18n: 'decide.mode' }),
      choice(this.modeLines, 'decide.mode.lines'),
      choice(this.modeOne, 'decide.mode.one'),
    );
  }

  /** Shows the JSON lines or the one-by-one entry, as the mode chosen says. */
  private switchMode(): void {
    const one = this.modeOne.checked;
    this.ballotsField.hidden = one;
    this.entry.element.hidden = !one;
    this.refreshEntry();
  }

  private refreshEntry(): void {
    if (this.modeOne.checked) this.entry.update(this.parsedJson() ?? {});
  }

  /** The ballots entered one by one, written to the ballots field and the JSON box. */
  private setBallots(ballots: unknown[]): void {
    this.ballots.value = ballots.map((b) => JSON.stringify(b)).join('\n');
    this.writeJson();
  }

  private loadExample(m: Method): void {
    this.load(structuredClone(EXAMPLES[m].input));
    this.loaded.textContent = t('decide.example.loaded', { name: t(EXAMPLES[m].label) });
  }

  /** Shows `input` in the JSON box and the form. */
  load(input: Obj, clear = true): void {
    this.json.value = JSON.stringify(input, null, 2);
    this.fill(valuesFromInput(input));
    this.formErrors = [];
    if (clear) this.clearErrors();
    this.refreshEntry();
  }

  values(): FormValues {
    const rows = [...this.collegeRows.querySelectorAll<HTMLElement>('.decide-college-row')];
    return {
      method: this.method.value as Method,
      options: this.options.value,
      seats: this.seats.value,
      budget: this.budget.value,
      colleges: rows.map((r) => ({
        name: r.querySelector<HTMLInputElement>('[data-role="name"]')?.value ?? '',
        weight: r.querySelector<HTMLInputElement>('[data-role="weight"]')?.value ?? '',
      })),
      preset: this.preset.value as Preset,
      minBallots: this.minBallots.value,
      thresholdShare: this.thresholdShare.value,
      thresholdRule: this.thresholdRule.value === 'least' ? 'least' : 'more',
      ballots: this.ballots.value,
    };
  }

  private fill(v: FormValues): void {
    this.method.value = v.method;
    this.options.value = v.options;
    this.seats.value = v.seats;
    this.budget.value = v.budget;
    this.preset.value = v.preset;
    this.minBallots.value = v.minBallots;
    this.thresholdShare.value = v.thresholdShare;
    this.thresholdRule.value = v.thresholdRule;
    this.ballots.value = v.ballots;
    this.renderColleges(v.colleges);
  }

  /** The JSON box as an object, or null when it is not one. */
  private parsedJson(): Obj | null {
    try {
      const v: unknown = JSON.parse(this.json.value);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
    } catch {
      return null;
    }
  }

  private changed(target: EventTarget | null): void {
    if (target === this.file) return;
    // The entry's own fields (the ballot being entered) are not the input's until cast.
    if (target instanceof Node && this.entry.element.contains(target)) return;
    if (target === this.modeLines || target === this.modeOne) {
      this.switchMode();
      return;
    }
    if (target === this.json) {
      const parsed = this.parsedJson();
      if (parsed) this.fill(valuesFromInput(parsed));
      this.formErrors = [];
      this.refreshEntry();
      return;
    }
    this.writeJson();
  }

  /** Writes the form over the JSON box (keys the form does not show are kept). */
  private writeJson(): void {
    const { input, errors } = inputFromValues(this.values(), this.parsedJson() ?? {});
    this.formErrors = errors;
    this.json.value = JSON.stringify(input, null, 2);
    this.refreshEntry();
  }

  renderColleges(rows: CollegeRow[]): void {
    this.collegeRows.replaceChildren(...rows.map((r, i) => this.collegeRow(r, i + 1)));
  }

  private collegeRow(r: CollegeRow, n: number): HTMLElement {
    const name = h('input', {
      attrs: { id: `decide-college-${n}-name`, type: 'text', 'data-role': 'name' },
      testId: 'decide-college-name',
    });
    name.value = r.name;
    const weight = h('input', {
      attrs: {
        id: `decide-college-${n}-weight`,
        type: 'number',
        min: 0,
        max: 100,
        step: 'any',
        'data-role': 'weight',
      },
      testId: 'decide-college-weight',
    });
    weight.value = r.weight;
    return h(
      'div',
      { className: 'decide-college-row', testId: 'decide-college-row' },
      h(
        'div',
        { className: 'field' },
        h('label', { text: t('decide.college.name', { n }), attrs: { for: name.id } }),
        name,
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { text: t('decide.college.weight', { n }), attrs: { for: weight.id } }),
        weight,
      ),
      h('button', {
        className: 'secondary small',
        text: t('decide.college.remove', { n }),
        attrs: { type: 'button' },
        testId: 'decide-college-remove',
        on: { click: () => this.removeCollege(n - 1) },
      }),
    );
  }

  private addCollege(): void {
    const rows = [...this.values().colleges, { name: '', weight: '' }];
    this.renderColleges(rows);
    this.collegeRows
      .querySelector<HTMLInputElement>(`#decide-college-${rows.length}-name`)
      ?.focus();
  }

  private removeCollege(index: number): void {
    const rows = this.values().colleges.filter((_, i) => i !== index);
    this.renderColleges(rows);
    this.writeJson();
    this.colleges.querySelector<HTMLButtonElement>('[data-testid="decide-college-add"]')?.focus();
  }

  private async readFile(): Promise<void> {
    const file = this.file.files?.[0];
    if (!file) return;
    this.clearErrors();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      markFieldError(this.file, t('decide.file.error', { name: file.name }));
      return;
    }
    this.load(parsed as Obj);
    this.loaded.textContent = t('decide.file.loaded', { name: file.name });
  }

  private control(field: InputField): HTMLElement {
    const controls: Record<InputField, HTMLElement> = {
      method: this.method,
      options: this.options,
      seats: this.seats,
      budget: this.budget,
      colleges: this.colleges,
      preset: this.preset,
      quorum: this.minBallots,
      threshold: this.thresholdShare,
      ballots: this.modeOne.checked ? this.entry.element : this.ballots,
      json: this.json,
    };
    return controls[field];
  }

  /** Puts each message under its field; the JSON box is opened when it is concerned. */
  showErrors(messages: FieldMessage[]): void {
    this.clearErrors();
    for (const m of messages) {
      if (m.field === 'json') this.element.querySelector('details')?.setAttribute('open', '');
      markFieldError(this.control(m.field), m.text);
    }
  }

  clearErrors(): void {
    clearFieldErrors(this.element);
  }

  /** Re-labels what the catalogue does not follow (the college rows' numbered labels). */
  onLanguageChange(): void {
    this.renderColleges(this.values().colleges);
    this.entry.onLanguageChange();
  }

  private submit(): void {
    if (this.formErrors.length > 0) {
      this.showErrors(this.formErrors.map((e) => ({ field: e.field, text: t(e.key, e.params) })));
      return;
    }
    const parsed = this.parsedJson();
    if (!parsed) {
      this.showErrors([{ field: 'json', text: t('decide.error.json') }]);
      return;
    }
    this.clearErrors();
    this.onTally(parsed);
  }
}
