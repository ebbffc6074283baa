// Screening a profile against a framework in the browser: the same evaluation and aggregation as
// the server (src/screening/evaluate.cc, result_json.cc; docs/frameworks-format.md), giving the
// same JSON as the server's `results[i]`, so that the self-assessment form answers live and the
// golden test can check that both sides agree.

import { CATALOGUES, type Lang } from '../i18n/i18n';
import { evaluate } from './tri';
import type {
  Conflict,
  Criterion,
  CriterionResult,
  CriterionStatus,
  Evidence,
  FlagResult,
  Framework,
  PrincipleResult,
  PrincipleStatus,
  ProfileDoc,
  Provenance,
  Severity,
  SourceJson,
  SourceRef,
  Subject,
  Texts,
  UncheckedFlag,
  ScreeningResult,
  Verdict,
} from './types';

export const CONFLICT_FLAG = 'declared_vs_statutes_conflict';

export interface ScreenInput {
  /** The profile: facts by dotted path (nested objects), maybe with `provenance`. */
  profile: ProfileDoc;
  /** What the statutes said otherwise than the declared profile (the server's `conflicts`). */
  conflicts?: Conflict[];
  /** The framework options switched on (e.g. "esus"). */
  options?: readonly string[];
  lang: Lang;
}

/** The facts a rule reads: the profile without its provenance and notes. */
export function factsOf(profile: ProfileDoc): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...profile };
  delete facts.provenance;
  delete facts.notes;
  return facts;
}

/** organisation, or initiative / programme when the profile has those facts. */
export function subjectOf(profile: ProfileDoc): Subject {
  if (profile.programme !== undefined && profile.programme !== null) return 'programme';
  if (profile.initiative !== undefined && profile.initiative !== null) return 'initiative';
  return 'organisation';
}

/** A fact's value by dotted path; null when absent. */
export function factValue(profile: ProfileDoc, path: string): unknown {
  let at: unknown = profile;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return null;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return at ?? null;
}

/** The text in `lang`, else English, else "". */
export function inLang(texts: Texts | undefined, lang: string): string {
  return texts?.[lang] ?? texts?.en ?? '';
}

/** A criterion's status, before aggregation. */
export function criterionOutcome(
  c: Pick<Criterion, 'rule' | 'applies_when' | 'option'>,
  facts: unknown,
  options: readonly string[],
): { status: CriterionStatus; missing: string[]; error?: string } {
  if (c.option && !options.includes(c.option)) return { status: 'not_applicable', missing: [] };
  if (c.applies_when !== undefined && c.applies_when !== null) {
    if (evaluate(c.applies_when, facts).kind === 'false') {
      return { status: 'not_applicable', missing: [] };
    }
  }
  const outcome = evaluate(c.rule, facts);
  if (outcome.kind === 'true') return { status: 'met', missing: [] };
  if (outcome.kind === 'false') return { status: 'not_met', missing: [] };
  return { status: 'insufficient_evidence', missing: outcome.missing, error: outcome.error };
}

/** A principle's status over its criteria (docs/frameworks-format.md, "Aggregation"). */
export function aggregatePrinciple(
  criteria: readonly { status: CriterionStatus; severity: Severity }[],
): PrincipleStatus {
  let hardFailed = false;
  let otherFailed = false;
  let hardUnknown = false;
  let anyApplicable = false;
  for (const c of criteria) {
    if (c.status === 'not_applicable') continue;
    anyApplicable = true;
    const hard = c.severity === 'hard';
    if (c.status === 'not_met') {
      if (hard) hardFailed = true;
      else otherFailed = true;
    }
    if (c.status === 'insufficient_evidence' && hard) hardUnknown = true;
  }
  if (hardFailed) return 'not_met';
  if (otherFailed) return 'partly_met';
  if (hardUnknown || !anyApplicable) return 'insufficient_evidence';
  return 'met';
}

/** The verdict over the principles' statuses. */
export function overallVerdict(statuses: readonly PrincipleStatus[]): Verdict {
  if (statuses.includes('not_met')) return 'inconsistent';
  const partly = statuses.includes('partly_met');
  const unknown = statuses.includes('insufficient_evidence');
  if (!partly && !unknown) return 'consistent';
  if (!partly) return 'insufficient_evidence';
  return 'partially_consistent';
}

function sourceJson(f: Framework, ref: SourceRef | undefined): SourceJson {
  const out: SourceJson = { ref: ref?.ref ?? '', article: ref?.article ?? '' };
  const source = f.sources?.find((s) => s.id === out.ref);
  if (source) {
    out.title = source.title;
    if (source.url) out.url = source.url;
    out.verified = source.verified ?? true;
  }
  return out;
}

