#!/usr/bin/env python3
"""make-colour-pdf.py OUT.pdf: writes a one-page PDF with a line of black text and a red
rectangle, the smallest page whose review image must stay in colour (test-review.sh)."""
import sys

from tiny_pdf import pdf

CONTENT = b"BT /F1 24 Tf 72 700 Td (A colour page) Tj ET 1 0 0 rg 72 500 200 100 re f"
OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(CONTENT) + CONTENT + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]

with open(sys.argv[1], "wb") as out:
    out.write(pdf(OBJECTS))
