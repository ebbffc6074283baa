// Reading the audit log newest first, and what changed in an entry. The API pages the log from an
// entry number upwards, so the page finds the newest entry number first (probing, see lastSeq).

import { isObject } from './json_read';

/** Is there an entry numbered `from` or above? Answers the smallest such number, or null. */
export type SeqProbe = (from: number) => Promise<number | null>;

/**
 * The number of the newest entry (0 for an empty log), with about 2·log2(n) probes: doubling until
 * past the end, then halving. Works even when numbers are missing (a tampered log).
 */
export async function lastSeq(probe: SeqProbe): Promise<number> {
  let lo = await probe(1);
  if (lo === null) return 0;
  let hi = Math.max(2, lo * 2);
  for (;;) {
    const found = await probe(hi);
    if (found === null) break;
    lo = found;
    hi = found * 2;
  }
  // An entry at or above lo exists; none at or above hi.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const found = await probe(mid);
    if (found === null) hi = mid;
    else lo = found;
  }
  return lo;
}

/** The page of up to `size` entries that ends at entry `end`, or null before the first entry. */
export function pageEndingAt(end: number, size: number): { from: number; limit: number } | null {
  if (end < 1) return null;
  const from = Math.max(1, end - size + 1);
  return { from, limit: end - from + 1 };
}

export interface DiffRow {
  /** The changed field; "" when the whole value changed (or is not an object). */
  field: string;
  before: string | null;
  after: string | null;
}

/** The fields whose values differ between before and after (null: absent), sorted by name. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  if (isObject(before) || isObject(after)) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return fields
      .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
      .filter((row) => row.before !== row.after);
  }
  const row = { field: '', before: show(before), after: show(after) };
  return row.before === row.after ? [] : [row];
}

/** A value as text: strings as they are, anything else as JSON; null and absent as null. */
function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
