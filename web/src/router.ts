// Hash routes: #/map, #/directory, #/territories, #/actors/{id}, each with an optional ?query (the filters).
// Hash routing lets `ecosol serve` serve one index.html for every page.

export type Route =
  | { page: 'map'; params: URLSearchParams }
  | { page: 'directory'; params: URLSearchParams }
  | { page: 'territories'; params: URLSearchParams }
  | { page: 'actor'; id: string; params: URLSearchParams }
  | { page: 'not_found'; path: string; params: URLSearchParams };

export type PageName = Route['page'];

/** Parses location.hash ("#/actors/x?y=1"); the empty hash is the map. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '');
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'map')) {
    return { page: 'map', params };
  }
  if (parts.length === 1 && parts[0] === 'directory') return { page: 'directory', params };
  if (parts.length === 1 && parts[0] === 'territories') return { page: 'territories', params };
  if (parts.length === 2 && parts[0] === 'actors') {
    const id = safeDecode(parts[1] ?? '');
    if (id) return { page: 'actor', id, params };
  }
  return { page: 'not_found', path, params };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

/** The hash of a page, e.g. mapHref({q: 'x'}) = "#/map?q=x". */
export function pageHref(
  page: 'map' | 'directory' | 'territories',
  params?: URLSearchParams,
): string {
  const query = params?.toString() ?? '';
  return `#/${page}${query ? `?${query}` : ''}`;
}

/** The territories page under `parent` (the countries when empty). */
export function territoriesHref(parent: string): string {
  return pageHref('territories', new URLSearchParams(parent ? { parent } : {}));
}

export function actorHref(id: string): string {
  return `#/actors/${encodeURIComponent(id)}`;
}
