#!/usr/bin/python3
"""A heading of a text extraction wrapped onto a line of its own (issue 16): the headings stage
joins the rest to its heading when the heading's line was full at its page's measure, the
widest line of words on that page (a two-column page's narrower one), also where the rest closes
the heading with a stop and where a new report follows; a rest wrapped over two lines, the
first of them full where the page shows no line as wide; a short scrap of a line after a
heading that did not fill its line; and a full heading's rest that an extraction in stream
order set before it among the other column's lines of numbers, where the heading goes on from
its sibling before (headings/text-tails.c). A line after a heading that did not
fill its page's measure is not its rest (a report's title before that report's first heading),
nor is a line as full as the measure that ends no sentence (a line of the column beside), nor
two short lines after a heading that did not fill its line, nor a report's title among the
numbers before the report's first heading, nor a caption's rest after its line; and a caption
that the paragraph stage joined to a heading that filled its line is taken apart from it
(headings/numbered-lines.c).

Writes a text dump by hand, made like the seed extraction (a blank line after every line, the
body text lost, numbers and headings left, no form feeds, page numbers "- N -"), converts it with
recto and checks the headings, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, report  # noqa: E402

# One column: lines of words as wide as 25 characters.
PAGE_ONE = [
    "云溪市人大常委会工作报告",
    "一、坚持党的全面领导，高质量推进各项工作落",
    "实见效",  # a scrap after a heading that did not fill the widest line: joined
    "2022 13",
    "二、坚持围绕中心履职尽责，推动全过程人民民主落地",
    "2021 15",
    "三、存在问题和下一步工作计划",
    "桐岭镇人大主席团",  # the next report's title: not joined
    "- 1 -",
]
# Two columns: lines of words as wide as 11 characters.
PAGE_TWO = [
    "一、探索实践，打造品牌",
    "36 2019",
    "（一）坚持党对人大工",
    "作的全面领导原则。",  # the rest closes the heading with a stop: joined
    "78.1% 2022",
    "（二）发挥代表作用，提",
    "升全过程人民民主实效",  # as full as the measure, no stop: the column beside, not joined
    "41 8",
    "（三）聚焦城乡供水一体",
    "化，开展精准监督",  # a new report follows: joined all the same (the line was full)
    "2020",
    "- 2 -",
]
PAGE_THREE = [
    "枫林村民委员会",
    "一、创新工作机制，丰富全过程人民民主实践路径",
    "2022 11 23",
    "二、强化阵地建设，打造代表之家特色品牌",
    "12 8",
    "三、聚焦镇村规划建设，推动全过程人民民主在基层落地生根",
    "图 1：和云镇卫生站施工前后对比图",  # joined to the full line above by the paragraphs
    "- 3 -",
]
# Rows of two columns in stream order: a heading's rest set before it, among the left column's
# numbers; it goes on from "三、" before it.
PAGE_FOUR = [
    "（一）工作成效建基于民。",
    "2020",
    "（二）围绕粮食安全，持续",
    "跟踪问效",
    "3476",
    "637",
    "过程人民民主发展方向",  # the rest of "四、…把牢全" below: joined
    "627 98.4%",
    "四、坚持一个原则，把牢全",
    "（一）注重完善制度机制。",
    "2022 1 15",
    "图 2：江莲小学发来感谢",
    "信和锦旗",  # a caption's rest, after a line of words: not a heading's
    "43 9",
    "五、强化代表履职服务，提升",
    "（一）健全代表联络制度。",
    "- 4 -",
]
# A report's title among the numbers before its first heading: not joined to it.
PAGE_FIVE = [
    "2021 3",
    "枫溪镇人大主席团",
    "12 8",
    "一、坚持党的全面领导，把牢全",
    "（一）健全联络站工作制度。",
    "5 3",
    "（二）突出履职阵地作用。",
    "- 5 -",
]
# A two-column page with few lines of words: a heading's rest wrapped over two lines, the first
# as wide as the column (wider than the heading's line, set in, by the word it broke before).
PAGE_SIX = [
    "图 1：双城中学发来感谢信",
    "和锦旗",
    "二、发挥代表主体作",
    "用，让全过程人民民主可感",  # with the next line: joined
    "可知可及",
    "367",
    "- 6 -",
]
# A heading that did not fill its line, then two short lines: not its rest.
PAGE_SEVEN = [
    "三、强化阵地建设",
    "打造代表之家",
    "特色品牌",
    "43",
    "- 7 -",
]

JOINED = [
    "一、坚持党的全面领导，高质量推进各项工作落实见效",
    "（一）坚持党对人大工作的全面领导原则。",
    "（三）聚焦城乡供水一体化，开展精准监督",
    "四、坚持一个原则，把牢全过程人民民主发展方向",
    "二、发挥代表主体作用，让全过程人民民主可感可知可及",
]
APART = [
    "三、存在问题和下一步工作计划",
    "（二）发挥代表作用，提",
    "一、坚持党的全面领导，把牢全",
    "枫溪镇人大主席团",
    "五、强化代表履职服务，提升",
    "三、强化阵地建设",
    "三、聚焦镇村规划建设，推动全过程人民民主在基层落地生根",  # the caption taken apart
]


def convert(text):
    """Converts @text with recto (quietly) and returns the TEI's body."""
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "tails.txt"), os.path.join(work, "tails.tei.xml")
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        return ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")


def main():
    lines = PAGE_ONE + PAGE_TWO + PAGE_THREE + PAGE_FOUR + PAGE_FIVE + PAGE_SIX + PAGE_SEVEN
    body = convert("".join(line + "\n\n" for line in lines))
    heads = ["".join(h.itertext()).strip() for h in body.iter(TEI + "head")]
    checks = [("joined: " + text, text in heads) for text in JOINED]
    checks += [("left apart: " + text, text in heads) for text in APART]
    return report(checks, ["heads: " + " | ".join(heads)])


if __name__ == "__main__":
    sys.exit(main())
