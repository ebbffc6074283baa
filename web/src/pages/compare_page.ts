// Territories side by side (#/ecosystem/compare?territories=T1,T2,...): choose two or more, then
// every block and metric of GET /api/v1/ecosystem/compare in a table with the best value of each
// row marked, and the differences explained in the reader's language.

import '../styles/ecosystem.css';
import { comparisonTable, differencesView } from '../components/blocks_compare';
import { BlocksLabels } from '../components/blocks_labels';
import { errorMessage } from '../components/error_message';
import { panel } from '../components/panel';
import { h } from '../dom';
import {
  compareHref,
  compareQueryOf,
  ecosystemApi,
  ecosystemHref,
  territoryList,
  type BlocksFramework,
  type Comparison,
} from '../ecosystem_blocks';
import { t, translateTree } from '../i18n/i18n';
import type { Route } from '../router';
import { loadBlocksFramework, territoryDatalist } from './ecosystem_page';
import type { Page } from './page';

const LIST_ID = 'compare-territories';

export class ComparePage implements Page {
  readonly element: HTMLElement;
  private territories: string[];
  private readonly fields = h('div', { className: 'compare-fields' });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'compare-status',
  });
  private readonly result = h('div', { testId: 'compare-result' });
  private data: Comparison | null = null;
  private framework: BlocksFramework | null = null;
  private controller: AbortController | null = null;

  constructor(route: Route) {
    this.territories = compareQueryOf(route.params);
    const form = h(
      'form',
      {
        className: 'compare-form',
        i18nAttrs: { 'aria-label': 'ecosystem.comparePick' },
        testId: 'compare-form',
      },
      h('p', { className: 'hint', i18n: 'ecosystem.compareHint' }),
      this.fields,
      territoryDatalist(LIST_ID),
      h(
        'div',
        { className: 'compare-actions' },
        h('button', {
          className: 'secondary',
          i18n: 'ecosystem.addTerritory',
          attrs: { type: 'button' },
          testId: 'compare-add',
          on: { click: () => this.addField('', true) },
        }),
        h('button', {
          i18n: 'ecosystem.compare',
          attrs: { type: 'submit' },
          testId: 'compare-submit',
        }),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.element = h(
      'section',
      { className: 'page compare-page', testId: 'compare-page' },
      h('h1', { i18n: 'ecosystem.compareTitle', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'ecosystem.compareIntro' }),
      form,
      this.status,
      this.result,
    );
    void this.load();
  }

  title(): string {
    return t('ecosystem.compareTitle');
  }

  update(route: Route): boolean {
    if (route.page !== 'ecosystem_compare') return false;
    this.territories = compareQueryOf(route.params);
    void this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.fillFields();
    this.render();
  }

  destroy(): void {
    this.controller?.abort();
  }

  /** One field per territory, and empty ones up to two. */
  private fillFields(): void {
    this.fields.replaceChildren();
    const values = [...this.territories];
    while (values.length < 2) values.push('');
    values.forEach((value) => this.addField(value, false));
  }

  private addField(value: string, focus: boolean): void {
    const n = this.fields.children.length + 1;
    const id = `compare-territory-${n}`;
    const input = h('input', {
      attrs: { id, name: 'territory', list: LIST_ID },
      testId: 'compare-territory-input',
    });
    input.value = value;
    const remove = h('button', {
      className: 'secondary',
      text: t('ecosystem.removeTerritory'),
      attrs: { type: 'button', 'aria-label': t('ecosystem.removeTerritoryN', { n }) },
      on: { click: () => field.remove() },
    });
    const field = h(
      'div',
      { className: 'field' },
      h('label', { text: t('ecosystem.territoryN', { n }), attrs: { for: id } }),
      h('div', { className: 'compare-field-row' }, input, n > 2 ? remove : null),
    );
    this.fields.append(field);
    if (focus) input.focus();
  }

  private submit(): void {
    const inputs = [...this.fields.querySelectorAll('input')];
    const chosen = territoryList(inputs.map((i) => i.value));
    if (chosen.length < 2) {
      this.status.replaceChildren(
        h('span', {
          className: 'error-message',
          i18n: 'ecosystem.compareTooFew',
          attrs: { role: 'alert' },
        }),
      );
      return;
    }
    location.hash = compareHref(chosen);
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.fillFields();
    this.data = null;
    this.render();
    if (this.territories.length < 2) {
      this.status.textContent = t('ecosystem.compareChoose');
      return;
    }
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      const [framework, data] = await Promise.all([
        loadBlocksFramework(),
        ecosystemApi.compare(this.territories, controller.signal),
      ]);
      if (controller.signal.aborted) return;
      this.framework = framework;
      this.data = data;
      this.status.textContent = '';
      this.render();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.replaceChildren(errorMessage(error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    const data = this.data;
    if (!data) {
      this.result.replaceChildren();
      return;
    }
    const labels = new BlocksLabels(this.framework);
    const dashboards = data.territories.map((tt) =>
      h('li', {}, h('a', { text: tt.name, attrs: { href: ecosystemHref(tt.id) } })),
    );
    this.result.replaceChildren(
      panel('ecosystem.differencesTitle', 'compare-differences-panel', differencesView(data)),
      panel('ecosystem.compareTableTitle', 'compare-table-panel', comparisonTable(data, labels)),
      panel(
        'ecosystem.dashboardsTitle',
        'compare-dashboards-panel',
        h('ul', { className: 'compare-dashboards' }, ...dashboards),
      ),
    );
  }
}
