// Where each fact of the profile comes from: field, source, date, method.

import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t } from '../i18n/i18n';
import type { ProvenanceEntry } from '../types';
import { fieldLabel } from './field_label';

export function provenanceTable(provenance: Record<string, ProvenanceEntry> | undefined) {
  const entries = Object.entries(provenance ?? {});
  if (entries.length === 0) return null;
  const head = h(
    'tr',
    {},
    h('th', { i18n: 'provenance.field', attrs: { scope: 'col' } }),
    h('th', { i18n: 'provenance.source', attrs: { scope: 'col' } }),
    h('th', { i18n: 'provenance.date', attrs: { scope: 'col' } }),
    h('th', { i18n: 'provenance.method', attrs: { scope: 'col' } }),
  );
  const rows = entries.map(([field, entry]) =>
    h(
      'tr',
      {},
      h('th', { text: fieldLabel(field), attrs: { scope: 'row' } }),
      h('td', { text: entry.source ?? '' }),
      h('td', { text: formatDate(entry.date, getLang()) }),
      h('td', { text: entry.method ?? '' }),
    ),
  );
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'provenance', testId: 'provenance-table' },
      h('caption', { className: 'visually-hidden', text: t('profile.provenance') }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
  );
}
