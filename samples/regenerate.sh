#!/bin/sh
# Rebuilds all committed sample PDFs and their ground truth (the two main
# volumes, their variants and the held-out volumes), then self-checks them.
# Needs Debian's python and packages: python3-gi python3-gi-cairo gir1.2-pango-1.0
# python3-fonttools fonts-noto-cjk fonts-liberation fonts-dejavu-core fonts-dejavu-extra
# fonts-arphic-uming fonts-arphic-ukai poppler-utils.   Usage: sh samples/regenerate.sh
# The held-out volumes are checked with --quiet: see heldout/README.md.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
G="$PY generate.py"
$G --kind zh --seed 1 --out zh-volume.pdf --truth zh-volume.truth.json
$G --kind zh --seed 1 --latin-last --out zh-volume-latin-last.pdf \
   --truth zh-volume-latin-last.truth.json
$G --kind en --seed 1 --out en-report.pdf --truth en-report.truth.json
$G --kind en --seed 1 --shuffle-runs --out en-report-shuffled.pdf \
   --truth en-report-shuffled.truth.json
# Other faces, sizes and footer forms, so that no rule fits one typesetting only.
$G --kind zh --seed 3 --cjk-font "AR PL UKai CN" --body-size 14 --first-page 5 \
   --footer-style page-cn --out zh-volume-ukai.pdf --truth zh-volume-ukai.truth.json
$G --kind en --seed 9 --latin-font "Liberation Sans" --body-size 12 --footer-style plain \
   --out en-report-sans.pdf --truth en-report-sans.truth.json
# English in a CJK font's Latin glyphs (CID-keyed): the tests drop its map (test-latin-nomap.sh).
$G --kind en --seed 13 --latin-font "Noto Serif CJK SC" --body-size 10.5 --footer-style plain \
   --out en-report-cjkfont.pdf --truth en-report-cjkfont.truth.json
# One table of each kind the tables stage reads, with its cells as truth.
$PY tables.py --out tables.pdf --truth tables.truth.json
mkdir -p heldout
$G --kind zh --seed 7 --cjk-font "AR PL UMing CN" --body-size 10.5 --first-page 101 \
   --footer-style emdash --front-matter \
   --out heldout/zh-heldout.pdf --truth heldout/zh-heldout.truth.json >/dev/null
$G --kind en --seed 5 --latin-font "DejaVu Serif" --body-size 10 --footer-style page-en \
   --out heldout/en-heldout.pdf --truth heldout/en-heldout.truth.json >/dev/null
for t in zh-volume zh-volume-latin-last zh-volume-ukai en-report en-report-shuffled \
         en-report-sans en-report-cjkfont; do
    $PY check_truth.py $t.truth.json
done
for t in heldout/zh-heldout heldout/en-heldout; do
    $PY check_truth.py --quiet $t.truth.json
done
# The damaged variants of zh-volume (no /ToUnicode, wrong map, scan); not self-checked.
sh variants.sh
