#!/usr/bin/python3
"""A paper's subtitle and author line on a scanned page are its title's front matter, not
headings: OCR gives a scan's lines no face, and guesses bold from the strokes' width, so the
headings stage took "——基于江海区北安镇的调查" and the author line under it (set in 楷体, read
as bold) for headings of the paper (vol111-scanned). Where lines have no face, the chapters stage
takes a line after a title that opens with a dash for its subtitle, and the line under that for
its byline when it stands no more than half as far again under the subtitle as the subtitle
under the title (titles.h); without a subtitle, a line centred right under the title, nearer
to it than to the text under it, is its byline ("Submitted by Ms Fiona Duncan, Chair",
vol511-scanned). A heading after the title that opens with no dash stays a heading, and so do
a line set well apart under the subtitle and one off the title's middle.

Runs the chapters stage with recto-stage-test on a page written as a dump fixture (as the
headings stage leaves a scanned page) and prints TAP. Run by meson (RECTO_STAGE_TEST_EXE and
RECTO_TEST_PLUGIN_DIR in the environment).
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402

TITLE = "新时代镇人大工作高质量发展的路径探析"
SUBTITLE = "——基于江海区北安镇的调查"
BYLINE = "江海区人大常委会选举联络人事任免工委  林燕"
HEADING = "一、从全过程人民民主视角看工作的启示"
AUTHOR = "Submitted by Ms Fiona Duncan, Chair"
BODY = "2023年1月，我们出台《民生实事项目人大代表票决制实施办法》，明确6个方面34项具体措施。"


def block(kind, text, top, size, n=None, level=0, bold=True, x=(100, 500)):
    """A block of the headings stage's output: one line of @text whose box's top is @top, from
    x[0] to x[1]."""
    return {"kind": kind, "type": None, "n": n, "level": level, "page": -1, "stage": "headings",
            "font": None, "size": size, "flags": 1 if bold else 0, "all_bold": bold,
            "sources": [{"page": 0, "box": [x[0], top, x[1], top + size]}], "repairs": [],
            "children": [{"kind": "text", "text": text}]}


def fixture(second, third, third_top, second_x=(100, 500), second_top=159):
    """A dump of a scanned page: a title at the page's top, the lines @second (from
    @second_x[0] to [1], its top at @second_top) and @third under it (heads, as OCR's bold made
    them; @third's top at @third_top), a body paragraph, a numbered heading and a paragraph."""
    body = {"kind": "body", "type": None, "n": None, "level": 0, "page": -1, "stage": None,
            "font": None, "size": 0, "flags": 0, "all_bold": False, "sources": [], "repairs": [],
            "children": [
                {"kind": "pb", "type": None, "n": "101", "level": 0, "page": 0,
                 "stage": "paragraphs", "font": None, "size": 0, "flags": 0, "all_bold": False,
                 "sources": [], "repairs": [], "children": []},
                block("head", TITLE, 124, 22.5, level=1),
                block("head", second, second_top, 13.5, level=3, x=second_x),
                block("head", third, third_top, 14, level=3),
                block("p", BODY, third_top + 40, 14, bold=False),
                block("head", HEADING, third_top + 80, 14.5, n="一、", level=1),
                block("p", BODY, third_top + 110, 14, bold=False),
            ]}
    page = {"index": 0, "width": 595.3, "height": 841.9, "label": "1", "printed_number": "101",
            "chars": "", "boxes": [], "spans": [], "lines": []}
    return {"schema": "recto-dump/1", "after_stage": "headings", "pages": [page], "body": body}


def heads(second, third, third_top=185, **where):
    """The heads of the chapters stage's output, as (type, text), in order."""
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "in.json"), os.path.join(work, "out.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(fixture(second, third, third_top, **where), f, ensure_ascii=False)
        subprocess.run([os.environ["RECTO_STAGE_TEST_EXE"], "--plugin-dir",
                        os.environ["RECTO_TEST_PLUGIN_DIR"], "chapters", source, "-o", out],
                       check=True, stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            found = []

            def walk(b):
                if b.get("kind") == "head":
                    found.append((b.get("type"), "".join(c.get("text", "")
                                                         for c in b.get("children", []))))
                for child in b.get("children") or []:
                    walk(child)
            walk(json.load(f)["body"])
            return found


def main():
    front = heads(SUBTITLE, BYLINE)
    apart = heads(SUBTITLE, BYLINE, third_top=159 + 13.5 + 40)
    no_dash = heads("引言", BYLINE)
    # An author line without a subtitle: centred under the title (100 to 500), nearer to it
    # than to the text under it; not when set apart from the title, nor when off its middle.
    author = heads(AUTHOR, HEADING, third_top=200, second_x=(200, 400), second_top=152)
    author_apart = heads(AUTHOR, HEADING, third_top=200, second_x=(200, 400), second_top=175)
    author_aside = heads(AUTHOR, HEADING, third_top=200, second_x=(100, 300), second_top=152)
    checks = [
        ("the title opens the chapter", front[:1] == [(None, TITLE)]),
        ("a line after the title opening with a dash is its subtitle", (("sub", SUBTITLE)
                                                                       in front)),
        ("the line close under the subtitle is its byline", ("byline", BYLINE) in front),
        ("the numbered heading stays a heading", (None, HEADING) in front),
        ("a line well apart under the subtitle stays a heading",
         ("sub", SUBTITLE) in apart and (None, BYLINE) in apart),
        ("a heading after the title that opens with no dash stays one",
         (None, "引言") in no_dash and (None, BYLINE) in no_dash),
        ("a line centred close under the title is its byline", ("byline", AUTHOR) in author),
        ("a line nearer the text under it than the title stays a heading",
         (None, AUTHOR) in author_apart),
        ("a line off the title's middle stays a heading", (None, AUTHOR) in author_aside),
    ]
    return report(checks, [f"{name}: {found}" for name, found in
                           (("close", front), ("apart", apart), ("no dash", no_dash),
                            ("author", author), ("author apart", author_apart),
                            ("author aside", author_aside))])


if __name__ == "__main__":
    sys.exit(main())
