// Country outlines from the bundled world-atlas topology, as GeoJSON for Leaflet.
//
// world-atlas cuts rings at the antimeridian (Russia, Fiji): a ring that jumps from lon 179.9 to
// -180 would be drawn by Leaflet as a line, and filled as a band, across the whole map. Unwrapping
// the longitudes (179.9 -> 180.1 instead of -179.9) keeps each such ring in one piece.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Jumps near the poles (Antarctica's edge) are left alone: Mercator clamps them off the map. */
const POLAR_LATITUDE = 80;

export function unwrapRing(ring: Position[]): Position[] {
  let offset = 0;
  let previous: number | undefined;
  return ring.map((point) => {
    const [lon = 0, lat = 0, ...rest] = point;
    let shifted = lon + offset;
    if (previous !== undefined && Math.abs(lat) < POLAR_LATITUDE) {
      if (shifted - previous > 180) {
        offset -= 360;
        shifted -= 360;
      } else if (shifted - previous < -180) {
        offset += 360;
        shifted += 360;
      }
    }
    previous = shifted;
    return [shifted, lat, ...rest];
  });
}

function unwrapGeometry(geometry: Geometry | null): Geometry | null {
  if (!geometry) return geometry;
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
      };
    default:
      return geometry;
  }
}

export function unwrapAntimeridian(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry: unwrapGeometry(f.geometry) as Geometry,
    })),
  };
}

/** The countries of a world-atlas topology as GeoJSON. */
export function outlinesFromTopology(topology: Topology): FeatureCollection {
  const countries = topology.objects.countries as GeometryCollection;
  const result = feature(topology, countries) as FeatureCollection<Geometry> | Feature<Geometry>;
  return unwrapAntimeridian(
    result.type === 'FeatureCollection'
      ? result
      : { type: 'FeatureCollection', features: [result] },
  );
}
