import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { outlinesFromTopology, unwrapRing } from './outlines';

describe('unwrapRing', () => {
  it('keeps a ring that crosses the antimeridian in one piece', () => {
    const ring = [
      [179, -16],
      [-180, -16.5],
      [-179, -17],
      [179.5, -17],
      [179, -16],
    ];
    expect(unwrapRing(ring)).toEqual([
      [179, -16],
      [180, -16.5],
      [181, -17],
      [179.5, -17],
      [179, -16],
    ]);
  });

  it('leaves other rings and polar edges as they are', () => {
    const ring = [
      [-3, 51],
      [-2, 52],
      [-3, 51],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
    const polar = [
      [-180, -89.9],
      [178, -89.9],
    ];
    expect(unwrapRing(polar)).toEqual(polar);
  });
});

describe('bundled country outlines', () => {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  );
  const outlines: FeatureCollection = outlinesFromTopology(topology);

  it('has the countries, with no ring jumping across the map outside the poles', () => {
    expect(outlines.features.length).toBeGreaterThan(200);
    const jumps: string[] = [];
    for (const feature of outlines.features) {
      const geometry = feature.geometry;
      const polygons: Position[][][] =
        geometry.type === 'Polygon'
          ? [geometry.coordinates]
          : geometry.type === 'MultiPolygon'
            ? geometry.coordinates
            : [];
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i++) {
          const [a, b] = [ring[i - 1] ?? [], ring[i] ?? []];
          const jump = Math.abs((b[0] ?? 0) - (a[0] ?? 0)) > 180;
          if (jump && Math.abs(b[1] ?? 0) < 80) jumps.push(String(feature.properties?.name));
        }
      }
    }
    expect(jumps).toEqual([]);
  });
});
