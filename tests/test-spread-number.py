#!/usr/bin/python3
"""A page that prints two pages side by side is numbered by its first half (issue 15): a table
set across facing pages may be put on one wide PDF page whose foot carries both numbers
("- 12 -      - 13 -"). That foot is the page number line, and the page break takes the first
number; two numbers that are not one after the other are no spread and give no number.

Writes the PDF by hand, converts it with recto and checks the page breaks' numbers, printing
TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()
# Each page's foot: one number in the middle, or two side by side.
FEET = [["1"], ["2"], ["3", "4"], ["5"], ["6"], ["8", "10"]]


def page_content(n, foot):
    lines = [(72, 760 - 16 * i, " ".join(WORDS[(n * 12 + i + k) % 13] for k in range(8)))
             for i in range(12)]
    xs = [290] if len(foot) == 1 else [150, 420]
    lines += [(x, 40, f"- {number} -") for x, number in zip(xs, foot)]
    return "\n".join(f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in lines).encode()


def main():
    body = convert_pdf(pages_pdf([page_content(n, foot) for n, foot in enumerate(FEET)],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "spread")
    numbers = [pb.get("n") for pb in body.iter(TEI + "pb")]
    feet = [" ".join("".join(fw.itertext()).split()) for fw in body.iter(TEI + "fw")
            if fw.get("type") == "pageNum"]
    body_text = " ".join(text_without_furniture(p) for p in body.iter(TEI + "p"))
    checks = [
        ("a spread's page break takes its first number", numbers[2] == "3"),
        ("its foot is the page number line", "- 3 - - 4 -" in feet and "- 3 -" not in body_text),
        ("the pages around it keep their numbers", numbers[:2] == ["1", "2"]
         and numbers[3:5] == ["5", "6"]),
        ("two numbers not one after the other give no number", numbers[5] is None),
    ]
    return report(checks, [f"page numbers: {numbers}", f"number lines: {feet}"])


if __name__ == "__main__":
    sys.exit(main())
