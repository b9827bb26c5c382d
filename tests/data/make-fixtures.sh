#!/bin/sh
# Remakes the committed test fixtures in this folder. Needs Debian's python3-gi-cairo and qpdf.
#   encrypted.pdf: one page saying "Encrypted sample", AES-256, user password "recto-test".
set -eu
here=$(dirname "$0")
plain=$(mktemp --suffix=.pdf)
/usr/bin/python3 - "$plain" <<'PY'
import sys, cairo
surface = cairo.PDFSurface(sys.argv[1], 300, 200)
surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
ctx = cairo.Context(surface)
ctx.select_font_face("Liberation Serif")
ctx.set_font_size(16)
ctx.move_to(40, 100)
ctx.show_text("Encrypted sample")
surface.finish()
PY
qpdf --encrypt recto-test recto-owner 256 -- "$plain" "$here/encrypted.pdf"
rm -f "$plain"
