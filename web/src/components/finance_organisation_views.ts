// The sections of an organisation's finance page: its readiness (latest assessment, dimension
// scores, history), the mechanisms that fit, may fit or do not fit (with the reasons and what
// would have to change), the funders and their eligibility conditions, its loans, and its share
// register's withdrawal plan.

import { h } from '../dom';
import {
  formatCents,
  formatDecimal,
  type FinanceRecord,
  type FunderCondition,
  type FunderFit,
  type LoanPosition,
  type MechanismFit,
  type Readiness,
  type ReadinessScore,
  type SharePlan,
} from '../finance';
import { formatDate } from '../format';
import { t, tMaybe, type MessageKey } from '../i18n/i18n';
import { num, obj, str } from '../json_read';
import { financeFundHref } from '../router';
import { table } from './finance_charts';
import { axisLabel, badge, emptyNote, type Tone } from './finance_common';
import { instrumentLabel } from './finance_charts';

export function readinessView(r: Readiness | null, lang: string): HTMLElement {
  if (!r) return emptyNote('finance.readiness.none', 'finance-readiness-none');
  const scoreRows = (scores: ReadinessScore[]) =>
    scores.map((s) =>
      h(
        'tr',
        { testId: 'finance-readiness-score', attrs: { 'data-dimension': s.dimension } },
        h('th', { text: s.label, attrs: { scope: 'row' } }),
        h('td', { className: 'figure', text: `${s.score} / 2` }),
        h('td', { text: s.meaning }),
      ),
    );
  const headings: MessageKey[] = [
    'finance.readiness.dimension',
    'finance.readiness.score',
    'finance.readiness.meaning',
  ];
  return h(
    'div',
    { testId: 'finance-readiness' },
    h('p', {
      className: 'finance-headline',
      testId: 'finance-readiness-total',
      text: t('finance.readiness.total', {
        total: r.total,
        max: r.maxTotal,
        date: formatDate(r.date, lang),
      }),
    }),
    r.change !== null &&
      h('p', {
        testId: 'finance-readiness-change',
        text: t('finance.readiness.change', {
          change: r.change > 0 ? `+${r.change}` : String(r.change),
        }),
      }),
    h(
      'dl',
      { className: 'fields' },
      h(
        'div',
        { className: 'field' },
        h('dt', { i18n: 'finance.readiness.stage' }),
        h('dd', { text: r.stage.label, testId: 'finance-readiness-stage' }),
        r.stage.meaning && h('dd', { className: 'hint', text: r.stage.meaning }),
      ),
      h(
        'div',
        { className: 'field' },
        h('dt', { i18n: 'finance.readiness.pipeline' }),
        h('dd', { text: r.pipeline.label, testId: 'finance-readiness-pipeline' }),
        r.pipeline.meaning && h('dd', { className: 'hint', text: r.pipeline.meaning }),
      ),
    ),
    table(
      'finance-readiness-scores',
      'finance.readiness.scoresCaption',
      headings,
      scoreRows(r.scores),
    ),
    r.governance.length > 0 &&
      table(
        'finance-readiness-governance',
        'finance.readiness.governanceCaption',
        headings,
        scoreRows(r.governance),
      ),
    r.history.length > 1 &&
      table(
        'finance-readiness-history',
        'finance.readiness.historyCaption',
        [
          'finance.readiness.date',
          'finance.readiness.totalColumn',
          'finance.readiness.stage',
          'finance.readiness.pipeline',
        ],
        r.history.map((x) =>
          h(
            'tr',
            {},
            h('th', { text: formatDate(x.date, lang), attrs: { scope: 'row' } }),
            h('td', { className: 'figure', text: String(x.total) }),
            h('td', { text: x.stage }),
            h('td', { text: x.pipeline }),
          ),
        ),
      ),
  );
}

const FIT_GROUPS: [string, MessageKey, Tone][] = [
  ['fits', 'finance.fit.fits', 'good'],
  ['unknown', 'finance.fit.unknown', 'partial'],
  ['does_not_fit', 'finance.fit.does_not_fit', 'bad'],
];

