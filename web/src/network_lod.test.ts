import { describe, expect, it } from 'vitest';
import {
  aggregateCommunities,
  capOverview,
  communitySize,
  communityTies,
  edgesAmong,
  extentOf,
  GridIndex,
  incidence,
  levelFor,
  lodThreshold,
  majorityColour,
  neighboursOf,
  selectVisible,
  usesLod,
  widen,
  zoomRatioFor,
} from './network_lod';

// Six actors in three communities:
//   community 7: 0 (0,0), 1 (2,0), 2 (1,3)      community 3: 3 (10,10), 4 (12,10)
//   community 5: 5 (-4,-4)
const COMMUNITY = [7, 7, 7, 3, 3, 5];
const X = [0, 2, 1, 10, 12, -4];
const Y = [0, 0, 3, 10, 10, -4];
const WEIGHT = [0.1, 0.5, 0.2, 0.3, 0.3, 0.9];
// Ties: 0→1, 1→2 inside 7; 2→3, 3→0 and 1→4 between 7 and 3; 4→3 inside 3; 5→0 between 5 and 7.
const FROM = [0, 1, 2, 3, 1, 4, 5];
const TO = [1, 2, 3, 0, 4, 3, 0];

describe('levels', () => {
  it('draws networks of 3,000 actors and more by levels', () => {
    expect(usesLod(2_999)).toBe(false);
    expect(usesLod(3_000)).toBe(true);
  });

  it('puts the threshold where the widened viewport holds about the cap', () => {
    // sqrt(2,000 / 50,000) = 0.2, over (1 + 2 × 0.25) = 1.5.
    expect(lodThreshold(50_000, 2_000, 0.25)).toBeCloseTo(0.2 / 1.5, 10);
    expect(lodThreshold(8_000, 2_000, 0)).toBeCloseTo(0.5, 10);
    expect(lodThreshold(1_000, 2_000, 0)).toBe(1);
    expect(lodThreshold(100_000_000, 2_000, 0.25)).toBe(0.02);
    expect(lodThreshold(0)).toBe(1);
  });

  it('shows the overview above the threshold and the actors at it and under', () => {
    expect(levelFor(0.5, 0.2)).toBe('overview');
    expect(levelFor(0.2, 0.2)).toBe('actors');
    expect(levelFor(0.05, 0.2)).toBe('actors');
  });

  it('shows the actors above the threshold when all those in view can be drawn', () => {
    expect(levelFor(0.5, 0.2, 2_000, 2_000)).toBe('actors');
    expect(levelFor(0.5, 0.2, 2_001, 2_000)).toBe('overview');
    expect(levelFor(0.1, 0.2, 50_000, 2_000)).toBe('actors');
  });
});

