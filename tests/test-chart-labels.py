#!/usr/bin/python3
"""A chart's labels are no headings (issue 15): a chart drawn as text sets its scale and its
legend ("20 SAC", "10 CPO") in a face of its own, smaller than the text. A number opens the
line, and a face other than the body's sets a numbered heading apart, but not in type smaller
than the text: a heading is not set smaller than what it heads. A numbered heading in a face of
its own at the text's size is still one.

Writes the PDF by hand (Courier for the text, Helvetica for the chart and the heading),
converts it with recto and checks the headings, printing TAP. Run by meson (RECTO_EXE in the
environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402
SIZE, PITCH = 10, 14


def show(y, text, font="F1", size=SIZE, x=72):
    return f"BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET"


def page():
    """A paragraph, a chart's labels in Helvetica 8 with its caption, a paragraph, then a
    numbered heading in Helvetica 10 over a last paragraph."""
    out, y = [], 760
    for text in BODY:
        out.append(show(y, text.decode()))
        y -= PITCH
    for label in ["30", "20 SAC", "10 CPO", "0 2 4 6 8 10"]:
        y -= 12
        out.append(show(y, label, "F2", 8, 150))
    y -= 16
    out.append(show(y, "Figure 1 Costs by method", "F2", 9, 150))
    y -= 2 * PITCH
    for text in BODY:
        out.append(show(y, text.decode()))
        y -= PITCH
    y -= PITCH
    out.append(show(y, "2 Results", "F2"))
    y -= 1.5 * PITCH
    for text in BODY:
        out.append(show(y, text.decode()))
        y -= PITCH
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([page()], b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                       "chart-labels")
    heads = head_texts(body)
    checks = [
        ("a chart's labels set smaller in their own face are no headings",
         not any("SAC" in h or "CPO" in h for h in heads)),
        ("a numbered heading in its own face at the text's size still is one",
         "2 Results" in heads),
    ]
    return report(checks, ["head: " + h for h in heads])


if __name__ == "__main__":
    sys.exit(main())
