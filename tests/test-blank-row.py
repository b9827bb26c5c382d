#!/usr/bin/python3
"""A row with a blank in it, among rows that run across, is one row (issue 15): a published
report leaves a name out of its text ("the main brand is under pressure [blank] growth ahead"),
and that blank lines up with a table's column gap below, which makes the page's gutter. A
gutter's rows run down beside each other; this row has full lines just above and below it, so
its two pieces are read as one line, not as two columns. The table's rows, each beside the
next, stay cut at the gutter.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the paragraphs, printing TAP. Run by meson (RECTO_EXE in the
environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
SIZE = 10  # Courier 10: six points a character
PITCH = 14


def show(x, y, text, size=SIZE):
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def filled(word, n_chars):
    """@word repeated to fill @n_chars characters exactly, as a justified line."""
    text = " ".join([word] * ((n_chars + 1) // (len(word) + 1)))
    return (text + "x" * (n_chars - len(text)))[:n_chars]


def page():
    """Three full lines, the row with a blank (its left piece ends at column 40, its right one
    starts at column 52), three full lines ending the paragraph, then a table of six rows whose
    halves (the left one to column 48, so the left piece of the row stops well short of its
    column's edge) stand either side of the same gap."""
    out, y = [], 760
    for i in range(3):
        out.append(show(72, y, filled("before", 76)))
        y -= PITCH
    out.append(show(72, y, filled("left", 40)))
    out.append(show(72 + 52 * 6, y, filled("right", 24)))
    y -= PITCH
    for i in range(3):
        out.append(show(72, y, filled("after", 76) if i < 2 else "after the blank row ends."))
        y -= PITCH
    y -= 2 * PITCH
    for i in range(6):
        out.append(show(72, y, f"Item {i} " + " ".join(["12,345"] * 6)))
        out.append(show(72 + 52 * 6, y, "3,456 7,890"))
        y -= PITCH
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([page()], b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "blank-row")
    blocks = [" ".join(text_without_furniture(e).split()) for e in body.iter()
              if e.tag in (TEI + "p", TEI + "head", TEI + "item")]
    paragraph = next((b for b in blocks if b.startswith("before")), "")
    rows = [" ".join("".join(r.itertext()).split()) for r in body.iter(TEI + "row")]
    flat = " ".join(blocks + rows)

    checks = [
        ("the row's two pieces are one line of the paragraph, in their order",
         " left" in paragraph and "right" in paragraph
         and paragraph.index("left") < paragraph.index("right") < paragraph.index("after")),
        ("no block is the row's right piece alone", not any(b.startswith("right") for b in blocks)),
        ("the table's rows keep both halves",
         all(f"Item {i}" in flat for i in range(6)) and flat.count("3,456") == 6),
    ]
    return report(checks, ["block: " + b for b in blocks] + ["row: " + r for r in rows])


if __name__ == "__main__":
    sys.exit(main())
