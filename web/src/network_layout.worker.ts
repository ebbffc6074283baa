// The network view's layout, off the main thread: a bounded number of ForceAtlas2 iterations from
// the first (circular by community) positions. Vite bundles this file as a worker script of this
// origin: the library's own worker is made from a blob: URL, which the server's
// Content-Security-Policy (script-src 'self') refuses.
//
// In:  LayoutRequest (positions and edges as typed arrays, transferred).
// Out: LayoutProgress messages (positions so far), the last with done = true.

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  x: Float32Array;
  y: Float32Array;
  /** Edge ends as node indexes. */
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  iterations: number;
  /** Iterations between two progress messages (each costs the page a redraw of every node). */
  postEvery: number;
  /** Stop early after this long, whatever the iterations left. */
  budgetMs: number;
}

export interface LayoutProgress {
  x: Float32Array;
  y: Float32Array;
  iterations: number;
  done: boolean;
}

/** Iterations between two looks at the clock. */
const CHUNK = 5;

function buildGraph(request: LayoutRequest): Graph {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (let i = 0; i < request.x.length; i++) {
    graph.addNode(i, { x: request.x[i], y: request.y[i] });
  }
  for (let e = 0; e < request.sources.length; e++) {
    graph.addEdge(request.sources[e], request.targets[e], { weight: request.weights[e] || 1 });
  }
  return graph;
}

function positions(graph: Graph, n: number): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  let i = 0;
  graph.forEachNode((_, attributes) => {
    x[i] = attributes.x as number;
    y[i] = attributes.y as number;
    i++;
  });
  return { x, y };
}

function run(request: LayoutRequest): void {
  const started = performance.now();
  const graph = buildGraph(request);
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    // Hubs push their spokes out rather than pulling everything in: readable stars.
    outboundAttractionDistribution: true,
  };
  let done = 0;
  if (request.iterations <= 0) {
    const { x, y } = positions(graph, request.x.length);
    postMessage({ x, y, iterations: 0, done: true } satisfies LayoutProgress);
    return;
  }
  let posted = 0;
  while (done < request.iterations) {
    const step = Math.min(CHUNK, request.iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: 'weight' });
    done += step;
    const last = done >= request.iterations || performance.now() - started > request.budgetMs;
    if (!last && done - posted < request.postEvery) continue;
    posted = done;
    const { x, y } = positions(graph, request.x.length);
    const message: LayoutProgress = { x, y, iterations: done, done: last };
    postMessage(message, { transfer: [x.buffer, y.buffer] });
    if (last) return;
  }
}

addEventListener('message', (event: MessageEvent<LayoutRequest>) => run(event.data));
