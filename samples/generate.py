#!/usr/bin/python3
# Sample-volume generator for recto: writes a synthetic report PDF plus its
# exact ground truth (samples/README.md documents the truth schema).
#
# Run it with Debian's python (it needs PyGObject + pycairo from Debian):
#   /usr/bin/python3 samples/generate.py --kind zh --seed 1 \
#       --out samples/zh-volume.pdf --truth samples/zh-volume.truth.json
#   /usr/bin/python3 samples/generate.py --kind en --seed 1 \
#       --out samples/en-report.pdf --truth samples/en-report.truth.json
# (samples/regenerate.sh rebuilds and checks all committed samples.)
#
# Debian packages: python3-gi python3-gi-cairo gir1.2-pango-1.0 python3-fonttools
#                  fonts-noto-cjk fonts-liberation fonts-dejavu-core fonts-dejavu-extra
#                  fonts-arphic-uming fonts-arphic-ukai
#                  poppler-utils (only for samples/check_truth.py)
#
# The layout is done here, not by Pango: every line is a list of runs
# (text, font, x) that are measured with one unwrapped PangoLayout each and
# drawn one by one with PangoCairo onto a cairo PDFSurface.  In the Chinese
# volume every run of ASCII characters (digits, Latin letters, ASCII
# punctuation) is a separate run in the Latin font, as in Word-made PDFs.
#
# Besides paragraphs and headings the volumes have footnotes (set at the foot
# of the page that references them), simple lists, figure captions, a heading
# that is forced to break over a page, and a stretch set in two columns.

import argparse
import json
import os
import random
import re
import sys
from collections import namedtuple

import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402
import cairo  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import font_check  # noqa: E402

PAGE_W, PAGE_H = 595.276, 841.89
MARGIN_L = MARGIN_R = 72.0
MEASURE = PAGE_W - MARGIN_L - MARGIN_R
HEADER_BASE = 50.0      # baseline of the running header
HEADER_RULE = 57.0      # thin rule below the header
BODY_TOP = 80.0
BODY_BOTTOM = 772.0     # bottom of the text area (footnotes end here too)
FOOTER_BASE = 802.0
NOTE_SEP = 10.0         # space taken by the footnote rule above the first note
NOTE_RULE = 0.25        # the footnote rule is this fraction of the text measure

# Fixed so that reruns give byte-identical PDFs.
CREATE_DATE = "2023-06-30T09:00:00+08:00"

FOOTER_STYLES = {
    "dash": "- %s -",
    "emdash": "\u2014%s\u2014",
    "page-cn": "第 %s 页",
    "plain": "%s",
    "page-en": "Page %s",
}
# front-matter pages (--front-matter) are numbered i, ii, ... in the same form,
# except that "第 i 页" is not used: page-cn falls back to a plain "i"
FRONT_STYLES = dict(FOOTER_STYLES, **{"page-cn": "%s"})

Font = namedtuple("Font", "family size bold italic")


def font(family, size, bold=False, italic=False):
    return Font(family, float(size), bool(bold), bool(italic))


def is_latin_char(ch):
    """ASCII printable characters go to the Latin font."""
    return 0x20 <= ord(ch) < 0x7F


def split_runs(text):
    """Split text into maximal (segment, is_latin) pieces."""
    out = []
    for ch in text:
        lat = is_latin_char(ch)
        if out and out[-1][1] == lat:
            out[-1][0] += ch
        else:
            out.append([ch, lat])
    return [(s, lat) for s, lat in out]


# --------------------------------------------------------------------------
# Measuring and drawing text


class Typesetter:
    def __init__(self, cr, lang):
        self.cr = cr
        self.ctx = PangoCairo.create_context(cr)
        fo = cairo.FontOptions()
        fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
        fo.set_hint_style(cairo.HINT_STYLE_NONE)
        PangoCairo.context_set_font_options(self.ctx, fo)
        if hasattr(self.ctx, "set_round_glyph_positions"):
            self.ctx.set_round_glyph_positions(False)
        self.ctx.set_language(Pango.Language.from_string(lang))
        self._cache = {}
        self._widths = {}

    @staticmethod
    def _desc(f):
        d = Pango.FontDescription()
        d.set_family(f.family)
        d.set_weight(Pango.Weight.BOLD if f.bold else Pango.Weight.NORMAL)
        d.set_style(Pango.Style.ITALIC if f.italic else Pango.Style.NORMAL)
        d.set_absolute_size(f.size * Pango.SCALE)
        return d

    def layout(self, text, f):
        """(layout, width, baseline) of text set on one unwrapped line."""
        key = (text, f)
        hit = self._cache.get(key)
        if hit is None:
            lay = Pango.Layout.new(self.ctx)
            lay.set_font_description(self._desc(f))
            lay.set_text(text, -1)
            _ink, log = lay.get_extents()
            hit = (lay, log.width / Pango.SCALE, lay.get_baseline() / Pango.SCALE)
            self._cache[key] = hit
        return hit

    def width(self, text, f):
        key = (text, f)
        w = self._widths.get(key)
        if w is None:
            if key in self._cache:
                w = self._cache[key][1]
            else:       # measured without keeping the layout
                lay = Pango.Layout.new(self.ctx)
                lay.set_font_description(self._desc(f))
                lay.set_text(text, -1)
                w = lay.get_extents()[1].width / Pango.SCALE
            self._widths[key] = w
        return w

    def draw(self, text, f, x, baseline):
        lay, _w, base = self.layout(text, f)
        self.cr.move_to(x, baseline - base)
        PangoCairo.show_layout(self.cr, lay)


def roman(n):
    out = ""
    for v, s in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out




# --------------------------------------------------------------------------
# Phrase banks: Chinese report volume

ZH_VOLUME_TITLE = "全过程人民民主实践报告汇编"

ZH_ORGS = [
    "滨海市东城区人大常委会", "滨海市西江区人大常委会", "滨海市南湖区人大常委会",
    "青石市人大常委会", "临江县人大常委会", "云岭县人大常委会", "北山市人大常委会",
    "滨海市人大常委会研究室", "滨海市东城区人大常委会桂园街道工委",
    "滨海市西江区人民政府办公室", "梅岭镇人大主席团",
]

ZH_TOWNS = ["青石街道", "东湖街道", "柳岸镇", "梅岭镇", "清溪镇", "石桥镇", "桂园街道",
            "云台镇", "龙湾镇", "白鹭街道"]
ZH_TOPICS = ["生态环境保护", "营商环境优化", "乡村振兴", "养老服务体系建设", "城市更新",
             "校园周边安全", "食品安全", "河长制落实", "生活垃圾分类", "民生实事项目",
             "农村人居环境整治", "基层医疗卫生服务"]
ZH_ISSUES = ["老旧小区加装电梯", "停车难", "农村道路破损", "内涝积水", "学位紧张",
             "菜市场脏乱差", "噪声扰民"]
ZH_THINGS = ["停车位", "口袋公园", "排水管网", "农村公路", "公共厕所", "长者饭堂"]
ZH_BRANDS = ["人大代表在身边", "代表连心桥", "民情直通车", "议事小板凳", "代表茶话会",
             "一站一品"]
ZH_FORMULAS = ["1+1+1>3", "1+N", "1+3+4", "N+1", "5+2", "2+3+N", "1+1>2"]
ZH_GRID = ["5G", "AI", "e", "O2O", "GIS"]
ZH_ONLINE = ["Hi人大", "e起议", "民意通APP", "云议事H5"]
ZH_VERSIONS = ["2.0", "3.0", "V2.1", "4.0"]
ZH_DOCS = ["代表联络站工作规范（试行）", "关于加强代表履职服务保障的若干措施",
           "人大代表建议办理工作办法", "基层立法联系点工作规则"]

