// The background jobs page (#/jobs): a visitor is asked to sign in; a member, who starts no jobs,
// is told there are none; an admin screens the whole registry, follows the job to its end without
// reloading, and narrows the list by state.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** The demo registry has about 7,400 actors; the server may share its cores with a build. */
const SCREENING_TIMEOUT = 60_000;

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
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

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
});
