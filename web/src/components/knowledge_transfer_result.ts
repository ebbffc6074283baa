// A transfer analysis in words (docs/knowledge.md, "Reading an analysis"): the verdict and the
// judgement, the fit of each domain with its reasons, the risk flags with the element each
// threatens and the values on both sides, the adaptations to discuss, what to find out, and the
// registry's local partners who offer what is missing. Never one score: a number would hide
// which element fails and why.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { pickText, type CaseDoc } from '../knowledge';
import { enumLabel } from '../knowledge_labels';
import {
  valueWords,
  type ContextFramework,
  type LocalPartners,
  type RiskFlag,
  type TransferAnalysis,
} from '../knowledge_transfer';
import { actorHref } from '../router';
import { textBlock, yesNo } from './knowledge_case_view';

/** The words of the case and catalogue the analysis names by id. */
export interface ResultNames {
  element(id: string): string;
  feature(id: string): string;
  domain(id: string): string;
  value(feature: string, value: unknown): string;
}

export function resultNames(
  doc: CaseDoc | null,
  framework: ContextFramework | null,
  lang: string,
): ResultNames {
  const feature = (id: string) => framework?.features.find((f) => f.id === id);
  return {
    element: (id) => pickText(doc?.coreElements.find((e) => e.id === id)?.label, lang).text || id,
    feature: (id) => pickText(feature(id)?.label, lang).text || id,
    domain: (id) => pickText(framework?.domains.find((d) => d.id === id)?.label, lang).text || id,
    value: (id, value) => valueWords(feature(id), value, lang, yesNo()),
  };
}

function table(testId: string, heads: MessageKey[], rows: HTMLTableRowElement[]): HTMLElement {
  return h(
    'table',
    { className: 'knowledge-table', testId },
    h('thead', {}, h('tr', {}, ...heads.map((k) => h('th', { i18n: k, attrs: { scope: 'col' } })))),
    h('tbody', {}, ...rows),
  );
}

function block(
  title: MessageKey,
  testId: string,
  ...content: (Node | null | false)[]
): HTMLElement {
  return h(
    'section',
    { className: 'knowledge-result-block', testId },
    h('h3', { i18n: title }),
    ...content.filter((c): c is Node => c !== null && c !== false),
  );
}

function domainsTable(a: TransferAnalysis, names: ResultNames, lang: string): HTMLElement {
  return table(
    'transfer-domains',
    ['knowledge.transfer.domain', 'knowledge.transfer.fit', 'knowledge.transfer.reasons'],
    a.domains.map((d) =>
      h(
        'tr',
        { attrs: { 'data-domain': d.domain, 'data-fit': d.fit }, testId: 'transfer-domain' },
        h('th', { text: names.domain(d.domain), attrs: { scope: 'row' } }),
        h('td', { className: `knowledge-fit fit-${d.fit}`, text: enumLabel('fit', d.fit) }),
        h(
          'td',
          {},
          h(
            'ul',
            {},
            ...d.reasons.map((r) => h('li', {}, textBlock(r.text, lang, undefined, 'span'))),
          ),
        ),
      ),
    ),
  );
}

function flagRow(f: RiskFlag, names: ResultNames, lang: string): HTMLTableRowElement {
  const values = t('knowledge.transfer.originTarget', {
    origin: names.value(f.feature, f.origin),
    target: names.value(f.feature, f.target),
  });
  return h(
    'tr',
    { attrs: { 'data-flag': f.id, 'data-severity': f.severity }, testId: 'transfer-flag' },
    h('th', { text: f.id, attrs: { scope: 'row' } }),
    h('td', { text: enumLabel('severity', f.severity) }),
    h('td', { text: names.element(f.element) }),
    h(
      'td',
      {},
      textBlock(f.text, lang),
      h('p', { className: 'hint', text: `${names.feature(f.feature)}: ${values}` }),
      f.why && h('p', { className: 'hint', text: t('knowledge.case.why', { why: f.why }) }),
    ),
  );
}

