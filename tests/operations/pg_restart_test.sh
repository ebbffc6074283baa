#!/usr/bin/env bash
# PostgreSQL restarts under load (docs/operations.md, "Faults"): two `ecosol serve` processes on
# one database of a cluster of this test's own take a steady stream of writes (new actors) from
# four clients; PostgreSQL is restarted in the middle. Writes during the restart fail with 503
# and a message (never a 500, never a crash); the servers reconnect by themselves, the writes
# after it succeed, and every write acknowledged with 201 is in the database afterwards.
# Registered with CTest (src/cli/CMakeLists.txt); usage: pg_restart_test.sh ECOSOL_BINARY
# Needs PostgreSQL 15 (scripts/pg-throwaway.sh), python3, curl and jq. Its own cluster, so that
# restarting it disturbs no other test.
set -euo pipefail
ecosol=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/ecosol-pgrestart.XXXXXX)
pids=()
pg_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "$pg_dir" ] && "$root/scripts/pg-throwaway.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

eval "$("$root/scripts/pg-throwaway.sh" start)"
pg_dir=$ECOSOL_PG_DIR
db=$ECOSOL_TEST_PG_URL
"$ecosol" --db "$db" init >/dev/null || fail "ecosol init"
ok "own PostgreSQL cluster at $db"

token=restart-test-admin
bases=()
for name in a b; do
  port=$(free_port)
  "$ecosol" --db "$db" serve --host 127.0.0.1 --port "$port" --web-root "" --workers 0 \
    --admin-token "$token" --access-log false --db-connections 4 \
    >"$work/serve-$name.out" 2>"$work/serve-$name.log" &
  pids+=("$!")
  bases+=("http://127.0.0.1:$port")
done
for base in "${bases[@]}"; do
  wait_ready "$base"
done
ok "two servers: ${bases[*]}"

# Four clients write for 12 s; PostgreSQL restarts (fast shutdown) after 3 s.
PGBIN=/usr/lib/postgresql/15/bin python3 - "$work" "$pg_dir" "$token" "${bases[@]}" <<'PY' || fail "the load run"
import json, os, subprocess, sys, threading, time, urllib.error, urllib.request
work, pg_dir, token, *bases = sys.argv[1:]
results = []  # (t, client, n, status, id or error)
lock = threading.Lock()
start = time.monotonic()
restart = {}

def client(k):
    n = 0
    while time.monotonic() - start < 12:
        base = bases[n % len(bases)]
        body = json.dumps({"name": f"Restart co-op {k}-{n}", "kind": "organisation"}).encode()
        req = urllib.request.Request(base + "/api/v1/actors", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + token,
                                              "Content-Type": "application/json"})
        t = time.monotonic() - start
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, doc = r.status, json.load(r)
        except urllib.error.HTTPError as e:
            status, doc = e.code, json.loads(e.read() or b"{}")
        except Exception as e:  # the server itself must keep answering
            status, doc = -1, {"error": {"message": repr(e)}}
        with lock:
            results.append((t, k, n, status, doc.get("id") if status == 201 else doc))
        n += 1
        time.sleep(0.01)

def restarter():
    time.sleep(3)
    cmd = [os.environ["PGBIN"] + "/pg_ctl", "-D", pg_dir + "/data", "-w", "-m", "fast", "restart"]
    if os.getuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    restart["begin"] = time.monotonic() - start
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    restart["end"] = time.monotonic() - start

threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
threads.append(threading.Thread(target=restarter))
for t in threads: t.start()
for t in threads: t.join()
json.dump({"results": results, "restart": restart}, open(work + "/load.json", "w"))
PY
python3 - "$work/load.json" >"$work/summary.out" <<'PY' || fail "$(cat "$work/summary.out")"
import json, sys
d = json.load(open(sys.argv[1]))
res, rs = d["results"], d["restart"]
statuses = {}
for t, k, n, status, x in res:
    statuses[status] = statuses.get(status, 0) + 1
print("statuses:", statuses, "restart:", rs)
bad = [r for r in res if r[3] not in (201, 503)]
if bad:
    print("unexpected answers:", bad[:5]); sys.exit(1)
before = [r for r in res if r[0] < rs["begin"] - 0.5]  # answered before it began
after = [r for r in res if r[0] > rs["end"] + 2]
if not before or any(r[3] != 201 for r in before):
    print("writes before the restart failed"); sys.exit(1)
if len(after) < 40 or any(r[3] != 201 for r in after):
    print("writes 2 s after the restart still fail:", [r for r in after if r[3] != 201][:5]); sys.exit(1)
failed = [r for r in res if r[3] == 503]
for r in failed[:3]:
    print("503 during the restart:", r[4]["error"]["message"])
json.dump([r[4] for r in res if r[3] == 201], open(sys.argv[1] + ".ids", "w"))
print("acknowledged:", sum(1 for r in res if r[3] == 201), "failed during the restart:", len(failed))
PY
cat "$work/summary.out"
acked=$(jq length "$work/load.json.ids")
# Every acknowledged write is stored; a failed one may or may not be (never half of one).
stored=$(psql "$db" -Atqc "SELECT COUNT(*) FROM actors WHERE name LIKE 'Restart co-op %'")
[ "$stored" -ge "$acked" ] || fail "$acked writes acknowledged, $stored stored"
jq -r '.[]' "$work/load.json.ids" >"$work/ids.txt"
missing=$(psql "$db" -Atqc "SELECT COUNT(*) FROM unnest(string_to_array('$(paste -sd, "$work/ids.txt")', ',')) AS i WHERE i NOT IN (SELECT id FROM actors)")
[ "$missing" = 0 ] || fail "$missing acknowledged actors are missing"
ok "$acked acknowledged writes all stored ($stored rows); servers answered 503 during the restart"
for base in "${bases[@]}"; do
  [ "$(curl -s "$base/ready" | jq -r .status)" = ready ] || fail "$base is not ready after the restart"
  id=$(head -1 "$work/ids.txt")
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/actors/$id")" = 200 ] || fail "$base cannot read $id"
done
ok "both servers ready and reading after the restart"
