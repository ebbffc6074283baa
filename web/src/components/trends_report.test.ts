// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { setLang } from '../i18n/i18n';
import { trendsError } from '../pages/trends_page';
import { parseTrends } from '../trends';
import { TRENDS } from '../trends.fixture';
import { trendChart, yearTable } from './trends_chart';
import { TrendLabels } from './trends_labels';
import { trendsView } from './trends_report';

const trends = parseTrends(TRENDS);
const labels = () => new TrendLabels('kind', new Map(), trends.indicators);
const testIds = (root: Element, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)];

/** The cells of a column of the first table with that test id, by year. */
function column(root: Element, table: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of root.querySelectorAll(`[data-testid="${table}"] tbody tr`)) {
    const cell = row.querySelector(`td[data-column="${name}"]`);
    out[row.getAttribute('data-year') ?? ''] = cell?.textContent ?? '';
  }
  return out;
}

afterEach(() => setLang('en', null));

describe('trendsView', () => {
  it('says the sentence and gives births and deaths per year in the table', () => {
    const view = trendsView(trends, labels());
    const total = testIds(view, 'trends-total')[0] as Element;
    expect(testIds(total, 'trends-sentence')[0]?.textContent).toBe(
      'All organisations, Wales: 3 births.',
    );
    expect(column(total, 'trends-table', 'births')).toEqual({
      '2012': '2',
      '2013': '1',
      '2014': '0',
    });
    expect(column(total, 'trends-table', 'deaths')).toEqual({
      '2012': '0',
      '2013': '0',
      '2014': '1',
    });
    expect(testIds(view, 'trends-empty')).toHaveLength(0);
  });

  it('charts with a title and a description for screen readers', () => {
    const view = trendsView(trends, labels());
    const chart = view.querySelector('[data-testid="trends-chart-demography"]') as SVGElement;
    expect(chart.getAttribute('role')).toBe('img');
    const [title, desc] = (chart.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(view.querySelector(`#${title}`)?.textContent).toBe(
      'Births and deaths per year: All organisations',
    );
    expect(view.querySelector(`#${desc}`)?.textContent).toMatch(/3 births and 1 deaths in all/);
    expect(chart.querySelectorAll('rect.trends-bar')).toHaveLength(6);
  });

  it('gives each indicator its sum, median and same-sample change', () => {
    const view = trendsView(trends, labels());
    const turnover = view.querySelector('[data-indicator="turnover"]') as Element;
    expect(turnover.querySelector('h4')?.textContent).toBe('Turnover (GBP)');
    for (const id of ['sum', 'median', 'change_pct']) {
      expect(testIds(turnover, `trends-chart-${id}`)).toHaveLength(1);
    }
    expect(column(turnover, 'trends-indicator-table', 'change_pct')).toEqual({
      '2012': '—',
      '2013': '+20%',
      '2014': '—',
    });
  });

  it('labels the groups and says the warnings in the reader language', () => {
    setLang('fr', null);
    const view = trendsView(trends, labels());
    const group = testIds(view, 'trends-group')[0];
    expect(group?.querySelector('summary')?.textContent).toMatch(/^Organisation : 4 organisations/);
    // Its charts are drawn when it is first opened.
    expect(testIds(group as Element, 'trends-sentence')).toHaveLength(0);
    (group as HTMLDetailsElement).open = true;
    group?.dispatchEvent(new Event('toggle'));
    group?.dispatchEvent(new Event('toggle'));
    expect(testIds(group as Element, 'trends-sentence')).toHaveLength(1);
    expect(testIds(group as Element, 'trends-table')).toHaveLength(1);
    const warnings = testIds(view, 'trends-warning').map((li) => li.textContent);
    expect(warnings[0]).toMatch(/^a1: la date de création « soon »/);
    expect(warnings[1]).toMatch(
      /^Chiffre d.affaires : 1 chiffres dans une autre unité que GBP sont laissés hors des sommes\.$/,
    );
    expect(testIds(view, 'trends-sentence')[0]?.textContent).toBe('Toutes les organisations : 3.');
  });

  it('says plainly when no organisation has a founding date', () => {
    const undated = parseTrends({
      ...TRENDS,
      indicators: [],
      warnings: [],
      groups: [],
      total: { ...TRENDS.total, actors: 12, unknown_founded: 12, years: [] },
    });
    const view = trendsView(undated, labels());
    const empty = testIds(view, 'trends-empty')[0];
    expect(empty?.textContent).toMatch(/Organisations here: 12, none with a founding date/);
    expect(empty?.querySelector('a')?.getAttribute('href')).toBe('#/data');
    expect(testIds(view, 'trends-table')).toHaveLength(0);
  });
});

describe('trendsError', () => {
  it('names an unknown territory', () => {
    const error = new ApiError(404, 'not_found', "territory: no territory with id 'XX'");
    expect(trendsError(error, 'XX').textContent).toMatch(/There is no territory “XX”/);
  });

  it('adds what to do to the server refusal of a year', () => {
    const message = 'from_year 2020 is after to_year 2010; swap them, or leave one out';
    const box = trendsError(new ApiError(400, 'invalid_argument', message), '');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain(message);
    expect(box.querySelector('[data-testid="trends-error-hint"]')?.textContent).toMatch(
      /from 1800 to 2100/,
    );
  });
});

describe('chart parts', () => {
  it('gives every chart title ids of its own', () => {
    const spec = {
      title: 'T',
      description: 'D',
      input: { years: [2012], series: [{ id: 'sum', kind: 'line' as const, values: [1] }] },
      seriesLabel: (id: string) => id,
      format: String,
      testId: 'c',
    };
    const a = trendChart(spec).querySelector('svg')?.getAttribute('aria-labelledby');
    const b = trendChart(spec).querySelector('svg')?.getAttribute('aria-labelledby');
    expect(a).not.toBe(b);
  });

  it('tables a row per year with the year as row header', () => {
    const table = yearTable('cap', [2012, 2013], [{ id: 'x', label: 'X', cells: ['1', '2'] }], 't');
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      '2012',
      '2013',
    ]);
    expect(table.querySelector('caption')?.textContent).toBe('cap');
  });
});
