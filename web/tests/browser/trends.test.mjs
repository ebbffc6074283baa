// Ecosystem trends: the admin creates, through the API, organisations founded in 2012, 2014 and
// 2015 (one of them dissolved in 2016) and one without a founding date, in a territory of this
// run's own; the trends page, reached from the navigation and its form, shows those births and
// deaths year by year, the API's sentence in English then French, and a CSV link whose table
// agrees; a reversed year range shows the API's refusal; a territory whose only organisation
// has no founding date shows the empty state.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

// A territory no other test and no earlier run uses.
const WORD = `trends-${Date.now().toString(36)}`;
const TERRITORY = `GB/${WORD}`;
const UNDATED = `GB/${WORD}-undated`;

/** name, founded, dissolved; null for none. */
const ACTORS = [
  ['Founded early 2012', '2012-03-01', null],
  ['Founded mid 2012', '2012-07', null],
  ['Founded 2014, dissolved 2016', '2014', '2016-05-01'],
  ['Founded 2015', '2015-01-15', null],
  ['Founding date unknown', null, null],
];

/** births and deaths per year that ACTORS make, over their span. */
const EXPECTED = {
  2012: { births: 2, deaths: 0, active_end: 2 },
  2013: { births: 0, deaths: 0, active_end: 2 },
  2014: { births: 1, deaths: 0, active_end: 3 },
  2015: { births: 1, deaths: 0, active_end: 4 },
  2016: { births: 0, deaths: 1, active_end: 3 },
};

/** Creates an organisation through the API as the signed-in user; returns its id. */
async function createActor(page, body) {
  const created = await page.evaluate(async (b) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const response = await fetch('/api/v1/actors', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify(b),
    });
    return { status: response.status, body: await response.json() };
  }, body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}

/** Waits until the page shows the outcome of its last request (a report or an error). */
async function settle(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="trends-page"]');
    const report = document.querySelector('[data-testid="trends-report"]');
    const error = section?.querySelector('[data-testid="error-message"]');
    return section && !section.hasAttribute('aria-busy') && (report?.childElementCount || error);
  });
}

/** The total's table as {year: {column: text}}. */
function totalTable(page) {
  return page.evaluate(() => {
    const out = {};
    const rows = document.querySelectorAll(
      '[data-testid="trends-total"] [data-testid="trends-table"] tbody tr',
    );
    for (const row of rows) {
      const cells = {};
      for (const td of row.querySelectorAll('td')) cells[td.dataset.column] = td.textContent;
      out[row.dataset.year] = cells;
    }
    return out;
  });
}

describe('ecosystem trends', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('births and deaths of organisations created with dates are shown per year', async () => {
    await withPage(browser, 'trends-births', async (page) => {
      await signIn(page, account('admin'));
      for (const [name, founded, dissolved] of ACTORS) {
        await createActor(page, {
          name: `${name} (${WORD})`,
          kind: 'organisation',
          territory: TERRITORY,
          ...(founded ? { founded } : {}),
          ...(dissolved ? { dissolved } : {}),
        });
      }

      await open(page, '#/map');
      await page.getByTestId('nav-trends').click();
      await page.waitForFunction(() => location.hash.startsWith('#/trends'));
      await page.getByTestId('trends-territory').fill(TERRITORY);
      await page.getByTestId('trends-show').click();
      await page.waitForFunction(
        (t) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('territory') === t,
        TERRITORY,
      );
      await settle(page);
      assert.equal(await page.getByTestId('error-message').count(), 0);
      assert.equal(await page.getByTestId('trends-empty').count(), 0);

      const table = await totalTable(page);
      assert.deepEqual(Object.keys(table), Object.keys(EXPECTED));
      for (const [year, want] of Object.entries(EXPECTED)) {
        assert.equal(table[year].births, String(want.births), `births in ${year}`);
        assert.equal(table[year].deaths, String(want.deaths), `deaths in ${year}`);
        assert.equal(
          table[year].active_end,
          String(want.active_end),
          `active at the end of ${year}`,
        );
      }
      const bars = page.locator(
        '[data-testid="trends-total"] [data-testid="trends-chart-demography"] rect.trends-bar',
      );
      assert.equal(await bars.count(), 2 * Object.keys(EXPECTED).length);

      // The API's sentence, in English and then in French.
      const { body } = await page.evaluate(async (t) => {
        const r = await fetch(`/api/v1/ecosystem/trends?territory=${encodeURIComponent(t)}`);
        return { body: await r.json() };
      }, TERRITORY);
      const sentence = page.locator('[data-testid="trends-total"] [data-testid="trends-sentence"]');
      assert.equal((await sentence.textContent()).trim(), body.total.summary.text.en);
      assert.match(body.total.summary.text.en, /4 births and 1 death in 2012-2016/);
      await page.getByTestId('language-select').selectOption('fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal((await sentence.textContent()).trim(), body.total.summary.text.fr);
      assert.equal(
        (await page.getByTestId('trends-csv').textContent()).trim(),
        'Télécharger en CSV',
      );

      // The CSV link gives the same table.
      const href = await page.getByTestId('trends-csv').getAttribute('href');
      assert.match(href, /format=csv/);
      const csv = await page.evaluate(async (h) => (await fetch(h)).text(), href);
      const rows = csv.trim().split(/\r?\n/);
      assert.match(rows[0], /^dimension,group,year,births,deaths,/);
      const row2012 = rows.find((r) => r.startsWith('none,all,2012,'));
      assert.match(row2012, /^none,all,2012,2,0,0,2,/);
    });
  });

  test('a year range the wrong way round shows the refusal of the API', async () => {
    await withPage(browser, 'trends-bad-years', async (page) => {
      await open(page, `#/trends?territory=${encodeURIComponent(TERRITORY)}`);
      await settle(page);
      await page.getByTestId('trends-from').fill('2016');
      await page.getByTestId('trends-to').fill('2012');
      await page.getByTestId('trends-show').click();
      await page.waitForFunction(() => location.hash.includes('from=2016'));
      await settle(page);
      const error = page.locator('[data-testid="trends-status"] [data-testid="error-message"]');
      await error.waitFor();
      const text = await error.textContent();
      assert.match(text, /from_year 2016 is after to_year 2012/);
      assert.match(text, /invalid_argument/);
      assert.match(
        await page.getByTestId('trends-error-hint').textContent(),
        /Years are whole numbers from 1800 to 2100/,
      );
      assert.equal(await page.locator('[data-testid="trends-report"] *').count(), 0);

      // An unknown territory is named.
      await open(page, `#/trends?territory=${encodeURIComponent(`${TERRITORY}/nowhere`)}`);
      await settle(page);
      assert.match(
        await page.getByTestId('error-message').textContent(),
        new RegExp(`There is no territory “${TERRITORY}/nowhere”`),
      );
    });
  });

  test('a territory without founding dates says so and suggests an import', async () => {
    await withPage(browser, 'trends-undated', async (page) => {
      await signIn(page, account('admin'));
      await createActor(page, {
        name: `No dates (${WORD})`,
        kind: 'organisation',
        territory: UNDATED,
      });
      await open(page, `#/trends?territory=${encodeURIComponent(UNDATED)}`);
      await settle(page);
      const empty = page.getByTestId('trends-empty');
      assert.match(await empty.textContent(), /Organisations here: 1, none with a founding date/);
      assert.equal(
        await empty.getByRole('link', { name: 'Import data' }).getAttribute('href'),
        '#/data',
      );
      assert.equal(await page.getByTestId('trends-table').count(), 0);
    });
  });
});
