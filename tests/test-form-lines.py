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
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import headed_paragraphs, pages_pdf  # noqa: E402

# /F2: Helvetica-Bold with code 1 the white square (a check box) and code 2 the radical sign
# (the tick Chinese forms print), by their glyph names.
BOLD = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [1 /uni25A1 2 /radical] >> >>")



def main():
    bold = [b"Outlook for the coming year", b"\x01Applicable \x02Not applicable",
            b"\x02Reached \x01Not reached", b"Roads and bridges"]
    data = pages_pdf([headed_paragraphs([(text, b"F2") for text in bold])],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>", BOLD)
    body = convert_pdf(data, "form-lines")
    heads = head_texts(body)
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
