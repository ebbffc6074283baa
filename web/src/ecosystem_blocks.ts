// The building blocks of a territory's SSE ecosystem (docs/ecosystem-blocks.md): the answers of
// GET /api/v1/ecosystem/blocks, /compare and /framework read into typed values, the routes'
// queries, the geometry of the coverage chart, the rows of the comparison table and the body of
// a perception rating. Pure functions, no DOM: the pages and components draw with them.

import { API_BASE, getJson, requestJson, withQuery } from './api';
import { arr, num, numOrNull, obj, str, stringRecord, strings, type Json } from './json_read';

export const BLOCK_IDS = [
  'capacity_building',
  'investment_and_funds',
  'market_access',
  'enabling_policy',
  'knowledge_transfer',
  'data_and_measurement',
  'awareness_and_mobilisation',
] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export const ECOSYSTEM_TYPES = ['arid', 'artificial', 'fertile', 'enabling'] as const;
export type EcosystemType = (typeof ECOSYSTEM_TYPES)[number];

/** Who rates a territory (store/ecosystem.h names the first four). */
export const RATER_ROLES = ['network', 'public_body', 'researcher', 'funder', 'other'] as const;
export type RaterRole = (typeof RATER_ROLES)[number];

/** A text in the four languages ({en, fr, es, pt}); the client picks one. */
export type Text = Record<string, string>;

export interface EvidenceItem {
  signal: string;
  subject: 'actor' | 'tie' | 'indicator' | 'statement' | string;
  id: string;
  name: string;
  reason: Text;
}

export interface SignalResult {
  id: string;
  count: number;
  present: boolean;
  items: EvidenceItem[];
}

export interface HardIndicators {
  actors: number;
  sse_actors: number;
  population: number | null;
  sse_per_10000: number | null;
  /** Why sse_per_10000 is null (empty text otherwise). */
  sse_per_10000_note: Text;
  by_kind: Record<string, number>;
  by_role: Record<string, number>;
  signals: SignalResult[];
}

export interface StatementPerception {
  statement: string;
  block: string;
  answered: number;
  no_answer: number;
  mean: number | null;
  sd: number | null;
  consensus: number | null;
}

export interface BlockCoverage {
  block: string;
  hard: number;
  perception: number | null;
  coverage: number;
  covered: boolean;
  evidence: EvidenceItem[];
}

export interface TerritoryType {
  type: string;
  institutional_support: number;
  bottom_up_vitality: number;
  reason: Text;
}

export interface TerritoryReport {
  framework: string;
  framework_version: string;
  territory: { id: string; name: string };
  indicators: HardIndicators;
  raters: number;
  perception: StatementPerception[];
  blocks: BlockCoverage[];
  type: TerritoryType;
}

export interface Difference {
  kind: 'signal' | 'block' | 'type' | string;
  about: string;
  ahead: string[];
  behind: string[];
  text: Text;
}

export interface Comparison {
  territories: { id: string; name: string }[];
  rows: { metric: string; values: unknown[] }[];
  differences: Difference[];
}

export interface FrameworkStatement {
  id: string;
  text: Text;
}

export interface FrameworkBlock {
  id: string;
  label: Text;
  oecd: string[];
  bept: string[];
  statements: FrameworkStatement[];
}

/** What the pages read of frameworks/building-blocks.yaml (GET /ecosystem/framework). */
export interface BlocksFramework {
  id: string;
  version: string;
  blocks: FrameworkBlock[];
  labels: Record<string, Text>;
  signals: Record<string, { present: Text; absent: Text }>;
  hardWeight: number;
  perceptionWeight: number;
  covered: number;
}

export interface PerceptionRating {
  territory: string;
  rater_role: string;
  /** statement id -> 0..10, or null for "no answer"; statements not rated are left out. */
  scores: Record<string, number | null>;
}

// ---- reading the answers --------------------------------------------------------------------

