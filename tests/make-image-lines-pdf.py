#!/usr/bin/python3
"""make-image-lines-pdf.py OUT.pdf WORK: writes a two-page PDF of body text whose first page
carries a title drawn as an image of text (TITLE in Helvetica-Bold, drawn with pdftoppm at
300 dpi from a PDF of its own) and a chart-like strip (bars of three greys on an axis), both
about a title's height and many times as wide. Used by test-image-lines.sh."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tiny_pdf import BODY, pdf  # noqa: E402

TITLE = b"Annual Report of the Water Board"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# The title's strip: 440 by 36 points on the page, drawn at 300 dpi.
WIDTH, HEIGHT, DPI = 440, 36, 300


def title_pixels(work):
    """The title drawn black on white, 8-bit grey, rows top first: (width, height, bytes)."""
    content = b"BT /F1 24 Tf 6 10 Td (%s) Tj ET" % TITLE
    source = os.path.join(work, "title-only.pdf")
    with open(source, "wb") as f:
        f.write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
                     b"/Resources << /Font << /F1 5 0 R >> >> >>" % (WIDTH, HEIGHT),
                     b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]))
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", source,
                    os.path.join(work, "title")], check=True)
    with open(os.path.join(work, "title.pgm"), "rb") as f:
        data = f.read()
    # P5, width, height, maximum, then the pixels after one white-space byte.
    fields, at = [], 2
    while len(fields) < 3:
        while data[at:at + 1].isspace():
            at += 1
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(int(data[at:end]))
        at = end
    width, height = fields[0], fields[1]
    return width, height, data[at + 1:at + 1 + width * height]


def chart_pixels(width=600, height=50):
    """Bars of three greys (the flat tones of a chart) standing on a black axis, on white."""
    rows = []
    for y in range(height):
        row = bytearray(b"\xff" * width)
        for x in range(width):
            bar = x // 40
            top = 10 + (bar * 7) % 30
            if y >= height - 3:
                row[x] = 0
            elif x % 40 >= 8 and y >= top:
                row[x] = (90, 150, 200)[bar % 3]
        rows.append(bytes(row))
    return width, height, b"".join(rows)


def image(pixels):
    width, height, data = pixels
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (width, height, len(data))
            + data + b"\nendstream")


def body(top):
    return b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (top - 14 * i, BODY[i % len(BODY)])
                    for i in range(12))


def main():
    out, work = sys.argv[1], sys.argv[2]
    first = (b"q %d 0 0 %d 72 770 cm /Title Do Q\n" % (WIDTH, HEIGHT) + body(740)
             + b"q 360 0 0 30 72 520 cm /Chart Do Q\n" + body(480))
    second = body(780)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"]
    for number, content in ((4, first), (6, second)):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 7 0 R >> /XObject << /Title 8 0 R "
                       b"/Chart 9 0 R >> >> >>" % number)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects += [HELVETICA, image(title_pixels(work)), image(chart_pixels())]
    with open(out, "wb") as f:
        f.write(pdf(objects))


if __name__ == "__main__":
    main()
