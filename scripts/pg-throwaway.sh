#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster in a temporary folder, listening only on a
# Unix socket in that folder and on 127.0.0.1:$PGPORT, for tests.
#   eval "$(scripts/pg-throwaway.sh start)"   # exports ECOSOL_TEST_PG_URL and ECOSOL_PG_DIR
#   scripts/pg-throwaway.sh stop "$ECOSOL_PG_DIR"
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$PGBIN" ] || { echo "pg-throwaway: PostgreSQL 15 is not installed (run scripts/bootstrap.sh)" >&2; exit 1; }

run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/ecosol-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    port=${PGPORT_TEST:-$((20000 + RANDOM % 10000))}
    run_as_postgres "$PGBIN/initdb" -D "$dir/data" -U ecosol --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    run_as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    run_as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U ecosol ecosol_test
    echo "export ECOSOL_PG_DIR=$dir"
    echo "export ECOSOL_TEST_PG_URL=postgresql://ecosol@127.0.0.1:$port/ecosol_test"
    ;;
  stop)
    dir=${2:?usage: pg-throwaway.sh stop DIR}
    [ -d "$dir/data" ] && run_as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-throwaway.sh start | stop DIR" >&2
    exit 2
    ;;
esac
