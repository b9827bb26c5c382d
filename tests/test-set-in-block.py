#!/usr/bin/python3
"""A block set in from both sides of its column is one paragraph (issue 15): an abstract under
a title, set in by a few characters left and right, opens with a first-line indent and goes on
in a line that starts at the block's left edge. Its first line fills the block's narrower
measure, not the column's, and the line below goes on with it; the next indented line opens a
block of its own. Centred lines, each wider than the one above, stay lines of their own.

Writes the PDF by hand (Courier, so that the lines' widths are known), converts it with recto and
checks the paragraphs, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

SIZE, CHAR = 10, 6  # Courier 10: every character six points wide
LEFT, CHARS, PITCH = 72, 80, 12  # the column's left edge, its measure in characters
SET_IN = 10  # the abstract's inset on each side, in characters
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def words(n, start, last):
    """Exactly @n characters of words, the last character @last."""
    out, i = [], start
    while len(" ".join(out)) < n:
        out.append(WORDS[i % len(WORDS)])
        i += 1
    return " ".join(out)[: n - 1].rstrip().ljust(n - 1, "x") + last


def show(chars_in, y, text):
    return f"BT /F1 {SIZE} Tf {LEFT + CHAR * chars_in} {y} Td ({text}) Tj ET"


def page():
    out, y = [], 780
    for width in (10, 16, 22):  # centred title lines, each wider than the one above
        out.append(show((CHARS - width) // 2, y, words(width, width, "t")))
        y -= PITCH
    y -= 2 * PITCH
    inner = CHARS - 2 * SET_IN
    out.append(show(SET_IN + 2, y, "Abstract " + words(inner - 2 - 9, 1, "n")))
    out.append(show(SET_IN, y - PITCH, words(40, 5, ".")))
    out.append(show(SET_IN + 2, y - 2 * PITCH, "Keywords " + words(20, 7, "s")))
    y -= 4 * PITCH
    for para in range(2):  # body text across the column
        for i in range(5):
            out.append(show(2 if i == 0 else 0, y, words(CHARS - (2 if i == 0 else 0), para + i,
                                                          "." if i == 4 else "e")))
            y -= PITCH
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([page()], b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "setin")
    blocks = [" ".join("".join(e.itertext()).split()) for e in body.iter()
              if e.tag in (TEI + "p", TEI + "head", TEI + "item")]
    abstract = [b for b in blocks if b.startswith("Abstract")]
    checks = [
        ("the set-in abstract's two lines are one paragraph",
         len(abstract) == 1 and abstract[0].endswith(".") and "Keywords" not in abstract[0]),
        ("the next indented line opens a block of its own",
         any(b.startswith("Keywords") for b in blocks)),
        ("centred lines stay lines of their own",
         sum(1 for b in blocks if b.endswith("t") and len(b) <= 22) == 3),
    ]
    return report(checks, ["blocks:"] + ["  " + b for b in blocks])


if __name__ == "__main__":
    sys.exit(main())
