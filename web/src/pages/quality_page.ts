// Data quality (#/quality?territory=&source=&days=&duplicates=): the report per source and per
// territory (drilling down into a territory's regions), completeness per field, invalid values,
// location precision and staleness, and the actors due for confirmation with links to them.
// The figures cover what the reader may see (the server decides).

import { qualityApi } from '../api';
import { errorMessage } from '../components/error_message';
import { panel } from '../components/panel';
import {
  comparisonTable,
  distributionTables,
  dueRows,
  dueTable,
  fieldsTable,
  invalidTable,
  type FiguresRow,
} from '../components/quality_tables';
import { h, option } from '../dom';
import { formatDate } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import {
  canDrillDown,
  dueParams,
  qualityHref,
  qualityParams,
  qualityQueryOf,
  territoryTrail,
  type QualityQuery,
  type QualityReport,
} from '../quality';
import type { Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

const DUE_PAGE = 50;

export class QualityPage implements Page {
  readonly element: HTMLElement;
  private query: QualityQuery;
  private readonly form = h('form', {
    className: 'quality-form',
    i18nAttrs: { 'aria-label': 'quality.scope' },
    testId: 'quality-form',
  });
  private readonly breadcrumb = h('nav', {
    className: 'breadcrumb',
    i18nAttrs: { 'aria-label': 'quality.breadcrumb' },
    testId: 'quality-breadcrumb',
  });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'quality-status',
  });
  private readonly report = h('div', { testId: 'quality-report' });
  private readonly dueBody = h('tbody', { testId: 'due-rows' });
  private readonly dueIntro = h('p', { testId: 'due-intro' });
  private readonly dueMore = h('button', {
    className: 'secondary',
    i18n: 'quality.more',
    attrs: { type: 'button', hidden: true },
    testId: 'due-more',
  });
  private readonly dueError = h('div');
  private dueCursor: string | null = null;
  private last: QualityReport | null = null;
  private controller: AbortController | null = null;

  constructor(
    route: Route,
    private readonly session: SessionStore,
  ) {
    this.query = qualityQueryOf(route.params);
    this.dueMore.addEventListener('click', () => void this.loadDue(false));
    this.element = h(
      'section',
      { className: 'page quality-page', testId: 'quality-page' },
      h('h1', { i18n: 'quality.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'quality.intro' }),
      this.form,
      this.breadcrumb,
      this.status,
      this.report,
      panel(
        'quality.dueTitle',
        'quality-due',
        this.dueIntro,
        this.dueError,
        dueTable(this.dueBody),
        this.dueMore,
      ),
    );
    void this.load();
  }

  title(): string {
    return t('quality.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'quality') return false;
    this.query = qualityQueryOf(route.params);
    void this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.last) this.show(this.last);
    this.renderForm();
  }

  onSessionChange(): void {
    void this.load();
  }

  destroy(): void {
    this.controller?.abort();
  }

  /** The report and the first page of the due list; the page is busy until both are shown. */
  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    this.dueIntro.textContent = '';
    await this.session.ready();
    this.renderForm();
    try {
      await Promise.all([this.loadReport(controller.signal), this.loadDue(true)]);
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private async loadReport(signal: AbortSignal): Promise<void> {
    try {
      const report = await qualityApi.report(qualityParams(this.query), signal);
      if (signal.aborted) return;
      this.last = report;
      this.show(report);
      this.renderForm();
      this.status.textContent = report.total.actors === 0 ? t('quality.empty') : '';
    } catch (error) {
      if (signal.aborted) return;
      this.last = null;
      this.status.textContent = '';
      this.report.replaceChildren(errorMessage(error));
    }
  }

  /** The first page of the due list (`fresh`), or the next one. */
  private async loadDue(fresh: boolean): Promise<void> {
    const signal = this.controller?.signal;
    if (fresh) this.dueCursor = null;
    this.dueError.replaceChildren();
    try {
      const page = await qualityApi.due(dueParams(this.query, this.dueCursor, DUE_PAGE), signal);
      if (signal?.aborted) return;
      const rows = dueRows(page.items);
      if (fresh) this.dueBody.replaceChildren(...rows);
      else this.dueBody.append(...rows);
      this.dueIntro.textContent =
        page.total === 0
          ? t('quality.dueNone')
          : t('quality.dueIntro', { n: page.total, days: page.days });
      this.dueCursor = page.next_cursor;
      this.dueMore.hidden = !page.next_cursor;
      if (!fresh) rows[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (signal?.aborted) return;
      this.dueError.replaceChildren(errorMessage(error));
    }
  }

  /** Source, days and (for those signed in) duplicates; the territory is chosen by drilling down. */
  private renderForm(): void {
    const sources = this.last?.by_source.map((s) => s.source) ?? [];
    const current = this.query.source;
    if (current !== null && !sources.includes(current)) sources.push(current);
    const source = h(
      'select',
      { attrs: { id: 'quality-source', name: 'source' }, testId: 'quality-source' },
      option('', { i18n: 'quality.sourceAll' }),
      ...sources.map((s) => option(`=${s}`, { text: s || t('quality.noSource') })),
    );
    // "=" + the source, so that the empty source name differs from "every source".
    source.value = current === null ? '' : `=${current}`;
    const days = h('input', {
      attrs: {
        id: 'quality-days',
        name: 'days',
        type: 'number',
        min: 1,
        max: 36500,
        required: true,
      },
      testId: 'quality-days',
    });
    days.value = String(this.query.days);
    const duplicates = h('input', {
      attrs: { id: 'quality-duplicates', type: 'checkbox' },
      testId: 'quality-duplicates',
    });
    duplicates.checked = this.query.duplicates;
    const duplicatesField = h(
      'div',
      { className: 'field checkbox' },
      duplicates,
      h('label', { i18n: 'quality.duplicates', attrs: { for: 'quality-duplicates' } }),
    );
    this.form.replaceChildren(
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'quality.source', attrs: { for: 'quality-source' } }),
        source,
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'quality.days', attrs: { for: 'quality-days' } }),
        days,
      ),
      // Counting duplicates searches the whole registry: the server asks for a signed-in reader.
      ...(this.session.signedIn ? [duplicatesField] : []),
      h('button', { i18n: 'quality.apply', attrs: { type: 'submit' }, testId: 'quality-apply' }),
    );
    this.form.onsubmit = (event) => {
      event.preventDefault();
      const picked = source.value;
      const query: QualityQuery = {
        territory: this.query.territory,
        source: picked === '' ? null : picked.slice(1),
        days: Number(days.value),
        duplicates: this.session.signedIn && duplicates.checked,
      };
      location.hash = qualityHref(query);
    };
  }

  private show(report: QualityReport): void {
    this.breadcrumb.replaceChildren(this.trail(report));
    const bySource: FiguresRow[] = report.by_source.map((s) => ({
      label: s.source || t('quality.noSource'),
      figures: s,
      testId: 'source-row',
    }));
    const byTerritory: FiguresRow[] = report.by_territory.map((row) => {
      const name = row.name || row.id;
      const label = canDrillDown(row)
        ? h('a', {
            text: name,
            attrs: {
              href: qualityHref({ ...this.query, territory: row.id }),
              'aria-label': t('quality.drillDown', { name }),
            },
          })
        : row.id
          ? t('quality.itself', { name })
          : t('quality.noTerritory');
      return { label, figures: row, testId: 'territory-row' };
    });
    const total = report.total;
    this.report.replaceChildren(
      panel(
        'quality.summaryTitle',
        'quality-summary',
        comparisonTable(
          'quality.summaryTitle',
          'quality.scope',
          'quality-total',
          [{ label: report.territory_name || t('quality.everywhere'), figures: total }],
          report,
        ),
        total.oldest_confirmed
          ? h('p', {
              text: `${t('quality.oldest')}: ${formatDate(total.oldest_confirmed, getLang())}`,
              testId: 'quality-oldest',
            })
          : null,
      ),
      panel(
        'quality.bySource',
        'quality-by-source',
        comparisonTable('quality.bySource', 'quality.source', 'source-table', bySource, report),
      ),
      panel(
        'quality.byTerritory',
        'quality-by-territory',
        comparisonTable(
          'quality.byTerritory',
          'field.territory',
          'territory-table',
          byTerritory,
          report,
        ),
      ),
      panel('quality.fieldsTitle', 'quality-fields-panel', fieldsTable(report)),
      panel('quality.invalidTitle', 'quality-invalid-panel', invalidTable(report)),
      panel('quality.stalenessTitle', 'quality-distributions', ...distributionTables(total)),
    );
  }

  /** Everywhere > United Kingdom > Wales: links up to each ancestor of the report's territory. */
  private trail(report: QualityReport): HTMLElement {
    const ids = territoryTrail(report.territory);
    const items = [
      { id: '', name: t('quality.everywhere') },
      ...ids.map((id) => ({
        id,
        name: id === report.territory ? report.territory_name || id : id,
      })),
    ];
    return h(
      'ol',
      {},
      ...items.map((item, i) =>
        h(
          'li',
          {},
          i === items.length - 1
            ? h('span', { text: item.name, attrs: { 'aria-current': 'page' } })
            : h('a', {
                text: item.name,
                attrs: { href: qualityHref({ ...this.query, territory: item.id }) },
              }),
        ),
      ),
    );
  }
}
