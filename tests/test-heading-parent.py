#!/usr/bin/python3
"""A heading without a number that stands right over the first heading of a numbered scheme, in
the numbered headings' own type, with no text of its own between ("歳入歳出予算事項別明細書" over
"１ 総括", "２ 歳入"): it heads that scheme, so their divisions nest in its own; where text of
its own follows it, it is their sibling, as before (headings/unnumbered.c:
unnumbered_parents()).

Writes the PDFs by hand, converts them with recto and checks the divisions, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, convert_pdf, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf, text_line  # noqa: E402

TITLE = "Statement of the budget by item"


def content(text_under_title):
    """A page: the bold title, body text under it when @text_under_title, then two numbered
    headings in its type, each over three lines of body text."""
    out, y = text_line(780, TITLE.encode(), b"F2", 12), 756
    if text_under_title:
        for body in BODY[3:]:
            out += text_line(y, body)
            y -= 13
        y -= 11
    for head in (b"1 Summary of the year", b"2 Revenue of the county"):
        out += text_line(y, head, b"F2", 12)
        y -= 24
        for body in BODY[:3]:
            out += text_line(y, body)
            y -= 13
        y -= 20
    return out


def head_div(body, text):
    """The div whose head reads @text, and the div it stands in."""
    for parent in body.iter(TEI + "div"):
        for div in parent.findall(TEI + "div"):
            head = div.find(TEI + "head")
            if head is not None and " ".join("".join(head.itertext()).split()) == text:
                return div, parent
    for div in body.findall(TEI + "div"):
        head = div.find(TEI + "head")
        if head is not None and " ".join("".join(head.itertext()).split()) == text:
            return div, body
    return None, None


def nesting(text_under_title):
    data = pages_pdf([content(text_under_title)],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>")
    body = convert_pdf(data, "heading-parent")
    title, _ = head_div(body, TITLE)
    _, first_in = head_div(body, "1 Summary of the year")
    _, second_in = head_div(body, "2 Revenue of the county")
    return title, first_in, second_in


def main():
    title, first_in, second_in = nesting(False)
    title_text, first_text, _ = nesting(True)
    checks = [
        ("the title over the first numbered heading is a heading", title is not None),
        ("the first numbered heading nests in the title's division",
         title is not None and first_in is title),
        ("and so does the second", title is not None and second_in is title),
        ("with text of its own under it, the title is the numbered headings' sibling",
         title_text is not None and first_text is not title_text),
    ]
    return report(checks, [f"title div: {title}, first in: {first_in}, second in: {second_in}"])


if __name__ == "__main__":
    sys.exit(main())
