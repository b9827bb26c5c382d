#!/usr/bin/env bash
# test-scanned-last-lines.sh: a paragraph's short last line on a scanned page is read and stays
# the paragraph's. Pages of a scanned volume of ../shared/volumes: on one, Tesseract's page
# layout left "踪监督。" unread and its line mode read the band as nothing (unread-lines.c reads
# it again as a raw line); on the other, OCR boxed "13条，均已转交有关部门办理。" a point under its
# neighbours, under the note type's bound, and the footnotes stage took it for note 13 (a size
# estimated from a scan must be smaller by more than the estimates' scatter, footnotes.c).
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol111-scanned.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol111-scanned.pdf" 4-5,22 -- "$work/scan.pdf" 2>/dev/null
"$recto" convert -q "$work/scan.pdf" -o "$work/scan.xml"
# The text of each paragraph and note, on a line of its own, whitespace removed.
"$python" - "$work/scan.xml" >"$work/blocks" <<'PY'
import sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
body = ET.parse(sys.argv[1]).getroot().find(f"{T}text/{T}body")
for el in body.iter():
    if el.tag in (f"{T}p", f"{T}note"):
        print(el.tag[len(T):], "".join(written_text(el).split()))
PY
check "the short last line the line mode read as nothing ends its paragraph" \
  grep -q "^p .*连续3年开展跟踪监督。" "$work/blocks"
check "the last line OCR boxed a point short ends its paragraph" \
  grep -q "^p .*涉及水污染防治的13条，均已转交有关部门办理。" "$work/blocks"
check "neither page has a note" sh -c '! grep -q "^note" "$1"' - "$work/blocks"
tap_end
