// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FUNDS, MECHANISMS } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { FinancePage } from './finance_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

async function open(navigate = vi.fn()): Promise<FinancePage> {
  const page = new FinancePage({ navigate });
  document.body.replaceChildren(page.element);
  await settle(need(q(page.element, 'finance-funds-area'), 'funds area'));
  await settle(need(q(page.element, 'finance-mechanisms-area'), 'mechanisms area'));
  return page;
}

describe('FinancePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('lists the funds with their money and leverage, and the mechanisms on the ILO axes', async () => {
    const asked = fakeFetch(({ url }) => json(200, url.includes('/funds') ? FUNDS : MECHANISMS));
    const page = await open();
    expect(asked.map((a) => a.url).sort()).toEqual([
      '/api/v1/finance/funds',
      '/api/v1/finance/mechanisms?lang=en',
    ]);
    const rows = all(page.element, 'finance-fund-row');
    expect(rows).toHaveLength(2);
    const first = need(rows[0], 'first fund');
    expect(q(first, 'finance-fund-link')?.getAttribute('href')).toBe(
      '#/finance/funds/solidarity-fund',
    );
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '€1,000,000.00',
      '€700,000.00',
      '€300,000.00',
      '0.43 : 1 ✗ Below the 2 : 1 rule',
      '2',
      '3',
    ]);
    expect(q(need(rows[1], 'second'), 'finance-leverage-badge')?.textContent).toContain(
      'Meets the 2 : 1 rule',
    );
    const mechanisms = all(page.element, 'finance-mechanism-row');
    expect(mechanisms.map((r) => r.querySelector('th span')?.textContent)).toEqual([
      'Member shares',
      'Public grant',
    ]);
    expect(
      [...need(mechanisms[0], 'm').querySelectorAll('td')].map((td) => td.textContent),
    ).toEqual(['internal', 'private', 'market', 'Equity without outside votes']);
    expect(q(page.element, 'finance-loans-link')?.getAttribute('href')).toBe('#/finance/loans');
  });

  it('formats money in the reader’s language and opens an organisation by id', async () => {
    setLang('fr', null);
    fakeFetch(({ url }) => json(200, url.includes('/funds') ? FUNDS : MECHANISMS));
    const navigate = vi.fn();
    const page = await open(navigate);
    const cell = need(q(page.element, 'finance-fund-row'), 'row').querySelector('td');
    expect(cell?.textContent?.replace(/\s/g, ' ')).toBe('1 000 000,00 €');
    expect(
      need(q(page.element, 'finance-mechanism-row'), 'm').querySelector('th span')?.textContent,
    ).toBe('Parts sociales');
    need(q<HTMLInputElement>(page.element, 'finance-actor'), 'input').value = ' bakery/coop ';
    q<HTMLFormElement>(page.element, 'finance-actor-form')?.requestSubmit();
    expect(navigate).toHaveBeenCalledWith('#/finance/organisations/bakery%2Fcoop');
  });

  it('says when there is no fund yet', async () => {
    fakeFetch(({ url }) => json(200, url.includes('/funds') ? { items: [] } : MECHANISMS));
    const page = await open();
    expect(q(page.element, 'finance-funds-none')?.textContent).toBe('No fund yet.');
    expect(q(page.element, 'finance-funds-table')).toBeNull();
  });

  it("shows the server's message when it refuses", async () => {
    fakeFetch(({ url }) =>
      url.includes('/funds')
        ? refusal(400, 'invalid_argument', 'fund store: not configured')
        : json(200, MECHANISMS),
    );
    const page = await open();
    const area = need(q(page.element, 'finance-funds-area'), 'area');
    expect(q(area, 'error-message-detail')?.textContent).toBe('fund store: not configured');
    expect(all(page.element, 'finance-mechanism-row')).toHaveLength(2);
  });
});
