// The knowledge commons of social innovations (issue 7 point 8): the answers of
// /api/v1/knowledge read into typed values. A case document (its texts in several languages,
// its core elements, actors, outcomes, provenance...), the record around it (version, status),
// its versions, a search's results and facets, and similar cases. Pure functions, no DOM.
//
// Reading is lenient for what a page can do without (a missing field reads as empty) and strict
// for what makes the answer what was asked: each parser throws naming the fields it lacks, and
// the page shows that error rather than an empty page.

import { arr, isObject, num, numOrNull, obj, str, strings, stringRecord } from './json_read';

/** A text in several languages: language code -> text ("en", "fr", "ar", "und"...). */
export type Text = Record<string, string>;

/** A Text as the API sends it; a bare string is read as English. */
export function textOf(v: unknown): Text {
  if (typeof v === 'string') return v ? { en: v } : {};
  const out: Text = {};
  for (const [lang, s] of Object.entries(stringRecord(v))) if (s.trim()) out[lang] = s;
  return out;
}

/** A text in the reader's language, or in the language it fell back to. */
export interface Picked {
  text: string;
  /** The language of `text`; "" when the Text is empty. */
  lang: string;
}

/** The text in `lang`, else English, else the first language given (the contract's fallback). */
export function pickText(text: Text | undefined, lang: string): Picked {
  if (!text) return { text: '', lang: '' };
  for (const l of [lang, 'en']) if (text[l]) return { text: text[l] ?? '', lang: l };
  const first = Object.entries(text).find(([, s]) => s);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang: '' };
}

/** Just the text of pickText. */
export const pick = (text: Text | undefined, lang: string): string => pickText(text, lang).text;

// ---- the case document ---------------------------------------------------------------------

export interface Dependency {
  feature: string;
  op: string;
  /** A string, number, bool or list, as the case states it. */
  value: unknown;
  why: string;
  severity: string;
}

export interface CoreElement {
  id: string;
  label: Text;
  description: Text;
  reliesOn: Dependency[];
}

export interface CaseActor {
  name: string;
  actorId: string;
  role: string;
}

export interface OutcomeSource {
  title: string;
  url: string;
  year: number | null;
}

export interface Outcome {
  text: Text;
  evidence: string;
  sources: OutcomeSource[];
}

export interface ScalingPath {
  path: string;
  text: Text;
}

export interface Strength {
  level: string;
  framework: string;
  assessedAt: string;
  reasons: Text;
}

export interface ProvenanceClaim {
  claim: string;
  knowledge: string;
  contributors: string[];
  participation: string;
}

export interface CaseSource {
  name: string;
  id: string;
  url: string;
  licence: string;
}

/** The SI-DRIVE dimensions, in the order the page shows them. */
export const SI_DRIVE_DIMENSIONS = [
  'societal_needs',
  'concepts',
  'actors_networks_governance',
  'process_dynamics',
  'resources_capabilities_constraints',
] as const;
export type SiDriveDimension = (typeof SI_DRIVE_DIMENSIONS)[number];

/** A context profile: {id, name, <domain>: {<feature>: value}}; null values are unknown. */
export interface ContextProfile {
  id: string;
  name: string;
  /** Domain id -> feature id -> value (only known values). */
  domains: Record<string, Record<string, unknown>>;
}

export interface CaseDoc {
  id: string;
  title: Text;
  summary: Text;
  problem: Text;
  rootCauses: Text[];
  model: Text;
  coreElements: CoreElement[];
  actors: CaseActor[];
  stage: string;
  policyField: string;
  siDrive: Partial<Record<SiDriveDimension, Text>>;
  outcomes: Outcome[];
  scaling: ScalingPath[];
  strength: Strength | null;
  provenance: ProvenanceClaim[];
  origin: ContextProfile | null;
  countries: string[];
  sdgs: number[];
  themes: string[];
  methods: string[];
  type: string;
  year: number | null;
  location: { lat: number; lon: number } | null;
  source: CaseSource | null;
  text: Text;
}

export const CASE_STATUSES = ['draft', 'in_review', 'published', 'withdrawn'] as const;

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Who is asking, as far as reviews go. */
export interface Reviewer {
  /** Signed in with a role that may write cases (member, steward or admin). */
  author: boolean;
  /** A steward or an admin, who publish, return and withdraw. */
  steward: boolean;
}

