// The network view of an ecosystem (#/network): the answer of GET /api/v1/ecosystem/metrics, the
// page's query, and the pure helpers the page draws with (colours, sizes, the first layout, the
// table's order). Only a type comes from graphology, so this module stays out of the graph chunk.

import type { AbstractGraph } from 'graphology-types';
import { API_BASE, getJson, withQuery } from './api';
import { RELATIONSHIP_TYPES, type RelationshipType } from './types';

// Re-exported for the network page and its tests (the list is the registry's, in types.ts).
export { RELATIONSHIP_TYPES, type RelationshipType };

export const WEAVING_STAGES = [
  'scattered',
  'hub_and_spoke',
  'multi_hub',
  'core_periphery',
] as const;
export type WeavingStage = (typeof WEAVING_STAGES)[number];

export const BROKERAGE_ROLES = [
  'coordinator',
  'itinerant',
  'gatekeeper',
  'representative',
  'liaison',
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type Brokerage = Record<BrokerageRole | 'total', number>;

export interface NetworkNode {
  id: string;
  name: string;
  group: string;
  territory: string;
  kind: string;
  in_degree: number;
  out_degree: number;
  degree: number;
  strength: number;
  closeness: number;
  betweenness: number;
  pagerank: number;
  two_step_reach: number;
  component: number;
  community: number;
  communities: number[];
  /** Null for an isolated actor (Burt's measures need ties). */
  constraint: number | null;
  effective_size: number | null;
  brokerage: Brokerage;
}

export interface NetworkEdge {
  from: string;
  to: string;
  type: string;
  weight: number;
}

export interface NetworkSummary {
  nodes: number;
  edges: number;
  directed: boolean;
  density: number;
  components: number;
  largest_component: number;
  communities: number;
  modularity: number;
  overlapping_communities: number;
  betweenness: {
    method: 'exact' | 'sampled';
    samples: number | null;
    relative_error: number | null;
  };
}

export interface Weaving {
  stage: string;
  reason_code: string;
  /** In the language asked. */
  reason: string;
  figures: Record<string, unknown>;
}

export interface NetworkMetrics {
  filter: { territory: string; types: string[]; as_of: string; with_partners: boolean };
  summary: NetworkSummary;
  weaving: Weaving;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** What the page asks for; every part is optional in the API. */
export interface NetworkQuery {
  territory: string;
  /** Empty: every type. */
  types: RelationshipType[];
  /** ISO day, or "" for today's network. */
  asOf: string;
  withPartners: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query of #/network?territory=&type=&as_of=&with_partners=; bad values are dropped. */
export function networkQueryOf(params: URLSearchParams): NetworkQuery {
  const types = (params.get('type') ?? '').split(',').map((s) => s.trim());
  const asOf = params.get('as_of') ?? '';
  return {
    territory: (params.get('territory') ?? '').trim(),
    types: RELATIONSHIP_TYPES.filter((type) => types.includes(type)),
    asOf: ISO_DAY.test(asOf) ? asOf : '',
    withPartners: params.get('with_partners') === '1',
  };
}

/** The query's parameters, without the empty ones: the same names in the hash and the API. */
export function networkParams(query: NetworkQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.territory) params.set('territory', query.territory);
  const types = RELATIONSHIP_TYPES.filter((type) => query.types.includes(type));
  if (types.length > 0 && types.length < RELATIONSHIP_TYPES.length) {
    params.set('type', types.join(','));
  }
  if (query.asOf) params.set('as_of', query.asOf);
  if (query.withPartners) params.set('with_partners', '1');
  return params;
}

export function networkHref(query: NetworkQuery): string {
  const q = networkParams(query).toString();
  return `#/network${q ? `?${q}` : ''}`;
}

export function metricsUrl(query: NetworkQuery, lang: string): string {
  const params = networkParams(query);
  params.set('lang', lang);
  return withQuery(`${API_BASE}/ecosystem/metrics`, params);
}

export const networkApi = {
  metrics: async (query: NetworkQuery, lang: string, signal?: AbortSignal) =>
    parseMetrics(await getJson<unknown>(metricsUrl(query, lang), signal)),
};

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parseNode(raw: unknown): NetworkNode {
  const n = record(raw);
  const brokerage = record(n.brokerage);
  const communities = Array.isArray(n.communities) ? n.communities.map(num) : [];
  return {
    id: str(n.id),
    name: str(n.name) || str(n.id),
    group: str(n.group),
    territory: str(n.territory),
    kind: str(n.kind),
    in_degree: num(n.in_degree),
    out_degree: num(n.out_degree),
    degree: num(n.degree),
    strength: num(n.strength),
    closeness: num(n.closeness),
    betweenness: num(n.betweenness),
    pagerank: num(n.pagerank),
    two_step_reach: num(n.two_step_reach),
    component: num(n.component),
    community: num(n.community),
    communities,
    constraint: numOrNull(n.constraint),
    effective_size: numOrNull(n.effective_size),
    brokerage: {
      coordinator: num(brokerage.coordinator),
      itinerant: num(brokerage.itinerant),
      gatekeeper: num(brokerage.gatekeeper),
      representative: num(brokerage.representative),
      liaison: num(brokerage.liaison),
      total: num(brokerage.total),
    },
  };
}

function parseSummary(raw: unknown): NetworkSummary {
  const s = record(raw);
  const b = record(s.betweenness);
  return {
    nodes: num(s.nodes),
    edges: num(s.edges),
    directed: s.directed !== false,
    density: num(s.density),
    components: num(s.components),
    largest_component: num(s.largest_component),
    communities: num(s.communities),
    modularity: num(s.modularity),
    overlapping_communities: num(s.overlapping_communities),
    betweenness: {
      method: b.method === 'sampled' ? 'sampled' : 'exact',
      samples: numOrNull(b.samples),
      relative_error: numOrNull(b.relative_error),
    },
  };
}

/**
 * Reads an answer of the metrics endpoint, tolerating missing numbers (read as 0). Nodes without
 * an id are dropped, and so are edges whose ends are not nodes. Throws on a body that is not an
 * object with node and edge lists.
 */
export function parseMetrics(body: unknown): NetworkMetrics {
  const b = record(body);
  if (!Array.isArray(b.nodes) || !Array.isArray(b.edges)) {
    throw new Error('not a network: nodes and edges are missing');
  }
  const nodes = b.nodes.map(parseNode).filter((n) => n.id !== '');
  const ids = new Set(nodes.map((n) => n.id));
  const edges = b.edges
    .map(record)
    .map((e) => ({ from: str(e.from), to: str(e.to), type: str(e.type), weight: num(e.weight) }))
    .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const filter = record(b.filter);
  const weaving = record(b.weaving);
  return {
    filter: {
      territory: str(filter.territory),
      types: Array.isArray(filter.types) ? filter.types.map(str) : [],
      as_of: str(filter.as_of),
      with_partners: filter.with_partners === true,
    },
    summary: parseSummary(b.summary),
    weaving: {
      stage: str(weaving.stage),
      reason_code: str(weaving.reason_code),
      reason: str(weaving.reason),
      figures: record(weaving.figures),
    },
    nodes,
    edges,
  };
}

// ---- Colours, sizes and the legend ----

export type ColourBy = 'community' | 'group';
export type SizeBy = 'pagerank' | 'degree';

/** Okabe-Ito and Tableau colours, told apart by most readers; the rest share OTHER_COLOUR. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#b8a000',
  '#8c564b',
  '#7f3c8d',
  '#2f4b7c',
  '#e15759',
] as const;
export const OTHER_COLOUR = '#9a9a9a';
/** The colour of the actors that are neither the chosen one nor its neighbours. */
export const FADED_COLOUR = '#e4e4e4';

export interface LegendEntry {
  /** The community number or the group; null for "the others". */
  key: string | null;
  colour: string;
  count: number;
}

export interface Colouring {
  colourOf(node: NetworkNode): string;
  legend: LegendEntry[];
}

function colourKey(node: NetworkNode, by: ColourBy): string {
  return by === 'community' ? String(node.community) : node.group;
}

/**
 * The largest communities (or groups) get the palette's colours, most actors first (ties by key),
 * and the others one grey, so that the colours stay few enough to tell apart.
 */
export function colouring(nodes: readonly NetworkNode[], by: ColourBy): Colouring {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const key = colourKey(node, by);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colours = new Map<string, string>();
  const legend: LegendEntry[] = [];
  let others = 0;
  for (const [i, [key, count]] of ranked.entries()) {
    const colour = PALETTE[i];
    if (colour === undefined) {
      others += count;
      continue;
    }
    colours.set(key, colour);
    legend.push({ key, colour, count });
  }
  if (others > 0) legend.push({ key: null, colour: OTHER_COLOUR, count: others });
  return { colourOf: (node) => colours.get(colourKey(node, by)) ?? OTHER_COLOUR, legend };
}

export const MIN_SIZE = 2;
export const MAX_SIZE = 16;

/** A node's size: the square root of its share of the largest value, so areas follow values. */
export function sizeFor(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return MIN_SIZE;
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.min(value, max) / max);
}

export function sizeValue(node: NetworkNode, by: SizeBy): number {
  return by === 'pagerank' ? node.pagerank : node.degree;
}

export function sizer(nodes: readonly NetworkNode[], by: SizeBy): (node: NetworkNode) => number {
  let max = 0;
  for (const node of nodes) max = Math.max(max, sizeValue(node, by));
  return (node) => sizeFor(sizeValue(node, by), max);
}

// ---- The first layout ----

/**
 * Circular by community: each community a disc (a sunflower of its actors, its area following its
 * size) placed on a ring, largest first. O(n), and ForceAtlas2 starts from communities already
 * apart, so a bounded number of iterations is enough.
 */
export function communityLayout(nodes: readonly NetworkNode[]): { x: number[]; y: number[] } {
  const members = new Map<number, number[]>();
  nodes.forEach((node, i) => {
    const list = members.get(node.community) ?? [];
    list.push(i);
    members.set(node.community, list);
  });
  const groups = [...members.values()].sort((a, b) => b.length - a.length);
  const x = new Array<number>(nodes.length).fill(0);
  const y = new Array<number>(nodes.length).fill(0);
  const radii = groups.map((g) => Math.sqrt(g.length));
  const ring = groups.length === 1 ? 0 : radii.reduce((sum, r) => sum + 2 * r + 1, 0) / Math.PI;
  let angle = 0;
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const [g, group] of groups.entries()) {
    const r = radii[g] ?? 1;
    const step = ring > 0 ? (2 * r + 1) / ring : 0;
    angle += step / 2;
    const cx = ring * Math.cos(angle);
    const cy = ring * Math.sin(angle);
    angle += step / 2;
    group.forEach((index, k) => {
      const d = Math.sqrt(k + 0.5);
      x[index] = cx + d * Math.cos(k * golden);
      y[index] = cy + d * Math.sin(k * golden);
    });
  }
  return { x, y };
}

