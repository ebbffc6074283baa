// A <dl> of label/value rows that skips empty values, used by the profile's sections.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';

export type Value = string | Node | null | undefined | false;

export interface Row {
  label: MessageKey | { text: string };
  value: Value | Value[];
  testId?: string;
}

function hasContent(value: Value | Value[]): boolean {
  if (Array.isArray(value)) return value.some((v) => hasContent(v));
  return value !== null && value !== undefined && value !== false && value !== '';
}

/** The rows that have a value, or null when none has (the caller then leaves the section out). */
export function definitionList(rows: Row[]): HTMLDListElement | null {
  const kept = rows.filter((row) => hasContent(row.value));
  if (kept.length === 0) return null;
  const dl = h('dl', { className: 'fields' });
  for (const row of kept) {
    const label = typeof row.label === 'string' ? t(row.label) : row.label.text;
    const values = (Array.isArray(row.value) ? row.value : [row.value]).filter((v) =>
      hasContent(v),
    );
    dl.append(
      h(
        'div',
        { className: 'field', testId: row.testId },
        h('dt', { text: label }),
        ...values.map((v) => h('dd', {}, v as string | Node)),
      ),
    );
  }
  return dl;
}

/** A titled section of the profile, or null when it has nothing to show. */
export function section(
  titleKey: MessageKey,
  content: Node | null,
  testId?: string,
): HTMLElement | null {
  if (!content) return null;
  const id = `section-${titleKey.replace(/\W/g, '-')}`;
  return h(
    'section',
    { className: 'profile-section', attrs: { 'aria-labelledby': id }, testId },
    h('h2', { i18n: titleKey, attrs: { id } }),
    content,
  );
}
