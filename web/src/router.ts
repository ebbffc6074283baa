// Hash routes: #/map, #/directory, #/territories, #/actors/{id}, #/actors/{id}/edit and
// #/actors/{id}/screening, #/frameworks and #/frameworks/{id}, #/self-assessment, #/signin,
// #/account, #/admin/users, #/admin/audit, #/data (open data: exports and imports), #/quality
// (data quality), #/network (the ecosystem's network), #/ecosystem (a territory's building blocks)
// #/ecosystem/compare (territories side by side), #/partners (partner matching), #/trends (births,
// deaths and indicators over time), #/report (a territory's report in HTML or PDF), #/suppliers
// (the SSE suppliers of a public tender), #/knowledge (the commons of social innovations),
// #/knowledge/cases/{id}[?version=n] (a case, or one of its versions), #/knowledge/new and
// #/knowledge/cases/{id}/edit (writing a case) and #/knowledge/transfer (the transfer-analysis wizard),
// #/finance (social finance: funds, funders, mechanisms), #/finance/organisations/{id} (an
// organisation's finance), #/finance/funders/{id} (a funder's terms and applicants),
// #/finance/funds/{id} (a fund's capital stack and waterfall), #/finance/funds/{id}/allocation
// and #/finance/loans (the loan book), #/decide (the tally of a vote), #/decide/opinion (the
// opinion map of a group's votes on statements), #/processes (participatory processes),
// #/processes/{id} (a process), #/processes/{id}/proposals/{pid} (a proposal and what answers it)
// and #/processes/{id}/decisions/{did} (voting, the result and receipts), #/jobs (background jobs
// and their progress; ?state= narrows them), each
// with an optional ?query (filters, or where to go after signing in). Hash routing lets `ecosol serve` serve one index.html for every page.

export type Route =
  | { page: 'map'; params: URLSearchParams }
  | { page: 'directory'; params: URLSearchParams }
  | { page: 'territories'; params: URLSearchParams }
  | { page: 'actor'; id: string; params: URLSearchParams }
  | { page: 'actor_edit'; id: string; params: URLSearchParams }
  | { page: 'actor_screening'; id: string; params: URLSearchParams }
  | { page: 'frameworks'; params: URLSearchParams }
  | { page: 'framework'; id: string; params: URLSearchParams }
  | { page: 'self_assessment'; params: URLSearchParams }
  | { page: 'signin'; params: URLSearchParams }
  | { page: 'account'; params: URLSearchParams }
  | { page: 'users'; params: URLSearchParams }
  | { page: 'audit'; params: URLSearchParams }
  | { page: 'data'; params: URLSearchParams }
  | { page: 'quality'; params: URLSearchParams }
  | { page: 'duplicates'; params: URLSearchParams }
  | { page: 'network'; params: URLSearchParams }
  | { page: 'ecosystem'; params: URLSearchParams }
  | { page: 'ecosystem_compare'; params: URLSearchParams }
  | { page: 'partners'; params: URLSearchParams }
  | { page: 'trends'; params: URLSearchParams }
  | { page: 'report'; params: URLSearchParams }
  | { page: 'suppliers'; params: URLSearchParams }
  | { page: 'knowledge'; params: URLSearchParams }
  | { page: 'knowledge_case'; id: string; params: URLSearchParams }
  | { page: 'knowledge_case_edit'; id: string; params: URLSearchParams }
  | { page: 'knowledge_case_new'; params: URLSearchParams }
  | { page: 'knowledge_transfer'; params: URLSearchParams }
  | { page: 'finance'; params: URLSearchParams }
  | { page: 'finance_organisation'; id: string; params: URLSearchParams }
  | { page: 'finance_funder'; id: string; params: URLSearchParams }
  | { page: 'finance_fund'; id: string; params: URLSearchParams }
  | { page: 'finance_allocation'; id: string; params: URLSearchParams }
  | { page: 'finance_loans'; params: URLSearchParams }
  | { page: 'decide'; params: URLSearchParams }
  | { page: 'decide_opinion'; params: URLSearchParams }
  | { page: 'processes'; params: URLSearchParams }
  | { page: 'process'; id: string; params: URLSearchParams }
  | { page: 'process_proposal'; id: string; item: string; params: URLSearchParams }
  | { page: 'process_decision'; id: string; item: string; params: URLSearchParams }
  | { page: 'jobs'; params: URLSearchParams }
  | { page: 'not_found'; path: string; params: URLSearchParams };

