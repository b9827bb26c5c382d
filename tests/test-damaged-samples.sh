#!/usr/bin/env bash
# test-damaged-samples.sh: the damaged variants of the Chinese sample (samples/variants.sh makes
# them, with the sample's truth) against that truth. Each is made here as variants.sh makes it:
#   gbk       the whole volume, its body font's text GBK bytes through a single-byte font:
#             scored with bench/score.py against the truth, it must score as the clean volume
#             does, every decoded character marked and counted in --report;
#   mixed     page 3 of it, its heading font's map dropped as well (a font decoded, a font
#             learned from OCR, Latin runs good): the clean page's text, no garbage, every
#             repair counted;
#   permuted  page 3 with a ToUnicode map that gives each code another code's character
#             (plausible, wrong CJK): the survey finds its Chinese implausible (han-words.h),
#             OCR finds the map wrong, and the clean page's text comes back, every repair
#             counted.
#   ocr layer page 3 as a scan (200 dpi, gray) under its own text made invisible and misread as
#             an OCR engine misreads ("2O16", an ideograph in eleven another): recover-text finds
#             the layer misread, and the clean page's text comes back, every replaced character
#             beside its correction (<choice><sic><corr>) and counted; the same scan under the
#             page's visible, good text changes nothing.
#   scan      that scan alone: drawn again at the size Tesseract reads best, and read.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftotext pdftoppm mutool "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

convert() {
  "$recto" convert "$1" -o "$2" --report "$2.json" 2>"$2.log"
}
score() {
  "$python" "$root/bench/score.py" --json "$root/samples/zh-volume.truth.json" "$1" |
    "$python" -c 'import json, sys; m = json.load(sys.stdin)["metrics"]
print(m["cer"]["edits"], m["heading_f1"]["value"], m["paragraph_f1"]["value"])'
}

# The whole GBK volume.
check "the GBK variant of the volume is made" \
  damage "$root/samples/zh-volume.pdf" gbk-bytes NotoSerifCJKsc-Regular "$work/gbk.pdf"
check "converts it" convert "$work/gbk.pdf" "$work/gbk.xml"
check "converts the clean volume" convert "$root/samples/zh-volume.pdf" "$work/clean.xml"
clean_score=$(score "$work/clean.xml")
gbk_score=$(score "$work/gbk.xml")
check "it scores as the clean volume (CER edits, heading F1, paragraph F1: $gbk_score; clean: $clean_score)" \
  test "$gbk_score" = "$clean_score"

# facts TEI: the counts a test needs of one conversion.
facts() {
  "$python" - "$1" "$1.json" "$2" <<'PY'
import difflib, json, sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
tei, report, clean = sys.argv[1:]
def reading(e):
    """The text of e, without the source's side of a correction (<sic>); a gap stands for the
    glyphs it leaves out as "…" (its description is no text of the page)."""
    if e.tag == T + "sic":
        return e.tail or ""
    if e.tag == T + "gap":
        return "\u2026" + (e.tail or "")
    return (e.text or "") + "".join(reading(c) for c in e) + (e.tail or "")
def text(f): return "".join(reading(ET.parse(f).getroot().find(T + "text")).split())
a, b = text(tei), text(clean)
body = ET.parse(tei).getroot().find(T + "text")
print("similarity", round(difflib.SequenceMatcher(None, b, a, autojunk=False).ratio(), 4))
print("latin1", sum(1 for c in a if 0xA0 <= ord(c) <= 0xFF))
# Every character inside a recovered segment: decoded, learned or read.
print("marked", sum(len("".join((reading(s) if s.tail is None else reading(s)[:-len(s.tail)]).split()))
                    for s in body.iter(T + "seg") if s.get("type") == "recovered"))
print("corrections", sum(1 for c in body.iter(T + "choice") if c.find(T + "sic") is not None))
print("repairs", json.load(open(report))["repairs"]["recover-text"])
PY
}
fact() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/page.pdf"
convert "$work/page.pdf" "$work/page.xml"

# Page 3, mixed: GBK body, heading font without a map.
make_mixed() {
  qpdf --empty --pages "$work/gbk.pdf" 3 -- "$work/gbk-page.pdf" &&
    damage "$work/gbk-page.pdf" drop-tounicode NotoSerifCJKsc-Bold "$work/mixed.pdf"
}
check "the mixed page is made" make_mixed
check "converts it" convert "$work/mixed.pdf" "$work/mixed.xml"
facts "$work/mixed.xml" "$work/page.xml" >"$work/mixed.facts"
check "the body font is decoded and the heading font learned" sh -c \
  'grep -q "font SimSun: its text is GBK" "$1" && grep -q "font NotoSerifCJKsc-Bold has no usable" "$1"' \
  - "$work/mixed.xml.log"
check "its text is within 2 % of the clean page's ($(fact "$work/mixed.facts" similarity))" \
  awk -v s="$(fact "$work/mixed.facts" similarity)" 'BEGIN { exit !(s >= 0.98) }'
check "no Latin-1 garbage is left ($(fact "$work/mixed.facts" latin1))" \
  test "$(fact "$work/mixed.facts" latin1)" = 0
