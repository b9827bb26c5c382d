#!/bin/sh
# Remakes the committed test fixtures in this folder. Needs Debian's python3-gi-cairo and qpdf.
#   encrypted.pdf: one page saying "Encrypted sample", AES-256, user password "recto-test".
#   run-in.pdf: two 公文-style paragraphs, each opening with a heading run into its first line
#   ("（一）加强组织领导。" then the text), set in one face and size (Noto Serif CJK SC).
#   script-ja.pdf, script-zh-hant.pdf: a Japanese and a traditional Chinese page: two heading
#   lines in Noto Sans CJK JP / AR PL UKai TW, then body lines in Noto Serif CJK JP / AR PL
#   UMing TW (the font test-ocr-languages.sh takes the map of). Their text is in
#   script-pages.py.
#   scan-ja.pdf, scan-ko.pdf: a Japanese and a Korean page of the same kind as a scan (one grey
#   image at 150 dpi, no text layer), for the script Tesseract sees (test-ocr-languages.sh).
#   These need fonts-noto-cjk and fonts-arphic-ukai/uming.
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

/usr/bin/python3 - "$here/run-in.pdf" <<'PY'
import sys, cairo
size, leading, left, chars_per_line = 12, 19.2, 40, 28
surface = cairo.PDFSurface(sys.argv[1], left * 2 + size * chars_per_line, 300)
surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
ctx = cairo.Context(surface)
ctx.select_font_face("Noto Serif CJK SC")
ctx.set_font_size(size)
filler = "各单位要把代表联络站建设摆在重要位置切实加强统筹协调推动工作落实"
paragraphs = ["（一）加强组织领导。" + filler * 2 + "。", "（二）完善工作机制。" + filler + "。"]
y = 40
for text in paragraphs:
    # A two-character first-line indent, then full lines of one character per em.
    lines, first = [], chars_per_line - 2
    lines.append(text[:first])
    rest = text[first:]
    while rest:
        lines.append(rest[:chars_per_line])
        rest = rest[chars_per_line:]
    for number, line in enumerate(lines):
        x = left + (2 * size if number == 0 else 0)
        for index, char in enumerate(line):
            ctx.move_to(x + index * size, y)
            ctx.show_text(char)
        y += leading
surface.finish()
PY

/usr/bin/python3 "$here/script-pages.py" "$here"
