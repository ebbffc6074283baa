// Writing a case document (docs/knowledge.md "Case documents") in the web editor: the form's values
// as typed (a draft), read from a loaded document and turned back into the document POST
// /knowledge/cases and PUT /knowledge/cases/{id} take. Pure functions, no DOM.
//
// The document is never rebuilt from the form alone: the draft keeps the document it was read
// from, and each list item the object it came from, so that fields the form does not show
// (provenance, strength, countries, sources' other keys, texts in other languages...) are sent
// back as they were. Titles and summaries are edited per language; the other texts in one
// writing language, their other languages kept.

import { isObject, obj, str, type Json } from './json_read';
import { SI_DRIVE_DIMENSIONS, type SiDriveDimension } from './knowledge';
import {
  allowedValues,
  dependencyValue,
  OPS_BY_TYPE,
  valueText,
} from './knowledge_case_dependency';
import type { ContextFields, ContextFramework } from './knowledge_transfer';
import { contextOf } from './knowledge_transfer';

/** The interface languages, offered first when adding a language to the title and summary. */
export const EDIT_LANGS = ['en', 'fr', 'es', 'pt'] as const;

export interface DependencyDraft {
  feature: string;
  op: string;
  /** The value as typed: a value, "true"/"false", a number, or values separated by commas. */
  value: string;
  why: string;
  severity: string;
  base: Json | null;
}

export interface ElementDraft {
  id: string;
  label: string;
  description: string;
  reliesOn: DependencyDraft[];
  base: Json | null;
}

export interface ActorRowDraft {
  name: string;
  actorId: string;
  role: string;
  base: Json | null;
}

export interface SourceDraft {
  title: string;
  url: string;
  year: string;
  base: Json | null;
}

export interface OutcomeDraft {
  text: string;
  evidence: string;
  sources: SourceDraft[];
  base: Json | null;
}

export interface ScalingDraft {
  path: string;
  text: string;
  base: Json | null;
}

/** One root cause; `base` is the Text it came from. */
export interface RootCauseDraft {
  text: string;
  base: Json | null;
}

export interface CaseDraft {
  id: string;
  /** The languages whose title and summary are edited, in the form's order. */
  languages: string[];
  titles: Record<string, string>;
  summaries: Record<string, string>;
  /** The language the other texts are written in. */
  lang: string;
  problem: string;
  model: string;
  rootCauses: RootCauseDraft[];
  elements: ElementDraft[];
  stage: string;
  policyField: string;
  siDrive: Record<SiDriveDimension, string>;
  actors: ActorRowDraft[];
  outcomes: OutcomeDraft[];
  scaling: ScalingDraft[];
  /** The origin profile as the context form holds it; null when the case gives none. */
  origin: ContextFields | null;
}

/** What cannot be sent: the field (a path such as "outcomes[1].sources[0].url") and why. */
export interface CaseProblem {
  field: string;
  problem: CaseProblemKind;
  /** Placeholders of the message (the allowed values, the element...). */
  params?: Record<string, string>;
}

export type CaseProblemKind =
  | 'id_required'
  | 'id_format'
  | 'title_required'
  | 'required'
  | 'duplicate'
  | 'url'
  | 'year'
  | 'source'
  | 'feature'
  | 'op'
  | 'value'
  | 'context';

// ---- reading a document into a draft -------------------------------------------------------

const textIn = (v: unknown, lang: string): string => str(obj(v)[lang]);

const CASE_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** The languages of a Text with text in them. */
function textLangs(v: unknown): string[] {
  return Object.entries(obj(v))
    .filter(([, s]) => typeof s === 'string' && s.trim() !== '')
    .map(([lang]) => lang);
}

function dependencyDraft(v: unknown): DependencyDraft {
  const d = obj(v);
  return {
    feature: str(d.feature),
    op: str(d.op),
    value: valueText(d.value),
    why: str(d.why),
    severity: str(d.severity),
    base: isObject(v) ? v : null,
  };
}

/** The origin profile's values as the context form holds them. */
export function contextFieldsOf(profile: unknown): ContextFields | null {
  if (!isObject(profile)) return null;
  const values: ContextFields['values'] = {};
  for (const section of Object.values(profile)) {
    if (!isObject(section)) continue;
    for (const [feature, value] of Object.entries(section)) {
      if (value === null || value === undefined) continue;
      values[feature] = Array.isArray(value) ? value.map(String) : String(value);
    }
  }
  return { id: str(profile.id), name: str(profile.name), territory: '', values };
}

