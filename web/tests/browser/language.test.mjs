// The language switch relabels the app at once, sets <html lang>, and is remembered.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

describe('language switch', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test('French relabels the navigation and the page, and survives a reload', async () => {
    await withPage(browser, 'language-french', async (page) => {
      await open(page, '#/directory');
      const nav = page.getByTestId('nav-directory');
      assert.equal((await nav.textContent()).trim(), 'Directory');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const select = page.getByLabel('Language');
      assert.equal(await select.getAttribute('data-testid'), 'language-select');

      await select.selectOption('fr');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="nav-directory"]')?.textContent === 'Annuaire',
      );
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      assert.equal((await page.getByTestId('nav-map').textContent()).trim(), 'Carte');
      assert.equal((await page.locator('h1').first().textContent()).trim(), 'Annuaire');
      assert.ok(await page.getByLabel('Langue').isVisible());

      await page.reload({ waitUntil: 'networkidle' });
      assert.equal((await page.getByTestId('nav-directory').textContent()).trim(), 'Annuaire');
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    });
  });

  test('every language relabels the map page without reloading it', async () => {
    await withPage(browser, 'language-all', async (page) => {
      await open(page, '#/map');
      const expected = { es: 'Mapa', pt: 'Mapa', fr: 'Carte', en: 'Map' };
      const search = { es: 'Buscar', pt: 'Pesquisar', fr: 'Rechercher', en: 'Search' };
      for (const [lang, label] of Object.entries(expected)) {
        await page.getByTestId('language-select').selectOption(lang);
        await page.waitForFunction(
          ([l, text]) =>
            document.documentElement.lang === l &&
            document.querySelector('[data-testid="nav-map"]')?.textContent === text,
          [lang, label],
        );
        assert.equal((await page.getByTestId('map-submit').textContent()).trim(), search[lang]);
      }
    });
  });
});
