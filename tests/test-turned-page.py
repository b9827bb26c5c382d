#!/usr/bin/python3
"""A table turned a quarter to fit a page in portrait (its lines run up the page, or down it) is
read in the frame of its text upright (issue 13): the page's text mostly runs turned, so pdf-source
gives the page turned (RectoPage.turn), and its caption reads as one line, its rows as rows, left
to right, never reversed; the running head drawn upright on that page is one line too, read in
order; the page's surface and zones stay on the page as printed.

Writes the PDF by hand (one page read up, one read down, an upright page after them), converts it
with recto and checks the text, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
CAPTION = "Table 1 Population at the end of the year"
HEAD = "Annual report 2024"
ROWS = [("Area", "Persons", "Share"), ("Total", "4899310", "100.0"), ("Urban", "1654272", "33.8"),
        ("Rural", "3245038", "66.2"), ("Aged over 60", "745933", "15.2"),
        ("Aged under 18", "1137460", "23.2")]


def turned_page(way):
    """Content of a page whose caption and table read up it (@way -1) or down it (1), under an
    upright running head. Read up, a line's letters point left: the next line stands to its
    right; read down, to its left."""
    matrix = "0 1 -1 0" if way < 0 else "0 -1 1 0"
    along = (lambda k: 150 + 200 * k) if way < 0 else (lambda k: 700 - 200 * k)
    across = (lambda i: 100 + 24 * i) if way < 0 else (lambda i: 495 - 24 * i)
    # The running head stands at the page's outer corner, clear of the table's rows.
    lines = [f"BT /F1 10 Tf {380 if way < 0 else 72} 800 Td ({HEAD}) Tj ET",
             f"BT /F1 12 Tf {matrix} {across(-1) - 12 * way} {along(0)} Tm ({CAPTION}) Tj ET"]
    for i, row in enumerate(ROWS):
        lines += [f"BT /F1 10 Tf {matrix} {across(i)} {along(k)} Tm ({cell}) Tj ET"
                  for k, cell in enumerate(row)]
    return "\n".join(lines).encode("latin-1")


def upright_page():
    return "\n".join(f"BT /F1 10 Tf 72 {780 - 13 * i} Td ({line.decode()}) Tj ET"
                     for i, line in enumerate(BODY)).encode("latin-1")


def convert(work):
    source, out = os.path.join(work, "turned.pdf"), os.path.join(work, "turned.tei.xml")
    with open(source, "wb") as f:
        f.write(pages_pdf([turned_page(-1), turned_page(1), upright_page()],
                          b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))
    subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out], check=True)
    return ET.parse(out).getroot()


def page_blocks(root):
    """The text of each block of the body, page by page (a pb opens a page)."""
    pages = []
    for e in root.find(f"{TEI}text/{TEI}body").iter():
        if e.tag == TEI + "pb":
            pages.append([])
        elif e.tag in (TEI + "p", TEI + "head", TEI + "fw", TEI + "row") and pages:
            cells = [" ".join("".join(c.itertext()).split()) for c in e.iter(TEI + "cell")]
            pages[-1].append(" | ".join(cells) if cells else " ".join("".join(e.itertext()).split()))
    return pages


def in_order(blocks):
    """Whether each row's cells come out in a block of their own, in order, rows top down."""
    text = "\n".join(blocks)
    places = [text.find(" ".join(row)) for row in ROWS]
    cells = [text.find(" | ".join(row)) for row in ROWS]
    return all(p >= 0 for p in places) and places == sorted(places) or \
        all(c >= 0 for c in cells) and cells == sorted(cells)


def main():
    with tempfile.TemporaryDirectory() as work:
        root = convert(work)
    pages = page_blocks(root)
    surfaces = list(root.iter(TEI + "surface"))
    zones_inside = all(0 <= float(z.get("ulx")) <= float(z.get("lrx")) <= 595.01
                       and 0 <= float(z.get("uly")) <= float(z.get("lry")) <= 842.01
                       for z in root.iter(TEI + "zone"))
    checks = []
    for name, blocks in zip(("read up", "read down"), pages):
        checks += [
            (f"{name}: the caption is one line, in order", any(CAPTION in b for b in blocks)),
            (f"{name}: the rows read across, in order", in_order(blocks)),
            (f"{name}: the upright running head is one line, in order",
             any(HEAD in b for b in blocks)),
        ]
    checks += [
        ("the upright page after them reads as ever", len(pages) == 3
         and all(any(line.decode() in b for b in pages[2]) for line in BODY)),
        ("every surface is the page as printed, 595 x 842",
         len(surfaces) == 3 and all(s.get("lrx") == "595.00" and s.get("lry") == "842.00"
                                    for s in surfaces)),
        ("every zone lies on its page as printed", zones_inside),
    ]
    return report(checks, [f"page {i + 1}: " + " / ".join(b) for i, b in enumerate(pages)])


if __name__ == "__main__":
    sys.exit(main())
