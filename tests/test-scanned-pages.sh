#!/usr/bin/env bash
# test-scanned-pages.sh: pages of a scanned volume of ../shared/volumes, where OCR's reading and
# its estimates of type sizes misled the stages:
# - Tesseract's page layout left a paragraph's short last line, "踪监督。", unread, and its line
#   mode read the band as nothing (unread-lines.c reads it again as a raw line);
# - OCR boxed "13条，均已转交有关部门办理。" a point under its neighbours, under the note type's
#   bound, and the footnotes stage took it for note 13 (a size estimated from a scan must be
#   smaller by more than the estimates' scatter, footnotes.c);
# - a bold heading's two lines measured 13 and 14.5 points, and its wrapped rest was left a
#   paragraph (estimated sizes are one type within 15 %, wrapped-heads.c);
# - on a page of English, whose curly quotes and en dashes are wide only in Chinese type, the
#   Chinese model read lines again ("Was", "了y") and commas became full-width ("，"): a page in
#   Latin script is not corrected as Chinese (scan-symbols.c);
# - on three more pages of English, round lowercase letters passed for footnote rings and came
#   out "alleviat①n", "re①mmended", "f①m": in a line of Latin script a ring is as tall as the
#   capitals (scan-symbols.c);
# - ragflow__test_rec3 of ../shared/real carries page 17's number, "9", as text over its scan:
#   once the page's margins were read, OCR read it again and it came out "99", the page without
#   its number (OCR's reading of a text-layer glyph, where it stands, is dropped: scanned-pages.c);
# - a paragraph's last line "条。" was set 5 points low, between the character's band and the
#   full stop's, and became a paragraph of its own (a line's band is its ideographs':
#   scanned-pages.c);
# - the LSTM gave letters it found no ink for, boxed as the image's corner or without height:
#   "pI>>aHH…" where a title stands, "=e in" below a photograph (ocr-tesseract.c);
# - a paragraph's last line "案。" was given to the Latin model, "Ro" (a line of a letter or two
#   is read again with the Chinese model: second-reading.c), and, read right, its level
#   strokes made it bold, a block of its own (bold-lines.c);
# - the page reading read "重要载体" as "重要戟体" (0.84) and "59次" as "5次", the line read
#   alone "载" at 0.99 and "59" (an ideograph the page doubts takes the line alone's confident
#   reading; digits only the line alone has go in where the page's reading leaves room for
#   them: second-reading.c);
# - a chapter's title "蓬江区长冲镇" (p. 21), read "蓬" at 0.81 on the page and "莲" at 0.91
#   alone, is read a third time alone, "蓬": the reading two of three agree on stands.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol111-scanned.pdf
needs_shared volumes vol511-scanned.pdf
needs_shared real ragflow__test_rec3.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol111-scanned.pdf" 4-5,21-22,24,30 \
  -- "$work/scan.pdf" 2>/dev/null
"$recto" convert -q "$work/scan.pdf" -o "$work/scan.xml"
# Each block (paragraph, heading, note, cell, item) on a line: its name and text, spaceless.
"$python" -c 'import sys, tap_checks; print(tap_checks.block_lines(sys.argv[1]))' \
  "$work/scan.xml" >"$work/blocks"
check "the short last line the line mode read as nothing ends its paragraph" \
  grep -q "^p .*连续3年开展跟踪监督。" "$work/blocks"
check "the last line OCR boxed a point short ends its paragraph" \
  grep -q "^p .*涉及水污染防治的13条，均已转交有关部门办理。" "$work/blocks"
# (Its "载" has its own check below: this one is of the lines joined, not of that character.)
check "the bold heading wrapped over two lines is one heading" \
  grep -q "^head （一）人大维度：发挥人大制度重要.体作用，以“拍手赞”响亮掌声，树立人大形象。$" "$work/blocks"
