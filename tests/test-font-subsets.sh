#!/usr/bin/env bash
# test-font-subsets.sh: two subsets of one font name are two fonts to recover-text. A PDF made of
# a page of the Chinese sample whose body font lost its /ToUnicode and a page of the clean
# sample (qpdf keeps each page's font object: two objects, one full name) must give each page's
# spans a subset of its own after recover-text (which has pdf-source tell the subsets apart when
# it finds a font to repair), the damaged subset alone learned (the clean page's text is the
# clean page's, unmarked), and the fonts' plain name for the stages that compare typefaces. The
# clean page alone has nothing to repair: no subset is looked for. Skipped where recto was built without Tesseract.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

font=NotoSerifCJKsc-Regular
make_joined() {
  qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/page3.pdf" &&
    damage "$work/page3.pdf" drop-tounicode $font "$work/damaged.pdf" &&
    qpdf --empty --pages "$root/samples/zh-volume.pdf" 5 -- "$work/clean.pdf" &&
    qpdf --empty --pages "$work/damaged.pdf" "$work/clean.pdf" -- "$work/joined.pdf" &&
    [ "$(pdffonts "$work/joined.pdf" | grep -c "+$font ")" = 2 ]
}
check "the joined PDF holds two subsets of $font (one without ToUnicode)" make_joined

pipeline='pdf-source ! recover-text ! reading-order ! paragraphs ! tei-sink'
check "converts the joined PDF" "$recto" convert -q "$work/joined.pdf" -o "$work/joined.xml" \
  --pipeline "$pipeline" --dump-after recover-text --dump-dir "$work"
check "converts the clean page" "$recto" convert -q "$work/clean.pdf" -o "$work/clean.xml" \
  --pipeline "$pipeline"

# Each page's spans of the font: the plain name, and a subset of the page's own.
subsets() {
  "$python" - "$work"/joined.*recover-text.json "$font" <<'PY'
import json, sys
dump, font = json.load(open(sys.argv[1])), sys.argv[2]
seen = [{s.get("subset") for s in p["spans"] if s["font"] == font} for p in dump["pages"]]
print(seen)
assert all(len(s) == 1 and None not in s for s in seen), "one subset per page"
assert seen[0] != seen[1], "the two pages' subsets are told apart"
PY
}
check "after recover-text each page's $font spans name a subset of their own" subsets

# The clean page's text comes out as alone (nothing recovered on it); the damaged page's is
# recovered, under the damaged subset's name only.
clean_page_kept() {
  "$python" - "$work/joined.xml" "$work/clean.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
def text(root):
    return "".join("".join(root.find(f"{T}text").itertext()).split())
joined, clean = ET.parse(sys.argv[1]).getroot(), text(ET.parse(sys.argv[2]).getroot())
whole = text(joined)
print(len(clean), clean[:60])
assert whole.endswith(clean) or clean in whole, "the clean page's text is in the output unchanged"
PY
}
check "the clean page's text comes out unchanged" clean_page_kept
check "the header names the damaged subset, with its page, as missing its map" \
  grep -q "<label>[A-Z]*+$font, page 1</label>" "$work/joined.xml"
check "and the clean page's subset as good" sh -c \
  'grep -A1 "<label>[A-Z]*+$1, page 2</label>" "$2" | grep -q "<item>good: "' - "$font" "$work/joined.xml"
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/joined.xml"
tap_end
