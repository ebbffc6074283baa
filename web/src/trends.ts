// Trends of an ecosystem (docs/ecosystem.md, "Trends"): the answer of GET /api/v1/ecosystem/trends
// read into typed values, the route's query (#/trends?territory=&by=&from=&to=&indicators=), the
// API's URLs (JSON and CSV) and what the page needs to decide what to show. Pure functions, no DOM.

import { API_BASE, getJson, withQuery } from './api';
import { textOf, type Text } from './ecosystem_blocks';
import { arr, isObject, num, numOrNull, obj, str } from './json_read';

export const DIMENSIONS = ['none', 'sector', 'activity', 'kind', 'structure'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2100;

// ---- the route ------------------------------------------------------------------------------

/** What #/trends asks for; "" means "not given" (the server's default). */
export interface TrendsQuery {
  territory: string;
  by: Dimension;
  /** Years as typed: the server checks them and says what is wrong. */
  from: string;
  to: string;
  /** Indicator names, trimmed, without empties and repeats. */
  indicators: string[];
}

export const EMPTY_TRENDS_QUERY: TrendsQuery = {
  territory: '',
  by: 'none',
  from: '',
  to: '',
  indicators: [],
};

export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}

/** Names from "turnover, employees,,turnover": trimmed, without empties and repeats. */
export function nameList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const name = part.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Reads #/trends?territory=&by=&from=&to=&indicators=; an unknown breakdown is "none". */
export function trendsQueryOf(params: URLSearchParams): TrendsQuery {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const by = get('by');
  return {
    territory: get('territory'),
    by: isDimension(by) ? by : 'none',
    from: get('from'),
    to: get('to'),
    indicators: nameList(params.getAll('indicators').join(',')),
  };
}

/** The query's parameters in a stable order, leaving out what is not given. */
function queryParams(q: TrendsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (q.territory) params.set('territory', q.territory);
  if (q.by !== 'none') params.set('by', q.by);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.indicators.length > 0) params.set('indicators', q.indicators.join(','));
  return params;
}

export function trendsHref(q: Partial<TrendsQuery>): string {
  const query = queryParams({ ...EMPTY_TRENDS_QUERY, ...q }).toString();
  return query ? `#/trends?${query}` : '#/trends';
}

// Without `lang`, the sentences come in the four languages: a language change redraws the page
// without a new request.
export function trendsUrl(q: TrendsQuery, format: 'json' | 'csv' = 'json'): string {
  const params = queryParams(q);
  if (format === 'csv') params.set('format', 'csv');
  return withQuery(`${API_BASE}/ecosystem/trends`, params);
}

// ---- reading the answer ---------------------------------------------------------------------

export interface SameSample {
  actors: number;
  previous: number;
  current: number;
  change: number | null;
  change_pct: number | null;
}

export interface IndicatorYear {
  sum: number;
  count: number;
  median: number | null;
  repeated: number;
  /** Null in the first year and when no actor qualifies. */
  same_sample: SameSample | null;
}

export interface TrendYear {
  year: number;
  births: number;
  deaths: number;
  active_start: number;
  active_end: number;
  net_change: number;
  birth_rate: number | null;
  death_rate: number | null;
  indicators: Record<string, IndicatorYear>;
}

export interface TrendSummary {
  births: number;
  deaths: number;
  active_start: number;
  active_end: number;
  cagr: number | null;
  peak_birth_year: number | null;
  peak_births: number;
  peak_death_year: number | null;
  peak_deaths: number;
  text: Text;
}

export interface TrendGroup {
  key: string;
  actors: number;
  unknown_founded: number;
  unknown_founded_dissolved: number;
  unusable_dissolved: number;
  summary: TrendSummary;
  years: TrendYear[];
}

export interface TrendIndicator {
  name: string;
  unit: string;
  figures: number;
  other_units: number;
}

export interface TrendsWarning {
  actor_id: string;
  field: string;
  value: string;
  /** What is wrong, a stable id: founded, dissolved, dissolved_before_founded, period, value,
   * other_units ("" from a server older than this field). */
  kind: string;
  /** The server's words, in the language asked for. */
  message: string;
}

export interface Trends {
  territory: string;
  dimension: string;
  from: number | null;
  to: number | null;
  indicators: TrendIndicator[];
  total: TrendGroup;
  groups: TrendGroup[];
  groups_overlap: boolean;
  warnings: TrendsWarning[];
  warnings_total: number;
}

// The server gives zeros and a null change where no actor qualifies: that is no change, not a 0.
function sameSampleOf(v: unknown): SameSample | null {
  const change = numOrNull(obj(v).change);
  if (!isObject(v) || change === null) return null;
  return {
    actors: num(v.actors),
    previous: num(v.previous),
    current: num(v.current),
    change,
    change_pct: numOrNull(v.change_pct),
  };
}

