// The parts of a territory's building-blocks report: its ecosystem type with the reason, the hard
// indicators, the perception of each statement and the evidence of each block.

import type {
  BlockCoverage,
  EvidenceItem,
  HardIndicators,
  StatementPerception,
  TerritoryReport,
} from '../ecosystem_blocks';
import { pick } from '../ecosystem_blocks';
import { h } from '../dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import { actorHref } from '../router';
import { figure, rate, type BlocksLabels } from './blocks_labels';

/** The EFESEIIS type, its two dimensions and the server's reason in the reader's language. */
export function typeView(report: TerritoryReport, labels: BlocksLabels): HTMLElement {
  const type = report.type;
  return h(
    'div',
    { className: `blocks-type type-${type.type}` },
    h(
      'p',
      { className: 'blocks-type-name' },
      h('span', { text: `${t('ecosystem.typeLabel')} ` }),
      h('strong', { text: labels.type(type.type), testId: 'ecosystem-type' }),
    ),
    h('p', { text: pick(type.reason, getLang()), testId: 'ecosystem-type-reason' }),
    h(
      'dl',
      { className: 'blocks-dimensions' },
      h('dt', { i18n: 'ecosystem.institutionalSupport' }),
      h('dd', { text: figure(type.institutional_support) }),
      h('dt', { i18n: 'ecosystem.bottomUpVitality' }),
      h('dd', { text: figure(type.bottom_up_vitality) }),
    ),
  );
}

