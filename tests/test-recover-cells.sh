#!/usr/bin/env bash
# test-recover-cells.sh: recover-text on CJK type set in cells (issue 13): ASCII in half-width
# cells, every other sign in full ones (MS-Mincho, SimHei, 宋体). OCR reads "７" and "：" as "7"
# and ":", a form's □ and √ (an annual report's "□适用 √不适用") as 口 and "v", and a hyphen
# that fills its half cell looks as long against the em as an en dash of Latin type: a Japanese
# report's full-width digits came back ASCII (73 wrong characters on two pages of it), a Chinese
# research report's hyphens en dashes. Pages of ../shared/real whose body font lost its
# /ToUnicode (not the pages of bench/lost-maps.py the rules were made from) are converted; no
# character may be written in the other width than the clean page's, nor a hyphen as an en
# dash, nor □ or √ as another character (a gap may stand for one). Skipped without ../shared or
# without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared real fujiyosansho__R7_00_gaiyou.pdf
real=$RECTO_SHARED_DIR/real

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

# Page 10 of the Japanese report sets 126 full-width digits and 21 ASCII ones; page 1 of the
# research report 38 hyphens and 6 full-width colons; page 11 of the annual report 4 □ and 4 √;
# page 9 of the thesis two "）。", whose "）" the word processor squeezed into half its cell.
for case in fujiyosansho__R7_00_gaiyou:10:MS-Mincho rapiddoc__example7_research_report:1:SimHei \
  financialcode__Kweichow_Moutai_2020_annual_report:11:宋体 \
  mineru__2201210418_master_thesis:9:BCDGEE+SimSun; do
  IFS=: read -r name page font <<<"$case"
  qpdf --empty --pages "$real/$name.pdf" "$page" -- "$work/clean.pdf" 2>/dev/null
  damage "$work/clean.pdf" drop-tounicode "$font" "$work/lost.pdf"
  for variant in clean lost; do
    "$recto" convert "$work/$variant.pdf" -o "$work/$variant.xml" 2>/dev/null
  done
  "$python" - "$work/clean.xml" "$work/lost.xml" >"$work/facts" <<'PY'
import difflib, sys, unicodedata
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
def body(path):
    return "".join(written_text(ET.parse(path).getroot().find(f"{T}text"), per_glyph=True).split())
clean, lost = body(sys.argv[1]), body(sys.argv[2])
width, dash, signs = 0, 0, 0
matcher = difflib.SequenceMatcher(None, clean, lost, autojunk=False)
for op, i1, i2, j1, j2 in matcher.get_opcodes():
    if op == "replace" and i2 - i1 == j2 - j1:
        for a, b in zip(clean[i1:i2], lost[j1:j2]):
            width += a != b and unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)
            dash += a == "-" and b == "\u2013"
            signs += a in "\u25a1\u221a" and b not in (a, "\u2026")
print("similarity", round(matcher.ratio(), 4))
print("width", width)
print("dash", dash)
print("signs", signs)
PY
  fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
  check "$name p.$page: no character in the other width than the clean page's ($(fact width))" \
    test "$(fact width)" = 0
  check "$name p.$page: no hyphen written as an en dash ($(fact dash))" test "$(fact dash)" = 0
  check "$name p.$page: no □ or √ written as another character ($(fact signs))" \
    test "$(fact signs)" = 0
  check "$name p.$page: the recovered text is close to the clean page's ($(fact similarity))" \
    awk -v s="$(fact similarity)" 'BEGIN { exit !(s >= 0.9) }'
done
tap_end
