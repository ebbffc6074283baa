// The ecosystem's network (#/network?territory=&type=&as_of=&with_partners=): filters, the summary
// and weaving stage of GET /api/v1/ecosystem/metrics, the graph drawn with WebGL (loaded on
// demand), its legend, and the table of actors with their measures. Choosing an actor, in the
// graph or in the table, shows its measures and highlights its neighbours. The nodes are the
// actors the reader may see (the server decides). Signed-in readers may also have the measures
// computed in the background, as a JSON file to download from the jobs page.

import '../styles/network.css';
import { analyticsJobRequest } from '../analysis_jobs';
import { api } from '../api';
import { BackgroundJob } from '../components/background_job';
import { errorMessage } from '../components/error_message';
import { legendView, nodeDetails, summaryList, weavingView } from '../components/network_details';
import { NetworkTable } from '../components/network_table';
import { panel } from '../components/panel';
import { h, option } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import {
  colouring,
  networkApi,
  networkHref,
  networkQueryOf,
  neighbourIds,
  RELATIONSHIP_TYPES,
  type ColourBy,
  type NetworkMetrics,
  type NetworkNode,
  type NetworkQuery,
  type SizeBy,
} from '../network';
import type { LevelInfo, NetworkView } from '../network_view';
import type { Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

export class NetworkPage implements Page {
  readonly element: HTMLElement;
  private query: NetworkQuery;
  private readonly form = h('form', {
    className: 'network-form',
    i18nAttrs: { 'aria-label': 'network.filters' },
    testId: 'network-form',
  });
  private readonly territory = h('input', {
    attrs: { id: 'network-territory', name: 'territory', list: 'network-territories' },
    testId: 'network-territory',
  });
  private readonly territories = h('datalist', { attrs: { id: 'network-territories' } });
  private readonly types = RELATIONSHIP_TYPES.map((type) =>
    h('input', {
      attrs: { id: `network-type-${type}`, type: 'checkbox', value: type },
      testId: `network-type-${type}`,
    }),
  );
  private readonly asOf = h('input', {
    attrs: { id: 'network-as-of', name: 'as_of', type: 'date' },
    testId: 'network-as-of',
  });
  private readonly partners = h('input', {
    attrs: { id: 'network-partners', type: 'checkbox' },
    testId: 'network-partners',
  });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'network-status',
  });
  private readonly summary = h('div', { testId: 'network-summary' });
  private readonly weaving = h('div');
  private readonly graph = h('div', {
    className: 'network-graph',
    attrs: { role: 'img' },
    testId: 'network-graph',
  });
  private readonly graphNote = h('p', { className: 'hint', testId: 'network-graph-note' });
  /** Which level of detail a large network is drawn at ("Overview: 312 communities..."). */
  private readonly levelNote = h('p', { className: 'hint', testId: 'network-level' });
  private levelInfo: LevelInfo | null = null;
  private readonly legend = h('div');
  private readonly details = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly table = new NetworkTable((id) => this.select(id));
  private readonly colourSelect = h(
    'select',
    { attrs: { id: 'network-colour' }, testId: 'network-colour' },
    option('community', { i18n: 'network.colourBy.community' }),
    option('group', { i18n: 'network.colourBy.group' }),
  );
  private readonly sizeSelect = h(
    'select',
    { attrs: { id: 'network-size' }, testId: 'network-size' },
    option('pagerank', { i18n: 'network.sizeBy.pagerank' }),
    option('degree', { i18n: 'network.sizeBy.degree' }),
  );
  private colourBy: ColourBy = 'community';
  private sizeBy: SizeBy = 'pagerank';
  private data: NetworkMetrics | null = null;
  private byId = new Map<string, NetworkNode>();
  private view: NetworkView | null = null;
  /** The query the graph was drawn for: a language change keeps the graph and its layout. */
  private drawnFor = '';
  private selected: string | null = null;
  private controller: AbortController | null = null;
  private destroyed = false;
  private readonly background: BackgroundJob;

  constructor(route: Route, session: SessionStore) {
    this.query = networkQueryOf(route.params);
    this.buildForm();
    // The filters as the form shows them: what is ticked, even before "Show".
    this.background = new BackgroundJob(session, {
      id: 'network-job',
      intro: 'network.backgroundIntro',
      request: () => analyticsJobRequest(this.formQuery(), getLang()),
      here: () => networkHref(this.query),
    });
    this.colourSelect.addEventListener('change', () => this.recolour());
    this.sizeSelect.addEventListener('change', () => this.resize());
    this.element = h(
      'section',
      { className: 'page network-page', testId: 'network-page' },
      h('h1', { i18n: 'network.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'network.intro' }),
      this.form,
      this.status,
      this.background.element,
      h(
        'div',
        { className: 'network-figures' },
        panel('network.summaryTitle', 'network-summary-panel', this.summary),
        panel('network.weavingTitle', 'network-weaving-panel', this.weaving),
      ),
      panel(
        'network.graphTitle',
        'network-graph-panel',
        this.graphControls(),
        h(
          'div',
          { className: 'network-stage-area' },
          h(
            'div',
            { className: 'network-canvas-column' },
            this.graph,
            this.levelNote,
            this.graphNote,
            this.legend,
          ),
          h(
            'aside',
            { className: 'network-details', testId: 'network-details' },
            h('h3', { i18n: 'network.detailsTitle' }),
            this.details,
          ),
        ),
      ),
      panel('network.tableTitle', 'network-table-panel', this.table.element),
    );
    this.showNoSelection();
    void this.load();
    void this.loadTerritories();
  }

  title(): string {
    return t('network.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'network') return false;
    this.query = networkQueryOf(route.params);
    this.background.onRouteChange();
    void this.load();
    return true;
  }

  /** The weaving stage's reason comes from the server in the language asked: ask again. */
  onLanguageChange(): void {
    translateTree(this.element);
    this.background.onLanguageChange();
    this.table.render();
    this.showLevel(this.levelInfo);
    void this.load();
  }

  /** Someone signed in or out: the background job's control follows (the network shown stays). */
  onSessionChange(): void {
    this.background.onSessionChange();
  }

  destroy(): void {
    this.destroyed = true;
    this.background.destroy();
    this.controller?.abort();
    this.view?.destroy();
    this.view = null;
  }

  private buildForm(): void {
    const typeBoxes = RELATIONSHIP_TYPES.map((type, i) =>
      h(
        'div',
        { className: 'field checkbox' },
        this.types[i] ?? null,
        h('label', { i18n: `network.type.${type}`, attrs: { for: `network-type-${type}` } }),
      ),
    );
    this.form.append(
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'network.territory', attrs: { for: 'network-territory' } }),
        this.territory,
        this.territories,
        h('p', { className: 'hint', i18n: 'network.territoryHint' }),
      ),
      h(
        'fieldset',
        { className: 'network-types' },
        h('legend', { i18n: 'network.types' }),
        ...typeBoxes,
        h('p', { className: 'hint', i18n: 'network.typesHint' }),
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'network.asOf', attrs: { for: 'network-as-of' } }),
        this.asOf,
        h('p', { className: 'hint', i18n: 'network.asOfHint' }),
      ),
      h(
        'div',
        { className: 'field checkbox' },
        this.partners,
        h('label', { i18n: 'network.withPartners', attrs: { for: 'network-partners' } }),
      ),
      h('button', { i18n: 'network.apply', attrs: { type: 'submit' }, testId: 'network-apply' }),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = networkHref(this.formQuery());
    });
  }

  private formQuery(): NetworkQuery {
    return {
      territory: this.territory.value.trim(),
      types: RELATIONSHIP_TYPES.filter((_, i) => this.types[i]?.checked),
      asOf: this.asOf.value,
      withPartners: this.partners.checked,
    };
  }

  private fillForm(): void {
    this.territory.value = this.query.territory;
    RELATIONSHIP_TYPES.forEach((type, i) => {
      const box = this.types[i];
      if (box) box.checked = this.query.types.includes(type);
    });
    this.asOf.value = this.query.asOf;
    this.partners.checked = this.query.withPartners;
  }

  private graphControls(): HTMLElement {
    const button = (
      key: 'network.zoomIn' | 'network.zoomOut' | 'network.zoomReset',
      run: () => void,
    ) =>
      h('button', {
        className: 'secondary',
        i18n: key,
        attrs: { type: 'button' },
        testId: key.replace('network.', 'network-'),
        on: { click: run },
      });
    return h(
      'div',
      { className: 'network-controls' },
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'network.colourBy', attrs: { for: 'network-colour' } }),
        this.colourSelect,
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'network.sizeBy', attrs: { for: 'network-size' } }),
        this.sizeSelect,
      ),
      button('network.zoomIn', () => this.view?.zoom(1.5)),
      button('network.zoomOut', () => this.view?.zoom(1 / 1.5)),
      button('network.zoomReset', () => this.view?.resetCamera()),
    );
  }

  /** The countries, offered as territories (deeper ones can be typed). */
  private async loadTerritories(): Promise<void> {
    const answer = await api.territories('').catch(() => null);
    const items = answer?.items ?? [];
    this.territories.replaceChildren(...items.map((c) => option(c.id, { text: c.name || c.id })));
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.fillForm();
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      performance.mark('network:request');
      const data = await networkApi.metrics(this.query, getLang(), controller.signal);
      performance.measure('network:fetch', 'network:request');
      if (controller.signal.aborted) return;
      this.status.textContent = data.nodes.length === 0 ? t('network.empty') : '';
      await this.show(data);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.data = null;
      this.status.replaceChildren(errorMessage(error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private async show(data: NetworkMetrics): Promise<void> {
    const lang = getLang();
    const started = performance.now();
    this.data = data;
    this.byId = new Map(data.nodes.map((node) => [node.id, node]));
    this.summary.replaceChildren(summaryList(data, lang));
    this.weaving.replaceChildren(weavingView(data));
    this.table.setNodes(data.nodes);
    if (this.selected !== null && !this.byId.has(this.selected)) this.selected = null;
    this.showDetails();
    this.showLegend();
    this.graph.setAttribute(
      'aria-label',
      t('network.graphLabel', { nodes: data.summary.nodes, edges: data.summary.edges }),
    );
    performance.measure('network:figures', { start: started });
    await this.draw(data);
  }

  /** A new view for new data; the WebGL module is loaded the first time only. */
  private async draw(data: NetworkMetrics): Promise<void> {
    const key = networkHref(this.query);
    if (this.view && this.drawnFor === key) {
      this.view.select(this.selected);
      return;
    }
    this.drawnFor = key;
    this.view?.destroy();
    this.view = null;
    this.graph.replaceChildren();
    this.graphNote.textContent = '';
    this.showLevel(null);
    if (data.nodes.length === 0) return;
    const { NetworkView } = await import('../network_view');
    if (this.destroyed || this.data !== data) return;
    try {
      const started = performance.now();
      this.view = new NetworkView(
        this.graph,
        data,
        this.colourBy,
        this.sizeBy,
        (id) => this.select(id),
        (info) => this.showLevel(info),
      );
      this.view.select(this.selected);
      performance.measure('network:view', { start: started });
    } catch (error) {
      console.warn('network view:', error);
      this.showLevel(null);
      this.graph.replaceChildren();
      this.graphNote.textContent = t('network.noWebgl');
    }
  }

  private select(id: string | null): void {
    this.selected = id !== null && this.byId.has(id) ? id : null;
    this.view?.select(this.selected);
    this.table.markSelected(this.selected);
    this.showDetails();
  }

  /** What a large network's view draws; nothing for a network drawn whole. */
  private showLevel(info: LevelInfo | null): void {
    this.levelInfo = info;
    this.levelNote.dataset.level = info?.level ?? '';
    if (!info || info.level === 'all') {
      this.levelNote.textContent = '';
      this.levelNote.hidden = true;
      return;
    }
    const nf = new Intl.NumberFormat(getLang());
    const params = {
      shown: nf.format(info.nodes),
      edges: nf.format(info.edges),
      nodes: nf.format(info.totalNodes),
      communities: nf.format(info.communities),
      inView: nf.format(info.inView),
    };
    this.levelNote.hidden = false;
    if (info.level === 'overview') {
      const capped = info.nodes < info.communities;
      this.levelNote.textContent = t(
        capped ? 'network.level.overviewCapped' : 'network.level.overview',
        params,
      );
    } else {
      const capped = info.nodes < info.inView;
      this.levelNote.textContent = t(
        capped ? 'network.level.actorsCapped' : 'network.level.actors',
        params,
      );
    }
  }

  private showDetails(): void {
    const node = this.selected === null ? undefined : this.byId.get(this.selected);
    if (!node || !this.data) {
      this.showNoSelection();
      return;
    }
    const neighbours = this.view?.neighbourIds(node.id) ?? neighbourIds(this.data.edges, node.id);
    const known = neighbours.flatMap((id) => this.byId.get(id) ?? []);
    const clear = h('button', {
      className: 'secondary',
      i18n: 'network.clearSelection',
      attrs: { type: 'button' },
      testId: 'network-clear',
      on: { click: () => this.select(null) },
    });
    this.details.replaceChildren(
      nodeDetails(node, known, getLang(), (other) => this.select(other)),
      clear,
    );
  }

  private showNoSelection(): void {
    this.details.replaceChildren(h('p', { className: 'hint', i18n: 'network.detailsNone' }));
  }

  private showLegend(): void {
    if (!this.data) return;
    const { legend } = colouring(this.data.nodes, this.colourBy);
    this.legend.replaceChildren(legendView(legend, this.colourBy, this.sizeBy, getLang()));
  }

  private recolour(): void {
    this.colourBy = this.colourSelect.value === 'group' ? 'group' : 'community';
    this.view?.setColourBy(this.colourBy);
    this.showLegend();
  }

  private resize(): void {
    this.sizeBy = this.sizeSelect.value === 'degree' ? 'degree' : 'pagerank';
    this.view?.setSizeBy(this.sizeBy);
    this.showLegend();
  }
}
