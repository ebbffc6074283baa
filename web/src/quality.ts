// Data quality (#/quality): the report of GET /api/v1/quality and the due list of
// GET /api/v1/quality/due (docs/quality.md), and the pure helpers the page builds its tables with.

/** Figures over one set of actors. Maps hold only the fields with a count. */
export interface QualityFigures {
  actors: number;
  filled: Record<string, number>;
  invalid: Record<string, number>;
  with_invalid: number;
  location: { exact: number; approximate: number; hidden: number; none: number };
  staleness: Record<Staleness, number>;
  due: number;
  oldest_confirmed: string | null;
  /** Null when suspected duplicates were not counted. */
  duplicates: number | null;
}

export const STALENESS = [
  'under_90_days',
  'under_1_year',
  'under_2_years',
  'over_2_years',
  'never',
] as const;
export type Staleness = (typeof STALENESS)[number];

export const PRECISIONS = ['exact', 'approximate', 'hidden', 'none'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface SourceQuality extends QualityFigures {
  source: string;
}

export interface TerritoryQuality extends QualityFigures {
  /** "" for the actors with no territory. */
  id: string;
  name: string;
  /** The actors placed in the report's territory itself rather than below it. */
  direct: boolean;
}

export interface QualityReport {
  today: string;
  territory: string;
  territory_name: string;
  source: string | null;
  days: number;
  duplicates_checked: boolean;
  fields: string[];
  checked_fields: string[];
  total: QualityFigures;
  by_source: SourceQuality[];
  by_territory: TerritoryQuality[];
}

export interface DueActor {
  id: string;
  name: string;
  source: string;
  territory: string;
  last_confirmed: string | null;
  confirmed_by: string;
  days: number | null;
}

export interface DuePage {
  items: DueActor[];
  total: number;
  days: number;
  next_cursor: string | null;
}

/** What the page asks for: the scope of the report and of the due list. */
export interface QualityQuery {
  territory: string;
  /** null: every source. */
  source: string | null;
  days: number;
  duplicates: boolean;
}

export const DEFAULT_DAYS = 365;
const MAX_DAYS = 36500;

/** The query of #/quality?territory=&source=&days=&duplicates=; bad values fall back to defaults. */
export function qualityQueryOf(params: URLSearchParams): QualityQuery {
  const days = Number(params.get('days'));
  return {
    territory: params.get('territory') ?? '',
    source: params.has('source') ? (params.get('source') ?? '') : null,
    days: Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : DEFAULT_DAYS,
    duplicates: params.get('duplicates') === 'true',
  };
}

/** The parameters of a query, without the defaults (for links and for the API). */
export function qualityParams(query: QualityQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.territory) params.set('territory', query.territory);
  if (query.source !== null) params.set('source', query.source);
  if (query.days !== DEFAULT_DAYS) params.set('days', String(query.days));
  if (query.duplicates) params.set('duplicates', 'true');
  return params;
}

/** The page's hash for a query: "#/quality?territory=GB". */
export function qualityHref(query: QualityQuery): string {
  const q = qualityParams(query).toString();
  return `#/quality${q ? `?${q}` : ''}`;
}

/** The due list's URL parameters for a query (duplicates do not apply to it). */
export function dueParams(
  query: QualityQuery,
  cursor: string | null,
  limit: number,
): URLSearchParams {
  const params = qualityParams({ ...query, duplicates: false });
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** part / whole, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A share as a whole percentage in the reader's language ("85 %" in French); "–" for none. */
export function formatShare(value: number | null, lang: string): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** The share of actors with `field` filled. */
export function completeness(figures: QualityFigures, field: string): number | null {
  return share(figures.filled[field] ?? 0, figures.actors);
}

/** The mean completeness over `fields`: one figure to compare sources and territories by. */
export function meanCompleteness(figures: QualityFigures, fields: string[]): number | null {
  if (figures.actors === 0 || fields.length === 0) return null;
  const sum = fields.reduce((total, field) => total + (completeness(figures, field) ?? 0), 0);
  return sum / fields.length;
}

/** The share of actors whose location is known, exactly or approximately. */
export function located(figures: QualityFigures): number | null {
  return share(figures.location.exact + figures.location.approximate, figures.actors);
}

/** The checked fields with invalid values, most affected first (ties by the report's order). */
export function invalidFields(report: QualityReport): { field: string; actors: number }[] {
  const order = (field: string) => {
    const i = report.checked_fields.indexOf(field);
    return i < 0 ? report.checked_fields.length : i;
  };
  return Object.entries(report.total.invalid)
    .filter(([, actors]) => actors > 0)
    .map(([field, actors]) => ({ field, actors }))
    .sort((a, b) => b.actors - a.actors || order(a.field) - order(b.field));
}

/** "GB/wales/cardiff" -> ["GB", "GB/wales", "GB/wales/cardiff"]: the report's breadcrumb. */
export function territoryTrail(id: string): string[] {
  if (!id) return [];
  const parts = id.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Whether a territory row can be drilled into (a row of sub-territories, not the direct one). */
export function canDrillDown(row: TerritoryQuality): boolean {
  return !row.direct && row.id !== '';
}
