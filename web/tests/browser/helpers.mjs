// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, a page per
// test, a screenshot in test-results/ when a test fails, and the test accounts.
//
// Environment:
//   ECOSOL_BASE_URL                 the server under test (required), e.g. http://127.0.0.1:8099
//   CHROMIUM_PATH                   the browser (default /usr/bin/chromium)
//   ECOSOL_TEST_ADMIN_EMAIL, ECOSOL_TEST_ADMIN_PASSWORD       a user with the admin role
//   ECOSOL_TEST_MEMBER_EMAIL, ECOSOL_TEST_MEMBER_PASSWORD     a user with only the member role of
//   ECOSOL_TEST_MEMBER_ACTOR                                  this demo actor (e.g. cwmpas)
//   ECOSOL_TEST_STEWARD_EMAIL, ECOSOL_TEST_STEWARD_PASSWORD   a user with only the steward role of
//   ECOSOL_TEST_STEWARD_NETWORK                               this demo network (e.g. diesis)
// scripts/test.sh creates these users with `ecosol users add` and `ecosol users grant` before it
// starts the server; see accountsHelp() to create them by hand.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = path.resolve(here, '../../test-results');

/** Generous, because the server may share two cores with a C++ build. */
export const TIMEOUT = 30_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The server under test, from ECOSOL_BASE_URL, without a trailing slash. */
export function baseUrl() {
  const url = process.env.ECOSOL_BASE_URL;
  if (!url) {
    throw new Error(
      'ECOSOL_BASE_URL is not set. Start a server with the demo data and the built app, e.g.\n' +
        '  build/release/ecosol --db /tmp/demo.db demo\n' +
        '  build/release/ecosol --db /tmp/demo.db serve --host 127.0.0.1 --port 8099 --web-root web/dist\n' +
        'then run: ECOSOL_BASE_URL=http://127.0.0.1:8099 npm run test:browser',
    );
  }
  return url.replace(/\/+$/, '');
}

const ROLES = {
  admin: ['ECOSOL_TEST_ADMIN_EMAIL', 'ECOSOL_TEST_ADMIN_PASSWORD'],
  member: ['ECOSOL_TEST_MEMBER_EMAIL', 'ECOSOL_TEST_MEMBER_PASSWORD', 'ECOSOL_TEST_MEMBER_ACTOR'],
  steward: [
    'ECOSOL_TEST_STEWARD_EMAIL',
    'ECOSOL_TEST_STEWARD_PASSWORD',
    'ECOSOL_TEST_STEWARD_NETWORK',
  ],
};

function accountsHelp() {
  return (
    'Create the test users and pass them in the environment, e.g.\n' +
    "  printf '%s\\n' 'Green-Fields-2026' | build/release/ecosol --db /tmp/demo.db users add admin@example.org --name Admin\n" +
    '  build/release/ecosol --db /tmp/demo.db users grant admin@example.org admin\n' +
    '  (likewise a member with `grant EMAIL member actor:cwmpas` and a steward with\n' +
    '  `grant EMAIL steward network:diesis`), then set ECOSOL_TEST_ADMIN_EMAIL, ..._PASSWORD, etc.\n' +
    '(scripts/test.sh does all this.)'
  );
}

/**
 * The test account with `role` ("admin", "member" or "steward"): {email, password, scope} where
 * scope is the member's actor id or the steward's network id.
 */
export function account(role) {
  const names = ROLES[role];
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} not set. ${accountsHelp()}`);
  }
  const [email, password, scope] = names.map((name) => process.env[name]);
  return { email, password, scope };
}

/** Signs in through the sign-in page and waits until the header shows the user. */
export async function signIn(page, who) {
  await open(page, '#/signin');
  await page.getByTestId('signin-email').fill(who.email);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('account-email').waitFor();
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Runs body(page) in a fresh browser context (empty localStorage). On failure, saves a screenshot
 * named after the test and adds the page's script errors to the message.
 */
export async function withPage(browser, name, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await body(page);
  } catch (error) {
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    if (error instanceof Error) {
      error.message += `\n  screenshot: ${file}`;
      if (pageErrors.length) error.message += `\n  page errors: ${pageErrors.join(' | ')}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** Opens a route of the app (e.g. "#/directory") and waits for the network to settle. */
export async function open(page, hash) {
  await page.goto(`${baseUrl()}/${hash}`, { waitUntil: 'networkidle', timeout: 60_000 });
}

/** Waits until the directory shows the outcome of its last request. */
export async function waitForDirectory(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="directory-page"]');
    const status = document.querySelector('[data-testid="directory-status"]')?.textContent ?? '';
    const error = document.querySelector('[data-testid="error-message"]');
    return section && !section.hasAttribute('aria-busy') && (status.length > 0 || error);
  });
}

/** Types a search into a filter form and waits until the URL carries it. */
export async function search(page, prefix, text) {
  const box = page.getByTestId(`${prefix}-search`);
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction(
    (q) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') === q,
    text,
  );
}
