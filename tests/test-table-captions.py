#!/usr/bin/python3
"""A caption set above a table, "Table 1" and its title a one-character gap apart, stays one line
(issue 15): the table's rows are cut at wide gaps that line up, and the caption's narrow gap lies
over them, but a gap a fraction as wide as the others there is a gap within a line, not a gutter
to read two columns by. A two-column page whose gaps vary in width (short lines on the
left, lines indented by a few characters on the right) is still read column by column.

Writes the PDF by hand, converts it with recto and checks the text, printing TAP. Run by meson
(RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
CAPTION = ("Table 1", "Population at the end of the year")
ROWS = [("Total", "4899310", "100.0"), ("Urban", "1654272", "33.8"), ("Rural", "3245038", "66.2"),
        ("Aged 60 and over", "745933", "15.2"), ("Aged under 18", "1137460", "23.2")]
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()


def table_page():
    # Helvetica 12: "Table 1" is 40 points wide, so the title starts 12 points (one em) after it.
    lines = [(150, 700, 12, CAPTION[0]), (202, 700, 12, CAPTION[1])]
    for i, (label, number, share) in enumerate(ROWS):
        y = 670 - 20 * i
        lines += [(90, y, 10, label), (300, y, 10, number), (420, y, 10, share)]
    return lines


def columns_page():
    """Left column lines at 72, most of them short (a list), so that most gaps are wider than
    the gutter; right column lines at 320 or, every third, indented to 344."""
    lines = []
    for i in range(14):
        y = 760 - 16 * i
        words = 6 if i % 3 == 1 else 2
        lines.append((72, y, 11, " ".join(WORDS[(i + k) % 12] for k in range(words)) + f" L{i}"))
        x = 344 if i % 3 == 0 else 320
        lines.append((x, y, 11, " ".join(WORDS[(i + k + 5) % 12] for k in range(4)) + f" R{i}"))
    return lines


def content(lines):
    return "\n".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"
                     for x, y, size, text in lines).encode("latin-1")


def convert(work, name, pages):
    source, out = os.path.join(work, name + ".pdf"), os.path.join(work, name + ".tei.xml")
    with open(source, "wb") as f:
        f.write(pages_pdf([content(p) for p in pages],
                          b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))
    subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out], check=True)
    body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    return [" ".join("".join(e.itertext()).split()) for e in body.iter()
            if e.tag in (TEI + "p", TEI + "head", TEI + "cell", TEI + "item", TEI + "note")]


def main():
    with tempfile.TemporaryDirectory() as work:
        tables = convert(work, "caption", [table_page()])
        columns = convert(work, "columns", [columns_page()])
    text = " ".join(columns)
    left_end, right_start = text.find("L13"), text.find("R0")
    checks = [
        ("the caption is one line", any(" ".join(CAPTION) in t for t in tables)),
        ("every row's number is kept", all(any(r[1] in t for t in tables) for r in ROWS)),
        ("the two columns are read left first",
         0 <= left_end < right_start and text.find("L0") < text.find("L7") < left_end),
    ]
    return report(checks, ["caption page: " + " | ".join(tables),
                           "columns page: " + " | ".join(columns)])


if __name__ == "__main__":
    sys.exit(main())