function mechanismItem(m: MechanismFit, tone: Tone, label: string): HTMLElement {
  const axes = [m.axes.origin, m.axes.provider, m.axes.terms].map(axisLabel).join(' · ');
  return h(
    'li',
    {
      className: 'finance-mechanism',
      testId: 'finance-mechanism',
      attrs: { 'data-mechanism': m.mechanism, 'data-fit': m.fit },
    },
    h('p', {}, h('strong', { text: m.label }), ' ', badge(tone, label)),
    h('p', { className: 'hint', text: `${axes} · ${instrumentLabel(m.instrument)}` }),
    m.failed.length > 0 &&
      h(
        'ul',
        { className: 'finance-reasons' },
        ...m.failed.map((o) =>
          h(
            'li',
            { testId: 'finance-mechanism-failed' },
            h('span', { text: o.reason }),
            o.change &&
              h('span', {
                className: 'finance-change',
                text: ` ${t('finance.fit.change', { change: o.change })}`,
                testId: 'finance-mechanism-change',
              }),
          ),
        ),
      ),
    m.unknown.length > 0 &&
      h(
        'ul',
        { className: 'finance-reasons' },
        ...m.unknown.map((o) =>
          h('li', {
            testId: 'finance-mechanism-unknown',
            text: t('finance.fit.missing', { facts: o.missing.join(', ') || o.rule }),
          }),
        ),
      ),
    m.passed.length > 0 &&
      h(
        'ul',
        { className: 'finance-reasons' },
        ...m.passed.map((o) => h('li', { text: o.text || o.rule })),
      ),
  );
}

/** The mechanisms in three groups, each in the server's order. */
export function mechanismsView(items: MechanismFit[]): HTMLElement {
  if (items.length === 0) return emptyNote('finance.mechanisms.none', 'finance-mechanisms-none');
  return h(
    'div',
    { className: 'finance-fit-groups' },
    ...FIT_GROUPS.map(([fit, key, tone]) => {
      const group = items.filter((m) => m.fit === fit);
      return h(
        'div',
        { className: 'finance-fit-group', testId: `finance-fit-${fit}` },
        h('h3', { text: `${t(key)} (${group.length})` }),
        group.length === 0
          ? h('p', { className: 'hint', i18n: 'finance.fit.empty' })
          : h(
              'ul',
              { className: 'finance-mechanism-list' },
              ...group.map((m) => mechanismItem(m, tone, t(key))),
            ),
      );
    }),
  );
}

const ELIGIBILITY: Record<string, [MessageKey, Tone]> = {
  eligible: ['finance.funder.eligible', 'good'],
  unknown: ['finance.funder.unknown', 'partial'],
  not_eligible: ['finance.funder.not_eligible', 'bad'],
};
const OUTCOMES: Record<string, [MessageKey, Tone]> = {
  held: ['finance.outcome.held', 'good'],
  unknown: ['finance.outcome.unknown', 'partial'],
  failed: ['finance.outcome.failed', 'bad'],
};

/** "eligible", "unknown" or "not_eligible" as a badge in words (an unknown value reads unknown). */
export function eligibilityBadge(eligibility: string): HTMLElement {
  const [key, tone] = ELIGIBILITY[eligibility] ?? ['finance.funder.unknown', 'partial'];
  return badge(tone, t(key), 'finance-eligibility');
}

/** "Its mechanisms that fit: ..." with each id through `label`; nothing when none fits. */
export function fittingMechanismsNote(
  ids: string[],
  label: (id: string) => string = (id) => id,
): HTMLElement | false {
  return (
    ids.length > 0 &&
    h('p', {
      className: 'hint',
      text: t('finance.funder.mechanisms', { list: ids.map(label).join(', ') }),
      testId: 'finance-fitting-mechanisms',
    })
  );
}

