#!/usr/bin/env bash
# test-recover-text.sh: recover-text end to end, as an archivist meets it. A page of the Chinese
# sample whose body font has lost its /ToUnicode (made here with qpdf and samples/variants.py,
# as samples/variants.sh makes the whole damaged volume) is converted with recover-text; the
# text must come back close to the clean page's, marked, valid, with every source code kept and
# the same bytes on a second run. Skipped, with the reason, where recto was built without
# Tesseract. Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftotext xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

pipeline='pdf-source ! recover-text ! reading-order ! furniture ! footnotes ! paragraphs ! headings ! chapters ! tei-sink'

# Page 3 of the sample: body text in the damaged font, digits and Latin words in Liberation.
make_damaged_page() {
  qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" drop-tounicode NotoSerifCJKsc-Regular "$work/damaged.pdf" &&
    pdffonts "$work/damaged.pdf" | grep -q 'NotoSerifCJKsc-Regular .* no '
}
check "the damaged page is made (body font without ToUnicode)" make_damaged_page

convert() {
  "$recto" convert "$1" -o "$2" --pipeline "${3:-$pipeline}" 2>"$2.log" && cat "$2.log"
}
check "converts with recover-text, exit 0" convert "$work/damaged.pdf" "$work/a.xml"
check "warns about the font with no usable map" \
  grep -q "font NotoSerifCJKsc-Regular has no usable Unicode map" "$work/a.xml.log"
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/a.xml"
check "converts the clean page" convert "$work/clean.pdf" "$work/clean.xml"

# The OCR engine (and libtesseract with it) is loaded only when something has to be read: the
# dynamic loader names each library it opens (LD_DEBUG=files).
loads_tesseract() {
  LD_DEBUG=files "$recto" convert "$1" -o "$work/loads.xml" --pipeline "$pipeline" 2>&1 |
    grep -q 'file=libtesseract'
}
never_loads_tesseract() { ! loads_tesseract "$1"; }
check "the damaged page loads Tesseract" loads_tesseract "$work/damaged.pdf"
check "the clean page does not load Tesseract" never_loads_tesseract "$work/clean.pdf"

"$python" - "$work/damaged.pdf" "$work/a.xml" "$work/clean.xml" >"$work/facts" <<'PY'
import collections, difflib, subprocess, sys
import xml.etree.ElementTree as ET
from tap_checks import written_text
T = "{http://www.tei-c.org/ns/1.0}"
damaged, recovered, clean = sys.argv[1:]
def squeeze(s): return "".join(s.split())
rec, cln = ET.parse(recovered).getroot(), ET.parse(clean).getroot()
a = squeeze(written_text(rec.find(f"{T}text")))
b = squeeze(written_text(cln.find(f"{T}text")))
print("similarity", round(difflib.SequenceMatcher(None, b, a, autojunk=False).ratio(), 4))
glyphs = {g.get("{http://www.w3.org/XML/1998/namespace}id"): g for g in rec.iter(T + "glyph")}
refs = [g.get("ref") for g in rec.iter(T + "g") if g.get("ref")]
print("refs", len(refs))
print("dangling", sum(1 for r in refs if r[1:] not in glyphs))
print("learned", sum(1 for g in glyphs.values() if g.find(T + "mapping") is not None))
# Every character of the source's text layer is in the TEI: as text, as the code of a glyph
# that a g points at, or as the code of a kept character or an unmapped glyph.
source = collections.Counter(c for c in subprocess.run(["pdftotext", "-enc", "UTF-8", damaged, "-"],
    capture_output=True, text=True).stdout if not c.isspace())
found = collections.Counter(c for c in "".join(rec.find(f"{T}text").itertext()) if not c.isspace())
for r in refs:
    found[chr(int(glyphs[r[1:]].get("n")[2:], 16))] += 1
for g in rec.iter(T + "g"):
    if g.get("type") == "char-not-allowed-in-xml":
        found[chr(int(g.get("n")[2:], 16))] += 1
for gap in rec.iter(T + "gap"):
    if gap.get("reason") == "unmapped-glyphs":
        for code in gap.find(T + "desc").text.split():
            if code.startswith("U+"):
                found[chr(int(code[2:], 16))] += 1
missing = {c: n - found[c] for c, n in source.items() if n > found[c]}
print("missing", sum(missing.values()))
print("missing-codes", ",".join(f"U+{ord(c):04X}x{n}" for c, n in sorted(missing.items())) or "-")
PY
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
check "the recovered text is within 10 % of the clean page's (similarity $(fact similarity))" \
  awk -v s="$(fact similarity)" 'BEGIN { exit !(s >= 0.90) }'
