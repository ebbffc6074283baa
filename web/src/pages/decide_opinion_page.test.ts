// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { OPINION_EXAMPLE } from '../opinion_example';
import { DecideOpinionPage } from './decide_opinion_page';
import { all, fakeFetch, json, need, q, refusal, type Asked } from './finance_testkit';

const rep = (statement: string, direction: 'agree' | 'disagree', agree: number) => ({
  statement,
  text: `Text of ${statement}`,
  direction,
  agree,
  disagree: 15 - agree,
  pass: 0,
  votes: 15,
  share: agree / 15,
  repness: 2.5,
  z: 3.1,
});

const consensus = Array.from({ length: 12 }, (_, i) => ({
  statement: `c${i + 1}`,
  text: `Common ${i + 1}`,
  gic: (i + 1) / 20,
  agree: 20,
  disagree: 2,
  pass: 1,
  votes: 23,
}));

/** The answer the server is to give (the contract of POST /api/v1/decide/opinion). */
const ANSWER = {
  participants: 30,
  placed: 29,
  statements: 8,
  votes: 228,
  pca: {
    explained_variance_ratio: [0.52, 0.11],
    top_loadings: [
      [
        { statement: 's1', loading: 0.48 },
        { statement: 's4', loading: -0.46 },
      ],
      [{ statement: 's7', loading: 0.7 }],
    ],
  },
  points: [
    { participant: 'm01', x: -1.2, y: 0.1, group: 0 },
    { participant: 'm02', x: -1.0, y: -0.2, group: 0 },
    { participant: 'm16', x: 1.1, y: 0.3, group: 1 },
  ],
  k: 2,
  silhouette: { '2': 0.61, '3': 0.42, '4': 0.3 },
  groups: [
    { id: 0, size: 15, centroid: [-1.1, 0], representative: [rep('s1', 'agree', 14)] },
    { id: 1, size: 14, centroid: [1.1, 0.1], representative: [rep('s1', 'disagree', 1)] },
  ],
  consensus,
  colleges: {
    groups: [
      { id: 'workers', size: 20, representative: [rep('s2', 'agree', 12)] },
      { id: 'users', size: 10, representative: [] },
    ],
    consensus: [{ ...consensus[0], statement: 's8', text: 'Pay suppliers fairly' }],
  },
};

