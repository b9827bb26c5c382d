#!/usr/bin/python3
"""A table's number set in a font of its own (GB/T 3620.1 sets the "1" of "表 1" so): a subset
font without a Unicode map that numbers its glyphs from "!" gives the "1" as "!". A font of
one code cannot show the three codes a verdict wants compared, so "!" stood as a valid
character and, the font being numbered, came out a gap: "Table [gap]". Where the document's
numbered fonts that can be judged have wrong maps, such a font whose codes read as figures is
decoded. A sign OCR's models lack (α, which Tesseract reads "o" or "w", however often it is
read again) is not decoded so: it stays a gap, never a letter the page does not show.
Skipped where recto was built without Tesseract.

Writes the PDF by hand (Helvetica words; Type 3 fonts drawing DejaVu Sans outlines, see
glyph_paths.py: the table's figures in a numbered font of ten codes, "!" for 0 to "*" for 9,
and the title's "1", "2" and "α" each alone at code "!"), converts it with recto and checks the
text, printing TAP. Run by meson (RECTO_EXE, RECTO_TEST_PLUGIN_DIR in the environment).
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, marked_text, recover_text_missing, report  # noqa: E402
from type3_figures import FIGURE_ROWS, figure_rows, figures_pdf, type3_font  # noqa: E402


def title(y, number_font, words):
    return (b"BT /F1 12 Tf 72 %d Td (Table ) Tj /%s 12 Tf (!) Tj /F1 12 Tf ( ) Tj /F5 12 Tf (!) Tj"
            b" /F1 12 Tf (%s) Tj ET" % (y, number_font, words))


def content():
    lines = [b"BT /F1 12 Tf 72 780 Td (Composition of the titanium alloys, in parts per ten "
             b"thousand.) Tj ET", title(750, b"F3", b" alloys, grades one to ten")]
    lines += figure_rows(b"Grade")
    lines.append(title(480, b"F4", b" alloys of the second kind"))
    return b"\n".join(lines)


def source_pdf():
    # Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 Helvetica, 6 figures font, 7 "1",
    # 8 "2", 9 "α", then the glyph procedures: figures from 10, "1" 20, "2" 21, "α" 22.
    fonts = [type3_font(b"BBBBBB+TitleOne", "1", 20), type3_font(b"CCCCCC+TitleTwo", "2", 21),
             type3_font(b"DDDDDD+Greek", "α", 22)]
    return figures_pdf(content(), fonts, chars="12α")


def main():
    if recover_text_missing():
        return 0
    body = convert_pdf(source_pdf(), "numbered-title")
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", marked_text(body)))
    greek = [m.group(1) for m in re.finditer(r"Table \S* ?(\S*) ?alloys", text)]
    rows = sum(row in text for row in FIGURE_ROWS)
    checks = [
        ("the figures of the table are decoded", rows >= len(FIGURE_ROWS) - 1),
        ("the first table's number, alone in its font, is read", "Table 1" in text),
        ("the second table's number, alone in its font, is read", "Table 2" in text),
        ("the α OCR cannot read is no Latin letter",
         len(greek) == 2 and not any(re.search(r"[A-Za-z]", g) for g in greek)),
    ]
    return report(checks, [f"rows read: {rows} of {len(FIGURE_ROWS)}; titles: {greek}",
                           text[:160]])


if __name__ == "__main__":
    sys.exit(main())
