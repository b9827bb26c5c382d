#!/usr/bin/env python3
"""make-hostile-pdf.py KIND OUT.pdf N: small PDFs that are costly to convert, for
tests/test-hostile-cli.sh.

  text-pages  N pages that all draw one compressed stream of 50,000 letters (as many as Poppler
              keeps on a page): a file of a few KB holding N x 50,000 glyphs
  blank       N pages without text
"""
import sys
import zlib

from tiny_pdf import pdf

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] " \
       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"


def write_pdf(path, n_pages, content):
    """Writes N pages whose content is one shared stream (or empty streams)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    data = zlib.compress(content, 9)
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
                   + b"\nendstream")
    stream = len(objects)
    kids = []
    for _ in range(n_pages):
        objects.append(PAGE % stream)
        kids.append(len(objects))
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                  + b"] /Count %d >>" % n_pages)
    with open(path, "wb") as f:
        f.write(pdf(objects))


def main():
    kind, path, n_pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "text-pages":
        line = b"(" + b"A" * 100 + b") Tj\n"
        # 500 runs of 100 letters at 1 pt, side by side: no two glyphs overlap.
        body = b"".join(b"1 0 0 1 %d %.1f Tm " % (i % 200 * 70, i // 200 * 1.2) + line
                        for i in range(500))
        write_pdf(path, n_pages, b"BT /F1 1 Tf\n" + body + b"ET\n")
    elif kind == "blank":
        write_pdf(path, n_pages, b"")
    else:
        sys.exit("unknown kind " + kind)


main()
