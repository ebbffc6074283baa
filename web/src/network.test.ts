import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  colouring,
  communityLayout,
  fillGraph,
  hideEdgesWhileMoving,
  isSoftwareRenderer,
  layoutIterations,
  metricsUrl,
  neighbourIds,
  networkHref,
  networkQueryOf,
  nextSort,
  OTHER_COLOUR,
  PALETTE,
  SOFTWARE_HIDE_EDGES,
  parseMetrics,
  sizeFor,
  sortNodes,
  MAX_SIZE,
  MIN_SIZE,
  type NetworkMetrics,
  type NetworkNode,
} from './network';

function node(id: string, overrides: Partial<NetworkNode> = {}): NetworkNode {
  return {
    id,
    name: id.toUpperCase(),
    group: 'cooperative',
    territory: 'CA/QC',
    kind: 'organisation',
    in_degree: 0,
    out_degree: 0,
    degree: 0,
    strength: 0,
    closeness: 0,
    betweenness: 0,
    pagerank: 0,
    two_step_reach: 0,
    component: 0,
    community: 0,
    communities: [0],
    constraint: null,
    effective_size: null,
    brokerage: {
      coordinator: 0,
      itinerant: 0,
      gatekeeper: 0,
      representative: 0,
      liaison: 0,
      total: 0,
    },
    ...overrides,
  };
}

/** An answer as the server sends it: TIESS funds two actors, one of which supplies the other. */
const ANSWER = {
  filter: { territory: 'CA', types: [], as_of: '', with_partners: false },
  summary: {
    nodes: 3,
    edges: 3,
    directed: true,
    density: 0.5,
    components: 1,
    largest_component: 3,
    communities: 2,
    modularity: 0.12,
    overlapping_communities: 1,
    betweenness: { method: 'sampled', samples: 64, relative_error: 0.05 },
  },
  weaving: {
    stage: 'hub_and_spoke',
    reason_code: 'one_hub',
    reason: 'One actor holds most ties.',
    figures: { hub_share: 0.66 },
  },
  nodes: [
    {
      ...node('tiess', { name: 'TIESS', pagerank: 0.5, degree: 2, community: 1 }),
      constraint: 0.4,
    },
    node('chantier', { name: 'Chantier', pagerank: 0.3, degree: 2, community: 1 }),
    node('coop', { name: 'Coop', pagerank: 0.2, degree: 2, community: 2, group: 'funder' }),
  ],
  edges: [
    { from: 'tiess', to: 'chantier', type: 'funds', weight: 0.8 },
    { from: 'tiess', to: 'coop', type: 'funds', weight: 1 },
    { from: 'coop', to: 'chantier', type: 'supplies', weight: 0.5 },
  ],
};

describe('networkQueryOf and networkHref', () => {
  it('reads the filters and drops unknown types and bad dates', () => {
    const query = networkQueryOf(
      new URLSearchParams(
        'territory=CA/QC&type=funds,nonsense,partner_of&as_of=2015-06-30&with_partners=1',
      ),
    );
    expect(query).toEqual({
      territory: 'CA/QC',
      types: ['partner_of', 'funds'],
      asOf: '2015-06-30',
      withPartners: true,
    });
    expect(networkQueryOf(new URLSearchParams('as_of=June&with_partners=yes'))).toEqual({
      territory: '',
      types: [],
      asOf: '',
      withPartners: false,
    });
  });

  it('round-trips through the page link and leaves the defaults out', () => {
    const query = {
      territory: 'CA',
      types: ['funds' as const],
      asOf: '2015-06-30',
      withPartners: true,
    };
    const href = networkHref(query);
    expect(href).toBe('#/network?territory=CA&type=funds&as_of=2015-06-30&with_partners=1');
    expect(networkQueryOf(new URLSearchParams(href.split('?')[1]))).toEqual(query);
    expect(networkHref({ territory: '', types: [], asOf: '', withPartners: false })).toBe(
      '#/network',
    );
  });

  it('asks the API in the reader language, every type ticked meaning no type filter', () => {
    const all = networkQueryOf(
      new URLSearchParams(
        'type=member_of,partner_of,funds,supplies,federated_in,co_constructs_with,supports,other',
      ),
    );
    expect(all.types).toHaveLength(8);
    expect(metricsUrl(all, 'fr')).toBe('/api/v1/ecosystem/metrics?lang=fr');
    expect(
      metricsUrl(
        { territory: 'CA/QC', types: ['funds', 'member_of'], asOf: '', withPartners: false },
        'en',
      ),
    ).toBe('/api/v1/ecosystem/metrics?territory=CA%2FQC&type=member_of%2Cfunds&lang=en');
  });
});

