#!/usr/bin/env bash
# test-latin-nomap.sh: issue 13's Latin document whose body font has no Unicode map, in the
# repository (test-recover-latin.sh checks the same class on ../shared's volumes). Two body
# pages of samples/en-report-cjkfont.pdf (English set in the Latin glyphs of a CID-keyed CJK
# font, as in the lost-body volumes) lose the body font's /ToUnicode here; the conversion must
# invent no letter (every letter written as text is the clean page's letter in its place;
# glyphs recto is unsure of are <g> or <gap>, which hold no letter), keep the word spaces
# (from the glyphs' geometry, not from a learned glyph), keep the capitals, and count its
# repairs in --report. Skipped where recto was built without Tesseract.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdffonts xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

font=NotoSerifCJKsc-Regular
make_damaged() {
  qpdf --empty --pages "$root/samples/en-report-cjkfont.pdf" 2-3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" drop-tounicode $font "$work/damaged.pdf" &&
    pdffonts "$work/damaged.pdf" | grep -q "$font .* no "
}
check "the damaged pages are made (body font without ToUnicode)" make_damaged
convert_damaged() {
  "$recto" convert "$work/damaged.pdf" -o "$work/damaged.xml" --report "$work/report.json" \
    2>"$work/damaged.log"
}
check "converts the damaged pages, exit 0" convert_damaged
check "warns about the font with no usable map" \
  grep -q "font $font has no usable Unicode map" "$work/damaged.log"
check "converts the clean pages" "$recto" convert -q "$work/clean.pdf" -o "$work/clean.xml"
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/damaged.xml"

# Letters aligned with the clean pages' letters: a letter of the output that stands where the
# clean pages have none or another is invented. Words: the runs between white space.
"$python" - "$work/damaged.xml" "$work/clean.xml" "$work/report.json" >"$work/facts" <<'PY'
import difflib, json, sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
def text(path):
    return written_text(ET.parse(path).getroot().find(f"{T}text"))
out, clean = text(sys.argv[1]), text(sys.argv[2])
a, b = [c for c in clean if c.isalpha()], [c for c in out if c.isalpha()]
invented = []
for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
    if op in ("replace", "insert"):
        invented.append("".join(a[a1:a2]) + ">" + "".join(b[b1:b2]))
# A letter of the clean pages with neither a letter nor a gap where it stands is lost unmarked.
marked = [c for c in out if c.isalpha() or c == "\u2026"]
lost = [a1 for op, a1, a2, b1, b2 in
        difflib.SequenceMatcher(None, a, marked, autojunk=False).get_opcodes() if op == "delete"
        for a1 in range(a1, a2)]
print("lost", len(lost), " ".join("".join(a[max(0, i - 4):i]) + "[" + a[i] + "]" for i in lost[:8]) or "-")
print("letters", len(b), "of", len(a))
print("invented", sum(len(x.split(">")[1]) for x in invented), " ".join(invented[:12]) or "-")
print("words", len(out.split()), len(clean.split()))
print("stops", out.count("."), clean.count("."))
print("capitals", sum(c.isupper() for c in b), sum(c.isupper() for c in a))
print("repairs", json.load(open(sys.argv[3]))["repairs"]["recover-text"])
PY
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
fact2() { awk -v k="$1" '$1 == k { print $3 }' "$work/facts"; }
sed 's/^/# /' "$work/facts"
# The running head is the first row read, before any code has readings to prefer; OCR squeezes
# its boxes there, and "Water" gave the t's symbol to the a, the a's to the hole before it
# ("Waa er"): a reading in a hole that is the letter of the decoded glyph beside it is a gap.
check "no letter is invented ($(grep '^invented' "$work/facts" | cut -d' ' -f2-))" \
  test "$(fact invented)" = 0
# Where OCR's symbols slide against a row's glyphs, a hole may get none ("Water": the t's symbol
# went to the a): its ink is still a glyph drawn without text, marked as a gap, never lost.
check "no letter is lost unmarked ($(grep '^lost' "$work/facts" | cut -d' ' -f2-))" \
  test "$(fact lost)" = 0
# A word space within the ink of glyphs whose codes read as white space ("r t" of "fewer
# than") is a blank run as wide as the font's word gaps: it becomes a space as wide as that run
# (a sliver would be taken for none).
check "the word spaces are kept: $(fact words) words, the clean pages $(fact2 words) (within 1 %)" \
  awk -v a="$(fact words)" -v b="$(fact2 words)" 'BEGIN { exit !(a >= 0.99 * b && a <= 1.01 * b) }'
# A full stop whose code reads as white space: in a space Poppler stretched over it and the word
# space after it ("catchments. The"), apart from its neighbours' ink; at a paragraph's end, past
# a last line too short to have its column's edges ("period."), where Poppler ends the row.
check "the full stops are kept: $(fact stops) of $(fact2 stops)" \
  test "$(fact stops)" = "$(fact2 stops)"
check "the capitals are there: $(fact capitals) of $(fact2 capitals)" \
  awk -v a="$(fact capitals)" -v b="$(fact2 capitals)" 'BEGIN { exit !(b > 20 && a == b) }'
check "nine letters in ten come back ($(grep '^letters' "$work/facts" | cut -d' ' -f2-))" \
  awk -v a="$(fact letters)" -v b="$(awk '$1 == "letters" { print $4 }' "$work/facts")" \
  'BEGIN { exit !(b > 1000 && a >= 0.9 * b) }'
check "--report counts the recovered glyphs as recover-text's repairs ($(fact repairs))" \
  awk -v r="$(fact repairs)" -v b="$(awk '$1 == "letters" { print $4 }' "$work/facts")" \
  'BEGIN { exit !(r >= 0.9 * b) }'
tap_end
