// Each method's details in a tally's result: totals (with a bar chart) for consent, single
// choice, approval, score, dot vote and Borda; the pairwise matrix and strongest paths of
// Schulze; the rounds of instant-runoff and STV (counts, exhausted, elected or eliminated, the
// quota and reserved seats); funded projects, the budget left and the rounds of budgeting; and
// per college its weight and the shares within it.

import { h } from '../dom';
import type { CountRound, Matrix, Numbers, TallyResult } from '../decide';
import { t, type MessageKey } from '../i18n/i18n';
import { barChart, type Bar } from './decide_chart';
import {
  dataTable,
  figure,
  fmt,
  list,
  optionLabel,
  pct,
  row,
  section,
  type ViewContext,
} from './decide_views';

/** The ids of `values` in the input's order, then any the input did not list ("abstain"). */
export function orderedIds(ctx: ViewContext, values: Record<string, unknown>): string[] {
  const known = [...ctx.names.keys()].filter((id) => id in values);
  return [...known, ...Object.keys(values).filter((id) => !ctx.names.has(id))];
}

const ANSWERS: Record<string, MessageKey> = {
  agree: 'decide.answer.agree',
  abstain: 'decide.answer.abstain',
  disagree: 'decide.answer.disagree',
  block: 'decide.answer.block',
};

const DECISIONS: Record<string, MessageKey> = {
  adopted: 'decide.consent.adopted',
  blocked: 'decide.consent.blocked',
  rejected: 'decide.consent.rejected',
};

function totalsLabel(ctx: ViewContext, r: TallyResult, id: string): string {
  const answer = ANSWERS[id];
  return r.method === 'consent' && answer ? t(answer) : optionLabel(ctx, id);
}

/** Totals by option, as a table and as bars; Borda's scores and the score method's means too. */
export function totalsView(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  const totals = r.totals;
  if (!totals) return null;
  const ids =
    r.method === 'consent'
      ? Object.keys(ANSWERS).filter((a) => a in totals)
      : orderedIds(ctx, totals);
  // Shares are what a threshold reads: of 1 with weighted colleges, else of the votes counted.
  const shares = r.method === 'score' ? null : r.shares;
  const headings: MessageKey[] = ['decide.option', 'decide.total'];
  if (shares) headings.push('decide.share');
  if (r.means) headings.push('decide.mean');
  const winners = new Set(r.winners.length > 0 ? r.winners : r.leading);
  const bars: Bar[] = ids.map((id) => {
    const value = shares ? (shares[id] ?? 0) : (totals[id] ?? 0);
    return {
      id,
      label: totalsLabel(ctx, r, id),
      value,
      text: shares ? pct(ctx, value) : fmt(ctx, value),
      winner: winners.has(id),
    };
  });
  const decision = DECISIONS[r.decision];
  return section(
    r.method === 'borda' ? 'decide.borda.title' : 'decide.totals.title',
    'decide-totals',
    decision && h('p', { i18n: decision, testId: 'decide-consent-decision' }),
    barChart(bars, 'decide-chart'),
    dataTable(
      'decide-totals-table',
      'decide.totals.caption',
      headings,
      ids.map((id) => {
        const tr = row(
          'decide-total-row',
          totalsLabel(ctx, r, id),
          figure(fmt(ctx, totals[id] ?? 0), 'decide-total'),
          shares && figure(pct(ctx, shares[id] ?? 0), 'decide-share'),
          r.means && figure(fmt(ctx, r.means[id] ?? 0), 'decide-mean'),
        );
        tr.dataset.option = id;
        return tr;
      }),
    ),
    r.ranking.length > 0 &&
      h('p', {
        text: t('decide.ranking', { list: list(ctx, r.ranking) }),
        testId: 'decide-ranking',
      }),
  );
}

