// The geometry of the trends charts: years along the x axis, bars (births, deaths, a change in
// percent) and lines (active organisations, sums, medians) against a y axis with round ticks that
// always includes zero. Pure functions, no DOM: components/trends_chart.ts draws the SVG.

import type { TrendGroup } from './trends';

export interface ChartSeries {
  id: string;
  kind: 'bar' | 'line';
  /** One value per year of the chart; null where there is none (a gap in a line, no bar). */
  values: (number | null)[];
}

export interface ChartInput {
  years: number[];
  series: ChartSeries[];
}

export interface Bar {
  series: string;
  year: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  series: string;
  /** The SVG path: a move to the first point of each run of known values, lines in between. */
  path: string;
  points: { x: number; y: number; year: number; value: number }[];
}

export interface TrendGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  zeroY: number;
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; year: number }[];
  bars: Bar[];
  lines: Line[];
}

export const TREND_CHART = { width: 640, height: 220, left: 64, right: 12, top: 12, bottom: 30 };

const MAX_X_TICKS = 10;
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** A round step near range / 4: 1, 2 or 5 times a power of ten. */
export function niceStep(range: number): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor = ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10;
  return factor * power;
}

/**
 * Round ticks covering min..max and zero; [0, 1] when every value is zero or there are none.
 * Whole values (counts of organisations) get whole ticks: no "1.5 births".
 */
export function yTicksFor(values: readonly number[]): number[] {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  if (min === max) return [0, 1];
  const whole = values.every((v) => Number.isInteger(v));
  const step = whole ? Math.max(1, niceStep(max - min)) : niceStep(max - min);
  const ticks: number[] = [];
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // Multiplying each index keeps 0.1 * 3 from drifting into 0.30000000000000004 sums.
  for (let i = first; i <= last; ++i) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** The years that get a label: every year when few, else the multiples of a round step. */
export function xTickYears(years: readonly number[]): number[] {
  if (years.length <= MAX_X_TICKS) return [...years];
  const step =
    YEAR_STEPS.find((s) => years.length / s <= MAX_X_TICKS) ?? Math.ceil(years.length / 10);
  return years.filter((y) => y % step === 0);
}

export function trendGeometry(input: ChartInput): TrendGeometry {
  const { width, height } = TREND_CHART;
  const plot = {
    left: TREND_CHART.left,
    right: width - TREND_CHART.right,
    top: TREND_CHART.top,
    bottom: height - TREND_CHART.bottom,
  };
  const known = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = yTicksFor(known);
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => plot.bottom - ((v - low) / (high - low)) * (plot.bottom - plot.top);
  const slot = (plot.right - plot.left) / Math.max(1, input.years.length);
  const centre = (i: number) => plot.left + (i + 0.5) * slot;
  const barSeries = input.series.filter((s) => s.kind === 'bar');
  const barWidth = (slot * 0.8) / Math.max(1, barSeries.length);
  const bars: Bar[] = [];
  barSeries.forEach((s, k) => {
    s.values.forEach((value, i) => {
      const year = input.years[i];
      if (value === null || year === undefined) return;
      const top = y(Math.max(0, value));
      bars.push({
        series: s.id,
        year,
        value,
        x: centre(i) - slot * 0.4 + k * barWidth,
        y: top,
        width: barWidth,
        height: Math.abs(y(value) - y(0)),
      });
    });
  });
  const lines = input.series
    .filter((s) => s.kind === 'line')
    .map((s) => lineOf(s, input.years, centre, y));
  return {
    width,
    height,
    plot,
    zeroY: y(0),
    yTicks: ticks.map((value) => ({ y: y(value), value })),
    xTicks: xTickYears(input.years).map((year) => ({
      x: centre(input.years.indexOf(year)),
      year,
    })),
    bars,
    lines,
  };
}

function lineOf(
  s: ChartSeries,
  years: readonly number[],
  x: (i: number) => number,
  y: (v: number) => number,
): Line {
  const points: Line['points'] = [];
  const parts: string[] = [];
  let drawing = false;
  s.values.forEach((value, i) => {
    const year = years[i];
    if (value === null || year === undefined) {
      drawing = false;
      return;
    }
    const point = { x: round(x(i)), y: round(y(value)), year, value };
    points.push(point);
    parts.push(`${drawing ? 'L' : 'M'}${point.x} ${point.y}`);
    drawing = true;
  });
  return { series: s.id, path: parts.join(' '), points };
}

const round = (v: number) => Math.round(v * 100) / 100;

// ---- the charts of a group ------------------------------------------------------------------

export type IndicatorMeasure = 'sum' | 'median' | 'change_pct';

/** Births and deaths as bars side by side. */
export function demographyChart(g: TrendGroup): ChartInput {
  return {
    years: g.years.map((y) => y.year),
    series: [
      { id: 'births', kind: 'bar', values: g.years.map((y) => y.births) },
      { id: 'deaths', kind: 'bar', values: g.years.map((y) => y.deaths) },
    ],
  };
}

/** Active organisations at the end of each year, as a line. */
export function activeChart(g: TrendGroup): ChartInput {
  return {
    years: g.years.map((y) => y.year),
    series: [{ id: 'active', kind: 'line', values: g.years.map((y) => y.active_end) }],
  };
}

/**
 * One measure of an indicator per year: the sum or the median of the figures (a line; no point
 * where nobody reported), or the same-sample change in percent (bars; none where nobody
 * qualified, as in the first year).
 */
export function indicatorChart(g: TrendGroup, name: string, measure: IndicatorMeasure): ChartInput {
  const values = g.years.map((y) => {
    const figures = y.indicators[name];
    if (!figures || figures.count === 0) return null;
    if (measure === 'sum') return figures.sum;
    if (measure === 'median') return figures.median;
    return figures.same_sample?.change_pct ?? null;
  });
  return {
    years: g.years.map((y) => y.year),
    series: [{ id: measure, kind: measure === 'change_pct' ? 'bar' : 'line', values }],
  };
}

/** True when a chart has something to draw. */
export function hasValues(input: ChartInput): boolean {
  return input.series.some((s) => s.values.some((v) => v !== null));
}
