#!/usr/bin/env bash
# layout.sh: the layout benchmark of issue 3. For every samples/*.truth.json and
# samples/*/*.truth.json, converts the sample's PDF with recto (default pipeline) and with
# pdftotext (default mode, UTF-8), scores both with bench/score.py, and prints a side-by-side
# table, the wall time of each tool, and PASS/FAIL of recto against the issue's targets.
#
# The held-out samples (samples/heldout/) are the final check only: they are left out unless
# --heldout is given, which scores them and nothing else (see samples/heldout/README.md).
#
# Usage: bench/layout.sh [--heldout]       (from any directory)
# Environment: BUILD, the meson build directory (default: build; a relative path is taken
# from the repository root).
# Exit status: 0 whatever the scores are; 2 on bad usage or when a tool is missing.
set -u

case "${1-}:$#" in
  :0) heldout=false ;;
  --heldout:1) heldout=true ;;
  *)
    echo "usage: bench/layout.sh [--heldout]" >&2
    exit 2
    ;;
esac

cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
recto=$build/core/recto
python=/usr/bin/python3

if [ ! -x "$recto" ]; then
  echo "layout.sh: no $recto (build it: meson setup $build && meson compile -C $build)" >&2
  exit 2
fi
if [ ! -x "$python" ] || ! command -v pdftotext >/dev/null; then
  echo "layout.sh: needs $python and pdftotext (tests/install-deps.sh installs them)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds START END: the difference of two $EPOCHREALTIME values.
seconds() {
  awk -v start="$1" -v end="$2" 'BEGIN { printf "%.3f", end - start }'
}

# source_pdf TRUTH: the PDF a truth file describes ("source" is relative to the JSON file).
source_pdf() {
  "$python" -c 'import json, os, sys
path = sys.argv[1]
print(os.path.join(os.path.dirname(path), json.load(open(path, encoding="utf-8"))["source"]))' "$1"
}

shopt -s nullglob
manifest=$work/manifest.tsv
: >"$manifest"
for truth in samples/*.truth.json samples/*/*.truth.json; do
  case "$truth" in
    samples/heldout/*) $heldout || continue ;;
    samples/damaged/*) continue ;; # lost-text variants: bench/ocr.sh scores them
    *) $heldout && continue ;;
  esac
  name=${truth#samples/}
  name=${name%.truth.json}
  out=$work/${name//\//_}
  if ! pdf=$(source_pdf "$truth"); then
    echo "layout.sh: $truth: cannot read its source" >&2
    continue
  fi

  start=$EPOCHREALTIME
  "$recto" convert -q --plugin-dir "$build/plugins" "$pdf" -o "$out.tei.xml" 2>"$out.recto.log"
  recto_status=$?
  recto_time=$(seconds "$start" "$EPOCHREALTIME")
  recto_json=""
  if [ $recto_status -eq 0 ] \
      && "$python" bench/score.py "$truth" "$out.tei.xml" --json >"$out.recto.json"; then
    recto_json=$out.recto.json
  else
    echo "layout.sh: $name: recto failed (exit $recto_status): $(head -n 1 "$out.recto.log")" >&2
  fi

  start=$EPOCHREALTIME
  pdftotext -enc UTF-8 "$pdf" "$out.txt" 2>"$out.pdftotext.log"
  plain_status=$?
  plain_time=$(seconds "$start" "$EPOCHREALTIME")
  plain_json=""
  if [ $plain_status -eq 0 ] \
      && "$python" bench/score.py "$truth" "$out.txt" --plain --json >"$out.plain.json"; then
    plain_json=$out.plain.json
  else
    echo "layout.sh: $name: pdftotext failed (exit $plain_status)" >&2
  fi

  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$recto_json" "$plain_json" "$recto_time" "$plain_time" \
    >>"$manifest"
done

"$python" bench/report.py "$manifest"
exit 0
