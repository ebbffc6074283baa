// Benchmark of the network view (#/network): frames per second while panning and zooming a
// synthetic network of 50,000 actors and 150,000 relationships, in Debian's headless Chromium
// (software WebGL: SwiftShader). Run on purpose, not by the tests:
//
//   npm run build && node bench/network_fps.mjs [--nodes 50000] [--edges 150000] [--seconds 6]
//
// It serves web/dist itself (or uses ECOSOL_BASE_URL when set) and answers every /api/v1 request
// in the page (page.route): the metrics endpoint with the synthetic network, the rest with
// little. Figures: time to the first draw and to the end of the layout, then frames per second,
// the longest frame and the 95th percentile of frame times while the camera moves, in three
// phases: "mixed" (drags and five wheel turns each way, as in the first runs: the camera goes
// from the whole network to far in and back), "overview" (drags and one wheel turn each way, at
// the whole network) and "actors" (the same after zooming in with the page's button until the
// actors are drawn, then choosing the table's first actor, which the view centres). Each phase says which levels of detail its frames showed (data-level).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/browser/helpers.mjs';

/* global window, document, performance, requestAnimationFrame, console, process, URL */
/* eslint-disable no-console -- a benchmark prints its figures */

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(here, '../dist');

const { values: options } = parseArgs({
  options: {
    nodes: { type: 'string', default: '50000' },
    edges: { type: 'string', default: '150000' },
    seconds: { type: 'string', default: '6' },
    headed: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
  },
});

/** A seeded generator (mulberry32), so that every run draws the same network. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['member_of', 'partner_of', 'funds', 'supplies', 'federated_in', 'supports'];
const GROUPS = ['cooperative', 'association', 'network', 'funder', 'university', 'public_body'];

/**
 * Communities of power-law sizes; most ties inside a community, towards its earlier (hub) actors,
 * a few across: the shape of a real ecosystem, with hubs, at the size asked for.
 */
export function syntheticNetwork(n, m, seed = 42) {
  const rand = random(seed);
  const communityOf = new Int32Array(n);
  const starts = [];
  for (let i = 0, c = 0; i < n; c++) {
    const size = Math.max(5, Math.floor(2000 / (c + 1) ** 0.9));
    starts.push(i);
    for (let k = 0; k < size && i < n; k++, i++) communityOf[i] = c;
  }
  starts.push(n);
  const degree = new Int32Array(n);
  const edges = [];
  for (let e = 0; e < m; e++) {
    const from = Math.floor(rand() * n);
    const c = communityOf[from];
    let to;
    if (rand() < 0.9) {
      const lo = starts[c];
      const span = starts[c + 1] - lo;
      to = lo + Math.floor(span * rand() ** 3);
    } else {
      to = Math.floor(n * rand() ** 2);
    }
    if (to === from) to = (to + 1) % n;
    degree[from]++;
    degree[to]++;
    edges.push({
      from: `a${from}`,
      to: `a${to}`,
      type: TYPES[Math.floor(rand() * TYPES.length)],
      weight: Math.round(rand() * 100) / 100 || 1,
    });
  }
  const total = 2 * m;
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    group: GROUPS[i % GROUPS.length],
    territory: 'CA/QC',
    kind: 'organisation',
    in_degree: Math.floor(degree[i] / 2),
    out_degree: degree[i] - Math.floor(degree[i] / 2),
    degree: degree[i],
    strength: degree[i] * 0.6,
    closeness: rand(),
    betweenness: degree[i] * degree[i] * rand(),
    pagerank: degree[i] / total,
    two_step_reach: Math.min(n, degree[i] * 8),
    component: 0,
    community: communityOf[i],
    communities: [communityOf[i]],
    constraint: degree[i] ? 1 / degree[i] : null,
    effective_size: degree[i] ? degree[i] * 0.8 : null,
    brokerage: {
      coordinator: 0,
      itinerant: 0,
      gatekeeper: 0,
      representative: 0,
      liaison: 0,
      total: 0,
    },
  }));
  return {
    filter: { territory: '', types: [], as_of: '', with_partners: false },
    summary: {
      nodes: n,
      edges: m,
      directed: true,
      density: m / (n * (n - 1)),
      components: 1,
      largest_component: n,
      communities: starts.length - 1,
      modularity: 0.8,
      overlapping_communities: 0,
      betweenness: { method: 'sampled', samples: 256, relative_error: 0.05 },
    },
    weaving: {
      stage: 'multi_hub',
      reason_code: 'synthetic',
      reason: 'A synthetic network for the benchmark.',
      figures: {},
    },
    nodes,
    edges,
  };
}

