// The guarantee funds and match-funded campaigns on #/finance: each fund with its capital,
// coverage, leverage, exposure and capacity left, its guarantees and its calls (what limited each
// payment in words); each campaign with its target, what backers raised, the match owed and what
// limits it, whether it is released, what holds it back and the outcome at the deadline. Codes
// the server sends (limited_by, blocker kinds, outcomes) are put in words in the reader's
// language; an unknown one shows as sent (a blocker then shows the server's own sentence).

import { h } from '../dom';
import { formatCents, formatDecimal, formatPercent } from '../finance';
import type {
  Blocker,
  CampaignView,
  GuaranteeCallResult,
  GuaranteeFundView,
} from '../finance_guarantee';
import { t, tMaybe } from '../i18n/i18n';
import { apiRefusal } from './api_refusal';
import { definitionList } from './definition_list';
import { table } from './finance_charts';
import { badge, emptyNote } from './finance_common';

/** One item of a list whose view was asked for: its view, or why it could not be had. */
export interface Settled<T> {
  id: string;
  value?: T;
  error?: unknown;
}

/** Asks for the view of each id at once; a refusal stays with its item. */
export function viewsOf<T>(ids: string[], view: (id: string) => Promise<T>): Promise<Settled<T>[]> {
  return Promise.all(
    ids.map((id) =>
      view(id).then(
        (value) => ({ id, value }),
        (error: unknown) => ({ id, error }),
      ),
    ),
  );
}

const figure = (text: string) => h('td', { className: 'figure', text });

/** A titled item of a list, or the server's refusal under its id. */
function item<T>(
  s: Settled<T>,
  testId: string,
  errorKey: 'finance.guaranteeFunds.itemError' | 'finance.campaigns.itemError',
  render: (value: T) => HTMLElement,
): HTMLElement {
  if (s.value !== undefined) return render(s.value);
  return h(
    'article',
    { className: 'finance-item', testId, attrs: { 'data-id': s.id } },
    h('h3', { text: s.id }),
    apiRefusal(errorKey, s.error, `${testId}-error`),
  );
}

function callLimit(c: GuaranteeCallResult, f: GuaranteeFundView, lang: string): string {
  const money = (cents: number) => formatCents(cents, f.currency, lang);
  return (
    tMaybe(`finance.guarantee.limitedBy.${c.limitedBy}`, {
      share: formatPercent(f.terms.coverage, lang),
      cap: money(f.terms.perLoanCap),
      left: money(c.paid),
    }) ?? c.limitedBy
  );
}

function guaranteesTable(f: GuaranteeFundView, lang: string): HTMLElement {
  if (f.guarantees.length === 0) {
    return emptyNote('finance.guarantee.noGuarantees', 'finance-guarantees-none');
  }
  const rows = f.guarantees.map((g) =>
    h(
      'tr',
      { testId: 'finance-guarantee-row', attrs: { 'data-loan': g.loanId } },
      h('th', { attrs: { scope: 'row' }, text: g.loanId }),
      figure(formatCents(g.guaranteed, f.currency, lang)),
      figure(formatCents(g.annualFee, f.currency, lang)),
      h('td', { text: t(g.called ? 'finance.guarantee.calledYes' : 'finance.guarantee.calledNo') }),
    ),
  );
  return table(
    'finance-guarantees-table',
    'finance.guarantee.guaranteesCaption',
    [
      'finance.guarantee.loan',
      'finance.guarantee.guaranteed',
      'finance.guarantee.annualFee',
      'finance.guarantee.called',
    ],
    rows,
  );
}

function callsTable(f: GuaranteeFundView, lang: string): HTMLElement {
  if (f.calls.length === 0) return emptyNote('finance.guarantee.noCalls', 'finance-calls-none');
  const money = (cents: number) => formatCents(cents, f.currency, lang);
  const rows = f.calls.map((c) =>
    h(
      'tr',
      { testId: 'finance-call-row', attrs: { 'data-loan': c.loanId } },
      h('th', { attrs: { scope: 'row' }, text: c.loanId }),
      figure(money(c.loss)),
      figure(money(c.covered)),
      figure(money(c.paid)),
      figure(money(c.lenderBears)),
      h('td', { text: callLimit(c, f, lang), testId: 'finance-call-limited-by' }),
    ),
  );
  return table(
    'finance-calls-table',
    'finance.guarantee.callsCaption',
    [
      'finance.guarantee.loan',
      'finance.guarantee.loss',
      'finance.guarantee.covered',
      'finance.guarantee.paid',
      'finance.guarantee.lenderBears',
      'finance.guarantee.limitedBy',
    ],
    rows,
  );
}

