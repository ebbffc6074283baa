// The stewards' review queue: two records of one bakery, imported from two sources, are proposed
// as duplicates; an admin previews the merge, merges them, finds the merge in the list and
// undoes it; the pair comes back and is then recorded as two different organisations, which
// takes it out of the queue.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/**
 * A random word no demo actor has, and a random place: each run imports a new pair of records
 * that matches neither the demo's actors nor the pairs earlier runs left in the database.
 */
const WORD = Array.from(randomBytes(10), (b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('');
const NAME = `Dedup ${WORD} Bakery`;
const LON = -4 + randomBytes(1)[0] / 100;
const LAT = 51 + randomBytes(1)[0] / 100;

/** Signs in through the API; returns the headers that authenticate a change. */
async function apiSession(who) {
  const response = await fetch(`${baseUrl()}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return { Cookie: cookie, 'X-CSRF-Token': csrf };
}

/** Imports one bakery as `source` (each source gives it its own identifier scheme). */
async function importBakery(headers, source, lon, lat) {
  const body = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: `${WORD}-1`,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { name: NAME, 'addr:country': 'GB' },
      },
    ],
  });
  const response = await fetch(
    `${baseUrl()}/api/v1/imports?format=geojson&source=${encodeURIComponent(source)}`,
    { method: 'POST', headers: { ...headers, 'Content-Type': 'application/geo+json' }, body },
  );
  assert.equal(response.status, 200, await response.text());
}

describe('duplicates review queue', () => {
  let browser;
  before(async () => {
    const headers = await apiSession(account('admin'));
    await importBakery(headers, `dedup-a-${WORD}`, LON, LAT);
    await importBakery(headers, `dedup-b-${WORD}`, LON + 0.0001, LAT + 0.0001);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('visitors who are not stewards are told why they cannot review', async () => {
    await withPage(browser, 'duplicates-anonymous', async (page) => {
      await open(page, '#/duplicates');
      await page.getByTestId('duplicates-page').waitFor();
      assert.match(await page.getByTestId('duplicates-page').textContent(), /Sign in/);
      await signIn(page, account('member'));
      await open(page, '#/duplicates');
      assert.match(
        await page.getByTestId('duplicates-page').textContent(),
        /for stewards and admins/,
      );
    });
  });

  test('an admin previews, merges, undoes, then records two organisations', async () => {
    await withPage(browser, 'duplicates-merge', async (page) => {
      await signIn(page, account('admin'));
      await page.getByTestId('nav-duplicates').click();
      const card = page.getByTestId('duplicate-cluster').filter({ hasText: WORD });
      await card.waitFor();
      assert.equal(await card.getByTestId('survivor-choice').count(), 2);

      await card.getByTestId('merge-preview').click();
      await card.getByTestId('merge-preview-result').waitFor();

      await card.getByTestId('merge-submit').click();
      await card.getByTestId('merged').waitFor();
      const mergeId = (await card.getByTestId('merged').textContent()).match(/mrg-[0-9a-f]+/)[0];
      const item = page.locator(`[data-testid="merge-item"][data-merge="${mergeId}"]`);
      await item.waitFor();
      assert.match(await item.textContent(), new RegExp(`dedup-a-${WORD}|${WORD}`));

      // Only one of the two records is public now.
      const search = async () =>
        (await (await fetch(`${baseUrl()}/api/v1/actors?q=${WORD}`)).json()).items.length;
      assert.equal(await search(), 1);

      await item.getByTestId('merge-undo').click();
      await page.getByTestId('undo-done').waitFor();
      assert.equal(await search(), 2);

      // Back in the queue: recorded as two different organisations, it leaves for good.
      const again = page.getByTestId('duplicate-cluster').filter({ hasText: WORD });
      await again.waitFor();
      await again.getByTestId('merge-distinct').click();
      await page.getByTestId('distinct-done').waitFor();
      await open(page, '#/duplicates');
      await page.getByTestId('duplicates-status').waitFor();
      await page.waitForFunction(
        () =>
          !/Loading/.test(document.querySelector('[data-testid="duplicates-status"]').textContent),
      );
      assert.equal(
        await page.getByTestId('duplicate-cluster').filter({ hasText: WORD }).count(),
        0,
      );
    });
  });
});
