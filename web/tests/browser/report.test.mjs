// The territory report: a visitor opens the report page from the navigation, chooses the United
// Kingdom (the demo's Co-operatives UK data is under GB) and French, and previews it: the framed
// report is in French, the PDF link asks for the PDF in French and gives a PDF; an unknown
// territory shows the API's message instead of a frame.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

/** Waits until the page shows the outcome of its last request. */
async function settle(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="report-page"]');
    const done = section?.querySelector(
      '[data-testid="report-frame"], [data-testid="error-message"]',
    );
    return section && !section.hasAttribute('aria-busy') && done;
  });
}

describe('territory report', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the report of GB in French is previewed, and its PDF is a PDF', async () => {
    await withPage(browser, 'report-preview', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-report').click();
      await page.waitForFunction(() => location.hash.startsWith('#/report'));
      await page.getByTestId('report-territory').fill('GB');
      await page.getByTestId('report-lang').selectOption('fr');
      await page.getByTestId('report-preview').click();
      await page.waitForFunction(() => {
        const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
        return params.get('territory') === 'GB' && params.get('lang') === 'fr';
      });
      await settle(page);
      const error = page.getByTestId('error-message');
      if ((await error.count()) > 0) assert.fail(`the report failed: ${await error.textContent()}`);

      const frame = page.getByTestId('report-frame');
      assert.equal(await frame.getAttribute('sandbox'), '', 'the frame runs no script');
      const src = new URL(await frame.getAttribute('src'), baseUrl());
      assert.equal(src.pathname, '/api/v1/ecosystem/report');
      assert.equal(src.searchParams.get('format'), 'html');
      const report = page.frameLocator('[data-testid="report-frame"]');
      await report.locator('h1').waitFor();
      assert.match(await report.locator('h1').textContent(), /rapport sur l'écosystème de l'ESS/);
      await report.getByRole('heading', { name: "Briques de l'écosystème" }).first().waitFor();

      const html = page.getByTestId('report-html-link');
      assert.equal(await html.getAttribute('href'), await frame.getAttribute('src'));
      const href = await page.getByTestId('report-pdf-link').getAttribute('href');
      const pdf = new URL(href, baseUrl());
      assert.equal(pdf.searchParams.get('format'), 'pdf');
      assert.equal(pdf.searchParams.get('lang'), 'fr');
      assert.equal(pdf.searchParams.get('territory'), 'GB');
      const start = await page.evaluate(async (url) => {
        const response = await fetch(url);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get('Content-Type'),
          head: String.fromCharCode(...bytes.slice(0, 5)),
        };
      }, href);
      assert.equal(start.status, 200);
      assert.match(start.type, /^application\/pdf/);
      assert.equal(start.head, '%PDF-');
    });
  });

  test("an unknown territory shows the API's message, not a frame", async () => {
    await withPage(browser, 'report-unknown', async (page) => {
      const territory = `ZZ/nowhere-${Date.now()}`;
      await open(page, '#/report');
      await page.getByTestId('report-territory').fill(territory);
      await page.getByTestId('report-preview').click();
      await settle(page);
      const expected = await page.evaluate(async (t) => {
        const response = await fetch(
          `/api/v1/ecosystem/report?territory=${encodeURIComponent(t)}&lang=en`,
        );
        return { status: response.status, body: await response.json() };
      }, territory);
      assert.equal(expected.status, 404);
      const error = page.getByTestId('error-message');
      await error.waitFor();
      assert.equal(
        (await page.getByTestId('error-message-detail').textContent()).trim(),
        expected.body.error.message,
      );
      assert.equal(await page.getByTestId('report-frame').count(), 0);
      assert.equal(await page.getByTestId('report-pdf-link').count(), 0);
    });
  });
});
