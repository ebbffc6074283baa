// The tally form's "one by one" mode, for counting paper or in-person ballots: the ballot form of
// the method being tallied (ballot_form.ts), the channel the ballot came by, its college among
// those declared, and how many identical ballots it stands for. Each ballot cast is appended to
// the input's ballots; every ballot of the input is listed in words with a button removing it.
// The form (decide_form.ts) owns the input: this component reads it and hands back the ballots.

import { isMethod } from '../decide';
import { h } from '../dom';
import { t, tMaybe, translateTree } from '../i18n/i18n';
import { BallotForm, type Ballot, type BallotDecision, type BallotOption } from './ballot_form';
import { clearFieldErrors, labelledControl, markFieldError } from './form_field';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const CHANNELS = ['paper', 'in_person', 'online'] as const;

/** What a voter is asked in `input` (the engine's), or null without a method or options. */
export function decisionFromInput(input: Obj): BallotDecision | null {
  if (!isMethod(input.method)) return null;
  const options: BallotOption[] = [];
  for (const o of Array.isArray(input.options) ? input.options : []) {
    if (typeof o === 'string' && o) options.push({ id: o });
    if (isObj(o) && typeof o.id === 'string' && o.id) {
      const option: BallotOption = { id: o.id };
      if (typeof o.name === 'string' && o.name) option.name = o.name;
      if (num(o.cost) !== undefined) option.cost = num(o.cost);
      options.push(option);
    }
  }
  if (options.length === 0) return null;
  const decision: BallotDecision = { method: input.method, options };
  if (num(input.score_max) !== undefined) decision.score_max = num(input.score_max);
  if (num(input.dots) !== undefined) decision.dots = num(input.dots);
  if (num(input.budget) !== undefined) decision.budget = num(input.budget);
  return decision;
}

function collegeNames(input: Obj): string[] {
  const colleges = Array.isArray(input.colleges) ? input.colleges : [];
  return colleges
    .map((c) => (isObj(c) && typeof c.name === 'string' ? c.name : ''))
    .filter((n) => n !== '');
}

/** The vote a ballot carries, in words. */
function voteText(b: Obj, method: string, name: (id: string) => string): string {
  if (typeof b.choice === 'string') {
    const answer =
      method === 'consent' || b.choice === 'abstain' ? tMaybe(`decide.answer.${b.choice}`) : null;
    return t('decide.entry.choice', { choice: answer ?? name(b.choice) });
  }
  if (Array.isArray(b.approve)) {
    const ids = b.approve.filter((x): x is string => typeof x === 'string');
    return ids.length > 0
      ? t('decide.entry.approve', { list: ids.map(name).join(', ') })
      : t('decide.entry.approveNone');
  }
  if (isObj(b.scores)) {
    const list = Object.entries(b.scores).map(([id, n]) => `${name(id)} ${String(n)}`);
    return t('decide.entry.scores', { list: list.join(', ') });
  }
  if (Array.isArray(b.ranking)) {
    const ids = b.ranking.filter((x): x is string => typeof x === 'string');
    return t('decide.entry.ranking', { list: ids.map(name).join(', ') });
  }
  return JSON.stringify(b);
}

/** A ballot of the input in words: the vote, then its channel, college and count. */
export function describeBallot(
  ballot: unknown,
  method: string,
  names: Map<string, string>,
): string {
  if (!isObj(ballot)) return JSON.stringify(ballot);
  const name = (id: string) => names.get(id) ?? id;
  const channel = typeof ballot.channel === 'string' ? ballot.channel : 'online';
  const details = [
    tMaybe(`decide.channel.${channel}`) ?? channel,
    typeof ballot.college === 'string' && t('decide.entry.college', { name: ballot.college }),
    typeof ballot.count === 'number' &&
      ballot.count !== 1 &&
      t('decide.entry.count', { n: ballot.count }),
  ].filter((x): x is string => typeof x === 'string');
  return `${voteText(ballot, method, name)} (${details.join(', ')})`;
}

function select(id: string, testId: string): HTMLSelectElement {
  return h('select', { attrs: { id, name: id }, testId });
}

