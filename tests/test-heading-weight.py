#!/usr/bin/python3
"""Headings that only their look tells (issue 15), on small PDFs written here:

- a line in the body's own font and size drawn with its outline stroked as well as filled
  (text render mode 2: how word processors embolden a face without a bold) is a heading, and
  the same line drawn plainly is not (headings/ink-weight.c);
- on a page whose lines are mostly such headings (headings over tables), the few plain lines
  are the body the headings are weighed against (headings/ink-weight.c);
- a numbered heading set larger than the body that fills its line and wraps onto a short line
  of its own comes out whole (headings/wrapped-heads.c).

Run by meson (RECTO_EXE, RECTO_TEST_PLUGIN_DIR in the environment); prints TAP.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tiny_pdf import BODY, pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"


def line(y, text, size=10, stroke=0.0, x=72):
    mode = b"%.2f w 2 Tr " % stroke if stroke else b"0 Tr "
    return b"BT /F1 %d Tf %s%d %d Td (%s) Tj ET\n" % (size, mode, x, y, text)


def page(stroke, size=10):
    """A page of body text in @size, a short line between its paragraphs, its outline stroked
    @stroke points wide (0: not stroked)."""
    out = b""
    y = 760
    for text in BODY[:3]:
        out += line(y, text, size)
        y -= int(1.3 * size)
    y -= size
    out += line(y, b"Outlook for the coming year", size, stroke)
    y -= int(2.3 * size)
    for text in BODY[3:]:
        out += line(y, text, size)
        y -= int(1.3 * size)
    # A numbered heading, larger than the body, wrapped onto a short centred second line.
    y -= 20
    out += line(y, b"2 Spending of the general budget by function and by the region", size=14)
    y -= 17
    out += line(y, b"of the county", size=14, x=262)
    y -= 24
    for text in BODY:
        out += line(y, text)
        y -= 13
    return out


TITLES = [b"Outlook for the coming year", b"Spending on the schools", b"Roads and bridges",
          b"Reserves of the county", b"Debts and their interest", b"Grants from the state",
          b"Staff and their pay"]


def page_of_headings(stroke):
    """A page of seven short lines drawn stroked @stroke points wide, two of them followed by a
    plain line, as a page of headings over tables is."""
    out = b""
    y = 760
    for i, title in enumerate(TITLES):
        out += line(y, title, stroke=stroke)
        y -= 30
        if i in (2, 5):
            out += line(y, BODY[i // 3])
            y -= 30
    return out


def write(path, content):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    with open(path, "wb") as out:
        out.write(pdf(objects))


def heads(pdf_path):
    tei = pdf_path[: -len(".pdf")] + ".tei.xml"
    subprocess.run([os.environ["RECTO_EXE"], "convert", "--plugin-dir",
                    os.environ["RECTO_TEST_PLUGIN_DIR"], pdf_path, "-o", tei], check=True)
    root = ET.parse(tei).getroot()
    return [" ".join("".join(h.itertext()).split()) for h in root.iter(TEI + "head")]


def main():
    checks = []
    with tempfile.TemporaryDirectory() as work:
        stroked, plain = os.path.join(work, "stroked.pdf"), os.path.join(work, "plain.pdf")
        write(stroked, page(0.45))
        write(plain, page(0))
        got_stroked, got_plain = heads(stroked), heads(plain)
        checks.append(("a line in the body's font drawn stroked is a heading",
                       "Outlook for the coming year" in got_stroked, got_stroked))
        checks.append(("the same line drawn plainly is not",
                       "Outlook for the coming year" not in got_plain, got_plain))
        # Small type (drawn at twice the scale) stroked a word processor's fiftieth of the
        # size, a lighter bold.
        small, small_plain = os.path.join(work, "small.pdf"), os.path.join(work, "small-plain.pdf")
        write(small, page(0.14, size=7))
        write(small_plain, page(0, size=7))
        got_small, got_small_plain = heads(small), heads(small_plain)
        checks.append(("a line in small type stroked a fiftieth of its size is a heading",
                       "Outlook for the coming year" in got_small, got_small))
        checks.append(("the same line in small type drawn plainly is not",
                       "Outlook for the coming year" not in got_small_plain, got_small_plain))
        mostly, mostly_plain = os.path.join(work, "mostly.pdf"), os.path.join(work, "mostly-plain.pdf")
        write(mostly, page_of_headings(0.45))
        write(mostly_plain, page_of_headings(0))
        got_mostly, got_mostly_plain = heads(mostly), heads(mostly_plain)
        checks.append(("on a page mostly of stroked headings, each is a heading",
                       all(t.decode() in got_mostly for t in TITLES), got_mostly))
        checks.append(("the same page drawn plainly has none", got_mostly_plain == [],
                       got_mostly_plain))
        whole = "2 Spending of the general budget by function and by the region of the county"
        checks.append(("a wrapped numbered heading comes out whole", whole in got_plain, got_plain))
    print("1..%d" % len(checks))
    failed = 0
    for number, (name, ok, got) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
        if not ok:
            print("# heads: %r" % (got,))
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
