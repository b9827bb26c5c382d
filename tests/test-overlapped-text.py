#!/usr/bin/python3
"""Text drawn over other text (issue 13): two numbers drawn in one cell of a table, 3.5 points
apart, are never read glyph by glyph together ("4.6" under "3.7" made "43..67").

- A number painted over by a white rectangle drawn after it, and a number drawn over it: the
  page shows the second; the first is kept apart as <fw type="invisible">, counted.
- A number drawn outside the clip in force (cut away), and a number drawn over it: the same.
- Two numbers both drawn, one over the other: which one a reader sees is not told; each is read
  whole, in the order they were drawn, and a warning counts them.
- A line drawn twice 0.3 points apart (bold made so) is read once, and is neither hidden nor
  counted as drawn over.

Writes the PDF by hand, converts it with recto and checks where each string went, printing TAP.
Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf, text_line  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
BOLD_LINE = b"Total spending rose by a tenth"


def cell(x, y, text):
    return b"BT /F1 10 Tf %d %.1f Td (%s) Tj ET\n" % (x, y, text)


def row(y, label, value, under, over, between=b""):
    """A row of the table: @label, @value, and in the last column @under drawn 3.5 points above
    the row's baseline, then @between, then @over on the baseline."""
    return (cell(72, y, label) + cell(200, y, value) + cell(300, y + 3.5, under) + between
            + cell(300, y, over))


def page():
    out = b"".join(text_line(780 - 13 * i, BODY[i % len(BODY)]) for i in range(6))
    out += cell(72, 680, b"Item") + cell(200, 680, b"Amount") + cell(300, 680, b"Growth")
    # Painted over: a white rectangle over "4.6" before "3.7" is drawn.
    out += row(660, b"Education", b"104.83", b"4.6", b"3.7",
               b"q 1 1 1 rg 295 657 30 17 re f Q\n")
    # Cut away: "5.2" drawn under a clip far from it.
    out += (cell(72, 640, b"Roads") + cell(200, 640, b"69.71")
            + b"q 72 700 100 10 re W n\n" + cell(300, 643.5, b"5.2") + b"Q\n"
            + cell(300, 640, b"8.1"))
    # Both drawn.
    out += row(620, b"Health", b"88.10", b"2.9", b"6.4")
    out += row(600, b"Housing", b"12.50", b"1.5", b"1.5",
               b"q 1 1 1 rg 295 597 30 17 re f Q\n")
    out += cell(72, 580, b"Water") + cell(200, 580, b"7.25") + cell(300, 580, b"9.9")
    # Bold made by drawing a line twice.
    out += cell(72, 540, BOLD_LINE) + b"BT /F1 10 Tf 72.3 540 Td (%s) Tj ET\n" % BOLD_LINE
    out += b"".join(text_line(520 - 13 * i, BODY[i % len(BODY)]) for i in range(4))
    return out


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "overlap.pdf"), os.path.join(work, "overlap.tei.xml")
        with open(source, "wb") as f:
            f.write(pages_pdf([page()], FONT))
        run = subprocess.run([os.environ["RECTO_EXE"], "convert", source, "-o", out],
                             capture_output=True, text=True, check=True)
        body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    invisible = [" ".join("".join(e.itertext()).split()) for e in body.iter(TEI + "fw")
                 if e.get("type") == "invisible"]
    shown = " ".join(text_without_furniture(body).split())
    words = shown.split()
    checks = [
        ("the number painted over is kept apart", "4.6" in invisible and "4.6" not in words),
        ("the number over it is read, alone", "3.7" in words and "43..67" not in shown),
        ("the number cut away by its clip is kept apart", "5.2" in invisible and "5.2" not in words),
        ("the number over it is read, alone", "8.1" in words and "58..21" not in shown),
        ("a number drawn twice, once painted over, is read once",
         words.count("1.5") == 1 and "1.5" in invisible),
        ("nothing else is kept apart", sorted(invisible) == ["1.5", "4.6", "5.2"]),
        ("two numbers both drawn are each read whole",
         "2.9" in words and "6.4" in words and "26..94" not in shown),
        ("in the order they were drawn", shown.find("2.9") < shown.find("6.4")),
        ("the hidden ones are counted", "9 characters the page does not show" in run.stderr),
        ("the run drawn over another is counted",
         "1 run of text drawn over another run on page 1" in run.stderr),
        ("a line drawn twice a little apart is read once", shown.count(BOLD_LINE.decode()) == 1),
    ]
    return report(checks, ["fw invisible: " + " | ".join(invisible), "body: " + shown,
                           "stderr: " + run.stderr])


if __name__ == "__main__":
    sys.exit(main())
