// The map of actors: the same filters as the directory, clustered markers, popups that open the
// actor's profile, and a link to the same selection as a list (the keyboard-friendly way in).

import L from 'leaflet';
import { api } from '../api';
import { errorMessage } from '../components/error_message';
import { FilterForm } from '../components/filter_form';
import { h } from '../dom';
import { filtersFromParams, filtersToParams, sameFilters, type Filters } from '../filters';
import { formatNumber } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import { addBaseLayer } from '../map/base_layer';
import { createClusterGroup, pointMarker } from '../map/points_layer';
import { pageHref, type Route } from '../router';
import type { MapPoints } from '../types';
import type { Page, PageContext } from './page';

const WORLD_VIEW: L.LatLngExpression = [30, 0];
// How far fitting the markers may zoom in: the offline outlines say little beyond country level.
const FIT_MAX_ZOOM_TILES = 12;
const FIT_MAX_ZOOM_OUTLINES = 6;

export class MapPage implements Page {
  readonly element: HTMLElement;
  private readonly form: FilterForm;
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'map-status',
  });
  private readonly errorSlot = h('div');
  private readonly listLink = h('a', { className: 'map-link', i18n: 'map.showAsList' });
  private readonly container = h('div', {
    className: 'map-canvas',
    attrs: { role: 'region' },
    i18nAttrs: { 'aria-label': 'map.regionLabel' },
    testId: 'map',
  });
  private map: L.Map | null = null;
  private clusters: L.MarkerClusterGroup | null = null;
  private filters: Filters;
  private points: MapPoints | null = null;
  private controller: AbortController | null = null;
  private fitMaxZoom = FIT_MAX_ZOOM_OUTLINES;

  constructor(
    route: Route,
    private readonly ctx: PageContext,
  ) {
    this.filters = filtersFromParams(route.params);
    this.form = new FilterForm('map', this.filters, (filters) =>
      this.ctx.navigate(pageHref('map', filtersToParams(filters)), { replace: true }),
    );
    this.element = h(
      'section',
      { className: 'page map-page', testId: 'map-page' },
      h('h1', { className: 'visually-hidden', i18n: 'map.title', attrs: { tabindex: -1 } }),
      h(
        'div',
        { className: 'map-sidebar' },
        this.form.element,
        h('div', { className: 'result-header' }, this.status, this.listLink),
        this.errorSlot,
      ),
      this.container,
    );
  }

  title(): string {
    return t('map.title');
  }

  mounted(): void {
    // Canvas draws the thousands of outline vertices much faster than SVG.
    const map = L.map(this.container, {
      center: WORLD_VIEW,
      zoom: 2,
      minZoom: 2,
      maxZoom: 18,
      worldCopyJump: true,
      preferCanvas: true,
      zoomControl: false,
    });
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    this.map = map;
    this.clusters = createClusterGroup(map).addTo(map);
    void this.start(map);
  }

  update(route: Route): boolean {
    if (route.page !== 'map') return false;
    const filters = filtersFromParams(route.params);
    if (!sameFilters(filters, this.filters)) {
      this.filters = filters;
      this.form.setFilters(filters);
      void this.loadPoints();
    }
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.translateControls();
    void this.form.refreshLanguage();
    this.showStatus();
    // Cluster icons and popups carry translated text: rebuild them.
    if (this.points) this.showPoints(this.points, false);
  }

  destroy(): void {
    this.controller?.abort();
    this.form.destroy();
    this.map?.remove();
    this.map = null;
  }

  /** Leaflet's own controls hold text too (title and aria-label). */
  private translateControls(): void {
    const labels: [string, string][] = [
      ['.leaflet-control-zoom-in', t('map.zoomIn')],
      ['.leaflet-control-zoom-out', t('map.zoomOut')],
    ];
    for (const [selector, label] of labels) {
      const button = this.container.querySelector(selector);
      button?.setAttribute('title', label);
      button?.setAttribute('aria-label', label);
    }
  }

  private async start(map: L.Map): Promise<void> {
    const config = await api.config().catch(() => null);
    if (config?.tile_url) this.fitMaxZoom = FIT_MAX_ZOOM_TILES;
    // Markers do not wait for the outlines; a failure to load them leaves a plain background.
    addBaseLayer(map, config).catch((e: unknown) => console.warn('base layer', e));
    await this.loadPoints();
  }

  private async loadPoints(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.listLink.href = pageHref('directory', filtersToParams(this.filters));
    this.errorSlot.replaceChildren();
    this.status.textContent = t('status.loading');
    try {
      const points = await api.mapPoints(this.filters, controller.signal);
      if (controller.signal.aborted || !this.map) return;
      this.points = points;
      this.showPoints(points, true);
      this.showStatus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.textContent = '';
      this.errorSlot.replaceChildren(errorMessage(error));
    }
  }

  private showPoints(points: MapPoints, fit: boolean): void {
    const { map, clusters } = this;
    if (!map || !clusters) return;
    map.closePopup();
    clusters.clearLayers();
    clusters.addLayers(points.items.map(pointMarker));
    if (!fit || points.items.length === 0) return;
    const bounds = L.latLngBounds(points.items.map(([, lon, lat]) => L.latLng(lat, lon)));
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: this.fitMaxZoom });
  }

  private showStatus(): void {
    if (!this.points) return;
    const n = this.points.items.length;
    const count = formatNumber(n, getLang());
    let text = n === 0 ? t('map.none') : n === 1 ? t('map.countOne') : t('map.count', { n: count });
    if (this.points.truncated) text += ` ${t('map.truncated')}`;
    this.status.textContent = text;
  }
}
