import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';
import {
  datedActors,
  EMPTY_TRENDS_QUERY,
  hasNoDatedActors,
  nameList,
  parseTrends,
  reportedIndicators,
  trendsHref,
  trendsQueryOf,
  trendsUrl,
  warningIndicator,
  warningKind,
} from './trends';
import { TRENDS } from './trends.fixture';

describe('the route', () => {
  it('is parsed from the hash and written back in a stable order', () => {
    const route = parseRoute('#/trends?to=2016&territory=GB%2Fwales&by=sector&from=2011');
    expect(route.page).toBe('trends');
    const q = trendsQueryOf(route.params);
    expect(q).toEqual({
      territory: 'GB/wales',
      by: 'sector',
      from: '2011',
      to: '2016',
      indicators: [],
    });
    expect(trendsHref(q)).toBe('#/trends?territory=GB%2Fwales&by=sector&from=2011&to=2016');
  });

  it('reads an unknown breakdown as none and keeps years as typed for the server to judge', () => {
    const q = trendsQueryOf(
      new URLSearchParams('by=colour&from=+abc+&indicators=a,,b&indicators=a'),
    );
    expect(q.by).toBe('none');
    expect(q.from).toBe('abc');
    expect(q.indicators).toEqual(['a', 'b']);
  });

  it('leaves out what is not given', () => {
    expect(trendsHref({})).toBe('#/trends');
    expect(trendsHref({ by: 'none', territory: '' })).toBe('#/trends');
  });

  it('asks the API for JSON without a language, and for CSV', () => {
    const q = { ...EMPTY_TRENDS_QUERY, territory: 'GB/wales', indicators: ['turnover', 'members'] };
    expect(trendsUrl(q)).toBe(
      '/api/v1/ecosystem/trends?territory=GB%2Fwales&indicators=turnover%2Cmembers',
    );
    expect(trendsUrl({ ...q, indicators: [] }, 'csv')).toBe(
      '/api/v1/ecosystem/trends?territory=GB%2Fwales&format=csv',
    );
  });

  it('splits indicator names', () => {
    expect(nameList(' turnover, employees,,turnover ')).toEqual(['turnover', 'employees']);
    expect(nameList('')).toEqual([]);
  });
});

describe('parseTrends', () => {
  const trends = parseTrends(TRENDS);

  it('reads the span, the query and the groups, years in order', () => {
    expect(trends.from).toBe(2012);
    expect(trends.to).toBe(2014);
    expect(trends.dimension).toBe('kind');
    expect(trends.total.years.map((y) => y.year)).toEqual([2012, 2013, 2014]);
    expect(trends.total.years.map((y) => y.births)).toEqual([2, 1, 0]);
    expect(trends.total.years[0]?.birth_rate).toBeNull();
    expect(trends.groups[0]?.key).toBe('organisation');
  });

  it('takes a plain sentence as English, and fills what is missing with zeros and nulls', () => {
    const g = trends.groups[0];
    expect(g?.summary.text).toEqual({ en: 'Organisation: 3 births.' });
    expect(g?.summary.cagr).toBeNull();
    expect(g?.summary.active_end).toBe(0);
    expect(g?.summary.peak_birth_year).toBeNull();
  });

  it('reads a same-sample change only where actors qualified', () => {
    const [first, second] = trends.total.years;
    expect(first?.indicators.turnover?.same_sample).toBeNull();
    expect(second?.indicators.turnover?.same_sample).toEqual({
      actors: 1,
      previous: 100,
      current: 120,
      change: 20,
      change_pct: 20,
    });
    expect(second?.indicators.turnover?.median).toBe(150);
  });

  it('accepts the documented from_year and to_year too', () => {
    const { from, to, ...rest } = TRENDS;
    expect([from, to]).toEqual([2012, 2014]);
    const other = parseTrends({ ...rest, from_year: 1990, to_year: 1995 });
    expect([other.from, other.to]).toEqual([1990, 1995]);
  });

  it('refuses an answer without a total', () => {
    expect(() => parseTrends({ groups: [] })).toThrow(/total/);
    expect(() => parseTrends(null)).toThrow();
  });

  it('survives junk in every field', () => {
    const junk = parseTrends({ total: { years: [null, 'x', { year: '2012', births: 'many' }] } });
    expect(junk.total.years).toHaveLength(3);
    expect(junk.total.years.every((y) => y.births === 0)).toBe(true);
    expect(junk.from).toBeNull();
    expect(junk.warnings).toEqual([]);
    expect(hasNoDatedActors(junk)).toBe(true);
  });
});

describe('what to show', () => {
  const trends = parseTrends(TRENDS);

  it('counts the dated organisations', () => {
    expect(datedActors(trends.total)).toBe(3);
    expect(hasNoDatedActors(trends)).toBe(false);
    const undated = parseTrends({
      ...TRENDS,
      total: { ...TRENDS.total, actors: 7387, unknown_founded: 7387, years: [] },
    });
    expect(hasNoDatedActors(undated)).toBe(true);
  });

  it('lists the indicators that have figures', () => {
    expect(reportedIndicators(trends).map((i) => i.name)).toEqual(['turnover']);
    const none = parseTrends({ ...TRENDS, indicators: [{ name: 'members', unit: 'people' }] });
    expect(reportedIndicators(none)).toEqual([]);
  });

  it('tells the kinds of warnings apart by the server kind', () => {
    const w = (field: string, kind: string, actor_id = 'a') => ({
      actor_id,
      field,
      value: 'v',
      kind,
      message: 'the server words',
    });
    expect(warningKind(w('founded', 'founded'))).toBe('founded');
    expect(warningKind(w('dissolved', 'dissolved'))).toBe('dissolved');
    expect(warningKind(w('dissolved', 'dissolved_before_founded'))).toBe('dissolvedBefore');
    expect(warningKind(w('indicator:turnover', 'period'))).toBe('period');
    expect(warningKind(w('indicator:turnover', 'value'))).toBe('value');
    expect(warningKind(w('indicator:turnover', 'other_units', ''))).toBe('otherUnits');
    expect(warningKind(w('name', 'something_new'))).toBe('other');
    expect(warningKind(w('founded', ''))).toBe('other');
    expect(warningIndicator(w('indicator:members', ''))).toBe('members');
    expect(warningIndicator(w('founded', ''))).toBe('');
  });
});
