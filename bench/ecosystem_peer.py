#!/usr/bin/env python3
"""The peer of bench/ecosystem_bench.cc: the same job with python-igraph on the same edge list
("from to weight" lines): load, in/out degree, weighted directed PageRank (damping 0.85), then
Leiden with the modularity objective (resolution 1, beta 0.01, 2 iterations) on the undirected
graph with parallel and opposite edges merged and weights summed, and its modularity.
Prints one line per phase and the total, in seconds, and the peak resident memory."""
import random
import resource
import sys
import time

import igraph


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    g = igraph.Graph.Read_Ncol(path, names=False, weights="if_present", directed=True)
    t1 = time.perf_counter()
    g.degree(mode="in")
    g.degree(mode="out")
    t2 = time.perf_counter()
    g.pagerank(directed=True, weights="weight", damping=0.85)
    t3 = time.perf_counter()
    u = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
    random.seed(42)
    parts = u.community_leiden(objective_function="modularity", weights="weight",
                               resolution_parameter=1.0, beta=0.01, n_iterations=2)
    q = u.modularity(parts.membership, weights="weight")
    t4 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"python-igraph nodes {g.vcount()}, edges {g.ecount()}")
    print(f"python-igraph load: {t1 - t0:.3f} s")
    print(f"python-igraph degree: {t2 - t1:.3f} s")
    print(f"python-igraph pagerank: {t3 - t2:.3f} s")
    print(f"python-igraph leiden (collapse + leiden + modularity): {t4 - t3:.3f} s")
    print(f"python-igraph communities {len(parts)}, modularity {q:.6f}")
    print(f"python-igraph total: {t4 - t0:.3f} s, peak RSS {rss} MB")


if __name__ == "__main__":
    main()
