// Participatory processes: a steward creates a process through the API (with their session) in
// which their own account is a participant, moves it to its decision phase and opens a secret
// single-choice decision; then, in the browser, finds it from #/processes, opens the voting page,
// casts a ballot with the keyboard alone and gets a receipt; closes the decision from the
// process page and sees "yes" win; checks the receipt (included, 1 of 1); and verifies the
// process. A second test runs a process from its page alone: the steward opens a decision with
// the form, enters three paper ballots, closes the vote and finds them counted, then draws a
// participant by lot. The process ids are new at each run, so the tests can run against the same
// database again.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** Waits until `testId` is no longer busy; fails with the page's error message if any. */
async function settle(page, testId) {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el && !el.hasAttribute('aria-busy') && !el.querySelector('[aria-busy="true"]');
  }, testId);
  const error = page.locator(`[data-testid="${testId}"] [data-testid="error-message"]`);
  if ((await error.count()) > 0) assert.fail(`${testId}: ${await error.first().textContent()}`);
}

/** POSTs `body` to the API with the browser's session and its CSRF token; returns the JSON. */
async function post(page, path, body) {
  const me = await (await page.request.get(`${baseUrl()}/api/v1/auth/me`)).json();
  const response = await page.request.post(`${baseUrl()}${path}`, {
    headers: { 'X-CSRF-Token': me.csrf_token },
    data: body,
  });
  const text = await response.text();
  assert.ok(response.ok(), `POST ${path}: ${response.status()} ${text}`);
  return JSON.parse(text);
}

