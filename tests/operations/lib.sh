# Shared by the operations tests (sourced): reporting, free ports, waiting for a server, and a
# PostgreSQL schema of a test's own. The sourcing script sets $work (its temporary folder).

# Prints the reason and the end of every log in $work, then exits 1.
fail() {
  echo "FAIL: $*" >&2
  for f in "$work"/*.log "$work"/*.out "$work"/*/*.log; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -15 "$f" >&2; }
  done
  exit 1
}
ok() { echo "ok: $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Waits up to 15 s for BASE/ready to say ready.
wait_ready() {
  for _ in $(seq 1 150); do curl -fs "$1/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  [ "$(curl -s "$1/ready" | jq -r .status)" = ready ] || fail "$1 is not ready"
}
# The URL of schema $1 on ECOSOL_TEST_PG_URL (created with `psql ... CREATE SCHEMA` first).
schema_url() {
  local sep='?'
  [[ $ECOSOL_TEST_PG_URL == *\?* ]] && sep='&'
  echo "${ECOSOL_TEST_PG_URL}${sep}options=-csearch_path%3D$1"
}
