// Level of detail of the network view: with a large network, sigma draws a bounded number of
// things whatever the network's size. Zoomed out, an overview: one disc per community at its
// members' centroid, one line per pair of communities with ties between them. Zoomed in, the
// actors whose position lies in (or near) the viewport, and the ties among them. This module holds
// the pure logic (no DOM, no sigma), so that it is tested on small hand-made graphs.

/** Networks of at least this many actors are drawn with levels of detail; smaller ones whole. */
export const LOD_MIN_NODES = 3_000;
/** At most this many community discs in the overview (the largest communities). */
export const OVERVIEW_NODE_CAP = 1_000;
/** At most this many lines between communities in the overview (the most ties). */
export const OVERVIEW_EDGE_CAP = 2_000;
/** At most this many actors drawn when zoomed in (the largest, when more are in view). */
export const DETAIL_NODE_CAP = 1_000;
/** At most this many ties drawn when zoomed in (the heaviest, those of the chosen actor first). */
export const DETAIL_EDGE_CAP = 2_000;
/** The viewport is widened by this share of its width (and height) on each side. */
export const VIEW_MARGIN = 0.25;

export type Level = 'all' | 'overview' | 'actors';

/** Whether a network of `nodes` actors is drawn with levels of detail. */
export function usesLod(nodes: number): boolean {
  return nodes >= LOD_MIN_NODES;
}

/**
 * The camera ratio (1: the whole network in view) under which actors are drawn. The viewport,
 * widened by its margins, then covers about `cap` actors on average: ratio² of the network's area,
 * times the margins' (1 + 2·margin)². Kept between 0.02 and 1.
 */
export function lodThreshold(nodes: number, cap = DETAIL_NODE_CAP, margin = VIEW_MARGIN): number {
  if (nodes <= 0) return 1;
  const ratio = Math.sqrt(cap / nodes) / (1 + 2 * margin);
  return Math.min(1, Math.max(0.02, ratio));
}

/**
 * The level for a camera ratio: actors at the threshold and under, or when all the actors in or
 * near the view (`inView`, counted up to more than `cap`) can be drawn; the overview otherwise.
 */
export function levelFor(
  ratio: number,
  threshold: number,
  inView = Infinity,
  cap = DETAIL_NODE_CAP,
): Level {
  return ratio <= threshold || inView <= cap ? 'actors' : 'overview';
}

// ---- Communities ----

export interface Community {
  /** The community number of the metrics answer. */
  key: number;
  /** Indexes of its actors, in index order. */
  members: number[];
  /** Its members' centroid. */
  x: number;
  y: number;
  /** The root mean square of its members' distances to the centroid. */
  radius: number;
  /** The index of its member of largest weight (ties: the first). */
  largest: number;
}

/**
 * Groups the actors by community: largest first (ties by community number), each with its
 * members' centroid and spread, and its largest member by `weight`.
 */
export function aggregateCommunities(
  community: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weight: ArrayLike<number>,
): Community[] {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < community.length; i++) {
    const key = community[i] ?? 0;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const result: Community[] = [];
  for (const [key, members] of byKey) {
    let sx = 0;
    let sy = 0;
    let largest = members[0] ?? 0;
    for (const i of members) {
      sx += x[i] ?? 0;
      sy += y[i] ?? 0;
      if ((weight[i] ?? 0) > (weight[largest] ?? 0)) largest = i;
    }
    const cx = sx / members.length;
    const cy = sy / members.length;
    let spread = 0;
    for (const i of members) spread += ((x[i] ?? 0) - cx) ** 2 + ((y[i] ?? 0) - cy) ** 2;
    result.push({
      key,
      members,
      x: cx,
      y: cy,
      radius: Math.sqrt(spread / members.length),
      largest,
    });
  }
  return result.sort((a, b) => b.members.length - a.members.length || a.key - b.key);
}

export interface CommunityTie {
  /** Community numbers, a < b. */
  a: number;
  b: number;
  /** Ties between their actors, either way. */
  count: number;
}

/**
 * The ties between communities: one per pair with ties between their actors (either way), counted,
 * most ties first (ties by the pair's numbers). Ties inside a community are left out.
 */
export function communityTies(
  community: ArrayLike<number>,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): CommunityTie[] {
  const counts = new Map<string, CommunityTie>();
  for (let e = 0; e < from.length; e++) {
    const ca = community[from[e] ?? 0] ?? 0;
    const cb = community[to[e] ?? 0] ?? 0;
    if (ca === cb) continue;
    const a = Math.min(ca, cb);
    const b = Math.max(ca, cb);
    const key = `${a} ${b}`;
    const tie = counts.get(key);
    if (tie) tie.count++;
    else counts.set(key, { a, b, count: 1 });
  }
  return [...counts.values()].sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
}

export interface Overview {
  /** The communities drawn, largest first. */
  communities: Community[];
  /** The ties drawn, between communities drawn, most ties first. */
  ties: CommunityTie[];
  /** Communities and pairs of communities in the whole network. */
  totalCommunities: number;
  totalTies: number;
}