/** Pages named by a fixed path. */
const FIXED: Record<
  string,
  | 'directory'
  | 'territories'
  | 'frameworks'
  | 'self_assessment'
  | 'signin'
  | 'account'
  | 'users'
  | 'audit'
  | 'data'
  | 'quality'
  | 'duplicates'
  | 'network'
  | 'ecosystem'
  | 'ecosystem_compare'
  | 'partners'
  | 'trends'
  | 'report'
  | 'suppliers'
  | 'knowledge'
  | 'knowledge_transfer'
  | 'knowledge_case_new'
  | 'finance'
  | 'finance_loans'
  | 'decide'
  | 'decide_opinion'
  | 'processes'
  | 'jobs'
> = {
  directory: 'directory',
  territories: 'territories',
  frameworks: 'frameworks',
  'self-assessment': 'self_assessment',
  signin: 'signin',
  account: 'account',
  'admin/users': 'users',
  'admin/audit': 'audit',
  data: 'data',
  quality: 'quality',
  duplicates: 'duplicates',
  network: 'network',
  ecosystem: 'ecosystem',
  'ecosystem/compare': 'ecosystem_compare',
  partners: 'partners',
  trends: 'trends',
  report: 'report',
  suppliers: 'suppliers',
  knowledge: 'knowledge',
  'knowledge/transfer': 'knowledge_transfer',
  'knowledge/new': 'knowledge_case_new',
  finance: 'finance',
  'finance/loans': 'finance_loans',
  decide: 'decide',
  'decide/opinion': 'decide_opinion',
  processes: 'processes',
  jobs: 'jobs',
};

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
  const fixed = FIXED[parts.join('/')];
  // TypeScript checks an object against a union of more than 25 members one by one only up to
  // 25: the cast says what it cannot see, that each fixed page takes params alone.
  if (fixed) return { page: fixed, params } as Route;
  const id = parts.length >= 2 ? safeDecode(parts[1] ?? '') : '';
  if (parts[0] === 'actors' && id) {
    if (parts.length === 2) return { page: 'actor', id, params };
    if (parts.length === 3 && parts[2] === 'edit') return { page: 'actor_edit', id, params };
    if (parts.length === 3 && parts[2] === 'screening') {
      return { page: 'actor_screening', id, params };
    }
  }
  if (parts[0] === 'frameworks' && parts.length === 2 && id) {
    return { page: 'framework', id, params };
  }
  const caseId = parts.length >= 3 ? safeDecode(parts[2] ?? '') : '';
  if (parts[0] === 'knowledge' && parts[1] === 'cases' && caseId) {
    if (parts.length === 3) return { page: 'knowledge_case', id: caseId, params };
    if (parts.length === 4 && parts[3] === 'edit') {
      return { page: 'knowledge_case_edit', id: caseId, params };
    }
  }
  const finance = financeRoute(parts, params);
  if (finance) return finance;
  const participation = processRoute(parts, params);
  if (participation) return participation;
  return { page: 'not_found', path, params };
}

/**
 * #/finance/organisations/{id}, #/finance/funders/{id}, #/finance/funds/{id} and
 * #/finance/funds/{id}/allocation.
 */
function financeRoute(parts: string[], params: URLSearchParams): Route | null {
  const id = parts.length >= 3 ? safeDecode(parts[2] ?? '') : '';
  if (parts[0] !== 'finance' || !id) return null;
  if (parts[1] === 'organisations' && parts.length === 3) {
    return { page: 'finance_organisation', id, params };
  }
  if (parts[1] === 'funders' && parts.length === 3) return { page: 'finance_funder', id, params };
  if (parts[1] !== 'funds') return null;
  if (parts.length === 3) return { page: 'finance_fund', id, params };
  if (parts.length === 4 && parts[3] === 'allocation') {
    return { page: 'finance_allocation', id, params };
  }
  return null;
}

