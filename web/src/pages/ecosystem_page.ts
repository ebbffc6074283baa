// A territory's SSE ecosystem by building blocks (#/ecosystem?territory=T): its EFESEIIS type with
// the reason, the coverage of the seven blocks as a chart, the hard indicators, the raters'
// perception and each block's evidence, from GET /api/v1/ecosystem/blocks; links to the
// territory's network and to a comparison; and, for signed-in users, the perception rating form.

import '../styles/ecosystem.css';
import { api } from '../api';
import { coverageChart } from '../components/blocks_chart';
import { BlocksLabels } from '../components/blocks_labels';
import { RatingForm } from '../components/blocks_rating_form';
import {
  evidenceView,
  indicatorsView,
  perceptionTable,
  typeView,
} from '../components/blocks_report';
import { errorMessage } from '../components/error_message';
import { panel } from '../components/panel';
import { h, option } from '../dom';
import {
  compareHref,
  ecosystemApi,
  ecosystemHref,
  ecosystemQueryOf,
  networkOfHref,
  type BlocksFramework,
  type TerritoryReport,
} from '../ecosystem_blocks';
import { t, translateTree } from '../i18n/i18n';
import { signInHref, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

/** The framework is the same for every territory: asked once per app. */
let frameworkRequest: Promise<BlocksFramework | null> | null = null;
export function loadBlocksFramework(): Promise<BlocksFramework | null> {
  frameworkRequest ??= ecosystemApi.framework().catch(() => {
    frameworkRequest = null;
    return null;
  });
  return frameworkRequest;
}

/** The territory field shared by the dashboard and the comparison: an input with countries. */
export function territoryDatalist(id: string): HTMLDataListElement {
  const list = h('datalist', { attrs: { id } });
  void api
    .territories('')
    .then((answer) =>
      list.replaceChildren(...answer.items.map((c) => option(c.id, { text: c.name || c.id }))),
    )
    .catch(() => {});
  return list;
}

export class EcosystemPage implements Page {
  readonly element: HTMLElement;
  private territory: string;
  private readonly input = h('input', {
    attrs: {
      id: 'ecosystem-territory',
      name: 'territory',
      list: 'ecosystem-territories',
      required: true,
    },
    testId: 'ecosystem-territory',
  });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'ecosystem-status',
  });
  private readonly links = h('p', { className: 'ecosystem-links' });
  private readonly report = h('div', { testId: 'ecosystem-report' });
  private readonly rating = h('div');
  private data: TerritoryReport | null = null;
  /** The territory `data` is about: a reload for the same one keeps the page as it is. */
  private loadedFor = '';
  private framework: BlocksFramework | null = null;
  private form: RatingForm | null = null;
  private controller: AbortController | null = null;

  constructor(
    route: Route,
    private readonly session: SessionStore,
  ) {
    this.territory = ecosystemQueryOf(route.params);
    const form = h(
      'form',
      {
        className: 'ecosystem-form',
        i18nAttrs: { 'aria-label': 'ecosystem.pick' },
        testId: 'ecosystem-form',
      },
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'ecosystem.territory', attrs: { for: 'ecosystem-territory' } }),
        this.input,
        territoryDatalist('ecosystem-territories'),
        h('p', { className: 'hint', i18n: 'ecosystem.territoryHint' }),
      ),
      h('button', { i18n: 'ecosystem.show', attrs: { type: 'submit' }, testId: 'ecosystem-show' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = ecosystemHref(this.input.value.trim());
    });
    this.element = h(
      'section',
      { className: 'page ecosystem-page', testId: 'ecosystem-page' },
      h('h1', { i18n: 'ecosystem.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'ecosystem.intro' }),
      form,
      this.links,
      this.status,
      this.report,
      this.rating,
    );
    void this.load();
  }

  title(): string {
    return t('ecosystem.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'ecosystem') return false;
    const territory = ecosystemQueryOf(route.params);
    if (territory !== this.territory) this.form = null;
    this.territory = territory;
    void this.load();
    return true;
  }

  /** The report carries its texts in every language: draw it again, no new request. */
  onLanguageChange(): void {
    translateTree(this.element);
    this.form = null;
    this.render();
  }

  onSessionChange(): void {
    this.form = null;
    this.renderRating();
  }

  destroy(): void {
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.input.value = this.territory;
    if (this.loadedFor !== this.territory) {
      this.data = null;
      this.render();
    }
    if (!this.territory) {
      this.status.textContent = t('ecosystem.chooseTerritory');
      return;
    }
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      const [framework, data] = await Promise.all([
        loadBlocksFramework(),
        ecosystemApi.report(this.territory, controller.signal),
      ]);
      if (controller.signal.aborted) return;
      this.framework = framework;
      this.data = data;
      this.loadedFor = this.territory;
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
    this.renderLinks();
    const data = this.data;
    if (!data) {
      this.report.replaceChildren();
      this.rating.replaceChildren();
      return;
    }
    const labels = new BlocksLabels(this.framework);
    const weights = this.framework ?? { hardWeight: 0.6, perceptionWeight: 0.4, covered: 50 };
    this.report.replaceChildren(
      h('h2', {
        className: 'ecosystem-territory-name',
        text: data.territory.name,
        testId: 'ecosystem-name',
      }),
      panel('ecosystem.typeTitle', 'ecosystem-type-panel', typeView(data, labels)),
      panel(
        'ecosystem.chartTitle',
        'ecosystem-chart-panel',
        coverageChart(data.blocks, weights, labels),
      ),
      panel(
        'ecosystem.indicatorsTitle',
        'ecosystem-indicators-panel',
        indicatorsView(data.indicators, labels),
      ),
      panel(
        'ecosystem.perceptionTitle',
        'ecosystem-perception-panel',
        perceptionTable(data.perception, data.raters, labels),
      ),
      panel(
        'ecosystem.evidenceTitle',
        'ecosystem-evidence-panel',
        evidenceView(data.blocks, labels),
      ),
    );
    this.renderRating();
  }

  private renderLinks(): void {
    if (!this.territory) {
      this.links.replaceChildren(
        h('a', { i18n: 'ecosystem.compareLink', attrs: { href: compareHref([]) } }),
      );
      return;
    }
    this.links.replaceChildren(
      h('a', {
        i18n: 'ecosystem.networkLink',
        attrs: { href: networkOfHref(this.territory) },
        testId: 'ecosystem-network-link',
      }),
      ' · ',
      h('a', {
        i18n: 'ecosystem.compareLink',
        attrs: { href: compareHref([this.territory]) },
        testId: 'ecosystem-compare-link',
      }),
    );
  }

  /** The rating form for signed-in users; a sign-in link for the others. */
  private renderRating(): void {
    if (!this.data) return;
    let content: HTMLElement;
    if (!this.session.signedIn) {
      content = h(
        'p',
        {},
        h('a', {
          i18n: 'ecosystem.rateSignIn',
          attrs: { href: signInHref(ecosystemHref(this.territory)) },
          testId: 'rating-signin',
        }),
      );
    } else if (!this.framework) {
      content = h('p', { className: 'hint', i18n: 'ecosystem.rateUnavailable' });
    } else {
      this.form ??= new RatingForm(
        this.territory,
        this.framework,
        new BlocksLabels(this.framework),
        () => void this.reloadAfterRating(),
      );
      content = this.form.element;
    }
    this.rating.replaceChildren(panel('ecosystem.rateTitle', 'ecosystem-rating-panel', content));
  }

  /** A new rating changes the perception and the coverage: ask for the report again. */
  private async reloadAfterRating(): Promise<void> {
    await this.load();
  }
}
