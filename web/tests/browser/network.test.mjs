// The ecosystem's network: anyone opens the network view from the navigation and finds the graph
// drawn with WebGL, the demo's Québec actors in the table of measures, figures that follow a
// filter by relationship type, and an actor's measures when choosing it in the table. A large
// network (a synthetic one of 6,000 actors, answered in the page) is drawn by levels of detail: an
// overview of its communities zoomed out, its actors zoomed in.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { syntheticNetwork } from '../../bench/network_fps.mjs';
import { baseUrl, launchBrowser, open, withPage } from './helpers.mjs';

/** Waits until the network page shows the outcome of its last request. */
async function waitForNetwork(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="network-page"]');
    const rows = document.querySelectorAll('[data-testid="network-row"]').length;
    const status = document.querySelector('[data-testid="network-status"]')?.textContent ?? '';
    return section && !section.hasAttribute('aria-busy') && (rows > 0 || status.length > 0);
  });
  const error = page.getByTestId('error-message');
  if ((await error.count()) > 0) {
    assert.fail(`the page failed: ${await error.first().textContent()}`);
  }
}

/** The metrics as the reader's browser gets them (with its session, if any). */
function metrics(page, query = '') {
  return page.evaluate(async (q) => {
    const response = await fetch(`/api/v1/ecosystem/metrics${q}`);
    return { status: response.status, body: await response.json() };
  }, query);
}

async function summaryFigure(page, testId) {
  return (await page.getByTestId(testId).textContent()).trim();
}

/**
 * How many pixels of the graph's area differ from its background: the page's own screenshot of
 * it, read back through a 2D canvas (WebGL canvases are cleared once shown).
 */
async function drawnPixels(page) {
  const png = await page.getByTestId('network-graph').screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r, g, b] = [
      data[4 * (image.width + 1)],
      data[4 * (image.width + 1) + 1],
      data[4 * (image.width + 1) + 2],
    ];
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30)
        differ++;
    }
    return differ;
  }, png.toString('base64'));
}

/**
 * A network of fewer than 3,000 actors is drawn whole, without a note on the level of detail; a
 * larger one (the demo registry has about 7,400 actors, most without ties) starts at the overview
 * of its communities, with the note saying so.
 */
async function checkLevel(page, body) {
  const graph = page.getByTestId('network-graph');
  const note = page.getByTestId('network-level');
  if (body.nodes.length < 3_000) {
    assert.equal(await graph.getAttribute('data-level'), 'all');
    assert.equal(await graph.getAttribute('data-drawn-nodes'), String(body.nodes.length));
    assert.ok(await note.isHidden());
    return;
  }
  assert.equal(await graph.getAttribute('data-level'), 'overview');
  const communities = new Set(body.nodes.map((n) => n.community)).size;
  const drawn = Number(await graph.getAttribute('data-drawn-nodes'));
  assert.equal(drawn, Math.min(1_000, communities));
  const nf = new Intl.NumberFormat('en');
  assert.match(
    (await note.textContent()).trim(),
    new RegExp(
      `^Overview: (the ${nf.format(drawn)} largest of )?${nf.format(communities)} communities ` +
        `of ${nf.format(body.nodes.length)} actors`,
    ),
  );
}