const TYPES_OF = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves web/dist (the API is answered in the page, never reaches this server). */
function serveDist() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(DIST, url.pathname === '/' ? 'index.html' : url.pathname);
    const info = file.startsWith(DIST) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES_OF[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function routeApi(page, body) {
  await page.route('**/api/v1/**', (route) => {
    const url = new URL(route.request().url());
    const json = (status, value) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(value) });
    if (url.pathname.endsWith('/ecosystem/metrics')) {
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    if (url.pathname.endsWith('/territories')) return json(200, { items: [] });
    if (url.pathname.endsWith('/config')) return json(200, {});
    return json(401, { error: { code: 'unauthenticated', message: 'not signed in' } });
  });
}

/** Records every animation frame's time in the page, and the level drawn, until stopped. */
function startFrameClock(page) {
  return page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__levels = {};
    w.__recording = true;
    const graph = document.querySelector('[data-testid="network-graph"]');
    const tick = (time) => {
      w.__frames.push(time);
      const level = graph?.dataset.level ?? '?';
      w.__levels[level] = (w.__levels[level] ?? 0) + 1;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameClock(page) {
  return page.evaluate(() => {
    window.__recording = false;
    return { times: window.__frames, levels: window.__levels };
  });
}

function frameFigures({ times: all, levels }) {
  // A frame the browser skips can call requestAnimationFrame twice with one timestamp: counted once.
  const times = all.filter((t, i) => i === 0 || t !== all[i - 1]);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const seconds = (times.at(-1) - times[0]) / 1000;
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    frames: gaps.length,
    fps: gaps.length / seconds,
    longest: sorted.at(-1),
    p95: sorted[Math.floor(sorted.length * 0.95)],
    median: sorted[Math.floor(sorted.length / 2)],
    levels: Object.entries(levels)
      .map(([level, count]) => `${level} ${count}`)
      .join(', '),
  };
}

/** Drags across the graph and turns the wheel `turns` times, alternately, for `seconds`. */
async function panAndZoom(page, box, seconds, turns = 5) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = Date.now() + seconds * 1000;
  let round = 0;
  while (Date.now() < end) {
    const dx = round % 2 ? -160 : 160;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 15; s++) await page.mouse.move(cx + (dx * s) / 15, cy + (dx * s) / 30);
    await page.mouse.up();
    for (let s = 0; s < turns; s++) {
      await page.mouse.wheel(0, round % 4 < 2 ? -120 : 120);
      await page.waitForTimeout(40);
    }
    round++;
  }
}

