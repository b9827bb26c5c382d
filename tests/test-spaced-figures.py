#!/usr/bin/python3
"""Figures and full stops of a font without a map whose producer spaces its glyphs out (GB/T
3620.1's tables): every glyph of the font advances an em, and the content stream places each
where it goes, the figure after a "." 0.06 em after it. Poppler ends a word where the next
glyph starts that far back, and gives a glyph the box of its advance where its word ends, so a
"." has a box an em wide, and was written "．", the full-width form that OCR's "." of CJK type
is when its glyph fills an em. The next figure starting within the
box says the box is not the glyph's width: the "." stays "." (no full-width form in the text).
Skipped where recto was built without Tesseract.

Writes the PDF by hand (Helvetica words; a Type 3 font drawing DejaVu Sans outlines, see
glyph_paths.py: "!" for 0 to "*" for 9, "+" for "."), converts it with recto and checks the
text, printing TAP. Run by meson (RECTO_EXE, RECTO_TEST_PLUGIN_DIR in the environment).
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glyph_paths import GLYPHS  # noqa: E402
from tap_checks import convert_pdf, marked_text, recover_text_missing, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
from type3_figures import stream  # noqa: E402

CHARS = "0123456789."
# Twelve rows of three decimal numbers, 36 full stops.
ROWS = ["45.21 3.307 18.96", "62.03 7.814 55.90", "12.68 9.037 44.15", "88.42 2.671 30.59",
        "51.76 6.480 29.03", "73.95 1.528 66.47", "20.84 5.762 93.18", "96.31 4.209 71.85",
        "34.57 8.916 20.71", "67.19 3.085 58.42", "0.08 0.30 0.15", "0.20 0.05 0.25"]


def glyph_proc(c):
    """The glyph procedure of @c: a figure's ink in the middle of its em (as the half-width
    figures of CJK type), the full stop's at its left; "a" draws nothing."""
    if c == "a":
        return stream(b"500 0 d0")
    shift = -109 if c == "." else 500 - GLYPHS[c][0] // 2
    return stream(b"1000 0 d0 1 0 0 1 %d 0 cm " % shift + GLYPHS[c][1])


def spaced_font():
    """A Type 3 font whose codes from "!" draw CHARS, every glyph advancing an em. Poppler takes
    a Type 3 font's size from the width of its first glyph named by a letter, as half an em:
    an "a" half an em wide, never drawn, gives it."""
    glyphs = CHARS + "a"
    procs = b" ".join(b"/g%d %d 0 R" % (i, 7 + i) for i in range(len(CHARS)))
    names = b" ".join(b"/g%d" % i for i in range(len(CHARS)))
    return (b"<< /Type /Font /Subtype /Type3 /BaseFont /EEEEEE+SpacedFigures"
            b" /FontMatrix [.001 0 0 .001 0 0] /FontBBox [0 -250 1000 800] /FirstChar 33"
            b" /LastChar %d /Widths [%s 500] /Encoding << /Type /Encoding"
            b" /Differences [33 %s /a] >> /CharProcs << %s /a %d 0 R >> /Resources << >> >>"
            % (32 + len(glyphs), b" ".join(b"1000" for _ in CHARS), names, procs,
               7 + len(CHARS)))


def spaced(number):
    """A TJ array placing @number's glyphs: a figure 0.6 em after the last, 0.8 em before a
    ".", the figure after a "." 0.06 em after it."""
    parts = []
    for c, after in zip(number, number[1:] + " "):
        code = bytes([0x21 + CHARS.index(c)]).replace(b"(", b"\\(").replace(b")", b"\\)")
        advance = 0.06 if c == "." else 0.8 if after == "." else 0.6
        parts.append(b"(%s) %d" % (code, round((1 - advance) * 1000) if after != " " else 0))
    return b"[" + b" ".join(parts) + b"] TJ"


def content():
    lines = [b"BT /F1 12 Tf 72 780 Td (Composition of the alloys, in per cent.) Tj ET"]
    for i, row in enumerate(ROWS):
        lines.append(b"BT /F1 12 Tf 72 %d Td (Grade %d:  ) Tj" % (740 - 22 * i, i + 1))
        for number in row.split():
            lines.append(b"/F2 12 Tf %s /F1 12 Tf (   ) Tj" % spaced(number))
        lines.append(b"ET")
    return b"\n".join(lines)


def source_pdf():
    helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return pages_pdf([content()], helvetica, spaced_font(),
                     after=[glyph_proc(c) for c in CHARS + "a"])


def main():
    if recover_text_missing():
        return 0
    body = convert_pdf(source_pdf(), "spaced-figures")
    written = marked_text(body)
    full = sorted({c for c in written if 0xFF01 <= ord(c) <= 0xFF5E})
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", written))
    stops = len(re.findall(r"\S\.\S", text))
    checks = [
        ("the full stops are decoded", stops >= 30),
        ("no full-width form is written for the half-width glyphs", not full),
    ]
    return report(checks, [f"full stops within numbers: {stops}; full-width: {full}",
                           text[:200]])


if __name__ == "__main__":
    sys.exit(main())
