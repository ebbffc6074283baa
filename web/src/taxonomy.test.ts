import { describe, expect, it, vi } from 'vitest';
import { labelOf, sortedTerms, TaxonomyCache, toLabels } from './taxonomy';

describe('TaxonomyCache', () => {
  it('loads each scheme and language once', async () => {
    const load = vi.fn(async (_scheme: string, lang: string) => [
      { code: 'OS115', label: lang === 'fr' ? 'Coopérative' : 'Co-operative' },
    ]);
    const cache = new TaxonomyCache(load);
    await cache.labels('organisational-structure', 'fr');
    const labels = await cache.labels('organisational-structure', 'fr');
    expect(labels.get('OS115')).toBe('Coopérative');
    expect(load).toHaveBeenCalledTimes(1);
    await cache.labels('organisational-structure', 'en');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('retries after a failure, and labelsOrEmpty never rejects', async () => {
    let calls = 0;
    const cache = new TaxonomyCache(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return [{ code: 'ICA140', label: 'Retail' }];
    });
    expect((await cache.labelsOrEmpty('activities-ica', 'en')).size).toBe(0);
    expect((await cache.labels('activities-ica', 'en')).get('ICA140')).toBe('Retail');
  });
});

describe('labels', () => {
  const labels = toLabels([
    { code: 'b', label: 'Élevage' },
    { code: 'a', label: 'Zoo' },
    { code: 'c', label: 'abeilles' },
  ]);

  it('falls back to the code', () => {
    expect(labelOf(labels, 'a')).toBe('Zoo');
    expect(labelOf(labels, 'ICA999')).toBe('ICA999');
    expect(labelOf(labels, null)).toBe('');
  });

  it('sorts by label, ignoring case and accents', () => {
    expect(sortedTerms(labels, 'fr').map((term) => term.code)).toEqual(['c', 'b', 'a']);
  });
});
