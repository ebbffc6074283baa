// A trends chart as accessible SVG (a title and a description for screen readers, a legend) and the
// table of the same figures, year by year, in a disclosure: the text alternative of the charts.
// Drawn by hand like the coverage chart (blocks_chart.ts): no inline styles, our classes only.

import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import { trendGeometry, type ChartInput, type TrendGeometry } from '../trends_chart';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Ids of titles and descriptions: unique in the document, as several charts share a page. */
let nextId = 0;

/** A tick label: compact ("12K", "1,2 M") so that large sums fit in the margin. */
export function axisNumber(value: number, lang = getLang()): string {
  return new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

export interface TrendChartSpec {
  title: string;
  description: string;
  input: ChartInput;
  /** The legend's name of a series. */
  seriesLabel: (id: string) => string;
  /** A value in full, for the tooltip of a bar or a point. */
  format: (value: number) => string;
  testId: string;
}

function axes(geo: TrendGeometry): SVGElement[] {
  const { plot } = geo;
  const out: SVGElement[] = [];
  for (const tick of geo.yTicks) {
    out.push(
      svg('line', { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y, class: 'trends-grid' }),
      svg(
        'text',
        { x: plot.left - 6, y: tick.y + 4, class: 'trends-tick-y' },
        axisNumber(tick.value),
      ),
    );
  }
  for (const tick of geo.xTicks) {
    out.push(
      svg('text', { x: tick.x, y: geo.height - 8, class: 'trends-tick-x' }, String(tick.year)),
    );
  }
  out.push(
    svg('line', {
      x1: plot.left,
      x2: plot.right,
      y1: geo.zeroY,
      y2: geo.zeroY,
      class: 'trends-zero',
    }),
  );
  return out;
}

function marks(geo: TrendGeometry, spec: TrendChartSpec): SVGElement[] {
  const { seriesLabel, format } = spec;
  const out: SVGElement[] = [];
  for (const bar of geo.bars) {
    const rect = svg('rect', {
      x: bar.x,
      y: bar.y,
      width: Math.max(0.5, bar.width),
      height: bar.height,
      class: `trends-bar trends-series-${bar.series}`,
    });
    rect.append(svg('title', {}, `${seriesLabel(bar.series)}, ${bar.year}: ${format(bar.value)}`));
    out.push(rect);
  }
  for (const line of geo.lines) {
    out.push(svg('path', { d: line.path, class: `trends-line trends-series-${line.series}` }));
    // Dots show single points that a line cannot (a year between two gaps).
    for (const p of line.points) {
      const dot = svg('circle', {
        cx: p.x,
        cy: p.y,
        r: 2.5,
        class: `trends-dot trends-series-${line.series}`,
      });
      dot.append(svg('title', {}, `${seriesLabel(line.series)}, ${p.year}: ${format(p.value)}`));
      out.push(dot);
    }
  }
  return out;
}

/** The chart in a <figure>, with its legend as the caption. */
export function trendChart(spec: TrendChartSpec): HTMLElement {
  const geo = trendGeometry(spec.input);
  const id = `trends-chart-${++nextId}`;
  const root = svg('svg', {
    viewBox: `0 0 ${geo.width} ${geo.height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'trends-chart',
  });
  root.dataset.testid = spec.testId;
  root.append(
    svg('title', { id: `${id}-title` }, spec.title),
    svg('desc', { id: `${id}-desc` }, spec.description),
    ...axes(geo),
    ...marks(geo, spec),
  );
  return h(
    'figure',
    { className: 'trends-figure' },
    h('figcaption', { className: 'trends-figure-title', text: spec.title }),
    root,
    h(
      'p',
      { className: 'trends-legend' },
      ...spec.input.series.flatMap((s) => [
        h('span', {
          className: `legend-swatch trends-swatch trends-series-${s.id}`,
          attrs: { 'aria-hidden': 'true' },
        }),
        h('span', { text: spec.seriesLabel(s.id) }),
      ]),
    ),
  );
}

export interface TableColumn {
  label: string;
  /** One cell per row, already formatted. */
  cells: string[];
  /** A data-column attribute on the cells, for tests and styles. */
  id: string;
}

/** A table with a row per year, in a closed disclosure under its caption. */
export function yearTable(
  caption: string,
  years: readonly number[],
  columns: readonly TableColumn[],
  testId: string,
): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { i18n: 'trends.year', attrs: { scope: 'col' } }),
    ...columns.map((c) => h('th', { text: c.label, attrs: { scope: 'col' } })),
  );
  const rows = years.map((year, i) =>
    h(
      'tr',
      { attrs: { 'data-year': year } },
      h('th', { text: String(year), attrs: { scope: 'row' } }),
      ...columns.map((c) =>
        h('td', { className: 'number', text: c.cells[i] ?? '', attrs: { 'data-column': c.id } }),
      ),
    ),
  );
  return h(
    'details',
    { className: 'trends-table-details' },
    h('summary', { text: t('trends.showTable', { caption }) }),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'data-table trends-table', testId },
        h('caption', { text: caption }),
        h('thead', {}, head),
        h('tbody', {}, ...rows),
      ),
    ),
  );
}
