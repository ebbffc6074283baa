import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  bestOf,
  BLOCK_IDS,
  chartGeometry,
  CHART,
  compareHref,
  compareQueryOf,
  comparisonSections,
  comparisonUrl,
  ecosystemHref,
  ecosystemQueryOf,
  metricName,
  parseComparison,
  parseFramework,
  parseReport,
  pick,
  ratingBody,
  reportUrl,
  type BlockCoverage,
} from './ecosystem_blocks';
import { parseRoute } from './router';

/** The first element; fails the test when there is none. */
function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('empty list');
  return item;
}

const REASON = { en: 'supplies a public body', fr: 'fournit un organisme public' };

const REPORT = {
  framework: 'building-blocks',
  framework_version: '1.0.0',
  territory: { id: 'CA/quebec', name: 'Quebec' },
  indicators: {
    actors: 12,
    sse_actors: 7,
    population: null,
    sse_per_10000: null,
    sse_per_10000_note: { en: 'population of the territory unknown', fr: 'population inconnue' },
    by_kind: { network: 4, funder: 1 },
    by_role: { apex: 1 },
    signals: [
      {
        id: 'procurement_links',
        count: 1,
        present: true,
        items: [
          { signal: 'procurement_links', subject: 'tie', id: 'r1', name: 'A -> B', reason: REASON },
        ],
      },
    ],
  },
  raters: 2,
  perception: [
    {
      statement: 'market_access.social_procurement',
      block: 'market_access',
      answered: 2,
      no_answer: 1,
      mean: 7,
      sd: 1,
      consensus: 0.8,
    },
  ],
  blocks: [
    {
      block: 'market_access',
      hard: 100,
      perception: 70,
      coverage: 88,
      covered: true,
      evidence: [],
    },
    { block: 'data_and_measurement', hard: 20, perception: null, coverage: 20, covered: false },
  ],
  type: {
    type: 'enabling',
    institutional_support: 80,
    bottom_up_vitality: 60,
    reason: { en: 'enabling: ...', fr: 'favorable : ...' },
  },
};

describe('parseReport', () => {
  it('reads a report, with nulls kept and missing lists empty', () => {
    const r = parseReport(REPORT);
    expect(r.territory).toEqual({ id: 'CA/quebec', name: 'Quebec' });
    expect(r.indicators.sse_per_10000).toBeNull();
    expect(pick(r.indicators.sse_per_10000_note, 'fr')).toBe('population inconnue');
    expect(r.indicators.signals[0]?.items[0]?.reason.en).toBe('supplies a public body');
    expect(r.perception[0]?.consensus).toBe(0.8);
    expect(r.blocks[1]).toMatchObject({ perception: null, covered: false, evidence: [] });
    expect(pick(r.type.reason, 'fr')).toBe('favorable : ...');
  });

  it('accepts a note given as a plain string', () => {
    const r = parseReport({
      ...REPORT,
      indicators: { ...REPORT.indicators, sse_per_10000_note: 'unknown' },
    });
    expect(pick(r.indicators.sse_per_10000_note, 'pt')).toBe('unknown');
  });

  it('refuses what is not a report', () => {
    expect(() => parseReport({ items: [] })).toThrow(/territory report/);
    expect(() => parseReport(null)).toThrow();
  });
});

describe('pick', () => {
  it('falls back to English, then any language, then nothing', () => {
    expect(pick({ en: 'a', fr: 'b' }, 'fr')).toBe('b');
    expect(pick({ en: 'a', fr: 'b' }, 'es')).toBe('a');
    expect(pick({ pt: 'c' }, 'es')).toBe('c');
    expect(pick({}, 'es')).toBe('');
  });
});

describe('parseFramework', () => {
  const yaml: unknown = parse(
    readFileSync(new URL('../../frameworks/building-blocks.yaml', import.meta.url), 'utf8'),
  );

  it('reads the seven blocks, their statements, labels and scoring from the YAML file', () => {
    const f = parseFramework(yaml);
    expect(f.blocks.map((b) => b.id)).toEqual([...BLOCK_IDS]);
    expect(f.blocks.every((b) => b.statements.length >= 2)).toBe(true);
    expect(f.blocks[0]?.statements[0]?.text.pt).toMatch(/ESS/);
    expect(pick(f.labels['role.apex'], 'fr')).toBe('Organisation faîtière');
    expect(pick(f.labels['type.enabling'], 'fr')).toBe('favorable');
    expect(pick(f.labels['oecd.culture'], 'es')).toBe('Cultura');
    expect(pick(f.signals.university?.absent, 'en')).toBe('no university');
    expect([f.hardWeight, f.perceptionWeight, f.covered]).toEqual([0.6, 0.4, 50]);
  });

  it('keeps the default weights when scoring is missing', () => {
    expect(parseFramework({ blocks: [] })).toMatchObject({ hardWeight: 0.6, covered: 50 });
  });
});