/** A two-column table (name, count) with a caption; empty maps give a "none" line. */
function countTable(
  caption: MessageKey,
  header: MessageKey,
  counts: Record<string, number>,
  name: (id: string) => string,
  testId: string,
): HTMLElement {
  const rows = Object.entries(counts).map(([id, n]) =>
    h(
      'tr',
      {},
      h('th', { text: name(id), attrs: { scope: 'row' } }),
      h('td', { className: 'number', text: figure(n) }),
    ),
  );
  return h(
    'table',
    { className: 'data-table blocks-counts', testId },
    h('caption', { i18n: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { i18n: header, attrs: { scope: 'col' } }),
        h('th', { i18n: 'ecosystem.count', attrs: { scope: 'col' } }),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

/** SSE actors per 10,000 residents, or why it is unknown. */
function densityView(ind: HardIndicators): HTMLElement {
  const known = ind.sse_per_10000 !== null;
  const note = pick(ind.sse_per_10000_note, getLang()) || t('ecosystem.populationUnknown');
  return h(
    'dl',
    { className: 'blocks-figures' },
    h('dt', { i18n: 'ecosystem.actors' }),
    h('dd', { text: figure(ind.actors), testId: 'ecosystem-actors' }),
    h('dt', { i18n: 'ecosystem.sseActors' }),
    h('dd', { text: figure(ind.sse_actors) }),
    h('dt', { i18n: 'ecosystem.population' }),
    h('dd', { text: figure(ind.population) }),
    h('dt', { i18n: 'ecosystem.ssePer10000' }),
    h('dd', { text: known ? rate(ind.sse_per_10000) : note, testId: 'ecosystem-density' }),
  );
}

/** Each signal: what it finds, how many, present or not. */
function signalTable(ind: HardIndicators, labels: BlocksLabels): HTMLElement {
  const rows = ind.signals.map((s) =>
    h(
      'tr',
      { testId: 'ecosystem-signal' },
      h('th', { text: labels.signal(s.id), attrs: { scope: 'row' } }),
      h('td', { className: 'number', text: figure(s.count) }),
      h('td', {
        className: s.present ? 'signal-present' : 'signal-absent',
        i18n: s.present ? 'ecosystem.present' : 'ecosystem.absent',
      }),
    ),
  );
  return h(
    'table',
    { className: 'data-table blocks-signals', testId: 'ecosystem-signals' },
    h('caption', { i18n: 'ecosystem.signalsCaption' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { i18n: 'ecosystem.signal', attrs: { scope: 'col' } }),
        h('th', { i18n: 'ecosystem.count', attrs: { scope: 'col' } }),
        h('th', { i18n: 'ecosystem.presence', attrs: { scope: 'col' } }),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

export function indicatorsView(ind: HardIndicators, labels: BlocksLabels): HTMLElement {
  return h(
    'div',
    { className: 'blocks-indicators' },
    densityView(ind),
    h(
      'div',
      { className: 'blocks-count-tables' },
      countTable(
        'ecosystem.byKind',
        'ecosystem.kind',
        ind.by_kind,
        (k) => labels.kind(k),
        'ecosystem-by-kind',
      ),
      countTable(
        'ecosystem.byRole',
        'ecosystem.role',
        ind.by_role,
        (r) => labels.role(r),
        'ecosystem-by-role',
      ),
    ),
    signalTable(ind, labels),
  );
}

/** Mean, answers and consensus of each statement, grouped by block in the table's order. */
export function perceptionTable(
  perception: readonly StatementPerception[],
  raters: number,
  labels: BlocksLabels,
): HTMLElement {
  if (perception.length === 0) {
    return h('p', {
      className: 'hint',
      i18n: 'ecosystem.perceptionNone',
      testId: 'ecosystem-perception-none',
    });
  }
  const rows = perception.map((p) =>
    h(
      'tr',
      { testId: 'ecosystem-perception-row' },
      h('th', { text: labels.statement(p.statement), attrs: { scope: 'row' } }),
      h('td', { text: labels.block(p.block) }),
      h('td', { className: 'number', text: figure(p.mean, 1) }),
      h('td', { className: 'number', text: `${figure(p.answered)} / ${figure(p.no_answer)}` }),
      h('td', {
        className: 'number',
        text: figure(p.consensus === null ? null : p.consensus * 100),
      }),
    ),
  );
  return h(
    'div',
    {},
    h('p', { className: 'hint', text: t('ecosystem.raters', { n: raters }) }),
    h(
      'table',
      { className: 'data-table blocks-perception', testId: 'ecosystem-perception' },
      h('caption', { i18n: 'ecosystem.perceptionCaption' }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { i18n: 'ecosystem.statement', attrs: { scope: 'col' } }),
          h('th', { i18n: 'ecosystem.block', attrs: { scope: 'col' } }),
          h('th', { i18n: 'ecosystem.mean', attrs: { scope: 'col' } }),
          h('th', { i18n: 'ecosystem.answered', attrs: { scope: 'col' } }),
          h('th', { i18n: 'ecosystem.consensus', attrs: { scope: 'col' } }),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** The actor an item names: the actor itself, or the actor of an indicator ("actor:name:period"). */
function actorOf(item: EvidenceItem): string | null {
  if (item.subject === 'actor') return item.id;
  if (item.subject === 'indicator') return item.id.split(':')[0] || null;
  return null;
}

function evidenceItem(item: EvidenceItem, labels: BlocksLabels): HTMLElement {
  const actor = actorOf(item);
  const name = item.subject === 'statement' ? labels.statement(item.id) : item.name || item.id;
  const reason = pick(item.reason, getLang());
  return h(
    'li',
    { testId: 'ecosystem-evidence' },
    actor ? h('a', { text: name, attrs: { href: actorHref(actor) } }) : h('span', { text: name }),
    reason ? h('span', { className: 'hint', text: ` — ${reason}` }) : null,
  );
}

/** A block's score and evidence; the evidence list is folded when long. */
function blockEvidence(block: BlockCoverage, labels: BlocksLabels): HTMLElement {
  const items = block.evidence.map((item) => evidenceItem(item, labels));
  return h(
    'section',
    {
      className: 'blocks-evidence',
      testId: 'ecosystem-block',
      attrs: { 'data-block': block.block },
    },
    h('h3', { text: labels.block(block.block) }),
    labels.crosswalkOf(block.block)
      ? h('p', {
          className: 'hint',
          text: labels.crosswalkOf(block.block),
          testId: 'ecosystem-crosswalk',
        })
      : null,
    h(
      'p',
      { className: 'hint' },
      h('span', {
        text: t('ecosystem.blockScores', {
          coverage: figure(block.coverage),
          hard: figure(block.hard),
          perception: figure(block.perception),
        }),
      }),
      ' ',
      h('strong', {
        className: block.covered ? 'signal-present' : 'signal-absent',
        i18n: block.covered ? 'ecosystem.covered' : 'ecosystem.notCovered',
      }),
    ),
    items.length > 0
      ? h(
          'details',
          { attrs: { open: items.length <= 6 } },
          h('summary', { text: t('ecosystem.evidenceCount', { n: items.length }) }),
          h('ul', {}, ...items),
        )
      : h('p', { className: 'hint', i18n: 'ecosystem.evidenceNone' }),
  );
}

export function evidenceView(blocks: readonly BlockCoverage[], labels: BlocksLabels): HTMLElement {
  return h(
    'div',
    { className: 'blocks-evidence-list' },
    ...blocks.map((b) => blockEvidence(b, labels)),
  );
}
