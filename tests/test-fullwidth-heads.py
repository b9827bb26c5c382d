#!/usr/bin/python3
"""A heading numbered in full-width digits ("１ 総括", as a Japanese text sets its numbers) is
numbered as one in ASCII digits is ("1 Overview"): set apart from the body by its size, it is a
heading with its number as n (core recto_numbering_match). The same line without its number,
as little larger than the body, is none (a heading without a number must be larger still).

Writes the PDF by hand (the digits drawn through glyph names in the font's encoding), converts it
with recto and checks the headings, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import headed_paragraphs, pages_pdf  # noqa: E402

# Times-Roman with codes 1 and 2 the full-width digits one and two, by their glyph names; every
# code given a width (half an em; a full em for the digits), as the digits have none in the
# font's metrics.
FONT = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 1 /LastChar 126 "
        b"/Widths [1000 1000 %s] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
        b"/Differences [1 /uniFF11 2 /uniFF12] >> >>" % b" ".join([b"500"] * 124))

# Lines set at 11 points, each before a paragraph at 10.
LINES = [(b"\x01 Overview of the budget", b"F1"), (b"Notes on the data", b"F1"),
         (b"\x02 Revenue of the county", b"F1")]


def main():
    body = convert_pdf(pages_pdf([headed_paragraphs(LINES, head_size=11)], FONT),
                       "fullwidth-heads")
    heads = {" ".join("".join(h.itertext()).split()): h.get("n") for h in body.iter(TEI + "head")}
    checks = [
        ("a line numbered in full-width digits is a heading",
         "\uff11 Overview of the budget" in heads and "\uff12 Revenue of the county" in heads),
        ("its number is its n", heads.get("\uff11 Overview of the budget") == "\uff11"),
        ("a line as large without a number is not", "Notes on the data" not in heads),
    ]
    return report(checks, ["heads:"] + ["  %s (n=%s)" % item for item in heads.items()])


if __name__ == "__main__":
    sys.exit(main())
