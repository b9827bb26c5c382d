#!/usr/bin/python3
"""What a lost sentence leaves of a Chinese text in its Latin font is no heading (headings/
numbered-heads.c): in a text extraction without typography whose text so far is Chinese, a line
that opens with a number and holds no Chinese ("355 CGTN 37", on vol111-seedlike) is kept as
text, while a numbered line with Chinese in it ("1 GDP增长情况") is a heading; in an English
text, "3 Methods" is one.

Writes two text dumps by hand, made like the seed extraction (a blank line after every line, the
body text lost, numbers and headings left, no form feeds, page numbers "- N -"), converts them
with recto and checks the headings, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, report  # noqa: E402

CHINESE = [
    "江门市蓬江区人大常委会",
    "一、坚持党的全面领导，高质量推进人大各项工作落实见效",
    "2022 13",
    "（一）突出民生，精选监督议题，推动民生实事项目落地见效",
    "2021 15 36",
    "二、聚焦镇村规划建设，推动全过程人民民主在基层落地生根",
    "24 249",
    "355 CGTN 37",
    "7 2021 GDP 198.92 9.7%",
    "1 GDP增长情况",
    "- 1 -",
]
ENGLISH = [
    "Annual report of the Standards Committee",
    "1 Introduction",
    "2021 15",
    "2 Scope of the review",
    "36 2019",
    "3 Methods",
    "24 249",
    "- 1 -",
]


def heads_of(lines):
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "dump.txt"), os.path.join(work, "dump.tei.xml")
        with open(source, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n\n" for line in lines))
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    return ["".join(h.itertext()).strip() for h in body.iter(TEI + "head")]


def main():
    chinese, english = heads_of(CHINESE), heads_of(ENGLISH)
    checks = [
        ("Chinese: \"355 CGTN 37\" is no heading", "355 CGTN 37" not in chinese),
        ("Chinese: \"二、聚焦镇村规划建设…\" is one",
         "二、聚焦镇村规划建设，推动全过程人民民主在基层落地生根" in chinese),
        ("Chinese: \"1 GDP增长情况\" is one", "1 GDP增长情况" in chinese),
        ("English: \"3 Methods\" is one", "3 Methods" in english),
    ]
    return report(checks, ["Chinese heads: " + " | ".join(chinese),
                           "English heads: " + " | ".join(english)])


if __name__ == "__main__":
    sys.exit(main())
