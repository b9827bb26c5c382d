#!/usr/bin/env bash
# test-scanned-rings.sh: footnote rings (①…⑳) on scanned pages of Chinese (recover-text's
# scan-symbols.c). Pages 13 and 16 of samples/zh-volume.pdf, drawn as a scan (200 dpi, gray)
# as samples/variants.sh draws one (tests/scan_pdf.py: drawn otherwise, as RGB and not
# interpolated, OCR reads these lines otherwise and the damage is not there). OCR does not know
# the rings; the stage tells one by its shape and reads its number alone. It must not take for
# a ring what is none: page 13's "25万次①" was read "次" in a box narrower than a character's
# and the ring beyond it as "四", and the ring test on the square past 次's box made 次 into ①;
# page 16's "反映诉求" had a piece of 求, a third of an em tall, boxed alone and read ⑧. Page
# 13's note starts with a ring read as a character ("巴"), which is a ring.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftoppm "$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

check "pages 13 and 16 of the Chinese sample are drawn as a scan" \
  scan_pages "$root/samples/zh-volume.pdf" 13,16 "$work/scan.pdf"
check "converts the scan" "$recto" convert "$work/scan.pdf" -o "$work/scan.xml" -q

"$python" - "$work/scan.xml" >"$work/facts" <<'PY'
import sys
import xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
body = ET.parse(sys.argv[1]).getroot().find(f"{T}text/{T}body")
print("notes", " ".join(n.get("n") or "" for n in body.iter(f"{T}note")))
print("text", "".join("".join(body.itertext()).split()))
PY
check "\"25万次\" keeps its 次" grep -q "^text .*超过25万次" "$work/facts"
check "\"反映诉求\" keeps its 求" grep -q "^text .*反映诉求" "$work/facts"
check "no ring stands where a character does (\"①四\", \"诉⑧\")" \
  sh -c '! grep -q "^text .*\(①四\|诉⑧\)" "$1"' sh "$work/facts"
check "page 13's note ① is found" grep -q "^notes .*①" "$work/facts"
tap_end
