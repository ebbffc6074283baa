// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { all, fakeFetch, json, need, q, refusal, type Asked } from '../pages/finance_testkit';
import { setLang } from '../i18n/i18n';
import { decisionView, processView } from '../processes.fixture';
import { parseProcessView } from '../processes';
import { decisionKeyOf } from './process_convener_decision';
import { ConvenerTools, type ConvenerHost } from './process_convener_forms';

/** The convener's tools on budget-2027 in `phase`, mounted; `done` records what is announced. */
function mount(phase = 'vote') {
  const said: string[] = [];
  const host: ConvenerHost = {
    processId: 'budget-2027',
    view: parseProcessView(processView(phase)),
    done: async (text) => {
      said.push(text);
    },
  };
  const tools = new ConvenerTools(host);
  const d1 = need(
    host.view.decisions.find((d) => d.id === 'd1'),
    'd1',
  );
  document.body.replaceChildren(
    tools.paperButton(d1),
    tools.paperArea,
    tools.openArea(),
    tools.drawArea(),
  );
  return { tools, said, root: document.body };
}

const input = (root: ParentNode, id: string) => need(q<HTMLInputElement>(root, id), id);
const posts = (asked: Asked[]) => asked.filter((a) => a.method === 'POST');

function type(root: ParentNode, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const el = need(q<HTMLInputElement | HTMLTextAreaElement>(root, id), id);
    el.value = value;
  }
}

function choose(root: ParentNode, id: string, value: string): void {
  const select = need(q<HTMLSelectElement>(root, id), id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setLang('en', null);
  document.body.replaceChildren();
});

describe('the form opening a decision', () => {
  it('is offered only during a decision phase', () => {
    const { root } = mount('props');
    expect(q(root, 'process-open-form')).toBeNull();
    expect(q(root, 'process-open-phase')?.textContent).toContain('“decision” phase');
  });

  it('sends the decision with its input and roll, and announces it', async () => {
    const asked = fakeFetch(() =>
      json(201, { decision: { id: 'd2', title: 'Which projects?' }, status: 'open' }),
    );
    const { root, said } = mount();
    const form = need(q<HTMLFormElement>(root, 'process-open-form'), 'form');
    // Secret by default, every participant on the roll.
    expect(input(form, 'process-open-secret').checked).toBe(true);
    const boxes = [...form.querySelectorAll<HTMLInputElement>('#process-open-roll input')];
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['ana', true],
      ['ben', true],
      ['coop-a', true],
    ]);
    form.requestSubmit();
    expect(all(form, 'field-error').map((e) => e.textContent)).toEqual([
      'This field is required.',
      'This field is required.',
    ]);
    expect(posts(asked)).toEqual([]);

    type(form, {
      'process-open-id': 'd2',
      'process-open-title': 'Which projects?',
      'process-open-options': 'roof | Solar roof | 300\nbikes | Bike racks | 100',
      'process-open-min-share': '25',
      'process-open-threshold': '50',
      'process-open-advanced': '{"tie_break_seed": "lottery", "quorum": {"min_colleges": 2}}',
    });
    choose(form, 'process-open-method', 'budget_greedy');
    // The method shows its own keys: a budget, not a highest score.
    expect(input(form, 'process-open-budget').closest('.form-field')?.hasAttribute('hidden')).toBe(
      false,
    );
    expect(
      input(form, 'process-open-score-max').closest('.form-field')?.hasAttribute('hidden'),
    ).toBe(true);
    type(form, { 'process-open-budget': '350', 'process-open-score-max': '9' });
    choose(form, 'process-open-proposal', 'p2');
    need(boxes[2], 'coop-a').checked = false;
    input(form, 'process-open-secret').checked = false;
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(said).toEqual([
        'The decision “Which projects?” is open: the participants on its roll can vote.',
      ]),
    );
    expect(posts(asked)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/processes/budget-2027/decisions',
        body: {
          id: 'd2',
          title: 'Which projects?',
          secret: false,
          proposal: 'p2',
          roll: ['ana', 'ben'],
          input: {
            tie_break_seed: 'lottery',
            method: 'budget_greedy',
            options: [
              { id: 'roof', name: 'Solar roof', cost: 300 },
              { id: 'bikes', name: 'Bike racks', cost: 100 },
            ],
            budget: 350,
            quorum: { min_colleges: 2, min_share_of_eligible: 0.25 },
            threshold: { share: 0.5, strictly_more: true },
          },
        },
      },
    ]);
  });

  it('makes the proposal the option of a consent decision without options', async () => {
    const asked = fakeFetch(() => json(201, { decision: { id: 'd3' } }));
    const { root } = mount();
    const form = need(q<HTMLFormElement>(root, 'process-open-form'), 'form');
    type(form, { 'process-open-id': 'd3', 'process-open-title': 'The garden' });
    choose(form, 'process-open-method', 'consent');
    expect(input(form, 'process-open-seats').closest('.form-field')?.hasAttribute('hidden')).toBe(
      true,
    );
    choose(form, 'process-open-proposal', 'p1');
    form.requestSubmit();
    await vi.waitFor(() => expect(posts(asked)).toHaveLength(1));
    expect(posts(asked)[0]?.body).toMatchObject({
      proposal: 'p1',
      input: { method: 'consent', options: ['p1'] },
    });
  });

  it('refuses advanced keys that are not a JSON object, and an empty roll', () => {
    const asked = fakeFetch(() => json(201, {}));
    const { root } = mount();
    const form = need(q<HTMLFormElement>(root, 'process-open-form'), 'form');
    type(form, {
      'process-open-id': 'd2',
      'process-open-title': 'T',
      'process-open-options': 'yes\nno',
      'process-open-advanced': '[1, 2]',
    });
    form.requestSubmit();
    expect(q(form, 'process-open-details')?.hasAttribute('open')).toBe(true);
    expect(q(form, 'field-error')?.textContent).toContain('not a JSON object');
    expect(document.activeElement).toBe(q(form, 'process-open-advanced'));
    type(form, { 'process-open-advanced': '' });
    for (const b of form.querySelectorAll<HTMLInputElement>('#process-open-roll input')) {
      b.checked = false;
    }
    form.requestSubmit();
    expect(q(form, 'field-error')?.textContent).toBe('Check at least one participant.');
    expect(posts(asked)).toEqual([]);
  });

  it("shows the server's message above the form and under the field it names", async () => {
    fakeFetch(() =>
      refusal(400, 'invalid_argument', 'decision.input: seats: 3 is more than the 2 options'),
    );
    const { root } = mount();
    const form = need(q<HTMLFormElement>(root, 'process-open-form'), 'form');
    type(form, {
      'process-open-id': 'd2',
      'process-open-title': 'T',
      'process-open-options': 'yes\nno',
      'process-open-seats': '3',
    });
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(form, 'process-open-form-error')?.textContent).toBe(
        'decision.input: seats: 3 is more than the 2 options',
      ),
    );
    const seats = input(form, 'process-open-seats');
    expect(seats.getAttribute('aria-invalid')).toBe('true');
    expect(seats.nextElementSibling?.textContent).toContain('3 is more than');
    expect(form.hasAttribute('aria-busy')).toBe(false);
  });

  it('finds the field of a server message', () => {
    expect(decisionKeyOf('decision.id: give an id')).toBe('id');
    expect(decisionKeyOf('decision.roll[1]: appears twice')).toBe('roll');
    expect(decisionKeyOf('decision.input: options[2]: ids must be unique')).toBe('options');
    expect(decisionKeyOf('decision.input: quorum.min_ballots: expected a number')).toBe(
      'min_ballots',
    );
    expect(decisionKeyOf('decision.input: quorum.min_share_of_eligible: 2 > 1')).toBe('min_share');
    expect(decisionKeyOf('decision.input: reserved[0].category: unknown')).toBe('advanced');
    expect(decisionKeyOf("decision 'd1' exists")).toBe('advanced');
  });
});

