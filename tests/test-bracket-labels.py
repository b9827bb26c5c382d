#!/usr/bin/python3
"""A line that is nothing but a label in lenticular brackets ("【보고사항】", "【摘要】") heads what
follows it: it opens a block of its own even below a line that filled the column
(paragraphs/continuation.c), and that block is a heading without a number, in the body's own
type as it is (headings/unnumbered.c). A line that only opens with such a bracket (a citation's
"【2017】22号" wrapped to the start of a line) goes on with its sentence.

Writes the PDF by hand (the brackets drawn through glyph names in the font's encoding), converts
it with recto and checks the blocks, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

# Courier with codes 1 and 2 the lenticular brackets, by their glyph names; every code half an
# em wide, as Courier's are (the brackets have no width in its metrics).
FONT = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /FirstChar 1 /LastChar 126 "
        b"/Widths [%s] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
        b"/Differences [1 /uni3010 2 /uni3011] >> >>" % b" ".join([b"600"] * 126))
LINES = [
    b"The board met eleven times and approved every budget line that it",
    b"was given, and the members of the committee signed the minutes too",
    b"\x01Reports\x02",
    b"Reserves stood at four hundred million at the end of the year, as",
    b"the circular of the ministry \x012017\x02 asked of every county board",
    b"\x012017\x02 22 of the ministry asked as well; spending rose a tenth.",
]


def main():
    content = b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (780 - 13 * i, text)
                       for i, text in enumerate(LINES))
    body = convert_pdf(pages_pdf([content], FONT), "bracket-labels")
    heads = head_texts(body)
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in body.iter(TEI + "p")]
    checks = [
        ("a line that is only a bracketed label is a heading", "\u3010Reports\u3011" in heads),
        ("it is not joined to the full line above it",
         any(p.endswith("signed the minutes too") for p in paragraphs)),
        ("a line that only opens with a bracket goes on with its sentence",
         any("every county board\u30102017\u3011 22 of the ministry" in p for p in paragraphs)),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in heads] + ["paragraphs:"]
                  + ["  " + p for p in paragraphs])


if __name__ == "__main__":
    sys.exit(main())
