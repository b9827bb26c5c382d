#!/usr/bin/env bash
# test-short-boxes.sh: a font whose descriptor declares an ascent and descent far short of its
# glyphs (Ascent 200, Descent -50: a quarter of an em, as every font of a real district's
# accounts declares them). Poppler boxes its glyphs a quarter of an em tall about the baseline,
# cutting through the ink. pdf-source must give them the em above their foot; then a page whose
# body font has lost its /ToUnicode as well is read by recover-text as the clean page reads
# (before: OCR read slices of ideographs, a third of the page right), and the same page with
# its map keeps the clean page's text. Page 3 of the Chinese sample, damaged here with qpdf and
# samples/variants.py. Skipped where recto was built without Tesseract.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdffonts "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

font=NotoSerifCJKsc-Regular
make_pages() {
  qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" short-metrics "$font" "$work/short.pdf" &&
    damage "$work/short.pdf" drop-tounicode "$font" "$work/short-nomap.pdf" &&
    pdffonts "$work/short-nomap.pdf" | grep -q "$font .* no "
}
check "the pages are made (short metrics; short metrics and no ToUnicode)" make_pages

for page in clean short short-nomap; do
  "$recto" convert "$work/$page.pdf" -o "$work/$page.xml" -q --dump-after pdf-source \
    --dump-dir "$work/$page-dump" 2>"$work/$page.log"
done

"$python" - "$work" "$font" >"$work/facts" <<'PY'
import difflib, glob, json, sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
work, font = sys.argv[1:]
def box_heights(page):
    """The median height of @font's glyph boxes, in ems of their span's size."""
    dump = json.load(open(glob.glob(f"{work}/{page}-dump/*.json")[0]))["pages"][0]
    ratios = sorted((dump["boxes"][i][3] - dump["boxes"][i][1]) / span["size"]
                    for span in dump["spans"] if span["font"].startswith(font)
                    for i in range(span["first"], span["first"] + span["length"]))
    return ratios[len(ratios) // 2]
def text(page):
    return "".join(written_text(ET.parse(f"{work}/{page}.xml").getroot().find(f"{T}text")).split())
print("clean-box", round(box_heights("clean"), 2))
print("short-box", round(box_heights("short"), 2))
print("same-text", int(text("short") == text("clean")))
print("similarity", round(difflib.SequenceMatcher(None, text("clean"), text("short-nomap"),
                                                  autojunk=False).ratio(), 4))
PY
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
check "the short font's boxes are an em tall ($(fact short-box) em; the clean page's $(fact clean-box))" \
  awk -v s="$(fact short-box)" 'BEGIN { exit !(s >= 0.9) }'
check "with its map, the page keeps the clean page's text" test "$(fact same-text)" = 1
check "without its map, recover-text reads it as the clean page (similarity $(fact similarity))" \
  awk -v s="$(fact similarity)" 'BEGIN { exit !(s >= 0.97) }'
tap_end
