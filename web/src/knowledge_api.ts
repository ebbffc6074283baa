// The calls of the knowledge commons (/api/v1/knowledge), each answer read by its parser so that
// a page gets typed values or an error that says what was wrong with the answer.

import { API_BASE, requestJson, withQuery } from './api';
import {
  parseCaseRecord,
  parseCaseSearch,
  parseSimilar,
  parseVersions,
  type CaseRecord,
  type CaseSearch,
  type CaseSummary,
  type CaseVersion,
  type ReviewAction,
} from './knowledge';
import { parseEditableCase, type EditableCase } from './knowledge_case_record';
import {
  casesUrl,
  DEFAULT_LIMIT,
  EMPTY_KNOWLEDGE_QUERY,
  type KnowledgeQuery,
} from './knowledge_query';
import {
  parseLineage,
  parseReviews,
  parseTransferRecord,
  type Lineage,
  type ReviewEntry,
  type TransferRecord,
} from './knowledge_lineage';
import {
  parseContextFramework,
  parseTransferAnalysis,
  type ContextFramework,
  type TargetContext,
  type TransferAnalysis,
} from './knowledge_transfer';
import {
  parseWatch,
  parseWatches,
  watchBody,
  watchUrl,
  WATCHES_URL,
  type Watch,
} from './knowledge_watch';

export const KNOWLEDGE_BASE = `${API_BASE}/knowledge`;

export function caseUrl(id: string, lang?: string): string {
  const path = `${KNOWLEDGE_BASE}/cases/${encodeURIComponent(id)}`;
  return lang ? withQuery(path, new URLSearchParams({ lang })) : path;
}

export function similarUrl(id: string, lang: string, limit = 5): string {
  return withQuery(`${caseUrl(id)}/similar`, new URLSearchParams({ limit: String(limit), lang }));
}

/** One stored version of a case. */
export function caseVersionUrl(id: string, version: number, lang: string): string {
  return withQuery(`${caseUrl(id)}/versions/${version}`, new URLSearchParams({ lang }));
}

export function contextFrameworkUrl(lang: string): string {
  return withQuery(`${KNOWLEDGE_BASE}/context-framework`, new URLSearchParams({ lang }));
}

const get = (url: string, signal?: AbortSignal) => requestJson<unknown>('GET', url, { signal });

export const knowledgeApi = {
  search: async (query: KnowledgeQuery, lang: string, signal?: AbortSignal): Promise<CaseSearch> =>
    parseCaseSearch(await get(casesUrl(query, lang), signal)),
  /** The wizard's case picker: the first cases matching `q`. */
  find: async (q: string, lang: string, signal?: AbortSignal): Promise<CaseSearch> =>
    parseCaseSearch(
      await get(casesUrl({ ...EMPTY_KNOWLEDGE_QUERY, q, limit: DEFAULT_LIMIT / 2 }, lang), signal),
    ),
  case: async (id: string, lang: string, signal?: AbortSignal): Promise<CaseRecord> =>
    parseCaseRecord(await get(caseUrl(id, lang), signal)),
  /** The case as GET /cases/{id} answers, its whole document kept, for the editor. */
  editableCase: async (id: string, signal?: AbortSignal): Promise<EditableCase> =>
    parseEditableCase(await get(caseUrl(id), signal)),
  /** A new case, a draft (POST /cases). */
  createCase: async (doc: Record<string, unknown>): Promise<CaseRecord> =>
    parseCaseRecord(await requestJson<unknown>('POST', `${KNOWLEDGE_BASE}/cases`, { body: doc })),
  /** A new version of a case, a draft; refused (409) when `baseVersion` is not the head. */
  updateCase: async (
    id: string,
    baseVersion: number,
    doc: Record<string, unknown>,
  ): Promise<CaseRecord> =>
    parseCaseRecord(
      await requestJson<unknown>('PUT', caseUrl(id), {
        body: { ...doc, base_version: baseVersion },
      }),
    ),
  caseVersion: async (
    id: string,
    version: number,
    lang: string,
    signal?: AbortSignal,
  ): Promise<CaseRecord> => parseCaseRecord(await get(caseVersionUrl(id, version, lang), signal)),
  versions: async (id: string, signal?: AbortSignal): Promise<CaseVersion[]> =>
    parseVersions(await get(`${caseUrl(id)}/versions`, signal)),
  similar: async (id: string, lang: string, signal?: AbortSignal): Promise<CaseSummary[]> =>
    parseSimilar(await get(similarUrl(id, lang), signal)),
  review: async (id: string, action: ReviewAction, comment: string): Promise<CaseRecord> =>
    parseCaseRecord(
      await requestJson<unknown>('POST', `${caseUrl(id)}/review`, {
        body: comment ? { action, comment } : { action },
      }),
    ),
  contextFramework: async (lang: string, signal?: AbortSignal): Promise<ContextFramework> =>
    parseContextFramework(await get(contextFrameworkUrl(lang), signal)),
  transfer: async (
    caseId: string,
    context: TargetContext,
    lang: string,
    signal?: AbortSignal,
  ): Promise<TransferAnalysis> =>
    parseTransferAnalysis(
      await requestJson<unknown>('POST', `${KNOWLEDGE_BASE}/transfer`, {
        body: { case: caseId, context, lang },
        signal,
      }),
    ),
  /** Where the case came from and went; texts in every language (the page picks). */
  lineage: async (id: string, signal?: AbortSignal): Promise<Lineage> =>
    parseLineage(await get(`${caseUrl(id)}/lineage`, signal)),
  reviews: async (id: string, signal?: AbortSignal): Promise<ReviewEntry[]> =>
    parseReviews(await get(`${caseUrl(id)}/reviews`, signal)),
  recordTransfer: async (doc: Record<string, unknown>): Promise<TransferRecord> =>
    parseTransferRecord(
      await requestJson<unknown>('POST', `${KNOWLEDGE_BASE}/transfers`, { body: doc }),
    ),
  watches: async (signal?: AbortSignal): Promise<Watch[]> =>
    parseWatches(await get(WATCHES_URL, signal)),
  follow: async (name: string, query: KnowledgeQuery): Promise<Watch> =>
    parseWatch(await requestJson<unknown>('POST', WATCHES_URL, { body: watchBody(name, query) })),
  unfollow: async (id: string): Promise<void> => {
    await requestJson<unknown>('DELETE', watchUrl(id));
  },
};