ZH_SENTENCES = [
    "{y}年以来，全区共建成代表联络站{n}个、代表之家{m}个，实现镇（街）全覆盖。",
    "全年组织各级代表进站接待群众{k}人次，收集意见建议{m}条，办结率达{p}%。",
    "围绕{topic}，常委会组织开展专题调研{n}次，形成调研报告{n}篇，提出意见建议{m}条。",
    "探索建立“{formula}”联动机制，推动代表履职与基层治理同频共振。",
    "依托“人大代表e家”APP平台，群众可随时在线反映诉求，平均响应时间缩短至{n}小时。",
    "{y}年{mo}月，{town}基层立法联系点被确定为省级联系点，累计参与{n}部法律法规草案意见征询，"
    "提出意见{m}条。",
    "在{topic}专项监督中，坚持“清单式”交办、“销号式”管理，跟踪督办问题{m}个，整改完成率{p}%。",
    "深入实施民生实事项目人大代表票决制，{y}年共票决产生项目{n}项，总投资约{money}亿元。",
    "通过CGTN、学习强国等平台宣传报道{n}次，进一步扩大了基层民主实践的影响力。",
    "建立健全代表履职档案，全年开展履职培训{n}期，参训代表{m}人次，实现本届代表培训全覆盖。",
    "组织代表通过“线上+线下”方式开展视察活动{n}次，形成“调研—反馈—整改—回头看”工作闭环。",
    "针对群众反映强烈的{issue}问题，督促相关部门投入资金{money}亿元，新建改造{thing}{m}处。",
    "常委会班子成员带头联系基层代表{n}名，每季度至少到联系点开展活动{q}次。",
    "全年审议专项工作报告{n}项，开展执法检查{q}次，作出决议决定{q}项。",
    "推行“{grid}+网格”工作模式，将{m}名代表编入{k}个网格，做到民有所呼、我有所应。",
    "截至{y}年底，累计接待来访群众{k}人次，解决实际问题{m}件，群众满意率达{p}%。",
    "{town}代表联络站创新推出“{n}分钟议事圈”，让群众在家门口就能找到代表、反映诉求。",
    "把PM2.5浓度、黑臭水体整治等指标纳入监督重点，推动空气质量优良天数比例提升至{p}%。",
    "建设“智慧人大”平台{ver}版，整合代表履职、议案建议、预算联网监督等{n}个子系统。",
    "在预算审查监督中，首次将{m}个部门预算全部纳入联网监督系统，发现并督促整改问题{n}个。",
    "持续擦亮“{brand}”品牌，推动代表工作由“有形覆盖”向“有效覆盖”转变。",
    "据统计，{y}年代表提出的{m}件建议中，已解决或基本解决的占{p}%，列入计划逐步解决的占{pp}%。",
    "邀请代表和群众代表{n}人列席常委会会议，旁听审议{q}项议题，切实保障群众的知情权、参与权、"
    "表达权、监督权。",
    "面向青年群体推出“{online}”线上议事厅，累计访问量超过{n}万次。",
    "紧扣GDP增速、固定资产投资等关键指标，听取和审议计划执行情况报告，提出审议意见{n}条。",
    "选派{n}名代表参与“双联系”活动，走访企业{m}家，帮助解决融资、用工等难题{n}个。",
    "形成了“{formula}”的工作格局，代表、群众、部门三方共同参与，取得了良好成效。",
    "此外，还通过QQ群、微信群等渠道建立“民意直通车”{n}个，覆盖群众{k}余人。",
    "{y}年第{qt}季度，组织开展“代表接待日”活动{n}场，现场答复群众问题{m}个。",
    "按照“每月一主题、每季一督办”的要求，全年共梳理问题清单{n}份，涉及事项{m}项。",
    "在LED显示屏、公交站台等场所设置宣传点位{m}处，营造了浓厚的民主法治氛围。",
    "推动出台《{doc}》等规范性文件{q}件，为基层民主实践提供了制度保障。",
    "工作中也存在一些不足，如部分代表联络站活动频次不高、群众参与度有待提升等，"
    "需要在今后工作中加以改进。",
    "下一步，将继续深化“{brand}”品牌建设，力争到{y2}年实现代表联络站标准化建设达标率100%。",
    "以{y}年为例，全区{n}个镇（街）共开展议事协商活动{m}场次，参与群众{k}人次。",
    "制定代表履职“{q}张清单”，明确代表联系群众、参加活动等{n}项具体要求。",
    "会同有关部门开展“回头看”{q}次，对{m}件重点建议办理情况逐件评估，评估结果优良率达{p}%。",
    "通过线上问卷收集有效样本{k}份，其中{p}%的受访群众对代表工作表示满意。",
    "结合“12345”政务服务便民热线数据，梳理群众关注的热点问题{n}类{m}项。",
    "坚持把人民当家作主具体地、现实地体现到人大工作各方面各环节全过程，"
    "不断拓宽群众有序参与的渠道。",
    "{y}年共办理代表建议{m}件，其中A类{n}件、B类{n}件，面复率达100%。",
    "在全市率先启用“代表码”，群众扫码即可留言，{y}年累计收到留言{k}条。",
    "组织{n}名市、区两级代表组成专题调研组，赴{town}等地开展实地调研，召开座谈会{q}场。",
    "全年共收到群众来信来访{m}件次，按期办结率达{p}%，群众反映的问题得到及时回应。",
    "{town}依托党群服务中心建成“{brand}”示范点，配备专职联络员{q}名，每月{mo}日为固定接待日。",
    "推动{y}年度{n}项民生实事全部落地见效，新增学位{k}个、养老床位{m}张。",
    "运用VR、AR等技术打造沉浸式普法展厅，累计接待参观群众{k}人次。",
    "建立代表建议办理“红黄绿”三色督办机制，对{m}件建议实行分类跟踪，确保件件有回音。",
    "联合{q}个部门开展“法治进社区”活动{n}场，发放宣传资料{k}份。",
    "在{topic}领域，推动形成“一事一议、一议一评”的监督闭环，累计评议事项{n}项。",
]

ZH_H1_SHORT = [
    "坚持党的领导，把牢基层民主实践正确方向",
    "坚持人民至上，拓宽民意表达渠道",
    "坚持问题导向，增强监督工作实效",
    "坚持守正创新，擦亮代表工作品牌",
    "坚持依法履职，提升代表工作质效",
    "主要做法和成效",
    "存在问题和下一步工作计划",
    "健全工作机制，推动联系群众常态长效",
    "搭建“三级”平台，织密民意收集网络",
    "聚焦“四项职权”，彰显人大制度优势",
    "深化“一站一品”，丰富基层民主实践形式",
    "深化“1+N”联动，凝聚基层治理合力",
]
ZH_H1_LONG = [
    "坚持学习贯彻党的二十大精神和习近平法治思想，牢牢把握新时代基层人大工作正确政治方向",
    "坚持以全过程人民民主为引领，推动代表联络站建设由“有形覆盖”向“有效覆盖”全面提升",
    "坚持围绕中心、服务大局，以高质量监督助力经济社会高质量发展和基层治理现代化",
    "坚持把人民当家作主具体地、现实地体现到人大工作各方面各环节全过程，厚植为民情怀",
]
ZH_H2_SHORT = [
    "完善联系机制，让群众诉求“有处说”。",
    "规范站点建设，让代表履职“有阵地”。",
    "拓宽参与渠道，让基层声音“传上来”。",
    "聚焦民生关切，精准选定监督议题。",
    "创新监督方式，持续提升监督刚性。",
    "加强跟踪问效，推动问题整改落地。",
    "注重理论武装，筑牢思想根基。",
    "健全制度体系，夯实履职保障。",
    "突出示范带动，打造特色亮点。",
    "深化代表培训，提升履职能力。",
    "强化督办落实，提高建议办理质量。",
    "坚持开门立法，汇聚社情民意。",
    "优化预算监督，管好群众“钱袋子”。",
    "推进数字赋能，提升工作效率。",
]
ZH_H2_LONG = [
    "以基层立法联系点建设为抓手，推动立法征求意见工作向村（社区）延伸，打通民意直达“最后一公里”。",
    "聚焦群众急难愁盼问题，建立代表建议“提、办、督、评”全链条工作机制，切实提升建议办理实效。",
    "发挥代表联络站桥梁纽带作用，推动代表联系群众工作由“定期接待”向“常态联系”深化拓展。",
]
ZH_CAPTIONS = ["代表联络站活动次数", "民生实事项目票决结果", "代表建议办理情况统计",
               "基层立法联系点征集意见数量", "各镇（街）代表之家分布示意图",
               "群众满意度调查结果", "代表接待群众人次变化情况"]

ZH_NUM = "一二三四五六七八九十"


def zh_slots(rng):
    return {
        "y": lambda: str(rng.randint(2018, 2023)),
        "y2": lambda: str(rng.randint(2024, 2026)),
        "mo": lambda: str(rng.randint(1, 12)),
        "q": lambda: str(rng.randint(2, 9)),
        "qt": lambda: str(rng.randint(1, 4)),
        "n": lambda: str(rng.randint(3, 60)),
        "m": lambda: str(rng.randint(61, 480)),
        "k": lambda: str(rng.randint(500, 9800)),
        "p": lambda: "%.1f" % rng.uniform(85.0, 99.9),
        "pp": lambda: "%.1f" % rng.uniform(2.0, 12.0),
        "money": lambda: "%.2f" % rng.uniform(0.3, 18.0),
        "topic": lambda: rng.choice(ZH_TOPICS),
        "town": lambda: rng.choice(ZH_TOWNS),
        "issue": lambda: rng.choice(ZH_ISSUES),
        "thing": lambda: rng.choice(ZH_THINGS),
        "brand": lambda: rng.choice(ZH_BRANDS),
        "formula": lambda: rng.choice(ZH_FORMULAS),
        "grid": lambda: rng.choice(ZH_GRID),
        "online": lambda: rng.choice(ZH_ONLINE),
        "ver": lambda: rng.choice(ZH_VERSIONS),
        "doc": lambda: rng.choice(ZH_DOCS),
    }


class Deck:
    """Deals templates from a reshuffled deck, so that every template is used
    once before any is used again (and never twice in one paragraph)."""

    def __init__(self, rng, items):
        self.rng, self.items, self.pool = rng, list(items), []

    def draw(self, k):
        out = []
        while len(out) < k:
            if not self.pool:
                self.pool = self.items[:]
                self.rng.shuffle(self.pool)
            t = self.pool.pop()
            if t not in out:
                out.append(t)
        return out


def fill(template, slots):
    return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)](), template)


# circled numbers: footnote markers of the zh volume (numbered per chapter)
ZH_NOTE_MARKS = "①②③④⑤⑥⑦⑧⑨⑩"

ZH_NOTES = [
    "参见《{doc}》，{y}年{mo}月印发。",
    "数据来源：{town}代表联络站工作台账，统计时间截至{y}年12月31日。",
    "“{brand}”是{y}年推出的代表联系群众工作品牌，目前已在全市{n}个镇（街）推广，"
    "累计开展活动{m}场次，参与群众{k}人次。",
    "本文所称“代表联络站”，包括代表之家、代表工作室、代表联络点等各类代表履职活动阵地。",
    "有关数据由各镇（街）人大工作机构汇总上报，部分数据为初步统计结果，"
    "最终数据以统计部门公布的为准。",
    "满意率根据{y}年第{qt}季度线上问卷调查结果计算，有效样本{k}份。",
    "“{formula}”机制的具体内容见《{doc}》第{q}条。",
    "{town}基层立法联系点于{y}年设立，现有信息采集员{n}名。",
]

# list items of the zh volume: regular-weight body text labelled "1." or "（1）"
ZH_ITEMS = [
    "建立代表联系群众台账，做到一事一登记、一事一跟踪。",
    "每月{mo}日为固定接待日，由{q}名以上代表轮流进站接待群众。",
    "完善意见建议收集、交办、督办、反馈工作流程，实行闭环管理。",
    "加强与“12345”政务服务便民热线的信息共享，及时掌握群众关注的热点难点问题，"
    "推动一批民生实事落地见效。",
    "定期向选民报告履职情况，接受群众评议和监督。",
    "将代表履职情况纳入年度考核，考核结果作为评先评优的重要依据。",
    "依托“{online}”平台开展线上议事，拓宽青年群体参与渠道。",
    "对群众反映集中的{issue}等问题开展专题视察，形成视察报告提交常委会审议，"
    "并跟踪督办整改落实情况。",
    "组织代表列席镇（街）重要会议，参与重大事项决策。",
    "每年开展代表履职培训不少于{q}次。",
    "健全代表建议办理“回头看”机制，对已办结建议开展满意度测评。",
]
ZH_LIST_INTROS = ["具体做法如下：", "主要包括以下几个方面：", "重点抓好以下几项工作：",
                  "主要措施有：", "工作中重点把握以下几点："]
ZH_LIST_STYLES = ("%d.", "（%d）")


