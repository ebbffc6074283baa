// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOAN_BOOK } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { FinanceLoansPage } from './finance_loans_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

async function open(hash: string, navigate = vi.fn()) {
  const page = new FinanceLoansPage(parseRoute(hash), { navigate });
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return page;
}

describe('FinanceLoansPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows PAR30 and PAR90, with and without restructured loans, and the latest loans first', async () => {
    const asked = fakeFetch(() => json(200, LOAN_BOOK));
    const navigate = vi.fn();
    const page = await open('#/finance/loans?as_of=2026-06-30', navigate);
    expect(asked[0]?.url).toBe('/api/v1/finance/loan-book?as_of=2026-06-30');
    const cards = all(page.element, 'finance-par-card');
    expect(cards.map((c) => c.dataset.days)).toEqual(['30', '90']);
    const par30 = need(cards[0], 'PAR30');
    expect(par30.querySelector('h3')?.textContent).toBe('PAR30');
    expect(q(par30, 'finance-par-ratio')?.textContent).toBe('25%');
    expect(q(par30, 'finance-par-all')?.textContent).toBe(
      '25%: 15,000.00 at risk of 60,000.00 outstanding (2 loans)',
    );
    expect(q(par30, 'finance-par-excluding')?.textContent).toBe(
      '20%: 10,000.00 at risk of 50,000.00 outstanding (1 loans)',
    );
    expect(q(par30, 'finance-par-restructured')?.textContent).toContain('50%');
    expect(q(page.element, 'finance-written-off')?.textContent).toBe(
      'Principal written off: 3,000.00.',
    );
    const rows = all(page.element, 'finance-loan-row');
    expect(rows.map((r) => r.dataset.days)).toEqual(['120', '45', '0']);
    expect(q(need(rows[0], 'row'), 'finance-loan-borrower')?.getAttribute('href')).toBe(
      '#/finance/organisations/print-coop',
    );
    const select = need(q<HTMLSelectElement>(page.element, 'finance-fund-filter'), 'select');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'coop-fund', 'solidarity-fund']);
    select.value = 'coop-fund';
    q<HTMLFormElement>(page.element, 'finance-loans-form')?.requestSubmit();
    expect(navigate).toHaveBeenCalledWith('#/finance/loans?as_of=2026-06-30&fund=coop-fund');
    expect(page.update(parseRoute('#/finance/loans?fund=coop-fund'))).toBe(true);
    await settle(page.element);
    expect(asked[1]?.url).toBe('/api/v1/finance/loan-book?fund=coop-fund');
  });

  it('says when the book has no loan', async () => {
    fakeFetch(() => json(200, { ...LOAN_BOOK, loans: [], funds: [] }));
    const page = await open('#/finance/loans');
    expect(q(page.element, 'finance-loans-none')?.textContent).toBe('No loan in the book.');
  });

  it("shows the server's message for a bad date", async () => {
    fakeFetch(() => refusal(400, 'invalid_argument', "as_of: '2026-13-01' is not a date"));
    const page = await open('#/finance/loans?as_of=2026-13-01');
    expect(q(page.element, 'error-message-detail')?.textContent).toBe(
      "as_of: '2026-13-01' is not a date",
    );
  });
});
