#!/usr/bin/python3
"""A running foot that opens with the page's number, set in note type ("4 Row and Column Access
Control Support in IBM DB2 for i" at the foot of an IBM Redpaper's even pages), stays furniture:
the footnotes stage takes back a repeated line that opens with a number as a note ("1 Figures for
the year are provisional." at the foot of every page, each page's own count), but not where that
number rises from page to page, as a page's number does (footnotes.c).

Writes the PDF by hand, converts it with recto and checks where the feet and the notes went,
printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

FOOT = "Annual report of the board of the agency"
NOTE = "Figures for the year are provisional."
PAGES = (2, 4, 6, 8)  # the numbers the feet print: a sample of a longer report's pages


def page_content(index, number):
    out = []
    y = 760
    for line in (BODY[index:] + BODY[:index]) * 3:  # other text at each height on each page
        out.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, line))
        y -= 13
    out.append(b"BT /F1 10 Tf 72 %d Td (The totals are given in the table below.) Tj ET" % y)
    out.append(b"BT /F1 6 Tf 262 %d Td (1) Tj ET" % (y + 5))
    out.append(b"BT /F1 9 Tf 72 90 Td (1 %s) Tj ET" % NOTE.encode())
    out.append(b"BT /F1 9 Tf 72 40 Td (%d %s) Tj ET" % (number, FOOT.encode()))
    return b"\n".join(out)


def texts(body, tag):
    return [" ".join("".join(e.itertext()).split()) for e in body.iter(TEI + tag)]


def main():
    data = pages_pdf([page_content(i, n) for i, n in enumerate(PAGES)],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    body = convert_pdf(data, "numbered-feet")
    furniture, notes = texts(body, "fw"), texts(body, "note")
    checks = [(f"the foot numbered {n} is furniture", f"{n} {FOOT}" in furniture)
              for n in PAGES]
    checks.append(("no foot is a note", not any(FOOT in note for note in notes)))
    checks.append(("the note each page repeats is a note on every page",
                   sum(NOTE in note for note in notes) == len(PAGES)))
    return report(checks, ["fw:"] + furniture + ["notes:"] + notes)


if __name__ == "__main__":
    sys.exit(main())
