// Client of the Ecosol HTTP API (docs/http-api.md). URLs are relative: the server serves the app and
// the API on the same origin. Every failure becomes an ApiError that pages show with ErrorMessage.

import { filtersToParams, type Filters } from './filters';
import type {
  Actor,
  ActorSummary,
  AppConfig,
  MapPoints,
  Page,
  Relationship,
  Taxonomy,
  Territory,
} from './types';

export const API_BASE = '/api/v1';

/** An error answer of the API ({"error": {"code", "message"}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function actorsUrl(filters: Filters, cursor?: string | null, limit?: number): string {
  const params = filtersToParams(filters);
  if (limit !== undefined) params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return withQuery(`${API_BASE}/actors`, params);
}

export function mapPointsUrl(filters: Filters): string {
  return withQuery(`${API_BASE}/map/points`, filtersToParams(filters));
}

export function actorUrl(id: string): string {
  return `${API_BASE}/actors/${encodeURIComponent(id)}`;
}

export function relationshipsUrl(id: string): string {
  return `${actorUrl(id)}/relationships`;
}

export function taxonomyUrl(scheme: string, lang: string): string {
  return withQuery(
    `${API_BASE}/taxonomies/${encodeURIComponent(scheme)}`,
    new URLSearchParams({ lang }),
  );
}

/** The territories under `parent` (the countries when empty). */
export function territoriesUrl(parent: string): string {
  return withQuery(`${API_BASE}/territories`, new URLSearchParams(parent ? { parent } : {}));
}

/** One territory; its id's slashes are encoded (the server accepts both forms). */
export function territoryUrl(id: string): string {
  return `${API_BASE}/territories/${encodeURIComponent(id)}`;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Turns an error body into an ApiError; tolerates bodies that are not the documented shape. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message);
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** Fetches JSON; rejects with ApiError. The fetcher is injectable for tests. */
export async function getJson<T>(
  url: string,
  signal?: AbortSignal,
  fetcher: Fetcher = (u, i) => fetch(u, i),
): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFromBody(response.status, body);
  if (body === null) throw new ApiError(response.status, 'bad_response', 'invalid JSON');
  return body as T;
}

export const api = {
  actors: (filters: Filters, cursor?: string | null, signal?: AbortSignal) =>
    getJson<Page<ActorSummary>>(actorsUrl(filters, cursor), signal),
  actor: (id: string, signal?: AbortSignal) => getJson<Actor>(actorUrl(id), signal),
  relationships: (id: string, signal?: AbortSignal) =>
    getJson<{ items: Relationship[] }>(relationshipsUrl(id), signal),
  mapPoints: (filters: Filters, signal?: AbortSignal) =>
    getJson<MapPoints>(mapPointsUrl(filters), signal),
  taxonomy: (scheme: string, lang: string, signal?: AbortSignal) =>
    getJson<Taxonomy>(taxonomyUrl(scheme, lang), signal),
  territories: (parent: string, signal?: AbortSignal) =>
    getJson<{ items: Territory[] }>(territoriesUrl(parent), signal),
  territory: (id: string, signal?: AbortSignal) => getJson<Territory>(territoryUrl(id), signal),
  config: (signal?: AbortSignal) => getJson<AppConfig>(`${API_BASE}/config`, signal),
};
