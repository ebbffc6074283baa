// The body of the trends page: the sentence of the total, births, deaths and active organisations
// per year (charts and their table), each indicator's sum, median and same-sample change, then the
// same per group of the breakdown, each in a disclosure. An empty state replaces the counts when
// no organisation in scope has a founding date (the demo's own data have none).

import { h } from '../dom';
import { pick } from '../ecosystem_blocks';
import { getLang, t } from '../i18n/i18n';
import { DATA_HREF } from '../router';
import {
  datedActors,
  hasNoDatedActors,
  reportedIndicators,
  type IndicatorYear,
  type TrendGroup,
  type Trends,
} from '../trends';
import { activeChart, demographyChart, hasValues, indicatorChart } from '../trends_chart';
import { trendChart, yearTable } from './trends_chart';
import { count, growth, ratePer100, signedPercent, type TrendLabels } from './trends_labels';
import { warningsView } from './trends_warnings';

const SERIES_KEYS = {
  births: 'trends.births',
  deaths: 'trends.deaths',
  active: 'trends.activeEnd',
  sum: 'trends.sum',
  median: 'trends.median',
  change_pct: 'trends.changePct',
} as const;

const seriesLabel = (id: string) =>
  id in SERIES_KEYS ? t(SERIES_KEYS[id as keyof typeof SERIES_KEYS]) : id;

function span(g: TrendGroup): { from: number; to: number } {
  return { from: g.years[0]?.year ?? 0, to: g.years[g.years.length - 1]?.year ?? 0 };
}

/** Births, deaths and active organisations: two charts and their table. */
function demographyView(g: TrendGroup, name: string): HTMLElement {
  const years = g.years.map((y) => y.year);
  const s = g.summary;
  const { from, to } = span(g);
  return h(
    'div',
    { className: 'trends-charts', testId: 'trends-demography' },
    trendChart({
      title: t('trends.chart.demography', { group: name }),
      description: t('trends.chart.demographyDesc', {
        from,
        to,
        births: count(s.births),
        deaths: count(s.deaths),
      }),
      input: demographyChart(g),
      seriesLabel,
      format: count,
      testId: 'trends-chart-demography',
    }),
    trendChart({
      title: t('trends.chart.active', { group: name }),
      description: t('trends.chart.activeDesc', {
        from,
        to,
        start: count(s.active_start),
        end: count(s.active_end),
        growth: growth(s.cagr),
      }),
      input: activeChart(g),
      seriesLabel,
      format: count,
      testId: 'trends-chart-active',
    }),
    yearTable(
      t('trends.table.demography', { group: name }),
      years,
      [
        { id: 'births', label: t('trends.births'), cells: g.years.map((y) => count(y.births)) },
        { id: 'deaths', label: t('trends.deaths'), cells: g.years.map((y) => count(y.deaths)) },
        {
          id: 'active_start',
          label: t('trends.activeStart'),
          cells: g.years.map((y) => count(y.active_start)),
        },
        {
          id: 'active_end',
          label: t('trends.activeEnd'),
          cells: g.years.map((y) => count(y.active_end)),
        },
        {
          id: 'net_change',
          label: t('trends.netChange'),
          cells: g.years.map((y) => count(y.net_change)),
        },
        {
          id: 'birth_rate',
          label: t('trends.birthRate'),
          cells: g.years.map((y) => ratePer100(y.birth_rate)),
        },
        {
          id: 'death_rate',
          label: t('trends.deathRate'),
          cells: g.years.map((y) => ratePer100(y.death_rate)),
        },
      ],
      'trends-table',
    ),
  );
}

