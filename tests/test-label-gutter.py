#!/usr/bin/python3
"""Clause numbers set apart from their text are not a column (issue 15): in a standard, each
clause's number ("5.1", "C.1.1.1") stands at the margin and its text a wide space to the right,
so the gaps line up down the page like a gutter. A column that narrow holds no text: each number
is read with the text of its row, not gathered into a paragraph of numbers ahead of the text.
A page of two real columns, the left one narrow but wide enough for prose, is still read column
by column.

Wider labels tell themselves by their rows: in a reference list each standard's number (as wide
as ten characters or more) is followed a fixed space after it by its title, so where two numbers
end apart, their titles start as far apart; a column of text starts at its own edge. Such a list
is read row by row, also on the next page, where its last numbers, all as long, tell nothing of
their own.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the paragraphs, printing TAP. Run by meson (RECTO_EXE in the
environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pages_pdf, words  # noqa: E402
SIZE = 10  # Courier 10: six points a character


def show(x, y, text):
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def clause_page():
    """Clauses 5.1 to 5.6, one line each: the number at the margin, the text three characters
    (1.8 em) after it, 24 points between clauses."""
    out = []
    for n in range(1, 7):
        y = 760 - 24 * n
        out.append(show(72, y, f"5.{n}"))
        out.append(show(72 + 6 * 6, y, f"clause{n} " + words(42, 3 * n) + "."))
    return "\n".join(out).encode("latin-1")


def two_column_page(left_chars):
    """A left column @left_chars characters wide of the word "left" and a right one of 40 of
    "right", four characters apart, each of two paragraphs of four lines (the last one short,
    ending with its tag)."""
    out = []
    for side, (x, width) in enumerate([(72, left_chars), (72 + 6 * (left_chars + 4), 40)]):
        word, y = ("left", "right")[side], 760
        for para in range(2):
            for i in range(4):
                n = (width // 2 if i == 3 else width + 1) // (len(word) + 1)
                text = " ".join([word] * n)
                if i == 3:
                    text += f" {word[0].upper()}{para}."
                out.append(show(x, y, text))
                y -= 14
            y -= 10
    return "\n".join(out).encode("latin-1")


REFERENCES = [("GB/T 2965-2007", "Titanium bars"), ("GB/T 3621-2007", "Titanium plates"),
              ("GB/T 3622-2012", "Titanium strips and foils"), ("GB/T 12769-2007", "Clad bars"),
              ("GB/T 13810-2007", "Implant stock"), ("GB/T 14845-2007", "Plates for exchangers"),
              ("GJB 2218A-2008", "Aviation bars and billets"), ("YS/T 658-2007", "Welding strip"),
              ("GB/T 26723-2011", "Cold rolled coils"), ("YS/T 750-2011", "Hot rolled coils")]
MORE_REFERENCES = [("YS/T 794-2012", "Seed plates"), ("YS/T 795-2012", "Golf head plates"),
                   ("YS/T 885-2013", "Forged slabs")]


def reference_page(references, prose):
    """@prose lines across the page, then each reference: its number at the margin, its title
    three characters after it."""
    out = [show(72, 760 - 14 * i, line) for i, line in enumerate(prose)]
    y = 760 - 14 * (len(prose) + 1)
    for number, title in references:
        out.append(show(72, y, number))
        out.append(show(72 + 6 * (len(number) + 3), y, title))
        y -= 14
    return "\n".join(out).encode("latin-1")


def main():
    # Page 1: clause numbers; page 2: two columns, the left one 14 characters (8.4 em) wide;
    # pages 3 and 4: a reference list under a paragraph, and its last three entries.
    prose = ["The standards below are cited in this part; for dated ones only the edition",
             "named applies, for undated ones the latest edition, amendments included."]
    pages = [clause_page(), two_column_page(14), reference_page(REFERENCES, prose),
             reference_page(MORE_REFERENCES, [])]
    body = convert_pdf(pages_pdf(pages, b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "labels")
    texts = [" ".join("".join(e.itertext()).split()) for e in body.iter() if e.tag in
             (TEI + "p", TEI + "item", TEI + "head")]
    flat = " ".join(texts)

    # The second page's words in reading order: the left column's, then the right one's.
    tokens = [w for w in flat.split() if w.startswith(("left", "right", "L", "R"))]
    left_first = sorted(tokens, key=lambda w: w.startswith(("right", "R")))

    checks = [
        ("each clause number is read with its clause's text",
         all(f"5.{n} clause{n} " in flat for n in range(1, 7))),
        ("no block gathers the clause numbers", "5.1 5.2" not in flat),
        ("a narrow left column of prose is still read first",
         len(tokens) > 20 and tokens == left_first and "R1." in tokens),
        ("each standard's number is read with its title",
         all(f"{number} {title}" in texts for number, title in REFERENCES)),
        ("and so on the next page, whose numbers are all as long",
         all(f"{number} {title}" in texts for number, title in MORE_REFERENCES)),
    ]
    return report(checks, ["blocks:"] + ["  " + t for t in texts])


if __name__ == "__main__":
    sys.exit(main())