/**
 * What the overview draws: the `nodeCap` largest communities, and of the ties between them the
 * `edgeCap` with the most ties. Both lists must come sorted as the functions above sort them.
 */
export function capOverview(
  communities: readonly Community[],
  ties: readonly CommunityTie[],
  nodeCap = OVERVIEW_NODE_CAP,
  edgeCap = OVERVIEW_EDGE_CAP,
): Overview {
  const kept = communities.slice(0, nodeCap);
  const keys = new Set(kept.map((c) => c.key));
  const keptTies: CommunityTie[] = [];
  for (const tie of ties) {
    if (keptTies.length >= edgeCap) break;
    if (keys.has(tie.a) && keys.has(tie.b)) keptTies.push(tie);
  }
  return {
    communities: kept,
    ties: keptTies,
    totalCommunities: communities.length,
    totalTies: ties.length,
  };
}

/** The colour most of `members` have (ties: the first met). */
export function majorityColour(members: readonly number[], colour: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const i of members) {
    const c = colour[i] ?? '';
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** A community's disc: 3 px for one actor, up to 24 px for the largest, its area following. */
export function communitySize(members: number, largest: number): number {
  if (!(largest > 0) || !(members > 0)) return 3;
  return 3 + 21 * Math.sqrt(Math.min(members, largest) / largest);
}

/**
 * The camera ratio that frames a community: its spread (twice its radius, widened by 1.5) over the
 * network's extent, kept under the threshold (so that its actors are drawn) and above `min`.
 */
export function zoomRatioFor(
  radius: number,
  extent: number,
  threshold: number,
  min = 0.01,
): number {
  const fit = extent > 0 ? (3 * radius) / extent : threshold;
  return Math.max(min, Math.min(0.8 * threshold, fit));
}

// ---- The grid index and the viewport ----

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A rectangle widened by `margin` of its width and height on each side. */
export function widen(rect: Rect, margin = VIEW_MARGIN): Rect {
  const dx = (rect.maxX - rect.minX) * margin;
  const dy = (rect.maxY - rect.minY) * margin;
  return { minX: rect.minX - dx, minY: rect.minY - dy, maxX: rect.maxX + dx, maxY: rect.maxY + dy };
}

/** The smallest rectangle around the points; a unit square around 0 when there are none. */
export function extentOf(x: ArrayLike<number>, y: ArrayLike<number>): Rect {
  if (x.length === 0) return { minX: -1, minY: -1, maxX: 1, maxY: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const px = x[i] ?? 0;
    const py = y[i] ?? 0;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * A uniform grid over points, about `perCell` points a cell on average: the points of a rectangle
 * are found by visiting only the cells it overlaps. Built in O(n) (a counting sort by cell).
 */
export class GridIndex {
  readonly columns: number;
  readonly rows: number;
  private readonly extent: Rect;
  private readonly cellW: number;
  private readonly cellH: number;
  /** cellStart[c] .. cellStart[c + 1]: the range of cell c's points in `points`. */
  private readonly cellStart: Uint32Array;
  private readonly points: Uint32Array;

  constructor(
    private readonly x: ArrayLike<number>,
    private readonly y: ArrayLike<number>,
    perCell = 8,
  ) {
    const n = x.length;
    this.extent = extentOf(x, y);
    const side = Math.max(1, Math.ceil(Math.sqrt(n / perCell)));
    this.columns = side;
    this.rows = side;
    this.cellW = (this.extent.maxX - this.extent.minX) / side || 1;
    this.cellH = (this.extent.maxY - this.extent.minY) / side || 1;
    const cellOf = new Uint32Array(n);
    const counts = new Uint32Array(side * side + 1);
    for (let i = 0; i < n; i++) {
      const c = this.cell(this.column(x[i] ?? 0), this.row(y[i] ?? 0));
      cellOf[i] = c;
      counts[c + 1] = (counts[c + 1] ?? 0) + 1;
    }
    for (let c = 1; c < counts.length; c++) counts[c] = (counts[c] ?? 0) + (counts[c - 1] ?? 0);
    this.cellStart = counts;
    const fill = counts.slice(0, side * side);
    this.points = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const c = cellOf[i] ?? 0;
      this.points[fill[c] ?? 0] = i;
      fill[c] = (fill[c] ?? 0) + 1;
    }
  }

  /** The indexes of the points inside `rect` (edges included), in index order. */
  query(rect: Rect): number[] {
    const found: number[] = [];
    this.visit(rect, (i) => {
      found.push(i);
      return true;
    });
    return found.sort((a, b) => a - b);
  }

  /** How many points lie inside `rect`, counting no further than `limit` + 1. */
  count(rect: Rect, limit = Infinity): number {
    let n = 0;
    this.visit(rect, () => ++n <= limit);
    return n;
  }

  /** Calls `found` with each point inside `rect` until it returns false. */
  private visit(rect: Rect, found: (i: number) => boolean): void {
    if (rect.maxX < rect.minX || rect.maxY < rect.minY) return;
    const c0 = this.column(rect.minX);
    const c1 = this.column(rect.maxX);
    const r0 = this.row(rect.minY);
    const r1 = this.row(rect.maxY);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cell(c, r);
        const end = this.cellStart[cell + 1] ?? 0;
        for (let k = this.cellStart[cell] ?? 0; k < end; k++) {
          const i = this.points[k] ?? 0;
          const px = this.x[i] ?? 0;
          const py = this.y[i] ?? 0;
          if (px >= rect.minX && px <= rect.maxX && py >= rect.minY && py <= rect.maxY) {
            if (!found(i)) return;
          }
        }
      }
    }
  }

  private column(px: number): number {
    const c = Math.floor((px - this.extent.minX) / this.cellW);
    return Math.min(this.columns - 1, Math.max(0, c));
  }

  private row(py: number): number {
    const r = Math.floor((py - this.extent.minY) / this.cellH);
    return Math.min(this.rows - 1, Math.max(0, r));
  }

  private cell(column: number, row: number): number {
    return row * this.columns + column;
  }
}

