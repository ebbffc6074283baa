// Trends of an ecosystem (#/trends?territory=&by=&from=&to=&indicators=): births, deaths and active
// organisations per year, and yearly indicators, in total and per group of a breakdown, from
// GET /api/v1/ecosystem/trends, with a link to the same table as CSV. The query lives in the hash
// so that a view can be shared; sentences come in the four languages, so a language change
// redraws without a new request.

import '../styles/trends.css';
import { ApiError } from '../api';
import { errorMessage } from '../components/error_message';
import { labelledControl, pageForm, statusLine, submitButton } from '../components/form_field';
import { trendsView } from '../components/trends_report';
import { loadGroupLabels, TrendLabels } from '../components/trends_labels';
import { h, option } from '../dom';
import { t, translateTree, type MessageKey } from '../i18n/i18n';
import type { Route } from '../router';
import type { Labels } from '../taxonomy';
import {
  DIMENSIONS,
  FIRST_YEAR,
  LAST_YEAR,
  nameList,
  trendsApi,
  trendsHref,
  trendsQueryOf,
  trendsUrl,
  type Dimension,
  type Trends,
  type TrendsQuery,
} from '../trends';
import { territoryDatalist } from './ecosystem_page';
import type { Page } from './page';

/** A hint under a field, not tied to its control (unlike labelledControl's). */
const hint = (key: MessageKey) => h('p', { className: 'hint', i18n: key });

function yearInput(name: 'from' | 'to'): HTMLInputElement {
  // No min and max: the browser would refuse the form in its own words; the server's answer,
  // with our hint in the reader's language, says what is wrong instead.
  return h('input', {
    attrs: { id: `trends-${name}`, name, type: 'number', step: 1, inputmode: 'numeric' },
    testId: `trends-${name}`,
  });
}

/** The server's refusal, with what to do in the reader's language. */
export function trendsError(error: unknown, territory: string): HTMLElement {
  if (error instanceof ApiError && error.status === 404) {
    return h(
      'div',
      { className: 'error-message', attrs: { role: 'alert' }, testId: 'error-message' },
      h('p', { className: 'error-title', text: t('trends.error.territory', { territory }) }),
      h('p', { className: 'error-detail', text: error.message }),
    );
  }
  const box = errorMessage(error);
  if (error instanceof ApiError && error.status === 400) {
    const hint: MessageKey | null = /^(from|to)/.test(error.message)
      ? 'trends.error.years'
      : /^dimension/.test(error.message)
        ? 'trends.error.by'
        : null;
    if (hint) {
      const text = t(hint, { first: FIRST_YEAR, last: LAST_YEAR });
      box.append(h('p', { className: 'error-hint', text, testId: 'trends-error-hint' }));
    }
  }
  return box;
}

export class TrendsPage implements Page {
  readonly element: HTMLElement;
  private query: TrendsQuery;
  private readonly territory = h('input', {
    attrs: { id: 'trends-territory', name: 'territory', list: 'trends-territories' },
    testId: 'trends-territory',
  });
  private readonly by = h('select', {
    attrs: { id: 'trends-by', name: 'by' },
    testId: 'trends-by',
  });
  private readonly from = yearInput('from');
  private readonly to = yearInput('to');
  private readonly indicators = h('input', {
    attrs: { id: 'trends-indicators', name: 'indicators' },
    testId: 'trends-indicators',
  });
  private readonly csv = h('a', {
    className: 'trends-csv',
    i18n: 'trends.csv',
    attrs: { download: 'ecosol-trends.csv' },
    testId: 'trends-csv',
  });
  private readonly status = statusLine('trends-status', 'div');
  private readonly report = h('div', { testId: 'trends-report' });
  private data: Trends | null = null;
  private groupLabels: Labels = new Map();
  /** The URL `data` answers: a route change that keeps it asks nothing. */
  private loadedUrl = '';
  private controller: AbortController | null = null;

  constructor(route: Route) {
    this.query = trendsQueryOf(route.params);
    this.element = h(
      'section',
      { className: 'page trends-page', testId: 'trends-page' },
      h('h1', { i18n: 'trends.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'trends.intro' }),
      this.form(),
      h('p', { className: 'trends-download' }, this.csv),
      this.status,
      this.report,
    );
    this.fillBy();
    void this.load();
  }

  title(): string {
    return t('trends.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'trends') return false;
    this.query = trendsQueryOf(route.params);
    void this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.fillBy();
    void this.relabel();
  }

  destroy(): void {
    this.controller?.abort();
  }

  private form(): HTMLFormElement {
    return pageForm(
      { className: 'trends-form', label: 'trends.pick', testId: 'trends-form', noValidate: true },
      () => {
        location.hash = trendsHref({
          territory: this.territory.value.trim(),
          by: this.by.value as Dimension,
          from: this.from.value.trim(),
          to: this.to.value.trim(),
          indicators: nameList(this.indicators.value),
        });
      },
      labelledControl('trends.territory', this.territory, hint('trends.territoryHint')),
      territoryDatalist('trends-territories'),
      labelledControl('trends.by', this.by),
      labelledControl('trends.from', this.from),
      labelledControl('trends.to', this.to),
      labelledControl('trends.indicators', this.indicators, hint('trends.indicatorsHint')),
      submitButton('trends.show', 'trends-show'),
    );
  }

  private fillBy(): void {
    this.by.replaceChildren(...DIMENSIONS.map((d) => option(d, { i18n: `trends.by.${d}` })));
    this.by.value = this.query.by;
  }

  private showQuery(): void {
    const q = this.query;
    this.territory.value = q.territory;
    this.by.value = q.by;
    this.from.value = q.from;
    this.to.value = q.to;
    this.indicators.value = q.indicators.join(', ');
    this.csv.href = trendsUrl(q, 'csv');
  }

  private async load(): Promise<void> {
    this.showQuery();
    const url = trendsUrl(this.query);
    if (url === this.loadedUrl && this.data) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    // Figures of another query must not stand under this one's form while it loads.
    this.data = null;
    this.render();
    this.element.setAttribute('aria-busy', 'true');
    this.status.replaceChildren(h('p', { text: t('status.loading'), testId: 'trends-loading' }));
    try {
      const data = await trendsApi.get(this.query, controller.signal);
      const labels = await loadGroupLabels(data.dimension);
      if (controller.signal.aborted) return;
      this.data = data;
      this.groupLabels = labels;
      this.loadedUrl = url;
      this.csv.hidden = false;
      this.status.replaceChildren();
      this.render();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.data = null;
      this.loadedUrl = '';
      this.report.replaceChildren();
      // No CSV of a query the server refuses.
      this.csv.hidden = true;
      this.status.replaceChildren(trendsError(error, this.query.territory));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  /** Taxonomy labels are per language: ask for them again, then draw. */
  private async relabel(): Promise<void> {
    this.render();
    if (!this.data) return;
    const data = this.data;
    this.groupLabels = await loadGroupLabels(data.dimension);
    if (this.data === data) this.render();
  }

  private render(): void {
    const data = this.data;
    if (!data) {
      this.report.replaceChildren();
      return;
    }
    const labels = new TrendLabels(data.dimension, this.groupLabels, data.indicators);
    this.report.replaceChildren(trendsView(data, labels));
  }
}
