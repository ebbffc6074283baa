// The territory ecosystem by building blocks: anyone opens the dashboard of the demo's Quebec from
// the navigation and finds its ecosystem type with the reason, the seven blocks in the chart and
// in the evidence, the hard indicators and links to the network and the comparison; the
// comparison of Quebec and Ontario lists every block side by side with the differences in words;
// a signed-in member rates Quebec and sees the perception change, and an error of the API is
// shown in the form.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

const BLOCKS = [
  'capacity_building',
  'investment_and_funds',
  'market_access',
  'enabling_policy',
  'knowledge_transfer',
  'data_and_measurement',
  'awareness_and_mobilisation',
];
const TYPES = ['arid', 'artificial', 'fertile', 'enabling'];

/** Waits until a page (dashboard or comparison) shows the outcome of its last request. */
async function settle(page, prefix, ready) {
  await page.waitForFunction(
    ([p, r]) => {
      const section = document.querySelector(`[data-testid="${p}-page"]`);
      const done = document.querySelector(`[data-testid="${r}"]`);
      const error = document.querySelector('[data-testid="error-message"]');
      return section && !section.hasAttribute('aria-busy') && (done || error);
    },
    [prefix, ready],
  );
  const error = page.getByTestId('error-message');
  if ((await error.count()) > 0) {
    assert.fail(`the page failed: ${await error.first().textContent()}`);
  }
}

function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p);
    return { status: response.status, body: await response.json() };
  }, path);
}

describe('territory ecosystem', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the dashboard of Quebec shows its type, the seven blocks and its indicators', async () => {
    await withPage(browser, 'ecosystem-dashboard', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-ecosystem').click();
      await page.waitForFunction(() => location.hash.startsWith('#/ecosystem'));
      await page.getByTestId('ecosystem-territory').fill('CA/quebec');
      await page.getByTestId('ecosystem-show').click();
      await page.waitForFunction(() => location.hash.includes('territory=CA%2Fquebec'));
      await settle(page, 'ecosystem', 'blocks-chart');

      const { status, body } = await api(page, '/api/v1/ecosystem/blocks?territory=CA/quebec');
      assert.equal(status, 200);
      const type = (await page.getByTestId('ecosystem-type').textContent()).trim();
      assert.ok(type.length > 0, 'the type is named');
      assert.ok(TYPES.includes(body.type.type), `a known type: ${body.type.type}`);
      assert.equal(
        (await page.getByTestId('ecosystem-type-reason').textContent()).trim(),
        body.type.reason.en,
      );

      const bars = page.getByTestId('blocks-chart-bar');
      assert.equal(await bars.count(), 7);
      const drawn = await bars.evaluateAll((gs) => gs.map((g) => g.dataset.block));
      assert.deepEqual([...drawn].sort(), [...BLOCKS].sort());
      const desc = await page.locator('[data-testid="blocks-chart"] desc').textContent();
      assert.match(desc, /Market access: coverage \d+/, 'the chart says its bars in words');
      assert.equal(await page.getByTestId('ecosystem-block').count(), 7);

      assert.equal(
        (await page.getByTestId('ecosystem-actors').textContent()).trim(),
        String(body.indicators.actors),
      );
      assert.equal(
        await page.getByTestId('ecosystem-signal').count(),
        body.indicators.signals.length,
      );
      const actorLinks = page.locator('[data-testid="ecosystem-evidence"] a[href^="#/actors/"]');
      assert.ok((await actorLinks.count()) > 0, 'evidence links to actors');

      assert.equal(
        await page.getByTestId('ecosystem-network-link').getAttribute('href'),
        '#/network?territory=CA%2Fquebec',
      );
      assert.ok(
        await page.getByTestId('rating-signin').isVisible(),
        'readers are asked to sign in',
      );

      await page.getByTestId('language-select').selectOption('fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal(
        (await page.getByTestId('ecosystem-type-reason').textContent()).trim(),
        body.type.reason.fr,
      );
    });
  });

  test('the comparison of Quebec and Ontario lists the blocks and explains differences', async () => {
    await withPage(browser, 'ecosystem-compare', async (page) => {
      await open(page, '#/ecosystem?territory=CA/quebec');
      await settle(page, 'ecosystem', 'blocks-chart');
      await page.getByTestId('ecosystem-compare-link').click();
      await page.waitForFunction(() => location.hash.startsWith('#/ecosystem/compare'));
      const inputs = page.getByTestId('compare-territory-input');
      assert.equal(await inputs.nth(0).inputValue(), 'CA/quebec');
      await inputs.nth(1).fill('CA/ontario');
      await page.getByTestId('compare-submit').click();
      await settle(page, 'compare', 'compare-table');

      const headers = await page.getByTestId('compare-territory').allTextContents();
      assert.equal(headers.length, 2);
      const blockRows = page.locator(
        '[data-testid="compare-section-blocks"] [data-testid="compare-row"]',
      );
      const metrics = await blockRows.evaluateAll((rows) => rows.map((r) => r.dataset.metric));
      for (const block of BLOCKS) {
        assert.ok(metrics.includes(`block.${block}.coverage`), `${block} is compared`);
      }
      assert.ok((await page.locator('.compare-table td.best').count()) > 0, 'best values marked');

      const differences = page.getByTestId('compare-difference');
      assert.ok((await differences.count()) > 0, 'differences are listed');
      const { body } = await api(
        page,
        '/api/v1/ecosystem/compare?territories=CA/quebec,CA/ontario',
      );
      const texts = (await differences.allTextContents()).join('\n');
      assert.ok(texts.includes(body.differences[0].text.en), 'in the reader language');
    });
  });

  test('a signed-in member rates Quebec; an API error shows in the form', async () => {
    await withPage(browser, 'ecosystem-rating', async (page) => {
      await signIn(page, account('member'));
      await open(page, '#/ecosystem?territory=CA/quebec');
      await settle(page, 'ecosystem', 'rating-form');
      assert.equal(await page.getByTestId('rating-block').count(), 7);

      await page.getByTestId('rating-submit').click();
      await page.locator('[data-testid="rating-status"] [role="alert"]').waitFor();

      const before = await api(page, '/api/v1/ecosystem/blocks?territory=CA/quebec');
      await page.getByTestId('rating-role').selectOption('researcher');
      await page
        .getByLabel(/The public knows what the social and solidarity economy is/)
        .selectOption('9');
      await page.getByLabel(/Statistics on the SSE of the territory/).selectOption('na');
      await page.getByTestId('rating-submit').click();
      await page.getByTestId('rating-saved').waitFor();
      const afterRating = await api(page, '/api/v1/ecosystem/blocks?territory=CA/quebec');
      assert.equal(afterRating.body.raters, before.body.raters + 1);
      const statements = await page.getByTestId('ecosystem-perception-row').count();
      assert.ok(statements > 0, 'the perception table is drawn again');

      await page.route('**/api/v1/ecosystem/perception', (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'invalid_argument', message: 'score 11 is outside 0-10' },
          }),
        }),
      );
      await page.getByTestId('rating-submit').click();
      const error = page.locator('[data-testid="rating-status"] [data-testid="error-message"]');
      await error.waitFor();
      assert.match(await error.textContent(), /score 11 is outside 0-10/);
    });
  });
});
