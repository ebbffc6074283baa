// The actor edit form: a member hides the location and makes a field private, and the public API
// then serves neither.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** The actor as an anonymous caller gets it (no cookie, no token). */
async function anonymousActor(id) {
  const response = await fetch(`${baseUrl()}/api/v1/actors/${encodeURIComponent(id)}`);
  assert.equal(response.status, 200);
  return response.json();
}

/** Sets the edit form's website visibility and location, saves, and waits for the outcome. */
async function saveWith(page, { website, precision, lat, lon }) {
  await page.getByTestId('edit-field-visibility-website').selectOption(website);
  if (lat !== undefined) await page.getByTestId('edit-location-lat').fill(lat);
  if (lon !== undefined) await page.getByTestId('edit-location-lon').fill(lon);
  await page.getByTestId('edit-location-precision').selectOption(precision);
  await page.getByTestId('edit-save').click();
  const outcome = page.locator(
    '[data-testid="edit-saved"], [data-testid="edit-nothing"], [data-testid="edit-error"], [data-testid="edit-conflict"]',
  );
  await outcome.first().waitFor();
  const testId = await outcome.first().getAttribute('data-testid');
  assert.ok(
    testId === 'edit-saved' || testId === 'edit-nothing',
    `save failed: ${await outcome.first().textContent()}`,
  );
}

describe('actor edit form', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('member');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('the profile links to the edit form only for those who may edit', async () => {
    await withPage(browser, 'edit-link', async (page) => {
      const member = account('member');
      await open(page, `#/actors/${member.scope}`);
      await page.getByTestId('actor-name').waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByTestId('edit-actor-link').count(), 0);
      await signIn(page, member);
      await open(page, `#/actors/${member.scope}`);
      await page.getByTestId('edit-actor-link').click();
      await page.getByTestId('edit-form').waitFor();
      assert.match(await page.getByTestId('edit-title').textContent(), /^Edit /);
    });
  });

  test('a hidden location and a private website disappear from the public API', async () => {
    await withPage(browser, 'edit-visibility', async (page) => {
      const member = account('member');
      const id = member.scope;
      await signIn(page, member);
      await open(page, `#/actors/${id}/edit`);
      await page.getByTestId('edit-form').waitFor();
      // A known start, whatever earlier runs left: a public website and an approximate location.
      await saveWith(page, {
        website: 'public',
        precision: 'approximate',
        lat: '51.4816',
        lon: '-3.1791',
      });
      const before = await anonymousActor(id);
      assert.ok(before.website, 'the demo actor has a public website');
      assert.ok(before.location, 'the demo actor has a public location');

      await saveWith(page, { website: 'private', precision: 'hidden' });
      assert.match(await page.getByTestId('edit-saved').textContent(), /Saved \(version \d+\)/);

      const after = await anonymousActor(id);
      assert.ok(!after.location, `location still public: ${JSON.stringify(after.location)}`);
      assert.ok(
        !('website' in after) || after.website === null,
        `website still public: ${after.website}`,
      );
      assert.equal(after.field_visibility?.website ?? 'private', 'private');
      const points = await (await fetch(`${baseUrl()}/api/v1/map/points?q=${id}`)).json();
      assert.ok(!points.items.some(([pointId]) => pointId === id), 'still a marker on the map');

      // The member still sees what they hid, and the form reads it back.
      await page.reload({ waitUntil: 'networkidle' });
      await page.getByTestId('edit-form').waitFor();
      assert.equal(await page.getByTestId('edit-location-precision').inputValue(), 'hidden');
      assert.equal(await page.getByTestId('edit-field-visibility-website').inputValue(), 'private');
      assert.notEqual(await page.getByTestId('edit-website').inputValue(), '');
    });
  });

  test('a version conflict is explained with a way to reload', async () => {
    await withPage(browser, 'edit-conflict', async (page) => {
      const member = account('member');
      await signIn(page, member);
      await open(page, `#/actors/${member.scope}/edit`);
      await page.getByTestId('edit-form').waitFor();
      // Someone else saves first (here: the same user, through the API).
      const me = await (await page.request.get(`${baseUrl()}/api/v1/auth/me`)).json();
      const current = await (
        await page.request.get(`${baseUrl()}/api/v1/actors/${member.scope}`)
      ).json();
      const other = await page.request.patch(`${baseUrl()}/api/v1/actors/${member.scope}`, {
        headers: { 'X-CSRF-Token': me.csrf_token },
        data: { legal_form: current.legal_form === 'Society' ? 'Registered society' : 'Society' },
      });
      assert.equal(other.status(), 200);

      await page.getByTestId('edit-contacts-phone').fill(`+44 29 ${Date.now() % 10000000}`);
      await page.getByTestId('edit-save').click();
      const conflict = page.getByTestId('edit-conflict');
      await conflict.waitFor();
      assert.match(await conflict.textContent(), /changed this actor since you opened it/);
      await page.getByTestId('edit-reload').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="edit-conflict"]'));
    });
  });
});