/** The writing language: the reader's when the case has its title in it, else the title's. */
function writingLang(doc: Json, uiLang: string): string {
  const langs = textLangs(doc.title);
  if (langs.length === 0 || langs.includes(uiLang)) return uiLang;
  return langs.includes('en') ? 'en' : (langs[0] ?? uiLang);
}

/**
 * The draft of `doc` (an empty object for a new case), texts edited in `uiLang` by default, or in
 * `lang` when the writer chose it.
 */
export function draftFromDoc(
  doc: Json,
  uiLang: string,
  lang = writingLang(doc, uiLang),
): CaseDraft {
  const languages = [...new Set([...textLangs(doc.title), ...textLangs(doc.summary)])];
  if (!languages.includes(lang)) languages.unshift(lang);
  const perLang = (v: unknown) => Object.fromEntries(languages.map((l) => [l, textIn(v, l)]));
  const items = (key: string) => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  const siDrive = obj(doc.si_drive);
  return {
    id: str(doc.id),
    languages,
    titles: perLang(doc.title),
    summaries: perLang(doc.summary),
    lang,
    problem: textIn(doc.problem, lang),
    model: textIn(doc.model, lang),
    rootCauses: items('root_causes').map((v) => ({
      text: textIn(v, lang),
      base: isObject(v) ? v : null,
    })),
    elements: items('core_elements').map((v) => {
      const e = obj(v);
      return {
        id: str(e.id),
        label: textIn(e.label, lang),
        description: textIn(e.description, lang),
        reliesOn: (Array.isArray(e.relies_on) ? e.relies_on : []).map(dependencyDraft),
        base: isObject(v) ? v : null,
      };
    }),
    stage: str(doc.stage),
    policyField: str(doc.policy_field),
    siDrive: Object.fromEntries(
      SI_DRIVE_DIMENSIONS.map((d) => [d, textIn(siDrive[d], lang)]),
    ) as Record<SiDriveDimension, string>,
    actors: items('actors').map((v) => {
      const a = obj(v);
      return {
        name: str(a.name),
        actorId: str(a.actor_id),
        role: str(a.role),
        base: isObject(v) ? v : null,
      };
    }),
    outcomes: items('outcomes').map((v) => {
      const o = obj(v);
      return {
        text: textIn(o.text, lang),
        evidence: str(o.evidence),
        sources: (Array.isArray(o.sources) ? o.sources : []).map((s) => {
          const x = obj(s);
          return {
            title: str(x.title),
            url: str(x.url),
            year: typeof x.year === 'number' ? String(x.year) : '',
            base: isObject(s) ? s : null,
          };
        }),
        base: isObject(v) ? v : null,
      };
    }),
    scaling: items('scaling').map((v) => ({
      path: str(obj(v).path),
      text: textIn(obj(v).text, lang),
      base: isObject(v) ? v : null,
    })),
    origin: contextFieldsOf(doc.origin),
  };
}

// ---- writing a draft back into the document ------------------------------------------------

/** `o` without `keys`. */
function omit(o: Json, ...keys: string[]): Json {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** `base` (a Text) with `lang` set to `value`, or removed when `value` is blank. */
export function withText(base: unknown, lang: string, value: string): Json {
  const out = omit(obj(base), lang);
  if (value.trim()) out[lang] = value.trim();
  return out;
}

const hasText = (t: Json) => Object.values(t).some((s) => typeof s === 'string' && s.trim());

/** Sets `doc[key]` to `value`, or removes the key when `value` is empty. */
function put(doc: Json, key: string, value: unknown): void {
  const empty =
    value === '' ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0);
  if (!empty) doc[key] = value;
  else Reflect.deleteProperty(doc, key);
}

const blank = (...values: string[]) => values.every((v) => v.trim() === '');

/**
 * The items of the rows that are not left empty (a new row nobody filled is dropped), each made
 * with the row's index in the form, so that a problem names the row the writer sees.
 */
function kept<R>(rows: R[], empty: (r: R) => boolean, make: (r: R, i: number) => Json): Json[] {
  const out: Json[] = [];
  rows.forEach((r, i) => {
    if (!empty(r)) out.push(make(r, i));
  });
  return out;
}

