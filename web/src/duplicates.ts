// Entity resolution for stewards (docs/entity-resolution.md): the review queue of candidate
// duplicates, merges by survivorship rules, undo, and decisions that two actors are distinct.
// Types and calls of /api/v1/duplicates and /api/v1/merges, and the pure logic of the review
// page.

import { API_BASE, getJson, requestJson, withQuery } from './api';

/** One actor of a candidate cluster, as the reviewer may see it. */
export interface DuplicateActor {
  id: string;
  name?: string;
  kind?: string;
  source?: string;
  legal_form?: string;
  address?: { street: string; locality: string; postcode: string; country: string };
  website?: string;
  identifiers?: Record<string, string>;
  founded?: string;
  version?: number;
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

export interface DuplicateCluster {
  ids: string[];
  score: number;
  pairs: DuplicatePair[];
  actors: DuplicateActor[];
}

export interface DuplicateQueue {
  total: number;
  threshold: number;
  items: DuplicateCluster[];
}

export interface MergeField {
  field: string;
  from: string[];
  before: unknown;
  after: unknown;
}

export interface MergeRecord {
  id: string;
  survivor: string;
  merged: string[];
  created_at: string;
  who: string;
  undone_at: string | null;
  undone_by: string | null;
  fields: MergeField[];
  identifiers?: { scheme: string; value: string; from: string }[];
  /** Dry runs: the survivor as the merge would leave it. */
  result?: Record<string, unknown>;
  undo?: { kept: string[] };
}

export interface MergeRequest {
  survivor: string;
  merged: string[];
  dry_run?: boolean;
}

export const duplicatesApi = {
  queue: (signal?: AbortSignal) => getJson<DuplicateQueue>(`${API_BASE}/duplicates`, signal),
  merge: (request: MergeRequest) =>
    requestJson<MergeRecord>('POST', `${API_BASE}/merges`, { body: request }),
  merges: (signal?: AbortSignal) =>
    getJson<{ items: MergeRecord[] }>(
      withQuery(`${API_BASE}/merges`, new URLSearchParams({ limit: '20' })),
      signal,
    ),
  undo: (id: string) =>
    requestJson<MergeRecord>('POST', `${API_BASE}/merges/${encodeURIComponent(id)}/undo`),
  decide: (a: string, b: string, distinct: boolean) =>
    requestJson<undefined>('POST', `${API_BASE}/duplicates/decisions`, {
      body: { a, b, distinct },
    }),
};

/**
 * The record proposed as survivor: the one with most identifiers (a register's record carries
 * its registration number), then the one with most filled fields, then the first.
 */
export function proposedSurvivor(actors: DuplicateActor[]): string {
  let best: DuplicateActor | undefined;
  let bestKey: [number, number] = [-1, -1];
  for (const actor of actors) {
    const key: [number, number] = [Object.keys(actor.identifiers ?? {}).length, filled(actor)];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = actor;
      bestKey = key;
    }
  }
  return best?.id ?? '';
}

function filled(actor: DuplicateActor): number {
  const address = actor.address;
  return [
    actor.name,
    actor.legal_form,
    actor.website,
    actor.founded,
    address && (address.street || address.locality || address.postcode),
  ].filter((v) => Boolean(v)).length;
}

/** The merge request that keeps `survivor` and folds the cluster's other actors into it. */
export function mergeRequestFor(
  cluster: DuplicateCluster,
  survivor: string,
  dryRun = false,
): MergeRequest {
  if (!cluster.ids.includes(survivor)) {
    throw new Error(`${survivor} is not in the cluster ${cluster.ids.join(', ')}`);
  }
  const request: MergeRequest = { survivor, merged: cluster.ids.filter((id) => id !== survivor) };
  if (dryRun) request.dry_run = true;
  return request;
}

/** Every pair of the cluster, for recording that its actors are all distinct. */
export function pairsOf(ids: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) out.push([ids[i] ?? '', ids[j] ?? '']);
  }
  return out;
}

/** A field's value as one line of text for the comparison table and the merge preview. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(displayValue).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, displayValue(v)])
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
  }
  return '';
}

/** The address of an actor on one line ("89 Albany Road, M21 0BN Manchester, GB"). */
export function addressLine(actor: DuplicateActor): string {
  const a = actor.address;
  if (!a) return '';
  const place = [a.postcode, a.locality].filter(Boolean).join(' ');
  return [a.street, place, a.country].filter(Boolean).join(', ');
}
