#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md and prints the figures (nothing is asserted):
#   1. import of ROWS synthetic standard-CSV rows into SQLite by `ecosol import`, beside the
#      sqlite3 shell's `.import` of the same file into a plain table (the named peer);
#   2. GET /api/v1/actors?q= and ?bbox= latency with 64 connections (wrk), and the server's
#      peak resident memory, on the registry just imported; then, on a server without the
#      response cache and the box index, single searches and both loads again.
# Environment: ROWS (default 1000000), DURATION of each load run (default 30s), BENCH_DIR (default
# a temporary folder, removed at the end unless KEEP=1), SERVE_ONLY=1 (with KEEP=1 and the
# BENCH_DIR of an earlier run: measure the serving again on the registry already imported).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
DURATION=${DURATION:-30s}
ECOSOL=build/release/ecosol
GEN=build/release/bench/gen_registry
dir=${BENCH_DIR:-$(mktemp -d /tmp/ecosol-bench.XXXXXX)}
mkdir -p "$dir"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "rows: $ROWS"

csv="$dir/registry.csv"
db="$dir/ecosol.db"
if [ "${SERVE_ONLY:-0}" = 1 ] && [ -f "$db" ]; then
  echo "serving the registry already in $db (SERVE_ONLY=1): no generation or import"
else
t0=$(now); "$GEN" --rows "$ROWS" --seed 42 > "$csv"; t1=$(now)
echo "generate: $(secs "$t0" "$t1") s, $(du -m "$csv" | cut -f1) MB"

rm -f "$dir/plain.db"
t0=$(now); sqlite3 "$dir/plain.db" ".import --csv $csv plain"; t1=$(now)
peer=$(secs "$t0" "$t1")
echo "sqlite3 .import (peer): $peer s"

rm -f "$db" "$db-wal" "$db-shm"
"$ECOSOL" --db "$db" init >/dev/null
t0=$(now)
/usr/bin/time -f "%M" -o "$dir/import.rss" \
  "$ECOSOL" --db "$db" import "$csv" --format essglobal-csv --source synthetic --id-scheme synthetic \
  --id-prefix s --json > "$dir/import.json"
t1=$(now)
ours=$(secs "$t0" "$t1")
echo "ecosol import: $ours s, $(echo "$ROWS / $ours" | bc) rows/s, ratio to sqlite3 .import: $(echo "scale=1; $ours / $peer" | bc)x"
grep -E '"(imported|updated|unchanged)"' "$dir/import.json" | tr -d ' \n'; echo
echo "import peak resident memory: $(($(cat "$dir/import.rss") / 1024)) MB"
echo "database size: $(du -m "$db" | cut -f1) MB"
fi

port=$((30000 + RANDOM % 20000))
start_server() {
  "$ECOSOL" --db "$db" serve --port "$port" --web-root "" "$@" > "$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
  # The box index is built in the background (the database answers meanwhile): wait for it.
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" | grep -qE '"state":"(ready|off)"' && break
    sleep 0.5
  done
  grep "box index" "$dir/server.log" || true
}
# Each measured run follows a 10 s warm-up with the same script (not measured), as with any
# server benchmark: the first requests fill SQLite's page caches and the response cache.
run_wrk() {
  wrk -t2 -c64 -d10s -s "bench/wrk/$1.lua" "http://127.0.0.1:$port" > /dev/null
  echo "--- wrk $1 ($2): 64 connections, $DURATION, after a 10 s warm-up"
  wrk -t2 -c64 -d"$DURATION" --latency -s "bench/wrk/$1.lua" "http://127.0.0.1:$port" |
    grep -E 'Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors'
}
start_server
run_wrk search "response cache on (the default)"
run_wrk bbox "response cache on (the default)"
echo "server peak resident memory: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$server_pid/status)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
# The same searches computed every time: what a query nobody asked since the last change costs;
# and the boxes answered by the database (no box index).
start_server --cache-mb 0 --box-index false
echo "--- single searches, cache off (curl on the idle server, after one warm-up request each)"
for w in housing cooperative community bakery; do
  curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/actors?q=$w&limit=20"
  curl -s -o /dev/null -w "q=$w: %{time_total} s\n" "http://127.0.0.1:$port/api/v1/actors?q=$w&limit=20"
done
run_wrk search "response cache off"
run_wrk bbox "no box index: from the database, response cache off"
