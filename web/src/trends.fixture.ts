// A trends answer as trends_json.cc writes it without ?lang=, for the unit tests.

const year = (y: number, births: number, deaths: number, start: number, extra = {}) => ({
  year: y,
  births,
  deaths,
  active_start: start,
  active_end: start + births - deaths,
  net_change: births - deaths,
  birth_rate: start ? (100 * births) / start : null,
  death_rate: start ? (100 * deaths) / start : null,
  indicators: {},
  ...extra,
});

const SAME_NONE = { actors: 0, previous: 0, current: 0, change: null, change_pct: null };

/** As trends_json.cc writes it without ?lang= (texts in the four languages). */
export const TRENDS = {
  query: { territory: 'GB/wales', dimension: 'kind', from: null, to: null, indicators: [] },
  from: 2012,
  to: 2014,
  indicators: [{ name: 'turnover', unit: 'GBP', figures: 3, other_units: 1 }],
  total: {
    key: 'all',
    actors: 4,
    unknown_founded: 1,
    unknown_founded_dissolved: 0,
    unusable_dissolved: 0,
    summary: {
      births: 3,
      deaths: 1,
      active_start: 0,
      active_end: 2,
      cagr: null,
      peak_birth_year: 2012,
      peak_births: 2,
      peak_death_year: 2014,
      peak_deaths: 1,
      text: { en: 'All organisations, Wales: 3 births.', fr: 'Toutes les organisations : 3.' },
    },
    // Out of order on purpose: the reader sorts them.
    years: [
      year(2013, 1, 0, 2, {
        indicators: {
          turnover: {
            sum: 300,
            count: 2,
            median: 150,
            repeated: 0,
            same_sample: { actors: 1, previous: 100, current: 120, change: 20, change_pct: 20 },
          },
        },
      }),
      year(2012, 2, 0, 0, {
        indicators: {
          turnover: { sum: 100, count: 1, median: 100, repeated: 0, same_sample: SAME_NONE },
        },
      }),
      year(2014, 0, 1, 3),
    ],
  },
  groups: [
    {
      key: 'organisation',
      actors: 4,
      unknown_founded: 1,
      unknown_founded_dissolved: 0,
      unusable_dissolved: 0,
      summary: { births: 3, deaths: 1, text: 'Organisation: 3 births.' },
      years: [year(2012, 2, 0, 0)],
    },
  ],
  groups_overlap: false,
  warnings: [
    {
      actor_id: 'a1',
      field: 'founded',
      value: 'soon',
      kind: 'founded',
      message: 'not a date (YYYY...)',
    },
    {
      actor_id: '',
      field: 'indicator:turnover',
      value: '',
      kind: 'other_units',
      message: '1 figures in another unit than GBP are left out of the sums',
    },
  ],
  warnings_total: 2,
};