/** What the fund can still guarantee, or a badge saying by how much it is over its limit. */
function capacity(f: GuaranteeFundView, lang: string): HTMLElement | string {
  if (f.remainingCapacity >= 0) return formatCents(f.remainingCapacity, f.currency, lang);
  const amount = formatCents(-f.remainingCapacity, f.currency, lang);
  return badge('bad', t('finance.guarantee.over', { amount }), 'finance-guarantee-over');
}

function guaranteeFund(f: GuaranteeFundView, lang: string): HTMLElement {
  const money = (cents: number) => formatCents(cents, f.currency, lang);
  return h(
    'article',
    { className: 'finance-item', testId: 'finance-guarantee-fund', attrs: { 'data-id': f.id } },
    h('h3', { text: f.name }),
    definitionList([
      { label: 'finance.guarantee.capital', value: money(f.terms.capital) },
      {
        label: 'finance.guarantee.coverage',
        value: t('finance.guarantee.coverageValue', {
          share: formatPercent(f.terms.coverage, lang),
        }),
      },
      {
        label: 'finance.guarantee.perLoanCap',
        value: f.terms.perLoanCap > 0 ? money(f.terms.perLoanCap) : t('finance.guarantee.noCap'),
      },
      {
        label: 'finance.guarantee.leverage',
        value: t('finance.guarantee.leverageValue', {
          times: formatDecimal(f.terms.leverage, lang),
        }),
      },
      { label: 'finance.guarantee.capitalLeft', value: money(f.capitalLeft) },
      { label: 'finance.guarantee.limit', value: money(f.limit) },
      { label: 'finance.guarantee.exposure', value: money(f.exposure) },
      {
        label: 'finance.guarantee.remaining',
        value: capacity(f, lang),
        testId: 'finance-guarantee-remaining',
      },
      { label: 'finance.guarantee.annualFees', value: money(f.annualFees) },
    ]),
    guaranteesTable(f, lang),
    callsTable(f, lang),
  );
}

/** The guarantee funds, each with its figures, guarantees and calls. */
export function guaranteeFundsView(funds: Settled<GuaranteeFundView>[], lang: string): HTMLElement {
  if (funds.length === 0) {
    return emptyNote('finance.guaranteeFunds.none', 'finance-guarantee-funds-none');
  }
  return h(
    'div',
    { className: 'finance-items' },
    ...funds.map((s) =>
      item(s, 'finance-guarantee-fund', 'finance.guaranteeFunds.itemError', (f) =>
        guaranteeFund(f, lang),
      ),
    ),
  );
}

function matchLimit(c: CampaignView, lang: string): string {
  const ratio = c.terms.matchPerUnit;
  return (
    tMaybe(`finance.campaign.limitedBy.${c.limitedBy}`, {
      ratio: ratio === null ? '–' : formatDecimal(ratio, lang),
      cap: c.terms.cap === null ? '–' : formatCents(c.terms.cap, c.currency, lang),
      share: c.terms.maxBudgetShare === null ? '–' : formatPercent(c.terms.maxBudgetShare, lang),
      budget: formatCents(c.budget, c.currency, lang),
    }) ?? c.limitedBy
  );
}

