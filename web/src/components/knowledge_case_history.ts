// The history of a case on its page: the versions table (each version a link to read it as it
// was, the newest to the case itself) and the review trail (who submitted, approved, returned or
// withdrew which version, when, and what they said), newest first.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import type { CaseVersion } from '../knowledge';
import { enumLabel } from '../knowledge_labels';
import type { ReviewEntry } from '../knowledge_lineage';
import { knowledgeCaseHref } from '../router';

function table(testId: string, heads: MessageKey[], rows: HTMLTableRowElement[]): HTMLElement {
  return h(
    'table',
    { className: 'knowledge-table', testId },
    h('thead', {}, h('tr', {}, ...heads.map((k) => h('th', { i18n: k, attrs: { scope: 'col' } })))),
    h('tbody', {}, ...rows),
  );
}

/** The versions, newest first; `shown` is the version on the page. */
export function versionsTable(id: string, versions: CaseVersion[], shown: number): HTMLElement {
  if (versions.length === 0) return h('p', { i18n: 'knowledge.case.noVersions' });
  const newest = versions[0]?.version;
  const label = (v: CaseVersion) =>
    v.version === shown
      ? t('knowledge.case.shown', { version: v.version })
      : h('a', {
          text: String(v.version),
          attrs: {
            href: knowledgeCaseHref(id, v.version === newest ? undefined : v.version),
            'aria-label': t('knowledge.case.viewVersion', { version: v.version }),
          },
          testId: 'knowledge-version-link',
        });
  return table(
    'knowledge-versions-table',
    [
      'knowledge.case.version',
      'knowledge.case.status',
      'knowledge.case.date',
      'knowledge.case.who',
      'knowledge.case.change',
    ],
    versions.map((v) =>
      h(
        'tr',
        {
          attrs: { 'aria-current': v.version === shown ? 'true' : undefined },
          testId: 'knowledge-version',
        },
        h('th', { attrs: { scope: 'row' } }, label(v)),
        h('td', { text: v.status && enumLabel('status', v.status) }),
        h('td', { text: v.createdAt.slice(0, 10) }),
        h('td', { text: v.who }),
        h('td', { text: v.change }),
      ),
    ),
  );
}

/** The review trail, newest first. */
export function reviewTrail(entries: ReviewEntry[]): HTMLElement {
  if (entries.length === 0) {
    return h('p', { i18n: 'knowledge.case.noReviews', testId: 'knowledge-no-reviews' });
  }
  return table(
    'knowledge-reviews-table',
    [
      'knowledge.case.date',
      'knowledge.case.reviewAction',
      'knowledge.case.version',
      'knowledge.case.who',
      'knowledge.review.comment',
    ],
    entries.map((r) =>
      h(
        'tr',
        { attrs: { 'data-action': r.action }, testId: 'knowledge-review-entry' },
        h('th', { text: r.at.slice(0, 10), attrs: { scope: 'row' } }),
        h('td', { text: enumLabel('action', r.action) }),
        h('td', { text: String(r.version) }),
        h('td', { text: r.who }),
        h('td', { text: r.comment }),
      ),
    ),
  );
}
