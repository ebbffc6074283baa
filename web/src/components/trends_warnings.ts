// The warnings of a trends answer: unreadable dates, dissolutions before foundings, unreadable
// indicator periods or values, figures in another unit. The server gives each a kind; the kinds
// known here are said in the reader's language with the indicator's label and the value.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { actorHref } from '../router';
import { warningIndicator, warningKind, type Trends, type TrendsWarning } from '../trends';
import { count, type TrendLabels } from './trends_labels';

/** The warning in the reader's language; unknown kinds keep the server's words. */
export function warningText(w: TrendsWarning, trends: Trends, labels: TrendLabels): string {
  const indicator = warningIndicator(w);
  switch (warningKind(w)) {
    case 'founded':
      return t('trends.warning.founded', { value: w.value });
    case 'dissolved':
      return t('trends.warning.dissolved', { value: w.value });
    case 'dissolvedBefore':
      return t('trends.warning.dissolvedBefore', { value: w.value });
    case 'period':
      return t('trends.warning.period', { indicator: labels.indicator(indicator), value: w.value });
    case 'value':
      return t('trends.warning.value', { indicator: labels.indicator(indicator), value: w.value });
    case 'otherUnits': {
      const ind = trends.indicators.find((i) => i.name === indicator);
      return t('trends.warning.otherUnits', {
        indicator: labels.indicator(indicator),
        n: count(ind?.other_units ?? 0),
        unit: ind?.unit || '—',
      });
    }
    case 'other':
      return w.message;
  }
}

export function warningsView(trends: Trends, labels: TrendLabels): HTMLElement | null {
  if (trends.warnings.length === 0) return null;
  return h(
    'section',
    { className: 'trends-warnings', testId: 'trends-warnings' },
    h('h2', { i18n: 'trends.warningsTitle' }),
    trends.warnings_total > trends.warnings.length
      ? h('p', {
          className: 'hint',
          text: t('trends.warningsFirst', {
            shown: count(trends.warnings.length),
            total: count(trends.warnings_total),
          }),
        })
      : null,
    h(
      'ul',
      {},
      ...trends.warnings.map((w) =>
        h(
          'li',
          { testId: 'trends-warning' },
          w.actor_id ? h('a', { text: w.actor_id, attrs: { href: actorHref(w.actor_id) } }) : null,
          w.actor_id ? ': ' : null,
          h('span', { text: warningText(w, trends, labels) }),
        ),
      ),
    ),
  );
}
