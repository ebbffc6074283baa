// A funder (#/finance/funders/{id}): its terms (GET /finance/records/funder/{id}), then the
// organisations finance knows ranked by their eligibility for it, grouped as eligible, not known
// yet and not eligible, each with the conditions that held, failed or are unknown and what would
// have to change (GET /finance/funders/{id}/applicants). Mechanism ids read through the
// catalogue's labels in the reader's language; without the catalogue they stay ids. Stewards and
// admins only: a refusal shows the server's message.

import '../styles/finance.css';
import { apiRefusal } from '../components/api_refusal';
import { financeSection } from '../components/finance_common';
import {
  applicantsView,
  funderTermsView,
  mechanismLabels,
} from '../components/finance_funder_views';
import { h } from '../dom';
import type { CatalogueMechanism, FunderMatch, FunderTerms } from '../finance';
import { financeApi } from '../finance_api';
import { getLang, t, translateTree } from '../i18n/i18n';
import { FINANCE_HREF, type Route } from '../router';
import type { Page } from './page';

interface Loaded {
  terms: FunderTerms;
  applicants: FunderMatch;
  catalogue: CatalogueMechanism[];
}

export class FinanceFunderPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'finance.funderPage.title', attrs: { tabindex: -1 } });
  private readonly body = h('div', { className: 'finance-body', testId: 'finance-funder-body' });
  private controller: AbortController | null = null;
  private terms: FunderTerms | null = null;

  constructor(private readonly id: string) {
    this.element = h(
      'article',
      {
        className: 'page finance-page finance-funder-page',
        testId: 'finance-funder-page',
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
    void this.load();
  }

  title(): string {
    return this.terms
      ? t('finance.funderPage.titleOf', { name: this.terms.name })
      : t('finance.funderPage.title');
  }

  update(route: Route): boolean {
    return route.page === 'finance_funder' && route.id === this.id;
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
    const signal = controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      const [terms, applicants, catalogue] = await Promise.all([
        financeApi.funder(this.id, signal),
        financeApi.applicants(this.id, getLang(), signal),
        financeApi.mechanisms(getLang(), signal).catch(() => []),
      ]);
      if (signal.aborted) return;
      this.terms = terms;
      this.render({ terms, applicants, catalogue });
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('finance.funderPage.error', error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private render({ terms, applicants, catalogue }: Loaded): void {
    const label = mechanismLabels(catalogue);
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = this.title();
    document.title = `${this.title()} · Ecosol`;
    this.body.replaceChildren(
      financeSection(
        'finance.funderPage.terms',
        'finance-funder-terms-section',
        funderTermsView(terms, label, getLang()),
      ),
      financeSection(
        'finance.applicants.title',
        'finance-applicants',
        h('p', { className: 'hint', i18n: 'finance.applicants.intro' }),
        applicantsView(applicants, label),
      ),
    );
  }
}
