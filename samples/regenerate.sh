#!/bin/sh
# Rebuilds the committed sample PDFs and their ground truth, then self-checks them.
# Needs Debian's python and packages: python3-gi python3-gi-cairo gir1.2-pango-1.0
# python3-fonttools fonts-noto-cjk fonts-liberation fonts-arphic-uming fonts-arphic-ukai
# poppler-utils.   Usage: sh samples/regenerate.sh
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
$PY generate.py --kind zh --seed 1 --out zh-volume.pdf --truth zh-volume.truth.json
$PY generate.py --kind en --seed 1 --out en-report.pdf --truth en-report.truth.json
$PY check_truth.py zh-volume.truth.json
$PY check_truth.py en-report.truth.json
