#!/usr/bin/env bash
# test-lost-cjk-glyphs.sh: glyphs of CJK type Poppler gives no text for, on four pages of a
# Chinese volume of ../shared/volumes whose body font lost its /ToUnicode
# (vol313-lost-body-text, pp. 20, 31, 26, 34), each lost without a mark before:
# - p. 20: two "、" of "代表提、政府办、人大督" the row's reading gave as "B" and "D", refused
#   as too narrow for CJK type; read again with two ems of the row about them (wide_reading());
# - p. 26: the "在" of "发言。在CGTN", code 0x20, in a row nothing else sent to OCR once pp. 20
#   and 31 had read its codes (votes=1 here, as the volume's 25 pages before it do at the
#   default); a space glyph an em wide now sends its row (has_wide_space_glyph());
# - p. 34: the "在" opening "在全市推广。", a paragraph's short last line, whose column edge was
#   taken for its own first glyph's (text_rows_column_edges()).
# Every ideograph-stop-ideograph run of the pages is the truth's.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol313-lost-body-text.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol313-lost-body-text.pdf" 20,31,26,34 -- \
  "$work/pages.pdf" 2>/dev/null
"$recto" convert -q "$work/pages.pdf" -o "$work/pages.xml" --pipeline 'pdf-source !
  recover-text votes=1 ! reading-order ! furniture ! footnotes ! paragraphs ! headings !
  chapters ! tei-sink'
"$python" - "$work/pages.xml" "$RECTO_SHARED_DIR/volumes/vol313.gt.json" >"$work/facts" <<'PY'
import re, sys, tap_checks
import xml.etree.ElementTree as ET
truth = open(sys.argv[2], encoding="utf-8").read()
text, untrue = "", []
for element in ET.parse(sys.argv[1]).getroot().iter():
    if element.tag in (tap_checks.TEI + "p", tap_checks.TEI + "head"):
        written = "".join(tap_checks.text_without_furniture(element).split())
        text += written + "\n"
        untrue += [r for r in re.findall("[\u4e00-\u9fff][、，。][\u4e00-\u9fff]", written)
                   if r not in truth]
print("cgtn", text.count("发言。在CGTN"))
print("means", text.count("“代表提、政府办、人大督”的方式"))
print("asks", text.count("“代表提、政府办、人大督”的要求"))
print("city", text.count("做法在全市推广。"))
print("untrue", " ".join(untrue) or "-")
PY
fact() { awk -v k="$1" '$1 == k { $1 = ""; print substr($0, 2) }' "$work/facts"; }
check "p. 26: \"发言。在CGTN\"" test "$(fact cgtn)" = 1
check "pp. 20, 26: \"“代表提、政府办、人大督”的方式\" twice" test "$(fact means)" = 2
check "p. 20: \"“代表提、政府办、人大督”的要求\"" test "$(fact asks)" = 1
check "p. 34: \"做法在全市推广。\"" test "$(fact city)" = 1
check "each stop between two ideographs is the truth's (not: $(fact untrue))" \
  test "$(fact untrue)" = -
tap_end
