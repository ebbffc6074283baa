// A case of the knowledge commons drawn whole: its summary and facts, the problem and its root
// causes, the model and its core elements with what each relies on, the actors and the SI-DRIVE
// dimensions (the outcomes, scaling, strength, provenance, origin and source are in
// knowledge_case_facts.ts). Texts are shown in the reader's language, else in the language they
// fall back to, marked with `lang` so that screen readers read them right.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import {
  pickText,
  SI_DRIVE_DIMENSIONS,
  type CaseDoc,
  type CoreElement,
  type Dependency,
  type Text,
} from '../knowledge';
import { countryName, enumLabel, sdgName } from '../knowledge_labels';
import { valueWords, type ContextFramework } from '../knowledge_transfer';
import { actorHref } from '../router';
import { definitionList, section } from './definition_list';

/** A paragraph of a Text in `lang` (or its fallback), or null when the Text is empty. */
export function textBlock(
  text: Text | undefined,
  lang: string,
  testId?: string,
  tag: 'p' | 'span' = 'p',
): HTMLElement | null {
  const picked = pickText(text, lang);
  if (!picked.text) return null;
  return h(tag, {
    className: 'knowledge-text',
    text: picked.text,
    attrs: { lang: picked.lang === 'und' ? undefined : picked.lang },
    testId,
  });
}

export const yesNo = () => ({
  yes: t('knowledge.yes'),
  no: t('knowledge.no'),
  unknown: t('knowledge.unknown'),
});

/** "trust and social capital: at least medium (why: ...; severity: high)". */
export function dependencyWords(
  d: Dependency,
  framework: ContextFramework | null,
  lang: string,
): string {
  const feature = framework?.features.find((f) => f.id === d.feature);
  const name = (feature && pickText(feature.label, lang).text) || d.feature;
  const words = `${name}: ${enumLabel('op', d.op)} ${valueWords(feature, d.value, lang, yesNo())}`;
  const notes = [
    d.why && t('knowledge.case.why', { why: d.why }),
    d.severity && t('knowledge.case.severity', { severity: enumLabel('severity', d.severity) }),
  ].filter(Boolean);
  return notes.length > 0 ? `${words} (${notes.join('; ')})` : words;
}

function coreElementItem(
  e: CoreElement,
  framework: ContextFramework | null,
  lang: string,
): HTMLLIElement {
  return h(
    'li',
    {
      className: 'knowledge-element',
      attrs: { 'data-element': e.id },
      testId: 'knowledge-element',
    },
    h('h3', {}, textBlock(e.label, lang, undefined, 'span') ?? e.id),
    textBlock(e.description, lang),
    e.reliesOn.length > 0 &&
      h(
        'div',
        {},
        h('p', { className: 'knowledge-label', i18n: 'knowledge.case.reliesOn' }),
        h(
          'ul',
          {},
          ...e.reliesOn.map((d) =>
            h('li', { text: dependencyWords(d, framework, lang), testId: 'knowledge-dependency' }),
          ),
        ),
      ),
  );
}

function actorsList(doc: CaseDoc): HTMLElement | null {
  if (doc.actors.length === 0) return null;
  return h(
    'ul',
    { className: 'knowledge-actors' },
    ...doc.actors.map((a) =>
      h(
        'li',
        { testId: 'knowledge-actor' },
        a.actorId
          ? h('a', { text: a.name || a.actorId, attrs: { href: actorHref(a.actorId) } })
          : a.name,
        a.role && ` (${enumLabel('role', a.role)})`,
      ),
    ),
  );
}

function aboutList(doc: CaseDoc, lang: string): HTMLElement | null {
  return definitionList([
    { label: 'knowledge.case.type', value: doc.type && enumLabel('type', doc.type) },
    { label: 'knowledge.case.stage', value: doc.stage && enumLabel('stage', doc.stage) },
    {
      label: 'knowledge.case.policyField',
      value: doc.policyField && enumLabel('policy_field', doc.policyField),
    },
    { label: 'knowledge.case.year', value: doc.year === null ? null : String(doc.year) },
    {
      label: 'knowledge.case.countries',
      value: doc.countries.map((c) => countryName(c, lang)).join(', '),
    },
    { label: 'knowledge.case.sdgs', value: doc.sdgs.map(sdgName).join(', ') },
    { label: 'knowledge.case.themes', value: doc.themes.join(', ') },
    { label: 'knowledge.case.methods', value: doc.methods.join(', ') },
    {
      label: 'knowledge.case.location',
      value: doc.location && `${doc.location.lat}, ${doc.location.lon}`,
    },
  ]);
}

function siDriveList(doc: CaseDoc, lang: string): HTMLElement | null {
  return definitionList(
    SI_DRIVE_DIMENSIONS.map((dim) => ({
      label: { text: t(`knowledge.siDrive.${dim}`) },
      value: textBlock(doc.siDrive[dim], lang),
    })),
  );
}

function listOf(items: (HTMLElement | null)[], className: string): HTMLElement | null {
  const kept = items.filter((i): i is HTMLElement => i !== null);
  return kept.length === 0 ? null : h('ul', { className }, ...kept.map((i) => h('li', {}, i)));
}

/** The sections of the first half of a case, in reading order (empty ones left out). */
export function caseMainSections(
  doc: CaseDoc,
  framework: ContextFramework | null,
  lang: string,
): HTMLElement[] {
  const elements =
    doc.coreElements.length === 0
      ? null
      : h(
          'ol',
          { className: 'knowledge-elements' },
          ...doc.coreElements.map((e) => coreElementItem(e, framework, lang)),
        );
  return [
    section(
      'knowledge.case.summary',
      textBlock(doc.summary, lang, 'knowledge-summary'),
      'knowledge-summary-section',
    ),
    section('knowledge.case.about', aboutList(doc, lang), 'knowledge-about'),
    section('knowledge.case.problem', textBlock(doc.problem, lang), 'knowledge-problem'),
    section(
      'knowledge.case.rootCauses',
      listOf(
        doc.rootCauses.map((c) => textBlock(c, lang, undefined, 'span')),
        'knowledge-root-causes',
      ),
      'knowledge-root-causes',
    ),
    section('knowledge.case.model', textBlock(doc.model, lang), 'knowledge-model'),
    section('knowledge.case.coreElements', elements, 'knowledge-core-elements'),
    section('knowledge.case.actors', actorsList(doc), 'knowledge-actors'),
    section('knowledge.case.siDrive', siDriveList(doc, lang), 'knowledge-si-drive'),
  ].filter((s): s is HTMLElement => s !== null);
}