/**
 * The actors to draw: those of `always` first (the chosen actor and its neighbours; at most
 * half the cap), then those in view by decreasing `priority` (ties: lower index first), at most
 * `cap` in all. Returned in that order, without repeats.
 */
export function selectVisible(
  inView: readonly number[],
  priority: ArrayLike<number>,
  cap: number,
  always: readonly number[] = [],
): number[] {
  const chosen: number[] = [];
  const seen = new Set<number>();
  for (const i of always) {
    if (chosen.length >= Math.floor(cap / 2)) break;
    if (seen.has(i)) continue;
    seen.add(i);
    chosen.push(i);
  }
  const rest = inView.filter((i) => !seen.has(i));
  if (chosen.length + rest.length > cap) {
    rest.sort((a, b) => (priority[b] ?? 0) - (priority[a] ?? 0) || a - b);
  }
  for (const i of rest) {
    if (chosen.length >= cap) break;
    chosen.push(i);
  }
  return chosen;
}

/**
 * Incident edges of every node, both ways, as a compressed list: the edges of node i are
 * `edges[start[i]] .. edges[start[i + 1] - 1]`, in edge order.
 */
export interface Incidence {
  start: Uint32Array;
  edges: Uint32Array;
}

export function incidence(
  nodes: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): Incidence {
  const start = new Uint32Array(nodes + 1);
  for (let e = 0; e < from.length; e++) {
    const a = from[e] ?? 0;
    const b = to[e] ?? 0;
    start[a + 1] = (start[a + 1] ?? 0) + 1;
    start[b + 1] = (start[b + 1] ?? 0) + 1;
  }
  for (let i = 1; i <= nodes; i++) start[i] = (start[i] ?? 0) + (start[i - 1] ?? 0);
  const fill = start.slice(0, nodes);
  const edges = new Uint32Array(start[nodes] ?? 0);
  for (let e = 0; e < from.length; e++) {
    for (const end of [from[e] ?? 0, to[e] ?? 0]) {
      edges[fill[end] ?? 0] = e;
      fill[end] = (fill[end] ?? 0) + 1;
    }
  }
  return { start, edges };
}

/** The nodes tied to `node` either way, in edge order, without repeats. */
export function neighboursOf(
  node: number,
  links: Incidence,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): number[] {
  const seen = new Set<number>();
  const end = links.start[node + 1] ?? 0;
  for (let k = links.start[node] ?? 0; k < end; k++) {
    const e = links.edges[k] ?? 0;
    const other = from[e] === node ? to[e] : from[e];
    if (other !== undefined && other !== node) seen.add(other);
  }
  return [...seen];
}

/**
 * The edges between drawn nodes, at most `cap`: those touching `first` (the chosen actor) first,
 * then by decreasing weight (ties: edge order). Returned in edge order.
 */
export function edgesAmong(
  drawn: readonly number[],
  links: Incidence,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  weight: ArrayLike<number>,
  cap: number,
  first: number | null = null,
): number[] {
  const inside = new Set(drawn);
  const found: number[] = [];
  for (const node of drawn) {
    const end = links.start[node + 1] ?? 0;
    for (let k = links.start[node] ?? 0; k < end; k++) {
      const e = links.edges[k] ?? 0;
      // Each edge once: from its source's list.
      if (from[e] === node && inside.has(to[e] ?? -1)) found.push(e);
    }
  }
  if (found.length > cap) {
    const touches = (e: number) =>
      first !== null && (from[e] === first || to[e] === first) ? 1 : 0;
    found.sort((a, b) => touches(b) - touches(a) || (weight[b] ?? 0) - (weight[a] ?? 0) || a - b);
    found.length = cap;
  }
  return found.sort((a, b) => a - b);
}
