// The decision tally (#/decide): the methods, the call (POST /api/v1/decide/tally, the engine's
// input as the body, open to anyone) and the reading of its answer, whose shape is the engine's
// (src/participation: tally.cc adds "method", "ballots", "quorum", "decided", "why_undecided",
// "leading" to what choices.cc, budget.cc, ranked.cc, schulze.cc and stv.cc write). The reader
// is tolerant: a key the method does not write is empty, never an error.

import { API_BASE, requestJson } from './api';

export const METHODS = [
  'consent',
  'single_choice',
  'approval',
  'score',
  'dot_vote',
  'borda',
  'instant_runoff',
  'schulze',
  'stv',
  'budget_greedy',
  'equal_shares',
] as const;
export type Method = (typeof METHODS)[number];

export const PRESETS = ['', 'fr_scic', 'qc_solidarity', 'it_coop'] as const;
export type Preset = (typeof PRESETS)[number];

export const RANKED: readonly Method[] = ['borda', 'instant_runoff', 'schulze', 'stv'];
export const BUDGETING: readonly Method[] = ['budget_greedy', 'equal_shares'];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && (METHODS as readonly string[]).includes(value);
}

export const DECIDE_TALLY_URL = `${API_BASE}/decide/tally`;

export const decideApi = {
  /** Tallies `input` (the engine's JSON form); rejects with ApiError on a 400 naming the field. */
  tally: async (input: unknown, signal?: AbortSignal): Promise<TallyResult> =>
    parseTallyResult(await requestJson<unknown>('POST', DECIDE_TALLY_URL, { body: input, signal })),
};

export type Numbers = Record<string, number>;
/** matrix[x][y]: x over y (pairwise wins, or the strongest path's strength). */
export type Matrix = Record<string, Numbers>;

export interface QuorumCondition {
  rule: string;
  needed: number;
  actual: number;
  met: boolean;
}

export interface ThresholdResult {
  met: boolean;
  share: number;
  needed: number;
  strictlyMore: boolean;
  /** "votes cast" or "eligible voters". */
  of: string;
}

export interface CollegeResult {
  name: string;
  weight: number;
  members: number;
  ballots: number;
  effectiveWeight: number;
  shares: Numbers;
}

export interface Transfer {
  from: string;
  kind: string;
  transferValue: number | null;
  to: Numbers;
  exhausted: number;
}

/** A round of instant-runoff or STV; IRV's single "elected"/"eliminated" become lists. */
export interface CountRound {
  counts: Numbers;
  exhausted: number;
  elected: string[];
  eliminated: string[];
  tie: boolean;
  note: string;
  transfers: Transfer[];
}

/** A round of budgeting: greedy lists every option, equal shares each one funded. */
export interface BudgetRound {
  option: string;
  cost: number;
  votes: number;
  funded: boolean;
  reason: string;
  budgetLeft: number | null;
  maxPayment: number | null;
  effectiveVotes: number | null;
  votersMoneyLeft: number | null;
}

export interface BudgetResult {
  funded: { id: string; cost: number; votes: number }[];
  budget: number;
  spent: number;
  budgetLeft: number;
  rounds: BudgetRound[];
  sharePerVoter: number | null;
}

export interface TallyResult {
  method: string;
  decided: boolean;
  whyUndecided: string;
  winners: string[];
  leading: string[];
  tie: boolean;
  tieBreak: string | null;
  tied: string[];
  tieBreakOrder: string[];
  ballots: {
    cast: number;
    byChannel: Numbers;
    byCollege: Numbers;
    proxies: number;
    represented: number;
  };
  quorum: { met: boolean; conditions: QuorumCondition[] };
  threshold: ThresholdResult | null;
  /** Consent: "adopted", "blocked" or "rejected"; with a threshold not reached, its words. */
  decision: string;
  rule: string;
  weightingRule: string;
  /** Weighted totals (choices), Borda's scores. */
  totals: Numbers | null;
  shares: Numbers | null;
  means: Numbers | null;
  ranking: string[];
  pairwise: Matrix | null;
  strongestPaths: Matrix | null;
  rounds: CountRound[];
  quota: number | null;
  /** STV: the seats filled. */
  seats: number | null;
  reserved: { category: string; seats: number; elected: number }[];
  budget: BudgetResult | null;
  colleges: CollegeResult[];
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : arr(v).filter((x): x is string => typeof x === 'string');

function numbers(v: unknown): Numbers {
  const out: Numbers = {};
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === 'number') out[k] = x;
  return out;
}

function numbersOrNull(v: unknown): Numbers | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? numbers(v) : null;
}

