// The directory narrows with a search, highlights matches, and opens profiles.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, search, waitForDirectory, withPage } from './helpers.mjs';

describe('directory', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  async function resultState(page) {
    await waitForDirectory(page);
    return {
      count: await page.getByTestId('result-item').count(),
      hasMore: await page.getByTestId('load-more').isVisible(),
    };
  }

  test('a search for TIESS narrows the list to results that contain the word', async () => {
    await withPage(browser, 'directory-search-tiess', async (page) => {
      await open(page, '#/directory');
      const all = await resultState(page);
      assert.ok(all.count > 1, `expected many actors without a search, got ${all.count}`);

      await search(page, 'directory', 'TIESS');
      const found = await resultState(page);
      assert.ok(found.count >= 1, 'expected at least one result for TIESS');
      assert.ok(found.count < all.count, `expected fewer than ${all.count}, got ${found.count}`);
      const texts = await page.getByTestId('result-item').allTextContents();
      for (const text of texts) assert.match(text, /tiess/i);
      assert.ok((await page.locator('[data-testid="result-snippet"] mark').count()) > 0);
    });
  });

  test('a search for bakery returns fewer results, all about bakeries', async () => {
    await withPage(browser, 'directory-search-bakery', async (page) => {
      await open(page, '#/directory');
      await search(page, 'directory', 'bakery');
      const found = await loadUntil(page, Infinity);
      assert.ok(found >= 1, 'expected at least one bakery');
      const texts = await page.getByTestId('result-item').allTextContents();
      for (const text of texts) assert.match(text, /baker/i);

      await page.getByTestId('directory-clear').click();
      await page.waitForFunction(() => !location.hash.includes('q='));
      const all = await loadUntil(page, found);
      assert.ok(all > found, `expected more than ${found} actors without the search, got ${all}`);
    });
  });

  test('"more results" appends the next page', async () => {
    await withPage(browser, 'directory-more', async (page) => {
      await open(page, '#/directory');
      const first = await resultState(page);
      assert.ok(
        first.hasMore,
        'the demo data fills more than one page: a "more" button is expected',
      );
      await page.getByTestId('load-more').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="result-item"]').length > n,
        first.count,
      );
    });
  });

  test('a profile opens from the result list', async () => {
    await withPage(browser, 'directory-open-profile', async (page) => {
      await open(page, '#/directory');
      await search(page, 'directory', 'TIESS');
      await resultState(page);
      const link = page.getByTestId('result-link').filter({ hasText: /tiess/i }).first();
      const name = (await link.textContent()).trim();
      await link.click();
      await page.waitForURL(/#\/actors\//);
      await assertProfile(page, name);
    });
  });

  test('relationships on a profile link to the other actor', async () => {
    await withPage(browser, 'profile-relationship', async (page) => {
      await open(page, '#/directory');
      await search(page, 'directory', 'TIESS');
      await resultState(page);
      await page.getByTestId('result-link').first().click();
      await page.getByTestId('actor-name').waitFor();
      await page.getByTestId('profile-relationships').waitFor();
      const links = page.getByTestId('relationship-link');
      assert.ok((await links.count()) > 0, 'TIESS has relationships in the demo ecosystem');
      const other = (await links.first().textContent()).trim();
      await links.first().click();
      await assertProfile(page, other);
    });
  });

  test('the footer shows the attribution the Co-operatives UK licence requires', async () => {
    await withPage(browser, 'footer-attribution', async (page) => {
      await open(page, '#/directory');
      const attribution = page.getByTestId('data-attribution');
      await attribution.first().waitFor();
      assert.match(await attribution.first().textContent(), /Co-operatives UK open data.*ODC-By/);
    });
  });

  test('an unknown actor shows a readable error', async () => {
    await withPage(browser, 'profile-not-found', async (page) => {
      await open(page, '#/actors/no-such-actor-for-the-browser-test');
      const error = page.getByTestId('error-message');
      await error.waitFor();
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), /does not exist|not found/i);
    });
  });
});

/**
 * Clicks "more results" until the list has more than `enough` items or no more pages (at most
 * 40 pages), and returns the number of items shown.
 */
async function loadUntil(page, enough) {
  await waitForDirectory(page);
  const items = page.getByTestId('result-item');
  const more = page.getByTestId('load-more');
  for (let i = 0; i < 40; i++) {
    const count = await items.count();
    if (count > enough || !(await more.isVisible())) return count;
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="result-item"]').length > n,
      count,
    );
    await waitForDirectory(page);
  }
  return items.count();
}

async function assertProfile(page, name) {
  const heading = page.getByTestId('actor-name');
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), name);
  await page.getByTestId('profile-about').waitFor();
}
