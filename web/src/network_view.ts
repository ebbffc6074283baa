// The network drawn with WebGL (sigma over a graphology graph). The page loads this module on
// demand, so the other pages do not carry sigma. Built for 50,000 actors: after the first draw
// the main thread only runs sigma's own rendering; the layout runs in a worker for a bounded
// number of iterations; labels are drawn only for nodes drawn large enough at the current zoom;
// with many edges, labels are hidden while the camera moves, and edges too when the browser
// draws WebGL in software.
//
// The container's data-layout attribute says where the layout is ("running", then "done").

import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import {
  colouring,
  fillGraph,
  FADED_COLOUR,
  hideEdgesWhileMoving,
  layoutIterations,
  sizer,
  type ColourBy,
  type NetworkMetrics,
  type SizeBy,
} from './network';
import type { LayoutProgress, LayoutRequest } from './network_layout.worker';

/** Above this many edges, edges are thin lines and labels vanish while panning or zooming. */
const MANY_EDGES = 20_000;
/** Above this many nodes, only the nodes drawn at least this large get a label. */
const LABEL_THRESHOLDS: [number, number][] = [
  [10_000, 12],
  [1_000, 9],
  [0, 6],
];
/** With a large graph, one redraw at the end of the layout instead of a redraw per step. */
const STEPWISE_LAYOUT_MAX_NODES = 5_000;
/** The layout stops after this long, whatever its iterations left. */
const LAYOUT_BUDGET_MS = 15_000;

let renderer: string | null | undefined;

/** The browser's WebGL renderer ("ANGLE (..., SwiftShader ...)"), asked once; null if unknown. */
function webglRenderer(): string | null {
  if (renderer !== undefined) return renderer;
  renderer = null;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
      renderer = typeof name === 'string' ? name : null;
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    renderer = null;
  }
  return renderer;
}

export class NetworkView {
  private readonly graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
  private readonly sigma: Sigma;
  private worker: Worker | null = null;
  private selected: string | null = null;
  private neighbours = new Set<string>();
  private layoutStarted = 0;

  /** Throws when the browser has no WebGL (the page then shows the table alone). */
  constructor(
    private readonly container: HTMLElement,
    private readonly data: NetworkMetrics,
    colourBy: ColourBy,
    sizeBy: SizeBy,
    onSelect: (id: string | null) => void,
  ) {
    const started = performance.now();
    fillGraph(this.graph, data, colourBy, sizeBy);
    performance.measure('network:graph', { start: started });
    const many = this.graph.size > MANY_EDGES;
    const threshold = LABEL_THRESHOLDS.find(([n]) => this.graph.order >= n)?.[1] ?? 6;
    this.sigma = new Sigma(this.graph, container, {
      defaultEdgeType: many ? 'line' : 'arrow',
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
      defaultEdgeColor: '#b8b8b8',
      hideEdgesOnMove: hideEdgesWhileMoving(webglRenderer(), this.graph.size),
      hideLabelsOnMove: many,
      labelRenderedSizeThreshold: threshold,
      labelDensity: 0.5,
      enableEdgeEvents: false,
      renderEdgeLabels: false,
      // No zIndex: sorting 150,000 edges on every refresh; the chosen actor is drawn highlighted.
      zIndex: false,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      nodeReducer: (node, attributes) => this.nodeDisplay(node, attributes),
      edgeReducer: (edge, attributes) => this.edgeDisplay(edge, attributes),
    });
    this.sigma.on('clickNode', ({ node }) => onSelect(node));
    this.sigma.on('clickStage', () => onSelect(null));
    this.startLayout();
  }

  setColourBy(by: ColourBy): void {
    const { colourOf } = colouring(this.data.nodes, by);
    const byId = new Map(this.data.nodes.map((node) => [node.id, colourOf(node)]));
    this.graph.updateEachNodeAttributes(
      (id, attributes) => ({ ...attributes, color: byId.get(id) ?? attributes.color }),
      { attributes: ['color'] },
    );
  }

