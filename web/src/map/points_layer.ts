// Actor markers, clustered (leaflet.markercluster). Every marker and cluster is a focusable button:
// Enter on a cluster zooms in, Enter on a marker opens its popup, whose profile link gets focus.

import L from 'leaflet';
import 'leaflet.markercluster';
import { h } from '../dom';
import { formatNumber } from '../format';
import { getLang, t } from '../i18n/i18n';
import { kindLabel } from '../labels';
import { actorHref } from '../router';
import type { MapPoint } from '../types';

const markerIcon = L.divIcon({
  className: 'actor-marker',
  html: '<span class="actor-marker-dot"></span>',
  iconSize: [18, 18],
  iconAnchor: [9, 9],
  popupAnchor: [0, -8],
});

/** Actors closer than this share one place: zooming would never separate them. */
const SAME_PLACE_METRES = 5;

type ClusterEvent = L.LeafletEvent & { layer: L.MarkerCluster; originalEvent?: Event };

export function createClusterGroup(map: L.Map): L.MarkerClusterGroup {
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 60,
    // Clicks on clusters are handled by onCluster below.
    zoomToBoundsOnClick: false,
    spiderfyOnMaxZoom: false,
    iconCreateFunction: clusterIcon,
  });
  group.on('clusterclick clusterkeypress', (e) => onCluster(map, e as ClusterEvent));
  return group;
}

/**
 * A cluster zooms in, or spreads its markers out when they share one place or the map cannot zoom
 * further. With the keyboard, the focus follows: to the first marker spread out, or to the map
 * (the cluster's own icon is gone) from where Tab reaches the markers.
 */
function onCluster(map: L.Map, e: ClusterEvent): void {
  const keyboard = e.type === 'clusterkeypress';
  if (keyboard && (e.originalEvent as KeyboardEvent | undefined)?.key !== 'Enter') return;
  const cluster = e.layer;
  const bounds = cluster.getBounds();
  const onePlace = bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < SAME_PLACE_METRES;
  if (onePlace || map.getZoom() >= map.getMaxZoom()) {
    cluster.spiderfy();
    if (keyboard) cluster.getAllChildMarkers()[0]?.getElement()?.focus({ preventScroll: true });
  } else {
    cluster.zoomToBounds({ padding: [40, 40] });
    if (keyboard) map.getContainer().focus({ preventScroll: true });
  }
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const count = cluster.getChildCount();
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
  const label = h('span', {
    className: 'visually-hidden',
    text: t('map.cluster', { n: formatNumber(count, getLang()) }),
  });
  const html = h(
    'div',
    { testId: 'map-cluster' },
    h('span', { text: compactNumber(count), attrs: { 'aria-hidden': 'true' } }),
    label,
  );
  return L.divIcon({
    html: html.outerHTML,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40),
  });
}

/** "7.4K" rather than "7,412": the count must fit in the cluster's circle. */
function compactNumber(count: number): string {
  return new Intl.NumberFormat(getLang(), { notation: 'compact', maximumFractionDigits: 1 }).format(
    count,
  );
}

export function pointMarker(point: MapPoint): L.Marker {
  const [id, lon, lat, name, kind] = point;
  const marker = L.marker([lat, lon], { icon: markerIcon, title: name, keyboard: true });
  marker.on('add', () => {
    const el = marker.getElement();
    el?.setAttribute('aria-label', name);
    if (el) el.dataset.testid = 'actor-marker';
  });
  // Registered before bindPopup's own Enter handler, so that it runs first.
  let byKeyboard = false;
  marker.on('keypress', (e) => {
    byKeyboard = (e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter';
  });
  marker.bindPopup(() => popupContent(id, name, kind), { minWidth: 180 });
  marker.on('popupopen', (e) => {
    const popup = e.popup.getElement();
    popup
      ?.querySelector('.leaflet-popup-close-button')
      ?.setAttribute('aria-label', t('map.closePopup'));
    // A keyboard user lands on the profile link; a mouse user's focus is left alone.
    if (byKeyboard) {
      popup?.querySelector<HTMLElement>('a.popup-profile-link')?.focus({ preventScroll: true });
    }
    byKeyboard = false;
  });
  return marker;
}

function popupContent(id: string, name: string, kind: string): HTMLElement {
  return h(
    'div',
    { className: 'popup', testId: 'map-popup' },
    h('p', { className: 'popup-name', text: name, testId: 'popup-name' }),
    h('p', { className: 'popup-kind', text: kindLabel(kind) }),
    h('a', {
      className: 'popup-profile-link',
      text: t('map.openProfile'),
      attrs: { href: actorHref(id), 'aria-label': t('map.openProfileOf', { name }) },
      testId: 'popup-profile-link',
    }),
  );
}