describe('communities', () => {
  it('groups actors by community, largest first, at their centroid', () => {
    const communities = aggregateCommunities(COMMUNITY, X, Y, WEIGHT);
    expect(communities.map((c) => c.key)).toEqual([7, 3, 5]);
    expect(communities.map((c) => c.members)).toEqual([[0, 1, 2], [3, 4], [5]]);
    expect(communities.map((c) => [c.x, c.y])).toEqual([
      [1, 1],
      [11, 10],
      [-4, -4],
    ]);
    // Community 7: squared distances 2, 2 and 4 from (1, 1): sqrt(8 / 3).
    expect(communities[0]?.radius).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(communities[1]?.radius).toBe(1);
    expect(communities[2]?.radius).toBe(0);
    // The largest member by weight; on a tie (3 and 4) the first.
    expect(communities.map((c) => c.largest)).toEqual([1, 3, 5]);
  });

  it('orders communities of the same size by number', () => {
    const communities = aggregateCommunities([9, 2, 4], [0, 0, 0], [0, 0, 0], [0, 0, 0]);
    expect(communities.map((c) => c.key)).toEqual([2, 4, 9]);
  });

  it('counts the ties between communities either way, most first', () => {
    expect(communityTies(COMMUNITY, FROM, TO)).toEqual([
      { a: 3, b: 7, count: 3 },
      { a: 5, b: 7, count: 1 },
    ]);
  });

  it('keeps the largest communities and the heaviest ties between them', () => {
    const communities = aggregateCommunities(COMMUNITY, X, Y, WEIGHT);
    const ties = communityTies(COMMUNITY, FROM, TO);
    const two = capOverview(communities, ties, 2, 10);
    expect(two.communities.map((c) => c.key)).toEqual([7, 3]);
    // The tie 5–7 goes with community 5.
    expect(two.ties).toEqual([{ a: 3, b: 7, count: 3 }]);
    expect(two.totalCommunities).toBe(3);
    expect(two.totalTies).toBe(2);
    const oneTie = capOverview(communities, ties, 3, 1);
    expect(oneTie.ties).toEqual([{ a: 3, b: 7, count: 3 }]);
    expect(capOverview(communities, ties, 3, 10).ties).toHaveLength(2);
  });

  it('colours a community as most of its members', () => {
    expect(majorityColour([0, 1, 2], ['#a', '#b', '#b'])).toBe('#b');
    expect(majorityColour([0, 1], ['#a', '#b'])).toBe('#a');
    expect(majorityColour([2], ['#a', '#b', '#c'])).toBe('#c');
  });

  it('sizes a community by its members, its area following', () => {
    expect(communitySize(100, 100)).toBe(24);
    expect(communitySize(25, 100)).toBe(3 + 21 * 0.5);
    expect(communitySize(0, 100)).toBe(3);
    expect(communitySize(5, 0)).toBe(3);
  });

  it('zooms into a community under the threshold', () => {
    // Spread 3 × 2 over an extent of 100: 0.06, under 0.8 × 0.2.
    expect(zoomRatioFor(2, 100, 0.2)).toBeCloseTo(0.06, 10);
    // A wide community is framed at 0.8 × the threshold, so that its actors are drawn.
    expect(zoomRatioFor(30, 100, 0.2)).toBeCloseTo(0.16, 10);
    // A single actor: no spread, the smallest ratio.
    expect(zoomRatioFor(0, 100, 0.2, 0.01)).toBe(0.01);
  });
});

