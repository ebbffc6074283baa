// A convener opens a decision during a "decision" phase (POST /api/v1/processes/{id}/decisions):
// its id and title, secret or open, the proposal it decides (optional), the tally's input without
// ballots, and the roll (every participant checked at first). The input has the method, the
// options typed one per line as on #/decide ("id | name | cost | category", read by the same
// parser, decide_input.ts), and the keys of the method chosen (seats, budget, highest score, dots
// per ballot), a quorum and a threshold; the rarer keys (colleges, preset, reserved...) go in an
// "advanced" JSON object, under the form's own keys. A server message naming a key of the input
// ("decision.input: seats: ...") is shown under that key's field, or under the JSON box.

import { BUDGETING, METHODS, type Method } from '../decide';
import { EMPTY_VALUES, inputFromValues } from '../decide_input';
import { h, option } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { processApi } from '../processes';
import {
  checkbox,
  checkField,
  ConvenerForm,
  field,
  participantChecks,
  textInput,
  type ConvenerHost,
} from './process_convener_common';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A percentage typed in the form as a share: "40" -> 0.4 (no float noise). */
const share = (percent: number) => Number((percent / 100).toPrecision(12));

/** The numbers of the input, by key: the methods they belong to (all when none). */
const NUMBERS: { key: string; label: MessageKey; methods?: readonly Method[] }[] = [
  { key: 'seats', label: 'decide.seats', methods: METHODS.filter((m) => m !== 'consent') },
  { key: 'budget', label: 'decide.budget', methods: BUDGETING },
  { key: 'score_max', label: 'process.open.scoreMax', methods: ['score'] },
  { key: 'dots', label: 'process.open.dots', methods: ['dot_vote'] },
  { key: 'min_ballots', label: 'decide.quorum' },
  { key: 'min_share', label: 'process.open.minShare' },
  { key: 'threshold', label: 'decide.threshold' },
];

/** The control a server message is about: "decision.input: quorum.min_ballots: ..." -> min_ballots. */
export function decisionKeyOf(message: string): string {
  const m = /^decision\.([a-z_]+)(?::\s*([a-z_]+)(?:\.([a-z_]+))?)?/.exec(message);
  if (!m) return 'advanced';
  if (m[1] !== 'input') return m[1] ?? 'advanced';
  const key = m[2] ?? '';
  if (key === 'quorum') {
    if (m[3] === 'min_ballots') return 'min_ballots';
    return m[3] === 'min_share_of_eligible' ? 'min_share' : 'advanced';
  }
  const shown = ['method', 'options', 'threshold', ...NUMBERS.map((n) => n.key)];
  return shown.includes(key) ? key : 'advanced';
}

function methodSelect(): HTMLSelectElement {
  const select = h('select', {
    attrs: { id: 'process-open-method', name: 'method' },
    testId: 'process-open-method',
  });
  for (const m of METHODS) select.append(option(m, { i18n: `decide.method.${m}` as MessageKey }));
  select.value = 'single_choice';
  return select;
}

function proposalSelect(host: ConvenerHost): HTMLSelectElement {
  const select = h('select', {
    attrs: { id: 'process-open-proposal', name: 'proposal' },
    testId: 'process-open-proposal',
  });
  select.append(option('', { i18n: 'process.open.noProposal' }));
  for (const p of host.view.proposals) {
    select.append(option(p.id, { text: p.title ? `${p.title} (${p.id})` : p.id }));
  }
  return select;
}

/** Reads the input from the form, or refuses what is wrong and answers null. */
function readInput(f: ConvenerForm, visible: (key: string) => boolean): Obj | null {
  let advanced: unknown = {};
  if (f.value('advanced') !== '') {
    try {
      advanced = JSON.parse(f.value('advanced'));
    } catch {
      advanced = null;
    }
  }
  if (!isObj(advanced)) return f.refuse('advanced', t('process.open.advancedError'));
  const method = f.value('method') as Method;
  const input: Obj = { ...advanced, method };
  const parsed = inputFromValues({ ...EMPTY_VALUES, method, options: f.value('options') });
  const optionError = parsed.errors.find((e) => e.field === 'options');
  if (optionError) return f.refuse('options', t(optionError.key, optionError.params));
  const options = parsed.input.options as unknown[];
  const proposal = f.value('proposal');
  if (options.length > 0) input.options = options;
  else if (method === 'consent' && proposal) input.options = [proposal];
  else if (!Array.isArray(advanced.options)) return f.refuse('options', t('process.form.required'));
  const numbers: Record<string, number> = {};
  for (const { key } of NUMBERS) {
    const text = f.value(key);
    if (text === '' || !visible(key)) continue;
    const n = Number(text);
    if (!Number.isFinite(n)) return f.refuse(key, t('decide.error.number', { value: text }));
    numbers[key] = n;
  }
  for (const key of ['seats', 'budget', 'score_max', 'dots']) {
    if (numbers[key] !== undefined) input[key] = numbers[key];
  }
  const quorum: Obj = isObj(advanced.quorum) ? { ...advanced.quorum } : {};
  if (numbers.min_ballots !== undefined) quorum.min_ballots = numbers.min_ballots;
  if (numbers.min_share !== undefined) quorum.min_share_of_eligible = share(numbers.min_share);
  if (Object.keys(quorum).length > 0) input.quorum = quorum;
  if (numbers.threshold !== undefined) {
    input.threshold = {
      ...(isObj(advanced.threshold) ? advanced.threshold : {}),
      share: share(numbers.threshold),
      strictly_more: f.value('threshold_rule') !== 'least',
    };
  }
  return input;
}

