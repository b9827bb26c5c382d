"""type3_figures.py: what the hand-written PDFs of recover-text's numbered-font tests share
(test-numbered-title.py, test-context-readings.py, test-shape-readings.py): Type 3 fonts drawing
DejaVu Sans outlines (glyph_paths.py) whose codes from "!" are their glyphs, a figures font
numbered so ("!" for 0 to "*" for 9), a table of its figures for OCR to learn the font from, and
the one-page PDF that sets them."""

from glyph_paths import GLYPHS
from tiny_pdf import pages_pdf

DIGITS = "0123456789"
# Ten rows of three four-figure numbers: every figure read often enough to be learned.
FIGURE_ROWS = ["4521 3307 1896", "6203 7814 5590", "1268 9037 4415", "8842 2671 3059",
               "5176 6480 2903", "7395 1528 6647", "2084 5762 9318", "9631 4209 7185",
               "3457 8916 2071", "6719 3085 5842"]


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def type3_font(name, chars, first_proc, to_unicode=b""):
    """A Type 3 font @name whose codes from "!" draw @chars; its glyph procedures are the
    objects from @first_proc on; @to_unicode, if given, names its map (b" /ToUnicode 10 0 R")."""
    widths = b" ".join(b"%d" % GLYPHS[c][0] for c in chars)
    names = b" ".join(b"/g%d" % i for i in range(len(chars)))
    procs = b" ".join(b"/g%d %d 0 R" % (i, first_proc + i) for i in range(len(chars)))
    return (b"<< /Type /Font /Subtype /Type3 /BaseFont /%s /FontMatrix [.001 0 0 .001 0 0]"
            b" /FontBBox [0 -250 1000 800] /FirstChar 33 /LastChar %d /Widths [%s]"
            b" /Encoding << /Type /Encoding /Differences [33 %s] >> /CharProcs << %s >>"
            b" /Resources << >>%s >>" % (name, 32 + len(chars), widths, names, procs, to_unicode))


def glyph_proc(c):
    width, path = GLYPHS[c]
    return stream(b"%d 0 d0 " % width + path)


def figures_pdf(content, fonts, maps=(), chars=""):
    """The bytes of a one-page PDF of @content: /F1 Helvetica, /F2 the figures font, /F3 … the
    font dictionaries @fonts. Objects: 1 catalog, 2 pages, 3 page, 4 content, the fonts from 5,
    then @maps (bytes each: the fonts' ToUnicode maps), the figures' glyph procedures, and those
    of @chars (from object 17 + len(fonts) + len(maps), as @fonts name them)."""
    first_proc = 7 + len(fonts) + len(maps)
    helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return pages_pdf([content], helvetica, type3_font(b"AAAAAA+Figures", DIGITS, first_proc),
                     *fonts, after=list(maps) + [glyph_proc(c) for c in DIGITS + chars])


def coded(digits):
    """The codes of the figures font for @digits ("!" for 0 … "*" for 9), as a PDF string's
    bytes ("(" and ")" escaped)."""
    return bytes(0x21 + int(d) for d in digits).replace(b"(", b"\\(").replace(b")", b"\\)")


def figure_rows(label):
    """Content-stream lines of FIGURE_ROWS from y 720 down: "@label N:" in /F1 (Helvetica),
    the figures in /F2 (the figures font)."""
    lines = []
    for i, row in enumerate(FIGURE_ROWS):
        lines.append(b"BT /F1 12 Tf 72 %d Td (%s %d:  ) Tj /F2 12 Tf" % (720 - 22 * i, label, i + 1))
        for number in row.split():
            lines.append(b"(%s) Tj /F1 12 Tf (   ) Tj /F2 12 Tf" % coded(number))
        lines.append(b"ET")
    return lines
