#!/usr/bin/python3
"""A text extraction's running head beside its page numbers (furniture/text-pages.c): the line
just after a page number "- N -" that comes back after a good share of them is the next page's
running head, also where up to two lines of bare figures, what is left of a lost sentence,
stand between the number and the head ("- 69 -", "44", then the volume's title on
vol111-seedlike's p. 70). Three lines of figures are too many; the figures themselves stay body
text, and so does a line with words that stands there once.

Writes a text dump by hand, made like the seed extraction (a blank line after every line, the
body text lost, numbers and headings left, no form feeds), converts it with recto and checks the
running heads, printing TAP. Run by meson (RECTO_EXE in the environment).
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import TEI, report  # noqa: E402

TITLE = "全过程人民民主的江门实践（2023）"
# What stands between each page number and the next page's first line of words.
BETWEEN = {3: ["44"], 5: ["21.8 154", "95. 4%"], 7: ["2023", "12", "8"]}
ONCE = "枫林村民委员会工作报告"  # after the number of page 8, once: body text


def dump():
    lines = ["2022 13", "一、坚持党的全面领导", "36 2019"]
    for page in range(1, 10):
        lines.append(f"- {page} -")
        lines += BETWEEN.get(page, [])
        lines.append(ONCE if page == 8 else TITLE)
        lines += [f"{page * 7} {page + 2020}", f"（{'一二三四五六七八九'[page - 1]}）工作成效", "78.1%"]
    return "".join(line + "\n\n" for line in lines)


def main():
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "running.txt"), os.path.join(work, "running.tei.xml")
        with open(source, "w", encoding="utf-8") as f:
            f.write(dump())
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o", out],
                       check=True)
        body = ET.parse(out).getroot().find(f"{TEI}text/{TEI}body")
    headers = ["".join(fw.itertext()).strip() for fw in body.iter(TEI + "fw")
               if fw.get("type") == "header"]
    furniture = {id(el) for fw in body.iter(TEI + "fw") for el in fw.iter()}
    text = "".join(t for el in body.iter() if id(el) not in furniture
                   for t in (el.text or "", el.tail or ""))
    checks = [
        ("the title after pp. 1, 2, 4, 6 and 9's numbers is a running head",
         headers.count(TITLE) >= 5),
        ("and after p. 3's number and one line of figures, and p. 5's and two",
         headers.count(TITLE) == 7),
        ("not after p. 7's number and three lines of figures", TITLE in text),
        ("the figures between are body text",
         all(figure in text for page in BETWEEN for figure in BETWEEN[page])),
        ("a line of words there once is body text", ONCE in text and ONCE not in headers),
    ]
    return report(checks, ["headers: " + " | ".join(headers)])


if __name__ == "__main__":
    sys.exit(main())
