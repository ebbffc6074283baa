// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APPLICANTS, FUNDER_RECORD, MECHANISMS } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { FinanceFunderPage } from './finance_funder_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

/** The funder's record, its applicants and the catalogue; `applicants` replaces their answer. */
const answer = (url: string, applicants?: Response) => {
  if (url.includes('/applicants')) return applicants ?? json(200, APPLICANTS);
  if (url.includes('/mechanisms')) return json(200, MECHANISMS);
  return json(200, FUNDER_RECORD);
};

async function open(id = 'fiducie-chantier') {
  const page = new FinanceFunderPage(id);
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return page;
}

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent);

describe('FinanceFunderPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows the terms, then the applicants grouped by eligibility in the server’s order', async () => {
    const asked = fakeFetch(({ url }) => answer(url));
    const page = await open();
    expect(asked.map((a) => a.url).sort()).toEqual([
      '/api/v1/finance/funders/fiducie-chantier/applicants?lang=en',
      '/api/v1/finance/mechanisms?lang=en',
      '/api/v1/finance/records/funder/fiducie-chantier',
    ]);
    expect(page.element.querySelector('h1')?.textContent).toBe('Funder: Fiducie du Chantier');
    expect(q(page.element, 'finance-terms-mechanisms')?.textContent).toBe(
      'MechanismsMember shares, quasi_equity',
    );
    expect(q(page.element, 'finance-terms-amount')?.textContent).toBe('Amount50,000 to 1,500,000');
    expect(q(page.element, 'finance-terms-readiness')?.textContent).toContain('investment_ready');

    const group = (e: string) => need(q(page.element, `finance-applicants-${e}`), e);
    const ids = (e: string) =>
      all(group(e), 'finance-applicant').map((a) => a.dataset.organisation);
    expect(ids('eligible')).toEqual(['chantier']);
    expect(ids('unknown')).toEqual(['tiess/qc']);
    expect(ids('not_eligible')).toEqual(['za-township-stokvel']);
    expect(group('eligible').querySelector('h3')?.textContent).toBe('Eligible (1)');
    const applicants = all(page.element, 'finance-applicant');
    expect(applicants.map((a) => (a as HTMLLIElement).value)).toEqual([1, 2, 3]);
    // The eligibility in words and a symbol, not only a colour.
    expect(texts(all(page.element, 'finance-eligibility'))).toEqual([
      '✓ Eligible',
      '? Not known yet',
      '✗ Not eligible',
    ]);
  });

  it('links each applicant to its finance page and says why it is (not) eligible', async () => {
    fakeFetch(({ url }) => answer(url));
    const page = await open();
    expect(all(page.element, 'finance-applicant-link').map((a) => a.getAttribute('href'))).toEqual([
      '#/finance/organisations/chantier',
      '#/finance/organisations/tiess%2Fqc',
      '#/finance/organisations/za-township-stokvel',
    ]);
    const [first, second, third] = all(page.element, 'finance-applicant');
    expect(q(need(first, 'first'), 'finance-fitting-mechanisms')?.textContent).toBe(
      'Its mechanisms that fit: Member shares, quasi_equity',
    );
    expect(q(need(second, 'second'), 'finance-fitting-mechanisms')).toBeNull();
    const outcomes = (li: HTMLElement | undefined) =>
      all(need(li, 'applicant'), 'finance-funder-condition').map((c) => c.dataset.outcome);
    expect(outcomes(first)).toEqual(['held', 'held', 'held', 'held', 'held', 'held']);
    expect(outcomes(second)).toEqual(['unknown', 'unknown', 'held']);
    expect(outcomes(third)).toEqual(['held', 'failed', 'failed']);
    const region = need(
      need(third, 'third').querySelector<HTMLElement>('[data-condition="region"]'),
      'region',
    );
    expect(region.textContent).toBe(
      '✗ Region: fails ZA is not among CA What would have to change: the funder accepts only CA',
    );
    expect(texts(all(need(third, 'third'), 'finance-condition-change'))).toEqual([
      ' What would have to change: the funder accepts only CA',
      ' What would have to change: raise the readiness scores to reach investment_ready (weakest: plan)',
    ]);
    expect(all(need(second, 'second'), 'finance-condition-change')).toHaveLength(0);
  });

  it('says when finance knows no organisation yet', async () => {
    fakeFetch(({ url }) => answer(url, json(200, { ordered_by: [], results: [] })));
    const page = await open();
    expect(q(page.element, 'finance-applicants-none')?.textContent).toBe(
      'No organisation has a finance profile, an assessment or an application yet.',
    );
    expect(all(page.element, 'finance-applicant')).toHaveLength(0);
    expect(q(page.element, 'finance-terms-amount')).not.toBeNull();
  });

  it('keeps mechanism ids when the catalogue cannot be loaded', async () => {
    fakeFetch(({ url }) =>
      url.includes('/mechanisms') ? json(500, { error: { message: 'boom' } }) : answer(url),
    );
    const page = await open();
    expect(q(page.element, 'error-message')).toBeNull();
    expect(q(page.element, 'finance-terms-mechanisms')?.textContent).toBe(
      'Mechanismsmember_shares, quasi_equity',
    );
  });

  it("shows the server's message when it refuses", async () => {
    fakeFetch(({ url }) =>
      url.includes('/mechanisms')
        ? json(200, MECHANISMS)
        : refusal(403, 'permission_denied', 'reading finance records needs the steward role'),
    );
    const page = await open();
    expect(q(page.element, 'error-message-detail')?.textContent).toBe(
      'reading finance records needs the steward role',
    );
    expect(all(page.element, 'finance-applicant')).toHaveLength(0);
  });

  it("shows the server's message for a funder that is not stored", async () => {
    fakeFetch(({ url }) =>
      url.includes('/mechanisms')
        ? json(200, MECHANISMS)
        : refusal(404, 'not_found', "funder 'x' not found"),
    );
    const page = await open('x');
    expect(q(page.element, 'error-message-detail')?.textContent).toBe("funder 'x' not found");
  });
});
