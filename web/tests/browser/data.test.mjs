// Open data: an admin checks, then imports a GeoJSON file and finds its actors in the directory;
// a file with a bad feature is refused with its rejected row listed; a spreadsheet is imported
// through its YAML mapping; anyone can download the
// exports, and the GeoJSON export is a FeatureCollection.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  account,
  baseUrl,
  launchBrowser,
  open,
  search,
  signIn,
  waitForDirectory,
  withPage,
} from './helpers.mjs';

/**
 * A word no demo actor has (letters only, so that search finds it as one token): each run
 * imports new actors, whatever earlier runs left in the database.
 */
const WORD = `zq${Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

const EXPORT_FORMATS = [
  'essglobal-csv',
  'geojson',
  'murmurations',
  'essglobal-ttl',
  'essglobal-jsonld',
  'kumu',
];

/** A TransforMap-style point feature; its id is the identifier the import matches rows on. */
function feature(id, name, lon, lat) {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      name,
      description: `Imported by the open data browser test (${WORD}).`,
    },
  };
}

const collection = (...features) => JSON.stringify({ type: 'FeatureCollection', features });

const GOOD_NAMES = [`Opendata ${WORD} One`, `Opendata ${WORD} Two`];

/** The public actors a search for `q` finds, as an anonymous caller gets them. */
async function publicSearch(q) {
  const response = await fetch(`${baseUrl()}/api/v1/actors?q=${encodeURIComponent(q)}`);
  assert.equal(response.status, 200);
  return (await response.json()).items;
}

/** Submits the import form, waits for its outcome, and returns the report's summary line. */
async function submitImport(page) {
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => {
    const form = document.querySelector('[data-testid="import-form"]');
    const result = document.querySelector('[data-testid="import-result"]');
    return form && !form.hasAttribute('aria-busy') && result && result.childElementCount > 0;
  });
  const failure = page
    .getByTestId('import-result')
    .locator('[data-testid="error-message"], [data-testid="import-too-large"]');
  if ((await failure.count()) > 0) {
    assert.fail(`the import failed: ${await failure.first().textContent()}`);
  }
  return (await page.getByTestId('import-summary').textContent()).trim();
}

const count = async (page, testId) => (await page.getByTestId(testId).textContent()).trim();

describe('open data', () => {
  let browser;
  let dir;
  before(async () => {
    baseUrl();
    account('admin');
    dir = await mkdtemp(path.join(tmpdir(), 'ecosol-open-data-'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('an admin checks a GeoJSON file, imports it and finds its actors', async () => {
    const file = path.join(dir, `opendata-${WORD}.geojson`);
    await writeFile(
      file,
      collection(
        feature(`${WORD}-1`, GOOD_NAMES[0], -3.1791, 51.4816),
        feature(`${WORD}-2`, GOOD_NAMES[1], -3.1683, 51.4779),
      ),
    );
    await withPage(browser, 'data-import-geojson', async (page) => {
      await signIn(page, account('admin'));
      await page.getByTestId('nav-data').click();
      await page.getByTestId('import-form').waitFor();
      await page.getByTestId('import-file').setInputFiles(file);
      assert.equal(await page.getByTestId('import-format').inputValue(), 'geojson');
      assert.equal(await page.getByTestId('import-source').inputValue(), `opendata-${WORD}`);

      await page.getByTestId('import-dry-run').check();
      const checked = await submitImport(page);
      assert.match(checked, /Checked only \(dry run\): nothing was written/);
      assert.equal(await count(page, 'report-rejected'), '0');
      assert.match(await page.getByTestId('import-status').textContent(), /checked, nothing/);
      assert.deepEqual(await publicSearch(WORD), [], 'the dry run wrote actors');

      await page.getByTestId('import-dry-run').uncheck();
      const written = await submitImport(page);
      assert.match(written, /written to the registry/);
      assert.equal(await count(page, 'report-imported'), '2');
      assert.equal(await count(page, 'report-rejected'), '0');

      // The search index may follow the write a moment later.
      const deadline = Date.now() + 20_000;
      while ((await publicSearch(WORD)).length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await open(page, '#/directory');
      await waitForDirectory(page);
      await search(page, 'directory', WORD);
      await waitForDirectory(page);
      const found = page.getByTestId('result-item').filter({ hasText: GOOD_NAMES[0] });
      await found.first().waitFor();
      assert.equal(await found.count(), 1);
    });
  });

  test('a file with a bad feature is refused, its rejected row listed', async () => {
    const file = path.join(dir, `bad-${WORD}.geojson`);
    await writeFile(
      file,
      collection(
        feature(`${WORD}-3`, `Opendata ${WORD} Three`, -3.17, 51.47),
        feature(`${WORD}-4`, '', -3.17, 200),
      ),
    );
    await withPage(browser, 'data-import-rejected', async (page) => {
      await signIn(page, account('admin'));
      await open(page, '#/data');
      await page.getByTestId('import-form').waitFor();
      await page.getByTestId('import-file').setInputFiles(file);
      assert.equal(await page.getByTestId('import-skip-invalid').isChecked(), false);
      const refused = await submitImport(page);
      assert.match(refused, /Nothing was written/);
      const rows = page.getByTestId('rejected-row');
      assert.ok((await rows.count()) >= 1, 'no rejected row listed');
      const text = (await rows.allTextContents()).join(' | ');
      assert.match(text, /name|lat|geometry|coordinates/i);
      assert.match(await page.getByTestId('import-status').textContent(), /nothing was imported/);
    });
  });

  test('an admin imports a network spreadsheet through its YAML mapping', async () => {
    const csv = path.join(dir, `adherents-${WORD}.csv`);
    await writeFile(
      csv,
      'N° adhérent;Nom de la structure;Ville;Statut juridique\n' +
        `${WORD}-a;Scop ${WORD} Alpha;Toulouse;SCOP\n` +
        `${WORD}-b;Asso ${WORD} Beta;Albi;Association loi 1901\n`,
    );
    const mapping = path.join(dir, `reseau-${WORD}.yaml`);
    await writeFile(
      mapping,
      [
        `source: {name: reseau-${WORD}}`,
        'csv: {delimiter: ";"}',
        'id: {column: N° adhérent, scheme: reseau-browser}',
        'fields:',
        '  name: Nom de la structure',
        '  address.locality: Ville',
        '  address.country: {value: FR}',
        '  structures: {column: Statut juridique, map: {SCOP: OS60, Association loi 1901: OS20}}',
        '',
      ].join('\n'),
    );
    await withPage(browser, 'data-import-csv-mapping', async (page) => {
      await signIn(page, account('admin'));
      await open(page, '#/data');
      await page.getByTestId('import-form').waitFor();
      assert.equal(await page.getByTestId('import-mapping').isVisible(), false);
      await page.getByTestId('import-format').selectOption('csv');
      await page.getByTestId('import-mapping').waitFor({ state: 'visible' });
      await page.getByTestId('import-file').setInputFiles(csv);
      assert.equal(await page.getByTestId('import-format').inputValue(), 'csv');

      // Without its mapping the spreadsheet is not sent.
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-mapping-error').waitFor({ state: 'visible' });

      await page.getByTestId('import-mapping').setInputFiles(mapping);
      const written = await submitImport(page);
      assert.match(written, /written to the registry/);
      assert.equal(await count(page, 'report-imported'), '2');
      assert.equal(await count(page, 'report-rejected'), '0');
      const deadline = Date.now() + 20_000;
      let found = await publicSearch(`Alpha ${WORD}`);
      while (found.length < 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        found = await publicSearch(`Alpha ${WORD}`);
      }
      assert.equal(found.length, 1);
      const actor = await (await fetch(`${baseUrl()}/api/v1/actors/${found[0].id}`)).json();
      assert.deepEqual(actor.structures, ['OS60']);
      assert.equal(actor.identifiers['reseau-browser'], `${WORD}-a`);
    });
  });

  test('anyone downloads the exports; the GeoJSON one is a FeatureCollection', async () => {
    await withPage(browser, 'data-export-anonymous', async (page) => {
      await open(page, '#/data');
      const items = page.getByTestId('export-format');
      await items.first().waitFor();
      assert.deepEqual(
        await items.evaluateAll((lis) => lis.map((li) => li.dataset.format)),
        EXPORT_FORMATS,
      );
      assert.match(await page.getByTestId('export-note').textContent(), /only public actors/);
      await page.getByTestId('signin-required').waitFor();
      assert.equal(await page.getByTestId('import-form').count(), 0);

      const href = await page.getByTestId('export-geojson').getAttribute('href');
      assert.equal(href, '/api/v1/export?format=geojson');
      const response = await fetch(`${baseUrl()}${href}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-disposition') ?? '', /ecosol\.geojson/);
      const body = await response.json();
      assert.equal(body.type, 'FeatureCollection');
      assert.ok(Array.isArray(body.features) && body.features.length > 0, 'no feature exported');
      assert.ok(body.features.every((f) => f.type === 'Feature'));
    });
  });
});