def make_zh_doc(rng, nchapters=7, two_col=4, front=False):
    """The zh document: chapters of blocks.  Paragraphs keep their sentences
    ("sents") until footnote markers have been inserted; chapter two_col is
    set in two columns (no figures and no footnotes there)."""
    slots = zh_slots(rng)
    deck = Deck(rng, ZH_SENTENCES)
    item_deck = Deck(rng, ZH_ITEMS)
    note_deck = Deck(rng, ZH_NOTES)

    def para():
        k = rng.randint(3, 7)
        return {"type": "p", "sents": [fill(t, slots) for t in deck.draw(k)]}

    long_h1 = ZH_H1_LONG[:]
    rng.shuffle(long_h1)
    long_h2 = ZH_H2_LONG[:]
    rng.shuffle(long_h2)
    chapters = []
    nlists = 0
    for ci, org in enumerate(rng.sample(ZH_ORGS, nchapters)):
        blocks = []
        fig = 0
        cols = 2 if ci == two_col else 1
        if rng.random() < 0.6:
            blocks.append(para())
        n1 = rng.randint(3, 5)
        h1s = rng.sample(ZH_H1_SHORT, n1)
        if ci % 2 == 0 and long_h1:       # guarantees >= 3 long level-1 headings
            h1s[rng.randrange(n1)] = long_h1.pop()
        for fixed, where in (("主要做法和成效", 0), ("存在问题和下一步工作计划", n1 - 1)):
            if fixed in h1s:
                k = h1s.index(fixed)
                h1s[k], h1s[where] = h1s[where], h1s[k]
        for i, h in enumerate(h1s):
            blocks.append({"type": "head", "level": 1, "text": ZH_NUM[i] + "、" + h})
            if rng.random() < 0.55:
                n2 = rng.randint(2, 3)
                h2s = rng.sample(ZH_H2_SHORT, n2)
                if long_h2 and rng.random() < 0.4:
                    h2s[rng.randrange(n2)] = long_h2.pop()
                for j, s in enumerate(h2s):
                    blocks.append({"type": "head", "level": 2, "text": "（" + ZH_NUM[j] + "）" + s})
                    for _ in range(rng.randint(1, 3)):
                        blocks.append(para())
            else:
                for _ in range(rng.randint(2, 4)):
                    blocks.append(para())
            if cols == 1 and fig < 2 and rng.random() < 0.35:
                fig += 1
                cap = "图 %d：%d年%s" % (fig, rng.randint(2020, 2023), rng.choice(ZH_CAPTIONS))
                blocks.append({"type": "caption", "text": cap})
                blocks.append(para())
        # a list after one paragraph, which then ends with an introducing clause
        if ci in (0, two_col) or rng.random() < 0.5:
            cand = [k for k, b in enumerate(blocks) if b["type"] == "p"]
            k = rng.choice(cand)
            blocks[k]["sents"].append(rng.choice(ZH_LIST_INTROS))
            blocks[k]["intro"] = True
            style = ZH_LIST_STYLES[nlists % 2]
            nlists += 1
            items = [(style % (j + 1), fill(t, slots))
                     for j, t in enumerate(item_deck.draw(rng.randint(3, 5)))]
            blocks.insert(k + 1, {"type": "list", "items": items})
        # footnotes: one to three paragraphs of a one-column chapter carry a marker
        if cols == 1:
            cand = [k for k, b in enumerate(blocks) if b["type"] == "p" and "intro" not in b]
            picked = sorted(rng.sample(cand, min(len(cand), rng.randint(1, 3))))
            for num, k in enumerate(picked):
                mark = ZH_NOTE_MARKS[num]
                sents = blocks[k]["sents"]
                j = rng.randrange(len(sents))
                assert sents[j].endswith("。")
                sents[j] = sents[j][:-1] + mark + "。"
                blocks[k]["notes"] = [{"n": mark, "text": mark + fill(note_deck.draw(1)[0], slots)}]
        for b in blocks:
            if b["type"] == "p":
                b["text"] = "".join(b.pop("sents"))
                b.pop("intro", None)
        chapters.append({"title": org, "columns": cols, "blocks": blocks})
    if front:
        blocks = [{"type": "p",
                   "text": "".join(fill(t, slots) for t in deck.draw(rng.randint(3, 5)))}
                  for _ in range(3)]
        chapters.insert(0, {"title": "前言", "columns": 1, "front": True, "blocks": blocks})
    return {"title": ZH_VOLUME_TITLE, "author": "滨海市人大常委会办公室", "chapters": chapters}


# --------------------------------------------------------------------------
# Phrase banks: English report

EN_HEADER = "Regional Water Infrastructure Review 2023"
EN_TITLE = "Maintaining Regional Water Infrastructure"

# (level-1 title, [(level-2 title, [level-3 titles])])
EN_SECTIONS = [
    ("Introduction", [("Scope", []), ("Sources of evidence", []),
                      ("Structure of this report", [])]),
    ("Background", [("The regional network", ["Water supply", "Wastewater and stormwater"]),
                    ("Funding arrangements", [])]),
    ("Findings", [("Condition of assets", ["Treatment works", "Distribution mains",
                                           "Pumping stations and reservoirs"]),
                  ("Funding arrangements for the maintenance of ageing assets in smaller "
                   "rural municipalities and island communities", []),
                  ("Service performance", [])]),
    ("Recommendations", [("Short-term actions", []), ("Long-term planning", [])]),
    ("Conclusion", []),
]
EN_TWO_COL = 4          # this level-1 section is set in two columns

EN_NOTES = [
    "See Annex {annex} for the full list of participating municipalities.",
    "Figures are in nominal terms and have not been adjusted for inflation.",
    "Source: annual performance returns submitted to the regulator for {y}, as published in "
    "its statistical bulletin of {y2}; figures for {q} operators were estimated by the review "
    "team.",
    "The survey response rate was {p}%.",
    "Definitions of leakage and non-revenue water follow the IWA water balance methodology.",
    "Condition grades range from 1 (very good) to 5 (very poor); assets graded 4 or 5 are "
    "considered to require intervention within five years.",
    "Interviews were conducted between {y} and {y2} under the committee's standard protocol.",
]

EN_ITEMS = [
    "Establish a regional asset register based on a common data standard.",
    "Introduce multi-year funding settlements for smaller operators.",
    "Publish condition grades for all critical assets every two years.",
    "Require operators to report leakage using a consistent methodology, so that performance "
    "can be compared across the region and over time.",
    "Develop shared procurement frameworks for specialist equipment.",
    "Strengthen training programmes for technical personnel.",
    "Review the allocation of responsibilities for stormwater management in catchments where "
    "several organisations are involved.",
    "Extend the telemetry programme to all pumping stations by {y2}.",
    "Align annual reporting cycles with multi-year capital programmes.",
]
EN_LIST_INTROS = ["The main actions are as follows:", "The review identified the following "
                  "priorities:", "In particular, the committee recommends that the region:",
                  "Three measures stand out:"]
EN_CAPTIONS = ["Condition grades of trunk mains inspected since {y}",
               "Leakage as a share of system input volume, {y} to {y2}",
               "Operating expenditure by operator size",
               "Customer complaints about water pressure, {y} to {y2}"]

EN_SENTENCES = [
    "In {y}, the {n} participating municipalities reported a combined maintenance backlog of "
    "{money} million, an increase of {p}% on the previous year.",
    "The assessment draws on well-known engineering standards and on interviews with {n} "
    "operational managers.",
    "Stakeholders consistently emphasised that long-term investment planning is constrained by "
    "short-term budgetary pressures.",
    "A cost-effective response would combine targeted rehabilitation with improved monitoring "
    "of critical infrastructure.",
    "Approximately {p}% of treatment facilities now comply with the revised environmental "
    "requirements.",
    "The committee received {m} written submissions, of which {n} came from community "
    "organisations.",
    "Decision-making responsibilities remain fragmented between regional authorities and local "
    "utilities.",
    "Follow-up inspections carried out between {y} and {y2} confirmed the deterioration "
    "identified in earlier surveys.",
    "The region-wide telemetry programme, introduced in {y}, now covers {n} pumping stations "
    "and {m} reservoirs.",
    "Evidence-based prioritisation frameworks are used by only {n} of the {m} organisations "
    "surveyed.",
    "Cross-border cooperation agreements have enabled neighbouring authorities to share "
    "specialised equipment and expertise.",
    "Large-scale replacement of cast-iron distribution mains is expected to continue throughout "
    "the decade.",
    "Maintaining up-to-date asset registers remains a significant administrative challenge for "
    "smaller operators.",
    "Community-led initiatives have demonstrated that high-quality engagement improves public "
    "understanding of investment priorities.",
    "Data-driven maintenance scheduling reduced unplanned interruptions by {p}% in the pilot "
    "districts.",
    "Operating expenditure rose to {money} million in {y}, reflecting higher energy prices and "
    "contractor availability constraints.",
    "Independent verification of performance information was undertaken for {n} of the {m} "
    "indicators.",
    "Interruptions exceeding twelve hours affected approximately {k} households during the "
    "reporting period.",
    "The International Water Association (IWA) benchmarking methodology was adopted to ensure "
    "comparability between operators.",
    "Recommendations are grouped according to their anticipated implementation timeframe and "
    "responsible organisation.",
    "Municipalities with fewer than {k} connections face disproportionately high per-capita "
    "infrastructure costs.",
    "Consultation responses highlighted affordability, environmental sustainability and "
    "transparency as recurring concerns.",
    "Capital expenditure of {money} million was approved, although only {p}% had been committed "
    "by the end of {y}.",
    "A well-known limitation of the current methodology is its reliance on self-reported "
    "condition assessments.",
    "Coordinated procurement could generate efficiencies of between {q}% and {n}% over a "
    "five-year period.",
    "The regulator's performance framework distinguishes between statutory obligations and "
    "discretionary improvements.",
    "Notwithstanding these improvements, the proportion of non-revenue water remains "
    "stubbornly high at {p}%.",
    "Climate-related pressures, including prolonged droughts and intense rainfall events, are "
    "expected to intensify.",
    "Some operators have commissioned third-party reviews of their long-term capital "
    "programmes.",
    "Training and professional development opportunities for technical personnel remain "
    "unevenly distributed.",
    "Table {q} summarises the condition grades recorded for {m} trunk mains inspected since {y}.",
    "Several authorities described the reporting requirements as burdensome, particularly "
    "where information systems are outdated.",
    "The average age of underground assets now exceeds {n} years in the northern "
    "subregion.",
    "Comparative analysis suggests that well-resourced operators achieve substantially lower "
    "leakage rates.",
    "Energy consumption per megalitre treated decreased by {p}% following the installation of "
    "variable-speed drives.",
    "Responsibility for stormwater management is shared between {q} separate organisations in "
    "most catchments.",
    "Section {q} sets out the methodology in more detail and discusses its principal "
    "limitations.",
    "Leakage from distribution networks was estimated at {p}% of system input volume in {y}.",
    "The review team visited {n} sites, including {q} wastewater treatment works and several "
    "rural supply schemes.",
    "Annual reporting cycles were found to be poorly aligned with multi-year capital investment "
    "programmes.",
    "Where reliable information was unavailable, conservative assumptions were applied and are "
    "noted in the annex.",
    "Smaller authorities frequently rely on external consultants for specialist design and "
    "procurement support.",
    "Customer complaints about water pressure fell from {m} in {y} to {n} in the most recent "
    "year.",
    "A long-standing shortage of qualified engineers has delayed the completion of {q} major "
    "projects.",
]

