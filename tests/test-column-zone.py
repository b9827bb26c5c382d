#!/usr/bin/python3
"""Two columns under a block of full-width text are read column by column (issue 15): on a
paper's first page the abstract runs across the page and the body below it is set in two
columns. Most of the page's lines run across the gutter, yet the rows below the abstract split
at it: that zone is read left column first, and the abstract before it. A page of full-width
text with a few rows of a form below it (ragged labels and values at a tab stop) still reads the
form row by row.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the reading order, printing TAP. Run by meson (RECTO_EXE in
the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
SIZE = 10  # Courier 10: six points a character
PITCH = 14


def show(x, y, text):
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def filled(word, n_chars, tag=""):
    """@word repeated to fill @n_chars characters exactly (then @tag), as a justified line."""
    text = " ".join([word] * ((n_chars + 1) // (len(word) + 1)))
    return (text + "x" * (n_chars - len(text)) + tag)[: n_chars + len(tag)]


def abstract(y, n_lines, word):
    """@n_lines full-width lines (76 characters) of @word; returns them and the next free y."""
    out = []
    for i in range(n_lines):
        last = i == n_lines - 1
        out.append(show(72, y, filled(word, 38 if last else 76) + (" A." if last else "")))
        y -= PITCH
    return out, y - PITCH


def paper_page():
    """An abstract of 16 lines, then two columns of 36 characters, 4 apart, of 8 rows each."""
    out, y = abstract(760, 16, "abstract")
    for side, word in enumerate(("left", "right")):
        x = 72 + 6 * 40 * side
        for i in range(8):
            last = i == 7
            text = filled(word, 18 if last else 36) + (f" {word[0].upper()}." if last else "")
            out.append(show(x, y - PITCH * i, text))
    return "\n".join(out).encode("latin-1")


def form_page():
    """An abstract of 16 lines, then six rows of a form: a ragged label and, at a tab stop 40
    characters along, a ragged value."""
    out, y = abstract(760, 16, "summary")
    for i in range(6):
        out.append(show(72, y - PITCH * i, f"key{i}" + " name" * (i % 3)))
        out.append(show(72 + 6 * 40, y - PITCH * i, f"value{i}" + " item" * ((i + 1) % 3)))
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([paper_page(), form_page()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"), "zone")
    flat = " ".join(" ".join(body.itertext()).split())
    first, second = flat.split("key0", 1) if "key0" in flat else (flat, "")
    words = [w for w in first.split() if w.startswith(("abstract", "left", "right"))]
    kinds = [w.rstrip("x")[:4] for w in words]
    in_order = sorted(kinds, key=["abst", "left", "righ"].index)
    keys = [w for w in ("key0" + second).split() if w.startswith(("key", "value"))]

    checks = [
        ("the abstract, then the left column, then the right one",
         kinds.count("left") > 20 and kinds.count("righ") > 20 and kinds == in_order),
        ("a form under full-width text is read row by row",
         keys == [f"{k}{i}" for i in range(6) for k in ("key", "value")]),
    ]
    return report(checks, ["text: " + flat])


if __name__ == "__main__":
    sys.exit(main())
