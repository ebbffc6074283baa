// An actor's figures by year (GET /actors/{id}/indicators): one table per source, a row per figure
// (turnover, members...), a column per period, and a last row with the end of the financial year
// each period's figures describe. Co-operatives UK repeats an organisation's last accounts in the
// years after them; those periods say "same accounts as 2012" so that a flat line is not misread.

import { h } from '../dom';
import { formatDate } from '../format';
import { t, type MessageKey } from '../i18n/i18n';
import type { Indicator } from '../types';

/** Known figures, in the order they are shown; others follow by name. */
const FIGURE_LABELS: [string, MessageKey][] = [
  ['turnover', 'indicator.turnover'],
  ['profit_before_tax', 'indicator.profitBeforeTax'],
  ['member_funds', 'indicator.memberFunds'],
  ['members', 'indicator.members'],
  ['employees', 'indicator.employees'],
];

/** The tables, or null when there is no figure (the profile then leaves the section out). */
export function indicatorTables(items: Indicator[], lang: string): HTMLElement | null {
  if (items.length === 0) return null;
  const sources = [...new Set(items.map((i) => i.source))].sort();
  return h(
    'div',
    { className: 'indicator-tables', testId: 'indicator-tables' },
    ...sources.map((source) =>
      sourceTable(
        source,
        items.filter((i) => i.source === source),
        lang,
      ),
    ),
  );
}

/** The label of a figure: the catalogue's for known names, the name itself otherwise. */
export function figureLabel(name: string): string {
  const known = FIGURE_LABELS.find(([key]) => key === name);
  return known ? t(known[1]) : name;
}

/** A value in its unit: money in its currency, people as a count, anything else with its unit. */
export function formatFigure(value: number, unit: string, lang: string): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  if (/^[A-Z]{3}$/.test(unit)) {
    try {
      return new Intl.NumberFormat(lang, {
        style: 'currency',
        currency: unit,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch {
      // Not a currency Intl knows: shown as a number with its unit below.
    }
  }
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return unit === 'people' || unit === '' ? number : `${number} ${unit}`;
}

function sourceTable(source: string, items: Indicator[], lang: string): HTMLElement {
  const periods = [...new Set(items.map((i) => i.period))].sort();
  const order = (name: string) => {
    const at = FIGURE_LABELS.findIndex(([key]) => key === name);
    return at < 0 ? FIGURE_LABELS.length : at;
  };
  const names = [...new Set(items.map((i) => i.name))].sort(
    (a, b) => order(a) - order(b) || a.localeCompare(b),
  );
  const cell = (name: string, period: string) => {
    const found = items.find((i) => i.name === name && i.period === period);
    return h('td', {
      className: 'figure',
      text: found ? formatFigure(found.value, found.unit, lang) : '',
    });
  };
  const head = h(
    'tr',
    {},
    h('th', { i18n: 'indicators.figure', attrs: { scope: 'col' } }),
    ...periods.map((p) => h('th', { text: p, attrs: { scope: 'col' } })),
  );
  const rows = names.map((name) =>
    h(
      'tr',
      { testId: `indicator-${name}` },
      h('th', { text: figureLabel(name), attrs: { scope: 'row' } }),
      ...periods.map((p) => cell(name, p)),
    ),
  );
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'indicators', testId: 'indicator-table' },
      h('caption', { text: t('indicators.source', { source }) }),
      h('thead', {}, head),
      h('tbody', {}, ...rows, yearEndRow(items, periods, lang)),
    ),
  );
}

/** The year ends of each period; a period with the previous one's accounts says so. */
function yearEndRow(items: Indicator[], periods: string[], lang: string): HTMLElement {
  const endsOf = (period: string) =>
    [...new Set(items.filter((i) => i.period === period && i.as_of).map((i) => i.as_of))].sort();
  let previous: { period: string; ends: string } | null = null;
  const cells = periods.map((period) => {
    const ends = endsOf(period);
    const text = ends.map((d) => formatDate(d, lang)).join(', ');
    const key = ends.join(',');
    const carriedFrom =
      previous !== null && key !== '' && previous.ends === key ? previous.period : null;
    if (carriedFrom === null) previous = { period, ends: key };
    const note = carriedFrom ? ` (${t('indicators.sameAccounts', { period: carriedFrom })})` : '';
    return h('td', { className: carriedFrom ? 'year-end carried' : 'year-end', text: text + note });
  });
  return h(
    'tr',
    { className: 'year-end-row', testId: 'indicator-year-end' },
    h('th', { i18n: 'indicators.yearEnd', attrs: { scope: 'row' } }),
    ...cells,
  );
}
