// Reports and network measures prepared in the background: a visitor is asked to sign in first; a
// steward queues the report of GB in French from the report page (as HTML, then in Spanish as a
// PDF), follows the link to the jobs page, waits for the job to end and downloads the file it
// made; a job the server refuses shows the server's message; an admin queues the measures of the
// network as its page's filters stand and downloads them as JSON. (Not the member: jobs.test.mjs
// expects that account to have started no job.)

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** A report or the measures of a small network; the server may share its cores with a build. */
const JOB_TIMEOUT = 60_000;

const nf = new Intl.NumberFormat('en');

/** Waits until the report page shows the outcome of its last request (a frame or an error). */
async function settleReport(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="report-page"]');
    const done = section?.querySelector(
      '[data-testid="report-frame"], [data-testid="error-message"]',
    );
    return section && !section.hasAttribute('aria-busy') && done;
  });
}

/** Waits until the network page shows the outcome of its last request. */
async function settleNetwork(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="network-page"]');
    const rows = document.querySelectorAll('[data-testid="network-row"]').length;
    const status = document.querySelector('[data-testid="network-status"]')?.textContent ?? '';
    return section && !section.hasAttribute('aria-busy') && (rows > 0 || status.length > 0);
  });
}

/**
 * Presses "Prepare in the background" (`prefix` is "report-job" or "network-job") with the
 * keyboard and returns the id of the job the server queued, as the page names it.
 */
async function queue(page, prefix) {
  const start = page.getByRole('button', { name: 'Prepare in the background' });
  await start.focus();
  await page.keyboard.press('Enter');
  const result = page.getByTestId(`${prefix}-result`);
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.childElementCount > 0,
    `${prefix}-result`,
  );
  const failure = result.getByTestId(`${prefix}-error`);
  if ((await failure.count()) > 0) assert.fail(`not queued: ${await failure.textContent()}`);
  await page.getByTestId(`${prefix}-queued`).waitFor();
  const queued = await page.getByTestId(`${prefix}-queued`).textContent();
  const id = /^Job (job-\S+) is queued: the server prepares the file/.exec(queued)?.[1];
  assert.ok(id, queued);
  return id;
}

