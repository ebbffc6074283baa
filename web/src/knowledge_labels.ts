// The words for the knowledge commons' enumerations (stages, policy fields, evidence levels,
// scaling paths, participation levels, types, verdicts, fits...) from the catalogue, and the
// names of countries and languages from the browser's Intl data. A value the catalogue lacks is
// shown as it is: a newer server may send one.

import { tMaybe } from './i18n/i18n';
import type { Facet } from './knowledge';
import { FRAME, OUTCOMES } from './knowledge_lineage';

/** Every enumeration and its values; each value has the key `knowledge.<group>.<value>`. */
export const ENUMS = {
  stage: ['idea', 'invention', 'implementation', 'testing', 'impact'],
  policy_field: [
    'education',
    'employment',
    'environment',
    'energy',
    'transport',
    'health_social_care',
    'poverty_development',
  ],
  evidence: ['anecdotal', 'monitoring', 'evaluation', 'experimental'],
  scaling: ['out', 'up', 'deep'],
  participation: ['inform', 'consult', 'involve', 'collaborate', 'empower'],
  knowledge: ['research', 'practice', 'both'],
  type: ['case_study', 'solution', 'experiment', 'learning_plan', 'programme', 'policy'],
  strength: ['weak', 'strong', 'unassessed'],
  role: [
    'initiator',
    'implementer',
    'funder',
    'partner',
    'network',
    'university',
    'public_body',
    'community',
    'beneficiary',
    'intermediary',
  ],
  status: ['draft', 'in_review', 'published', 'withdrawn'],
  verdict: ['redesign', 'adapt', 'insufficient_evidence', 'fits'],
  fit: ['good', 'partial', 'poor', 'unknown'],
  severity: ['low', 'medium', 'high'],
  op: ['at_least', 'at_most', 'is', 'in', 'includes', 'includes_any'],
  action: ['submit', 'approve', 'return', 'withdraw'],
  outcome: OUTCOMES,
  frame_when: FRAME.when,
  frame_planned: FRAME.planned,
  frame_what: FRAME.what,
  frame_level: FRAME.level,
  frame_change: FRAME.change,
  frame_reasons: FRAME.reasons,
} as const;

export type EnumGroup = keyof typeof ENUMS;

/** A value in words in the current language, or the value itself when unknown to the catalogue. */
export function enumLabel(group: EnumGroup, value: string): string {
  return tMaybe(`knowledge.${group}.${value}`) ?? value;
}

function displayName(type: 'region' | 'language', code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "IN" -> "India" in the reader's language. */
export const countryName = (code: string, lang: string): string =>
  displayName('region', code.toUpperCase(), lang);

/** "fr" -> "French" in the reader's language; "und" (unknown) stays as the catalogue says. */
export function languageName(code: string, lang: string): string {
  if (code === 'und') return tMaybe('knowledge.language.und') ?? code;
  return displayName('language', code, lang);
}

/** "5" -> "SDG 5". */
export const sdgName = (n: string | number): string => tMaybe('knowledge.sdg', { n }) ?? `SDG ${n}`;

/** A facet's value in words. Themes and sources are the data's own words. */
export function facetValueLabel(facet: Facet, value: string, lang: string): string {
  switch (facet) {
    case 'sdg':
      return sdgName(value);
    case 'country':
      return countryName(value, lang);
    case 'language':
      return languageName(value, lang);
    case 'stage':
    case 'type':
    case 'strength':
    case 'policy_field':
      return enumLabel(facet, value);
    case 'theme':
    case 'source':
      return value;
  }
}
