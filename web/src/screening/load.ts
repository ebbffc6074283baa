// The frameworks and the fact catalogue, fetched once per page load and shared by the pages
// (they change only when the server restarts with new framework files).

import { screeningApi } from '../api';
import type { FactSpec, Framework } from './types';

let frameworks: Promise<Framework[]> | null = null;
let facts: Promise<FactSpec[]> | null = null;

/** Every framework document, in the server's order. A failure is not remembered. */
export function loadFrameworks(): Promise<Framework[]> {
  if (!frameworks) {
    const loading = screeningApi
      .frameworks()
      .then(({ items }) => Promise.all(items.map((f) => screeningApi.framework(f.id))));
    frameworks = loading;
    loading.catch(() => {
      if (frameworks === loading) frameworks = null;
    });
  }
  return frameworks;
}

/** The facts a profile may hold (frameworks/facts.yaml). A failure is not remembered. */
export function loadFacts(): Promise<FactSpec[]> {
  if (!facts) {
    const loading = screeningApi.facts().then(({ items }) => items);
    facts = loading;
    loading.catch(() => {
      if (facts === loading) facts = null;
    });
  }
  return facts;
}
