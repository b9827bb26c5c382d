#!/usr/bin/python3
"""A font of one glyph without a Unicode map (GB/T 3620.1 draws the tilde of its ranges,
"3.3～4.7", in fonts of that one glyph, at code "!"): OCR reads its glyph as "~" in every row,
but a font of one code can never show the three codes a verdict wants compared before it calls
a map wrong, so "!" stood as a valid character, and, the font being unmapped, every tilde came
out a gap. A font whose every code disagrees with readings as many as a verdict wants has a
wrong map: its glyphs are decoded ("~"). A font of glyphs each drawn once (boxes) is not
written as characters OCR read once each. Skipped where recto was built without Tesseract.

Writes the PDF by hand (Helvetica figures, a Type 3 font whose glyph /g1 at code 33 is a wave),
converts it with recto and checks the text, printing TAP. Run by meson (RECTO_EXE,
RECTO_TEST_PLUGIN_DIR in the environment).
"""

import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, recover_text_missing, report  # noqa: E402
from tiny_pdf import pdf  # noqa: E402

RANGES = [("3.3", "4.7"), ("4.0", "6.0"), ("0.04", "0.08"), ("2.5", "3.5"), ("0.75", "1.25"),
          ("5.50", "6.75")]
# A tilde: a wave stroked thick, half an em wide and set at mid height.
TILDE = b"600 0 d0 70 w 1 J 80 330 m 160 420 240 420 300 350 c 360 280 440 280 520 370 c S"
WAVE_FONT = (b"<< /Type /Font /Subtype /Type3 /BaseFont /ABCDEF+Tilde /FontMatrix [.001 0 0 .001 0 0]"
             b" /FontBBox [0 0 600 700] /FirstChar 33 /LastChar 33 /Widths [600]"
             b" /Encoding << /Type /Encoding /Differences [33 /g1] >>"
             b" /CharProcs << /g1 6 0 R >> /Resources << >> >>")


# A numbered font (its four glyphs at the first printable codes, "!" to "$", as a subset
# numbers them by first use): a document that has one has its fonts of fewer such codes read
# as numbered too. Its glyphs are boxes, no character.
BOX = b"600 0 d0 100 0 m 500 0 l 500 600 l 100 600 l f"
BOX_FONT = (b"<< /Type /Font /Subtype /Type3 /BaseFont /GHIJKL+Boxes /FontMatrix [.001 0 0 .001 0 0]"
            b" /FontBBox [0 0 600 700] /FirstChar 33 /LastChar 36 /Widths [600 600 600 600]"
            b" /Encoding << /Type /Encoding /Differences [33 /b1 /b2 /b3 /b4] >>"
            b" /CharProcs << /b1 8 0 R /b2 8 0 R /b3 8 0 R /b4 8 0 R >> /Resources << >> >>")


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def content():
    lines = [b"BT /F1 12 Tf 72 760 Td (Ranges of the alloying elements, in per cent) Tj ET"]
    for i, (low, high) in enumerate(RANGES):
        y = 730 - 24 * i
        lines.append(b"BT /F1 12 Tf 72 %d Td (Grade %d: %s) Tj /F2 12 Tf (!) Tj /F1 12 Tf (%s) Tj"
                     b" ET" % (y, i + 1, low.encode(), high.encode()))
    lines.append(b"BT /F1 12 Tf 72 560 Td (Marks: ) Tj /F3 12 Tf (!\"#$) Tj ET")
    return b"\n".join(lines)


def source_pdf():
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 7 0 R /F3 9 0 R >> >> >>",
        stream(content()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(TILDE),
        WAVE_FONT,
        stream(BOX),
        BOX_FONT,
    ])


def main():
    if recover_text_missing():
        return 0
    body = convert_pdf(source_pdf(), "tilde")
    text = unicodedata.normalize("NFKC", "".join(body.itertext()))
    gaps = sum(1 for g in body.iter(f"{TEI}gap") if "Tilde" in "".join(g.itertext()))
    found = [f"{low}~{high}" in text for low, high in RANGES]
    checks = [
        ("every range reads with its tilde", all(found)),
        ("no tilde is left a gap", gaps == 0),
        # Each box is drawn once and read once, as a Han character ("重生四和"); a font with
        # no code read twice does not tell what kind its lone readings should be.
        ("the boxes, read once each, are not written as characters",
         not any(unicodedata.name(c, "").startswith("CJK") for c in text)),
    ]
    return report(checks, [f"ranges read: {sum(found)} of {len(RANGES)}; gaps: {gaps}"])


if __name__ == "__main__":
    sys.exit(main())
