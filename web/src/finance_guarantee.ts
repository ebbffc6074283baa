// Guarantee funds and match-funded campaigns (docs/finance.md): the answers of
// GET /finance/guarantee-funds/{id} (GuaranteeFundReportToJson, guarantee_fund_json.cc) and
// GET /finance/campaigns/{id} (MatchResultToJson, match_json.cc) read into typed values, with the
// terms of each from its stored record. Amounts are integer cents; coverage, leverage and shares
// are plain numbers (0.65, 2). Lenient like finance.ts: they throw only when the answer lacks its
// report or match.

import { parseRecord, type FinanceRecord } from './finance';
import { arr, isObject, num, numOrNull, obj, str, type Json } from './json_read';

export interface GuaranteeTerms {
  capital: number;
  /** 0 = no cap. */
  perLoanCap: number;
  coverage: number;
  leverage: number;
  annualFeeRate: number;
}

export interface GuaranteeLine {
  loanId: string;
  guaranteed: number;
  annualFee: number;
  called: boolean;
}

export interface GuaranteeCallResult {
  loanId: string;
  loss: number;
  covered: number;
  paid: number;
  /** "coverage", "per_loan_cap" or "fund_capital". */
  limitedBy: string;
  lenderBears: number;
}

export interface GuaranteeFundView {
  id: string;
  name: string;
  currency: string;
  terms: GuaranteeTerms;
  guarantees: GuaranteeLine[];
  calls: GuaranteeCallResult[];
  capitalLeft: number;
  limit: number;
  exposure: number;
  /** Negative when the exposure is over the limit. */
  remainingCapacity: number;
  annualFees: number;
}

/** The clauses of a campaign's match rule that the page explains (match.h). */
export interface MatchTerms {
  matchPerUnit: number | null;
  cap: number | null;
  maxBudgetShare: number | null;
  allOrNothing: boolean;
}

export interface Blocker {
  /** "share_of_target", "min_backers" or "all_or_nothing". */
  kind: string;
  needed: number;
  have: number;
  why: string;
}

export interface MatchOutcome {
  passed: boolean;
  targetReached: boolean;
  /** "funded", "short" or "failed". */
  outcome: string;
  match: number;
  collected: number;
  refunded: number;
}

export interface CampaignView {
  id: string;
  name: string;
  currency: string;
  target: number;
  budget: number;
  deadline: string;
  terms: MatchTerms;
  asOf: string;
  raised: number;
  backers: number;
  matchEarned: number;
  /** "ratio", "cap" or "budget_share". */
  limitedBy: string;
  released: boolean;
  owedNow: number;
  blockers: Blocker[];
  atDeadline: MatchOutcome;
}

function need(condition: boolean, what: string): void {
  if (!condition) throw new Error(`unexpected answer from the server: ${what}`);
}

/** The records of a list answer ({"items": [...]}) not deleted, by id. */
export function parseRecordList(v: unknown, what: string): FinanceRecord[] {
  need(Array.isArray(obj(v).items), `no list of ${what}`);
  return arr(obj(v).items)
    .map(parseRecord)
    .filter((r): r is FinanceRecord => r !== null && !r.deleted)
    .sort((a, b) => a.id.localeCompare(b.id));
}

const nameOf = (doc: Json, id: string) => str(doc.name) || id;

function parseGuaranteeTerms(v: unknown): GuaranteeTerms {
  const f = obj(v);
  return {
    capital: num(f.capital),
    perLoanCap: num(f.per_loan_cap),
    coverage: num(f.coverage),
    leverage: numOrNull(f.leverage) ?? 1,
    annualFeeRate: num(f.annual_fee_rate),
  };
}

/** GET /finance/guarantee-funds/{id}: {"record", "report"}. */
export function parseGuaranteeFundView(v: unknown): GuaranteeFundView {
  const o = obj(v);
  need(isObject(o.report), 'no guarantee fund report');
  const r = obj(o.report);
  const record = parseRecord(o.record);
  const doc = record?.doc ?? {};
  const id = record?.id ?? '';
  return {
    id,
    name: nameOf(doc, id),
    currency: str(doc.currency) || str(obj(doc.fund).currency),
    terms: parseGuaranteeTerms(doc.fund),
    guarantees: arr(r.guarantees).map((x) => {
      const g = obj(x);
      return {
        loanId: str(g.loan_id),
        guaranteed: num(g.guaranteed),
        annualFee: num(g.annual_fee),
        called: g.called === true,
      };
    }),
    calls: arr(r.calls).map((x) => {
      const c = obj(x);
      return {
        loanId: str(c.loan_id),
        loss: num(c.loss),
        covered: num(c.covered),
        paid: num(c.paid),
        limitedBy: str(c.limited_by),
        lenderBears: num(c.lender_bears),
      };
    }),
    capitalLeft: num(r.capital_left),
    limit: num(r.limit),
    exposure: num(r.exposure),
    remainingCapacity: num(r.remaining_capacity),
    annualFees: num(r.annual_fees),
  };
}

/** The rule's clauses as the campaign's record stores them ({"kind": "ratio", ...}). */
export function parseMatchTerms(rule: unknown): MatchTerms {
  const terms: MatchTerms = {
    matchPerUnit: null,
    cap: null,
    maxBudgetShare: null,
    allOrNothing: false,
  };
  for (const x of arr(obj(rule).clauses)) {
    const c = obj(x);
    if (c.kind === 'ratio') terms.matchPerUnit = numOrNull(c.match_per_unit);
    if (c.kind === 'cap') terms.cap = numOrNull(c.amount);
    if (c.kind === 'budget_share') terms.maxBudgetShare = numOrNull(c.max_share);
    if (c.kind === 'all_or_nothing') terms.allOrNothing = true;
  }
  return terms;
}

function parseOutcome(v: unknown): MatchOutcome {
  const d = obj(v);
  return {
    passed: d.passed === true,
    targetReached: d.target_reached === true,
    outcome: str(d.outcome),
    match: num(d.match),
    collected: num(d.collected),
    refunded: num(d.refunded),
  };
}

/** GET /finance/campaigns/{id}: {"record", "match"}. */
export function parseCampaignView(v: unknown): CampaignView {
  const o = obj(v);
  need(isObject(o.match), 'no match result');
  const m = obj(o.match);
  const record = parseRecord(o.record);
  const doc = record?.doc ?? {};
  const id = record?.id || str(m.campaign);
  const target = num(doc.target);
  return {
    id,
    name: nameOf(doc, id),
    currency: str(doc.currency),
    target,
    budget: numOrNull(doc.budget) ?? target,
    deadline: str(doc.deadline),
    terms: parseMatchTerms(doc.rule),
    asOf: str(m.as_of),
    raised: num(m.raised),
    backers: num(m.backers),
    matchEarned: num(m.match_earned),
    limitedBy: str(m.limited_by),
    released: m.released === true,
    owedNow: num(m.owed_now),
    blockers: arr(m.blockers).map((x) => {
      const b = obj(x);
      return { kind: str(b.kind), needed: num(b.needed), have: num(b.have), why: str(b.why) };
    }),
    atDeadline: parseOutcome(m.deadline),
  };
}
