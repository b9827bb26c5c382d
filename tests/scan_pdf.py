#!/usr/bin/python3
"""scan_pdf.py: an image-only PDF from page images, drawn as samples/variants.py scan draws one
(each page one 8-bit gray image, interpolated, filling a page of the source's size), without
cairo.  The shell tests make their scans with it: how the image is laid in (gray or RGB,
interpolated or not) changes what OCR reads of it, and the damage a test is about must be the
one the scanned samples show.

Usage: scan_pdf.py SOURCE.pdf OUT.pdf PAGE.pgm...   (binary PGM, as pdftoppm -gray writes)
The page sizes are SOURCE's (pdfinfo), one PGM per page in order.
"""
import re
import subprocess
import sys
import zlib


def page_sizes(pdf):
    out = subprocess.run(["pdfinfo", "-l", "9999", pdf], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w), float(h))
            for w, h in re.findall(r"^Page +\d+ size: +([\d.]+) x ([\d.]+)", out, re.M)]


def read_pgm(path):
    data = open(path, "rb").read()
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not fields or fields.group(3) != b"255":
        sys.exit("%s: not an 8-bit binary PGM" % path)
    width, height = int(fields.group(1)), int(fields.group(2))
    return width, height, data[fields.end():fields.end() + width * height]


def main(source, out, pgms):
    sizes = page_sizes(source)
    if len(sizes) != len(pgms):
        sys.exit("%s has %d pages but %d images given" % (source, len(sizes), len(pgms)))
    objects = []  # bodies of objects 3, 4, …; 1 is the catalog, 2 the page tree
    kids = []
    for (w, h), pgm in zip(sizes, pgms):
        width, height, pixels = read_pgm(pgm)
        image = zlib.compress(pixels)
        base = 3 + len(objects)
        content = b"q %.3f 0 0 %.3f 0 0 cm /I Do Q" % (w, h)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                       b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Interpolate true "
                       b"/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                       % (width, height, len(image), image))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] "
                       b"/Resources << /XObject << /I %d 0 R >> >> /Contents %d 0 R >>"
                       % (w, h, base, base + 1))
        kids.append(base + 2)
    bodies = [b"<< /Type /Catalog /Pages 2 0 R >>",
              b"<< /Type /Pages /Kids [%s] /Count %d >>"
              % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))] + objects
    pdf = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1,
                                                                             xref)
    open(out, "wb").write(pdf)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