/** The form opening a decision; on success the page says so and reads the process again. */
export function openDecisionForm(host: ConvenerHost): ConvenerForm {
  const roll = participantChecks(
    'process-open-roll',
    'process.open.roll',
    host.view.process.participants,
  );
  const rule = h('select', {
    attrs: { id: 'process-open-threshold-rule', name: 'threshold_rule' },
    testId: 'process-open-threshold-rule',
  });
  rule.append(
    option('more', { i18n: 'decide.thresholdRule.more' }),
    option('least', { i18n: 'decide.thresholdRule.least' }),
  );
  const numbers = Object.fromEntries(
    NUMBERS.map(({ key }) => {
      const id = `process-open-${key.replace('_', '-')}`;
      return [key, textInput(id, 'number', { min: '0', step: 'any' })];
    }),
  );
  const c = {
    id: textInput('process-open-id'),
    title: textInput('process-open-title'),
    secret: checkbox('process-open-secret', true),
    proposal: proposalSelect(host),
    method: methodSelect(),
    options: h('textarea', {
      attrs: { id: 'process-open-options', name: 'options', rows: 4, spellcheck: 'false' },
      testId: 'process-open-options',
    }),
    ...numbers,
    threshold_rule: rule,
    roll: roll.fieldset,
    advanced: h('textarea', {
      attrs: { id: 'process-open-advanced', name: 'advanced', rows: 5, spellcheck: 'false' },
      className: 'process-json',
      testId: 'process-open-advanced',
    }),
  };
  const numberFields = Object.fromEntries(
    NUMBERS.map(({ key, label }) => [key, field(label, numbers[key] as HTMLInputElement)]),
  );
  const ruleField = field('decide.thresholdRule', rule);
  const visible = (key: string) => numberFields[key]?.hidden !== true;
  const follow = () => {
    const method = c.method.value as Method;
    for (const { key, methods } of NUMBERS) {
      const wrapper = numberFields[key];
      if (wrapper) wrapper.hidden = methods !== undefined && !methods.includes(method);
    }
  };
  c.method.addEventListener('change', follow);
  follow();
  return new ConvenerForm(
    'process-open-form',
    'process.open.title',
    'process.open.submit',
    c,
    [
      h(
        'div',
        { className: 'decide-grid' },
        field('process.open.id', c.id, 'process.open.idHint'),
        field('process.open.titleLabel', c.title),
      ),
      checkField('process.open.secret', c.secret, 'process.decision.secretLong'),
      field('process.open.proposal', c.proposal, 'process.open.proposalHint'),
      field('decide.method', c.method),
      field('decide.options', c.options, 'decide.options.hint'),
      h('div', { className: 'decide-grid' }, ...Object.values(numberFields), ruleField),
      c.roll,
      h(
        'details',
        { className: 'process-advanced', testId: 'process-open-details' },
        h('summary', { i18n: 'process.open.advanced' }),
        field('process.open.advancedLabel', c.advanced, 'process.open.advancedHint'),
      ),
    ],
    (f) => {
      if (!f.requireAll(['id', 'title'])) return null;
      const input = readInput(f, visible);
      if (!input) return null;
      const voters = roll.checked();
      if (voters.length === 0) return f.refuse('roll', t('process.checks.noneChecked'));
      const doc: Obj = {
        id: f.value('id'),
        title: f.value('title'),
        secret: c.secret.checked,
        input,
        roll: voters.map((p) => p.id),
      };
      if (f.value('proposal')) doc.proposal = f.value('proposal');
      return processApi
        .openDecision(host.processId, doc)
        .then((d) => host.done(t('process.open.done', { title: d.title || d.id })));
    },
    { locate: decisionKeyOf },
  );
}
