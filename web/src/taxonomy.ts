// Taxonomy labels (code -> label) per scheme and language, fetched once and cached for the session.

import { api } from './api';
import type { Term } from './types';

export const SCHEMES = {
  activities: 'activities-ica',
  structures: 'organisational-structure',
  membership: 'base-membership-type',
  qualifiers: 'qualifiers',
  countries: 'countries',
} as const;

export type Labels = ReadonlyMap<string, string>;
export type TermLoader = (scheme: string, lang: string) => Promise<Term[]>;

const defaultLoader: TermLoader = async (scheme, lang) => (await api.taxonomy(scheme, lang)).terms;

/** A cache of label maps; a failed load is forgotten so that a later call retries. */
export class TaxonomyCache {
  private readonly entries = new Map<string, Promise<Labels>>();

  constructor(private readonly load: TermLoader = defaultLoader) {}

  labels(scheme: string, lang: string): Promise<Labels> {
    const key = `${scheme}:${lang}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.load(scheme, lang).then((terms) => toLabels(terms));
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Like labels, but an empty map on failure: pages then show codes instead of labels. */
  async labelsOrEmpty(scheme: string, lang: string): Promise<Labels> {
    try {
      return await this.labels(scheme, lang);
    } catch {
      return new Map();
    }
  }
}

export function toLabels(terms: readonly Term[]): Labels {
  return new Map(terms.map((term) => [term.code, term.label]));
}

/** The label of code, or the code itself when the taxonomy does not know it. */
export function labelOf(labels: Labels, code: string | null | undefined): string {
  if (!code) return '';
  return labels.get(code) ?? code;
}

/** Terms sorted by label in the given language, for <select> options. */
export function sortedTerms(labels: Labels, lang: string): Term[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return [...labels]
    .map(([code, label]) => ({ code, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export const taxonomies = new TaxonomyCache();
