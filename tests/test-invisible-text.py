#!/usr/bin/python3
"""Text the page does not show is kept apart from the body (issue 15): a tracking string drawn
white and fully transparent at 3 points on the page's foot, and a line in render mode 3 (neither
filled nor stroked) on a page of text, become <fw type="invisible">, counted in a warning (their characters but spaces); the
OCR layer of a scan, drawn in mode 3 over the picture of its page, is the page's text and stays
in the body, as does a visible line in white over nothing.

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
from tiny_pdf import BODY, pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
TRACKING = b"WUDWqPnQyQnPpNpOqMrQyR8O9"
HIDDEN = b"Keywords for the search engine only"
OCR = b"Scanned minutes of the meeting held in March"
WHITE = b"White words on the paper"


def body_page(extra):
    lines = b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (760 - 14 * i, BODY[i % len(BODY)])
                     for i in range(10))
    return lines + extra


PAGES = [
    # The tracking string: white, fill opacity 0, 3 points, on the page's bottom edge.
    body_page(b"q /Clear gs 1 1 1 rg BT /F1 3 Tf 300 2 Td (%s) Tj ET Q\n" % TRACKING),
    # A line in mode 3 among the text, and a visible line filled white (the mode is text state,
    # which outlasts ET).
    body_page(b"BT 3 Tr /F1 10 Tf 72 600 Td (%s) Tj ET\n"
              b"BT 0 Tr 1 1 1 rg /F1 10 Tf 72 580 Td (%s) Tj ET\n" % (HIDDEN, WHITE)),
    # A scan: the page's picture, and its OCR layer in mode 3 over it.
    b"q 595 0 0 842 0 0 cm /Scan Do Q\n"
    + b"".join(b"BT 3 Tr /F1 10 Tf 72 %d Td (%s %d) Tj ET\n" % (760 - 14 * i, OCR, i)
               for i in range(10)),
]


def build():
    n = len(PAGES)
    font, clear, scan = 3 + 2 * n, 4 + 2 * n, 5 + 2 * n
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    for i, content in enumerate(PAGES):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> /ExtGState << /Clear %d 0 R >> "
                       b"/XObject << /Scan %d 0 R >> >> >>" % (4 + 2 * i, font, clear, scan))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Type /ExtGState /ca 0 /CA 0 >>")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length 1 >>\nstream\n\xf0\nendstream")
    return pdf(objects)


def texts(body, tag, **attributes):
    return [" ".join("".join(e.itertext()).split()) for e in body.iter(TEI + tag)
            if all(e.get(k) == v for k, v in attributes.items())]


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "hidden.pdf"), os.path.join(work, "hidden.tei.xml")
        with open(source, "wb") as f:
            f.write(build())
        run = subprocess.run([os.environ["RECTO_EXE"], "convert", source, "-o", out],
                             capture_output=True, text=True, check=True)
        body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    invisible = texts(body, "fw", type="invisible")
    ps = [" ".join(text_without_furniture(p).split()) for p in body.iter(TEI + "p")]
    ps_text = " ".join(ps)
    hidden_chars = len(TRACKING) + len(HIDDEN.replace(b" ", b""))
    checks = [
        ("the transparent tracking string is an invisible fw", TRACKING.decode() in invisible),
        ("the line in mode 3 is an invisible fw", HIDDEN.decode() in invisible),
        ("neither is in the body's paragraphs",
         TRACKING.decode() not in ps_text and HIDDEN.decode() not in ps_text),
        ("the scan's OCR layer stays in the body", ps_text.count(OCR.decode()) == 10),
        ("a visible white line stays in the body", WHITE.decode() in ps_text),
        ("nothing else is invisible", len(invisible) == 2),
        ("a warning counts them", f"{hidden_chars} characters the page does not show" in run.stderr
         and "pages 1-2" in run.stderr),
    ]
    return report(checks, ["fw invisible: " + " | ".join(invisible), "p: " + " | ".join(ps),
                           "stderr: " + run.stderr])


if __name__ == "__main__":
    sys.exit(main())
