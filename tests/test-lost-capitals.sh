#!/usr/bin/env bash
# test-lost-capitals.sh: glyphs drawn without text read as capitals, on two pages of an English
# volume of ../shared/volumes whose body font lost its /ToUnicode (vol511-lost-body-text, pp. 1
# and 7). The font gives a few letters codes that read as white space; its row's reading gave
# the "r" of "re-quests" as "T" and the "p" opening p. 7's "practice" as "P": capitals the
# font's map gives other codes, so the first became a gap and the second, on the page alone,
# the word "Practice". Read again with two ems of the row about it, the ink gives the lowercase
# letter (learning_read_capital_again()). Every whole word of the pages is one of the truth's.
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

volume_pages vol511-lost-body-text 1,7
"$python" - "$work/pages.xml" "$RECTO_SHARED_DIR/volumes/vol511.gt.json" >"$work/facts" <<'PY'
import sys, tap_checks
import xml.etree.ElementTree as ET
body = ET.parse(sys.argv[1]).getroot().find(f"{tap_checks.TEI}text/{tap_checks.TEI}body")
text = " ".join(tap_checks.written_text(body).split())
print("requests", int("freedom of information requests, 87.2%" in text))
print("practice", int("practice, all of which were accepted" in text))
print("untrue", " ".join(tap_checks.untrue_words(sys.argv[1], sys.argv[2])) or "-")
PY
fact() { awk -v k="$1" '$1 == k { $1 = ""; print substr($0, 2) }' "$work/facts"; }
check "p. 1: \"freedom of information requests, 87.2%\"" test "$(fact requests)" = 1
check "p. 7: \"practice, all of which were accepted\"" test "$(fact practice)" = 1
check "every whole word is the truth's (not: $(fact untrue))" test "$(fact untrue)" = -
tap_end
