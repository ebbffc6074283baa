// Adaptation lineage (docs/knowledge.md, src/knowledge/include/ecosol/knowledge/lineage.h): where a
// case came from and where it went, each transfer with the risk flags raised before it, the
// adaptations made there as FRAME records them (Stirman et al. 2019) and how it went; how often
// each flag preceded a failed transfer; a case's review trail. And the other way: the "Record a
// transfer" form's values turned into the document POST /knowledge/transfers takes, with what
// cannot be sent listed instead of guessed. Pure functions, no DOM.

import { contextProfileOf, textOf, type ContextProfile, type Text } from './knowledge';
import { arr, isObject, num, obj, str, strings } from './json_read';

/** The FRAME vocabularies the API accepts, in the order the form offers them. */
export const FRAME = {
  when: ['pre_implementation', 'implementation', 'scale_up', 'maintenance'],
  planned: ['planned', 'reactive'],
  what: ['content', 'context', 'training', 'evaluation', 'implementation'],
  level: ['individual', 'group', 'organisation', 'network', 'community', 'region', 'country'],
  change: [
    'tailoring',
    'adding',
    'removing',
    'shortening',
    'lengthening',
    'substituting',
    'reordering',
    'integrating',
    'repeating',
    'loosening_structure',
    'departing',
  ],
  reasons: ['sociopolitical', 'organisation', 'provider', 'recipient', 'evidence'],
} as const;
export type FrameField = keyof typeof FRAME;
/** The FRAME fields that hold one value (reasons hold several). */
export const FRAME_CHOICES = ['when', 'planned', 'what', 'level', 'change'] as const;

export const OUTCOMES = ['ongoing', 'success', 'partial', 'failure', 'abandoned'] as const;

/** One adaptation as FRAME records it. */
export interface FrameAdaptation {
  /** The core element changed; "" for the whole model. */
  element: string;
  when: string;
  planned: string;
  decidedBy: string[];
  what: string;
  level: string;
  change: string;
  description: Text;
  /** Whether the change kept fidelity to the core elements; null when not said. */
  fidelity: boolean | null;
  reasons: string[];
  why: Text;
  date: string;
}

export interface TransferRecord {
  id: string;
  originCase: string;
  caseId: string;
  started: string;
  /** The risk flags the transfer analysis raised before the transfer. */
  flags: string[];
  target: ContextProfile | null;
  adaptations: FrameAdaptation[];
  outcome: string;
  outcomeNote: Text;
  version: number;
  recordedAt: string;
  who: string;
}

export interface FlagRecord {
  flag: string;
  /** Transfers with a known outcome that the flag preceded. */
  transfers: number;
  /** Of those, how many failed or were abandoned. */
  failed: number;
}

export interface FlagHistory {
  transfersKnown: number;
  failed: number;
  flags: FlagRecord[];
}

export interface Lineage {
  caseId: string;
  /** Transfers that made this case (it is the adapted case). */
  origin: TransferRecord[];
  /** Transfers of this case elsewhere. */
  transfers: TransferRecord[];
  flagHistory: FlagHistory;
}

function adaptationOf(v: unknown): FrameAdaptation {
  const a = obj(v);
  const fidelity = a.fidelity_consistent;
  return {
    element: str(a.element),
    when: str(a.when),
    planned: str(a.planned),
    decidedBy: strings(a.decided_by),
    what: str(a.what),
    level: str(a.level),
    change: str(a.change),
    description: textOf(a.description),
    fidelity: typeof fidelity === 'boolean' ? fidelity : null,
    reasons: strings(a.reasons),
    why: textOf(a.why),
    date: str(a.date),
  };
}

function transferOf(v: unknown): TransferRecord {
  const t = obj(v);
  return {
    id: str(t.id),
    originCase: str(t.origin_case),
    caseId: str(t.case),
    started: str(t.started),
    flags: strings(t.flags),
    target: contextProfileOf(t.target),
    adaptations: arr(t.adaptations).map(adaptationOf),
    outcome: str(t.outcome),
    outcomeNote: textOf(t.outcome_note),
    version: num(t.version),
    recordedAt: str(t.recorded_at),
    who: str(t.who),
  };
}

