// The tables of the data quality page: figures per source or territory, completeness per field,
// invalid values, location precision, staleness, and the actors due for confirmation. Each table
// has a caption and column headers with scope, so that a screen reader names every cell.

import { h } from '../dom';
import { formatDate, formatNumber } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import {
  PRECISIONS,
  STALENESS,
  completeness,
  formatShare,
  invalidFields,
  located,
  meanCompleteness,
  share,
  type DueActor,
  type QualityFigures,
  type QualityReport,
} from '../quality';
import { actorHref } from '../router';
import { fieldLabel } from './field_label';

/** One row of a comparison table: its label (text or a link) and its figures. */
export interface FiguresRow {
  label: Node | string;
  figures: QualityFigures;
  testId?: string;
}

function table(caption: MessageKey, testId: string, headers: MessageKey[], rows: Node[]) {
  return h(
    'table',
    { className: 'quality-table', testId },
    h('caption', { i18n: caption }),
    h(
      'thead',
      {},
      h('tr', {}, ...headers.map((key) => h('th', { i18n: key, attrs: { scope: 'col' } }))),
    ),
    h('tbody', {}, ...rows),
  );
}

const num = (n: number) => formatNumber(n, getLang());
const pct = (value: number | null) => formatShare(value, getLang());

/** Sources or territories compared: actors, completeness, due, invalid, located, duplicates. */
export function comparisonTable(
  caption: MessageKey,
  firstHeader: MessageKey,
  testId: string,
  rows: FiguresRow[],
  report: QualityReport,
): HTMLElement {
  const headers: MessageKey[] = [
    firstHeader,
    'quality.actors',
    'quality.completeness',
    'quality.due',
    'quality.invalid',
    'quality.located',
    'quality.duplicatesCol',
  ];
  return table(
    caption,
    testId,
    headers,
    rows.map((row) => {
      const f = row.figures;
      return h(
        'tr',
        { testId: row.testId },
        h('th', { attrs: { scope: 'row' } }, row.label),
        h('td', { text: num(f.actors), testId: 'actors' }),
        h('td', { text: pct(meanCompleteness(f, report.fields)), testId: 'completeness' }),
        h('td', { text: pct(share(f.due, f.actors)), testId: 'due' }),
        h('td', { text: pct(share(f.with_invalid, f.actors)), testId: 'invalid' }),
        h('td', { text: pct(located(f)), testId: 'located' }),
        h('td', {
          text: f.duplicates === null ? t('quality.notChecked') : num(f.duplicates),
          testId: 'duplicates',
        }),
      );
    }),
  );
}

/** The share of actors with each field filled in. */
export function fieldsTable(report: QualityReport): HTMLElement {
  return table(
    'quality.fieldsTitle',
    'quality-fields',
    ['quality.field', 'quality.filled'],
    report.fields.map((field) =>
      h(
        'tr',
        { attrs: { 'data-field': field } },
        h('th', { text: fieldLabel(field), attrs: { scope: 'row' } }),
        h('td', { text: pct(completeness(report.total, field)) }),
      ),
    ),
  );
}

/** The fields with invalid or unknown values and how many actors have one; a note when none. */
export function invalidTable(report: QualityReport): HTMLElement {
  const rows = invalidFields(report);
  if (rows.length === 0) {
    return h('p', { className: 'status', i18n: 'quality.noInvalid', testId: 'quality-invalid' });
  }
  return table(
    'quality.invalidTitle',
    'quality-invalid',
    ['quality.field', 'quality.actors'],
    rows.map(({ field, actors }) =>
      h(
        'tr',
        { attrs: { 'data-field': field } },
        h('th', {
          text: field === 'address.country' ? t('quality.country') : fieldLabel(field),
          attrs: { scope: 'row' },
        }),
        h('td', { text: num(actors) }),
      ),
    ),
  );
}

/** Actors by location precision, and by the age of their last confirmation. */
export function distributionTables(figures: QualityFigures): HTMLElement[] {
  const row = (label: MessageKey, n: number) =>
    h(
      'tr',
      {},
      h('th', { i18n: label, attrs: { scope: 'row' } }),
      h('td', { text: num(n) }),
      h('td', { text: pct(share(n, figures.actors)) }),
    );
  return [
    table(
      'quality.locationTitle',
      'quality-location',
      ['quality.precision', 'quality.actors', 'quality.share'],
      PRECISIONS.map((p) => row(`quality.precision.${p}`, figures.location[p])),
    ),
    table(
      'quality.stalenessTitle',
      'quality-staleness',
      ['quality.age', 'quality.actors', 'quality.share'],
      STALENESS.map((s) => row(`quality.staleness.${s}`, figures.staleness[s] ?? 0)),
    ),
  ];
}

/** Rows of the due list: the actor (a link to its page), its source and last confirmation. */
export function dueRows(items: DueActor[]): HTMLElement[] {
  return items.map((item) =>
    h(
      'tr',
      { testId: 'due-row', attrs: { 'data-id': item.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', { text: item.name, attrs: { href: actorHref(item.id) } }),
      ),
      h('td', { text: item.source || t('quality.noSource') }),
      h('td', { text: item.territory || t('quality.noTerritory') }),
      h('td', {
        text: item.last_confirmed ? formatDate(item.last_confirmed, getLang()) : t('quality.never'),
      }),
    ),
  );
}

/** The due list's table around `body`. */
export function dueTable(body: HTMLElement): HTMLElement {
  return h(
    'table',
    { className: 'quality-table', testId: 'due-table' },
    h('caption', { i18n: 'quality.dueTitle' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(
          ['quality.name', 'quality.source', 'field.territory', 'quality.lastConfirmed'] as const
        ).map((key) => h('th', { i18n: key, attrs: { scope: 'col' } })),
      ),
    ),
    body,
  );
}
