// Federation on the open data page: anyone sees this instance's feed URL and the instances it
// pulls from; an admin also gets the form to pull from another instance, and pulling from an
// address where no instance answers says so plainly (and leaves the list of peers as it was).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** Nothing listens on port 1: the pull cannot reach it. */
const UNREACHABLE = 'http://127.0.0.1:1';

/** GET /sync/peers as an anonymous caller gets it. */
async function peers() {
  const response = await fetch(`${baseUrl()}/api/v1/sync/peers`);
  assert.equal(response.status, 200);
  return response.json();
}

/** Waits until the panel has loaded the feed URL, and returns it. */
async function feedUrl(page) {
  const feed = page.getByTestId('federation-feed-url');
  await feed.waitFor();
  return (await feed.textContent()).trim();
}

describe('federation panel', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('an anonymous visitor sees the feed URL and the peers, but no form', async () => {
    const expected = await peers();
    await withPage(browser, 'federation-anonymous', async (page) => {
      await open(page, '#/data');
      assert.equal(await feedUrl(page), expected.feed);
      assert.match(expected.feed, /\/api\/v1\/feed$/);
      assert.equal(
        await page.getByTestId('federation-feed-url').locator('xpath=..').getAttribute('href'),
        expected.feed,
      );
      const rows = page.getByTestId('federation-peer');
      if (expected.items.length === 0) {
        await page.getByTestId('federation-no-peers').waitFor();
      } else {
        await rows.first().waitFor();
      }
      assert.equal(await rows.count(), expected.items.length);
      const prompt = page.getByTestId('federation-signin');
      await prompt.waitFor();
      assert.match(await prompt.textContent(), /Sign in as an admin or an instance-wide steward/);
      assert.equal(await page.getByTestId('sync-form').count(), 0);

      // The feed the panel points to is this instance's change feed, public.
      const response = await fetch(`${baseUrl()}/api/v1/feed?limit=1`);
      assert.equal(response.status, 200);
      const first = await response.json();
      assert.ok(Array.isArray(first.items), 'the feed has no items array');
    });
  });

  test('the steward of a network sees the feed URL and is told who may pull', async () => {
    await withPage(browser, 'federation-steward', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/data');
      assert.equal(await feedUrl(page), (await peers()).feed);
      const refusal = page.getByTestId('federation-forbidden');
      await refusal.waitFor();
      assert.match(await refusal.textContent(), /steward role over the whole instance/);
      assert.equal(await page.getByTestId('sync-form').count(), 0);
    });
  });

  test('an admin sees the form; a pull from an unreachable address fails clearly', async () => {
    const before = await peers();
    await withPage(browser, 'federation-admin-unreachable', async (page) => {
      await signIn(page, account('admin'));
      await page.getByTestId('nav-data').click();
      assert.equal(await feedUrl(page), before.feed);
      await page.getByTestId('sync-form').waitFor();
      assert.equal(await page.getByTestId('federation-signin').count(), 0);

      // An address that is not http(s) is not sent.
      await page.getByTestId('sync-url').fill('map.example.org');
      await page.getByTestId('sync-submit').click();
      const urlError = page.getByTestId('sync-url-error');
      await urlError.waitFor({ state: 'visible' });
      assert.match(await urlError.textContent(), /must start with http:\/\//);

      await page.getByTestId('sync-url').fill(UNREACHABLE);
      await urlError.waitFor({ state: 'hidden' });
      await page.getByTestId('sync-submit').click();
      const error = page.getByTestId('sync-error');
      await error.waitFor();
      assert.equal(await error.getAttribute('role'), 'alert');
      const message = await error.textContent();
      assert.match(message, /The instance at http:\/\/127\.0\.0\.1:1 could not be reached/);
      assert.match(message, /The server said: cannot reach http:\/\/127\.0\.0\.1:1/);
      assert.match(
        await page.getByTestId('sync-status').textContent(),
        /127\.0\.0\.1:1: the pull failed/,
      );
      assert.equal(await page.getByTestId('sync-report').count(), 0);
      assert.equal(await page.getByTestId('sync-form').getAttribute('aria-busy'), null);
      assert.equal(await page.getByTestId('sync-submit').isDisabled(), false);
    });
    // Nothing was pulled, so no peer was recorded.
    assert.deepEqual(await peers(), before);
  });
});
