// The decision tally: a visitor (no sign-in: POST /api/v1/decide/tally is open to anyone) opens
// #/decide from the navigation, loads Schulze's 45-voter example and tallies it: E wins, the
// pairwise matrix shows the published counts and the focus is on the result's heading. Then the
// SCIC example (colleges weighing 50/40/10): yes wins with 57.5% of the weighted votes; then a
// ballot naming an unknown option is refused, and the message shows under the ballots; then three
// ranked paper ballots are entered one by one with the keyboard alone and tallied.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

/** Tallies the form and waits for the result or the refusal. */
async function tally(page) {
  await page.getByTestId('decide-submit').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="decide-page"]');
    if (!el || el.hasAttribute('aria-busy')) return false;
    return el.querySelector('[data-testid="decide-status"], [data-testid="error-message"]');
  });
}

/** The cells of the row of `option` in the table `testId`. */
function rowCells(page, testId, option) {
  return page
    .getByTestId(testId)
    .locator(`tr[data-option="${option}"] td`)
    .evaluateAll((tds) => tds.map((td) => td.textContent));
}

describe('decision tally', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("Schulze's 45 voters elect E; a SCIC's colleges weigh the yes share", async () => {
    await withPage(browser, 'decide-tally', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-decide').click();
      await page.waitForFunction(() => location.hash.startsWith('#/decide'));
      await page.getByTestId('decide-form').waitFor();

      await page.getByTestId('decide-example-schulze').click();
      assert.equal(await page.getByTestId('decide-method').inputValue(), 'schulze');
      await tally(page);
      const error = page.getByTestId('error-message');
      if ((await error.count()) > 0) assert.fail(`refused: ${await error.textContent()}`);
      assert.equal(await page.getByTestId('decide-status').textContent(), '✓ Decided.');
      assert.deepEqual(await page.getByTestId('decide-winner').allTextContents(), ['E']);
      await page.getByTestId('decide-pairwise').waitFor();
      // The published matrix: 20 ballots rank A over B, 26 over C, 30 over D, 22 over E.
      assert.deepEqual(await rowCells(page, 'decide-pairwise', 'A'), [
        '—',
        '20',
        '26 ▲',
        '30 ▲',
        '22',
      ]);
      assert.deepEqual(await rowCells(page, 'decide-paths', 'E'), [
        '25 ▲',
        '28 ▲',
        '28 ▲',
        '31 ▲',
        '—',
      ]);
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'decide-result-title',
        'the focus moves to the result',
      );

      await page.getByTestId('decide-example-single_choice').click();
      await tally(page);
      assert.deepEqual(await page.getByTestId('decide-winner').allTextContents(), ['yes']);
      // 0.5 x 3/4 + 0.4 x 1/4 + 0.1 x 1: the weighted share of yes.
      const yes = page.getByTestId('decide-totals-table').locator('tr[data-option="yes"]');
      assert.equal(await yes.getByTestId('decide-share').textContent(), '57.5%');
      assert.match(
        await page.getByTestId('decide-threshold-result').textContent(),
        /57\.5%.*strictly more than 50%/,
      );
      assert.equal(
        await page.getByTestId('decide-college-result').count(),
        3,
        'one row per college',
      );
    });
  });

  test('a ballot naming an unknown option is refused under the ballots field', async () => {
    await withPage(browser, 'decide-refused', async (page) => {
      await open(page, '#/decide');
      await page.getByTestId('decide-example-schulze').click();
      const ballots = page.getByTestId('decide-ballots');
      await ballots.fill('{"ranking": ["A", "Z"]}');
      await tally(page);
      const detail = await page.getByTestId('error-message-detail').textContent();
      assert.match(detail, /ballots\[0\]\.ranking\[1\]/);
      assert.equal(await ballots.getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#decide-ballots-error').textContent(), /'Z'/);
    });
  });

  test('three ranked ballots entered one by one with the keyboard elect the first choice', async () => {
    await withPage(browser, 'decide-one-by-one', async (page) => {
      await open(page, '#/decide');
      await page.getByTestId('decide-method').selectOption('instant_runoff');
      await page.getByTestId('decide-options').fill('A\nB\nC');
      await page.getByTestId('decide-ballots').fill('');
      await page.getByTestId('decide-mode-one').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('decide-entry').waitFor();
      await page.getByTestId('decide-entry-channel').selectOption('paper');

      /** Ranks `order` by focusing each "add" button and pressing Enter, then adds the ballot. */
      async function enter(order) {
        for (const option of order) {
          await page
            .locator(
              `[data-testid="ballot-unranked"] li[data-option="${option}"] [data-action="add"]`,
            )
            .focus();
          await page.keyboard.press('Enter');
        }
        await page.getByTestId('ballot-cast').focus();
        await page.keyboard.press('Enter');
      }
      await enter(['B', 'A']);
      await enter(['B', 'C']);
      // The third is entered in another order, then B is moved up with its button.
      await page
        .locator('[data-testid="ballot-unranked"] li[data-option="A"] [data-action="add"]')
        .focus();
      await page.keyboard.press('Enter');
      await page
        .locator('[data-testid="ballot-unranked"] li[data-option="B"] [data-action="add"]')
        .focus();
      await page.keyboard.press('Enter');
      await page
        .locator('[data-testid="ballot-ranking"] li[data-option="B"] [data-action="up"]')
        .focus();
      await page.keyboard.press('Enter');
      assert.deepEqual(
        await page
          .getByTestId('ballot-ranked')
          .evaluateAll((lis) => lis.map((li) => li.dataset.option)),
        ['B', 'A'],
      );
      assert.match(await page.getByTestId('ballot-rank-status').textContent(), /position 1 of 2/);
      await page.getByTestId('ballot-cast').focus();
      await page.keyboard.press('Enter');

      assert.deepEqual(await page.getByTestId('decide-entry-text').allTextContents(), [
        'Ranking: B, A (Paper)',
        'Ranking: B, C (Paper)',
        'Ranking: B, A (Paper)',
      ]);
      await tally(page);
      const error = page.getByTestId('error-message');
      if ((await error.count()) > 0) assert.fail(`refused: ${await error.textContent()}`);
      assert.deepEqual(await page.getByTestId('decide-winner').allTextContents(), ['B']);
      const paper = page.getByTestId('decide-channel-row').nth(1);
      assert.deepEqual(await paper.locator('td').allTextContents(), ['3']);
    });
  });
});