/** A funder's conditions, each held, failed or unknown in words, with what would have to change. */
export function conditionsList(conditions: FunderCondition[]): HTMLElement {
  return h(
    'ul',
    { className: 'finance-conditions' },
    ...conditions.map((c) => {
      const [outcome, tone] = OUTCOMES[c.outcome] ?? ['finance.outcome.unknown', 'partial'];
      const name = tMaybe(`finance.condition.${c.condition}`) ?? c.condition;
      return h(
        'li',
        {
          testId: 'finance-funder-condition',
          attrs: { 'data-condition': c.condition, 'data-outcome': c.outcome },
        },
        badge(tone, t('finance.outcome.of', { condition: name, outcome: t(outcome) })),
        ' ',
        h('span', { text: c.detail }),
        c.change &&
          h('span', {
            className: 'finance-change',
            text: ` ${t('finance.fit.change', { change: c.change })}`,
            testId: 'finance-condition-change',
          }),
      );
    }),
  );
}

export function fundersView(items: FunderFit[]): HTMLElement {
  if (items.length === 0) return emptyNote('finance.funder.none', 'finance-funders-none');
  return h(
    'ul',
    { className: 'finance-funder-list' },
    ...items.map((f) =>
      h(
        'li',
        {
          className: 'finance-funder',
          testId: 'finance-funder',
          attrs: { 'data-funder': f.funder, 'data-eligibility': f.eligibility },
        },
        h('p', {}, h('strong', { text: f.funder }), ' ', eligibilityBadge(f.eligibility)),
        fittingMechanismsNote(f.fittingMechanisms),
        conditionsList(f.conditions),
      ),
    ),
  );
}

/** The organisation's applications to funds (amounts in the fund's currency units). */
export function organisationApplications(apps: FinanceRecord[], lang: string): HTMLElement {
  if (apps.length === 0)
    return emptyNote('finance.applications.noneOrg', 'finance-applications-none');
  return table(
    'finance-org-applications',
    'finance.applications.caption',
    [
      'finance.applications.id',
      'finance.applications.fund',
      'finance.applications.requested',
      'finance.applications.impact',
    ],
    apps.map((r) =>
      h(
        'tr',
        { testId: 'finance-application-row' },
        h('th', { text: r.id, attrs: { scope: 'row' } }),
        h(
          'td',
          {},
          r.parent ? h('a', { text: r.parent, attrs: { href: financeFundHref(r.parent) } }) : '–',
        ),
        h('td', { className: 'figure', text: formatDecimal(num(r.doc.requested), lang) }),
        h('td', { className: 'figure', text: formatDecimal(num(r.doc.impact_score), lang) }),
      ),
    ),
  );
}

export function organisationLoans(
  loans: { record: FinanceRecord | null; position: LoanPosition }[],
  lang: string,
): HTMLElement {
  if (loans.length === 0) return emptyNote('finance.loans.noneOrg', 'finance-org-loans-none');
  return h(
    'div',
    {},
    loansTable(loans, lang),
    ...loans.map(({ position }) => loanSchedule(position, lang)),
  );
}

/** A loan's current schedule (its last phase) with what was paid on each instalment. */
function loanSchedule(p: LoanPosition, lang: string): HTMLElement | false {
  const phase = p.phases[p.phases.length - 1];
  if (!phase || phase.instalments.length === 0) return false;
  const money = (c: number) => formatCents(c, '', lang);
  return h(
    'details',
    {
      className: 'finance-schedule',
      testId: 'finance-loan-schedule',
      attrs: { 'data-loan': p.loanId },
    },
    h('summary', {
      text: t('finance.schedule.summary', {
        loan: p.loanId,
        count: formatDecimal(phase.instalments.length, lang),
        date: formatDate(phase.startsOn, lang),
      }),
    }),
    p.phases.length > 1 && h('p', { className: 'hint', text: t('finance.schedule.restructured') }),
    table(
      'finance-schedule-table',
      'finance.schedule.caption',
      [
        'finance.schedule.number',
        'finance.schedule.due',
        'finance.schedule.principal',
        'finance.schedule.interest',
        'finance.schedule.lateFee',
        'finance.schedule.paid',
        'finance.schedule.state',
      ],
      phase.instalments.map((i) =>
        h(
          'tr',
          { testId: 'finance-schedule-row' },
          h('th', { text: formatDecimal(i.number, lang), attrs: { scope: 'row' } }),
          h('td', { text: formatDate(i.dueOn, lang) }),
          h('td', { className: 'figure', text: money(i.principal) }),
          h('td', { className: 'figure', text: money(i.interest) }),
          h('td', { className: 'figure', text: money(i.lateFee) }),
          h('td', { className: 'figure', text: money(i.paid) }),
          h(
            'td',
            {},
            i.overdue
              ? badge('bad', t('finance.schedule.late', { days: formatDecimal(i.daysLate, lang) }))
              : '',
          ),
        ),
      ),
    ),
  );
}

