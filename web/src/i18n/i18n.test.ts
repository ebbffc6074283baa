// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import {
  CATALOGUES,
  format,
  getLang,
  LANGUAGES,
  pickInitialLang,
  setLang,
  STORAGE_KEY,
  t,
  translateTree,
} from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogue', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)('%s has a non-blank text for every key', (lang) => {
    const blank = keys.filter((key) => !CATALOGUES[lang][key as keyof typeof en]?.trim());
    expect(blank).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English', (lang) => {
    const catalogue = CATALOGUES[lang];
    const wrong = keys.filter(
      (key) =>
        placeholders(catalogue[key as keyof typeof en]).join() !==
        placeholders(en[key as keyof typeof en]).join(),
    );
    expect(wrong).toEqual([]);
  });

  it('translates the navigation differently in each language', () => {
    const labels = LANGUAGES.map((lang) => CATALOGUES[lang]['nav.directory']);
    expect(new Set(labels).size).toBe(LANGUAGES.length);
  });

  it.each([
    'account.',
    'signin.',
    'password.',
    'tokens.',
    'users.',
    'audit.',
    'edit.',
    'visibility.',
    'data.',
    'partners.',
    'trends.',
    'report.',
    'suppliers.',
    'knowledge.',
    'finance.',
    'decide.',
  ])('has the %s texts in every language, translated', (prefix) => {
    const own = keys.filter((key) => key.startsWith(prefix)) as (keyof typeof en)[];
    expect(own.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      if (lang === 'en') continue;
      // A few words are the same across languages (Action, Contact...), most are not.
      const same = own.filter((key) => CATALOGUES[lang][key] === en[key]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(own.length / 4);
    }
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{n} of {m}', { n: 3 })).toBe('3 of {m}');
  });
});

describe('pickInitialLang', () => {
  it('prefers the stored choice', () => {
    expect(pickInitialLang('pt', ['fr-FR'])).toBe('pt');
  });
  it('falls back to the first supported browser language', () => {
    expect(pickInitialLang(null, ['de-DE', 'es-MX', 'fr'])).toBe('es');
  });
  it('ignores a stored value that is not a language, and defaults to English', () => {
    expect(pickInitialLang('xx', ['de'])).toBe('en');
  });
});

describe('setLang', () => {
  afterEach(() => setLang('en'));

  it('switches t(), <html lang> and remembers the choice', () => {
    setLang('fr', localStorage);
    expect(getLang()).toBe('fr');
    expect(t('nav.map')).toBe('Carte');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('fr');
  });

  it('re-translates marked elements and attributes', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<a data-i18n="nav.directory">Directory</a><nav data-i18n-attrs="aria-label:nav.label"></nav>';
    setLang('es', null);
    translateTree(root);
    expect(root.querySelector('a')?.textContent).toBe('Directorio');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Navegación principal');
  });
});
