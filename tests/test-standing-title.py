#!/usr/bin/python3
"""A title set in the body's own type and told by the space around it alone (a Japanese budget's
"令和７年度富士市一般会計予算" over its resolution): a short line of words that opens its page's
text, a blank line or more above the paragraph under it, is a heading
(headings/standing-titles.c). The same line set at the paragraph's own pitch is not, nor a short
line with a blank line under it in the middle of the page.

Writes the PDFs by hand, converts them with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf, text_line  # noqa: E402

TITLE = b"Budget of the county"
MIDDLE = b"Grants of the state"


def paragraph(y, lines):
    """@lines of BODY from @y down, 14 points apart, the first indented; and the y below."""
    out = b""
    for i, text in enumerate(lines):
        out += b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (92 if i == 0 else 72, y, text)
        y -= 14
    return out, y


def second_page(gap):
    """A page opening with TITLE, @gap points above its first paragraph, then a short line with
    a blank line under it between two paragraphs."""
    out = b"BT /F1 10 Tf 92 780 Td (%s) Tj ET\n" % TITLE
    text, y = paragraph(780 - gap, BODY)
    out += text
    out += b"BT /F1 10 Tf 92 %d Td (%s) Tj ET\n" % (y, MIDDLE)
    text, _ = paragraph(y - 30, BODY)
    return out + text


def heads(gap):
    first = b"".join(text_line(780 - 14 * i, BODY[i % len(BODY)]) for i in range(12))
    data = pages_pdf([first, second_page(gap)],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>")
    return head_texts(convert_pdf(data, "standing-title"))


def main():
    apart, close = heads(30), heads(14)
    checks = [
        ("a short line opening its page, a blank line over its paragraph, is a heading",
         TITLE.decode() in apart),
        ("the same line at the paragraph's pitch is not", TITLE.decode() not in close),
        ("a short line with a blank line under it mid-page is not", MIDDLE.decode() not in apart),
    ]
    return report(checks, [f"heads (apart): {apart}", f"heads (close): {close}"])


if __name__ == "__main__":
    sys.exit(main())
