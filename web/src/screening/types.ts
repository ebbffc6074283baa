// Types of SSE screening: the framework documents (frameworks/*.yaml as JSON, served by
// GET /api/v1/frameworks/{id}; docs/frameworks-format.md) and the results, which the browser
// engine (engine.ts) computes in exactly the shape of the server's `results[i]`
// (src/screening/result_json.cc).

/** A text in each interface language: {en, fr, es, pt}. */
export type Texts = Record<string, string>;

export type Severity = 'hard' | 'strong' | 'soft';
export type Subject = 'organisation' | 'initiative' | 'programme';
export const SUBJECTS: readonly Subject[] = ['organisation', 'initiative', 'programme'];

export type CriterionStatus = 'met' | 'not_met' | 'insufficient_evidence' | 'not_applicable';
export type PrincipleStatus = 'met' | 'partly_met' | 'not_met' | 'insufficient_evidence';
export const VERDICTS = [
  'consistent',
  'partially_consistent',
  'inconsistent',
  'insufficient_evidence',
  'not_applicable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface SourceRef {
  ref: string;
  article?: string;
}

export interface FrameworkSource {
  id: string;
  title: string;
  url?: string;
  verified?: boolean;
}

export interface FrameworkOption {
  id: string;
  title: Texts;
}

export interface Principle {
  id: string;
  title: Texts;
}

export interface Criterion {
  id: string;
  principle: string;
  severity: Severity;
  facts: string[];
  rule: unknown;
  applies_when?: unknown;
  option?: string;
  source: SourceRef;
  explanation: Partial<Record<'met' | 'not_met' | 'insufficient_evidence', Texts>>;
}

export interface RedFlag {
  id: string;
  severity: Severity;
  facts: string[];
  rule: unknown;
  source?: SourceRef;
  explanation: Texts;
}

/** One framework document, as GET /api/v1/frameworks/{id} serves it. */
export interface Framework {
  id: string;
  version: string;
  subject: Subject;
  kind: string;
  title: Texts;
  description: Texts;
  jurisdiction?: string | null;
  applies_when?: unknown;
  sources?: FrameworkSource[];
  options?: FrameworkOption[];
  principles: Principle[];
  criteria: Criterion[];
  red_flags?: RedFlag[];
}

/** An item of GET /api/v1/frameworks. */
export interface FrameworkSummary {
  id: string;
  version: string;
  subject: Subject;
  kind: string;
  jurisdiction?: string | null;
  title: Texts;
  description: Texts;
  criteria: number;
  red_flags: number;
  options: FrameworkOption[];
}

export type FactType =
  'boolean' | 'number' | 'share' | 'money' | 'count' | 'string' | 'enum' | 'enum_list' | 'colleges';

/** An item of GET /api/v1/facts (frameworks/facts.yaml). */
export interface FactSpec {
  path: string;
  subject: Subject;
  type: FactType;
  values?: string[];
  label: Texts;
}

/** Where a statutes clause was found: byte offsets into the UTF-8 text, and the text itself. */
export interface Span {
  start: number;
  end: number;
  text?: string;
}

export interface Clause {
  type: string;
  polarity: 'affirmed' | 'negated';
  value?: number | null;
  evidence: Span;
}

/** The evidence of a fact that statutes set (provenance `evidence`). */
export interface StatutesEvidence extends Span {
  clause: string;
  polarity: string;
}

export interface Provenance {
  source: string;
  by?: string;
  date?: string;
  evidence?: StatutesEvidence;
}

/** A profile document: facts by dotted path, nested, plus `provenance` by fact path. */
export type ProfileDoc = Record<string, unknown> & { provenance?: Record<string, Provenance> };

export interface Conflict {
  fact: string;
  declared: unknown;
  statutes: unknown;
  statutes_evidence: StatutesEvidence;
}

export interface Evidence {
  fact: string;
  value?: unknown;
  source?: string;
  missing?: boolean;
  statutes?: StatutesEvidence;
}

export interface SourceJson {
  ref: string;
  article: string;
  title?: string;
  url?: string;
  verified?: boolean;
}

export interface CriterionResult {
  id: string;
  status: CriterionStatus;
  severity: Severity;
  evidence: Evidence[];
  source: SourceJson;
  option?: string;
  explanation?: string;
  missing?: string[];
  error?: string;
}

export interface PrincipleResult {
  id: string;
  title: string;
  status: PrincipleStatus;
  criteria: CriterionResult[];
}

export interface FlagResult {
  id: string;
  severity: Severity;
  /** Facts read (Evidence) or, for declared_vs_statutes_conflict, the conflicts. */
  evidence?: (Evidence | Conflict)[];
  source?: SourceJson;
  explanation?: string;
}

export interface UncheckedFlag {
  id: string;
  missing: string[];
}

/** One framework's result: `results[i]` of POST /api/v1/screen. */
export interface ScreeningResult {
  framework: string;
  version: string;
  title: string;
  verdict: Verdict;
  principles: PrincipleResult[];
  red_flags: FlagResult[];
  unchecked_flags: UncheckedFlag[];
  texts_from_version?: string;
}

export interface StatutesAnalysis {
  language: string;
  clauses: Clause[];
}

/** POST /api/v1/screen. */
export interface ScreenResponse {
  subject: Subject;
  profile: ProfileDoc;
  conflicts: Conflict[];
  statutes?: StatutesAnalysis;
  results: ScreeningResult[];
}

/** GET and PUT /api/v1/actors/{id}/profile. */
export interface ActorProfile {
  actor: string;
  version: number;
  subject: Subject;
  profile: ProfileDoc;
  statutes?: StatutesAnalysis & { name: string; text: string };
}

export interface Change {
  what: 'verdict' | 'principle' | 'criterion' | 'red_flag';
  id: string;
  from: string;
  to: string;
}

export interface Assessment {
  id: string;
  framework: string;
  framework_version: string;
  n: number;
  date: string;
  who: string;
  profile_version: number;
  verdict: Verdict;
  result: ScreeningResult;
  changes?: Change[];
}

/** GET /api/v1/actors/{id}/screenings: oldest first. */
export interface ScreeningHistory {
  actor: string;
  can_assess: boolean;
  items: Assessment[];
}
