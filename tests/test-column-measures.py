#!/usr/bin/python3
"""A column's measure comes from the pages that share its gutter (issue 15): on a page whose
gutter runs elsewhere than the volume's (a narrow column of notes beside a wide one, the cells
of a two-column table), the lines of a paragraph that fill that page's narrow left column join,
rather than each ending short of the volume's wider left column. The volume's own columns still
join their paragraphs.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the paragraphs, printing TAP. Run by meson (RECTO_EXE in the
environment).
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
SIZE = 10  # Courier 10: six points a character
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def paragraph(width, n_lines, seed, tag):
    """@n_lines lines of words, each exactly @width characters (its last word lengthened) but
    the last, about half as long and ending with @tag and a full stop."""
    lines, k = [], seed
    for i in range(n_lines):
        last = i == n_lines - 1
        room = width // 2 - len(tag) - 2 if last else width
        words = []
        while len(" ".join(words + [WORDS[k % len(WORDS)]])) <= room:
            words.append(WORDS[k % len(WORDS)])
            k += 1
        line = " ".join(words)
        lines.append(line + " " + tag + "." if last else line + "x" * (width - len(line)))
    return lines


def column(x, width, top, tags):
    """Paragraphs of 4 lines at @x, 14 points apart, 1.5 lines between paragraphs."""
    out, y = [], top
    for n, tag in enumerate(tags):
        for line in paragraph(width, 4, sum(map(ord, tag)) + n, tag):
            out.append((x, y, line))
            y -= 14
        y -= 7
    return out


def page(left_chars, gutter_chars, right_chars, tags):
    left = column(72, left_chars, 760, [t + "L" for t in tags])
    right = column(72 + 6 * (left_chars + gutter_chars), right_chars, 760, [t + "R" for t in tags])
    return "\n".join(f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"
                     for x, y, text in left + right).encode("latin-1")


def main():
    # Three pages of two equal columns (36 characters, a gutter of 4), then a page whose left
    # column is 20 characters wide and whose right column is 52.
    pages = [page(36, 4, 36, [f"p{n}a", f"p{n}b", f"p{n}c"]) for n in (1, 2, 3)]
    pages.append(page(20, 4, 52, ["p4a", "p4b", "p4c"]))
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "measures.pdf"), os.path.join(work, "measures.tei.xml")
        with open(source, "wb") as f:
            f.write(pages_pdf(pages, b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"))
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    ps = [" ".join("".join(e.itertext()).split()) for e in body.iter(TEI + "p")]

    def whole(tag):
        """Whether some paragraph holds the four lines of paragraph @tag, and only them."""
        return any(p.endswith(tag + ".") and p.count(".") == 1 and len(p.split()) > 8 for p in ps)

    checks = [
        ("the volume's left column joins its paragraphs", all(whole(f"p2{c}L") for c in "abc")),
        ("the volume's right column joins its paragraphs", all(whole(f"p2{c}R") for c in "abc")),
        ("a narrower left column on a page of its own joins its paragraphs",
         all(whole(f"p4{c}L") for c in "abc")),
        ("the wider right column beside it joins its paragraphs",
         all(whole(f"p4{c}R") for c in "abc")),
    ]
    return report(checks, ["p: " + " | ".join(ps)])


if __name__ == "__main__":
    sys.exit(main())
