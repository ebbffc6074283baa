import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  casesUrl,
  clearFilters,
  DEFAULT_LIMIT,
  knowledgeHref,
  knowledgeQueryOf,
  pagingOf,
  toggleFilter,
} from './knowledge_query';
import { parseRoute } from './router';

const query = (hash: string) => knowledgeQueryOf(parseRoute(hash).params);

describe('knowledge search in the URL', () => {
  it('reads words, repeated facets, offset and limit, ignoring blanks, repeats and unknown keys', () => {
    const q = query(
      '#/knowledge?q=+rickshaw+&sdg=5&sdg=11&sdg=5&country=IN&theme=&x=1&offset=20&limit=10',
    );
    expect(q.q).toBe('rickshaw');
    expect(q.filters.sdg).toEqual(['5', '11']);
    expect(q.filters.country).toEqual(['IN']);
    expect(q.filters.theme).toEqual([]);
    expect(q.offset).toBe(20);
    expect(q.limit).toBe(10);
  });

  it('falls back to the first page and the default size for bad numbers', () => {
    const q = query('#/knowledge?offset=-3&limit=abc');
    expect(q.offset).toBe(0);
    expect(q.limit).toBe(DEFAULT_LIMIT);
    expect(query('#/knowledge?limit=5000').limit).toBe(100);
  });

  it('round-trips through the hash in a stable order, leaving defaults out', () => {
    const href = '#/knowledge?q=rickshaw&sdg=5&sdg=11&country=IN&offset=20';
    expect(knowledgeHref(query(href))).toBe(href);
    expect(knowledgeHref(query('#/knowledge?country=IN&q=x'))).toBe('#/knowledge?q=x&country=IN');
    expect(knowledgeHref(query('#/knowledge'))).toBe('#/knowledge');
  });

  it('toggles a facet value on and off, back to the first page', () => {
    const q = query('#/knowledge?q=x&sdg=5&offset=40');
    const on = toggleFilter(q, 'sdg', '11');
    expect(knowledgeHref(on)).toBe('#/knowledge?q=x&sdg=5&sdg=11');
    const off = toggleFilter(on, 'sdg', '5');
    expect(knowledgeHref(off)).toBe('#/knowledge?q=x&sdg=11');
    expect(q.filters.sdg).toEqual(['5']);
  });

  it('lists the active filters and clears them, keeping the words', () => {
    const q = query('#/knowledge?q=x&stage=idea&sdg=5');
    expect(activeFilters(q)).toEqual([
      { facet: 'sdg', value: '5' },
      { facet: 'stage', value: 'idea' },
    ]);
    expect(knowledgeHref(clearFilters(q))).toBe('#/knowledge?q=x');
  });

  it('asks the API with the limit, offset and language always given', () => {
    expect(casesUrl(query('#/knowledge?q=x&sdg=5&sdg=11'), 'fr')).toBe(
      '/api/v1/knowledge/cases?q=x&sdg=5&sdg=11&limit=20&offset=0&lang=fr',
    );
  });
});

describe('pagingOf', () => {
  it('gives the range shown and the neighbouring pages', () => {
    const q = query('#/knowledge?offset=20&limit=10');
    expect(pagingOf(q, 45, 10)).toEqual({ from: 21, to: 30, previous: 10, next: 30 });
    expect(pagingOf(query('#/knowledge'), 3, 3)).toEqual({
      from: 1,
      to: 3,
      previous: null,
      next: null,
    });
    expect(pagingOf(query('#/knowledge?offset=5&limit=10'), 40, 10).previous).toBe(0);
    expect(pagingOf(query('#/knowledge?offset=60'), 40, 0)).toMatchObject({ from: 0, next: null });
  });
});
