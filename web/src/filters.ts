// Search filters shared by the directory and the map, and their round trip through query strings
// (the API's query and the hash route's query use the same parameter names).

export const FILTER_KEYS = ['q', 'kind', 'country', 'activity', 'structure', 'verdict'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Reads the filters from query parameters, ignoring unknown and blank ones. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Writes the non-blank filters to query parameters, in a stable order. */
export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return filtersToParams(a).toString() === filtersToParams(b).toString();
}
