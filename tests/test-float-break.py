#!/usr/bin/python3
"""A paragraph broken off by a float goes on after it (issue 15): a sentence that breaks off
at the foot of a page, where the next page opens with a chart (its labels and caption set
smaller than the text), goes on in the first line of the text after the chart; the paragraph
comes out whole and the chart's lines follow it. A paragraph whose last line ends its sentence
is not held over a float: the text after the chart starts a paragraph of its own. Lines set
smaller with no caption among them are no float: a running head that opens the next page, set
smaller, stays before the text after it, in the order it was printed.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the paragraphs, printing TAP. Run by meson (RECTO_EXE in the
environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report, text_without_furniture  # noqa: E402
from tiny_pdf import pages_pdf  # noqa: E402
SIZE = 10  # Courier 10: six points a character
PITCH = 14
WORDS = "the board met eleven times and approved every budget line that it was given".split()


def filled(seed, n_chars=76):
    """Words from the list, from @seed on, as many as fit in @n_chars characters, the last one
    stretched to fill them (as a justified line is)."""
    out, k = [], seed
    while len(" ".join(out + [WORDS[k % len(WORDS)]])) <= n_chars:
        out.append(WORDS[k % len(WORDS)])
        k += 1
    text = " ".join(out)
    return text + "s" * (n_chars - len(text))


def show(x, y, text, size=SIZE):
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def text_page(last):
    """Eight filled lines of a paragraph, the last one ending with @last."""
    lines = [filled(i) for i in range(7)] + [filled(7, 76 - len(last) - 1) + " " + last]
    return "\n".join(show(72, 760 - PITCH * i, line) for i, line in enumerate(lines))


def chart_page(number, after):
    """Chart @number's labels (8 points) and its caption (9 points), then the line @after."""
    scale = "     ".join(str(number * k) for k in range(4))
    return "\n".join([show(120, 780, scale, 8), show(120, 766, f"Spending {number}", 8),
                      show(150, 745, f"Figure {number} Spending by year", 9), show(72, 720, after)])


def headed_page(after):
    """A running head (8 points) over the line @after, and no caption."""
    return "\n".join([show(230, 790, "Annual Review 2023", 8), show(72, 760, after)])


def main():
    pages = [text_page("and"), chart_page(1, "then went home for the summer recess."),
             text_page("planned."), chart_page(2, "Another paragraph opens at the margin."),
             text_page("while"), headed_page("the rest of its sentence waited below.")]
    body = convert_pdf(pages_pdf([p.encode("latin-1") for p in pages],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "float")
    blocks = [" ".join(text_without_furniture(e).split()) for e in body.iter()
              if e.tag in (TEI + "p", TEI + "head")]
    joined = [b for b in blocks if "and then went home" in b]
    flat = " ".join(blocks)

    checks = [
        ("a sentence broken off by a chart goes on after it", len(joined) == 1),
        ("the chart's lines follow the paragraph",
         "recess." in flat and flat.index("recess.") < flat.index("Figure 1")),
        ("a paragraph that ended its sentence is not held over a chart",
         any(b.startswith("Another paragraph") for b in blocks)
         and not any("planned. Another" in b or "planned.Another" in b for b in blocks)),
        ("a running head set smaller, with no caption, stays before the text after it",
         "Annual Review" in flat and "the rest of its" in flat
         and flat.index("Annual Review") < flat.index("the rest of its")),
    ]
    return report(checks, ["block: " + b for b in blocks])


if __name__ == "__main__":
    sys.exit(main())