check "every repair is marked and counted in --report ($(fact "$work/mixed.facts" repairs) repairs, $(fact "$work/mixed.facts" marked) marked)" \
  test "$(fact "$work/mixed.facts" repairs)" = "$(fact "$work/mixed.facts" marked)"

# Page 3, permuted map.
check "the permuted page is made" \
  damage "$work/page.pdf" permute-tounicode NotoSerifCJKsc-Regular "$work/permuted.pdf"
check "converts it" convert "$work/permuted.pdf" "$work/permuted.xml"
facts "$work/permuted.xml" "$work/page.xml" >"$work/permuted.facts"
check "the survey finds its Chinese implausible" \
  grep -q "font NotoSerifCJKsc-Regular: its map gives Chinese in which" "$work/permuted.xml.log"
check "its font is marked wrong-map" grep -q "<item>wrong-map" "$work/permuted.xml"
check "its text is within 2 % of the clean page's ($(fact "$work/permuted.facts" similarity))" \
  awk -v s="$(fact "$work/permuted.facts" similarity)" 'BEGIN { exit !(s >= 0.98) }'
check "every repair is marked and counted in --report ($(fact "$work/permuted.facts" repairs) repairs, $(fact "$work/permuted.facts" marked) marked)" \
  test "$(fact "$work/permuted.facts" repairs)" = "$(fact "$work/permuted.facts" marked)"
check "the clean page's fonts are not found implausible" \
  sh -c '! grep -q "pairs of ideographs are out of common words" "$1"' - "$work/page.xml.log"

# Page 3, a scan under a misread OCR layer; and under its good text.
make_layer() {
  pdftoppm -r 200 -gray -png "$work/page.pdf" "$work/scan" &&
    mutool convert -O compress -o "$work/scan.pdf" "$work"/scan-*.png &&
    damage "$work/page.pdf" ocr-layer NotoSerifCJKsc-Regular "$work/layer-text.pdf" &&
    qpdf "$work/layer-text.pdf" --underlay "$work/scan.pdf" -- "$work/layer.pdf" &&
    qpdf "$work/page.pdf" --underlay "$work/scan.pdf" -- "$work/background.pdf"
}
check "the page under a misread OCR layer is made" make_layer
check "converts it" convert "$work/layer.pdf" "$work/layer.xml"
convert "$work/layer-text.pdf" "$work/layer-text.xml"
facts "$work/layer.xml" "$work/page.xml" >"$work/layer.facts"
facts "$work/layer-text.xml" "$work/page.xml" >"$work/layer-text.facts"
check "the layer is found misread" grep -q "text laid over 1 scanned page disagrees" "$work/layer.xml.log"
check "its fonts are marked bad-ocr-layer" grep -q "<item>bad-ocr-layer" "$work/layer.xml"
check "its text is within 2 % of the clean page's ($(fact "$work/layer.facts" similarity); the layer alone: $(fact "$work/layer-text.facts" similarity))" \
  awk -v s="$(fact "$work/layer.facts" similarity)" -v l="$(fact "$work/layer-text.facts" similarity)" \
  'BEGIN { exit !(s >= 0.98 && l < 0.95) }'
check "every replaced character stands beside its correction and is counted ($(fact "$work/layer.facts" repairs) repairs, $(fact "$work/layer.facts" corrections) corrections, $(fact "$work/layer.facts" marked) marked)" \
  sh -c 'test "$1" -gt 0 && test "$1" = "$2" && test "$1" = "$3"' - \
  "$(fact "$work/layer.facts" repairs)" "$(fact "$work/layer.facts" corrections)" "$(fact "$work/layer.facts" marked)"
check "converts the page over the same scan, its text good" convert "$work/background.pdf" "$work/background.xml"
check "that text is found to agree with OCR" grep -q "agrees with OCR of a sample" "$work/background.xml.log"
# Whether two TEI files have the same <text> (their headers name different sources).
same_text() {
  sed -n '/<text/,$p' "$1" >"$1.body" && sed -n '/<text/,$p' "$2" >"$2.body" &&
    cmp -s "$1.body" "$2.body"
}
check "and comes out as the clean page's" same_text "$work/background.xml" "$work/page.xml"

# The scan alone: Tesseract reads best where capitals or ideographs stand about 32 pixels tall;
# the page's 12-point type drawn at scan-dpi (300) stands 45, and the page is drawn again at
# about 213 dpi (recover-text's scanned-pages.c).
check "converts the scan alone" convert "$work/scan.pdf" "$work/scan.xml"
facts "$work/scan.xml" "$work/page.xml" >"$work/scan.facts"
redrawn=$(grep -o "1 of them drawn again at [0-9]* dpi" "$work/scan.xml" | grep -o "[0-9]* dpi")
check "the scan is drawn again near 213 dpi (${redrawn:-not drawn again})" \
  awk -v d="${redrawn% dpi}" 'BEGIN { exit !(d >= 190 && d <= 235) }'
check "its text is within 2 % of the clean page's ($(fact "$work/scan.facts" similarity))" \
  awk -v s="$(fact "$work/scan.facts" similarity)" 'BEGIN { exit !(s >= 0.98) }'


tap_end