function loansTable(
  loans: { record: FinanceRecord | null; position: LoanPosition }[],
  lang: string,
): HTMLElement {
  const money = (c: number) => formatCents(c, '', lang);
  return table(
    'finance-org-loans',
    'finance.loans.caption',
    [
      'finance.loans.id',
      'finance.loans.fundColumn',
      'finance.loans.principal',
      'finance.loans.outstanding',
      'finance.loans.overdue',
      'finance.loans.days',
      'finance.loans.state',
    ],
    loans.map(({ record, position: p }) => {
      const terms = obj(record?.doc.terms);
      return h(
        'tr',
        { testId: 'finance-org-loan-row', attrs: { 'data-loan': p.loanId || (record?.id ?? '') } },
        h('th', { text: p.loanId || (record?.id ?? ''), attrs: { scope: 'row' } }),
        h(
          'td',
          {},
          record?.parent
            ? h('a', { text: record.parent, attrs: { href: financeFundHref(record.parent) } })
            : '–',
        ),
        h('td', { className: 'figure', text: money(num(terms.principal)) }),
        h('td', { className: 'figure', text: money(p.outstandingPrincipal) }),
        h('td', { className: 'figure', text: money(p.overduePrincipal) }),
        h('td', { className: 'figure', text: formatDecimal(p.daysInArrears, lang) }),
        h(
          'td',
          {},
          p.writtenOff && badge('bad', t('finance.loans.writtenOffFlag')),
          p.restructured && badge('partial', t('finance.loans.restructuredFlag')),
          !p.writtenOff &&
            !p.restructured &&
            p.daysInArrears === 0 &&
            badge('good', t('finance.loans.current')),
          str(terms.disbursed_on) &&
            h('span', { className: 'hint', text: ` ${formatDate(str(terms.disbursed_on), lang)}` }),
        ),
      );
    }),
  );
}

export function sharePlanView(plan: SharePlan | null, lang: string): HTMLElement {
  if (!plan) return emptyNote('finance.shares.none', 'finance-shares-none');
  const money = (c: number) => formatCents(c, '', lang);
  return h(
    'div',
    { testId: 'finance-shares' },
    plan.years.length > 0 &&
      table(
        'finance-share-years',
        'finance.shares.yearsCaption',
        [
          'finance.shares.year',
          'finance.shares.capital',
          'finance.shares.limit',
          'finance.shares.paid',
        ],
        plan.years.map((y) =>
          h(
            'tr',
            {},
            h('th', { text: String(y.year), attrs: { scope: 'row' } }),
            h('td', { className: 'figure', text: money(y.capitalAtStart) }),
            h('td', { className: 'figure', text: money(y.limit) }),
            h('td', { className: 'figure', text: money(y.paid) }),
          ),
        ),
      ),
    plan.payouts.length > 0 &&
      table(
        'finance-share-payouts',
        'finance.shares.payoutsCaption',
        [
          'finance.shares.request',
          'finance.shares.member',
          'finance.shares.amount',
          'finance.shares.paidOn',
        ],
        plan.payouts.map((p) =>
          h(
            'tr',
            {},
            h('th', { text: p.request, attrs: { scope: 'row' } }),
            h('td', { text: p.member }),
            h('td', { className: 'figure', text: money(p.amount) }),
            h('td', { text: formatDate(p.paidOn, lang) }),
          ),
        ),
      ),
    plan.unpaid.length > 0 &&
      h(
        'div',
        { className: 'finance-reasons', testId: 'finance-share-unpaid' },
        h('p', { i18n: 'finance.shares.unpaid' }),
        h(
          'ul',
          {},
          ...plan.unpaid.map((u) =>
            h('li', { text: `${u.request} · ${u.member} · ${money(u.amount)}` }),
          ),
        ),
      ),
  );
}