function partnersView(groups: LocalPartners[], names: ResultNames, territory: boolean) {
  if (!territory)
    return h('p', { className: 'hint', i18n: 'knowledge.transfer.partnersNeedTerritory' });
  const found = groups.filter((g) => g.actors.length > 0);
  if (found.length === 0) {
    return h('p', { i18n: 'knowledge.transfer.noPartners', testId: 'transfer-no-partners' });
  }
  return h(
    'ul',
    { className: 'knowledge-partners' },
    ...found.map((g) =>
      h(
        'li',
        { attrs: { 'data-flag': g.flag }, testId: 'transfer-partners' },
        h('p', {
          text: t('knowledge.transfer.partnersFor', {
            element: names.element(g.element),
            asset: g.assets.join(', '),
          }),
        }),
        h(
          'ul',
          {},
          ...g.actors.map((a) =>
            h(
              'li',
              { testId: 'transfer-partner' },
              h('a', { text: a.name || a.id, attrs: { href: actorHref(a.id) } }),
              a.territory && ` (${a.territory})`,
              (a.offer || a.assetType) &&
                h('p', {
                  className: 'hint',
                  text: t('knowledge.transfer.partnerOffer', {
                    offer: a.offer || a.assetType,
                    asset: a.assetType || '—',
                  }),
                  testId: 'transfer-partner-offer',
                }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The analysis, in the reading order of docs/knowledge.md. `territory`: the context named one. */
export function transferResultView(
  a: TransferAnalysis,
  names: ResultNames,
  lang: string,
  territory: boolean,
): HTMLElement {
  const flags =
    a.riskFlags.length === 0
      ? h('p', { i18n: 'knowledge.transfer.noFlags', testId: 'transfer-no-flags' })
      : table(
          'transfer-flags',
          [
            'knowledge.transfer.flag',
            'knowledge.transfer.severity',
            'knowledge.transfer.element',
            'knowledge.transfer.why',
          ],
          a.riskFlags.map((f) => flagRow(f, names, lang)),
        );
  const adaptations =
    a.adaptations.length === 0
      ? h('p', { i18n: 'knowledge.transfer.noAdaptations' })
      : h(
          'ul',
          {},
          ...a.adaptations.map((x) =>
            h(
              'li',
              { attrs: { 'data-flag': x.flag }, testId: 'transfer-adaptation' },
              h('strong', { text: `${names.element(x.element)}: ` }),
              textBlock(x.text, lang, undefined, 'span'),
            ),
          ),
        );
  const unknowns =
    a.unknowns.length === 0
      ? h('p', { i18n: 'knowledge.transfer.noUnknowns' })
      : h(
          'ul',
          {},
          ...a.unknowns.map((u) =>
            h(
              'li',
              { attrs: { 'data-feature': u.feature }, testId: 'transfer-unknown' },
              h('strong', { text: `${names.element(u.element)} · ${names.feature(u.feature)}: ` }),
              textBlock(u.question, lang, undefined, 'span'),
            ),
          ),
        );
  return h(
    'div',
    { className: 'knowledge-transfer-result', testId: 'transfer-result' },
    h(
      'section',
      {
        className: 'knowledge-result-block',
        testId: 'transfer-verdict',
        attrs: { 'data-verdict': a.verdict },
      },
      h('h3', {
        text: t('knowledge.transfer.verdict', { verdict: enumLabel('verdict', a.verdict) }),
      }),
      textBlock(a.judgement, lang, 'transfer-judgement'),
      h('p', { className: 'hint', i18n: 'knowledge.transfer.notScore' }),
    ),
    block('knowledge.transfer.domains', 'transfer-domains-block', domainsTable(a, names, lang)),
    block('knowledge.transfer.flags', 'transfer-flags-block', flags),
    block('knowledge.transfer.adaptations', 'transfer-adaptations', adaptations),
    block('knowledge.transfer.unknowns', 'transfer-unknowns', unknowns),
    block(
      'knowledge.transfer.partners',
      'transfer-partners-block',
      partnersView(a.localPartners, names, territory),
    ),
  );
}
