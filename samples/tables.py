#!/usr/bin/python3
"""Generate the tables sample (tables.pdf) and its truth (tables.truth.json).

A small statistical bulletin with one table of each kind recto's tables stage reads, laid out
here so that every cell is known:
  ruled      a full grid with spanning header cells (@cols, @rows), an empty cell, a caption,
             a unit line and a note
  three-line top rule, rule under the header, bottom rule
  unruled    a label column and right-aligned amounts, no rules
  crossing   a three-line table that runs onto the next page and repeats its header there
  two-column a ruled table inside the left column of a two-column page
  box        a text grid drawn with box-drawing characters (┌─┬┐│├┼┤└┴┘)
Pages carry a running head and a page number (furniture, never cells).

Truth: {"pdf", "tables": [{"kind", "caption", "cells": [{"row", "col", "text", "cols",
"rows"}]}]}, rows and columns counted from 0 over the whole table (a continued table goes on
counting; its repeated header is a row like any other), a spanning cell at its top-left slot.

  /usr/bin/python3 samples/tables.py --out samples/tables.pdf [--truth FILE] [--seed N]
Needs PyGObject with Pango/PangoCairo, fonts-arphic-uming and fonts-dejavu-core.
"""
import argparse
import json
import os
import random
import sys

import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402
import cairo  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import font_check  # noqa: E402

W, H = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0
CJK = "AR PL UMing CN"
MONO = "DejaVu Sans Mono"
SIZE = 10.5
PITCH = 18.0

PHRASES = [
    "全市经济运行总体平稳", "主要指标保持增长", "重点项目建设有序推进", "民生保障持续加强",
    "财政收入稳步增加", "产业结构不断优化", "居民收入较快增长", "消费市场逐步回暖",
    "固定资产投资结构改善", "对外贸易保持稳定", "生态环境质量持续向好", "科技创新能力提升",
]


