import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, sameFilters } from './filters';

describe('filters', () => {
  it('keeps known, non-blank parameters', () => {
    const params = new URLSearchParams('q=%20coop%20&kind=&country=GB&page=3');
    expect(filtersFromParams(params)).toEqual({ q: 'coop', country: 'GB' });
  });

  it('writes parameters in a stable order', () => {
    expect(filtersToParams({ structure: 'OS115', q: 'x' }).toString()).toBe('q=x&structure=OS115');
  });

  it('keeps the screening verdict with the other filters', () => {
    const filters = filtersFromParams(new URLSearchParams('country=FR&verdict=inconsistent'));
    expect(filters).toEqual({ country: 'FR', verdict: 'inconsistent' });
    expect(filtersToParams(filters).toString()).toBe('country=FR&verdict=inconsistent');
  });

  it('compares ignoring order and blanks', () => {
    expect(sameFilters({ q: 'a', kind: 'network' }, { kind: 'network', q: 'a', country: '' })).toBe(
      true,
    );
    expect(sameFilters({ q: 'a' }, { q: 'b' })).toBe(false);
  });
});