async function main() {
  const n = Number(options.nodes);
  const m = Number(options.edges);
  const seconds = Number(options.seconds);
  const body = JSON.stringify(syntheticNetwork(n, m));
  const server = process.env.ECOSOL_BASE_URL ? null : await serveDist();
  const base = process.env.ECOSOL_BASE_URL ?? `http://127.0.0.1:${server.address().port}`;
  const args = options.headed ? CHROMIUM_ARGS.filter((a) => a !== '--headless') : CHROMIUM_ARGS;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await routeApi(page, body);
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'no WebGL';
    });
    const started = Date.now();
    await page.goto(`${base}/#/network`);
    const graph = page.getByTestId('network-graph');
    await graph.locator('canvas').first().waitFor({ timeout: 120_000 });
    const firstDraw = Date.now() - started;
    await page.waitForSelector('[data-testid="network-graph"][data-layout="done"]', {
      timeout: 300_000,
    });
    const layoutDone = Date.now() - started;
    const phases = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('network:'))
        .map((m) => `${m.name.slice(8)} ${Math.round(m.duration)} ms`)
        .join(', '),
    );
    await graph.scrollIntoViewIfNeeded();
    const box = await graph.boundingBox();
    await page.waitForTimeout(500);
    await startFrameClock(page);
    await page.waitForTimeout(2000);
    const idle = frameFigures(await stopFrameClock(page));
    const cdp = process.env.NETWORK_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await startFrameClock(page);
    await panAndZoom(page, box, seconds);
    const moving = frameFigures(await stopFrameClock(page));
    // Back to the whole network, then drags at the overview.
    await page.getByTestId('network-zoomReset').click();
    await page.waitForTimeout(1000);
    const overviewDrawn = `${await graph.getAttribute('data-drawn-nodes')} communities and ${await graph.getAttribute('data-drawn-edges')} lines drawn`;
    await startFrameClock(page);
    await panAndZoom(page, box, seconds, 1);
    const overview = frameFigures(await stopFrameClock(page));
    // Zoomed in until actors are drawn (at most 12 presses of the page's button).
    await page.getByTestId('network-zoomReset').click();
    await page.waitForTimeout(1000);
    for (let k = 0; k < 12; k++) {
      const level = await graph.getAttribute('data-level');
      if (level === 'actors' || level === 'all') break;
      await page.getByTestId('network-zoomIn').click();
      await page.waitForTimeout(500);
    }
    // Then the table's first actor (the most central), which the view zooms to.
    await page.getByTestId('network-select').first().click();
    await page.waitForTimeout(1500);
    // The click scrolled the table into view: the graph back, where the mouse moves.
    await graph.scrollIntoViewIfNeeded();
    const zoomedBox = await graph.boundingBox();
    await page.waitForTimeout(500);
    const drawn = `${await graph.getAttribute('data-drawn-nodes')} actors and ${await graph.getAttribute('data-drawn-edges')} ties drawn`;
    await startFrameClock(page);
    await panAndZoom(page, zoomedBox, seconds, 1);
    const actors = frameFigures(await stopFrameClock(page));
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map();
      const dt = profile.timeDeltas ?? [];
      const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
      (profile.samples ?? []).forEach((id, i) => {
        const f = byId.get(id).callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
      for (const [k, v] of top) console.log(`  ${v.toFixed(0)} ms ${k}`);
    }
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    const f = (x) => x.toFixed(1);
    console.log(`network view benchmark, ${new Date().toISOString()}`);
    console.log(
      `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map(f).join(' ')}`,
    );
    console.log(`browser: ${browser.version()} headless, WebGL renderer: ${renderer}`);
    console.log(
      `graph: ${n} nodes, ${m} edges (${(body.length / 2 ** 20).toFixed(1)} MiB of JSON)`,
    );
    console.log(`first draw after ${firstDraw} ms; layout done after ${layoutDone} ms`);
    console.log(`phases: ${phases}`);
    console.log(`idle: ${f(idle.fps)} fps, longest frame ${f(idle.longest)} ms`);
    const report = (name, m) =>
      console.log(
        `${name} for ${seconds} s: ${f(m.fps)} fps over ${m.frames} frames, ` +
          `median frame ${f(m.median)} ms, 95th percentile ${f(m.p95)} ms, ` +
          `longest ${f(m.longest)} ms; frames by level: ${m.levels}`,
      );
    report('mixed (drags, 5 wheel turns each way)', moving);
    report(`overview (${overviewDrawn}; drags, 1 wheel turn each way)`, overview);
    report(
      `actors (zoomed in on the table's first actor, ${drawn}; drags, 1 wheel turn each way)`,
      actors,
    );
  } finally {
    await browser.close();
    server?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