function matrixTable(ctx: ViewContext, m: Matrix, testId: string, caption: MessageKey) {
  const ids = orderedIds(ctx, m);
  return dataTable(
    testId,
    caption,
    ['decide.schulze.over', ...ids.map((id) => ({ text: optionLabel(ctx, id) }))],
    ids.map((x) => {
      const tr = row(
        `${testId}-row`,
        optionLabel(ctx, x),
        ...ids.map((y) => {
          const v = m[x]?.[y];
          const beats = v !== undefined && v > (m[y]?.[x] ?? 0);
          return x === y
            ? figure('—')
            : h('td', {
                className: beats ? 'figure decide-beats' : 'figure',
                // The stronger side of a pair is marked in text, not by colour alone.
                text: v === undefined ? '' : `${fmt(ctx, v)}${beats ? ' ▲' : ''}`,
              });
        }),
      );
      tr.dataset.option = x;
      return tr;
    }),
  );
}

/** Schulze: the pairwise matrix, the strongest paths and the ranking. */
export function schulzeView(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  if (!r.pairwise) return null;
  return section(
    'decide.schulze.title',
    'decide-schulze',
    h('p', { className: 'hint', i18n: 'decide.schulze.hint' }),
    matrixTable(ctx, r.pairwise, 'decide-pairwise', 'decide.schulze.pairwise'),
    r.strongestPaths && matrixTable(ctx, r.strongestPaths, 'decide-paths', 'decide.schulze.paths'),
    r.ranking.length > 0 &&
      h('p', {
        text: t('decide.ranking', { list: list(ctx, r.ranking) }),
        testId: 'decide-ranking',
      }),
  );
}

function outcome(ctx: ViewContext, round: CountRound): string {
  const parts: string[] = [];
  if (round.elected.length > 0) parts.push(t('decide.elected', { list: list(ctx, round.elected) }));
  if (round.eliminated.length > 0) {
    parts.push(t('decide.eliminated', { list: list(ctx, round.eliminated) }));
  }
  for (const tr of round.transfers) {
    parts.push(
      tr.kind === 'surplus'
        ? t('decide.transfer.surplus', {
            from: optionLabel(ctx, tr.from),
            value: fmt(ctx, tr.transferValue ?? 0),
          })
        : t('decide.transfer.elimination', { from: optionLabel(ctx, tr.from) }),
    );
  }
  if (round.tie) parts.push(t('decide.round.tie'));
  if (round.note) parts.push(round.note);
  return parts.join('; ');
}

/** Instant-runoff and STV: a row per round, a column per option, then what the round did. */
export function roundsView(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  if (r.rounds.length === 0) return null;
  const ids = orderedIds(ctx, r.rounds[0]?.counts ?? {});
  return section(
    'decide.rounds.title',
    'decide-rounds',
    r.quota !== null &&
      h('p', {
        testId: 'decide-quota',
        text: t('decide.stv.quota', {
          quota: fmt(ctx, r.quota),
          seats: r.seats ?? r.winners.length,
        }),
      }),
    dataTable(
      'decide-rounds-table',
      'decide.rounds.caption',
      [
        'decide.round',
        ...ids.map((id) => ({ text: optionLabel(ctx, id) })),
        'decide.exhausted',
        'decide.outcome',
      ],
      r.rounds.map((round, i) =>
        row(
          'decide-round-row',
          t('decide.round.n', { n: i + 1 }),
          ...ids.map((id) => {
            const v = round.counts[id];
            return figure(v === undefined ? '–' : fmt(ctx, v));
          }),
          figure(fmt(ctx, round.exhausted)),
          h('td', { text: outcome(ctx, round), testId: 'decide-round-outcome' }),
        ),
      ),
    ),
    r.reserved.length > 0 &&
      dataTable(
        'decide-reserved',
        'decide.stv.reserved',
        ['decide.category', 'decide.reservedSeats', 'decide.reservedElected'],
        r.reserved.map((s) =>
          row(
            'decide-reserved-row',
            s.category,
            figure(fmt(ctx, s.seats)),
            figure(fmt(ctx, s.elected)),
          ),
        ),
      ),
  );
}

const REASONS: Record<string, MessageKey> = {
  fits: 'decide.reason.fits',
  'does not fit': 'decide.reason.noFit',
  'no votes': 'decide.reason.noVotes',
};