describe('grid index and viewport', () => {
  it('finds the points of a rectangle, edges included', () => {
    const grid = new GridIndex(X, Y, 1);
    expect(grid.columns).toBe(3);
    expect(grid.query({ minX: 0, minY: 0, maxX: 2, maxY: 3 })).toEqual([0, 1, 2]);
    expect(grid.query({ minX: -5, minY: -5, maxX: 0, maxY: 0 })).toEqual([0, 5]);
    expect(grid.query({ minX: 9, minY: 9, maxX: 20, maxY: 20 })).toEqual([3, 4]);
    expect(grid.query({ minX: 3, minY: 3, maxX: 9, maxY: 9 })).toEqual([]);
    expect(grid.query({ minX: -100, minY: -100, maxX: 100, maxY: 100 })).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(grid.query({ minX: 1, minY: 1, maxX: 0, maxY: 0 })).toEqual([]);
  });

  it('counts the points of a rectangle, stopping past a limit', () => {
    const grid = new GridIndex(X, Y, 1);
    expect(grid.count({ minX: -100, minY: -100, maxX: 100, maxY: 100 })).toBe(6);
    expect(grid.count({ minX: -100, minY: -100, maxX: 100, maxY: 100 }, 2)).toBe(3);
    expect(grid.count({ minX: 0, minY: 0, maxX: 2, maxY: 3 }, 10)).toBe(3);
    expect(grid.count({ minX: 3, minY: 3, maxX: 9, maxY: 9 })).toBe(0);
  });

  it('answers as a scan of every point on a random cloud', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const n = 2_000;
    const x = Array.from({ length: n }, () => rand() * 100);
    const y = Array.from({ length: n }, () => (rand() * 100) ** 2 / 100);
    const grid = new GridIndex(x, y);
    for (let q = 0; q < 50; q++) {
      const a = rand() * 100;
      const b = rand() * 100;
      const rect = { minX: a, minY: b, maxX: a + rand() * 30, maxY: b + rand() * 30 };
      const scan = x.flatMap((px, i) => {
        const py = y[i] ?? 0;
        return px >= rect.minX && px <= rect.maxX && py >= rect.minY && py <= rect.maxY ? [i] : [];
      });
      expect(grid.query(rect)).toEqual(scan);
      expect(grid.count(rect)).toBe(scan.length);
    }
  });

  it('holds points that all sit at one place', () => {
    const grid = new GridIndex([1, 1, 1], [2, 2, 2]);
    expect(grid.query({ minX: 0, minY: 0, maxX: 5, maxY: 5 })).toEqual([0, 1, 2]);
    expect(new GridIndex([], []).query({ minX: 0, minY: 0, maxX: 5, maxY: 5 })).toEqual([]);
  });

  it('widens a rectangle and measures an extent', () => {
    expect(widen({ minX: 0, minY: 0, maxX: 10, maxY: 4 }, 0.25)).toEqual({
      minX: -2.5,
      minY: -1,
      maxX: 12.5,
      maxY: 5,
    });
    expect(extentOf(X, Y)).toEqual({ minX: -4, minY: -4, maxX: 12, maxY: 10 });
    expect(extentOf([], [])).toEqual({ minX: -1, minY: -1, maxX: 1, maxY: 1 });
  });

  it('keeps every actor in view under the cap, the largest over it', () => {
    expect(selectVisible([0, 1, 2], WEIGHT, 5)).toEqual([0, 1, 2]);
    // Weights 0.1, 0.5, 0.2, 0.3, 0.3, 0.9: the three largest, ties by index.
    expect(selectVisible([0, 1, 2, 3, 4, 5], WEIGHT, 3)).toEqual([5, 1, 3]);
  });

  it('puts the chosen actor and its neighbours first, at most half the cap', () => {
    expect(selectVisible([0, 1, 2, 3], WEIGHT, 4, [0, 0, 4])).toEqual([0, 4, 1, 3]);
    expect(selectVisible([1, 2], WEIGHT, 4, [5, 4, 3])).toEqual([5, 4, 1, 2]);
  });
});

describe('edges of the drawn actors', () => {
  const links = incidence(6, FROM, TO);

  it('lists every node’s edges either way', () => {
    expect([...links.start]).toEqual([0, 3, 6, 8, 11, 13, 14]);
    expect([...links.edges]).toEqual([0, 3, 6, 0, 1, 4, 1, 2, 2, 3, 5, 4, 5, 6]);
  });

  it('finds the neighbours either way', () => {
    expect(neighboursOf(0, links, FROM, TO)).toEqual([1, 3, 5]);
    expect(neighboursOf(3, links, FROM, TO)).toEqual([2, 0, 4]);
    expect(neighboursOf(5, links, FROM, TO)).toEqual([0]);
  });

  it('keeps the edges between drawn actors, each once', () => {
    expect(edgesAmong([0, 1, 2], links, FROM, TO, [1, 1, 1, 1, 1, 1, 1], 10)).toEqual([0, 1]);
    expect(edgesAmong([3, 0, 1, 4], links, FROM, TO, [1, 1, 1, 1, 1, 1, 1], 10)).toEqual([
      0, 3, 4, 5,
    ]);
    expect(edgesAmong([5], links, FROM, TO, [1, 1, 1, 1, 1, 1, 1], 10)).toEqual([]);
  });

  it('keeps the heaviest over the cap, the chosen actor’s first', () => {
    const weights = [0.5, 0.1, 0.2, 0.9, 0.8, 0.7, 0.3];
    // Among 0, 1, 3, 4: edges 0 (0.5), 3 (0.9), 4 (0.8), 5 (0.7).
    expect(edgesAmong([0, 1, 3, 4], links, FROM, TO, weights, 2)).toEqual([3, 4]);
    // With actor 0 chosen: its edges 0 and 3 first.
    expect(edgesAmong([0, 1, 3, 4], links, FROM, TO, weights, 2, 0)).toEqual([0, 3]);
  });
});
