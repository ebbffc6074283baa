// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { all, need, q } from '../pages/finance_testkit';
import { renderBallotForm, type Ballot, type BallotDecision } from './ballot_form';

function open(decision: BallotDecision) {
  const cast = vi.fn<(b: Ballot) => void>();
  const form = renderBallotForm(decision, cast);
  document.body.replaceChildren(form.element);
  const el = form.element;
  const submit = () => need(q<HTMLButtonElement>(el, 'ballot-cast'), 'cast').click();
  return { form, el, cast, submit };
}

function typeInto(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const options = [{ id: 'A' }, { id: 'B', name: 'Bee' }, { id: 'C' }];
const ranked = (el: HTMLElement) => all(el, 'ballot-ranked').map((li) => li.dataset.option);
const rankButton = (el: HTMLElement, option: string, action: string) =>
  need(
    el.querySelector<HTMLButtonElement>(`li[data-option="${option}"] [data-action="${action}"]`),
    `${action} ${option}`,
  );

describe('BallotForm', () => {
  afterEach(() => {
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('builds a ranking with buttons alone, keeps the focus and announces each change', () => {
    const { el, cast, submit } = open({ method: 'schulze', options });
    rankButton(el, 'C', 'add').click();
    rankButton(el, 'A', 'add').click();
    rankButton(el, 'B', 'add').click();
    expect(ranked(el)).toEqual(['C', 'A', 'B']);
    expect(q(el, 'ballot-rank-status')?.textContent).toBe('Bee added in position 3 of 3.');
    rankButton(el, 'B', 'up').click();
    expect(ranked(el)).toEqual(['C', 'B', 'A']);
    expect(q(el, 'ballot-rank-status')?.textContent).toBe('Bee is now in position 2 of 3.');
    // The focus follows the moved option's button, so Enter moves it again.
    expect(document.activeElement).toBe(rankButton(el, 'B', 'up'));
    rankButton(el, 'B', 'up').click();
    expect(ranked(el)).toEqual(['B', 'C', 'A']);
    // At the top "move up" is disabled: the focus goes to "move down".
    expect(rankButton(el, 'B', 'up').disabled).toBe(true);
    expect(document.activeElement).toBe(rankButton(el, 'B', 'down'));
    rankButton(el, 'C', 'down').click();
    expect(ranked(el)).toEqual(['B', 'A', 'C']);
    rankButton(el, 'A', 'remove').click();
    expect(ranked(el)).toEqual(['B', 'C']);
    expect(q(el, 'ballot-rank-status')?.textContent).toBe('A removed from the ranking.');
    expect(rankButton(el, 'B', 'up').getAttribute('aria-label')).toBe('Move up: Bee');
    submit();
    expect(cast).toHaveBeenCalledWith({ ranking: ['B', 'C'] });
    // The form is empty again for the next ballot.
    expect(ranked(el)).toEqual([]);
  });

  it('refuses an empty ranking', () => {
    const { el, cast, submit } = open({ method: 'instant_runoff', options });
    submit();
    expect(cast).not.toHaveBeenCalled();
    expect(q(el, 'field-error')?.textContent).toBe('Rank at least one option.');
  });

  it('refuses more dots than the voter has, and counts the dots left', () => {
    const { el, cast, submit } = open({ method: 'dot_vote', options, dots: 5 });
    const [a, b] = all(el, 'ballot-dots') as HTMLInputElement[];
    typeInto(need(a, 'a'), '3');
    expect(q(el, 'ballot-dots-left')?.textContent).toBe('Dots left: 2 of 5.');
    typeInto(need(b, 'b'), '4');
    expect(q(el, 'ballot-dots-left')?.textContent).toBe(
      '2 dots too many: you have 5; take some off before casting.',
    );
    submit();
    expect(cast).not.toHaveBeenCalled();
    expect(q(el, 'field-error')?.textContent).toBe('7 dots in all: at most 5 per ballot.');
    typeInto(need(b, 'b'), '1.5');
    submit();
    expect(cast).not.toHaveBeenCalled();
    expect(q(el, 'field-error')?.textContent).toBe('Give a whole number of dots, 0 or more.');
    typeInto(need(b, 'b'), '2');
    submit();
    expect(cast).toHaveBeenCalledWith({ scores: { A: 3, B: 2 } });
  });

  it('keeps scores within 0..score_max, whole', () => {
    const { el, cast, submit } = open({ method: 'score', options, score_max: 10 });
    const inputs = all(el, 'ballot-score') as HTMLInputElement[];
    expect(inputs.map((i) => i.max)).toEqual(['10', '10', '10']);
    typeInto(need(inputs[0], 'A'), '11');
    submit();
    expect(cast).not.toHaveBeenCalled();
    expect(need(inputs[0], 'A').getAttribute('aria-invalid')).toBe('true');
    expect(q(el, 'field-error')?.textContent).toBe('Give a whole number from 0 to 10.');
    expect(document.activeElement).toBe(inputs[0]);
    typeInto(need(inputs[0], 'A'), '10');
    typeInto(need(inputs[2], 'C'), '0');
    submit();
    expect(cast).toHaveBeenCalledWith({ scores: { A: 10, C: 0 } });
  });

  it('asks to confirm a consent block before casting it', () => {
    const { el, cast, submit } = open({ method: 'consent', options: [{ id: 'move' }] });
    const confirm = need(q(el, 'ballot-block-confirm'), 'confirm');
    const radios = all(el, 'ballot-choice') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['agree', 'abstain', 'disagree', 'block']);
    submit();
    expect(q(el, 'field-error')?.textContent).toBe('Choose an answer.');
    need(radios[3], 'block').click();
    submit();
    expect(cast).not.toHaveBeenCalled();
    expect(confirm.hidden).toBe(false);
    expect(document.activeElement).toBe(confirm);
    need(q<HTMLButtonElement>(el, 'ballot-block-no'), 'no').click();
    expect(confirm.hidden).toBe(true);
    expect(cast).not.toHaveBeenCalled();
    submit();
    need(q<HTMLButtonElement>(el, 'ballot-block-yes'), 'yes').click();
    expect(cast).toHaveBeenCalledWith({ choice: 'block' });
    // Agreeing needs no confirmation.
    need(radios[0], 'agree').click();
    submit();
    expect(cast).toHaveBeenLastCalledWith({ choice: 'agree' });
  });

  it('says what is secret before casting, as the vote is secret or open', () => {
    const secret = open({ method: 'single_choice', options, secret: true });
    const notice = need(q(secret.el, 'ballot-secrecy'), 'notice');
    expect(notice.textContent).toContain('nobody, not even the organisers, can see how you voted');
    expect(notice.textContent).toContain('Keep your receipt');
    expect(q(secret.el, 'ballot-cast')?.getAttribute('aria-describedby')).toBe(notice.id);
    const open_ = open({ method: 'single_choice', options, secret: false });
    expect(q(open_.el, 'ballot-secrecy')?.textContent).toBe(
      'This vote is open: your name is shown beside your ballot.',
    );
    setLang('fr', null);
    open_.form.onLanguageChange();
    expect(q(open_.el, 'ballot-secrecy')?.textContent).toBe(
      'Ce vote est public : votre nom est affiché à côté de votre bulletin.',
    );
  });

  it('casts a single choice, or an abstention', () => {
    const { el, cast, submit } = open({ method: 'single_choice', options });
    const radios = all(el, 'ballot-choice') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['A', 'B', 'C', 'abstain']);
    need(radios[1], 'B').click();
    submit();
    expect(cast).toHaveBeenCalledWith({ choice: 'B' });
  });

  it('shows each cost and the total against the budget, and allows going over it', () => {
    const { el, cast, submit } = open({
      method: 'equal_shares',
      budget: 100,
      options: [
        { id: 'X', name: 'Playground', cost: 60 },
        { id: 'Y', name: 'Bike racks', cost: 30 },
        { id: 'Z', name: 'Garden', cost: 40 },
      ],
    });
    expect(el.querySelector('label[for="ballot-approve-1"]')?.textContent).toBe(
      'Playground, cost 60',
    );
    const boxes = all(el, 'ballot-approve') as HTMLInputElement[];
    need(boxes[0], 'X').click();
    need(boxes[1], 'Y').click();
    const total = need(q(el, 'ballot-budget-total'), 'total');
    expect(total.textContent).toBe('Total of the projects approved: 90, within the budget of 100.');
    need(boxes[2], 'Z').click();
    expect(total.textContent).toContain('130, more than the budget of 100. That is allowed');
    submit();
    expect(cast).toHaveBeenCalledWith({ approve: ['X', 'Y', 'Z'] });
  });

  it('labels every control', () => {
    for (const method of ['consent', 'approval', 'score', 'dot_vote'] as const) {
      const { el } = open({ method, options });
      for (const c of el.querySelectorAll('input')) {
        expect(el.querySelector(`label[for="${c.id}"]`), `${method} ${c.id}`).not.toBeNull();
      }
    }
  });
});
