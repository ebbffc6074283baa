#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in the sanitizer build that `make asan` shares (build/asan, scripts/build-env.sh), then runs each for a bounded time from its seed corpus in fuzz/corpus/<target>/,
# copied to a temporary folder so that runs never write into the repository. Fails on any crash,
# leak, timeout, out-of-memory or sanitizer report; the input that caused it is kept in
# build/asan/artifacts/<target>/ and printed.
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_TARGETS (default "json_fuzz csv_fuzz"),
# ECOSOL_SANITIZE_DIR (default build/asan), ECOSOL_CCACHE=0.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-json_fuzz csv_fuzz}
. scripts/build-env.sh
BUILD_DIR=$ECOSOL_SANITIZE_DIR
if ! [[ "$FUZZ_SECONDS" =~ ^[0-9]+$ ]] || [ "$FUZZ_SECONDS" -lt 1 ]; then
  echo "fuzz: FUZZ_SECONDS must be a whole number of seconds, not '$FUZZ_SECONDS'" >&2
  exit 2
fi
for tool in clang clang++; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "fuzz: $tool not found (scripts/bootstrap.sh installs clang and libclang-rt-14-dev)" >&2
    exit 2
  }
done
work=$(mktemp -d /tmp/ecosol-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "build ($BUILD_DIR, clang, libFuzzer + ASan + UBSan)"
build_start=$SECONDS
# shellcheck disable=SC2086
CC=$ECOSOL_SANITIZE_CC CXX=$ECOSOL_SANITIZE_CXX \
  cmake -S . -B "$BUILD_DIR" -G Ninja $ECOSOL_SANITIZE_CMAKE_ARGS $ECOSOL_CCACHE_ARGS >/dev/null
targets=()
for t in $FUZZ_TARGETS; do targets+=("ecosol_$t"); done
cmake --build "$BUILD_DIR" --target "${targets[@]}"
echo "build: $((SECONDS - build_start)) s"

# Leaks are reported at exit (LeakSanitizer) and undefined behaviour aborts (the code is built with
# -fno-sanitize-recover=undefined; halt_on_error covers the runtime's own checks).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=()
for t in $FUZZ_TARGETS; do
  step "$t: ${FUZZ_SECONDS} s"
  corpus="$work/$t/corpus"
  artifacts="$work/$t/artifacts"
  log="$work/$t/log"
  mkdir -p "$corpus" "$artifacts"
  cp fuzz/corpus/"$t"/* "$corpus"/
  args=(-max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  dict="fuzz/${t%_fuzz}.dict"
  [ -f "$dict" ] && args+=(-dict="$dict")
  run_start=$SECONDS
  rc=0
  # The outer timeout only guards against a fuzzer that stops answering altogether.
  timeout -k 10 $((FUZZ_SECONDS * 2 + 120)) "$BUILD_DIR/fuzz/ecosol_$t" "${args[@]}" "$corpus" \
    >"$log" 2>&1 || rc=$?
  # The final stats; after a crash there are none, and the last status line ("#1234 ...") tells.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  seeds=$(find fuzz/corpus/"$t" -type f | wc -l)
  echo "$t: ${runs:-?} executions in $((SECONDS - run_start)) s, peak RSS ${peak:-?} MB," \
    "corpus $(find "$corpus" -type f | wc -l) inputs (from $seeds seeds)"
  if [ "$rc" -ne 0 ] ||
    grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log"; then
    echo "$t: FAILED (exit code $rc); the end of its log:"
    grep -vE '^#[0-9]|^[[:space:]]*NEW_FUNC' "$log" | tail -60
    mkdir -p "$BUILD_DIR/artifacts/$t"
    if compgen -G "$artifacts/*" >/dev/null; then
      cp "$artifacts"/* "$BUILD_DIR/artifacts/$t/"
      for f in "$artifacts"/*; do
        echo "$t: reproducer kept: $BUILD_DIR/artifacts/$t/$(basename "$f") ($(wc -c <"$f") bytes)"
      done
      echo "$t: replay with $BUILD_DIR/fuzz/ecosol_$t $BUILD_DIR/artifacts/$t/<file>"
    fi
    failed+=("$t")
  else
    echo "$t: no crash, leak, timeout or sanitizer report"
  fi
done

if ((${#failed[@]})); then
  echo
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
echo
echo "fuzz: all targets clean"
