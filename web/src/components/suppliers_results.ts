// The suppliers of a tender: the counts, then each supplier with a link to its profile, its
// verdict in words, the sentence that explains it, and per condition of the reservation an
// expandable table of the facts read (value and source), the directive's article and the
// sentence. The page adds an "Award" control per supplier for those who may record one.

import { h } from '../dom';
import { pick } from '../ecosystem_blocks';
import { getLang, t, tMaybe, type MessageKey } from '../i18n/i18n';
import { actorHref } from '../router';
import type { CriterionStatus } from '../screening/types';
import {
  factValueText,
  verdictOf,
  type FactRead,
  type Supplier,
  type SupplierCondition,
  type SupplierReport,
  type Verdict,
} from '../suppliers';
import { criterionBadge } from './status_badge';

const VERDICT_TONES: Record<Verdict, { tone: string; symbol: string }> = {
  eligible: { tone: 'good', symbol: '✓' },
  not_eligible: { tone: 'bad', symbol: '✗' },
  insufficient_evidence: { tone: 'unknown', symbol: '?' },
};

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  eligible: 'suppliers.verdict.eligible',
  not_eligible: 'suppliers.verdict.not_eligible',
  insufficient_evidence: 'suppliers.verdict.insufficient_evidence',
};

const CONDITION_STATUSES: readonly CriterionStatus[] = [
  'met',
  'not_met',
  'insufficient_evidence',
  'not_applicable',
];

function verdictBadge(value: string): HTMLElement {
  const verdict = verdictOf(value);
  const { tone, symbol } = VERDICT_TONES[verdict];
  return h(
    'span',
    {
      className: `status-badge tone-${tone}`,
      attrs: { 'data-status': verdict },
      testId: 'supplier-verdict',
    },
    h('span', { className: 'status-symbol', text: symbol, attrs: { 'aria-hidden': 'true' } }),
    ' ',
    h('span', { text: t(VERDICT_KEYS[verdict]) }),
  );
}

/** Where a fact's value came from, in words: "statutes, by user:3, 2026-05-01". */
function sourceText(fact: FactRead): string {
  const source = tMaybe(`suppliers.source.${fact.source}`) ?? fact.source;
  return [source, fact.by, fact.date].filter((s) => s).join(', ');
}

function factRow(fact: FactRead): HTMLTableRowElement {
  let value: string;
  if (fact.missing) value = t('suppliers.missing');
  else if (!fact.hasValue) value = t('suppliers.hidden');
  else value = factValueText(fact.value, t('suppliers.yes'), t('suppliers.no'));
  return h(
    'tr',
    { testId: 'supplier-fact', attrs: { 'data-fact': fact.fact } },
    h('th', { text: fact.fact, attrs: { scope: 'row' } }),
    h('td', { text: value, className: fact.missing ? 'supplier-fact-missing' : '' }),
    h('td', { text: fact.missing ? '' : sourceText(fact) }),
  );
}

function conditionView(c: SupplierCondition, lang: string): HTMLElement {
  const status = CONDITION_STATUSES.find((s) => s === c.status) ?? 'insufficient_evidence';
  const article = c.source.article || c.source.ref;
  const reference = c.source.url
    ? h('a', {
        text: article,
        attrs: {
          href: c.source.url,
          rel: 'noopener noreferrer',
          target: '_blank',
          title: c.source.title,
        },
      })
    : h('span', { text: article, attrs: { title: c.source.title } });
  return h(
    'details',
    {
      className: 'supplier-condition',
      testId: 'supplier-condition',
      attrs: { 'data-condition': c.id },
    },
    h(
      'summary',
      {},
      h('span', { text: pick(c.condition, lang) || c.id }),
      ' ',
      criterionBadge(status),
    ),
    h('p', { text: pick(c.text, lang), testId: 'supplier-condition-text' }),
    h(
      'table',
      { className: 'supplier-facts' },
      h('caption', {
        text: t('suppliers.factsCaption', { condition: pick(c.condition, lang) || c.id }),
      }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { text: t('suppliers.fact'), attrs: { scope: 'col' } }),
          h('th', { text: t('suppliers.value'), attrs: { scope: 'col' } }),
          h('th', { text: t('suppliers.source'), attrs: { scope: 'col' } }),
        ),
      ),
      h('tbody', {}, ...c.facts.map(factRow)),
    ),
    h('p', { className: 'hint' }, `${t('suppliers.article')} `, reference),
  );
}

