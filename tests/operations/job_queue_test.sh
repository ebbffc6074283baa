#!/usr/bin/env bash
# Several servers and workers on one PostgreSQL database (docs/operations.md, "Several servers"):
# two `ecosol serve` processes without worker threads and two `ecosol worker` processes share a
# schema of the throwaway cluster. A session opened on one server is honoured by the other. A
# screening of the whole registry queued on one server is run by a worker, which is killed with
# SIGKILL half-way; the other worker takes the job over once the lease runs out and finishes it:
# every actor is screened exactly once, and the job counts two attempts. A report and the
# network's measures queued on one server are run by the surviving worker and fetched from the
# other server.
# Registered with CTest (src/cli/CMakeLists.txt); usage: job_queue_test.sh ECOSOL_BINARY
# Needs ECOSOL_TEST_PG_URL (`make test` starts the cluster and sets it), psql, curl and jq.
set -euo pipefail
ecosol=$(realpath "$1")
if [ -z "${ECOSOL_TEST_PG_URL:-}" ]; then
  echo "FAIL: ECOSOL_TEST_PG_URL is not set: run with \`make test\`, which starts PostgreSQL" >&2
  exit 1
fi
work=$(mktemp -d /tmp/ecosol-queue.XXXXXX)
schema="jobq_$$_$RANDOM"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  psql "$ECOSOL_TEST_PG_URL" -qc "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"
sql() { psql "$db" -Atqc "$1"; }

psql "$ECOSOL_TEST_PG_URL" -qc "CREATE SCHEMA $schema"
db=$(schema_url "$schema")
export ECOSOL_DB="$db"

"$ecosol" demo >"$work/demo.out" 2>&1 || fail "ecosol demo"
actors=$(sql "SELECT COUNT(*) FROM actors WHERE deleted = 0")
[ "$actors" -gt 7000 ] || fail "the demo loaded $actors actors"
printf 'long enough passphrase\n' | "$ecosol" users add steward@example.org >/dev/null
"$ecosol" users grant steward@example.org admin >/dev/null
ok "demo registry of $actors actors on PostgreSQL schema $schema"

# Two servers with no worker threads.
token=queue-test-admin
bases=()
for name in a b; do
  port=$(free_port)
  "$ecosol" serve --host 127.0.0.1 --port "$port" --web-root "" --workers 0 \
    --admin-token "$token" --access-log false >"$work/serve-$name.out" 2>"$work/serve-$name.log" &
  pids+=("$!")
  bases+=("http://127.0.0.1:$port")
done
for base in "${bases[@]}"; do
  wait_ready "$base"
done
a=${bases[0]}
b=${bases[1]}
ok "two servers on one database: $a and $b"

# A session opened on server a is a session on server b (sessions live in the database).
curl -fs -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email": "steward@example.org", "password": "long enough passphrase"}' \
  "$a/api/v1/auth/signin" >/dev/null || fail "signing in on server a"
me=$(curl -fs -b "$work/cookies" "$b/api/v1/auth/me" | jq -r .user.email)
[ "$me" = steward@example.org ] || fail "server b does not know the session opened on a ($me)"
ok "a session opened on server a is honoured by server b"

# The job is queued on server a; with no worker anywhere it waits.
job=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"all": true, "frameworks": ["un-ilo"], "page_size": 5}' "$a/api/v1/screenings" |
  jq -r .job.id)
[[ $job == job-* ]] || fail "no job id from POST /api/v1/screenings ($job)"
sleep 0.5
state=$(curl -fs -H "Authorization: Bearer $token" "$b/api/v1/jobs/$job" | jq -r .state)
[ "$state" = queued ] || fail "with no worker the job is $state, not queued"
ok "job $job queued on server a, seen queued on server b"

# Two workers with a short lease.
for name in w1 w2; do
  "$ecosol" worker --name "$name" --lease-seconds 2 --poll-ms 100 \
    >"$work/worker-$name.out" 2>"$work/worker-$name.log" &
  pids+=("$!")
  eval "pid_$name=$!"
done
# Kill the worker that holds the job once it has done part of it.
holder=""
# (Deadlines in seconds, generous for the sanitizer build.)
deadline=$((SECONDS + 300))
while [ "$SECONDS" -lt "$deadline" ]; do
  doc=$(curl -fs -H "Authorization: Bearer $token" "$b/api/v1/jobs/$job")
  done_n=$(jq -r .done <<<"$doc")
  if [ "$(jq -r .state <<<"$doc")" = running ] && [ "$done_n" -ge 500 ]; then
    holder=$(jq -r .worker <<<"$doc")
    break
  fi
  [ "$(jq -r .state <<<"$doc")" = done ] && fail "the job finished before a worker could be killed: make the pages smaller"
  sleep 0.05
