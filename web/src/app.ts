// The app shell: header (brand, navigation, account corner, language switch), the current page in
// <main>, and the hash router that swaps pages.

import { api } from './api';
import { AccountMenu } from './components/account_menu';
import { languageSelect } from './components/language_select';
import { h } from './dom';
import { onLangChange, translateTree, type MessageKey } from './i18n/i18n';
import { JobsPage } from './jobs';
import { AccountPage } from './pages/account_page';
import { ActorEditPage } from './pages/actor_edit_page';
import { ActorPage } from './pages/actor_page';
import { ActorScreeningPage } from './pages/actor_screening_page';
import { AuditPage } from './pages/audit_page';
import { DataPage } from './pages/data_page';
import { DecideOpinionPage } from './pages/decide_opinion_page';
import { DecidePage } from './pages/decide_page';
import { ProcessDecisionPage } from './pages/process_decision_page';
import { ProcessPage } from './pages/process_page';
import { ProcessProposalPage } from './pages/process_proposal_page';
import { ProcessesPage } from './pages/processes_page';
import { QualityPage } from './pages/quality_page';
import { DirectoryPage } from './pages/directory_page';
import { DuplicatesPage } from './pages/duplicates_page';
import { FinanceAllocationPage } from './pages/finance_allocation_page';
import { FinanceFundPage } from './pages/finance_fund_page';
import { FinanceFunderPage } from './pages/finance_funder_page';
import { FinanceLoansPage } from './pages/finance_loans_page';
import { FinanceOrganisationPage } from './pages/finance_organisation_page';
import { FinancePage } from './pages/finance_page';
import { FrameworkPage } from './pages/framework_page';
import { FrameworksPage } from './pages/frameworks_page';
import { KnowledgeCaseEditPage } from './pages/knowledge_case_edit_page';
import { KnowledgeCasePage } from './pages/knowledge_case_page';
import { KnowledgePage } from './pages/knowledge_page';
import { KnowledgeTransferPage } from './pages/knowledge_transfer_page';
import { MapPage } from './pages/map_page';
import { NetworkPage } from './pages/network_page';
import { EcosystemPage } from './pages/ecosystem_page';
import { ComparePage } from './pages/compare_page';
import { PartnersPage } from './pages/partners_page';
import { TrendsPage } from './pages/trends_page';
import { ReportPage } from './pages/report_page';
import { SuppliersPage } from './pages/suppliers_page';
import { NotFoundPage } from './pages/not_found_page';
import { SelfAssessmentPage } from './pages/self_assessment_page';
import { SignInPage } from './pages/signin_page';
import { TerritoriesPage } from './pages/territories_page';
import { UsersPage } from './pages/users_page';
import type { Page, PageContext } from './pages/page';
import { caseVersionParam, pageHref, parseRoute, type Route } from './router';
import type { SessionStore } from './session';

const SITE_NAME = 'Ecosol';

