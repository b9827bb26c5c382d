#!/usr/bin/env bash
# test-close-lines.sh: rows read without the lines set close above, below and beside them
# (close-lines.h), on pages 3 and 17 of an English volume of ../shared/volumes whose body font
# lost its /ToUnicode (vol511-lost-body-text) and gives "a", "r", "l", "i", "p" codes that read
# as white space, which Poppler drops.
# - p. 3: the lines stand closer than their glyphs' boxes are tall; read with the descenders of
#   the line above, "a year earlier." came out "eariie" and a gap (the "l" written as "i");
#   read alone, "earlie" and the gap (the last "r", which OCR reads nowhere surely, stays one).
# - p. 17: "that all 6", beside the end of a line of the other column half a line lower, came
#   out "thlt 6" (OCR read the other line's ink with "that" and boxed its letters at one
#   point); in "The pilot scheme", OCR boxed the "p" 0.7 point wide beside its ink, and
#   "ilot" came out (a letter's box narrower than any letter's says nothing of where it was
#   read).
# Every whole word of the pages is one of the truth's.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol511-lost-body-text.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

volume_pages vol511-lost-body-text 3,17
"$python" - "$work/pages.xml" "$RECTO_SHARED_DIR/volumes/vol511.gt.json" >"$work/facts" <<'PY'
import sys, tap_checks
import xml.etree.ElementTree as ET
body = ET.parse(sys.argv[1]).getroot().find(f"{tap_checks.TEI}text/{tap_checks.TEI}body")
text = " ".join(tap_checks.written_text(body).split())
print("earlier", int("with 812 a year earlie" in text))
print("that", int("the regulator confirmed that all 6 recommendations" in text))
print("pilot", int("The pilot scheme" in text))
print("untrue", " ".join(tap_checks.untrue_words(sys.argv[1], sys.argv[2])) or "-")
PY
fact() { awk -v k="$1" '$1 == k { $1 = ""; print substr($0, 2) }' "$work/facts"; }
check "p. 3: \"with 812 a year earlie\" (not \"eariie\")" test "$(fact earlier)" = 1
check "p. 17: \"confirmed that all 6 recommendations\" (not \"thlt 6\")" test "$(fact that)" = 1
check "p. 17: \"The pilot scheme\" (not \"ilot\")" test "$(fact pilot)" = 1
check "every whole word is the truth's (not: $(fact untrue))" test "$(fact untrue)" = -
tap_end