describe('paper and in-person results', () => {
  function server(status: 'open' | 'closed', post: () => Response = () => json(200, {})) {
    return fakeFetch((req) =>
      req.method === 'POST' ? post() : json(200, decisionView(status, {})),
    );
  }

  it('builds paper and in-person ballots with the ballot form and sends them with a note', async () => {
    const asked = server('open', () => json(200, { ...decisionView('open', {}), paper: 3 }));
    const { root, said } = mount();
    need(q<HTMLButtonElement>(root, 'process-paper-open'), 'open').click();
    const form = await vi.waitFor(() =>
      need(q<HTMLFormElement>(root, 'process-paper-form'), 'form'),
    );
    expect(asked[0]?.url).toBe('/api/v1/processes/budget-2027/decisions/d1');
    expect(document.activeElement).toBe(q(form, 'process-paper-form-title'));
    expect(q(form, 'process-paper-decision')?.textContent).toBe('Decision: Fund the garden?');
    // Paper results are never online ballots.
    const channel = need(q<HTMLSelectElement>(form, 'decide-entry-channel'), 'channel');
    expect([...channel.options].map((o) => o.value)).toEqual(['paper', 'in_person']);
    form.requestSubmit();
    expect(q(form, 'field-error')?.textContent).toBe('Add at least one ballot.');

    const pick = (value: string) =>
      need(
        form.querySelector<HTMLInputElement>(`[data-testid="ballot-choice"][value="${value}"]`),
        value,
      ).click();
    pick('yes');
    type(form, { 'decide-entry-count': '2' });
    need(q<HTMLButtonElement>(form, 'ballot-cast'), 'add').click();
    pick('no');
    channel.value = 'in_person';
    need(q<HTMLButtonElement>(form, 'ballot-cast'), 'add').click();
    expect(all(form, 'decide-entry-text').map((e) => e.textContent)).toEqual([
      'Choice: yes (Paper, 2 ballots)',
      'Choice: no (In person)',
    ]);
    type(form, { 'process-paper-note': 'Counted at the assembly by Eva' });
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(said).toEqual([
        '3 ballots recorded for “Fund the garden?”. Paper and in-person ballots entered so far: 3.',
      ]),
    );
    expect(posts(asked)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/processes/budget-2027/decisions/d1/paper',
        body: {
          ballots: [
            { choice: 'yes', channel: 'paper', count: 2 },
            { choice: 'no', channel: 'in_person' },
          ],
          note: 'Counted at the assembly by Eva',
        },
      },
    ]);
  });

  it("keeps the ballots and shows the server's refusal", async () => {
    server('open', () =>
      refusal(409, 'conflict', "decision 'd1' is closed (entry 14); it takes no more ballots"),
    );
    const { root, said } = mount();
    need(q<HTMLButtonElement>(root, 'process-paper-open'), 'open').click();
    const form = await vi.waitFor(() =>
      need(q<HTMLFormElement>(root, 'process-paper-form'), 'form'),
    );
    need(form.querySelector<HTMLInputElement>('[value="yes"]'), 'yes').click();
    need(q<HTMLButtonElement>(form, 'ballot-cast'), 'add').click();
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(form, 'process-paper-form-error')?.textContent).toContain('takes no more ballots'),
    );
    expect(all(form, 'decide-entry-ballot')).toHaveLength(1);
    expect(said).toEqual([]);
    // Cancel closes the panel and gives the focus back to the button.
    need(q<HTMLButtonElement>(form, 'process-paper-cancel'), 'cancel').click();
    expect(q(root, 'process-paper-form')).toBeNull();
    expect(document.activeElement).toBe(q(root, 'process-paper-open'));
  });

  it('says so when the decision was closed meanwhile', async () => {
    server('closed');
    const { root } = mount();
    need(q<HTMLButtonElement>(root, 'process-paper-open'), 'open').click();
    await vi.waitFor(() => expect(q(root, 'process-paper-closed')).not.toBeNull());
    expect(q(root, 'process-paper-form')).toBeNull();
  });
});

