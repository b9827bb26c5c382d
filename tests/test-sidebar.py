#!/usr/bin/python3
"""A column of small type beside the text is no footnotes (issue 15): a research report's first
page sets a sidebar of its analysts, figures and links to its right, in smaller type, and its
lines come last in reading order, as notes do. Some open with numbers ("0755-8123"), one looks
like a label ("Analyst:"). But notes lie under the page's text, and the sidebar stands beside
it: the main column runs on below the sidebar's first line. A note under the text of the next
page is still a note. The sidebar's heading ("Related reports", 9 points over a link of two
lines at 7, beside 10-point text) is a heading: set smaller than the body, it heads smaller
text still.

Writes the PDF by hand (Courier: every character 0.6 em wide, so a line's width is known),
converts it with recto and checks the notes, printing TAP. Run by meson (RECTO_EXE in the
environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, head_texts, report, text_without_furniture  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402
SIZE, PITCH = 10, 14  # Courier 10: six points a character
SIDE_SIZE, SIDE_PITCH = 7, 10
# The sidebar's lines (7 points), its heading (9 points) over a link of two lines.
SIDEBAR = ["Analyst: Smith J", "0755-8123 4567", "Rating Outperform", "Close 5.65",
           "52-week high 10.04", "Market value 27,136", "Related reports",
           "2024-08-21 Sales up by a tenth in the first", "half as the stores opened"]
SIDEBAR_HEAD = "Related reports"


def show(x, y, text, size=SIZE):
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def main_column(y, n):
    """@n lines of the main column (38 characters each) from baseline @y down."""
    words = " ".join(b.decode() for b in BODY).split()
    out, line = [], ""
    while len(out) < n:
        for word in words:
            if len(line) + 1 + len(word) > 38:
                out.append(show(72, y, line))
                y -= PITCH
                line = ""
                if len(out) == n:
                    break
            line = (line + " " + word).strip()
    return out, y


def sidebar_page():
    out, _ = main_column(760, 30)
    for i, text in enumerate(SIDEBAR):
        out.append(show(330, 760 - SIDE_PITCH * i, text, 9 if text == SIDEBAR_HEAD else SIDE_SIZE))
    return "\n".join(out).encode("latin-1")


def noted_page():
    out, y = main_column(760, 30)
    out.append(show(72, y - 20, "1 Figures are provisional.", SIDE_SIZE))
    return "\n".join(out).encode("latin-1")


def main():
    body = convert_pdf(pages_pdf([sidebar_page(), noted_page()],
                                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"),
                       "sidebar")
    notes = [" ".join(text_without_furniture(e).split()) for e in body.iter(TEI + "note")]
    text = " ".join(text_without_furniture(body).split())

    checks = [
        ("a sidebar beside the text is no notes",
         not any(s in n for n in notes for s in ("Analyst", "0755", "52-week", "Related"))),
        ("its lines are in the text", all(s in text for s in ("Analyst: Smith J", "Close 5.65"))),
        ("a note under the text is still a note",
         any("Figures are provisional" in n for n in notes)),
        ("the sidebar's heading, set larger than its text though smaller than the body, is one",
         SIDEBAR_HEAD in head_texts(body)),
        ("no other line of the sidebar is a heading",
         not any(h in head_texts(body) for h in SIDEBAR if h != SIDEBAR_HEAD)),
    ]
    return report(checks, ["note: " + n for n in notes] + ["head: " + h for h in head_texts(body)])


if __name__ == "__main__":
    sys.exit(main())