# Hyphenation points of every word of >= 7 letters in the English phrase bank
# (dictionary style; a word without an entry is never split).
EN_HYPHENATION = """
ac-cord-ing achieve ad-min-is-tra-tive adopt-ed af-fect-ed af-ford-abil-i-ty agree-ments
al-though anal-y-sis an-tic-i-pat-ed ap-plied ap-proved ap-prox-i-mate-ly as-sess-ment
as-sess-ments as-so-ci-a-tion as-sump-tions au-thor-i-ties avail-abil-i-ty av-er-age
back-log bench-mark-ing be-tween bud-get-ary bur-den-some cap-i-tal car-ried catch-ments
chal-lenge com-bine com-bined com-mis-sioned com-mit-ted com-mit-tee com-mu-ni-ty
com-pa-ra-bil-i-ty com-par-a-tive com-ple-tion com-plaints con-cerns con-di-tion
con-firmed con-nec-tions con-ser-va-tive con-sis-tent-ly con-strained con-straints
con-sul-tants con-sul-ta-tion con-sump-tion con-tin-ue con-trac-tor co-op-er-a-tion
co-or-di-nat-ed crit-i-cal cur-rent cus-tom-er de-creased de-layed dem-on-strat-ed
de-scribed de-te-ri-o-ra-tion de-vel-op-ment dis-cre-tion-ary dis-cuss-es
dis-pro-por-tion-ate-ly dis-tin-guish-es dis-trib-ut-ed dis-tri-bu-tion dis-tricts
droughts ear-li-er ef-fi-cien-cies em-pha-sised en-abled en-gage-ment en-gi-neer-ing
en-gi-neers en-vi-ron-men-tal equip-ment es-ti-mat-ed ex-ceed-ing ex-ceeds ex-pect-ed
ex-pen-di-ture ex-per-tise ex-ter-nal fa-cil-i-ties fol-low-ing frag-ment-ed frame-work
frame-works fre-quent-ly gen-er-ate grouped high-light-ed house-holds iden-ti-fied
im-ple-men-ta-tion im-proved im-prove-ments im-proves in-clud-ing in-crease
in-de-pen-dent in-di-ca-tors in-for-ma-tion in-fra-struc-ture ini-tia-tives in-spect-ed
in-spec-tions in-stal-la-tion in-tense in-ten-si-fy in-ter-na-tion-al in-ter-rup-tions
in-ter-views in-tro-duced in-vest-ment leak-age lim-i-ta-tion lim-i-ta-tions
main-tain-ing main-te-nance man-age-ment man-agers mega-li-tre meth-od-ol-o-gy mil-lion
mon-i-tor-ing mu-nic-i-pal-i-ties neigh-bour-ing north-ern notwith-stand-ing
ob-li-ga-tions op-er-at-ing op-er-a-tion-al op-er-a-tors op-por-tu-ni-ties
or-gan-i-sa-tion or-gan-i-sa-tions out-dat-ed par-tic-i-pat-ing par-tic-u-lar-ly
per-for-mance per-son-nel plan-ning pres-sure pres-sures pre-vi-ous prin-ci-pal
pri-or-i-ties pri-or-i-ti-sa-tion pro-cure-ment pro-fes-sion-al pro-gramme pro-grammes
proj-ects pro-longed pro-por-tion pump-ing qual-i-fied rain-fall re-ceived
rec-om-men-da-tions record-ed re-cur-ring re-duced re-flect-ing re-gion-al reg-is-ters
reg-u-la-tor re-ha-bil-i-ta-tion re-li-able re-liance re-mains re-place-ment re-port-ed
re-port-ing re-quire-ments res-er-voirs re-sponse re-spons-es re-spon-si-bil-i-ties
re-spon-si-bil-i-ty re-spon-si-ble re-views re-vised sched-ul-ing schemes sec-tion
sep-a-rate sev-er-al short-age sig-nif-i-cant small-er spe-cial-ised spe-cial-ist
stake-hold-ers stan-dards sta-tions stat-u-to-ry storm-wa-ter stub-born-ly sub-mis-sions
sub-re-gion sub-stan-tial-ly sug-gests sum-ma-ris-es sup-port sur-veyed sur-veys
sus-tain-abil-i-ty sys-tems tar-get-ed tech-ni-cal te-lem-e-try through-out time-frame
train-ing trans-par-en-cy treat-ed treat-ment un-avail-able un-der-ground
un-der-stand-ing un-der-tak-en un-even-ly un-planned util-i-ties ver-i-fi-ca-tion
vis-it-ed waste-wa-ter writ-ten aligned net-works fol-lows
ac-tions rec-om-mends
"""
EN_HYPH = {e.replace("-", ""): e for e in EN_HYPHENATION.split()}
_missing_hyph = set()


def en_break_points(word):
    """Hyphenation points (indices into word) from EN_HYPHENATION."""
    e = EN_HYPH.get(word.lower())
    if e is None:
        if word.lower() not in _missing_hyph:
            _missing_hyph.add(word.lower())
            print("note: no hyphenation entry for %r (never split)" % word, file=sys.stderr)
        return []
    pts, i = [], 0
    for part in e.split("-")[:-1]:
        i += len(part)
        pts.append(i)
    return pts



def en_slots(rng):
    return {
        "y": lambda: str(rng.randint(2016, 2022)),
        "y2": lambda: str(rng.randint(2023, 2024)),
        "q": lambda: str(rng.randint(2, 9)),
        "n": lambda: str(rng.randint(11, 60)),
        "m": lambda: str(rng.randint(61, 480)),
        "k": lambda: "{:,}".format(rng.randint(1200, 98000)),
        "p": lambda: "%.1f" % rng.uniform(1.5, 97.0),
        "money": lambda: "EUR %.1f" % rng.uniform(3.0, 420.0),
        "annex": lambda: rng.choice("ABCD"),
    }


# An en footnote reference is kept in the paragraph text as SUP_OPEN digits
# SUP_CLOSE while laying out (drawn as a superscript); the truth has the
# bare digits.
SUP_OPEN, SUP_CLOSE = "\x01", "\x02"
SUP_RE = re.compile(SUP_OPEN + r"(\d+)" + SUP_CLOSE)


def en_plain(text):
    return SUP_RE.sub(r"\1", text)


def make_en_doc(rng, front=False):
    slots = en_slots(rng)
    deck = Deck(rng, EN_SENTENCES)
    item_deck = Deck(rng, EN_ITEMS)
    note_deck = Deck(rng, EN_NOTES)

    def para():
        k = rng.randint(4, 7)
        return {"type": "p", "sents": [fill(t, slots) for t in deck.draw(k)]}

    sections = []               # one block list per level-1 section
    for i, (sec, subs) in enumerate(EN_SECTIONS, 1):
        blocks = [{"type": "head", "level": 1, "text": "%d %s" % (i, sec)}]
        if i == EN_TWO_COL:
            blocks[0]["columns"] = 2
        elif i == EN_TWO_COL + 1:
            blocks[0]["columns"] = 1
        sections.append(blocks)
        if not subs:
            for _ in range(rng.randint(2, 3)):
                blocks.append(para())
            continue
        if rng.random() < 0.5:
            blocks.append(para())
        for j, (sub, subsubs) in enumerate(subs, 1):
            blocks.append({"type": "head", "level": 2, "text": "%d.%d %s" % (i, j, sub)})
            if subsubs:
                blocks.append(para())
                for k, s3 in enumerate(subsubs, 1):
                    blocks.append({"type": "head", "level": 3,
                                   "text": "%d.%d.%d %s" % (i, j, k, s3)})
                    for _ in range(rng.randint(1, 2)):
                        blocks.append(para())
            else:
                for _ in range(rng.randint(2, 4)):
                    blocks.append(para())
    # figures: one in section 2 and one in section 3, after a paragraph
    caps = rng.sample(EN_CAPTIONS, 2)
    for fig, si in enumerate((1, 2), 1):
        blocks = sections[si]
        cand = [k for k, b in enumerate(blocks) if b["type"] == "p"]
        k = rng.choice(cand)
        blocks.insert(k + 1, {"type": "caption",
                              "text": "Figure %d. %s" % (fig, fill(caps[fig - 1], slots))})
    # lists: bullets in sections 1 and 3, (a) (b) in the two-column section
    for si, style in ((0, "bullet"), (2, "bullet"), (EN_TWO_COL - 1, "alpha")):
        blocks = sections[si]
        cand = [k for k, b in enumerate(blocks) if b["type"] == "p"
                and "intro" not in b and not (k + 1 < len(blocks) and blocks[k + 1]["type"]
                                              in ("caption", "list"))]
        k = rng.choice(cand)
        blocks[k]["sents"].append(rng.choice(EN_LIST_INTROS))
        blocks[k]["intro"] = True
        labels = ["\u2022" if style == "bullet" else "(%s)" % "abcdefgh"[j] for j in range(8)]
        items = [(labels[j], fill(t, slots))
                 for j, t in enumerate(item_deck.draw(rng.randint(3, 4)))]
        blocks.insert(k + 1, {"type": "list", "items": items})
    # footnotes: numbered through the report, none in the two-column section
    num = 0
    for si, blocks in enumerate(sections):
        if si == EN_TWO_COL - 1:
            continue
        cand = [k for k, b in enumerate(blocks) if b["type"] == "p" and "intro" not in b]
        for k in sorted(rng.sample(cand, min(len(cand), rng.randint(1, 2)))):
            num += 1
            sents = blocks[k]["sents"]
            j = rng.randrange(len(sents))
            assert sents[j].endswith(".")
            sents[j] += SUP_OPEN + str(num) + SUP_CLOSE
            blocks[k]["notes"] = [{"n": str(num),
                                   "text": "%d %s" % (num, fill(note_deck.draw(1)[0], slots))}]
    blocks = [b for sec in sections for b in sec]
    for b in blocks:
        if b["type"] == "p":
            b["text"] = " ".join(b.pop("sents"))
            b.pop("intro", None)
    chapters = [{"title": EN_TITLE, "columns": 1, "blocks": blocks}]
    if front:
        fblocks = [{"type": "p", "text": " ".join(fill(t, slots) for t in
                                                   deck.draw(rng.randint(4, 6)))}
                   for _ in range(3)]
        chapters.insert(0, {"title": "Foreword", "columns": 1, "front": True, "blocks": fblocks})
    return {"title": EN_HEADER, "author": "Regional Infrastructure Committee",
            "chapters": chapters}


