// The background jobs page (#/jobs): a visitor is asked to sign in; a member, who starts no jobs,
// is told there are none; an admin screens the whole registry, follows the job to its end without
// reloading, and narrows the list by state; an admin imports a file in the background from the
// open data page and follows the link to the job, which ends with the import's counts (or, for a
// file with a bad row, with the rejected row and the line saying nothing was imported).

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** The demo registry has about 7,400 actors; the server may share its cores with a build. */
const SCREENING_TIMEOUT = 60_000;

/** An import of a few rows; the server may share its cores with a build. */
const IMPORT_TIMEOUT = 60_000;

/**
 * A word no demo actor has (letters only, so that search finds it as one token): each run
 * imports new actors, whatever earlier runs left in the database.
 */
const WORD = `zj${Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

/** A GeoJSON point feature with the given name and latitude (a bad latitude is rejected). */
function feature(id, name, lat) {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [-3.17, lat] },
    properties: { id, name, description: `Imported by the background jobs test (${WORD}).` },
  };
}

const collection = (...features) => JSON.stringify({ type: 'FeatureCollection', features });

/** The public actors a search for `q` finds, as an anonymous caller gets them. */
async function publicSearch(q) {
  const response = await fetch(`${baseUrl()}/api/v1/actors?q=${encodeURIComponent(q)}`);
  assert.equal(response.status, 200);
  return (await response.json()).items;
}

/**
 * On the open data page: chooses `file`, ticks "Run in the background" with the keyboard, sends
 * the form and returns the id of the job the server queued, as the page names it.
 */
async function queueImport(page, file) {
  await open(page, '#/data');
  await page.getByTestId('import-form').waitFor();
  await page.getByTestId('import-file').setInputFiles(file);
  const background = page.getByLabel('Run in the background');
  await background.focus();
  await page.keyboard.press('Space');
  assert.equal(await background.isChecked(), true);
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => {
    const result = document.querySelector('[data-testid="import-result"]');
    return result && result.childElementCount > 0;
  });
  const failure = page.getByTestId('import-result').getByTestId('error-message');
  if ((await failure.count()) > 0) {
    assert.fail(`the import was not queued: ${await failure.textContent()}`);
  }
  assert.equal(await page.getByTestId('import-report').count(), 0, 'imported at once');
  const queued = await page.getByTestId('import-queued').textContent();
  const id = /Job (job-\S+) is queued/.exec(queued)?.[1];
  assert.ok(id, queued);
  return id;
}

/** Follows the link to the jobs page and waits until the job `id` has ended; returns its row. */
async function followToEnd(page, id) {
  await page.getByRole('link', { name: 'Follow it on the Background jobs page' }).click();
  await page.waitForURL(/#\/jobs$/);
  await waitForList(page);
  await page.waitForFunction(
    (jobId) => {
      const tr = document.querySelector(`[data-testid="job-row"][data-id="${jobId}"]`);
      return tr && (tr.dataset.state === 'done' || tr.dataset.state === 'failed');
    },
    id,
    { timeout: IMPORT_TIMEOUT },
  );
  const row = page.locator(`[data-testid="job-row"][data-id="${id}"]`);
  const outcome = await row.getByTestId('job-outcome').textContent();
  assert.equal(await row.getAttribute('data-state'), 'done', outcome);
  assert.match(await row.locator('td').first().textContent(), /^Import of a file/);
  return row;
}

/** Waits until the page has shown the answer to its last request: rows, "none" or an error. */
async function waitForList(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="jobs-page"]');
    const status = document.querySelector('[data-testid="jobs-status"]')?.textContent ?? '';
    const error = document.querySelector('[data-testid="jobs-error"]');
    return section && !section.hasAttribute('aria-busy') && (/\d/.test(status) || error);
  });
  assert.equal(await page.getByTestId('jobs-error').count(), 0, 'the list could not be loaded');
}

/** The [id, state] of each row, top to bottom. */
function rows(page) {
  return page
    .getByTestId('job-row')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.id, tr.dataset.state]));
}

/** Chooses a state in the filter and waits until every row shown is in it. */
async function filterBy(page, state) {
  await page.getByLabel('State', { exact: true }).selectOption(state);
  await page.waitForURL(state ? new RegExp(`#/jobs\\?state=${state}$`) : /#\/jobs$/);
  await page.waitForFunction((wanted) => {
    const shown = [...document.querySelectorAll('[data-testid="job-row"]')];
    const empty = document.querySelector('[data-testid="jobs-empty"]');
    return wanted
      ? (shown.length > 0 || empty) && shown.every((tr) => tr.dataset.state === wanted)
      : shown.length > 0;
  }, state);
}

