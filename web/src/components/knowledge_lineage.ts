// A case's lineage in words: the transfers that brought it here and those that took it elsewhere,
// each with its outcome, when it started, the risk flags raised before it and its adaptations as
// a FRAME table (which element, when, planned or reactive, who decided, what was changed at which
// level and how, whether it kept fidelity, and why); then how often each flag preceded a failed
// transfer, as counts. Never one score: a number would hide which flag and which transfer.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { pickText, type CaseDoc, type Text } from '../knowledge';
import { enumLabel } from '../knowledge_labels';
import {
  flagsConcerning,
  type FlagHistory,
  type FrameAdaptation,
  type Lineage,
  type TransferRecord,
} from '../knowledge_lineage';
import { knowledgeCaseHref } from '../router';
import { definitionList } from './definition_list';
import { textBlock, yesNo } from './knowledge_case_view';

/** The titles of the other cases of the lineage, by id; a case the reader cannot see has none. */
export type CaseTitles = ReadonlyMap<string, Text>;

/** The other case of a transfer: its title (in the reader's language) linked, its id after it. */
function caseLink(id: string, titles: CaseTitles, lang: string): HTMLElement {
  const title = pickText(titles.get(id), lang);
  const link = h('a', {
    text: title.text || id,
    attrs: {
      href: knowledgeCaseHref(id),
      lang: title.lang && title.lang !== 'und' ? title.lang : undefined,
    },
    testId: 'lineage-case',
  });
  if (!title.text) return link;
  return h(
    'span',
    {},
    link,
    ' ',
    h('span', { className: 'knowledge-case-id', text: `(${id})`, testId: 'lineage-case-id' }),
  );
}

/** The name of a core element of `caseId`; only the shown case's elements are known by name. */
type ElementName = (caseId: string, element: string) => string;

function elementNames(doc: CaseDoc, lang: string): ElementName {
  return (caseId, element) => {
    if (!element) return t('knowledge.lineage.wholeModel');
    const found = caseId === doc.id ? doc.coreElements.find((e) => e.id === element) : undefined;
    return pickText(found?.label, lang).text || element;
  };
}

function fidelityWords(fidelity: boolean | null): string {
  const words = yesNo();
  return fidelity === null ? words.unknown : fidelity ? words.yes : words.no;
}

const HEADS: MessageKey[] = [
  'knowledge.lineage.element',
  'knowledge.lineage.when',
  'knowledge.lineage.planned',
  'knowledge.lineage.decidedBy',
  'knowledge.lineage.change',
  'knowledge.lineage.description',
  'knowledge.lineage.fidelity',
  'knowledge.lineage.reasons',
  'knowledge.lineage.why',
];

function adaptationRow(
  a: FrameAdaptation,
  origin: string,
  name: ElementName,
  lang: string,
): HTMLTableRowElement {
  const when = [a.when && enumLabel('frame_when', a.when), a.date].filter(Boolean).join(', ');
  const change = [
    a.what && enumLabel('frame_what', a.what),
    a.level && enumLabel('frame_level', a.level),
    a.change && enumLabel('frame_change', a.change),
  ].filter(Boolean);
  const cell = (text: string) => h('td', { text: text || '—' });
  return h(
    'tr',
    {
      attrs: { 'data-element': a.element, 'data-fidelity': String(a.fidelity) },
      testId: 'lineage-adaptation',
    },
    h('th', { text: name(origin, a.element), attrs: { scope: 'row' } }),
    cell(when),
    cell(a.planned && enumLabel('frame_planned', a.planned)),
    cell(a.decidedBy.join(', ')),
    cell(change.join(' · ')),
    h('td', {}, textBlock(a.description, lang, undefined, 'span') ?? '—'),
    cell(fidelityWords(a.fidelity)),
    cell(a.reasons.map((r) => enumLabel('frame_reasons', r)).join(', ')),
    h('td', {}, textBlock(a.why, lang, undefined, 'span') ?? '—'),
  );
}

/** The FRAME table of a transfer's adaptations. */
export function frameTable(tr: TransferRecord, name: ElementName, lang: string): HTMLElement {
  if (tr.adaptations.length === 0) {
    return h('p', { className: 'hint', i18n: 'knowledge.lineage.noAdaptations' });
  }
  return h(
    'div',
    { className: 'knowledge-table-scroll' },
    h(
      'table',
      { className: 'knowledge-table knowledge-frame', testId: 'lineage-frame' },
      h('caption', { i18n: 'knowledge.lineage.frameCaption' }),
      h(
        'thead',
        {},
        h('tr', {}, ...HEADS.map((k) => h('th', { i18n: k, attrs: { scope: 'col' } }))),
      ),
      h('tbody', {}, ...tr.adaptations.map((a) => adaptationRow(a, tr.originCase, name, lang))),
    ),
  );
}