# --------------------------------------------------------------------------
# Line breaking

ZH_CLOSE = set("。，、；：）”！？》」’….,;:)!?%")
ZH_OPEN = set("（“《「‘")


def break_zh(ts, text, fcjk, flat, measure, indent):
    """Greedy CJK line breaking.  Returns a list of lines, each a list of
    (segment, is_latin) units.  A Latin run is one unbreakable unit.  A line
    never starts with closing punctuation: one closing mark may hang into the
    margin; if a second one does not fit, it moves down together with the
    character before it.  A footnote marker never starts a line either."""
    units = []
    for seg, lat in split_runs(text):
        if lat:
            units.append((seg, True))
        else:
            units.extend((ch, False) for ch in seg)
    lines, cur, w = [], [], indent

    def lw(line):
        # measured as drawn (merged runs): punctuation such as "—" is shaped
        # differently on its own than inside a run of Han characters
        return zh_line_runs(ts, line, fcjk, flat, 0.0)[1]

    for u in units:
        w1 = lw(cur + [u]) + (indent if not lines else 0.0)
        if not cur or w1 <= measure + 1e-6:
            cur.append(u)
            w = w1
            continue
        if not u[1] and u[0] in ZH_CLOSE and w <= measure + 1e-6:
            # never start a line with closing punctuation: let one mark hang
            cur.append(u)
            w = w1
            continue
        carry = []
        if not u[1] and (u[0] in ZH_CLOSE or u[0] in ZH_NOTE_MARKS):
            # a second closing mark (one hangs already) or a footnote marker:
            # the character before it moves down with it
            while len(cur) > 1:
                c = cur.pop()
                carry.insert(0, c)
                if c[1] or not (c[0] in ZH_CLOSE or c[0] in ZH_NOTE_MARKS):
                    break
        while len(cur) > 1 and not cur[-1][1] and cur[-1][0] in ZH_OPEN:
            carry.insert(0, cur.pop())        # never end a line with an opening bracket
        lines.append(cur)
        cur = carry + [u]
        w = lw(cur)
    if cur:
        lines.append(cur)
    return lines


def zh_line_runs(ts, units, fcjk, flat, x0):
    """Merge units into runs and position them: [(text, font, x, is_latin)]."""
    runs = []
    for seg, lat in units:
        if runs and runs[-1][1] == lat:
            runs[-1][0] += seg
        else:
            runs.append([seg, lat])
    out, x = [], x0
    for seg, lat in runs:
        f = flat if lat else fcjk
        out.append((seg, f, x, lat))
        x += ts.width(seg, f)
    return out, x - x0


class EnFonts(namedtuple("EnFonts", "body sup rise")):
    """An en text font with the font and rise of its superscripts."""


def en_segments(text):
    """[(segment, is_sup)] of a string that may hold superscript markers."""
    out, pos = [], 0
    for m in SUP_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def en_width(ts, text, ef):
    if SUP_OPEN not in text:
        return ts.width(text, ef.body)
    return sum(ts.width(s, ef.sup if sup else ef.body) for s, sup in en_segments(text))


def break_en(ts, text, ef, measure, hyphenate=True):
    """Greedy English line breaking with hyphenation.

    Returns (lines, ends): lines are lists of drawn words, ends[i] says how
    line i ends: "space", "hyphen" (hyphen added by the breaker) or
    "lexical" (line ends at a real hyphen of a compound word)."""
    words = text.split(" ")
    sp = ts.width(" ", ef.body)
    lines, ends, cur, w = [], [], [], 0.0
    i = 0
    while i < len(words):
        word = words[i]
        add = (sp if cur else 0.0) + en_width(ts, word, ef)
        if w + add <= measure + 1e-6 or not cur and not hyphenate:
            cur.append(word)
            w += add
            i += 1
            continue
        avail = measure - w - (sp if cur else 0.0)
        split = en_split(ts, word, ef, avail) if hyphenate else None
        if split:
            drawn, rest, kind = split
            cur.append(drawn)
            lines.append(cur)
            ends.append(kind)
            words[i] = rest
            cur, w = [], 0.0
            continue
        if not cur:                 # overlong unbreakable word
            cur.append(word)
            w += add
            i += 1
            continue
        lines.append(cur)
        ends.append("space")
        cur, w = [], 0.0
    if cur:
        lines.append(cur)
        ends.append("end")
    return lines, ends


def en_split(ts, word, ef, avail):
    """Split word so that its first part (with the hyphen) fits into avail."""
    m = re.match(r"^([^A-Za-z]*)(.*?)([^A-Za-z]*)$", word)
    lead, core, _trail = m.groups()
    cands = []
    if "-" in core:
        for j, ch in enumerate(core):
            if ch == "-" and 0 < j < len(core) - 1:
                cut = len(lead) + j + 1
                cands.append((word[:cut], word[cut:], "lexical"))
    elif core.isalpha() and len(core) >= 7:
        for p in en_break_points(core):
            if 3 <= p <= len(core) - 3:
                cut = len(lead) + p
                cands.append((word[:cut] + "-", word[cut:], "hyphen"))
    best = None
    for drawn, rest, kind in cands:
        if en_width(ts, drawn, ef) <= avail + 1e-6:
            if best is None or len(drawn) > len(best[0]):
                best = (drawn, rest, kind)
    return best


def join_en(lines, ends):
    """Reconstruct the logical text from broken lines (for self-checking)."""
    out = ""
    for words, end in zip(lines, ends):
        s = " ".join(words)
        if end == "hyphen":
            out += s[:-1]
        elif end == "lexical":
            out += s
        else:
            out += s + " "
    return out.rstrip(" ")


def en_line_runs(ts, words, ef, x0, gap=None):
    """Runs of one en line.  gap None: the line is one run (split only around
    superscripts).  Otherwise justified: one run per word with its trailing
    space, gap added after each space.  A run is (text, font, x, True, rise)."""
    out = []
    pieces = [" ".join(words)] if gap is None else \
        [wd + (" " if j < len(words) - 1 else "") for j, wd in enumerate(words)]
    x = x0
    for j, piece in enumerate(pieces):
        for seg, sup in en_segments(piece):
            f = ef.sup if sup else ef.body
            if not (gap is not None and out and out[-1][4] and not seg.strip()):
                out.append((seg, f, x, True, ef.rise if sup else 0.0))
            # (a justified word's space after a superscript is not drawn)
            x += ts.width(seg, f)
        if gap is not None and j < len(pieces) - 1:
            x += gap
    return out


# --------------------------------------------------------------------------
# Pagination
#
# The engine fills a text area (BODY_TOP..BODY_BOTTOM) line by line, in one
# column or in two (the columns are filled left, then right, then the next
# page).  Runs are given with x relative to the left edge of the current
# column.  Footnotes are attached to the line that carries their reference:
# that line only goes on a page if the notes fit below it, and the page's
# notes then take space from the bottom of the text area.


Note = namedtuple("Note", "lines height")       # lines: [(runs, leading, size)]


class Page:
    def __init__(self, front):
        self.ops = []           # ("text", text, font, x, baseline, is_latin)
        #                         | ("rule", x0, x1, y, width) | ("rect", x, y, w, h)
        self.notes = []         # Note, in reference order
        self.reserve = 0.0      # height taken by the notes (and their rule)
        self.columns = 1
        self.front = front


