#!/usr/bin/env python3
"""Counts the entries of an Ecosol registry's R*Tree in 400 boxes of 0.05 to 0.5 degree over
Great Britain (fixed seed), five times after a warm-up of 50, and prints the best of the five:
a measure of the tree's shape (how many nodes a box query reads), not of the server.

Usage: bench/rtree_boxes.py DATABASE [TABLE]   (TABLE: default actors_rtree; any R*Tree with
the columns min_lon, max_lon, min_lat, max_lat)"""
import random
import sqlite3
import sys
import time


def main():
    db = sqlite3.connect(sys.argv[1])
    table = sys.argv[2] if len(sys.argv) > 2 else "actors_rtree"
    rng = random.Random(42)
    boxes = []
    for _ in range(400):
        w = rng.uniform(0.05, 0.5)
        x = rng.uniform(-5.5, 1.5 - w)
        y = rng.uniform(50.2, 55.5 - w)
        boxes.append((x, x + w, y, y + w))
    query = (f'SELECT count(*) FROM "{table}" '
             "WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?")
    for box in boxes[:50]:
        db.execute(query, box).fetchone()
    best = float("inf")
    found = 0
    for _ in range(5):
        start = time.perf_counter()
        found = sum(db.execute(query, box).fetchone()[0] for box in boxes)
        best = min(best, time.perf_counter() - start)
    nodes = db.execute(f'SELECT count(*) FROM "{table}_node"').fetchone()[0]
    print(f"{table}: 400 boxes in {best * 1000:.1f} ms (best of 5); {found} entries found; "
          f"{nodes} nodes")


if __name__ == "__main__":
    main()
