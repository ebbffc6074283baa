import { describe, expect, it } from 'vitest';
import {
  activityList,
  defaultAwardDate,
  factValueText,
  parseAward,
  parseSupplierReport,
  tenderOf,
  verdictOf,
  type TenderFields,
} from './suppliers';
import { ANSWER } from './suppliers.fixture';

const fields = (over: Partial<TenderFields> = {}): TenderFields => ({
  buyer: ' cardiff-cc ',
  title: ' Home care ',
  reference: '',
  date: '2026-11-29',
  activities: 'ICA140, Social care,,ica140',
  territory: ' GB/wales ',
  reservation: '',
  maxDuration: '',
  ...over,
});

describe('tenderOf', () => {
  it('trims, lists the activities once each, and leaves empty optional keys out', () => {
    expect(tenderOf(fields())).toEqual({
      buyer: 'cardiff-cc',
      title: 'Home care',
      date: '2026-11-29',
      activities: ['ICA140', 'Social care'],
      territory: 'GB/wales',
    });
  });

  it('sends a known reservation, the reference and the duration as a number', () => {
    const tender = tenderOf(
      fields({ reservation: 'eu-2014-24-art77', reference: ' CCC-14 ', maxDuration: '2.5' }),
    );
    expect(tender).toMatchObject({
      reservation: 'eu-2014-24-art77',
      reference: 'CCC-14',
      max_duration_years: 2.5,
    });
  });

  it('drops a reservation the page does not offer and a blank duration', () => {
    const tender = tenderOf(fields({ reservation: 'other', maxDuration: '  ' }));
    expect(tender).not.toHaveProperty('reservation');
    expect(tender).not.toHaveProperty('max_duration_years');
  });
});

describe('activityList', () => {
  it('splits on commas, semicolons and lines', () => {
    expect(activityList('a; b\nc, ,A')).toEqual(['a', 'b', 'c']);
    expect(activityList('')).toEqual([]);
  });
});

describe('defaultAwardDate', () => {
  it('is today, or the tender date when it is later', () => {
    expect(defaultAwardDate('2026-01-01', '2026-11-29')).toBe('2026-11-29');
    expect(defaultAwardDate('2027-02-01', '2026-11-29')).toBe('2027-02-01');
    expect(defaultAwardDate('soon', '2026-11-29')).toBe('2026-11-29');
  });
});

describe('parseSupplierReport', () => {
  it('reads the documented answer', () => {
    const report = parseSupplierReport(ANSWER);
    expect(report.buyer).toEqual({ id: 'cardiff-cc', name: 'Cardiff Council' });
    expect(report.reservation?.framework).toBe('eu-2014-24-art77');
    expect(report.counts).toEqual({
      candidates: 1,
      eligible: 0,
      not_eligible: 1,
      insufficient_evidence: 0,
    });
    const s = report.suppliers[0];
    expect(s?.actor).toMatchObject({ id: 'care-coop', sector: '' });
    expect(s?.verdict).toBe('not_eligible');
    expect(s?.summary.fr).toBe('Non éligible.');
    expect(s?.evidence).toEqual({ decided: 4, conditions: 4, completeness: 1 });
    expect(s?.recentAwards[0]).toMatchObject({ relationshipId: 'award-1', date: '2025-01-10' });
    const [given, missing, hidden] = s?.conditions[0]?.facts ?? [];
    expect(given).toMatchObject({ value: true, hasValue: true, source: 'awards', missing: false });
    expect(missing).toMatchObject({ missing: true, hasValue: false });
    expect(hidden).toMatchObject({ hasValue: false, by: 'user:3', date: '2026-05-01' });
    expect(s?.conditions[0]?.source.article).toBe('art. 77(2)(d)');
  });

  it('takes texts given as strings in one language (?lang=)', () => {
    const body = { suppliers: [{ summary: 'Eligible.', conditions: [{ text: 'Met.' }] }] };
    const s = parseSupplierReport(body).suppliers[0];
    expect(s?.summary).toEqual({ en: 'Eligible.' });
    expect(s?.conditions[0]?.text).toEqual({ en: 'Met.' });
  });

  it('survives an answer that is not the documented shape', () => {
    const report = parseSupplierReport({ reservation: null, suppliers: [null, 3, { actor: 'x' }] });
    expect(report.reservation).toBeNull();
    expect(report.suppliers).toHaveLength(3);
    expect(report.suppliers[0]?.actor.id).toBe('');
    expect(report.counts.candidates).toBe(3);
    expect(parseSupplierReport('nonsense').suppliers).toEqual([]);
  });
});

describe('factValueText', () => {
  it('says values in words', () => {
    expect(factValueText(true, 'yes', 'no')).toBe('yes');
    expect(factValueText(false, 'yes', 'no')).toBe('no');
    expect(factValueText(0.3, 'yes', 'no')).toBe('0.3');
    expect(factValueText(['workers', true], 'yes', 'no')).toBe('workers, yes');
    expect(factValueText({ a: 1 }, 'yes', 'no')).toBe('{"a":1}');
    expect(factValueText(null, 'yes', 'no')).toBe('');
  });
});

describe('verdictOf and parseAward', () => {
  it('knows the three verdicts and reads an award', () => {
    expect(verdictOf('eligible')).toBe('eligible');
    expect(verdictOf('surprise')).toBe('insufficient_evidence');
    expect(parseAward({ id: 'award-x', started: '2026-11-29', version: 1 })).toMatchObject({
      id: 'award-x',
      started: '2026-11-29',
      from: '',
    });
  });
});
