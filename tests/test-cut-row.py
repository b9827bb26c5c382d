#!/usr/bin/python3
"""A table row cut by a page break is one row (issue 15): in a ruled two-column table whose
every row has a label (a specification's terms and their definitions), the definition that
ends page 1 goes on at the top of page 2 in a row whose label cell is empty. That row is the
rest of the one before: its text joins the cut cell. A row with a label of its own that opens
the next page stays a row.

Writes the PDF by hand (rules drawn as lines), converts it with recto and checks the table's
rows, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()
LEFT, MIDDLE, RIGHT = 72, 200, 520
# Page 1: text, then rows down to the foot; page 2: the cut row's rest, rows, then text.
ROWS_1 = [("Cycle", "one charge and one discharge"), ("Voltage", "measured at rest"),
          ("Capacity", "the charge it holds when new and")]
REST = "discharged at the standard rate"
ROWS_2 = [("Rate", "the current over the capacity"), ("Cell", "one unit of the battery")]


def text(x, y, words):
    return f"BT /F1 10 Tf {x} {y} Td ({words}) Tj ET"


def table(rows, top, height=30):
    """The rules and text of @rows ((label, definition) pairs), the first row's top at @top."""
    out = [f"0.5 w {LEFT} {top} m {RIGHT} {top} l S"]
    for i, (label, definition) in enumerate(rows):
        y = top - height * (i + 1)
        out += [f"{LEFT} {y} m {RIGHT} {y} l S",
                text(LEFT + 6, y + 11, label), text(MIDDLE + 6, y + 11, definition)]
    bottom = top - height * len(rows)
    out += [f"{x} {top} m {x} {bottom} l S" for x in (LEFT, MIDDLE, RIGHT)]
    return out


def prose(top, n):
    return [text(LEFT, top - 14 * i, " ".join(WORDS[(i + k) % 13] for k in range(10)))
            for i in range(n)]


def main():
    page_1 = prose(780, 12) + table(ROWS_1, 150)
    page_2 = table([("", REST)] + ROWS_2, 800) + prose(680, 12)
    body = convert_pdf(pages_pdf(["\n".join(p).encode() for p in (page_1, page_2)],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "cutrow")
    rows = [[" ".join("".join(c.itertext()).split()) for c in r.iter(TEI + "cell")]
            for r in body.iter(TEI + "row")]
    checks = [
        ("the table goes on over the page break",
         len(body.findall(f".//{TEI}table")) == 1 and len(rows) == 5),
        ("the cut row's rest joins its cell",
         ["Capacity", ROWS_1[2][1] + " " + REST] in rows),
        ("no row is left without a label", all(r and r[0] for r in rows)),
        ("the rows after it stay rows", [list(r) for r in ROWS_2] == rows[-2:]),
    ]
    return report(checks, [f"rows: {rows}"])


if __name__ == "__main__":
    sys.exit(main())
