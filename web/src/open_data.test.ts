import { describe, expect, it } from 'vitest';
import {
  DATA_FORMATS,
  fileStem,
  guessFormat,
  IMPORT_FORMATS,
  importMediaType,
  isImportReport,
  needsMapping,
  parseClaims,
  parseImportReport,
} from './open_data';

describe('formats', () => {
  it('imports every export format but Kumu', () => {
    expect(DATA_FORMATS).toHaveLength(6);
    expect(IMPORT_FORMATS.map((f) => f.id)).not.toContain('kumu');
    expect(IMPORT_FORMATS).toHaveLength(8);
  });

  it('imports spreadsheets through a mapping without exporting them', () => {
    expect(IMPORT_FORMATS.map((f) => f.id)).toEqual(
      expect.arrayContaining(['csv', 'coops-uk', 'coops-uk-economy']),
    );
    expect(DATA_FORMATS.map((f) => f.id)).not.toContain('csv');
    expect(needsMapping('csv')).toBe(true);
    expect(needsMapping('essglobal-csv')).toBe(false);
  });

  it('guesses nothing from an unknown or missing extension', () => {
    expect(guessFormat('notes.txt')).toBeNull();
    expect(guessFormat('README')).toBeNull();
    expect(guessFormat('.csv')).toBeNull();
  });

  it('sends a Murmurations CSV as CSV and its profiles as JSON, never as a form', () => {
    expect(importMediaType('murmurations', 'batch.CSV')).toBe('text/csv');
    expect(importMediaType('murmurations', 'profiles.json')).toBe('application/json');
    for (const f of IMPORT_FORMATS) {
      expect(importMediaType(f.id, `x.${f.extension}`)).not.toMatch(/form/);
    }
  });
});

describe('fileStem', () => {
  it('drops only the last extension', () => {
    expect(fileStem('coops-uk.2023.csv')).toBe('coops-uk.2023');
    expect(fileStem('README')).toBe('README');
    expect(fileStem('.hidden')).toBe('.hidden');
  });
});

describe('parseClaims', () => {
  it('splits on commas, trims, and drops blanks and repeats', () => {
    expect(parseClaims(' cooperative, ,mutual,cooperative ')).toEqual(['cooperative', 'mutual']);
    expect(parseClaims('')).toEqual([]);
  });
});

describe('isImportReport', () => {
  it('tells a report from other error details', () => {
    const report = { imported: 0, updated: 0, unchanged: 0, rejected: [], committed: false };
    expect(isImportReport(report)).toBe(true);
    expect(isImportReport({ field: 'format' })).toBe(false);
    expect(isImportReport(null)).toBe(false);
    expect(isImportReport({ ...report, rejected: 'x' })).toBe(false);
  });
});

describe('parseImportReport', () => {
  it('keeps a well-formed report as it is', () => {
    const report = {
      imported: 2,
      updated: 1,
      unchanged: 0,
      rejected: [{ line: 3, field: 'name', message: 'is required' }],
      committed: true,
    };
    expect(parseImportReport(report)).toEqual(report);
  });

  it('refuses what is not a report, and reads odd rows and flags as empty', () => {
    expect(parseImportReport({ actors: 1, assessments: 2, verdicts: {} })).toBeNull();
    expect(parseImportReport('done')).toBeNull();
    const odd = { imported: 1, updated: 0, unchanged: 0, rejected: [null, { line: -1 }] };
    expect(parseImportReport(odd)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 0, field: '', message: '' },
        { line: 0, field: '', message: '' },
      ],
      committed: false,
    });
  });
});