  setSizeBy(by: SizeBy): void {
    const sizeOf = sizer(this.data.nodes, by);
    const byId = new Map(this.data.nodes.map((node) => [node.id, sizeOf(node)]));
    this.graph.updateEachNodeAttributes(
      (id, attributes) => ({ ...attributes, size: byId.get(id) ?? attributes.size }),
      { attributes: ['size'] },
    );
  }

  /** Highlights an actor and its neighbours (null: none), and brings it into view. */
  select(id: string | null): void {
    const known = id !== null && this.graph.hasNode(id);
    this.selected = known ? id : null;
    this.neighbours = known ? new Set(this.graph.neighbors(id)) : new Set();
    this.sigma.refresh();
    if (!known) return;
    const position = this.sigma.getNodeDisplayData(id);
    if (position) {
      void this.sigma.getCamera().animate({ x: position.x, y: position.y }, { duration: 300 });
    }
  }

  /** The actors tied to `id` either way. */
  neighbourIds(id: string): string[] {
    return this.graph.hasNode(id) ? this.graph.neighbors(id) : [];
  }

  zoom(factor: number): void {
    const camera = this.sigma.getCamera();
    void (factor > 1 ? camera.animatedZoom(factor) : camera.animatedUnzoom(1 / factor));
  }

  resetCamera(): void {
    void this.sigma.getCamera().animatedReset();
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sigma.kill();
  }

  private nodeDisplay(node: string, attributes: object): Partial<NodeDisplayData> {
    if (this.selected === null) return attributes;
    if (node === this.selected) return { ...attributes, highlighted: true };
    if (this.neighbours.has(node)) return attributes;
    return { ...attributes, color: FADED_COLOUR, label: null };
  }

  private edgeDisplay(edge: string, attributes: object): Partial<EdgeDisplayData> {
    if (this.selected === null) return attributes;
    const [source, target] = this.graph.extremities(edge);
    if (source === this.selected || target === this.selected) {
      return { ...attributes, color: '#555555', size: 2 };
    }
    return { ...attributes, hidden: true };
  }

  /** ForceAtlas2 in a worker, from the first layout; positions come back as typed arrays. */
  private startLayout(): void {
    const n = this.graph.order;
    if (n < 3 || typeof Worker === 'undefined') {
      this.container.dataset.layout = 'done';
      return;
    }
    this.container.dataset.layout = 'running';
    this.layoutStarted = performance.now();
    const index = new Map<string, number>();
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    let i = 0;
    this.graph.forEachNode((node, attributes) => {
      index.set(node, i);
      x[i] = attributes.x as number;
      y[i] = attributes.y as number;
      i++;
    });
    const m = this.graph.size;
    const sources = new Uint32Array(m);
    const targets = new Uint32Array(m);
    const weights = new Float32Array(m);
    let e = 0;
    this.graph.forEachEdge((_, attributes, source, target) => {
      sources[e] = index.get(source) ?? 0;
      targets[e] = index.get(target) ?? 0;
      weights[e] = (attributes.weight as number) || 1;
      e++;
    });
    const iterations = layoutIterations(n, m);
    const request: LayoutRequest = {
      x,
      y,
      sources,
      targets,
      weights,
      iterations,
      postEvery: n > STEPWISE_LAYOUT_MAX_NODES ? iterations : 10,
      budgetMs: LAYOUT_BUDGET_MS,
    };
    const worker = new Worker(new URL('./network_layout.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<LayoutProgress>) => this.applyLayout(event.data);
    worker.onerror = () => {
      this.container.dataset.layout = 'done';
      worker.terminate();
    };
    worker.postMessage(request, [
      x.buffer,
      y.buffer,
      sources.buffer,
      targets.buffer,
      weights.buffer,
    ]);
  }

  private applyLayout(progress: LayoutProgress): void {
    let i = 0;
    this.graph.updateEachNodeAttributes(
      (_, attributes) => {
        attributes.x = progress.x[i] ?? attributes.x;
        attributes.y = progress.y[i] ?? attributes.y;
        i++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    if (!progress.done) return;
    performance.measure('network:layout', { start: this.layoutStarted });
    this.container.dataset.layout = 'done';
    this.worker?.terminate();
    this.worker = null;
  }
}
