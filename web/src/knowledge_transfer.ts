// Transfer analysis (docs/knowledge.md): the context catalogue of GET /knowledge/context-framework
// that the wizard turns into a form, the target context that form gives (unknown features left
// out: unknown is never a pass or a fail), and the analysis POST /knowledge/transfer answers.
// Pure functions, no DOM.

import { contextProfileOf, pick, textOf, type Text } from './knowledge';
import { arr, isObject, obj, str, strings } from './json_read';

export const FEATURE_TYPES = ['level', 'choice', 'bool', 'share', 'number', 'list'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export interface ContextDomain {
  id: string;
  label: Text;
}

export interface FeatureOption {
  value: string;
  label: Text;
}

export interface ContextFeature {
  id: string;
  domain: string;
  type: FeatureType;
  label: Text;
  question: Text;
  /** The levels (lowest first) or the values, each with its label. */
  options: FeatureOption[];
}

export interface ContextFramework {
  domains: ContextDomain[];
  features: ContextFeature[];
  /** The risk flag ids of the framework, in its order: what a recorded transfer may name. */
  flags: string[];
}

/**
 * The options of a feature: `levels` or `values` as names (labelled from `value_labels`) or as
 * objects {id | value, label}.
 */
function optionsOf(f: Record<string, unknown>): FeatureOption[] {
  const labels = obj(f.value_labels ?? f.labels);
  const list = Array.isArray(f.levels) ? f.levels : arr(f.values);
  return list
    .map((item) => {
      if (typeof item === 'string') return { value: item, label: textOf(labels[item]) };
      const x = obj(item);
      const value = str(x.id) || str(x.value);
      return { value, label: textOf(x.label ?? labels[value]) };
    })
    .filter((o) => o.value !== '');
}

function featureOf(v: unknown): ContextFeature | null {
  const f = obj(v);
  const type = FEATURE_TYPES.find((t) => t === f.type);
  if (!str(f.id) || !str(f.domain) || !type) return null;
  return {
    id: str(f.id),
    domain: str(f.domain),
    type,
    label: textOf(f.label),
    question: textOf(f.question),
    options: optionsOf(f),
  };
}

/**
 * Reads the context catalogue; throws when it has no domains or features. A feature of a type
 * this page does not know is left out (it then stays unknown, which the analysis reports).
 */
export function parseContextFramework(body: unknown): ContextFramework {
  const b = obj(body);
  if (!Array.isArray(b.domains) || b.domains.length === 0 || !Array.isArray(b.features)) {
    throw new Error('not a context framework: domains and features are required');
  }
  const domains = b.domains
    .map((d) => ({ id: str(obj(d).id), label: textOf(obj(d).label) }))
    .filter((d) => d.id !== '');
  const features = b.features
    .map(featureOf)
    .filter((f): f is ContextFeature => f !== null && domains.some((d) => d.id === f.domain));
  const flags = arr(b.flags)
    .map((f) => str(obj(f).id))
    .filter((id) => id !== '');
  return { domains, features, flags };
}

// ---- the target context --------------------------------------------------------------------

/**
 * What the wizard's form holds, as typed. A feature's entry: "" (unknown) or the chosen value for
 * levels, choices and bools ("true" / "false"); the typed text for shares and numbers; for lists,
 * the checked values, or null when nothing is said (unknown). An empty list says "none of these".
 */
export interface ContextFields {
  id: string;
  name: string;
  territory: string;
  values: Record<string, string | string[] | null>;
}

/** The request's target context: {id?, name?, territory?, <domain>: {<feature>: value}}. */
export type TargetContext = Record<string, unknown>;

export type FieldProblem = 'share' | 'number' | 'option';

export interface ContextResult {
  context: TargetContext;
  /** Features whose value cannot be sent, and why. */
  problems: { feature: string; problem: FieldProblem }[];
}

/** "0.7", "0,7", "70%" or "70 %" -> 0.7; null when it is not a share from 0 to 1 (0 to 100%). */
export function parseShare(text: string): number | null {
  const t = text.trim().replace(',', '.');
  const percent = t.endsWith('%');
  const digits = percent ? t.slice(0, -1).trim() : t;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(digits)) return null;
  const value = percent ? Number(digits) / 100 : Number(digits);
  return value >= 0 && value <= 1 ? value : null;
}

/** "12000", "12 000" -> 12000; null when it is not a number of at least 0. */
export function parseCount(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f_]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

type Read = { value: unknown } | { problem: FieldProblem } | null;

function readValue(feature: ContextFeature, raw: string | string[] | null | undefined): Read {
  if (raw === null || raw === undefined) return null;
  const allowed = (v: string) => feature.options.some((o) => o.value === v);
  if (Array.isArray(raw)) {
    if (feature.type !== 'list') return null;
    return raw.every(allowed) ? { value: [...new Set(raw)] } : { problem: 'option' };
  }
  const text = raw.trim();
  if (text === '') return null;
  switch (feature.type) {
    case 'share': {
      const share = parseShare(text);
      return share === null ? { problem: 'share' } : { value: share };
    }
    case 'number': {
      const count = parseCount(text);
      return count === null ? { problem: 'number' } : { value: count };
    }
    case 'bool':
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { problem: 'option' };
    case 'level':
    case 'choice':
      return allowed(text) ? { value: text } : { problem: 'option' };
    case 'list':
      return null;
  }
}

/**
 * The target context of the form: known values grouped by their domain, unknown features left
 * out (never sent as a guess), id, name and territory only when given. Values the API would
 * refuse (a share of 150%, a word where a number is asked) are listed as problems instead.
 */
