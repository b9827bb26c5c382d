#!/usr/bin/env bash
# test-doubtful-readings.sh: a body font of a volume of ../shared/volumes that lost its Unicode
# map (vol212-lost-body-text, six of its pages), whose rare characters the rows' readings left
# doubtful: 粤 of "粤省事" read "粤" twice at 0.4 and "“" once, so never written. A code read
# less surely than min-certainty is read again, its glyph alone and its row at 48 pixels an em,
# and takes the character both agree on (confirm-readings.c), unless another code of the font
# is that character: 愁 of "急难愁盼" was read "秘" both ways, and the font's own 秘 ("秘书长")
# keeps it, 愁 a gap.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol212-lost-body-text.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol212-lost-body-text.pdf" 1,6,7,22,38,48 \
  -- "$work/lost.pdf" 2>/dev/null
"$recto" convert -q "$work/lost.pdf" -o "$work/lost.xml"
"$python" -c 'import sys, tap_checks; print(tap_checks.body_text(sys.argv[1]))' \
  "$work/lost.xml" >"$work/lost.txt"
check "the rare character the rows read unsurely is written, confirmed" \
  grep -q "依托“粤省事" "$work/lost.txt"
check "a look-alike another code of the font is stays a gap" grep -q "急难…盼" "$work/lost.txt"
check "and that code keeps its character" grep -q "秘书长" "$work/lost.txt"
check "the font's description counts the codes so asserted" \
  grep -q "codes the rows read unsurely asserted where their glyph read alone" \
  "$work/lost.xml"
tap_end
