#!/bin/sh
# Builds damaged variants of samples/zh-volume.pdf for the recover-text stage,
# each with its truth (the original truth, "source" changed):
#   zh-volume-notounicode.pdf  body font (NotoSerifCJKsc-Regular) without /ToUnicode
#   zh-volume-wrongmap.pdf     body font's ToUnicode maps code c to U+E000 + c (PUA)
#   zh-volume-gbk.pdf          body font's text as GBK bytes through a non-embedded WinAnsi
#                              "SimSun" (the text layer reads Latin-1 mojibake)
#   zh-volume-permuted.pdf     body font's ToUnicode maps each code to another code's
#                              character (plausible, wrong CJK)
#   zh-volume-mixed.pdf        body font as in zh-volume-gbk, and the heading font (Noto
#                              Bold) without /ToUnicode; Latin runs keep their map
#   zh-volume-scanned.pdf      image-only: every page a 200 dpi 8-bit gray image
#   zh-volume-ocrlayer.pdf     the scan under the volume's own text made invisible and misread
#                              as an OCR engine misreads (variants.py ocr-layer)
# Headings (Noto Bold) and Latin runs (Liberation) keep their maps.  The output is
# byte-identical from run to run.  Needs qpdf, poppler-utils and Debian's python
# with python3-cairo.  Usage: sh samples/variants.sh [OUTDIR]  (default: samples/damaged,
# which git ignores: the scan is 8.9 MB, and the variants are rebuilt, not kept)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/damaged}
mkdir -p "$OUT"
PY="/usr/bin/python3 $HERE/variants.py"
SRC=$HERE/zh-volume.pdf
FONT=NotoSerifCJKsc-Regular
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Font damage: edit the font objects through qpdf's JSON (v2) update mode.
qpdf --json=2 --json-key=qpdf --json-stream-data=inline "$SRC" "$T/zh.json"
$PY drop-tounicode "$T/zh.json" "$FONT" "$T/notounicode.json"
qpdf --deterministic-id --update-from-json="$T/notounicode.json" \
     "$SRC" "$OUT/zh-volume-notounicode.pdf"
$PY pua-tounicode "$T/zh.json" "$FONT" "$T/wrongmap.json"
qpdf --deterministic-id --update-from-json="$T/wrongmap.json" \
     "$SRC" "$OUT/zh-volume-wrongmap.pdf"

$PY gbk-bytes "$T/zh.json" "$FONT" "$T/gbk.json"
qpdf --deterministic-id --update-from-json="$T/gbk.json" "$SRC" "$OUT/zh-volume-gbk.pdf"
$PY permute-tounicode "$T/zh.json" "$FONT" "$T/permuted.json"
qpdf --deterministic-id --update-from-json="$T/permuted.json" \
     "$SRC" "$OUT/zh-volume-permuted.pdf"
# Mixed: the GBK volume again, its heading font's map dropped as well.
qpdf --json=2 --json-key=qpdf "$OUT/zh-volume-gbk.pdf" "$T/gbk-volume.json"
$PY drop-tounicode "$T/gbk-volume.json" NotoSerifCJKsc-Bold "$T/mixed.json"
qpdf --deterministic-id --update-from-json="$T/mixed.json" \
     "$OUT/zh-volume-gbk.pdf" "$OUT/zh-volume-mixed.pdf"

# Scan: rasterise, then one full-page image per page and no text.
pdftoppm -r 200 -gray -png "$SRC" "$T/page"
$PY scan "$SRC" "$OUT/zh-volume-scanned.pdf" "$T"/page-*.png
# OCR layer: the scan under the volume's text, made invisible and misread.
$PY ocr-layer "$T/zh.json" "$FONT" "$T/ocrlayer.json"
qpdf --deterministic-id --update-from-json="$T/ocrlayer.json" "$SRC" "$T/ocrlayer-text.pdf"
qpdf --deterministic-id "$T/ocrlayer-text.pdf" --underlay "$OUT/zh-volume-scanned.pdf" -- \
     "$OUT/zh-volume-ocrlayer.pdf"

for v in notounicode wrongmap gbk permuted mixed scanned ocrlayer; do
    $PY truth "$HERE/zh-volume.truth.json" "zh-volume-$v.pdf" \
        "$OUT/zh-volume-$v.truth.json"
done
