#!/usr/bin/env bash
# test-scanned-stop-gaps.sh: Chinese characters made up after full-width stops on three pages of
# a scanned volume of ../shared/volumes (vol111-scanned, pp. 1, 16, 38). In the blank right half
# of a "，" or "。" Tesseract wrote a "和" that is not printed ("5G，和群众可通过",
# "96.0%。和群众满意度", "力量。和群众满意度"), on the page and in the line read alone; read
# from the blank after the stop's ink, the line gives "群众" (stop-gaps.c). Every stop with the
# two Chinese characters after it, in each paragraph and head, is found in the volume's truth:
# no printed character after a stop is taken for made up either.
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

volume_pages vol111-scanned 1,16,38
"$python" - "$work/pages.xml" "$RECTO_SHARED_DIR/volumes/vol111.gt.json" >"$work/untrue" <<'PY'
import re, sys, tap_checks
import xml.etree.ElementTree as ET
truth = open(sys.argv[2], encoding="utf-8").read()
for element in ET.parse(sys.argv[1]).getroot().iter():
    if element.tag in (tap_checks.TEI + "p", tap_checks.TEI + "head"):
        text = tap_checks.text_without_furniture(element)
        for run in re.findall("[，。、；：][\u4e00-\u9fff]{2}", text):
            if run not in truth:
                print(run)
PY
check "p. 1: \"手机5G，群众可通过\"" grep -q "手机5G，群众可通过" "$work/pages.txt"
check "p. 16: \"96.0%。群众满意度\"" grep -q "96.0%。群众满意度" "$work/pages.txt"
check "p. 38: \"力量。群众满意度\"" grep -q "力量。群众满意度" "$work/pages.txt"
check "each stop and the two characters after it are the truth's" test ! -s "$work/untrue"
tap_end
