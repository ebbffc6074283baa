// An allocation of a fund in words and tables (allocation.h; docs/finance.md "Allocation
// output"): the solver's status and gap, the MIP's portfolio beside the greedy ranking's with the
// ratio of their impacts, the applications and what each gets, the binding rules with what each
// costs in impact, and why no allocation exists when none does. Amounts are in currency units.

import { h } from '../dom';
import {
  bindingConstraints,
  formatDecimal,
  formatMoney,
  formatPercent,
  impactRatio,
  type Allocation,
  type Portfolio,
} from '../finance';
import { t, tMaybe } from '../i18n/i18n';
import { financeOrganisationHref } from '../router';
import { table } from './finance_charts';
import { badge, emptyNote, financeSection, type Tone } from './finance_common';

const STATUS_TONES: Record<string, Tone> = {
  optimal: 'good',
  feasible: 'partial',
  infeasible: 'bad',
  no_solution_found: 'bad',
  solver_error: 'bad',
};

export function statusLabel(status: string): string {
  return tMaybe(`finance.solver.${status}`) ?? status;
}

function solverView(a: Allocation, lang: string): HTMLElement {
  return h(
    'div',
    { className: 'finance-solver', testId: 'finance-solver' },
    h(
      'p',
      {},
      badge(STATUS_TONES[a.status] ?? 'partial', statusLabel(a.status), 'finance-solver-status'),
      ' ',
      h('span', { text: a.solver }),
    ),
    h('p', {
      testId: 'finance-solver-figures',
      text: t('finance.solver.figures', {
        seconds: formatDecimal(a.seconds, lang),
        gap: formatPercent(a.gap, lang, 2),
        bound: formatDecimal(a.bestBound, lang),
      }),
    }),
  );
}

/** "The exact allocation reaches 1.25 times the impact of the greedy ranking (+25%)." */
export function ratioSentence(a: Allocation, lang: string): string {
  const ratio = impactRatio(a);
  if (ratio === null) return t('finance.compare.noRatio');
  return t('finance.compare.ratio', {
    ratio: formatDecimal(ratio, lang),
    change: formatPercent(ratio - 1, lang, 1, true),
  });
}

function compareTable(a: Allocation, currency: string, lang: string): HTMLElement {
  const row = (key: Parameters<typeof t>[0], value: (p: Portfolio) => string, testId: string) =>
    h(
      'tr',
      { testId },
      h('th', { i18n: key, attrs: { scope: 'row' } }),
      h('td', { className: 'figure', text: value(a.mip) }),
      h('td', { className: 'figure', text: value(a.greedy) }),
    );
  const money = (v: number) => formatMoney(v, currency, lang);
  return table(
    'finance-compare-table',
    'finance.compare.caption',
    ['finance.compare.measure', 'finance.compare.mip', 'finance.compare.greedy'],
    [
      row('finance.compare.impact', (p) => formatDecimal(p.impact, lang), 'finance-compare-impact'),
      row('finance.compare.allocated', (p) => money(p.allocated), 'finance-compare-allocated'),
      row('finance.compare.funded', (p) => formatDecimal(p.funded, lang), 'finance-compare-funded'),
      row('finance.compare.private', (p) => money(p.privateCapital), 'finance-compare-private'),
      row('finance.compare.firstLoss', (p) => money(p.firstLoss), 'finance-compare-first-loss'),
    ],
  );
}

