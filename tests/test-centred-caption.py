#!/usr/bin/python3
"""A figure's caption set centred under its figure and wrapped is one caption: its last line,
shorter and centred on the axis of the line above it, goes on with it, though by the paragraph
rules it is an indented line below a short one (the clean English and Chinese volumes of
../shared/volumes: "Figure 1. Recycling rate (%) compared with" over "the national average,
2015–2021"). A caption may run to four lines. A line below a caption that is not centred on
its axis (a source line set to the right) stays apart, and so do two centred lines that open
with no caption's label (a title over its subtitle).

Writes the PDF by hand (Courier, every character 0.6 type sizes wide, so that where a line
stands is known), converts it with recto and compares the blocks, printing TAP. Run by meson
(RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import pages_pdf, words  # noqa: E402

BODY_SIZE, CAPTION_SIZE = 10, 9
LEFT, CHARS = 72, 80  # the column's left edge and its measure in body characters
AXIS = LEFT + CHARS * 0.6 * BODY_SIZE / 2
PITCH, CAPTION_PITCH = 12, 11


class Page:
    def __init__(self):
        self.lines, self.y, self.serial = [], 790, 0

    def add(self, x, text, pitch, size):
        self.y -= pitch
        self.lines.append((x, self.y, text, size))
        return text

    def paragraph(self, lines, gap):
        """A body paragraph of @lines lines, its first indented, @gap below the line above."""
        for i in range(lines):
            self.serial += 1
            indent = 2 if i == 0 else 0
            chars = CHARS - indent if i < lines - 1 else 40
            text = words(chars - 1, self.serial) + "."
            x = LEFT + indent * 0.6 * BODY_SIZE
            self.add(x, text, gap if i == 0 else PITCH, BODY_SIZE)

    def centred(self, texts, gap, size=CAPTION_SIZE, pitch=CAPTION_PITCH):
        """Lines of @texts centred on the column's axis, the first @gap below the line above."""
        for i, text in enumerate(texts):
            self.add(AXIS - len(text) * 0.6 * size / 2, text, gap if i == 0 else pitch, size)
        return " ".join(texts)

    def content(self):
        return "\n".join(f"BT /F1 {size} Tf {x:.2f} {y} Td ({text}) Tj ET"
                         for x, y, text, size in self.lines).encode("latin-1")


def build():
    """The page, the caption of four lines, the caption over its source line and that line,
    and the two centred lines that are no caption."""
    page = Page()
    page.paragraph(4, PITCH)
    page.paragraph(3, PITCH)
    wrapped = page.centred(["Figure 2. Progress against the key performance indicators agreed",
                            "by the Council for the financial year 2020 to 2021, by service",
                            "area, by quarter and by the directorate that is accountable",
                            "for each of them"], 120)
    page.paragraph(3, 2 * PITCH)
    sourced = page.centred(["Figure 3. Recycling rate compared with the national average"], 120)
    source = "Source: the Council's waste returns"
    page.add(LEFT + CHARS * 0.6 * BODY_SIZE - len(source) * 0.6 * CAPTION_SIZE, source,
             CAPTION_PITCH, CAPTION_SIZE)
    page.paragraph(3, 2 * PITCH)
    title = page.centred(["Summary of the year for the members of the Council"], 2 * PITCH,
                         BODY_SIZE, PITCH)
    subtitle = page.centred(["with the outlook for the next one"], PITCH, BODY_SIZE, PITCH)
    page.paragraph(3, 2 * PITCH)
    return page, wrapped, sourced, source, [title, subtitle]


def paragraph_texts(body):
    return [" ".join("".join(p.itertext()).split()) for p in body.iter(TEI + "p")]


def main():
    page, wrapped, sourced, source, apart = build()
    body = convert_pdf(pages_pdf([page.content()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
                                 b"/Encoding /WinAnsiEncoding >>"), "centred-caption")
    captions = [text for figure in body.iter(TEI + "figure") for text in head_texts(figure)]
    blocks = paragraph_texts(body) + head_texts(body)
    checks = [("a centred caption wrapped over four lines is one caption", wrapped in captions),
              ("a line set right below a caption stays apart from it",
               sourced in captions and source in blocks),
              ("centred lines with no caption's label stay apart",
               all(text in blocks for text in apart))]
    return report(checks, ["captions:"] + captions + ["blocks:"] + blocks)


if __name__ == "__main__":
    sys.exit(main())