function transferItem(
  tr: TransferRecord,
  from: boolean,
  name: ElementName,
  lang: string,
  titles: CaseTitles,
): HTMLLIElement {
  const other = from ? tr.originCase : tr.caseId;
  return h(
    'li',
    {
      className: 'knowledge-transfer-record',
      attrs: { 'data-transfer': tr.id, 'data-outcome': tr.outcome, 'data-case': other },
      testId: 'lineage-transfer',
    },
    h(
      'h4',
      {},
      h('span', { i18n: from ? 'knowledge.lineage.from' : 'knowledge.lineage.to' }),
      ' ',
      caseLink(other, titles, lang),
    ),
    definitionList([
      {
        label: 'knowledge.lineage.outcome',
        value: enumLabel('outcome', tr.outcome),
        testId: 'lineage-outcome',
      },
      { label: 'knowledge.lineage.started', value: tr.started || t('knowledge.unknown') },
      {
        label: 'knowledge.lineage.flags',
        value: tr.flags.length > 0 ? tr.flags.join(', ') : t('knowledge.lineage.noFlags'),
        testId: 'lineage-flags',
      },
      {
        label: 'knowledge.lineage.recorded',
        value: t('knowledge.lineage.recordedOn', {
          date: tr.recordedAt.slice(0, 10),
          version: tr.version,
        }),
      },
    ]),
    textBlock(tr.outcomeNote, lang, 'lineage-outcome-note'),
    frameTable(tr, name, lang),
  );
}

function transferList(
  items: TransferRecord[],
  from: boolean,
  name: ElementName,
  lang: string,
  titles: CaseTitles,
): HTMLElement {
  if (items.length === 0) {
    return h('p', {
      className: 'hint',
      i18n: from ? 'knowledge.lineage.noOrigin' : 'knowledge.lineage.noTransfers',
      testId: from ? 'lineage-no-origin' : 'lineage-no-transfers',
    });
  }
  return h(
    'ol',
    { className: 'knowledge-transfer-records' },
    ...items.map((tr) => transferItem(tr, from, name, lang, titles)),
  );
}

/** "trust_dependency preceded 3 transfers with a known outcome; 2 failed or were abandoned." */
export function flagHistoryView(history: FlagHistory, mine: TransferRecord[]): HTMLElement {
  if (history.transfersKnown === 0 || history.flags.length === 0) {
    return h('p', { className: 'hint', i18n: 'knowledge.lineage.noHistory' });
  }
  const concerning = new Set(flagsConcerning(history, mine).map((f) => f.flag));
  return h(
    'div',
    { testId: 'lineage-history' },
    h('p', {
      text: t('knowledge.lineage.historyTotal', {
        known: history.transfersKnown,
        failed: history.failed,
      }),
    }),
    h(
      'ul',
      {},
      ...history.flags.map((f) =>
        h(
          'li',
          {
            attrs: { 'data-flag': f.flag, 'data-concerns': concerning.has(f.flag) || undefined },
            testId: 'lineage-flag-history',
          },
          t('knowledge.lineage.flagPreceded', {
            flag: f.flag,
            transfers: f.transfers,
            failed: f.failed,
          }),
          concerning.has(f.flag) && ` ${t('knowledge.lineage.concerns')}`,
        ),
      ),
    ),
    h('p', { className: 'hint', i18n: 'knowledge.lineage.notScore' }),
  );
}

/** The ids of the other cases of a lineage, each once. */
export function lineageCaseIds(lineage: Lineage): string[] {
  const ids = [
    ...lineage.origin.map((tr) => tr.originCase),
    ...lineage.transfers.map((tr) => tr.caseId),
  ];
  return [...new Set(ids)].filter((id) => id !== lineage.caseId);
}

/** The whole lineage of the case `doc`; other cases by their titles when `titles` has them. */
export function lineageView(
  lineage: Lineage,
  doc: CaseDoc,
  lang: string,
  titles: CaseTitles = new Map(),
): HTMLElement {
  const name = elementNames(doc, lang);
  const part = (title: MessageKey, testId: string, content: HTMLElement) =>
    h(
      'section',
      { className: 'knowledge-result-block', testId },
      h('h3', { i18n: title }),
      content,
    );
  return h(
    'div',
    { className: 'knowledge-lineage', testId: 'lineage' },
    part(
      'knowledge.lineage.origin',
      'lineage-origin',
      transferList(lineage.origin, true, name, lang, titles),
    ),
    part(
      'knowledge.lineage.transfers',
      'lineage-transfers',
      transferList(lineage.transfers, false, name, lang, titles),
    ),
    part(
      'knowledge.lineage.history',
      'lineage-history-block',
      flagHistoryView(lineage.flagHistory, [...lineage.origin, ...lineage.transfers]),
    ),
  );
}