class Engine:
    def __init__(self, ts, header, header_fonts, footer_fonts, footer_style, first_page):
        self.ts = ts
        self.header = header
        self.header_fonts = header_fonts        # (font for CJK, font for Latin)
        self.footer_fonts = footer_fonts
        self.footer_style = footer_style
        self.first_page = first_page
        self.pages = []
        self.front = False      # new pages are front matter (roman numbers)
        self.y = 0.0
        self.cols, self.col, self.col_top = 1, 0, BODY_TOP
        self.gap = 0.0

    def centred_runs(self, text, fonts, width):
        """Runs of a line centred in width: [(text, font, x, is_latin)]."""
        runs, w = zh_line_runs(self.ts, split_runs(text), fonts[0], fonts[1], 0.0)
        x0 = (width - w) / 2.0
        return [(t, f, x + x0, lat) for t, f, x, lat in runs]

    # geometry of the current column
    def col_width(self):
        return MEASURE if self.cols == 1 else (MEASURE - self.gap) / 2.0

    def col_x(self):
        return MARGIN_L + self.col * (self.col_width() + self.gap)

    def bottom(self):
        return BODY_BOTTOM - self.pages[-1].reserve

    def new_page(self):
        page = Page(self.front)
        for t, f, x, lat in self.centred_runs(self.header, self.header_fonts, PAGE_W):
            page.ops.append(("text", t, f, x, HEADER_BASE, lat))
        page.ops.append(("rule", MARGIN_L, PAGE_W - MARGIN_R, HEADER_RULE, 0.5))
        self.pages.append(page)
        self.y = BODY_TOP
        self.col, self.col_top = 0, BODY_TOP

    def set_columns(self, n, gap=0.0):
        """Two columns start at the current y; one column needs a fresh page."""
        if n == 2:
            self.cols, self.col, self.col_top, self.gap = 2, 0, self.y, gap
        else:
            assert self.y == BODY_TOP and self.col == 0
            self.cols, self.gap = 1, 0.0

    def advance(self):
        if self.cols == 2 and self.col == 0:
            self.col, self.y = 1, self.col_top
        else:
            self.new_page()

    def need(self, h):
        if not self.pages:
            self.new_page()
        if self.y + h > self.bottom() + 1e-6:
            self.advance()

    def room(self):
        return self.bottom() - self.y

    def place(self, runs, leading, size, notes=()):
        """Place one line of runs (x relative to the column); notes are the
        footnotes referenced on this line.  Returns the 1-based page index."""
        if not self.pages:
            self.new_page()
        if notes:
            assert self.cols == 1, "no footnotes in two-column text"

            def note_h():
                return sum(n.height for n in notes) + (0.0 if self.pages[-1].notes else NOTE_SEP)
            if self.y + leading + note_h() > self.bottom() + 1e-6:
                self.advance()
            extra = note_h()
        else:
            self.need(leading)
        page = self.pages[-1]
        baseline = self.y + leading / 2.0 + size * 0.36
        x0 = self.col_x()
        for r in runs:
            t, f, x, lat = r[:4]
            rise = r[4] if len(r) > 4 else 0.0
            page.ops.append(("text", t, f, x0 + x, baseline - rise, lat))
        self.y += leading
        if self.cols == 2:
            page.columns = 2
        if notes:
            page.notes.extend(notes)
            page.reserve += extra
        return len(self.pages)

    def rect(self, w, h):
        """A figure rectangle centred in the column at the current y."""
        x = self.col_x() + (self.col_width() - w) / 2.0
        self.pages[-1].ops.append(("rect", x, self.y, w, h))
        self.y += h

    def finish(self):
        records = []
        nfront = sum(1 for p in self.pages if p.front)
        for i, page in enumerate(self.pages):
            # footnotes: a short rule, then the notes, ending at BODY_BOTTOM
            if page.notes:
                y = BODY_BOTTOM - page.reserve
                page.ops.append(("rule", MARGIN_L, MARGIN_L + NOTE_RULE * MEASURE,
                                 y + NOTE_SEP * 0.4, 0.5))
                y += NOTE_SEP
                for note in page.notes:
                    for runs, leading, size in note.lines:
                        baseline = y + leading / 2.0 + size * 0.36
                        for t, f, x, lat in runs:
                            page.ops.append(("text", t, f, MARGIN_L + x, baseline, lat))
                        y += leading
                assert abs(y - BODY_BOTTOM) < 1e-6
            if page.front:
                n = roman(i + 1)
                footer = FRONT_STYLES[self.footer_style] % n
            else:
                n = str(self.first_page + i - nfront)
                footer = FOOTER_STYLES[self.footer_style] % n
            for t, f, x, lat in self.centred_runs(footer, self.footer_fonts, PAGE_W):
                page.ops.append(("text", t, f, x, FOOTER_BASE, lat))
            rec = {"page": i + 1, "n": n, "header": self.header, "footer": footer}
            if page.columns == 2:
                rec["columns"] = 2
            records.append(rec)
        return records


class Stats:
    def __init__(self):
        self.chapters = self.paras = self.captions = self.lists = self.items = 0
        self.notes = 0
        self.heads = {1: 0, 2: 0, 3: 0}
        self.wrapped_heads = self.split_paras = self.column_paras = 0
        self.hyphen_breaks = self.lexical_breaks = 0
        self.latin_runs = 0
        self.split_heads = []       # (pages, text) of headings broken over a page
        self.fillers = 0


# --------------------------------------------------------------------------
# A heading broken over a page
#
# One wrapped (two-line) heading per volume is set so that its first line is
# the last line of a page and its second line opens the next page.  The
# engine never does that by itself (headings are kept with two body lines),
# so a filler paragraph with exactly the right number of lines is put before
# the heading.  The first eligible heading where a 3- to 10-line filler does
# it gets it; the last eligible one gets it in any case.


def sim_room(eng, k, lead, after):
    """Room left (one column) after a k-line paragraph and its spacing."""
    y, bottom = eng.y, eng.bottom()
    for _ in range(k):
        if y + lead > bottom + 1e-6:
            y, bottom = BODY_TOP, BODY_BOTTOM
        y += lead
    return bottom - y - after


def filler_lines(eng, lead, after, space, hlead, kmin=3, kmax=10):
    """Line count of a filler paragraph after which a heading (space above
    it, line height hlead) gets exactly one line onto the page, or None."""
    for k in range(kmin, kmax + 1):
        r = sim_room(eng, k, lead, after) - space
        if hlead + 0.01 <= r < 2 * hlead - 0.01:
            return k
    return None


def exact_text(nlines, sentence, join, k):
    """Text of sentences that sets in exactly k lines."""
    for _ in range(2000):
        sents = []
        while True:
            sents.append(sentence())
            n = nlines(join(sents))
            if n == k:
                return join(sents)
            if n > k:
                break
    raise RuntimeError("no filler paragraph of %d lines" % k)


class SplitPlan:
    def __init__(self, eligible):
        self.eligible = eligible        # ids of the candidate heading blocks
        self.done = False

    def mode(self, b):
        """None, "try" (only if a short filler does it) or "must"."""
        if self.done or id(b) not in self.eligible:
            return None
        return "must" if id(b) == self.eligible[-1] else "try"


# --------------------------------------------------------------------------
# Layout: Chinese volume


def layout_zh(ts, doc, args, stats):
    cjk, lat, bs = args.cjk_font, args.latin_font, args.body_size
    F = {
        "body": (font(cjk, bs), font(lat, bs), bs * 1.6),
        "h1": (font(cjk, bs + 2, True), font(lat, bs + 2, True), (bs + 2) * 1.6),
        "h2": (font(cjk, bs + 0.5, True), font(lat, bs + 0.5, True), (bs + 0.5) * 1.6),
        "title": (font(cjk, bs + 6, True), font(lat, bs + 6, True), (bs + 6) * 1.6),
        "cap": (font(cjk, bs - 1.5), font(lat, bs - 1.5), (bs - 1.5) * 1.6),
        "note": (font(cjk, bs - 3), font(lat, bs - 3), (bs - 3) * 1.5),
    }
    eng = Engine(ts, doc["title"], (font(cjk, 9), font(lat, 9)),
                 (font(cjk, 10.5), font(lat, 10.5)), args.footer_style, args.first_page)
    frng = random.Random(args.seed * 1000 + 17)          # filler text
    fslots, fdeck = zh_slots(frng), Deck(frng, ZH_SENTENCES)

    def head_lines(b, measure):
        fc, fl, _lead = F["h%d" % b["level"]]
        return break_zh(ts, b["text"], fc, fl, measure, 0.0)

    eligible = [id(b) for ch in doc["chapters"] if ch["columns"] == 1 and not ch.get("front")
                for b in ch["blocks"] if b["type"] == "head" and len(head_lines(b, MEASURE)) == 2]
    plan = SplitPlan(eligible)

    def note(n):
        fc, fl, lead = F["note"]
        mark, body = n["text"][0], n["text"][1:]
        assert mark == n["n"]
        mw = ts.width(mark, fc)
        lines = break_zh(ts, body, fc, fl, MEASURE - mw, 0.0)
        assert "".join(s for ln in lines for s, _l in ln) == body
        out = []
        for k, ln in enumerate(lines):
            runs, _w = zh_line_runs(ts, ([(mark, False)] if k == 0 else []) + ln, fc, fl,
                                    0.0 if k == 0 else mw)
            out.append((runs, lead, fc.size))
        return Note(out, lead * len(lines))

    def para(text, notes=()):
        fc, fl, lead = F["body"]
        indent = 2 * fc.size
        lines = break_zh(ts, text, fc, fl, eng.col_width(), indent)
        assert "".join(s for ln in lines for s, _l in ln) == text
        laid = {n["n"]: note(n) for n in notes}
        assert all(text.count(m) == 1 for m in laid)
        pages, cols = [], set()
        for k, ln in enumerate(lines):
            runs, w = zh_line_runs(ts, ln, fc, fl, indent if k == 0 else 0)
            # at most one closing mark hangs into the margin
            assert (indent if k == 0 else 0) + w <= eng.col_width() + fc.size + 1e-6
            stats.latin_runs += sum(1 for r in runs if r[3])
            here = [laid[s] for s, lt in ln if not lt and s in laid]
            pg = eng.place(runs, lead, fc.size, here)
            cols.add((pg, eng.col))
            if pg not in pages:
                pages.append(pg)
        stats.paras += 1
        stats.split_paras += len(pages) > 1
        stats.column_paras += len(cols) > 1 and eng.cols == 2
        stats.notes += len(notes)
        return [{"type": "p", "text": text, "pages": pages}] + \
               [{"type": "note", "n": n["n"], "text": n["text"]} for n in notes]

    def filler(k):
        fc, fl, _lead = F["body"]
        text = exact_text(lambda t: len(break_zh(ts, t, fc, fl, eng.col_width(), 2 * fc.size)),
                          lambda: fill(fdeck.draw(1)[0], fslots), "".join, k)
        stats.fillers += 1
        return para(text)

    def head(b):
        fc, fl, lead = F["h%d" % b["level"]]
        lines = break_zh(ts, b["text"], fc, fl, eng.col_width(), 0.0)
        assert "".join(s for ln in lines for s, _l in ln) == b["text"]
        stats.heads[b["level"]] += 1
        stats.wrapped_heads += len(lines) > 1
        space = lead * (0.35 if b["level"] == 1 else 0.15)
        out = []
        mode = plan.mode(b)
        if mode:
            body_lead = F["body"][2]
            k = filler_lines(eng, body_lead, 0.0, space, lead)
            while k is None and mode == "must":
                out += para("".join(fill(t, fslots) for t in fdeck.draw(4)))
                stats.fillers += 1
                k = filler_lines(eng, body_lead, 0.0, space, lead)
            if k is not None:
                out += filler(k)
                plan.done = True
        eng.y += space
        if not (mode and plan.done):
            # keep with next: heading lines + two body lines
            eng.need(len(lines) * lead + 2 * F["body"][2])
        pages = []
        for ln in lines:
            runs, _w = zh_line_runs(ts, ln, fc, fl, 0.0)
            pages.append(eng.place(runs, lead, fc.size))
        if mode and plan.done and not stats.split_heads:
            assert len(pages) == 2 and pages[1] == pages[0] + 1, pages
            stats.split_heads.append((pages, b["text"]))
        return out + [{"type": "head", "level": b["level"], "text": b["text"]}]

    def zh_list(b):
        fc, fl, lead = F["body"]
        ind = 2 * fc.size
        items = []
        for label, body in b["items"]:
            lruns, lw = zh_line_runs(ts, split_runs(label), fc, fl, ind)
            lines = break_zh(ts, body, fc, fl, eng.col_width() - ind - lw, 0.0)
            assert "".join(s for ln in lines for s, _l in ln) == body
            for k, ln in enumerate(lines):
                runs, w = zh_line_runs(ts, ln, fc, fl, ind + lw)
                assert ind + lw + w <= eng.col_width() + fc.size + 1e-6
                eng.place((lruns if k == 0 else []) + runs, lead, fc.size)
            items.append(label + body)
            stats.items += 1
        stats.lists += 1
        return [{"type": "list", "items": items}]

    def caption(b):
        assert eng.cols == 1
        fc, fl, lead = F["cap"]
        fig_h = 96.0
        eng.need(8 + fig_h + 4 + lead + 8)
        eng.y += 8
        eng.rect(240.0, fig_h)
        eng.y += 4
        eng.place(eng.centred_runs(b["text"], (fc, fl), eng.col_width()), lead, fc.size)
        eng.y += 8
        stats.captions += 1
        return [dict(b)]

    out_chapters = []
    for ch in doc["chapters"]:
        stats.chapters += 1
        eng.front = bool(ch.get("front"))
        eng.new_page()
        eng.set_columns(1)
        fc, fl, lead = F["title"]
        eng.y += 10
        first_page = eng.place(eng.centred_runs(ch["title"], (fc, fl), MEASURE), lead, fc.size)
        eng.y += 12
        if ch["columns"] == 2:
            eng.set_columns(2, 2 * bs)
        blocks = []
        for b in ch["blocks"]:
            if b["type"] == "head":
                blocks += head(b)
            elif b["type"] == "p":
                blocks += para(b["text"], b.get("notes", ()))
            elif b["type"] == "list":
                blocks += zh_list(b)
            elif b["type"] == "caption":
                blocks += caption(b)
        out_chapters.append({"title": ch["title"], "first_page": first_page, "blocks": blocks})
    assert plan.done or not eligible
    return eng, out_chapters