export function contextOf(framework: ContextFramework, fields: ContextFields): ContextResult {
  const context: TargetContext = {};
  const problems: ContextResult['problems'] = [];
  for (const key of ['id', 'name', 'territory'] as const) {
    const value = fields[key].trim();
    if (value) context[key] = value;
  }
  for (const feature of framework.features) {
    const read = readValue(feature, fields.values[feature.id]);
    if (read === null) continue;
    if ('problem' in read) {
      problems.push({ feature: feature.id, problem: read.problem });
      continue;
    }
    const domain = obj(context[feature.domain]);
    context[feature.domain] = { ...domain, [feature.id]: read.value };
  }
  return { context, problems };
}

// ---- the analysis --------------------------------------------------------------------------

export const VERDICTS = ['redesign', 'adapt', 'insufficient_evidence', 'fits'] as const;
export const FITS = ['good', 'partial', 'poor', 'unknown'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;

export interface Reason {
  kind: string;
  element: string;
  feature: string;
  text: Text;
}

export interface DomainFit {
  domain: string;
  fit: string;
  reasons: Reason[];
}

export interface RiskFlag {
  id: string;
  element: string;
  feature: string;
  domain: string;
  op: string;
  expected: unknown;
  origin: unknown;
  target: unknown;
  severity: string;
  why: string;
  text: Text;
}

export interface Adaptation {
  flag: string;
  element: string;
  text: Text;
}

export interface Unknown {
  element: string;
  feature: string;
  domain: string;
  question: Text;
}

/** An actor of the registry in the target territory who offers what a flag lacks. */
export interface PartnerActor {
  id: string;
  name: string;
  territory: string;
  /** The asset type of its offer (partner-assets.yaml), e.g. "finance". */
  assetType: string;
  /** The title of its offer, in its own words. */
  offer: string;
}

export interface LocalPartners {
  flag: string;
  element: string;
  /** The asset types that would answer the flag. */
  assets: string[];
  actors: PartnerActor[];
}

export interface TransferAnalysis {
  caseId: string;
  target: string;
  verdict: string;
  judgement: Text;
  domains: DomainFit[];
  riskFlags: RiskFlag[];
  adaptations: Adaptation[];
  unknowns: Unknown[];
  localPartners: LocalPartners[];
}

function reasonOf(v: unknown): Reason {
  const r = obj(v);
  return {
    kind: str(r.kind),
    element: str(r.element),
    feature: str(r.feature),
    text: textOf(r.text),
  };
}

function flagOf(v: unknown): RiskFlag {
  const f = obj(v);
  return {
    id: str(f.id),
    element: str(f.element),
    feature: str(f.feature),
    domain: str(f.domain),
    op: str(f.op),
    expected: f.expected ?? null,
    origin: f.origin ?? null,
    target: f.target ?? null,
    severity: str(f.severity),
    why: str(f.why),
    text: textOf(f.text),
  };
}

function localPartnersOf(v: unknown): LocalPartners {
  const p = obj(v);
  return {
    flag: str(p.flag),
    element: str(p.element),
    assets: strings(p.assets),
    actors: arr(p.actors)
      .map((a) => {
        const x = obj(a);
        return {
          id: str(x.id),
          name: str(x.name),
          territory: str(x.territory),
          assetType: str(x.asset_type),
          offer: str(x.offer),
        };
      })
      .filter((a) => a.id !== ''),
  };
}

/** Reads POST /transfer; throws when the answer has no verdict or no domains. */
export function parseTransferAnalysis(body: unknown): TransferAnalysis {
  const b = obj(body);
  if (!str(b.verdict) || !Array.isArray(b.domains)) {
    throw new Error('not a transfer analysis: verdict and domains are required');
  }
  return {
    caseId: str(b.case),
    target: isObject(b.target) ? (contextProfileOf(b.target)?.id ?? '') : str(b.target),
    verdict: str(b.verdict),
    judgement: textOf(b.judgement),
    domains: b.domains.map((d) => {
      const x = obj(d);
      return { domain: str(x.domain), fit: str(x.fit), reasons: arr(x.reasons).map(reasonOf) };
    }),
    riskFlags: arr(b.risk_flags).map(flagOf),
    adaptations: arr(b.adaptations).map((a) => {
      const x = obj(a);
      return { flag: str(x.flag), element: str(x.element), text: textOf(x.text) };
    }),
    unknowns: arr(b.unknowns).map((u) => {
      const x = obj(u);
      return {
        element: str(x.element),
        feature: str(x.feature),
        domain: str(x.domain),
        question: textOf(x.question),
      };
    }),
    localPartners: arr(b.local_partners).map(localPartnersOf),
  };
}

/** A feature's value in words: option labels for names, percent for shares, "yes"/"no". */
export function valueWords(
  feature: ContextFeature | undefined,
  value: unknown,
  lang: string,
  words: { yes: string; no: string; unknown: string },
): string {
  if (value === null || value === undefined) return words.unknown;
  if (value === true) return words.yes;
  if (value === false) return words.no;
  if (Array.isArray(value)) {
    return strings(value)
      .map((v) => valueWords(feature, v, lang, words))
      .join(', ');
  }
  if (typeof value === 'number') {
    if (feature?.type === 'share') {
      return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    }
    return new Intl.NumberFormat(lang).format(value);
  }
  const name = String(value);
  const option = feature?.options.find((o) => o.value === name);
  return (option && pick(option.label, lang)) || name;
}
