#!/usr/bin/env bash
# run-all.sh: the whole test suite, as CI runs it on a fresh Debian 12 machine: installs the
# dependencies, then builds and tests recto twice, plainly and under AddressSanitizer +
# UndefinedBehaviorSanitizer, then checks conversions for leaks under valgrind, then follows the
# stage author's path (docs/writing-a-stage.md) against recto installed into a temporary prefix,
# and runs each fuzz target for a short while.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash tests/install-deps.sh

echo "== build and test"
meson setup build-ci --wipe >/dev/null 2>&1 || meson setup build-ci >/dev/null
meson compile -C build-ci
meson test -C build-ci --print-errorlogs

echo "== without Tesseract: recover-text is absent, inspect says why, its test is skipped"
meson setup build-noocr --wipe -Docr=disabled >/dev/null 2>&1 \
  || meson setup build-noocr -Docr=disabled >/dev/null
meson compile -C build-noocr
meson test -C build-noocr --print-errorlogs test-inspect test-recover-text

echo "== build and test under ASan + UBSan"
# The shared-quality suite (facts of ../shared/real, the unseen volumes, the good text layers)
# measures what recto writes, which sanitizers do not change; test-convert converts the same
# PDFs under them, so their memory is checked there.
meson setup build-sanitize --wipe -Db_sanitize=address,undefined -Db_lundef=false \
  >/dev/null 2>&1 || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
meson compile -C build-sanitize
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions=$root/tests/lsan.supp \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  meson test -C build-sanitize --print-errorlogs --no-suite shared-quality

echo "== valgrind: no leaks or memory errors in a conversion"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for sample in samples/zh-volume.pdf samples/en-report.pdf; do
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --error-exitcode=1 \
    build-ci/core/recto convert --plugin-dir build-ci/plugins "$sample" -o "$out/sample.tei.xml"
  echo "valgrind: $sample clean"
done
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --error-exitcode=1 \
  build-ci/core/recto-stage-test --plugin-dir build-ci/tests fullwidth-digits \
  examples/stage-template/tests/input.json examples/stage-template/tests/expected.json
echo "valgrind: recto-stage-test clean"
# A batch: the workers are forked children, whose reports go to one log file each.
mkdir "$out/batch"
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --log-file="$out/valgrind.%p" \
  build-ci/core/recto convert --plugin-dir build-ci/plugins -q -j 2 samples/en-report.pdf \
  samples/zh-volume.pdf tests/data/encrypted.pdf -o "$out/batch" 2>/dev/null || [ $? -eq 9 ]
if [ -n "$(cat "$out"/valgrind.*)" ]; then
  cat "$out"/valgrind.*
  echo "valgrind: the batch or its workers have errors or leaks" >&2
  exit 1
fi
echo "valgrind: a batch and its workers clean"
echo "valgrind: 4 passed, 0 failed"

echo "== fuzz: each libFuzzer target (tests/fuzz) for a short while, under ASan + UBSan"
for target in text-source pdf-source pipeline dump-load; do
  bash tests/fuzz/run.sh "$target" 20 "$root/build-fuzz"
done

echo "== the stage template, built out of tree against an installed recto"
bash tests/test-stage-template.sh
