// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FUNDERS, FUNDS, MECHANISMS } from '../finance.fixture';
import {
  BAKERY_VIEW,
  CAMPAIGNS,
  GUARANTEE_FUNDS,
  IDF_VIEW,
  LIBRARY_VIEW,
  SMALL_VIEW,
} from '../finance_guarantee.fixture';
import { setLang } from '../i18n/i18n';
import { FinancePage } from './finance_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

const VIEWS: Record<string, unknown> = {
  '/api/v1/finance/guarantee-funds/fonds-idf': IDF_VIEW,
  '/api/v1/finance/guarantee-funds/petit-fonds': SMALL_VIEW,
  '/api/v1/finance/campaigns/bakery': BAKERY_VIEW,
  '/api/v1/finance/campaigns/library': LIBRARY_VIEW,
};

/** Every answer of the overview; `over` replaces the answer of the URLs it knows. */
function answer(url: string, over: Record<string, Response> = {}): Response {
  const replaced = over[url];
  if (replaced) return replaced;
  if (url === '/api/v1/finance/records/guarantee_fund') return json(200, GUARANTEE_FUNDS);
  if (url === '/api/v1/finance/records/campaign') return json(200, CAMPAIGNS);
  if (url === '/api/v1/finance/records/funder') return json(200, FUNDERS);
  if (url === '/api/v1/finance/funds') return json(200, FUNDS);
  const view = VIEWS[url];
  if (view) return json(200, view);
  if (url.startsWith('/api/v1/finance/mechanisms')) return json(200, MECHANISMS);
  return refusal(404, 'not_found', `no route ${url}`);
}

async function open(): Promise<FinancePage> {
  const page = new FinancePage({ navigate: vi.fn() });
  document.body.replaceChildren(page.element);
  for (const area of [
    'finance-funds-area',
    'finance-funders-area',
    'finance-guarantee-funds-area',
    'finance-campaigns-area',
    'finance-mechanisms-area',
  ]) {
    await settle(need(q(page.element, area), area));
  }
  return page;
}

const item = (page: FinancePage, testId: string, id: string) =>
  need(
    all(page.element, testId).find((el) => el.dataset.id === id),
    `${testId} ${id}`,
  );

/** Each <dt> with its <dd>s' text. */
const fields = (el: HTMLElement) =>
  Object.fromEntries(
    [...el.querySelectorAll('dl > div')].map((d) => [
      d.querySelector('dt')?.textContent,
      [...d.querySelectorAll('dd')].map((dd) => dd.textContent).join(' '),
    ]),
  );

const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s/g, ' '));

