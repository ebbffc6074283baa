// The outcome of an import: whether it was written, only checked or refused, the counts of
// actors added, changed and unchanged, and the rejected rows with their line, field and reason.

import { h } from '../dom';
import { formatNumber } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import type { ImportReport, RejectedRow } from '../types';
import { alertBox, notice } from './form_field';

/** A file may have thousands of bad rows; the first ones are enough to see what is wrong. */
export const MAX_REJECTED_SHOWN = 1000;

/** The report of POST /imports; `dryRun` says whether the import was only a check. */
export function importReport(report: ImportReport, dryRun: boolean): HTMLElement {
  return h(
    'div',
    { className: 'import-report', testId: 'import-report' },
    h('h3', { i18n: 'data.reportTitle' }),
    summary(report, dryRun),
    counts(report),
    rejectedTable(report.rejected),
  );
}

function summary(report: ImportReport, dryRun: boolean): HTMLElement {
  const count = report.rejected.length;
  const n = formatNumber(count, getLang());
  if (report.committed) {
    if (count === 0) return notice(t('data.reportWritten'), 'import-summary');
    const text =
      count === 1 ? t('data.reportWrittenSkippedOne') : t('data.reportWrittenSkipped', { n });
    return notice(text, 'import-summary');
  }
  if (dryRun) return notice(t('data.reportChecked'), 'import-summary');
  const text = count === 1 ? t('data.reportRefusedOne') : t('data.reportRefused', { n });
  return alertBox(text, 'import-summary');
}

function counts(report: ImportReport): HTMLElement {
  const rows: [MessageKey, number, string][] = [
    ['data.countImported', report.imported, 'report-imported'],
    ['data.countUpdated', report.updated, 'report-updated'],
    ['data.countUnchanged', report.unchanged, 'report-unchanged'],
    ['data.countRejected', report.rejected.length, 'report-rejected'],
  ];
  return h(
    'dl',
    { className: 'report-counts' },
    ...rows.map(([label, value, testId]) =>
      h(
        'div',
        {},
        h('dt', { i18n: label }),
        h('dd', { text: formatNumber(value, getLang()), testId }),
      ),
    ),
  );
}

/** The rejected rows (the first MAX_REJECTED_SHOWN), or null when there are none. */
export function rejectedTable(rejected: RejectedRow[]): HTMLElement | null {
  if (rejected.length === 0) return null;
  const shown = rejected.slice(0, MAX_REJECTED_SHOWN);
  const head = h(
    'tr',
    {},
    h('th', { i18n: 'data.line', attrs: { scope: 'col' } }),
    h('th', { i18n: 'data.field', attrs: { scope: 'col' } }),
    h('th', { i18n: 'data.message', attrs: { scope: 'col' } }),
  );
  const rows = shown.map((row) =>
    h(
      'tr',
      { testId: 'rejected-row' },
      // Line 0 means the problem is not tied to one line (e.g. a file-wide identifier clash).
      h('td', { text: row.line > 0 ? String(row.line) : '–' }),
      h('td', {}, h('code', { text: row.field })),
      h('td', { text: row.message }),
    ),
  );
  const lang = getLang();
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table rejected-table', testId: 'rejected-table' },
      h('caption', { i18n: 'data.rejectedCaption' }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
    shown.length < rejected.length &&
      h('p', {
        className: 'hint',
        text: t('data.rejectedMore', {
          shown: formatNumber(shown.length, lang),
          n: formatNumber(rejected.length, lang),
        }),
      }),
  );
}
