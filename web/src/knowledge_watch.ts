// Following searches of the knowledge commons: a saved search ("watch") is the words and facet
// filters of a search with a name, kept by GET|POST /knowledge/watches for the signed-in user;
// its id is the address of its Atom feed, which anyone may read. Any search also has its Atom
// feed (GET /knowledge/feed?q=&<facet>=). Pure functions, no DOM.

import { API_BASE, withQuery } from './api';
import { FACETS } from './knowledge';
import { arr, isObject, obj, str } from './json_read';
import { EMPTY_KNOWLEDGE_QUERY, knowledgeParams, type KnowledgeQuery } from './knowledge_query';

export const WATCHES_URL = `${API_BASE}/knowledge/watches`;

export interface Watch {
  id: string;
  name: string;
  /** The search followed, on its first page. */
  query: KnowledgeQuery;
  createdAt: string;
}

/** The search of a watch's `query` ({q, <facet>: [values]}); unknown keys are ignored. */
function watchQueryOf(v: unknown): KnowledgeQuery {
  const q = obj(v);
  const filters = { ...EMPTY_KNOWLEDGE_QUERY.filters };
  for (const facet of FACETS) {
    // The server keeps SDGs as it was given them: text or numbers.
    const values = arr(q[facet])
      .map((x) => (typeof x === 'number' ? String(x) : str(x).trim()))
      .filter(Boolean);
    filters[facet] = [...new Set(values)];
  }
  return { ...EMPTY_KNOWLEDGE_QUERY, q: str(q.q).trim(), filters };
}

/** Reads one watch (the answer of POST /watches); throws when it has no id. */
export function parseWatch(v: unknown): Watch {
  const w = obj(v);
  if (!str(w.id)) throw new Error('not a saved search: id is required');
  return {
    id: str(w.id),
    name: str(w.name),
    query: watchQueryOf(w.query),
    createdAt: str(w.created_at),
  };
}

/** Reads GET /watches; a watch without an id is left out. Throws when there are no items. */
export function parseWatches(body: unknown): Watch[] {
  const b = obj(body);
  if (!Array.isArray(b.items)) throw new Error('not a list of saved searches: items are required');
  return b.items.filter((w) => isObject(w) && str(w.id) !== '').map(parseWatch);
}

/** Whether a search says what to follow: words or a filter (the API refuses an empty one). */
export function canFollow(query: KnowledgeQuery): boolean {
  return query.q.trim() !== '' || FACETS.some((f) => query.filters[f].length > 0);
}

/** The body of POST /watches: {name, q, <facet>: [values]}, blanks left out. */
export function watchBody(name: string, query: KnowledgeQuery): Record<string, unknown> {
  const body: Record<string, unknown> = { name: name.trim() };
  if (query.q.trim()) body.q = query.q.trim();
  for (const facet of FACETS) {
    if (query.filters[facet].length > 0) body[facet] = [...query.filters[facet]];
  }
  return body;
}

/** The words and filters of a search (no paging), as the feeds read them. */
function searchParams(query: KnowledgeQuery, lang: string): URLSearchParams {
  const params = knowledgeParams({ ...query, offset: 0, limit: EMPTY_KNOWLEDGE_QUERY.limit });
  if (lang) params.set('lang', lang);
  return params;
}

/** The Atom feed of a search, its entries' texts in `lang`. */
export function feedUrl(query: KnowledgeQuery, lang: string): string {
  return withQuery(`${API_BASE}/knowledge/feed`, searchParams(query, lang));
}

/** The Atom feed of a saved search. */
export function watchFeedUrl(id: string, lang: string): string {
  const path = `${WATCHES_URL}/${encodeURIComponent(id)}/feed`;
  return withQuery(path, new URLSearchParams(lang ? { lang } : {}));
}

export function watchUrl(id: string): string {
  return `${WATCHES_URL}/${encodeURIComponent(id)}`;
}