async function mapWith(answer: (req: Asked) => Response) {
  const asked = fakeFetch(answer);
  const page = new DecideOpinionPage();
  document.body.replaceChildren(page.element);
  need(q<HTMLButtonElement>(page.element, 'opinion-example'), 'example').click();
  need(q<HTMLFormElement>(page.element, 'opinion-form'), 'form').requestSubmit();
  await vi.waitFor(() => expect(page.element.hasAttribute('aria-busy')).toBe(false));
  return { page, asked, el: page.element };
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('DecideOpinionPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('sends the example and shows the map, the groups, the silhouette and the consensus', async () => {
    const { asked, el } = await mapWith(() => json(200, ANSWER));
    expect(asked).toEqual([
      { method: 'POST', url: '/api/v1/decide/opinion', body: OPINION_EXAMPLE },
    ]);
    expect(q(el, 'opinion-counts')?.textContent).toBe(
      '29 of 30 participants placed; 8 statements, 228 votes.',
    );
    // Each point's group is told by its shape as well as its colour.
    const points = all(el, 'opinion-point');
    expect(points).toHaveLength(3);
    expect(points[0]?.querySelector('circle')).not.toBeNull();
    expect(points[2]?.querySelector('rect')).not.toBeNull();
    expect(all(el, 'opinion-legend-item').map((li) => li.textContent)).toEqual([
      ' Group A (circle): 15 participants',
      ' Group B (square): 14 participants',
    ]);
    // The table alternative: the groups, their sizes and centroids.
    expect(all(el, 'opinion-group-row').map(cells)).toEqual([
      ['15', '-1.1', '0'],
      ['14', '1.1', '0.1'],
    ]);
    expect(q(el, 'opinion-k')?.textContent).toBe(
      '2 groups chosen: the number with the best silhouette.',
    );
    const silhouette = all(el, 'opinion-silhouette-row').map(cells);
    expect(silhouette).toEqual([
      ['0.61', '✓ chosen'],
      ['0.42', ''],
      ['0.3', ''],
    ]);
    // Each group's representative statements, the direction in words.
    const groups = all(el, 'opinion-group');
    expect(groups.map((g) => g.querySelector('h4')?.textContent)).toEqual([
      'Group A (15 participants)',
      'Group B (14 participants)',
      'College workers (20 participants)',
      'College users (10 participants)',
    ]);
    expect(groups[0]?.querySelector('[data-testid="opinion-direction"]')?.textContent).toBe(
      'agrees',
    );
    expect(groups[1]?.querySelector('[data-testid="opinion-direction"]')?.textContent).toBe(
      'disagrees',
    );
    expect(document.activeElement).toBe(q(el, 'opinion-result-title'));
  });

  it('shows the ten most consensual statements, the rest on demand, and the colleges', async () => {
    const { el } = await mapWith(() => json(200, ANSWER));
    const rows = all(el, 'opinion-consensus-table-row');
    const shown = () => rows.filter((r) => !r.hidden).map((r) => r.dataset.statement);
    expect(shown()).toEqual(['c12', 'c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3']);
    const more = need(q<HTMLButtonElement>(el, 'opinion-consensus-table-all'), 'show all');
    expect(more.textContent).toBe('Show all 12 statements');
    more.click();
    expect(shown()).toHaveLength(12);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const colleges = need(q(el, 'opinion-colleges'), 'colleges');
    expect(colleges.querySelector('h3')?.textContent).toBe('Where the colleges agree');
    expect(
      all(colleges, 'opinion-college-consensus-row').map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['Pay suppliers fairly (s8)']);
  });

  it('says there is no college view when the server gives none', async () => {
    const { el } = await mapWith(() => json(200, { ...ANSWER, colleges: null }));
    expect(q(el, 'opinion-colleges')).toBeNull();
    expect(q(el, 'opinion-consensus')).not.toBeNull();
  });

  it("shows the server's refusal above the form and under the JSON box", async () => {
    const message = 'votes[3].vote: 2 is not a vote; give 1, -1 or 0';
    const { el } = await mapWith(() => refusal(400, 'invalid_argument', message));
    expect(q(el, 'error-message-detail')?.textContent).toBe(message);
    expect(q(el, 'error-message')?.getAttribute('role')).toBe('alert');
    expect(el.querySelector('#opinion-json-error')?.textContent).toBe(message);
    expect(need(q(el, 'opinion-result'), 'result').hidden).toBe(true);
  });

  it('refuses a box that is not a JSON object without calling the server', () => {
    const asked = fakeFetch(() => json(200, ANSWER));
    const page = new DecideOpinionPage();
    document.body.replaceChildren(page.element);
    const box = need(q<HTMLTextAreaElement>(page.element, 'opinion-json'), 'json');
    box.value = '{"statements": [';
    need(q<HTMLFormElement>(page.element, 'opinion-form'), 'form').requestSubmit();
    expect(asked).toEqual([]);
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('has two planted camps in its example, with colleges', () => {
    const input = OPINION_EXAMPLE as {
      statements: unknown[];
      participants: { college: string }[];
      votes: { participant: string; statement: string; vote: number }[];
    };
    expect(input.statements).toHaveLength(8);
    expect(input.participants).toHaveLength(30);
    expect(new Set(input.participants.map((p) => p.college))).toEqual(
      new Set(['workers', 'users']),
    );
    const agree = (who: string, s: string) =>
      input.votes.filter((v) => v.statement === s && v.vote === 1 && v.participant <= who).length;
    // Most of the first camp (m01..m15) agree with s1, few with s4.
    expect(agree('m15', 's1')).toBeGreaterThan(10);
    expect(agree('m15', 's4')).toBeLessThan(5);
  });

  it('follows a change of language, and links back to the tally', async () => {
    const { page, el } = await mapWith(() => json(200, ANSWER));
    expect(q(el, 'opinion-back')?.getAttribute('href')).toBe('#/decide');
    setLang('fr', null);
    page.onLanguageChange();
    expect(q(el, 'opinion-result-title')?.textContent).toBe('Carte des opinions');
    expect(q(el, 'opinion-k')?.textContent).toContain('2 groupes retenus');
  });
});