/** The bound on ForceAtlas2 iterations: fewer as the graph grows, so the layout ends soon. */
export function layoutIterations(nodes: number, edges: number): number {
  const size = nodes + edges;
  if (size <= 2_000) return 300;
  if (size <= 20_000) return 150;
  if (size <= 100_000) return 80;
  return 40;
}

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

/**
 * Fills an empty graphology graph (directed, multi: two actors may be tied by several types)
 * with the nodes at their first layout, coloured and sized, and the edges (attribute
 * `relation`; sigma reads `type` as its drawing program).
 */
export function fillGraph(
  graph: AbstractGraph,
  data: NetworkMetrics,
  colourBy: ColourBy,
  sizeBy: SizeBy,
): void {
  const { colourOf } = colouring(data.nodes, colourBy);
  const sizeOf = sizer(data.nodes, sizeBy);
  const { x, y } = communityLayout(data.nodes);
  data.nodes.forEach((node, i) => {
    if (graph.hasNode(node.id)) return;
    const attributes: NodeAttributes = {
      label: node.name,
      x: x[i] ?? 0,
      y: y[i] ?? 0,
      size: sizeOf(node),
      color: colourOf(node),
    };
    graph.addNode(node.id, attributes);
  });
  for (const edge of data.edges) {
    graph.addEdge(edge.from, edge.to, { relation: edge.type, weight: edge.weight || 1 });
  }
}

