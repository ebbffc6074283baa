// Signing in and out, and the account page's API tokens (shown once).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

describe('accounts', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('member');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('signing in with the right password shows the user in the header', async () => {
    await withPage(browser, 'signin-good', async (page) => {
      const member = account('member');
      await open(page, '#/map');
      await page.getByTestId('nav-signin').click();
      await page.waitForURL(/#\/signin/);
      await page.getByLabel('E-mail').fill(member.email);
      await page.getByLabel('Password').fill(member.password);
      await page.getByTestId('signin-submit').click();
      await page.waitForURL(/#\/account$/);
      assert.equal((await page.getByTestId('account-email').textContent()).trim(), member.email);
      await page.getByTestId('account-role-list').waitFor();
      assert.match(await page.getByTestId('account-role-list').textContent(), /Member/);
      const me = await page.request.get(`${baseUrl()}/api/v1/auth/me`);
      assert.equal(me.status(), 200);
    });
  });

  test('a wrong password is refused with a clear message and no session', async () => {
    await withPage(browser, 'signin-bad', async (page) => {
      const member = account('member');
      await open(page, '#/signin');
      await page.getByTestId('signin-email').fill(member.email);
      await page.getByTestId('signin-password').fill(`${member.password}-wrong`);
      await page.getByTestId('signin-submit').click();
      const error = page.getByTestId('signin-error');
      await error.waitFor();
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), /Wrong e-mail or password/);
      assert.equal(await page.getByTestId('signin-password').inputValue(), '');
      assert.ok(await page.getByTestId('nav-signin').isVisible());
      const me = await page.request.get(`${baseUrl()}/api/v1/auth/me`);
      assert.equal(me.status(), 401);
      // The right password still works (one failure does not lock the account).
      await page.getByTestId('signin-password').fill(member.password);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('account-email').waitFor();
    });
  });

  test('signing out ends the session on the server too', async () => {
    await withPage(browser, 'signout', async (page) => {
      await signIn(page, account('member'));
      await page.getByTestId('signout').click();
      await page.waitForURL(/#\/signin\?reason=signed_out/);
      await page.getByTestId('nav-signin').waitFor();
      assert.match(await page.getByTestId('signin-notice').textContent(), /signed out/);
      const me = await page.request.get(`${baseUrl()}/api/v1/auth/me`);
      assert.equal(me.status(), 401);
      await open(page, '#/account');
      await page.getByTestId('signin-required').waitFor();
    });
  });

  test('a new API token is shown once, works, and can be revoked', async () => {
    await withPage(browser, 'account-token', async (page) => {
      await signIn(page, account('member'));
      await open(page, '#/account');
      const name = `browser test ${Date.now()}`;
      await page.getByTestId('token-name').fill(name);
      await page.getByTestId('token-scope').selectOption('read');
      await page.getByTestId('token-days').fill('7');
      await page.getByTestId('token-create').click();
      await page.getByTestId('token-reveal').waitFor();
      const secret = await page.getByTestId('token-secret').inputValue();
      assert.match(secret, /^eco_/);
      assert.match(await page.getByTestId('token-warning').textContent(), /not be shown again/);

      const asToken = await page.request.get(`${baseUrl()}/api/v1/auth/me`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      assert.equal(asToken.status(), 200);
      assert.equal((await asToken.json()).read_only, true);

      // Listed with its state; the secret itself is never shown again.
      const row = page.getByTestId('token-row').filter({ hasText: name });
      assert.equal((await row.getByTestId('token-state').textContent()).trim(), 'Active');
      await page.reload({ waitUntil: 'networkidle' });
      await row.waitFor();
      assert.equal(await page.getByTestId('token-secret').count(), 0);
      assert.ok(!(await page.content()).includes(secret));

      await row.getByTestId('token-revoke').click();
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('[data-testid="token-row"]')].some(
            (r) => r.textContent.includes(n) && r.textContent.includes('Revoked'),
          ),
        name,
      );
      const revoked = await page.request.get(`${baseUrl()}/api/v1/auth/me`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      assert.equal(revoked.status(), 401);
    });
  });
});