/** A text: an object of languages, or a plain string (taken as English). */
export function textOf(v: unknown): Text {
  if (typeof v === 'string') return v ? { en: v } : {};
  return stringRecord(v);
}

/** The text in `lang`, else English, else any language, else "". */
export function pick(text: Text | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] || text.en || Object.values(text).find((s) => s) || '';
}

function counts(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(obj(v))) if (typeof n === 'number') out[k] = n;
  return out;
}

function evidenceOf(v: unknown): EvidenceItem {
  const e = obj(v);
  return {
    signal: str(e.signal),
    subject: str(e.subject),
    id: str(e.id),
    name: str(e.name),
    reason: textOf(e.reason),
  };
}

function signalOf(v: unknown): SignalResult {
  const s = obj(v);
  return {
    id: str(s.id),
    count: num(s.count),
    present: s.present === true,
    items: arr(s.items).map(evidenceOf),
  };
}

function indicatorsOf(v: unknown): HardIndicators {
  const i = obj(v);
  return {
    actors: num(i.actors),
    sse_actors: num(i.sse_actors),
    population: numOrNull(i.population),
    sse_per_10000: numOrNull(i.sse_per_10000),
    sse_per_10000_note: textOf(i.sse_per_10000_note),
    by_kind: counts(i.by_kind),
    by_role: counts(i.by_role),
    signals: arr(i.signals).map(signalOf),
  };
}

function perceptionOf(v: unknown): StatementPerception {
  const p = obj(v);
  return {
    statement: str(p.statement),
    block: str(p.block),
    answered: num(p.answered),
    no_answer: num(p.no_answer),
    mean: numOrNull(p.mean),
    sd: numOrNull(p.sd),
    consensus: numOrNull(p.consensus),
  };
}

function blockOf(v: unknown): BlockCoverage {
  const b = obj(v);
  return {
    block: str(b.block),
    hard: num(b.hard),
    perception: numOrNull(b.perception),
    coverage: num(b.coverage),
    covered: b.covered === true,
    evidence: arr(b.evidence).map(evidenceOf),
  };
}

/** Reads a territory report; throws when the answer is not one (no territory or no blocks). */
export function parseReport(body: unknown): TerritoryReport {
  const r = obj(body);
  const territory = obj(r.territory);
  if (!str(territory.id) || !Array.isArray(r.blocks)) {
    throw new Error('not a territory report: territory.id and blocks are required');
  }
  const type = obj(r.type);
  return {
    framework: str(r.framework),
    framework_version: str(r.framework_version),
    territory: { id: str(territory.id), name: str(territory.name) || str(territory.id) },
    indicators: indicatorsOf(r.indicators),
    raters: num(r.raters),
    perception: arr(r.perception).map(perceptionOf),
    blocks: r.blocks.map(blockOf),
    type: {
      type: str(type.type),
      institutional_support: num(type.institutional_support),
      bottom_up_vitality: num(type.bottom_up_vitality),
      reason: textOf(type.reason),
    },
  };
}

/** Reads a comparison; throws when it names no territory. */
export function parseComparison(body: unknown): Comparison {
  const c = obj(body);
  const territories = arr(c.territories).map((v) => {
    const t = obj(v);
    return { id: str(t.id), name: str(t.name) || str(t.id) };
  });
  if (territories.length === 0) throw new Error('not a comparison: no territories');
  return {
    territories,
    rows: arr(c.rows).map((v) => {
      const row = obj(v);
      const values = arr(row.values);
      return { metric: str(row.metric), values: territories.map((_, i) => values[i] ?? null) };
    }),
    differences: arr(c.differences).map((v) => {
      const d = obj(v);
      return {
        kind: str(d.kind),
        about: str(d.about),
        ahead: strings(d.ahead),
        behind: strings(d.behind),
        text: textOf(d.text),
      };
    }),
  };
}

