#!/usr/bin/python3
"""A ruled table of two columns of a few short cells each, under its caption (an annex's
"Table B.1", GB/T 3620.1's grades beside their ASTM names), is found: read alone, its
columns' lines look like two columns of prose (each cell fills its column's measure, set by
the cells themselves), so no band of the page looks tabular and the page was never drawn to
find its rules. A page with a table's caption is drawn. Also: a caption numbered in an annex,
"表 B.1", is a caption.

Writes the PDF by hand, converts it with recto and checks the table, printing TAP. Run by meson
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
CAPTION = "Table B.1 Grades of this standard and their ASTM names"
ROWS = [("Grade", "ASTM name"), ("TA1G", "Grade 1 (UNS Number R50250)"),
        ("TA2G", "Grade 2 (UNS Number R50400)"), ("TA3G", "Grade 3 (UNS Number R50550)"),
        ("TA4G", "Grade 4 (UNS Number R50700)")]
LEFT, MIDDLE, RIGHT = 66, 250, 529
TOP, PITCH = 620, 18


def content():
    """An annex's first page, as GB/T 3620.1's page 10 sets it: the running head at the left, the
    annex's centred titles, one line of text, the caption and the table, the page number at the
    left foot. Helvetica: about half a type size a character; cells centred in their columns."""
    parts = ["BT /F1 10 Tf 66 770 Td (GB/T 3620.1-2016) Tj ET",
             "BT /F1 10 Tf 280 720 Td (Annex B) Tj ET",
             "BT /F1 10 Tf 268 704 Td ((informative)) Tj ET",
             "BT /F1 10 Tf 160 686 Td (Grades of this standard and the ASTM system) Tj ET",
             "BT /F1 10 Tf 88 664 Td (The grades of Table 2 and the ASTM grades they match are "
             "given in Table B.1.) Tj ET",
             f"BT /F1 10 Tf 150 {TOP + 8} Td ({CAPTION}) Tj ET",
             "BT /F1 9 Tf 78 60 Td (8) Tj ET"]
    for r, (left, right) in enumerate(ROWS):
        y = TOP - PITCH * (r + 1) + 5
        parts.append(f"BT /F1 9 Tf {(LEFT + MIDDLE) / 2 - 2.5 * len(left)} {y} Td ({left}) Tj ET")
        parts.append(f"BT /F1 9 Tf {(MIDDLE + RIGHT) / 2 - 2.5 * len(right)} {y} Td ({right}) Tj ET")
    bottom = TOP - PITCH * len(ROWS)
    parts.append("0.4 w")
    for r in range(len(ROWS) + 1):
        parts.append(f"{LEFT} {TOP - PITCH * r} m {RIGHT} {TOP - PITCH * r} l S")
    for x in (LEFT, MIDDLE, RIGHT):
        parts.append(f"{x} {TOP} m {x} {bottom} l S")
    return "\n".join(parts).encode("latin-1")


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "annex.pdf"), os.path.join(work, "annex.tei.xml")
        with open(source, "wb") as f:
            f.write(pages_pdf([content()],
                              b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        root = ET.parse(out).getroot()
    rows = [[" ".join("".join(c.itertext()).split()) for c in row.iter(f"{TEI}cell")]
            for row in root.iter(f"{TEI}row")]
    heads = [" ".join("".join(h.itertext()).split()) for t in root.iter(f"{TEI}table")
             for h in t.iter(f"{TEI}head")]
    checks = [
        ("the table is found, one row for each of its rows", len(rows) == len(ROWS)),
        ("each grade stands beside its ASTM name",
         all(list(pair) in rows for pair in ROWS)),
        ("the caption is the table's head", CAPTION in heads),
    ]
    return report(checks, ["rows: " + " | ".join("/".join(r) for r in rows),
                           "heads: " + " | ".join(heads)])


if __name__ == "__main__":
    sys.exit(main())
