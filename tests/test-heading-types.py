#!/usr/bin/python3
"""Headings without a number set in the type of the volume's numbered headings (issue 15): where
the numbered headings are set in a face of their own at the body's size (黑体 in a 宋体 text,
here Helvetica in a Times text), a short line without a number in that type is a heading too
("References"); a line of a table of contents or a note in brackets set in it is not, nor a line
in the body's type (headings/heading-types.c). A type that only one numbered line uses is no
heading type.

Writes the PDFs by hand, converts them with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import headed_paragraphs, pages_pdf  # noqa: E402




def heads_of(content):
    data = pages_pdf([content], b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    body = convert_pdf(data, "heading-types")
    return head_texts(body)


def main():
    volume = heads_of(headed_paragraphs([
        (b"1 Introduction", b"F2"), (b"2 Methods of the survey", b"F2"),
        (b"Contents of the annex ........ 7", b"F2"), (b"(informative annex)", b"F2"),
        (b"Notes on the data", b"F1"), (b"References", b"F2"),
    ]))
    single = heads_of(headed_paragraphs([(b"1 Introduction", b"F2"), (b"References", b"F2")]))
    checks = [
        ("the numbered headings in their own face are headings",
         "1 Introduction" in volume and "2 Methods of the survey" in volume),
        ("a line without a number in their type is a heading", "References" in volume),
        ("a line of contents in their type is not",
         not any(h.startswith("Contents") for h in volume)),
        ("a note in brackets in their type is not", "(informative annex)" not in volume),
        ("a short line in the body's type is not", "Notes on the data" not in volume),
        ("one numbered line makes no heading type", "References" not in single),
    ]
    return report(checks, ["heads:"] + ["  " + h for h in volume] + ["single:"]
                  + ["  " + h for h in single])


if __name__ == "__main__":
    sys.exit(main())