/** Labels of roles, OECD areas, BEPT modules and types, keyed "role.<id>", "oecd.<id>"... */
function frameworkLabels(f: Json): Record<string, Text> {
  const labels: Record<string, Text> = {};
  const add = (prefix: string, list: unknown) => {
    for (const v of arr(list)) labels[`${prefix}.${str(obj(v).id)}`] = textOf(obj(v).label);
  };
  add('role', f.roles);
  add('oecd', f.oecd_policy_areas);
  add('bept', f.bept_modules);
  const typing = obj(f.typing);
  for (const [id, label] of Object.entries(obj(typing.types))) labels[`type.${id}`] = textOf(label);
  for (const dim of ['institutional_support', 'bottom_up_vitality']) {
    labels[`dimension.${dim}`] = textOf(obj(typing[dim]).label);
  }
  return labels;
}

/** Reads the framework as frameworks/building-blocks.yaml has it, in JSON. */
export function parseFramework(body: unknown): BlocksFramework {
  const f = obj(body);
  const scoring = obj(f.scoring);
  const signals: BlocksFramework['signals'] = {};
  for (const v of arr(f.signals)) {
    const s = obj(v);
    signals[str(s.id)] = { present: textOf(s.present), absent: textOf(s.absent) };
  }
  return {
    id: str(f.id),
    version: str(f.version),
    blocks: arr(f.blocks).map((v) => {
      const b = obj(v);
      return {
        id: str(b.id),
        label: textOf(b.label),
        oecd: strings(b.oecd),
        bept: strings(b.bept),
        statements: arr(b.statements).map((s) => ({
          id: str(obj(s).id),
          text: textOf(obj(s).text),
        })),
      };
    }),
    labels: frameworkLabels(f),
    signals,
    hardWeight: numOrNull(scoring.hard_weight) ?? 0.6,
    perceptionWeight: numOrNull(scoring.perception_weight) ?? 0.4,
    covered: numOrNull(scoring.covered) ?? 50,
  };
}

// ---- routes and requests --------------------------------------------------------------------

/** The territory of #/ecosystem?territory=T ("" when none). */
export function ecosystemQueryOf(params: URLSearchParams): string {
  return (params.get('territory') ?? '').trim();
}

