// The decision tally (#/decide): a form for the engine's input (DecideForm) and the result of
// POST /api/v1/decide/tally, open to anyone and storing nothing; a link to the opinion map
// (#/decide/opinion). After a tally the focus moves to
// the result's heading; a refusal (400 naming the field) is shown above the form and under the
// field it names.

import '../styles/decide.css';
import { ApiError } from '../api';
import { refusalDetail } from '../components/api_refusal';
import { DecideForm } from '../components/decide_form';
import {
  budgetView,
  collegesView,
  roundsView,
  ruleView,
  schulzeView,
  totalsView,
} from '../components/decide_method_views';
import {
  ballotsView,
  quorumView,
  summaryView,
  thresholdView,
  type ViewContext,
} from '../components/decide_views';
import { h } from '../dom';
import { decideApi, type TallyResult } from '../decide';
import { fieldOfMessage } from '../decide_input';
import { getLang, t, translateTree } from '../i18n/i18n';
import { DECIDE_OPINION_HREF, type Route } from '../router';
import type { Page } from './page';

type Obj = Record<string, unknown>;

/** Option id -> name, in the input's order. */
export function optionNames(input: Obj): Map<string, string> {
  const names = new Map<string, string>();
  for (const o of Array.isArray(input.options) ? input.options : []) {
    if (typeof o === 'string') names.set(o, o);
    else if (o && typeof o === 'object') {
      const { id, name } = o as Obj;
      if (typeof id === 'string') names.set(id, typeof name === 'string' && name ? name : id);
    }
  }
  return names;
}

export class DecidePage implements Page {
  readonly element: HTMLElement;
  private readonly form = new DecideForm((input) => void this.tally(input));
  private readonly errors = h('div', { testId: 'decide-errors', attrs: { 'aria-live': 'polite' } });
  private readonly heading = h('h2', {
    i18n: 'decide.result.title',
    attrs: { tabindex: -1, id: 'decide-result-title' },
    testId: 'decide-result-title',
  });
  private readonly result = h('section', {
    className: 'decide-result',
    attrs: { 'aria-labelledby': 'decide-result-title' },
    testId: 'decide-result',
  });
  private controller: AbortController | null = null;
  private last: { result: TallyResult; names: Map<string, string> } | null = null;

  constructor() {
    this.result.hidden = true;
    this.element = h(
      'article',
      { className: 'page decide-page', testId: 'decide-page' },
      h('h1', { i18n: 'decide.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'decide.intro' }),
      h(
        'p',
        {},
        h('a', {
          i18n: 'decide.opinionLink',
          attrs: { href: DECIDE_OPINION_HREF },
          testId: 'decide-opinion-link',
        }),
      ),
      this.errors,
      this.form.element,
      this.result,
    );
  }

  title(): string {
    return t('decide.title');
  }

  update(route: Route): boolean {
    return route.page === 'decide';
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.form.onLanguageChange();
    if (this.last) this.render(this.last.result, this.last.names);
  }

  destroy(): void {
    this.controller?.abort();
  }

  private async tally(input: Obj): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.errors.replaceChildren();
    this.element.setAttribute('aria-busy', 'true');
    this.result.hidden = false;
    this.result.replaceChildren(
      h('p', { className: 'status', attrs: { role: 'status' }, i18n: 'decide.running' }),
    );
    try {
      const result = await decideApi.tally(input, controller.signal);
      if (controller.signal.aborted) return;
      this.last = { result, names: optionNames(input) };
      this.render(result, this.last.names);
      this.heading.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.refused(error);
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  /** The refusal above the form, and under the field its message names (400s only). */
  private refused(error: unknown): void {
    this.last = null;
    this.result.hidden = true;
    this.result.replaceChildren();
    const detail = refusalDetail(error);
    this.errors.replaceChildren(
      h(
        'div',
        { className: 'error-message', attrs: { role: 'alert' }, testId: 'error-message' },
        h('p', { className: 'error-title', i18n: 'decide.error.title' }),
        h('p', { className: 'error-detail', text: detail, testId: 'error-message-detail' }),
      ),
    );
    if (error instanceof ApiError && error.status === 400) {
      this.form.showErrors([{ field: fieldOfMessage(error.message), text: error.message }]);
    }
  }

  private render(r: TallyResult, names: Map<string, string>): void {
    const ctx: ViewContext = { lang: getLang(), names };
    this.result.hidden = false;
    this.result.replaceChildren(
      this.heading,
      summaryView(ctx, r),
      ballotsView(ctx, r),
      quorumView(ctx, r),
      thresholdView(ctx, r),
      ...[
        schulzeView(ctx, r),
        roundsView(ctx, r),
        budgetView(ctx, r),
        r.pairwise || r.rounds.length > 0 || r.budget ? null : totalsView(ctx, r),
        collegesView(ctx, r),
        ruleView(r),
      ].filter((x): x is HTMLElement => x !== null),
    );
  }
}
