#!/usr/bin/env bash
# `ecosol serve` as operators run it (docs/operations.md): /ready and /metrics answer, requests
# carry ids into the JSON access log, and SIGTERM stops the server only after the request in
# flight (a large tally) has its answer; a second server, set up by a TOML file and one
# environment variable, stops on SIGINT.
# Registered with CTest (src/cli/CMakeLists.txt); usage: serve_signals_test.sh ECOSOL_BINARY
# [BALLOTS], where BALLOTS (default 400000) is the size of the tally in flight.
set -euo pipefail
ecosol=$(realpath "$1")
ballots=${2:-400000}
[[ $ballots =~ ^[1-9][0-9]*$ ]] || { echo "FAIL: BALLOTS must be a positive number, not '$ballots'" >&2; exit 1; }
work=$(mktemp -d /tmp/ecosol-signals.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log "$work"/*.out; do [ -f "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done; exit 1; }
ok() { echo "ok: $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$ecosol" --db "$work/e.db" init >/dev/null
port=$(free_port)
"$ecosol" --db "$work/e.db" serve --host 127.0.0.1 --port "$port" --web-root "" \
  --max-body-mb 64 >"$work/serve.out" 2>"$work/serve.log" &
server=$!
pids+=("$server")
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/ready" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$(curl -s "$base/ready" | jq -r .status)" = ready ] || fail "/ready is not ready"
ok "/ready answers ready"

id=$(curl -s -D - -o /dev/null -H 'X-Request-Id: ops-test-1' "$base/api/v1/actors/nobody" |
  tr -d '\r' | sed -n 's/^X-Request-Id: //Ip')
[ "$id" = ops-test-1 ] || fail "X-Request-Id came back as '$id'"
curl -fs "$base/metrics" >"$work/metrics.out"
grep -q '^ecosol_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="404"} 1$' \
  "$work/metrics.out" || fail "/metrics does not count the request under its route"
ok "/metrics counts requests by route template"
line=$(grep '"request_id":"ops-test-1"' "$work/serve.log" || true)
[ "$(jq -r .route <<<"$line")" = "/api/v1/actors/{id}" ] || fail "no access log line for ops-test-1"
[ "$(jq -r .status <<<"$line")" = 404 ] || fail "access log status"
ok "the access log has the request's id, route and status"

# A tally of $ballots ranked ballots (400,000: about 14 MB): SIGTERM arrives while it is answered.
python3 - "$work/tally.json" "$ballots" <<'PY'
import json, sys
rankings = [list("abcde"), list("bcaed"), list("cabde"), list("edcba")]
ballots = [{"ranking": rankings[i % 4]} for i in range(int(sys.argv[2]))]
json.dump({"method": "schulze", "options": list("abcde"), "ballots": ballots}, open(sys.argv[1], "w"))
PY
curl -s -o "$work/tally.out" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary @"$work/tally.json" "$base/api/v1/decide/tally" >"$work/tally.code" &
client=$!
# Poll /metrics on one kept-alive connection until the tally is in flight (the /metrics request
# counts itself too). With a new connection per poll, the previous poll could still be counted
# (a request is logged after its response is sent) and pass for the tally.
in_flight=$(python3 - "$port" <<'PY'
import http.client, sys, time
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
value, deadline = 0, time.monotonic() + 30
while value < 2 and time.monotonic() < deadline:
    conn.request("GET", "/metrics")
    body = conn.getresponse().read().decode()
    value = next((int(float(line.split()[1])) for line in body.splitlines()
                  if line.startswith("ecosol_http_requests_in_flight ")), 0)
    if value < 2:
        time.sleep(0.005)
print(value)
PY
) || fail "polling /metrics"
[ "${in_flight:-0}" -ge 2 ] || fail "the tally never showed as in flight"
kill -TERM "$server"
wait "$client"
[ "$(cat "$work/tally.code")" = 200 ] || fail "the tally in flight got HTTP $(cat "$work/tally.code")"
[ "$(jq '.ballots.cast' "$work/tally.out")" = "$ballots" ] || fail "the tally's answer is incomplete"
ok "the request in flight at SIGTERM was answered (HTTP 200, $ballots ballots)"
status=0
wait "$server" || status=$?
[ "$status" = 0 ] || fail "serve exited with $status after SIGTERM"
grep -q 'has stopped' "$work/serve.out" || fail "serve did not say it stopped"
grep '"msg":"stopping' "$work/serve.log" | jq -e '.signal == "SIGTERM"' >/dev/null ||
  fail "no JSON log line for the stop"
curl -s -o /dev/null --max-time 2 "$base/ready" && fail "the stopped server still answers"
ok "serve exited 0 after SIGTERM and refuses new connections"

# A second server from a TOML file (port, no access log) and one environment override.
port=$(free_port)
cat >"$work/ecosol.toml" <<TOML
db = "$work/e.db"
[serve]
host = "127.0.0.1"
port = $port
web_root = ""
access_log = false
metrics = "public"
TOML
ECOSOL_METRICS=off "$ecosol" serve --config "$work/ecosol.toml" >"$work/serve2.out" 2>"$work/serve2.log" &
server=$!
pids+=("$server")
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$(curl -s "http://127.0.0.1:$port/ready" | jq -r .status)" = ready ] ||
  fail "the server of the TOML file does not answer on its port"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")" = 404 ] ||
  fail "ECOSOL_METRICS=off did not override the file's metrics = \"public\""
grep -q '"msg":"request"' "$work/serve2.log" && fail "access_log = false still logs requests"
ok "a TOML file sets the port, the database and the access log; ECOSOL_METRICS overrides it"
kill -INT "$server"
status=0
wait "$server" || status=$?
[ "$status" = 0 ] || fail "serve exited with $status after SIGINT"
ok "serve exited 0 after SIGINT"

# The example configuration that ships in packaging/ starts a server, with the database, port
# and web app folder overridden by the environment as the systemd unit does for the database.
example=$(dirname "$0")/../../packaging/ecosol.toml
port=$(free_port)
ECOSOL_DB="$work/e.db" ECOSOL_PORT=$port ECOSOL_WEB_ROOT="" \
  "$ecosol" serve --config "$example" >"$work/serve3.out" 2>"$work/serve3.log" &
server=$!
pids+=("$server")
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$(curl -s "http://127.0.0.1:$port/ready" | jq -r .status)" = ready ] ||
  fail "packaging/ecosol.toml does not start a server"
kill -TERM "$server"
status=0
wait "$server" || status=$?
[ "$status" = 0 ] || fail "serve exited with $status after SIGTERM"
ok "packaging/ecosol.toml starts a server (database, port and web root from the environment)"