class Writer {
  readonly problems: CaseProblem[] = [];
  constructor(
    readonly lang: string,
    readonly framework: ContextFramework | null,
  ) {}

  problem(field: string, problem: CaseProblemKind, params?: Record<string, string>): void {
    this.problems.push(params ? { field, problem, params } : { field, problem });
  }

  /** A Text of a list item: its other languages kept; a problem when nothing is left. */
  someText(base: unknown, value: string, field: string): Json {
    const text = withText(base, this.lang, value);
    if (!hasText(text)) this.problem(field, 'required');
    return text;
  }
}

function rootCauses(w: Writer, rows: RootCauseDraft[]): Json[] {
  return kept(
    rows,
    (r) => !r.base && blank(r.text),
    (r, i) => w.someText(r.base, r.text, `root_causes[${i}]`),
  );
}

function actors(w: Writer, rows: ActorRowDraft[]): Json[] {
  return kept(
    rows,
    (r) => !r.base && blank(r.name, r.actorId),
    (r, i) => {
      const out: Json = { ...(r.base ?? {}) };
      if (!r.name.trim()) w.problem(`actors[${i}].name`, 'required');
      out.name = r.name.trim();
      put(out, 'actor_id', r.actorId.trim());
      put(out, 'role', r.role);
      return out;
    },
  );
}

function source(w: Writer, s: SourceDraft, field: string): Json {
  const out: Json = { ...(s.base ?? {}) };
  const url = s.url.trim();
  if (!s.title.trim() && !url) w.problem(`${field}.title`, 'source');
  if (url && !/^https?:\/\//.test(url)) w.problem(`${field}.url`, 'url');
  put(out, 'title', s.title.trim());
  put(out, 'url', url);
  const year = s.year.trim();
  if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1800 && Number(year) <= 2100)) {
    w.problem(`${field}.year`, 'year');
  }
  put(out, 'year', year && /^\d+$/.test(year) ? Number(year) : '');
  return out;
}

function outcomes(w: Writer, rows: OutcomeDraft[]): Json[] {
  return kept(
    rows,
    (r) => !r.base && blank(r.text) && r.sources.length === 0,
    (r, i) => {
      const out: Json = { ...(r.base ?? {}) };
      out.text = w.someText(obj(r.base).text, r.text, `outcomes[${i}].text`);
      put(out, 'evidence', r.evidence);
      const sources = kept(
        r.sources,
        (s) => !s.base && blank(s.title, s.url, s.year),
        (s, j) => source(w, s, `outcomes[${i}].sources[${j}]`),
      );
      put(out, 'sources', sources);
      return out;
    },
  );
}

function scaling(w: Writer, rows: ScalingDraft[]): Json[] {
  return kept(
    rows,
    (r) => !r.base && !r.path && blank(r.text),
    (r, i) => {
      const out: Json = { ...(r.base ?? {}) };
      if (!r.path) w.problem(`scaling[${i}].path`, 'required');
      out.path = r.path;
      put(out, 'text', withText(obj(r.base).text, w.lang, r.text));
      return out;
    },
  );
}

function dependency(w: Writer, d: DependencyDraft, field: string): Json {
  const out: Json = { ...(d.base ?? {}), feature: d.feature, op: d.op };
  put(out, 'why', d.why.trim());
  put(out, 'severity', d.severity);
  // Without the catalogue the server checks the dependency; the value is sent as typed.
  const feature = w.framework?.features.find((f) => f.id === d.feature);
  if (!w.framework) {
    out.value = d.base && valueText(d.base.value) === d.value ? d.base.value : d.value.trim();
    return out;
  }
  if (!feature) {
    w.problem(`${field}.feature`, 'feature');
    return out;
  }
  if (!(OPS_BY_TYPE[feature.type] ?? []).includes(d.op)) {
    w.problem(`${field}.op`, 'op', { ops: (OPS_BY_TYPE[feature.type] ?? []).join(', ') });
    return out;
  }
  const value = dependencyValue(feature, d.op, d.value);
  if (value === null) w.problem(`${field}.value`, 'value', { values: allowedValues(feature) });
  // An unchanged value is sent as it was ("credit_union" stays a text, not a list of one).
  else out.value = d.base && valueText(d.base.value) === d.value ? d.base.value : value;
  return out;
}

