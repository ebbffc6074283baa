#!/usr/bin/env bash
# Measures `ecosol copy` (a SQLite database into an empty PostgreSQL database) at ROWS synthetic
# actors (default 1,000,000; bench/gen_registry, seed 42), on a throwaway PostgreSQL cluster;
# docs/benchmarks.md records the results. Run on purpose, after `make build`:
#   scripts/copy-bench.sh                 # ROWS=1000000 BENCH_DIR=<temporary folder>
#   ROWS=100000 BENCH_DIR=/var/tmp/cb scripts/copy-bench.sh
# BENCH_DIR keeps the generated CSV and the SQLite database between runs (kept when given).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
ECOSOL=build/release/ecosol
GEN=build/release/bench/gen_registry
[ -x "$ECOSOL" ] && [ -x "$GEN" ] || { echo "build first: make build" >&2; exit 1; }

keep=1
dir=${BENCH_DIR:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d /var/tmp/ecosol-copy-bench.XXXXXX)
  keep=0
fi
mkdir -p "$dir"
eval "$(scripts/pg-throwaway.sh start)"
cleanup() {
  scripts/pg-throwaway.sh stop "$ECOSOL_PG_DIR" >/dev/null 2>&1 || true
  [ "$keep" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
csv="$dir/registry-$ROWS.csv"
db="$dir/ecosol-$ROWS.db"
[ -s "$csv" ] || "$GEN" --rows "$ROWS" --seed 42 >"$csv"
if [ ! -s "$db" ]; then
  "$ECOSOL" --db "$db" init >/dev/null
  "$ECOSOL" --db "$db" import "$csv" --format essglobal-csv --source synthetic \
    --id-scheme synthetic --id-prefix s --json | jq -c '{imported, rejected: (.rejected | length)}'
fi
echo "sqlite database: $(du -h "$db" | cut -f1)"

target="${ECOSOL_TEST_PG_URL%/*}/copy_bench"
psql "${ECOSOL_TEST_PG_URL%/*}/postgres" -qc "CREATE DATABASE copy_bench"
/usr/bin/time -f "elapsed %e s, max resident %M KiB" \
  "$ECOSOL" --db "$db" copy --to "$target" --json >"$dir/copy.json"
jq -c '{rows, seconds, actors: .table_counts.actors, actor_text: .table_counts.actor_text}' \
  "$dir/copy.json"
echo "postgresql database: $(psql "$target" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
# The copy answers as the source: as many actors hold each word in both full-text indexes.
for word in housing cooperative; do
  a=$(sqlite3 "$db" "SELECT count(*) FROM actors_fts WHERE actors_fts MATCH '$word'")
  b=$(psql "$target" -Atc "SELECT count(*) FROM actor_text WHERE tsv @@ to_tsquery('simple', '$word')")
  [ "$a" = "$b" ] && echo "word '$word': $b actors in both indexes" ||
    { echo "word '$word': $a actors in SQLite, $b in PostgreSQL" >&2; exit 1; }
done
