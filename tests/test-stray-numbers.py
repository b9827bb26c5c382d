#!/usr/bin/python3
"""Numbers of the column beside at the start of a heading's lines (issue 16): a text extraction
made like the seed keeps each row across both columns and drops the body font's words, so a
heading in the right column wrapped beside two rows of the left column's numbers reads
"2019 5 （二）“民生实事票决" over "211 制”让基层治理效能提升。". The headings stage moves
those numbers before the heading (headings/stray-numbers.c), where the fragments stage keeps
them between gaps, and the chapters stage still takes the report's title line for a title
though that heading, the second of its scheme, stands before the page's "一、" and "（一）"
(chapters/text-titles.c). One line of numbers before a heading's number (a table's row,
"171,915,169 一、一般公共服务支出") is left as it is, and so is a title line before a second
heading that goes on from the first one before the title line, or before a paragraph of words
and a second heading.

Writes a text dump by hand, made like the seed extraction (a blank line after every line, the
body text lost, numbers and headings left, page numbers "- N -"), converts it with recto and
checks its TEI, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, report  # noqa: E402
from importlib import import_module  # noqa: E402

convert = import_module("test-text-tails").convert

PAGE_ONE = [
    "云溪市人大常委会工作报告",
    "一、坚持党的全面领导，高质量推进各项工作",
    "2022 13",
    "二、聚焦耕地保护，推动全过程人民民主落地",
    "2021 15",
    "- 1 -",
]
# Two columns run together row by row: the right column's heading beside the left's numbers.
PAGE_TWO = [
    "桐岭镇人大主席团",
    "2019",
    "362 58",
    "2019 5 （二）“民生实事票决",
    "211 制”让基层治理效能提升。",
    "一、经验启示",
    "（一）坚持党对人大工",
    "作的全面领导原则。",
    "- 2 -",
]
PAGE_THREE = [
    "枫林村民委员会",
    "一、创新工作机制，丰富全过程人民民主实践路径",
    "（一）健全联络站工作制度。",
    "12 8",
    "财政拨款支出",  # not a title: the second heading after it goes on from the first
    "（二）规范代表建议办理流程。",
    "一、强化阵地建设",
    "（一）突出履职阵地。",
    "171,915,169 三、一般公共服务支出",  # one line: a table's row, left as it is
    "43 9",
    "- 3 -",
]

# A paragraph of words between the title line and the second heading: the body was not lost
# there, and the line is no title.
PAGE_FOUR = [
    "二、深化代表履职",
    "5 3",
    "柳溪村民委员会",
    "全村上下齐心协力推进各项工作取得明显成效。",
    "（二）深化民生实事监督。",
    "一、经验启示",
    "（一）坚持党的领导原则。",
    "- 4 -",
]


def main():
    body = convert("".join(line + "\n\n" for line in PAGE_ONE + PAGE_TWO + PAGE_THREE
                                   + PAGE_FOUR))
    heads = ["".join(h.itertext()).strip() for h in body.iter(TEI + "head")]
    chapters = [d.find(TEI + "head") for d in body.iter(TEI + "div")
                if d.get("type") == "chapter"]
    titles = ["".join(h.itertext()).strip() for h in chapters if h is not None]
    fragments = ["".join(ab.itertext()) for ab in body.iter(TEI + "ab")]
    paragraphs = ["".join(p.itertext()).strip() for p in body.iter(TEI + "p")]
    checks = [
        ("heading whole without the numbers", "（二）“民生实事票决制”让基层治理效能提升。" in heads),
        ("its numbers kept before it", any("2019 5" in f and "211" in f for f in fragments)),
        ("the report's title opens its chapter", "桐岭镇人大主席团" in titles),
        ("a line before a second heading that goes on is no title", "财政拨款支出" not in titles),
        ("a line before words and a second heading is no title", "柳溪村民委员会" not in titles),
        ("a table's row left as it is", "171,915,169 三、一般公共服务支出" in paragraphs),
        ("the other titles", "云溪市人大常委会工作报告" in titles and "枫林村民委员会" in titles),
    ]
    return report(checks, ["heads: " + " | ".join(heads), "titles: " + " | ".join(titles),
                           "fragments: " + " | ".join(fragments),
                           "paragraphs: " + " | ".join(paragraphs)])


if __name__ == "__main__":
    sys.exit(main())
