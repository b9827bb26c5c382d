#!/usr/bin/env bash
# test-recover-codes.sh: issue 13's table of codes and Han names (as GB/T 3620.1 sets its
# grades: `TA7  钛铝锡  4.0～6.0`) in fonts without a Unicode map. samples/codes-table.pdf loses
# the /ToUnicode of its Han font (a CID subset of AR PL UMing; cairo sets the caption's "B.1" in
# a second, WinAnsi subset of the same name, which keeps its map) and of the one-glyph font of
# its tildes; recover-text must write no character the page does not show:
# - a Han name in a row that opens with a Latin code is not written as Latin letters (OCR
#   reading several languages reads such a row with its Latin model: 钛钯 as "Hd");
# - the caption's "B.1", in the other subset of the Han font's name, keeps its characters (not
#   the codes of the damaged subset: "表 铝." or a gap);
# - a character drawn once, read once, is the page's or is not written (a lone reading "，"
#   for the "；" of the paragraph is no reading to trust);
# - the tildes of the ranges come back.
# Skipped where recto was built without Tesseract. Environment (from meson): RECTO_EXE,
# RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdffonts xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

make_damaged() {
  damage "$root/samples/codes-table.pdf" drop-tounicode UMingCN "$work/han.pdf" &&
    damage "$work/han.pdf" drop-tounicode UKaiCN "$work/damaged.pdf" &&
    test "$(pdffonts "$work/damaged.pdf" | grep -c ' no  *[0-9]')" = 2
}
check "the damaged page is made (the Han and tilde fonts without ToUnicode)" make_damaged
check "converts the damaged page, exit 0" \
  "$recto" convert -q "$work/damaged.pdf" -o "$work/damaged.xml"
check "converts the clean page" \
  "$recto" convert -q "$root/samples/codes-table.pdf" -o "$work/clean.xml"
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/damaged.xml"

"$python" - "$work/damaged.xml" "$work/clean.xml" "$root/samples/codes-table.truth.json" \
  >"$work/facts" <<'PY'
import collections, difflib, json, sys, unicodedata
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
def cells(path):
    root = ET.parse(path).getroot()
    return [[written_text(c).strip() for c in row.iter(f"{T}cell")]
            for row in root.iter(f"{T}row")]
def body(path):
    return written_text(ET.parse(path).getroot().find(f"{T}text"))
truth = json.load(open(sys.argv[3]))["rows"]
out = cells(sys.argv[1])
names = [row[1] for row in out[1:] if len(row) > 1]
latin = [n for n in names if any(c.isascii() and c.isalnum() for c in n)]
print("names", len(names), len(truth) - 1)
print("latin", len(latin), " ".join(latin) or "-")
ranges = [unicodedata.normalize("NFKC", row[2]) for row in out[1:] if len(row) > 2]
tildes = [r for r in ranges if "~" in r]
print("tildes", len(tildes), sum("～" in row[2] for row in truth))
text, clean = body(sys.argv[1]), body(sys.argv[2])
print("caption", int("B.1" in text))
# Characters drawn once on the page: where the output writes one, it is the clean page's.
# Asserted for the signs (punctuation, symbols, letters): OCR reads a lone one with high
# confidence as another ("，" for "；", "狼" for "%"). A Han character OCR misreads alike
# however it is read (a look-alike: 镍 as 钊, 钼 as 钥) is listed, not asserted: no second
# reading tells it (issue 13's note).
once = {c for c, n in collections.Counter(clean).items() if n == 1 and not c.isspace()}
wrong, alike = [], []
for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, clean, text, autojunk=False).get_opcodes():
    if op != "replace" or not text[b1:b2].strip("\u2026 "):
        continue
    signs = [c for c in clean[a1:a2] if c in once and not unicodedata.name(c, "").startswith("CJK UNIFIED")]
    (wrong if signs else alike).append(clean[a1:a2] + ">" + text[b1:b2])
print("once", len(wrong), " ".join(wrong) or "-")
print("alike", len(alike), " ".join(alike) or "-")
PY
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
fact2() { awk -v k="$1" '$1 == k { print $3 }' "$work/facts"; }
sed 's/^/# /' "$work/facts"
check "every row's name is read: $(fact names) of $(fact2 names)" \
  test "$(fact names)" = "$(fact2 names)"
check "no Han name is written as Latin letters ($(grep '^latin' "$work/facts" | cut -d' ' -f2-))" \
  test "$(fact latin)" = 0
check "the caption's B.1, in the other subset of the font's name, stays itself" \
  test "$(fact caption)" = 1
check "a sign drawn once is the page's or a gap ($(grep '^once' "$work/facts" | cut -d' ' -f2-))" \
  test "$(fact once)" = 0
check "the tildes of the one-glyph font come back: $(fact tildes) of $(fact2 tildes)" \
  test "$(fact tildes)" = "$(fact2 tildes)"
tap_end