describe('parseMetrics', () => {
  it('reads the answer of the endpoint', () => {
    const data = parseMetrics(ANSWER);
    expect(data.summary.betweenness).toEqual({
      method: 'sampled',
      samples: 64,
      relative_error: 0.05,
    });
    expect(data.weaving.stage).toBe('hub_and_spoke');
    expect(data.nodes.map((n) => n.name)).toEqual(['TIESS', 'Chantier', 'Coop']);
    expect(data.nodes[0]?.constraint).toBe(0.4);
    expect(data.nodes[1]?.constraint).toBeNull();
    expect(data.edges).toHaveLength(3);
  });

  it('drops edges to actors the reader may not see and fills missing numbers with 0', () => {
    const data = parseMetrics({
      nodes: [{ id: 'a', name: 'A' }, { id: 'b' }, { name: 'no id' }],
      edges: [
        { from: 'a', to: 'b', type: 'funds' },
        { from: 'a', to: 'hidden', type: 'funds', weight: 1 },
        { from: 'a', to: 'a', type: 'other', weight: 1 },
      ],
    });
    expect(data.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(data.nodes[1]?.name).toBe('b');
    expect(data.nodes[0]?.pagerank).toBe(0);
    expect(data.nodes[0]?.brokerage.total).toBe(0);
    expect(data.edges).toEqual([{ from: 'a', to: 'b', type: 'funds', weight: 0 }]);
    expect(data.summary.betweenness.method).toBe('exact');
  });

  it('refuses a body that is not a network', () => {
    expect(() => parseMetrics({ error: { code: 'x' } })).toThrow(/not a network/);
    expect(() => parseMetrics(null)).toThrow();
  });
});

describe('fillGraph', () => {
  it('builds a directed multigraph with positions, sizes, colours and labels', () => {
    const data: NetworkMetrics = parseMetrics({
      ...ANSWER,
      edges: [...ANSWER.edges, { from: 'tiess', to: 'chantier', type: 'partner_of', weight: 1 }],
    });
    const graph = new Graph({ type: 'directed', multi: true });
    fillGraph(graph, data, 'community', 'pagerank');
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(4);
    const tiess = graph.getNodeAttributes('tiess');
    expect(tiess.label).toBe('TIESS');
    expect(tiess.size).toBe(MAX_SIZE);
    expect(graph.getNodeAttribute('coop', 'size')).toBeLessThan(tiess.size);
    // Community 1 is the larger one: the palette's first colour.
    expect(tiess.color).toBe(PALETTE[0]);
    expect(graph.getNodeAttribute('coop', 'color')).toBe(PALETTE[1]);
    expect(Number.isFinite(tiess.x) && Number.isFinite(tiess.y)).toBe(true);
    // Sigma reads `type` as the drawing program: the relationship type is `relation`.
    const relations = graph.mapOutEdges('tiess', (_, a) => a.relation as string).sort();
    expect(relations).toEqual(['funds', 'funds', 'partner_of']);
    expect(graph.mapEdges((_, a) => a.type)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('colours and sizes', () => {
  it('gives the palette to the largest groups and one grey to the rest', () => {
    const nodes = Array.from({ length: 30 }, (_, i) =>
      node(`n${i}`, { community: i < 10 ? 0 : i, group: i % 2 ? 'funder' : 'network' }),
    );
    const byCommunity = colouring(nodes, 'community');
    expect(byCommunity.colourOf(node('x', { community: 0 }))).toBe(PALETTE[0]);
    expect(byCommunity.legend[0]).toEqual({ key: '0', colour: PALETTE[0], count: 10 });
    expect(byCommunity.legend).toHaveLength(PALETTE.length + 1);
    const others = byCommunity.legend.at(-1);
    expect(others).toEqual({
      key: null,
      colour: OTHER_COLOUR,
      count: 30 - 10 - (PALETTE.length - 1),
    });
    expect(byCommunity.colourOf(node('y', { community: 29 }))).toBe(OTHER_COLOUR);
    const byGroup = colouring(nodes, 'group');
    expect(byGroup.legend.map((e) => e.key)).toEqual(['funder', 'network']);
  });

  it('sizes by the square root of the share of the largest value', () => {
    expect(sizeFor(0, 10)).toBe(MIN_SIZE);
    expect(sizeFor(10, 10)).toBe(MAX_SIZE);
    expect(sizeFor(2.5, 10)).toBeCloseTo(MIN_SIZE + (MAX_SIZE - MIN_SIZE) / 2);
    expect(sizeFor(5, 0)).toBe(MIN_SIZE);
  });
});

describe('layout', () => {
  it('places each community on its own disc', () => {
    const nodes = [
      ...Array.from({ length: 20 }, (_, i) => node(`a${i}`, { community: 1 })),
      ...Array.from({ length: 20 }, (_, i) => node(`b${i}`, { community: 2 })),
    ];
    const { x, y } = communityLayout(nodes);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    const ax = mean(x.slice(0, 20));
    const ay = mean(y.slice(0, 20));
    const apart = Math.hypot(ax - mean(x.slice(20)), ay - mean(y.slice(20)));
    const spread = Math.max(...x.slice(0, 20).map((v, i) => Math.hypot(v - ax, (y[i] ?? 0) - ay)));
    expect(apart).toBeGreaterThan(spread);
    expect(new Set(x.map((v, i) => `${v},${y[i]}`)).size).toBe(40);
  });

  it('bounds the iterations, fewer as the graph grows', () => {
    expect(layoutIterations(100, 200)).toBeGreaterThan(layoutIterations(50_000, 150_000));
    expect(layoutIterations(50_000, 150_000)).toBeLessThanOrEqual(80);
  });
});

describe('the table', () => {
  const nodes = [
    node('b', { name: 'Béton', betweenness: 2, constraint: 0.5 }),
    node('a', { name: 'atelier', betweenness: 5, constraint: null }),
    node('c', { name: 'Coop', betweenness: 2, constraint: 0.2 }),
  ];

  it('sorts by a measure, ties by name, actors without a value last', () => {
    const ids = (sort: Parameters<typeof sortNodes>[1]) =>
      sortNodes(nodes, sort, 'fr').map((n) => n.id);
    expect(ids({ key: 'betweenness', descending: true })).toEqual(['a', 'b', 'c']);
    expect(ids({ key: 'betweenness', descending: false })).toEqual(['b', 'c', 'a']);
    expect(ids({ key: 'name', descending: false })).toEqual(['a', 'b', 'c']);
    expect(ids({ key: 'constraint', descending: false })).toEqual(['c', 'b', 'a']);
    expect(ids({ key: 'constraint', descending: true })).toEqual(['b', 'c', 'a']);
    expect(nodes.map((n) => n.id)).toEqual(['b', 'a', 'c']);
  });

  it('flips the direction of the same column and starts another column anew', () => {
    expect(nextSort({ key: 'pagerank', descending: true }, 'pagerank')).toEqual({
      key: 'pagerank',
      descending: false,
    });
    expect(nextSort({ key: 'pagerank', descending: false }, 'name')).toEqual({
      key: 'name',
      descending: false,
    });
    expect(nextSort({ key: 'name', descending: false }, 'betweenness').descending).toBe(true);
  });

  it('finds the neighbours either way along the edges', () => {
    expect(neighbourIds(parseMetrics(ANSWER).edges, 'chantier')).toEqual(['tiess', 'coop']);
  });
});

describe('hideEdgesWhileMoving', () => {
  const swiftshader =
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

  it('recognises software rasterisers by their renderer string', () => {
    expect(isSoftwareRenderer(swiftshader)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0)')).toBe(
      false,
    );
    expect(isSoftwareRenderer(null)).toBe(false);
  });

  it('hides edges while moving only when software draws many of them', () => {
    expect(hideEdgesWhileMoving(swiftshader, SOFTWARE_HIDE_EDGES + 1)).toBe(true);
    expect(hideEdgesWhileMoving(swiftshader, SOFTWARE_HIDE_EDGES)).toBe(false);
    expect(hideEdgesWhileMoving('Apple M2', 150_000)).toBe(false);
    expect(hideEdgesWhileMoving(null, 150_000)).toBe(false);
  });
});
