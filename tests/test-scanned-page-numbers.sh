#!/usr/bin/env bash
# test-scanned-page-numbers.sh: a scanned page's number, alone at its foot (recover-text's
# unread-lines.c). Pages 4, 5, 9 and 10 of samples/en-report.pdf, drawn as a scan (200 dpi,
# gray) as samples/variants.sh draws one (tests/scan_pdf.py). Tesseract's layout analysis
# skips a lone number narrower than a line ("4"), so it is read as a band of its own below
# every line read; the stem of page 5's "5" is too thin to count as a row of ink and would
# cut it in two, and page 9's number stands in the gutter of two columns, outside both. Each
# number becomes the page's pb/@n (the furniture stage's work once the number is there).
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftoppm "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

check "pages 4, 5, 9 and 10 of the English sample are drawn as a scan" \
  scan_pages "$root/samples/en-report.pdf" 4,5,9,10 "$work/scan.pdf"
check "converts the scan" "$recto" convert "$work/scan.pdf" -o "$work/scan.xml" -q
numbers=$(grep -o '<pb n="[^"]*"' "$work/scan.xml" | grep -o '[0-9]*' | tr '\n' ' ')
check "each page's number is its pb/@n (${numbers:-none})" test "$numbers" = "4 5 9 10 "
fw=$(grep -o '<fw type="pageNum"' "$work/scan.xml" | wc -l)
check "each number is page furniture, an fw of type pageNum ($fw)" test "$fw" = 4
tap_end
