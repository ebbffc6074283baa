// The network drawn with WebGL (sigma over a graphology graph). The page loads this module on
// demand, so the other pages do not carry sigma. Built for 50,000 actors: after the first draw
// the main thread only runs sigma's own rendering; the layout runs in a worker for a bounded
// number of iterations; labels are drawn only for nodes drawn large enough at the current zoom;
// with many edges, labels are hidden while the camera moves, and edges too when the browser
// draws WebGL in software.
//
// From LOD_MIN_NODES actors on, sigma does not draw the whole network but a small graph that
// stands for it (network_lod.ts), swapped in when the camera stops: zoomed out, one disc per
// community and one line per pair of communities with ties; zoomed in, the actors in or near the
// viewport and the ties among them, both bounded. A second graph swapped into sigma rather than
// reducers hiding nodes: with reducers sigma would still run them over all 50,000 actors and
// 150,000 ties at every change of the shown set, and keep them all in its buffers and label grid;
// with a small graph, sigma's own work per frame and per change follows what is drawn. The whole
// network then lives in typed arrays (no graphology graph of 50,000 actors on the main thread).
//
// The container's data-layout attribute says where the layout is ("running", then "done");
// data-level what is drawn ("all", "overview" or "actors"), data-drawn-nodes and
// data-drawn-edges how much.

import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { getLang, t } from './i18n/i18n';
import {
  colouring,
  communityLayout,
  fillGraph,
  FADED_COLOUR,
  hideEdgesWhileMoving,
  isSoftwareRenderer,
  layoutIterations,
  sizer,
  type ColourBy,
  type NetworkMetrics,
  type SizeBy,
} from './network';
import {
  aggregateCommunities,
  capOverview,
  communitySize,
  communityTies,
  DETAIL_EDGE_CAP,
  DETAIL_NODE_CAP,
  edgesAmong,
  extentOf,
  GridIndex,
  incidence,
  levelFor,
  lodThreshold,
  majorityColour,
  neighboursOf,
  selectVisible,
  usesLod,
  widen,
  zoomRatioFor,
  type Community,
  type CommunityTie,
  type Incidence,
  type Level,
  type Overview,
  type Rect,
} from './network_lod';
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

/** What sigma draws, for the page's note on the level. */
export interface LevelInfo {
  level: Level;
  /** Discs drawn: actors, or communities in the overview. */
  nodes: number;
  /** Lines drawn: ties, or pairs of communities in the overview. */
  edges: number;
  totalNodes: number;
  totalEdges: number;
  /** Communities of the whole network. */
  communities: number;
  /** Actors in or near the viewport (level "actors"). */
  inView: number;
}

/** The camera stops for this long before the shown level and actors are computed again. */
const SETTLE_MS = 150;
const COMMUNITY_PREFIX = 'community:';

/** The whole network of a large view, in arrays indexed as data.nodes and data.edges. */
interface Model {
  ids: string[];
  index: Map<string, number>;
  names: string[];
  community: Int32Array;
  x: Float32Array;
  y: Float32Array;
  size: Float32Array;
  colour: string[];
  from: Uint32Array;
  to: Uint32Array;
  weight: Float32Array;
  relation: string[];
  links: Incidence;
  /** Pairs of communities with ties, most first (positions do not change them). */
  ties: CommunityTie[];
}

function buildModel(data: NetworkMetrics, colourBy: ColourBy, sizeBy: SizeBy): Model {
  const n = data.nodes.length;
  const { colourOf } = colouring(data.nodes, colourBy);
  const sizeOf = sizer(data.nodes, sizeBy);
  const first = communityLayout(data.nodes);
  const index = new Map<string, number>();
  data.nodes.forEach((node, i) => index.set(node.id, i));
  const community = Int32Array.from(data.nodes, (node) => node.community);
  const edges = data.edges.filter((e) => index.has(e.from) && index.has(e.to));
  const from = Uint32Array.from(edges, (e) => index.get(e.from) ?? 0);
  const to = Uint32Array.from(edges, (e) => index.get(e.to) ?? 0);
  return {
    ids: data.nodes.map((node) => node.id),
    index,
    names: data.nodes.map((node) => node.name),
    community,
    x: Float32Array.from(first.x),
    y: Float32Array.from(first.y),
    size: Float32Array.from(data.nodes, sizeOf),
    colour: data.nodes.map(colourOf),
    from,
    to,
    weight: Float32Array.from(edges, (e) => e.weight || 1),
    relation: edges.map((e) => e.type),
    links: incidence(n, from, to),
    ties: communityTies(community, from, to),
  };
}