const complete = (t: TransferRecord) => t.id !== '' && t.originCase !== '' && t.caseId !== '';

/** Reads the answer of POST /transfers; throws when it lacks the id or either case. */
export function parseTransferRecord(body: unknown): TransferRecord {
  const t = transferOf(body);
  if (!complete(t)) throw new Error('not a transfer: id, origin_case and case are required');
  return t;
}

function flagHistoryOf(v: unknown): FlagHistory {
  const f = obj(v);
  return {
    transfersKnown: num(f.transfers_known),
    failed: num(f.failed),
    flags: arr(f.flags)
      .map((x) => {
        const r = obj(x);
        return { flag: str(r.flag), transfers: num(r.transfers), failed: num(r.failed) };
      })
      .filter((r) => r.flag !== '' && r.transfers > 0),
  };
}

/**
 * Reads GET /cases/{id}/lineage; throws when origin, transfers or flag_history is missing.
 * A transfer without its id or cases is left out.
 */
export function parseLineage(body: unknown): Lineage {
  const b = obj(body);
  if (!Array.isArray(b.origin) || !Array.isArray(b.transfers) || !isObject(b.flag_history)) {
    throw new Error('not a lineage: origin, transfers and flag_history are required');
  }
  return {
    caseId: str(b.case),
    origin: b.origin.map(transferOf).filter(complete),
    transfers: b.transfers.map(transferOf).filter(complete),
    flagHistory: flagHistoryOf(b.flag_history),
  };
}

/** The flags of a history that one of `transfers` raised, so a case shows what concerns it. */
export function flagsConcerning(history: FlagHistory, transfers: TransferRecord[]): FlagRecord[] {
  const raised = new Set(transfers.flatMap((t) => t.flags));
  return history.flags.filter((f) => raised.has(f.flag));
}

// ---- the review trail ----------------------------------------------------------------------

export interface ReviewEntry {
  n: number;
  action: string;
  version: number;
  who: string;
  at: string;
  comment: string;
}

/** Reads GET /cases/{id}/reviews, newest first whatever order it came in. */
export function parseReviews(body: unknown): ReviewEntry[] {
  const b = obj(body);
  if (!Array.isArray(b.items)) throw new Error('not a review trail: items are required');
  return b.items
    .map((v) => {
      const x = obj(v);
      return {
        n: num(x.n),
        action: str(x.action),
        version: num(x.version),
        who: str(x.who),
        at: str(x.at),
        comment: str(x.comment),
      };
    })
    .filter((r) => r.action !== '')
    .sort((a, b) => b.n - a.n);
}

// ---- the form ------------------------------------------------------------------------------

/** One adaptation row of the form, as typed: "" where nothing was chosen. */
export interface AdaptationFields {
  element: string;
  when: string;
  planned: string;
  /** Who decided, separated by commas. */
  decidedBy: string;
  what: string;
  level: string;
  change: string;
  description: string;
  fidelity: '' | 'true' | 'false';
  reasons: string[];
  why: string;
  date: string;
}

export interface TransferFields {
  originCase: string;
  caseId: string;
  started: string;
  outcome: string;
  outcomeNote: string;
  adaptations: AdaptationFields[];
  /** The target context described (known values only), or null when nothing is said of it. */
  target?: Record<string, unknown> | null;
  /** The flags ticked as raised before the transfer. */
  flags?: string[];
}

export const EMPTY_ADAPTATION: AdaptationFields = {
  element: '',
  when: '',
  planned: '',
  decidedBy: '',
  what: '',
  level: '',
  change: '',
  description: '',
  fidelity: '',
  reasons: [],
  why: '',
  date: '',
};

export type TransferProblemKind =
  'case' | 'same_case' | 'date' | 'description' | 'option' | 'target';

