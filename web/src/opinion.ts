// The opinion map (#/decide/opinion): the call (POST /api/v1/decide/opinion, open to anyone,
// storing nothing) and the reading of its answer: the participants placed on the two main axes
// of their votes (PCA), the groups found by k-means (k chosen by silhouette), each group's
// representative statements, the statements every group agrees on (group-informed consensus,
// GIC), and the same by college when participants name one. The reader is tolerant: a key the
// server does not write is empty, never an error.

import { API_BASE, requestJson } from './api';

export const DECIDE_OPINION_URL = `${API_BASE}/decide/opinion`;

export interface Loading {
  statement: string;
  loading: number;
}

export interface OpinionPoint {
  participant: string;
  x: number;
  y: number;
  group: number;
}

export interface Representative {
  statement: string;
  text: string;
  direction: 'agree' | 'disagree';
  agree: number;
  disagree: number;
  pass: number;
  votes: number;
  share: number;
  repness: number;
  z: number;
}

export interface OpinionGroup {
  /** A number for the opinion groups, a college's name for the college view. */
  id: string;
  size: number;
  centroid: [number, number] | null;
  representative: Representative[];
}

export interface Consensus {
  statement: string;
  text: string;
  gic: number;
  agree: number;
  disagree: number;
  pass: number;
  votes: number;
}

export interface OpinionResult {
  participants: number;
  placed: number;
  statements: number;
  votes: number;
  explained: number[];
  topLoadings: Loading[][];
  points: OpinionPoint[];
  k: number;
  /** Silhouette per k tried, in increasing k. */
  silhouette: { k: number; score: number }[];
  groups: OpinionGroup[];
  consensus: Consensus[];
  colleges: { groups: OpinionGroup[]; consensus: Consensus[] } | null;
}

export const opinionApi = {
  /** Maps `input`; rejects with ApiError (the server's message) on a 400. */
  map: async (input: unknown, signal?: AbortSignal): Promise<OpinionResult> =>
    parseOpinionResult(
      await requestJson<unknown>('POST', DECIDE_OPINION_URL, { body: input, signal }),
    ),
};

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

function representative(v: unknown): Representative {
  const o = obj(v);
  return {
    statement: str(o.statement),
    text: str(o.text),
    direction: o.direction === 'disagree' ? 'disagree' : 'agree',
    agree: num(o.agree),
    disagree: num(o.disagree),
    pass: num(o.pass),
    votes: num(o.votes),
    share: num(o.share),
    repness: num(o.repness),
    z: num(o.z),
  };
}

function group(v: unknown): OpinionGroup {
  const o = obj(v);
  const c = arr(o.centroid);
  return {
    id: str(o.id),
    size: num(o.size),
    centroid: c.length === 2 ? [num(c[0]), num(c[1])] : null,
    representative: arr(o.representative).map(representative),
  };
}

function consensus(v: unknown): Consensus {
  const o = obj(v);
  return {
    statement: str(o.statement),
    text: str(o.text),
    gic: num(o.gic),
    agree: num(o.agree),
    disagree: num(o.disagree),
    pass: num(o.pass),
    votes: num(o.votes),
  };
}

export function parseOpinionResult(raw: unknown): OpinionResult {
  const o = obj(raw);
  const pca = obj(o.pca);
  const colleges = o.colleges;
  return {
    participants: num(o.participants),
    placed: num(o.placed),
    statements: num(o.statements),
    votes: num(o.votes),
    explained: arr(pca.explained_variance_ratio).map(num),
    topLoadings: arr(pca.top_loadings).map((axis) =>
      arr(axis).map((l) => ({ statement: str(obj(l).statement), loading: num(obj(l).loading) })),
    ),
    points: arr(o.points).map((p) => {
      const x = obj(p);
      return { participant: str(x.participant), x: num(x.x), y: num(x.y), group: num(x.group) };
    }),
    k: num(o.k),
    silhouette: Object.entries(obj(o.silhouette))
      .map(([k, s]) => ({ k: Number(k), score: num(s) }))
      .filter((s) => Number.isFinite(s.k))
      .sort((a, b) => a.k - b.k),
    groups: arr(o.groups).map(group),
    consensus: arr(o.consensus).map(consensus),
    colleges:
      colleges !== null && typeof colleges === 'object'
        ? {
            groups: arr(obj(colleges).groups).map(group),
            consensus: arr(obj(colleges).consensus).map(consensus),
          }
        : null,
  };
}

/** Consensus statements, the highest group-informed consensus first. */
export function byGic(list: Consensus[]): Consensus[] {
  return [...list].sort((a, b) => b.gic - a.gic);
}