export class App implements PageContext {
  private readonly main = h('main', { attrs: { id: 'main', tabindex: -1 }, testId: 'main' });
  private readonly navLinks = {
    map: navLink('map', 'nav.map'),
    directory: navLink('directory', 'nav.directory'),
    territories: navLink('territories', 'nav.territories'),
    frameworks: navLink('frameworks', 'nav.frameworks'),
    'self-assessment': navLink('self-assessment', 'nav.selfAssessment'),
    data: navLink('data', 'nav.data'),
    quality: navLink('quality', 'nav.quality'),
    duplicates: navLink('duplicates', 'nav.duplicates'),
    network: navLink('network', 'nav.network'),
    ecosystem: navLink('ecosystem', 'nav.ecosystem'),
    partners: navLink('partners', 'nav.partners'),
    trends: navLink('trends', 'nav.trends'),
    report: navLink('report', 'nav.report'),
    suppliers: navLink('suppliers', 'nav.suppliers'),
    knowledge: navLink('knowledge', 'nav.knowledge'),
    finance: navLink('finance', 'nav.finance'),
    decide: navLink('decide', 'nav.decide'),
    processes: navLink('processes', 'nav.processes'),
  };
  private readonly accountMenu: AccountMenu;
  private readonly header: HTMLElement;
  private readonly footer = h(
    'footer',
    { className: 'site-footer' },
    h('p', { i18n: 'footer.text' }),
  );
  private page: Page | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: SessionStore,
  ) {
    this.accountMenu = new AccountMenu(session, (href) => this.navigate(href));
    this.header = this.buildHeader();
  }

  start(): void {
    this.root.replaceChildren(this.header, this.main, this.footer);
    void this.showAttributions();
    window.addEventListener('hashchange', () => this.route(false));
    onLangChange(() => this.languageChanged());
    this.session.onChange(() => this.sessionChanged());
    this.route(true);
    void this.session.ready();
  }

  /** Data licences such as ODC-By require their attribution wherever the data is shown. */
  private async showAttributions(): Promise<void> {
    const config = await api.config().catch(() => null);
    for (const text of config?.attributions ?? []) {
      this.footer.append(
        h('p', { className: 'data-attribution', text, testId: 'data-attribution' }),
      );
    }
  }

  navigate(href: string, options: { replace?: boolean } = {}): void {
    if (options.replace) {
      history.replaceState(history.state, '', href);
      this.route(false, false);
    } else {
      location.hash = href;
    }
  }

  private buildHeader(): HTMLElement {
    return h(
      'header',
      { className: 'site-header' },
      h('a', {
        className: 'skip-link',
        i18n: 'nav.skip',
        attrs: { href: '#main' },
        on: { click: skipToMain },
      }),
      h('a', { className: 'brand', text: SITE_NAME, attrs: { href: pageHref('map') } }),
      h(
        'nav',
        { className: 'site-nav', i18nAttrs: { 'aria-label': 'nav.label' }, testId: 'site-nav' },
        h(
          'ul',
          {},
          h('li', {}, this.navLinks.map),
          h('li', {}, this.navLinks.directory),
          h('li', {}, this.navLinks.territories),
          h('li', {}, this.navLinks.frameworks),
          h('li', {}, this.navLinks['self-assessment']),
          h('li', {}, this.navLinks.data),
          h('li', {}, this.navLinks.quality),
          h('li', {}, this.navLinks.duplicates),
          h('li', {}, this.navLinks.network),
          h('li', {}, this.navLinks.ecosystem),
          h('li', {}, this.navLinks.partners),
          h('li', {}, this.navLinks.trends),
          h('li', {}, this.navLinks.report),
          h('li', {}, this.navLinks.suppliers),
          h('li', {}, this.navLinks.knowledge),
          h('li', {}, this.navLinks.finance),
          h('li', {}, this.navLinks.decide),
          h('li', {}, this.navLinks.processes),
        ),
      ),
      this.accountMenu.element,
      languageSelect(),
    );
  }

  private sessionChanged(): void {
    this.accountMenu.render();
    this.page?.onSessionChange?.();
  }

  /** Shows the page of location.hash; focus moves to its heading when the user navigated. */
  private route(initial: boolean, moveFocus = true): void {
    const route = parseRoute(location.hash);
    if (!this.page?.update?.(route)) this.mount(route);
    this.markCurrent(route);
    this.updateTitle();
    if (!initial && moveFocus) this.focusHeading();
  }

  private mount(route: Route): void {
    this.page?.destroy();
    this.page = createPage(route, this, this.session);
    this.main.replaceChildren(this.page.element);
    this.page.mounted?.();
  }

  private languageChanged(): void {
    translateTree(this.header);
    translateTree(this.footer);
    if (this.page?.onLanguageChange) this.page.onLanguageChange();
    else this.mount(parseRoute(location.hash));
    this.updateTitle();
  }

  private markCurrent(route: Route): void {
    const current = CURRENT_NAV[route.page] ?? route.page;
    for (const [name, link] of Object.entries(this.navLinks)) {
      if (name === current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  private updateTitle(): void {
    const title = this.page?.title();
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }

  private focusHeading(): void {
    const target = this.main.querySelector<HTMLElement>('h1') ?? this.main;
    target.focus({ preventScroll: false });
  }
}

function createPage(route: Route, ctx: PageContext, session: SessionStore): Page {
  switch (route.page) {
    case 'map':
      return new MapPage(route, ctx);
    case 'directory':
      return new DirectoryPage(route, ctx);
    case 'territories':
      return new TerritoriesPage(route);
    case 'actor':
      return new ActorPage(route.id, session);
    case 'actor_edit':
      return new ActorEditPage(route.id, session);
    case 'actor_screening':
      return new ActorScreeningPage(route.id, session);
    case 'frameworks':
      return new FrameworksPage();
    case 'framework':
      return new FrameworkPage(route.id);
    case 'self_assessment':
      return new SelfAssessmentPage();
    case 'signin':
      return new SignInPage(route, session, ctx);
    case 'account':
      return new AccountPage(session, ctx);
    case 'users':
      return new UsersPage(session);
    case 'audit':
      return new AuditPage(session);
    case 'data':
      return new DataPage(session);
    case 'quality':
      return new QualityPage(route, session);
    case 'duplicates':
      return new DuplicatesPage(session);
    case 'network':
      return new NetworkPage(route, session);
    case 'ecosystem':
      return new EcosystemPage(route, session);
    case 'ecosystem_compare':
      return new ComparePage(route);
    case 'partners':
      return new PartnersPage(route, session);
    case 'trends':
      return new TrendsPage(route);
    case 'report':
      return new ReportPage(route, session);
    case 'suppliers':
      return new SuppliersPage(route, session);
    case 'knowledge':
      return new KnowledgePage(route, ctx, session);
    case 'knowledge_case':
      return new KnowledgeCasePage(route.id, session, caseVersionParam(route.params));
    case 'knowledge_case_edit':
      return new KnowledgeCaseEditPage(route.id, session, ctx);
    case 'knowledge_case_new':
      return new KnowledgeCaseEditPage(null, session, ctx);
    case 'knowledge_transfer':
      return new KnowledgeTransferPage(route, ctx);
    case 'finance':
      return new FinancePage(ctx);
    case 'finance_organisation':
      return new FinanceOrganisationPage(route.id);
    case 'finance_funder':
      return new FinanceFunderPage(route.id);
    case 'finance_fund':
      return new FinanceFundPage(route.id, route);
    case 'finance_allocation':
      return new FinanceAllocationPage(route.id, session);
    case 'finance_loans':
      return new FinanceLoansPage(route, ctx);
    case 'decide':
      return new DecidePage();
    case 'decide_opinion':
      return new DecideOpinionPage();
    case 'processes':
      return new ProcessesPage(session, ctx);
    case 'process':
      return new ProcessPage(route.id, session);
    case 'process_proposal':
      return new ProcessProposalPage(route.id, route.item, session);
    case 'process_decision':
      return new ProcessDecisionPage(route.id, route.item, session);
    case 'jobs':
      return new JobsPage(route, session, ctx);
    case 'not_found':
      return new NotFoundPage();
  }
}

/** Pages whose navigation link is another page's (a framework is under "Frameworks"). */
const CURRENT_NAV: Partial<Record<Route['page'], string>> = {
  framework: 'frameworks',
  self_assessment: 'self-assessment',
  ecosystem_compare: 'ecosystem',
  knowledge_case: 'knowledge',
  knowledge_case_edit: 'knowledge',
  knowledge_case_new: 'knowledge',
  knowledge_transfer: 'knowledge',
  finance_organisation: 'finance',
  finance_funder: 'finance',
  finance_fund: 'finance',
  finance_allocation: 'finance',
  finance_loans: 'finance',
  decide_opinion: 'decide',
  process: 'processes',
  process_proposal: 'processes',
  process_decision: 'processes',
};

function navLink(
  page:
    | 'map'
    | 'directory'
    | 'territories'
    | 'frameworks'
    | 'self-assessment'
    | 'data'
    | 'quality'
    | 'duplicates'
    | 'network'
    | 'ecosystem'
    | 'partners'
    | 'trends'
    | 'report'
    | 'suppliers'
    | 'knowledge'
    | 'finance'
    | 'decide'
    | 'processes',
  key: MessageKey,
): HTMLAnchorElement {
  return h('a', { i18n: key, attrs: { href: pageHref(page) }, testId: `nav-${page}` });
}

/** The skip link must not change the hash (that would be read as a route). */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
