// Social finance: a steward signs in, opens #/finance from the navigation, opens the first fund and finds
// its capital stack and waterfall charts; types another loss and sees who absorbs it change;
// opens the fund's allocation and runs the solver (not saving); opens the loan book and reads
// PAR30; opens the first funder and finds its applicants, each marked eligible, not known yet or
// not eligible. Relies on the demo data: at least one fund with tranches, applications and
// allocation rules, several loans of which one is more than 30 days late, and funders with
// organisations that have finance profiles or assessments. Fund and funder ids are not assumed:
// the first one listed is used.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** Waits until `testId` is no longer busy; fails with the page's error message if any. */
async function settle(page, testId) {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el && !el.hasAttribute('aria-busy') && !el.querySelector('[aria-busy="true"]');
  }, testId);
  const error = page.locator(`[data-testid="${testId}"] [data-testid="error-message"]`);
  if ((await error.count()) > 0) assert.fail(`${testId}: ${await error.first().textContent()}`);
}

/** The "absorbed" column of the loss table. */
function absorbed(page) {
  return page
    .getByTestId('finance-loss-absorbed')
    .evaluateAll((cells) => cells.map((c) => c.textContent));
}

describe('social finance', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a fund shows its stack and waterfall, and a new loss changes who absorbs it', async () => {
    await withPage(browser, 'finance-fund', async (page) => {
      // Stored finance is read by stewards and admins (and members, for their own organisation).
      await signIn(page, account('steward'));
      await open(page, '#/map');
      await page.getByTestId('nav-finance').click();
      await page.waitForFunction(() => location.hash.startsWith('#/finance'));
      await settle(page, 'finance-funds-area');
      const first = page.getByTestId('finance-fund-link').first();
      assert.ok((await first.count()) > 0, 'the demo data has a fund');
      await first.click();
      await page.waitForFunction(() => location.hash.startsWith('#/finance/funds/'));
      await settle(page, 'finance-fund-page');

      const stack = page.getByTestId('finance-stack-chart');
      await stack.waitFor();
      assert.ok((await page.getByTestId('finance-stack-segment').count()) > 1, 'tranches');
      assert.ok((await stack.locator('desc').textContent()).length > 0, 'a text alternative');
      await page.getByTestId('finance-waterfall-chart').waitFor();
      assert.ok((await page.getByTestId('finance-waterfall-line').count()) > 1);
      assert.equal(
        await page.getByTestId('finance-waterfall-table').locator('tbody tr').count(),
        11,
        'losses of 0, 10, ... 100% of the fund',
      );

      // The default loss is 10% of the fund; half of it is absorbed otherwise.
      const before = await absorbed(page);
      const input = page.getByTestId('finance-loss-input');
      const shown = Number((await input.inputValue()).replace(/[^\d.]/g, ''));
      await input.fill(String(Math.round(shown * 5)));
      await page.getByTestId('finance-loss-submit').click();
      await page.waitForFunction(
        (old) =>
          JSON.stringify(
            [...document.querySelectorAll('[data-testid="finance-loss-absorbed"]')].map(
              (c) => c.textContent,
            ),
          ) !== old,
        JSON.stringify(before),
      );
      await settle(page, 'finance-loss-area');
      assert.notDeepEqual(await absorbed(page), before);

      // The allocation of the fund, computed without saving.
      await page.getByTestId('finance-allocation-link').click();
      await page.waitForFunction(() => location.hash.endsWith('/allocation'));
      await settle(page, 'finance-allocation-page');
      await page.getByTestId('finance-run').click();
      const run = page.getByTestId('finance-run-area');
      await run
        .locator('[data-testid="finance-allocation-result"], [data-testid="error-message"]')
        .first()
        .waitFor({ timeout: 120_000 });
      await settle(page, 'finance-run-area');
      assert.match(await run.getByTestId('finance-solver-status').textContent(), /\w/);
      assert.ok((await run.getByTestId('finance-compare-table').count()) === 1);
      assert.ok((await run.getByTestId('finance-portfolio-row').count()) > 0);
    });
  });

  test('the loan book shows PAR30 and the latest loan first', async () => {
    await withPage(browser, 'finance-loans', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/finance');
      await settle(page, 'finance-funds-area');
      await page.getByTestId('finance-loans-link').click();
      await page.waitForFunction(() => location.hash.startsWith('#/finance/loans'));
      await settle(page, 'finance-loans-page');
      const par30 = page.locator('[data-testid="finance-par-card"][data-days="30"]');
      await par30.waitFor();
      const ratio = await par30.getByTestId('finance-par-ratio').textContent();
      assert.match(ratio, /\d.*%/);
      assert.notEqual(ratio.trim(), '0%', 'a demo loan is more than 30 days late');
      const days = await page
        .getByTestId('finance-loan-row')
        .evaluateAll((rows) => rows.map((r) => Number(r.dataset.days)));
      assert.ok(days.length > 1, 'several loans');
      assert.ok(days[0] > 30);
      assert.deepEqual(
        days,
        [...days].sort((a, b) => b - a),
      );
      await page.getByTestId('finance-loan-borrower').first().click();
      await page.waitForFunction(() => location.hash.startsWith('#/finance/organisations/'));
      await settle(page, 'finance-organisation-page');
    });
  });

  test('a funder shows its applicants ranked, each with its eligibility', async () => {
    await withPage(browser, 'finance-funder', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/finance');
      await settle(page, 'finance-funders-area');
      const first = page.getByTestId('finance-funder-link').first();
      assert.ok((await first.count()) > 0, 'the demo data has a funder');
      await first.click();
      await page.waitForFunction(() => location.hash.startsWith('#/finance/funders/'));
      await settle(page, 'finance-funder-page');
      await page.getByTestId('finance-funder-terms').waitFor();
      const applicants = page.getByTestId('finance-applicant');
      assert.ok((await applicants.count()) > 0, 'the demo organisations are applicants');
      const row = applicants.first();
      assert.ok(
        ['eligible', 'unknown', 'not_eligible'].includes(
          await row.getAttribute('data-eligibility'),
        ),
      );
      // The mark is in words, not colour alone.
      assert.match(await row.getByTestId('finance-eligibility').textContent(), /[✓?✗]\s*\p{L}/u);
      assert.match(
        await row.getByTestId('finance-applicant-link').getAttribute('href'),
        /^#\/finance\/organisations\/./,
      );
      assert.ok((await row.getByTestId('finance-funder-condition').count()) > 0, 'conditions');
    });
  });
});
