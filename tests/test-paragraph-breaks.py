#!/usr/bin/python3
"""Where the paragraphs stage breaks a block on a page whose lines sit off its usual grid
(issue 15): a sentence that a filled line breaks goes on in a line that hangs under a label, or
that a stretched leading set further down; a page whose text sits right of the document's usual
left edge (mirrored margins) is not read as indented line by line. The same page shows that a line hanging or set further down
after a line that ends its sentence still starts a block of its own. At a page's foot, lines
set small that open with a label ("Funding:") are notes when a marked note follows them, and
not when none does (an abstract set small at a title page's foot); a page set small throughout
has no notes, though its lines open with numbers.

Writes the PDF by hand (Courier, so that the lines' widths are known), converts it with recto and
compares the paragraphs, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402

TEI = "{http://www.tei-c.org/ns/1.0}"
SIZE = 10  # Courier: every character 0.6 type sizes wide
LEFT, CHARS = 72, 80  # the text's left edge and its measure in characters
PITCH = 12
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def words(n, start, last):
    """Exactly @n characters of words, the last character @last."""
    out, i = [], start
    while len(" ".join(out)) < n:
        out.append(WORDS[i % len(WORDS)])
        i += 1
    return " ".join(out)[: n - 1].rstrip().ljust(n - 1, "x") + last


class Page:
    serial = 0

    def __init__(self, shift=0):
        self.lines, self.y, self.shift = [], 780, shift

    def add(self, x, text, pitch=PITCH, size=SIZE):
        self.y -= pitch
        self.lines.append((x + self.shift, self.y, text, size))

    def text(self, x, chars, last, pitch=PITCH):
        """A line of @chars characters at @x that ends on @last; its text."""
        Page.serial += 1
        line = words(chars, Page.serial, last)
        self.add(x, line, pitch)
        return line

    def content(self):
        out = []
        for x, y, text, size in self.lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            out.append(f"BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET")
        return "\n".join(out).encode("latin-1")


def paragraph(page, first_x, lines, last="."):
    """A paragraph of @lines filled lines (the first at @first_x), the last one ending on @last."""
    texts = [page.text(first_x, CHARS - round((first_x - LEFT) / (0.6 * SIZE)), "a", 2 * PITCH)]
    for i in range(1, lines):
        texts.append(page.text(LEFT, CHARS if i < lines - 1 else 40, "a" if i < lines - 1 else last))
    return " ".join(texts)


def build(path):
    page = Page()
    expected, separate = [], []
    # Ordinary paragraphs with a first-line indent of two type sizes: they set the usual pitch
    # and the document's left edge.
    for _ in range(4):
        expected.append(paragraph(page, LEFT + 2 * SIZE, 4))
    # A label ("A: ") whose sentence goes on in lines hanging under the text after it.
    hang = LEFT + 3 * 0.6 * SIZE
    item = [page.text(LEFT, CHARS, "a", 2 * PITCH)]
    item.append(page.text(hang, CHARS - 3, "a"))
    item.append(page.text(hang, 30, "."))
    expected.append(" ".join(item))
    # A line set further down (its leading stretched) in the middle of a sentence.
    stretched = [page.text(LEFT + 2 * SIZE, CHARS - 2 * SIZE // 6, "a", 2 * PITCH)]
    stretched.append(page.text(LEFT, CHARS, "a", PITCH + SIZE * 0.6))
    stretched.append(page.text(LEFT, 50, "."))
    expected.append(" ".join(stretched))
    # After a filled line that ends its sentence, neither a hanging line nor one set further
    # down goes on with it.
    separate.append(page.text(LEFT, CHARS, ".", 2 * PITCH))
    separate.append(page.text(hang, 40, "."))
    separate.append(page.text(LEFT, CHARS, ".", PITCH + SIZE * 0.6))
    # The facing page's margin is wider by one type size: its text starts right of the
    # document's left edge, its paragraphs' first lines further right still.
    facing = Page(shift=SIZE)
    for _ in range(2):
        expected.append(paragraph(facing, LEFT + 2 * SIZE, 3))
    # Notes at the foot of a page, in smaller type: unmarked ones headed by a label above a
    # marked one; on the next page a label alone heads small text that is no note.
    notes, not_notes = [], []
    pages = [page, facing, Page()]
    for foot, marked in ((pages[1], True), (pages[2], False)):
        for _ in range(2):
            expected.append(paragraph(foot, LEFT + 2 * SIZE, 3))
        foot.y = 120
        labelled = (["Funding: the Agency for Tests, grant 42.", "Received: 1 May 2024."] if marked
                    else ["Abstract: a page of lines set small.", "Keywords: tests, notes."])
        for text in labelled:
            foot.add(LEFT, text, 10, 8)
        (notes if marked else not_notes).extend(labelled)
        if marked:
            foot.add(LEFT, "* Corresponding author: test@example.org.", 10, 8)
            notes.append("* Corresponding author: test@example.org.")
    # A page whose text is set small throughout, a numbered list under a heading in body type.
    small = Page()
    small.add(LEFT, "Procedures", 2 * PITCH)
    listed = [f"{n}. The auditor checked ledger {n} against its invoices." for n in range(1, 7)]
    for text in listed:
        small.add(LEFT, text, 10, 8)
    not_notes.extend(listed)
    pages.append(small)
    with open(path, "wb") as out:
        out.write(pages_pdf([each.content() for each in pages],
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
                            b"/Encoding /WinAnsiEncoding >>"))
    return expected, separate, notes, not_notes


def blocks(path, tags):
    root = ET.parse(path).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    return [" ".join("".join(e.itertext()).split()) for e in body.iter() if e.tag in tags]


def in_some(text, found):
    """Whether @text is in one of @found (a note may hold several lines, its n apart)."""
    return any(text.lstrip("* ") in each for each in found)


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "breaks.pdf"), os.path.join(work, "breaks.tei.xml")
        expected, separate, notes, not_notes = build(source)
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out], check=True)
        found = blocks(out, (TEI + "p", TEI + "head", TEI + "item"))
        found_notes = blocks(out, (TEI + "note",))
    checks = [(f"paragraph {i + 1} is one block", text in found) for i, text in enumerate(expected)]
    checks += [(f"line {i + 1} after a finished sentence is a block of its own", text in found)
               for i, text in enumerate(separate)]
    checks += [(f"foot line {i + 1} is a note", in_some(text, found_notes))
               for i, text in enumerate(notes)]
    checks += [(f"small line {i + 1} with no marked note below is no note",
                not in_some(text, found_notes) and in_some(text, found))
               for i, text in enumerate(not_notes)]
    return report(checks, ["blocks found:"] + found)


if __name__ == "__main__":
    sys.exit(main())
