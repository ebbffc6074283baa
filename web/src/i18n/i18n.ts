// The interface language: the message catalogue, the current language (remembered in
// localStorage and mirrored in <html lang>) and the refresh of translated elements.

import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

export type { MessageKey };

export const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Catalogue = Record<MessageKey, string>;
export const CATALOGUES: Record<Lang, Catalogue> = { en, fr, es, pt };

/** Each language's name in that language (shown as is in the switch, whatever the current one). */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
};

export const STORAGE_KEY = 'ecosol.lang';

let current: Lang = 'en';
const listeners = new Set<(lang: Lang) => void>();

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function getLang(): Lang {
  return current;
}

/** The message for key in the current language, with {name} placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(CATALOGUES[current][key] ?? en[key], params);
}

/** The message for a key made at run time (e.g. from data), or null when the catalogue lacks it. */
export function tMaybe(key: string, params?: Record<string, string | number>): string | null {
  return key in en ? t(key as MessageKey, params) : null;
}

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The stored choice, else the first supported browser language, else English. */
export function pickInitialLang(stored: string | null, browser: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function initLang(storage: Storage | null, browser: readonly string[]): Lang {
  current = pickInitialLang(readStored(storage), browser);
  document.documentElement.lang = current;
  return current;
}

/** Switches the language, remembers it, and tells the listeners (which re-render). */
export function setLang(lang: Lang, storage: Storage | null = safeStorage()): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-translates the elements under root made with h({i18n}) or h({i18nAttrs}). */
export function translateTree(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attrs]')) {
    for (const pair of (el.dataset.i18nAttrs ?? '').split(';')) {
      const [name, key] = pair.split(':');
      if (name && key) el.setAttribute(name, t(key as MessageKey));
    }
  }
}

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readStored(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