class Doc:
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
        self.page = 0
        self.start_page()

    def layout(self, text, size=SIZE, family=CJK, bold=False):
        d = Pango.FontDescription()
        d.set_family(family)
        d.set_weight(Pango.Weight.BOLD if bold else Pango.Weight.NORMAL)
        d.set_absolute_size(size * Pango.SCALE)
        lay = Pango.Layout.new(self.ctx)
        lay.set_font_description(d)
        lay.set_text(text, -1)
        return lay

    def width(self, text, **kw):
        return self.layout(text, **kw).get_extents()[1].width / Pango.SCALE

    def text(self, x, baseline, text, **kw):
        lay = self.layout(text, **kw)
        self.cr.move_to(x, baseline - lay.get_baseline() / Pango.SCALE)
        PangoCairo.show_layout(self.cr, lay)

    def start_page(self):
        self.page += 1
        self.text((W - self.width("滨海市统计公报", size=9)) / 2, 50, "滨海市统计公报", size=9)
        number = "- %d -" % self.page
        self.text((W - self.width(number, size=9, family=MONO)) / 2, 800, number, size=9,
                  family=MONO)
        self.y = 90.0

    def new_page(self):
        self.cr.show_page()
        self.start_page()

    def line(self, x1, y1, x2, y2, width=0.6):
        self.cr.set_line_width(width)
        self.cr.move_to(x1, y1)
        self.cr.line_to(x2, y2)
        self.cr.stroke()

    def paragraph(self, rng, left=LEFT, right=RIGHT, sentences=3):
        """Justified-looking CJK paragraph of whole sentences, indented two characters."""
        text = "".join(rng.choice(PHRASES) + rng.choice("，；") for _ in range(sentences - 1))
        text += rng.choice(PHRASES) + "。"
        per_line = int((right - left) // SIZE)
        first, lines, rest = True, [], text
        while rest:
            n = per_line - (2 if first else 0)
            lines.append((first, rest[:n]))
            rest, first = rest[n:], False
        for first, chunk in lines:
            self.text(left + (2 * SIZE if first else 0), self.y, chunk)
            self.y += PITCH
        self.y += 4

    def finish(self):
        self.surface.finish()


def cell_text_width(doc, text, family):
    return doc.width(text, family=family) if text else 0


def draw_table(doc, cols, rows, style, family=CJK, top=None):
    """Draws a table: @cols the x edges, @rows a list of rows, each a list of cells
    (col, text, cols, rows, align); returns its truth cells (row numbers from 0 here)."""
    y0 = doc.y if top is None else top
    heights = [PITCH + 4] * len(rows)
    edges = [y0]
    for h in heights:
        edges.append(edges[-1] + h)
    truth = []
    for r, row in enumerate(rows):
        for col, text, cs, rs, align in row:
            x1, x2 = cols[col], cols[col + cs]
            y1, y2 = edges[r], edges[r + rs]
            w = cell_text_width(doc, text, family)
            if align == "right":
                x = x2 - 4 - w
            elif align == "center":
                x = (x1 + x2 - w) / 2
            else:
                x = x1 + 4
            baseline = (y1 + y2) / 2 + SIZE * 0.35
            if text:
                doc.text(x, baseline, text, family=family)
            truth.append({"row": r, "col": col, "text": text, "cols": cs, "rows": rs})
    if style == "grid":
        covered = {}
        for r, row in enumerate(rows):
            for col, _t, cs, rs, _a in row:
                for rr in range(r, r + rs):
                    for cc in range(col, col + cs):
                        covered[(rr, cc)] = (r, col)
        for r in range(len(rows) + 1):
            for c in range(len(cols) - 1):
                if 0 < r < len(rows) and covered.get((r - 1, c)) == covered.get((r, c)):
                    continue
                doc.line(cols[c], edges[r], cols[c + 1], edges[r])
        for c in range(len(cols)):
            for r in range(len(rows)):
                if 0 < c < len(cols) - 1 and covered.get((r, c - 1)) == covered.get((r, c)):
                    continue
                doc.line(cols[c], edges[r], cols[c], edges[r + 1])
    elif style == "three":
        doc.line(cols[0], edges[0], cols[-1], edges[0], 1.0)
        doc.line(cols[0], edges[1], cols[-1], edges[1], 0.5)
        doc.line(cols[0], edges[-1], cols[-1], edges[-1], 1.0)
    doc.y = edges[-1] + 10
    return truth


def amount(rng):
    return "{:,.2f}".format(rng.uniform(100, 99999))


def pct(rng):
    return "%.1f" % rng.uniform(-9, 30)


def caption(doc, text):
    doc.text((W - doc.width(text, bold=True)) / 2, doc.y, text, bold=True)
    doc.y += PITCH + 2


def ruled_page(doc, rng, tables):
    doc.paragraph(rng, sentences=5)
    caption(doc, "表1 2023年主要指标完成情况")
    doc.text(RIGHT - doc.width("单位：万元"), doc.y, "单位：万元")
    doc.y += 8
    cols = [LEFT, 190, 270, 330, 410, RIGHT]
    rows = [[(0, "指标", 1, 2, "center"), (1, "2023年", 2, 1, "center"),
             (3, "2022年", 2, 1, "center")],
            [(1, "金额", 1, 1, "center"), (2, "增长%", 1, 1, "center"),
             (3, "金额", 1, 1, "center"), (4, "增长%", 1, 1, "center")]]
    labels = ["地区生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资", "进出口总额"]
    for i, label in enumerate(labels):
        rows.append([(0, label, 1, 1, "left"), (1, amount(rng), 1, 1, "right"),
                     (2, pct(rng) if i != 2 else "", 1, 1, "right"),
                     (3, amount(rng), 1, 1, "right"), (4, pct(rng), 1, 1, "right")])
    cells = draw_table(doc, cols, rows, "grid")
    doc.y += 6
    doc.text(LEFT, doc.y, "注：本表数据为初步统计数。")
    doc.y += PITCH + 6
    tables.append({"kind": "ruled", "caption": "表1 2023年主要指标完成情况", "cells": cells})
    doc.paragraph(rng, sentences=4)


def three_line_and_unruled_page(doc, rng, tables):
    doc.paragraph(rng, sentences=3)
    caption(doc, "表2 分行业增加值")
    cols = [LEFT + 30, 250, 370, RIGHT - 30]
    rows = [[(0, "行业", 1, 1, "left"), (1, "增加值（亿元）", 1, 1, "right"),
             (2, "比上年增长（%）", 1, 1, "right")]]
    for label in ["农业", "工业", "建筑业", "批发和零售业", "金融业", "房地产业"]:
        rows.append([(0, label, 1, 1, "left"), (1, amount(rng), 1, 1, "right"),
                     (2, pct(rng), 1, 1, "right")])
    cells = draw_table(doc, cols, rows, "three")
    tables.append({"kind": "three-line", "caption": "表2 分行业增加值", "cells": cells})
    doc.paragraph(rng, sentences=3)
    caption(doc, "表3 财政收支情况")
    cols = [LEFT, 230, 330, 430, RIGHT]
    rows = [[(0, "项目", 1, 1, "left"), (1, "预算数", 1, 1, "right"),
             (2, "决算数", 1, 1, "right"), (3, "完成率%", 1, 1, "right")]]
    for label in ["税收收入", "非税收入", "一般公共服务支出", "教育支出", "卫生健康支出"]:
        rows.append([(0, label, 1, 1, "left"), (1, amount(rng), 1, 1, "right"),
                     (2, amount(rng), 1, 1, "right"), (3, pct(rng), 1, 1, "right")])
    cells = draw_table(doc, cols, rows, "none")
    tables.append({"kind": "unruled", "caption": "表3 财政收支情况", "cells": cells})
    doc.paragraph(rng, sentences=3)


def crossing_pages(doc, rng, tables):
    doc.paragraph(rng, sentences=40)
    caption(doc, "表4 各区县主要经济指标")
    cols = [LEFT, 200, 300, 400, RIGHT]
    header = [(0, "区县", 1, 1, "left"), (1, "生产总值", 1, 1, "right"),
              (2, "增长%", 1, 1, "right"), (3, "人口（万人）", 1, 1, "right")]
    names = ["东城区", "西城区", "南湖区", "北山区", "青石县", "梅岭县", "白沙县", "云溪县",
             "江口县", "石门县", "龙泉县", "新港区", "临海区", "望江县", "松阳县", "丰谷县",
             "溪口县", "长宁县", "安平县", "河东区", "河西区", "金沙县", "玉泉县", "桃源县"]
    body = [[(0, n, 1, 1, "left"), (1, amount(rng), 1, 1, "right"), (2, pct(rng), 1, 1, "right"),
             (3, "%.1f" % rng.uniform(5, 90), 1, 1, "right")] for n in names]
    room = int((780 - doc.y - PITCH) // (PITCH + 4)) - 1
    first = draw_table(doc, cols, [header] + body[:room], "three")
    doc.new_page()
    rest = draw_table(doc, cols, [header] + body[room:], "three")
    for c in rest:
        c["row"] += room + 1
    tables.append({"kind": "crossing", "caption": "表4 各区县主要经济指标", "cells": first + rest})
    doc.paragraph(rng, sentences=4)


def two_column_page(doc, rng, tables):
    gutter = 20
    mid = (LEFT + RIGHT) / 2
    top = doc.y
    doc.paragraph(rng, left=LEFT, right=mid - gutter / 2, sentences=4)
    caption_text = "表5 学校基本情况"
    doc.text(LEFT, doc.y, caption_text, bold=True)
    doc.y += PITCH
    cols = [LEFT, LEFT + 90, LEFT + 150, mid - gutter / 2]
    rows = [[(0, "类别", 1, 1, "left"), (1, "学校", 1, 1, "right"), (2, "学生", 1, 1, "right")]]
    for label in ["小学", "初中", "高中", "职业学校"]:
        rows.append([(0, label, 1, 1, "left"), (1, str(rng.randint(10, 300)), 1, 1, "right"),
                     (2, str(rng.randint(1000, 90000)), 1, 1, "right")])
    cells = draw_table(doc, cols, rows, "grid")
    tables.append({"kind": "two-column", "caption": caption_text, "cells": cells})
    doc.paragraph(rng, left=LEFT, right=mid - gutter / 2, sentences=4)
    left_end = doc.y
    doc.y = top
    for _ in range(5):
        doc.paragraph(rng, left=mid + gutter / 2, right=RIGHT, sentences=3)
    doc.y = max(doc.y, left_end)


def box_page(doc, rng, tables):
    doc.paragraph(rng, sentences=3)
    caption(doc, "Table 6. Stock by item")
    widths = [14, 8, 12]
    header = ["Item", "Qty", "Price"]
    items = ["Paper A4", "Toner", "Folders", "Pens", "Staples"]
    data = [[i, str(rng.randint(1, 500)), "%.2f" % rng.uniform(1, 900)] for i in items]

    def rule(l, m, r):
        return l + m.join("─" * (w + 2) for w in widths) + r

    def row(cells):
        out = "│"
        for text, w in zip(cells, widths):
            out += " " + text.ljust(w) + " │"
        return out

    lines = [rule("┌", "┬", "┐"), row(header), rule("├", "┼", "┤")]
    for d in data:
        lines.append(row(d))
    lines.append(rule("└", "┴", "┘"))
    for text in lines:
        doc.text(LEFT + 40, doc.y, text, family=MONO, size=10)
        doc.y += 12
    cells = [{"row": 0, "col": c, "text": t, "cols": 1, "rows": 1} for c, t in enumerate(header)]
    for r, d in enumerate(data, 1):
        cells += [{"row": r, "col": c, "text": t, "cols": 1, "rows": 1} for c, t in enumerate(d)]
    tables.append({"kind": "box", "caption": "Table 6. Stock by item", "cells": cells})
    doc.y += 10
    doc.paragraph(rng, sentences=3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    font_check.require_families("tables.py", [CJK, MONO])
    rng = random.Random(args.seed)
    doc = Doc(args.out)
    tables = []
    ruled_page(doc, rng, tables)
    doc.new_page()
    three_line_and_unruled_page(doc, rng, tables)
    doc.new_page()
    crossing_pages(doc, rng, tables)
    doc.new_page()
    two_column_page(doc, rng, tables)
    doc.new_page()
    box_page(doc, rng, tables)
    doc.finish()
    truth = {"pdf": os.path.basename(args.out), "tables": tables}
    path = args.truth or os.path.splitext(args.out)[0] + ".truth.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
