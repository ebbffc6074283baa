#!/usr/bin/env bash
# Builds Ecosol and runs every test:
#   1. the C++ unit and integration tests (CTest), with a throwaway PostgreSQL 15 cluster started
#      here so that the store, registry, import, HTTP and CLI suites run on SQLite and PostgreSQL;
#   2. the web app's unit tests (Vitest);
#   3. the browser tests (playwright-core driving Debian's headless Chromium) against a real
#      `ecosol serve` with the demo ecosystem loaded.
# Environment: ECOSOL_BUILD_DIR (default build/release), ECOSOL_CMAKE_ARGS, ECOSOL_SKIP_WEB=1,
# ECOSOL_SANITIZE=1 (the sanitizer build of scripts/build-env.sh instead), ECOSOL_CCACHE=0.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/build-env.sh
if [ "${ECOSOL_SANITIZE:-0}" = 1 ]; then
  BUILD_DIR=$ECOSOL_SANITIZE_DIR
  CMAKE_ARGS=$ECOSOL_SANITIZE_CMAKE_ARGS
  export CC=$ECOSOL_SANITIZE_CC CXX=$ECOSOL_SANITIZE_CXX
else
  BUILD_DIR=${ECOSOL_BUILD_DIR:-build/release}
  CMAKE_ARGS=${ECOSOL_CMAKE_ARGS:--DCMAKE_BUILD_TYPE=Release}
fi
CMAKE_ARGS="$CMAKE_ARGS $ECOSOL_CCACHE_ARGS"
work=$(mktemp -d /tmp/ecosol-test.XXXXXX)
server_pid=""
pg_dir=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && scripts/pg-throwaway.sh stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "build ($BUILD_DIR)"
# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -G Ninja $CMAKE_ARGS >/dev/null
build_start=$SECONDS
cmake --build "$BUILD_DIR"
echo "build: $((SECONDS - build_start)) s"

step "PostgreSQL 15 throwaway cluster"
eval "$(scripts/pg-throwaway.sh start)"
pg_dir=$ECOSOL_PG_DIR
echo "started at $ECOSOL_TEST_PG_URL"

step "C++ tests (SQLite and PostgreSQL)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" | tee "$work/ctest.log"
cpp_total=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$work/ctest.log")

if [ "${ECOSOL_SKIP_WEB:-0}" = 1 ]; then
  echo "web tests skipped (ECOSOL_SKIP_WEB=1)"
  echo "C++: ${cpp_total:-0} passed, 0 failed"
  exit 0
fi

step "web: lint, format, type check and build"
(cd web && npm run lint && npm run format:check && npm run build)

step "web unit tests"
# The golden screening test compares the browser's engine with this build's `ecosol screen`.
ecosol_bin=$(realpath "$BUILD_DIR/ecosol")
(cd web && ECOSOL_BIN="$ecosol_bin" npm test) 2>&1 | tee "$work/vitest.log"

step "browser tests (headless Chromium)"
db="$work/demo.db"
"$BUILD_DIR/ecosol" --db "$db" demo
# Test accounts, passed to the tests in ECOSOL_TEST_* (web/tests/browser/helpers.mjs): an admin, a
# member of the demo actor Cwmpas, and a steward of the Diesis network (of which Cwmpas is a
# member). Passwords are new each run; `users add` reads them from standard input.
test_password() { printf 'Browser-%s-Test' "$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"; }
add_test_user() { # EMAIL NAME PASSWORD ROLE [SCOPE]
  printf '%s\n' "$3" | "$BUILD_DIR/ecosol" --db "$db" users add "$1" --name "$2" >/dev/null
  "$BUILD_DIR/ecosol" --db "$db" users grant "$1" "$4" ${5:+"$5"} >/dev/null
}
export ECOSOL_TEST_ADMIN_EMAIL=admin@browser-test.example
export ECOSOL_TEST_ADMIN_PASSWORD; ECOSOL_TEST_ADMIN_PASSWORD=$(test_password)
export ECOSOL_TEST_MEMBER_EMAIL=member@browser-test.example ECOSOL_TEST_MEMBER_ACTOR=cwmpas
export ECOSOL_TEST_MEMBER_PASSWORD; ECOSOL_TEST_MEMBER_PASSWORD=$(test_password)
export ECOSOL_TEST_STEWARD_EMAIL=steward@browser-test.example ECOSOL_TEST_STEWARD_NETWORK=diesis
export ECOSOL_TEST_STEWARD_PASSWORD; ECOSOL_TEST_STEWARD_PASSWORD=$(test_password)
add_test_user "$ECOSOL_TEST_ADMIN_EMAIL" "Browser Admin" "$ECOSOL_TEST_ADMIN_PASSWORD" admin
add_test_user "$ECOSOL_TEST_MEMBER_EMAIL" "Browser Member" "$ECOSOL_TEST_MEMBER_PASSWORD" \
  member "actor:$ECOSOL_TEST_MEMBER_ACTOR"
add_test_user "$ECOSOL_TEST_STEWARD_EMAIL" "Browser Steward" "$ECOSOL_TEST_STEWARD_PASSWORD" \
  steward "network:$ECOSOL_TEST_STEWARD_NETWORK"
port=$((30000 + RANDOM % 20000))
"$BUILD_DIR/ecosol" --db "$db" serve --host 127.0.0.1 --port "$port" --web-root web/dist \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null || { cat "$work/server.log"; exit 1; }
(cd web && ECOSOL_BASE_URL="http://127.0.0.1:$port" npm run test:browser) 2>&1 | tee "$work/browser.log"

web_unit=$(sed 's/\x1b\[[0-9;]*m//g' "$work/vitest.log" | sed -n 's/^ *Tests *\([0-9][0-9]*\) passed.*/\1/p' | tail -1)
browser=$(sed -n 's/^# pass \([0-9][0-9]*\)$/\1/p' "$work/browser.log" | tail -1)
step "all tests passed"
echo "C++ (SQLite and PostgreSQL): ${cpp_total:-0}; web unit: ${web_unit:-0}; browser: ${browser:-0}"
echo "all: $(( ${cpp_total:-0} + ${web_unit:-0} + ${browser:-0} )) passed, 0 failed"
