// Data quality: anyone opens the quality page from the navigation and finds the public report's
// figures per source and territory, drilling down into a country with the keyboard; an admin
// finds an actor last confirmed years ago in the due list, follows its link, confirms its data
// on its page, and the due list no longer has it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** A source name no other run used (letters only). */
const WORD = `qz${Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

/** Waits until the quality page shows the outcome of its report and of its due list. */
async function waitForQuality(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="quality-page"]');
    const due = document.querySelector('[data-testid="due-intro"]')?.textContent ?? '';
    const error = document.querySelector('[data-testid="error-message"]');
    return section && !section.hasAttribute('aria-busy') && (due.length > 0 || error);
  });
  const error = page.getByTestId('error-message');
  if ((await error.count()) > 0)
    assert.fail(`the page failed: ${await error.first().textContent()}`);
}

async function publicReport(query = '') {
  const response = await fetch(`${baseUrl()}/api/v1/quality${query}`);
  assert.equal(response.status, 200);
  return response.json();
}

describe('data quality', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('anyone reads the report per source and territory and drills down', async () => {
    await withPage(browser, 'quality-public', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-quality').click();
      await waitForQuality(page);
      const report = await publicReport();
      assert.ok(report.total.actors > 0, 'the demo registry has public actors');
      const total = page.getByTestId('quality-total').locator('[data-testid="actors"]');
      assert.equal(
        (await total.textContent()).trim(),
        new Intl.NumberFormat('en').format(report.total.actors),
      );
      assert.equal(await page.getByTestId('source-row').count(), report.by_source.length);
      assert.equal(await page.getByTestId('territory-row').count(), report.by_territory.length);
      // Completeness per field lists every field of the report.
      assert.equal(
        await page.getByTestId('quality-fields').locator('tbody tr').count(),
        report.fields.length,
      );

      // The largest country, reached with the keyboard.
      const country = [...report.by_territory]
        .filter((row) => row.id && !row.direct)
        .sort((a, b) => b.actors - a.actors)[0];
      const link = page
        .getByTestId('territory-table')
        .getByRole('link', { name: `Report for ${country.name || country.id}` });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (id) => location.hash.includes(`territory=${encodeURIComponent(id)}`),
        country.id,
      );
      await waitForQuality(page);
      const drilled = await publicReport(`?territory=${encodeURIComponent(country.id)}`);
      assert.equal(
        (await total.textContent()).trim(),
        new Intl.NumberFormat('en').format(drilled.total.actors),
      );
      assert.equal(country.actors, drilled.total.actors);
      const crumbs = page.getByTestId('quality-breadcrumb');
      assert.equal(await crumbs.getByRole('link', { name: 'Everywhere' }).count(), 1);
    });
  });

  test('an admin confirms an actor from the due list', async () => {
    const name = `Quality ${WORD} Stale Co-op`;
    await withPage(browser, 'quality-confirm', async (page) => {
      await signIn(page, account('admin'));
      // An actor whose data were last stated in 2020 by source WORD (no place: no fields stamped today).
      const created = await page.evaluate(
        async ({ name, source }) => {
          const me = await (await fetch('/api/v1/auth/me')).json();
          const response = await fetch('/api/v1/actors', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
            // Every field with its provenance of 2020: the newest provenance date is when the
            // data were last stated.
            body: JSON.stringify({
              name,
              kind: 'organisation',
              provenance: {
                name: { source, date: '2020-02-01', method: 'import' },
                kind: { source, date: '2020-02-01', method: 'import' },
              },
            }),
          });
          return { status: response.status, body: await response.json() };
        },
        { name, source: WORD },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;

      await open(page, '#/quality');
      await waitForQuality(page);
      await page.getByTestId('quality-source').selectOption(`=${WORD}`);
      await page.getByTestId('quality-apply').click();
      await page.waitForFunction((w) => location.hash.includes(`source=${w}`), WORD);
      await waitForQuality(page);
      assert.match(await page.getByTestId('due-intro').textContent(), /^1 actors not confirmed/);
      const row = page.getByTestId('due-row');
      assert.equal(await row.count(), 1);
      assert.equal(await row.getAttribute('data-id'), id);
      assert.match(await row.textContent(), /February 1, 2020/);

      await row.getByRole('link', { name }).click();
      await page.getByTestId('confirm-actor').click();
      await page
        .getByTestId('confirm-outcome')
        .filter({ hasText: 'Confirmed up to date' })
        .waitFor();

      await open(page, `#/quality?source=${WORD}`);
      await waitForQuality(page);
      assert.equal(
        await page.getByTestId('due-intro').textContent(),
        'No actor is due for confirmation.',
      );
      assert.equal(await page.getByTestId('due-row').count(), 0);
    });
  });
});