describe('participatory processes', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a steward votes with the keyboard, closes the vote, checks the receipt and verifies', async () => {
    await withPage(browser, 'processes-vote', async (page) => {
      const steward = account('steward');
      await signIn(page, steward);
      const id = `web-test-${Date.now()}`;
      await post(page, '/api/v1/processes', {
        id,
        title: `Browser test ${id}`,
        phases: [
          { id: 'props', kind: 'proposals' },
          { id: 'vote', kind: 'decision' },
        ],
        current_phase: 'props',
        participants: [
          { id: 'steward', kind: 'person', account: steward.email, college: 'workers' },
          { id: 'ben', kind: 'person', college: 'users' },
        ],
      });
      await post(page, `/api/v1/processes/${id}/phase`, { phase: 'vote' });
      await post(page, `/api/v1/processes/${id}/decisions`, {
        id: 'd1',
        title: 'Plant the garden?',
        secret: true,
        input: { method: 'single_choice', options: ['yes', 'no'] },
      });

      // The list links to the process; the process page links to the decision.
      await open(page, '#/map');
      await page.getByTestId('nav-processes').click();
      await page.waitForFunction(() => location.hash.startsWith('#/processes'));
      await settle(page, 'processes-page');
      await page.locator(`tr[data-process="${id}"] [data-testid="processes-link"]`).click();
      await page.waitForFunction((pid) => location.hash === `#/processes/${pid}`, id);
      await settle(page, 'process-page');
      assert.equal(
        await page
          .locator('[data-testid="process-phase"][aria-current="step"]')
          .getAttribute('data-phase'),
        'vote',
      );
      await page.locator('tr[data-decision="d1"] [data-testid="process-decision-link"]').click();
      await page.waitForFunction((pid) => location.hash.endsWith(`${pid}/decisions/d1`), id);
      await settle(page, 'process-decision-page');
      assert.equal(
        await page.getByTestId('process-decision-turnout').textContent(),
        '0 of 2 voted',
      );

      // The keyboard alone: the first option (yes) is chosen with Space, cast with Enter.
      await page.locator('[data-testid="ballot-choice"][value="yes"]').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('ballot-cast').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('process-receipt').waitFor();
      const commitment = (
        await page.getByTestId('process-receipt-commitment').textContent()
      ).trim();
      assert.match(commitment, /^[0-9a-f]{64}$/);
      await settle(page, 'process-decision-page');
      await page.getByTestId('process-vote-done').waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'process-receipt-title',
        'the focus moves to the receipt',
      );

      // The steward convenes: the process page closes the decision.
      await open(page, `#/processes/${id}`);
      await settle(page, 'process-page');
      await page.getByTestId('process-decision-close').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('process-flash-done').waitFor();
      await settle(page, 'process-page');
      const row = page.locator('tr[data-decision="d1"]');
      assert.equal(await row.getByTestId('process-decision-status').textContent(), 'Closed');
      assert.equal(await row.getByTestId('process-decision-winners').textContent(), 'yes');

      // The receipt is among the closed ballots.
      await open(page, `#/processes/${id}/decisions/d1`);
      await settle(page, 'process-decision-page');
      assert.deepEqual(await page.getByTestId('decide-winner').allTextContents(), ['yes']);
      await page.getByTestId('process-check-commitment').fill(commitment);
      await page.getByTestId('process-check-commitment').press('Enter');
      await page.getByTestId('process-check-included').waitFor();
      assert.match(await page.getByTestId('process-check-included').textContent(), /ballot 1 of 1/);

      // The whole process verifies.
      await open(page, `#/processes/${id}`);
      await settle(page, 'process-page');
      await page.getByTestId('process-verify').click();
      await page.getByTestId('process-verify-report').waitFor();
      assert.equal(await page.getByTestId('process-problem').count(), 0);
      assert.match(await page.getByTestId('process-verify-ok').textContent(), /Verified/);
    });
  });

  test('a steward opens a decision, enters paper ballots, closes it and draws by lot from the page', async () => {
    await withPage(browser, 'processes-convene', async (page) => {
      const steward = account('steward');
      await signIn(page, steward);
      const id = `web-convene-${Date.now()}`;
      await post(page, '/api/v1/processes', {
        id,
        title: `Convening test ${id}`,
        phases: [
          { id: 'vote', kind: 'decision' },
          { id: 'follow', kind: 'accountability' },
        ],
        current_phase: 'vote',
        participants: [
          { id: 'steward', kind: 'person', account: steward.email, college: 'workers' },
          { id: 'ben', kind: 'person', college: 'users' },
        ],
      });
      const flash = (text) =>
        page.getByTestId('process-flash-done').filter({ hasText: text }).waitFor();

      // Open a decision with two options.
      await open(page, `#/processes/${id}`);
      await settle(page, 'process-page');
      const form = page.getByTestId('process-open-form');
      await form.getByTestId('process-open-id').fill('d1');
      await form.getByTestId('process-open-title').fill('Paint the hall?');
      await form.getByTestId('process-open-options').fill('yes\nno');
      await form.getByTestId('process-open-form-submit').click();
      await flash('is open');
      await settle(page, 'process-page');
      const row = page.locator('tr[data-decision="d1"]');
      assert.equal(await row.getByTestId('process-decision-status').textContent(), 'Open');

      // Three paper ballots: two for yes (one line counting 2), one for no.
      await row.getByTestId('process-paper-open').click();
      const paper = page.getByTestId('process-paper-form');
      await paper.waitFor();
      await paper.locator('[data-testid="ballot-choice"][value="yes"]').check();
      await paper.getByTestId('decide-entry-count').fill('2');
      await paper.getByTestId('ballot-cast').click();
      await paper.locator('[data-testid="ballot-choice"][value="no"]').check();
      await paper.getByTestId('ballot-cast').click();
      assert.deepEqual(await paper.getByTestId('decide-entry-text').allTextContents(), [
        'Choice: yes (Paper, 2 ballots)',
        'Choice: no (Paper)',
      ]);
      await paper.getByTestId('process-paper-note').fill('Counted at the assembly');
      await paper.getByTestId('process-paper-form-submit').click();
      await flash('entered so far: 3');
      await settle(page, 'process-page');

      // Close it: yes wins, with the three paper ballots counted.
      await row.getByTestId('process-decision-close').click();
      await flash('The vote is closed');
      await settle(page, 'process-page');
      assert.equal(await row.getByTestId('process-decision-status').textContent(), 'Closed');
      assert.equal(await row.getByTestId('process-decision-winners').textContent(), 'yes');
      await open(page, `#/processes/${id}/decisions/d1`);
      await settle(page, 'process-decision-page');
      assert.deepEqual(await page.getByTestId('decide-winner').allTextContents(), ['yes']);
      const paperRow = page.getByTestId('decide-channel-row').nth(1);
      assert.deepEqual(await paperRow.locator('td').allTextContents(), ['3']);

      // Draw one of the two participants by lot; the draw is listed.
      await open(page, `#/processes/${id}`);
      await settle(page, 'process-page');
      const draw = page.getByTestId('process-draw-form');
      await draw.getByTestId('process-draw-id').fill('panel');
      await draw.getByTestId('process-draw-seed').fill('lottery 2027-01-05: 4 17 23 31 42');
      await draw.getByTestId('process-draw-witnesses').fill('Eva\nTom');
      await draw.getByTestId('process-draw-seats').fill('1');
      await draw.getByTestId('process-draw-form-submit').click();
      await flash('Drawn by lot');
      await settle(page, 'process-page');
      const listed = page.locator('[data-testid="process-sortition"][data-sortition="panel"]');
      assert.match(
        await listed.getByTestId('process-sortition-selected').textContent(),
        /^Selected for 1 seats: (steward|ben)$/,
      );
    });
  });
});
