// Client of the Ecosol HTTP API (docs/http-api.md). URLs are relative: the server serves the app and
// the API on the same origin, so the session cookie goes with every request. Writes made with the
// cookie carry the session's CSRF token (X-CSRF-Token), which lives in memory only. Every failure
// becomes an ApiError that pages show with ErrorMessage.

import type { AnalysisRequest } from './analysis_jobs';
import { filtersToParams, type Filters } from './filters';
import type { JobState } from './job_model';
import type { DuePage, QualityReport } from './quality';
import type {
  ActorProfile,
  FactSpec,
  Framework,
  FrameworkSummary,
  ProfileDoc,
  ScreenResponse,
  ScreeningHistory,
} from './screening/types';
import type {
  Actor,
  ActorAccess,
  ActorIndicators,
  ActorPatch,
  ActorSummary,
  AppConfig,
  AuditCheck,
  AuditPage,
  Grant,
  ImportReport,
  MapPoints,
  Me,
  NewToken,
  Page,
  Relationship,
  SignInResult,
  Taxonomy,
  Territory,
  Token,
  TokenScope,
  User,
} from './types';

export const API_BASE = '/api/v1';

/** An error answer of the API ({"error": {"code", "message"}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The CSRF token of the signed-in session; set by the session store, never stored on disk. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Methods that change state: the server refuses them with the cookie but without the token. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The headers of a request: JSON, plus the CSRF token on writes when someone is signed in. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (csrfToken && WRITE_METHODS.has(method.toUpperCase())) headers['X-CSRF-Token'] = csrfToken;
  return headers;
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

/** The actor's dated figures (turnover, members... by year). */
export function indicatorsUrl(id: string): string {
  return `${actorUrl(id)}/indicators`;
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

export function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Turns an error body into an ApiError; tolerates bodies that are not the documented shape. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (
    body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null
  )?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message, error?.details ?? null);
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

const defaultFetcher: Fetcher = (u, i) => fetch(u, i);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  fetcher?: Fetcher;
}

/**
 * Sends a request and reads its JSON answer (undefined for 204 No Content); rejects with
 * ApiError. Cookies go along (same origin); the fetcher is injectable for tests.
 */
export async function requestJson<T>(
  method: string,
  url: string,
  options: RequestOptions = {},
): Promise<T> {
  const hasBody = options.body !== undefined;
  const init: RequestInit = {
    method,
    signal: options.signal,
    credentials: 'same-origin',
    headers: requestHeaders(method, hasBody),
  };
  if (hasBody) init.body = JSON.stringify(options.body);
  return exchange<T>(url, init, options.fetcher);
}

/**
 * POSTs a file as the raw request body (not a form: the server reads the body as the file), with
 * the CSRF token; reads the JSON answer as requestJson does.
 */
export function uploadFile<T>(
  url: string,
  file: Blob,
  contentType: string,
  fetcher?: Fetcher,
): Promise<T> {
  const headers = requestHeaders('POST', false);
  headers['Content-Type'] = contentType;
  return exchange<T>(
    url,
    { method: 'POST', credentials: 'same-origin', headers, body: file },
    fetcher,
  );
}

/** POSTs a multipart form (the browser writes its Content-Type, with the boundary). */
export function uploadForm<T>(url: string, form: FormData, fetcher?: Fetcher): Promise<T> {
  const headers = requestHeaders('POST', false);
  return exchange<T>(
    url,
    { method: 'POST', credentials: 'same-origin', headers, body: form },
    fetcher,
  );
}

