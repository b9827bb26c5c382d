#!/usr/bin/python3
"""A line that only two pages of a longer document print at their top is a running head only
where it stands clear of the text under it, or where the running heads of other pages stand,
set as they are (issue 15): the title of a table that runs over two pages, set on the table's
first lines on both, stays in the text; a chapter's running head on the two pages of a short
chapter, a line's height and more above its text, is furniture, and so is a section's title
repeated on its two pages close over the text, in the running heads' place and type.

Writes the PDF by hand, converts it with recto and checks where each line went, printing TAP.
Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf, text_line  # noqa: E402

TITLE = b"Summary of the supplementary budgets"
RUNNING = b"Chapter two: the accounts"
SECTION = b"Section three: the notes"


def page(top, gap, size=9):
    """A page of body lines under @top (or none) set at @size, @gap points above the first."""
    out, y = b"", 770
    if top is not None:
        out += text_line(y + 20 - 2 * size, top, size=size)
        y -= gap
    for i in range(12):
        out += text_line(y, BODY[i % len(BODY)])
        y -= 13
    return out


def main():
    pages = [page(None, 0), page(TITLE, 11), page(TITLE, 11), page(RUNNING, 30, 8),
             page(RUNNING, 30, 8), page(SECTION, 11, 8), page(SECTION, 11, 8)]
    body = convert_pdf(pages_pdf(pages, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "two-page-title")
    fws = [" ".join("".join(e.itertext()).split()) for e in body.iter(TEI + "fw")]
    text = " ".join(text_without_furniture(body).split())
    checks = [
        ("the table's title is not furniture", TITLE.decode() not in fws),
        ("the table's title stays in the text, on both pages", text.count(TITLE.decode()) == 2),
        ("the running head clear of the text is furniture on both pages",
         fws.count(RUNNING.decode()) == 2 and RUNNING.decode() not in text),
        ("the section's title in the running heads' place and type is furniture on both pages",
         fws.count(SECTION.decode()) == 2 and SECTION.decode() not in text),
    ]
    return report(checks, ["fw: " + " | ".join(fws)])


if __name__ == "__main__":
    sys.exit(main())
