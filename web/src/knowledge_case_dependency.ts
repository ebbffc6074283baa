// The dependencies of a case's core elements as the editor shows and reads them: which ops a
// feature type takes, a value as text and back, the values a feature allows. Pure functions.

import type { ContextFeature } from './knowledge_transfer';

/** Which ops apply to which feature type (case.cc, Applies). */
export const OPS_BY_TYPE: Record<string, readonly string[]> = {
  level: ['at_least', 'at_most', 'is', 'in'],
  choice: ['is', 'in'],
  bool: ['is'],
  share: ['at_least', 'at_most'],
  number: ['at_least', 'at_most'],
  list: ['includes', 'includes_any'],
};

/** A dependency's value as the form shows it. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The value of a dependency on `feature`, or null (with a problem) when it cannot be read. */
export function dependencyValue(feature: ContextFeature, op: string, text: string): unknown {
  const names = op === 'in' || feature.type === 'list';
  const allowed = (v: string) => feature.options.some((o) => o.value === v);
  if (names) {
    const values = text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return values.length > 0 && values.every(allowed) ? values : null;
  }
  const v = text.trim();
  switch (feature.type) {
    case 'share': {
      const n = Number(v.replace(',', '.'));
      return v !== '' && n >= 0 && n <= 1 ? n : null;
    }
    case 'number': {
      const n = Number(v.replace(/\s/g, ''));
      return v !== '' && Number.isFinite(n) && n >= 0 ? n : null;
    }
    case 'bool':
      return v === 'true' ? true : v === 'false' ? false : null;
    default:
      return allowed(v) ? v : null;
  }
}

/** Allowed values of a feature, for a message ("low, medium, high"). */
export function allowedValues(feature: ContextFeature | undefined): string {
  if (!feature) return '';
  if (feature.type === 'bool') return 'true, false';
  if (feature.type === 'share') return '0 … 1';
  if (feature.type === 'number') return '≥ 0';
  return feature.options.map((o) => o.value).join(', ');
}
