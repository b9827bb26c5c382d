#!/usr/bin/python3
"""A list item's lines hang under its text whatever mark opens it (issue 15): a bullet drawn
from a symbol font often comes out as a code point no numbering scheme knows (U+F0B7 of Symbol,
here "¤"), yet it is a lone mark set apart by a space, and the item's later lines, indented to
where its text starts, go on with it rather than each starting a paragraph. A paragraph opened
by a word is not taken for an item: its indented next line still starts a new block.

Writes the PDF by hand (Courier, WinAnsi), converts it with recto and checks the blocks,
printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
SIZE = 10  # Courier 10: six points a character
WIDTH = 60  # characters in a full line


def show(x, y, text):
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def filled(word, n_chars):
    """@word repeated, then a year, filling @n_chars characters: a line that ends on a number
    gives no sign that its sentence goes on below."""
    text = " ".join([word] * ((n_chars - 4) // (len(word) + 1)))
    return text + "x" * (n_chars - 5 - len(text)) + " 2024"


def page():
    """Three paragraphs of four lines, flush left, then three items of three lines ("¤ " then
    text, then lines indented two characters), then a paragraph of a full line and a line
    indented two characters."""
    out, y = [], 760
    for n in range(3):
        for i in range(4):
            out.append(show(72, y, filled(f"body{n}", 30 if i == 3 else WIDTH)))
            y -= 14
    for n in range(3):
        word = f"item{n}"
        out.append(show(72, y, "\xa4 " + filled(word, WIDTH - 2)))
        out.append(show(84, y - 14, filled(word, WIDTH - 2)))
        out.append(show(84, y - 28, filled(word, 20) + f" end{n}."))
        y -= 42
    out.append(show(72, y, filled("plain", WIDTH)))
    out.append(show(84, y - 14, filled("other", 20) + " last."))
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([page()], b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
                                           b"/Encoding /WinAnsiEncoding >>"), "bullets")
    blocks = [" ".join("".join(e.itertext()).split()) for e in body.iter()
              if e.tag in (TEI + "p", TEI + "item", TEI + "head")]

    def whole(n):
        """Whether item @n is one block: its mark, its three lines and its end."""
        return any(b.startswith("\xa4") and b.count(f"item{n}") >= 18 and b.endswith(f"end{n}.")
                   for b in blocks)

    checks = [
        ("an item opened by an unknown mark keeps its hanging lines",
         all(whole(n) for n in range(3))),
        ("an indented line after a paragraph opened by a word starts a block",
         any(b.startswith("other") for b in blocks)),
    ]
    return report(checks, blocks)


if __name__ == "__main__":
    sys.exit(main())
