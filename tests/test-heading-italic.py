#!/usr/bin/python3
"""Headings without a number told by their face alone (headings/unnumbered.c): one line set in
italics at the body's size over a paragraph in upright type is a heading, as a handbook sets
"Boots Self-Locking Nut" over its section's text (the FAA's Aviation Maintenance Technician
handbook does). Not an italic line set smaller than the body, nor one over a single line of
text (a label of a figure), nor an italic sentence, nor a short line in the body's own type.

Writes the PDFs by hand (Times-Roman and Times-Italic), converts them with recto and checks the
headings, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, headed_paragraphs, pages_pdf, text_line  # noqa: E402


def heads_of(content):
    data = pages_pdf([content], b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>")
    return head_texts(convert_pdf(data, "heading-italic"))


def over_one_line():
    """A page of paragraphs with, between two of them, an italic line over one upright line."""
    out, y = b"", 780
    for i in range(2):
        for body in BODY:
            out += text_line(y, body)
            y -= 13
        y -= 20
        if i == 0:
            out += text_line(y, b"Untightened nut", b"F2")
            y -= 13
            out += text_line(y, b"Locking shoulder")
            y -= 33
    return out


def main():
    volume = heads_of(headed_paragraphs([
        (b"Boots Self-Locking Nut", b"F2"), (b"Elastic Stop Nut", b"F2"),
        (b"The nut is then replaced.", b"F2"), (b"Notes on the data", b"F1"),
    ]))
    small = heads_of(headed_paragraphs([(b"Boots Self-Locking Nut", b"F2")], head_size=8))
    label = heads_of(over_one_line())
    checks = [
        ("an italic line over upright text is a heading",
         "Boots Self-Locking Nut" in volume and "Elastic Stop Nut" in volume),
        ("an italic sentence is not", "The nut is then replaced." not in volume),
        ("a short line in the body's type is not", "Notes on the data" not in volume),
        ("an italic line set smaller than the body is not", "Boots Self-Locking Nut" not in small),
        ("an italic line over one line of text is not", "Untightened nut" not in label),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in volume] + ["small:"]
                  + ["  " + h for h in small] + ["label:"] + ["  " + h for h in label])


if __name__ == "__main__":
    sys.exit(main())
