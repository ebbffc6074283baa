// The coverage of each block as an accessible SVG bar chart: one stacked bar per block (the part
// from hard evidence, then the part from perception), the "covered" threshold as a dashed line,
// and a text alternative that says every bar in words. Drawn by hand: seven bars do not need a
// charting library, and hand-made SVG keeps to the CSP (no inline styles) and to our classes.

import { chartGeometry, type BlockCoverage, type ChartBar } from '../ecosystem_blocks';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { figure, type BlocksLabels } from './blocks_labels';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** One block in words: "Market access: coverage 94 (hard 60, perception 34), covered." */
function barSentence(bar: ChartBar, labels: BlocksLabels): string {
  return t(bar.covered ? 'ecosystem.chart.barCovered' : 'ecosystem.chart.barNotCovered', {
    block: labels.block(bar.block),
    coverage: figure(bar.coverage),
    hard: figure(bar.hard.value),
    perception: figure(bar.perception.value),
  });
}

function barGroup(
  bar: ChartBar,
  plot: { left: number; right: number },
  labels: BlocksLabels,
): SVGElement {
  const g = svg('g', { class: `blocks-bar${bar.covered ? ' covered' : ''}` });
  g.dataset.testid = 'blocks-chart-bar';
  g.dataset.block = bar.block;
  g.append(
    svg(
      'text',
      { x: plot.left, y: bar.y + 14, class: 'blocks-bar-label' },
      labels.block(bar.block),
    ),
    svg('rect', {
      x: plot.left,
      y: bar.barY,
      width: plot.right - plot.left,
      height: bar.barHeight,
      class: 'blocks-track',
    }),
    svg('rect', {
      x: bar.hard.x,
      y: bar.barY,
      width: bar.hard.width,
      height: bar.barHeight,
      class: 'blocks-hard',
    }),
    svg('rect', {
      x: bar.perception.x,
      y: bar.barY,
      width: bar.perception.width,
      height: bar.barHeight,
      class: 'blocks-perception',
    }),
    svg(
      'text',
      {
        x: bar.perception.x + bar.perception.width + 4,
        y: bar.barY + bar.barHeight - 4,
        class: 'blocks-bar-value',
      },
      figure(bar.coverage),
    ),
  );
  return g;
}

/** The chart; `weights` are the framework's (0.6 / 0.4, covered at 50 by default). */
export function coverageChart(
  blocks: readonly BlockCoverage[],
  weights: { hardWeight: number; perceptionWeight: number; covered: number },
  labels: BlocksLabels,
): HTMLElement {
  const geo = chartGeometry(blocks, weights);
  const root = svg('svg', {
    viewBox: `0 0 ${geo.width} ${geo.height}`,
    role: 'img',
    'aria-labelledby': 'blocks-chart-title blocks-chart-desc',
    class: 'blocks-chart',
  });
  root.dataset.testid = 'blocks-chart';
  const sentences = geo.bars.map((bar) => barSentence(bar, labels));
  const threshold = t('ecosystem.chart.threshold', { covered: figure(geo.threshold.value) });
  root.append(
    svg('title', { id: 'blocks-chart-title' }, t('ecosystem.chart.title')),
    svg('desc', { id: 'blocks-chart-desc' }, [threshold, ...sentences].join(' ')),
    ...geo.bars.map((bar) => barGroup(bar, geo.plot, labels)),
  );
  for (const tick of geo.ticks) {
    root.append(
      svg('text', { x: tick.x, y: geo.height - 6, class: 'blocks-tick' }, figure(tick.value)),
    );
  }
  root.append(
    svg('line', {
      x1: geo.threshold.x,
      x2: geo.threshold.x,
      y1: geo.plot.top,
      y2: geo.plot.bottom,
      class: 'blocks-threshold',
    }),
  );
  return h(
    'figure',
    { className: 'blocks-figure' },
    root,
    h(
      'figcaption',
      { className: 'blocks-legend' },
      h('span', {
        className: 'legend-swatch blocks-hard-swatch',
        attrs: { 'aria-hidden': 'true' },
      }),
      h('span', { text: t('ecosystem.chart.hard') }),
      h('span', {
        className: 'legend-swatch blocks-perception-swatch',
        attrs: { 'aria-hidden': 'true' },
      }),
      h('span', { text: t('ecosystem.chart.perception') }),
      h('span', {
        className: 'legend-swatch blocks-threshold-swatch',
        attrs: { 'aria-hidden': 'true' },
      }),
      h('span', { text: threshold }),
    ),
  );
}
