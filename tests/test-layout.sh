#!/usr/bin/env bash
# test-layout.sh: the layout stages meet issue 3's targets (CER, heading, paragraph and chapter
# F1, number placement, furniture leaks, pb) on every development sample, as bench/layout.sh
# scores them. The held-out samples are left to the benchmark's --heldout run.
set -u
build=$(cd "$(dirname "$RECTO_EXE")/.." && pwd)
report=$(BUILD="$build" "$RECTO_SOURCE_ROOT/bench/layout.sh" 2>&1)
status=$?
echo "$report"
if [ $status -ne 0 ]; then
  echo "bench/layout.sh failed with exit status $status"
  exit 1
fi
passed=$(grep -cE '^[^ ]+ +PASS$' <<<"$report")
failed=$(grep -cE '^[^ ]+ +FAIL( |$)' <<<"$report") # a FAIL names what it missed
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
