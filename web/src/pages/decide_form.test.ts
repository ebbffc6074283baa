// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecideForm } from '../components/decide_form';
import { METHODS, parseTallyResult } from '../decide';
import { EXAMPLES } from '../decide_examples';
import { TALLIES } from '../decide.fixture';
import {
  EMPTY_VALUES,
  fieldOfMessage,
  inputFromValues,
  toPercent,
  valuesFromInput,
} from '../decide_input';
import { all, need, q } from './finance_testkit';

function typeInto(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const jsonBox = (form: DecideForm) =>
  JSON.parse(need(q<HTMLTextAreaElement>(form.element, 'decide-json'), 'json').value) as Record<
    string,
    unknown
  >;

describe('the tally input', () => {
  it('reads options as "id | name | cost | category" and weights and thresholds as percentages', () => {
    const { input, errors } = inputFromValues({
      ...EMPTY_VALUES,
      method: 'stv',
      options: 'ana | Ana | | worker\n\n  dev | Dev | 12.5 | user  \nplain',
      seats: '2',
      colleges: [
        { name: 'workers', weight: '40' },
        { name: 'users', weight: '60' },
        { name: '', weight: '' },
      ],
      preset: 'it_coop',
      minBallots: '10',
      thresholdShare: '66.7',
      thresholdRule: 'least',
      ballots:
        '{"ranking": ["ana"], "college": "workers"}\n\n{"ranking": ["dev"], "college": "users", "count": 3}',
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({
      method: 'stv',
      options: [
        { id: 'ana', name: 'Ana', category: 'worker' },
        { id: 'dev', name: 'Dev', cost: 12.5, category: 'user' },
        'plain',
      ],
      seats: 2,
      colleges: [
        { name: 'workers', weight: 0.4 },
        { name: 'users', weight: 0.6 },
      ],
      preset: 'it_coop',
      quorum: { min_ballots: 10 },
      threshold: { share: 0.667, strictly_more: false },
      ballots: [
        { ranking: ['ana'], college: 'workers' },
        { ranking: ['dev'], college: 'users', count: 3 },
      ],
    });
    // The engine's order: method first, ballots last.
    expect(Object.keys(input)[0]).toBe('method');
    expect(Object.keys(input).at(-1)).toBe('ballots');
  });

  it('keeps the keys the form does not show, and drops those it emptied', () => {
    const base = {
      method: 'score',
      options: ['a'],
      score_max: 10,
      budget: 5,
      quorum: { min_ballots: 3, eligible: 40, min_share_of_eligible: 0.25 },
      threshold: { share: 0.5, of_eligible: true },
      colleges: [{ name: 'workers', weight: 1, members: 12 }],
      ballots: [],
    };
    const values = { ...valuesFromInput(base), budget: '', minBallots: '' };
    const { input } = inputFromValues(values, base);
    expect(input.score_max).toBe(10);
    expect(input).not.toHaveProperty('budget');
    expect(input.quorum).toEqual({ eligible: 40, min_share_of_eligible: 0.25 });
    expect(input.threshold).toEqual({ share: 0.5, of_eligible: true, strictly_more: true });
    expect(input.colleges).toEqual([{ name: 'workers', weight: 1, members: 12 }]);
  });

  it.each(METHODS)('gives back the %s example unchanged through the form', (m) => {
    const example = EXAMPLES[m].input;
    const { input, errors } = inputFromValues(valuesFromInput(example), example);
    expect(errors).toEqual([]);
    expect(input).toEqual(example);
  });

  it('names the lines it cannot read', () => {
    const { errors } = inputFromValues({
      ...EMPTY_VALUES,
      options: 'a | A | lots',
      seats: 'two',
      ballots: '{"choice": "a"}\n{"choice": "a",}',
    });
    expect(errors).toEqual([
      { field: 'options', key: 'decide.error.optionCost', params: { line: 1, cost: 'lots' } },
      { field: 'seats', key: 'decide.error.number', params: { value: 'two' } },
      { field: 'ballots', key: 'decide.error.ballotLine', params: { line: 2 } },
    ]);
  });

  it('writes shares as percentages without float noise', () => {
    expect(toPercent(0.4)).toBe('40');
    expect(toPercent(0.07)).toBe('7');
    expect(toPercent(0.575)).toBe('57.5');
  });

  it('finds the field a server error names', () => {
    expect(fieldOfMessage("ballots[3].ranking[1]: 'D' is not an option (options: A, B)")).toBe(
      'ballots',
    );
    expect(fieldOfMessage("colleges[0].weight: college 'a' has 60% of the votes")).toBe('colleges');
    expect(fieldOfMessage('options[2].cost: X needs a cost above 0')).toBe('options');
    expect(fieldOfMessage('quorum.min_ballots: expected a whole number')).toBe('quorum');
    expect(fieldOfMessage('quorum.eligible: give eligible')).toBe('json');
    expect(fieldOfMessage('threshold: the share must be above 0')).toBe('threshold');
    expect(fieldOfMessage('budget: equal_shares needs a budget above 0')).toBe('budget');
    expect(fieldOfMessage('quorom: unknown field; known fields: ...')).toBe('json');
    expect(fieldOfMessage('reserved: only stv reserves seats')).toBe('json');
    expect(fieldOfMessage('no path here')).toBe('json');
  });

  it("reads instant-runoff's single elected and eliminated as lists", () => {
    const r = parseTallyResult(TALLIES.instant_runoff);
    expect(r.rounds.map((x) => [x.eliminated, x.elected])).toEqual([
      [['D'], []],
      [['B'], []],
      [[], ['C']],
    ]);
    expect(parseTallyResult(TALLIES.equal_shares).rounds).toEqual([]);
    expect(parseTallyResult(TALLIES.equal_shares).budget?.rounds).toHaveLength(2);
  });
});

describe('DecideForm', () => {
  afterEach(() => document.body.replaceChildren());

  function open() {
    const onTally = vi.fn();
    const form = new DecideForm(onTally);
    document.body.replaceChildren(form.element);
    return { form, onTally };
  }

  it('fills the form and the JSON box from an example', () => {
    const { form } = open();
    need(q<HTMLButtonElement>(form.element, 'decide-example-single_choice'), 'example').click();
    const el = form.element;
    expect(need(q<HTMLSelectElement>(el, 'decide-method'), 'method').value).toBe('single_choice');
    expect(need(q<HTMLSelectElement>(el, 'decide-preset'), 'preset').value).toBe('fr_scic');
    expect(need(q<HTMLTextAreaElement>(el, 'decide-options'), 'options').value).toBe('yes\nno');
    const weights = [
      ...el.querySelectorAll<HTMLInputElement>('[data-testid="decide-college-weight"]'),
    ];
    expect(weights.map((w) => w.value)).toEqual(['50', '40', '10']);
    expect(need(q<HTMLInputElement>(el, 'decide-threshold'), 'threshold').value).toBe('50');
    expect(need(q<HTMLInputElement>(el, 'decide-quorum'), 'quorum').value).toBe('20');
    expect(
      need(q<HTMLTextAreaElement>(el, 'decide-ballots'), 'ballots').value.split('\n'),
    ).toHaveLength(6);
    expect(jsonBox(form)).toEqual(EXAMPLES.single_choice.input);
    expect(q(el, 'decide-loaded')?.textContent).toContain('SCIC');
    // Every control has a label.
    for (const c of el.querySelectorAll('input, select, textarea')) {
      expect(el.querySelector(`label[for="${c.id}"]`), c.id).not.toBeNull();
    }
  });

  it('writes a form change over the JSON, keeping the keys it does not show', () => {
    const { form, onTally } = open();
    need(q<HTMLButtonElement>(form.element, 'decide-example-score'), 'example').click();
    typeInto(need(q<HTMLInputElement>(form.element, 'decide-seats'), 'seats'), '2');
    need(q<HTMLButtonElement>(form.element, 'decide-college-add'), 'add').click();
    const name = need(q<HTMLInputElement>(form.element, 'decide-college-name'), 'name');
    expect(document.activeElement).toBe(name);
    typeInto(name, 'workers');
    typeInto(need(q<HTMLInputElement>(form.element, 'decide-college-weight'), 'weight'), '100');
    const json = jsonBox(form);
    expect(json).toMatchObject({
      seats: 2,
      score_max: 5,
      colleges: [{ name: 'workers', weight: 1 }],
    });
    form.element.requestSubmit();
    expect(onTally).toHaveBeenCalledWith(json);
  });

  it('fills the form from the JSON box edited by hand, and sends the JSON', () => {
    const { form, onTally } = open();
    const box = need(q<HTMLTextAreaElement>(form.element, 'decide-json'), 'json');
    const input = {
      method: 'approval',
      options: ['A', 'B'],
      dots: 0,
      ballots: [{ approve: ['A'] }],
    };
    typeInto(box, JSON.stringify(input));
    expect(need(q<HTMLSelectElement>(form.element, 'decide-method'), 'method').value).toBe(
      'approval',
    );
    expect(need(q<HTMLTextAreaElement>(form.element, 'decide-ballots'), 'b').value).toBe(
      '{"approve":["A"]}',
    );
    form.element.requestSubmit();
    expect(onTally).toHaveBeenCalledWith(input);
  });

  it('sends nothing while a line cannot be read, and says which', () => {
    const { form, onTally } = open();
    const ballots = need(q<HTMLTextAreaElement>(form.element, 'decide-ballots'), 'ballots');
    typeInto(ballots, '{"choice": "yes"}\nyes please');
    form.element.requestSubmit();
    expect(onTally).not.toHaveBeenCalled();
    expect(ballots.getAttribute('aria-invalid')).toBe('true');
    expect(form.element.querySelector('#decide-ballots-error')?.textContent).toBe(
      'Line 2 is not a JSON object.',
    );
    typeInto(need(q<HTMLTextAreaElement>(form.element, 'decide-json'), 'json'), '{"method": ');
    form.element.requestSubmit();
    expect(onTally).not.toHaveBeenCalled();
    expect(form.element.querySelector('#decide-json-error')?.textContent).toContain(
      'not a JSON object',
    );
  });

  it('enters ballots one by one: channel, college, count, the list with remove buttons', () => {
    const { form, onTally } = open();
    const el = form.element;
    need(q<HTMLButtonElement>(el, 'decide-example-schulze'), 'example').click();
    need(q<HTMLInputElement>(el, 'decide-mode-one'), 'mode').click();
    expect(need(q(el, 'decide-ballots'), 'ballots').closest<HTMLElement>('.field')?.hidden).toBe(
      true,
    );
    // The example's 8 ballots are listed, in words.
    expect(all(el, 'decide-entry-ballot')).toHaveLength(8);
    expect(all(el, 'decide-entry-text')[0]?.textContent).toBe(
      'Ranking: A, C, B, E, D (Online, 5 ballots)',
    );
    need(q<HTMLButtonElement>(el, 'decide-entry-remove'), 'remove').click();
    expect(all(el, 'decide-entry-ballot')).toHaveLength(7);
    expect(jsonBox(form).ballots).toHaveLength(7);
    const rank = (option: string) =>
      need(
        el.querySelector<HTMLButtonElement>(
          `[data-testid="ballot-unranked"] li[data-option="${option}"] [data-action="add"]`,
        ),
        option,
      ).click();
    rank('E');
    rank('B');
    need(q<HTMLSelectElement>(el, 'decide-entry-channel'), 'channel').value = 'in_person';
    typeInto(need(q<HTMLInputElement>(el, 'decide-entry-count'), 'count'), '2');
    // The ballot being entered is not the input's until it is added.
    expect(jsonBox(form).ballots).toHaveLength(7);
    need(q<HTMLButtonElement>(el, 'ballot-cast'), 'add').click();
    const ballots = jsonBox(form).ballots as unknown[];
    expect(ballots.at(-1)).toEqual({ ranking: ['E', 'B'], channel: 'in_person', count: 2 });
    expect(all(el, 'decide-entry-text').at(-1)?.textContent).toBe(
      'Ranking: E, B (In person, 2 ballots)',
    );
    expect(q(el, 'decide-entry-status')?.textContent).toContain('8 ballots in the input');
    expect(q(el, 'ballot-secrecy')?.dataset.secrecy).toBe('counting');
    form.element.requestSubmit();
    expect(onTally).toHaveBeenCalledWith(expect.objectContaining({ ballots }));
  });

  it('asks for a college among those declared, and refuses a count that is not whole', () => {
    const { form } = open();
    const el = form.element;
    need(q<HTMLButtonElement>(el, 'decide-example-single_choice'), 'example').click();
    need(q<HTMLInputElement>(el, 'decide-mode-one'), 'mode').click();
    const college = need(q<HTMLSelectElement>(el, 'decide-entry-college'), 'college');
    expect([...college.options].map((o) => o.value)).toEqual(['workers', 'users', 'supporters']);
    college.value = 'users';
    need(all(el, 'ballot-choice')[1] as HTMLInputElement | undefined, 'no').click();
    const count = need(q<HTMLInputElement>(el, 'decide-entry-count'), 'count');
    typeInto(count, '1.5');
    need(q<HTMLButtonElement>(el, 'ballot-cast'), 'add').click();
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(jsonBox(form).ballots).toHaveLength(6);
    typeInto(count, '1');
    need(q<HTMLButtonElement>(el, 'ballot-cast'), 'add').click();
    expect((jsonBox(form).ballots as unknown[]).at(-1)).toEqual({
      choice: 'no',
      college: 'users',
      channel: 'paper',
    });
    // Back to the lines: the textarea holds the ballot entered.
    need(q<HTMLInputElement>(el, 'decide-mode-lines'), 'lines').click();
    expect(need(q<HTMLTextAreaElement>(el, 'decide-ballots'), 'b').value.split('\n').at(-1)).toBe(
      '{"choice":"no","college":"users","channel":"paper"}',
    );
    expect(need(q(el, 'decide-entry'), 'entry').hidden).toBe(true);
  });
});
