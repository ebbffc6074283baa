// The knowledge commons: a reader opens the search from the navigation, searches the seed cases
// for "rickshaw" and narrows the search with a facet (kept in the URL, shown as an active
// filter); opens the first case and finds its document, status and versions; then goes from the
// case to the transfer wizard with the case chosen, describes a target where little is allowed
// (lowest levels, no multi-functional organisations, none of the legal forms or finance
// mechanisms) and reads an analysis with at least one risk flag, in words, domain by domain.
// Case ids are not assumed: the first result of the search is used.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, search, withPage } from './helpers.mjs';

/** Waits until the search shows the outcome of its last request; fails on an error. */
async function settleSearch(page) {
  await page.waitForFunction(() => {
    const area = document.querySelector('[data-testid="knowledge-results-area"]');
    const done = area?.querySelector(
      '[data-testid="knowledge-results"], [data-testid="knowledge-none"], [data-testid="error-message"]',
    );
    return area && !area.hasAttribute('aria-busy') && done;
  });
  const error = page.locator(
    '[data-testid="knowledge-results-area"] [data-testid="error-message"]',
  );
  if ((await error.count()) > 0) assert.fail(`the search failed: ${await error.textContent()}`);
}

/** The ids of the cases listed, in order. */
function listedCases(page) {
  return page
    .getByTestId('knowledge-result')
    .evaluateAll((items) => items.map((li) => li.dataset.case));
}

/** Sets every control of the context form to what a restrictive place would answer. */
async function describeRestrictiveTarget(page) {
  await page.getByTestId('context-form').waitFor();
  await page.evaluate(() => {
    for (const select of document.querySelectorAll('select[data-testid="context-feature"]')) {
      // Option 0 is "unknown"; for yes/no questions option 2 is "no", else 1 is the lowest level
      // or the first choice.
      const values = [...select.options].map((o) => o.value);
      select.value = values.includes('false') ? 'false' : (values[1] ?? '');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  for (const none of await page.getByTestId('context-none').all()) await none.check();
  const inputs = page.locator('input[data-testid="context-feature"]');
  for (const input of await inputs.all()) {
    const type = await input.getAttribute('type');
    await input.fill(type === 'number' ? '50' : '100%');
  }
  await page.getByTestId('context-name').fill('A restrictive place');
}

describe('knowledge commons', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a search for rickshaw narrows with a facet kept in the URL', async () => {
    await withPage(browser, 'knowledge-search', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-knowledge').click();
      await page.waitForFunction(() => location.hash.startsWith('#/knowledge'));
      await settleSearch(page);
      await search(page, 'knowledge', 'rickshaw');
      await settleSearch(page);
      const before = await listedCases(page);
      assert.ok(before.length > 0, 'the seed cases include a rickshaw case');
      const snippet = page.getByTestId('knowledge-result-snippet').first();
      if ((await snippet.count()) > 0) assert.ok((await snippet.locator('mark').count()) > 0);

      const value = page.getByTestId('knowledge-facet-value').first();
      const facet = await value.getAttribute('data-facet');
      const chosen = await value.getAttribute('data-value');
      const count = Number(/\((\d+)\)$/.exec((await value.textContent()).trim())?.[1]);
      assert.ok(count > 0, 'a facet value counts its cases');
      await value.click();
      await page.waitForFunction(
        ([f, v]) => new URLSearchParams(location.hash.split('?')[1] ?? '').getAll(f).includes(v),
        [facet, chosen],
      );
      await settleSearch(page);
      const active = page.getByTestId('knowledge-active-filter');
      assert.equal(await active.count(), 1);
      assert.equal(await active.getAttribute('data-value'), chosen);
      // The facet's count is the number of cases the filter leaves; the words stay.
      assert.match(
        await page.getByTestId('knowledge-total').textContent(),
        new RegExp(` of ${count}$`),
      );
      assert.ok((await listedCases(page)).length > 0);
      assert.equal(
        await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q')),
        'rickshaw',
      );

      // Removing the filter gives the first results back.
      await active.click();
      await page.waitForFunction(
        (f) => !new URLSearchParams(location.hash.split('?')[1] ?? '').has(f),
        facet,
      );
      await settleSearch(page);
      assert.deepEqual(await listedCases(page), before);
    });
  });

  test('the first rickshaw case opens, and its transfer shows a risk flag', async () => {
    await withPage(browser, 'knowledge-transfer', async (page) => {
      await open(page, '#/knowledge?q=rickshaw');
      await settleSearch(page);
      const [first] = await listedCases(page);
      assert.ok(first, 'a rickshaw case is listed');
      await page.getByTestId('knowledge-result-link').first().click();
      await page.getByTestId('knowledge-case-meta').waitFor();
      assert.equal(
        await page.evaluate(() => decodeURIComponent(location.hash)),
        `#/knowledge/cases/${first}`,
      );
      assert.equal(
        await page.getByTestId('knowledge-case-meta').getAttribute('data-status'),
        'published',
      );
      assert.ok((await page.getByTestId('knowledge-case-title').textContent()).trim().length > 0);
      assert.ok((await page.getByTestId('knowledge-element').count()) > 0, 'core elements shown');
      await page.getByTestId('knowledge-version').first().waitFor();

      await page.getByTestId('knowledge-transfer-button').click();
      await page.waitForFunction(
        (id) =>
          location.hash.startsWith('#/knowledge/transfer') &&
          new URLSearchParams(location.hash.split('?')[1] ?? '').get('case') === id,
        first,
      );
      await page.locator(`[data-testid="transfer-chosen-case"][data-case="${first}"]`).waitFor();
      await describeRestrictiveTarget(page);
      await page.getByTestId('transfer-submit').click();
      await page.getByTestId('transfer-result').waitFor();

      const verdict = await page.getByTestId('transfer-verdict').getAttribute('data-verdict');
      assert.ok(['redesign', 'adapt'].includes(verdict), `verdict ${verdict}`);
      assert.ok((await page.getByTestId('transfer-judgement').textContent()).trim().length > 0);
      const flags = page.getByTestId('transfer-flag');
      assert.ok((await flags.count()) > 0, 'at least one risk flag');
      const cells = await flags.first().locator('th, td').allTextContents();
      assert.ok(
        cells[0].length > 0 && cells[1].length > 0 && cells[2].length > 0,
        cells.join(' | '),
      );
      assert.ok((await page.getByTestId('transfer-domain').count()) >= 7, 'every CICI domain');
      assert.ok((await page.getByTestId('transfer-adaptation').count()) > 0);
    });
  });
});
