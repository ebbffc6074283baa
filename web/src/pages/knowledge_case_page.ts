// A case of the knowledge commons (#/knowledge/cases/{id}): every field of its document (GET
// /api/v1/knowledge/cases/{id}), its status and version, its versions (each readable as it was,
// #/knowledge/cases/{id}?version=n), its review trail, similar cases, the review actions of the
// signed-in reader, the way to analyse its transfer elsewhere, and its lineage: where it came
// from, where it went, and a form to record a transfer. The document and the lineage hold their
// texts in every language they have, so a language change redraws them and asks only for the
// similar cases (their titles come in the reader's language) and the catalogue's words.

import '../styles/knowledge.css';
import { errorMessage } from '../components/error_message';
import { statusLine } from '../components/form_field';
import { caseFactSections } from '../components/knowledge_case_facts';
import { reviewTrail, versionsTable } from '../components/knowledge_case_history';
import { caseMainSections } from '../components/knowledge_case_view';
import { lineageCaseIds, lineageView } from '../components/knowledge_lineage';
import { RecordTransferForm } from '../components/knowledge_record_transfer';
import { caseSummaryItem } from '../components/knowledge_results';
import { ReviewPanel } from '../components/knowledge_review';
import { panel } from '../components/panel';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { pickText, type CaseRecord, type CaseSummary, type Text } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import { enumLabel, languageName } from '../knowledge_labels';
import type { Lineage } from '../knowledge_lineage';
import type { ContextFramework } from '../knowledge_transfer';
import {
  knowledgeCaseEditHref,
  knowledgeCaseHref,
  knowledgeTransferHref,
  pageHref,
} from '../router';
import type { SessionStore } from '../session';
import { mayWriteCases } from './knowledge_case_edit_page';
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
  private readonly reviews = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly lineage = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly recordArea = h('div');
  private readonly reviewBox: HTMLElement;
  private readonly side: HTMLElement;
  private readonly lineagePanel: HTMLElement;
  private record: CaseRecord | null = null;
  private lineageData: Lineage | null = null;
  /** The titles of the other cases of the lineage (the API gives only their ids). */
  private lineageTitles = new Map<string, Text>();
  private framework: ContextFramework | null = null;
  private reviewPanel: ReviewPanel | null = null;
  private recordForm: RecordTransferForm | null = null;
  private readonly controller = new AbortController();

  /** `version`: the stored version to show, or null for the one the reader may read now. */
  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
    private readonly version: number | null = null,
  ) {
    this.reviewBox = panel('knowledge.review.title', 'knowledge-review-panel', this.review);
    this.side = h(
      'div',
      { className: 'knowledge-case-side' },
      this.reviewBox,
      panel('knowledge.case.versions', 'knowledge-versions', this.versions),
      panel('knowledge.case.reviews', 'knowledge-reviews', this.reviews),
      panel('knowledge.case.similar', 'knowledge-similar', this.similar),
    );
    this.side.hidden = true;
    // An older version is read, not reviewed: actions apply to the case as it is now.
    this.reviewBox.hidden = version !== null;
    this.lineagePanel = panel(
      'knowledge.lineage.title',
      'knowledge-lineage',
      this.lineage,
      h(
        'section',
        { className: 'knowledge-result-block', attrs: { 'aria-labelledby': 'record-title' } },
        h('h3', { i18n: 'knowledge.record.title', attrs: { id: 'record-title' } }),
        this.recordArea,
      ),
    );
    this.lineagePanel.hidden = true;
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
      h(
        'div',
        { className: 'knowledge-case-layout' },
        h('div', { className: 'knowledge-case-main' }, this.body, this.lineagePanel),
        this.side,
      ),
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
    this.recordForm?.onLanguageChange();
    this.renderLineage();
    void this.loadFramework();
    void this.loadSimilar();
  }

  onSessionChange(): void {
    // Stewards see drafts a reader may not: ask again as the new reader.
    this.reviewPanel = null;
    this.recordForm = null;
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
      this.record =
        this.version === null
          ? await knowledgeApi.case(this.id, getLang(), signal)
          : await knowledgeApi.caseVersion(this.id, this.version, getLang(), signal);
      this.status.textContent = '';
      this.side.hidden = false;
      this.lineagePanel.hidden = false;
      this.render();
      void this.loadVersions();
      void this.loadReviews();
      void this.loadLineage();
      void this.loadSimilar();
      void this.loadFramework();
    } catch (error) {
      if (signal.aborted) return;
      this.record = null;
      this.side.hidden = true;
      this.lineagePanel.hidden = true;
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
    this.recordForm?.setFramework(framework);
  }

  private async loadVersions(): Promise<void> {
    this.versions.textContent = t('status.loading');
    try {
      const versions = await knowledgeApi.versions(this.id, this.controller.signal);
      this.versions.replaceChildren(versionsTable(this.id, versions, this.record?.version ?? 0));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.versions.replaceChildren(errorMessage(error));
    }
  }

  private async loadReviews(): Promise<void> {
    this.reviews.textContent = t('status.loading');
    try {
      const entries = await knowledgeApi.reviews(this.id, this.controller.signal);
      this.reviews.replaceChildren(reviewTrail(entries));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.reviews.replaceChildren(errorMessage(error));
    }
  }

  private async loadLineage(): Promise<void> {
    this.lineage.textContent = t('status.loading');
    try {
      this.lineageData = await knowledgeApi.lineage(this.id, this.controller.signal);
      this.renderLineage();
      await this.loadLineageTitles(this.lineageData);
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.lineageData = null;
      this.lineage.replaceChildren(errorMessage(error));
    }
  }

  /**
   * Asks for the other cases' titles, all at once, those not asked yet; a case the reader may not
   * see (404) or that fails stays shown by its id.
   */
  private async loadLineageTitles(lineage: Lineage): Promise<void> {
    const wanted = lineageCaseIds(lineage).filter((id) => !this.lineageTitles.has(id));
    if (wanted.length === 0) return;
    const signal = this.controller.signal;
    const found = await Promise.all(
      wanted.map((id) =>
        knowledgeApi
          .case(id, getLang(), signal)
          .then((c) => [id, c.doc.title] as const)
          .catch(() => [id, {}] as const),
      ),
    );
    if (signal.aborted) return;
    for (const [id, title] of found) this.lineageTitles.set(id, title);
    this.renderLineage();
  }

  private renderLineage(): void {
    if (!this.lineageData || !this.record) return;
    this.lineage.replaceChildren(
      lineageView(this.lineageData, this.record.doc, getLang(), this.lineageTitles),
    );
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
    this.renderRecordForm(record);
    document.title = `${title.text} · Ecosol`;
  }

  /** The form to record a transfer of this case; an older version offers none. */
  private renderRecordForm(record: CaseRecord): void {
    if (this.version !== null) {
      this.recordArea.replaceChildren(
        h('p', { className: 'hint', i18n: 'knowledge.record.currentOnly' }),
      );
      return;
    }
    if (this.recordForm) return;
    this.recordForm = new RecordTransferForm(record, this.session, () => void this.loadLineage());
    if (this.framework) this.recordForm.setFramework(this.framework);
    this.recordArea.replaceChildren(this.recordForm.element);
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
    if (this.version !== null) {
      parts.push(
        h(
          'p',
          { className: 'notice', attrs: { role: 'status' }, testId: 'knowledge-old-version' },
          t('knowledge.case.oldVersion', { version: record.version }),
          ' ',
          h('a', {
            i18n: 'knowledge.case.currentVersion',
            attrs: { href: knowledgeCaseHref(record.id) },
            testId: 'knowledge-current-version',
          }),
        ),
      );
    }
    if (record.status === 'draft' && this.version === null) {
      parts.push(
        h('p', {
          className: 'notice',
          i18n: 'knowledge.case.draftNote',
          attrs: { role: 'status' },
          testId: 'knowledge-draft-note',
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
        this.version === null &&
          mayWriteCases(this.session) &&
          h('a', {
            className: 'button-link',
            i18n: 'knowledge.edit.editLink',
            attrs: { href: knowledgeCaseEditHref(record.id) },
            testId: 'knowledge-edit-button',
          }),
      ),
    );
    return parts;
  }

  private reviewed(record: CaseRecord): void {
    this.record = record;
    this.render();
    void this.loadVersions();
    void this.loadReviews();
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
