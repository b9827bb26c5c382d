#!/usr/bin/python3
"""Single lines set on either side of a table's column gap are read top to bottom, and a line
set to the right is not run on into the line under it (issue 15).

A table whose column gap lines up down the page gives the page a gutter. Over the table, under
a title set right of that gap and over a sentence across the page, a heading stands left of it:
no line of one side lies level with a line of the other, so those lines are stacked, not two
columns, and the title is read before the heading. On a page of one column, a date set flush
right is a block of its own: the line under it, at the margin and at the usual pitch, starts
another; a paragraph whose first line is indented two characters still runs on.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the order and the paragraphs, printing TAP. Run by meson
(RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
SIZE = 10  # Courier 10: six points a character
PITCH = 14
RIGHT = 528  # the right margin: 76 characters from 72


def show(x, y, text, size=SIZE):
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def table_page():
    """A title right of the table's column gap, a heading left of it, a sentence across the page,
    then eight rows: a ragged name and role, and at 32 characters along the rest of the row."""
    out = [show(300, 790, "SECTION TITLE", 14), show(72, 760, "Holdings"),
           show(72, 760 - PITCH, "This sentence runs across the whole page and introduces "
                                 "the table below.")]
    for i in range(8):
        y = 760 - PITCH * (i + 3)
        out.append(show(72, y, f"name{i} " + "role " * (1 + i % 3)))
        out.append(show(72 + 6 * 32, y, f"m {40 + i} 2020-03-{10 + i} yes"))
    return "\n".join(out).encode("latin-1")


def dated_page():
    """A paragraph of three lines, its first indented two characters; a date flush right; a
    line at the margin under it at the usual pitch."""
    text = ["  Reserves stood at four hundred million at the end of the year as planned.",
            "The board met eleven times and approved every budget line that it was given",
            "then, as it said."]
    out = [show(72, 760 - PITCH * i, line) for i, line in enumerate(text)]
    date = "Filed: 2024-05-01"
    out.append(show(RIGHT - 6 * len(date), 760 - PITCH * 4, date))
    out.append(show(72, 760 - PITCH * 5, "The table above is published as filed."))
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([table_page(), dated_page()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "stacked")
    flat = " ".join(" ".join(body.itertext()).split())
    paras = [" ".join("".join(p.itertext()).split()) for p in body.iter(TEI + "p")]
    dated = [p for p in paras if "2024-05-01" in p]

    checks = [
        ("the title over the table is read before the heading under it",
         "SECTION TITLE" in flat and "Holdings" in flat
         and flat.index("SECTION TITLE") < flat.index("Holdings")),
        ("a date set flush right is a block of its own",
         len(dated) == 1 and "published" not in dated[0]),
        ("a paragraph whose first line is indented runs on",
         any("planned. The board" in p and "said." in p for p in paras)),
    ]
    return report(checks, ["text: " + flat] + ["p: " + p for p in paras])


if __name__ == "__main__":
    sys.exit(main())