/** #/processes/{id}, #/processes/{id}/proposals/{pid} and #/processes/{id}/decisions/{did}. */
function processRoute(parts: string[], params: URLSearchParams): Route | null {
  const id = parts.length >= 2 ? safeDecode(parts[1] ?? '') : '';
  if (parts[0] !== 'processes' || !id) return null;
  if (parts.length === 2) return { page: 'process', id, params };
  const item = parts.length === 4 ? safeDecode(parts[3] ?? '') : '';
  if (!item) return null;
  if (parts[2] === 'proposals') return { page: 'process_proposal', id, item, params };
  if (parts[2] === 'decisions') return { page: 'process_decision', id, item, params };
  return null;
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
  page:
    | 'map'
    | 'directory'
    | 'territories'
    | 'frameworks'
    | 'self-assessment'
    | 'data'
    | 'quality'
    | 'duplicates'
    | 'network'
    | 'ecosystem'
    | 'partners'
    | 'trends'
    | 'report'
    | 'suppliers'
    | 'knowledge'
    | 'finance'
    | 'decide'
    | 'processes',
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

export function actorEditHref(id: string): string {
  return `${actorHref(id)}/edit`;
}

export function actorScreeningHref(id: string): string {
  return `${actorHref(id)}/screening`;
}

/** A case of the knowledge commons; with `version`, that stored version of it. */
export function knowledgeCaseHref(id: string, version?: number): string {
  const path = `#/knowledge/cases/${encodeURIComponent(id)}`;
  return version === undefined ? path : `${path}?version=${version}`;
}

/** The editor of a case's head version. */
export function knowledgeCaseEditHref(id: string): string {
  return `${knowledgeCaseHref(id)}/edit`;
}

/** The editor of a new case. */
export function knowledgeNewHref(): string {
  return '#/knowledge/new';
}

/** The version a case's route asks for (?version=n, a whole number from 1), else null. */
export function caseVersionParam(params: URLSearchParams): number | null {
  const raw = params.get('version')?.trim() ?? '';
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/** The transfer-analysis wizard, with a case chosen when `caseId` is given. */
export function knowledgeTransferHref(caseId?: string): string {
  return caseId
    ? `#/knowledge/transfer?${new URLSearchParams({ case: caseId })}`
    : '#/knowledge/transfer';
}

export const FINANCE_HREF = '#/finance';

/** An organisation's finance page. */
export function financeOrganisationHref(actorId: string): string {
  return `#/finance/organisations/${encodeURIComponent(actorId)}`;
}

/** A funder's page: its terms and its applicants ranked. */
export function financeFunderHref(id: string): string {
  return `#/finance/funders/${encodeURIComponent(id)}`;
}

/** A fund's page; with `loss` (cents), the waterfall of that loss. */
export function financeFundHref(id: string, loss?: number): string {
  const path = `#/finance/funds/${encodeURIComponent(id)}`;
  return loss === undefined ? path : `${path}?loss=${loss}`;
}

export function financeAllocationHref(id: string): string {
  return `${financeFundHref(id)}/allocation`;
}

/** The loan book, at a date and for a fund when given. */
export function financeLoansHref(asOf = '', fund = ''): string {
  const params = new URLSearchParams();
  if (asOf) params.set('as_of', asOf);
  if (fund) params.set('fund', fund);
  const query = params.toString();
  return `#/finance/loans${query ? `?${query}` : ''}`;
}

export function frameworkHref(id: string): string {
  return `#/frameworks/${encodeURIComponent(id)}`;
}

/** The sign-in page; `next` is the hash to return to once signed in. */
export function signInHref(next?: string, reason?: 'signed_out' | 'password'): string {
  const params = new URLSearchParams();
  if (next) params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return `#/signin${query ? `?${query}` : ''}`;
}

/** Where to go after signing in: only a hash of this app, never another site. */
export function safeNext(next: string | null): string {
  return next && /^#\/[^/]/.test(next) && !next.startsWith('#/signin') ? next : ACCOUNT_HREF;
}

export const ACCOUNT_HREF = '#/account';
export const USERS_HREF = '#/admin/users';
export const AUDIT_HREF = '#/admin/audit';
export const DATA_HREF = '#/data';
export const DUPLICATES_HREF = '#/duplicates';
/** The background jobs (screening the whole registry...) and their progress. */
export const JOBS_HREF = '#/jobs';

/** The background jobs in `state` (queued, running, done, failed), or all of them when empty. */
export function jobsHref(state = ''): string {
  return state ? `${JOBS_HREF}?${new URLSearchParams({ state })}` : JOBS_HREF;
}
/** The opinion map of a group's votes on statements. */
export const DECIDE_OPINION_HREF = '#/decide/opinion';

/** The participatory processes. */
export const PROCESSES_HREF = '#/processes';

export function processHref(id: string): string {
  return `${PROCESSES_HREF}/${encodeURIComponent(id)}`;
}

/** A proposal of a process, with its amendments, comments, responses and results. */
export function processProposalHref(id: string, proposal: string): string {
  return `${processHref(id)}/proposals/${encodeURIComponent(proposal)}`;
}

/** A decision of a process: voting, then its result and the receipts' check. */
export function processDecisionHref(id: string, decision: string): string {
  return `${processHref(id)}/decisions/${encodeURIComponent(decision)}`;
}
