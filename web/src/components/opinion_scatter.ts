// The opinion map's scatter: each participant a point on the two main axes of the votes, drawn
// by hand in SVG as the other charts are. A group is told by its shape as well as its colour
// (circle, square, triangle, diamond, cross, star; colours safe for colour-blind readers), each
// centroid is marked with the group's letter, and a legend names the shapes; the chart's <title>
// and <desc> summarise it, and the groups' table beside it (opinion_views.ts) is the text
// alternative. Colours are SVG presentation attributes, which the Content-Security-Policy allows.

import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import type { OpinionPoint, OpinionResult } from '../opinion';

const SVG = 'http://www.w3.org/2000/svg';
const SIZE = { width: 560, height: 400, pad: 28 };
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
type Shape = (typeof SHAPES)[number];

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A group's name: A for group 0, B for 1... */
export function groupName(id: number | string): string {
  const n = Number(id);
  return Number.isInteger(n) && n >= 0 && n < 26 ? String.fromCharCode(65 + n) : String(id);
}

export function groupShape(group: number): Shape {
  return SHAPES[((group % SHAPES.length) + SHAPES.length) % SHAPES.length] ?? 'circle';
}

export function groupColour(group: number): string {
  return COLOURS[((group % COLOURS.length) + COLOURS.length) % COLOURS.length] ?? '#000000';
}

/** The mark of a group at (x, y), r its half size. */
export function mark(group: number, x: number, y: number, r: number): SVGElement {
  const fill = groupColour(group);
  const line = { fill, stroke: '#1d2326', 'stroke-width': 1 };
  const poly = (pts: [number, number][]) =>
    svg('polygon', { points: pts.map(([a, b]) => `${x + a * r},${y + b * r}`).join(' '), ...line });
  switch (groupShape(group)) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r, ...line });
    case 'square':
      return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...line });
    case 'triangle':
      return poly([
        [0, -1.15],
        [1.1, 0.9],
        [-1.1, 0.9],
      ]);
    case 'diamond':
      return poly([
        [0, -1.3],
        [1.3, 0],
        [0, 1.3],
        [-1.3, 0],
      ]);
    case 'cross':
      return poly([
        [-0.35, -1.1],
        [0.35, -1.1],
        [0.35, -0.35],
        [1.1, -0.35],
        [1.1, 0.35],
        [0.35, 0.35],
        [0.35, 1.1],
        [-0.35, 1.1],
        [-0.35, 0.35],
        [-1.1, 0.35],
        [-1.1, -0.35],
        [-0.35, -0.35],
      ]);
    case 'star':
      return poly(
        Array.from({ length: 10 }, (_, i): [number, number] => {
          const a = (Math.PI / 5) * i - Math.PI / 2;
          const k = i % 2 === 0 ? 1.3 : 0.55;
          return [k * Math.cos(a), k * Math.sin(a)];
        }),
      );
  }
}

/** Maps data coordinates onto the drawing, keeping 0 inside and the aspect of both axes. */
export function scaler(points: { x: number; y: number }[]) {
  const xs = [0, ...points.map((p) => p.x)];
  const ys = [0, ...points.map((p) => p.y)];
  const span = (v: number[]) => Math.max(...v) - Math.min(...v) || 1;
  const w = SIZE.width - 2 * SIZE.pad;
  const hgt = SIZE.height - 2 * SIZE.pad;
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  return {
    x: (v: number) => SIZE.pad + ((v - minX) / span(xs)) * w,
    // SVG's y grows downwards.
    y: (v: number) => SIZE.height - SIZE.pad - ((v - minY) / span(ys)) * hgt,
  };
}

const fmt = (n: number) => new Intl.NumberFormat(getLang(), { maximumFractionDigits: 2 }).format(n);
const pct = (n: number) =>
  new Intl.NumberFormat(getLang(), { style: 'percent', maximumFractionDigits: 0 }).format(n);

function axes(s: ReturnType<typeof scaler>, r: OpinionResult): SVGElement {
  const g = svg('g', { class: 'opinion-axes' });
  const line = { stroke: '#5b666c', 'stroke-width': 1, 'stroke-dasharray': '4 3' };
  g.append(
    svg('line', { x1: SIZE.pad, x2: SIZE.width - SIZE.pad, y1: s.y(0), y2: s.y(0), ...line }),
    svg('line', { x1: s.x(0), x2: s.x(0), y1: SIZE.pad, y2: SIZE.height - SIZE.pad, ...line }),
    svg(
      'text',
      { x: SIZE.width - SIZE.pad, y: SIZE.height - 6, 'text-anchor': 'end', 'font-size': 12 },
      t('opinion.axis', { n: 1, share: pct(r.explained[0] ?? 0) }),
    ),
    svg(
      'text',
      { x: 4, y: 14, 'font-size': 12 },
      t('opinion.axis', { n: 2, share: pct(r.explained[1] ?? 0) }),
    ),
  );
  return g;
}

function point(s: ReturnType<typeof scaler>, p: OpinionPoint): SVGElement {
  const g = svg('g', { 'data-group': p.group, 'data-participant': p.participant });
  g.dataset.testid = 'opinion-point';
  g.append(
    svg('title', {}, t('opinion.point', { participant: p.participant, group: groupName(p.group) })),
    mark(p.group, s.x(p.x), s.y(p.y), 5),
  );
  return g;
}

let chartCount = 0;

/** The scatter of `r`'s points, with each group's centroid lettered. */
export function opinionScatter(r: OpinionResult): SVGElement {
  const id = `opinion-chart-${++chartCount}`;
  const centroids = r.groups.filter((g) => g.centroid).map((g) => g.centroid as [number, number]);
  const s = scaler([...r.points, ...centroids.map(([x, y]) => ({ x, y }))]);
  const root = svg('svg', {
    viewBox: `0 0 ${SIZE.width} ${SIZE.height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'decide-chart opinion-chart',
  });
  root.dataset.testid = 'opinion-scatter';
  const desc = r.groups.map((g) =>
    t('opinion.chart.group', {
      group: groupName(g.id),
      n: g.size,
      shape: t(`opinion.shape.${groupShape(Number(g.id))}`),
    }),
  );
  root.append(
    svg('title', { id: `${id}-title` }, t('opinion.chart.title', { n: r.points.length })),
    svg('desc', { id: `${id}-desc` }, desc.join('; ')),
    axes(s, r),
    ...r.points.map((p) => point(s, p)),
  );
  for (const g of r.groups) {
    if (!g.centroid) continue;
    const [x, y] = [s.x(g.centroid[0]), s.y(g.centroid[1])];
    root.append(
      svg('circle', { cx: x, cy: y, r: 11, fill: '#ffffff', stroke: '#1d2326', 'stroke-width': 2 }),
      svg(
        'text',
        { x, y: y + 4, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700 },
        groupName(g.id),
      ),
    );
  }
  return root;
}

/** The legend: each group's mark, letter and size. */
export function opinionLegend(r: OpinionResult): HTMLElement {
  return h(
    'ul',
    { className: 'opinion-legend', testId: 'opinion-legend' },
    ...r.groups.map((g) => {
      const icon = svg('svg', {
        viewBox: '0 0 20 20',
        width: 16,
        height: 16,
        'aria-hidden': 'true',
      });
      icon.append(mark(Number(g.id), 10, 10, 6));
      return h(
        'li',
        { testId: 'opinion-legend-item' },
        icon,
        ' ',
        t('opinion.legend', {
          group: groupName(g.id),
          shape: t(`opinion.shape.${groupShape(Number(g.id))}`),
          n: fmt(g.size),
        }),
      );
    }),
  );
}
