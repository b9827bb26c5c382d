#!/usr/bin/env bash
# test-scanned-readings.sh: what the OCR of a scanned page misreads and recover-text mends.
# Pages 6, 7, 28, 30, 43, 44 and 48 of ../shared/volumes/vol212-clean.pdf, drawn as a scan (200
# dpi, gray): Tesseract's page reading gave "（街）" as "（85）" and "（89）" with every confidence
# (second-reading.c), "S566" as "S5566" and the bold heading numeral of "（一）以人大履职…" as a
# dash (scan-symbols.c), and the ink of the short last lines "加顺畅。" (of a paragraph) and
# "效。" (of a bold heading) left their weight in doubt, which split them off as blocks of
# their own (bold-lines.c); the Latin letters of "手机QQ群" and "手机5G", set in DejaVu Serif as
# wide as an ideograph, were taken for a wide script's ink and left gaps (wide-latin.c).
# Pages 14 and 22 of vol313-clean.pdf, scanned the same way: the page's reading dropped a
# character with the full-width stop after it, "率；" and "动、" at a line's start, "力。" at a
# paragraph's short last line's end (line-ends.c).
# Skipped without ../shared or without recover-text.
# Environment (from meson): RECTO_EXE, RECTO_TEST_PLUGIN_DIR, RECTO_SHARED_DIR.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/damage.sh"
needs_recover_text qpdf pdftoppm "$python"
needs_shared volumes vol212-clean.pdf
needs_shared volumes vol313-clean.pdf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"

qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/vol212-clean.pdf" 6,7,28,30,43,44,48 \
  -- "$work/pages.pdf" 2>/dev/null
check "the seven pages are drawn as a scan" scan_pages "$work/pages.pdf" 1-7 "$work/scan.pdf"
check "converts the scan" "$recto" convert -q "$work/scan.pdf" -o "$work/scan.xml"
# Each block (paragraph, heading, note, cell, item) on a line: its name and text, spaceless.
"$python" -c 'import sys, tap_checks; print(tap_checks.block_lines(sys.argv[1]))' \
  "$work/scan.xml" >"$work/blocks"
check "an ideograph read as two digits is read again: （街）, not （85）" \
  grep -q "^p .*深入36个镇（街）276个村" "$work/blocks"
check "nor （89）" grep -q "^p .*深入33个镇（街）396个" "$work/blocks"
check "no digits stand in parentheses for a town's 街" sh -c '! grep -q "镇（[0-9]*）" "$1"' - \
  "$work/blocks"
check "a figure read twice from one stretch of ink is written once: S566, not S5566" \
  grep -q "^p .*推动S566线塘山镇段" "$work/blocks"
check "a bold heading's numeral 一 is no dash" \
  grep -q "^head （一）以人大履职丰富全过程人民民主内涵。$" "$work/blocks"
check "a paragraph's short last line stays in its paragraph" \
  grep -q "^p 我们重点抓了以下工作.*让民意表达更加顺畅。$" "$work/blocks"
check "a bold heading's short last line stays in its heading" \
  grep -q "^head （二）创新代表建议办理方式，推动乡村振兴工作取得实效。$" "$work/blocks"
check "wide Latin capitals among Chinese stay letters: QQ群" \
  grep -q "^p .*开发“粤省事”手机QQ群，群众可通过扫码" "$work/blocks"
check "and 5G" grep -q "^p .*履职”手机5G，群众可通过扫码" "$work/blocks"

check "two pages of another volume are drawn as a scan" \
  scan_pages "$RECTO_SHARED_DIR/volumes/vol313-clean.pdf" 14,22 "$work/stops.pdf"
check "converts that scan" "$recto" convert -q "$work/stops.pdf" -o "$work/stops.xml"
"$python" -c 'import sys, tap_checks; print(tap_checks.block_lines(sys.argv[1]))' \
  "$work/stops.xml" >"$work/stops"
check "a character and its stop dropped at a line's start are read: 率；" \
  grep -q "^p .*提高履职服务效率；二是推动联络站" "$work/stops"
check "and 动、" grep -q "^p .*有制度、有活动、有档案；三是建立" "$work/stops"
check "and at a short last line's end: 力。" \
  grep -q "^p .*提升代表依法履职能力。$" "$work/stops"
tap_end
