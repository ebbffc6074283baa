// An organisation's finance (#/finance/organisations/{actor id}): readiness, the mechanisms that
// fit it, the funders it may apply to, its applications and loans, and its share register's
// withdrawal plan (GET /finance/organisations/{id}?lang=). Texts of the frameworks come in the
// reader's language: a language change asks again.

import '../styles/finance.css';
import { apiRefusal } from '../components/api_refusal';
import { financeSection } from '../components/finance_common';
import {
  fundersView,
  mechanismsView,
  organisationApplications,
  organisationLoans,
  readinessView,
  sharePlanView,
} from '../components/finance_organisation_views';
import { h } from '../dom';
import type { OrganisationFinance } from '../finance';
import { financeApi } from '../finance_api';
import { getLang, t, translateTree } from '../i18n/i18n';
import { actorHref, FINANCE_HREF, type Route } from '../router';
import type { Page } from './page';

export class FinanceOrganisationPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', {
    i18n: 'finance.organisation.title',
    attrs: { tabindex: -1 },
  });
  private readonly body = h('div', { testId: 'finance-organisation-body' });
  private controller: AbortController | null = null;
  private data: OrganisationFinance | null = null;

  constructor(private readonly id: string) {
    this.element = h(
      'article',
      {
        className: 'page finance-page finance-organisation-page',
        testId: 'finance-organisation-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'finance.breadcrumb' } },
        h('a', { i18n: 'finance.title', attrs: { href: FINANCE_HREF } }),
        ' › ',
        h('a', {
          i18n: 'finance.organisation.profile',
          attrs: { href: actorHref(id) },
          testId: 'finance-actor-profile-link',
        }),
      ),
      this.heading,
      this.body,
    );
    void this.load();
  }

  title(): string {
    return this.data
      ? t('finance.organisation.titleOf', { name: this.data.actor.name || this.id })
      : t('finance.organisation.title');
  }

  update(route: Route): boolean {
    return route.page === 'finance_organisation' && route.id === this.id;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    void this.load();
  }

  destroy(): void {
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.element.setAttribute('aria-busy', 'true');
    this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      const data = await financeApi.organisation(this.id, getLang(), controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.render(data);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.body.replaceChildren(apiRefusal('finance.organisation.error', error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private render(d: OrganisationFinance): void {
    const lang = getLang();
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = this.title();
    document.title = `${this.title()} · Ecosol`;
    this.body.replaceChildren(
      d.actor.territory
        ? h('p', {
            className: 'hint',
            text: d.actor.territory,
            testId: 'finance-organisation-territory',
          })
        : '',
      financeSection(
        'finance.readiness.title',
        'finance-readiness-section',
        readinessView(d.readiness, lang),
      ),
      financeSection(
        'finance.fit.title',
        'finance-fit',
        h('p', { className: 'hint', i18n: 'finance.fit.intro' }),
        mechanismsView(d.mechanisms),
      ),
      financeSection('finance.funder.title', 'finance-funders', fundersView(d.funders)),
      financeSection(
        'finance.applications.title',
        'finance-org-applications-section',
        organisationApplications(d.applications, lang),
      ),
      financeSection(
        'finance.loans.orgTitle',
        'finance-org-loans-section',
        organisationLoans(d.loans, lang),
      ),
      financeSection(
        'finance.shares.title',
        'finance-shares-section',
        sharePlanView(d.shareRegister, lang),
      ),
    );
  }
}
