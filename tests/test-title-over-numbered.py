#!/usr/bin/python3
"""A title without a number over the first numbered heading under it, set in that heading's
type (issue 15: "歳入歳出予算事項別明細書" over "１ 総括", both larger than the body but by less
than a fifth): it is a heading, set apart as much as the numbered headings are. A line in that
type over body text, heading no numbered heading, is not (it wants a fifth more than the body),
nor is a numbered line's title set smaller than it.

Writes the PDF by hand, converts it with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

HEAD_SIZE = b"11.5"  # larger than the body's 10 points by less than a fifth


def line(y, text, size=b"10"):
    return b"BT /F1 %s Tf 72 %d Td (%s) Tj ET\n" % (size, y, text)


def content(blocks):
    """A page of @blocks: (text, size) lines set 20 points apart, each heading of HEAD_SIZE
    followed by three body lines."""
    out, y = b"", 780
    for text, size in blocks:
        out += line(y, text, size)
        y -= 20
        if text.startswith((b"1 ", b"2 ", b"3 ")) or text == b"Prepared by the finance office":
            for body in BODY[:3]:
                out += line(y, body)
                y -= 13
            y -= 10
    return out


def main():
    page = content([
        (b"Statement of the budget items", HEAD_SIZE), (b"1 Summary of the year", HEAD_SIZE),
        (b"2 Revenue by source", HEAD_SIZE), (b"Prepared by the finance office", HEAD_SIZE),
        (b"3 Spending by department", HEAD_SIZE),
    ])
    heads = head_texts(convert_pdf(pages_pdf([page], b"<< /Type /Font /Subtype /Type1 "
                                             b"/BaseFont /Helvetica >>"), "title-over-numbered"))
    checks = [
        ("the numbered headings are headings",
         all(h in heads for h in ("1 Summary of the year", "2 Revenue by source",
                                  "3 Spending by department"))),
        ("the title over the first of them is a heading", "Statement of the budget items" in heads),
        ("a line in their type over body text is not",
         "Prepared by the finance office" not in heads),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in heads])


if __name__ == "__main__":
    sys.exit(main())
