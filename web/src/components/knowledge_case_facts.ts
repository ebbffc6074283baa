// The second half of a case: its outcomes with their evidence level and sources, the scaling
// paths, the strength assessment, the provenance of each claim (who contributed, from research
// or practice, how far people took part), the origin context and the source with its licence.
// Links to sources open outside the app with rel="noopener"; only http(s) addresses are links.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { pickText, type CaseDoc, type ContextProfile, type Text } from '../knowledge';
import { enumLabel } from '../knowledge_labels';
import { valueWords, type ContextFramework } from '../knowledge_transfer';
import { definitionList, section } from './definition_list';
import { textBlock, yesNo } from './knowledge_case_view';

/** How much of a case's long text is shown: it is for search, not for reading whole. */
export const TEXT_EXCERPT = 600;

/** A link out of the app, or the plain text when the address is not http(s). */
export function externalLink(text: string, url: string, testId?: string): HTMLElement | string {
  if (!/^https?:\/\//i.test(url)) return text;
  return h('a', {
    text,
    attrs: { href: url, rel: 'noopener', target: '_blank' },
    testId,
  });
}

function outcomesList(doc: CaseDoc, lang: string): HTMLElement | null {
  if (doc.outcomes.length === 0) return null;
  return h(
    'ul',
    { className: 'knowledge-outcomes' },
    ...doc.outcomes.map((o) =>
      h(
        'li',
        { testId: 'knowledge-outcome' },
        textBlock(o.text, lang),
        o.evidence &&
          h('p', {
            className: 'knowledge-evidence',
            text: t('knowledge.case.evidence', { level: enumLabel('evidence', o.evidence) }),
            attrs: { 'data-evidence': o.evidence },
            testId: 'knowledge-evidence',
          }),
        o.sources.length > 0 &&
          h(
            'ul',
            { className: 'knowledge-sources' },
            ...o.sources.map((s) =>
              h(
                'li',
                {},
                externalLink(s.title || s.url, s.url, 'knowledge-source-link'),
                s.year !== null && ` (${s.year})`,
              ),
            ),
          ),
      ),
    ),
  );
}

function scalingList(doc: CaseDoc, lang: string): HTMLElement | null {
  if (doc.scaling.length === 0) return null;
  return definitionList(
    doc.scaling.map((s) => ({
      label: { text: enumLabel('scaling', s.path) },
      value: textBlock(s.text, lang),
      testId: 'knowledge-scaling',
    })),
  );
}

function strengthList(doc: CaseDoc, lang: string): HTMLElement | null {
  const s = doc.strength;
  if (!s) return null;
  return definitionList([
    { label: 'knowledge.case.strengthLevel', value: s.level && enumLabel('strength', s.level) },
    { label: 'knowledge.case.strengthFramework', value: s.framework },
    { label: 'knowledge.case.assessedAt', value: s.assessedAt },
    { label: 'knowledge.case.strengthReasons', value: textBlock(s.reasons, lang) },
  ]);
}

function provenanceTable(doc: CaseDoc): HTMLElement | null {
  if (doc.provenance.length === 0) return null;
  const head = (key: Parameters<typeof t>[0]) => h('th', { i18n: key, attrs: { scope: 'col' } });
  return h(
    'table',
    { className: 'knowledge-table', testId: 'knowledge-provenance' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head('knowledge.case.claim'),
        head('knowledge.case.knowledgeKind'),
        head('knowledge.case.contributors'),
        head('knowledge.case.participation'),
      ),
    ),
    h(
      'tbody',
      {},
      ...doc.provenance.map((p) =>
        h(
          'tr',
          { testId: 'knowledge-claim' },
          h('th', { text: p.claim, attrs: { scope: 'row' } }),
          h('td', { text: p.knowledge && enumLabel('knowledge', p.knowledge) }),
          h('td', { text: p.contributors.join(', ') }),
          h('td', { text: p.participation && enumLabel('participation', p.participation) }),
        ),
      ),
    ),
  );
}

const labelIn = (text: Text | undefined, lang: string, fallback: string) =>
  pickText(text, lang).text || fallback;

/** A context profile by domain, with the catalogue's words when it is loaded. */
export function contextView(
  profile: ContextProfile,
  framework: ContextFramework | null,
  lang: string,
): HTMLElement | null {
  const rows = Object.entries(profile.domains).flatMap(([domain, features]) => {
    const domainLabel = labelIn(
      framework?.domains.find((d) => d.id === domain)?.label,
      lang,
      domain,
    );
    return Object.entries(features).map(([id, value]) => {
      const feature = framework?.features.find((f) => f.id === id);
      return {
        label: { text: `${domainLabel} · ${labelIn(feature?.label, lang, id)}` },
        value: valueWords(feature, value, lang, yesNo()),
        testId: 'knowledge-context-value',
      };
    });
  });
  const name = [profile.name, profile.id && `(${profile.id})`].filter(Boolean).join(' ');
  const list = definitionList(rows);
  if (!name && !list) return null;
  return h('div', {}, name && h('p', { className: 'knowledge-place', text: name }), list);
}

function sourceList(doc: CaseDoc): HTMLElement | null {
  const s = doc.source;
  return definitionList([
    { label: 'knowledge.case.sourceName', value: s?.name || t('knowledge.case.ecosolSource') },
    { label: 'knowledge.case.sourceId', value: s?.id },
    {
      label: 'knowledge.case.sourceUrl',
      value: s?.url ? externalLink(s.url, s.url, 'knowledge-source-url') : null,
    },
    { label: 'knowledge.case.licence', value: s?.licence, testId: 'knowledge-licence' },
  ]);
}

function excerpt(doc: CaseDoc, lang: string): HTMLElement | null {
  const picked = pickText(doc.text, lang);
  if (!picked.text) return null;
  const cut = picked.text.length > TEXT_EXCERPT;
  return h('p', {
    className: 'knowledge-text',
    text: cut ? `${picked.text.slice(0, TEXT_EXCERPT).trimEnd()}…` : picked.text,
    attrs: { lang: picked.lang === 'und' ? undefined : picked.lang },
  });
}

/** The sections of the second half of a case (empty ones left out). */
export function caseFactSections(
  doc: CaseDoc,
  framework: ContextFramework | null,
  lang: string,
): HTMLElement[] {
  return [
    section('knowledge.case.outcomes', outcomesList(doc, lang), 'knowledge-outcomes'),
    section('knowledge.case.scaling', scalingList(doc, lang), 'knowledge-scaling-section'),
    section('knowledge.case.strength', strengthList(doc, lang), 'knowledge-strength'),
    section('knowledge.case.provenance', provenanceTable(doc), 'knowledge-provenance-section'),
    section(
      'knowledge.case.origin',
      doc.origin && contextView(doc.origin, framework, lang),
      'knowledge-origin',
    ),
    section('knowledge.case.text', excerpt(doc, lang), 'knowledge-text-section'),
    section('knowledge.case.source', sourceList(doc), 'knowledge-source'),
  ].filter((s): s is HTMLElement => s !== null);
}
