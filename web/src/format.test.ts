import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, pickLocalized, safeHttpUrl } from './format';

describe('safeHttpUrl', () => {
  it('keeps http and https links', () => {
    expect(safeHttpUrl('https://tiess.ca/')).toBe('https://tiess.ca/');
  });
  it('adds https to a bare host', () => {
    expect(safeHttpUrl('www.ripess.org')).toBe('https://www.ripess.org/');
  });
  it('refuses other schemes', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
  });
  it('returns null for nothing', () => {
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('pickLocalized', () => {
  it('prefers the language, then English, then any', () => {
    expect(pickLocalized({ en: 'a', fr: 'b' }, 'fr')).toBe('b');
    expect(pickLocalized({ en: 'a', fr: 'b' }, 'pt')).toBe('a');
    expect(pickLocalized({ es: 'c' }, 'pt')).toBe('c');
    expect(pickLocalized({}, 'pt')).toBeNull();
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting the day', () => {
    expect(formatDate('1990-01-01', 'en')).toBe('January 1, 1990');
    expect(formatDate('1990-01-01', 'fr')).toBe('1 janvier 1990');
  });
  it('returns unparseable text as is', () => {
    expect(formatDate('around 1990', 'en')).toBe('around 1990');
  });
});

describe('formatBytes', () => {
  it('picks the unit and one decimal below ten', () => {
    expect(formatBytes(850, 'en')).toBe('850 bytes');
    expect(formatBytes(12_345, 'en')).toBe('12 kB');
    expect(formatBytes(2_100_000, 'en')).toBe('2.1 MB');
  });
  it("writes numbers and units the reader's way", () => {
    expect(formatBytes(2_100_000, 'fr').replace(/\s/, ' ')).toBe('2,1 Mo');
  });
});
