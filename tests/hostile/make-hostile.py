#!/usr/bin/env python3
"""make-hostile.py KIND OUT [N]: writes one hostile input for tests/test-hostile-inputs.sh, made
small from a few parameters (nothing large is kept in the tree).

  outline OUT N     a PDF whose outline nests N levels deep
  text-bomb OUT N   a one-page PDF whose compressed content stream draws N characters
  image-bomb OUT N  a one-page PDF drawing an N x N grey image (compressed zeros)
  huge-scan OUT N   a one-page scan (a small grey image drawn over the whole page) whose
                    MediaBox is N points square
  noisy-scan OUT PGM  a one-page scan of the grey image PGM (binary P5, as `pdftoppm -gray`
                    writes it) drawn over an A4 page, with 6,000 specks of ink scattered
                    over it (the same every time), which Tesseract reports on standard
                    error ("Detected 2231 diacritics")
  long-line OUT N   a text of one line of N bytes (numbers and spaces)
  many-lines OUT N  a text of N short lines
  headings OUT N    a text of N numbered headings, nine sections (一、 … 九、, each with a
                    number left over after its title, split off) to a chapter (第N章)
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tiny_pdf import pdf  # noqa: E402


def stream(data, extra=b""):
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def page_pdf(content, resources, extra_objects=(), catalog_extra=b"", size=(595, 842)):
    # 1 catalog, 2 pages, 3 page, 4 content, 5.. extra
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources " % size + resources
        + b" /Contents 4 0 R >>",
        stream(content),
    ] + list(extra_objects))


FONT = b"<< /Font << /F1 5 0 R >> >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def outline(n):
    # 5 outlines dictionary, 6.. items: item k's only child is item k+1.
    first = 6
    items = []
    for k in range(n):
        number = first + k
        parent = 5 if k == 0 else number - 1
        child = b" /First %d 0 R /Last %d 0 R /Count 1" % (number + 1, number + 1) if k + 1 < n else b""
        items.append(b"<< /Title (Level %d) /Parent %d 0 R /Dest [3 0 R /Fit]%s >>" % (k + 1, parent, child))
    content = b"BT /F1 12 Tf 72 760 Td (A deep outline) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents 4 0 R >>" % (first + n),
        stream(content),
        b"<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>",
    ] + items + [HELVETICA])


def text_bomb(n):
    # Lines of 104 characters in 3.2 pt type (Poppler keeps only 50,000 glyphs smaller than
    # 3 pt), 0.35 pt apart, in columns of 2,000 lines 10 pt apart across the page; neighbouring
    # lines hold different letters, so that Poppler takes no glyph for a doubled one.
    letters = b"abcdefghijklmnopqrstuvwxyz"
    lines = [b"(" + (letters[k:] + letters[:k]) * 4 + b") Tj 0 -0.35 Td\n" for k in range(26)]
    parts = []
    for k in range(n // 104 + 1):
        if k % 2000 == 0:
            parts.append(b"ET BT /F1 3.2 Tf %d 790 Td\n" % (10 + 10 * (k // 2000)))
        parts.append(lines[k % 26])
    content = b"BT\n" + b"".join(parts) + b" ET"
    return page_pdf(content, FONT, [HELVETICA])


def image_bomb(n):
    image = stream(b"\0" * (n * n), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                   b"/ColorSpace /DeviceGray /BitsPerComponent 8" % (n, n))
    return page_pdf(b"q 595 0 0 842 0 0 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>", [image])


def huge_scan(n):
    image = stream(bytes(range(0, 256, 4)), b"/Type /XObject /Subtype /Image /Width 8 /Height 8 "
                   b"/ColorSpace /DeviceGray /BitsPerComponent 8")
    return page_pdf(b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (n, n), b"<< /XObject << /Im1 5 0 R >> >>",
                    [image], size=(n, n))


def headings(n):
    sections = "一二三四五六七八九"
    out = []
    for chapter in range(1, n // 10 + 1):
        out.append("第%d章 总则\n\n" % chapter)
        for k, number in enumerate(sections):
            out.append("%s、总体要求 %d\n\n正文内容第%d段，说明情况。\n\n" % (number, k + 1, k))
    return "".join(out).encode()


def noisy_scan(pgm_path):
    import random
    magic, size, _depth, pixels = open(pgm_path, "rb").read().split(b"\n", 3)
    if magic != b"P5":
        sys.exit("make-hostile.py: %s is not a binary PGM" % pgm_path)
    width, height = map(int, size.split())
    pixels = bytearray(pixels[:width * height])
    speckle = random.Random(7)
    for _ in range(6000):
        x, y = speckle.randrange(width - 1), speckle.randrange(height - 1)
        for dy in (0, 1):
            pixels[(y + dy) * width + x:(y + dy) * width + x + 2] = b"\0\0"
    image = stream(bytes(pixels), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                   b"/ColorSpace /DeviceGray /BitsPerComponent 8" % (width, height))
    return page_pdf(b"q 595 0 0 842 0 0 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>",
                    [image])


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "noisy-scan":
        with open(out, "wb") as f:
            f.write(noisy_scan(sys.argv[3]))
        return
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if kind == "outline":
        data = outline(n)
    elif kind == "text-bomb":
        data = text_bomb(n)
    elif kind == "image-bomb":
        data = image_bomb(n)
    elif kind == "huge-scan":
        data = huge_scan(n)
    elif kind == "long-line":
        data = (b"12 345 6789 " * (n // 12 + 1))[:n] + b"\n"
    elif kind == "headings":
        data = headings(n)
    elif kind == "many-lines":
        data = b"".join(b"line %d\n" % i for i in range(n))
    else:
        sys.exit("make-hostile.py: unknown kind " + kind)
    with open(out, "wb") as f:
        f.write(data)


main()
