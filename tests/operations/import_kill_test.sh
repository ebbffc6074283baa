#!/usr/bin/env bash
# A server killed with SIGKILL in the middle of an import (docs/operations.md, "Faults"), on
# SQLite and on PostgreSQL: the database is consistent (SQLite's integrity check; the registry
# exported byte for byte as before), nothing of the interrupted import is visible, and the same
# import sent again to a restarted server completes.
# Registered with CTest (src/cli/CMakeLists.txt); usage: import_kill_test.sh ECOSOL_BINARY [COPIES]
# where COPIES (default 14) is how many copies of the Co-operatives UK register are imported.
# Needs ECOSOL_TEST_PG_URL (`make test` sets it), python3, sqlite3, psql, curl and jq.
set -euo pipefail
ecosol=$(realpath "$1")
copies=${2:-14}
[[ $copies =~ ^[1-9][0-9]*$ ]] || { echo "FAIL: COPIES must be a positive number, not '$copies'" >&2; exit 1; }
root=$(cd "$(dirname "$0")/../.." && pwd)
coops="$root/../shared/data/coops-uk/standard-2023.csv"
if [ -z "${ECOSOL_TEST_PG_URL:-}" ]; then
  echo "FAIL: ECOSOL_TEST_PG_URL is not set: run with \`make test\`, which starts PostgreSQL" >&2
  exit 1
fi
work=$(mktemp -d /tmp/ecosol-importkill.XXXXXX)
schema="impkill_$$_$RANDOM"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  psql "$ECOSOL_TEST_PG_URL" -qc "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

# Copies of the Co-operatives UK register under new identifiers (14 copies: 103,418 rows, ~70 MB).
big_rows=$(python3 - "$coops" "$work/big.csv" "$copies" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
header, body = rows[0], rows[1:]
ch = header.index("Companies House Number")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(header)
    for k in range(int(sys.argv[3])):
        for r in body:
            r = list(r)
            r[0] = f"{r[0]}-copy{k}"
            r[ch] = ""
            w.writerow(r)
print(int(sys.argv[3]) * len(body))
PY
)

start_server() {  # db name
  port=$(free_port)
  "$ecosol" --db "$1" serve --host 127.0.0.1 --port "$port" --web-root "" --workers 0 \
    --admin-token kill-test --access-log false --max-import-mb 200 \
    >"$work/serve-$2.out" 2>>"$work/serve-$2.log" &
  server=$!
  pids+=("$server")
  base="http://127.0.0.1:$port"
  wait_ready "$base"
}

upload() {  # to $base; prints the HTTP status, the body goes to $work/upload.json
  curl -s -o "$work/upload.json" -w '%{http_code}' -H "Authorization: Bearer kill-test" \
    -H 'Content-Type: text/csv' --data-binary @"$work/big.csv" \
    "$base/api/v1/imports?format=essglobal-csv&source=big.csv" || true
}

for backend in sqlite postgresql; do
  if [ "$backend" = sqlite ]; then
    db="$work/e.db"
  else
    psql "$ECOSOL_TEST_PG_URL" -qc "CREATE SCHEMA $schema"
    db=$(schema_url "$schema")
  fi
  "$ecosol" --db "$db" init >/dev/null
  base_rows=$("$ecosol" --db "$db" import "$coops" --format essglobal-csv --json | jq .imported)
  [ "$base_rows" = 7387 ] || fail "$backend: the first import gave $base_rows"
  "$ecosol" --db "$db" export --format essglobal-csv >"$work/before.csv"

  start_server "$db" "$backend"
  upload >"$work/status.out" &
  uploader=$!
  # Kill the server once the import is under way: the upload is read (a few hundred ms), then
  # the rows are parsed and written in one transaction for several seconds.
  sleep 2
  kill -0 "$uploader" 2>/dev/null || fail "$backend: the import ended within 2 s: $(cat "$work/status.out")"
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  wait "$uploader" || true
  [ "$(cat "$work/status.out")" != 200 ] || fail "$backend: the import answered 200 before the kill"
  ok "$backend: server killed with SIGKILL during the import of $big_rows rows"

  if [ "$backend" = sqlite ]; then
    [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "sqlite integrity check"
  fi
  "$ecosol" --db "$db" export --format essglobal-csv >"$work/after.csv"
  cmp -s "$work/before.csv" "$work/after.csv" || fail "$backend: the registry changed after the kill"
  ok "$backend: database consistent; the registry exports byte for byte as before the import"

  start_server "$db" "$backend"
  status=$(upload)
  [ "$status" = 200 ] || fail "$backend: the import sent again answered $status: $(head -c 500 "$work/upload.json")"
  imported=$(jq .imported "$work/upload.json")
  [ "$imported" = "$big_rows" ] || fail "$backend: imported $imported of $big_rows rows"
  total=$(curl -fs "$base/health" | jq .actors)
  [ "$total" = $((base_rows + big_rows)) ] || fail "$backend: $total actors, expected $((base_rows + big_rows))"
  kill -TERM "$server"
  wait "$server" || fail "$backend: the server did not stop cleanly"
  ok "$backend: the import sent again completed: $imported rows, $total actors"
done
