#!/usr/bin/python3
"""Glyphs of no width are text too (issue 13): a figure's bullets drawn in a Type 3 font whose
glyph advances 0, and a stroke of no width set over the "=" it negates (TeX's \\not), each at
the start of a line of Poppler's layout, where poppler-glib's text calls left them out
(pdf-source/text-layer.cc). Every character pdftotext gives is in the TEI, in pdftotext's
order, and no other.

Writes the PDF by hand, converts it with recto and checks its text, printing TAP. Run by meson
(RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import pdf  # noqa: E402

# A Type 3 font of two glyphs that advance 0: "b" a bullet, "/" a stroke.
MARKS = (b"<< /Type /Font /Subtype /Type3 /FontMatrix [.001 0 0 .001 0 0]"
         b" /FontBBox [-1000 -1000 1000 1000] /FirstChar 47 /LastChar 98"
         b" /Widths [0" + b" 0" * 50 + b" 0]"
         b" /Encoding << /Type /Encoding /Differences [47 /slash 98 /b] >>"
         b" /CharProcs << /b 7 0 R /slash 8 0 R >> /Resources << >> >>")
BULLET = b"0 0 d0 -200 -200 m 200 -200 l 200 200 l -200 200 l f"
STROKE = b"0 0 d0 20 w 300 -200 m 500 700 l S"

CONTENT = (
    b"BT /F1 10 Tf 72 760 Td (The figure under this line joins three points and two more.) Tj ET\n"
    b"BT /F2 10 Tf 120 700 Td (b) Tj 60 0 Td (b) Tj 60 0 Td (b) Tj ET\n"
    b"BT /F2 10 Tf 120 660 Td (b) Tj 120 0 Td (b) Tj ET\n"
    b"BT /F1 10 Tf 72 600 Td (Then the sets are disjoint:) Tj ET\n"
    b"BT /F2 10 Tf 110 580 Td (/) Tj ET\n"
    b"BT /F1 10 Tf 100 580 Td (A = B, and the text goes on after it.) Tj ET\n"
)


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def source_pdf():
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        stream(CONTENT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        MARKS,
        stream(BULLET),
        stream(STROKE),
    ])


def letters(text):
    return "".join(text.split())


def pdftotext(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"], capture_output=True,
                              text=True, check=True).stdout


def main():
    data = source_pdf()
    source = letters(pdftotext(data))
    body = convert_pdf(data, "zero-width")
    text = letters("".join(body.itertext()))
    checks = [
        ("the source's text has the five bullets and the stroke",
         source.count("b") == 5 and source.count("/") == 1),
        ("every bullet is in the TEI", text.count("b") == 5),
        ("the stroke is in the TEI", text.count("/") == 1),
        ("the TEI's characters are the source's, in its order", text == source),
    ]
    return report(checks, ["source: " + source, "TEI:    " + text])


if __name__ == "__main__":
    sys.exit(main())