# --------------------------------------------------------------------------
# Layout: English report


def layout_en(ts, doc, args, stats):
    lat, bs = args.latin_font, args.body_size
    body = font(lat, bs)
    EF = EnFonts(body, font(lat, round(bs * 0.62, 2)), round(bs * 0.36, 2))
    lead = bs * 1.45
    H = {1: font(lat, bs + 2.5, True), 2: font(lat, bs + 0.5, True),
         3: font(lat, bs, True, True)}
    title = font(lat, bs + 6, True)
    NF = EnFonts(font(lat, bs - 2), None, 0.0)
    note_lead = (bs - 2) * 1.35
    capf = font(lat, bs - 1)
    eng = Engine(ts, doc["title"], (font(lat, 9, italic=True),) * 2, (font(lat, 10),) * 2,
                 args.footer_style, args.first_page)
    frng = random.Random(args.seed * 1000 + 17)          # filler text
    fslots, fdeck = en_slots(frng), Deck(frng, EN_SENTENCES)

    def head_lines(b, measure):
        f = H[b["level"]]
        return break_en(ts, b["text"], EnFonts(f, None, 0.0), measure, hyphenate=False)

    eligible = []
    cols = 1
    for ch in doc["chapters"]:
        for b in ch["blocks"]:
            cols = b.get("columns", cols)
            if not ch.get("front") and cols == 1 and b["type"] == "head" and b["level"] < 3 \
                    and "columns" not in b and len(head_lines(b, MEASURE)[0]) == 2:
                eligible.append(id(b))
    plan = SplitPlan(eligible)

    def note(n):
        mark = n["n"] + " "
        assert n["text"].startswith(mark)
        text = n["text"][len(mark):]
        mw = ts.width(mark, NF.body)
        lines, ends = break_en(ts, text, NF, MEASURE - mw, hyphenate=False)
        assert join_en(lines, ends) == text
        out = []
        for k, words in enumerate(lines):
            t = " ".join(words)
            run = (mark + t, NF.body, 0.0, True) if k == 0 else (t, NF.body, mw, True)
            out.append(([run], note_lead, NF.body.size))
        return Note(out, note_lead * len(lines))

    def para(text, notes=()):
        measure = eng.col_width()
        lines, ends = break_en(ts, text, EF, measure)
        assert join_en(lines, ends) == text, (join_en(lines, ends), text)
        laid = {n["n"]: note(n) for n in notes}
        pages, cols = [], set()
        for words, end in zip(lines, ends):
            stats.hyphen_breaks += end == "hyphen"
            stats.lexical_breaks += end == "lexical"
            if end == "end" or len(words) < 2 or args.no_justify:
                runs = en_line_runs(ts, words, EF, 0.0)
            else:
                # justified: one run per word (with its trailing space),
                # the slack spread evenly over the inter-word gaps
                nat = en_width(ts, " ".join(words), EF)
                runs = en_line_runs(ts, words, EF, 0.0, (measure - nat) / (len(words) - 1))
            here = [laid[m] for m in SUP_RE.findall(" ".join(words))]
            pg = eng.place(runs, lead, bs, here)
            cols.add((pg, eng.col))
            if pg not in pages:
                pages.append(pg)
        eng.y += 4
        stats.paras += 1
        stats.split_paras += len(pages) > 1
        stats.column_paras += len(cols) > 1 and eng.cols == 2
        stats.notes += len(notes)
        return [{"type": "p", "text": en_plain(text), "pages": pages}] + \
               [{"type": "note", "n": n["n"], "text": n["text"]} for n in notes]

    def filler(k):
        text = exact_text(lambda t: len(break_en(ts, t, EF, eng.col_width())[0]),
                          lambda: fill(fdeck.draw(1)[0], fslots), " ".join, k)
        stats.fillers += 1
        return para(text)

    def head(b):
        f = H[b["level"]]
        hl = f.size * 1.4
        lines, ends = break_en(ts, b["text"], EnFonts(f, None, 0.0), eng.col_width(),
                               hyphenate=False)
        assert join_en(lines, ends) == b["text"]
        stats.heads[b["level"]] += 1
        stats.wrapped_heads += len(lines) > 1
        space = {1: 10, 2: 6, 3: 4}[b["level"]]
        out = []
        if b.get("columns") and eng.pages:
            eng.new_page()
            eng.set_columns(1)
        mode = plan.mode(b)
        if mode:
            k = filler_lines(eng, lead, 4.0, space, hl)
            while k is None and mode == "must":
                out += para(" ".join(fill(t, fslots) for t in fdeck.draw(4)))
                stats.fillers += 1
                k = filler_lines(eng, lead, 4.0, space, hl)
            if k is not None:
                out += filler(k)
                plan.done = True
        eng.y += space
        if not (mode and plan.done):
            eng.need(len(lines) * hl + 2 * lead)
        pages = []
        for ln in lines:
            pages.append(eng.place([(" ".join(ln), f, 0.0, True)], hl, f.size))
        if mode and plan.done and not stats.split_heads:
            assert len(pages) == 2 and pages[1] == pages[0] + 1, pages
            stats.split_heads.append((pages, b["text"]))
        eng.y += 3
        if b.get("columns") == 2:
            eng.set_columns(2, 2 * bs)
        return out + [{"type": "head", "level": b["level"], "text": b["text"]}]

    def en_list(b):
        measure = eng.col_width()
        lx = 12.0
        tx = lx + max(ts.width(lab, body) for lab, _t in b["items"]) + 0.5 * bs
        items = []
        eng.y += 2
        for label, text in b["items"]:
            lines, ends = break_en(ts, text, EF, measure - tx, hyphenate=False)
            assert join_en(lines, ends) == text
            for k, words in enumerate(lines):
                runs = [(label, body, lx, True)] if k == 0 else []
                runs.append((" ".join(words), body, tx, True))
                eng.place(runs, lead, bs)
            eng.y += 2
            items.append(label + " " + text)
            stats.items += 1
        eng.y += 4
        stats.lists += 1
        return [{"type": "list", "items": items}]

    def caption(b):
        assert eng.cols == 1
        cl = capf.size * 1.5
        fig_h = 100.0
        eng.need(8 + fig_h + 4 + cl + 10)
        eng.y += 8
        eng.rect(250.0, fig_h)
        eng.y += 4
        eng.place(eng.centred_runs(b["text"], (capf, capf), eng.col_width()), cl, capf.size)
        eng.y += 10
        stats.captions += 1
        return [dict(b)]

    out_chapters = []
    for ch in doc["chapters"]:
        stats.chapters += 1
        eng.front = bool(ch.get("front"))
        eng.new_page()
        eng.set_columns(1)
        eng.y += 8
        w = ts.width(ch["title"], title)
        first_page = eng.place([(ch["title"], title, (MEASURE - w) / 2.0, True)],
                               title.size * 1.5, title.size)
        eng.y += 14
        blocks = []
        for b in ch["blocks"]:
            if b["type"] == "head":
                blocks += head(b)
            elif b["type"] == "p":
                blocks += para(b["text"], b.get("notes", ()))
            elif b["type"] == "list":
                blocks += en_list(b)
            elif b["type"] == "caption":
                blocks += caption(b)
        out_chapters.append({"title": ch["title"], "first_page": first_page, "blocks": blocks})
    assert plan.done or not eligible
    return eng, out_chapters


# --------------------------------------------------------------------------
# Output