function supplierItem(s: Supplier, lang: string, control: HTMLElement | null): HTMLElement {
  const notes: HTMLElement[] = [];
  if (s.matchedActivities.length > 0) {
    notes.push(h('p', { text: t('suppliers.matched', { list: s.matchedActivities.join(', ') }) }));
  }
  if (s.evidence.conditions > 0) {
    notes.push(
      h('p', {
        text: t('suppliers.completeness', {
          decided: s.evidence.decided,
          conditions: s.evidence.conditions,
        }),
        testId: 'supplier-completeness',
      }),
    );
  }
  if (!s.screened) notes.push(h('p', { className: 'hint', text: t('suppliers.notScreened') }));
  if (!s.factsShown && s.conditions.length > 0) {
    notes.push(h('p', { className: 'hint', text: t('suppliers.factsHidden') }));
  }
  if (s.recentAwards.length > 0) {
    notes.push(
      h(
        'div',
        { testId: 'supplier-awards' },
        h('p', { text: t('suppliers.recentAwards') }),
        h('ul', {}, ...s.recentAwards.map((a) => h('li', { text: `${a.date}: ${a.description}` }))),
      ),
    );
  }
  return h(
    'li',
    {
      className: 'supplier-item',
      testId: 'supplier-item',
      attrs: { 'data-supplier': s.actor.id, 'data-verdict': s.verdict },
    },
    h(
      'h3',
      { className: 'supplier-name' },
      h('a', {
        text: s.actor.name || s.actor.id,
        attrs: { href: actorHref(s.actor.id) },
        testId: 'supplier-link',
      }),
      ' ',
      verdictBadge(s.verdict),
    ),
    h('p', { text: pick(s.summary, lang), testId: 'supplier-summary' }),
    ...notes,
    s.conditions.length > 0
      ? h(
          'div',
          { className: 'supplier-conditions' },
          ...s.conditions.map((c) => conditionView(c, lang)),
        )
      : null,
    control,
  );
}

/**
 * The result of a tender; `control(supplier)` gives the award control of a supplier (null: none),
 * drawn after its evidence.
 */
export function suppliersView(
  report: SupplierReport,
  control: (supplier: Supplier) => HTMLElement | null,
): HTMLElement {
  const lang = getLang();
  const c = report.counts;
  const reservation = report.reservation
    ? t('suppliers.reservedUnder', {
        title: pick(report.reservation.title, lang) || report.reservation.framework,
      })
    : t('suppliers.notReserved');
  return h(
    'div',
    { testId: 'suppliers-result' },
    h('p', {
      text: t('suppliers.buyerName', { name: report.buyer.name || report.buyer.id }),
      testId: 'suppliers-buyer',
    }),
    h('p', { text: reservation, testId: 'suppliers-reservation' }),
    h('p', {
      text: t('suppliers.counts', {
        candidates: c.candidates,
        eligible: c.eligible,
        not_eligible: c.not_eligible,
        insufficient: c.insufficient_evidence,
      }),
      testId: 'suppliers-counts',
    }),
    report.suppliers.length === 0
      ? h('p', { text: t('suppliers.none'), testId: 'suppliers-none' })
      : h(
          'ol',
          { className: 'supplier-list', testId: 'suppliers-list' },
          ...report.suppliers.map((s) => supplierItem(s, lang, control(s))),
        ),
  );
}
