#!/usr/bin/env bash
# test-ocr-languages.sh: recover-text reads a document with the OCR model of its own script
# (languages=auto). A Japanese and a traditional Chinese page (tests/data/script-*.pdf: two
# heading lines whose font keeps its map, body lines whose font loses it here) are converted;
# chi_sim, the model for simplified Chinese, reads kana as ideographs (こ as 二) and traditional
# characters as simplified ones (經 as 经), so the body came back a third right (Japanese) and
# half right (traditional). Now the heading's text says the language, the model follows (said
# in a warning), and the body comes back close to its text (tests/data/script-pages.py), kana
# as kana, traditional characters as such, a digit set an em wide as its full-width form. A page
# in simplified Chinese keeps chi_sim+eng. Scans (tests/data/scan-*.pdf) have no text and no
# fonts to tell: Tesseract's script detection does, a Japanese and a Korean page come back close
# to their text (chi_sim+eng made a third of nonsense of them, all written as text), and the
# Korean one keeps its word spaces.
# Skipped where recto was built without Tesseract. Environment (from meson): RECTO_EXE,
# RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdffonts "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

make_pages() {
  damage "$root/tests/data/script-ja.pdf" drop-tounicode NotoSerifCJKjp "$work/ja.pdf" &&
    damage "$root/tests/data/script-zh-hant.pdf" drop-tounicode UMingTW "$work/zh-hant.pdf" &&
    qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" drop-tounicode NotoSerifCJKsc-Regular "$work/zh-hans.pdf" &&
    pdffonts "$work/ja.pdf" | grep -q "NotoSerifCJKjp-Regular .* no " &&
    pdffonts "$work/zh-hant.pdf" | grep -q "UMingTW .* no "
}
check "the pages are made (body fonts without ToUnicode)" make_pages

cp "$root/tests/data/scan-ja.pdf" "$root/tests/data/scan-ko.pdf" "$work/"
for page in ja zh-hant zh-hans scan-ja scan-ko; do
  "$recto" convert "$work/$page.pdf" -o "$work/$page.xml" 2>"$work/$page.log"
done

"$python" - "$root/tests/data/script-pages.py" "$work" >"$work/facts" <<'PY'
import difflib, subprocess, sys, unicodedata
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
pages, work = sys.argv[1:]
body = dict(line.split(" ", 1) for line in subprocess.run(
    ["/usr/bin/python3", pages], capture_output=True, text=True, check=True).stdout.splitlines())
def recovered(e):
    """The recovered text: the body font's glyphs."""
    return "".join("".join(s.itertext()) for s in e.iter(f"{T}seg") if s.get("type") == "recovered")
for page in ("ja", "zh-hant"):
    root = ET.parse(f"{work}/{page}.xml").getroot().find(f"{T}text")
    text = "".join(written_text(root).split())
    # The body's lines follow the two heading lines, which keep their map.
    start = max(0, len(text) - len(body[page]) - 5)
    print(page, "similarity", round(difflib.SequenceMatcher(None, body[page], text[start:],
                                                            autojunk=False).ratio(), 3))
    kana = [c for c in recovered(root) if unicodedata.name(c, "").startswith(("HIRAGANA", "KATAKANA"))]
    print(page, "kana", len(kana))
    # The body's "令和７" sets its digit an em wide, as the heading's "第１章" does.
    print(page, "full-width", int("令和７" in text or page != "ja"))
for page, language in (("scan-ja", "ja"), ("scan-ko", "ko")):
    root = ET.parse(f"{work}/{page}.xml").getroot().find(f"{T}text")
    spaced = " ".join(written_text(root).split())
    text = "".join(spaced.split())
    start = max(0, len(text) - len("".join(body[language].split())) - 5)
    print(page, "similarity", round(difflib.SequenceMatcher(
        None, "".join(body[language].split()), text[start:], autojunk=False).ratio(), 3))
    # The body's words as the page spaces them: Korean sets a space between words.
    words = [w for w in body[language].split() if len(w) > 1]
    print(page, "words", sum(f" {w} " in f" {spaced} " for w in words), len(words))
PY
fact() { awk -v p="$1" -v k="$2" '$1 == p && $2 == k { print $3 }' "$work/facts"; }
words() { awk -v p="$1" '$1 == p && $2 == "words" { print $3 " of " $4 }' "$work/facts"; }
check "the Japanese page is read with jpn+eng, said in a warning" \
  grep -q "the document is in ja (its fonts' text): read with jpn+eng" "$work/ja.log"
check "its body comes back close to its text (similarity $(fact ja similarity))" \
  awk -v s="$(fact ja similarity)" 'BEGIN { exit !(s >= 0.65) }'
check "its kana are read as kana ($(fact ja kana) recovered)" \
  sh -c '[ "$1" -ge 40 ]' - "$(fact ja kana)"
check "its full-width digit stays full-width (OCR reads ７ as 7)" test "$(fact ja full-width)" = 1
check "the traditional Chinese page is read with chi_tra+eng, said in a warning" \
  grep -q "the document is in zh-Hant (its fonts' text): read with chi_tra+eng" "$work/zh-hant.log"
check "its body comes back close to its text (similarity $(fact zh-hant similarity))" \
  awk -v s="$(fact zh-hant similarity)" 'BEGIN { exit !(s >= 0.85) }'
check "a simplified Chinese page keeps chi_sim+eng" sh -c \
  '! grep -q "the document is in" "$1" && grep -q "chi_sim+eng" "$2"' - "$work/zh-hans.log" \
  "$work/zh-hans.xml"
check "a Japanese scan is read with jpn+eng, as Tesseract's script detection says" grep -q \
  "the document is in ja (the script Tesseract sees on its scanned pages): read with jpn+eng" \
  "$work/scan-ja.log"
check "it comes back close to its text (similarity $(fact scan-ja similarity))" \
  awk -v s="$(fact scan-ja similarity)" 'BEGIN { exit !(s >= 0.85) }'
check "a Korean scan is read with kor+eng" grep -q \
  "the document is in ko (the script Tesseract sees on its scanned pages): read with kor+eng" \
  "$work/scan-ko.log"
check "it comes back close to its text (similarity $(fact scan-ko similarity))" \
  awk -v s="$(fact scan-ko similarity)" 'BEGIN { exit !(s >= 0.85) }'
check "its words keep their spaces ($(words scan-ko) words stand alone)" \
  awk -v w="$(words scan-ko)" 'BEGIN { split(w, n, " of "); exit !(n[1] >= 0.8 * n[2]) }'
tap_end
