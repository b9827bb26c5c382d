#!/usr/bin/env bash
# test-dropped-marks.sh: punctuation of CJK type that Poppler dropped (its code reads as white
# space or a control character, so the text layer lacks it), on two pages of a volume of
# ../shared/volumes whose body font lost its Unicode map (vol313-lost-body-text, pp. 19-20):
# - on a line spaced out, the holes the two "、" of "小切口、大民生、见实效" leave are an em and a
#   half wide, and their ink, 1 % of an em, is measured in the em it would fill
#   (font-learning-dropped.c);
# - OCR reads "。", "．", "、" and "，" alike as "." or ","; such a reading is the mark its shape
#   says ("代表提、政府办": "、" read "."), or a gap, never lost unmarked.
# And what is no dropped glyph: in vol511-lost-body-text (pp. 6 and 8), whose lines are set so
# close that the descenders of a line reach into the box of the line under it, OCR read the "g"
# of "government" over a paragraph's indent as "~", another descender as "\""; ink that other
# glyphs' boxes cover is theirs, and no character stands before the paragraph's "The".
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol313-lost-body-text.pdf
needs_shared volumes vol511-lost-body-text.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

for page in 19 20; do
  qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol313-lost-body-text.pdf" $page \
    -- "$work/p$page.pdf" 2>/dev/null
  "$recto" convert -q "$work/p$page.pdf" -o "$work/p$page.xml"
  "$python" -c 'import sys, tap_checks; print(tap_checks.body_text(sys.argv[1]))' \
    "$work/p$page.xml" >"$work/p$page.txt"
done
check "the marks dropped from a line spaced out are read" \
  grep -q "小切口、大民生、见实效" "$work/p19.txt"
check "a dropped mark OCR read as \".\" is the mark its shape says" \
  grep -q "代表提、政府办" "$work/p20.txt"

volume_pages vol511-lost-body-text 6,8
check "nothing is read in a paragraph's indent from the descenders above it" \
  grep -q "6.5%.Theindependentauditor.*FloodResilienceFund.Thenumberofhouseholds" \
  "$work/pages.txt"
tap_end