/** Each fact read, with its value and origin; missing ones say so. */
export function evidenceOf(facts: readonly string[], profile: ProfileDoc): Evidence[] {
  const origins: Record<string, Provenance> = profile.provenance ?? {};
  return facts.map((path) => {
    const value = factValue(profile, path);
    if (value === null) return { fact: path, missing: true };
    const origin = origins[path];
    const item: Evidence = { fact: path, value, source: origin?.source ?? 'declared' };
    if (origin?.evidence) item.statutes = origin.evidence;
    return item;
  });
}

function criterionResult(
  f: Framework,
  c: Criterion,
  input: ScreenInput,
  facts: unknown,
): CriterionResult {
  const outcome = criterionOutcome(c, facts, input.options ?? []);
  const out: CriterionResult = {
    id: c.id,
    status: outcome.status,
    severity: c.severity,
    evidence: evidenceOf(c.facts ?? [], input.profile),
    source: sourceJson(f, c.source),
  };
  if (c.option) out.option = c.option;
  if (outcome.status !== 'not_applicable') {
    out.explanation = inLang(c.explanation[outcome.status], input.lang);
  }
  if (outcome.missing.length > 0) out.missing = outcome.missing;
  if (outcome.error) out.error = outcome.error;
  return out;
}

function conflictFlag(conflicts: readonly Conflict[], lang: Lang): FlagResult {
  return {
    id: CONFLICT_FLAG,
    severity: 'strong',
    evidence: conflicts.map((c) => ({
      fact: c.fact,
      declared: c.declared,
      statutes: c.statutes,
      statutes_evidence: c.statutes_evidence,
    })),
    explanation: CATALOGUES[lang]['screening.conflictExplanation'],
  };
}

/** Red flags raised (rule known and true) and those that could not be checked (unknown). */
function flags(f: Framework, input: ScreenInput, facts: unknown) {
  const raised: FlagResult[] = [];
  const unchecked: UncheckedFlag[] = [];
  for (const flag of f.red_flags ?? []) {
    const outcome = evaluate(flag.rule, facts);
    if (outcome.kind === 'true') {
      raised.push({
        id: flag.id,
        severity: flag.severity,
        evidence: evidenceOf(flag.facts ?? [], input.profile),
        source: sourceJson(f, flag.source),
        explanation: inLang(flag.explanation, input.lang),
      });
    } else if (outcome.kind === 'unknown') {
      unchecked.push({ id: flag.id, missing: outcome.missing });
    }
  }
  if (input.conflicts && input.conflicts.length > 0) {
    raised.push(conflictFlag(input.conflicts, input.lang));
  }
  return { raised, unchecked };
}

/** Screens the profile against one framework. */
export function screen(f: Framework, input: ScreenInput): ScreeningResult {
  const facts = factsOf(input.profile);
  const result: ScreeningResult = {
    framework: f.id,
    version: f.version,
    title: inLang(f.title, input.lang),
    verdict: 'not_applicable',
    principles: [],
    red_flags: [],
    unchecked_flags: [],
  };
  if (f.applies_when !== undefined && f.applies_when !== null) {
    if (evaluate(f.applies_when, facts).kind === 'false') return result;
  }
  result.principles = f.principles.map((p): PrincipleResult => {
    const criteria = f.criteria
      .filter((c) => c.principle === p.id)
      .map((c) => criterionResult(f, c, input, facts));
    return {
      id: p.id,
      title: inLang(p.title, input.lang),
      status: aggregatePrinciple(criteria),
      criteria,
    };
  });
  result.verdict = overallVerdict(result.principles.map((p) => p.status));
  const { raised, unchecked } = flags(f, input, facts);
  result.red_flags = raised;
  result.unchecked_flags = unchecked;
  return result;
}

/**
 * The frameworks the server uses when none is named: un-ilo for organisations, then every other
 * framework of the profile's subject whose applies_when is known to be true.
 */
export function defaultFrameworks(profile: ProfileDoc, frameworks: readonly Framework[]) {
  const subject = subjectOf(profile);
  const facts = factsOf(profile);
  const out: Framework[] = [];
  const baseline = frameworks.find((f) => f.id === 'un-ilo');
  if (subject === 'organisation' && baseline) out.push(baseline);
  for (const f of frameworks) {
    if (f.id === 'un-ilo' || f.subject !== subject) continue;
    const applies = f.applies_when ?? null;
    if (applies !== null && evaluate(applies, facts).kind !== 'true') continue;
    out.push(f);
  }
  return out;
}