function newGraph(): Graph {
  return new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
}

export class NetworkView {
  /** The graph sigma draws: the whole network, or (large networks) what stands for it. */
  private graph = newGraph();
  private readonly sigma: Sigma;
  private worker: Worker | null = null;
  private selected: string | null = null;
  private neighbours = new Set<string>();
  private layoutStarted = 0;
  /** Large networks only. */
  private readonly model: Model | null = null;
  private grid: GridIndex | null = null;
  private communities: Community[] = [];
  private communityByKey = new Map<number, Community>();
  private extent: Rect = { minX: -1, minY: -1, maxX: 1, maxY: 1 };
  private readonly threshold: number = 1;
  private level: Level = 'all';
  /** The actors drawn at level "actors" (indexes), to skip a swap when they do not change. */
  private drawnNodes: number[] = [];
  private drawnEdges: number[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | null = null;

  /** Throws when the browser has no WebGL (the page then shows the table alone). */
  constructor(
    private readonly container: HTMLElement,
    private readonly data: NetworkMetrics,
    colourBy: ColourBy,
    sizeBy: SizeBy,
    private readonly onSelect: (id: string | null) => void,
    private readonly onLevel: (info: LevelInfo) => void = () => undefined,
  ) {
    const started = performance.now();
    const large = usesLod(data.nodes.length);
    if (large) {
      this.model = buildModel(data, colourBy, sizeBy);
      this.threshold = lodThreshold(data.nodes.length);
      this.positionsChanged();
      this.level = 'overview';
      this.graph = this.overviewGraph();
    } else {
      fillGraph(this.graph, data, colourBy, sizeBy);
    }
    performance.measure('network:graph', { start: started });
    const many = !large && this.graph.size > MANY_EDGES;
    const order = large ? DETAIL_NODE_CAP : this.graph.order;
    const threshold = LABEL_THRESHOLDS.find(([n]) => order >= n)?.[1] ?? 6;
    this.sigma = new Sigma(this.graph, container, {
      defaultEdgeType: many ? 'line' : 'arrow',
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
      defaultEdgeColor: '#b8b8b8',
      hideEdgesOnMove: large
        ? isSoftwareRenderer(webglRenderer())
        : hideEdgesWhileMoving(webglRenderer(), this.graph.size),
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
    this.sigma.on('clickNode', ({ node }) => {
      if (node.startsWith(COMMUNITY_PREFIX) && this.level === 'overview') {
        this.zoomIntoCommunity(node);
      } else {
        this.onSelect(node);
      }
    });
    this.sigma.on('clickStage', () => this.onSelect(null));
    if (large) {
      // The whole network's extent frames every graph swapped in; sigma reads it when it
      // processes its graph, hence the refresh.
      this.sigma.setCustomBBox(this.bbox());
      this.sigma.refresh();
      this.sigma.getCamera().on('updated', () => this.settleLater());
    }
    this.report(0);
    this.startLayout();
  }

  setColourBy(by: ColourBy): void {
    const { colourOf } = colouring(this.data.nodes, by);
    if (this.model) {
      this.model.colour = this.data.nodes.map(colourOf);
      this.redraw();
      return;
    }
    const byId = new Map(this.data.nodes.map((node) => [node.id, colourOf(node)]));
    this.graph.updateEachNodeAttributes(
      (id, attributes) => ({ ...attributes, color: byId.get(id) ?? attributes.color }),
      { attributes: ['color'] },
    );
  }

  setSizeBy(by: SizeBy): void {
    const sizeOf = sizer(this.data.nodes, by);
    if (this.model) {
      this.model.size = Float32Array.from(this.data.nodes, sizeOf);
      // The largest member of each community, which names it, may change.
      this.positionsChanged();
      this.redraw();
      return;
    }
    const byId = new Map(this.data.nodes.map((node) => [node.id, sizeOf(node)]));
    this.graph.updateEachNodeAttributes(
      (id, attributes) => ({ ...attributes, size: byId.get(id) ?? attributes.size }),
      { attributes: ['size'] },
    );
  }

  /**
   * Highlights an actor and its neighbours (null: none), and brings it into view; in a large
   * network, zoomed in far enough for the actors to be drawn.
   */
  select(id: string | null): void {
    const model = this.model;
    if (model) {
      const i = id === null ? undefined : model.index.get(id);
      this.selected = i === undefined ? null : id;
      this.neighbours = new Set(
        i === undefined
          ? []
          : neighboursOf(i, model.links, model.from, model.to).map((k) => model.ids[k] ?? ''),
      );
      this.sigma.refresh();
      if (i === undefined) return;
      const camera = this.sigma.getCamera();
      const viewport = this.sigma.graphToViewport({ x: model.x[i] ?? 0, y: model.y[i] ?? 0 });
      const framed = this.sigma.viewportToFramedGraph(viewport);
      const ratio = Math.min(camera.getState().ratio, this.threshold * 0.5);
      void camera.animate({ x: framed.x, y: framed.y, ratio }, { duration: 300 });
      // The chosen actor's neighbours are drawn even if the camera does not move.
      this.settleLater();
      return;
    }
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
    const model = this.model;
    if (model) {
      const i = model.index.get(id);
      if (i === undefined) return [];
      return neighboursOf(i, model.links, model.from, model.to).map((k) => model.ids[k] ?? '');
    }
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
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.worker?.terminate();
    this.worker = null;
    this.sigma.kill();
  }

  private nodeDisplay(node: string, attributes: object): Partial<NodeDisplayData> {
    if (this.selected === null) return attributes;
    if (this.level === 'overview') {
      const i = this.model?.index.get(this.selected);
      const key = i === undefined ? undefined : this.model?.community[i];
      return node === `${COMMUNITY_PREFIX}${key}`
        ? { ...attributes, highlighted: true }
        : attributes;
    }
    if (node === this.selected) return { ...attributes, highlighted: true };
    if (this.neighbours.has(node)) return attributes;
    return { ...attributes, color: FADED_COLOUR, label: null };
  }

  private edgeDisplay(edge: string, attributes: object): Partial<EdgeDisplayData> {
    if (this.selected === null || this.level === 'overview') return attributes;
    const [source, target] = this.graph.extremities(edge);
    if (source === this.selected || target === this.selected) {
      return { ...attributes, color: '#555555', size: 2 };
    }
    return { ...attributes, hidden: true };
  }

  // ---- Levels of detail (large networks) ----

  /** After a layout step or a new size measure: the grid, the communities and the extent. */
  private positionsChanged(): void {
    const model = this.model;
    if (!model) return;
    this.grid = new GridIndex(model.x, model.y);
    this.communities = aggregateCommunities(model.community, model.x, model.y, model.size);
    this.communityByKey = new Map(this.communities.map((c) => [c.key, c]));
    this.extent = extentOf(model.x, model.y);
  }

  private bbox(): { x: [number, number]; y: [number, number] } {
    return { x: [this.extent.minX, this.extent.maxX], y: [this.extent.minY, this.extent.maxY] };
  }

  /** Computes the level and what it shows once the camera has stopped for SETTLE_MS. */
  private settleLater(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.settle(false);
    }, SETTLE_MS);
  }

  /** Draws again what the camera shows (after new colours, sizes or positions). */
  private redraw(): void {
    this.settle(true);
  }

  private settle(force: boolean): void {
    if (!this.model || !this.grid) return;
    const inView = this.grid.count(this.viewRect(), DETAIL_NODE_CAP);
    const level = levelFor(this.sigma.getCamera().getState().ratio, this.threshold, inView);
    if (level === 'overview') {
      if (this.level === 'overview' && !force) return;
      this.level = 'overview';
      this.drawnNodes = [];
      this.drawnEdges = [];
      this.swap(this.overviewGraph());
      this.report(0);
      return;
    }
    this.showActors(force);
  }

  /** The graph of the overview: the largest communities and the heaviest ties between them. */
  private overviewGraph(): Graph {
    const model = this.model;
    const graph = newGraph();
    if (!model) return graph;
    const overview: Overview = capOverview(this.communities, model.ties);
    const largest = overview.communities[0]?.members.length ?? 1;
    const heaviest = overview.ties[0]?.count ?? 1;
    const nf = new Intl.NumberFormat(getLang());
    for (const c of overview.communities) {
      const name = model.names[c.largest] ?? '';
      const others = c.members.length - 1;
      graph.addNode(`${COMMUNITY_PREFIX}${c.key}`, {
        label: others > 0 ? t('network.communityLabel', { name, n: nf.format(others) }) : name,
        x: c.x,
        y: c.y,
        size: communitySize(c.members.length, largest),
        color: majorityColour(c.members, model.colour),
      });
    }
    for (const tie of overview.ties) {
      graph.addEdge(`${COMMUNITY_PREFIX}${tie.a}`, `${COMMUNITY_PREFIX}${tie.b}`, {
        type: 'line',
        size: 0.5 + 3.5 * Math.sqrt(tie.count / heaviest),
        weight: tie.count,
      });
    }
    return graph;
  }

  /** The actors in or near the viewport (the largest, at most DETAIL_NODE_CAP), and their ties. */
  private showActors(force: boolean): void {
    const model = this.model;
    const grid = this.grid;
    if (!model || !grid) return;
    const inView = grid.query(this.viewRect());
    const chosen = this.selected === null ? undefined : model.index.get(this.selected);
    const always =
      chosen === undefined
        ? []
        : [chosen, ...neighboursOf(chosen, model.links, model.from, model.to)];
    const nodes = selectVisible(inView, model.size, DETAIL_NODE_CAP, always);
    const edges = edgesAmong(
      nodes,
      model.links,
      model.from,
      model.to,
      model.weight,
      DETAIL_EDGE_CAP,
      chosen ?? null,
    );
    const same =
      this.level === 'actors' &&
      sameList(nodes, this.drawnNodes) &&
      sameList(edges, this.drawnEdges);
    if (same && !force) {
      this.report(inView.length);
      return;
    }
    this.level = 'actors';
    this.drawnNodes = nodes;
    this.drawnEdges = edges;
    const graph = newGraph();
    for (const i of nodes) {
      graph.addNode(model.ids[i] ?? '', {
        label: model.names[i] ?? '',
        x: model.x[i] ?? 0,
        y: model.y[i] ?? 0,
        size: model.size[i] ?? 1,
        color: model.colour[i] ?? FADED_COLOUR,
      });
    }
    for (const e of edges) {
      graph.addEdge(model.ids[model.from[e] ?? 0] ?? '', model.ids[model.to[e] ?? 0] ?? '', {
        relation: model.relation[e] ?? '',
        weight: model.weight[e] ?? 1,
      });
    }
    this.swap(graph);
    this.report(inView.length);
  }

  /** The viewport in graph coordinates, widened by VIEW_MARGIN on each side. */
  private viewRect(): Rect {
    const { width, height } = this.sigma.getDimensions();
    const a = this.sigma.viewportToGraph({ x: 0, y: 0 });
    const b = this.sigma.viewportToGraph({ x: width, y: height });
    return widen({
      minX: Math.min(a.x, b.x),
      minY: Math.min(a.y, b.y),
      maxX: Math.max(a.x, b.x),
      maxY: Math.max(a.y, b.y),
    });
  }

  /**
   * Gives sigma another graph to draw. With a software renderer its edges are hidden while the
   * camera moves whatever their number: zoomed in they are long rectangles to fill (1,400 ties
   * among 1,000 actors took the frames from 60 to 10 fps), and reprocessing a graph this small
   * when the camera stops costs little.
   */
  private swap(graph: Graph): void {
    const hide = isSoftwareRenderer(webglRenderer()) && graph.size > 0;
    if (this.sigma.getSetting('hideEdgesOnMove') !== hide) {
      this.sigma.setSetting('hideEdgesOnMove', hide);
    }
    this.graph = graph;
    this.sigma.setGraph(graph);
  }

  private zoomIntoCommunity(node: string): void {
    const c = this.communityByKey.get(Number(node.slice(COMMUNITY_PREFIX.length)));
    const position = this.sigma.getNodeDisplayData(node);
    if (!c || !position) return;
    const extent = Math.max(
      this.extent.maxX - this.extent.minX,
      this.extent.maxY - this.extent.minY,
    );
    const ratio = zoomRatioFor(c.radius, extent, this.threshold);
    void this.sigma.getCamera().animate({ x: position.x, y: position.y, ratio }, { duration: 400 });
  }

  private report(inView: number): void {
    const info: LevelInfo = {
      level: this.level,
      nodes: this.graph.order,
      edges: this.graph.size,
      totalNodes: this.data.nodes.length,
      totalEdges: this.data.edges.length,
      communities: this.model ? this.communities.length : 0,
      inView,
    };
    this.container.dataset.level = info.level;
    this.container.dataset.drawnNodes = String(info.nodes);
    this.container.dataset.drawnEdges = String(info.edges);
    this.onLevel(info);
  }

  /** ForceAtlas2 in a worker, from the first layout; positions come back as typed arrays. */
  private startLayout(): void {
    const model = this.model;
    const n = model ? model.ids.length : this.graph.order;
    if (n < 3 || typeof Worker === 'undefined') {
      this.container.dataset.layout = 'done';
      return;
    }
    this.container.dataset.layout = 'running';
    this.layoutStarted = performance.now();
    let x: Float32Array;
    let y: Float32Array;
    let sources: Uint32Array;
    let targets: Uint32Array;
    let weights: Float32Array;
    if (model) {
      // Copies: the buffers are handed over to the worker.
      x = model.x.slice();
      y = model.y.slice();
      sources = model.from.slice();
      targets = model.to.slice();
      weights = model.weight.slice();
    } else {
      const index = new Map<string, number>();
      x = new Float32Array(n);
      y = new Float32Array(n);
      let i = 0;
      this.graph.forEachNode((node, attributes) => {
        index.set(node, i);
        x[i] = attributes.x as number;
        y[i] = attributes.y as number;
        i++;
      });
      const m = this.graph.size;
      sources = new Uint32Array(m);
      targets = new Uint32Array(m);
      weights = new Float32Array(m);
      let e = 0;
      this.graph.forEachEdge((_, attributes, source, target) => {
        sources[e] = index.get(source) ?? 0;
        targets[e] = index.get(target) ?? 0;
        weights[e] = (attributes.weight as number) || 1;
        e++;
      });
    }
    const iterations = layoutIterations(n, sources.length);
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
    if (this.model) {
      this.model.x.set(progress.x.subarray(0, this.model.x.length));
      this.model.y.set(progress.y.subarray(0, this.model.y.length));
      this.positionsChanged();
      this.sigma.setCustomBBox(this.bbox());
      // Sigma reads the new extent when it processes its graph: before the viewport is asked.
      this.sigma.refresh();
      this.redraw();
    } else {
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
    }
    if (!progress.done) return;
    performance.measure('network:layout', { start: this.layoutStarted });
    this.container.dataset.layout = 'done';
    this.worker?.terminate();
    this.worker = null;
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
