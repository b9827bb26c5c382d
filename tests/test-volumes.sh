#!/usr/bin/env bash
# test-volumes.sh: recto holds its figures on the unseen volumes of ../shared/volumes (issue 16):
# converts the clean, split-order and seed-like variants of every volume (the OCR variants,
# lost-body-text and scanned, take minutes: bench/volumes.sh scores them), prints every figure,
# and fails when one falls below its floor in tests/volumes-floors.json. The floors are a
# ratchet: raise them as recto improves (bench/volumes.py --write-floors); lowering one needs a
# reason in the commit. Skipped without ../shared.
set -u
volumes=${RECTO_SHARED_DIR:-}/volumes
if [ -z "${RECTO_SHARED_DIR:-}" ] || [ ! -f "$volumes/score.py" ]; then
  echo "SKIP: ../shared/volumes is not there"
  exit 77
fi
exec /usr/bin/python3 "$RECTO_SOURCE_ROOT/bench/volumes.py" --recto "$RECTO_EXE" \
  --plugin-dir "$RECTO_TEST_PLUGIN_DIR" --volumes "$volumes" \
  --variants clean,split-order,seedlike --jobs 2 \
  --floors "$RECTO_SOURCE_ROOT/tests/volumes-floors.json"
