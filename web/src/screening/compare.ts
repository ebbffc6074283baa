// What the browser and the server must agree on for one framework, and where they differ.

import type { ScreeningResult } from './types';

export interface Summary {
  verdict: string;
  principles: Record<string, string>;
  criteria: Record<string, { status: string; missing: string[] }>;
  red_flags: string[];
  unchecked_flags: string[];
}

/** Verdict, statuses, missing facts and flag ids of a result. */
export function summarise(result: ScreeningResult): Summary {
  const principles: Summary['principles'] = {};
  const criteria: Summary['criteria'] = {};
  for (const p of result.principles) {
    principles[p.id] = p.status;
    for (const c of p.criteria) criteria[c.id] = { status: c.status, missing: c.missing ?? [] };
  }
  return {
    verdict: result.verdict,
    principles,
    criteria,
    red_flags: result.red_flags.map((f) => f.id).sort(),
    unchecked_flags: result.unchecked_flags.map((f) => f.id).sort(),
  };
}

export interface Difference {
  framework: string;
  /** "verdict", a principle or criterion id, "red_flags" or "unchecked_flags". */
  item: string;
  browser: string;
  server: string;
}

function text(value: unknown): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object' && value !== null && 'status' in value) {
    const { status, missing } = value as { status: string; missing: string[] };
    return missing.length > 0 ? `${status} (${missing.join(', ')})` : status;
  }
  return String(value);
}

function differ(a: Record<string, unknown>, b: Record<string, unknown>, framework: string) {
  const out: Difference[] = [];
  for (const item of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const browser = text(a[item]);
    const server = text(b[item]);
    if (browser !== server) out.push({ framework, item, browser, server });
  }
  return out;
}

/** The differences between the browser's and the server's results, framework by framework. */
export function differences(
  browser: readonly ScreeningResult[],
  server: readonly ScreeningResult[],
): Difference[] {
  const out: Difference[] = [];
  const ids = new Set([...browser.map((r) => r.framework), ...server.map((r) => r.framework)]);
  for (const id of ids) {
    const a = browser.find((r) => r.framework === id);
    const b = server.find((r) => r.framework === id);
    if (!a || !b) {
      out.push({
        framework: id,
        item: 'verdict',
        browser: a?.verdict ?? '—',
        server: b?.verdict ?? '—',
      });
      continue;
    }
    const sa = summarise(a);
    const sb = summarise(b);
    const { principles: pa, criteria: ca, ...ra } = sa;
    const { principles: pb, criteria: cb, ...rb } = sb;
    out.push(...differ(ra, rb, id), ...differ(pa, pb, id), ...differ(ca, cb, id));
  }
  return out;
}
