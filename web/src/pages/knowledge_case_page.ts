// A case of the knowledge commons (#/knowledge/cases/{id}): every field of its document (GET
// /api/v1/knowledge/cases/{id}), its status and version, its versions, similar cases, the review
// actions of the signed-in reader and the way to analyse its transfer elsewhere. The document
// holds its texts in every language it has, so a language change redraws it and asks only for
// the similar cases (their titles come in the reader's language) and the catalogue's words.

import '../styles/knowledge.css';
import { errorMessage } from '../components/error_message';
import { statusLine } from '../components/form_field';
import { caseFactSections } from '../components/knowledge_case_facts';
import { caseMainSections } from '../components/knowledge_case_view';
import { caseSummaryItem } from '../components/knowledge_results';
import { ReviewPanel } from '../components/knowledge_review';
import { panel } from '../components/panel';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { pickText, type CaseRecord, type CaseSummary, type CaseVersion } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import { enumLabel, languageName } from '../knowledge_labels';
import type { ContextFramework } from '../knowledge_transfer';
import { knowledgeTransferHref, pageHref } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

export class KnowledgeCasePage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { attrs: { tabindex: -1 }, testId: 'knowledge-case-title' });
  private readonly head = h('div', { className: 'knowledge-case-head' });
  private readonly status = statusLine('knowledge-case-status', 'div');
  private readonly body = h('div', { className: 'knowledge-case-body' });
  private readonly review = h('div');
  private readonly versions = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly similar = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly side: HTMLElement;
  private record: CaseRecord | null = null;
  private framework: ContextFramework | null = null;
  private reviewPanel: ReviewPanel | null = null;
  private readonly controller = new AbortController();

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.side = h(
      'div',
      { className: 'knowledge-case-side' },
      panel('knowledge.review.title', 'knowledge-review-panel', this.review),
      panel('knowledge.case.versions', 'knowledge-versions', this.versions),
      panel('knowledge.case.similar', 'knowledge-similar', this.similar),
    );
    this.side.hidden = true;
    this.element = h(
      'article',
      { className: 'page knowledge-case-page', testId: 'knowledge-case-page' },
      h(
        'p',
        { className: 'breadcrumb' },
        h('a', { i18n: 'nav.knowledge', attrs: { href: pageHref('knowledge') } }),
      ),
      this.heading,
      this.status,
      this.head,
      h('div', { className: 'knowledge-case-layout' }, this.body, this.side),
    );
    this.heading.textContent = id;
    void this.load();
  }

  title(): string {
    return this.heading.textContent || t('knowledge.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.render();
    this.reviewPanel?.render();
    void this.loadFramework();
    void this.loadSimilar();
  }

  onSessionChange(): void {
    // Stewards see drafts a reader may not: ask again as the new reader.
    this.reviewPanel = null;
    void this.load();
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.status.textContent = t('status.loading');
    this.element.setAttribute('aria-busy', 'true');
    try {
      this.record = await knowledgeApi.case(this.id, getLang(), signal);
      this.status.textContent = '';
      this.side.hidden = false;
      this.render();
      void this.loadVersions();
      void this.loadSimilar();
      void this.loadFramework();
    } catch (error) {
      if (signal.aborted) return;
      this.record = null;
      this.side.hidden = true;
      this.body.replaceChildren();
      this.head.replaceChildren();
      this.status.replaceChildren(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private async loadFramework(): Promise<void> {
    const framework = await knowledgeApi
      .contextFramework(getLang(), this.controller.signal)
      .catch(() => null);
    // Without the catalogue, features and values are shown by their ids.
    if (!framework) return;
    this.framework = framework;
    this.render();
  }

  private async loadVersions(): Promise<void> {
    this.versions.textContent = t('status.loading');
    try {
      const versions = await knowledgeApi.versions(this.id, this.controller.signal);
      this.versions.replaceChildren(this.versionsTable(versions));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.versions.replaceChildren(errorMessage(error));
    }
  }

  private async loadSimilar(): Promise<void> {
    const lang = getLang();
    this.similar.textContent = t('status.loading');
    try {
      const items = await knowledgeApi.similar(this.id, lang, this.controller.signal);
      this.similar.replaceChildren(this.similarList(items, lang));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.similar.replaceChildren(errorMessage(error));
    }
  }

  private render(): void {
    const record = this.record;
    if (!record) return;
    const lang = getLang();
    const title = pickText(record.doc.title, lang);
    this.heading.textContent = title.text;
    this.heading.lang = title.lang === 'und' ? '' : title.lang;
    this.head.replaceChildren(...this.headParts(record, lang));
    this.body.replaceChildren(
      ...caseMainSections(record.doc, this.framework, lang),
      ...caseFactSections(record.doc, this.framework, lang),
    );
    if (!this.reviewPanel) {
      this.reviewPanel = new ReviewPanel(record, this.session, (r) => this.reviewed(r));
      this.review.replaceChildren(this.reviewPanel.element);
    }
    document.title = `${title.text} · Ecosol`;
  }

  /** The language note, the status and version, and the way to the transfer wizard. */
  private headParts(record: CaseRecord, lang: string): HTMLElement[] {
    const title = pickText(record.doc.title, lang);
    const summary = pickText(record.doc.summary, lang);
    const shown = title.lang !== lang ? title.lang : summary.lang;
    const parts: HTMLElement[] = [];
    if (shown && shown !== lang) {
      parts.push(
        h('p', {
          className: 'knowledge-lang-note',
          text: t('knowledge.case.langNote', {
            shown: languageName(shown, lang),
            chosen: languageName(lang, lang),
          }),
          testId: 'knowledge-lang-note',
        }),
      );
    }
    parts.push(
      h('p', {
        className: 'knowledge-case-meta',
        text: t('knowledge.case.meta', {
          status: enumLabel('status', record.status),
          version: record.version,
          date: record.updatedAt.slice(0, 10),
          who: record.who || '—',
        }),
        attrs: { 'data-status': record.status },
        testId: 'knowledge-case-meta',
      }),
      h(
        'p',
        {},
        h('a', {
          className: 'button-link',
          i18n: 'knowledge.case.transfer',
          attrs: { href: knowledgeTransferHref(record.id) },
          testId: 'knowledge-transfer-button',
        }),
      ),
    );
    return parts;
  }

  private reviewed(record: CaseRecord): void {
    this.record = record;
    this.render();
    void this.loadVersions();
  }

  private versionsTable(versions: CaseVersion[]): HTMLElement {
    if (versions.length === 0) return h('p', { i18n: 'knowledge.case.noVersions' });
    const current = this.record?.version;
    const head = (key: Parameters<typeof t>[0]) => h('th', { i18n: key, attrs: { scope: 'col' } });
    return h(
      'table',
      { className: 'knowledge-table', testId: 'knowledge-versions-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head('knowledge.case.version'),
          head('knowledge.case.status'),
          head('knowledge.case.date'),
          head('knowledge.case.who'),
          head('knowledge.case.change'),
        ),
      ),
      h(
        'tbody',
        {},
        ...versions.map((v) =>
          h(
            'tr',
            {
              attrs: { 'aria-current': v.version === current ? 'true' : undefined },
              testId: 'knowledge-version',
            },
            h('th', {
              text:
                v.version === current
                  ? t('knowledge.case.shown', { version: v.version })
                  : String(v.version),
              attrs: { scope: 'row' },
            }),
            h('td', { text: enumLabel('status', v.status) }),
            h('td', { text: v.createdAt.slice(0, 10) }),
            h('td', { text: v.who }),
            h('td', { text: v.change }),
          ),
        ),
      ),
    );
  }

  private similarList(items: CaseSummary[], lang: string): HTMLElement {
    if (items.length === 0) {
      return h('p', { i18n: 'knowledge.case.noSimilar', testId: 'knowledge-no-similar' });
    }
    return h(
      'ul',
      { className: 'knowledge-results knowledge-similar-list' },
      ...items.map((item) => caseSummaryItem(item, lang)),
    );
  }
}
