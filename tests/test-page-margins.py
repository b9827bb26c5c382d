#!/usr/bin/python3
"""Pages set with margins of their own (reading-order's column measures): a report whose facing
pages mirror their margins, or whose odd pages keep a wider left margin, sets paragraphs
without a first-line indent, a blank line between them (World Nuclear Association's
"Recalibrating risk" does). A page whose text starts right of the document's left edge by more
than a first-line indent keeps its own measure, so that its lines are not read as indented one
by one; a paragraph indented from that page's own margin still starts a block of its own.

Writes the PDF by hand (Courier, so that the lines' widths are known), converts it with recto and
compares the paragraphs, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

SIZE, PITCH = 10, 12
CHARS = 80  # the measure, in Courier characters (0.6 type sizes each)
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


class Page:
    """A page's lines of Courier at SIZE points, its text's left edge at @left."""

    serial = 0

    def __init__(self, left):
        self.left, self.lines, self.y = left, [], 790

    def line(self, chars, last, indent=0, pitch=PITCH):
        """A line of exactly @chars characters ending on @last, @indent type sizes in."""
        Page.serial += 1
        out, i = [], Page.serial
        while len(" ".join(out)) < chars:
            out.append(WORDS[i % len(WORDS)])
            i += 1
        text = " ".join(out)[: chars - 1].rstrip().ljust(chars - 1, "x") + last
        self.y -= pitch
        self.lines.append((self.left + indent * SIZE, self.y, text))
        return text

    def paragraph(self, n, chars=CHARS, indent=0, pitch=2 * PITCH, last_chars=40):
        """A paragraph of @n lines filling @chars (the last one @last_chars long), the first
        set @pitch below the line above it and @indent type sizes in; its text."""
        first_chars = chars - round(indent / 0.6)
        texts = [self.line(first_chars, "a", indent, pitch)]
        for i in range(1, n):
            texts.append(self.line(chars if i < n - 1 else last_chars,
                                   "a" if i < n - 1 else "."))
        return " ".join(texts)

    def content(self):
        return "\n".join(f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"
                         for x, y, text in self.lines).encode("latin-1")


def build():
    """The PDF's bytes, the paragraphs that must come out whole, and the blocks that must start
    a block of their own."""
    whole, apart = [], []
    plain = [Page(72), Page(72)]
    # Facing pages mirrored: the whole measure set 1.4 type sizes further right.
    mirrored = Page(86)
    # A page with a wider left margin only: the measure narrower, its right edge kept.
    narrower = Page(86)
    for page in plain + [mirrored]:
        for _ in range(3):
            whole.append(page.paragraph(4))
    for _ in range(3):
        whole.append(narrower.paragraph(4, CHARS - 2))
    # On the mirrored page, a paragraph at the usual pitch after a filled line that ends its
    # sentence, indented two type sizes from the page's own margin: a block of its own.
    mirrored.line(CHARS, ".", 0, 2 * PITCH)
    apart.append(mirrored.paragraph(3, indent=2, pitch=PITCH))
    pages = [plain[0], mirrored, narrower, plain[1]]
    data = pages_pdf([page.content() for page in pages],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
                     b"/Encoding /WinAnsiEncoding >>")
    return data, whole, apart


def main():
    data, whole, apart = build()
    body = convert_pdf(data, "margins")
    found = [" ".join(text_without_furniture(e).split())
             for e in body.iter() if e.tag in (TEI + "p", TEI + "item", TEI + "head")]
    checks = [(f"paragraph {i + 1} is one block", text in found) for i, text in enumerate(whole)]
    checks += [(f"indented paragraph {i + 1} on a page of its own margin is a block of its own",
                text in found) for i, text in enumerate(apart)]
    return report(checks, ["blocks found:"] + found)


if __name__ == "__main__":
    sys.exit(main())
