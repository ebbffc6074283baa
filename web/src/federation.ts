// Federation (docs/federation.md): this instance's change feed, the peers it pulls from and a
// pull from a peer. Types and calls of GET /api/v1/sync/peers and POST /api/v1/sync, and the pure
// logic of the federation panel of the open data page.

import { API_BASE, getJson, requestJson } from './api';
import type { MessageKey } from './i18n/i18n';
import { isObject } from './json_read';

/** One instance this one has pulled from (GET /sync/peers). */
export interface SyncPeer {
  /** The peer's address, e.g. "http://map.example.org". */
  url: string;
  /** The position reached in its feed ("<generation>.<row>"). */
  cursor: string;
  /** When the last page was committed (ISO 8601), or "" when never. */
  last_sync: string;
  /** Items pulled from it in all. */
  pulled: number;
}

/** GET /sync/peers: this instance's feed URL and the peers it pulls from. */
export interface SyncPeers {
  feed: string;
  items: SyncPeer[];
}

/** POST /sync: what a pull did (interop::SyncReportToJson). */
export interface SyncReport {
  peer: string;
  /** The identifier scheme of the peer's actors here: "ecosol@<host[:port]>". */
  scheme: string;
  pages: number;
  pulled: number;
  created: number;
  updated: number;
  matched: number;
  removed: number;
  unchanged: number;
  cursor: string;
}

/** The calls the panel makes (the API; a fake in tests). */
export interface FederationApi {
  peers(signal?: AbortSignal): Promise<SyncPeers>;
  sync(url: string): Promise<SyncReport>;
}

export const SYNC_PEERS_URL = `${API_BASE}/sync/peers`;
export const SYNC_URL = `${API_BASE}/sync`;

export const federationApi: FederationApi = {
  peers: (signal) => getJson<SyncPeers>(SYNC_PEERS_URL, signal),
  sync: (url) => requestJson<SyncReport>('POST', SYNC_URL, { body: { url } }),
};

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isSyncPeer(value: unknown): value is SyncPeer {
  return (
    isObject(value) &&
    typeof value.url === 'string' &&
    typeof value.cursor === 'string' &&
    typeof value.last_sync === 'string' &&
    isCount(value.pulled)
  );
}

/** Whether an answer of GET /sync/peers has the documented shape. */
export function isSyncPeers(value: unknown): value is SyncPeers {
  return (
    isObject(value) &&
    typeof value.feed === 'string' &&
    Array.isArray(value.items) &&
    value.items.every(isSyncPeer)
  );
}

/** The counts of a report, in the order the panel lists them. */
export const REPORT_COUNTS = ['created', 'updated', 'matched', 'removed', 'unchanged'] as const;
export type ReportCount = (typeof REPORT_COUNTS)[number];

/** Whether an answer of POST /sync has the documented shape. */
export function isSyncReport(value: unknown): value is SyncReport {
  return (
    isObject(value) &&
    typeof value.peer === 'string' &&
    typeof value.scheme === 'string' &&
    typeof value.cursor === 'string' &&
    isCount(value.pages) &&
    isCount(value.pulled) &&
    REPORT_COUNTS.every((name) => isCount(value[name]))
  );
}

/**
 * What is wrong with an address typed in the sync form, as a catalogue key, or null when it may
 * be sent. The server has the last word (it names the address it cannot reach or read).
 */
export function peerUrlProblem(value: string): MessageKey | null {
  const url = value.trim();
  if (!url) return 'federation.urlRequired';
  if (!/^https?:\/\/[^/?#\s]/i.test(url)) return 'federation.urlScheme';
  return null;
}

/** The peers, the most recently pulled first; never-pulled ones last, by address. */
export function sortPeers(peers: readonly SyncPeer[]): SyncPeer[] {
  return [...peers].sort(
    (a, b) => b.last_sync.localeCompare(a.last_sync) || a.url.localeCompare(b.url),
  );
}

/** Whether a pull brought nothing: every item it read was already known as it is. */
export function broughtNothing(report: SyncReport): boolean {
  return report.created + report.updated + report.matched + report.removed === 0;
}

/**
 * The sentence that says why a pull failed, from the ApiError's status: the peer cannot be
 * reached (503), it answered but not with a feed, or an item could not be written (400, 404),
 * the visitor may not pull (401, 403), or this server cannot be reached (0).
 */
export function syncFailureKey(status: number): MessageKey {
  switch (status) {
    case 0:
      return 'federation.failedNetwork';
    case 503:
      return 'federation.failedUnreachable';
    case 400:
    case 404:
      return 'federation.failedRefused';
    case 401:
    case 403:
      return 'federation.failedForbidden';
    default:
      return 'federation.failedOther';
  }
}
