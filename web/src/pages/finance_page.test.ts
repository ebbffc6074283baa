// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FUNDERS, FUNDS, MECHANISMS } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { FinancePage } from './finance_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

/** The answer of each list the page asks for; `funders` replaces the funders' answer. The
 * guarantee funds and campaigns (finance_page_guarantees.test.ts) are empty here. */
const answer = (url: string, funders?: Response) => {
  if (url.includes('/records/funder')) return funders ?? json(200, FUNDERS);
  if (url.includes('/records/guarantee_fund') || url.includes('/records/campaign')) {
    return json(200, { items: [] });
  }
  return json(200, url.includes('/funds') ? FUNDS : MECHANISMS);
};

async function open(navigate = vi.fn()): Promise<FinancePage> {
  const page = new FinancePage({ navigate });
  document.body.replaceChildren(page.element);
  await settle(need(q(page.element, 'finance-funds-area'), 'funds area'));
  await settle(need(q(page.element, 'finance-funders-area'), 'funders area'));
  await settle(need(q(page.element, 'finance-mechanisms-area'), 'mechanisms area'));
  await settle(need(q(page.element, 'finance-guarantee-funds-area'), 'guarantee funds area'));
  await settle(need(q(page.element, 'finance-campaigns-area'), 'campaigns area'));
  return page;
}

describe('FinancePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('lists the funds with their money and leverage, and the mechanisms on the ILO axes', async () => {
    const asked = fakeFetch(({ url }) => answer(url));
    const page = await open();
    expect(asked.map((a) => a.url).sort()).toEqual([
      '/api/v1/finance/funds',
      '/api/v1/finance/mechanisms?lang=en',
      '/api/v1/finance/records/campaign',
      '/api/v1/finance/records/funder',
      '/api/v1/finance/records/guarantee_fund',
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
    fakeFetch(({ url }) => answer(url));
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
    fakeFetch(({ url }) =>
      url.includes('/funds') && !url.includes('/records') ? json(200, { items: [] }) : answer(url),
    );
    const page = await open();
    expect(q(page.element, 'finance-funds-none')?.textContent).toBe('No fund yet.');
    expect(q(page.element, 'finance-funds-table')).toBeNull();
  });

  it("shows the server's message when it refuses", async () => {
    fakeFetch(({ url }) =>
      url.endsWith('/funds')
        ? refusal(400, 'invalid_argument', 'fund store: not configured')
        : answer(url),
    );
    const page = await open();
    const area = need(q(page.element, 'finance-funds-area'), 'area');
    expect(q(area, 'error-message-detail')?.textContent).toBe('fund store: not configured');
    expect(all(page.element, 'finance-mechanism-row')).toHaveLength(2);
  });
  it('lists the funders with their terms, each linking to its applicants', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const rows = all(page.element, 'finance-funder-row');
    expect(rows.map((r) => r.dataset.funder)).toEqual(['fiducie-chantier', 'risq']);
    const links = all(page.element, 'finance-funder-link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Fiducie du Chantier', '#/finance/funders/fiducie-chantier'],
      ['RISQ', '#/finance/funders/risq'],
    ]);
    const cells = (row: HTMLElement | undefined) =>
      [...need(row, 'row').querySelectorAll('td')].map((td) => td.textContent);
    expect(cells(rows[0])).toEqual([
      'Member shares, quasi_equity',
      '50,000 to 1,500,000',
      'investment_ready',
    ]);
    expect(cells(rows[1])).toEqual(['Public grant', 'Up to 250,000', 'No minimum']);
  });

  it('says when there is no funder yet', async () => {
    fakeFetch(({ url }) => answer(url, json(200, { items: [] })));
    const page = await open();
    expect(q(page.element, 'finance-funder-records-none')?.textContent).toBe('No funder yet.');
    expect(q(page.element, 'finance-funders-table')).toBeNull();
  });

  it.each([
    [401, 'unauthenticated', 'sign in to read finance records'],
    [403, 'permission_denied', 'reading finance records needs the steward role'],
  ])("shows the server's %i in the funders section only", async (status, code, message) => {
    fakeFetch(({ url }) => answer(url, refusal(status, code, message)));
    const page = await open();
    const area = need(q(page.element, 'finance-funders-area'), 'funders area');
    expect(q(area, 'error-message-detail')?.textContent).toBe(message);
    expect(all(page.element, 'error-message')).toHaveLength(1);
    expect(all(page.element, 'finance-fund-row')).toHaveLength(2);
    expect(all(page.element, 'finance-mechanism-row')).toHaveLength(2);
  });
});
