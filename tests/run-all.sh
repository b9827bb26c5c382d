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
meson compile -C build-ci
meson test -C build-ci --print-errorlogs

echo "== build and test under ASan + UBSan"
meson setup build-sanitize --wipe -Db_sanitize=address,undefined -Db_lundef=false \
  >/dev/null 2>&1 || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
meson compile -C build-sanitize
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  meson test -C build-sanitize --print-errorlogs

echo "== valgrind: no leaks or memory errors in a conversion"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for sample in samples/zh-volume.pdf samples/en-report.pdf; do
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --error-exitcode=1 \
    build-ci/core/recto convert --plugin-dir build-ci/plugins "$sample" -o "$out/sample.tei.xml"
  echo "valgrind: $sample clean"
done
echo "valgrind: 2 passed, 0 failed"
