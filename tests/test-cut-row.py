#!/usr/bin/python3
"""A table row cut by a page break is one row (issue 15): in a ruled two-column table whose
every row has a label (a specification's terms and their definitions), the definition that
ends page 1 goes on at the top of page 2 in a row whose label cell is empty. That row is the
rest of the one before: its text joins the cut cell. A row with a label of its own that opens
the next page stays a row. Where the table's heads name its first column ("No."), the cut
row's rest may look like heads on its own page (it stands above the first row with a number):
it still joins the row it belongs to.

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


def numbered_table(rows, top, height=30, columns=(72, 150, 380, 520)):
    """A ruled table of three columns: @rows (tuples of three cells), the first at @top."""
    out = [f"0.5 w {columns[0]} {top} m {columns[-1]} {top} l S"]
    for i, cells in enumerate(rows):
        y = top - height * (i + 1)
        out.append(f"{columns[0]} {y} m {columns[-1]} {y} l S")
        out += [text(x + 6, y + 11, c) for x, c in zip(columns, cells) if c]
    bottom = top - height * len(rows)
    return out + [f"{x} {top} m {x} {bottom} l S" for x in columns]


HEADS = ("No.", "Parameter", "Limit")
NUMBERED_1 = [HEADS, ("4.1.1", "charge end", "3.65 V"), ("4.1.2", "overcharge level one", "3.80 V"),
              ("4.1.3", "discharge end when", "2.0 V")]
NUMBERED_2 = [("", "the cell is at rest", ""), ("4.1.4", "overdischarge", "1.8 V"),
              ("4.1.5", "short circuit", "not allowed")]


def numbered_rows():
    """The rows of the table whose heads name its first column, cut by the page break."""
    page_1 = prose(780, 12) + numbered_table(NUMBERED_1, 180)
    page_2 = numbered_table(NUMBERED_2, 800) + prose(680, 12)
    body = convert_pdf(pages_pdf(["\n".join(p).encode() for p in (page_1, page_2)],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "cutrow-heads")
    return [[" ".join("".join(c.itertext()).split()) for c in r.iter(TEI + "cell")]
            for r in body.iter(TEI + "row")]


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
    numbered = numbered_rows()
    checks += [
        ("a cut row that looks like heads joins its row where the heads name the first column",
         ["4.1.3", "discharge end when the cell is at rest", "2.0 V"] in numbered),
        ("the heads and the other rows stay rows",
         numbered[:3] == [list(r) for r in NUMBERED_1[:3]] and numbered[-2:] == [list(r) for r in NUMBERED_2[1:]]
         and len(numbered) == 6),
    ]
    return report(checks, [f"rows: {rows}", f"numbered rows: {numbered}"])


if __name__ == "__main__":
    sys.exit(main())
