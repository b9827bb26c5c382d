"""tiny_pdf.py: the bytes of a small PDF written by hand, for the test scripts that make their
inputs, and the body text of the pages they write."""

# Lines of plain body text, each about as long as a line of a page's body at 10 points.
BODY = [
    b"Reserves stood at four hundred million at the end of the year, as planned before.",
    b"The board met eleven times and approved every budget line that it was given then.",
    b"Spending on schools rose by a tenth, and spending on roads fell by about as much.",
    b"No member of the board was absent from more than one of the meetings of the year.",
    b"The auditors found the accounts true and fair, and said so in their report to us.",
]

# Words to fill lines of a known width with (in Courier, six points a character at 10 points).
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def words(n_chars, seed):
    """Words of WORDS, starting at the @seed-th, as many as fit in @n_chars characters."""
    out, k = [], seed
    while len(" ".join(out + [WORDS[k % len(WORDS)]])) <= n_chars:
        out.append(WORDS[k % len(WORDS)])
        k += 1
    return " ".join(out)


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


def pages_pdf(contents, font, *more_fonts, after=()):
    """The bytes of a PDF of A4 pages, one per content stream of @contents (bytes each), their
    text set in /F1, the font dictionary @font (bytes), and /F2, /F3 … those of @more_fonts.
    Objects: 1 catalog, 2 pages, each page and its content, the fonts, then @after (bytes each:
    what the fonts name, as a Type 3 font's glyph procedures; one page's fonts are 5, 6 …)."""
    n = len(contents)
    fonts = (font,) + more_fonts
    names = b" ".join(b"/F%d %d 0 R" % (i + 1, 3 + 2 * n + i) for i in range(len(fonts)))
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << %s >> >> >>" % (4 + 2 * i, names))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.extend(fonts)
    objects.extend(after)
    return pdf(objects)


def text_line(y, text, font=b"F1", size=10):
    """A content stream's line: @text (bytes) in /@font at @size points, at x 72 and baseline @y."""
    return b"BT /%s %d Tf 72 %d Td (%s) Tj ET\n" % (font, size, y, text)


def headed_paragraphs(heads, head_size=10):
    """A page's content: one paragraph of the first three BODY lines (10 points, 13 apart) after
    each line of @heads ((text, font name) pairs, set at @head_size points 24 above it)."""
    out, y = b"", 780
    for text, font in heads:
        out += text_line(y, text, font, head_size)
        y -= 24
        for body in BODY[:3]:
            out += text_line(y, body)
            y -= 13
        y -= 20
    return out
