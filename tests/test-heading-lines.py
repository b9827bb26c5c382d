#!/usr/bin/python3
"""A heading and the numbered heading under it that the paragraph stage took for one block
(issue 15): a heading that fills its line, with "1.1 …" below it at the body's pitch, is joined
to it as a wrapped line would be. The headings stage takes the two apart, since a wrapped title
does not begin with the next number of its heading's scheme or the first of one nested in it
(headings/numbered-lines.c); a wrapped title that begins with a figure ("2020 Budget …") stays
whole.

Writes the PDF by hand (the body in Times-Roman, the headings in Times-Bold), converts it with
recto and checks the headings, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf, text_line  # noqa: E402

# Headings as long as a body line, each followed at the body's pitch by a line of its own.
PAIRS = [
    (b"1 Spending of the general budget of the county by function and by region",
     b"1.1 Main performance"),
    (b"2 Spending of the general budget of the county by function and by region",
     b"2020 Budget of the county"),
    (b"3 Spending of the general budget of the county by function and by regions",
     b"4 Debts and their interest"),
]



def page():
    out, y = b"", 780
    for first, second in PAIRS:
        for text in BODY[:3]:
            out += text_line(y, text)
            y -= 13
        y -= 14
        out += text_line(y, first, b"F2")
        y -= 13
        out += text_line(y, second, b"F2")
        y -= 27
    return out


def main():
    content = page()
    data = pages_pdf([content], b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>")
    body = convert_pdf(data, "heading-lines")
    heads = head_texts(body)
    name = [p.decode() for pair in PAIRS for p in pair]
    checks = [
        ("a heading and the first heading nested in it are two", name[0] in heads and name[1] in heads),
        ("a wrapped title that begins with a figure stays whole", f"{name[2]} {name[3]}" in heads),
        ("a heading and the next of its scheme are two", name[4] in heads and name[5] in heads),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in heads])


if __name__ == "__main__":
    sys.exit(main())
