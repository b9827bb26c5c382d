#!/usr/bin/env bash
# test-image-lines.sh: a line of text drawn as an image on a page with a text layer (a title set
# as a picture) is read by OCR and written as recovered text, counted; a chart-like strip beside
# it (bars of several greys) is left an image. The title is drawn here from Helvetica-Bold with
# pdftoppm, as a line cut from a rendered page; it is on the first of two pages, whose images
# pdf-source lists only because its resources name an image. Skipped, with the reason, where
# recto was built without Tesseract. Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text pdftoppm "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

check "the PDF is made (title and chart drawn as images)" \
  "$python" "$root/tests/make-image-lines-pdf.py" "$work/lines.pdf" "$work"
check "converts, exit 0" \
  sh -c '"$0" convert "$1" -o "$2" 2>"$2.log"' "$recto" "$work/lines.pdf" "$work/lines.xml"

"$python" - "$work/lines.xml" >"$work/found" <<'PY'
import sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
root = ET.parse(sys.argv[1]).getroot()
recovered = " ".join("".join(e.itertext()) for e in root.iter(T + "seg") if e.get("type") == "recovered")
print("recovered:", " ".join(recovered.split()))
checks = [i.text or "" for i in root.iter(T + "item") if (i.text or "").startswith("no-text-layer")]
print("checks:", len(checks))
PY
check "the title is read, as recovered text" \
  grep -q "recovered: .*Annual Report of the Water Board" "$work/found"
check "nothing else is read (the chart stays an image)" \
  grep -qx "recovered: Annual Report of the Water Board" "$work/found"
check "the header records the lines read from images" grep -qx "checks: 1" "$work/found"
check "a warning counts the line read" \
  grep -q "1 lines of text drawn as images read by OCR (32 glyphs; page 1)" "$work/lines.xml.log"
check "a warning counts the row left an image" \
  grep -q "1 rows of images shaped like lines of text not read as text" "$work/lines.xml.log"
tap_end
