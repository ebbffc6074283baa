// The knowledge commons (#/knowledge?q=&sdg=&country=...&offset=): a search of the cases of
// social innovation (GET /api/v1/knowledge/cases) with its facets, the active filters and the
// results page by page. The whole search lives in the hash, so it can be bookmarked and the
// browser's back button undoes a filter. Titles come in the reader's language: a language change
// asks again. Every search has its Atom feed; a signed-in reader may follow it (a saved search,
// "watch") and finds their watches, each with its own feed, at the foot of the page.

import '../styles/knowledge.css';
import { apiRefusal } from '../components/api_refusal';
import { pageForm, statusLine, submitButton } from '../components/form_field';
import { activeFiltersView, facetsView } from '../components/knowledge_facets';
import { resultsView } from '../components/knowledge_results';
import { WatchPanel } from '../components/knowledge_watches';
import { panel } from '../components/panel';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import type { CaseSearch } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import { casesUrl, knowledgeHref, knowledgeQueryOf, type KnowledgeQuery } from '../knowledge_query';
import { feedUrl } from '../knowledge_watch';
import { knowledgeNewHref, knowledgeTransferHref, type Route } from '../router';
import type { SessionStore } from '../session';
import { mayWriteCases } from './knowledge_case_edit_page';
import type { Page, PageContext } from './page';

export class KnowledgePage implements Page {
  readonly element: HTMLElement;
  private query: KnowledgeQuery;
  private readonly input = h('input', {
    attrs: {
      id: 'knowledge-search',
      name: 'q',
      type: 'search',
      autocomplete: 'off',
    },
    i18nAttrs: { placeholder: 'knowledge.searchPlaceholder' },
    testId: 'knowledge-search',
  });
  private readonly status = statusLine('knowledge-status', 'div');
  private readonly active = h('div');
  private readonly facets = h('div', { className: 'knowledge-facets-area' });
  private readonly results = h('div');
  private readonly resultsArea: HTMLElement;
  private readonly feedLink = h('a', {
    i18n: 'knowledge.watch.searchFeed',
    attrs: { type: 'application/atom+xml' },
    testId: 'knowledge-feed-link',
  });
  private readonly watchPanel: WatchPanel;
  private search: CaseSearch | null = null;
  /** The request `search` answers: a route change that asks the same thing asks nothing. */
  private loadedUrl = '';
  private controller: AbortController | null = null;
  private readonly writeLink = h(
    'p',
    {},
    h('a', {
      className: 'button-link',
      i18n: 'knowledge.edit.newTitle',
      attrs: { href: knowledgeNewHref() },
      testId: 'knowledge-write-link',
    }),
  );

  constructor(
    route: Route,
    private readonly ctx: PageContext,
    private readonly session: SessionStore,
  ) {
    this.query = knowledgeQueryOf(route.params);
    this.watchPanel = new WatchPanel(session, this.query, () => knowledgeHref(this.query));
    this.resultsArea = h(
      'section',
      {
        className: 'knowledge-results-area',
        attrs: { 'aria-labelledby': 'knowledge-results-title' },
        testId: 'knowledge-results-area',
      },
      h('h2', { i18n: 'knowledge.resultsTitle', attrs: { id: 'knowledge-results-title' } }),
      this.status,
      this.results,
    );
    this.element = h(
      'section',
      { className: 'page knowledge-page', testId: 'knowledge-page' },
      h('h1', { i18n: 'knowledge.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'knowledge.intro' }),
      h(
        'p',
        {},
        h('a', {
          i18n: 'knowledge.transferLink',
          attrs: { href: knowledgeTransferHref() },
          testId: 'knowledge-transfer-link',
        }),
      ),
      this.writeLink,
      this.form(),
      h(
        'div',
        { className: 'knowledge-follow-bar' },
        h('p', {}, this.feedLink),
        this.watchPanel.follow,
      ),
      this.active,
      h('div', { className: 'knowledge-layout' }, this.facets, this.resultsArea),
      panel('knowledge.watch.title', 'knowledge-watches-panel', this.watchPanel.list),
    );
    this.showWriteLink();
    this.load();
  }

  /** "Write a case", for those who may write; the session may be known only later. */
  private showWriteLink(): void {
    this.writeLink.hidden = !mayWriteCases(this.session);
  }

  title(): string {
    return t('knowledge.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'knowledge') return false;
    this.query = knowledgeQueryOf(route.params);
    this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.watchPanel.onLanguageChange();
    this.loadedUrl = '';
    this.load();
  }

  onSessionChange(): void {
    this.showWriteLink();
    this.watchPanel.render();
  }

  destroy(): void {
    this.controller?.abort();
    this.watchPanel.destroy();
  }

  private form(): HTMLFormElement {
    return pageForm(
      { className: 'knowledge-form', label: 'knowledge.searchForm', testId: 'knowledge-form' },
      () => this.ctx.navigate(knowledgeHref({ ...this.query, q: this.input.value, offset: 0 })),
      h('label', { i18n: 'knowledge.search', attrs: { for: this.input.id } }),
      this.input,
      submitButton('knowledge.searchSubmit', 'knowledge-search-submit'),
    );
  }

  private load(): void {
    this.input.value = this.query.q;
    const lang = getLang();
    const url = casesUrl(this.query, lang);
    this.feedLink.href = feedUrl(this.query, lang);
    this.watchPanel.setQuery(this.query);
    this.active.replaceChildren(activeFiltersView(this.query, lang) ?? '');
    if (url === this.loadedUrl) return;
    void this.fetch(url, lang);
  }

  private async fetch(url: string, lang: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.resultsArea.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      const search = await knowledgeApi.search(this.query, lang, controller.signal);
      if (controller.signal.aborted) return;
      this.search = search;
      this.loadedUrl = url;
      this.status.textContent = '';
      this.render(lang);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.search = null;
      this.loadedUrl = '';
      this.results.replaceChildren();
      this.facets.replaceChildren();
      this.status.replaceChildren(apiRefusal('knowledge.errorTitle', error));
    } finally {
      if (this.controller === controller) this.resultsArea.removeAttribute('aria-busy');
    }
  }

  private render(lang: string): void {
    if (!this.search) return;
    this.facets.replaceChildren(facetsView(this.search, this.query, lang) ?? '');
    this.results.replaceChildren(resultsView(this.search, this.query, lang));
  }
}