// ---- The table ----

export const SORT_KEYS = [
  'name',
  'in_degree',
  'out_degree',
  'betweenness',
  'closeness',
  'pagerank',
  'two_step_reach',
  'constraint',
  'effective_size',
  'community',
  'brokerage',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  descending: boolean;
}

function sortValue(node: NetworkNode, key: Exclude<SortKey, 'name'>): number | null {
  if (key === 'brokerage') return node.brokerage.total;
  return node[key];
}

/**
 * The nodes in the table's order; ties (and actors without a value, always last) by name.
 * Returns a new array.
 */
export function sortNodes(nodes: readonly NetworkNode[], sort: Sort, lang: string): NetworkNode[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const byName = (a: NetworkNode, b: NetworkNode) =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sign = sort.descending ? -1 : 1;
  const key = sort.key;
  if (key === 'name') return [...nodes].sort((a, b) => sign * byName(a, b));
  return [...nodes].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      return va === vb ? byName(a, b) : va === null ? 1 : -1;
    }
    return sign * (va - vb) || byName(a, b);
  });
}

/** A sort key's first direction: names A to Z, measures largest first, constraint smallest. */
export function defaultDescending(key: SortKey): boolean {
  return key !== 'name' && key !== 'constraint' && key !== 'community';
}

/** The next sort when the reader picks a column: the same column flips, another starts anew. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: defaultDescending(key) };
}

/** The ids of the actors tied to `id` either way, in edge order, without repeats. */
export function neighbourIds(edges: readonly NetworkEdge[], id: string): string[] {
  const seen = new Set<string>();
  for (const edge of edges) {
    if (edge.from === id) seen.add(edge.to);
    else if (edge.to === id) seen.add(edge.from);
  }
  return [...seen];
}

/** Edges above which a software-drawn view hides them while the camera moves. */
export const SOFTWARE_HIDE_EDGES = 2_000;

/**
 * Whether a WebGL renderer string names a software rasteriser (SwiftShader, llvmpipe,
 * softpipe, Microsoft's Basic Render Driver): every pixel is then drawn by the CPU.
 */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && /swiftshader|llvmpipe|softpipe|basic render|software/i.test(renderer);
}

/**
 * Whether edges vanish while the camera moves. Drawing edges is what fills pixels: with a
 * software rasteriser 15,000 edges take about a second per frame (docs/benchmarks.md), so they
 * are hidden from a few thousand on. A GPU draws them at full speed, and hiding them would
 * make sigma reprocess the whole graph after each drag, so they stay.
 */
export function hideEdgesWhileMoving(renderer: string | null, edges: number): boolean {
  return isSoftwareRenderer(renderer) && edges > SOFTWARE_HIDE_EDGES;
}