/** Follows the notice's link to the jobs page and waits until job `id` has ended; its row. */
async function followToEnd(page, id) {
  await page.getByRole('link', { name: 'Follow it on the Background jobs page' }).click();
  await page.waitForURL(/#\/jobs$/);
  await page.waitForFunction(
    (jobId) => {
      const tr = document.querySelector(`[data-testid="job-row"][data-id="${jobId}"]`);
      return tr && (tr.dataset.state === 'done' || tr.dataset.state === 'failed');
    },
    id,
    { timeout: JOB_TIMEOUT },
  );
  const row = page.locator(`[data-testid="job-row"][data-id="${id}"]`);
  const outcome = await row.getByTestId('job-outcome').textContent();
  assert.equal(await row.getAttribute('data-state'), 'done', outcome);
  assert.equal(await row.getByTestId('job-progress').textContent(), '1 / 1');
  return row;
}

/** The job as GET /api/v1/jobs/{id} shows it to the signed-in browser. */
function jobOf(page, id) {
  return page.evaluate(async (jobId) => {
    const response = await fetch(`/api/v1/jobs/${jobId}`);
    return response.json();
  }, id);
}

/**
 * Checks the row's download link: its href, its download name and its label, which names the
 * file and its size; returns what fetching the href gives (status, headers and body as text).
 */
async function checkLink(page, row, id, name) {
  const link = row.getByTestId('job-download');
  assert.equal(await link.getAttribute('href'), `/api/v1/jobs/${id}/output`);
  assert.equal(await link.getAttribute('download'), name);
  const label = (await link.textContent()).replace(/\s/g, ' ');
  const escaped = name.replace(/[.]/g, '\\.');
  assert.match(label, new RegExp(`^Download ${escaped} \\([\\d.,]+ (bytes|kB|MB)\\)$`));
  return page.evaluate(
    async (href) => {
      const response = await fetch(href);
      return {
        status: response.status,
        type: response.headers.get('Content-Type'),
        disposition: response.headers.get('Content-Disposition'),
        body: await response.text(),
      };
    },
    await link.getAttribute('href'),
  );
}

/** Clicks the row's download link and returns the file the browser saved: its name and bytes. */
async function download(page, row) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('job-download').click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('reports and network measures in the background', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    account('steward');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a visitor is asked to sign in before preparing a report in the background', async () => {
    await withPage(browser, 'analysis-jobs-anonymous', async (page) => {
      await open(page, '#/report?territory=GB&lang=fr');
      await settleReport(page);
      const panel = page.getByTestId('report-job-panel');
      const prompt = panel.getByTestId('signin-required');
      await prompt.waitFor();
      assert.match(await prompt.textContent(), /Sign in to prepare this in the background/);
      assert.equal(
        await page.getByRole('button', { name: 'Prepare in the background' }).count(),
        0,
      );
      await prompt.getByRole('link').click();
      await page.waitForURL(/#\/signin\?next=%23%2Freport%3Fterritory%3DGB%26lang%3Dfr$/);
    });
  });

  test('a steward prepares the report of GB in French and downloads it', async () => {
    await withPage(browser, 'analysis-jobs-report', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/report?territory=GB&lang=fr');
      await settleReport(page);
      assert.equal(await page.getByLabel('Format of the file').inputValue(), 'html');
      const id = await queue(page, 'report-job');
      const row = await followToEnd(page, id);
      assert.match(await row.locator('td').first().textContent(), /^Territory report/);

      const job = await jobOf(page, id);
      assert.equal(job.kind, 'report');
      assert.deepEqual(
        [job.result.territory, job.result.lang, job.result.format],
        ['GB', 'fr', 'html'],
      );
      assert.match(job.result.title, /rapport sur l'écosystème de l'ESS/);
      assert.equal(
        await row.getByTestId('job-made').textContent(),
        `${job.result.title} (GB, Français, HTML)`,
      );

      const name = 'ecosol-report-GB-fr.html';
      const fetched = await checkLink(page, row, id, name);
      assert.equal(fetched.status, 200);
      assert.match(fetched.type, /^text\/html/);
      assert.equal(fetched.disposition, `attachment; filename="${name}"`);
      assert.match(fetched.body, /^<!DOCTYPE html>/i);
      assert.ok(fetched.body.includes('<html lang="fr"'), 'the report is in French');
      assert.match(fetched.body, /rapport sur l(&#39;|')écosystème de l(&#39;|')ESS/);
      assert.equal(Buffer.byteLength(fetched.body), job.result.output.bytes);

      const saved = await download(page, row);
      assert.equal(saved.name, name);
      assert.equal(saved.bytes.toString('utf8'), fetched.body);
    });
  });

  test('the report can be prepared as a PDF', async () => {
    await withPage(browser, 'analysis-jobs-report-pdf', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/report?territory=GB&lang=es');
      await settleReport(page);
      await page.getByLabel('Format of the file').selectOption('pdf');
      const id = await queue(page, 'report-job');
      const row = await followToEnd(page, id);
      assert.match(await row.getByTestId('job-made').textContent(), /\(GB, Español, PDF\)$/);
      const fetched = await checkLink(page, row, id, 'ecosol-report-GB-es.pdf');
      assert.equal(fetched.status, 200);
      assert.match(fetched.type, /^application\/pdf/);
      const saved = await download(page, row);
      assert.equal(saved.name, 'ecosol-report-GB-es.pdf');
      assert.equal(saved.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });

  test('a report job the server refuses shows its message', async () => {
    await withPage(browser, 'analysis-jobs-refused', async (page) => {
      await signIn(page, account('steward'));
      await open(page, '#/report');
      await page.getByRole('button', { name: 'Prepare in the background' }).click();
      const detail = page.getByTestId('report-job-error-detail');
      await detail.waitFor();
      const expected = await page.evaluate(async () => {
        const token = await fetch('/api/v1/auth/me').then((r) => r.json());
        const response = await fetch('/api/v1/jobs', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token.csrf_token },
          body: JSON.stringify({ kind: 'report', params: { territory: '', lang: 'en' } }),
        });
        return { status: response.status, body: await response.json() };
      });
      assert.equal(expected.status, 400);
      assert.match(expected.body.error.message, /^params: territory: /);
      assert.equal((await detail.textContent()).trim(), expected.body.error.message);
      assert.equal(await page.getByTestId('report-job-queued').count(), 0);
    });
  });

  test('an admin prepares the measures of the Québec network and downloads them', async () => {
    await withPage(browser, 'analysis-jobs-analytics', async (page) => {
      await signIn(page, account('admin'));
      await open(page, '#/network');
      await settleNetwork(page);
      await page.getByTestId('network-territory').fill('CA/quebec');
      await page.getByTestId('network-apply').click();
      await page.waitForFunction(() => location.hash.includes('territory=CA%2Fquebec'));
      await settleNetwork(page);
      const nodes = (await page.getByTestId('network-summary-nodes').textContent()).trim();
      const edges = (await page.getByTestId('network-summary-edges').textContent()).trim();
      assert.notEqual(nodes, '0', 'the demo has actors in Québec');

      const id = await queue(page, 'network-job');
      const row = await followToEnd(page, id);
      assert.match(await row.locator('td').first().textContent(), /^Network measures/);
      assert.equal(
        await row.getByTestId('job-made').textContent(),
        `CA/quebec: ${nodes} actors, ${edges} relationships`,
      );

      const name = 'ecosol-metrics-CA-quebec.json';
      const fetched = await checkLink(page, row, id, name);
      assert.equal(fetched.status, 200);
      assert.match(fetched.type, /^application\/json/);
      assert.equal(fetched.disposition, `attachment; filename="${name}"`);
      const measures = JSON.parse(fetched.body);
      assert.equal(nf.format(measures.summary.nodes), nodes);
      assert.equal(nf.format(measures.summary.edges), edges);
      assert.equal(measures.filter.territory, 'CA/quebec');
      assert.equal(measures.nodes.length, measures.summary.nodes);

      const saved = await download(page, row);
      assert.equal(saved.name, name);
      assert.deepEqual(JSON.parse(saved.bytes.toString('utf8')), measures);
    });
  });
});
