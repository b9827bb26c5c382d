"""tiny_pdf.py: the bytes of a small PDF written by hand, for the test scripts that make their
inputs (make-hostile-pdf.py, make-colour-pdf.py, hostile/make-hostile.py)."""


def pdf(objects):
    """The bytes of a PDF whose objects 1..n are @objects (bytes each), catalog first."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
