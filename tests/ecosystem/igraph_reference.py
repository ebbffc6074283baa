#!/usr/bin/env python3
"""Reference values for the network measures of src/ecosystem/metrics.cc (metrics_test.cc).

Reads a graph file and prints, as JSON, the same measures computed by python-igraph (and
networkx for effective size, which igraph lacks), with the same conventions as Ecosol
(docs/ecosystem.md, "Network measures"):

  nodes N                  number of nodes (0..N-1)
  edge FROM TO WEIGHT      a directed edge (one line each, parallel edges allowed)
  membership C0 C1 ...     optional: a community per node, whose modularity is reported

Directed measures (degrees, PageRank) use the directed multigraph; the others use the
undirected graph with parallel and opposite edges merged and their weights summed.
Run with the Debian python3 (python3-igraph, python3-networkx): /usr/bin/python3.
"""
import json
import math
import random
import sys

import igraph
import networkx as nx


def read(path):
    n, edges, weights, membership = 0, [], [], None
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "nodes":
                n = int(parts[1])
            elif parts[0] == "edge":
                edges.append((int(parts[1]), int(parts[2])))
                weights.append(float(parts[3]))
            elif parts[0] == "membership":
                membership = [int(x) for x in parts[1:]]
    return n, edges, weights, membership


def clean(values):
    return [None if (isinstance(x, float) and math.isnan(x)) else x for x in values]


def main():
    n, edges, weights, membership = read(sys.argv[1])
    d = igraph.Graph(n=n, edges=edges, directed=True)
    d.es["weight"] = weights
    u = d.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
    simple = d.copy()
    simple.simplify(multiple=True, loops=True, combine_edges="first")

    g = nx.Graph()
    g.add_nodes_from(range(n))
    for e in u.es:
        g.add_edge(e.source, e.target, weight=e["weight"])
    esize = nx.effective_size(g, weight="weight")
    esize_unweighted = nx.effective_size(g)

    random.seed(42)
    leiden = u.community_leiden(objective_function="modularity", weights="weight",
                                resolution_parameter=1.0, beta=0.01, n_iterations=2)
    out = {
        "in_degree": d.degree(mode="in"),
        "out_degree": d.degree(mode="out"),
        "density": simple.density(loops=False),
        "pagerank": d.pagerank(directed=True, weights="weight", damping=0.85),
        "closeness": clean(u.closeness(normalized=True)),
        "betweenness": u.betweenness(directed=False),
        "two_step_reach": u.neighborhood_size(order=2, mindist=1),
        "components": d.connected_components(mode="weak").membership,
        "constraint": clean(u.constraint(weights="weight")),
        "effective_size": clean([esize[v] for v in range(n)]),
        "effective_size_unweighted": clean([esize_unweighted[v] for v in range(n)]),
        "leiden_modularity": u.modularity(leiden.membership, weights="weight"),
    }
    if membership is not None:
        out["membership_modularity"] = u.modularity(membership, weights="weight")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
