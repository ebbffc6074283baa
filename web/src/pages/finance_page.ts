// Social finance (#/finance): the funds with their committed capital, public and private shares
// and leverage check (GET /finance/funds); the stored funders, each linking to its applicants
// (GET /finance/records/funder, stewards and admins: a refusal shows in that section only); the
// guarantee funds and the match-funded campaigns, each list read from its records and each item
// evaluated by the server (GET /finance/guarantee-funds/{id}, /finance/campaigns/{id}; stewards
// and admins too, refused in their own section); links
// to the loan book and the impact exports; a box to open an organisation's finance page; and the
// catalogue of mechanisms on the three ILO axes (GET /finance/mechanisms).

import '../styles/finance.css';
import { table } from '../components/finance_charts';
import {
  axisLabel,
  badge,
  emptyNote,
  financeSection,
  loadInto,
} from '../components/finance_common';
import { funderListTable, mechanismLabels } from '../components/finance_funder_views';
import { campaignsView, guaranteeFundsView, viewsOf } from '../components/finance_guarantee_views';
import { pageForm, submitButton, suggestActors } from '../components/form_field';
import { h } from '../dom';
import {
  formatCents,
  formatDecimal,
  type CatalogueMechanism,
  type FundSummary,
  type Leverage,
} from '../finance';
import { financeApi, impactUrl } from '../finance_api';
import { getLang, t, translateTree } from '../i18n/i18n';
import { financeFundHref, financeLoansHref, financeOrganisationHref } from '../router';
import { instrumentLabel } from '../components/finance_charts';
import type { Page, PageContext } from './page';

export class FinancePage implements Page {
  readonly element: HTMLElement;
  private readonly funds = h('div', { testId: 'finance-funds-area' });
  private readonly funders = h('div', { testId: 'finance-funders-area' });
  private readonly guaranteeFunds = h('div', { testId: 'finance-guarantee-funds-area' });
  private readonly campaigns = h('div', { testId: 'finance-campaigns-area' });
  private readonly mechanisms = h('div', { testId: 'finance-mechanisms-area' });
  private readonly actorInput = h('input', {
    attrs: {
      id: 'finance-actor',
      name: 'actor',
      type: 'text',
      autocomplete: 'off',
      list: 'finance-actor-list',
      required: true,
    },
    testId: 'finance-actor',
  });
  private readonly controller = new AbortController();
  private readonly stopSuggest: () => void;

