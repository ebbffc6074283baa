// The results of a knowledge search: how many cases match and which are shown, each case with its
// title (a link to the case), the snippet with the matched words marked, its type, year,
// countries and SDGs; and the links to the previous and next pages.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { CaseSearch, CaseSummary } from '../knowledge';
import { countryName, enumLabel, sdgName } from '../knowledge_labels';
import { atOffset, knowledgeHref, pagingOf, type KnowledgeQuery } from '../knowledge_query';
import { knowledgeCaseHref } from '../router';
import { highlightSnippet } from '../snippet';

/** A case in a list: used by the search results and by a case's similar cases. */
export function caseSummaryItem(item: CaseSummary, lang: string): HTMLLIElement {
  const facts = [
    item.type && enumLabel('type', item.type),
    item.year !== null && String(item.year),
    item.countries.map((c) => countryName(c, lang)).join(', '),
    item.sdgs.map(sdgName).join(', '),
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  const li = h(
    'li',
    { className: 'knowledge-result', attrs: { 'data-case': item.id }, testId: 'knowledge-result' },
    h(
      'h3',
      { className: 'knowledge-result-title' },
      h('a', {
        text: item.title || item.id,
        attrs: { href: knowledgeCaseHref(item.id), lang: item.titleLang || undefined },
        testId: 'knowledge-result-link',
      }),
      item.status && item.status !== 'published'
        ? h('span', {
            className: 'knowledge-status',
            text: enumLabel('status', item.status),
            testId: 'knowledge-result-status',
          })
        : null,
    ),
    facts.length > 0 &&
      h('p', {
        className: 'knowledge-result-facts',
        text: facts.join(' · '),
        testId: 'knowledge-result-facts',
      }),
  );
  if (item.snippet) {
    const snippet = h('p', { className: 'result-snippet', testId: 'knowledge-result-snippet' });
    // Safe: highlightSnippet escapes the text before adding <mark>.
    snippet.innerHTML = highlightSnippet(item.snippet);
    li.append(snippet);
  } else if (item.summary) {
    li.append(h('p', { className: 'knowledge-result-summary', text: item.summary }));
  }
  return li;
}

function pagingView(search: CaseSearch, query: KnowledgeQuery): HTMLElement | null {
  const paging = pagingOf(query, search.total, search.items.length);
  if (paging.previous === null && paging.next === null) return null;
  const link = (
    offset: number | null,
    key: 'knowledge.previous' | 'knowledge.next',
    rel: string,
  ) =>
    offset === null
      ? null
      : h('a', {
          i18n: key,
          attrs: { href: knowledgeHref(atOffset(query, offset)), rel },
          testId: rel === 'prev' ? 'knowledge-previous' : 'knowledge-next',
        });
  return h(
    'nav',
    { className: 'knowledge-paging', i18nAttrs: { 'aria-label': 'knowledge.paging' } },
    link(paging.previous, 'knowledge.previous', 'prev'),
    link(paging.next, 'knowledge.next', 'next'),
  );
}

export function resultsView(search: CaseSearch, query: KnowledgeQuery, lang: string): HTMLElement {
  if (search.items.length === 0) {
    return h('p', {
      className: 'knowledge-none',
      i18n: 'knowledge.none',
      testId: 'knowledge-none',
    });
  }
  const paging = pagingOf(query, search.total, search.items.length);
  return h(
    'div',
    {},
    h('p', {
      className: 'knowledge-total',
      text: t('knowledge.range', { from: paging.from, to: paging.to, total: search.total }),
      testId: 'knowledge-total',
    }),
    h(
      'ol',
      {
        className: 'knowledge-results',
        attrs: { start: paging.from },
        testId: 'knowledge-results',
      },
      ...search.items.map((item) => caseSummaryItem(item, lang)),
    ),
    pagingView(search, query),
  );
}