export class BallotEntry {
  readonly element: HTMLFieldSetElement;
  private readonly slot = h('div', { className: 'decide-entry-ballot' });
  private readonly channel = select('decide-entry-channel', 'decide-entry-channel');
  private readonly college = select('decide-entry-college', 'decide-entry-college');
  private readonly collegeField: HTMLElement;
  private readonly count = h('input', {
    attrs: { id: 'decide-entry-count', type: 'number', min: 1, step: 1, inputmode: 'numeric' },
    testId: 'decide-entry-count',
  });
  private readonly list = h('ol', { className: 'decide-entry-list', testId: 'decide-entry-list' });
  private readonly none = h('p', { i18n: 'decide.entry.none', testId: 'decide-entry-none' });
  private readonly live = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite', role: 'status' },
    testId: 'decide-entry-status',
  });
  private readonly missing = h('p', { className: 'hint', i18n: 'decide.entry.missing' });
  private ballotForm: BallotForm | null = null;
  private decisionKey = '';
  private input: Obj = {};

  constructor(private readonly onBallots: (ballots: unknown[]) => void) {
    for (const c of CHANNELS) {
      const o = h('option', { i18n: `decide.channel.${c}` });
      o.value = c;
      this.channel.append(o);
    }
    this.count.value = '1';
    this.collegeField = labelledControl('decide.entry.collegeLabel', this.college);
    this.element = h(
      'fieldset',
      { className: 'decide-entry', attrs: { id: 'decide-entry' }, testId: 'decide-entry' },
      h('legend', { i18n: 'decide.entry.title' }),
      h('p', { className: 'hint', i18n: 'decide.entry.hint' }),
      h(
        'div',
        { className: 'decide-grid' },
        labelledControl('decide.entry.channel', this.channel),
        this.collegeField,
        labelledControl('decide.entry.countLabel', this.count, 'decide.entry.countHint'),
      ),
      this.missing,
      this.slot,
      h('h3', { i18n: 'decide.entry.listTitle', attrs: { id: 'decide-entry-list-title' } }),
      this.none,
      this.list,
      this.live,
    );
    this.list.setAttribute('aria-labelledby', 'decide-entry-list-title');
    // Enter in the count casts the ballot rather than tallying (the ballot's own fields do so too).
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.defaultPrevented || event.target !== this.count) return;
      event.preventDefault();
      this.ballotForm?.cast();
    });
  }

  /** Follows the input: a new ballot form when the method or options changed; the list. */
  update(input: Obj): void {
    this.input = input;
    const decision = decisionFromInput(input);
    const key = JSON.stringify(decision);
    if (key !== this.decisionKey) {
      this.decisionKey = key;
      this.ballotForm = decision
        ? new BallotForm(decision, (b) => this.add(b), {
            idPrefix: 'decide-entry-ballot',
            embedded: true,
            castLabel: 'decide.entry.add',
          })
        : null;
      this.slot.replaceChildren(...(this.ballotForm ? [this.ballotForm.element] : []));
    }
    this.missing.hidden = decision !== null;
    this.renderColleges(collegeNames(input));
    this.renderList();
  }

  private renderColleges(names: string[]): void {
    const chosen = this.college.value;
    this.college.replaceChildren(
      ...names.map((n) => {
        const o = h('option', { text: n });
        o.value = n;
        return o;
      }),
    );
    if (names.includes(chosen)) this.college.value = chosen;
    this.collegeField.hidden = names.length === 0;
  }

  private ballots(): unknown[] {
    return Array.isArray(this.input.ballots) ? this.input.ballots : [];
  }

  private names(): Map<string, string> {
    const decision = decisionFromInput(this.input);
    return new Map((decision?.options ?? []).map((o) => [o.id, o.name ?? o.id]));
  }

  private renderList(): void {
    const method = typeof this.input.method === 'string' ? this.input.method : '';
    const names = this.names();
    const ballots = this.ballots();
    this.none.hidden = ballots.length > 0;
    this.list.replaceChildren(
      ...ballots.map((b, i) =>
        h(
          'li',
          { className: 'decide-college-row', testId: 'decide-entry-ballot' },
          h('span', { text: describeBallot(b, method, names), testId: 'decide-entry-text' }),
          h('button', {
            className: 'secondary small',
            text: t('decide.entry.remove', { n: i + 1 }),
            attrs: { type: 'button' },
            testId: 'decide-entry-remove',
            on: { click: () => this.remove(i) },
          }),
        ),
      ),
    );
  }

  /** Appends `ballot` with its channel, college and count; refuses a count that is not whole. */
  private add(ballot: Ballot): boolean {
    clearFieldErrors(this.element.querySelector('.decide-grid') ?? this.element);
    const count = Number(this.count.value.trim() || '1');
    if (!Number.isInteger(count) || count < 1) {
      markFieldError(this.count, t('decide.entry.countError'));
      this.count.focus();
      return false;
    }
    const full: Obj = { ...ballot };
    if (!this.collegeField.hidden && this.college.value) full.college = this.college.value;
    full.channel = this.channel.value;
    if (count !== 1) full.count = count;
    const ballots = [...this.ballots(), full];
    this.onBallots(ballots);
    this.live.textContent = t('decide.entry.added', {
      ballot: describeBallot(full, String(this.input.method), this.names()),
      n: ballots.length,
    });
    this.count.value = '1';
    return true;
  }

  private remove(index: number): void {
    const ballots = this.ballots().filter((_, i) => i !== index);
    this.onBallots(ballots);
    this.live.textContent = t('decide.entry.removed', { n: index + 1, left: ballots.length });
    const buttons = this.list.querySelectorAll<HTMLButtonElement>(
      '[data-testid="decide-entry-remove"]',
    );
    const next = buttons[index] ?? buttons[index - 1];
    if (next) next.focus();
    else this.ballotForm?.focus();
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.ballotForm?.onLanguageChange();
    this.renderList();
  }
}
