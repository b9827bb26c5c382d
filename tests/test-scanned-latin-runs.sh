#!/usr/bin/env bash
# test-scanned-latin-runs.sh: Chinese that Tesseract's mixed models give to the Latin model, on
# three pages of a scanned volume of ../shared/volumes (vol111-scanned, pp. 4, 11, 15). Read
# with the page, "（社区" came out "GLK" and "Gt", "全覆盖。" "SPER." and ".KEK"; read again
# as a line alone, with the Chinese model alone where the mixed models still read letters, it
# is Chinese, and its characters take the letters' place (second-reading.h). Every run of Latin
# letters left on the pages is a word of the volume's truth ("5G", "APP"), and the words the
# letters stood for are there. Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf "$python"
needs_shared volumes vol111-scanned.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

volume_pages vol111-scanned 4,11,15
# The truth's Latin words, and the runs of Latin letters the pages came out with.
"$python" -c 'import json, re, sys
print("\n".join(sorted(set(re.findall(r"[A-Za-z]+", open(sys.argv[1], encoding="utf-8").read())))))' \
  "$RECTO_SHARED_DIR/volumes/vol111.gt.json" >"$work/truth-words"
grep -Eo "[A-Za-z]+" "$work/pages.txt" | sort -u >"$work/runs"
check "every run of Latin letters is a word of the truth" sh -c \
  '! grep -vxFf "$1" "$2"' - "$work/truth-words" "$work/runs"
check "\"行政村（社区）\" on pp. 4 and 11" test "$(grep -o "行政村（社区）" "$work/pages.txt" | wc -l)" -ge 2
check "\"实现镇（街）全覆盖。\" on p. 15" grep -q "实现镇（街）全覆盖。" "$work/pages.txt"
tap_end
