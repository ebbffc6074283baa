// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { setLang } from './i18n/i18n';
import { FACETS } from './knowledge';
import { ENUMS, enumLabel, facetValueLabel } from './knowledge_labels';

describe('knowledge labels', () => {
  afterEach(() => setLang('en', null));

  it('has a catalogue entry for every value of every enumeration and every facet', () => {
    const keys = [
      ...Object.entries(ENUMS).flatMap(([group, values]) =>
        values.map((v) => `knowledge.${group}.${v}`),
      ),
      ...FACETS.map((f) => `knowledge.facet.${f}`),
    ];
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it('words values in the current language and shows unknown ones as they are', () => {
    setLang('fr', null);
    expect(enumLabel('stage', 'testing')).toBe('expérimentation');
    expect(enumLabel('verdict', 'fits')).toBe(
      'compatible : toutes les dépendances sont satisfaites',
    );
    expect(enumLabel('stage', 'someday')).toBe('someday');
  });

  it('words facet values: SDGs, enumerations, countries and languages', () => {
    expect(facetValueLabel('sdg', '5', 'en')).toBe('SDG 5');
    expect(facetValueLabel('policy_field', 'health_social_care', 'en')).toBe(
      'health and social care',
    );
    expect(facetValueLabel('country', 'IN', 'en')).toBe('India');
    expect(facetValueLabel('language', 'fr', 'en')).toBe('French');
    expect(facetValueLabel('language', 'und', 'en')).toBe('language not stated');
    expect(facetValueLabel('theme', 'mobility', 'en')).toBe('mobility');
  });
});
