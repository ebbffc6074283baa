// The facets of a knowledge search: each facet's values with their counts as links that toggle
// the filter (so the search stays in the URL and can be bookmarked), and the active filters, each
// removable. A filter is shown as active even when the answer no longer counts its value.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { FACETS, type CaseSearch, type Facet } from '../knowledge';
import { facetValueLabel } from '../knowledge_labels';
import {
  activeFilters,
  clearFilters,
  isActive,
  knowledgeHref,
  toggleFilter,
  type KnowledgeQuery,
} from '../knowledge_query';

const facetName = (facet: Facet): string => t(`knowledge.facet.${facet}`);

/** The active filters with a link removing each, or null when there is none. */
export function activeFiltersView(query: KnowledgeQuery, lang: string): HTMLElement | null {
  const active = activeFilters(query);
  if (active.length === 0) return null;
  return h(
    'div',
    { className: 'knowledge-active', testId: 'knowledge-active' },
    h('h2', { className: 'knowledge-active-title', i18n: 'knowledge.active' }),
    h(
      'ul',
      {},
      ...active.map(({ facet, value }) => {
        const label = facetValueLabel(facet, value, lang);
        return h(
          'li',
          {},
          h(
            'a',
            {
              className: 'knowledge-chip',
              attrs: {
                href: knowledgeHref(toggleFilter(query, facet, value)),
                'aria-label': t('knowledge.removeFilter', {
                  facet: facetName(facet),
                  value: label,
                }),
                'data-facet': facet,
                'data-value': value,
              },
              testId: 'knowledge-active-filter',
            },
            `${facetName(facet)}: ${label} `,
            h('span', { text: '×', attrs: { 'aria-hidden': 'true' } }),
          ),
        );
      }),
      h(
        'li',
        {},
        h('a', {
          i18n: 'knowledge.clearFilters',
          attrs: { href: knowledgeHref(clearFilters(query)) },
          testId: 'knowledge-clear-filters',
        }),
      ),
    ),
  );
}

function facetGroup(
  search: CaseSearch,
  query: KnowledgeQuery,
  facet: Facet,
  lang: string,
): HTMLElement | null {
  const values = search.facets[facet];
  if (values.length === 0) return null;
  const id = `knowledge-facet-${facet}`;
  return h(
    'section',
    { className: 'knowledge-facet', attrs: { 'aria-labelledby': id }, testId: 'knowledge-facet' },
    h('h3', { text: facetName(facet), attrs: { id } }),
    h(
      'ul',
      {},
      ...values.map(({ value, count }) => {
        const active = isActive(query, facet, value);
        return h(
          'li',
          {},
          h('a', {
            className: active ? 'knowledge-facet-value active' : 'knowledge-facet-value',
            text: t('knowledge.facetValue', {
              label: facetValueLabel(facet, value, lang),
              count,
            }),
            attrs: {
              href: knowledgeHref(toggleFilter(query, facet, value)),
              'aria-current': active ? 'true' : undefined,
              'data-facet': facet,
              'data-value': value,
            },
            testId: 'knowledge-facet-value',
          }),
        );
      }),
    ),
  );
}

/** Every facet that has values in the answer; null when none has. */
export function facetsView(
  search: CaseSearch,
  query: KnowledgeQuery,
  lang: string,
): HTMLElement | null {
  const groups = FACETS.map((f) => facetGroup(search, query, f, lang)).filter(
    (g): g is HTMLElement => g !== null,
  );
  if (groups.length === 0) return null;
  return h(
    'nav',
    {
      className: 'knowledge-facets',
      i18nAttrs: { 'aria-label': 'knowledge.facetsTitle' },
      testId: 'knowledge-facets',
    },
    ...groups,
  );
}
