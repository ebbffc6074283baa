// Suppliers for a tender: the admin creates, through the API, a public buyer and three
// organisations in a territory of this run's own (one declared eligible under article 77, one
// failing its public-service mission, one never screened), then describes a tender reserved
// under article 77 on the suppliers page reached from the navigation. The suppliers listed, their
// order and verdicts, the counts and the evidence of a condition are those the API gives for the
// same tender; the admin awards the contract to the eligible supplier, and a second award to it
// shows the API's refusal (article 77(2)(d)). A tender over article 77's three years shows the
// API's message.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

// A territory no other test and no earlier run uses.
const WORD = `suppliers-${Date.now().toString(36)}`;
const TERRITORY = `GB/${WORD}`;

/** Sends a request as the signed-in user (with the session's CSRF token); {status, body}. */
function call(page, method, path, body) {
  return page.evaluate(
    async ([m, p, b]) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(p, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: b === null ? undefined : JSON.stringify(b),
      });
      return { status: response.status, body: await response.json() };
    },
    [method, path, body ?? null],
  );
}

async function createActor(page, body) {
  const created = await call(page, 'POST', '/api/v1/actors', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}

async function saveProfile(page, id, profile) {
  const saved = await call(page, 'PUT', `/api/v1/actors/${id}/profile`, { profile });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
}

/** Creates the buyer and the suppliers; returns their ids. */
async function createTenderWorld(page) {
  const buyer = await createActor(page, {
    name: `Council of ${WORD}`,
    kind: 'public_body',
    territory: TERRITORY,
  });
  const eligible = await createActor(page, {
    name: `Care co-operative (${WORD})`,
    kind: 'organisation',
    territory: TERRITORY,
    activities: ['ICA140'],
  });
  const failing = await createActor(page, {
    name: `Care company (${WORD})`,
    kind: 'organisation',
    territory: TERRITORY,
    attributes: { sector: 'Social care' },
  });
  const unscreened = await createActor(page, {
    name: `Care collective (${WORD})`,
    kind: 'organisation',
    territory: TERRITORY,
    activities: ['ICA140'],
  });
  await saveProfile(page, eligible, {
    purpose: { general_interest: true },
    governance: { voting_rule: 'one_member_one_vote' },
    profits: { distributable: false },
  });
  await saveProfile(page, failing, { purpose: { general_interest: false } });
  return { buyer, eligible, failing, unscreened };
}

/** Fills the tender form; `over` replaces fields by test id suffix. */
async function fillTender(page, buyer, over = {}) {
  const values = {
    buyer,
    title: `Home care (${WORD})`,
    reference: `${WORD}-1`,
    date: '2026-11-29',
    activities: 'ICA140, Social care',
    territory: TERRITORY,
    'max-duration': '3',
    ...over,
  };
  for (const [name, value] of Object.entries(values)) {
    await page.getByTestId(`tender-${name}`).fill(value);
  }
  await page.getByTestId('tender-reservation').selectOption('eu-2014-24-art77');
  return {
    buyer: values.buyer,
    title: values.title,
    reference: values.reference,
    date: values.date,
    activities: values.activities.split(',').map((s) => s.trim()),
    territory: values.territory,
    reservation: 'eu-2014-24-art77',
    max_duration_years: Number(values['max-duration']),
  };
}

/** Submits the form and waits for the outcome (a result or an error). */
async function submit(page) {
  await page.getByTestId('tender-submit').click();
  await page.waitForFunction(() => {
    const panel = document.querySelector('[data-testid="suppliers-results-panel"]');
    const done = panel?.querySelector(
      '[data-testid="suppliers-result"], [data-testid="error-message"]',
    );
    return panel && !panel.hasAttribute('aria-busy') && done;
  });
}

describe('suppliers for a tender', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the suppliers and verdicts are those of the API, and an award is recorded once', async () => {
    await withPage(browser, 'suppliers-tender', async (page) => {
      await signIn(page, account('admin'));
      const ids = await createTenderWorld(page);

      await open(page, '#/map');
      await page.getByTestId('nav-suppliers').click();
      await page.waitForFunction(() => location.hash.startsWith('#/suppliers'));
      const tender = await fillTender(page, ids.buyer);
      await submit(page);
      assert.equal(await page.getByTestId('error-message').count(), 0);

      const { status, body } = await call(page, 'POST', '/api/v1/ecosystem/suppliers', tender);
      assert.equal(status, 200, JSON.stringify(body));
      const expected = body.suppliers.map((s) => [s.actor.id, s.verdict]);
      assert.deepEqual(
        new Set(expected.map(([id]) => id)),
        new Set([ids.eligible, ids.failing, ids.unscreened]),
      );
      const listed = await page
        .getByTestId('supplier-item')
        .evaluateAll((items) => items.map((li) => [li.dataset.supplier, li.dataset.verdict]));
      assert.deepEqual(listed, expected);
      assert.deepEqual(Object.fromEntries(expected), {
        [ids.eligible]: 'eligible',
        [ids.failing]: 'not_eligible',
        [ids.unscreened]: 'insufficient_evidence',
      });
      const c = body.counts;
      assert.equal(
        await page.getByTestId('suppliers-counts').textContent(),
        `Candidates: ${c.candidates} · eligible: ${c.eligible} · not eligible: ${c.not_eligible}` +
          ` · insufficient evidence: ${c.insufficient_evidence}.`,
      );
      assert.equal(c.candidates, 3);

      // The evidence of the failing supplier's first condition: its sentence and its facts.
      const failing = page.locator(`[data-testid="supplier-item"][data-supplier="${ids.failing}"]`);
      const wanted = body.suppliers.find((s) => s.actor.id === ids.failing).conditions[0];
      const condition = failing.getByTestId('supplier-condition').first();
      assert.equal(await condition.getAttribute('data-condition'), wanted.id);
      await condition.locator('summary').click();
      assert.equal(
        (await condition.getByTestId('supplier-condition-text').textContent()).trim(),
        wanted.text.en,
      );
      const facts = await condition
        .getByTestId('supplier-fact')
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      assert.deepEqual(
        facts.map(([fact]) => fact),
        wanted.facts.map((f) => f.fact),
      );
      assert.deepEqual(facts[0], ['purpose.general_interest', 'no', 'declared']);

      // Award the eligible supplier; a second award of the same tender is refused.
      const eligible = page.locator(
        `[data-testid="supplier-item"][data-supplier="${ids.eligible}"]`,
      );
      await eligible.getByTestId('award-button').click();
      await eligible.getByTestId('award-done').waitFor();
      assert.match(await eligible.getByTestId('award-done').textContent(), /award-/);
      assert.ok(await eligible.getByTestId('award-button').isDisabled());

      await submit(page);
      const again = page.locator(`[data-testid="supplier-item"][data-supplier="${ids.eligible}"]`);
      await again.getByTestId('award-button').click();
      await again.getByTestId('award-error').waitFor();
      const refused = await call(page, 'POST', '/api/v1/ecosystem/awards', {
        tender,
        supplier: ids.eligible,
        date: await page.getByTestId('tender-award-date').inputValue(),
      });
      assert.equal(refused.status, 409);
      assert.equal(
        (await again.getByTestId('award-error-detail').textContent()).trim(),
        refused.body.error.message,
      );
    });
  });

  test("a tender beyond article 77's three years shows the API's message", async () => {
    await withPage(browser, 'suppliers-bad-tender', async (page) => {
      await open(page, '#/suppliers');
      const tender = await fillTender(page, 'quebec-mei', {
        territory: 'CA/quebec',
        'max-duration': '5',
      });
      await submit(page);
      const answer = await page.evaluate(async (t) => {
        const response = await fetch('/api/v1/ecosystem/suppliers', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(t),
        });
        return { status: response.status, body: await response.json() };
      }, tender);
      assert.equal(answer.status, 400);
      assert.equal(
        (await page.getByTestId('error-message-detail').textContent()).trim(),
        answer.body.error.message,
      );
      assert.equal(await page.getByTestId('supplier-item').count(), 0);
    });
  });
});