/** Territories from "A, B,,A": trimmed, without empties and repeats, in order. */
export function territoryList(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(',') : value;
  const out: string[] = [];
  for (const part of parts) {
    const id = part.trim();
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The territories of #/ecosystem/compare?territories=T1,T2. */
export function compareQueryOf(params: URLSearchParams): string[] {
  return territoryList(params.getAll('territories').join(','));
}

export function ecosystemHref(territory: string): string {
  return territory ? `#/ecosystem?${new URLSearchParams({ territory }).toString()}` : '#/ecosystem';
}

/** Commas stay readable in the hash: territory ids never contain one. */
export function compareHref(territories: readonly string[]): string {
  const list = territoryList(territories);
  if (list.length === 0) return '#/ecosystem/compare';
  return `#/ecosystem/compare?territories=${list.map(encodeURIComponent).join(',')}`;
}

export function networkOfHref(territory: string): string {
  return `#/network?${new URLSearchParams({ territory }).toString()}`;
}

const ECOSYSTEM_API = `${API_BASE}/ecosystem`;

// Without `lang`, the server answers every text in the four languages, so that switching the
// interface's language redraws the page without a new request.
export function reportUrl(territory: string): string {
  return withQuery(`${ECOSYSTEM_API}/blocks`, new URLSearchParams({ territory }));
}

export function comparisonUrl(territories: readonly string[]): string {
  const params = new URLSearchParams({ territories: territoryList(territories).join(',') });
  return withQuery(`${ECOSYSTEM_API}/compare`, params);
}

export function perceptionUrl(territory?: string): string {
  const params = new URLSearchParams(territory ? { territory } : {});
  return withQuery(`${ECOSYSTEM_API}/perception`, params);
}

export const ecosystemApi = {
  report: async (territory: string, signal?: AbortSignal) =>
    parseReport(await getJson<unknown>(reportUrl(territory), signal)),
  compare: async (territories: readonly string[], signal?: AbortSignal) =>
    parseComparison(await getJson<unknown>(comparisonUrl(territories), signal)),
  framework: async (signal?: AbortSignal) =>
    parseFramework(await getJson<unknown>(`${ECOSYSTEM_API}/framework`, signal)),
  perceptions: (territory: string, signal?: AbortSignal) =>
    getJson<{ items: unknown[] }>(perceptionUrl(territory), signal),
  rate: (rating: PerceptionRating) =>
    requestJson<unknown>('POST', perceptionUrl(), { body: rating }),
};

// ---- the coverage chart ---------------------------------------------------------------------

export interface ChartBar {
  block: string;
  /** Top of the row (the label sits there), and the bar's top and height. */
  y: number;
  barY: number;
  barHeight: number;
  /** The share of coverage from hard evidence, then from perception: they add up to coverage. */
  hard: { x: number; width: number; value: number };
  perception: { x: number; width: number; value: number };
  coverage: number;
  covered: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: ChartBar[];
  threshold: { x: number; value: number };
  ticks: { x: number; value: number }[];
}

export const CHART = { width: 640, left: 8, right: 24, top: 8, row: 46, bar: 18, axis: 24 };

const clamp = (v: number) => Math.min(100, Math.max(0, v));

/**
 * A horizontal stacked bar per block on a 0-100 scale. Coverage is 0.6 hard + 0.4 perception
 * (the framework's weights) when the block has a perception, the hard score alone otherwise; the
 * bar shows those two parts side by side, so its end is the coverage.
 */
export function chartGeometry(
  blocks: readonly BlockCoverage[],
  weights: { hardWeight: number; perceptionWeight: number; covered: number },
): ChartGeometry {
  const left = CHART.left;
  const right = CHART.width - CHART.right;
  const x = (v: number) => left + (clamp(v) / 100) * (right - left);
  const bars = blocks.map((b, i): ChartBar => {
    const coverage = clamp(b.coverage);
    const perception =
      b.perception === null ? 0 : Math.min(coverage, weights.perceptionWeight * b.perception);
    const hard = coverage - perception;
    const y = CHART.top + i * CHART.row;
    return {
      block: b.block,
      y,
      barY: y + CHART.row - CHART.bar - 6,
      barHeight: CHART.bar,
      hard: { x: x(0), width: x(hard) - x(0), value: hard },
      perception: { x: x(hard), width: x(coverage) - x(hard), value: perception },
      coverage,
      covered: b.covered,
    };
  });
  const bottom = CHART.top + blocks.length * CHART.row;
  return {
    width: CHART.width,
    height: bottom + CHART.axis,
    plot: { left, right, top: CHART.top, bottom },
    bars,
    threshold: { x: x(weights.covered), value: weights.covered },
    ticks: [0, 25, 50, 75, 100].map((value) => ({ x: x(value), value })),
  };
}

// ---- the comparison table -------------------------------------------------------------------

export const METRIC_GROUPS = [
  'type',
  'blocks',
  'indicators',
  'signals',
  'roles',
  'kinds',
  'perception',
  'other',
] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface MetricName {
  group: MetricGroup;
  /** The block, signal, role, kind or statement the metric is about ("" for plain ones). */
  subject: string;
  /** What is measured: coverage, hard, count, mean, or the metric itself ("actors"). */
  measure: string;
}

const PLAIN: Record<string, MetricGroup> = {
  type: 'type',
  institutional_support: 'type',
  bottom_up_vitality: 'type',
  actors: 'indicators',
  sse_actors: 'indicators',
  population: 'indicators',
  sse_per_10000: 'indicators',
  raters: 'perception',
};

const PREFIXED: Record<string, MetricGroup> = {
  block: 'blocks',
  signal: 'signals',
  role: 'roles',
  kind: 'kinds',
  statement: 'perception',
};

/** "block.market_access.coverage" -> blocks / market_access / coverage. Statements have dots. */
export function metricName(metric: string): MetricName {
  const plain = PLAIN[metric];
  if (plain) return { group: plain, subject: '', measure: metric };
  const dot = metric.indexOf('.');
  const group = PREFIXED[metric.slice(0, dot)];
  if (dot < 0 || !group) return { group: 'other', subject: '', measure: metric };
  const rest = metric.slice(dot + 1);
  if (group === 'roles' || group === 'kinds') return { group, subject: rest, measure: 'count' };
  const last = rest.lastIndexOf('.');
  if (last < 0) return { group, subject: rest, measure: '' };
  return { group, subject: rest.slice(0, last), measure: rest.slice(last + 1) };
}

/** Metrics that are not better or worse when larger (a bigger population is no achievement). */
const NEUTRAL = new Set(['population', 'count:kinds', 'sd']);
const TYPE_RANK: Record<string, number> = { arid: 0, artificial: 1, fertile: 1, enabling: 2 };

/** A value's rank (higher is better), or null when it cannot be ranked. */
function rank(name: MetricName, value: unknown): number | null {
  if (name.measure === 'type') return typeof value === 'string' ? (TYPE_RANK[value] ?? null) : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The indexes of the best values; none when the metric is neutral or all values are equal. */
export function bestOf(metric: string, values: readonly unknown[]): number[] {
  const name = metricName(metric);
  if (NEUTRAL.has(name.measure) || NEUTRAL.has(`${name.measure}:${name.group}`)) return [];
  const ranks = values.map((v) => rank(name, v));
  const known = ranks.filter((r): r is number => r !== null);
  if (known.length < 2) return [];
  const top = Math.max(...known);
  if (known.every((r) => r === top) && known.length === values.length) return [];
  return ranks.flatMap((r, i) => (r === top ? [i] : []));
}

export interface ComparisonRow {
  metric: string;
  name: MetricName;
  values: unknown[];
  best: number[];
}

export interface ComparisonSection {
  group: MetricGroup;
  rows: ComparisonRow[];
}

/** The rows grouped in METRIC_GROUPS order, each keeping the server's order within its group. */
export function comparisonSections(comparison: Comparison): ComparisonSection[] {
  const sections = new Map<MetricGroup, ComparisonRow[]>();
  for (const row of comparison.rows) {
    const name = metricName(row.metric);
    const rows = sections.get(name.group) ?? [];
    rows.push({
      metric: row.metric,
      name,
      values: row.values,
      best: bestOf(row.metric, row.values),
    });
    sections.set(name.group, rows);
  }
  return METRIC_GROUPS.flatMap((group) => {
    const rows = sections.get(group);
    return rows ? [{ group, rows }] : [];
  });
}

// ---- a perception rating --------------------------------------------------------------------

/** What a statement's control holds: "" not rated, "na" no answer, or "0".."10". */
export type ScoreChoice = string;

/** The body of POST /ecosystem/perception; throws naming the first statement whose choice is bad. */
export function ratingBody(
  territory: string,
  raterRole: string,
  choices: ReadonlyMap<string, ScoreChoice>,
): PerceptionRating {
  const scores: Record<string, number | null> = {};
  for (const [statement, choice] of choices) {
    if (choice === '') continue;
    if (choice === 'na') {
      scores[statement] = null;
      continue;
    }
    const score = Number(choice);
    if (!/^\d{1,2}$/.test(choice) || score > 10) {
      throw new RangeError(`${statement}: a score is a whole number from 0 to 10`);
    }
    scores[statement] = score;
  }
  return { territory, rater_role: raterRole, scores };
}