function matrix(v: unknown): Matrix | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const out: Matrix = {};
  for (const [k, row] of Object.entries(v as Obj)) out[k] = numbers(row);
  return out;
}

function threshold(v: unknown): ThresholdResult | null {
  if (v === null || typeof v !== 'object') return null;
  const o = obj(v);
  return {
    met: o.met === true,
    share: num(o.share),
    needed: num(o.needed),
    strictlyMore: o.strictly_more !== false,
    of: str(o.of),
  };
}

function transfer(v: unknown): Transfer {
  const o = obj(v);
  return {
    from: str(o.from),
    kind: str(o.kind),
    transferValue: numOrNull(o.transfer_value),
    to: numbers(o.to),
    exhausted: num(o.exhausted),
  };
}

function countRound(v: unknown): CountRound {
  const o = obj(v);
  return {
    counts: numbers(o.counts),
    exhausted: num(o.exhausted),
    elected: strs(o.elected),
    eliminated: strs(o.eliminated),
    tie: o.tie === true,
    note: str(o.note),
    transfers: arr(o.transfers).map(transfer),
  };
}

function budgetRound(v: unknown): BudgetRound {
  const o = obj(v);
  return {
    option: str(o.option),
    cost: num(o.cost),
    votes: num(o.votes),
    // Equal shares lists only what it funds; greedy says so for each option.
    funded: o.funded !== false,
    reason: str(o.reason),
    budgetLeft: numOrNull(o.budget_left),
    maxPayment: numOrNull(o.max_payment),
    effectiveVotes: numOrNull(o.effective_votes),
    votersMoneyLeft: numOrNull(o.voters_money_left),
  };
}

function budget(o: Obj): BudgetResult | null {
  if (!Array.isArray(o.funded)) return null;
  return {
    funded: o.funded.map((f) => {
      const x = obj(f);
      return { id: str(x.id), cost: num(x.cost), votes: num(x.votes) };
    }),
    budget: num(o.budget),
    spent: num(o.spent),
    budgetLeft: num(o.budget_left),
    rounds: arr(o.rounds).map(budgetRound),
    sharePerVoter: numOrNull(o.share_per_voter),
  };
}

function college(v: unknown): CollegeResult {
  const o = obj(v);
  return {
    name: str(o.name),
    weight: num(o.weight),
    members: num(o.members),
    ballots: num(o.ballots),
    effectiveWeight: num(o.effective_weight),
    shares: numbers(o.shares),
  };
}

function quorumCondition(v: unknown): QuorumCondition {
  const o = obj(v);
  return { rule: str(o.rule), needed: num(o.needed), actual: num(o.actual), met: o.met === true };
}

/** Reads the engine's answer; budgeting's rounds and the count rounds share the "rounds" key. */
export function parseTallyResult(raw: unknown): TallyResult {
  const o = obj(raw);
  const ballots = obj(o.ballots);
  const quorum = obj(o.quorum);
  const budgeting = BUDGETING.includes(str(o.method) as Method);
  return {
    method: str(o.method),
    decided: o.decided === true,
    whyUndecided: str(o.why_undecided),
    winners: strs(o.winners),
    leading: strs(o.leading),
    tie: o.tie === true,
    tieBreak: typeof o.tie_break === 'string' ? o.tie_break : null,
    tied: strs(o.tied),
    tieBreakOrder: strs(o.tie_break_order),
    ballots: {
      cast: num(ballots.cast),
      byChannel: numbers(ballots.by_channel),
      byCollege: numbers(ballots.by_college),
      proxies: num(ballots.proxies),
      represented: num(ballots.represented),
    },
    quorum: { met: quorum.met !== false, conditions: arr(quorum.conditions).map(quorumCondition) },
    threshold: threshold(o.threshold),
    decision: str(o.decision),
    rule: str(o.rule),
    weightingRule: str(obj(o.weighting).rule),
    totals: numbersOrNull(o.totals) ?? numbersOrNull(o.scores),
    shares: numbersOrNull(o.shares),
    means: numbersOrNull(o.means),
    ranking: strs(o.ranking),
    pairwise: matrix(o.pairwise),
    strongestPaths: matrix(o.strongest_paths),
    rounds: budgeting ? [] : arr(o.rounds).map(countRound),
    quota: numOrNull(o.quota),
    seats: numOrNull(o.seats),
    reserved: arr(o.reserved).map((r) => {
      const x = obj(r);
      return { category: str(x.category), seats: num(x.seats), elected: num(x.elected) };
    }),
    budget: budgeting ? budget(o) : null,
    colleges: arr(o.colleges).map(college),
  };
}
