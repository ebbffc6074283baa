#!/usr/bin/env bash
# Federation end to end: two `ecosol serve` processes of this build on loopback, each with its
# own SQLite database; the second pulls the first's change feed with `ecosol sync`, three times:
# everything, then only the one actor changed on the first through its API, then nothing.
# Registered with CTest (src/cli/CMakeLists.txt); usage: two_instances_test.sh ECOSOL_BINARY [ROWS]
# ROWS: load only the first ROWS Co-operatives UK records (with the seed actors) and pull in pages
# of 50, for sanitizer builds, where the whole register (7,426 actors) takes over 6 minutes.
set -euo pipefail
ecosol=$(realpath "$1")
rows=${2:-}
page_size=500
work=$(mktemp -d /tmp/ecosol-federation.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; cat "$f" >&2; done; exit 1; }
expect() { # WHAT ACTUAL EXPECTED
  [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
  echo "ok: $1 = $3"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

serve() { # NAME DB PORT
  # --web-root "": the API only (the web app is built after the C++ tests).
  "$ecosol" --db "$2" serve --host 127.0.0.1 --port "$3" --web-root "" --admin-token "$token" \
    --public-url "http://127.0.0.1:$3" >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$3/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "server $1 did not start"
}

if [ -n "$rows" ]; then
  shared=${ECOSOL_SHARED_DATA:-$(dirname "$0")/../../../shared/data}
  python3 - "$shared/coops-uk/standard-2023.csv" "$work/coops.csv" "$rows" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \
     open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    out = csv.writer(dst)
    for i, record in enumerate(csv.reader(src)):
        if i > int(sys.argv[3]):
            break
        out.writerow(record)
PY
  "$ecosol" --db "$work/a.db" demo --coops-uk "$work/coops.csv" >/dev/null
  page_size=50
else
  "$ecosol" --db "$work/a.db" demo >/dev/null
fi
"$ecosol" --db "$work/b.db" init >/dev/null
port_a=$(free_port)
port_b=$(free_port)
serve a "$work/a.db" "$port_a"
serve b "$work/b.db" "$port_b"
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"

# The actors an instance's feed publishes (not tombstones), read page by page to the end.
count_published() { # BASE_URL
  local since="" total=0 page
  while true; do
    page=$(curl -fs "$1/api/v1/feed?limit=1000${since:+&since=$since}") || fail "GET $1/api/v1/feed"
    total=$((total + $(echo "$page" | jq '[.items[] | select(.deleted | not)] | length')))
    since=$(echo "$page" | jq -r .next)
    [ "$(echo "$page" | jq .caught_up)" = true ] && break
  done
  echo "$total"
}
published=$(count_published "$a")
[ "$published" -gt 5 ] || fail "the first instance publishes only $published actors"
cwmpas=$(curl -fs "$a/api/v1/actors/cwmpas")

sync() { "$ecosol" --db "$work/b.db" sync "$a" --page-size "$page_size" --json 2>"$work/sync.log" || fail "sync failed"; }
counts() { jq -r '"\(.pulled) \(.created) \(.updated) \(.matched) \(.removed) \(.unchanged)"'; }

# 1. Everything: each public actor created on the second, in pages of 500.
first=$(sync)
expect "first sync: pulled created updated matched removed unchanged" \
  "$(echo "$first" | counts)" "$published $published 0 0 0 0"
[ "$(echo "$first" | jq .pages)" -ge 2 ] || fail "the first sync read one page only"
local_id="127-0-0-1-$port_a-cwmpas"
copy=$(curl -fs "$b/api/v1/actors/$local_id") || fail "no actor $local_id on the second instance"
expect "copied name" "$(echo "$copy" | jq -r .name)" "$(echo "$cwmpas" | jq -r .name)"
expect "copied locality" "$(echo "$copy" | jq -r .address.locality)" \
  "$(echo "$cwmpas" | jq -r .address.locality)"
expect "peer identifier" "$(echo "$copy" | jq -r '.identifiers["ecosol@127.0.0.1:'"$port_a"'"]')" "cwmpas"
expect "provenance" "$(echo "$copy" | jq -r .provenance.name.source)" "ecosol@127.0.0.1:$port_a"
expect "actors the second instance publishes" "$(count_published "$b")" "$published"

# 2. One change on the first, through its API: only it is pulled.
curl -fs -X PATCH "$a/api/v1/actors/cwmpas" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"website": "https://federation-test.example"}' \
  >/dev/null || fail "PATCH on the first instance failed"
second=$(sync)
expect "second sync: pulled created updated matched removed unchanged" \
  "$(echo "$second" | counts)" "1 0 1 0 0 0"
expect "changed website" "$(curl -fs "$b/api/v1/actors/$local_id" | jq -r .website)" \
  "https://federation-test.example"
expect "version of the copy" "$(curl -fs "$b/api/v1/actors/$local_id" | jq .version)" "2"

# 3. Nothing new: nothing pulled (here through the second's API, as an admin).
third=$(curl -fs -X POST "$b/api/v1/sync" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"url\": \"$a\"}") || fail "POST /api/v1/sync failed"
expect "third sync: pulled created updated matched removed unchanged" \
  "$(echo "$third" | counts)" "0 0 0 0 0 0"
peers=$(curl -fs "$b/api/v1/sync/peers")
expect "peer listed" "$(echo "$peers" | jq -r '.items[0].url')" "$a"
expect "items pulled in all" "$(echo "$peers" | jq '.items[0].pulled')" "$((published + 1))"
# Without credentials, no pull.
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$b/api/v1/sync" \
  -H 'Content-Type: application/json' -d "{\"url\": \"$a\"}")
expect "anonymous POST /api/v1/sync" "$status" "401"
echo "federation: all checks passed"
