#!/usr/bin/python3
"""A merged cell cut by a page break is one cell: in a ruled table whose first column groups
its rows (a group's label in a cell merged over the group's rows, set in its middle), the
label of the group that the page break cuts begins in the last row of page 1 ("Group B no")
and goes on at the top of page 2 in a cell merged over two rows, its text in the first of
them ("answer"). That cell is the rest of the one before: its text joins it, and the joined
cell spans the rows of both pages. A merged cell that opens the next page with its text in
its middle, as the table sets its groups, is a group of its own and stays apart.

Writes the PDF by hand (rules drawn as lines), converts it with recto and checks the table's
rows, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()
COLUMNS = (72, 180, 400, 520)
HEIGHT = 30


def text(x, y, words):
    return f"BT /F1 10 Tf {x} {y} Td ({words}) Tj ET"


def prose(top, n):
    return [text(COLUMNS[0], top - 14 * i, " ".join(WORDS[(i + k) % 13] for k in range(10)))
            for i in range(n)]


def table(groups, top):
    """A ruled table of @groups, each (label, label's row within the group or None for its
    middle, [(item, number)...]), the first row's top at @top."""
    out, row = [f"0.5 w {COLUMNS[0]} {top} m {COLUMNS[-1]} {top} l S"], 0
    for label, at, items in groups:
        first = row
        for i, (item, number) in enumerate(items):
            y = top - HEIGHT * (row + 1)
            last = i == len(items) - 1
            out.append(f"{COLUMNS[0] if last else COLUMNS[1]} {y} m {COLUMNS[-1]} {y} l S")
            out += [text(COLUMNS[1] + 6, y + 11, item), text(COLUMNS[2] + 6, y + 11, number)]
            row += 1
        middle = top - HEIGHT * (first + row) / 2 - 4 if at is None else top - HEIGHT * (first + at + 1) + 11
        out.append(text(COLUMNS[0] + 6, middle, label))
    bottom = top - HEIGHT * row
    return out + [f"{x} {top} m {x} {bottom} l S" for x in COLUMNS]


def rows_of(page_1, page_2, name):
    body = convert_pdf(pages_pdf(["\n".join(p).encode() for p in (page_1, page_2)],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), name)
    return [[(" ".join("".join(c.itertext()).split()), c.get("rows")) for c in r.iter(TEI + "cell")]
            for r in body.iter(TEI + "row")]


GROUP_A = ("Group A", None, [("first item", "12"), ("second item", "34"), ("third item", "56")])
GROUP_C = ("Group C", None, [("seventh item", "13"), ("eighth item", "57"), ("ninth item", "91")])


def main():
    page_1 = prose(780, 12) + table([GROUP_A, ("Group B no", 0, [("fourth item", "78")])], 240)
    page_2 = table([("answer", 0, [("fifth item", "90"), ("sixth item", "11")]), GROUP_C], 800) \
        + prose(560, 12)
    cut = rows_of(page_1, page_2, "cutcell")
    page_1 = prose(780, 12) + table([GROUP_A, ("Group B", 0, [("fourth item", "78")])], 240)
    page_2 = table([("Group E", None, [("fifth item", "90"), ("sixth item", "11")]), GROUP_C], 800) \
        + prose(560, 12)
    whole = rows_of(page_1, page_2, "wholecell")
    checks = [
        ("the cut merged cell is one cell, over the rows of both pages",
         ("Group B no answer", "3") in cut[3]),
        ("the rows on the next page keep their cells, none of them the cut cell's rest",
         [c[0] for c in cut[4]] == ["fifth item", "90"] and [c[0] for c in cut[5]] == ["sixth item", "11"]),
        ("the groups set in their cells' middle keep their cells",
         ("Group A", "3") in cut[0] and ("Group C", "3") in cut[6]),
        ("a merged cell with its text in its middle opening the next page stays a cell",
         ("Group B", None) in whole[3] and ("Group E", "2") in whole[4]),
    ]
    return report(checks, [f"cut: {cut}", f"whole: {whole}"])


if __name__ == "__main__":
    sys.exit(main())