describe('FinancePage: guarantee funds and campaigns', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('asks for each list, then for the view of each item not deleted', async () => {
    const asked = fakeFetch(({ url }) => answer(url));
    const page = await open();
    const urls = asked.map((a) => a.url);
    expect(urls).toEqual(expect.arrayContaining(Object.keys(VIEWS)));
    expect(urls.filter((u) => u.includes('/old'))).toEqual([]);
    const order = [...page.element.querySelectorAll('section > h2')].map((h2) => h2.textContent);
    expect(order).toEqual([
      'Funds',
      'Funders',
      'Guarantee funds',
      'Match-funded campaigns',
      'Mechanisms of social finance',
    ]);
  });

  it('shows a fund’s capital, coverage, leverage, exposure and capacity in its currency', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const funds = all(page.element, 'finance-guarantee-fund');
    expect(funds.map((f) => f.dataset.id)).toEqual(['fonds-idf', 'petit-fonds']);
    const idf = item(page, 'finance-guarantee-fund', 'fonds-idf');
    expect(idf.querySelector('h3')?.textContent).toBe('Fonds de garantie Île-de-France');
    expect(fields(idf)).toEqual({
      Capital: '€200,000.00',
      Coverage: '65% of each loan',
      'Cap per loan': '€50,000.00',
      Leverage: 'Up to 3 times its capital',
      'Capital left after the calls': '€137,000.00',
      'Limit (leverage × capital left)': '€411,000.00',
      'Exposure (guaranteed, not called)': '€26,000.00',
      'Can still guarantee': '€385,000.00',
      'Fees a year': '€260.00',
    });
    expect(all(idf, 'finance-guarantee-row').map(cells)).toEqual([
      ['L-1', '€26,000.00', '€260.00', 'No'],
      ['L-2', '€50,000.00', '€500.00', 'Yes'],
      ['L-3', '€39,000.00', '€390.00', 'Yes'],
    ]);
  });

  it('explains in words what limited each call', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const idf = item(page, 'finance-guarantee-fund', 'fonds-idf');
    expect(all(idf, 'finance-call-row').map(cells)).toEqual([
      [
        'L-2',
        '€90,000.00',
        '€58,500.00',
        '€50,000.00',
        '€40,000.00',
        'The cap per loan: at most €50,000.00 for one loan',
      ],
      [
        'L-3',
        '€20,000.00',
        '€13,000.00',
        '€13,000.00',
        '€7,000.00',
        'The coverage: the fund pays 65% of the loss',
      ],
    ]);
    const small = item(page, 'finance-guarantee-fund', 'petit-fonds');
    expect(all(small, 'finance-call-limited-by').map((c) => c.textContent)).toEqual([
      'The coverage: the fund pays 80% of the loss',
      'The fund’s capital: only 2,000.00 was left',
    ]);
    expect(fields(small)['Cap per loan']).toBe('No cap');
    expect(q(small, 'finance-guarantee-over')?.textContent).toBe('✗ Over its limit by 2,000.00');
  });

  it('shows a campaign’s match, what limits it, what holds it back and the projected outcome', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const bakery = item(page, 'finance-campaign', 'bakery');
    expect(bakery.querySelector('h3')?.textContent).toBe('Bakery oven');
    expect(fields(bakery)).toEqual({
      Target: '20,000.00',
      Deadline: '2026-06-30',
      'Raised by backers (as of 2026-05-10)': '100.00',
      Backers: '1',
      'Match earned': '50.00',
      'Match limited by': 'The ratio: 0.5 per unit pledged',
      Release: '✗ Not released yet',
      'Owed by the funder now': '0.00',
    });
    expect(all(bakery, 'finance-campaign-blocker').map((b) => b.textContent)).toEqual([
      'Backers have pledged 100.00 of the 5,000.00 needed before the match is released; 4,900.00 to go.',
      'Backers: 1 of the 10 needed; 9 more to go.',
    ]);
    const outcome = need(q(bakery, 'finance-campaign-outcome'), 'outcome');
    expect(outcome.textContent).toBe(
      'Projected at the deadline (2026-06-30) with the pledges so far: ? Short: the target is missed; the campaign keeps what was raised 100.00 kept from backers, 0.00 of match, 0.00 refunded.',
    );
  });

  it('says an all-or-nothing campaign failed at its deadline and its match hit the budget share', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const library = item(page, 'finance-campaign', 'library');
    expect(q(library, 'finance-campaign-limited-by')?.textContent).toContain(
      'The budget share: at most 25% of the budget of 40,000.00',
    );
    expect(q(library, 'finance-campaign-released')?.textContent).toBe('✓ Released');
    expect(all(library, 'finance-campaign-blocker').map((b) => b.textContent)).toEqual([
      'All or nothing: the target was missed at the deadline (24,000.00 of 30,000.00); backers are refunded and no match is paid.',
    ]);
    const outcome = need(q(library, 'finance-campaign-outcome'), 'outcome');
    expect(outcome.dataset.outcome).toBe('failed');
    expect(outcome.textContent).toContain('At the deadline (2026-03-31):');
    expect(outcome.textContent).toContain(
      '0.00 kept from backers, 0.00 of match, 24,000.00 refunded.',
    );
  });

  it('says when nothing holds the match back', async () => {
    const owed = {
      ...BAKERY_VIEW,
      match: {
        ...BAKERY_VIEW.match,
        released: true,
        owed_now: 5000,
        blockers: [],
      },
    };
    fakeFetch(({ url }) => answer(url, { '/api/v1/finance/campaigns/bakery': json(200, owed) }));
    const page = await open();
    const bakery = item(page, 'finance-campaign', 'bakery');
    expect(q(bakery, 'finance-blockers-none')?.textContent).toBe(
      'Nothing: the match is owed in full now.',
    );
    expect(fields(bakery)['Owed by the funder now']).toBe('50.00');
  });

  it('formats money and explains in the reader’s language', async () => {
    setLang('fr', null);
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    const idf = item(page, 'finance-guarantee-fund', 'fonds-idf');
    expect(fields(idf).Capital?.replace(/\s/g, ' ')).toBe('200 000,00 €');
    expect(q(idf, 'finance-call-limited-by')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Le plafond par prêt : au plus 50 000,00 € pour un prêt',
    );
    const bakery = item(page, 'finance-campaign', 'bakery');
    expect(q(bakery, 'finance-campaign-released')?.textContent).toBe('✗ Pas encore débloqué');
  });

  it('says when there is no guarantee fund and no campaign yet', async () => {
    const none = () => json(200, { items: [] });
    fakeFetch(({ url }) =>
      answer(url, {
        '/api/v1/finance/records/guarantee_fund': none(),
        '/api/v1/finance/records/campaign': none(),
      }),
    );
    const page = await open();
    expect(q(page.element, 'finance-guarantee-funds-none')?.textContent).toBe(
      'No guarantee fund yet.',
    );
    expect(q(page.element, 'finance-campaigns-none')?.textContent).toBe(
      'No match-funded campaign yet.',
    );
    expect(all(page.element, 'finance-guarantee-fund')).toEqual([]);
  });

  it.each([
    [401, 'unauthenticated', 'sign in to read finance records'],
    [403, 'permission_denied', 'reading finance records needs the steward role'],
  ])("shows the server's %i in each section only", async (status, code, message) => {
    const asked = fakeFetch(({ url }) =>
      answer(url, {
        '/api/v1/finance/records/guarantee_fund': refusal(status, code, message),
        '/api/v1/finance/records/campaign': refusal(status, code, message),
      }),
    );
    const page = await open();
    for (const area of ['finance-guarantee-funds-area', 'finance-campaigns-area']) {
      const el = need(q(page.element, area), area);
      expect(q(el, 'error-message-detail')?.textContent).toBe(message);
    }
    expect(all(page.element, 'error-message')).toHaveLength(2);
    expect(all(page.element, 'finance-funder-row')).toHaveLength(2);
    expect(asked.filter((a) => a.url.includes('/guarantee-funds/'))).toEqual([]);
  });

  it('keeps a refused view with its item and shows the others', async () => {
    const message = 'guarantees[1].loan_id: "L-9" is not guaranteed by the fund; check the loan id';
    fakeFetch(({ url }) =>
      answer(url, {
        '/api/v1/finance/guarantee-funds/petit-fonds': refusal(400, 'invalid_argument', message),
      }),
    );
    const page = await open();
    const small = item(page, 'finance-guarantee-fund', 'petit-fonds');
    expect(q(small, 'finance-guarantee-fund-error-detail')?.textContent).toBe(message);
    expect(all(item(page, 'finance-guarantee-fund', 'fonds-idf'), 'finance-call-row')).toHaveLength(
      2,
    );
  });
});
