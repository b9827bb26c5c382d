#!/usr/bin/python3
"""A line of a form's choices is no heading: an annual report answers its template's questions
with check boxes ("□适用 √不适用": two or more boxes or ticks), set in bold like the headings
around them; a short line set wholly in bold is a heading, but not such a line
(headings/heading-text.c, heading_is_form_line). A bold line without choice marks stays a heading.

Writes the PDF by hand, converts it with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

BODY = [
    b"Reserves stood at four hundred million at the end of the year, as planned before.",
    b"The board met eleven times and approved every budget line that it was given then.",
    b"Spending on schools rose by a tenth, and spending on roads fell by about as much.",
]
# /F2: Helvetica-Bold with code 1 the white square (a check box) and code 2 the radical sign
# (the tick Chinese forms print), by their glyph names.
BOLD = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [1 /uni25A1 2 /radical] >> >>")


def line(y, text, font=b"F1"):
    return b"BT /%s 10 Tf 72 %d Td (%s) Tj ET\n" % (font, y, text)


def page(bold_lines):
    """Body paragraphs, each after a bold line of @bold_lines."""
    out, y = b"", 780
    for text in bold_lines:
        out += line(y, text, b"F2")
        y -= 24
        for body in BODY:
            out += line(y, body)
            y -= 13
        y -= 20
    return out


def main():
    data = pages_pdf([page([b"Outlook for the coming year", b"\x01Applicable \x02Not applicable",
                            b"\x02Reached \x01Not reached", b"Roads and bridges"])],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>", BOLD)
    body = convert_pdf(data, "form-lines")
    heads = [" ".join("".join(h.itertext()).split()) for h in body.iter(TEI + "head")]
    text = " ".join("".join(body.itertext()).split())
    checks = [
        ("bold lines without choice marks are headings",
         "Outlook for the coming year" in heads and "Roads and bridges" in heads),
        ("a bold line of check boxes and ticks is no heading",
         not any("Applicable" in h or "Reached" in h for h in heads)),
        ("its marks and words stay in the text",
         "\u25a1Applicable \u221aNot applicable" in text and "\u221aReached \u25a1Not reached" in text),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in heads] + ["text: " + text])


if __name__ == "__main__":
    sys.exit(main())
