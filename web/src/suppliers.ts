// Suppliers for a tender (docs/http-api.md, "Suppliers for a tender"): the tender a buyer
// describes, read from the page's form; the answer of POST /api/v1/ecosystem/suppliers read into
// typed values (defensively: a missing field is empty, never a crash); the body of
// POST /api/v1/ecosystem/awards; and the words for a fact's value. Pure functions, no DOM.

import { API_BASE, requestJson } from './api';
import { textOf, type Text } from './ecosystem_blocks';
import { arr, num, obj, str, strings } from './json_read';

export const RESERVATIONS = ['eu-2014-24-art20', 'eu-2014-24-art77'] as const;
export type Reservation = (typeof RESERVATIONS)[number];

export const VERDICTS = ['eligible', 'not_eligible', 'insufficient_evidence'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The request body; optional keys are left out rather than sent empty (unknown keys are refused). */
export interface Tender {
  buyer: string;
  title: string;
  reference?: string;
  date: string;
  activities: string[];
  territory: string;
  reservation?: Reservation;
  max_duration_years?: number;
}

/** What the form holds, as typed. */
export interface TenderFields {
  buyer: string;
  title: string;
  reference: string;
  date: string;
  activities: string;
  territory: string;
  reservation: string;
  maxDuration: string;
}

export interface FactRead {
  fact: string;
  missing: boolean;
  /** Absent when missing, or hidden from a reader who may not assess the supplier. */
  value: unknown;
  hasValue: boolean;
  source: string;
  by: string;
  date: string;
}

export interface ConditionSource {
  ref: string;
  article: string;
  title: string;
  url: string;
}

export interface SupplierCondition {
  id: string;
  condition: Text;
  status: string;
  facts: FactRead[];
  missing: string[];
  source: ConditionSource;
  text: Text;
}

export interface RecentAward {
  relationshipId: string;
  date: string;
  reservation: string;
  description: string;
}

export interface SupplierActor {
  id: string;
  name: string;
  kind: string;
  territory: string;
  activities: string[];
  sector: string;
}

export interface Supplier {
  actor: SupplierActor;
  verdict: string;
  summary: Text;
  screened: boolean;
  profileVersion: number;
  factsShown: boolean;
  matchedActivities: string[];
  evidence: { decided: number; conditions: number; completeness: number };
  conditions: SupplierCondition[];
  recentAwards: RecentAward[];
}

export interface SupplierCounts {
  candidates: number;
  eligible: number;
  not_eligible: number;
  insufficient_evidence: number;
}

export interface SupplierReport {
  buyer: { id: string; name: string };
  reservation: { framework: string; version: string; title: Text } | null;
  counts: SupplierCounts;
  suppliers: Supplier[];
}

// ---- the tender --------------------------------------------------------------------------

/** "ICA140, Social care,,ICA140" -> ["ICA140", "Social care"]: trimmed, no empties or repeats. */
export function activityList(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(/[,;\n]/)) {
    const item = part.trim();
    if (item && !out.some((o) => o.toLowerCase() === item.toLowerCase())) out.push(item);
  }
  return out;
}

/**
 * The tender of the form. Only its shape is settled here (trimmed texts, the activities as a list,
 * optional keys left out when empty); the API judges the rest and says what is wrong and how to
 * fix it (article 77 without a duration, a buyer that is not a public body...).
 */
export function tenderOf(fields: TenderFields): Tender {
  const tender: Tender = {
    buyer: fields.buyer.trim(),
    title: fields.title.trim(),
    date: fields.date.trim(),
    activities: activityList(fields.activities),
    territory: fields.territory.trim(),
  };
  const reference = fields.reference.trim();
  if (reference) tender.reference = reference;
  const reservation = RESERVATIONS.find((r) => r === fields.reservation);
  if (reservation) tender.reservation = reservation;
  const years = fields.maxDuration.trim() === '' ? NaN : Number(fields.maxDuration);
  if (Number.isFinite(years)) tender.max_duration_years = years;
  return tender;
}

/** The award date proposed: today, or the tender's date when it is later (YYYY-MM-DD). */
export function defaultAwardDate(tenderDate: string, today: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(tenderDate) && tenderDate > today ? tenderDate : today;
}