describe('the draw by lot', () => {
  it('explains the seed, and draws from the pool stratified by college', async () => {
    const asked = fakeFetch(() =>
      json(201, { id: 'panel2', seed: 'loto 4 17 23', selected: ['ana'], seats: 1 }),
    );
    const { root, said } = mount('props');
    const form = need(q<HTMLFormElement>(root, 'process-draw-form'), 'form');
    expect(q(form, 'process-draw-explain')?.textContent).toContain(
      'fixed before the pool is known',
    );
    expect(q(form, 'process-draw-explain')?.textContent).toContain('anyone can redraw it');
    type(form, { 'process-draw-id': 'panel2', 'process-draw-seed': 'loto 4 17 23' });
    form.requestSubmit();
    expect(q(form, 'field-error')?.textContent).toBe('Name at least one witness.');
    expect(posts(asked)).toEqual([]);

    type(form, { 'process-draw-witnesses': 'Eva\n\n Tom ' });
    need(
      form.querySelector<HTMLInputElement>('#process-draw-pool input[value="coop-a"]'),
      'coop',
    ).checked = false;
    const stratify = input(form, 'process-draw-stratify');
    expect(q(form, 'process-draw-quotas')?.hidden).toBe(true);
    stratify.click();
    expect(q(form, 'process-draw-quotas')?.hidden).toBe(false);
    const quotas = [...form.querySelectorAll<HTMLInputElement>('#process-draw-quotas input')];
    expect(quotas.map((i) => i.labels?.[0]?.textContent)).toEqual([
      'At least this many from workers',
      'At least this many from users',
    ]);
    need(quotas[0], 'workers').value = '1';
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(said).toEqual(['Drawn by lot (“panel2”, seed loto 4 17 23): ana.']),
    );
    expect(posts(asked)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/processes/budget-2027/sortitions',
        body: {
          id: 'panel2',
          seed: 'loto 4 17 23',
          witnesses: ['Eva', 'Tom'],
          seats: 1,
          pool: [
            { id: 'ana', category: 'workers' },
            { id: 'ben', category: 'users' },
          ],
          quotas: [{ category: 'workers', min: 1 }],
        },
      },
    ]);
  });

  it("shows a repeated draw's refusal, and a pool of plain ids without stratification", async () => {
    const asked = fakeFetch(() =>
      refusal(
        409,
        'conflict',
        "sortition 'panel' was drawn already (entry 4); a draw is never repeated",
      ),
    );
    const { root, said } = mount('props');
    const form = need(q<HTMLFormElement>(root, 'process-draw-form'), 'form');
    type(form, {
      'process-draw-id': 'panel',
      'process-draw-seed': 's',
      'process-draw-witnesses': 'Eva',
      'process-draw-seats': '2',
    });
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(form, 'process-draw-form-error')?.textContent).toContain('never repeated'),
    );
    expect(posts(asked)[0]?.body).toMatchObject({ pool: ['ana', 'ben', 'coop-a'], seats: 2 });
    expect(said).toEqual([]);
  });
});
