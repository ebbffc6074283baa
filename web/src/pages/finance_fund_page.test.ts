// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fundView } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { FinanceFundPage } from './finance_fund_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

async function open(hash = '#/finance/funds/solidarity-fund'): Promise<FinanceFundPage> {
  const route = parseRoute(hash);
  const page = new FinanceFundPage(route.page === 'finance_fund' ? route.id : '', route);
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return page;
}

const absorbed = (page: FinanceFundPage) =>
  all(page.element, 'finance-loss-absorbed').map((td) => td.textContent);

describe('FinanceFundPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('draws the capital stack and the waterfall, with tables saying the same', async () => {
    const asked = fakeFetch(() => json(200, fundView()));
    const page = await open();
    expect(asked[0]?.url).toBe('/api/v1/finance/funds/solidarity-fund');
    expect(page.element.querySelector('h1')?.textContent).toBe('Solidarity Fund');
    const segments = all(page.element, 'finance-stack-segment');
    expect(segments.map((s) => s.dataset.source)).toEqual(['public', 'private', 'public']);
    // Private money is hatched, not only another colour.
    expect(segments[1]?.querySelector('rect')?.getAttribute('fill')).toBe('url(#finance-hatch)');
    expect(segments[0]?.querySelector('rect')?.getAttribute('fill')).toBeNull();
    const widths = segments.map((s) => Number(s.querySelector('rect')?.getAttribute('width')));
    expect(widths[2]).toBeCloseTo((widths[1] ?? 0) * 2, 6);
    expect(page.element.querySelector('#finance-stack-desc')?.textContent).toContain(
      'Tranche 2, Credit union notes: private money, €300,000.00 (30% of the fund).',
    );
    const lines = all(page.element, 'finance-waterfall-line');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(
      11,
    );
    const rows = need(q(page.element, 'finance-waterfall-table'), 'table').querySelectorAll(
      'tbody tr',
    );
    expect(rows).toHaveLength(11);
    expect([...need(rows[2], 'row 20%').children].map((c) => c.textContent)).toEqual([
      '20% (€200,000.00)',
      '100%',
      '33.3%',
      '0%',
    ]);
    expect(q(page.element, 'finance-leverage-badge')?.textContent).toContain(
      'Below the 2 : 1 rule',
    );
    expect(all(page.element, 'finance-warning').map((w) => w.textContent)).toEqual([
      'tranche sub: drawn is below committed',
    ]);
    expect(all(page.element, 'finance-application-row')).toHaveLength(2);
    expect(absorbed(page)).toEqual(['€100,000.00', '€0.00', '€0.00']);
  });

  it('sends the loss typed in currency units as cents and shows who absorbs it', async () => {
    const asked = fakeFetch(({ url }) => {
      const loss = new URL(url, 'http://x').searchParams.get('loss');
      return json(200, fundView(loss === null ? undefined : Number(loss)));
    });
    const page = await open();
    const input = need(q<HTMLInputElement>(page.element, 'finance-loss-input'), 'input');
    expect(input.value).toBe('100000.00');
    input.value = '250 000,50';
    q<HTMLFormElement>(page.element, 'finance-loss-form')?.requestSubmit();
    await settle(need(q(page.element, 'finance-loss-area'), 'area'));
    await vi.waitFor(() => expect(absorbed(page)[1]).toBe('€150,000.50'));
    expect(asked[1]?.url).toBe('/api/v1/finance/funds/solidarity-fund?loss=25000050');
    expect(absorbed(page)).toEqual(['€100,000.00', '€150,000.50', '€0.00']);
    expect(q(page.element, 'finance-loss-summary')?.textContent).toBe(
      'A loss of €250,000.50 on a fund of €1,000,000.00: €250,000.50 absorbed by the tranches, €0.00 not absorbed.',
    );
  });

  it('refuses a loss that is not an amount, asking nothing', async () => {
    const asked = fakeFetch(() => json(200, fundView()));
    const page = await open();
    need(q<HTMLInputElement>(page.element, 'finance-loss-input'), 'input').value = '-3';
    q<HTMLFormElement>(page.element, 'finance-loss-form')?.requestSubmit();
    expect(q(page.element, 'field-error')?.textContent).toContain('Write an amount');
    expect(asked).toHaveLength(1);
  });

  it("shows the server's message for an unknown fund", async () => {
    fakeFetch(() => refusal(404, 'not_found', "fund 'nope': not found"));
    const page = await open('#/finance/funds/nope');
    expect(q(page.element, 'error-message-detail')?.textContent).toBe("fund 'nope': not found");
  });
});
