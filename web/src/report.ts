// The territory report (#/report?territory=T&lang=L): the query of the route, the URLs of
// GET /api/v1/ecosystem/report in HTML and PDF, and a first fetch of the HTML that turns the API's
// JSON error into an ApiError, so the page shows the message instead of framing a JSON body.
// Pure functions, no DOM.

import { API_BASE, ApiError, errorFromBody, withQuery, type Fetcher } from './api';
import { isLang, type Lang } from './i18n/i18n';

export type ReportFormat = 'html' | 'pdf';

/** What the route says: the territory (empty: none chosen) and the report's language. */
export interface ReportQuery {
  territory: string;
  /** null: the interface language. */
  lang: Lang | null;
}

/** The query of #/report; an unknown language is taken as "the interface language". */
export function reportQueryOf(params: URLSearchParams): ReportQuery {
  const lang = params.get('lang');
  return { territory: (params.get('territory') ?? '').trim(), lang: isLang(lang) ? lang : null };
}

/** The report's language: the route's, else the interface's. */
export function reportLang(query: ReportQuery, uiLang: Lang): Lang {
  return query.lang ?? uiLang;
}

export function reportHref(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.territory) params.set('territory', query.territory);
  if (query.lang) params.set('lang', query.lang);
  const text = params.toString();
  return text ? `#/report?${text}` : '#/report';
}

/** GET /ecosystem/report for the territory in `lang`; the territory's slashes stay readable. */
export function reportUrl(territory: string, lang: Lang, format: ReportFormat): string {
  return withQuery(
    `${API_BASE}/ecosystem/report`,
    new URLSearchParams({ territory, lang, format }),
  ).replace(/%2F/gi, '/');
}

const defaultFetcher: Fetcher = (u, i) => fetch(u, i);

/**
 * Fetches the report once (its body is left unread when it is HTML) and rejects with ApiError
 * when the API refuses it (400, 404...) or cannot be reached. The page frames the URL only then.
 */
export async function checkReport(
  url: string,
  signal?: AbortSignal,
  fetcher: Fetcher = defaultFetcher,
): Promise<void> {
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'GET',
      signal,
      credentials: 'same-origin',
      headers: { Accept: 'text/html, application/json' },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const body: unknown = await response.json().catch(() => null);
  throw errorFromBody(response.status, body);
}
