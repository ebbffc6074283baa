// The administration pages: refused to a member with a clear message; users and the audit log
// for an admin; membership grants for a steward.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, baseUrl, launchBrowser, open, signIn, withPage } from './helpers.mjs';

describe('administration', () => {
  let browser;
  before(async () => {
    baseUrl();
    account('admin');
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('a member cannot open the admin pages and is told why', async () => {
    await withPage(browser, 'admin-member-refused', async (page) => {
      await signIn(page, account('member'));
      assert.equal(await page.getByTestId('nav-users').count(), 0);
      await open(page, '#/admin/users');
      const users = page.getByTestId('forbidden');
      await users.waitFor();
      assert.match(await users.textContent(), /need the admin or steward role/);
      assert.equal(await page.getByTestId('user-card').count(), 0);

      await open(page, '#/admin/audit');
      const audit = page.getByTestId('forbidden');
      await audit.waitFor();
      assert.match(await audit.textContent(), /need the admin role/);
      assert.equal(await page.getByTestId('audit-entry').count(), 0);
    });
  });

  test('without signing in, the admin pages ask to sign in first', async () => {
    await withPage(browser, 'admin-anonymous', async (page) => {
      await open(page, '#/admin/users');
      await page.getByTestId('signin-required').waitFor();
      await page.getByTestId('signin-required').getByRole('link').click();
      await page.waitForURL(/#\/signin\?next=/);
    });
  });

  test('an admin sees the users with their roles', async () => {
    await withPage(browser, 'admin-users', async (page) => {
      const member = account('member');
      await signIn(page, account('admin'));
      await page.getByTestId('nav-users').click();
      await page.getByTestId('user-card').first().waitFor();
      const card = page.locator(`[data-testid="user-card"][data-email="${member.email}"]`);
      await card.waitFor();
      assert.match(await card.getByTestId('user-roles').textContent(), new RegExp(member.scope));
    });
  });

  test('an admin reads the audit log newest first and verifies the chain', async () => {
    await withPage(browser, 'admin-audit', async (page) => {
      await signIn(page, account('admin'));
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-entry').first().waitFor();
      const seqs = await page
        .getByTestId('audit-entry')
        .evaluateAll((items) => items.map((li) => Number(li.dataset.seq)));
      assert.ok(seqs.length > 0);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      const details = page.getByTestId('audit-details').first();
      await details.locator('summary').click();
      assert.ok(await details.evaluate((d) => d.open));

      await page.getByTestId('audit-verify').click();
      const ok = page.getByTestId('verify-ok');
      await ok.waitFor();
      assert.match(await ok.textContent(), /intact: [\d,]+ entries checked/);
    });
  });

  test('a steward finds a user by e-mail and grants, then revokes, membership', async () => {
    await withPage(browser, 'admin-steward', async (page) => {
      const steward = account('steward');
      const member = account('member');
      await signIn(page, steward);
      await page.getByTestId('nav-users').click();
      await page.getByTestId('find-user-email').fill(member.email);
      await page.getByTestId('find-user-submit').click();
      const card = page.getByTestId('user-card');
      await card.waitFor();
      const scope = `actor:${steward.scope}`;
      const roles = () =>
        card
          .getByTestId('user-roles')
          .textContent()
          .catch(() => '');
      const held = card.getByTestId('grant').filter({ hasText: steward.scope });
      // Independent of earlier runs: start without the role.
      if ((await held.count()) > 0) {
        await held.locator('..').getByTestId('role-revoke').click();
        await held.waitFor({ state: 'detached' });
      }
      await card.getByTestId('grant-scope').fill(steward.scope);
      await card.getByTestId('grant-submit').click();
      await held.waitFor();
      assert.match(await roles(), new RegExp(steward.scope));
      const user = await page.request.get(
        `${baseUrl()}/api/v1/users?email=${encodeURIComponent(member.email)}`,
      );
      const grants = (await user.json()).items[0].roles;
      assert.ok(grants.some((g) => g.role === 'member' && g.scope === scope));

      await held.locator('..').getByTestId('role-revoke').click();
      await held.waitFor({ state: 'detached' });
      assert.match(await roles(), new RegExp(member.scope));
    });
  });
});
