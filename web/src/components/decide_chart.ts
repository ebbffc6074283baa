// A horizontal bar chart of totals by option (Borda scores, score sums, approvals, dots, shares),
// drawn by hand in SVG as the other charts are: each bar is named and numbered in text beside it,
// winners are marked by a pattern and a star as well as by colour, and the chart has a <title>
// and <desc> that say every value; the totals table beside it is the full text alternative.

import { t } from '../i18n/i18n';

const SVG = 'http://www.w3.org/2000/svg';
const BAR = { width: 640, row: 28, label: 200, value: 90, top: 8 };

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Bar {
  id: string;
  label: string;
  value: number;
  /** The value as the reader reads it ("57.5%", "13"). */
  text: string;
  winner: boolean;
}

/** Bar lengths in proportion to the largest value (0 when every value is 0 or below). */
export function barWidths(bars: Bar[], span: number): number[] {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return bars.map((b) => (max > 0 ? (Math.max(0, b.value) / max) * span : 0));
}

let chartCount = 0;

export function barChart(bars: Bar[], testId: string): SVGElement {
  const id = `decide-chart-${++chartCount}`;
  const span = BAR.width - BAR.label - BAR.value;
  const height = BAR.top * 2 + bars.length * BAR.row;
  const root = svg('svg', {
    viewBox: `0 0 ${BAR.width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'decide-chart',
  });
  root.dataset.testid = testId;
  const desc = bars.map((b) => t('decide.chart.bar', { option: b.label, value: b.text }));
  root.append(
    svg('title', { id: `${id}-title` }, t('decide.chart.title')),
    svg('desc', { id: `${id}-desc` }, desc.join('; ')),
  );
  const widths = barWidths(bars, span);
  bars.forEach((b, i) => {
    const y = BAR.top + i * BAR.row;
    const g = svg('g', { 'data-option': b.id });
    g.dataset.testid = 'decide-chart-bar';
    g.append(
      svg(
        'text',
        { x: BAR.label - 8, y: y + BAR.row / 2 + 5, class: 'decide-chart-label' },
        `${b.winner ? '★ ' : ''}${b.label}`,
      ),
      svg('rect', {
        x: BAR.label,
        y: y + 4,
        width: Math.max(widths[i] ?? 0, 1),
        height: BAR.row - 8,
        class: b.winner ? 'decide-bar decide-bar-winner' : 'decide-bar',
      }),
      svg(
        'text',
        {
          x: BAR.label + (widths[i] ?? 0) + 6,
          y: y + BAR.row / 2 + 5,
          class: 'decide-chart-value',
        },
        b.text,
      ),
    );
    root.append(g);
  });
  return root;
}
