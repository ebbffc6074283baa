// Every page of the app works under the server's Content-Security-Policy: no violation, no script
// error, on the public pages and on the signed-in ones.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

/** Records CSP violations (from the page's own event) and console complaints about the policy. */
async function watchPolicy(page) {
  const problems = [];
  await page.exposeFunction('__ecosolCspViolation', (text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__ecosolCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Opens a route and waits until its element is there and the network is quiet. */
async function visit(page, hash, testId) {
  await open(page, hash);
  await page.getByTestId(testId).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('content security policy', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('the server sends the policy with the app', async () => {
    const response = await fetch(`${baseUrl()}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /style-src 'self'/);
  });

  test('the public pages load without a violation', async () => {
    await withPage(browser, 'csp-public', async (page) => {
      const problems = await watchPolicy(page);
      await visit(page, '#/map', 'map-status');
      await page
        .locator('[data-testid="map-cluster"], [data-testid="actor-marker"]')
        .first()
        .waitFor();
      await visit(page, '#/directory', 'result-item');
      await visit(page, '#/territories', 'territory-row');
      await visit(page, '#/actors/tiess', 'actor-name');
      await visit(page, '#/signin', 'signin-form');
      await visit(page, '#/no-such-page', 'not-found-page');
      assert.deepEqual(problems, []);
    });
  });

  test('the signed-in pages load without a violation', async () => {
    await withPage(browser, 'csp-signed-in', async (page) => {
      const problems = await watchPolicy(page);
      await signIn(page, account('admin'));
      await visit(page, '#/account', 'token-table');
      await visit(page, '#/admin/users', 'user-card');
      await visit(page, '#/admin/audit', 'audit-entry');
      await page.getByTestId('audit-details').first().locator('summary').click();
      await page.getByTestId('audit-verify').click();
      await page.getByTestId('verify-ok').waitFor();
      await visit(page, `#/actors/${account('member').scope}/edit`, 'edit-form');
      await visit(page, '#/map', 'map-status');
      assert.deepEqual(problems, []);
    });
  });
});