function portfolioTable(a: Allocation, currency: string, lang: string): HTMLElement {
  if (a.applications.length === 0)
    return emptyNote('finance.portfolio.none', 'finance-portfolio-none');
  const money = (v: number) => (v > 0 ? formatMoney(v, currency, lang) : '–');
  const rows = [...a.applications]
    .sort((x, y) => y.mip - x.mip || x.id.localeCompare(y.id))
    .map((app) =>
      h(
        'tr',
        {
          testId: 'finance-portfolio-row',
          attrs: { 'data-application': app.id, 'data-funded': app.mip > 0 },
        },
        h('th', { text: app.id, attrs: { scope: 'row' } }),
        h(
          'td',
          {},
          app.actorId
            ? h('a', { text: app.actorId, attrs: { href: financeOrganisationHref(app.actorId) } })
            : '–',
        ),
        h('td', {
          className: 'figure',
          text: app.requested > 0 ? formatMoney(app.requested, currency, lang) : '–',
        }),
        h('td', { className: 'figure', text: money(app.mip), testId: 'finance-portfolio-mip' }),
        h('td', {
          className: 'figure',
          text: money(app.greedy),
          testId: 'finance-portfolio-greedy',
        }),
      ),
    );
  return table(
    'finance-portfolio-table',
    'finance.portfolio.caption',
    [
      'finance.applications.id',
      'finance.applications.organisation',
      'finance.applications.requested',
      'finance.compare.mip',
      'finance.compare.greedy',
    ],
    rows,
  );
}

function constraintsTable(a: Allocation, lang: string): HTMLElement {
  const binding = bindingConstraints(a);
  if (binding.length === 0) {
    const analysed = a.constraints.some((c) => c.analysed);
    return emptyNote(
      analysed ? 'finance.constraints.none' : 'finance.constraints.notAnalysed',
      'finance-constraints-none',
    );
  }
  const rows = binding.map((c) =>
    h(
      'tr',
      { testId: 'finance-constraint-row', attrs: { 'data-constraint': c.id } },
      h('th', { text: constraintLabel(c.id, c.family), attrs: { scope: 'row' } }),
      h('td', {
        className: 'figure',
        text: `${formatDecimal(c.activity, lang)} / ${formatDecimal(c.limit, lang)}`,
      }),
      h('td', {
        className: 'figure',
        text: formatDecimal(c.impactCost ?? 0, lang),
        testId: 'finance-constraint-cost',
      }),
      h('td', {
        className: 'figure',
        text: c.impactWithout === null ? '–' : formatDecimal(c.impactWithout, lang),
      }),
    ),
  );
  return table(
    'finance-constraints-table',
    'finance.constraints.caption',
    [
      'finance.constraints.rule',
      'finance.constraints.use',
      'finance.constraints.cost',
      'finance.constraints.without',
    ],
    rows,
  );
}

/** A rule in words when the catalogue knows its family ("budget"), else its id. */
function constraintLabel(id: string, family: string): string {
  const name = tMaybe(`finance.constraint.${family}`);
  return name && name !== id ? `${name} (${id})` : id;
}

function reasons(
  key: Parameters<typeof t>[0],
  items: string[],
  testId: string,
): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'div',
    { className: 'finance-reasons', testId },
    h('p', { i18n: key }),
    h('ul', {}, ...items.map((text) => h('li', { text }))),
  );
}

/** The whole allocation. */
export function allocationView(a: Allocation, currency: string, lang: string): HTMLElement {
  return h(
    'div',
    { className: 'finance-allocation', testId: 'finance-allocation-result' },
    solverView(a, lang),
    reasons('finance.allocation.infeasible', a.infeasibility, 'finance-infeasibility'),
    reasons('finance.allocation.unfundable', a.unfundable, 'finance-unfundable'),
    financeSection(
      'finance.compare.title',
      'finance-compare',
      h('p', { className: 'finance-ratio', text: ratioSentence(a, lang), testId: 'finance-ratio' }),
      compareTable(a, currency, lang),
      reasons(
        'finance.allocation.greedyViolations',
        a.greedyViolations,
        'finance-greedy-violations',
      ),
    ),
    financeSection(
      'finance.portfolio.title',
      'finance-portfolio',
      portfolioTable(a, currency, lang),
    ),
    financeSection(
      'finance.constraints.title',
      'finance-constraints',
      h('p', { className: 'hint', i18n: 'finance.constraints.intro' }),
      constraintsTable(a, lang),
    ),
  );
}
