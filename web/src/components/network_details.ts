// The network page's panels of figures: the summary of the network, its weaving stage, the legend,
// and the measures of the chosen actor with its neighbours.

import { h } from '../dom';
import { t, tMaybe, type MessageKey } from '../i18n/i18n';
import {
  BROKERAGE_ROLES,
  type ColourBy,
  type LegendEntry,
  type NetworkMetrics,
  type NetworkNode,
  type SizeBy,
} from '../network';
import { actorHref } from '../router';

/** A measure in the reader's language: integers as they are, others to 3 significant digits. */
export function formatMeasure(value: number | null, lang: string): string {
  if (value === null) return '–';
  if (Number.isInteger(value)) return new Intl.NumberFormat(lang).format(value);
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 }).format(value);
}

function rows(
  testId: string,
  items: [MessageKey, string, string?][],
  className = 'network-measures',
): HTMLDListElement {
  const dl = h('dl', { className, testId });
  for (const [label, value, id] of items) {
    dl.append(h('dt', { i18n: label }), h('dd', { text: value, testId: id }));
  }
  return dl;
}

export function summaryList(data: NetworkMetrics, lang: string): HTMLElement {
  const s = data.summary;
  const b = s.betweenness;
  const method =
    b.method === 'sampled'
      ? t('network.betweennessSampled', {
          samples: formatMeasure(b.samples, lang),
          error: formatMeasure(b.relative_error, lang),
        })
      : t('network.betweennessExact');
  const f = (v: number) => formatMeasure(v, lang);
  return rows(
    'network-summary-list',
    [
      ['network.summary.nodes', f(s.nodes), 'network-summary-nodes'],
      ['network.summary.edges', f(s.edges), 'network-summary-edges'],
      ['network.summary.density', f(s.density)],
      ['network.summary.components', f(s.components)],
      ['network.summary.largest', f(s.largest_component)],
      ['network.summary.communities', f(s.communities)],
      ['network.summary.modularity', f(s.modularity)],
      ['network.summary.overlapping', f(s.overlapping_communities)],
      ['network.summary.betweenness', method],
    ],
    'network-summary',
  );
}

export function weavingView(data: NetworkMetrics): HTMLElement {
  const stage = data.weaving.stage;
  return h(
    'div',
    { testId: 'network-weaving' },
    h('p', {
      className: 'network-stage',
      text: tMaybe(`network.stage.${stage}`) ?? stage,
      testId: 'network-stage',
      attrs: { 'data-stage': stage },
    }),
    h('p', { text: data.weaving.reason, testId: 'network-weaving-reason' }),
  );
}

/** A colour swatch: an SVG circle (a fill attribute, not an inline style, for the CSP). */
function swatch(colour: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(ns, 'circle');
  circle.setAttribute('cx', '6');
  circle.setAttribute('cy', '6');
  circle.setAttribute('r', '6');
  circle.setAttribute('fill', colour);
  svg.append(circle);
  return svg;
}

function legendLabel(entry: LegendEntry, by: ColourBy): string {
  if (entry.key === null) return t('network.legendOthers');
  if (by === 'community') return t('network.legendCommunity', { n: entry.key });
  return tMaybe(`kind.${entry.key}`) ?? (entry.key || t('network.legendOthers'));
}

export function legendView(
  entries: LegendEntry[],
  by: ColourBy,
  sizeBy: SizeBy,
  lang: string,
): HTMLElement {
  return h(
    'div',
    { className: 'network-legend', testId: 'network-legend' },
    h(
      'ul',
      {},
      ...entries.map((entry) =>
        h(
          'li',
          { testId: 'legend-entry' },
          swatch(entry.colour),
          ` ${legendLabel(entry, by)} (${formatMeasure(entry.count, lang)})`,
        ),
      ),
    ),
    h('p', {
      className: 'hint',
      text: t('network.legendSize', { measure: t(`network.sizeBy.${sizeBy}`) }),
    }),
  );
}

const NEIGHBOURS_SHOWN = 20;

/** The chosen actor's measures and neighbours; neighbours' names choose them in turn. */
export function nodeDetails(
  node: NetworkNode,
  neighbours: NetworkNode[],
  lang: string,
  onSelect: (id: string) => void,
): HTMLElement {
  const f = (v: number | null) => formatMeasure(v, lang);
  const measures = rows('network-measures', [
    ['network.col.territory', node.territory || '–'],
    ['network.col.group', tMaybe(`kind.${node.group}`) ?? node.group],
    ['network.col.in_degree', f(node.in_degree), 'measure-in-degree'],
    ['network.col.out_degree', f(node.out_degree), 'measure-out-degree'],
    ['network.col.strength', f(node.strength)],
    ['network.col.betweenness', f(node.betweenness), 'measure-betweenness'],
    ['network.col.closeness', f(node.closeness)],
    ['network.col.pagerank', f(node.pagerank), 'measure-pagerank'],
    ['network.col.two_step_reach', f(node.two_step_reach)],
    ['network.col.constraint', f(node.constraint)],
    ['network.col.effective_size', f(node.effective_size)],
    ['network.col.community', String(node.community)],
    ['network.col.communities', node.communities.join(', ') || '–'],
  ]);
  const roles = rows(
    'network-brokerage',
    [
      ...BROKERAGE_ROLES.map((role): [MessageKey, string] => [
        `network.role.${role}`,
        f(node.brokerage[role]),
      ]),
      ['network.col.brokerage', f(node.brokerage.total)],
    ],
    'network-measures',
  );
  const list = h('ul', { className: 'network-neighbours', testId: 'network-neighbours' });
  for (const other of neighbours.slice(0, NEIGHBOURS_SHOWN)) {
    list.append(
      h(
        'li',
        {},
        h('button', {
          className: 'link-button',
          text: other.name,
          attrs: { type: 'button' },
          on: { click: () => onSelect(other.id) },
        }),
      ),
    );
  }
  const hidden = neighbours.length - NEIGHBOURS_SHOWN;
  return h(
    'div',
    { testId: 'network-node' },
    h(
      'h3',
      {},
      h('a', {
        text: node.name,
        attrs: {
          href: actorHref(node.id),
          'aria-label': t('network.openProfile', { name: node.name }),
        },
        testId: 'network-node-name',
      }),
    ),
    measures,
    h('h4', { i18n: 'network.brokerageTitle' }),
    roles,
    h('h4', { text: t('network.neighbours', { n: neighbours.length }) }),
    list,
    hidden > 0
      ? h('p', { className: 'hint', text: t('network.moreNeighbours', { n: hidden }) })
      : null,
  );
}
