#!/usr/bin/python3
"""A sign OCR cannot read, in a font without a Unicode map, read from the document's own good
text (context-readings.h): GB/T 3620.1 sets its table titles' α and β in fonts without maps,
which Tesseract's models read "o" or "w", while its body says the same titles in a font with a
map. Where the characters around the sign match one passage of the good text, that passage's
character is the sign's, marked as read from context (<seg subtype="context">, <mapping
type="context">); where they match passages that disagree there, the context says nothing (the
sign is then read by its shape, test-shape-readings.py: the body draws α in a font with a map).
Skipped where recto was built without Tesseract.

Writes the PDF by hand: Helvetica words; Type 3 fonts drawing DejaVu Sans outlines (see
glyph_paths.py): a table's figures in a numbered font of ten codes, "!" for 0 to "*" for 9 (as
test-numbered-title.py), an α with a ToUnicode map in the body's sentences (good text), and the
same α without a map, each alone at code "!" in a font of its own, in two lines of figures: one
whose context the body says once (with α), one whose context the body says twice, with "x" and
with "y". Converts it with recto and checks the text, printing TAP. Run by meson (RECTO_EXE,
RECTO_TEST_PLUGIN_DIR in the environment).
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, marked_text, recover_text_missing, report  # noqa: E402
from type3_figures import coded, figure_rows, figures_pdf, stream, type3_font  # noqa: E402

# α stands between the figures of a line: once said by the body, once said ambiguously.
SAID_ONCE = ("4521", "3307", b" of the first kind.")
SAID_TWICE = ("6203", "7814", b" of the second kind.")
TO_UNICODE_ALPHA = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap"
                    b" /CMapName /Alpha def 1 begincodespacerange <00> <FF> endcodespacerange"
                    b" 1 beginbfchar <21> <03B1> endbfchar endcmap"
                    b" CMapName currentdict /CMap defineresource pop end end")


def said(y, words, sign):
    """A body sentence in Helvetica, @sign its middle: a string of Helvetica, or b"" for the
    α of the mapped font."""
    before, after, end = words
    middle = b"/F5 12 Tf (!) Tj /F1 12 Tf" if sign == b"" else b"(%s) Tj" % sign
    return (b"BT /F1 12 Tf 72 %d Td (Grade %s ) Tj %s ( %s%s) Tj ET"
            % (y, before.encode(), middle, after.encode(), end))


def damaged(y, words, alpha_font):
    """The line of @words with its figures in the figures font and α at "!" of @alpha_font."""
    before, after, end = words
    return (b"BT /F1 12 Tf 72 %d Td (Grade ) Tj /F2 12 Tf (%s) Tj /F1 12 Tf ( ) Tj /%s 12 Tf (!) Tj"
            b" /F1 12 Tf ( ) Tj /F2 12 Tf (%s) Tj /F1 12 Tf (%s) Tj ET"
            % (y, coded(before), alpha_font, coded(after), end))


def content():
    lines = [said(790, SAID_ONCE, b""), said(770, SAID_TWICE, b"x"), said(750, SAID_TWICE, b"y")]
    lines += figure_rows(b"Row")
    lines += [damaged(460, SAID_ONCE, b"F3"), damaged(430, SAID_TWICE, b"F4")]
    return b"\n".join(lines)


def source_pdf():
    # Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 Helvetica, 6 figures font, 7 and 8 the
    # unmapped α fonts, 9 the mapped α font, 10 its ToUnicode map, then the glyph procedures:
    # figures from 11, α 21.
    fonts = [type3_font(b"BBBBBB+GreekOne", "α", 21), type3_font(b"CCCCCC+GreekTwo", "α", 21),
             type3_font(b"DDDDDD+GreekMapped", "α", 21, b" /ToUnicode 10 0 R")]
    return figures_pdf(content(), fonts, maps=[stream(TO_UNICODE_ALPHA)], chars="α")


def main():
    if recover_text_missing():
        return 0
    body = convert_pdf(source_pdf(), "context-readings")
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", marked_text(body, "context")))
    # The body's sentences come first; the damaged lines' signs are the last matches.
    once = re.findall(r"Grade 4521 ?(\S*) ?3307 of the first kind\.", text)
    twice = re.findall(r"Grade 6203 ?(\S*) ?7814 of the second kind\.", text)
    checks = [
        ("the body's sentences come out as they are",
         "Grade 4521 α 3307" in text and "Grade 6203 x 7814" in text
         and "Grade 6203 y 7814" in text),
        ("the α the body says once is read from context, marked so",
         len(once) == 2 and once[-1] == "[α]"),
        ("the α whose context the body says with x and with y is not read from context",
         len(twice) == 3 and twice[-1] in ("□", "α")),
    ]
    return report(checks, [f"first: {once}; second: {twice}", text[-400:]])


if __name__ == "__main__":
    sys.exit(main())
