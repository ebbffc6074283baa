// One result of the directory: the actor's name (a link to its profile), what it is, where it is,
// and the search snippet with the matched words highlighted.

import { h } from '../dom';
import { kindLabel } from '../labels';
import { actorHref } from '../router';
import { highlightSnippet } from '../snippet';
import { labelOf, type Labels } from '../taxonomy';
import type { ActorSummary } from '../types';

export interface ListLabels {
  activities: Labels;
  structures: Labels;
  countries: Labels;
}

export function actorListItem(actor: ActorSummary, labels: ListLabels): HTMLLIElement {
  const place = [actor.locality, labelOf(labels.countries, actor.country)].filter(Boolean);
  const facts = [
    kindLabel(actor.kind),
    labelOf(labels.activities, actor.primary_activity),
    ...(actor.structures ?? []).map((code) => labelOf(labels.structures, code)),
  ].filter(Boolean);
  const item = h(
    'li',
    { className: 'result-item', testId: 'result-item' },
    h(
      'h2',
      { className: 'result-name' },
      h('a', { text: actor.name, attrs: { href: actorHref(actor.id) }, testId: 'result-link' }),
    ),
    h('p', { className: 'result-facts', text: facts.join(' · ') }),
    place.length > 0 && h('p', { className: 'result-place', text: place.join(', ') }),
  );
  if (actor.snippet) {
    const snippet = h('p', { className: 'result-snippet', testId: 'result-snippet' });
    // Safe: highlightSnippet escapes the text before adding <mark>.
    snippet.innerHTML = highlightSnippet(actor.snippet);
    item.append(snippet);
  }
  return item;
}
