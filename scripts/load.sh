#!/usr/bin/env bash
# The running-at-scale load tests of docs/benchmarks.md (issue 10, point 7), run on purpose,
# never by `make test`:
#   1. SQLite: ROWS synthetic actors (bench/gen_registry) imported, one `ecosol serve`, and the
#      mixed read/write load of bench/wrk/mixed.lua (wrk, 2 threads, 64 connections) for DURATION;
#   2. PostgreSQL: the same actors on a throwaway cluster, two `ecosol serve` processes, and the
#      same load split between them (two wrk processes of 32 connections);
#   3. with SOAK=SECONDS: the mixed load on the SQLite server for that long (1800 for the 30
#      minutes of the issue), its resident memory sampled every 30 s.
# Prints the figures; nothing is asserted. Environment: ROWS (default 1000000), DURATION (default
# 60s), BENCH_DIR (default a temporary folder, removed unless KEEP=1; an existing registry.csv
# there is reused), SKIP_SQLITE=1, SKIP_PG=1, SOAK, REUSE=1 (with KEEP=1 and the BENCH_DIR of an
# earlier run: serve the SQLite registry already there instead of importing it again),
# ACCESS_LOG=1 (the servers write their access log, with each answer's duration and cache
# outcome, to BENCH_DIR/sqlite.log, pg-a.log and pg-b.log; it costs some throughput),
# PG_URL=postgresql://... (serve that database, already holding the registry, instead of a
# throwaway cluster and an import; its actors are not removed), PG_WARMUP (default 10s: the
# PostgreSQL servers' load with empty caches, reported apart, before the measured one; 0: none).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
DURATION=${DURATION:-60s}
PG_WARMUP=${PG_WARMUP:-10s}
access_log=false
[ "${ACCESS_LOG:-0}" = 1 ] && access_log=true
ECOSOL=$PWD/build/release/ecosol
GEN=build/release/bench/gen_registry
dir=${BENCH_DIR:-$(mktemp -d /tmp/ecosol-load.XXXXXX)}
mkdir -p "$dir"
chmod 755 "$dir"
pids=()
pg_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$pg_dir" ] && scripts/pg-throwaway.sh stop "$pg_dir"
  [ "${KEEP:-0}" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT
export ECOSOL_LOAD_TOKEN=load-test-token
export ECOSOL_LOAD_IDS="$dir/ids.txt"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_mb() { echo $(($(ps -o rss= -p "$1") / 1024)); }
# Resident memory by kind (MB): anonymous (the process's own) and file-backed (mapped files).
rss_kinds() { awk '/^Rss(Anon|File):/ {printf "%s%s=%d MB", sep, tolower(substr($1, 4, 4)), $2 / 1024; sep=" "}' "/proc/$1/status"; }
serve() {  # db, log name: starts a server, sets $base and $server
  local port
  port=$(free_port)
  "$ECOSOL" --db "$1" serve --host 127.0.0.1 --port "$port" --web-root "" \
    --admin-token "$ECOSOL_LOAD_TOKEN" --access-log "$access_log" >"$dir/$2.out" 2>"$dir/$2.log" &
  server=$!
  pids+=("$server")
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do curl -fs "$base/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  # The box index is built in the background: wait for it, as the issue 2 benchmark does.
  for _ in $(seq 1 600); do
    [ "$(curl -s "$base/api/v1/health" | jq -r .box_index.state)" = ready ] && break
    sleep 0.5
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
echo "rows: $ROWS, each load run: $DURATION"
csv="$dir/registry.csv"
[ -s "$csv" ] || "$GEN" --rows "$ROWS" --seed 42 >"$csv"

if [ "${SKIP_SQLITE:-0}" != 1 ]; then
  db="$dir/ecosol.db"
  if [ "${REUSE:-0}" = 1 ] && [ -s "$db" ]; then
    echo "sqlite: the registry already in $db (REUSE=1; it holds the actors earlier runs wrote)"
  else
    rm -f "$db" "$db-wal" "$db-shm"
    "$ECOSOL" --db "$db" init >/dev/null
    t0=$SECONDS
    "$ECOSOL" --db "$db" import "$csv" --format essglobal-csv --source synthetic \
      --id-scheme synthetic --id-prefix s --json | jq -c '{imported, rejected: (.rejected | length)}'
    echo "sqlite import: $((SECONDS - t0)) s"
  fi
  sqlite3 "$db" "SELECT id FROM actors ORDER BY random() LIMIT 20000" >"$ECOSOL_LOAD_IDS"
  serve "$db" sqlite
  echo "== SQLite, one server, mixed load, 64 connections, $DURATION"
  wrk -t2 -c64 -d"$DURATION" --timeout 5s -s bench/wrk/mixed.lua "$base" | grep -E "Requests/sec|answers|latency|timeout|Non-2xx"
  echo "server resident memory after the load: $(rss_mb "$server") MB"
  if [ -n "${SOAK:-}" ]; then
    echo "== SQLite soak: the mixed load for $SOAK s, resident memory every 30 s"
    wrk -t2 -c16 -d"${SOAK}s" --timeout 5s -s bench/wrk/mixed.lua "$base" >"$dir/soak.out" &
    soak=$!
    start=$SECONDS
    while kill -0 "$soak" 2>/dev/null; do
      wal_mb=$(( $(stat -c %s "$db-wal" 2>/dev/null || echo 0) / 1048576 ))
      echo "t=$((SECONDS - start)) s rss=$(rss_mb "$server") MB ($(rss_kinds "$server")) wal=$wal_mb MB"
      sleep 30
    done
    grep -E "Requests/sec|answers|latency|timeout|Non-2xx" "$dir/soak.out"
    echo "actors at the end: $(curl -s "$base/api/v1/health" | jq .actors)"
  fi
  kill "$server"
  wait "$server" || true
fi

if [ "${SKIP_PG:-0}" != 1 ]; then
  if [ -n "${PG_URL:-}" ]; then
    pdb=$PG_URL
    echo "postgresql: the registry already in $pdb (PG_URL; it holds the actors earlier runs wrote)"
  else
    eval "$(scripts/pg-throwaway.sh start)"
    pg_dir=$ECOSOL_PG_DIR
    pdb=$ECOSOL_TEST_PG_URL
    "$ECOSOL" --db "$pdb" init >/dev/null
    t0=$SECONDS
    "$ECOSOL" --db "$pdb" import "$csv" --format essglobal-csv --source synthetic \
      --id-scheme synthetic --id-prefix s --json | jq -c '{imported, rejected: (.rejected | length)}'
    echo "postgresql import: $((SECONDS - t0)) s"
  fi
  psql "$pdb" -Atc "SELECT id FROM actors ORDER BY random() LIMIT 20000" >"$ECOSOL_LOAD_IDS"
  serve "$pdb" pg-a
  a=$base
  sa=$server
  serve "$pdb" pg-b
  b=$base
  sb=$server
  both() {  # duration, output prefix: the load on both servers at once, then its figures
    wrk -t1 -c32 -d"$1" --timeout 5s -s bench/wrk/mixed.lua "$a" >"$dir/$2-a.out" &
    local wa=$!
    wrk -t1 -c32 -d"$1" --timeout 5s -s bench/wrk/mixed.lua "$b" >"$dir/$2-b.out"
    wait "$wa"
    for f in a b; do
      echo "server $f:"
      grep -E "Requests/sec|answers|latency|timeout|Non-2xx" "$dir/$2-$f.out"
    done
  }
  if [ "$PG_WARMUP" != 0 ]; then
    echo "== PostgreSQL, two servers, warm-up with empty caches, 2 x 32 connections, $PG_WARMUP"
    both "$PG_WARMUP" warmup
  fi
  echo "== PostgreSQL, two servers, mixed load, 2 x 32 connections, $DURATION"
  both "$DURATION" wrk
  echo "servers' resident memory after the load: $(rss_mb "$sa") MB, $(rss_mb "$sb") MB"
fi
