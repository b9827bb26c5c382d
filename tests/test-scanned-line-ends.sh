#!/usr/bin/env bash
# test-scanned-line-ends.sh: Chinese characters Tesseract drops at the ends of a scanned line,
# on three pages of a scanned volume of ../shared/volumes (vol111-scanned, pp. 3, 5, 7). The
# figure captions came out "1：石冲镇…", "2、图3：龙南小学…" (a heading numbered "2、") and
# "…资金申请流程"; the ink beside each line's end is read with the line's last symbols and its
# character put in (line-ends.h). The captions are whole, and each is its figure's head, not a
# section's.
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol111-scanned.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

volume_pages vol111-scanned 3,5,7
check "p. 3: \"…资金申请流程图\"" grep -q "资金申请流程图（二）" "$work/pages.txt"
check "p. 5: \"图1：石冲镇长者饭堂施工前后对比图\"" grep -q "图1：石冲镇长者饭堂施工前后对比图" "$work/pages.txt"
check "p. 7: \"图2、图3：龙南小学发来感谢信和锦旗\"" grep -q "图2、图3：龙南小学发来感谢信和锦旗" "$work/pages.txt"
check "each caption is its figure's head" "$python" -c 'import re, sys, xml.etree.ElementTree as ET
tei = "{http://www.tei-c.org/ns/1.0}"
root = ET.parse(sys.argv[1]).getroot()
parent = {child: el for el in root.iter() for child in el}
heads = [h for h in root.iter(tei + "head") if re.search(r"图\s*\d", "".join(h.itertext()))]
sys.exit(len(heads) != 3 or any(parent[h].tag != tei + "figure" for h in heads))' "$work/pages.xml"
tap_end