/**
 * The review actions offered on a case in `status`: the author submits a draft; a steward
 * approves or returns a case in review and withdraws one in review or published. The API decides
 * (a refused transition is a 409 with its reason); this only avoids offering what cannot work.
 */
export function reviewActions(status: string, who: Reviewer): ReviewAction[] {
  const out: ReviewAction[] = [];
  if (status === 'draft' && (who.author || who.steward)) out.push('submit');
  if (!who.steward) return out;
  if (status === 'in_review') out.push('approve', 'return');
  if (status === 'in_review' || status === 'published') out.push('withdraw');
  return out;
}

/** A case as the store keeps it: the document and its metadata. */
export interface CaseRecord {
  id: string;
  version: number;
  status: string;
  createdAt: string;
  updatedAt: string;
  who: string;
  doc: CaseDoc;
}

function dependencyOf(v: unknown): Dependency {
  const d = obj(v);
  return {
    feature: str(d.feature),
    op: str(d.op),
    value: d.value,
    why: str(d.why),
    severity: str(d.severity),
  };
}

function coreElementOf(v: unknown): CoreElement {
  const e = obj(v);
  return {
    id: str(e.id),
    label: textOf(e.label),
    description: textOf(e.description),
    reliesOn: arr(e.relies_on).map(dependencyOf),
  };
}

function outcomeOf(v: unknown): Outcome {
  const o = obj(v);
  return {
    text: textOf(o.text),
    evidence: str(o.evidence),
    sources: arr(o.sources).map((s) => {
      const x = obj(s);
      return { title: str(x.title), url: str(x.url), year: numOrNull(x.year) };
    }),
  };
}

/** Reads a context profile; null when there is none. Unknown (null) values are left out. */
export function contextProfileOf(v: unknown): ContextProfile | null {
  if (!isObject(v)) return null;
  const domains: Record<string, Record<string, unknown>> = {};
  for (const [key, section] of Object.entries(v)) {
    if (!isObject(section)) continue;
    const known = Object.entries(section).filter(([, value]) => value !== null);
    if (known.length > 0) domains[key] = Object.fromEntries(known);
  }
  return { id: str(v.id), name: str(v.name), domains };
}

function strengthOf(v: unknown): Strength | null {
  if (!isObject(v)) return null;
  return {
    level: str(v.level),
    framework: str(v.framework),
    assessedAt: str(v.assessed_at),
    reasons: textOf(v.reasons),
  };
}

function sourceOf(v: unknown): CaseSource | null {
  if (!isObject(v)) return null;
  return { name: str(v.name), id: str(v.id), url: str(v.url), licence: str(v.licence) };
}

function locationOf(v: unknown): { lat: number; lon: number } | null {
  const l = obj(v);
  const lat = numOrNull(l.lat);
  const lon = numOrNull(l.lon);
  return lat === null || lon === null ? null : { lat, lon };
}

function siDriveOf(v: unknown): Partial<Record<SiDriveDimension, Text>> {
  const s = obj(v);
  const out: Partial<Record<SiDriveDimension, Text>> = {};
  for (const dim of SI_DRIVE_DIMENSIONS) {
    const text = textOf(s[dim]);
    if (Object.keys(text).length > 0) out[dim] = text;
  }
  return out;
}

/** Reads a case document; throws when it has no id or no title. */
export function parseCaseDoc(v: unknown): CaseDoc {
  const d = obj(v);
  const title = textOf(d.title);
  if (!str(d.id) || Object.keys(title).length === 0) {
    throw new Error('not a case document: id and title are required');
  }
  return {
    id: str(d.id),
    title,
    summary: textOf(d.summary),
    problem: textOf(d.problem),
    rootCauses: arr(d.root_causes)
      .map(textOf)
      .filter((t) => Object.keys(t).length > 0),
    model: textOf(d.model),
    coreElements: arr(d.core_elements).map(coreElementOf),
    actors: arr(d.actors).map((a) => {
      const x = obj(a);
      return { name: str(x.name), actorId: str(x.actor_id), role: str(x.role) };
    }),
    stage: str(d.stage),
    policyField: str(d.policy_field),
    siDrive: siDriveOf(d.si_drive),
    outcomes: arr(d.outcomes).map(outcomeOf),
    scaling: arr(d.scaling).map((s) => ({ path: str(obj(s).path), text: textOf(obj(s).text) })),
    strength: strengthOf(d.strength),
    provenance: arr(d.provenance).map((p) => {
      const x = obj(p);
      return {
        claim: str(x.claim),
        knowledge: str(x.knowledge),
        contributors: strings(x.contributors),
        participation: str(x.participation),
      };
    }),
    origin: contextProfileOf(d.origin),
    countries: strings(d.countries),
    sdgs: arr(d.sdgs).filter((n): n is number => typeof n === 'number'),
    themes: strings(d.themes),
    methods: strings(d.methods),
    type: str(d.type),
    year: numOrNull(d.year),
    location: locationOf(d.location),
    source: sourceOf(d.source),
    text: textOf(d.text),
  };
}

