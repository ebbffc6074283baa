// The opinion map (#/decide/opinion): a form for the input (OpinionForm) and the answer of
// POST /api/v1/decide/opinion, open to anyone and storing nothing: the participants on a map
// with their opinion groups, what each group stands for, what they all agree on, and where the
// colleges agree. After a map the focus moves to the result's heading; a refusal (400) shows the
// server's message above the form and under the JSON box.

import '../styles/decide.css';
import { ApiError } from '../api';
import { refusalDetail } from '../components/api_refusal';
import type { ViewContext } from '../components/decide_views';
import { OpinionForm } from '../components/opinion_form';
import {
  consensusView,
  groupsView,
  opinionAxesView,
  opinionCollegesView,
  opinionMapView,
  opinionSummary,
  silhouetteView,
} from '../components/opinion_views';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { opinionApi, type OpinionResult } from '../opinion';
import { pageHref, type Route } from '../router';
import type { Page } from './page';

type Obj = Record<string, unknown>;

/** Statement id -> text, from the input. */
export function statementTexts(input: Obj): Map<string, string> {
  const texts = new Map<string, string>();
  for (const s of Array.isArray(input.statements) ? input.statements : []) {
    if (s && typeof s === 'object') {
      const { id, text } = s as Obj;
      if (typeof id === 'string') texts.set(id, typeof text === 'string' && text ? text : id);
    }
  }
  return texts;
}

export class DecideOpinionPage implements Page {
  readonly element: HTMLElement;
  private readonly form = new OpinionForm((input) => void this.map(input));
  private readonly errors = h('div', {
    testId: 'opinion-errors',
    attrs: { 'aria-live': 'polite' },
  });
  private readonly heading = h('h2', {
    i18n: 'opinion.result.title',
    attrs: { tabindex: -1, id: 'opinion-result-title' },
    testId: 'opinion-result-title',
  });
  private readonly result = h('section', {
    className: 'decide-result',
    attrs: { 'aria-labelledby': 'opinion-result-title' },
    testId: 'opinion-result',
  });
  private controller: AbortController | null = null;
  private last: { result: OpinionResult; texts: Map<string, string> } | null = null;

  constructor() {
    this.result.hidden = true;
    this.element = h(
      'article',
      { className: 'page decide-page', testId: 'decide-opinion-page' },
      h('h1', { i18n: 'opinion.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'opinion.intro' }),
      h(
        'p',
        {},
        h('a', {
          i18n: 'opinion.back',
          attrs: { href: pageHref('decide') },
          testId: 'opinion-back',
        }),
      ),
      this.errors,
      this.form.element,
      this.result,
    );
  }

  title(): string {
    return t('opinion.title');
  }

  update(route: Route): boolean {
    return route.page === 'decide_opinion';
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.last) this.render(this.last.result, this.last.texts);
  }

  destroy(): void {
    this.controller?.abort();
  }

  private async map(input: Obj): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.errors.replaceChildren();
    this.element.setAttribute('aria-busy', 'true');
    this.result.hidden = false;
    this.result.replaceChildren(
      h('p', { className: 'status', attrs: { role: 'status' }, i18n: 'opinion.running' }),
    );
    try {
      const result = await opinionApi.map(input, controller.signal);
      if (controller.signal.aborted) return;
      this.last = { result, texts: statementTexts(input) };
      this.render(result, this.last.texts);
      this.heading.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.refused(error);
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private refused(error: unknown): void {
    this.last = null;
    this.result.hidden = true;
    this.result.replaceChildren();
    const detail = refusalDetail(error);
    this.errors.replaceChildren(
      h(
        'div',
        { className: 'error-message', attrs: { role: 'alert' }, testId: 'error-message' },
        h('p', { className: 'error-title', i18n: 'opinion.error.title' }),
        h('p', { className: 'error-detail', text: detail, testId: 'error-message-detail' }),
      ),
    );
    if (error instanceof ApiError && error.status === 400) this.form.showError(error.message);
  }

  private render(r: OpinionResult, texts: Map<string, string>): void {
    const ctx: ViewContext = { lang: getLang(), names: texts };
    this.result.hidden = false;
    this.result.replaceChildren(
      ...[
        this.heading,
        opinionSummary(ctx, r),
        opinionMapView(ctx, r),
        silhouetteView(ctx, r),
        opinionAxesView(ctx, r),
        groupsView(ctx, r),
        consensusView(ctx, r),
        opinionCollegesView(ctx, r),
      ].filter((x): x is HTMLElement => x !== null),
    );
  }
}
