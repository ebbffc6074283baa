// A fund (#/finance/funds/{id}[?loss=cents]): its capital stack (tranches in loss order, public
// and private told apart by pattern and words), the leverage check, the waterfall chart of losses
// from 0 to 100% of the committed total, a loss the reader types (in currency units, sent in
// cents) with the table of who absorbs what, its applications and the engine's warnings
// (GET /finance/funds/{id}?loss=).

import '../styles/finance.css';
import { apiRefusal } from '../components/api_refusal';
import { capitalStackChart, table, waterfallChart } from '../components/finance_charts';
import { badge, emptyNote, financeSection } from '../components/finance_common';
import { clearFieldErrors, markFieldError, pageForm, submitButton } from '../components/form_field';
import { definitionList } from '../components/definition_list';
import { h } from '../dom';
import {
  centsFromInput,
  formatCents,
  formatDecimal,
  formatMoney,
  formatPercent,
  inputFromCents,
  type FinanceRecord,
  type FundView,
  type Leverage,
  type Waterfall,
} from '../finance';
import { financeApi } from '../finance_api';
import { num, str } from '../json_read';
import { getLang, t, translateTree } from '../i18n/i18n';
import {
  FINANCE_HREF,
  financeAllocationHref,
  financeLoansHref,
  financeOrganisationHref,
  type Route,
} from '../router';
import type { Page } from './page';

