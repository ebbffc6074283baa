// The charts of a fund's page, drawn by hand in SVG as the coverage chart is (blocks_chart.ts):
// the capital stack (one bar, a segment per tranche in loss order, public money solid and private
// money hatched, each segment numbered) and the waterfall (for fund losses of 0 to 100%, the share
// of each tranche lost: one line per tranche, each with its own dash and marker). Each chart has a
// <title> and <desc>, and a table beside it says every value in words and figures.

import { h } from '../dom';
import { formatCents, formatPercent, type Fund, type Waterfall } from '../finance';
import { t, tMaybe, type MessageKey } from '../i18n/i18n';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface StackSegment {
  id: string;
  name: string;
  source: string;
  x: number;
  width: number;
  committed: number;
  share: number;
}

const STACK = { width: 640, height: 96, left: 8, right: 632, barY: 28, barHeight: 44 };

/** The segments of the stack, first loss on the left, widths in proportion to committed. */
export function stackGeometry(fund: Fund): StackSegment[] {
  const total = fund.tranches.reduce((sum, tr) => sum + Math.max(0, tr.committed), 0);
  const span = STACK.right - STACK.left;
  let x = STACK.left;
  return fund.tranches.map((tr) => {
    const share = total > 0 ? Math.max(0, tr.committed) / total : 0;
    const segment = {
      id: tr.id,
      name: tr.name,
      source: tr.source,
      x,
      width: share * span,
      committed: tr.committed,
      share,
    };
    x += segment.width;
    return segment;
  });
}

/** "public" and "private" in words; another source as it is. */
export function sourceLabel(source: string): string {
  if (source === 'public') return t('finance.source.public');
  if (source === 'private') return t('finance.source.private');
  return source;
}

