#!/usr/bin/env bash
# run-all.sh: the whole test suite, as CI runs it on a fresh Debian 12 machine: installs the
# dependencies, then builds and tests recto twice, plainly and under AddressSanitizer +
# UndefinedBehaviorSanitizer, then checks one conversion for leaks under valgrind.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash tests/install-deps.sh

echo "== build and test"
meson setup build-ci --wipe >/dev/null 2>&1 || meson setup build-ci >/dev/null
meson test -C build-ci --print-errorlogs

echo "== build and test under ASan + UBSan"
meson setup build-sanitize --wipe -Db_sanitize=address,undefined -Db_lundef=false \
  >/dev/null 2>&1 || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
# Modules stay loaded to the end (no dlclose) so that reports can name their functions.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  meson test -C build-sanitize --print-errorlogs

echo "== valgrind: no leaks in one conversion"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --error-exitcode=1 \
  build-ci/core/recto convert --plugin-dir build-ci/plugins samples/en-report.pdf -o "$out/en.tei.xml"
echo "valgrind: 1 passed, 0 failed"