done
[ -n "$holder" ] || fail "the job did not reach 500 actors: $doc"
victim=${holder%%/*}
eval "victim_pid=\$pid_$victim"
kill -9 "$victim_pid"
killed_at=$(jq -r .done <<<"$doc")
ok "worker $victim (pid $victim_pid) killed with SIGKILL at $killed_at of $actors actors or later"

# Polls job $1 on server $a until it is done or failed, or $2 seconds pass; the job is in $doc.
wait_job() {
  local deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    doc=$(curl -fs -H "Authorization: Bearer $token" "$a/api/v1/jobs/$1")
    case "$(jq -r .state <<<"$doc")" in done | failed) return ;; esac
    sleep 0.1
  done
}
wait_job "$job" 600
[ "$(jq -r .state <<<"$doc")" = done ] || fail "the job did not finish after the kill: $doc"
[ "$(jq -r .attempts <<<"$doc")" = 2 ] || fail "attempts: $(jq -r .attempts <<<"$doc"), expected 2"
finisher=$(jq -r .worker <<<"$doc")
[ "${finisher%%/*}" != "$victim" ] || fail "the killed worker $victim finished the job?"
[ "$(jq -r .result.actors <<<"$doc")" = "$actors" ] || fail "result: $(jq -c .result <<<"$doc")"
[ "$(jq -r .result.assessments <<<"$doc")" = "$actors" ] || fail "result: $(jq -c .result <<<"$doc")"
ok "the job was taken over by ${finisher%%/*} and finished: $(jq -c .result.verdicts <<<"$doc")"

# Every actor screened exactly once, whatever the kill interrupted.
read -r rows distinct <<<"$(sql "SELECT COUNT(*), COUNT(DISTINCT actor_id) FROM assessments WHERE framework = 'un-ilo'" | tr '|' ' ')"
[ "$rows" = "$actors" ] && [ "$distinct" = "$actors" ] ||
  fail "assessments: $rows rows for $distinct actors; expected $actors of each"
ok "$rows assessments for $distinct actors: none lost, none twice"
grep -q '"msg":"job taken over"' "$work/worker-${finisher%%/*}.log" ||
  fail "the finishing worker did not log the take-over"

# The queue in the CLI and on both servers' metrics.
"$ecosol" jobs show "$job" | grep -q "done" || fail "ecosol jobs show"
[ "$("$ecosol" jobs list --state done --json | jq -r '.items[0].id')" = "$job" ] || fail "ecosol jobs list"
curl -fs "$b/metrics" | grep -q '^ecosol_jobs{state="done"} 1$' || fail "/metrics on b: no done job"
ok "ecosol jobs list/show and /metrics agree"

# A report and the network's measures, queued on one server, run by the surviving worker, and
# fetched from the other server: the same bytes as each server's own answer.
queue() {
  curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" \
    "$1/api/v1/jobs" | jq -r .job.id
}
report_job=$(queue "$a" '{"kind": "report", "params": {"territory": "CA", "lang": "pt", "format": "pdf"}}')
metrics_job=$(queue "$b" '{"kind": "analytics", "params": {"territory": "CA", "with_partners": true}}')
[[ $report_job == job-* && $metrics_job == job-* ]] || fail "POST /api/v1/jobs gave $report_job and $metrics_job"
for j in "$report_job" "$metrics_job"; do
  wait_job "$j" 300
  [ "$(jq -r .state <<<"$doc")" = done ] || fail "job $j did not finish: $doc"
  [ "$(jq -r .worker <<<"$doc")" != null ] || fail "job $j has no worker: $doc"
done
curl -fs -H "Authorization: Bearer $token" "$b/api/v1/jobs/$report_job/output" -o "$work/report.pdf" ||
  fail "GET /jobs/$report_job/output on server b"
[ "$(head -c 5 "$work/report.pdf")" = "%PDF-" ] || fail "the report job's output is not a PDF"
curl -fs -H "Authorization: Bearer $token" "$a/api/v1/jobs/$metrics_job/output" >"$work/metrics-job.json" ||
  fail "GET /jobs/$metrics_job/output on server a"
curl -fs -H "Authorization: Bearer $token" \
  "$a/api/v1/ecosystem/metrics?territory=CA&with_partners=true" >"$work/metrics-now.json"
cmp -s <(jq -S . "$work/metrics-job.json") <(jq -S . "$work/metrics-now.json") ||
  fail "the analytics job's output differs from GET /ecosystem/metrics"
ok "report $report_job ($(stat -c %s "$work/report.pdf") bytes of PDF) and measures $metrics_job ($(jq .summary.nodes "$work/metrics-job.json") actors) queued on one server, run by a worker, fetched from the other"

# The surviving worker stops on SIGTERM and says so.
for name in w1 w2; do
  [ "$name" = "$victim" ] && continue
  eval "kill -TERM \$pid_$name"
  eval "wait \$pid_$name" || fail "worker $name exited with $?"
  grep -q "has stopped" "$work/worker-$name.out" || fail "worker $name did not say it stopped"
done
ok "the other worker stopped on SIGTERM"
