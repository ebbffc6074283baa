// Statutes with the passages that gave facts highlighted, and the list of clauses found. The
// server gives each clause's evidence as byte offsets into the UTF-8 text.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { Clause } from '../screening/types';
import { splitBySpans } from '../screening/utf8';

export function statutesView(text: string, clauses: readonly Clause[]): HTMLElement {
  const body = h('div', { className: 'statutes-text', testId: 'statutes-text' });
  for (const piece of splitBySpans(
    text,
    clauses.map((c) => c.evidence),
  )) {
    const clause = piece.span === null ? undefined : clauses[piece.span];
    if (!clause) {
      body.append(piece.text);
      continue;
    }
    body.append(
      h('mark', {
        className: `evidence-span polarity-${clause.polarity}`,
        text: piece.text,
        attrs: { title: clauseText(clause), 'data-clause': clause.type },
        testId: 'evidence-span',
      }),
    );
  }
  return h(
    'div',
    { className: 'statutes' },
    body,
    clauses.length > 0 &&
      h(
        'details',
        { className: 'clause-list' },
        h('summary', { text: t('statutes.clauses', { n: clauses.length }) }),
        h(
          'ul',
          {},
          ...clauses.map((c) =>
            h('li', {}, clauseText(c), c.evidence.text && h('q', { text: c.evidence.text })),
          ),
        ),
      ),
  );
}

function clauseText(c: Clause): string {
  const polarity = t(c.polarity === 'negated' ? 'statutes.negated' : 'statutes.affirmed');
  const value = c.value === undefined || c.value === null ? '' : ` = ${c.value}`;
  return `${c.type} (${polarity})${value}`;
}
