// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { processView } from '../processes.fixture';
import {
  all,
  fakeFetch,
  json,
  need,
  q,
  refusal,
  sessionWith,
  settle,
  type Asked,
} from './finance_testkit';
import { ProcessPage } from './process_page';

type Me = { participants: string[]; convener: boolean };

/** A server holding the process in `phase`; the caller is `me`; `write` answers the POSTs. */
function server(me: Me, phase = 'props', write: (req: Asked) => Response = () => json(201, {})) {
  return (req: Asked) => {
    if (req.method === 'POST') return write(req);
    if (req.url.endsWith('/participants/me')) return json(200, me);
    if (req.url.endsWith('/verify')) {
      return json(200, {
        ok: true,
        entries: 12,
        head_hash: 'f'.repeat(64),
        decisions_closed: 1,
        sortitions: 1,
        records: 9,
        problems: [],
      });
    }
    return json(200, processView(phase));
  };
}

async function open(answer: (req: Asked) => Response, roles: { role: string; scope: string }[]) {
  const asked = fakeFetch(answer);
  const page = new ProcessPage('budget-2027', sessionWith(roles));
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return { page, asked, el: page.element };
}

const member = [{ role: 'member', scope: 'actor:coop-a' }];
const steward = [{ role: 'steward', scope: 'network:diesis' }];