check "no page has a note" sh -c '! grep -q "^note" "$1"' - "$work/blocks"
check "a doubtful ideograph takes the line alone's confident reading (\"重要载体\", not \"重要戟体\")" \
  grep -q "人大制度重要载体作用" "$work/blocks"
check "a digit only the line read alone has goes in (\"59次\", not \"5次\")" \
  grep -q "民情.谈会59次，形成调研报告5篇" "$work/blocks"
check "an ideograph the two readings disagree on is read a third time (\"蓬江区\", not \"莲江区\")" \
  grep -q "^head 蓬江区长冲镇$" "$work/blocks"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol511-scanned.pdf" 7 -- "$work/en.pdf" 2>/dev/null
"$recto" convert -q "$work/en.pdf" -o "$work/en.xml"
check "the English page keeps its commas ASCII" sh -c '! grep -q "，" "$1"' - "$work/en.xml"
check "the English page's words are read as the page reading read them" \
  grep -q ">was</seg> <seg[^>]*>13,</seg>" "$work/en.xml"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol511-scanned.pdf" 14,18,25 -- "$work/rings.pdf" \
  2>/dev/null
"$recto" convert -q "$work/rings.pdf" -o "$work/rings.xml"
"$python" - "$work/rings.xml" >"$work/rings.txt" <<'PY'
import sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
text = " ".join(written_text(ET.parse(sys.argv[1]).getroot().find(f"{T}text/{T}body")).split())
rings = [text[max(0, i - 12):i + 12] for i, c in enumerate(text) if 0x2460 <= ord(c) <= 0x24FF]
print("rings", len(rings), *rings)
print(text)
PY
rings=$(sed -n 's/^rings //p' "$work/rings.txt")
check "no letter of the English pages is read as a footnote ring (${rings})" \
  test "${rings%% *}" = 0
check "and their words come out whole" \
  sh -c 'grep -q "alleviation scheme" "$1" && grep -q "recommended 8" "$1" &&
    grep -q "from 878" "$1"' - "$work/rings.txt"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol111-scanned.pdf" 3,13,14,27,38 -- "$work/more.pdf" \
  2>/dev/null
"$recto" convert -q "$work/more.pdf" -o "$work/more.xml"
"$python" - "$work/more.xml" >"$work/more.txt" <<'PY'
import sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
root = ET.parse(sys.argv[1]).getroot()
zones = {z.get("{http://www.w3.org/XML/1998/namespace}id"): z for z in root.iter(f"{T}zone")}
for el in root.find(f"{T}text/{T}body").iter():
    if el.tag in (f"{T}p", f"{T}head"):
        z = zones[el.get("facs").split()[0][1:]]
        area = (float(z.get("lrx")) - float(z.get("ulx"))) * (float(z.get("lry")) - float(z.get("uly")))
        print(el.tag[len(T):], "%.0f" % area, "".join(written_text(el).split()))
PY
check "the short last line \"条。\" ends its paragraph" grep -q "^p [0-9]* .*建议203条。$" "$work/more.txt"
check "the last line \"案。\", once read \"Ro\", ends its paragraph" \
  grep -q "^p [0-9]* .*有活动、有档案。$" "$work/more.txt"
check "a line whose characters OCR boxed unevenly keeps its paragraph's size" \
  grep -q "^p [0-9]* .*活动为契机，我们深入47个镇" "$work/more.txt"
check "no block stands nowhere on its page" sh -c '! grep -q "^[a-z]* 0 " "$1"' - "$work/more.txt"
check "and the pages keep their title" grep -q "^head [0-9]* 蓬江区人大常委会环岗镇$" "$work/more.txt"

"$recto" convert -q "$RECTO_SHARED_DIR/real/ragflow__test_rec3.pdf" -o "$work/rec3.xml"
check "a page number carried as text over a scan comes out once, as the page's number" \
  grep -q '<pb n="9" facs="#page17"/>' "$work/rec3.xml"
tap_end