check "recovered characters point at declared glyphs ($(fact refs) refs)" \
  sh -c '[ "$1" -gt 100 ] && [ "$2" -eq 0 ]' - "$(fact refs)" "$(fact dangling)"
check "the header declares the learned map ($(fact learned) glyphs)" \
  sh -c '[ "$1" -gt 50 ]' - "$(fact learned)"
check "every character of the source's text layer is kept ($(fact missing) missing: $(fact missing-codes))" \
  test "$(fact missing)" = 0
check "recovered text is marked with resp and cert" \
  grep -q '<seg type="recovered" resp="#stage.recover-text" cert="' "$work/a.xml"
check "a second run gives the same bytes" sh -c \
  '"$1" convert "$2" -o "$3" --pipeline "$4" -q && cmp "$3" "$5"' - \
  "$recto" "$work/damaged.pdf" "$work/b.xml" "$pipeline" "$work/a.xml"
check "a clean page is left alone (no recovered text, no map)" \
  sh -c '! grep -q "<charDecl\|type=\"recovered\"" "$1"' - "$work/clean.xml"
check "the header gives the font's verdict and the counts" sh -c \
  'grep -A1 "<label>NotoSerifCJKsc-Regular</label>" "$1" | grep -q "<item>missing-map: .*recovered [1-9]"' \
  - "$work/a.xml"
check "and warns that its text layer disagrees with its glyphs" \
  grep -q "font NotoSerifCJKsc-Regular: text layer disagrees with its glyphs" "$work/a.xml.log"
check "--report counts the recovered glyphs as recover-text's repairs" sh -c \
  '"$1" convert "$2" -o "$3" --pipeline "$4" -q --report "$3.json" &&
   grep -q "\"recover-text\":[1-9][0-9][0-9]" "$3.json"' - \
  "$recto" "$work/damaged.pdf" "$work/r.xml" "$pipeline"

# The same page made uncertain: with a threshold above most of OCR's readings, nothing read
# less surely may be written as text. Each such code is declared "not asserted", none of its
# glyphs is a <g> in the text, and they stand as gaps instead.
uncertain_pipeline=${pipeline/recover-text/recover-text min-certainty=0.97}
check "converts the page with min-certainty=0.97" \
  convert "$work/damaged.pdf" "$work/u.xml" "$uncertain_pipeline"
"$python" - "$work/u.xml" >"$work/ufacts" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
X = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(sys.argv[1]).getroot()
unasserted = {g.get(X + "id") for g in root.iter(T + "glyph")
              if g.find(T + "note") is not None and g.find(T + "note").text.startswith("not asserted")}
learned = [float(m.get("cert")) for m in root.iter(T + "mapping")]
text = root.find(f"{T}text")
refs = [g.get("ref")[1:] for g in text.iter(T + "g") if g.get("ref")]
segs = [float(s.get("cert")) for s in text.iter(T + "seg") if s.get("type") == "recovered"]
gaps = sum(int(g.get("quantity")) for g in text.iter(T + "gap") if g.get("reason") == "unmapped-glyphs")
notes = [g.find(T + "note").text for g in root.iter(T + "glyph")
         if g.get(X + "id") in unasserted]
descs = [d.text for d in root.iter(T + "desc") if "less surely than 0.97" in (d.text or "")]
# An archivist reads why: how certain the reading was, and where the glyph went.
explained = [n for n in notes if re.search(r"only \d+ % certain", n) and "min-certainty" in n
             and "stays in the text as a gap" in n]
print("unasserted", len(unasserted))
print("explained", len(explained), "threshold-stated", len(descs))
print("written", sum(1 for r in refs if r in unasserted))
print("below", sum(1 for c in learned + segs if c < 0.97))
print("gaps", gaps)
PY
ufact() { awk -v k="$1" '$1 == k { print $2 }' "$work/ufacts"; }
check "some codes were read less surely than 0.97 ($(ufact unasserted) declared not asserted)" \
  sh -c '[ "$1" -gt 10 ]' - "$(ufact unasserted)"
check "each such code's note says how certain its reading was, the threshold it missed and where its glyphs went ($(ufact explained) of $(ufact unasserted); the font's description gives the threshold)" \
  sh -c '[ "$1" = "$2" ] && [ "$(awk '"'"'$1 == "explained" { print $4 }'"'"' "$3")" -ge 1 ]' - \
  "$(ufact explained)" "$(ufact unasserted)" "$work/ufacts"
check "none of their glyphs is written as text ($(ufact written))" test "$(ufact written)" = 0
check "no mapping or recovered text below the threshold ($(ufact below))" test "$(ufact below)" = 0
check "they stand as gaps ($(ufact gaps) glyphs)" sh -c '[ "$1" -gt 10 ]' - "$(ufact gaps)"
tap_end
