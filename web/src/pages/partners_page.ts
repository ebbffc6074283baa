// Partner matching (#/partners?actor=ID&block=&asset=&max_km=&include_tied=&limit=&territory=):
// the partners recommended to an actor, from GET /api/v1/ecosystem/partners, with filters; the
// missing brokers of a territory (GET /ecosystem/brokers); and the actor's offers and wants, which
// signed-in users who may edit the actor add to, delete and restore. Texts come in the four
// languages, so a language change redraws without a new request.

import '../styles/partners.css';
import { api } from '../api';
import { BlocksLabels } from '../components/blocks_labels';
import { errorMessage } from '../components/error_message';
import {
  labelledControl,
  pageForm,
  statusLine,
  submitButton,
  suggestActors,
} from '../components/form_field';
import { panel } from '../components/panel';
import { brokersView } from '../components/partners_brokers';
import { PartnerLabels } from '../components/partners_labels';
import { OffersPanel } from '../components/partners_offers';
import { recommendationsView } from '../components/partners_results';
import { h, option } from '../dom';
import { BLOCK_IDS, type BlocksFramework } from '../ecosystem_blocks';
import { t, translateTree } from '../i18n/i18n';
import {
  assetsByBlock,
  kmOf,
  limitOf,
  partnersApi,
  partnersHref,
  partnersQueryOf,
  partnersUrl,
  type AssetType,
  type BrokerReport,
  type PartnersQuery,
  type Recommendations,
} from '../partners';
import { actorHref, type Route } from '../router';
import type { SessionStore } from '../session';
import { loadBlocksFramework, territoryDatalist } from './ecosystem_page';
import type { Page } from './page';

/** The asset types are the same for every actor: asked once per app. */
let assetsRequest: Promise<AssetType[]> | null = null;
function loadAssets(): Promise<AssetType[]> {
  assetsRequest ??= partnersApi.assets().catch(() => {
    assetsRequest = null;
    return [];
  });
  return assetsRequest;
}

export class PartnersPage implements Page {
  readonly element: HTMLElement;
  private query: PartnersQuery;
  private readonly actor = h('input', {
    attrs: { id: 'partners-actor', name: 'actor', list: 'partners-actors', required: true },
    testId: 'partners-actor',
  });
  private readonly actors = h('datalist', { attrs: { id: 'partners-actors' } });
  private readonly block = h('select', {
    attrs: { id: 'partners-block', name: 'block' },
    testId: 'partners-block',
  });
  private readonly asset = h('select', {
    attrs: { id: 'partners-asset', name: 'asset' },
    testId: 'partners-asset',
  });
  private readonly maxKm = h('input', {
    attrs: { id: 'partners-max-km', name: 'max_km', type: 'number', min: 0, step: 'any' },
    testId: 'partners-max-km',
  });
  private readonly includeTied = h('input', {
    attrs: { id: 'partners-include-tied', name: 'include_tied', type: 'checkbox' },
    testId: 'partners-include-tied',
  });
  private readonly limit = h('input', {
    attrs: { id: 'partners-limit', name: 'limit', type: 'number', min: 1, max: 100, step: 1 },
    testId: 'partners-limit',
  });
  private readonly territory = h('input', {
    attrs: { id: 'brokers-territory', name: 'territory', list: 'partners-territories' },
    testId: 'brokers-territory',
  });
  private readonly actorName = h('p', { className: 'partners-actor-name' });
  private readonly status = statusLine('partners-status');
  private readonly results = h('div');
  private readonly brokersStatus = statusLine('brokers-status');
  private readonly brokers = h('div');
  private readonly offers = h('div', { testId: 'offers-area' });
  private readonly resultsPanel: HTMLElement;
  private readonly brokersPanel: HTMLElement;
  private data: Recommendations | null = null;
  private report: BrokerReport | null = null;
  private framework: BlocksFramework | null = null;
  private assets: AssetType[] = [];
  /** What `data` and `report` answer: a route change that keeps them asks nothing. */
  private loadedUrl = '';
  private loadedTerritory = '';
  private offersPanel: OffersPanel | null = null;
  private controller: AbortController | null = null;
  private brokersController: AbortController | null = null;
  private readonly stopSuggestions: () => void;

