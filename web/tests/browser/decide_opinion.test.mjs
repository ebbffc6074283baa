// The opinion map: a visitor (no sign-in: POST /api/v1/decide/opinion is open to anyone) goes
// from #/decide to #/decide/opinion, loads the example (30 members in two planted camps, workers
// and users, 8 statements) and maps it: two groups are found, each shown on the scatter and in
// the groups' table, each with its representative statements; the consensus statements and the
// colleges' view follow. Then a vote of 2 is refused and the server's message shows under the box.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

/** Maps the form and waits for the result or the refusal. */
async function map(page) {
  await page.getByTestId('opinion-submit').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="decide-opinion-page"]');
    if (!el || el.hasAttribute('aria-busy')) return false;
    return el.querySelector('[data-testid="opinion-k"], [data-testid="error-message"]');
  });
}

describe('opinion map', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the example shows two camps, their statements, the consensus and the colleges', async () => {
    await withPage(browser, 'decide-opinion', async (page) => {
      await open(page, '#/decide');
      await page.getByTestId('decide-opinion-link').click();
      await page.waitForFunction(() => location.hash.startsWith('#/decide/opinion'));
      await page.getByTestId('opinion-form').waitFor();

      await page.getByTestId('opinion-example').click();
      await map(page);
      const error = page.getByTestId('error-message');
      if ((await error.count()) > 0) assert.fail(`refused: ${await error.textContent()}`);
      assert.match(await page.getByTestId('opinion-k').textContent(), /^2 groups chosen/);
      assert.equal(await page.getByTestId('opinion-group-row').count(), 2);
      assert.ok((await page.getByTestId('opinion-point').count()) >= 25, 'most members placed');
      assert.equal(await page.getByTestId('opinion-legend-item').count(), 2);
      // Each camp's statements set it apart: one group agrees with s2, the other disagrees.
      const groups = page.locator('[data-testid="opinion-groups"] [data-testid="opinion-group"]');
      assert.equal(await groups.count(), 2);
      const directions = await page
        .locator('[data-testid="opinion-groups"] tr[data-statement="s2"]')
        .getByTestId('opinion-direction')
        .allTextContents();
      assert.deepEqual([...directions].sort(), ['agrees', 'disagrees']);
      // Everyone agrees on s7 and s8.
      const consensus = await page
        .getByTestId('opinion-consensus-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.slice(0, 2).map((r) => r.dataset.statement));
      assert.deepEqual([...consensus].sort(), ['s7', 's8']);
      await page.getByTestId('opinion-colleges').waitFor();
      assert.match(
        await page.getByTestId('opinion-colleges').textContent(),
        /College workers.*College users|College users.*College workers/s,
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'opinion-result-title',
        'the focus moves to the result',
      );
      await page.getByTestId('opinion-back').click();
      await page.waitForFunction(() => location.hash === '#/decide');
    });
  });

  test('a vote that is not 1, -1 or 0 is refused with the server’s message', async () => {
    await withPage(browser, 'decide-opinion-refused', async (page) => {
      await open(page, '#/decide/opinion');
      await page.getByTestId('opinion-json').fill(
        JSON.stringify({
          statements: [{ id: 's1' }],
          votes: [{ participant: 'p1', statement: 's1', vote: 2 }],
        }),
      );
      await map(page);
      const detail = await page.getByTestId('error-message-detail').textContent();
      assert.match(detail, /votes\[0\]/);
      assert.equal(await page.getByTestId('opinion-json').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#opinion-json-error').textContent(), detail);
    });
  });
});
