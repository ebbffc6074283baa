import { describe, expect, it } from 'vitest';
import {
  bindingConstraints,
  centsFromInput,
  formatCents,
  impactRatio,
  inputFromCents,
  parseAllocation,
  parseFundView,
  parseFunderList,
  parseFunderMatch,
  parseFunderRecord,
  parseLoanBook,
} from './finance';
import {
  ALLOCATION,
  APPLICANTS,
  FUNDER_RECORD,
  FUNDERS,
  LOAN_BOOK,
  fundView,
} from './finance.fixture';

describe('centsFromInput', () => {
  it('reads amounts in currency units as whole cents', () => {
    expect(centsFromInput('25000')).toBe(2500000);
    expect(centsFromInput('25000.5')).toBe(2500050);
    expect(centsFromInput('25 000,50')).toBe(2500050);
    expect(centsFromInput('1,250,000.75')).toBe(125000075);
    expect(centsFromInput('1.250.000,75')).toBe(125000075);
    expect(centsFromInput('0')).toBe(0);
    // 0.1 + 0.2 style errors must not reach the server: cents are counted, not multiplied.
    expect(centsFromInput('0.29')).toBe(29);
  });

  it('refuses what is not a non-negative amount', () => {
    for (const bad of ['', '-5', 'abc', '1e5', '12.3.4,5x', ',5']) {
      expect(centsFromInput(bad), bad).toBeNull();
    }
  });

  it('writes cents back for the input', () => {
    expect(inputFromCents(2500050)).toBe('25000.50');
  });
});

describe('impactRatio', () => {
  it('is the MIP impact over the greedy impact', () => {
    const a = parseAllocation(ALLOCATION);
    expect(impactRatio(a)).toBeCloseTo(1.25, 10);
  });

  it('is null when greedy funds no impact', () => {
    const a = parseAllocation({ ...ALLOCATION, greedy: { ...ALLOCATION.greedy, impact: 0 } });
    expect(impactRatio(a)).toBeNull();
  });
});

describe('parsers', () => {
  it('reads a fund with its tranches in loss order and its saved allocation', () => {
    const view = parseFundView(fundView());
    expect(view.fund.tranches.map((t) => t.id)).toEqual(['grant', 'sub', 'senior']);
    expect(view.losses).toHaveLength(11);
    expect(view.waterfall.loss).toBe(10000000);
    expect(parseAllocation(view.allocation?.doc).status).toBe('optimal');
  });

  it('keeps only binding rules, the costliest first', () => {
    expect(bindingConstraints(parseAllocation(ALLOCATION)).map((c) => c.id)).toEqual([
      'budget',
      'north',
    ]);
  });

  it('sorts the loan book by days in arrears', () => {
    expect(parseLoanBook(LOAN_BOOK).loans.map((l) => l.id)).toEqual(['L-3', 'L-2', 'L-1']);
  });

  it('rejects answers that are not what was asked', () => {
    expect(() => parseFundView({})).toThrow(/no fund/);
    expect(() => parseLoanBook({ loans: [] })).toThrow(/portfolio at risk/);
    expect(() => parseAllocation({})).toThrow(/solver status/);
    expect(() => parseFunderList({})).toThrow(/no list of funders/);
    expect(() => parseFunderMatch({ ordered_by: [] })).toThrow(/no list of results/);
    expect(() => parseFunderRecord({ ...FUNDER_RECORD, kind: 'fund' })).toThrow(/no funder/);
  });

  it('reads funders: "any" as empty lists and null amounts, the deleted left out', () => {
    const [fiducie, risq] = parseFunderList(FUNDERS);
    expect(parseFunderList(FUNDERS)).toHaveLength(2);
    expect(risq).toMatchObject({ id: 'risq', amountMin: null, amountMax: 250000, regions: [] });
    expect(fiducie).toEqual(parseFunderRecord(FUNDER_RECORD));
    expect(fiducie).toMatchObject({ legalForms: ['cooperative', 'association'], sectors: [] });
    const third = parseFunderMatch(APPLICANTS).results[2];
    expect(third).toMatchObject({ rank: 3, organisation: 'za-township-stokvel' });
    expect(third?.conditions[1]).toEqual({
      condition: 'region',
      outcome: 'failed',
      detail: 'ZA is not among CA',
      change: 'the funder accepts only CA',
    });
  });

  it('formats cents in the currency of the language', () => {
    expect(formatCents(2500050, 'EUR', 'en')).toBe('€25,000.50');
    expect(formatCents(2500050, '', 'en')).toBe('25,000.50');
  });
});
