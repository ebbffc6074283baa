// The transfer-analysis wizard (#/knowledge/transfer?case=ID): 1. pick a case (a search of the
// commons, or the case a case page sent), 2. describe the target context in a form generated from
// GET /api/v1/knowledge/context-framework, 3. read the analysis of POST /knowledge/transfer:
// verdict and judgement in words, the fit of each domain, risk flags, adaptations, unknowns and
// local partners. The chosen case is in the hash; what was typed survives a language change.

import '../styles/knowledge.css';
import { apiRefusal } from '../components/api_refusal';
import { errorMessage } from '../components/error_message';
import { alertBox, pageForm, statusLine, submitButton } from '../components/form_field';
import { ContextForm } from '../components/knowledge_context_form';
import { resultNames, transferResultView } from '../components/knowledge_transfer_result';
import { panel } from '../components/panel';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { pickText, type CaseRecord, type CaseSummary } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import {
  contextOf,
  type ContextFields,
  type ContextFramework,
  type TransferAnalysis,
} from '../knowledge_transfer';
import { knowledgeCaseHref, knowledgeTransferHref, type Route } from '../router';
import type { Page, PageContext } from './page';

export class KnowledgeTransferPage implements Page {
  readonly element: HTMLElement;
  private caseId: string;
  private record: CaseRecord | null = null;
  private framework: ContextFramework | null = null;
  private contextForm: ContextForm | null = null;
  private analysis: TransferAnalysis | null = null;
  private analysedTerritory = false;
  private readonly chosen = h('div', {
    attrs: { 'aria-live': 'polite' },
    testId: 'transfer-chosen',
  });
  private readonly findInput = h('input', {
    attrs: { id: 'transfer-case-search', name: 'q', type: 'search', autocomplete: 'off' },
    testId: 'transfer-case-search',
  });
  private readonly picker: HTMLFormElement;
  private readonly found = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly formArea = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly problems = h('div');
  private readonly resultStatus = statusLine('transfer-status', 'div');
  private readonly result = h('div');
  private readonly resultPanel: HTMLElement;
  private readonly controller = new AbortController();
  private caseController: AbortController | null = null;
  private transferController: AbortController | null = null;