export interface TransferProblem {
  /** The field: "case", "started", "outcome" or an adaptation's field. */
  field: string;
  /** The adaptation's index (from 0), or null for the transfer's own fields. */
  row: number | null;
  problem: TransferProblemKind;
}

export interface TransferDocResult {
  doc: Record<string, unknown>;
  problems: TransferProblem[];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Whether a row says nothing at all (a row added and left blank is not sent). */
export function isBlankAdaptation(a: AdaptationFields): boolean {
  const { reasons, ...texts } = a;
  return reasons.length === 0 && Object.values(texts).every((v) => v.trim() === '');
}

function adaptationDoc(
  a: AdaptationFields,
  row: number,
  lang: string,
  problems: TransferProblem[],
): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  if (a.element.trim()) doc.element = a.element.trim();
  for (const field of FRAME_CHOICES) {
    const value = a[field].trim();
    if (!value) continue;
    if ((FRAME[field] as readonly string[]).includes(value)) doc[field] = value;
    else problems.push({ field, row, problem: 'option' });
  }
  const decided = [
    ...new Set(
      a.decidedBy
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (decided.length > 0) doc.decided_by = decided;
  const description = a.description.trim();
  if (description) doc.description = { [lang]: description };
  else problems.push({ field: 'description', row, problem: 'description' });
  doc.fidelity_consistent = a.fidelity === '' ? null : a.fidelity === 'true';
  const reasons = [...new Set(a.reasons)];
  if (reasons.some((r) => !(FRAME.reasons as readonly string[]).includes(r))) {
    problems.push({ field: 'reasons', row, problem: 'option' });
  } else if (reasons.length > 0) {
    doc.reasons = reasons;
  }
  if (a.why.trim()) doc.why = { [lang]: a.why.trim() };
  const date = a.date.trim();
  if (date && !DATE.test(date)) problems.push({ field: 'date', row, problem: 'date' });
  else if (date) doc.date = date;
  return doc;
}

/**
 * The document of POST /knowledge/transfers for the form's values, texts in `lang` (the language
 * they were typed in); optional fields left out when blank, blank adaptation rows skipped. The
 * target context and the flags are sent when given: without flags, the server computes them from
 * a transfer analysis of the origin case to the target. What the API would refuse (no
 * adapted case, a bad date, an adaptation without its description) is listed as problems.
 */
export function transferDocOf(fields: TransferFields, lang: string): TransferDocResult {
  const problems: TransferProblem[] = [];
  const doc: Record<string, unknown> = { origin_case: fields.originCase.trim() };
  const adapted = fields.caseId.trim();
  if (!adapted) problems.push({ field: 'case', row: null, problem: 'case' });
  else if (adapted === doc.origin_case) {
    problems.push({ field: 'case', row: null, problem: 'same_case' });
  }
  doc.case = adapted;
  const started = fields.started.trim();
  if (started && !DATE.test(started)) {
    problems.push({ field: 'started', row: null, problem: 'date' });
  } else if (started) {
    doc.started = started;
  }
  const outcome = fields.outcome.trim() || 'ongoing';
  if ((OUTCOMES as readonly string[]).includes(outcome)) doc.outcome = outcome;
  else problems.push({ field: 'outcome', row: null, problem: 'option' });
  if (fields.outcomeNote.trim()) doc.outcome_note = { [lang]: fields.outcomeNote.trim() };
  doc.adaptations = fields.adaptations
    .map((a, row) => ({ a, row }))
    .filter(({ a }) => !isBlankAdaptation(a))
    .map(({ a, row }) => adaptationDoc(a, row, lang, problems));
  // Flags given are recorded as they are; without them the server computes them from the target.
  const flags = [...new Set(fields.flags ?? [])];
  if (flags.length > 0) doc.flags = flags;
  if (fields.target && Object.keys(fields.target).length > 0) doc.target = fields.target;
  return { doc, problems };
}