function indicatorYearOf(v: unknown): IndicatorYear {
  const i = obj(v);
  return {
    sum: num(i.sum),
    count: num(i.count),
    median: numOrNull(i.median),
    repeated: num(i.repeated),
    same_sample: sameSampleOf(i.same_sample),
  };
}

function yearOf(v: unknown): TrendYear {
  const y = obj(v);
  const indicators: Record<string, IndicatorYear> = {};
  for (const [name, value] of Object.entries(obj(y.indicators))) {
    indicators[name] = indicatorYearOf(value);
  }
  return {
    year: num(y.year),
    births: num(y.births),
    deaths: num(y.deaths),
    active_start: num(y.active_start),
    active_end: num(y.active_end),
    net_change: num(y.net_change),
    birth_rate: numOrNull(y.birth_rate),
    death_rate: numOrNull(y.death_rate),
    indicators,
  };
}

function summaryOf(v: unknown): TrendSummary {
  const s = obj(v);
  return {
    births: num(s.births),
    deaths: num(s.deaths),
    active_start: num(s.active_start),
    active_end: num(s.active_end),
    cagr: numOrNull(s.cagr),
    peak_birth_year: numOrNull(s.peak_birth_year),
    peak_births: num(s.peak_births),
    peak_death_year: numOrNull(s.peak_death_year),
    peak_deaths: num(s.peak_deaths),
    text: textOf(s.text),
  };
}

function groupOf(v: unknown): TrendGroup {
  const g = obj(v);
  return {
    key: str(g.key),
    actors: num(g.actors),
    unknown_founded: num(g.unknown_founded),
    unknown_founded_dissolved: num(g.unknown_founded_dissolved),
    unusable_dissolved: num(g.unusable_dissolved),
    summary: summaryOf(g.summary),
    years: arr(g.years)
      .map(yearOf)
      .sort((a, b) => a.year - b.year),
  };
}

/** Reads the trends; throws when the answer has no total (it is not trends). */
export function parseTrends(body: unknown): Trends {
  const r = obj(body);
  if (!isObject(r.total)) throw new Error('not trends: total is required');
  const query = obj(r.query);
  return {
    territory: str(query.territory),
    dimension: str(query.dimension) || 'none',
    // docs/http-api.md names them from_year and to_year; the server sends from and to.
    from: numOrNull(r.from) ?? numOrNull(r.from_year),
    to: numOrNull(r.to) ?? numOrNull(r.to_year),
    indicators: arr(r.indicators).map((v) => {
      const i = obj(v);
      return {
        name: str(i.name),
        unit: str(i.unit),
        figures: num(i.figures),
        other_units: num(i.other_units),
      };
    }),
    total: groupOf(r.total),
    groups: arr(r.groups).map(groupOf),
    groups_overlap: r.groups_overlap === true,
    warnings: arr(r.warnings).map((v) => {
      const w = obj(v);
      return {
        actor_id: str(w.actor_id),
        field: str(w.field),
        value: str(w.value),
        kind: str(w.kind),
        message: str(w.message),
      };
    }),
    warnings_total: num(r.warnings_total),
  };
}

// ---- what to show ---------------------------------------------------------------------------

/** The organisations of a group counted in births, deaths and active organisations. */
export function datedActors(g: TrendGroup): number {
  return Math.max(0, g.actors - g.unknown_founded - g.unusable_dissolved);
}

/** True when no organisation in scope has a usable founding date (the demo's usual case). */
export function hasNoDatedActors(trends: Trends): boolean {
  return datedActors(trends.total) === 0;
}

/** The indicators that have figures in the span, in the server's order. */
export function reportedIndicators(trends: Trends): TrendIndicator[] {
  return trends.indicators.filter((ind) =>
    trends.total.years.some((y) => (y.indicators[ind.name]?.count ?? 0) > 0),
  );
}

export type WarningKind =
  'founded' | 'dissolved' | 'dissolvedBefore' | 'period' | 'value' | 'otherUnits' | 'other';

const WARNING_KINDS: Record<string, WarningKind> = {
  founded: 'founded',
  dissolved: 'dissolved',
  dissolved_before_founded: 'dissolvedBefore',
  period: 'period',
  value: 'value',
  other_units: 'otherUnits',
};

/**
 * What a warning is about, from the server's kind, so the page can say it in the reader's
 * language with the warning's own value and indicator; "other" (a kind this page does not know)
 * shows the server's words, which come in the language asked for.
 */
export function warningKind(w: TrendsWarning): WarningKind {
  return WARNING_KINDS[w.kind] ?? 'other';
}

/** "indicator:turnover" -> "turnover"; "" for fields that are not an indicator's. */
export function warningIndicator(w: TrendsWarning): string {
  return w.field.startsWith('indicator:') ? w.field.slice('indicator:'.length) : '';
}

export const trendsApi = {
  get: async (q: TrendsQuery, signal?: AbortSignal) =>
    parseTrends(await getJson<unknown>(trendsUrl(q), signal)),
};
