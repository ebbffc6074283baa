// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALLOCATION, fundView } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { FinanceAllocationPage } from './finance_allocation_page';
import { all, fakeFetch, json, need, q, refusal, sessionWith, settle } from './finance_testkit';

const noneSaved = () => ({ ...(fundView() as object), allocation: null });

async function open(roles: { role: string; scope: string }[] | null = null) {
  const page = new FinanceAllocationPage('solidarity-fund', sessionWith(roles));
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return page;
}

describe('FinanceAllocationPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows the saved allocation: portfolios side by side, their ratio, the binding rules', async () => {
    fakeFetch(() => json(200, fundView()));
    const page = await open();
    const saved = need(q(page.element, 'finance-saved-area'), 'saved');
    expect(q(saved, 'finance-solver-status')?.textContent).toContain('Optimal');
    // MIP 150 over greedy 120.
    expect(q(saved, 'finance-ratio')?.textContent).toBe(
      'The exact allocation reaches 1.25 times the impact of the greedy ranking (+25%).',
    );
    const impact = need(q(saved, 'finance-compare-impact'), 'impact row');
    expect([...impact.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['150', '120']);
    const rows = all(saved, 'finance-portfolio-row');
    expect(
      rows.map((r) => [
        r.dataset.application,
        q(r, 'finance-portfolio-mip')?.textContent,
        q(r, 'finance-portfolio-greedy')?.textContent,
      ]),
    ).toEqual([
      ['app-care', '€50,000.00', '–'],
      ['app-bakery', '€40,000.00', '€80,000.00'],
    ]);
    expect(
      all(saved, 'finance-constraint-row').map((r) => [
        r.dataset.constraint,
        q(r, 'finance-constraint-cost')?.textContent,
      ]),
    ).toEqual([
      ['budget', '40'],
      ['north', '10'],
    ]);
    expect(q(saved, 'finance-greedy-violations')?.textContent).toContain('women_led_quota');
    // Signed out: no Save, a note instead.
    expect(need(q(page.element, 'finance-save'), 'save').hidden).toBe(true);
    expect(need(q(page.element, 'finance-save-note'), 'note').hidden).toBe(false);
  });

  it('says the solver is running, then shows its answer without saving', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked = fakeFetch(async ({ method }) => {
      if (method === 'GET') return json(200, noneSaved());
      await gate;
      return json(200, { ...ALLOCATION, greedy: { ...ALLOCATION.greedy, impact: 100 } });
    });
    const page = await open([{ role: 'steward', scope: 'network:diesis' }]);
    expect(q(page.element, 'finance-saved-none')?.textContent).toContain('No allocation');
    expect(need(q(page.element, 'finance-save'), 'save').hidden).toBe(false);
    need(q<HTMLButtonElement>(page.element, 'finance-run'), 'run').click();
    await vi.waitFor(() => expect(q(page.element, 'finance-running')).not.toBeNull());
    expect(q(page.element, 'finance-running')?.textContent).toContain('can take several seconds');
    expect(need(q<HTMLButtonElement>(page.element, 'finance-run'), 'run').disabled).toBe(true);
    release();
    const run = need(q(page.element, 'finance-run-area'), 'run area');
    await vi.waitFor(() => expect(q(run, 'finance-ratio')).not.toBeNull());
    expect(q(run, 'finance-ratio')?.textContent).toBe(
      'The exact allocation reaches 1.5 times the impact of the greedy ranking (+50%).',
    );
    const post = asked.find((a) => a.method === 'POST');
    expect(post).toMatchObject({
      url: '/api/v1/finance/funds/solidarity-fund/allocate',
      body: { save: false },
    });
  });

  it("shows the server's refusal and the reasons when no allocation exists", async () => {
    fakeFetch(({ method, body }) => {
      if (method === 'GET') return json(200, noneSaved());
      if ((body as { save: boolean }).save)
        return refusal(403, 'permission_denied', 'stewards only');
      return json(200, {
        ...ALLOCATION,
        status: 'infeasible',
        infeasibility: ['the quotas need more than the budget'],
        mip: { impact: 0, grants: [] },
      });
    });
    const page = await open([{ role: 'admin', scope: '' }]);
    need(q<HTMLButtonElement>(page.element, 'finance-save'), 'save').click();
    await vi.waitFor(() =>
      expect(q(page.element, 'error-message-detail')?.textContent).toBe('stewards only'),
    );
    need(q<HTMLButtonElement>(page.element, 'finance-run'), 'run').click();
    await vi.waitFor(() => expect(q(page.element, 'finance-infeasibility')).not.toBeNull());
    expect(q(page.element, 'finance-infeasibility')?.textContent).toContain(
      'the quotas need more than the budget',
    );
    expect(q(page.element, 'finance-solver-status')?.textContent).toContain('Infeasible');
  });
});
