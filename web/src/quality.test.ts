import { describe, expect, it } from 'vitest';
import {
  canDrillDown,
  completeness,
  dueParams,
  formatShare,
  invalidFields,
  located,
  meanCompleteness,
  qualityHref,
  qualityQueryOf,
  share,
  territoryTrail,
  type QualityFigures,
  type QualityReport,
} from './quality';

function figures(overrides: Partial<QualityFigures> = {}): QualityFigures {
  return {
    actors: 4,
    filled: { name: 4, website: 1 },
    invalid: {},
    with_invalid: 0,
    location: { exact: 1, approximate: 1, hidden: 1, none: 1 },
    staleness: { under_90_days: 1, under_1_year: 0, under_2_years: 0, over_2_years: 2, never: 1 },
    due: 3,
    oldest_confirmed: '2020-01-15',
    duplicates: null,
    ...overrides,
  };
}

function report(overrides: Partial<QualityReport> = {}): QualityReport {
  return {
    today: '2026-06-01',
    territory: '',
    territory_name: '',
    source: null,
    days: 365,
    duplicates_checked: false,
    fields: ['name', 'website'],
    checked_fields: ['activities', 'address.country', 'identifiers'],
    total: figures(),
    by_source: [],
    by_territory: [],
    ...overrides,
  };
}

describe('qualityQueryOf', () => {
  it('reads the scope and falls back to the defaults on bad values', () => {
    expect(qualityQueryOf(new URLSearchParams('territory=GB/wales&source=susy&days=90'))).toEqual({
      territory: 'GB/wales',
      source: 'susy',
      days: 90,
      duplicates: false,
    });
    const bad = qualityQueryOf(new URLSearchParams('days=-3&duplicates=yes'));
    expect(bad.days).toBe(365);
    expect(bad.duplicates).toBe(false);
    expect(bad.source).toBeNull();
    // An empty source is a source (actors whose name has no provenance), not "every source".
    expect(qualityQueryOf(new URLSearchParams('source=')).source).toBe('');
  });

  it('round-trips through the page link, leaving the defaults out', () => {
    const query = { territory: 'GB', source: 'coops-uk', days: 730, duplicates: true };
    expect(qualityHref(query)).toBe(
      '#/quality?territory=GB&source=coops-uk&days=730&duplicates=true',
    );
    const back = qualityQueryOf(new URLSearchParams(qualityHref(query).split('?')[1]));
    expect(back).toEqual(query);
    expect(qualityHref({ territory: '', source: null, days: 365, duplicates: false })).toBe(
      '#/quality',
    );
  });
});

describe('dueParams', () => {
  it('keeps the scope, drops duplicates and adds the page', () => {
    const params = dueParams(
      { territory: 'GB', source: null, days: 365, duplicates: true },
      '2020-01-15|alpha',
      50,
    );
    expect(params.toString()).toBe('territory=GB&limit=50&cursor=2020-01-15%7Calpha');
  });
});

describe('shares', () => {
  it('divides only when there is something to divide', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
    expect(completeness(figures(), 'website')).toBe(0.25);
    expect(completeness(figures(), 'founded')).toBe(0);
    expect(meanCompleteness(figures(), ['name', 'website'])).toBe(0.625);
    expect(meanCompleteness(figures({ actors: 0 }), ['name'])).toBeNull();
    expect(located(figures())).toBe(0.5);
  });

  it('formats a share in the reader language', () => {
    expect(formatShare(0.625, 'en')).toBe('63%');
    expect(formatShare(0.5, 'fr')).toMatch(/^50\s%$/);
    expect(formatShare(null, 'en')).toBe('–');
  });
});

describe('invalidFields', () => {
  it('lists the affected fields, most affected first, then in the report order', () => {
    const r = report({
      total: figures({ invalid: { identifiers: 2, activities: 2, 'address.country': 5 } }),
    });
    expect(invalidFields(r)).toEqual([
      { field: 'address.country', actors: 5 },
      { field: 'activities', actors: 2 },
      { field: 'identifiers', actors: 2 },
    ]);
    expect(invalidFields(report())).toEqual([]);
  });
});

describe('territories', () => {
  it('makes the breadcrumb of a territory path', () => {
    expect(territoryTrail('GB/wales/cardiff')).toEqual(['GB', 'GB/wales', 'GB/wales/cardiff']);
    expect(territoryTrail('')).toEqual([]);
  });

  it('drills down into sub-territories only', () => {
    const row = { ...figures(), id: 'GB/wales', name: 'Wales', direct: false };
    expect(canDrillDown(row)).toBe(true);
    expect(canDrillDown({ ...row, direct: true })).toBe(false);
    expect(canDrillDown({ ...row, id: '' })).toBe(false);
  });
});
