#!/usr/bin/python3
"""A running foot is furniture on every page it stands on (issue 15): on a page that prints its
number on the foot's own line ("... of this report 3", above a string nearer the page's edge),
and on a title page that sets the foot
a little lower and further left than the other pages do. A line of text at the same place that
no other page repeats stays in the text.

Writes the PDF by hand, converts it with recto and checks where the foot's text went, printing
TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report, text_without_furniture  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
FOOT = "Please read the disclaimer at the end of this report"
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def page_content(n):
    lines = [(72, 760 - 16 * i, 11, " ".join(WORDS[(n * 12 + i + k) % 13] for k in range(n + i + 3)))
             for i in range(12)]
    if n == 1:
        lines.append((50, 30, 8, FOOT))  # the title page's foot: lower, further left
        lines.append((72, 60, 8, "Issued in May"))  # a line that no other page repeats
    elif n == 3:
        lines.append((72, 40, 8, FOOT + " 3"))
        lines.append((300, 8, 3, "WUDWqPnQyQnPpNpOq"))  # a tracking string nearer the edge
    else:
        lines.append((72, 40, 8, FOOT))
        lines.append((520, 25, 8, str(n)))  # the number on a line of its own
    return "\n".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"
                     for x, y, size, text in lines).encode("latin-1")


def build(path, n_pages):
    with open(path, "wb") as out:
        out.write(pages_pdf([page_content(i + 1) for i in range(n_pages)],
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"))


def texts(root, tag):
    body = root.find(f"{TEI}text/{TEI}body")
    return [" ".join(text_without_furniture(e).split()) for e in body.iter(TEI + tag)]


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "feet.pdf"), os.path.join(work, "feet.tei.xml")
        build(source, 5)
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out], check=True)
        root = ET.parse(out).getroot()
    fws = [" ".join("".join(e.itertext()).split()) for e in root.iter(TEI + "fw")]
    ps = texts(root, "p")
    checks = [
        ("the foot is furniture on every page", sum(FOOT in t for t in fws) == 5),
        ("the foot is nowhere in the text", not any(FOOT in t for t in ps)),
        ("a line no other page repeats stays text", any("Issued in May" in t for t in ps)),
    ]
    return report(checks, ["fw: " + " | ".join(fws), "p: " + " | ".join(ps)])


if __name__ == "__main__":
    sys.exit(main())
