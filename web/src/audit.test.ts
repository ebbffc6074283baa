import { describe, expect, it } from 'vitest';
import { auditDiff, lastSeq, pageEndingAt } from './audit';

/** A probe over a log holding `seqs`, counting the calls. */
function log(seqs: number[]) {
  let calls = 0;
  const probe = async (from: number) => {
    calls++;
    return seqs.find((s) => s >= from) ?? null;
  };
  return { probe, calls: () => calls };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('lastSeq', () => {
  it.each([0, 1, 2, 9, 50, 1000, 7426])('finds the newest of %i entries', async (n) => {
    expect(await lastSeq(log(range(n)).probe)).toBe(n);
  });

  it('needs about 2·log2(n) probes', async () => {
    const l = log(range(100_000));
    await lastSeq(l.probe);
    expect(l.calls()).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100_000)) + 2);
  });

  it('copes with missing numbers', async () => {
    expect(await lastSeq(log([1, 2, 3, 10, 11, 40]).probe)).toBe(40);
    expect(await lastSeq(log([5]).probe)).toBe(5);
  });
});

describe('pageEndingAt', () => {
  it('pages down to the first entry', () => {
    expect(pageEndingAt(120, 50)).toEqual({ from: 71, limit: 50 });
    expect(pageEndingAt(20, 50)).toEqual({ from: 1, limit: 20 });
    expect(pageEndingAt(0, 50)).toBeNull();
  });
});

describe('auditDiff', () => {
  it('lists the fields that changed, with their values as text', () => {
    const before = { name: 'Cwmpas', website: 'https://a', version: 1, location: { lat: 1 } };
    const after = {
      name: 'Cwmpas',
      website: null,
      version: 2,
      location: { lat: 2 },
      visibility: 'network',
    };
    expect(auditDiff(before, after)).toEqual([
      { field: 'location', before: '{"lat":1}', after: '{"lat":2}' },
      { field: 'version', before: '1', after: '2' },
      { field: 'visibility', before: null, after: 'network' },
      { field: 'website', before: 'https://a', after: null },
    ]);
  });

  it('shows every field of a creation', () => {
    expect(auditDiff(null, { role: 'member', scope: 'actor:x' })).toEqual([
      { field: 'role', before: null, after: 'member' },
      { field: 'scope', before: null, after: 'actor:x' },
    ]);
  });

  it('compares values that are not objects as a whole', () => {
    expect(auditDiff('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b' }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
