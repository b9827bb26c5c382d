#!/usr/bin/python3
"""A boxed label beside its value is a table of one row (a bill's number box: "Bill" over "No."
in the left cell, "25318" in the right): a frame ruled into columns but not into rows whose
lines make no two rows of cells holds one row, each cell's lines stacked in it. A line that the
page sets level with the label's first line beyond the frame ("Date : 2023. 11. 9.") is a line
of its own, not text of the box: the line is cut at the rule drawing the frame's right side
when what lies beyond stands in the open.

Writes the PDF by hand (rules drawn as lines), converts it with recto and checks the table and
the text, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def text(x, y, words, size=12):
    return f"BT /F1 {size} Tf {x} {y} Td ({words}) Tj ET"


def page():
    """The box (72..200 across, 640..684 down the page, a rule at 130 between its cells), the
    lines beside it from 290, then prose."""
    out = ["0.8 w 72 684 m 200 684 l S", "72 640 m 200 640 l S"]
    out += [f"{x} 640 m {x} 684 l S" for x in (72, 130, 200)]
    out += [text(82, 667, "Bill"), text(82, 647, "No."), text(142, 651, "25318"),
            text(290, 667, "Date : 2023. 11. 9."), text(290, 647, "Sponsor : Kim and Lee"),
            text(290, 627, "Park and Choi")]
    out += [text(72, 580 - 16 * i, " ".join(WORDS[(i + k) % 13] for k in range(10)), 11)
            for i in range(12)]
    return out


def main():
    body = convert_pdf(pages_pdf(["\n".join(page()).encode()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "boxed")
    rows = [[" ".join("".join(c.itertext()).split()) for c in r.iter(TEI + "cell")]
            for r in body.iter(TEI + "row")]
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in body.iter(TEI + "p")]
    checks = [
        ("the box is a table of one row, its label's lines in one cell before the value",
         rows == [["Bill No.", "25318"]]),
        ("the line beside the box is a paragraph of its own",
         "Date : 2023. 11. 9." in paragraphs),
        ("nothing of the line beside the box is in the table",
         not any("Date" in c for r in rows for c in r)),
    ]
    return report(checks, [f"rows: {rows}", f"paragraphs: {paragraphs[:4]}"])


if __name__ == "__main__":
    sys.exit(main())
