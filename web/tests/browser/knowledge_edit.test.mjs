// Writing a case in the web app, signed in as the member: "Write a case" on the search page, a
// new case with a core element that relies on a context feature and an actor, refused first for
// a missing title; saved, it opens as a draft (version 1). Edited from its page it becomes
// version 2; an edit started from version 2 in another tab is then refused as stale, with a way
// to reload, and what was typed stays in the form.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

const field = (page, path) => page.locator(`[data-field="${path}"]`);

describe('knowledge case editor', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a member writes a case, edits it, and a stale edit is refused', async () => {
    const id = `browser-case-${Date.now().toString(36)}`;
    await withPage(browser, 'knowledge-edit', async (page) => {
      await signIn(page, account('member'));
      await open(page, '#/knowledge');
      await page.getByTestId('knowledge-write-link').click();
      await page.getByTestId('case-edit-form').waitFor();

      await field(page, 'id').fill(id);
      await page.getByTestId('case-elements-add').click();
      await field(page, 'core_elements[0].id').fill('shared_kitchen');
      await field(page, 'core_elements[0].label').fill('A kitchen shared by the members');
      await page.getByTestId('case-deps-add').click();
      await field(page, 'core_elements[0].relies_on[0].feature').selectOption('trust');
      await field(page, 'core_elements[0].relies_on[0].op').selectOption('at_least');
      await field(page, 'core_elements[0].relies_on[0].value').fill('medium');
      await page.getByTestId('case-actors-add').click();
      await field(page, 'actors[0].name').fill('Neighbours');
      await field(page, 'actors[0].role').selectOption('community');

      // No title yet: refused before sending, next to the field.
      await page.getByTestId('case-save').click();
      await page.getByTestId('case-edit-problems').waitFor();
      const title = field(page, 'title.en');
      assert.equal(await title.getAttribute('aria-invalid'), 'true');
      await title.fill('Neighbourhood kitchen co-operative');
      await page.getByTestId('case-save').click();

      // The new case opens as a draft, version 1.
      await page.waitForURL(new RegExp(`#/knowledge/cases/${id}$`));
      await page.getByTestId('knowledge-draft-note').waitFor();
      assert.equal(
        await page.getByTestId('knowledge-case-title').textContent(),
        'Neighbourhood kitchen co-operative',
      );
      assert.match(await page.getByTestId('knowledge-case-meta').textContent(), /version 1/);
      assert.equal(
        await page.getByTestId('knowledge-case-meta').getAttribute('data-status'),
        'draft',
      );

      // Edited from its page: version 2, the element and its dependency kept.
      await page.getByTestId('knowledge-edit-button').click();
      await page.getByTestId('case-edit-form').waitFor();
      assert.equal(await field(page, 'core_elements[0].relies_on[0].value').inputValue(), 'medium');
      await field(page, 'summary.en').fill('Members cook together and share the costs.');
      await page.getByTestId('case-save').click();
      await page.waitForURL(new RegExp(`#/knowledge/cases/${id}$`));
      await page.getByTestId('knowledge-case-meta').filter({ hasText: 'version 2' }).waitFor();
      assert.match(
        await page.getByTestId('knowledge-case-page').textContent(),
        /Members cook together/,
      );

      // Two editors start from version 2; the first to save wins, the second is refused.
      const other = await page.context().newPage();
      await open(other, `#/knowledge/cases/${id}/edit`);
      await other.getByTestId('case-edit-form').waitFor();
      await open(page, `#/knowledge/cases/${id}/edit`);
      await page.getByTestId('case-edit-form').waitFor();
      await field(other, 'problem').fill('Food prices rise.');
      await other.getByTestId('case-save').click();
      await other.waitForURL(new RegExp(`#/knowledge/cases/${id}$`));
      await other.getByTestId('knowledge-case-meta').filter({ hasText: 'version 3' }).waitFor();

      await field(page, 'title.en').fill('My stale title');
      await page.getByTestId('case-save').click();
      const conflict = page.getByTestId('case-edit-conflict');
      await conflict.waitFor();
      assert.match(await conflict.textContent(), /is at version 3, not 2/);
      assert.equal(await field(page, 'title.en').inputValue(), 'My stale title');
      // Reloading shows the case as it is now.
      await page.getByTestId('case-edit-reload').click();
      await page.waitForFunction(
        () => document.querySelector('[data-field="problem"]')?.value === 'Food prices rise.',
      );
    });
  });
});