function elements(w: Writer, rows: ElementDraft[]): Json[] {
  const seen = new Set<string>();
  const empty = (r: ElementDraft) =>
    !r.base && blank(r.id, r.label, r.description) && r.reliesOn.length === 0;
  return kept(rows, empty, (r, i) => {
    const field = `core_elements[${i}]`;
    const out: Json = { ...(r.base ?? {}) };
    const id = r.id.trim();
    if (!id) w.problem(`${field}.id`, 'required');
    else if (seen.has(id)) w.problem(`${field}.id`, 'duplicate');
    seen.add(id);
    out.id = id;
    out.label = w.someText(obj(r.base).label, r.label, `${field}.label`);
    put(out, 'description', withText(obj(r.base).description, w.lang, r.description));
    out.relies_on = r.reliesOn.map((d, j) => dependency(w, d, `${field}.relies_on[${j}]`));
    return out;
  });
}

function siDrive(w: Writer, base: unknown, values: Record<SiDriveDimension, string>): Json {
  const out: Json = { ...obj(base) };
  for (const d of SI_DRIVE_DIMENSIONS) put(out, d, withText(out[d], w.lang, values[d] ?? ''));
  return out;
}

/** The origin profile: the form's features over the loaded profile (keys it lacks kept). */
function origin(w: Writer, base: unknown, fields: ContextFields | null): Json | null {
  if (!fields) return isObject(base) ? base : null;
  if (!w.framework) return isObject(base) ? base : null;
  const { context, problems } = contextOf(w.framework, { ...fields, territory: '' });
  for (const p of problems) w.problem(`origin.${p.feature}`, 'context');
  const out: Json = {};
  for (const [key, value] of Object.entries(obj(base))) {
    out[key] = isObject(value) ? { ...value } : value;
  }
  for (const key of ['id', 'name']) put(out, key, str(context[key]));
  for (const f of w.framework.features) {
    const section = omit(obj(out[f.domain]), f.id);
    const value = obj(context[f.domain])[f.id];
    if (value !== undefined) section[f.id] = value;
    put(out, f.domain, section);
  }
  return out;
}

export interface CaseDocResult {
  doc: Json;
  problems: CaseProblem[];
}

function perLanguage(base: unknown, languages: string[], values: Record<string, string>): Json {
  let out: Json = { ...obj(base) };
  for (const lang of languages) out = withText(out, lang, values[lang] ?? '');
  return out;
}

/**
 * The document to send: `base` (the loaded document, {} for a new case) with the fields the form
 * edits replaced by the draft's. `removedLangs` are languages the writer removed from the title
 * and summary. Problems list what the API would refuse, each with its field.
 */
export function docFromDraft(
  base: Json,
  draft: CaseDraft,
  framework: ContextFramework | null,
  removedLangs: string[] = [],
): CaseDocResult {
  const w = new Writer(draft.lang, framework);
  const doc: Json = { ...base };
  const id = draft.id.trim();
  if (!id) w.problem('id', 'id_required');
  else if (!CASE_ID.test(id)) w.problem('id', 'id_format');
  doc.id = id;
  const drop = (t: unknown) => omit(obj(t), ...removedLangs);
  doc.title = perLanguage(drop(base.title), draft.languages, draft.titles);
  if (!hasText(doc.title as Json))
    w.problem(`title.${draft.languages[0] ?? 'en'}`, 'title_required');
  put(doc, 'summary', perLanguage(drop(base.summary), draft.languages, draft.summaries));
  put(doc, 'problem', withText(base.problem, draft.lang, draft.problem));
  put(doc, 'model', withText(base.model, draft.lang, draft.model));
  put(doc, 'root_causes', rootCauses(w, draft.rootCauses));
  put(doc, 'core_elements', elements(w, draft.elements));
  put(doc, 'stage', draft.stage);
  put(doc, 'policy_field', draft.policyField);
  put(doc, 'si_drive', siDrive(w, base.si_drive, draft.siDrive));
  put(doc, 'actors', actors(w, draft.actors));
  put(doc, 'outcomes', outcomes(w, draft.outcomes));
  put(doc, 'scaling', scaling(w, draft.scaling));
  put(doc, 'origin', origin(w, base.origin, draft.origin));
  return { doc, problems: w.problems };
}