describe('routes and requests', () => {
  it('reads and writes the dashboard query', () => {
    expect(ecosystemQueryOf(new URLSearchParams('territory=%20CA/quebec%20'))).toBe('CA/quebec');
    expect(ecosystemHref('CA/quebec')).toBe('#/ecosystem?territory=CA%2Fquebec');
    expect(ecosystemHref('')).toBe('#/ecosystem');
  });

  it('reads the territories to compare without empties or repeats', () => {
    const params = new URLSearchParams('territories=CA/quebec,, CA/ontario,CA/quebec');
    expect(compareQueryOf(params)).toEqual(['CA/quebec', 'CA/ontario']);
    expect(compareQueryOf(new URLSearchParams())).toEqual([]);
  });

  it('writes comparison links that parse back', () => {
    const href = compareHref(['CA/quebec', 'CA/ontario', 'CA/quebec']);
    expect(href).toBe('#/ecosystem/compare?territories=CA%2Fquebec,CA%2Fontario');
    const params = new URLSearchParams(href.split('?')[1]);
    expect(compareQueryOf(params)).toEqual(['CA/quebec', 'CA/ontario']);
  });

  it('builds the API URLs', () => {
    expect(reportUrl('CA/quebec')).toBe('/api/v1/ecosystem/blocks?territory=CA%2Fquebec');
    expect(comparisonUrl(['CA/quebec', 'CA/ontario'])).toBe(
      '/api/v1/ecosystem/compare?territories=CA%2Fquebec%2CCA%2Fontario',
    );
  });
});