  constructor(
    route: Route,
    private readonly ctx: PageContext,
  ) {
    this.caseId = route.params.get('case')?.trim() ?? '';
    this.picker = pageForm(
      {
        className: 'knowledge-form',
        label: 'knowledge.transfer.findCase',
        testId: 'transfer-case-form',
      },
      () => void this.find(),
      h('label', { i18n: 'knowledge.transfer.findCase', attrs: { for: this.findInput.id } }),
      this.findInput,
      submitButton('knowledge.transfer.findSubmit', 'transfer-case-find'),
    );
    this.resultPanel = panel(
      'knowledge.transfer.step3',
      'transfer-result-panel',
      this.resultStatus,
      this.result,
    );
    this.element = h(
      'section',
      { className: 'page knowledge-transfer-page', testId: 'knowledge-transfer-page' },
      h('h1', { i18n: 'knowledge.transfer.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'knowledge.transfer.intro' }),
      panel('knowledge.transfer.step1', 'transfer-step-case', this.chosen, this.picker, this.found),
      panel(
        'knowledge.transfer.step2',
        'transfer-step-context',
        pageForm(
          {
            className: 'knowledge-context',
            label: 'knowledge.transfer.step2',
            testId: 'transfer-form',
            noValidate: true,
          },
          () => void this.analyse(),
          this.formArea,
          this.problems,
          submitButton('knowledge.transfer.submit', 'transfer-submit'),
        ),
      ),
      this.resultPanel,
    );
    this.resultStatus.textContent = t('knowledge.transfer.describe');
    void this.loadCase();
    void this.loadFramework();
  }

  title(): string {
    return t('knowledge.transfer.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'knowledge_transfer') return false;
    const caseId = route.params.get('case')?.trim() ?? '';
    if (caseId !== this.caseId) {
      this.caseId = caseId;
      this.analysis = null;
      this.result.replaceChildren();
      this.resultStatus.textContent = t('knowledge.transfer.describe');
      void this.loadCase();
    }
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.renderChosen();
    this.renderResult();
    void this.loadFramework();
  }

  destroy(): void {
    this.controller.abort();
    this.caseController?.abort();
    this.transferController?.abort();
  }

  private async loadCase(): Promise<void> {
    this.caseController?.abort();
    this.record = null;
    const id = this.caseId;
    this.picker.hidden = id !== '';
    if (!id) {
      this.renderChosen();
      return;
    }
    const controller = new AbortController();
    this.caseController = controller;
    this.chosen.textContent = t('status.loading');
    try {
      this.record = await knowledgeApi.case(id, getLang(), controller.signal);
      this.renderChosen();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.picker.hidden = false;
      this.chosen.replaceChildren(errorMessage(error));
    }
  }

  private renderChosen(): void {
    if (!this.caseId) {
      this.chosen.replaceChildren(h('p', { className: 'hint', i18n: 'knowledge.transfer.noCase' }));
      return;
    }
    if (!this.record) return;
    const title = pickText(this.record.doc.title, getLang());
    this.chosen.replaceChildren(
      h(
        'p',
        { className: 'knowledge-chosen' },
        h('span', { i18n: 'knowledge.transfer.chosen' }),
        ' ',
        h('a', {
          text: title.text,
          attrs: {
            href: knowledgeCaseHref(this.record.id),
            lang: title.lang || undefined,
            'data-case': this.record.id,
          },
          testId: 'transfer-chosen-case',
        }),
      ),
      h('button', {
        i18n: 'knowledge.transfer.change',
        attrs: { type: 'button' },
        testId: 'transfer-change-case',
        on: {
          click: () => {
            this.picker.hidden = false;
            this.findInput.focus();
          },
        },
      }),
    );
  }

  private async find(): Promise<void> {
    const q = this.findInput.value.trim();
    this.found.textContent = t('status.loading');
    try {
      const search = await knowledgeApi.find(q, getLang(), this.controller.signal);
      this.found.replaceChildren(this.foundList(search.items));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.found.replaceChildren(apiRefusal('knowledge.errorTitle', error));
    }
  }

  private foundList(items: CaseSummary[]): HTMLElement {
    if (items.length === 0)
      return h('p', { i18n: 'knowledge.transfer.noMatch', testId: 'transfer-no-match' });
    return h(
      'ul',
      { className: 'knowledge-found' },
      ...items.map((item) =>
        h(
          'li',
          { attrs: { 'data-case': item.id }, testId: 'transfer-found-case' },
          h('span', { text: item.title || item.id, attrs: { lang: item.titleLang || undefined } }),
          ' ',
          h('button', {
            i18n: 'knowledge.transfer.choose',
            attrs: {
              type: 'button',
              'aria-label': t('knowledge.transfer.chooseCase', { title: item.title || item.id }),
            },
            testId: 'transfer-choose',
            on: {
              click: () => {
                this.found.replaceChildren();
                this.ctx.navigate(knowledgeTransferHref(item.id));
              },
            },
          }),
        ),
      ),
    );
  }

  private async loadFramework(): Promise<void> {
    const kept: ContextFields | undefined = this.contextForm?.fields();
    this.formArea.textContent = t('status.loading');
    try {
      const framework = await knowledgeApi.contextFramework(getLang(), this.controller.signal);
      this.framework = framework;
      this.contextForm = new ContextForm(framework, getLang());
      if (kept) this.contextForm.setFields(kept);
      this.formArea.replaceChildren(this.contextForm.element);
      this.renderResult();
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.formArea.replaceChildren(apiRefusal('knowledge.transfer.frameworkError', error));
    }
  }

  private async analyse(): Promise<void> {
    if (!this.framework || !this.contextForm) return;
    if (!this.caseId) {
      this.problems.replaceChildren(alertBox(t('knowledge.transfer.noCase'), 'transfer-problems'));
      return;
    }
    const { context, problems } = contextOf(this.framework, this.contextForm.fields());
    const messages = this.contextForm.markProblems(problems);
    if (messages.length > 0) {
      this.problems.replaceChildren(
        h(
          'div',
          { className: 'alert', attrs: { role: 'alert' }, testId: 'transfer-problems' },
          h('p', { i18n: 'knowledge.transfer.fixProblems' }),
          h('ul', {}, ...messages.map((m) => h('li', { text: m }))),
        ),
      );
      return;
    }
    this.problems.replaceChildren();
    this.transferController?.abort();
    const controller = new AbortController();
    this.transferController = controller;
    this.resultPanel.setAttribute('aria-busy', 'true');
    this.resultStatus.textContent = t('status.loading');
    this.result.replaceChildren();
    try {
      this.analysis = await knowledgeApi.transfer(
        this.caseId,
        context,
        getLang(),
        controller.signal,
      );
      this.analysedTerritory = typeof context.territory === 'string';
      this.resultStatus.textContent = '';
      this.renderResult();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.analysis = null;
      this.resultStatus.replaceChildren(apiRefusal('knowledge.transfer.errorTitle', error));
    } finally {
      if (this.transferController === controller) this.resultPanel.removeAttribute('aria-busy');
    }
  }

  private renderResult(): void {
    if (!this.analysis) return;
    const lang = getLang();
    const names = resultNames(this.record?.doc ?? null, this.framework, lang);
    this.result.replaceChildren(
      transferResultView(this.analysis, names, lang, this.analysedTerritory),
    );
  }
}
