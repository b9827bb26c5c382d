#!/usr/bin/python3
"""One ideographic space as wide as a gap within a row is the row's, not a gap a gutter may run
through: a Chinese caption puts an ideographic space after its number ("表 1　工业纯钛…", which
recover-text writes for an em-wide blank glyph of a font without a map, GB/T 3620.1), and where
the caption stands over two columns (or over a table's columns of cells) that space may fall
where the columns' gap does. The reading-order stage reads the caption as one line before the
columns, not cut in two with its number at the head of the left column and its title at the
head of the right one. The same gap with no glyph in it still parts the caption.

Writes the PDF by hand in Courier (every character 0.6 em wide, so a line's width is known):
the caption's number ends at the left column's right edge and its title starts at the right
column's left edge. Poppler gives no glyph for a text layer's own U+3000, so the space is put
into the source's dump (docs/dump-format.md), and the stage is run on it with recto-stage-test,
with and without it. Prints TAP. Run by meson (RECTO_EXE, RECTO_STAGE_TEST_EXE in the
environment).
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap_checks import report  # noqa: E402
from tiny_pdf import pages_pdf, words  # noqa: E402

SIZE, CAPTION = 10, 14  # Courier: 6 and 8.4 points a character
LEFT, WIDTH, GUTTER = 72, 36, 14  # the left column's x, the columns' characters, the gap
RIGHT = LEFT + 6 * WIDTH + GUTTER
COURIER = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"


def page():
    """The caption (its number first in the content stream, then its title) over two columns of
    ten lines."""
    out = [f"BT /F1 {CAPTION} Tf {LEFT + 6 * WIDTH - 8.4 * 7:.1f} 780 Td (Table 1) Tj ET",
           f"BT /F1 {CAPTION} Tf {RIGHT} 780 Td (Chemical composition) Tj ET"]
    for side, x in enumerate([LEFT, RIGHT]):
        for i in range(10):
            text = words(WIDTH, 7 * i + 3 * side) if i < 9 else f"end{side}."
            out.append(f"BT /F1 {SIZE} Tf {x} {750 - 14 * i} Td ({text}) Tj ET")
    return "\n".join(out).encode("latin-1")


def with_space(dump):
    """@dump (the source's) with an ideographic space after the caption's number (its first
    seven glyphs), filling the gap to the title."""
    page = dump["pages"][0]
    number = page["boxes"][6]
    page["chars"] = page["chars"][:7] + "\u3000" + page["chars"][7:]
    page["boxes"].insert(7, [number[2], number[1], RIGHT, number[3]])
    for span in page["spans"]:
        if span["first"] == 0:
            span["length"] += 1
        else:
            span["first"] += 1
    return dump


def caption_lines(stage_test, fixture, work):
    """The texts of the lines the reading-order stage makes of @fixture that hold the caption."""
    out = os.path.join(work, "out.json")
    subprocess.run([stage_test, "reading-order", fixture, "-o", out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        lines = json.load(f)["pages"][0]["lines"]
    return [line["text"] for line in lines if "Table" in line["text"] or "Chemical" in line["text"]]


def main():
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "caption.pdf")
        with open(source, "wb") as f:
            f.write(pages_pdf([page()], COURIER))
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", source, "-o",
                        os.path.join(work, "caption.tei.xml"), "--pipeline",
                        "pdf-source ! tei-sink", "--dump-after", "pdf-source", "--dump-dir", work],
                       check=True)
        with open(os.path.join(work, "caption.01-pdf-source.json"), encoding="utf-8") as f:
            dump = json.load(f)
        bare = caption_lines(os.environ["RECTO_STAGE_TEST_EXE"],
                             os.path.join(work, "caption.01-pdf-source.json"), work)
        spaced_fixture = os.path.join(work, "spaced.json")
        with open(spaced_fixture, "w", encoding="utf-8") as f:
            json.dump(with_space(dump), f, ensure_ascii=False)
        spaced = caption_lines(os.environ["RECTO_STAGE_TEST_EXE"], spaced_fixture, work)
    checks = [
        ("the caption with its ideographic space is one line",
         len(spaced) == 1 and "Table 1" in spaced[0] and "Chemical composition" in spaced[0]),
        ("the caption cut by a bare gap as wide is two lines, one per column", len(bare) == 2),
    ]
    return report(checks, [f"with the space: {spaced}", f"without: {bare}"])


if __name__ == "__main__":
    sys.exit(main())