describe('chartGeometry', () => {
  const weights = { hardWeight: 0.6, perceptionWeight: 0.4, covered: 50 };
  const block = (b: Partial<BlockCoverage>): BlockCoverage => ({
    block: 'market_access',
    hard: 0,
    perception: null,
    coverage: 0,
    covered: false,
    evidence: [],
    ...b,
  });
  const plotWidth = CHART.width - CHART.right - CHART.left;

  it('splits each bar into its hard and perception parts, ending at the coverage', () => {
    const geo = chartGeometry([block({ hard: 100, perception: 70, coverage: 88 })], weights);
    const bar = first(geo.bars);
    expect(bar.perception.value).toBeCloseTo(28);
    expect(bar.hard.value).toBeCloseTo(60);
    expect(bar.hard.x).toBe(CHART.left);
    expect(bar.perception.x).toBeCloseTo(bar.hard.x + bar.hard.width);
    expect(bar.perception.x + bar.perception.width).toBeCloseTo(CHART.left + 0.88 * plotWidth);
  });

  it('gives a block without perception a bar of hard evidence only', () => {
    const bar = first(chartGeometry([block({ hard: 20, coverage: 20 })], weights).bars);
    expect(bar.perception.width).toBe(0);
    expect(bar.hard.width).toBeCloseTo(0.2 * plotWidth);
  });

  it('stacks the rows, clamps to 0-100 and places the threshold and ticks', () => {
    const geo = chartGeometry(
      [block({ coverage: 140, hard: 140 }), block({ coverage: -5 }), block({})],
      weights,
    );
    expect(geo.bars.map((b) => b.y)).toEqual([0, 1, 2].map((i) => CHART.top + i * CHART.row));
    expect(geo.bars.map((b) => b.hard.width)).toEqual([plotWidth, 0, 0]);
    expect(geo.threshold.x).toBeCloseTo(CHART.left + plotWidth / 2);
    expect(geo.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(geo.height).toBe(geo.plot.bottom + CHART.axis);
  });
});

const COMPARISON = {
  territories: [
    { id: 'CA/quebec', name: 'Quebec' },
    { id: 'CA/ontario', name: 'Ontario' },
  ],
  rows: [
    { metric: 'block.market_access.coverage', values: [94, 10] },
    { metric: 'type', values: ['enabling', 'arid'] },
    { metric: 'population', values: [8500000, 15000000] },
    { metric: 'signal.university.present', values: [true, true] },
    { metric: 'signal.finance_federated_with_apex.present', values: [true, false] },
    { metric: 'statement.market_access.social_procurement.mean', values: [8.5, null] },
    { metric: 'kind.network', values: [4, 1] },
    { metric: 'role.apex', values: [1, 0] },
    { metric: 'sse_per_10000', values: [null] },
  ],
  differences: [
    {
      kind: 'signal',
      about: 'finance_federated_with_apex',
      ahead: ['CA/quebec'],
      behind: ['CA/ontario'],
      text: { en: 'Ontario: no finance intermediary federated with the apex body (unlike Quebec)' },
    },
  ],
};

describe('comparison', () => {
  it('reads a comparison, padding short rows with nulls', () => {
    const c = parseComparison(COMPARISON);
    expect(c.rows.at(-1)?.values).toEqual([null, null]);
    expect(c.differences[0]?.ahead).toEqual(['CA/quebec']);
    expect(() => parseComparison({ territories: [] })).toThrow(/no territories/);
  });

  it('names metrics, statements with dots included', () => {
    expect(metricName('block.market_access.coverage')).toEqual({
      group: 'blocks',
      subject: 'market_access',
      measure: 'coverage',
    });
    expect(metricName('statement.market_access.social_procurement.mean')).toEqual({
      group: 'perception',
      subject: 'market_access.social_procurement',
      measure: 'mean',
    });
    expect(metricName('role.apex')).toEqual({ group: 'roles', subject: 'apex', measure: 'count' });
    expect(metricName('sse_per_10000').group).toBe('indicators');
    expect(metricName('something.new').group).toBe('other');
  });

  it('marks the best values, never for neutral metrics or ties', () => {
    expect(bestOf('block.market_access.coverage', [94, 10])).toEqual([0]);
    expect(bestOf('type', ['arid', 'enabling'])).toEqual([1]);
    expect(bestOf('signal.x.present', [false, true, true])).toEqual([1, 2]);
    expect(bestOf('signal.x.present', [true, true])).toEqual([]);
    expect(bestOf('population', [1, 2])).toEqual([]);
    expect(bestOf('kind.network', [4, 1])).toEqual([]);
    expect(bestOf('statement.a.b.mean', [8.5, null])).toEqual([]);
    expect(bestOf('statement.a.b.mean', [8.5, null, 3])).toEqual([0]);
  });

  it('groups the rows in a fixed order, keeping the order within a group', () => {
    const sections = comparisonSections(parseComparison(COMPARISON));
    expect(sections.map((s) => s.group)).toEqual([
      'type',
      'blocks',
      'indicators',
      'signals',
      'roles',
      'kinds',
      'perception',
    ]);
    const signals = first(sections.filter((s) => s.group === 'signals'));
    expect(signals.rows.map((r) => r.metric)).toEqual([
      'signal.university.present',
      'signal.finance_federated_with_apex.present',
    ]);
    expect(signals.rows[1]?.best).toEqual([0]);
  });
});

describe('ratingBody', () => {
  it('sends scores and "no answer", and leaves out what was not rated', () => {
    const choices = new Map([
      ['a.one', '7'],
      ['a.two', 'na'],
      ['a.three', ''],
      ['a.four', '0'],
      ['a.five', '10'],
    ]);
    expect(ratingBody('CA/quebec', 'network', choices)).toEqual({
      territory: 'CA/quebec',
      rater_role: 'network',
      scores: { 'a.one': 7, 'a.two': null, 'a.four': 0, 'a.five': 10 },
    });
  });

  it('refuses a score outside 0-10, naming the statement', () => {
    expect(() => ratingBody('T', 'network', new Map([['a.one', '11']]))).toThrow(/a\.one/);
    expect(() => ratingBody('T', 'network', new Map([['a.one', '2.5']]))).toThrow(RangeError);
  });
});

describe('routes of the app', () => {
  it('parses the dashboard and the comparison', () => {
    expect(parseRoute('#/ecosystem?territory=CA/quebec').page).toBe('ecosystem');
    const route = parseRoute(compareHref(['CA/quebec', 'CA/ontario']));
    expect(route.page).toBe('ecosystem_compare');
    expect(compareQueryOf(route.params)).toEqual(['CA/quebec', 'CA/ontario']);
  });
});