function budgetRounds(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  const rounds = r.budget?.rounds ?? [];
  if (rounds.length === 0) return null;
  const shares = r.method === 'equal_shares';
  const headings: MessageKey[] = shares
    ? [
        'decide.option',
        'decide.cost',
        'decide.votes',
        'decide.es.maxPayment',
        'decide.es.effective',
        'decide.es.moneyLeft',
      ]
    : [
        'decide.option',
        'decide.votes',
        'decide.cost',
        'decide.budget.funded',
        'decide.budget.left',
      ];
  return dataTable(
    'decide-budget-rounds',
    'decide.budget.rounds',
    headings,
    rounds.map((b) => {
      const reason = REASONS[b.reason];
      return shares
        ? row(
            'decide-budget-round',
            optionLabel(ctx, b.option),
            figure(fmt(ctx, b.cost)),
            figure(fmt(ctx, b.votes)),
            figure(fmt(ctx, b.maxPayment ?? 0)),
            figure(fmt(ctx, b.effectiveVotes ?? 0)),
            figure(fmt(ctx, b.votersMoneyLeft ?? 0)),
          )
        : row(
            'decide-budget-round',
            optionLabel(ctx, b.option),
            figure(fmt(ctx, b.votes)),
            figure(fmt(ctx, b.cost)),
            h('td', {
              text: `${b.funded ? '✓' : '✗'} ${reason ? t(reason) : b.reason}`,
            }),
            figure(fmt(ctx, b.budgetLeft ?? 0)),
          );
    }),
  );
}

/** Budgeting: the funded projects, the budget spent and left, and how it was spent. */
export function budgetView(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  const b = r.budget;
  if (!b) return null;
  return section(
    'decide.budget.title',
    'decide-budget',
    h('p', {
      testId: 'decide-budget-summary',
      text: t('decide.budget.summary', {
        budget: fmt(ctx, b.budget),
        spent: fmt(ctx, b.spent),
        left: fmt(ctx, b.budgetLeft),
      }),
    }),
    b.sharePerVoter !== null &&
      h('p', { text: t('decide.budget.share', { share: fmt(ctx, b.sharePerVoter) }) }),
    b.funded.length > 0
      ? dataTable(
          'decide-funded',
          'decide.budget.fundedCaption',
          ['decide.option', 'decide.cost', 'decide.votes'],
          b.funded.map((f) =>
            row(
              'decide-funded-row',
              optionLabel(ctx, f.id),
              figure(fmt(ctx, f.cost)),
              figure(fmt(ctx, f.votes)),
            ),
          ),
        )
      : h('p', { i18n: 'decide.budget.none' }),
    budgetRounds(ctx, r),
  );
}

/** Per college: its weight, the weight it counted for, its ballots and the shares within it. */
export function collegesView(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  if (r.colleges.length === 0) return null;
  const ids = orderedIds(ctx, Object.assign({}, ...r.colleges.map((c) => c.shares)) as Numbers);
  return section(
    'decide.colleges.title',
    'decide-colleges',
    r.weightingRule &&
      h('p', { className: 'hint', text: t('decide.rule', { rule: r.weightingRule }) }),
    dataTable(
      'decide-colleges-table',
      'decide.colleges.caption',
      [
        'decide.college',
        'decide.weight',
        'decide.effectiveWeight',
        'decide.count',
        ...ids.map((id) => ({ text: t('decide.shareIn', { option: optionLabel(ctx, id) }) })),
      ],
      r.colleges.map((c) => {
        const tr = row(
          'decide-college-result',
          c.name,
          figure(pct(ctx, c.weight)),
          figure(pct(ctx, c.effectiveWeight)),
          figure(fmt(ctx, c.ballots)),
          ...ids.map((id) => figure(pct(ctx, c.shares[id] ?? 0))),
        );
        tr.dataset.college = c.name;
        return tr;
      }),
    ),
  );
}

/** The method's rule in the engine's words, when it states one. */
export function ruleView(r: TallyResult): HTMLElement | null {
  return r.rule ? h('p', { className: 'hint', text: t('decide.rule', { rule: r.rule }) }) : null;
}