def draw_page(ts, cr, ops, latin_last, shuffle_rng=None):
    if shuffle_rng is not None:
        # same look, runs in random order (graphics first)
        runs = [o for o in ops if o[0] == "text"]
        shuffle_rng.shuffle(runs)
        ops = [o for o in ops if o[0] != "text"] + runs
    if latin_last:
        ops = [o for o in ops if not (o[0] == "text" and o[5])] + \
              [o for o in ops if o[0] == "text" and o[5]]
    for op in ops:
        if op[0] == "text":
            _k, text, f, x, base, _lat = op
            cr.set_source_rgb(0, 0, 0)
            ts.draw(text, f, x, base)
        elif op[0] == "rule":
            _k, x0, x1, y, w = op
            cr.set_source_rgb(0, 0, 0)
            cr.set_line_width(w)
            cr.move_to(x0, y)
            cr.line_to(x1, y)
            cr.stroke()
        elif op[0] == "rect":
            # a simple bar-chart-like figure, no text inside
            _k, x, y, w, h = op
            cr.set_source_rgb(0.92, 0.92, 0.92)
            cr.rectangle(x, y, w, h)
            cr.fill()
            cr.set_source_rgb(0.45, 0.45, 0.45)
            for i, frac in enumerate((0.45, 0.7, 0.55, 0.85, 0.6)):
                bw = w / 11.0
                cr.rectangle(x + bw * (1 + 2 * i), y + h - 6 - (h - 16) * frac, bw,
                             (h - 16) * frac)
            cr.fill()
            cr.set_line_width(0.5)
            cr.rectangle(x, y, w, h)
            cr.stroke()


def compact_cff_fonts(path):
    """Shrink the embedded CID-keyed CFF fonts (Noto CJK) in place.

    cairo 1.16 subsets the glyphs of a CFF font but keeps every local
    subroutine of each font dict it uses; for Noto Serif CJK that is about
    500 KB per weight.  fontTools removes the unused subroutines; the glyph
    ids, CIDs, ToUnicode maps and content streams stay untouched.  The PDF
    objects are copied unchanged except for the font programs, and the xref
    table is rebuilt.  Without python3-fonttools this step is skipped."""
    try:
        import io
        import zlib
        from fontTools import ttLib
        from fontTools.cffLib import CFFFontSet
        import fontTools.subset.cff  # noqa: F401  (adds remove_unused_subroutines)
    except ImportError:
        print("warning: python3-fonttools missing, CFF fonts not compacted", file=sys.stderr)
        return 0

    class _OtFont:          # the bits of TTFont that CFFFontSet.compile looks at
        recalcBBoxes = False

    with open(path, "rb") as fh:
        data = fh.read()
    sx = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data).group(1))
    tpos = data.index(b"trailer", sx)
    table = data[sx:tpos]
    entries = []            # (objnum, offset, gen, kind)
    pos = re.match(rb"xref\s+", table).end()
    for m in re.finditer(rb"(\d+) (\d+)\s*\r?\n((?:\d{10} \d{5} [nf][ \r\n]{1,2})+)", table[pos:]):
        first = int(m.group(1))
        for k, e in enumerate(re.findall(rb"(\d{10}) (\d{5}) ([nf])", m.group(3))):
            entries.append((first + k, int(e[0]), e[1], e[2]))
    live = sorted((off, num) for num, off, _g, kind in entries if kind == b"n")
    spans = {}
    for i, (off, num) in enumerate(live):
        end = live[i + 1][0] if i + 1 < len(live) else sx
        spans[num] = data[off:end]

    def direct_int(ref):
        m = re.match(rb"\s*(\d+)\s+0\s+R", ref)
        if not m:
            return int(ref)
        return int(re.search(rb"obj\s*(\d+)\s*endobj", spans[int(m.group(1))]).group(1))

    saved = 0
    for num, span in spans.items():
        m = re.match(rb"(\d+ 0 obj\s*)<<(.*?)>>(\s*stream\r?\n)", span, re.S)
        if not m or not re.search(rb"/Subtype\s*/CIDFontType0C", m.group(2)) \
                or b"/FlateDecode" not in m.group(2):
            continue
        lm = re.search(rb"/Length\s+(\d+(?:\s+\d+\s+R)?)", m.group(2))
        length = direct_int(lm.group(1))
        raw = span[m.end():m.end() + length]
        try:
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(zlib.decompress(raw)), None)
            table_obj = ttLib.newTable("CFF ")
            table_obj.cff = cff
            table_obj.remove_unused_subroutines()
            buf = io.BytesIO()
            cff.compile(buf, _OtFont())
        except Exception as exc:  # keep the original font program
            print("warning: could not compact object %d: %s" % (num, exc), file=sys.stderr)
            continue
        comp = zlib.compress(buf.getvalue(), 9)
        if len(comp) >= len(raw):
            continue
        saved += len(raw) - len(comp)
        dic = m.group(2)[:lm.start()] + b"/Length %d" % len(comp) + m.group(2)[lm.end():]
        spans[num] = (m.group(1) + b"<<" + dic + b">>" + m.group(3) + comp +
                      b"\nendstream\nendobj\n")
    if not saved:
        return 0
    out = bytearray(data[:live[0][0]])
    offsets = {}
    for _off, num in live:
        offsets[num] = len(out)
        out += spans[num]
    newsx = len(out)
    out += b"xref\n0 %d\n" % len(entries)
    for num, off, gen, kind in sorted(entries):
        out += b"%010d %s %s \n" % (offsets.get(num, off) if kind == b"n" else off, gen, kind)
    trailer = data[tpos:data.index(b"startxref", tpos)]
    out += trailer + b"startxref\n%d\n%%%%EOF\n" % newsx
    with open(path, "wb") as fh:
        fh.write(bytes(out))
    return saved



def build(args):
    rng = random.Random(args.seed)
    if args.kind == "zh":
        doc = make_zh_doc(rng, front=args.front_matter)
    else:
        doc = make_en_doc(rng, front=args.front_matter)

    surface = cairo.PDFSurface(args.out, PAGE_W, PAGE_H)
    surface.set_metadata(cairo.PDFMetadata.TITLE, doc["title"])
    surface.set_metadata(cairo.PDFMetadata.AUTHOR, doc["author"])
    surface.set_metadata(cairo.PDFMetadata.CREATOR, "recto samples/generate.py")
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, CREATE_DATE)
    surface.set_metadata(cairo.PDFMetadata.MOD_DATE, CREATE_DATE)
    cr = cairo.Context(surface)
    ts = Typesetter(cr, "zh-cn" if args.kind == "zh" else "en")
    stats = Stats()
    if args.kind == "zh":
        eng, chapters = layout_zh(ts, doc, args, stats)
    else:
        eng, chapters = layout_en(ts, doc, args, stats)
    pages = eng.finish()
    PangoCairo.update_context(cr, ts.ctx)
    for i, page in enumerate(eng.pages):
        srng = random.Random(args.seed * 100003 + i) if args.shuffle_runs else None
        draw_page(ts, cr, page.ops, args.latin_last, srng)
        cr.show_page()
    surface.finish()
    if not args.no_compact:
        compact_cff_fonts(args.out)

    truth = {
        "schema": "recto-truth/1",
        "source": os.path.basename(args.out),
        "language": args.kind,
        "generator": {"seed": args.seed,
                      "cjk_font": args.cjk_font if args.kind == "zh" else None,
                      "latin_font": args.latin_font,
                      "latin_last": bool(args.latin_last),
                      "shuffle_runs": bool(args.shuffle_runs),
                      "body_size": args.body_size,
                      "first_page": args.first_page,
                      "footer_style": args.footer_style,
                      "front_matter": bool(args.front_matter)},
        "pages": pages,
        "chapters": chapters,
    }
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    s = stats
    two_col = [p["page"] for p in pages if p.get("columns") == 2]
    msg = ("%s: %d pages, %d chapters, headings %d/%d/%d by level (%d wrapped), "
           "%d paragraphs (%d across a page break, %d across a column break, %d fillers), "
           "%d captions, %d lists (%d items), %d notes, two-column pages %s, "
           "heading broken over pages %s"
           % (args.out, len(pages), s.chapters, s.heads[1], s.heads[2], s.heads[3],
              s.wrapped_heads, s.paras, s.split_paras, s.column_paras, s.fillers, s.captions,
              s.lists, s.items, s.notes, _ranges(two_col),
              "; ".join("%d-%d %s" % (p[0], p[1], t) for p, t in s.split_heads) or "none"))
    if args.kind == "zh":
        msg += ", %d Latin runs in paragraphs" % s.latin_runs
    else:
        msg += ", %d line-end hyphens added by the breaker, %d lines ending at a real hyphen" \
            % (s.hyphen_breaks, s.lexical_breaks)
    print(msg)
    return truth


def _ranges(nums):
    out = []
    for n in nums:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ",".join("%d" % a if a == b else "%d-%d" % (a, b) for a, b in out) or "none"


def main():
    ap = argparse.ArgumentParser(description="Generate a sample report PDF and its ground truth.")
    ap.add_argument("--kind", choices=["zh", "en"], default="zh")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output PDF")
    ap.add_argument("--truth", help="output ground-truth JSON")
    ap.add_argument("--cjk-font", default="Noto Serif CJK SC")
    ap.add_argument("--latin-font", default="Liberation Serif")
    ap.add_argument("--body-size", type=float, default=None,
                    help="body size in pt (default 12 for zh, 11 for en)")
    ap.add_argument("--first-page", type=int, default=None,
                    help="first printed page number (default 12 for zh, 1 for en)")
    ap.add_argument("--footer-style", choices=sorted(FOOTER_STYLES), default=None,
                    help="footer form: dash '- N -' (zh default), emdash '\u2014N\u2014', "
                         "page-cn '第 N 页', plain 'N' (en default), page-en 'Page N'")
    ap.add_argument("--front-matter", action="store_true",
                    help="start with a one-page foreword numbered in roman (i)")
    ap.add_argument("--latin-last", action="store_true",
                    help="draw all CJK runs of a page first, then all Latin runs")
    ap.add_argument("--shuffle-runs", action="store_true",
                    help="draw each page's runs in a seeded random order (same look)")
    ap.add_argument("--no-justify", action="store_true",
                    help="en: do not justify lines (default: justified)")
    ap.add_argument("--no-compact", action="store_true",
                    help="keep cairo's CFF font programs as they are (about 0.5 MB per CJK face)")
    ap.add_argument("--check", action="store_true",
                    help="run check_truth.py on the result (needs --truth)")
    args = ap.parse_args()
    if args.body_size is None:
        args.body_size = 12.0 if args.kind == "zh" else 11.0
    if args.first_page is None:
        args.first_page = 12 if args.kind == "zh" else 1
    if args.footer_style is None:
        args.footer_style = "dash" if args.kind == "zh" else "plain"
    families = [args.latin_font] + ([args.cjk_font] if args.kind == "zh" else [])
    font_check.require_families("generate.py", families)
    build(args)
    if args.check:
        if not args.truth:
            ap.error("--check needs --truth")
        import check_truth
        sys.exit(check_truth.check(args.truth, args.out))


if __name__ == "__main__":
    main()
