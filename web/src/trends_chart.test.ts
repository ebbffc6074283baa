import { describe, expect, it } from 'vitest';
import { parseTrends } from './trends';
import {
  activeChart,
  demographyChart,
  hasValues,
  indicatorChart,
  niceStep,
  TREND_CHART,
  trendGeometry,
  xTickYears,
  yTicksFor,
} from './trends_chart';
import { TRENDS } from './trends.fixture';

const trends = parseTrends(TRENDS);

describe('axes', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10)).toBe(5);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(0.4)).toBe(0.1);
    expect(niceStep(8_000_000)).toBe(2_000_000);
    expect(niceStep(0)).toBe(1);
  });

  it('covers the values and zero with round ticks', () => {
    expect(yTicksFor([3, 7])).toEqual([0, 2, 4, 6, 8]);
    expect(yTicksFor([-12, 20])).toEqual([-20, -10, 0, 10, 20]);
    expect(yTicksFor([0, 0])).toEqual([0, 1]);
    expect(yTicksFor([])).toEqual([0, 1]);
    expect(yTicksFor([0.3])).toEqual([0, 0.1, 0.2, 0.3]);
    expect(yTicksFor([0.5, 2])).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('gives whole ticks to whole values', () => {
    expect(yTicksFor([1, 2])).toEqual([0, 1, 2]);
    expect(yTicksFor([0, 1])).toEqual([0, 1]);
  });

  it('labels every year when few, round years when many', () => {
    expect(xTickYears([2011, 2012, 2013])).toEqual([2011, 2012, 2013]);
    const span = Array.from({ length: 125 }, (_, i) => 1895 + i);
    expect(xTickYears(span)).toEqual([1900, 1920, 1940, 1960, 1980, 2000]);
    expect(xTickYears(span).every((y) => y % 20 === 0)).toBe(true);
    expect(xTickYears(span).length).toBeLessThanOrEqual(10);
  });
});

describe('trendGeometry', () => {
  const geo = trendGeometry(demographyChart(trends.total));

  it('puts births and deaths side by side in each year, from the zero line up', () => {
    expect(geo.bars.map((b) => `${b.series} ${b.year} ${b.value}`)).toEqual([
      'births 2012 2',
      'births 2013 1',
      'births 2014 0',
      'deaths 2012 0',
      'deaths 2013 0',
      'deaths 2014 1',
    ]);
    const births2012 = geo.bars[0];
    const deaths2012 = geo.bars[3];
    expect(births2012 && deaths2012 && deaths2012.x - births2012.x).toBeCloseTo(
      births2012?.width ?? 0,
    );
    for (const bar of geo.bars) expect(bar.y + bar.height).toBeCloseTo(geo.zeroY);
    expect(geo.zeroY).toBe(TREND_CHART.height - TREND_CHART.bottom);
  });

  it('scales the tallest bar to its tick', () => {
    const top = geo.yTicks[geo.yTicks.length - 1];
    expect(top?.value).toBe(2);
    expect(geo.bars[0]?.y).toBeCloseTo(top?.y ?? NaN);
  });

  it('draws negative bars below zero', () => {
    const g = trendGeometry({
      years: [2012, 2013],
      series: [{ id: 'change_pct', kind: 'bar', values: [-10, 20] }],
    });
    const [down, up] = g.bars;
    expect(down?.y).toBeCloseTo(g.zeroY);
    expect((up?.y ?? 0) + (up?.height ?? 0)).toBeCloseTo(g.zeroY);
    expect(down?.height).toBeCloseTo((up?.height ?? 0) / 2);
  });

  it('breaks a line where a year has no value', () => {
    const g = trendGeometry({
      years: [2011, 2012, 2013, 2014],
      series: [{ id: 'sum', kind: 'line', values: [1, 2, null, 4] }],
    });
    const path = g.lines[0]?.path ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
    expect(g.lines[0]?.points.map((p) => p.year)).toEqual([2011, 2012, 2014]);
  });
});

describe('the charts of a group', () => {
  it('follows active organisations at the end of each year', () => {
    expect(activeChart(trends.total).series[0]?.values).toEqual([2, 3, 2]);
  });

  it('gives an indicator per year, nothing where nobody reported', () => {
    const g = trends.total;
    expect(indicatorChart(g, 'turnover', 'sum').series[0]?.values).toEqual([100, 300, null]);
    expect(indicatorChart(g, 'turnover', 'median').series[0]?.values).toEqual([100, 150, null]);
    const change = indicatorChart(g, 'turnover', 'change_pct');
    expect(change.series[0]).toMatchObject({ kind: 'bar', values: [null, 20, null] });
    expect(hasValues(change)).toBe(true);
    expect(hasValues(indicatorChart(g, 'members', 'sum'))).toBe(false);
  });
});
