#!/usr/bin/env bash
# test-scanned-marks.sh: footnote marks on scanned pages in Latin script (recover-text's
# raised-marks.c). Pages 4, 5, 10 and 11 of samples/en-report.pdf, drawn as a scan (200 dpi,
# gray) as samples/variants.sh draws one (tests/scan_pdf.py); 4, 5 and 11 hold notes 3 to 7,
# each called from the text by a small raised digit ("The Interna³" … "³ Definitions of
# leakage…"), and page 10 is there for the furniture stage to tell page 11's number from its
# notes. Read in its line, OCR takes such a digit for the punctuation it resembles ("?", "°",
# "*", "’"); read again alone it is a digit, counted in the header, and the paragraph stage
# puts each note where its mark calls it. The pages' apostrophes ("regulator's"), which stand
# as high, are no marks and stay.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftoppm "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

check "pages 4, 5, 10 and 11 of the English sample are drawn as a scan" \
  scan_pages "$root/samples/en-report.pdf" 4,5,10,11 "$work/scan.pdf"
check "converts the scan" "$recto" convert "$work/scan.pdf" -o "$work/scan.xml" -q

# The body's text as plain text (notes left out), and the notes put at their marks.
"$python" - "$work/scan.xml" >"$work/facts" <<'PY'
import sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
body = ET.parse(sys.argv[1]).getroot().find(f"{T}text/{T}body")
anchored = [n.get("n") for n in body.iter(f"{T}note")
            if "#repair.paragraphs.anchor-note" in (n.get("ana") or "").split()]
def text(e):
    out = (e.text or "") if e.tag != f"{T}note" else ""
    for child in e:
        out += text(child) + (child.tail or "")
    return out
print("anchored", " ".join(sorted(anchored, key=int)))
print("text", " ".join(text(body).split()))
PY
marks=$(grep -o "[0-9]* footnote marks, small raised digits, read again alone" "$work/scan.xml" |
  grep -o "^[0-9]*")
check "the header counts the marks read again, the text's five at least (${marks:-none})" test "${marks:-0}" -ge 5
anchored=$(sed -n 's/^anchored //p' "$work/facts")
check "each note is put where its mark calls it (anchored: ${anchored:-none})" \
  test "$anchored" = "3 4 5 6 7"
check "no mark is left in the text as punctuation" \
  sh -c '! grep "^text " "$1" | grep -o "[^ ]\{0,20\}[?°*®!][^ ]\{0,20\}"' sh "$work/facts"
check "the apostrophes stay: \"regulator's\" twice" \
  test "$(grep "^text " "$work/facts" | grep -o "regulator[’']s" | wc -l)" = 2
tap_end
