// Figures by year: an admin uploads a Co-operatives UK economy file for a demo co-op through the
// API, and anyone opening the co-op's page sees its figures in a table by year, in their language;
// a co-op without figures has no such section.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

/** A co-op of the demo's Co-operatives UK data (CUK Organisation ID R006884). */
const ACTOR = 'cuk-r006884';
const SOURCE = 'browser-test-economy';

/** Two economic years; 2016 repeats the accounts to 31 March 2015, as Co-ops UK's file does. */
const ECONOMY = [
  '"CUK Organisation ID","Registered Name","Turnover","Profit before tax",' +
    '"Member/Shareholder Funds","Memberships","Employees","Is Most Recent?","Year End Date",' +
    '"Economic Year"',
  '"R006884","Maesteg Workmen\'s Club","125000","-1500","","240","3","1",' +
    '"2015-03-31 00:00:00","2016"',
  '"R006884","Maesteg Workmen\'s Club","125000","-1500","","240","3","1",' +
    '"2015-03-31 00:00:00","2015"',
  '',
].join('\n');

/** Signs in through the API: the session cookie and its CSRF token, for writes from Node. */
async function apiSession(who) {
  const response = await fetch(`${baseUrl()}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf_token: csrf } = await response.json();
  return { Cookie: cookie, 'X-CSRF-Token': csrf };
}

/** The text of each row of a figures table, with Intl's no-break spaces made plain. */
async function tableRows(table) {
  return table.evaluate((t) =>
    [...t.querySelectorAll('tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.replace(/[\u00a0\u202f]/g, ' ')),
    ),
  );
}

describe('figures by year', () => {
  let browser;
  let session;
  before(async () => {
    baseUrl();
    session = await apiSession(account('admin'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (session) {
      await fetch(`${baseUrl()}/api/v1/auth/signout`, { method: 'POST', headers: session });
    }
  });

  test('an uploaded economy file shows on the co-op’s page as a table by year', async () => {
    const upload = await fetch(
      `${baseUrl()}/api/v1/imports?format=coops-uk-economy&source=${SOURCE}`,
      { method: 'POST', headers: { ...session, 'Content-Type': 'text/csv' }, body: ECONOMY },
    );
    const report = await upload.json();
    assert.equal(upload.status, 200, JSON.stringify(report));
    assert.equal(report.committed, true);
    assert.deepEqual(report.rejected, []);
    // Eight figures: new on the first run, unchanged when the test runs again on the same server.
    assert.equal(report.imported + report.updated + report.unchanged, 8);

    await withPage(browser, 'indicators-table', async (page) => {
      await open(page, `#/actors/${ACTOR}`);
      const section = page.getByTestId('profile-indicators');
      await section.waitFor();
      assert.equal(
        (await section.locator('h2').textContent()).trim(),
        'Figures by year',
        'the section is titled',
      );
      // Right after the relationships.
      const order = await page.evaluate(() =>
        [...document.querySelectorAll('.profile-section')].map((s) => s.dataset.testid),
      );
      assert.equal(
        order[order.indexOf('profile-relationships') + 1],
        'profile-indicators',
        order.join(', '),
      );
      const table = page.locator(
        `[data-testid="indicator-table"]:has(caption:text-is("Source: ${SOURCE}"))`,
      );
      assert.equal(await table.count(), 1);
      assert.deepEqual(await tableRows(table), [
        ['Figure', '2015', '2016'],
        ['Turnover', '£125,000', '£125,000'],
        ['Profit before tax', '-£1,500', '-£1,500'],
        ['Members', '240', '240'],
        ['Employees', '3', '3'],
        ['Year end', 'March 31, 2015', 'March 31, 2015 (same accounts as 2015)'],
      ]);

      await page.getByTestId('language-select').selectOption('fr');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="profile-indicators"] h2')?.textContent ===
          'Chiffres par année',
      );
      const french = await tableRows(
        page.locator(`[data-testid="indicator-table"]:has(caption:text-is("Source : ${SOURCE}"))`),
      );
      assert.deepEqual(french[0].slice(0, 1), ['Indicateur']);
      assert.ok(
        french.some((row) => row[0] === 'Chiffre d’affaires' && row[1] === '125 000 £GB'),
        JSON.stringify(french),
      );
      assert.ok(french.some((row) => row[0] === 'Clôture de l’exercice'));
    });
  });

  test('a co-op without figures has no figures section', async () => {
    await withPage(browser, 'indicators-none', async (page) => {
      await open(page, '#/actors/tiess');
      await page.getByTestId('actor-name').waitFor();
      await page.getByTestId('profile-relationships').waitFor();
      assert.equal(await page.getByTestId('profile-indicators').count(), 0);
    });
  });
});
