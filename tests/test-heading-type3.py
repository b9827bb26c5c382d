#!/usr/bin/python3
"""Headings in a volume set wholly in Type 3 fonts (a Korean bill's: its regular and its bold
faces are two Type 3 fonts without a name, which Poppler calls alike, "Default", at one size):
only the glyphs' shapes tell the bold. On small PDFs written here:

- a short line between paragraphs set in the Type 3 font of heavier strokes is a heading
  (headings/ink-weight.c: weighed against the body's lines of the same name and size);
- the same line set in the body's own Type 3 font is not;
- both hold in a PDF/A with an output intent (sRGB, as Hancom writes its Korean bills), whose
  pages pdf-source draws from an update of the PDF that lists no output intent
  (pdf-source/drawing-input.cc), and in one whose text is also coloured through that profile
  (an ICCBased colour space), which it draws as it is.

Writes the PDFs by hand, converts them with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pdf  # noqa: E402

FIRST, LAST = 32, 126
# Every printable ASCII code names a glyph of its own, read through the ToUnicode map.
TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap"
              b" /CMapName /Printable def 1 begincodespacerange <00> <FF> endcodespacerange"
              b" 1 beginbfrange <20> <7E> <0020> endbfrange endcmap"
              b" CMapName currentdict /CMap defineresource pop end end")
HEAD = b"Outlook for the coming year"


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def type3_font(glyph, space, to_unicode):
    """A nameless Type 3 font whose letters are all drawn by the object @glyph, its space by
    @space, mapped to Unicode by the object @to_unicode."""
    names = b" ".join(b"/g%d" % c for c in range(FIRST, LAST + 1))
    procs = b" ".join(b"/g%d %d 0 R" % (c, space if c == FIRST else glyph)
                      for c in range(FIRST, LAST + 1))
    widths = b" ".join(b"300" if c == FIRST else b"550" for c in range(FIRST, LAST + 1))
    return (b"<< /Type /Font /Subtype /Type3 /FontMatrix [.001 0 0 .001 0 0]"
            b" /FontBBox [0 0 600 700] /FirstChar %d /LastChar %d /Widths [%s]"
            b" /Encoding << /Type /Encoding /Differences [%d %s] >>"
            b" /CharProcs << %s >> /ToUnicode %d 0 R /Resources << >> >>"
            % (FIRST, LAST, widths, FIRST, names, procs, to_unicode))


def letter(stroke):
    """A letter's program: a box outlined @stroke thousandths of the size wide."""
    return b"550 0 d0 %d w 100 0 m 100 600 l 450 600 l 450 0 l h S" % stroke


def content(head_font):
    """A page: three lines of body text, @head_font's short line, two lines more."""
    out, y = b"", 760
    for text in BODY[:3]:
        out += b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (y, text)
        y -= 13
    y -= 12
    out += b"BT /%s 10 Tf 72 %d Td (%s) Tj ET\n" % (head_font, y, HEAD)
    y -= 25
    for text in BODY[3:]:
        out += b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (y, text)
        y -= 13
    return out


# An sRGB profile to embed (Debian's libgs-common ships it; without it those checks are skipped).
PROFILE = "/usr/share/color/icc/ghostscript/srgb.icc"


def source_pdf(head_font, profile=None, coloured=False):
    """The page with its short line set in /@head_font: /F1 the regular Type 3 font, /F2 the
    bold one. With @profile (an ICC profile's bytes), the catalog's output intent; @coloured
    sets the text's colour through that profile too."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    resources = b"/Font << /F1 5 0 R /F2 6 0 R >>"
    page = content(head_font)
    extra = []
    if profile is not None:
        catalog = b"<< /Type /Catalog /Pages 2 0 R /OutputIntents [11 0 R] >>"
        extra = [b"<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB)"
                 b" /DestOutputProfile 12 0 R >>",
                 b"<< /N 3 /Length %d >>\nstream\n" % len(profile) + profile + b"\nendstream"]
    if coloured:
        resources += b" /ColorSpace << /CS0 [/ICCBased 12 0 R] >>"
        page = b"/CS0 cs 0 0 0 sc\n" + page
    return pdf([
        catalog,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << %s >> >>" % resources,
        stream(page),
        type3_font(7, 9, 10),
        type3_font(8, 9, 10),
        stream(letter(40)),
        stream(letter(110)),
        stream(b"300 0 d0"),
        stream(TO_UNICODE),
    ] + extra)


def main():
    bold = head_texts(convert_pdf(source_pdf(b"F2"), "type3-bold"))
    plain = head_texts(convert_pdf(source_pdf(b"F1"), "type3-plain"))
    checks = [
        ("a line in the nameless Type 3 font of heavier strokes is a heading",
         HEAD.decode() in bold),
        ("the same line in the body's Type 3 font is not", HEAD.decode() not in plain),
    ]
    notes = [f"heads (bold): {bold}", f"heads (plain): {plain}"]
    if not os.path.exists(PROFILE):
        notes.append(f"skipped the output intent's checks: no {PROFILE}")
        return report(checks, notes)
    with open(PROFILE, "rb") as f:
        profile = f.read()
    for coloured, name in ((False, "intent"), (True, "icc")):
        bold = head_texts(convert_pdf(source_pdf(b"F2", profile, coloured), f"type3-{name}-bold"))
        plain = head_texts(convert_pdf(source_pdf(b"F1", profile, coloured), f"type3-{name}-plain"))
        checks += [
            (f"with an output intent ({name}), the bold line is a heading", HEAD.decode() in bold),
            (f"with an output intent ({name}), the plain line is not", HEAD.decode() not in plain),
        ]
        notes += [f"heads ({name}, bold): {bold}", f"heads ({name}, plain): {plain}"]
    return report(checks, notes)


if __name__ == "__main__":
    sys.exit(main())