describe('ProcessPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('shows the phases with the current one marked in words, and what the process holds', async () => {
    const { el } = await open(server({ participants: ['ana', 'coop-a'], convener: false }), member);
    expect(q(el, 'process-description')?.textContent).toBe('How the 2027 budget is spent.');
    const phases = all(el, 'process-phase');
    expect(phases.map((p) => p.dataset.phase)).toEqual(['diag', 'props', 'vote']);
    expect(phases.map((p) => p.getAttribute('aria-current'))).toEqual([null, 'step', null]);
    expect(phases[1]?.textContent).toContain('current phase');
    expect(phases[0]?.textContent).toContain('from January 10, 2027 to February 10, 2027');
    const coop = need(el.querySelector<HTMLElement>('tr[data-participant="coop-a"]'), 'coop');
    expect(q(coop, 'process-delegate')?.textContent).toBe('ana — General assembly of 2026-10-01');
    expect([...coop.querySelectorAll('td')].map((c) => c.textContent)).toContain('users');
    expect(q(el, 'process-you')?.textContent).toBe('You take part as: ana, coop-a.');
    // The pending response past its deadline says so in words.
    const p1 = need(el.querySelector<HTMLElement>('tr[data-proposal="p1"]'), 'p1');
    expect(q(p1, 'process-answer')?.textContent).toContain('Pending');
    expect(q(p1, 'process-overdue')?.textContent).toContain('Overdue');
    const closed = need(el.querySelector<HTMLElement>('tr[data-decision="d0"]'), 'd0');
    expect(q(closed, 'process-decision-turnout')?.textContent).toBe('2 of 3 voted');
    expect(q(closed, 'process-decision-winners')?.textContent).toBe('yes');
    expect(q(el, 'process-sortition-selected')?.textContent).toBe('Selected for 1 seats: ben');
    expect(q(el, 'process-result-progress')?.textContent).toBe('40%');
    expect(q(el, 'process-head-hash')?.textContent).toBe('f'.repeat(64));
    // A participant neither moves the phase nor closes a vote.
    expect(q(el, 'process-phase-form')).toBeNull();
    expect(q(el, 'process-decision-close')).toBeNull();
  });

  it('lets a participant make a proposal during the proposals phase, as one of theirs', async () => {
    const { el, asked } = await open(
      server({ participants: ['ana', 'coop-a'], convener: false }),
      member,
    );
    const form = need(q<HTMLFormElement>(el, 'process-proposal-form'), 'form');
    const author = need(q<HTMLSelectElement>(form, 'process-proposal-author'), 'author');
    expect([...author.options].map((o) => o.value)).toEqual(['ana', 'coop-a']);
    form.requestSubmit();
    expect(q(form, 'field-error')?.textContent).toBe('This field is required.');
    expect(asked.filter((a) => a.method === 'POST')).toEqual([]);
    author.value = 'coop-a';
    need(q<HTMLInputElement>(form, 'process-proposal-title'), 'title').value = 'Solar roof';
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toBe('Your proposal was recorded.'),
    );
    expect(asked.find((a) => a.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/v1/processes/budget-2027/items/proposal',
      body: { title: 'Solar roof', author: 'coop-a' },
    });
  });

  it('offers no proposal form outside a proposals phase, nor to those who do not take part', async () => {
    let { el } = await open(server({ participants: ['ana'], convener: false }, 'vote'), member);
    expect(q(el, 'process-proposal-form')).toBeNull();
    expect(q(el, 'process-proposal-phase')).not.toBeNull();
    vi.unstubAllGlobals();
    ({ el } = await open(server({ participants: [], convener: false }), member));
    expect(q(el, 'process-proposal-form')).toBeNull();
    expect(q(el, 'process-proposal-who')).not.toBeNull();
  });

  it('lets a convener move the phase and close an open decision', async () => {
    const { el, asked } = await open(
      server({ participants: [], convener: true }, 'props', ({ url }) =>
        url.endsWith('/close')
          ? json(200, { status: 'closed' })
          : json(200, { process: {}, version: 4 }),
      ),
      steward,
    );
    const select = need(q<HTMLSelectElement>(el, 'process-phase-select'), 'select');
    expect(select.value).toBe('props');
    select.value = 'vote';
    need(q<HTMLFormElement>(el, 'process-phase-form'), 'phase form').requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toBe('The process moved to its new phase.'),
    );
    expect(asked.find((a) => a.method === 'POST')).toMatchObject({
      url: '/api/v1/processes/budget-2027/phase',
      body: { phase: 'vote' },
    });
    await settle(el);
    // Only the open decision has a close button, named after it.
    const close = all(el, 'process-decision-close');
    expect(close.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Close the vote: Fund the garden?',
    ]);
    close[0]?.click();
    await vi.waitFor(() =>
      expect(asked.map((a) => a.url)).toContain('/api/v1/processes/budget-2027/decisions/d1/close'),
    );
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toContain('The vote is closed'),
    );
  });

  it('gives a convener the forms opening a decision, entering paper results and drawing by lot', async () => {
    const { el, asked } = await open(
      server({ participants: [], convener: true }, 'vote', ({ url }) =>
        url.endsWith('/sortitions')
          ? json(201, { id: 'panel2', seed: 'loto 4', selected: ['ben'], seats: 1 })
          : json(201, { decision: { id: 'd2', title: 'Bike racks?' }, status: 'open' }),
      ),
      steward,
    );
    // Paper results only for the open decision, named after it.
    expect(all(el, 'process-paper-open').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Enter paper or in-person results: Fund the garden?',
    ]);
    const form = need(q<HTMLFormElement>(el, 'process-open-form'), 'open form');
    need(q<HTMLInputElement>(form, 'process-open-id'), 'id').value = 'd2';
    need(q<HTMLInputElement>(form, 'process-open-title'), 'title').value = 'Bike racks?';
    need(q<HTMLTextAreaElement>(form, 'process-open-options'), 'options').value = 'yes\nno';
    const reads = asked.filter((a) => a.method === 'GET').length;
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toBe(
        'The decision “Bike racks?” is open: the participants on its roll can vote.',
      ),
    );
    await settle(el);
    expect(asked.filter((a) => a.method === 'GET').length).toBeGreaterThan(reads);
    expect(document.activeElement).toBe(q(el, 'process-flash'));
    expect(asked.find((a) => a.method === 'POST')).toMatchObject({
      url: '/api/v1/processes/budget-2027/decisions',
      body: { id: 'd2', input: { method: 'single_choice', options: ['yes', 'no'] } },
    });

    const draw = need(q<HTMLFormElement>(el, 'process-draw-form'), 'draw form');
    need(q<HTMLInputElement>(draw, 'process-draw-id'), 'id').value = 'panel2';
    need(q<HTMLInputElement>(draw, 'process-draw-seed'), 'seed').value = 'loto 4';
    need(q<HTMLTextAreaElement>(draw, 'process-draw-witnesses'), 'witnesses').value = 'Eva';
    draw.requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toBe(
        'Drawn by lot (“panel2”, seed loto 4): ben.',
      ),
    );
  });

  it('offers no convener forms to a participant, and no decision form outside a decision phase', async () => {
    let { el } = await open(server({ participants: ['ana'], convener: false }, 'vote'), member);
    for (const id of ['process-open-form', 'process-paper-open', 'process-draw-form']) {
      expect(q(el, id), id).toBeNull();
    }
    vi.unstubAllGlobals();
    ({ el } = await open(server({ participants: [], convener: true }, 'props'), steward));
    expect(q(el, 'process-open-form')).toBeNull();
    expect(q(el, 'process-open-phase')).not.toBeNull();
    expect(q(el, 'process-draw-form')).not.toBeNull();
  });

  it("shows a refused action with the server's message", async () => {
    const { el } = await open(
      server({ participants: [], convener: true }, 'props', () =>
        refusal(
          403,
          'permission_denied',
          "only the conveners of process 'budget-2027' may close a decision",
        ),
      ),
      steward,
    );
    need(q<HTMLButtonElement>(el, 'process-decision-close'), 'close').click();
    await vi.waitFor(() =>
      expect(q(el, 'error-message-detail')?.textContent).toBe(
        "only the conveners of process 'budget-2027' may close a decision",
      ),
    );
  });

  it('verifies the process on request and shows the report', async () => {
    const { el } = await open(server({ participants: [], convener: false }), member);
    need(q<HTMLButtonElement>(el, 'process-verify'), 'verify').click();
    await vi.waitFor(() => expect(q(el, 'process-verify-ok')).not.toBeNull());
    expect(q(el, 'process-verify-ok')?.textContent).toContain('Verified');
    expect(q(el, 'process-verify-report')?.textContent).toContain('12 entries, 1 closed decisions');
  });

  it('lists the problems verification finds', async () => {
    const problems = [
      { seq: 10, kind: 'voted', message: "entry 10 (voted): voter 'ana' voted twice" },
    ];
    const { el } = await open((req) => {
      if (req.url.endsWith('/verify')) {
        return json(200, { ok: false, entries: 12, head_hash: 'f'.repeat(64), problems });
      }
      return server({ participants: [], convener: false })(req);
    }, member);
    need(q<HTMLButtonElement>(el, 'process-verify'), 'verify').click();
    await vi.waitFor(() => expect(q(el, 'process-verify-bad')).not.toBeNull());
    expect(q(el, 'process-verify-bad')?.textContent).toContain('1 problems found');
    expect(all(el, 'process-problem').map((p) => p.textContent)).toEqual([problems[0]?.message]);
  });
});
