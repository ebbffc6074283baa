// One entry of the audit log: number, when, who, from where, the action and its object, and an
// expandable table of what changed (before and after) with the entry's hashes.

import { auditDiff, type DiffRow } from '../audit';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t } from '../i18n/i18n';
import { actorHref } from '../router';
import type { AuditEntry } from '../types';
import { definitionList } from './definition_list';

export function auditEntry(entry: AuditEntry): HTMLElement {
  const rows = auditDiff(entry.before, entry.after);
  return h(
    'li',
    { className: 'audit-entry', testId: 'audit-entry', attrs: { 'data-seq': entry.seq } },
    h('p', {
      className: 'audit-seq',
      text: t('audit.entry', { seq: entry.seq }),
      testId: 'audit-seq',
    }),
    definitionList([
      { label: 'audit.when', value: formatDate(entry.at, getLang()) },
      { label: 'audit.who', value: entry.who, testId: 'audit-who' },
      { label: 'audit.where', value: entry.address },
      { label: 'audit.action', value: entry.action, testId: 'audit-action' },
      { label: 'audit.object', value: objectNode(entry) },
    ]),
    h(
      'details',
      { className: 'audit-details', testId: 'audit-details' },
      h('summary', { text: t('audit.changes', { n: rows.length }) }),
      rows.length > 0 ? diffTable(rows) : h('p', { i18n: 'audit.noChanges' }),
      h('p', {
        className: 'hash',
        text: t('audit.hash', { hash: entry.hash, prev: entry.prev_hash }),
      }),
    ),
  );
}

function objectNode(entry: AuditEntry): Node {
  const label = `${entry.object_type} ${entry.object_id}`;
  if (entry.object_type === 'actor' && entry.object_id) {
    return h('a', { text: label, attrs: { href: actorHref(entry.object_id) } });
  }
  return document.createTextNode(label);
}

function diffTable(rows: DiffRow[]): HTMLElement {
  return h(
    'table',
    { className: 'data-table diff-table', testId: 'audit-diff' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { i18n: 'audit.field', attrs: { scope: 'col' } }),
        h('th', { i18n: 'audit.before', attrs: { scope: 'col' } }),
        h('th', { i18n: 'audit.after', attrs: { scope: 'col' } }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { text: row.field || t('audit.wholeValue'), attrs: { scope: 'row' } }),
          diffCell(row.before, 'diff-before'),
          diffCell(row.after, 'diff-after'),
        ),
      ),
    ),
  );
}

function diffCell(value: string | null, className: string): HTMLElement {
  return h(
    'td',
    { className },
    value === null
      ? h('span', { className: 'muted', i18n: 'audit.none' })
      : h('code', { text: value }),
  );
}
