import { describe, expect, it } from 'vitest';
import { WATCHES } from './knowledge.fixture';
import { knowledgeHref, knowledgeQueryOf } from './knowledge_query';
import {
  canFollow,
  feedUrl,
  parseWatch,
  parseWatches,
  watchBody,
  watchFeedUrl,
  watchUrl,
} from './knowledge_watch';

const query = (hash: string) => knowledgeQueryOf(new URLSearchParams(hash));

describe('parseWatches', () => {
  it('reads each watch and the search it follows', () => {
    const [w] = parseWatches(WATCHES);
    expect(w?.id).toBe('w-1');
    expect(w?.name).toBe('Rickshaws');
    expect(w?.createdAt).toBe('2026-11-30T05:10:52Z');
    // SDGs kept as numbers come back as text, as the URL and the API's filters use them.
    expect(w?.query.filters.sdg).toEqual(['5', '11']);
    expect(w && knowledgeHref(w.query)).toBe('#/knowledge?q=rickshaw&sdg=5&sdg=11&country=IN');
  });

  it('ignores unknown keys and values that are not text, and leaves out watches without id', () => {
    const list = parseWatches({
      items: [
        { id: 'w-2', query: { q: 3, theme: ['food', null, ' food '], colour: ['red'] } },
        { name: 'no id' },
        'w-3',
      ],
    });
    expect(list).toHaveLength(1);
    expect(list[0]?.query.q).toBe('');
    expect(list[0]?.query.filters.theme).toEqual(['food']);
    expect(list[0]?.name).toBe('');
  });

  it('refuses answers that are not watches', () => {
    expect(() => parseWatches({ items: null })).toThrow(/items are required/);
    expect(() => parseWatches('[]')).toThrow(/not a list of saved searches/);
    expect(() => parseWatch({ name: 'x' })).toThrow(/id is required/);
  });
});

describe('watchBody and canFollow', () => {
  it('saves the words and the filters, not the page', () => {
    const q = query('q= rickshaw &sdg=5&sdg=11&country=IN&offset=40&limit=50');
    expect(canFollow(q)).toBe(true);
    expect(watchBody(' Rickshaws ', q)).toEqual({
      name: 'Rickshaws',
      q: 'rickshaw',
      sdg: ['5', '11'],
      country: ['IN'],
    });
  });

  it('follows filters alone, and nothing at all is not followed', () => {
    expect(canFollow(query('theme=food'))).toBe(true);
    expect(watchBody('Food', query('theme=food'))).toEqual({ name: 'Food', theme: ['food'] });
    expect(canFollow(query('offset=20'))).toBe(false);
  });
});

describe('feed URLs', () => {
  it('gives the feed of a search without paging, in the reader’s language', () => {
    expect(feedUrl(query('q=e-rickshaw+%26+co&sdg=5&sdg=11&offset=20&limit=5'), 'fr')).toBe(
      '/api/v1/knowledge/feed?q=e-rickshaw+%26+co&sdg=5&sdg=11&lang=fr',
    );
    expect(feedUrl(query(''), 'en')).toBe('/api/v1/knowledge/feed?lang=en');
    expect(feedUrl(query(''), '')).toBe('/api/v1/knowledge/feed');
  });

  it('gives the feed and the address of a watch, its id encoded', () => {
    expect(watchFeedUrl('w-1', 'pt')).toBe('/api/v1/knowledge/watches/w-1/feed?lang=pt');
    expect(watchFeedUrl('a/b', '')).toBe('/api/v1/knowledge/watches/a%2Fb/feed');
    expect(watchUrl('w 1')).toBe('/api/v1/knowledge/watches/w%201');
  });
});
