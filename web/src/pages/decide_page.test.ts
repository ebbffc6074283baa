// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TALLIES } from '../decide.fixture';
import { EXAMPLES } from '../decide_examples';
import type { Method } from '../decide';
import { setLang } from '../i18n/i18n';
import { DecidePage } from './decide_page';
import { all, fakeFetch, json, need, q, refusal, type Asked } from './finance_testkit';

type Answer = (req: Asked) => Response;

/** Opens the page, loads `example`, tallies, and waits for the result (or the refusal). */
async function tally(example: Method, answer: Answer) {
  const asked = fakeFetch(answer);
  const page = new DecidePage();
  document.body.replaceChildren(page.element);
  need(q<HTMLButtonElement>(page.element, `decide-example-${example}`), 'example').click();
  need(q<HTMLFormElement>(page.element, 'decide-form'), 'form').requestSubmit();
  await vi.waitFor(() => expect(page.element.hasAttribute('aria-busy')).toBe(false));
  return { page, asked, el: page.element };
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
const text = (root: ParentNode, id: string) => q(root as HTMLElement, id)?.textContent ?? null;
const rowOf = (root: HTMLElement, table: string, option: string) =>
  need(
    q(root, table)?.querySelector<HTMLElement>(`tr[data-option="${option}"]`),
    `${table} ${option}`,
  );

describe('DecidePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('sends the Schulze example and shows E winning, the pairwise matrix and the paths', async () => {
    const { asked, el } = await tally('schulze', () => json(200, TALLIES.schulze));
    expect(asked).toEqual([
      { method: 'POST', url: '/api/v1/decide/tally', body: EXAMPLES.schulze.input },
    ]);
    expect(text(el, 'decide-status')).toBe('✓ Decided.');
    expect(all(el, 'decide-winner').map((w) => w.textContent)).toEqual(['E']);
    // 20 ballots rank A over B, 25 B over A; C beats B 29 to 16.
    expect(cells(rowOf(el, 'decide-pairwise', 'A'))).toEqual(['—', '20', '26 ▲', '30 ▲', '22']);
    expect(cells(rowOf(el, 'decide-pairwise', 'C'))[1]).toBe('29 ▲');
    expect(cells(rowOf(el, 'decide-paths', 'E'))).toEqual(['25 ▲', '28 ▲', '28 ▲', '31 ▲', '—']);
    expect(text(el, 'decide-ranking')).toBe('Ranking: E, A, C, B, and D.');
    expect(text(el, 'decide-quorum-status')).toBe('The quorum was met.');
    expect(cells(need(all(el, 'decide-quorum-row')[0], 'quorum row'))).toEqual([
      '45',
      '45',
      '✓ Met',
    ]);
    // Focus moves to the result's heading.
    expect(document.activeElement).toBe(q(el, 'decide-result-title'));
  });

  it("shows the SCIC's weighted share, each college's shares and the threshold", async () => {
    const { asked, el } = await tally('single_choice', () => json(200, TALLIES.single_choice));
    expect(asked[0]?.body).toMatchObject({ preset: 'fr_scic', threshold: { share: 0.5 } });
    expect(all(el, 'decide-winner').map((w) => w.textContent)).toEqual(['yes']);
    // 0.5 x 3/4 + 0.4 x 1/4 + 0.1 x 1 = 57.5% of the votes, weighted by college.
    expect(text(rowOf(el, 'decide-totals-table', 'yes'), 'decide-share')).toBe('57.5%');
    expect(text(rowOf(el, 'decide-totals-table', 'no'), 'decide-share')).toBe('42.5%');
    expect(text(el, 'decide-threshold-result')).toBe(
      '✓ Met 57.5% of the votes cast; needed: strictly more than 50%.',
    );
    const users = need(
      el.querySelector<HTMLElement>('[data-testid="decide-college-result"][data-college="users"]'),
      'users',
    );
    // Weight, weight counted, ballots, then the shares of yes, no and abstain within it.
    expect(cells(users)).toEqual(['40%', '40%', '8', '25%', '75%', '100%']);
    expect(cells(need(all(el, 'decide-channel-row')[1], 'paper'))).toEqual(['10']);
    expect(all(el, 'decide-college-count').map((r) => r.textContent)).toEqual([
      'workers4',
      'users8',
      'supporters10',
    ]);
    const bars = all(el, 'decide-chart-bar');
    expect(bars.map((b) => b.textContent)).toEqual(['★ yes57.5%', 'no42.5%', 'abstain0%']);
  });

  it('shows each round of instant-runoff: counts, exhausted ballots, who goes and who wins', async () => {
    const { el } = await tally('instant_runoff', () => json(200, TALLIES.instant_runoff));
    const rounds = all(el, 'decide-round-row');
    expect(rounds.map(cells)).toEqual([
      ['8', '7', '5', '4', '0', 'eliminated: D'],
      ['8', '7', '8', '–', '1', 'eliminated: B'],
      ['8', '–', '15', '–', '1', 'elected: C'],
    ]);
    expect(q(el, 'decide-quota')).toBeNull();
  });

  it('shows the STV quota, the transfers and the reserved seats', async () => {
    const { el } = await tally('stv', () => json(200, TALLIES.stv));
    expect(text(el, 'decide-quota')).toBe('Quota (exact Droop): 6.5 votes; 3 seats.');
    const outcomes = all(el, 'decide-round-outcome').map((o) => o.textContent);
    expect(outcomes[0]).toBe('elected: Ana (ana); surplus of Ana (ana) passed on at 0.35 per vote');
    expect(outcomes[2]).toContain('eliminated: Chloé (chloe)');
    expect(outcomes[4]).toContain('elected: Dev (dev)');
    expect(all(el, 'decide-winner').map((w) => w.textContent)).toEqual([
      'Ana (ana)',
      'Ben (ben)',
      'Dev (dev)',
    ]);
    expect(cells(need(all(el, 'decide-reserved-row')[0], 'reserved'))).toEqual(['1', '1']);
  });

  it('shows the projects equal shares funds and the budget left', async () => {
    const { el } = await tally('equal_shares', () => json(200, TALLIES.equal_shares));
    expect(text(el, 'decide-budget-summary')).toBe('Budget 100: 70 spent, 30 left.');
    expect(all(el, 'decide-funded-row').map((r) => r.querySelector('th')?.textContent)).toEqual([
      'Bike racks (Y)',
      'Community garden (Z)',
    ]);
    expect(cells(need(all(el, 'decide-budget-round')[0], 'round'))).toEqual([
      '30',
      '6',
      '5',
      '6',
      '70',
    ]);
    // The tie among the first round's options was broken, and the rule is stated.
    expect(text(el, 'decide-tie-rule')).toContain('more approval votes first');
  });

  it('says why greedy budgeting skipped a project', async () => {
    const { el } = await tally('budget_greedy', () => json(200, TALLIES.budget_greedy));
    const rows = all(el, 'decide-budget-round').map(cells);
    expect(rows[2]).toEqual(['4', '40', '✗ does not fit', '10']);
    expect(text(el, 'decide-budget-summary')).toBe('Budget 100: 90 spent, 10 left.');
  });

  it("draws Borda's scores as bars with the winner starred, and the table beside them", async () => {
    const { el } = await tally('borda', () => json(200, TALLIES.borda));
    expect(q(el, 'decide-totals')?.querySelector('h3')?.textContent).toBe('Borda scores');
    const bars = all(el, 'decide-chart-bar');
    expect(bars.map((b) => b.dataset.option)).toEqual(['A', 'B', 'C', 'D']);
    expect(bars[0]?.textContent).toBe('★ A13');
    const widths = bars.map((b) => Number(b.querySelector('rect')?.getAttribute('width')));
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) * (12.5 / 13));
    expect(q(el, 'decide-chart')?.querySelector('desc')?.textContent).toBe(
      'A: 13; B: 12.5; C: 8; D: 2.5',
    );
    expect(text(rowOf(el, 'decide-totals-table', 'B'), 'decide-total')).toBe('12.5');
  });

  it("says a consent was adopted, with each answer's count in words", async () => {
    const { el } = await tally('consent', () => json(200, TALLIES.consent));
    expect(text(el, 'decide-consent-decision')).toContain('Adopted');
    expect(all(el, 'decide-total-row').map((r) => r.querySelector('th')?.textContent)).toEqual([
      'Agree',
      'Abstain',
      'Disagree',
    ]);
    expect(cells(need(all(el, 'decide-channel-row')[2], 'in person'))).toEqual(['2']);
  });

  it('shows an undecided vote: the quorum not met, and who leads', async () => {
    const { el } = await tally('single_choice', () => json(200, TALLIES.undecided));
    expect(text(el, 'decide-status')).toBe('✗ Not decided: the quorum was not met.');
    expect(q(el, 'decide-winners')).toBeNull();
    expect(all(el, 'decide-winner').map((w) => w.textContent)).toEqual(['yes']);
    expect(q(el, 'decide-leading')).not.toBeNull();
    expect(text(el, 'decide-quorum-status')).toBe('The quorum was not met.');
    expect(cells(need(all(el, 'decide-quorum-row')[0], 'row'))).toEqual(['6', '5', '✗ Not met']);
    expect(text(el, 'decide-cast')).toBe(
      '5 ballots cast; 5 members present or represented, 0 of them by proxy.',
    );
  });

  it('shows a threshold not reached: the share against the share needed', async () => {
    const { el } = await tally('approval', () => json(200, TALLIES.threshold));
    expect(text(el, 'decide-status')).toBe('✗ Not decided: no option reached the threshold.');
    expect(text(el, 'decide-no-winner')).toBe('No winner.');
    expect(text(el, 'decide-threshold-result')).toBe(
      '✗ Not met 75% of the votes cast; needed: strictly more than 80%.',
    );
  });

  it('states the rule that broke a tie and the order it drew', async () => {
    const { el } = await tally('schulze', () => json(200, TALLIES.tie));
    expect(text(el, 'decide-tie-rule')).toContain("public seed '2026-11-30 witnesses: Ana, Joao'");
    expect(q(el, 'decide-tie')?.textContent).toContain('Tie-break order: B and A.');
    // A level pair marks neither side as the stronger.
    expect(cells(rowOf(el, 'decide-pairwise', 'A'))).toEqual(['—', '3']);
  });

  it("shows the server's refusal above the form and under the field it names", async () => {
    const message = "ballots[0].ranking[1]: 'Z' is not an option (options: A, B)";
    const { el } = await tally('schulze', () => refusal(400, 'invalid_argument', message));
    expect(text(el, 'error-message-detail')).toBe(message);
    expect(q(el, 'error-message')?.getAttribute('role')).toBe('alert');
    const ballots = need(q(el, 'decide-ballots'), 'ballots');
    expect(ballots.getAttribute('aria-invalid')).toBe('true');
    expect(ballots.getAttribute('aria-describedby')).toContain('decide-ballots-error');
    expect(el.querySelector('#decide-ballots-error')?.textContent).toBe(message);
    expect(need(q(el, 'decide-result'), 'result').hidden).toBe(true);
  });

  it('puts a refusal about a key the form does not show under the JSON box, opened', async () => {
    const message = 'reserved: only stv reserves seats per category, not schulze';
    const { el } = await tally('schulze', () => refusal(400, 'invalid_argument', message));
    expect(el.querySelector('#decide-json-error')?.textContent).toBe(message);
    expect(need(q(el, 'decide-advanced'), 'details').hasAttribute('open')).toBe(true);
  });

  it('follows a change of language', async () => {
    const { page, el } = await tally('single_choice', () => json(200, TALLIES.single_choice));
    setLang('fr', null);
    page.onLanguageChange();
    expect(text(el, 'decide-status')).toBe('✓ Décision prise.');
    expect(q(el, 'decide-result-title')?.textContent).toBe('Résultat');
    expect(el.querySelector('label[for="decide-college-1-weight"]')?.textContent).toBe(
      'Collège 1 : poids (%)',
    );
  });
});