/** Sends one request and reads its JSON answer; every failure becomes an ApiError. */
async function exchange<T>(url: string, init: RequestInit, fetcher?: Fetcher): Promise<T> {
  let response: Response;
  try {
    response = await (fetcher ?? defaultFetcher)(url, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFromBody(response.status, body);
  if (body === null) throw new ApiError(response.status, 'bad_response', 'invalid JSON');
  return body as T;
}

/** Fetches JSON; rejects with ApiError. The fetcher is injectable for tests. */
export function getJson<T>(url: string, signal?: AbortSignal, fetcher?: Fetcher): Promise<T> {
  return requestJson<T>('GET', url, { signal, fetcher });
}

const send = <T>(method: string, url: string, body?: unknown) =>
  requestJson<T>(method, url, { body });

export function userUrl(id: string): string {
  return `${API_BASE}/users/${encodeURIComponent(id)}`;
}

/** GET /export: the public registry as a file in `format` (a download, not JSON). */
export function exportUrl(format: string): string {
  return withQuery(`${API_BASE}/export`, new URLSearchParams({ format }));
}

/** What an import sends besides the file: the query of POST /imports. */
export interface ImportOptions {
  format: string;
  /** The provenance source; the server's default is the file's name. */
  source?: string;
  /** The language of the file's texts. */
  lang?: string;
  /** What every actor of the file claims to be (e.g. cooperative). */
  claims?: string[];
  /** The credit the data's licence requires. */
  attribution?: string;
  /** Check the file and report, writing nothing. */
  dryRun?: boolean;
  /** Write the valid rows even when some are rejected. */
  skipInvalid?: boolean;
  /** Queue the import as a background job (202 {"job"}) instead of importing at once. */
  background?: boolean;
}

export function importUrl(options: ImportOptions): string {
  const params = new URLSearchParams({ format: options.format });
  if (options.source) params.set('source', options.source);
  if (options.lang) params.set('lang', options.lang);
  for (const claim of options.claims ?? []) params.append('claim', claim);
  if (options.attribution) params.set('attribution', options.attribution);
  if (options.dryRun) params.set('dry_run', 'true');
  if (options.skipInvalid) params.set('skip_invalid', 'true');
  if (options.background) params.set('background', 'true');
  return withQuery(`${API_BASE}/imports`, params);
}

export function auditUrl(from: number, limit: number): string {
  return withQuery(
    `${API_BASE}/audit`,
    new URLSearchParams({ from: String(from), limit: String(limit) }),
  );
}

export const api = {
  actors: (filters: Filters, cursor?: string | null, signal?: AbortSignal) =>
    getJson<Page<ActorSummary>>(actorsUrl(filters, cursor), signal),
  actor: (id: string, signal?: AbortSignal) => getJson<Actor>(actorUrl(id), signal),
  relationships: (id: string, signal?: AbortSignal) =>
    getJson<{ items: Relationship[] }>(relationshipsUrl(id), signal),
  indicators: (id: string, signal?: AbortSignal) =>
    getJson<ActorIndicators>(indicatorsUrl(id), signal),
  mapPoints: (filters: Filters, signal?: AbortSignal) =>
    getJson<MapPoints>(mapPointsUrl(filters), signal),
  taxonomy: (scheme: string, lang: string, signal?: AbortSignal) =>
    getJson<Taxonomy>(taxonomyUrl(scheme, lang), signal),
  territories: (parent: string, signal?: AbortSignal) =>
    getJson<{ items: Territory[] }>(territoriesUrl(parent), signal),
  territory: (id: string, signal?: AbortSignal) => getJson<Territory>(territoryUrl(id), signal),
  config: (signal?: AbortSignal) => getJson<AppConfig>(`${API_BASE}/config`, signal),
  actorAccess: (id: string, signal?: AbortSignal) =>
    getJson<ActorAccess>(`${actorUrl(id)}/access`, signal),
  patchActor: (id: string, patch: ActorPatch) => send<Actor>('PATCH', actorUrl(id), patch),
};

/** Accounts, roles and the audit log (/api/v1/auth, /users, /audit). */
export const accountApi = {
  me: (signal?: AbortSignal) => getJson<Me>(`${API_BASE}/auth/me`, signal),
  signIn: (email: string, password: string) =>
    send<SignInResult>('POST', `${API_BASE}/auth/signin`, { email, password }),
  signOut: () => send<undefined>('POST', `${API_BASE}/auth/signout`),
  changePassword: (current: string, fresh: string) =>
    send<undefined>('POST', `${API_BASE}/auth/password`, {
      current_password: current,
      new_password: fresh,
    }),
  tokens: (signal?: AbortSignal) => getJson<{ items: Token[] }>(`${API_BASE}/auth/tokens`, signal),
  createToken: (name: string, scope: TokenScope, days: number) =>
    send<NewToken>('POST', `${API_BASE}/auth/tokens`, { name, scope, days }),
  revokeToken: (id: string) =>
    send<undefined>('DELETE', `${API_BASE}/auth/tokens/${encodeURIComponent(id)}`),
  users: (signal?: AbortSignal) => getJson<{ items: User[] }>(`${API_BASE}/users`, signal),
  userByEmail: (email: string, signal?: AbortSignal) =>
    getJson<{ items: User[] }>(
      withQuery(`${API_BASE}/users`, new URLSearchParams({ email })),
      signal,
    ),
  createUser: (email: string, name: string, password: string) =>
    send<User>('POST', `${API_BASE}/users`, { email, name, password }),
  setDisabled: (id: string, disabled: boolean) => send<User>('PATCH', userUrl(id), { disabled }),
  grantRole: (id: string, grant: Grant) => send<User>('POST', `${userUrl(id)}/roles`, grant),
  revokeRole: (id: string, grant: Grant) => send<User>('DELETE', `${userUrl(id)}/roles`, grant),
  audit: (from: number, limit: number, signal?: AbortSignal) =>
    getJson<AuditPage>(auditUrl(from, limit), signal),
  verifyAudit: (signal?: AbortSignal) => getJson<AuditCheck>(`${API_BASE}/audit/verify`, signal),
};

/** Open data: imports of files into the registry (exports are plain links, see exportUrl). */
export const interopApi = {
  /** Rejects with ApiError; a refused file (422) carries its ImportReport in `details`. */
  importFile: (file: Blob, contentType: string, options: ImportOptions) =>
    uploadFile<ImportReport>(importUrl(options), file, contentType),
  /** Format csv: the spreadsheet and its YAML mapping, as the parts `file` and `mapping`. */
  importWithMapping: (file: File, mapping: File, options: ImportOptions) =>
    uploadForm<ImportReport>(importUrl(options), mappingForm(file, mapping)),
  /**
   * The same upload with background=true: the server stores the file with a queued "import" job
   * and answers 202 {"job"} (unread JSON: jobs.ts parseJob reads it); the job's result is the
   * report. `mapping` is sent as importWithMapping sends it, when given.
   */
  queueImport: (
    file: File,
    contentType: string,
    mapping: File | undefined,
    options: ImportOptions,
  ) => {
    const url = importUrl({ ...options, background: true });
    return mapping
      ? uploadForm<{ job: unknown }>(url, mappingForm(file, mapping))
      : uploadFile<{ job: unknown }>(url, file, contentType);
  },
};

function mappingForm(file: File, mapping: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('mapping', mapping, mapping.name);
  return form;
}

/** Data quality (docs/quality.md): the report, the actors due for confirmation, confirmations. */
export const qualityApi = {
  report: (params: URLSearchParams, signal?: AbortSignal) =>
    getJson<QualityReport>(withQuery(`${API_BASE}/quality`, params), signal),
  due: (params: URLSearchParams, signal?: AbortSignal) =>
    getJson<DuePage>(withQuery(`${API_BASE}/quality/due`, params), signal),
  confirm: (id: string) => send<Actor>('POST', `${actorUrl(id)}/confirm`),
};

/** What POST /screen and POST /screenings take besides the profile or the actor. */
export interface ScreenRequest {
  frameworks?: string[];
  options?: string[];
  lang?: string;
}

/** The statutes as plain text, with the name of the file they came from. */
export interface StatutesText {
  name: string;
  text: string;
}

/** SSE screening: frameworks, facts, screening a profile, actors' profiles and assessments. */
export const screeningApi = {
  frameworks: (signal?: AbortSignal) =>
    getJson<{ items: FrameworkSummary[] }>(`${API_BASE}/frameworks`, signal),
  framework: (id: string, signal?: AbortSignal) =>
    getJson<Framework>(`${API_BASE}/frameworks/${encodeURIComponent(id)}`, signal),
  facts: (signal?: AbortSignal) => getJson<{ items: FactSpec[] }>(`${API_BASE}/facts`, signal),
  screen: (profile: ProfileDoc, request: ScreenRequest, statutes?: StatutesText) =>
    send<ScreenResponse>('POST', `${API_BASE}/screen`, { profile, statutes, ...request }),
  profile: (actor: string, signal?: AbortSignal) =>
    getJson<ActorProfile>(`${actorUrl(actor)}/profile`, signal),
  saveProfile: (actor: string, profile: ProfileDoc, statutes?: StatutesText) =>
    send<ActorProfile>('PUT', `${actorUrl(actor)}/profile`, { profile, statutes }),
  history: (actor: string, lang: string, signal?: AbortSignal) =>
    getJson<ScreeningHistory>(
      withQuery(`${actorUrl(actor)}/screenings`, new URLSearchParams({ lang })),
      signal,
    ),
  screenActor: (actor: string, request: ScreenRequest = {}) =>
    send<ScreenResponse & { actor: string; assessments: string[]; date: string }>(
      'POST',
      `${API_BASE}/screenings`,
      { actor, ...request },
    ),
};

/** GET /jobs: the caller's background jobs (everyone's for admins), newest first. */
export function jobsUrl(state: JobState | '' = '', limit?: number): string {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (limit !== undefined) params.set('limit', String(limit));
  return withQuery(`${API_BASE}/jobs`, params);
}

/**
 * Background jobs (GET /jobs, GET /jobs/{id}) and starting one: the screening of every actor
 * (POST /screenings with "all", admins only), or a report or the network's measures (POST /jobs,
 * anyone signed in; the finished job's file is at analysis_jobs.ts jobOutputUrl). The answers are
 * unread JSON: jobs.ts reads them defensively (parseJob, parseJobList).
 */
export const jobsApi = {
  list: (state: JobState | '' = '', limit?: number, signal?: AbortSignal) =>
    getJson<{ items: unknown }>(jobsUrl(state, limit), signal),
  job: (id: string, signal?: AbortSignal) =>
    getJson<unknown>(`${API_BASE}/jobs/${encodeURIComponent(id)}`, signal),
  screenAll: (request: ScreenRequest = {}) =>
    send<{ job: unknown }>('POST', `${API_BASE}/screenings`, { all: true, ...request }),
  /** 202 {"job"}; a bad param is a 400 whose message starts "params: <name>: ...". */
  create: (request: AnalysisRequest) => send<{ job: unknown }>('POST', `${API_BASE}/jobs`, request),
};
