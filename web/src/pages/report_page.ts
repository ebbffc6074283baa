// The territory report (#/report?territory=T&lang=L): a territory and a report language (by
// default the interface's), a preview of GET /api/v1/ecosystem/report framed without scripts, and
// links to the HTML report and the PDF. The session is a cookie, so the frame and the links show
// what the reader may see. The report is fetched once first: a refusal (an unknown territory...)
// is shown as the API's message instead of a JSON body in the frame. Signed-in readers may also
// have the report made in the background, as HTML or PDF, and download it from the jobs page.

import '../styles/report.css';
import { reportJobRequest, type AnalysisRequest } from '../analysis_jobs';
import { apiRefusal } from '../components/api_refusal';
import { BackgroundJob } from '../components/background_job';
import { selectField } from '../components/form_field';
import { h, option } from '../dom';
import { getLang, LANGUAGE_NAMES, LANGUAGES, t, translateTree } from '../i18n/i18n';
import {
  checkReport,
  reportHref,
  reportLang,
  reportQueryOf,
  reportUrl,
  type ReportFormat,
  type ReportQuery,
} from '../report';
import type { Route } from '../router';
import type { SessionStore } from '../session';
import { territoryDatalist } from './ecosystem_page';
import type { Page } from './page';

export class ReportPage implements Page {
  readonly element: HTMLElement;
  private query: ReportQuery;
  private readonly territory = h('input', {
    attrs: {
      id: 'report-territory',
      name: 'territory',
      list: 'report-territories',
      required: true,
    },
    testId: 'report-territory',
  });
  private readonly lang = h('select', {
    attrs: { id: 'report-lang', name: 'lang' },
    testId: 'report-lang',
  });
  private readonly status = h('div', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'report-status',
  });
  private readonly links = h('p', { className: 'report-links', testId: 'report-links' });
  private readonly preview = h('div', { className: 'report-preview' });
  /** The format of the file made in the background (the preview is always HTML). */
  private readonly format = selectField({
    id: 'report-job-format',
    label: 'report.format',
    choices: [
      ['html', 'report.format.html'],
      ['pdf', 'report.format.pdf'],
    ],
    value: 'html',
    testId: 'report-job-format',
  });
  private readonly background: BackgroundJob;
  /** The URL the frame shows: a route change that keeps it reloads nothing. */
  private shownUrl = '';
  private controller: AbortController | null = null;

  constructor(route: Route, session: SessionStore) {
    this.query = reportQueryOf(route.params);
    this.background = new BackgroundJob(session, {
      id: 'report-job',
      intro: 'report.backgroundIntro',
      fields: [this.format.field],
      request: () => this.jobRequest(),
      here: () => reportHref(this.query),
    });
    for (const lang of LANGUAGES) {
      const item = option(lang, { text: LANGUAGE_NAMES[lang] });
      item.lang = lang;
      this.lang.append(item);
    }
    this.element = h(
      'section',
      { className: 'page report-page', testId: 'report-page' },
      h('h1', { i18n: 'report.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'report.intro' }),
      this.form(),
      this.status,
      this.links,
      this.background.element,
      this.preview,
    );
    void this.load();
  }

  title(): string {
    return t('report.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'report') return false;
    this.query = reportQueryOf(route.params);
    this.background.onRouteChange();
    void this.load();
    return true;
  }

  /** Without a language in the route the report follows the interface's: ask again. */
  onLanguageChange(): void {
    translateTree(this.element);
    this.background.onLanguageChange();
    void this.load();
  }

  /** The report shows what the reader may see: someone signed in or out, so ask again. */
  onSessionChange(): void {
    this.shownUrl = '';
    this.background.onSessionChange();
    void this.load();
  }

  destroy(): void {
    this.controller?.abort();
    this.background.destroy();
  }

  /** The report as the form shows it (even what is typed before a preview), as chosen here. */
  private jobRequest(): AnalysisRequest {
    const format: ReportFormat = this.format.select.value === 'pdf' ? 'pdf' : 'html';
    return reportJobRequest(this.territory.value, this.lang.value, format);
  }

  private form(): HTMLFormElement {
    const form = h(
      'form',
      {
        className: 'report-form',
        i18nAttrs: { 'aria-label': 'report.pick' },
        testId: 'report-form',
      },
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'report.territory', attrs: { for: this.territory.id } }),
        this.territory,
        territoryDatalist('report-territories'),
        h('p', { className: 'hint', i18n: 'report.territoryHint' }),
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'report.lang', attrs: { for: this.lang.id } }),
        this.lang,
      ),
      h('button', { i18n: 'report.preview', attrs: { type: 'submit' }, testId: 'report-preview' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = this.lang.value;
      const next = reportHref({
        territory: this.territory.value.trim(),
        lang: LANGUAGES.find((l) => l === chosen) ?? null,
      });
      // The same query again (after a failure, or to refresh): load without a route change.
      if (next === location.hash) {
        this.shownUrl = '';
        void this.load();
      } else {
        location.hash = next;
      }
    });
    return form;
  }

  private async load(): Promise<void> {
    const { territory } = this.query;
    const lang = reportLang(this.query, getLang());
    this.territory.value = territory;
    this.lang.value = lang;
    if (!territory) {
      this.controller?.abort();
      this.shownUrl = '';
      this.status.textContent = t('report.chooseTerritory');
      this.links.replaceChildren();
      this.preview.replaceChildren();
      return;
    }
    const html = reportUrl(territory, lang, 'html');
    if (html === this.shownUrl) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.shownUrl = '';
    this.links.replaceChildren();
    this.preview.replaceChildren();
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      await checkReport(html, controller.signal);
      if (controller.signal.aborted) return;
      this.shownUrl = html;
      this.status.textContent = '';
      this.show(territory, lang, html);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.replaceChildren(apiRefusal('report.errorTitle', error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private show(territory: string, lang: (typeof LANGUAGES)[number], html: string): void {
    const pdf = reportUrl(territory, lang, 'pdf');
    this.links.replaceChildren(
      h('a', {
        i18n: 'report.openHtml',
        attrs: { href: html, target: '_blank', rel: 'noopener' },
        testId: 'report-html-link',
      }),
      ' · ',
      h('a', {
        i18n: 'report.downloadPdf',
        attrs: { href: pdf, download: '' },
        testId: 'report-pdf-link',
      }),
    );
    // No allow-scripts (the report has none): a sandboxed frame of the same origin's page.
    this.preview.replaceChildren(
      h('iframe', {
        className: 'report-frame',
        i18nAttrs: { title: 'report.frameTitle' },
        attrs: { src: html, sandbox: '' },
        testId: 'report-frame',
      }),
    );
  }
}
