#!/usr/bin/env bash
# volumes.sh: recto on the unseen volumes of ../shared/volumes (issue 16). Converts every
# variant there (clean, split-order, seed-like text dumps, lost-body-text, scanned: the last two
# run OCR and take minutes), scores each with the volumes' own score.py and prints every figure,
# then pdftotext's figures on the PDFs with a text layer for comparison. The suite's
# volumes test checks the fast variants against the floors in tests/volumes-floors.json.
#
# Usage: bench/volumes.sh [VARIANTS]      VARIANTS: comma-separated, default all
# Environment: BUILD, the meson build directory (default: build); SHARED (default: ../shared);
# JOBS, conversions at a time (default: 2); OUT, a directory to keep the TEI files in.
# Exit status: 0 whatever the scores are; 2 when the volumes or a tool are missing.
set -u

cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
volumes=${SHARED:-../shared}/volumes
variants=${1:-clean,split-order,seedlike,lost-body-text,scanned}
python=/usr/bin/python3

if [ ! -f "$volumes/score.py" ] || [ ! -x "$build/core/recto" ]; then
  echo "bench/volumes.sh: needs $volumes/score.py and $build/core/recto" >&2
  exit 2
fi
echo "recto ($build), variants: $variants"
"$python" bench/volumes.py --recto "$build/core/recto" --plugin-dir "$build/plugins" \
  --volumes "$volumes" --variants "$variants" --jobs "${JOBS:-2}" ${OUT:+--out "$OUT"}

if command -v pdftotext >/dev/null; then
  echo
  echo "pdftotext (plain text: heads are lines that look like headings; no chapters, notes, pb)"
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  for pdf in "$volumes"/*-clean.pdf "$volumes"/*-split-order.pdf; do
    name=$(basename "$pdf" .pdf)
    pdftotext -enc UTF-8 "$pdf" "$scratch/$name.txt" 2>/dev/null || continue
    printf '%-20s ' "$name"
    "$python" "$volumes/score.py" --gt "$volumes/${name%%-*}.gt.json" --out "$scratch/$name.txt" \
      --format txt | "$python" -c 'import json, sys
d = json.loads(sys.stdin.read().strip().splitlines()[-1])
print("  ".join("%s %s" % (k, d.get(k)) for k in ("cer", "head_f1", "para_f1", "number_placement", "furniture_leak")))'
  done
fi
exit 0
