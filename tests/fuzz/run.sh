#!/usr/bin/env bash
# run.sh TARGET SECONDS [BUILD_DIR]: runs the libFuzzer target fuzz-TARGET (text-source,
# pdf-source, pipeline, dump-load; "all" runs each in turn) for SECONDS seconds. Builds the
# fuzzing build (clang, -Dfuzzing=true, ASan + UBSan) in BUILD_DIR (default build-fuzz) when it
# is not there, and makes the seed corpus from the samples on the first run (nothing large is
# kept in the tree). The corpus grows in BUILD_DIR/fuzz-corpus/TARGET; a crash is written to
# BUILD_DIR/fuzz-artifacts/TARGET/ and makes the script fail. Reproduce one with
#   BUILD_DIR/tests/fuzz/fuzz-TARGET ARTIFACT
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:?usage: run.sh TARGET SECONDS [BUILD_DIR]}
seconds=${2:?usage: run.sh TARGET SECONDS [BUILD_DIR]}
build=${3:-$root/build-fuzz}

if [ "$target" = all ]; then
  for t in text-source pdf-source pipeline dump-load; do
    "$0" "$t" "$seconds" "$build"
  done
  exit 0
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ meson setup "$build" "$root" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Docr=disabled >/dev/null
fi
meson compile -C "$build" >/dev/null
fuzzer=$build/tests/fuzz/fuzz-$target
[ -x "$fuzzer" ] || { echo "run.sh: no fuzz target $target" >&2; exit 2; }

corpus=$build/fuzz-corpus/$target
artifacts=$build/fuzz-artifacts/$target
mkdir -p "$corpus" "$artifacts"
if [ -z "$(ls -A "$corpus")" ]; then
  bash "$root/tests/fuzz/make-seeds.sh" "$target" "$corpus" "$build"
fi

# Leaks are looked for by the test suite (valgrind, LSan); here they would stop the run at the
# first cached object of Poppler or GLib.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export G_DEBUG=
# FUZZ_LOG=FILE keeps libFuzzer's whole log.
log=${FUZZ_LOG:-$(mktemp)}
[ -n "${FUZZ_LOG:-}" ] || trap 'rm -f "$log"' EXIT
status=0
"$fuzzer" "$corpus" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$artifacts/" 2>"$log" || status=$?
grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true
grep -E 'stat::number_of_executed_units|stat::peak_rss' "$log" || true
if [ $status -ne 0 ]; then
  grep -E -A 30 'ERROR: |==ERROR|runtime error|deadly signal|timeout' "$log" | head -60 >&2
  echo "run.sh: fuzz-$target found a failure (artifacts in $artifacts)" >&2
  exit 1
fi
echo "run.sh: fuzz-$target ran ${seconds}s without a failure"
