#!/usr/bin/python3
"""The title of a page of tables (a datasheet's "术语定义 Terms and Definitions" over its table of
terms): a line set larger than the body, the page's only text beside its tables and above them
all, is a heading, even where the tables stage put the table before it
(headings/standing-titles.c: table_page_title()). The same line with a paragraph of the body
between it and the table is not (a larger line over smaller text needs numbered headings as
large), nor the line set at the body's size.

Writes the PDFs by hand, converts them with recto and checks the headings, printing TAP. Run by
meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import convert_pdf, head_texts, report  # noqa: E402
from tiny_pdf import BODY, pages_pdf  # noqa: E402

TITLE = "Terms and their definitions"
LEFT, MIDDLE, RIGHT, TOP, ROW = 72, 200, 520, 700, 30
TERMS = [("Term", "Definition"), ("Product", "The cell this standard covers"),
         ("Customer", "The buyer under the contract of sale"),
         ("Ambient", "The temperature around the cell"), ("Cycle", "One charge and one discharge")]


def text(x, y, words, size=10):
    return f"BT /F1 {size} Tf {x} {y} Td ({words}) Tj ET"


def table():
    bottom = TOP - ROW * len(TERMS)
    out = ["0.6 w"] + [f"{x} {TOP} m {x} {bottom} l S" for x in (LEFT, MIDDLE, RIGHT)]
    for i, (term, definition) in enumerate(TERMS):
        y = TOP - ROW * i
        out += [f"{LEFT} {y} m {RIGHT} {y} l S", text(LEFT + 6, y - 19, term),
                text(MIDDLE + 6, y - 19, definition)]
    out.append(f"{LEFT} {bottom} m {RIGHT} {bottom} l S")
    return out


def heads(title_size, paragraph):
    first = [text(72, 780 - 14 * i, BODY[i % len(BODY)].decode()) for i in range(12)]
    second = [text(200, 760, TITLE, title_size)]
    if paragraph:
        second.append(text(72, 725, BODY[0].decode()))
    data = pages_pdf([("\n".join(first)).encode(), ("\n".join(second + table())).encode()],
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>")
    return head_texts(convert_pdf(data, "table-page-title"))


def main():
    alone, over_text, plain = heads(14, False), heads(14, True), heads(10, False)
    checks = [
        ("a larger line alone over a page's table is a heading", TITLE in alone),
        ("with a paragraph between it and the table it is not", TITLE not in over_text),
        ("at the body's size it is not", TITLE not in plain),
    ]
    return report(checks, [f"heads (alone): {alone}", f"heads (over text): {over_text}",
                           f"heads (plain): {plain}"])


if __name__ == "__main__":
    sys.exit(main())
