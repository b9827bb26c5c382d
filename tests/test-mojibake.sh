#!/usr/bin/env bash
# test-mojibake.sh: GBK text shown through a single-byte font is decoded again, and genuine
# Latin-1 text is not. A page of the Chinese sample whose body font is turned into a
# non-embedded WinAnsi "SimSun" showing the GBK bytes of its text (made here with qpdf and
# samples/variants.py gbk-bytes, as samples/variants.sh makes the whole volume), whose text
# layer reads "Ä¿Â¼" for "目录", must come out as the clean page's text, with no Latin-1
# garbage, every decoded character marked and counted in --report, and every byte kept. A page
# of French and German set in a Latin font must keep its text as it is. Environment (from
# meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftotext xmllint "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

make_gbk_page() {
  qpdf --empty --pages "$root/samples/zh-volume.pdf" 3 -- "$work/clean.pdf" &&
    damage "$work/clean.pdf" gbk-bytes NotoSerifCJKsc-Regular "$work/gbk.pdf" &&
    pdftotext "$work/gbk.pdf" - | grep -q 'È«¹ý³Ì'
}
check "the mojibake page is made (its text layer reads Latin-1 letters)" make_gbk_page

convert() {
  "$recto" convert "$1" -o "$2" --report "$2.json" 2>"$2.log" && cat "$2.log"
}
check "converts, exit 0" convert "$work/gbk.pdf" "$work/a.xml"
check "warns that the font's text is GBK shown through a single-byte font" \
  grep -q "font SimSun: its text is GBK shown through a single-byte font" "$work/a.xml.log"
check "the output is valid against recto's TEI profile" \
  xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/a.xml"
check "converts the clean page" convert "$work/clean.pdf" "$work/clean.xml"

"$python" - "$work/gbk.pdf" "$work/a.xml" "$work/clean.xml" "$work/a.xml.json" \
  >"$work/facts" <<'PY'
import collections, json, subprocess, sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
X = "{http://www.w3.org/XML/1998/namespace}"
damaged, decoded, clean, report = sys.argv[1:]
def squeeze(s): return "".join(s.split())
dec, cln = ET.parse(decoded).getroot(), ET.parse(clean).getroot()
a = squeeze("".join(dec.find(f"{T}text").itertext()))
b = squeeze("".join(cln.find(f"{T}text").itertext()))
print("same", int(a == b))
print("latin1", sum(1 for c in a if 0xA0 <= ord(c) <= 0xFF))
glyphs = {g.get(X + "id"): g for g in dec.iter(T + "glyph")}
refs = [g.get("ref")[1:] for g in dec.find(f"{T}text").iter(T + "g") if g.get("ref")]
print("refs", len(refs))
print("decoded", sum(1 for r in refs if glyphs[r].get("n").startswith("GBK ")
                     and glyphs[r].find(T + "mapping").get("type") == "decoded"))
print("repairs", json.load(open(report))["repairs"]["recover-text"])
checks = dec.find(f".//{T}p[@{X}id='font-checks']")
print("verdict", int(any("mojibake" in "".join(i.itertext())
                         for i in checks.iter(T + "item"))) if checks is not None else 0)
# Every character of the source's text layer is in the TEI: as text, or as the bytes of a
# decoded glyph (each byte the character the single-byte font gives for it).
source = collections.Counter(c for c in subprocess.run(["pdftotext", "-enc", "UTF-8", damaged, "-"],
    capture_output=True, text=True).stdout if not c.isspace())
found = collections.Counter(c for c in "".join(dec.find(f"{T}text").itertext()) if not c.isspace())
for r in refs:
    for byte in glyphs[r].get("n").split()[1:]:
        found[bytes([int(byte, 16)]).decode("cp1252")] += 1
missing = {c: n - found[c] for c, n in source.items() if n > found[c]}
print("missing", sum(missing.values()))
PY
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }
check "the text is the clean page's text" test "$(fact same)" = 1
check "no Latin-1 garbage is left ($(fact latin1) letters)" test "$(fact latin1)" = 0
check "every decoded character points at its bytes, declared as decoded ($(fact refs) refs)" \
  sh -c '[ "$1" -gt 500 ] && [ "$1" -eq "$2" ]' - "$(fact refs)" "$(fact decoded)"
check "--report counts every decoded character ($(fact repairs) repairs)" \
  test "$(fact repairs)" = "$(fact refs)"
check "the header gives the font's verdict: mojibake" test "$(fact verdict)" = 1
check "every byte of the source's text layer is kept ($(fact missing) missing)" \
  test "$(fact missing)" = 0
check "a second run gives the same bytes" sh -c \
  '"$1" convert "$2" -o "$3" -q && cmp "$3" "$4"' - "$recto" "$work/gbk.pdf" "$work/b.xml" \
  "$work/a.xml"

# Genuine Latin-1: French and German with their accented letters, dense as they come, in a
# Latin TrueType font with WinAnsi encoding. Its text must pass through untouched.
latin() {
  "$python" - "$work/latin.pdf" <<'PY'
import sys, cairo
lines = ["Été à Noël, où ça ? Déjà élu, ému, âgé : ôté, çà et là.",
         "Größe, Äußerung, Übel, Öl, süß, Fähre, Bär, Mädchen, Brötchen, Straße.",
         "Pâté, crème brûlée, garçon, œuvre, naïve, Noël, août, maïs, forêt, île.",
         "Häßlich, Gemüse, Käse, Frühstück, Müll, Löwe, Tür, Schloß, Füße, Grüße."]
s = cairo.PDFSurface(sys.argv[1], 595, 842)
cr = cairo.Context(s)
cr.select_font_face("Liberation Serif")
cr.set_font_size(12)
for k in range(30):
    cr.move_to(60, 60 + 24 * k)
    cr.show_text(lines[k % len(lines)])
s.finish()
PY
}
check "the Latin-1 page is made" latin
check "converts the Latin-1 page" convert "$work/latin.pdf" "$work/latin.xml"
check "its text is the text layer's, unchanged" "$python" - "$work/latin.pdf" "$work/latin.xml" <<'PY'
import subprocess, sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
def squeeze(s): return "".join(s.split())
src = squeeze(subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[1], "-"],
                             capture_output=True, text=True).stdout)
out = squeeze("".join(ET.parse(sys.argv[2]).getroot().find(f"{T}text").itertext()))
assert "Äußerung" in out and "brûlée" in out, out[:200]
assert sorted(src) == sorted(out), (len(src), len(out))
PY
check "and nothing is decoded or declared" \
  sh -c '! grep -q "its text is\|<charDecl\|mojibake" "$1" "$1.log"' - "$work/latin.xml"

tap_end
