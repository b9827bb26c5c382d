#!/usr/bin/env bash
# test-good-text.sh: do no harm. Every real PDF of ../shared (real/ and corpus/) is converted
# with the default pipeline and its text compared with the source's text layer (pdftotext), as
# multisets of characters (NFKC, white space aside):
#  - nothing is lost: every character of the source is in the TEI, as text or as the code of a
#    glyph the TEI declares (<g>, <gap reason="unmapped-glyphs">, a <charDecl> glyph);
#  - where recover-text found every font good, the text is the source's: no character more
#    (hyphens aside: the paragraphs stage joins words broken at line ends).
# Skipped without ../shared. Environment (from meson): RECTO_EXE, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
recto=${RECTO_EXE:-$root/build/core/recto}
shared=${RECTO_SHARED_DIR:-}

if [ -z "$shared" ] || [ ! -d "$shared/real" ]; then
  echo "1..0 # SKIP needs ../shared (the real PDFs)"
  exit 0
fi
for tool in pdftotext python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP needs $tool"
    exit 0
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

compare() {
  python3 - "$1" "$2" <<'PY'
import collections, re, subprocess, sys, unicodedata
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
X = "{http://www.w3.org/XML/1998/namespace}"
pdf, tei = sys.argv[1:]
def chars(s):
    return collections.Counter(c for c in unicodedata.normalize("NFKC", s) if not c.isspace())
def code(n):
    # Filtered as the source's text is: Python counts U+001C–U+001F as white space (a symbol
    # font's codes, kept as <g n="U+001C">).
    return "".join(chars(chr(int(n[2:], 16))).elements())
source = chars(subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                              text=True).stdout)
root = ET.parse(tei).getroot()
glyphs = {g.get(X + "id"): g for g in root.iter(T + "glyph")}
text, codes = collections.Counter(), collections.Counter()
def walk(e):
    if e.tag == T + "gap":
        desc = e.find(T + "desc")
        for c in (desc.text or "").split() if desc is not None else []:
            if c.startswith("U+"):
                codes.update(code(c))
        return
    if e.tag == T + "g" and e.get("ref"):
        codes.update(code(glyphs[e.get("ref")[1:]].get("n")))
    elif e.tag == T + "g" and e.get("n", "").startswith("U+"):
        text.update(code(e.get("n")))
    elif e.text:
        text.update(chars(e.text))
    # A footnote's marker is kept as its @n (the footnotes stage); a note put where the text
    # calls it stands for the marker printed there too.
    if e.tag == T + "note" and e.get("n"):
        text.update(chars(e.get("n")))
        if "#repair.paragraphs.anchor-note" in (e.get("ana") or "").split():
            text.update(chars(e.get("n")))
    for child in e:
        walk(child)
        if child.tail:
            text.update(chars(child.tail))
walk(root.find(T + "text"))
# Blank glyphs (a font's space) are declared with how often they occur.
for g in glyphs.values():
    note = g.find(T + "note")
    m = re.match(r"blank: .*\((\d+) occurrences\)", note.text or "") if note is not None else None
    if m:
        codes.update({code(g.get("n")): int(m.group(1))})
# Hyphens aside (the paragraphs stage removes those that break words at line ends), also when
# the source gave a code the TEI declares as a hyphen.
hyphens = set("-\u00ad") | {code(g.get("n")) for g in glyphs.values()
                             if g.find(T + "mapping") is not None
                             and g.find(T + "mapping").text in ("-", "\u00ad")}
lost = collections.Counter({c: n for c, n in (source - (text + codes)).items() if c not in hyphens})
verdicts = {re.match(r"[a-z-]+", i.text).group(0)
            for i in root.iter(T + "item") if re.match(r"[a-z-]+: ", i.text or "")}
good = verdicts <= {"good", "unknown"}
added = collections.Counter({c: n for c, n in (text - source).items() if c not in "-\u00ad"})
print("lost", sum(lost.values()), ascii("".join(sorted(lost.elements()))[:60]) if lost else "-")
print("good", int(good), "added", sum(added.values()) if good else 0,
      ascii("".join(sorted(added.elements()))[:60]) if good and added else "-")
PY
}

for pdf in "$shared"/real/*.pdf "$shared"/corpus/*.pdf; do
  name=$(basename "$pdf" .pdf)
  if ! "$recto" convert -q "$pdf" -o "$work/$name.xml" 2>"$work/$name.log"; then
    check "$name converts" sh -c 'cat "$1"; false' - "$work/$name.log"
    continue
  fi
  compare "$pdf" "$work/$name.xml" >"$work/$name.cmp"
  read -r _ lost lost_chars <"$work/$name.cmp" || true
  read -r _ good _ added added_chars < <(sed -n 2p "$work/$name.cmp")
  # A "#" would end the description for a TAP reader (meson's): it is written U+0023.
  check "$name: every character of the source is kept ($lost lost: ${lost_chars//[#]/U+0023})" \
    test "$lost" = 0
  if [ "$good" = 1 ]; then
    check "$name: every font good, the text is the source's ($added added: $added_chars)" \
      test "$added" = 0
  fi
done
tap_end
