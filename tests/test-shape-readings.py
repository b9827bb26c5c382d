#!/usr/bin/python3
"""A glyph of a font without a Unicode map read by its shape (shape-readings.h): GB/T 3620.1
sets the α of a table's title alone in a font of its own, which Tesseract reads "o" once or not
at all, while its body draws α in a font with a map. The lone glyph's image matches the body's
α, clearly better than any other character's: it is read α, marked as read from its shape
(<seg subtype="shape">, <mapping type="shape">). A lone bar, which the body draws both as "l"
and as "I" (two bars a hair apart in height), matches both alike: it is no shape reading.
Skipped where recto was built without Tesseract.

Writes the PDF by hand: Helvetica words; Type 3 fonts drawing DejaVu Sans outlines (see
glyph_paths.py): the body's figures, α, "l" and "I" in a font with a ToUnicode map (good text),
a table's figures in a numbered font of ten codes (as test-numbered-title.py), whose codes OCR
reads surely and whose shapes measure how far shapes are to be trusted, and the α and the bar
each alone at code "!" in fonts of their own, without maps. Converts it with recto and checks the
text, printing TAP. Run by meson (RECTO_EXE, RECTO_TEST_PLUGIN_DIR in the environment).
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glyph_paths import GLYPHS  # noqa: E402
from tap_checks import convert_pdf, marked_text, recover_text_missing, report  # noqa: E402
from type3_figures import coded, figure_rows, figures_pdf, stream, type3_font  # noqa: E402

# Two bars a hair apart: "l" reaches the ascender, "I" the cap height. Set as wide as a figure:
# Poppler sizes a Type 3 font by its first glyph's width, and the bar's font has no other.
BARS = {"l": (636, b"273 0 m 363 0 l 363 760 l 273 760 l h f"),
        "I": (636, b"273 0 m 363 0 l 363 729 l 273 729 l h f")}
GLYPHS.update(BARS)  # drawn by type3_font() and figures_pdf() as the outlines are
MAPPED = "0123456789αlI"


def to_unicode():
    entries = b" ".join(b"<%02X> <%04X>" % (0x21 + i, ord(c)) for i, c in enumerate(MAPPED))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Body def"
            b" 1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar %s endbfchar"
            b" endcmap CMapName currentdict /CMap defineresource pop end end"
            % (len(MAPPED), entries))


def mapped(text):
    """@text in the body's mapped font (/F5), as the bytes of a PDF string."""
    return bytes(0x21 + MAPPED.index(c) for c in text).replace(b"(", b"\\(").replace(b")", b"\\)")


def content():
    # The body: every mapped glyph drawn a few times, between Helvetica words.
    lines = []
    for i, words in enumerate(["0123 4567 89", "9876 5432 10", "α 1l 2I 3α", "Il lI 5α 7l 8I"]):
        lines.append(b"BT /F1 12 Tf 72 %d Td (Grade ) Tj /F5 12 Tf" % (790 - 20 * i))
        for word in words.split():
            lines.append(b"(%s) Tj /F1 12 Tf ( and ) Tj /F5 12 Tf" % mapped(word))
        lines.append(b"ET")
    lines += figure_rows(b"Row")
    # The lone glyphs, each at code "!" of a font of its own, between figures.
    lines.append(b"BT /F1 12 Tf 72 460 Td (Alloy ) Tj /F2 12 Tf (%s) Tj /F3 12 Tf (!) Tj"
                 b" /F1 12 Tf ( type) Tj ET" % coded("52"))
    lines.append(b"BT /F1 12 Tf 72 430 Td (Grade ) Tj /F2 12 Tf (%s) Tj /F4 12 Tf (!) Tj"
                 b" /F1 12 Tf ( mark) Tj ET" % coded("64"))
    return b"\n".join(lines)


def source_pdf():
    # Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 Helvetica, 6 figures font, 7 the lone α
    # font, 8 the lone bar font, 9 the body's mapped font, 10 its ToUnicode map, then the glyph
    # procedures: figures from 11, the lone α 21, the lone bar 22, the mapped font's from 23.
    fonts = [type3_font(b"BBBBBB+GreekOne", "α", 21), type3_font(b"CCCCCC+BarOne", "l", 22),
             type3_font(b"DDDDDD+BodyMapped", MAPPED, 23, b" /ToUnicode 10 0 R")]
    return figures_pdf(content(), fonts, maps=[stream(to_unicode())], chars="αl" + MAPPED)


def main():
    if recover_text_missing():
        return 0
    body = convert_pdf(source_pdf(), "shape-readings")
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", marked_text(body, "shape")))
    alpha = re.findall(r"Alloy 52 ?(\S*) ?type", text)
    bar = re.findall(r"Grade 64 ?(\S*) ?mark", text)
    checks = [
        ("the body's glyphs come out as they are",
         "Grade 0123 and 4567 and 89" in text and "Il and lI and 5α" in text),
        ("the lone α is read from its shape, marked so", alpha == ["[α]"]),
        ("the lone bar, drawn alike as l and as I, is no shape reading",
         len(bar) == 1 and "[" not in bar[0]),
    ]
    return report(checks, [f"alpha: {alpha}; bar: {bar}", text[-500:]])


if __name__ == "__main__":
    sys.exit(main())
