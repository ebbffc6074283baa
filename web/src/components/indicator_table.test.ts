// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import type { Indicator } from '../types';
import { figureLabel, formatFigure, indicatorTables } from './indicator_table';

function figure(
  name: string,
  period: string,
  value: number,
  as_of: string,
  source = 'coops-uk-economy',
): Indicator {
  const unit = name === 'members' || name === 'employees' ? 'people' : 'GBP';
  return { name, period, value, unit, source, as_of, recorded_at: '2026-11-29T10:00:00Z' };
}

/** The figures tables of a rendering (which must have some). */
function tablesOf(root: HTMLElement | null): Element[] {
  if (!root) throw new Error('no figures tables');
  return [...root.querySelectorAll('[data-testid="indicator-table"]')];
}

/** The text of each row: its header, then its cells. */
function rows(table: Element | undefined): string[][] {
  if (!table) throw new Error('no such table');
  return [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')),
  );
}

const ITEMS: Indicator[] = [
  figure('employees', '2014', 12, '2014-03-31'),
  figure('members', '2014', 250, '2014-03-31'),
  figure('members', '2015', 250, '2014-03-31'),
  figure('profit_before_tax', '2014', -1500.5, '2014-03-31'),
  figure('turnover', '2014', 1250000, '2014-03-31'),
  figure('turnover', '2015', 1250000, '2014-03-31'),
  figure('turnover', '2016', 1300000, '2016-03-31'),
];

describe('indicatorTables', () => {
  afterEach(() => setLang('en', null));

  it('lays the figures out by year, known figures first, with the year ends', () => {
    const tables = tablesOf(indicatorTables(ITEMS, 'en'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.querySelector('caption')?.textContent).toBe('Source: coops-uk-economy');
    expect(rows(tables[0])).toEqual([
      ['Figure', '2014', '2015', '2016'],
      ['Turnover', '£1,250,000', '£1,250,000', '£1,300,000'],
      ['Profit before tax', '-£1,500.50', '', ''],
      ['Members', '250', '250', ''],
      ['Employees', '12', '', ''],
      ['Year end', 'March 31, 2014', 'March 31, 2014 (same accounts as 2014)', 'March 31, 2016'],
    ]);
    // Row headers and column headers are marked as such for screen readers.
    expect(tables[0]?.querySelectorAll('th[scope="col"]')).toHaveLength(4);
    expect(tables[0]?.querySelectorAll('th[scope="row"]')).toHaveLength(5);
  });

  it('makes one table per source and keeps unknown figures under their own name', () => {
    const tables = tablesOf(
      indicatorTables(
        [
          ...ITEMS.slice(0, 1),
          { ...figure('volunteers', '2014', 30, '', 'network-survey'), unit: 'people' },
          { ...figure('surplus', '2014', 10, ''), unit: 'EUR', source: 'network-survey' },
        ],
        'en',
      ),
    );
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'Source: coops-uk-economy',
      'Source: network-survey',
    ]);
    expect(rows(tables[1]).slice(1)).toEqual([
      ['surplus', '€10'],
      ['volunteers', '30'],
      ['Year end', ''],
    ]);
  });

  it('is left out when there is no figure', () => {
    expect(indicatorTables([], 'en')).toBeNull();
  });

  it('speaks the reader’s language', () => {
    setLang('fr', null);
    const [table] = tablesOf(indicatorTables(ITEMS, 'fr'));
    const text = rows(table);
    expect(text[0]?.[0]).toBe('Indicateur');
    expect(text[1]?.slice(0, 2)).toEqual(['Chiffre d’affaires', '1 250 000 £GB']);
    expect(text[5]?.[0]).toBe('Clôture de l’exercice');
    expect(text[5]?.[2]).toBe('31 mars 2014 (mêmes comptes qu’en 2014)');
    expect(table?.querySelector('caption')?.textContent).toBe('Source : coops-uk-economy');
  });
});

describe('formatFigure', () => {
  it('writes money in its currency, people as a count and other units after the number', () => {
    expect(formatFigure(9301000000, 'GBP', 'en')).toBe('£9,301,000,000');
    expect(formatFigure(69078, 'people', 'en')).toBe('69,078');
    expect(formatFigure(2.5, 'tonnes', 'en')).toBe('2.5 tonnes');
    expect(formatFigure(7, 'XYZ1', 'en')).toBe('7 XYZ1');
  });

  it('names known figures in the catalogue and others as they are', () => {
    expect(figureLabel('member_funds')).toBe('Member funds');
    expect(figureLabel('volunteers')).toBe('volunteers');
  });
});
