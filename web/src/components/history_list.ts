// An actor's assessments, newest first: when, under which framework, the verdict, who, and what
// changed since the previous assessment under the same framework.

import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, tMaybe, type MessageKey } from '../i18n/i18n';
import type { Assessment, Change } from '../screening/types';
import { verdictBadge } from './status_badge';

const WHAT_KEYS: Record<Change['what'], MessageKey> = {
  verdict: 'history.verdict',
  principle: 'history.principle',
  criterion: 'history.criterion',
  red_flag: 'history.redFlag',
};

/** A status, verdict or "raised" in words; "" (absent) as such. */
function statusText(what: Change['what'], status: string): string {
  if (status === '') return t('history.absent');
  if (status === 'raised') return t('history.raised');
  return tMaybe(`${what === 'verdict' ? 'verdict' : 'status'}.${status}`) ?? status;
}

function changeLine(c: Change): HTMLElement {
  return h('li', {
    text: t('history.change', {
      what: t(WHAT_KEYS[c.what] ?? 'history.criterion'),
      id: c.id,
      from: statusText(c.what, c.from),
      to: statusText(c.what, c.to),
    }),
  });
}

function changes(item: Assessment): HTMLElement {
  if (!item.changes) return h('p', { className: 'hint', i18n: 'history.first' });
  if (item.changes.length === 0) return h('p', { className: 'hint', i18n: 'history.noChange' });
  return h(
    'ul',
    { className: 'changes', testId: 'history-changes' },
    ...item.changes.map(changeLine),
  );
}

export function historyList(items: readonly Assessment[]): HTMLElement {
  if (items.length === 0) return h('p', { i18n: 'actorScreening.none' });
  const newest = [...items].reverse();
  return h(
    'ol',
    { className: 'history', testId: 'history' },
    ...newest.map((item) =>
      h(
        'li',
        { className: 'history-entry', testId: 'history-entry' },
        h(
          'p',
          { className: 'result-heading' },
          h('strong', { text: item.result?.title || item.framework }),
          verdictBadge(item.verdict),
        ),
        h('p', {
          className: 'hint',
          text: t('history.meta', {
            date: formatDate(item.date, getLang()),
            who: item.who,
            version: item.framework_version,
            profile: item.profile_version,
          }),
        }),
        changes(item),
      ),
    ),
  );
}
