// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORGANISATION } from '../finance.fixture';
import { setLang } from '../i18n/i18n';
import { FinanceOrganisationPage } from './finance_organisation_page';
import { all, fakeFetch, json, need, q, refusal, settle } from './finance_testkit';

async function open(id = 'bakery-coop') {
  const page = new FinanceOrganisationPage(id);
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return page;
}

describe('FinanceOrganisationPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows readiness, mechanisms by fit with what would have to change, funders and loans', async () => {
    const asked = fakeFetch(() => json(200, ORGANISATION));
    const page = await open();
    expect(asked[0]?.url).toBe('/api/v1/finance/organisations/bakery-coop?lang=en');
    expect(page.element.querySelector('h1')?.textContent).toBe('Finance of Bakery Co-op');
    expect(q(page.element, 'finance-readiness-total')?.textContent).toBe(
      'Score 9 of 14, assessed on February 1, 2026.',
    );
    expect(q(page.element, 'finance-readiness-change')?.textContent).toContain('+3');
    expect(q(page.element, 'finance-readiness-stage')?.textContent).toBe('Investable');
    expect(all(page.element, 'finance-readiness-score').map((r) => r.dataset.dimension)).toEqual([
      'plan',
      'people',
      'board',
    ]);
    expect(
      all(need(q(page.element, 'finance-fit-fits'), 'fits'), 'finance-mechanism'),
    ).toHaveLength(1);
    expect(q(page.element, 'finance-mechanism-unknown')?.textContent).toBe(
      'Missing facts: income.trading',
    );
    expect(q(page.element, 'finance-mechanism-failed')?.textContent).toBe(
      'Outside votes break one member one vote What would have to change: Use non-voting shares',
    );
    const funder = need(q(page.element, 'finance-funder'), 'funder');
    expect(funder.dataset.eligibility).toBe('not_eligible');
    expect(all(funder, 'finance-funder-condition').map((c) => c.dataset.outcome)).toEqual([
      'held',
      'failed',
    ]);
    expect(all(funder, 'finance-funder-condition')[1]?.textContent).toBe(
      '✗ Amount: fails 90000 is above 50000 What would have to change: ask for at most 50000',
    );
    expect(all(page.element, 'finance-org-loan-row')).toHaveLength(1);
    // The loan's schedule: what was due and paid on each instalment, late ones marked.
    const schedule = need(q(page.element, 'finance-loan-schedule'), 'schedule');
    expect(schedule.querySelector('summary')?.textContent).toBe(
      'Schedule of L-1: 2 instalments from January 15, 2025',
    );
    const rows = all(schedule, 'finance-schedule-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '1February 15, 20252,500.00300.000.002,800.00',
      '2March 15, 20252,525.00275.0015.000.00✗ 35 days late',
    ]);
    expect(q(page.element, 'finance-shares')).not.toBeNull();
  });

  it('says what is missing when there is no assessment, loan or register', async () => {
    fakeFetch(() =>
      json(200, {
        ...ORGANISATION,
        readiness: null,
        loans: [],
        share_register: null,
        funders: { results: [] },
      }),
    );
    const page = await open();
    expect(q(page.element, 'finance-readiness-none')?.textContent).toBe(
      'No readiness assessment yet.',
    );
    expect(q(page.element, 'finance-org-loans-none')).not.toBeNull();
    expect(q(page.element, 'finance-shares-none')).not.toBeNull();
    expect(q(page.element, 'finance-funders-none')).not.toBeNull();
  });

  it("shows the server's message for an actor not in the registry", async () => {
    fakeFetch(() => refusal(404, 'not_found', "actor 'nobody' not found"));
    const page = await open('nobody');
    expect(q(page.element, 'error-message-detail')?.textContent).toBe("actor 'nobody' not found");
  });
});