describe('ecosystem network', () => {
  let browser;
  before(async () => {
    baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the graph is drawn and the table lists the demo actors with their measures', async () => {
    await withPage(browser, 'network-view', async (page) => {
      await open(page, '#/map');
      await page.getByTestId('nav-network').click();
      await page.waitForFunction(() => location.hash.startsWith('#/network'));
      await waitForNetwork(page);
      const all = await metrics(page, '?lang=en');
      assert.equal(all.status, 200, JSON.stringify(all.body));
      assert.ok(all.body.nodes.length > 0, 'the demo network has actors');
      const nf = new Intl.NumberFormat('en');
      assert.equal(
        await summaryFigure(page, 'network-summary-nodes'),
        nf.format(all.body.summary.nodes),
      );
      assert.ok((await page.getByTestId('network-stage').textContent()).trim().length > 0);
      assert.equal(
        (await page.getByTestId('network-weaving-reason').textContent()).trim(),
        all.body.weaving.reason,
      );

      // Sigma's canvases, the layout done, and something drawn on them.
      const graph = page.getByTestId('network-graph');
      assert.ok((await graph.locator('canvas').count()) > 0, 'the graph has canvases');
      await page.waitForSelector('[data-testid="network-graph"][data-layout="done"]');
      assert.ok((await drawnPixels(page)) > 200, 'nodes and edges are drawn');
      assert.ok((await page.getByTestId('legend-entry').count()) > 0, 'the legend has colours');
      await checkLevel(page, all.body);

      const table = page.getByTestId('network-table');
      const names = (await table.getByTestId('network-select').allTextContents()).join(' | ');
      assert.match(names, /TIESS|Chantier/);
    });
  });

  test('filtering by a relationship type changes the figures', async () => {
    await withPage(browser, 'network-filter', async (page) => {
      await open(page, '#/network');
      await waitForNetwork(page);
      const all = (await metrics(page, '?lang=en')).body;
      const funds = await metrics(page, '?type=funds&lang=en');
      assert.equal(funds.status, 200, JSON.stringify(funds.body));
      assert.ok(funds.body.summary.edges > 0, 'the demo has funding ties');
      assert.ok(funds.body.summary.edges < all.summary.edges, 'funding is some of the ties');

      await page.getByTestId('network-type-funds').check();
      await page.getByTestId('network-apply').click();
      await page.waitForFunction(() => location.hash.includes('type=funds'));
      await waitForNetwork(page);
      const nf = new Intl.NumberFormat('en');
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="network-summary-edges"]')?.textContent?.trim() ===
          expected,
        nf.format(funds.body.summary.edges),
      );
      assert.equal(
        await summaryFigure(page, 'network-summary-nodes'),
        nf.format(funds.body.summary.nodes),
      );
      assert.equal(
        await page.getByTestId('network-row').count(),
        Math.min(50, funds.body.nodes.length),
      );
      assert.ok(await page.getByTestId('network-type-funds').isChecked());
      await page.waitForSelector('[data-testid="network-graph"][data-layout="done"]');
      await checkLevel(page, funds.body);
    });
  });

  test('choosing an actor in the table shows its measures', async () => {
    await withPage(browser, 'network-select', async (page) => {
      await open(page, '#/network');
      await waitForNetwork(page);
      const all = (await metrics(page, '?lang=en')).body;
      const row = page
        .getByTestId('network-row')
        .filter({ has: page.getByRole('button', { name: /TIESS|Chantier/ }) })
        .first();
      const id = await row.getAttribute('data-id');
      const node = all.nodes.find((n) => n.id === id);
      assert.ok(node, `the table's ${id} is a node of the network`);
      await row.getByTestId('network-select').click();

      const details = page.getByTestId('network-details');
      assert.equal(
        (await details.getByTestId('network-node-name').textContent()).trim(),
        node.name,
      );
      assert.equal(
        await details.getByTestId('network-node-name').getAttribute('href'),
        `#/actors/${encodeURIComponent(id)}`,
      );
      const nf = new Intl.NumberFormat('en');
      assert.equal(
        (await details.getByTestId('measure-in-degree').textContent()).trim(),
        nf.format(node.in_degree),
      );
      assert.equal(
        (await details.getByTestId('measure-out-degree').textContent()).trim(),
        nf.format(node.out_degree),
      );
      const neighbours = new Set(
        all.edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : [])),
      );
      assert.equal(
        await details.getByTestId('network-neighbours').locator('li').count(),
        Math.min(20, neighbours.size),
      );
      assert.ok(await row.evaluate((tr) => tr.classList.contains('selected')));

      // Sorting by name puts the actors in alphabetical order.
      await page.getByTestId('network-sort-name').click();
      const sorted = await page.getByTestId('network-select').allTextContents();
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      assert.deepEqual(sorted, [...sorted].sort(collator.compare));
    });
  });

  test('a large network shows its communities zoomed out and its actors zoomed in', async () => {
    await withPage(browser, 'network-levels', async (page) => {
      const network = syntheticNetwork(6_000, 12_000, 7);
      await page.route('**/api/v1/ecosystem/metrics**', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify(network),
        }),
      );
      // What the overview must draw, counted here from the answer.
      const communityOf = new Map(network.nodes.map((n) => [n.id, n.community]));
      const communities = new Set(communityOf.values()).size;
      const pairs = new Set(
        network.edges.flatMap((e) => {
          const a = communityOf.get(e.from);
          const b = communityOf.get(e.to);
          return a === b ? [] : [`${Math.min(a, b)} ${Math.max(a, b)}`];
        }),
      ).size;
      assert.ok(communities > 1 && communities <= 1_000 && pairs > 0 && pairs <= 2_000);

      await open(page, '#/network');
      await waitForNetwork(page);
      const graph = page.getByTestId('network-graph');
      await page.waitForSelector('[data-testid="network-graph"][data-layout="done"]', {
        timeout: 120_000,
      });
      assert.equal(await graph.getAttribute('data-level'), 'overview');
      assert.equal(await graph.getAttribute('data-drawn-nodes'), String(communities));
      assert.equal(await graph.getAttribute('data-drawn-edges'), String(pairs));
      const note = page.getByTestId('network-level');
      assert.equal(
        (await note.textContent()).trim().split('. ')[0],
        `Overview: ${communities} communities of 6,000 actors, one circle each, sized by its actors; ` +
          'a line joins communities with ties between them',
      );
      assert.ok((await drawnPixels(page)) > 200, 'the communities are drawn');

      // Zoomed in with the page's button, actors are drawn once the camera stops: each press
      // zooms 1.5 times from where an ongoing zoom is, so press until they are (at most 10).
      const actorsShown = '[data-testid="network-graph"][data-level="actors"]';
      for (let k = 0; k < 10; k++) {
        await page.getByTestId('network-zoomIn').click();
        const shown = await page
          .waitForSelector(actorsShown, { timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (shown) break;
      }
      await page.waitForSelector(actorsShown);
      const drawn = Number(await graph.getAttribute('data-drawn-nodes'));
      const ties = Number(await graph.getAttribute('data-drawn-edges'));
      assert.ok(drawn > 0 && drawn <= 1_000, `${drawn} actors drawn, at most 1,000`);
      assert.ok(drawn < 6_000, 'not every actor');
      assert.ok(ties <= 2_000, `${ties} ties drawn, at most 2,000`);
      assert.match(
        (await note.textContent()).trim(),
        /^Actors: (the )?[\d,]+ (largest of [\d,]+ )?in or near the view, of 6,000, with [\d,]+ ties among them\./,
      );
      assert.equal(await note.getAttribute('data-level'), 'actors');

      // Choosing an actor in the table keeps the actors drawn and shows its measures.
      const first = page.getByTestId('network-select').first();
      const name = (await first.textContent()).trim();
      await first.click();
      assert.equal((await page.getByTestId('network-node-name').textContent()).trim(), name);
      await page.waitForSelector('[data-testid="network-graph"][data-level="actors"]');

      // The whole network again: the overview.
      await page.getByTestId('network-zoomReset').click();
      await page.waitForSelector('[data-testid="network-graph"][data-level="overview"]');
      assert.equal(await graph.getAttribute('data-drawn-nodes'), String(communities));
    });
  });

  test('a network under 3,000 actors is drawn whole', async () => {
    await withPage(browser, 'network-small', async (page) => {
      const network = syntheticNetwork(300, 600, 3);
      await page.route('**/api/v1/ecosystem/metrics**', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify(network),
        }),
      );
      await open(page, '#/network');
      await waitForNetwork(page);
      await page.waitForSelector('[data-testid="network-graph"][data-layout="done"]');
      await checkLevel(page, network);
      const graph = page.getByTestId('network-graph');
      assert.equal(await graph.getAttribute('data-drawn-edges'), '600');
      // Zooming in changes nothing: every actor stays drawn.
      for (let k = 0; k < 4; k++) await page.getByTestId('network-zoomIn').click();
      await page.waitForTimeout(500);
      assert.equal(await graph.getAttribute('data-level'), 'all');
      assert.equal(await graph.getAttribute('data-drawn-nodes'), '300');
    });
  });
});
