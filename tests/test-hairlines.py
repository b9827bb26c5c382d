#!/usr/bin/python3
"""A table whose inner rules are hairlines (filled rectangles a tenth of a point thick, as
some budget books draw them) inside a frame of ordinary rules: drawn at the tables stage's
resolution a hairline is light grey, not ink, yet it divides cells. Each item's row of the
frame holds two rows divided by a hairline (the label and "Revised"; "Current" and the
amount), and a hairline divides those rows' label from the amount: "Current" and its amount
are cells of one row, the item's label a cell spanning both rows.

Writes the PDF by hand, converts it with recto and checks the table's rows, printing TAP. Run
by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

LEFT, LABELS, AMOUNTS, RIGHT = 72, 220, 280, 480
TOP, ITEM = 700, 32
ITEMS = [("1 city tax", "48,352,400"), ("2 transfer tax", "680,000"), ("3 interest", "22,000"),
         ("4 dividends", "350,000"), ("5 stock transfer", "500,000")]
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def text(x, y, words):
    return f"BT /F1 10 Tf {x} {y} Td ({words}) Tj ET"


def hairline(x1, y1, x2, y2):
    """A filled rectangle a tenth of a point thick from (@x1, @y1) to (@x2, @y2)."""
    if y1 == y2:
        return f"{x1} {y1} {x2 - x1} 0.1 re f"
    return f"{x1} {y2} 0.1 {y1 - y2} re f"


def table():
    bottom = TOP - ITEM * len(ITEMS)
    out = ["0.6 w"] + [f"{x} {TOP} m {x} {bottom} l S" for x in (LEFT, LABELS, RIGHT)]
    out.append(f"{LEFT} {TOP} m {RIGHT} {TOP} l S")
    out.append(hairline(AMOUNTS, TOP, AMOUNTS, bottom))
    for i, (label, amount) in enumerate(ITEMS):
        top = TOP - ITEM * i
        out += [f"{LEFT} {top - ITEM} m {RIGHT} {top - ITEM} l S",
                hairline(LABELS, top - ITEM / 2, RIGHT, top - ITEM / 2),
                text(LEFT + 6, top - ITEM / 2 + 5, label),
                text(LABELS + 6, top - ITEM / 2 + 5, "Revised"),
                text(LABELS + 6, top - ITEM + 5, "Current"),
                text(RIGHT - 60, top - ITEM + 5, amount)]
    return out


def main():
    prose = [text(72, 780 - 14 * i, " ".join(WORDS[(i + k) % 13] for k in range(10)))
             for i in range(4)]
    body = convert_pdf(pages_pdf([("\n".join(prose + table())).encode()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "hairlines")
    rows = [[" ".join("".join(c.itertext()).split()) for c in r.iter(TEI + "cell")]
            for r in body.iter(TEI + "row")]
    labels = [c for r in body.iter(TEI + "row") for c in r.iter(TEI + "cell")
              if " ".join("".join(c.itertext()).split()) in [label for label, _ in ITEMS]]
    checks = [
        ("each item's current amount is a row of its own, cut from its label by a hairline",
         all(["Current", amount] in rows for _, amount in ITEMS)),
        ("each item's revised row is a row of its own", sum(r[-2:] == ["Revised", ""] for r in rows) == 5),
        ("the item's label spans both rows",
         len(labels) == 5 and all(c.get("rows") == "2" for c in labels)),
    ]
    return report(checks, [f"rows: {rows}"])


if __name__ == "__main__":
    sys.exit(main())