/** A blocker in words; its kind and figures decide the sentence, else the server's `why`. */
export function blockerText(b: Blocker, c: CampaignView, lang: string): string {
  const money = (cents: number) => formatCents(cents, c.currency, lang);
  if (b.kind === 'share_of_target') {
    return t('finance.campaign.blocker.share_of_target', {
      have: money(b.have),
      needed: money(b.needed),
      missing: money(Math.max(0, b.needed - b.have)),
    });
  }
  if (b.kind === 'min_backers') {
    return t('finance.campaign.blocker.min_backers', {
      have: formatDecimal(b.have, lang),
      needed: formatDecimal(b.needed, lang),
      missing: formatDecimal(Math.max(0, b.needed - b.have), lang),
    });
  }
  if (b.kind === 'all_or_nothing') {
    const key = c.atDeadline.passed
      ? 'finance.campaign.blocker.missed'
      : c.atDeadline.targetReached
        ? 'finance.campaign.blocker.reached'
        : 'finance.campaign.blocker.pending';
    return t(key, { have: money(b.have), needed: money(b.needed), deadline: c.deadline });
  }
  return b.why || b.kind;
}

function blockersList(c: CampaignView, lang: string): HTMLElement {
  if (c.blockers.length === 0)
    return emptyNote('finance.campaign.noBlocker', 'finance-blockers-none');
  return h(
    'ul',
    { className: 'finance-blockers' },
    ...c.blockers.map((b) =>
      h('li', {
        text: blockerText(b, c, lang),
        testId: 'finance-campaign-blocker',
        attrs: { 'data-kind': b.kind },
      }),
    ),
  );
}

const OUTCOME_TONES = { funded: 'good', short: 'partial', failed: 'bad' } as const;

function outcome(c: CampaignView, lang: string): HTMLElement {
  const d = c.atDeadline;
  const money = (cents: number) => formatCents(cents, c.currency, lang);
  const tone = OUTCOME_TONES[d.outcome as keyof typeof OUTCOME_TONES] ?? 'partial';
  const when = d.passed ? 'finance.campaign.outcomeFinal' : 'finance.campaign.outcomeProjected';
  return h(
    'p',
    { testId: 'finance-campaign-outcome', attrs: { 'data-outcome': d.outcome } },
    h('span', { text: t(when, { deadline: c.deadline }) }),
    ' ',
    badge(tone, tMaybe(`finance.campaign.outcome.${d.outcome}`) ?? d.outcome),
    ' ',
    h('span', {
      text: t('finance.campaign.atDeadline', {
        collected: money(d.collected),
        match: money(d.match),
        refunded: money(d.refunded),
      }),
    }),
  );
}

function campaign(c: CampaignView, lang: string): HTMLElement {
  const money = (cents: number) => formatCents(cents, c.currency, lang);
  return h(
    'article',
    { className: 'finance-item', testId: 'finance-campaign', attrs: { 'data-id': c.id } },
    h('h3', { text: c.name }),
    definitionList([
      { label: 'finance.campaign.target', value: money(c.target) },
      { label: 'finance.campaign.deadline', value: c.deadline },
      {
        label: { text: t('finance.campaign.raisedOn', { date: c.asOf }) },
        value: money(c.raised),
        testId: 'finance-campaign-raised',
      },
      { label: 'finance.campaign.backers', value: formatDecimal(c.backers, lang) },
      { label: 'finance.campaign.matchEarned', value: money(c.matchEarned) },
      {
        label: 'finance.campaign.limitedBy',
        value: matchLimit(c, lang),
        testId: 'finance-campaign-limited-by',
      },
      {
        label: 'finance.campaign.release',
        value: c.released
          ? badge('good', t('finance.campaign.releasedYes'), 'finance-campaign-released')
          : badge('bad', t('finance.campaign.releasedNo'), 'finance-campaign-released'),
      },
      {
        label: 'finance.campaign.owedNow',
        value: money(c.owedNow),
        testId: 'finance-campaign-owed',
      },
    ]),
    h('h4', { i18n: 'finance.campaign.blockers' }),
    blockersList(c, lang),
    outcome(c, lang),
  );
}

/** The match-funded campaigns, each with its match and what holds it back. */
export function campaignsView(campaigns: Settled<CampaignView>[], lang: string): HTMLElement {
  if (campaigns.length === 0) return emptyNote('finance.campaigns.none', 'finance-campaigns-none');
  return h(
    'div',
    { className: 'finance-items' },
    ...campaigns.map((s) =>
      item(s, 'finance-campaign', 'finance.campaigns.itemError', (c) => campaign(c, lang)),
    ),
  );
}
