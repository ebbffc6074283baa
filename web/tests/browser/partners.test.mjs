// Partner matching: the admin opens the partners page from the navigation, adds a want of finance
// for the demo's Pôle des entreprises d'économie sociale de la Capitale-Nationale through the
// page's form, finds Quebec's social finance bodies among the recommended partners with the
// reason in words, reads it again in French, deletes the want (which can then be restored) and
// loads the missing brokers of Quebec; a member who may not edit the Pôle sees the API's refusal.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

const ACTOR = 'pole-es-capitale-nationale';
const FINANCE_BODIES = ['fiducie-chantier', 'risq'];

function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p);
    return { status: response.status, body: await response.json() };
  }, path);
}

/** Waits until a panel of the page shows the outcome of its last request; fails on an error. */
async function settle(page, panel, ready) {
  await page.waitForFunction(
    ([p, r]) => {
      const section = document.querySelector(`[data-testid="${p}"]`);
      const done = r.some((id) => section?.querySelector(`[data-testid="${id}"]`));
      const error = section?.querySelector('[data-testid="error-message"]');
      return section && !section.hasAttribute('aria-busy') && (done || error);
    },
    [panel, ready],
  );
  const error = page.locator(`[data-testid="${panel}"] [data-testid="error-message"]`);
  if ((await error.count()) > 0) {
    assert.fail(`the panel failed: ${await error.first().textContent()}`);
  }
}

/** The partner ids the page lists, in order. */
function listedPartners(page) {
  return page
    .getByTestId('partner-item')
    .evaluateAll((items) => items.map((li) => li.dataset.partner));
}

/** Opens the page for the Pôle with up to 100 partners, through the form. */
async function openForActor(page) {
  await open(page, '#/map');
  await page.getByTestId('nav-partners').click();
  await page.waitForFunction(() => location.hash.startsWith('#/partners'));
  await page.getByTestId('partners-actor').fill(ACTOR);
  await page.getByTestId('partners-limit').fill('100');
  await page.getByTestId('partners-show').click();
  await page.waitForFunction(
    (a) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('actor') === a,
    ACTOR,
  );
  await settle(page, 'partners-results-panel', ['partners-list', 'partners-none']);
}

describe('partner matching', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a want of finance brings Quebec finance bodies, explained in two languages', async () => {
    await withPage(browser, 'partners-want', async (page) => {
      await signIn(page, account('admin'));
      await openForActor(page);

      // A title of its own, so that a second run against the same database finds its want.
      const title = `Loan for a shared kitchen ${Date.now()}`;
      await page.getByTestId('offer-form').waitFor();
      await page.getByTestId('offer-exchange').selectOption('want');
      await page.getByTestId('offer-title').fill(title);
      await page
        .getByTestId('offer-description')
        .fill('Patient capital to equip a shared kitchen for social economy caterers.');
      await page.getByTestId('offer-asset').selectOption('finance');
      await page.getByTestId('offer-tags').fill('finance, kitchen');
      await page.getByLabel('Borrow or lend').check();
      await page.getByTestId('offer-scope').selectOption('regional');
      await page.getByTestId('offer-email').fill('pole@example.org');
      await page.getByTestId('offer-submit').click();
      await page.getByTestId('offer-saved').waitFor();
      const want = page.locator('[data-testid="offer-item"]', { hasText: title });
      await want.waitFor();
      assert.equal(await want.getAttribute('data-exchange'), 'want');

      // The page asks again once the want is saved: wait for the answer the API gives now.
      const { status, body } = await api(
        page,
        `/api/v1/ecosystem/partners?actor=${ACTOR}&limit=100`,
      );
      assert.equal(status, 200);
      assert.equal(body.needs.source, 'declared');
      const expected = body.recommendations.map((r) => r.partner.id);
      await page.waitForFunction(
        (ids) =>
          JSON.stringify(
            [...document.querySelectorAll('[data-testid="partner-item"]')].map(
              (li) => li.dataset.partner,
            ),
          ) === JSON.stringify(ids),
        expected,
      );
      const listed = await listedPartners(page);
      const found = listed.find((id) => FINANCE_BODIES.includes(id));
      assert.ok(found, `a Quebec finance body is recommended: ${listed.join(', ')}`);
      assert.equal(
        (await page.getByTestId('partners-needs').textContent()).trim(),
        body.needs.note.en,
      );

      const item = page.locator(`[data-testid="partner-item"][data-partner="${found}"]`);
      assert.equal(
        await item.getByTestId('partner-link').getAttribute('href'),
        `#/actors/${found}`,
      );
      const meters = item.locator('meter');
      assert.equal(await meters.count(), 3, 'complementarity, proximity and trust');
      assert.match(await item.getByTestId('partner-score').textContent(), /\d+\s?%/);
      const reason = body.recommendations.find((r) => r.partner.id === found).explanation;
      const explanation = item.getByTestId('partner-explanation');
      assert.equal((await explanation.textContent()).trim(), reason.en);

      await page.getByTestId('language-select').selectOption('fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      const french = (await explanation.textContent()).trim();
      assert.equal(french, reason.fr);
      assert.notEqual(french, reason.en, 'the explanation changed language');

      await want.getByTestId('offer-delete').click();
      await page.getByTestId('offers-done').waitFor();
      await want.getByTestId('offer-restore').waitFor();
      const left = await api(page, `/api/v1/actors/${ACTOR}/offers-wants`);
      assert.ok(
        !left.body.items.some((o) => o.title === title),
        'the deleted want is no longer listed by the API',
      );
    });
  });

  test('the missing brokers of Quebec are listed with their sentence', async () => {
    await withPage(browser, 'partners-brokers', async (page) => {
      await open(page, `#/partners?actor=${ACTOR}`);
      await page.getByTestId('brokers-territory').fill('CA/quebec');
      await page.getByTestId('brokers-show').click();
      await page.waitForFunction(() => location.hash.includes('territory=CA%2Fquebec'));
      await settle(page, 'partners-brokers-panel', ['broker-gaps', 'brokers-none']);

      const { status, body } = await api(page, '/api/v1/ecosystem/brokers?territory=CA/quebec');
      assert.equal(status, 200);
      const gaps = page.getByTestId('broker-gap');
      assert.equal(await gaps.count(), body.gaps.length);
      if (body.gaps.length === 0) {
        assert.ok(await page.getByTestId('brokers-none').isVisible());
        return;
      }
      assert.equal(
        (await page.getByTestId('broker-gap-text').first().textContent()).trim(),
        body.gaps[0].text.en,
      );
      const bridges = page.getByTestId('broker-bridge');
      const expected = body.gaps.reduce((n, g) => n + g.bridges.length, 0);
      assert.equal(await bridges.count(), expected);
      if (expected > 0) assert.match(await bridges.first().getAttribute('href'), /^#\/actors\//);
    });
  });

  test('a member who may not edit the Pôle sees the refusal of the API', async () => {
    await withPage(browser, 'partners-refused', async (page) => {
      await signIn(page, account('member'));
      await open(page, `#/partners?actor=${ACTOR}`);
      await page.getByTestId('offer-form').waitFor();
      await page.getByTestId('offer-title').fill('Not mine to add');
      await page.getByTestId('offer-description').fill('A want for an actor I do not belong to.');
      await page.getByTestId('offer-email').fill('member@example.org');
      await page.getByTestId('offer-submit').click();
      const error = page.locator('[data-testid="offer-form-status"] [data-testid="error-message"]');
      await error.waitFor();
      assert.match(await error.textContent(), /permission_denied/);
    });
  });
});
