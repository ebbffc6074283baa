#!/usr/bin/env bash
# A full disk (docs/operations.md, "Faults"): an SQLite database on an 8 MiB tmpfs takes a
# small import, then an import too large for the space left is refused, from the CLI and from
# the API, with an error that says the disk is full; the database passes SQLite's integrity
# check, the registry is as before, and the server still answers reads and small writes.
# Registered with CTest (src/cli/CMakeLists.txt); usage: disk_full_test.sh ECOSOL_BINARY
# Mounting the tmpfs needs root, or a user namespace (the script then runs itself under
# `unshare -rm`). Needs python3, sqlite3, curl and jq.
set -euo pipefail
if [ "$(id -u)" != 0 ] && [ -z "${ECOSOL_IN_USERNS:-}" ]; then
  ECOSOL_IN_USERNS=1 exec unshare -rm bash "$0" "$@"
fi
ecosol=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
coops="$root/../shared/data/coops-uk/standard-2023.csv"
work=$(mktemp -d /tmp/ecosol-diskfull.XXXXXX)
disk="$work/disk"
mkdir "$disk"
server=""
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  umount "$disk" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

mount -t tmpfs -o size=8m tmpfs "$disk" || fail "cannot mount a tmpfs (run as root)"
db="$disk/e.db"
# The register cut in two: 500 rows that fit, and the other 6,887 that do not.
python3 - "$coops" "$work/small.csv" "$work/big.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows[:501])
with open(sys.argv[3], "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows[:1] + rows[501:])
PY
"$ecosol" --db "$db" init >/dev/null
[ "$("$ecosol" --db "$db" import "$work/small.csv" --format essglobal-csv --json | jq .imported)" = 500 ] ||
  fail "the small import"
"$ecosol" --db "$db" export --format essglobal-csv >"$work/before.csv"
ok "500 actors on an 8 MiB tmpfs ($(df -h --output=avail "$disk" | tail -1 | tr -d ' ') left)"

# The CLI: refused, with the reason, exit 1.
if "$ecosol" --db "$db" import "$work/big.csv" --format essglobal-csv >"$work/import.out" 2>"$work/import.log"; then
  fail "the import of the whole register fitted on the small disk"
fi
grep -q "disk full" "$work/import.log" || fail "the error does not say the disk is full: $(cat "$work/import.log")"
ok "ecosol import refused: $(cat "$work/import.log")"

check_intact() {
  [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check after $1"
  "$ecosol" --db "$db" export --format essglobal-csv >"$work/after.csv"
  cmp -s "$work/before.csv" "$work/after.csv" || fail "the registry changed after $1"
}
check_intact "the refused CLI import"
ok "integrity check ok, the registry as before"

# The API: the same import answers 503 with the reason; the server goes on serving.
port=$(free_port)
"$ecosol" --db "$db" serve --host 127.0.0.1 --port "$port" --web-root "" --admin-token full-test \
  --access-log false --box-index false >"$work/serve.out" 2>"$work/serve.log" &
server=$!
base="http://127.0.0.1:$port"
wait_ready "$base"
status=$(curl -s -o "$work/upload.json" -w '%{http_code}' -H "Authorization: Bearer full-test" \
  -H 'Content-Type: text/csv' --data-binary @"$work/big.csv" \
  "$base/api/v1/imports?format=essglobal-csv&source=coops.csv")
[ "$status" = 503 ] || fail "the API import answered $status: $(head -c 300 "$work/upload.json")"
jq -r .error.message "$work/upload.json" | grep -q "disk full" ||
  fail "the API error does not say the disk is full: $(cat "$work/upload.json")"
ok "POST /api/v1/imports answered 503: $(jq -r .error.message "$work/upload.json")"
[ "$(curl -fs "$base/health" | jq .actors)" = 500 ] || fail "/health after the refused import"
created=$(curl -s -o "$work/created.json" -w '%{http_code}' -H "Authorization: Bearer full-test" \
  -H 'Content-Type: application/json' -d '{"name": "Small write co-op", "kind": "organisation"}' \
  "$base/api/v1/actors")
[ "$created" = 201 ] || fail "a small write after the refused import answered $created: $(cat "$work/created.json")"
ok "the server still reads and takes a small write"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=""
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check at the end"
[ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM actors')" = 501 ] || fail "501 actors expected at the end"
ok "integrity check ok at the end; 501 actors"