// ---- reading the answer ------------------------------------------------------------------

function factOf(v: unknown): FactRead {
  const f = obj(v);
  return {
    fact: str(f.fact),
    missing: f.missing === true,
    value: f.value,
    hasValue: 'value' in f,
    source: str(f.source),
    by: str(f.by),
    date: str(f.date),
  };
}

function conditionOf(v: unknown): SupplierCondition {
  const c = obj(v);
  const source = obj(c.source);
  return {
    id: str(c.id),
    condition: textOf(c.condition),
    status: str(c.status),
    facts: arr(c.facts).map(factOf),
    missing: strings(c.missing),
    source: {
      ref: str(source.ref),
      article: str(source.article),
      title: str(source.title),
      url: str(source.url),
    },
    text: textOf(c.text),
  };
}

function supplierOf(v: unknown): Supplier {
  const s = obj(v);
  const a = obj(s.actor);
  const e = obj(s.evidence);
  return {
    actor: {
      id: str(a.id),
      name: str(a.name),
      kind: str(a.kind),
      territory: str(a.territory),
      activities: strings(a.activities),
      sector: str(a.sector),
    },
    verdict: str(s.verdict),
    summary: textOf(s.summary),
    screened: s.screened === true,
    profileVersion: num(s.profile_version),
    factsShown: s.facts_shown !== false,
    matchedActivities: strings(s.matched_activities),
    evidence: {
      decided: num(e.decided),
      conditions: num(e.conditions),
      completeness: num(e.completeness),
    },
    conditions: arr(s.conditions).map(conditionOf),
    recentAwards: arr(s.recent_art77_awards).map((w) => {
      const x = obj(w);
      return {
        relationshipId: str(x.relationship_id),
        date: str(x.date),
        reservation: str(x.reservation),
        description: str(x.description),
      };
    }),
  };
}

export function parseSupplierReport(body: unknown): SupplierReport {
  const b = obj(body);
  const buyer = obj(b.buyer);
  const counts = obj(b.counts);
  const reservation = b.reservation === null ? null : obj(b.reservation);
  const suppliers = arr(b.suppliers).map(supplierOf);
  return {
    buyer: { id: str(buyer.id), name: str(buyer.name) },
    reservation:
      reservation && str(reservation.framework)
        ? {
            framework: str(reservation.framework),
            version: str(reservation.version),
            title: textOf(reservation.title),
          }
        : null,
    counts: {
      candidates: typeof counts.candidates === 'number' ? num(counts.candidates) : suppliers.length,
      eligible: num(counts.eligible),
      not_eligible: num(counts.not_eligible),
      insufficient_evidence: num(counts.insufficient_evidence),
    },
    suppliers,
  };
}

/** A fact's value in words; `yes`/`no` are the reader's words for true and false. */
export function factValueText(value: unknown, yes: string, no: string): string {
  if (value === true) return yes;
  if (value === false) return no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => factValueText(v, yes, no)).join(', ');
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** A verdict the page knows, for its badge and label; anything else is shown as insufficient. */
export function verdictOf(value: string): Verdict {
  return VERDICTS.find((v) => v === value) ?? 'insufficient_evidence';
}

// ---- the calls ---------------------------------------------------------------------------

/** What POST /ecosystem/awards answers: the `supplies` relationship it wrote. */
export interface AwardRecord {
  id: string;
  from: string;
  to: string;
  started: string;
  description: string;
}

export function parseAward(body: unknown): AwardRecord {
  const b = obj(body);
  return {
    id: str(b.id),
    from: str(b.from),
    to: str(b.to),
    started: str(b.started),
    description: str(b.description),
  };
}

export const suppliersApi = {
  /** Every text comes in the four languages (no `lang`): a language change asks nothing. */
  find: async (tender: Tender, signal?: AbortSignal) =>
    parseSupplierReport(
      await requestJson<unknown>('POST', `${API_BASE}/ecosystem/suppliers`, {
        body: tender,
        signal,
      }),
    ),
  award: async (tender: Tender, supplier: string, date: string) =>
    parseAward(
      await requestJson<unknown>('POST', `${API_BASE}/ecosystem/awards`, {
        body: { tender, supplier, date },
      }),
    ),
};
