#!/usr/bin/python3
"""Side by side captions of a grid of figures are read row by row (issue 15): a report sets its
charts two to a row, each with its caption above it, and numbers them along the rows (figure 1
and 2 on the first row, 3 and 4 on the next). The captions' gaps line up like a gutter, but
neither side holds a run of text (each caption stands alone, a chart's height from the next), so
the page is cut at the gutter (each caption a line of its own) and read row by row. A page of
two real columns is still read column by column.

Writes the PDF by hand (Courier 10), converts it with recto and checks the order of the
captions, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

SIZE = 10  # Courier 10: six points a character
TOPICS = ["revenue", "net profit", "margins", "expenses", "turnover", "returns"]


def show(x, y, text):
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def grid_page():
    """Captions of figures 1 to 6, two to a row (x 72 and 320), rows 200 points apart."""
    out = []
    for n, topic in enumerate(TOPICS, 1):
        x, y = (72, 320)[(n - 1) % 2], 760 - 200 * ((n - 1) // 2)
        out.append(show(x, y, f"Figure {n}: quarterly {topic}"))
    return "\n".join(out).encode("latin-1")


def two_column_page():
    """Two columns of 36 characters, four apart, each of two paragraphs of four lines."""
    out = []
    for side, word in enumerate(["left", "right"]):
        x, y = 72 + 6 * 40 * side, 760
        for para in range(2):
            for i in range(4):
                n = (18 if i == 3 else 37) // (len(word) + 1)
                text = " ".join([word] * n) + (f" {word[0].upper()}{para}." if i == 3 else "")
                out.append(show(x, y, text))
                y -= 14
            y -= 10
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([grid_page(), two_column_page()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "grid")
    texts = [" ".join("".join(e.itertext()).split()) for e in body.iter()
             if e.tag in (TEI + "p", TEI + "item", TEI + "head")]
    flat = " ".join(texts)
    where = [flat.find(f"Figure {n}:") for n in range(1, 7)]
    tokens = [w for w in flat.split() if w.startswith(("left", "right", "L", "R"))]
    left_first = sorted(tokens, key=lambda w: w.startswith(("right", "R")))

    checks = [
        ("every caption is in the text", all(w >= 0 for w in where)),
        ("the captions are read along the rows, as they are numbered", where == sorted(where)),
        ("two real columns are still read column by column",
         len(tokens) > 20 and tokens == left_first and "R1." in tokens),
    ]
    return report(checks, ["blocks:"] + ["  " + t for t in texts])


if __name__ == "__main__":
    sys.exit(main())
