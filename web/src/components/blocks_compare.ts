// A comparison of territories: every metric side by side, grouped (type, blocks, indicators,
// signals, roles, kinds, perception), with the best value of each row marked, and the
// differences the server explains in words.

import {
  comparisonSections,
  pick,
  type Comparison,
  type ComparisonRow,
  type MetricName,
} from '../ecosystem_blocks';
import { h } from '../dom';
import { getLang, t, tMaybe } from '../i18n/i18n';
import { figure, rate, type BlocksLabels } from './blocks_labels';

/** "Market access — coverage", "Apex body", "Actors"... */
export function metricLabel(name: MetricName, metric: string, labels: BlocksLabels): string {
  const measure = tMaybe(`ecosystem.metric.${name.measure}`) ?? name.measure;
  switch (name.group) {
    case 'blocks':
      return `${labels.block(name.subject)} — ${measure}`;
    case 'signals':
      return `${labels.signal(name.subject)} — ${measure}`;
    case 'perception':
      return name.subject ? `${labels.statement(name.subject)} — ${measure}` : measure;
    case 'roles':
      return labels.role(name.subject);
    case 'kinds':
      return labels.kind(name.subject);
    case 'type':
    case 'indicators':
      return measure;
    default:
      return metric;
  }
}

function valueText(name: MetricName, value: unknown, labels: BlocksLabels): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? 'ecosystem.yes' : 'ecosystem.no');
  if (typeof value === 'string') return name.measure === 'type' ? labels.type(value) : value;
  if (typeof value !== 'number') return String(value);
  if (name.measure === 'consensus') return figure(value * 100);
  if (name.measure === 'sse_per_10000') return rate(value);
  return figure(value, name.measure === 'mean' ? 1 : 0);
}

function rowView(row: ComparisonRow, labels: BlocksLabels): HTMLElement {
  const cells = row.values.map((value, i) => {
    const best = row.best.includes(i);
    return h(
      'td',
      { className: best ? 'number best' : 'number' },
      h('span', { text: valueText(row.name, value, labels) }),
      best ? h('span', { className: 'best-mark', text: ` ★ ${t('ecosystem.best')}` }) : null,
    );
  });
  return h(
    'tr',
    { testId: 'compare-row', attrs: { 'data-metric': row.metric } },
    h('th', { text: metricLabel(row.name, row.metric, labels), attrs: { scope: 'row' } }),
    ...cells,
  );
}

export function comparisonTable(comparison: Comparison, labels: BlocksLabels): HTMLElement {
  const columns = comparison.territories.length + 1;
  const bodies = comparisonSections(comparison).map((section) =>
    h(
      'tbody',
      { testId: `compare-section-${section.group}` },
      h(
        'tr',
        { className: 'section-row' },
        h('th', {
          i18n: `ecosystem.group.${section.group}`,
          attrs: { scope: 'colgroup', colspan: columns },
        }),
      ),
      ...section.rows.map((row) => rowView(row, labels)),
    ),
  );
  return h(
    'div',
    { className: 'compare-table-wrap' },
    h(
      'table',
      { className: 'data-table compare-table', testId: 'compare-table' },
      h('caption', { i18n: 'ecosystem.compareCaption' }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { i18n: 'ecosystem.metric', attrs: { scope: 'col' } }),
          ...comparison.territories.map((tt) =>
            h('th', { text: tt.name, attrs: { scope: 'col' }, testId: 'compare-territory' }),
          ),
        ),
      ),
      ...bodies,
    ),
  );
}

/** The differences in words, in the reader's language. */
export function differencesView(comparison: Comparison): HTMLElement {
  if (comparison.differences.length === 0) {
    return h('p', {
      className: 'hint',
      i18n: 'ecosystem.noDifferences',
      testId: 'compare-no-differences',
    });
  }
  return h(
    'ul',
    { className: 'compare-differences', testId: 'compare-differences' },
    ...comparison.differences.map((d) =>
      h(
        'li',
        { testId: 'compare-difference', attrs: { 'data-kind': d.kind } },
        h('span', {
          className: 'difference-kind',
          text: `${tMaybe(`ecosystem.differenceKind.${d.kind}`) ?? d.kind}: `,
        }),
        h('span', { text: pick(d.text, getLang()) }),
      ),
    ),
  );
}