describe('background jobs', () => {
  let browser;
  let dir;
  before(async () => {
    baseUrl();
    account('admin');
    dir = await mkdtemp(path.join(tmpdir(), 'ecosol-jobs-'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('without signing in, the page asks to sign in first', async () => {
    await withPage(browser, 'jobs-anonymous', async (page) => {
      await open(page, '#/jobs');
      const prompt = page.getByTestId('signin-required');
      await prompt.waitFor();
      assert.match(await prompt.textContent(), /Sign in to see the background jobs/);
      await prompt.getByRole('link').click();
      await page.waitForURL(/#\/signin\?next=%23%2Fjobs/);
    });
  });

  test('a member who started no job is told so and cannot start one', async () => {
    await withPage(browser, 'jobs-member', async (page) => {
      await signIn(page, account('member'));
      assert.equal(await page.getByTestId('nav-jobs').count(), 0);
      await open(page, '#/jobs');
      await waitForList(page);
      const empty = page.getByTestId('jobs-empty');
      await empty.waitFor();
      assert.equal(await empty.textContent(), 'No background job yet.');
      assert.equal(await page.getByTestId('jobs-screen-all').count(), 0);
    });
  });

  test('an admin screens the whole registry, sees the job finish and filters by state', async () => {
    await withPage(browser, 'jobs-admin', async (page) => {
      await signIn(page, account('admin'));
      await page.getByTestId('nav-jobs').click();
      await page.waitForURL(/#\/jobs$/);
      await waitForList(page);
      const before = await rows(page);
      if (before.length === 0) {
        // A fresh database (as scripts/test.sh makes); a rerun on the same server has jobs.
        assert.equal(await page.getByTestId('jobs-empty').textContent(), 'No background job yet.');
      }
      const known = new Set(before.map(([id]) => id));

      const start = page.getByRole('button', { name: 'Screen the whole registry' });
      await start.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('jobs-started').waitFor();
      await page.waitForFunction(
        (ids) => {
          const first = document.querySelector('[data-testid="job-row"]');
          return first && !ids.includes(first.dataset.id);
        },
        [...known],
      );
      const [[id, state]] = await rows(page);
      assert.ok(id.startsWith('job-'), id);
      assert.ok(['queued', 'running', 'done'].includes(state), state);
      assert.match(await page.getByTestId('jobs-started').textContent(), new RegExp(id));

      // The page refreshes itself: no reload until the job has ended.
      const row = page.locator(`[data-testid="job-row"][data-id="${id}"]`);
      await page.waitForFunction(
        (jobId) => {
          const tr = document.querySelector(`[data-testid="job-row"][data-id="${jobId}"]`);
          return tr && (tr.dataset.state === 'done' || tr.dataset.state === 'failed');
        },
        id,
        { timeout: SCREENING_TIMEOUT },
      );
      const outcome = await row.getByTestId('job-outcome').textContent();
      assert.equal(await row.getAttribute('data-state'), 'done', outcome);
      assert.match(outcome, /[\d,]+ actors, [\d,]+ assessments/);
      const [done, total] = (await row.getByTestId('job-progress').textContent()).split(' / ');
      assert.equal(done, total);
      const bar = row.getByRole('progressbar', { name: `Progress of job ${id}` });
      assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'));

      await filterBy(page, 'done');
      assert.ok((await rows(page)).some(([shown]) => shown === id));
      await filterBy(page, 'failed');
      assert.ok((await rows(page)).every(([shown]) => shown !== id));
      await filterBy(page, '');
      assert.ok((await rows(page)).some(([shown]) => shown === id));
    });
  });

  test('an admin imports a file in the background and finds its counts on the jobs page', async () => {
    const file = path.join(dir, `background-${WORD}.geojson`);
    const names = [`Background ${WORD} One`, `Background ${WORD} Two`];
    await writeFile(
      file,
      collection(feature(`${WORD}-1`, names[0], 51.48), feature(`${WORD}-2`, names[1], 51.47)),
    );
    await withPage(browser, 'jobs-background-import', async (page) => {
      await signIn(page, account('admin'));
      const id = await queueImport(page, file);
      const row = await followToEnd(page, id);
      const outcome = row.getByTestId('job-outcome');
      assert.equal(await outcome.textContent(), '2 imported, 0 updated, 0 unchanged, 0 rejected');
      assert.equal(await outcome.getByTestId('job-import-note').count(), 0);
      const [done, total] = (await row.getByTestId('job-progress').textContent()).split(' / ');
      assert.equal(done, total);
      assert.equal(done, '2');

      // The rows are in the registry (the search index may follow a moment later).
      const deadline = Date.now() + 20_000;
      let found = await publicSearch(WORD);
      while (found.length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        found = await publicSearch(WORD);
      }
      assert.deepEqual(found.map((actor) => actor.name).sort(), names);
    });
  });

  test('a background import with a bad row ends done, refused, its row listed', async () => {
    const file = path.join(dir, `refused-${WORD}.geojson`);
    await writeFile(
      file,
      collection(
        feature(`${WORD}-3`, `Background ${WORD} Three`, 51.46),
        feature(`${WORD}-4`, `Background ${WORD} Four`, 200),
      ),
    );
    await withPage(browser, 'jobs-background-import-refused', async (page) => {
      await signIn(page, account('admin'));
      const id = await queueImport(page, file);
      const row = await followToEnd(page, id);
      const outcome = row.getByTestId('job-outcome');
      const summary = outcome.locator('details > summary');
      assert.equal(await summary.textContent(), '0 imported, 0 updated, 0 unchanged, 1 rejected');
      assert.equal(
        await outcome.getByTestId('job-import-note').textContent(),
        'Nothing was imported: 1 row was rejected, so the file was refused.',
      );
      // The rejected row, on demand: opened with the keyboard.
      const rejected = outcome.getByTestId('rejected-row');
      assert.equal(await rejected.isVisible(), false);
      await summary.focus();
      await page.keyboard.press('Enter');
      await rejected.waitFor({ state: 'visible' });
      assert.equal(await rejected.count(), 1);
      assert.match(await rejected.textContent(), /lat|coordinates|geometry/i);
      assert.deepEqual(
        (await publicSearch(WORD)).filter((actor) => actor.name.includes('Three')),
        [],
        'a row of the refused file was written',
      );
    });
  });
});
