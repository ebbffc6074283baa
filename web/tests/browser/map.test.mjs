// The map shows the demo actors as clustered markers, and opens profiles by mouse and keyboard.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, search, withPage } from './helpers.mjs';

const MARKERS = '[data-testid="actor-marker"], [data-testid="map-cluster"]';

describe('map', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('markers and clusters appear for the demo data', async () => {
    await withPage(browser, 'map-markers', async (page) => {
      await open(page, '#/map');
      await waitForPoints(page);
      const status = await page.getByTestId('map-status').textContent();
      const count = Number(status.replace(/\D/g, ''));
      assert.ok(count > 100, `expected the demo data on the map, status says "${status}"`);
      assert.ok((await page.locator(MARKERS).count()) > 0, 'no marker or cluster drawn');
      assert.ok((await page.getByTestId('map-cluster').count()) > 0, 'expected clusters');
    });
  });

  test('clicking clusters, then a marker, opens a popup whose link opens the profile', async () => {
    await withPage(browser, 'map-click-to-profile', async (page) => {
      await open(page, '#/map');
      await waitForPoints(page);
      const name = await openAnyPopup(page);
      await page.getByTestId('popup-profile-link').click();
      await assertProfile(page, name);
    });
  });

  test('a map search, then a marker, opens the profile of a matching actor', async () => {
    await withPage(browser, 'map-search-to-profile', async (page) => {
      const expected = await pointNames(page, 'TIESS');
      assert.ok(expected.length > 0, 'the API finds no map point for TIESS');
      await open(page, '#/map');
      await waitForPoints(page);
      await search(page, 'map', 'TIESS');
      await waitForPoints(page);
      const status = await page.getByTestId('map-status').textContent();
      assert.equal(Number(status.replace(/\D/g, '')), expected.length, status);
      const name = await openAnyPopup(page);
      assert.ok(expected.includes(name), `"${name}" is not among the matches ${expected}`);
      await page.getByTestId('popup-profile-link').click();
      await assertProfile(page, name);
    });
  });

  test('the keyboard reaches a marker, opens its popup and then the profile', async () => {
    await withPage(browser, 'map-keyboard-to-profile', async (page) => {
      await open(page, '#/map?q=TIESS');
      await waitForPoints(page);
      await page.locator(MARKERS).first().waitFor();
      await page.getByTestId('map-search').focus();
      assert.ok(await tabToMarker(page), 'Tab never reached a marker');
      await page.keyboard.press('Enter');
      const link = page.getByTestId('popup-profile-link');
      await link.waitFor();
      const name = (await page.getByTestId('popup-name').textContent()).trim();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'popup-profile-link',
      );
      await page.keyboard.press('Enter');
      await assertProfile(page, name);
    });
  });
});

/** The names of the map points that the API returns for a search. */
async function pointNames(page, q) {
  const response = await page.request.get(
    `${baseUrl()}/api/v1/map/points?q=${encodeURIComponent(q)}`,
  );
  assert.equal(response.status(), 200);
  return (await response.json()).items.map((item) => item[3]);
}

/**
 * Presses Tab until a marker has focus; Enter on a cluster met on the way zooms in (and puts the
 * focus on the map), and the tabbing goes on from there.
 */
async function tabToMarker(page) {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (el?.dataset.testid === 'actor-marker') return 'marker';
      return el?.classList.contains('marker-cluster') ? 'cluster' : 'other';
    });
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()) === 'cluster') {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(600); // The zoom or spread animation.
    }
    if ((await focused()) === 'marker') return true;
  }
  return false;
}

/** Waits until the map has drawn the answer of its last points request. */
async function waitForPoints(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="map-status"]')?.textContent ?? '';
    return /\d/.test(status) || document.querySelector('[data-testid="error-message"]');
  });
  const error = page.getByTestId('error-message');
  if (await error.isVisible()) assert.fail(`map error: ${await error.textContent()}`);
}

/**
 * Clicks clusters (zooming in) until a single marker shows, clicks it, and returns the name in
 * its popup. Picks each time the marker or cluster nearest the map's centre, fully in view.
 */
async function openAnyPopup(page) {
  for (let step = 0; step < 30; step++) {
    await page.waitForTimeout(400); // Let the zoom animation finish.
    const target = await page.evaluate(pickTarget);
    if (!target) continue;
    await page.mouse.click(target.x, target.y);
    const popup = page.getByTestId('popup-profile-link');
    if (target.kind === 'marker') {
      await popup.waitFor({ timeout: 5_000 }).catch(() => {});
      if (await popup.isVisible()) {
        return (await page.getByTestId('popup-name').textContent()).trim();
      }
    }
  }
  throw new Error('no marker popup after 30 clicks');
}

/** Runs in the page: the centre of the best marker (preferred) or cluster in view, or null. */
function pickTarget() {
  const map = document.querySelector('[data-testid="map"]').getBoundingClientRect();
  const cx = map.left + map.width / 2;
  const cy = map.top + map.height / 2;
  const inView = (r) =>
    r.left > map.left + 60 &&
    r.right < map.right - 10 &&
    r.top > map.top + 10 &&
    r.bottom < map.bottom - 30;
  const candidates = (selector, kind) =>
    [...document.querySelectorAll(selector)]
      .map((el) => ({ r: el.getBoundingClientRect(), kind }))
      .filter(({ r }) => r.width > 0 && inView(r))
      .map(({ r, kind: k }) => ({
        kind: k,
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        d: Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy),
      }))
      .sort((a, b) => a.d - b.d);
  return (
    candidates('[data-testid="actor-marker"]', 'marker')[0] ??
    candidates('.marker-cluster', 'cluster')[0] ??
    null
  );
}

async function assertProfile(page, name) {
  await page.waitForURL(/#\/actors\//);
  const heading = page.getByTestId('actor-name');
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), name);
}
