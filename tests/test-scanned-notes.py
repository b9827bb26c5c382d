#!/usr/bin/python3
"""A paragraph's last line on a scanned page is no footnote because OCR gave it a smaller size:
sizes estimated from a scan's ink (lines without a font) stray from the body's by half a point
and more, and "13条，均已转交有关部门办理。", boxed short, came out a point under its
neighbours, under the note type's bound, opened by a number. The footnotes stage takes such a
line for note type only when it is smaller by more than twice the volume's scatter of
estimated sizes (footnotes.c); a line set in note type on the scan, and a line of a text layer
(whose sizes are exact) a point smaller than its body, still open notes.

Runs the footnotes stage with recto-stage-test on a page written as a dump fixture and prints
TAP. Run by meson (RECTO_STAGE_TEST_EXE and RECTO_TEST_PLUGIN_DIR in the environment).
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402

# The page of the scanned volume, as OCR estimated its lines' sizes (points).
LINES = [
    ("惠及群众21.8万人次。目前，人大代表联络站已覆盖154个行政村（社", 14.5),
    ("区），95.4%以上的代表编入联络站开展活动。蓬江人大代表联络点被", 14.5),
    ("评为省级示范站，相关经验做法在全市推广。", 14),
    ("镇人大把养老服务体系建设列为2023年度重点监督议题，连续2年开", 14.5),
    ("展跟踪监督。其中，涉及交通基础设施建设的31条，涉及水污染防治的", 14.5),
    ("13条，均已转交有关部门办理。", 13),
]
PITCH = 26.0


def fixture(last_size, font):
    """A dump of one page holding LINES, the last one set at @last_size, every line in @font
    (None: sizes estimated by OCR)."""
    chars, boxes, spans, lines = "", [], [], []
    for k, (text, size) in enumerate(LINES):
        if k == len(LINES) - 1:
            size = last_size
        top = 110 + k * PITCH
        first = len(chars)
        for i in range(len(text)):
            x = 80 + i * 14
            boxes.append([x, top, x + size, top + size])
        chars += text
        spans.append({"font": font, "size": size, "flags": 0, "first": first, "length": len(text)})
        lines.append({"text": text, "role": "body", "box": [80, top, 80 + 14 * len(text), top + size],
                      "column": [79.7, 519.6], "font": font, "size": size, "flags": 0,
                      "glyphs": list(range(first, first + len(text)))})
    page = {"index": 0, "width": 595.3, "height": 841.9, "label": "1", "printed_number": None,
            "chars": chars, "boxes": boxes, "spans": spans, "lines": lines}
    body = {"kind": "body", "children": []}
    return {"schema": "recto-dump/1", "after_stage": "reading-order", "pages": [page],
            "body": body}


def last_role(last_size, font):
    """The role the footnotes stage gives the page's last line."""
    with tempfile.TemporaryDirectory() as work:
        source, out = os.path.join(work, "in.json"), os.path.join(work, "out.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(fixture(last_size, font), f, ensure_ascii=False)
        subprocess.run([os.environ["RECTO_STAGE_TEST_EXE"], "--plugin-dir",
                        os.environ["RECTO_TEST_PLUGIN_DIR"], "footnotes", source, "-o", out],
                       check=True, stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            return json.load(f)["pages"][0]["lines"][-1]["role"]


def main():
    roles = {
        "scan, boxed a point short": last_role(13, None),
        "scan, set in note type": last_role(10.5, None),
        "text layer, a point smaller": last_role(13, "SimSun"),
    }
    checks = [
        ("a scanned body line boxed a point short stays body text",
         roles["scan, boxed a point short"] == "body"),
        ("a scanned line set in note type is a note", roles["scan, set in note type"] == "note"),
        ("a text layer's line a point smaller is a note",
         roles["text layer, a point smaller"] == "note"),
    ]
    return report(checks, [f"{name}: {role}" for name, role in roles.items()])


if __name__ == "__main__":
    sys.exit(main())
