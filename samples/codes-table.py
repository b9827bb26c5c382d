#!/usr/bin/python3
"""Generate the codes-table sample (codes-table.pdf) and its truth (codes-table.truth.json).

A page of a standard's annex, as GB/T 3620.1 sets it: a paragraph, then a ruled table whose
rows open with a Latin code (`TA5`) before a Han name (`钛钯合金`), with ranges `3.3～4.7`. The
Han text is set in AR PL UMing, the codes and figures in DejaVu Sans Mono, and each range's
tilde alone in AR PL UKai: a font of one glyph, drawn in many cells. tests/test-recover-codes.sh
drops the /ToUnicode of both CJK fonts, as such standards' fonts come without one, and checks
that recover-text writes no character the page does not show. The names use no character of
the paragraph, so that they are learned from the rows that open with Latin only.

Truth: {"pdf", "rows": [[cell text…]…]}, the table's rows, heads first.

  /usr/bin/python3 samples/codes-table.py --out samples/codes-table.pdf [--truth FILE]
Needs PyGObject with Pango/PangoCairo, fonts-arphic-uming, fonts-arphic-ukai and
fonts-dejavu-core.
"""
import argparse
import json
import os
import sys

import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402
import cairo  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import font_check  # noqa: E402

W, H = 595.0, 842.0
LEFT = 72.0
CJK = "AR PL UMing CN"
TILDE_FONT = "AR PL UKai CN"
MONO = "DejaVu Sans Mono"
SIZE = 10.5
CELL_SIZE = 9.0
ROW_HEIGHT = 16.0

PARAGRAPH = ("本附录给出常用牌号的化学成分，供设计和采购时参考。各项数值均为质量分数，"
             "表中未列出的元素不作要求；需要时由供需双方协商确定，并在合同中注明。")

HEADS = ["牌号", "名称", "主要成分", "杂质"]
ROWS = [
    ["TA0", "纯钛", "余量", "0.15"],
    ["TA1", "纯钛", "余量", "0.20"],
    ["TA2", "纯钛", "余量", "0.25"],
    ["TA5", "钛铝硼", "3.3～4.7", "0.30"],
    ["TA6", "钛铝", "4.0～5.5", "0.30"],
    ["TA7", "钛铝锡", "4.0～6.0", "0.50"],
    ["TA8", "钛钯", "0.04～0.08", "0.30"],
    ["TA9", "钛钯", "0.12～0.25", "0.30"],
    ["TA10", "钛钼镍", "0.2～0.4", "0.30"],
    ["TB2", "钛钼钒铬", "2.5～3.5", "0.30"],
    ["TB3", "钛钼钒铁", "2.7～3.7", "0.05"],
    ["TC1", "钛铝锰", "1.0～2.5", "0.30"],
    ["TC4", "钛铝钒", "5.50～6.75", "0.30"],
]
COLUMNS = [60.0, 110.0, 110.0, 80.0]


class Page:
    def __init__(self, path):
        self.surface = cairo.PDFSurface(path, W, H)
        self.surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z")
        self.surface.set_metadata(cairo.PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z")
        self.cr = cairo.Context(self.surface)
        self.ctx = PangoCairo.create_context(self.cr)
        fo = cairo.FontOptions()
        fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
        fo.set_hint_style(cairo.HINT_STYLE_NONE)
        PangoCairo.context_set_font_options(self.ctx, fo)

    def layout(self, text, size, family):
        d = Pango.FontDescription()
        d.set_family(family)
        d.set_absolute_size(size * Pango.SCALE)
        lay = Pango.Layout.new(self.ctx)
        lay.set_font_description(d)
        lay.set_text(text, -1)
        return lay

    def width(self, text, size, family):
        return self.layout(text, size, family).get_extents()[1].width / Pango.SCALE

    def text(self, x, baseline, text, size, family):
        lay = self.layout(text, size, family)
        self.cr.move_to(x, baseline - lay.get_baseline() / Pango.SCALE)
        PangoCairo.show_layout(self.cr, lay)
        return x + self.width(text, size, family)

    def cell(self, x, baseline, text):
        """A cell's text: Han in the CJK font, ASCII in the mono font, the tilde in its own."""
        for ch in text:
            family = TILDE_FONT if ch == "～" else (MONO if ord(ch) < 0x80 else CJK)
            x = self.text(x, baseline, ch, CELL_SIZE, family)

    def line(self, x1, y1, x2, y2):
        self.cr.set_line_width(0.6)
        self.cr.move_to(x1, y1)
        self.cr.line_to(x2, y2)
        self.cr.stroke()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth")
    args = ap.parse_args()
    font_check.require_families("codes-table.py", [CJK, TILDE_FONT, MONO])
    page = Page(args.out)
    per_line, y, rest, indent = 40, 90.0, PARAGRAPH, 2
    while rest:
        page.text(LEFT + indent * SIZE, y, rest[:per_line - indent], SIZE, CJK)
        rest, indent, y = rest[per_line - indent:], 0, y + 18
    caption = "表 B.1 常用牌号和化学成分"
    page.text((W - page.width(caption, SIZE, CJK)) / 2, y + 12, caption, SIZE, CJK)
    top = y + 22
    rows = [HEADS] + ROWS
    right = LEFT + sum(COLUMNS)
    for r, cells in enumerate(rows):
        page.line(LEFT, top + r * ROW_HEIGHT, right, top + r * ROW_HEIGHT)
        x = LEFT
        for text, width in zip(cells, COLUMNS):
            page.cell(x + 6, top + r * ROW_HEIGHT + 12, text)
            x += width
    bottom = top + len(rows) * ROW_HEIGHT
    page.line(LEFT, bottom, right, bottom)
    x = LEFT
    for width in [0.0] + COLUMNS:
        x += width
        page.line(x, top, x, bottom)
    page.surface.finish()
    truth = {"pdf": os.path.basename(args.out), "rows": rows}
    path = args.truth or os.path.splitext(args.out)[0] + ".truth.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
