// SSE screening in the browser: the framework browser, the self-assessment form (evaluated live in
// the page, then checked against the server), an actor's screening report with its statutes, and
// the directory filtered by verdict.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  account,
  baseUrl,
  launchBrowser,
  open,
  signIn,
  waitForDirectory,
  withPage,
} from './helpers.mjs';

/** A demo actor (an association in Québec) that the admin screens here. */
const ACTOR = 'tiess';

/** Statutes whose voting clause gives votes in proportion to capital (non-ASCII text before it). */
const STATUTES = [
  'Statuts de l’association « Territoires innovants » — version révisée',
  '',
  'Article 1. The association pursues a social purpose for the benefit of its community.',
  'Article 7. Voting rights at the general meeting are in proportion to the shares held by each member.',
  '',
].join('\n');

/** The verdict badge of one framework's result on the page. */
function verdictOf(page, framework) {
  return page
    .locator(`[data-testid="screening-result"][data-framework="${framework}"]`)
    .first()
    .getByTestId('verdict-badge')
    .first();
}

async function waitForVerdict(page, framework, verdict) {
  await page.waitForFunction(
    ([f, v]) =>
      document
        .querySelector(
          `[data-testid="screening-result"][data-framework="${f}"] [data-testid="verdict-badge"]`,
        )
        ?.getAttribute('data-status') === v,
    [framework, verdict],
  );
}

describe('SSE screening', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('the framework browser lists the frameworks and shows their criteria', async () => {
    await withPage(browser, 'screening-frameworks', async (page) => {
      const listed = await (await fetch(`${baseUrl()}/api/v1/frameworks`)).json();
      assert.ok(
        listed.items.some((f) => f.id === 'un-ilo'),
        'the server has the UN/ILO framework',
      );
      await open(page, '#/frameworks');
      await page.getByTestId('frameworks-table').waitFor();
      const shown = await page
        .getByTestId('framework-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-framework')));
      assert.deepEqual(shown.sort(), listed.items.map((f) => f.id).sort());

      await page.locator('[data-testid="framework-row"][data-framework="un-ilo"] a').click();
      await page.getByTestId('framework-title').waitFor();
      const unIlo = listed.items.find((f) => f.id === 'un-ilo');
      assert.equal(await page.getByTestId('criterion-row').count(), unIlo.criteria);
      assert.match(await page.getByTestId('framework-title').textContent(), /UN\/ILO/);
    });
  });

  test('the self-assessment answers live and the server agrees', async () => {
    await withPage(browser, 'screening-self-assessment', async (page) => {
      await open(page, '#/self-assessment');
      const rule = page.getByTestId('fact-governance.voting_rule');
      await rule.waitFor();
      await page.getByTestId('fact-legal_form').selectOption('cooperative');
      await page.getByTestId('fact-purpose.social-true').check();
      // No worker, user, beneficiary, volunteer or community body takes part in decisions.
      await page.getByTestId('fact-governance.stakeholder_bodies-none').check();

      await rule.selectOption('capital_proportional');
      await waitForVerdict(page, 'un-ilo', 'inconsistent');
      assert.match(await verdictOf(page, 'un-ilo').textContent(), /Inconsistent/);
      const flag = page.locator('[data-testid="red-flag"][data-flag="capital_voting"]');
      assert.equal(await flag.count(), 1, 'the capital_voting red flag is raised');
      await page.getByTestId('server-check-button').click();
      await page.getByTestId('server-agrees').waitFor();

      await rule.selectOption('one_member_one_vote');
      await page.waitForFunction(
        () =>
          document
            .querySelector(
              '[data-testid="screening-result"][data-framework="un-ilo"] [data-testid="verdict-badge"]',
            )
            ?.getAttribute('data-status') !== 'inconsistent',
      );
      const criterion = page.locator('[data-testid="criterion"]', {
        has: page.locator('[data-testid="criterion-badge"][data-status="met"]'),
      });
      assert.ok((await criterion.count()) > 0, 'a criterion is met with one member, one vote');
      assert.equal(await flag.count(), 0, 'the red flag is gone');
      // What is missing is said plainly.
      assert.ok((await page.getByTestId('missing-facts').count()) > 0, 'missing facts are listed');
      await page.getByTestId('server-check-button').click();
      await page.getByTestId('server-agrees').waitFor();
      assert.equal(await page.getByTestId('server-disagrees').count(), 0);
    });
  });

  test('an admin screens an actor: report, highlighted statutes, history, directory filter', async () => {
    await withPage(browser, 'screening-actor', async (page) => {
      await signIn(page, account('admin'));
      const me = await (await page.request.get(`${baseUrl()}/api/v1/auth/me`)).json();
      const saved = await page.request.put(`${baseUrl()}/api/v1/actors/${ACTOR}/profile`, {
        headers: { 'X-CSRF-Token': me.csrf_token },
        data: {
          profile: {
            legal_form: 'association',
            purpose: { social: true },
            governance: { stakeholder_bodies: [] },
          },
          statutes: { name: 'statuts.txt', text: STATUTES },
        },
      });
      assert.equal(saved.status(), 200, await saved.text());
      const profile = await saved.json();
      assert.equal(profile.profile.governance?.voting_rule, 'capital_proportional');

      await open(page, `#/actors/${ACTOR}`);
      await page.getByTestId('screening-link').click();
      await page.getByTestId('screen-now').waitFor();
      const before = await page.getByTestId('history-entry').count();
      await page.getByTestId('screen-now').click();
      await page.getByTestId('screened').waitFor();
      assert.ok((await page.getByTestId('history-entry').count()) > before, 'a new history entry');
      await waitForVerdict(page, 'un-ilo', 'inconsistent');

      // The clause that set the voting rule is highlighted in the statutes.
      const spans = page.getByTestId('evidence-span');
      assert.ok((await spans.count()) > 0, 'an evidence span is highlighted');
      const texts = await spans.allTextContents();
      assert.ok(
        texts.some((t) => /in proportion to the shares/.test(t)),
        `highlighted: ${texts.join(' | ')}`,
      );
      const quotes = await page
        .locator('[data-testid="criterion"] [data-testid="statutes-quote"]')
        .allTextContents();
      assert.ok(
        quotes.some((q) => /in proportion to the shares/.test(q)),
        `a criterion cites the statutes: ${quotes.join(' | ')}`,
      );

      // The directory, filtered by verdict, lists the actor.
      await open(page, '#/directory?q=TIESS');
      await waitForDirectory(page);
      await page.getByTestId('directory-verdict').selectOption('inconsistent');
      await page.waitForFunction(() => location.hash.includes('verdict=inconsistent'));
      assert.match(await page.evaluate(() => location.hash), /q=TIESS/);
      await waitForDirectory(page);
      const links = await page
        .getByTestId('result-link')
        .evaluateAll((els) => els.map((a) => a.getAttribute('href')));
      assert.ok(links.includes(`#/actors/${ACTOR}`), `listed: ${links.join(', ')}`);
    });
  });
});