export class FinanceFundPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'finance.fund.title', attrs: { tabindex: -1 } });
  private readonly body = h('div', { className: 'finance-body', testId: 'finance-fund-body' });
  private readonly lossArea = h('div', {
    testId: 'finance-loss-area',
    attrs: { 'aria-live': 'polite' },
  });
  private readonly lossInput = h('input', {
    attrs: {
      id: 'finance-loss',
      name: 'loss',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      required: true,
    },
    testId: 'finance-loss-input',
  });
  private readonly controller = new AbortController();
  private lossController: AbortController | null = null;
  private view: FundView | null = null;

  constructor(
    private readonly id: string,
    route: Route,
  ) {
    this.element = h(
      'article',
      {
        className: 'page finance-page finance-fund-page',
        testId: 'finance-fund-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'finance.breadcrumb' } },
        h('a', { i18n: 'finance.title', attrs: { href: FINANCE_HREF } }),
      ),
      this.heading,
      this.body,
    );
    const loss = route.params.get('loss') ?? '';
    void this.load(/^\d{1,15}$/.test(loss) ? Number(loss) : undefined);
  }

  title(): string {
    return this.view?.fund.name ?? t('finance.fund.title');
  }

  update(route: Route): boolean {
    return route.page === 'finance_fund' && route.id === this.id;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.view) this.render(this.view);
  }

  destroy(): void {
    this.controller.abort();
    this.lossController?.abort();
  }

  private async load(loss?: number): Promise<void> {
    const signal = this.controller.signal;
    this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      const view = await financeApi.fund(this.id, loss, signal);
      if (signal.aborted) return;
      this.view = view;
      this.render(view);
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('finance.fund.error', error));
    } finally {
      if (!signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private render(view: FundView): void {
    const lang = getLang();
    const { fund } = view;
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = fund.name;
    document.title = `${fund.name} · Ecosol`;
    this.lossInput.value = inputFromCents(view.waterfall.loss);
    this.lossArea.replaceChildren(lossTable(view, view.waterfall, lang));
    this.body.replaceChildren(
      ...warnings(view.warnings),
      h(
        'ul',
        { className: 'finance-links' },
        h(
          'li',
          {},
          h('a', {
            i18n: 'finance.allocation.link',
            attrs: { href: financeAllocationHref(fund.id) },
            testId: 'finance-allocation-link',
          }),
        ),
        h(
          'li',
          {},
          h('a', {
            text: t('finance.fund.loans', {
              n: formatDecimal(view.loans.count, lang),
              amount: formatCents(view.loans.outstanding, fund.currency, lang),
            }),
            attrs: { href: financeLoansHref('', fund.id) },
            testId: 'finance-fund-loans-link',
          }),
        ),
      ),
      fund.tranches.length === 0
        ? emptyNote('finance.fund.noTranches', 'finance-no-tranches')
        : financeSection('finance.stack.title', 'finance-stack', capitalStackChart(fund, lang)),
      financeSection(
        'finance.leverage.title',
        'finance-leverage-section',
        leverageView(view.leverage, fund.currency, lang),
      ),
      view.losses.length === 0
        ? ''
        : financeSection(
            'finance.waterfall.title',
            'finance-waterfall',
            h('p', { className: 'hint', i18n: 'finance.waterfall.intro' }),
            waterfallChart(fund, view.losses, lang),
          ),
      financeSection(
        'finance.loss.title',
        'finance-loss',
        this.lossForm(fund.currency),
        this.lossArea,
      ),
      financeSection(
        'finance.applications.title',
        'finance-applications',
        applicationsTable(view.applications, fund.currency, lang),
      ),
    );
  }

  private lossForm(currency: string): HTMLFormElement {
    const form = pageForm(
      {
        className: 'finance-loss-form',
        label: 'finance.loss.formLabel',
        testId: 'finance-loss-form',
        noValidate: true,
      },
      () => void this.changeLoss(form),
      h('label', {
        text: t('finance.loss.label', { currency: currency || '–' }),
        attrs: { for: this.lossInput.id },
      }),
      this.lossInput,
      submitButton('finance.loss.submit', 'finance-loss-submit'),
    );
    return form;
  }

  /** Reads the loss typed in currency units, asks for its waterfall in cents, shows its table. */
  private async changeLoss(form: HTMLFormElement): Promise<void> {
    clearFieldErrors(form);
    const cents = centsFromInput(this.lossInput.value);
    if (cents === null) {
      markFieldError(this.lossInput, t('finance.loss.invalid'));
      this.lossInput.focus();
      return;
    }
    this.lossController?.abort();
    const controller = new AbortController();
    this.lossController = controller;
    this.lossArea.setAttribute('aria-busy', 'true');
    try {
      const view = await financeApi.fund(this.id, cents, controller.signal);
      if (controller.signal.aborted || !this.view) return;
      this.view = { ...this.view, waterfall: view.waterfall };
      this.lossArea.replaceChildren(lossTable(this.view, view.waterfall, getLang()));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.lossArea.replaceChildren(apiRefusal('finance.loss.error', error));
    } finally {
      if (this.lossController === controller) this.lossArea.removeAttribute('aria-busy');
    }
  }
}

function warnings(items: string[]): HTMLElement[] {
  if (items.length === 0) return [];
  return [
    h(
      'div',
      { className: 'finance-warnings', attrs: { role: 'note' }, testId: 'finance-warnings' },
      h('p', { i18n: 'finance.fund.warnings' }),
      h('ul', {}, ...items.map((w) => h('li', { text: w, testId: 'finance-warning' }))),
    ),
  ];
}

export function leverageView(
  leverage: Leverage | null,
  currency: string,
  lang: string,
): HTMLElement {
  if (!leverage) return emptyNote('finance.leverage.none', 'finance-leverage-none');
  const rule = `${formatDecimal(leverage.minPrivatePerPublic, lang)} : 1`;
  return (
    definitionList([
      {
        label: 'finance.leverage.result',
        value: leverage.passes
          ? badge('good', t('finance.leverage.passes', { rule }), 'finance-leverage-badge')
          : badge('bad', t('finance.leverage.fails', { rule }), 'finance-leverage-badge'),
      },
      {
        label: 'finance.leverage.ratio',
        value: leverage.ratio === null ? '–' : `${formatDecimal(leverage.ratio, lang)} : 1`,
        testId: 'finance-leverage-ratio',
      },
      { label: 'finance.funds.public', value: formatCents(leverage.public, currency, lang) },
      { label: 'finance.funds.private', value: formatCents(leverage.private, currency, lang) },
      {
        label: 'finance.leverage.needed',
        value: formatCents(leverage.privateNeeded, currency, lang),
      },
      {
        label: 'finance.leverage.shortfall',
        value: leverage.shortfall > 0 ? formatCents(leverage.shortfall, currency, lang) : '',
      },
      {
        label: 'finance.leverage.basis',
        value:
          leverage.basis === 'drawn'
            ? t('finance.leverage.onDrawn')
            : t('finance.leverage.onCommitted'),
      },
      { label: 'finance.leverage.source', value: leverage.source },
    ]) ?? h('p')
  );
}

/** Who absorbs what of one loss: a row per tranche, then the totals. */
export function lossTable(view: FundView, w: Waterfall, lang: string): HTMLElement {
  const money = (cents: number) => formatCents(cents, view.fund.currency, lang);
  const names = new Map(view.fund.tranches.map((tr) => [tr.id, tr.name]));
  const rows = w.tranches.map((tr) =>
    h(
      'tr',
      { testId: 'finance-loss-row', attrs: { 'data-tranche': tr.id } },
      h('th', { text: names.get(tr.id) ?? tr.id, attrs: { scope: 'row' } }),
      h('td', { className: 'figure', text: money(tr.amount) }),
      h('td', { className: 'figure', text: money(tr.absorbed), testId: 'finance-loss-absorbed' }),
      h('td', { className: 'figure', text: money(tr.remaining) }),
      h('td', { className: 'figure', text: formatPercent(tr.shareLost, lang) }),
      h('td', { className: 'figure', text: `${money(tr.attachment)} – ${money(tr.detachment)}` }),
    ),
  );
  return h(
    'div',
    {},
    h('p', {
      testId: 'finance-loss-summary',
      text: t('finance.loss.summary', {
        loss: money(w.loss),
        absorbed: money(w.absorbed),
        unabsorbed: money(w.unabsorbed),
        total: money(w.total),
      }),
    }),
    table(
      'finance-loss-table',
      'finance.loss.caption',
      [
        'finance.tranche.name',
        'finance.loss.amount',
        'finance.loss.absorbed',
        'finance.loss.remaining',
        'finance.loss.shareLost',
        'finance.loss.layer',
      ],
      rows,
    ),
  );
}

/** Applications to the fund (allocation.h Application): amounts in currency units. */
export function applicationsTable(
  apps: FinanceRecord[],
  currency: string,
  lang: string,
): HTMLElement {
  if (apps.length === 0) return emptyNote('finance.applications.none', 'finance-applications-none');
  const rows = apps.map((r) =>
    h(
      'tr',
      { testId: 'finance-application-row', attrs: { 'data-application': r.id } },
      h('th', { text: r.id, attrs: { scope: 'row' } }),
      h(
        'td',
        {},
        r.actorId
          ? h('a', { text: r.actorId, attrs: { href: financeOrganisationHref(r.actorId) } })
          : '–',
      ),
      h('td', { className: 'figure', text: formatMoney(num(r.doc.requested), currency, lang) }),
      h('td', { className: 'figure', text: formatDecimal(num(r.doc.impact_score), lang) }),
      h('td', { text: [str(r.doc.region), str(r.doc.sector)].filter(Boolean).join(' · ') }),
    ),
  );
  return table(
    'finance-applications-table',
    'finance.applications.caption',
    [
      'finance.applications.id',
      'finance.applications.organisation',
      'finance.applications.requested',
      'finance.applications.impact',
      'finance.applications.where',
    ],
    rows,
  );
}
