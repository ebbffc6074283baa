// The loan book (#/finance/loans?as_of=&fund=): the portfolio at risk at a date (PAR30 and
// PAR90: the outstanding principal of loans more than 30 or 90 days late over all outstanding
// principal), with and without restructured loans, the principal written off, and the loans,
// the latest first, each linked to its borrower's finance page (GET /finance/loan-book).

import '../styles/finance.css';
import { apiRefusal } from '../components/api_refusal';
import { table } from '../components/finance_charts';
import { badge, emptyNote, financeSection } from '../components/finance_common';
import { labelledControl, pageForm, submitButton } from '../components/form_field';
import { h, option } from '../dom';
import {
  formatCents,
  formatDecimal,
  formatPercent,
  type LoanBook,
  type ParFigure,
  type ParThreshold,
} from '../finance';
import { financeApi } from '../finance_api';
import { formatDate } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import { FINANCE_HREF, financeLoansHref, financeOrganisationHref, type Route } from '../router';
import type { Page, PageContext } from './page';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FinanceLoansPage implements Page {
  readonly element: HTMLElement;
  private readonly asOfInput = h('input', {
    attrs: { id: 'finance-as-of', name: 'as_of', type: 'date' },
    testId: 'finance-as-of',
  });
  private readonly fundSelect = h('select', {
    attrs: { id: 'finance-fund', name: 'fund' },
    testId: 'finance-fund-filter',
  });
  private readonly body = h('div', { testId: 'finance-loans-body' });
  private controller: AbortController | null = null;
  private asOf = '';
  private fund = '';
  private book: LoanBook | null = null;

  constructor(
    route: Route,
    private readonly ctx: PageContext,
  ) {
    this.element = h(
      'section',
      { className: 'page finance-page finance-loans-page', testId: 'finance-loans-page' },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'finance.breadcrumb' } },
        h('a', { i18n: 'finance.title', attrs: { href: FINANCE_HREF } }),
      ),
      h('h1', { i18n: 'finance.loans.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'finance.loans.intro' }),
      pageForm(
        {
          className: 'finance-filter-form',
          label: 'finance.loans.formLabel',
          testId: 'finance-loans-form',
        },
        () => this.ctx.navigate(financeLoansHref(this.asOfInput.value, this.fundSelect.value)),
        labelledControl('finance.loans.asOf', this.asOfInput, 'finance.loans.asOfHint'),
        labelledControl('finance.loans.fund', this.fundSelect),
        submitButton('finance.loans.show', 'finance-loans-submit'),
      ),
      this.body,
    );
    this.follow(route);
  }

  title(): string {
    return t('finance.loans.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'finance_loans') return false;
    this.follow(route);
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.book) this.render(this.book);
  }

  destroy(): void {
    this.controller?.abort();
  }

  private follow(route: Route): void {
    const asOf = route.params.get('as_of') ?? '';
    this.asOf = DATE.test(asOf) ? asOf : '';
    this.fund = route.params.get('fund') ?? '';
    this.asOfInput.value = this.asOf;
    void this.load();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.element.setAttribute('aria-busy', 'true');
    this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      const book = await financeApi.loanBook(this.asOf, this.fund, controller.signal);
      if (controller.signal.aborted) return;
      this.book = book;
      this.render(book);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.book = null;
      this.body.replaceChildren(apiRefusal('finance.loans.error', error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private render(book: LoanBook): void {
    const lang = getLang();
    if (!this.asOfInput.value && book.asOf) this.asOfInput.value = book.asOf;
    this.fillFunds(book);
    this.body.replaceChildren(
      h('p', {
        testId: 'finance-loans-as-of',
        text: t('finance.loans.asOfText', { date: formatDate(book.asOf, lang) }),
      }),
      financeSection(
        'finance.par.title',
        'finance-par',
        h('p', { className: 'hint', i18n: 'finance.par.intro' }),
        h(
          'div',
          { className: 'finance-par-cards' },
          ...book.thresholds.map((th) => parCard(th, book.currency, lang)),
        ),
        h('p', {
          testId: 'finance-written-off',
          text: t('finance.loans.writtenOff', {
            amount: formatCents(book.writtenOffPrincipal, book.currency, lang),
          }),
        }),
      ),
      financeSection('finance.loans.listTitle', 'finance-loans-list', loansTable(book, lang)),
    );
  }

  private fillFunds(book: LoanBook): void {
    const funds = [...new Set([...book.funds, ...(this.fund ? [this.fund] : [])])].sort();
    this.fundSelect.replaceChildren(
      option('', { i18n: 'finance.loans.allFunds' }),
      ...funds.map((f) => option(f, { text: f })),
    );
    this.fundSelect.value = this.fund;
  }
}

function figureText(f: ParFigure, currency: string, lang: string): string {
  return t('finance.par.figure', {
    ratio: formatPercent(f.ratio, lang),
    atRisk: formatCents(f.atRisk, currency, lang),
    outstanding: formatCents(f.outstanding, currency, lang),
    n: formatDecimal(f.loansAtRisk, lang),
  });
}

/** PAR{days}: the headline ratio, its amounts, and the same with and without restructured loans. */
function parCard(th: ParThreshold, currency: string, lang: string): HTMLElement {
  return h(
    'div',
    { className: 'finance-par-card', testId: 'finance-par-card', attrs: { 'data-days': th.days } },
    h('h3', { text: t('finance.par.name', { days: th.days }) }),
    h('p', {
      className: 'finance-par-ratio',
      text: formatPercent(th.all.ratio, lang),
      testId: 'finance-par-ratio',
    }),
    h('p', { text: figureText(th.all, currency, lang), testId: 'finance-par-all' }),
    h(
      'dl',
      { className: 'fields' },
      h(
        'div',
        { className: 'field' },
        h('dt', { i18n: 'finance.par.excludingRestructured' }),
        h('dd', {
          text: figureText(th.excludingRestructured, currency, lang),
          testId: 'finance-par-excluding',
        }),
      ),
      h(
        'div',
        { className: 'field' },
        h('dt', { i18n: 'finance.par.restructured' }),
        h('dd', {
          text: figureText(th.restructured, currency, lang),
          testId: 'finance-par-restructured',
        }),
      ),
    ),
  );
}

function loansTable(book: LoanBook, lang: string): HTMLElement {
  if (book.loans.length === 0) return emptyNote('finance.loans.none', 'finance-loans-none');
  const money = (c: number) => formatCents(c, book.currency, lang);
  const rows = book.loans.map((l) =>
    h(
      'tr',
      { testId: 'finance-loan-row', attrs: { 'data-loan': l.id, 'data-days': l.daysInArrears } },
      h('th', { text: l.id, attrs: { scope: 'row' } }),
      h(
        'td',
        {},
        l.actorId
          ? h('a', {
              text: l.actorName || l.actorId,
              attrs: { href: financeOrganisationHref(l.actorId) },
              testId: 'finance-loan-borrower',
            })
          : '–',
      ),
      h('td', { text: l.parent || '–' }),
      h('td', { className: 'figure', text: money(l.principal) }),
      h('td', { text: formatDate(l.disbursedOn, lang) }),
      h('td', { className: 'figure', text: money(l.outstandingPrincipal) }),
      h('td', {
        className: 'figure',
        text: formatDecimal(l.daysInArrears, lang),
        testId: 'finance-loan-days',
      }),
      h(
        'td',
        {},
        l.writtenOff && badge('bad', t('finance.loans.writtenOffFlag')),
        l.restructured && badge('partial', t('finance.loans.restructuredFlag')),
        !l.writtenOff &&
          !l.restructured &&
          l.daysInArrears === 0 &&
          badge('good', t('finance.loans.current')),
      ),
    ),
  );
  return table(
    'finance-loans-table',
    'finance.loans.caption',
    [
      'finance.loans.id',
      'finance.loans.borrower',
      'finance.loans.fundColumn',
      'finance.loans.principal',
      'finance.loans.disbursed',
      'finance.loans.outstanding',
      'finance.loans.days',
      'finance.loans.state',
    ],
    rows,
  );
}
