#!/usr/bin/env bash
# test-scanned-stops.sh: per cent figures and the full stops after them on three pages of a
# scanned volume of ../shared/volumes (vol111-scanned, pp. 10, 16, 17). Paragraphs ending in a
# per cent figure came out "5.1%," and "97.2%,": the Chinese model reads the ring of "。" after
# a narrow sign as ASCII, and the ring's shape tells (scan-symbols.c, is_full_stop()); and
# "6.49%" for "6.4%": the Latin model's second reading of the figure, which drops the digits read
# out of the sign's circles, was cropped from its first digit's box, which starts inside the
# "6", and read "4%". Every per cent figure on the pages is one of the volume's truth.
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

volume_pages vol111-scanned 10,16,17
grep -Eo "[0-9]+(\.[0-9]+)?%" "$RECTO_SHARED_DIR/volumes/vol111.gt.json" | sort -u >"$work/truth"
grep -Eo "[0-9]+(\.[0-9]+)?%" "$work/pages.txt" | sort -u >"$work/figures"
check "p. 10: \"同比增长5.1%。\"" grep -q "同比增长5.1%。" "$work/pages.txt"
check "p. 16: \"办结率达97.2%。\"" grep -q "办结率达97.2%。" "$work/pages.txt"
check "p. 17: \"同比增长6.4%。\"" grep -q "同比增长6.4%。" "$work/pages.txt"
check "every per cent figure is the truth's" sh -c '! grep -vxFf "$1" "$2"' - "$work/truth" "$work/figures"
tap_end