  constructor(
    route: Route,
    private readonly session: SessionStore,
  ) {
    this.query = partnersQueryOf(route.params);
    this.resultsPanel = panel(
      'partners.resultsTitle',
      'partners-results-panel',
      this.status,
      this.results,
    );
    this.brokersPanel = panel(
      'partners.brokersTitle',
      'partners-brokers-panel',
      h('p', { className: 'hint', i18n: 'partners.brokersIntro' }),
      this.brokersForm(),
      this.brokersStatus,
      this.brokers,
    );
    this.element = h(
      'section',
      { className: 'page partners-page', testId: 'partners-page' },
      h('h1', { i18n: 'partners.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'partners.intro' }),
      this.queryForm(),
      this.actorName,
      this.resultsPanel,
      panel('partners.offersTitle', 'partners-offers-panel', this.offers),
      this.brokersPanel,
    );
    this.stopSuggestions = suggestActors(this.actor, this.actors);
    this.fillSelects();
    void this.loadLabels();
    this.load();
  }

  title(): string {
    return t('partners.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'partners') return false;
    this.query = partnersQueryOf(route.params);
    this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.fillSelects();
    this.render();
    this.offersPanel?.relabel(this.labels());
  }

  onSessionChange(): void {
    this.offersPanel?.onSessionChange();
    // Signed-in callers see what their roles allow: ask again.
    this.loadedUrl = '';
    this.load();
  }

  destroy(): void {
    this.controller?.abort();
    this.brokersController?.abort();
    this.stopSuggestions();
    this.offersPanel?.destroy();
  }

  private labels(): PartnerLabels {
    return new PartnerLabels(new BlocksLabels(this.framework), this.assets);
  }

  private queryForm(): HTMLFormElement {
    return pageForm(
      { className: 'partners-form', label: 'partners.pick', testId: 'partners-form' },
      () => {
        location.hash = partnersHref({
          actor: this.actor.value.trim(),
          block: this.block.value,
          asset: this.asset.value,
          maxKm: kmOf(this.maxKm.value),
          includeTied: this.includeTied.checked,
          limit: limitOf(this.limit.value),
          territory: this.query.territory,
        });
      },
      labelledControl(
        'partners.actor',
        this.actor,
        h('p', { className: 'hint', i18n: 'partners.actorHint' }),
      ),
      this.actors,
      labelledControl('partners.block', this.block),
      labelledControl('partners.asset', this.asset),
      labelledControl('partners.maxKm', this.maxKm),
      labelledControl('partners.limit', this.limit),
      h(
        'div',
        { className: 'field field-check' },
        this.includeTied,
        h('label', { i18n: 'partners.includeTied', attrs: { for: this.includeTied.id } }),
      ),
      submitButton('partners.show', 'partners-show'),
    );
  }

  private brokersForm(): HTMLFormElement {
    return pageForm(
      { className: 'partners-form', label: 'partners.brokersTitle', testId: 'brokers-form' },
      () => {
        location.hash = partnersHref({ ...this.query, territory: this.territory.value.trim() });
      },
      labelledControl('partners.territory', this.territory),
      territoryDatalist('partners-territories'),
      submitButton('partners.showGaps', 'brokers-show'),
    );
  }

  /** The block and asset filters, labelled in the reader's language; choices are kept. */
  private fillSelects(): void {
    const labels = this.labels();
    this.block.replaceChildren(
      option('', { i18n: 'partners.anyBlock' }),
      ...BLOCK_IDS.map((id) => option(id, { text: labels.block(id) })),
    );
    this.asset.replaceChildren(
      option('', { i18n: 'partners.anyAsset' }),
      ...assetsByBlock(this.assets, BLOCK_IDS).map((g) =>
        h(
          'optgroup',
          { attrs: { label: labels.block(g.block) } },
          ...g.assets.map((a) => option(a.id, { text: labels.asset(a.id) })),
        ),
      ),
    );
    this.block.value = this.query.block;
    this.asset.value = this.query.asset;
  }

  private async loadLabels(): Promise<void> {
    const [framework, assets] = await Promise.all([loadBlocksFramework(), loadAssets()]);
    this.framework = framework;
    this.assets = assets;
    this.fillSelects();
    this.render();
    this.offersPanel?.relabel(this.labels());
  }

  private load(): void {
    const q = this.query;
    this.actor.value = q.actor;
    this.maxKm.value = q.maxKm === null ? '' : String(q.maxKm);
    this.limit.value = q.limit === null ? '' : String(q.limit);
    this.includeTied.checked = q.includeTied;
    this.territory.value = q.territory;
    this.block.value = q.block;
    this.asset.value = q.asset;
    if (this.offersPanel && this.offersPanel.actor !== q.actor) {
      this.offersPanel.destroy();
      this.offersPanel = null;
    }
    if (!this.offersPanel && q.actor) {
      this.offersPanel = new OffersPanel(q.actor, this.session, this.labels(), () =>
        this.reloadRecommendations(),
      );
      void this.showActorName(q.actor);
    }
    this.offers.replaceChildren(this.offersPanel?.element ?? '');
    if (!q.actor) this.actorName.replaceChildren();
    void this.loadRecommendations();
    void this.loadBrokers();
  }

  private async showActorName(id: string): Promise<void> {
    const actor = await api.actor(id).catch(() => null);
    if (this.query.actor !== id) return;
    this.actorName.replaceChildren(
      h('a', {
        text: actor?.name || id,
        attrs: { href: actorHref(id) },
        testId: 'partners-actor-link',
      }),
    );
  }

  /** An offer or want changed: the actor's needs did too. */
  private reloadRecommendations(): void {
    this.loadedUrl = '';
    void this.loadRecommendations();
  }

  private async loadRecommendations(): Promise<void> {
    const q = this.query;
    const url = q.actor ? partnersUrl(q) : '';
    if (url && url === this.loadedUrl) return;
    this.controller?.abort();
    if (!url) {
      this.data = null;
      this.loadedUrl = '';
      this.status.textContent = t('partners.chooseActor');
      this.render();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.resultsPanel.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      const data = await partnersApi.recommend(q, controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.loadedUrl = url;
      this.status.textContent = '';
      this.render();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.data = null;
      this.results.replaceChildren();
      this.status.replaceChildren(errorMessage(error));
    } finally {
      if (this.controller === controller) this.resultsPanel.removeAttribute('aria-busy');
    }
  }

  private async loadBrokers(): Promise<void> {
    const territory = this.query.territory;
    if (territory === this.loadedTerritory && (this.report || !territory)) return;
    this.brokersController?.abort();
    this.report = null;
    this.loadedTerritory = '';
    if (!territory) {
      this.brokersStatus.textContent = t('partners.chooseTerritory');
      this.render();
      return;
    }
    const controller = new AbortController();
    this.brokersController = controller;
    this.brokersPanel.setAttribute('aria-busy', 'true');
    this.brokersStatus.textContent = t('status.loading');
    try {
      const report = await partnersApi.brokers(territory, controller.signal);
      if (controller.signal.aborted) return;
      this.report = report;
      this.loadedTerritory = territory;
      this.brokersStatus.textContent = '';
      this.render();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.brokers.replaceChildren();
      this.brokersStatus.replaceChildren(errorMessage(error));
    } finally {
      if (this.brokersController === controller) this.brokersPanel.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    const labels = this.labels();
    this.results.replaceChildren(this.data ? recommendationsView(this.data, labels) : '');
    this.brokers.replaceChildren(this.report ? brokersView(this.report, labels) : '');
  }
}