/** One indicator of a group: sum, median and same-sample change, charted and tabled. */
function indicatorView(g: TrendGroup, name: string, labels: TrendLabels): HTMLElement | null {
  const sum = indicatorChart(g, name, 'sum');
  if (!hasValues(sum)) return null;
  const title = labels.indicatorTitle(name);
  const { from, to } = span(g);
  const fig = (v: number) => labels.figure(name, v);
  const chart = (measure: 'sum' | 'median' | 'change_pct') => {
    const input = indicatorChart(g, name, measure);
    if (!hasValues(input)) return null;
    return trendChart({
      title: t(`trends.chart.${measure}`, { indicator: title }),
      description: t('trends.chart.indicatorDesc', { indicator: title, from, to }),
      input,
      seriesLabel,
      format: measure === 'change_pct' ? signedPercent : fig,
      testId: `trends-chart-${measure}`,
    });
  };
  const cell = (f: (i: IndicatorYear) => string) =>
    g.years.map((y) => {
      const figures = y.indicators[name];
      return figures ? f(figures) : '—';
    });
  return h(
    'section',
    {
      className: 'trends-indicator',
      attrs: { 'data-indicator': name },
      testId: 'trends-indicator',
    },
    h('h4', { text: title }),
    h('div', { className: 'trends-charts' }, chart('sum'), chart('median'), chart('change_pct')),
    yearTable(
      t('trends.table.indicator', { indicator: title }),
      g.years.map((y) => y.year),
      [
        { id: 'sum', label: t('trends.sum'), cells: cell((i) => labels.figure(name, i.sum)) },
        { id: 'count', label: t('trends.count'), cells: cell((i) => count(i.count)) },
        {
          id: 'median',
          label: t('trends.median'),
          cells: cell((i) => labels.figure(name, i.median)),
        },
        { id: 'repeated', label: t('trends.repeated'), cells: cell((i) => count(i.repeated)) },
        {
          id: 'same_actors',
          label: t('trends.sameActors'),
          cells: cell((i) => (i.same_sample ? count(i.same_sample.actors) : '—')),
        },
        {
          id: 'change',
          label: t('trends.change'),
          cells: cell((i) => labels.figure(name, i.same_sample?.change ?? null)),
        },
        {
          id: 'change_pct',
          label: t('trends.changePct'),
          cells: cell((i) => signedPercent(i.same_sample?.change_pct ?? null)),
        },
      ],
      'trends-indicator-table',
    ),
  );
}

/** A group's sentence, its counts when it has dated organisations, and its indicators. */
function groupBody(g: TrendGroup, trends: Trends, labels: TrendLabels): HTMLElement[] {
  const name = labels.group(g.key);
  const out: HTMLElement[] = [
    h('p', {
      className: 'trends-sentence',
      text: pick(g.summary.text, getLang()),
      testId: 'trends-sentence',
    }),
  ];
  if (datedActors(g) > 0) out.push(demographyView(g, name));
  const indicators = reportedIndicators(trends)
    .map((ind) => indicatorView(g, ind.name, labels))
    .filter((v): v is HTMLElement => v !== null);
  if (indicators.length > 0) {
    out.push(h('h3', { i18n: 'trends.indicatorsTitle' }), ...indicators);
  }
  return out;
}

/**
 * A group in a disclosure whose charts are drawn when it is first opened: a breakdown by sector
 * with five indicators would otherwise draw a hundred charts nobody asked to see.
 */
function groupView(g: TrendGroup, trends: Trends, labels: TrendLabels): HTMLElement {
  const details = h(
    'details',
    { className: 'trends-group', attrs: { 'data-group': g.key }, testId: 'trends-group' },
    h('summary', {
      text: t('trends.groupSummary', {
        group: labels.group(g.key),
        actors: count(g.actors),
        births: count(g.summary.births),
        deaths: count(g.summary.deaths),
      }),
    }),
  );
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) {
      details.append(...groupBody(g, trends, labels));
    }
  });
  return details;
}

/** What to say when no organisation has a founding date. */
function emptyState(trends: Trends): HTMLElement {
  const actors = trends.total.actors;
  return h(
    'div',
    { className: 'trends-empty', attrs: { role: 'status' }, testId: 'trends-empty' },
    h('p', {
      text: actors === 0 ? t('trends.noActors') : t('trends.noDates', { n: count(actors) }),
    }),
    h(
      'p',
      {},
      h('span', { text: `${t('trends.noDatesHint')} ` }),
      h('a', { i18n: 'trends.importLink', attrs: { href: DATA_HREF } }),
    ),
  );
}

export function trendsView(trends: Trends, labels: TrendLabels): HTMLElement {
  const total = trends.total;
  const parts: (HTMLElement | null)[] = [];
  if (hasNoDatedActors(trends)) parts.push(emptyState(trends));
  parts.push(
    h(
      'section',
      { className: 'trends-group trends-total', testId: 'trends-total' },
      h('h2', { text: labels.group('all') }),
      ...groupBody(total, trends, labels),
    ),
  );
  if (trends.groups.length > 0) {
    parts.push(
      h(
        'section',
        { className: 'trends-groups', testId: 'trends-groups' },
        h('h2', { i18n: 'trends.groupsTitle' }),
        trends.groups_overlap ? h('p', { className: 'hint', i18n: 'trends.overlap' }) : null,
        ...trends.groups.map((g) => groupView(g, trends, labels)),
      ),
    );
  }
  parts.push(warningsView(trends, labels));
  return h('div', { className: 'trends-report' }, ...parts);
}