function patterns(): SVGElement {
  const defs = svg('defs', {});
  const hatch = svg('pattern', {
    id: 'finance-hatch',
    width: 8,
    height: 8,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  hatch.append(
    svg('rect', { width: 8, height: 8, class: 'finance-private-ground' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'finance-private-stripe' }),
  );
  defs.append(hatch);
  return defs;
}

function segmentFill(source: string): Record<string, string> {
  return source === 'private'
    ? { fill: 'url(#finance-hatch)', class: 'finance-segment finance-private' }
    : { class: 'finance-segment finance-public' };
}

/** The capital stack as a figure: the bar, a legend, and the tranches table. */
export function capitalStackChart(fund: Fund, lang: string): HTMLElement {
  const segments = stackGeometry(fund);
  const root = svg('svg', {
    viewBox: `0 0 ${STACK.width} ${STACK.height}`,
    role: 'img',
    'aria-labelledby': 'finance-stack-title finance-stack-desc',
    class: 'finance-chart finance-stack',
  });
  root.dataset.testid = 'finance-stack-chart';
  const sentences = segments.map((s, i) =>
    t('finance.stack.segment', {
      n: i + 1,
      name: s.name,
      source: sourceLabel(s.source),
      amount: formatCents(s.committed, fund.currency, lang),
      share: formatPercent(s.share, lang),
    }),
  );
  root.append(
    svg('title', { id: 'finance-stack-title' }, t('finance.stack.title')),
    svg('desc', { id: 'finance-stack-desc' }, sentences.join(' ')),
    patterns(),
    svg('text', { x: STACK.left, y: 18, class: 'finance-axis-label' }, t('finance.stack.first')),
    svg(
      'text',
      { x: STACK.right, y: 18, class: 'finance-axis-label finance-end' },
      t('finance.stack.last'),
    ),
  );
  segments.forEach((s, i) => {
    const g = svg('g', { 'data-tranche': s.id, 'data-source': s.source });
    g.dataset.testid = 'finance-stack-segment';
    g.append(
      svg('rect', {
        x: s.x,
        y: STACK.barY,
        width: s.width,
        height: STACK.barHeight,
        ...segmentFill(s.source),
      }),
    );
    if (s.width >= 18) {
      g.append(
        svg(
          'text',
          { x: s.x + s.width / 2, y: STACK.barY + 28, class: 'finance-segment-number' },
          String(i + 1),
        ),
      );
    }
    root.append(g);
  });
  return h(
    'figure',
    { className: 'finance-figure' },
    root,
    h(
      'figcaption',
      { className: 'finance-legend' },
      h('span', {
        className: 'finance-swatch finance-swatch-public',
        attrs: { 'aria-hidden': 'true' },
      }),
      h('span', { i18n: 'finance.legend.public' }),
      h('span', {
        className: 'finance-swatch finance-swatch-private',
        attrs: { 'aria-hidden': 'true' },
      }),
      h('span', { i18n: 'finance.legend.private' }),
    ),
    tranchesTable(fund, segments, lang),
  );
}

function tranchesTable(fund: Fund, segments: StackSegment[], lang: string): HTMLElement {
  const rows = fund.tranches.map((tr, i) =>
    h(
      'tr',
      { testId: 'finance-tranche-row', attrs: { 'data-tranche': tr.id } },
      h('td', { text: String(i + 1) }),
      h('th', { text: tr.name, attrs: { scope: 'row' } }),
      h('td', { text: sourceLabel(tr.source) }),
      h('td', { text: instrumentLabel(tr.instrument) }),
      h('td', { className: 'figure', text: formatCents(tr.committed, fund.currency, lang) }),
      h('td', { className: 'figure', text: formatCents(tr.drawn, fund.currency, lang) }),
      h('td', { className: 'figure', text: formatPercent(segments[i]?.share ?? 0, lang) }),
    ),
  );
  return table(
    'finance-tranches-table',
    'finance.stack.tableCaption',
    [
      'finance.tranche.order',
      'finance.tranche.name',
      'finance.tranche.source',
      'finance.tranche.instrument',
      'finance.tranche.committed',
      'finance.tranche.drawn',
      'finance.tranche.share',
    ],
    rows,
  );
}

/** An instrument id in words ("subordinated_debt" -> "Subordinated debt"). */
export function instrumentLabel(instrument: string): string {
  return tMaybe(`finance.instrument.${instrument}`) ?? instrument;
}

/** A data table with a caption and column headings from the catalogue. */
export function table(
  testId: string,
  caption: MessageKey,
  headings: MessageKey[],
  rows: HTMLElement[],
): HTMLElement {
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table finance-table', testId },
      h('caption', { i18n: caption }),
      h(
        'thead',
        {},
        h('tr', {}, ...headings.map((k) => h('th', { i18n: k, attrs: { scope: 'col' } }))),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

const WATERFALL = { width: 640, height: 300, left: 48, right: 600, top: 16, bottom: 256 };
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

export interface WaterfallLine {
  id: string;
  /** [x, y] of each loss level, in the chart's coordinates. */
  points: [number, number][];
}

/** The share of the fund lost (0..1) of a waterfall: its loss over the committed total. */
export function lossShare(w: Waterfall): number {
  return w.total > 0 ? w.loss / w.total : 0;
}

/** One line per tranche: x the fund's loss (0..100%), y the share of the tranche lost. */
export function waterfallGeometry(losses: Waterfall[]): WaterfallLine[] {
  const ids = losses[0]?.tranches.map((tr) => tr.id) ?? [];
  const xOf = (share: number) => WATERFALL.left + share * (WATERFALL.right - WATERFALL.left);
  const yOf = (share: number) => WATERFALL.bottom - share * (WATERFALL.bottom - WATERFALL.top);
  return ids.map((id) => ({
    id,
    points: losses.map((w): [number, number] => [
      xOf(lossShare(w)),
      yOf(w.tranches.find((tr) => tr.id === id)?.shareLost ?? 0),
    ]),
  }));
}

function marker(kind: (typeof MARKERS)[number], x: number, y: number): SVGElement {
  const attrs = { class: 'finance-marker' };
  if (kind === 'circle') return svg('circle', { cx: x, cy: y, r: 4, ...attrs });
  if (kind === 'square') return svg('rect', { x: x - 4, y: y - 4, width: 8, height: 8, ...attrs });
  if (kind === 'triangle') {
    return svg('polygon', {
      points: `${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`,
      ...attrs,
    });
  }
  if (kind === 'diamond') {
    return svg('polygon', {
      points: `${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`,
      ...attrs,
    });
  }
  return svg('path', {
    d: `M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`,
    ...attrs,
  });
}

function axes(root: SVGElement, lang: string): void {
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const y = WATERFALL.bottom - v * (WATERFALL.bottom - WATERFALL.top);
    const x = WATERFALL.left + v * (WATERFALL.right - WATERFALL.left);
    root.append(
      svg('line', { x1: WATERFALL.left, x2: WATERFALL.right, y1: y, y2: y, class: 'finance-grid' }),
      svg(
        'text',
        { x: WATERFALL.left - 6, y: y + 4, class: 'finance-tick finance-end' },
        formatPercent(v, lang, 0),
      ),
      svg(
        'text',
        { x, y: WATERFALL.bottom + 16, class: 'finance-tick finance-middle' },
        formatPercent(v, lang, 0),
      ),
    );
  }
  root.append(
    svg(
      'text',
      {
        x: (WATERFALL.left + WATERFALL.right) / 2,
        y: WATERFALL.height - 8,
        class: 'finance-axis-label finance-middle',
      },
      t('finance.waterfall.xAxis'),
    ),
  );
}

/**
 * The waterfall chart of `losses` (0%, 10%, ... 100% of the committed total) with its table:
 * a row per loss level, a column per tranche, each cell the share of the tranche lost.
 */
export function waterfallChart(fund: Fund, losses: Waterfall[], lang: string): HTMLElement {
  const names = new Map(fund.tranches.map((tr) => [tr.id, tr.name]));
  const lines = waterfallGeometry(losses);
  const root = svg('svg', {
    viewBox: `0 0 ${WATERFALL.width} ${WATERFALL.height}`,
    role: 'img',
    'aria-labelledby': 'finance-waterfall-title finance-waterfall-desc',
    class: 'finance-chart finance-waterfall',
  });
  root.dataset.testid = 'finance-waterfall-chart';
  root.append(
    svg('title', { id: 'finance-waterfall-title' }, t('finance.waterfall.title')),
    svg('desc', { id: 'finance-waterfall-desc' }, waterfallSummary(fund, losses, lang)),
  );
  axes(root, lang);
  lines.forEach((line, i) => {
    const g = svg('g', {
      class: `finance-line finance-line-${i % DASHES.length}`,
      'data-tranche': line.id,
    });
    g.dataset.testid = 'finance-waterfall-line';
    const dash = DASHES[i % DASHES.length] ?? '';
    g.append(
      svg('polyline', {
        points: line.points.map(([x, y]) => `${x},${y}`).join(' '),
        class: 'finance-polyline',
        ...(dash ? { 'stroke-dasharray': dash } : {}),
      }),
      ...line.points.map(([x, y]) => marker(MARKERS[i % MARKERS.length] ?? 'circle', x, y)),
    );
    const last = line.points[line.points.length - 1];
    if (last) {
      g.append(
        svg(
          'text',
          { x: last[0] + 6, y: last[1] + 4 + i * 11, class: 'finance-line-label' },
          String(i + 1),
        ),
      );
    }
    root.append(g);
  });
  return h(
    'figure',
    { className: 'finance-figure' },
    root,
    h(
      'figcaption',
      { className: 'finance-legend' },
      ...lines.map((line, i) =>
        h('span', {
          className: `finance-line-key finance-line-${i % DASHES.length}`,
          text: `${i + 1} ${names.get(line.id) ?? line.id} (${t(`finance.marker.${MARKERS[i % MARKERS.length] ?? 'circle'}` as MessageKey)})`,
        }),
      ),
    ),
    waterfallTable(fund, losses, lang),
  );
}

/** The chart in one sentence per tranche: the fund loss at which it starts and ends losing. */
function waterfallSummary(fund: Fund, losses: Waterfall[], lang: string): string {
  const last = losses[losses.length - 1];
  if (!last) return t('finance.waterfall.none');
  return last.tranches
    .map((tr) => {
      const total = last.total > 0 ? last.total : 1;
      return t('finance.waterfall.sentence', {
        name: fund.tranches.find((x) => x.id === tr.id)?.name ?? tr.id,
        from: formatPercent(tr.attachment / total, lang),
        to: formatPercent(tr.detachment / total, lang),
      });
    })
    .join(' ');
}

function waterfallTable(fund: Fund, losses: Waterfall[], lang: string): HTMLElement {
  const ids = losses[0]?.tranches.map((tr) => tr.id) ?? [];
  const names = new Map(fund.tranches.map((tr) => [tr.id, tr.name]));
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table finance-table', testId: 'finance-waterfall-table' },
      h('caption', { i18n: 'finance.waterfall.tableCaption' }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { i18n: 'finance.waterfall.fundLoss', attrs: { scope: 'col' } }),
          ...ids.map((id) => h('th', { text: names.get(id) ?? id, attrs: { scope: 'col' } })),
        ),
      ),
      h(
        'tbody',
        {},
        ...losses.map((w) =>
          h(
            'tr',
            {},
            h('th', {
              text: `${formatPercent(lossShare(w), lang, 0)} (${formatCents(w.loss, fund.currency, lang)})`,
              attrs: { scope: 'row' },
            }),
            ...ids.map((id) =>
              h('td', {
                className: 'figure',
                text: formatPercent(w.tranches.find((tr) => tr.id === id)?.shareLost ?? 0, lang),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
