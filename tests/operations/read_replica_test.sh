#!/usr/bin/env bash
# A read replica (docs/operations.md, "Read replicas"): a real PostgreSQL streaming replica of a
# cluster of this test's own, made with pg_basebackup on loopback, given to `ecosol serve
# --replica-db`. Reads go to the replica; a client's reads right after its own write go to the
# primary while the replica has not replayed it (replay paused), and back to the replica once it
# has; when the replica stops, reads fall back to the primary.
# Registered with CTest (src/cli/CMakeLists.txt); usage: read_replica_test.sh ECOSOL_BINARY
# Needs PostgreSQL 15 (pg_basebackup), python3, psql, curl and jq.
set -euo pipefail
ecosol=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/ecosol-replica.XXXXXX)
chmod 755 "$work"
server=""
pg_dir=""
replica_dir="$work/replica"
run_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  [ -d "$replica_dir/data" ] && run_as_postgres "$PGBIN/pg_ctl" -D "$replica_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  [ -n "$pg_dir" ] && "$root/scripts/pg-throwaway.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

eval "$("$root/scripts/pg-throwaway.sh" start)"
pg_dir=$ECOSOL_PG_DIR
primary=$ECOSOL_TEST_PG_URL
pport=${primary##*:}
pport=${pport%%/*}
mkdir "$replica_dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$replica_dir"
run_as_postgres "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$pport" -U ecosol -D "$replica_dir/data" -R -X stream --checkpoint=fast \
  >"$work/basebackup.log" 2>&1 || fail "pg_basebackup"
rport=$(free_port)
run_as_postgres "$PGBIN/pg_ctl" -D "$replica_dir/data" -l "$replica_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $rport -k $replica_dir -c hot_standby=on" start >/dev/null ||
  fail "starting the replica"
replica="postgresql://ecosol@127.0.0.1:$rport/ecosol_test"
[ "$(psql "$replica" -Atc 'SELECT pg_is_in_recovery()')" = t ] || fail "the replica is not in recovery"
ok "streaming replica on port $rport of the primary on port $pport"

"$ecosol" --db "$primary" init >/dev/null
python3 - "$root/../shared/data/coops-uk/standard-2023.csv" "$work/30.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8")).writerows(rows[:31])
PY
"$ecosol" --db "$primary" import "$work/30.csv" --format essglobal-csv >/dev/null
for _ in $(seq 1 100); do
  [ "$(psql "$replica" -Atc 'SELECT COUNT(*) FROM actors' 2>/dev/null)" = 30 ] && break
  sleep 0.1
done
[ "$(psql "$replica" -Atc 'SELECT COUNT(*) FROM actors')" = 30 ] || fail "the replica did not replay the import"

port=$(free_port)
"$ecosol" --db "$primary" serve --replica-db "$replica" --host 127.0.0.1 --port "$port" \
  --web-root "" --admin-token replica-test --access-log false \
  >"$work/serve.out" 2>"$work/serve.log" &
server=$!
base="http://127.0.0.1:$port"
wait_ready "$base"

# GET $1 with the cookie jar when $2 = jar; prints "status from" and keeps the body.
get() {
  local args=(-s -D "$work/headers" -o "$work/body.json" -w '%{http_code}')
  [ "${2:-}" = jar ] && args+=(-b "$work/jar")
  local status
  status=$(curl "${args[@]}" "$base$1")
  echo "$status $(tr -d '\r' <"$work/headers" | sed -n 's/^X-Ecosol-Read-From: //Ip')"
}

[ "$(get '/api/v1/actors?limit=5')" = "200 replica" ] || fail "a listing was not read from the replica"
[ "$(jq '.items | length' "$work/body.json")" = 5 ] || fail "the replica's listing"
ok "listings are read from the replica"

# Replay paused: the replica lags. A client's own write is read back from the primary.
psql "$replica" -qAtc 'SELECT pg_wal_replay_pause()' >/dev/null
created=$(curl -s -c "$work/jar" -D "$work/post-headers" -H "Authorization: Bearer replica-test" \
  -H 'Content-Type: application/json' -d '{"name": "Replica test co-op", "kind": "organisation"}' \
  "$base/api/v1/actors")
id=$(jq -r .id <<<"$created")
[ -n "$id" ] && [ "$id" != null ] || fail "creating an actor: $created"
lsn=$(tr -d '\r' <"$work/post-headers" | sed -n 's/^X-Ecosol-LSN: //Ip')
[ -n "$lsn" ] || fail "no X-Ecosol-LSN after a write"
grep -q "ecosol_lsn" "$work/jar" || fail "no ecosol_lsn cookie after a write"
[ "$(get "/api/v1/actors/$id" jar)" = "200 primary" ] ||
  fail "the writer's read while the replica lags: $(get "/api/v1/actors/$id" jar); cookies: $(cat "$work/jar"); replica at $(psql "$replica" -Atc 'SELECT pg_last_wal_replay_lsn(), pg_get_wal_replay_pause_state()')"
[ "$(get "/api/v1/actors/$id")" = "404 replica" ] ||
  fail "another client's read while the replica lags: $(get "/api/v1/actors/$id")"
ok "replay paused: the writer reads its actor from the primary (log position $lsn); others see the replica's state"

psql "$replica" -qAtc 'SELECT pg_wal_replay_resume()' >/dev/null
for _ in $(seq 1 100); do
  [ "$(get "/api/v1/actors/$id" jar)" = "200 replica" ] && break
  sleep 0.1
done
[ "$(get "/api/v1/actors/$id" jar)" = "200 replica" ] || fail "the replica did not catch up"
[ "$(get "/api/v1/actors/$id")" = "200 replica" ] || fail "others' read after the catch-up"
ok "replay resumed: everyone reads the new actor from the replica"

# The replica stops: reads fall back to the primary.
run_as_postgres "$PGBIN/pg_ctl" -D "$replica_dir/data" -m fast -w stop >/dev/null
[ "$(get "/api/v1/actors/$id")" = "200 primary" ] || fail "no fallback to the primary: $(get "/api/v1/actors/$id")"
[ "$(get '/api/v1/actors?limit=5')" = "200 primary" ] || fail "no fallback for listings"
grep -q "the read replica does not answer" "$work/serve.log" || fail "the fallback was not logged"
metrics=$(curl -fs "$base/metrics")
for m in ecosol_replica_reads_total ecosol_replica_lagging_reads_total ecosol_replica_errors_total; do
  v=$(sed -n "s/^$m //p" <<<"$metrics")
  [ -n "$v" ] && [ "$v" != 0 ] || fail "/metrics: $m is '$v'"
done
ok "replica stopped: reads fall back to the primary, logged and counted in /metrics"
