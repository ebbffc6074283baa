// The territories page lists countries with actor counts, drills down and climbs back up.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

describe('territories', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  async function waitForRows(page, parent) {
    await page.waitForFunction((expected) => {
      const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
      const section = document.querySelector('[data-testid="territories-page"]');
      const rows = document.querySelectorAll('[data-testid="territory-row"]');
      return (
        (params.get('parent') ?? '') === expected &&
        section &&
        !section.hasAttribute('aria-busy') &&
        rows.length > 0
      );
    }, parent);
  }

  test('drills down from countries to regions and localities and back', async () => {
    await withPage(browser, 'territories-drill-down', async (page) => {
      await open(page, '#/territories');
      await waitForRows(page, '');
      const uk = page.getByTestId('territory-row').filter({ hasText: 'United Kingdom' });
      assert.equal(await uk.count(), 1);
      const ukActors = Number((await uk.locator('td').first().textContent()).replace(/\D/g, ''));
      assert.ok(ukActors > 1000, `expected the Co-ops UK actors, got ${ukActors}`);
      assert.equal(
        await uk.getByTestId('territory-directory-link').getAttribute('href'),
        '#/directory?country=GB',
      );

      await uk.getByTestId('territory-link').click();
      await waitForRows(page, 'GB');
      const regions = await page.getByTestId('territory-row').count();
      assert.ok(regions > 10, `expected many regions of the UK, got ${regions}`);
      const crumbs = page.getByTestId('territories-breadcrumb').locator('li');
      assert.deepEqual(await crumbs.allTextContents(), ['All countries', 'United Kingdom']);

      const region = page.getByTestId('territory-link').first();
      const regionName = await region.textContent();
      await region.click();
      await page.waitForFunction(() => location.hash.includes('parent=GB%2F'));
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="territories-breadcrumb"] li').length === 3,
      );
      assert.equal(await crumbs.nth(2).textContent(), regionName);

      await crumbs.first().locator('a').click();
      await waitForRows(page, '');
      assert.equal(await crumbs.count(), 1);
    });
  });
});
