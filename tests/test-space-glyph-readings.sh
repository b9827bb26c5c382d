#!/usr/bin/env bash
# test-space-glyph-readings.sh: letters whose codes read as white space, on five pages of a volume
# of ../shared/volumes whose body font lost its Unicode map (vol511-lost-body-text, pp. 10, 21,
# 22, 30, 36: its "a", "i", "l", "p", "r" all read as spaces). Each is read where it stands, and
# OCR misreads some as a letter another code of the font draws ("Teceived" beside the font's
# own "T", "Prevention" beside its "P"): a font draws a character with one glyph, so such a
# reading is a gap, never that letter (font-learning-latin.c). So is one of the glyphs Poppler
# leaves out at a line's start, read where they stand ("school Places", font-learning-dropped.c).
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

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol511-lost-body-text.pdf" 10,21,22,30,36 \
  -- "$work/pages.pdf" 2>/dev/null
"$recto" convert -q "$work/pages.pdf" -o "$work/pages.xml"
"$python" -c 'import sys, tap_checks; print(tap_checks.body_text(sys.argv[1]))' \
  "$work/pages.xml" >"$work/pages.txt"
# The truth says "places", "received", "response", "prevention": the letter or a gap.
for word in "school[p…]laces" "Committee[r…]eceived284" "Average[r…]esponsetimes" \
  "homelessness[p…]revention"; do
  check "the letter or a gap in \"$word\"" grep -Eq "$word" "$work/pages.txt"
done
check "no letter another code draws" sh -c \
  '! grep -Eq "schoolPlaces|Teceived|Tesponse|basedPrevention|homelessnessPrevention" "$1"' \
  - "$work/pages.txt"
tap_end
