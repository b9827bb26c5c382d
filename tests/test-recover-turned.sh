#!/usr/bin/env bash
# test-recover-turned.sh: issue 13's rows of text set turned a quarter (a table turned to fit a
# page in portrait), in a font without a Unicode map. A page of the Chinese sample whose body
# font has lost its /ToUnicode is turned with qpdf (--rotate: Poppler then gives the glyphs'
# boxes on the turned page, so every line runs down it, or up it) and converted with
# recover-text: the turned rows must be read in their own upright frame and learn the map the
# upright page learns, and their glyphs be counted in --report. Skipped where recto was built
# without Tesseract. Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdffonts xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

font=NotoSerifCJKsc-Regular
make_pages() {
  qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" drop-tounicode $font "$work/upright.pdf" &&
    pdffonts "$work/upright.pdf" | grep -q "$font .* no " &&
    qpdf "$work/upright.pdf" --rotate=+90 "$work/down.pdf" &&
    qpdf "$work/upright.pdf" --rotate=+270 "$work/up.pdf"
}
check "the damaged page is made, and turned both ways" make_pages
for page in upright down up; do
  check "converts the $page page, exit 0" \
    "$recto" convert -q "$work/$page.pdf" -o "$work/$page.xml" --report "$work/$page.json"
done
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/down.xml" "$work/up.xml"

# For each turned page: how many codes of the font it learned, how many of those the upright
# page learned too and how many of them it learned as the upright page did, and its
# recover-text repairs against the upright page's.
"$python" - "$work" $font >"$work/facts" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
work, font = sys.argv[1], sys.argv[2]
def learned(page):
    codes = {}
    for decl in ET.parse(f"{work}/{page}.xml").getroot().iter(f"{T}charDecl"):
        if not decl.find(f"{T}desc").text.startswith(f"Font {font}:"):
            continue
        for glyph in decl.iter(f"{T}glyph"):
            mapping = glyph.find(f"{T}mapping")
            if mapping is not None and mapping.get("type") == "learned":
                codes[glyph.get("n")] = mapping.text
    return codes
def repairs(page):
    with open(f"{work}/{page}.json") as report:
        return json.loads(report.readline())["repairs"]["recover-text"]
upright = learned("upright")
print("upright", len(upright), repairs("upright"))
for page in ("down", "up"):
    codes = learned(page)
    both = [code for code in codes if code in upright]
    same = sum(codes[code] == upright[code] for code in both)
    print(page, len(codes), len(both), same, repairs(page))
PY
fact() { awk -v page="$1" -v field="$2" '$1 == page { print $field }' "$work/facts"; }
for page in down up; do
  check "the $page page learns most of the upright page's codes ($(fact $page 3) of $(fact upright 2))" \
    sh -c '[ "$(($1 * 10))" -ge "$(($2 * 9))" ]' - "$(fact $page 3)" "$(fact upright 2)"
  check "as the upright page reads them ($(fact $page 4) of $(fact $page 3) alike)" \
    sh -c '[ "$(($1 * 100))" -ge "$(($2 * 97))" ]' - "$(fact $page 4)" "$(fact $page 3)"
  check "--report counts its recovered glyphs ($(fact $page 5); upright $(fact upright 3))" \
    sh -c '[ "$(($1 * 10))" -ge "$(($2 * 9))" ]' - "$(fact $page 5)" "$(fact upright 3)"
done
tap_end
