#!/usr/bin/env bash
# test-scanned-drawings.sh: what OCR reads in a scanned page's drawings is no text
# (recover-text's rule-symbols.c). Pages 15, 21, 42 and 50 of ../shared/volumes/vol212-clean.pdf
# and page 12 of vol313-clean.pdf, drawn as a scan (200 dpi, gray), show flowcharts of empty
# boxes joined by connectors, and photographs; Tesseract's layout analysis took their rules
# and greys for lines of text and wrote paragraphs "|", "DT|", "记|", a table of "L" and "|",
# and "CT" and "C" in the photographs. The figures' captions and the text around them stay as
# read.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftoppm "$python"
needs_shared volumes vol212-clean.pdf
needs_shared volumes vol313-clean.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

volumes=$RECTO_SHARED_DIR/volumes
qpdf --empty --pages "$volumes/vol212-clean.pdf" 15,21,42,50 "$volumes/vol313-clean.pdf" 12 \
  -- "$work/figures.pdf" 2>/dev/null
check "the five pages are drawn as a scan" scan_pages "$work/figures.pdf" 1-5 "$work/scan.pdf"
check "converts the scan" "$recto" convert -q "$work/scan.pdf" -o "$work/scan.xml"
# Each block (paragraph, heading, note, cell, item) on a line: its name and text, spaceless.
"$python" -c 'import sys, tap_checks; print(tap_checks.block_lines(sys.argv[1]))' \
  "$work/scan.xml" >"$work/blocks"
check "no block holds a bar read from a chart's connector or a box's side" \
  sh -c '! grep "|" "$1"' - "$work/blocks"
check "no block is a letter or two read from a chart's boxes or a photograph" \
  sh -c '! grep -E "^[a-z]+ [A-Z\[]{1,3}$" "$1"' - "$work/blocks"
check "no table is made of a flowchart's boxes" sh -c '! grep -q "^cell" "$1"' - "$work/blocks"
check "the captions under the figures stay" \
  grep -q "^head 图5、图6：江田村委会发来感谢信和锦旗$" "$work/blocks"
check "and the text beside them" \
  grep -q "^p 2020年全区地区生产总值（GDP）达1680.65亿元，同比增长7.3%。" "$work/blocks"
check "the scan's header counts the symbols not written" \
  grep -q "symbols read in drawings" "$work/scan.xml"
tap_end
