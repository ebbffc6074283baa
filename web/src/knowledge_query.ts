// A search of the knowledge commons and its round trip through the hash
// (#/knowledge?q=rickshaw&sdg=5&sdg=11&offset=20), so that a search can be bookmarked, and the
// URL of GET /api/v1/knowledge/cases it asks. Several values of one facet repeat the parameter
// (OR within a facet, AND across facets, as the API reads them). Pure functions, no DOM.

import { API_BASE, withQuery } from './api';
import { FACETS, type Facet } from './knowledge';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface KnowledgeQuery {
  q: string;
  /** The active filters: facet -> chosen values, in the order they were chosen. */
  filters: Record<Facet, string[]>;
  offset: number;
  limit: number;
}

const noFilters = (): Record<Facet, string[]> =>
  Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>;

export const EMPTY_KNOWLEDGE_QUERY: KnowledgeQuery = {
  q: '',
  filters: noFilters(),
  offset: 0,
  limit: DEFAULT_LIMIT,
};

function whole(value: string | null, min: number, max: number, fallback: number): number {
  if (!value || !/^\d+$/.test(value.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

/** Reads a search from the hash's parameters; blanks, repeats and unknown keys are ignored. */
export function knowledgeQueryOf(params: URLSearchParams): KnowledgeQuery {
  const filters = noFilters();
  for (const facet of FACETS) {
    for (const raw of params.getAll(facet)) {
      const value = raw.trim();
      if (value && !filters[facet].includes(value)) filters[facet].push(value);
    }
  }
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    offset: whole(params.get('offset'), 0, Number.MAX_SAFE_INTEGER, 0),
    limit: whole(params.get('limit'), 1, MAX_LIMIT, DEFAULT_LIMIT),
  };
}

/** The parameters of a search, in a stable order; defaults are left out. */
export function knowledgeParams(query: KnowledgeQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const facet of FACETS) for (const value of query.filters[facet]) params.append(facet, value);
  if (query.offset > 0) params.set('offset', String(query.offset));
  if (query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  return params;
}

/** The hash of a search. */
export function knowledgeHref(query: KnowledgeQuery): string {
  const params = knowledgeParams(query).toString();
  return `#/knowledge${params ? `?${params}` : ''}`;
}

/** GET /knowledge/cases for a search, with the limit always given and texts in `lang`. */
export function casesUrl(query: KnowledgeQuery, lang: string): string {
  const params = knowledgeParams(query);
  params.delete('offset');
  params.delete('limit');
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  params.set('lang', lang);
  return withQuery(`${API_BASE}/knowledge/cases`, params);
}

export function isActive(query: KnowledgeQuery, facet: Facet, value: string): boolean {
  return query.filters[facet].includes(value);
}

/** The search with `value` of `facet` added, or removed when it was active; back to page one. */
export function toggleFilter(query: KnowledgeQuery, facet: Facet, value: string): KnowledgeQuery {
  const current = query.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [facet]: next }, offset: 0 };
}

/** The search without any filter (the words stay). */
export function clearFilters(query: KnowledgeQuery): KnowledgeQuery {
  return { ...query, filters: noFilters(), offset: 0 };
}

/** The active filters as (facet, value) pairs, in the facets' order. */
export function activeFilters(query: KnowledgeQuery): { facet: Facet; value: string }[] {
  return FACETS.flatMap((facet) => query.filters[facet].map((value) => ({ facet, value })));
}

/** The search at another offset (never below 0). */
export function atOffset(query: KnowledgeQuery, offset: number): KnowledgeQuery {
  return { ...query, offset: Math.max(0, offset) };
}

/** What paging shows: the range of results on this page and where the other pages start. */
export interface Paging {
  from: number;
  to: number;
  previous: number | null;
  next: number | null;
}

export function pagingOf(query: KnowledgeQuery, total: number, shown: number): Paging {
  const from = shown === 0 ? 0 : query.offset + 1;
  const to = query.offset + shown;
  return {
    from,
    to,
    previous: query.offset > 0 ? Math.max(0, query.offset - query.limit) : null,
    next: to < total && shown > 0 ? query.offset + query.limit : null,
  };
}
