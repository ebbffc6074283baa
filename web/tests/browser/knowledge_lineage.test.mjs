// The knowledge commons' lineage and watches, signed in as the member: on a seed case, record a
// transfer to another seed case through the form (the adapted case found by search, an outcome,
// an adaptation with FRAME's vocabularies, the target context so that the server computes the
// risk flags) and find it in the origin case's lineage by the adapted case's title, its FRAME
// table and the flag history; then follow a search, find it under "My watches", check that its
// feed and the search's feed answer Atom, and delete it. Case ids are not assumed: the first
// result of a search is used.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** The ids of the seed cases, first the rickshaw one, then another. */
async function twoCases() {
  const answer = await fetch(`${baseUrl()}/api/v1/knowledge/cases?limit=10`);
  assert.equal(answer.status, 200);
  const { items } = await answer.json();
  const rickshaw = items.find((c) => /rickshaw/i.test(c.title + c.summary)) ?? items[0];
  const other = items.find((c) => c.id !== rickshaw.id);
  assert.ok(rickshaw && other, 'the demo has at least two seed cases');
  return { origin: rickshaw, adapted: other };
}

/** A feed address of the page answers an Atom document. */
async function assertAtom(page, href) {
  const answer = await page.request.get(new URL(href, baseUrl()).toString());
  assert.equal(answer.status(), 200, href);
  assert.match(answer.headers()['content-type'], /application\/atom\+xml/);
  assert.match(await answer.text(), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
}

describe('knowledge lineage and watches', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a member records a transfer and finds it in the lineage', async () => {
    const { origin, adapted } = await twoCases();
    await withPage(browser, 'knowledge-lineage', async (page) => {
      await signIn(page, account('member'));
      await open(page, `#/knowledge/cases/${encodeURIComponent(origin.id)}`);
      await page.getByTestId('lineage').waitFor();
      await page.getByTestId('record-form').waitFor();
      const before = await page.getByTestId('lineage-transfer').count();

      // The adapted case, found by a word of its title.
      const word = adapted.title.split(/\s+/).find((w) => w.length > 4) ?? adapted.title;
      await page.getByTestId('record-case-search').fill(word);
      await page.getByTestId('record-case-find').click();
      await page.locator(`[data-testid="record-found-case"][data-case="${adapted.id}"]`).waitFor();
      await page
        .locator(`[data-testid="record-found-case"][data-case="${adapted.id}"]`)
        .getByTestId('record-choose')
        .click();
      await page.locator(`[data-testid="record-chosen"] a[data-case="${adapted.id}"]`).waitFor();
      await page.getByTestId('record-started').fill('2024-03');
      await page.getByTestId('record-outcome').selectOption('failure');
      await page.getByTestId('record-outcome-note').fill('Stopped after a year.');

      // A row left without its description is refused before sending.
      await page.getByTestId('record-add-adaptation').click();
      const row = page.getByTestId('record-adaptation').first();
      await row.getByTestId('record-when').selectOption('pre_implementation');
      await row.getByTestId('record-planned').selectOption('planned');
      await row.getByTestId('record-change').selectOption('substituting');
      await page.getByTestId('record-submit').click();
      await page.getByTestId('record-problems').waitFor();
      assert.equal(
        await row.getByTestId('record-description').getAttribute('aria-invalid'),
        'true',
      );

      await row.getByTestId('record-decided-by').fill('members, federation');
      await row.getByTestId('record-what').selectOption('content');
      await row.getByTestId('record-level').selectOption('organisation');
      await row
        .getByTestId('record-description')
        .fill('A rotating savings group replaces the loans');
      await row.getByTestId('record-fidelity').selectOption('true');
      await row.locator('[data-testid="record-reason"][value="recipient"]').check();
      await row.getByTestId('record-why').fill('No lender nearby');
      // The target described: low trust, where the rickshaw network's co-construction needs
      // medium, so the server's analysis raises trust_dependency with the transfer.
      await page.getByTestId('record-target-details').locator('summary').click();
      await page.locator('[data-testid="record-target"] #context-trust').selectOption('low');
      await page.getByTestId('record-submit').click();
      await page.getByTestId('record-done').waitFor();

      // The lineage is asked again and shows the new transfer, adapted case first.
      const transfer = page.locator(
        `[data-testid="lineage-transfers"] [data-testid="lineage-transfer"][data-case="${adapted.id}"]`,
      );
      await transfer.first().waitFor();
      assert.equal(await page.getByTestId('lineage-transfer').count(), before + 1);
      assert.equal(await transfer.first().getAttribute('data-outcome'), 'failure');
      const cells = await transfer
        .first()
        .getByTestId('lineage-adaptation')
        .first()
        .locator('th, td')
        .allTextContents();
      assert.equal(cells.length, 9);
      assert.equal(cells[2], 'planned');
      assert.equal(cells[3], 'members, federation');
      assert.equal(cells[5], 'A rotating savings group replaces the loans');
      assert.equal(cells[6], 'yes');
      assert.match(
        await transfer.first().getByTestId('lineage-flags').textContent(),
        /trust_dependency/,
      );
      // A failed transfer after trust_dependency is counted in the flag history.
      await page
        .locator('[data-testid="lineage-flag-history"][data-flag="trust_dependency"]')
        .waitFor();
      // The adapted case is named by its title, its id beside it.
      assert.equal(
        (await transfer.first().getByTestId('lineage-case').textContent()).trim(),
        adapted.title,
      );

      // The adapted case's lineage names where it came from.
      await page.locator(`[data-testid="lineage-case"][href$="${adapted.id}"]`).first().click();
      await page
        .locator(
          `[data-testid="lineage-origin"] [data-testid="lineage-case"][href$="${origin.id}"]`,
        )
        .first()
        .waitFor();
    });
  });

  test('a member follows a search, finds it in My watches with a working feed, and deletes it', async () => {
    await withPage(browser, 'knowledge-watches', async (page) => {
      await signIn(page, account('member'));
      await open(page, '#/knowledge?q=rickshaw');
      const searchFeed = await page.getByTestId('knowledge-feed-link').getAttribute('href');
      assert.match(searchFeed, /^\/api\/v1\/knowledge\/feed\?q=rickshaw/);
      await assertAtom(page, searchFeed);

      await page.getByTestId('knowledge-watch-name').fill('Rickshaw cases');
      await page.getByTestId('knowledge-watch-save').click();
      await page.getByTestId('knowledge-watch-saved').waitFor();
      const watch = page.locator('[data-testid="knowledge-watch"]', { hasText: 'Rickshaw cases' });
      await watch.first().waitFor();
      const feed = await watch.first().getByTestId('knowledge-watch-feed').getAttribute('href');
      assert.match(feed, /^\/api\/v1\/knowledge\/watches\/[^/]+\/feed/);
      await assertAtom(page, feed);

      // Still listed once the page is opened anew, then deleted.
      await open(page, '#/knowledge');
      await watch.first().waitFor();
      const count = await watch.count();
      await watch.first().getByTestId('knowledge-watch-delete').click();
      await page.getByTestId('knowledge-watch-deleted').waitFor();
      assert.equal(await watch.count(), count - 1);
    });
  });
});
