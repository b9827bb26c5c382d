#!/usr/bin/env python3
"""make-colour-pdf.py OUT.pdf: writes a one-page PDF with a line of black text and a red
rectangle, the smallest page whose review image must stay in colour (test-review.sh)."""
import sys

CONTENT = b"BT /F1 24 Tf 72 700 Td (A colour page) Tj ET 1 0 0 rg 72 500 200 100 re f"
OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(CONTENT) + CONTENT + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]

out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(OBJECTS, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(OBJECTS) + 1)
out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(OBJECTS) + 1, xref)
with open(sys.argv[1], "wb") as pdf:
    pdf.write(out)