  constructor(private readonly ctx: PageContext) {
    const list = h('datalist', { attrs: { id: 'finance-actor-list' } });
    this.stopSuggest = suggestActors(this.actorInput, list);
    this.element = h(
      'section',
      { className: 'page finance-page', testId: 'finance-page' },
      h('h1', { i18n: 'finance.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'finance.intro' }),
      h(
        'ul',
        { className: 'finance-links' },
        h(
          'li',
          {},
          h('a', {
            i18n: 'finance.loans.link',
            attrs: { href: financeLoansHref() },
            testId: 'finance-loans-link',
          }),
        ),
        h(
          'li',
          {},
          h('a', {
            i18n: 'finance.impact.csv',
            attrs: { href: impactUrl('csv'), download: '' },
            testId: 'finance-impact-csv',
          }),
        ),
        h(
          'li',
          {},
          h('a', {
            i18n: 'finance.impact.jsonld',
            attrs: { href: impactUrl('jsonld'), download: '' },
            testId: 'finance-impact-jsonld',
          }),
        ),
      ),
      pageForm(
        {
          className: 'finance-actor-form',
          label: 'finance.organisation.formLabel',
          testId: 'finance-actor-form',
        },
        () => this.openOrganisation(),
        h('label', { i18n: 'finance.organisation.actorId', attrs: { for: 'finance-actor' } }),
        this.actorInput,
        list,
        submitButton('finance.organisation.open', 'finance-actor-submit'),
      ),
      financeSection('finance.funds.title', 'finance-funds', this.funds),
      financeSection('finance.funders.title', 'finance-funder-records', this.funders),
      financeSection(
        'finance.guaranteeFunds.title',
        'finance-guarantee-funds',
        h('p', { className: 'hint', i18n: 'finance.guaranteeFunds.intro' }),
        this.guaranteeFunds,
      ),
      financeSection(
        'finance.campaigns.title',
        'finance-campaigns',
        h('p', { className: 'hint', i18n: 'finance.campaigns.intro' }),
        this.campaigns,
      ),
      financeSection(
        'finance.mechanisms.title',
        'finance-mechanisms',
        h('p', { className: 'hint', i18n: 'finance.mechanisms.intro' }),
        this.mechanisms,
      ),
    );
    this.load();
  }

  title(): string {
    return t('finance.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.load();
  }

  destroy(): void {
    this.controller.abort();
    this.stopSuggest();
  }

  private openOrganisation(): void {
    const id = this.actorInput.value.trim();
    if (id) this.ctx.navigate(financeOrganisationHref(id));
  }

  private load(): void {
    const signal = this.controller.signal;
    const lang = getLang();
    void loadInto(
      this.funds,
      signal,
      'finance.funds.error',
      () => financeApi.funds(signal),
      (funds) => [fundsTable(funds, lang)],
    );
    const catalogue = financeApi.mechanisms(lang, signal);
    void loadInto(
      this.funders,
      signal,
      'finance.funders.error',
      () => Promise.all([financeApi.funders(signal), catalogue.catch(() => [])]),
      ([funders, items]) => [funderListTable(funders, mechanismLabels(items), lang)],
    );
    this.loadGuaranteesAndCampaigns(signal, lang);
    void loadInto(
      this.mechanisms,
      signal,
      'finance.mechanisms.error',
      () => catalogue,
      (items) => [mechanismsTable(items)],
    );
  }

  /** Each list, then the view of each of its items (they are few). */
  private loadGuaranteesAndCampaigns(signal: AbortSignal, lang: string): void {
    const ids = (records: { id: string }[]) => records.map((r) => r.id);
    void loadInto(
      this.guaranteeFunds,
      signal,
      'finance.guaranteeFunds.error',
      async () =>
        viewsOf(ids(await financeApi.guaranteeFunds(signal)), (id) =>
          financeApi.guaranteeFund(id, signal),
        ),
      (funds) => [guaranteeFundsView(funds, lang)],
    );
    void loadInto(
      this.campaigns,
      signal,
      'finance.campaigns.error',
      async () =>
        viewsOf(ids(await financeApi.campaigns(signal)), (id) =>
          financeApi.campaign(id, undefined, signal),
        ),
      (campaigns) => [campaignsView(campaigns, lang)],
    );
  }
}

/** "2.5 : 1 (passes the 2 : 1 rule)" with a badge; "–" without public money. */
export function leverageCell(leverage: Leverage | null, lang: string): HTMLElement {
  if (!leverage) return h('td', { text: '–' });
  const ratio = leverage.ratio === null ? '–' : `${formatDecimal(leverage.ratio, lang)} : 1`;
  const rule = `${formatDecimal(leverage.minPrivatePerPublic, lang)} : 1`;
  return h(
    'td',
    { testId: 'finance-leverage' },
    h('span', { text: ratio, testId: 'finance-leverage-ratio' }),
    ' ',
    leverage.passes
      ? badge('good', t('finance.leverage.passes', { rule }), 'finance-leverage-badge')
      : badge('bad', t('finance.leverage.fails', { rule }), 'finance-leverage-badge'),
  );
}

function fundsTable(funds: FundSummary[], lang: string): HTMLElement {
  if (funds.length === 0) return emptyNote('finance.funds.none', 'finance-funds-none');
  const rows = funds.map((f) =>
    h(
      'tr',
      { testId: 'finance-fund-row', attrs: { 'data-fund': f.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', {
          text: f.name,
          attrs: { href: financeFundHref(f.id) },
          testId: 'finance-fund-link',
        }),
      ),
      h('td', { className: 'figure', text: formatCents(f.committed, f.currency, lang) }),
      h('td', { className: 'figure', text: formatCents(f.public, f.currency, lang) }),
      h('td', { className: 'figure', text: formatCents(f.private, f.currency, lang) }),
      leverageCell(f.leverage, lang),
      h('td', { className: 'figure', text: formatDecimal(f.applications, lang) }),
      h('td', { className: 'figure', text: formatDecimal(f.loans, lang) }),
    ),
  );
  return table(
    'finance-funds-table',
    'finance.funds.caption',
    [
      'finance.funds.name',
      'finance.funds.committed',
      'finance.funds.public',
      'finance.funds.private',
      'finance.funds.leverage',
      'finance.funds.applications',
      'finance.funds.loans',
    ],
    rows,
  );
}

function mechanismsTable(items: CatalogueMechanism[]): HTMLElement {
  if (items.length === 0) return emptyNote('finance.mechanisms.none', 'finance-mechanisms-none');
  const rows = items.map((m) =>
    h(
      'tr',
      { testId: 'finance-mechanism-row', attrs: { 'data-mechanism': m.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('span', { text: m.label }),
        m.description && h('p', { className: 'hint', text: m.description }),
      ),
      h('td', { text: axisLabel(m.axes.origin) }),
      h('td', { text: axisLabel(m.axes.provider) }),
      h('td', { text: axisLabel(m.axes.terms) }),
      h('td', { text: instrumentLabel(m.instrument) }),
    ),
  );
  return table(
    'finance-mechanisms-table',
    'finance.mechanisms.caption',
    [
      'finance.mechanisms.name',
      'finance.axis.origin',
      'finance.axis.provider',
      'finance.axis.terms',
      'finance.tranche.instrument',
    ],
    rows,
  );
}