/** Reads GET /cases/{id} (and the record POST /cases/{id}/review answers). */
export function parseCaseRecord(body: unknown): CaseRecord {
  const b = obj(body);
  if (!str(b.id) || !isObject(b.doc)) throw new Error('not a case record: id and doc are required');
  return {
    id: str(b.id),
    version: num(b.version),
    status: str(b.status),
    createdAt: str(b.created_at),
    updatedAt: str(b.updated_at),
    who: str(b.who),
    doc: parseCaseDoc(b.doc),
  };
}

export interface CaseVersion {
  version: number;
  status: string;
  createdAt: string;
  who: string;
  change: string;
}

/** Reads GET /cases/{id}/versions, newest first whatever order it came in. */
export function parseVersions(body: unknown): CaseVersion[] {
  const b = obj(body);
  if (!Array.isArray(b.items)) throw new Error('not a list of versions: items are required');
  return b.items
    .map((v) => {
      const x = obj(v);
      return {
        version: num(x.version),
        status: str(x.status),
        createdAt: str(x.created_at),
        who: str(x.who),
        change: str(x.change),
      };
    })
    .sort((a, b) => b.version - a.version);
}

// ---- search --------------------------------------------------------------------------------

/** The facets of a search, in the order the page shows them. */
export const FACETS = [
  'sdg',
  'country',
  'theme',
  'stage',
  'type',
  'strength',
  'policy_field',
  'language',
  'source',
] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  value: string;
  count: number;
}

export interface CaseSummary {
  id: string;
  title: string;
  titleLang: string;
  summary: string;
  snippet: string;
  type: string;
  year: number | null;
  countries: string[];
  sdgs: number[];
  themes: string[];
  stage: string;
  strength: string;
  status: string;
  version: number;
  updatedAt: string;
  /** Only in similar cases: how close the case is (ordering, not shown as a grade). */
  score: number | null;
}

export interface CaseSearch {
  total: number;
  items: CaseSummary[];
  facets: Record<Facet, FacetValue[]>;
}

function summaryOf(v: unknown): CaseSummary {
  const s = obj(v);
  return {
    id: str(s.id),
    title: str(s.title),
    titleLang: str(s.title_lang),
    summary: str(s.summary),
    snippet: str(s.snippet),
    type: str(s.type),
    year: numOrNull(s.year),
    countries: strings(s.countries),
    sdgs: arr(s.sdgs).filter((n): n is number => typeof n === 'number'),
    themes: strings(s.themes),
    stage: str(s.stage),
    strength: str(s.strength),
    status: str(s.status),
    version: num(s.version),
    updatedAt: str(s.updated_at),
    score: numOrNull(s.score),
  };
}

function facetValues(v: unknown): FacetValue[] {
  return arr(v)
    .map((f) => {
      const x = obj(f);
      // SDGs may come as numbers; the URL and the API's filters use their text.
      const value = typeof x.value === 'number' ? String(x.value) : str(x.value);
      return { value, count: num(x.count) };
    })
    .filter((f) => f.value !== '');
}

/** Reads GET /cases; throws when the answer has no total or no items. */
export function parseCaseSearch(body: unknown): CaseSearch {
  const b = obj(body);
  if (typeof b.total !== 'number' || !Array.isArray(b.items)) {
    throw new Error('not a case search: total and items are required');
  }
  const facets = obj(b.facets);
  return {
    total: b.total,
    items: b.items.map(summaryOf).filter((i) => i.id !== ''),
    facets: Object.fromEntries(FACETS.map((f) => [f, facetValues(facets[f])])) as Record<
      Facet,
      FacetValue[]
    >,
  };
}

/** Reads GET /cases/{id}/similar. */
export function parseSimilar(body: unknown): CaseSummary[] {
  const b = obj(body);
  if (!Array.isArray(b.items)) throw new Error('not a list of similar cases: items are required');
  return b.items.map(summaryOf).filter((i) => i.id !== '');
}
