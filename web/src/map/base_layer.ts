// The map's base layer: online tiles when the server configures a tile URL, else country outlines
// bundled with the app (world-atlas), so the map works with no internet at all.

import type { FeatureCollection } from 'geojson';
import L from 'leaflet';
import type { Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { AppConfig } from '../types';
import { outlinesFromTopology } from './outlines';

// world-atlas is made from Natural Earth's public-domain data.
const NATURAL_EARTH = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

const OUTLINE_STYLE: L.PathOptions = {
  color: '#8796a8',
  weight: 0.8,
  fillColor: '#f7f5ef',
  fillOpacity: 1,
  interactive: false,
};

/** Adds the base layer to map; resolves once it is shown (outlines are fetched first). */
export async function addBaseLayer(map: L.Map, config: AppConfig | null): Promise<void> {
  if (config?.tile_url) {
    // The attribution comes from the server operator's configuration and may hold links.
    L.tileLayer(config.tile_url, {
      attribution: config.tile_attribution ?? '',
      maxZoom: 19,
    }).addTo(map);
    return;
  }
  const outlines = await loadOutlines();
  L.geoJSON(outlines, { style: OUTLINE_STYLE, attribution: NATURAL_EARTH }).addTo(map);
}

async function loadOutlines(): Promise<FeatureCollection> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`country outlines: HTTP ${response.status}`);
  return outlinesFromTopology((await response.json()) as Topology);
}
