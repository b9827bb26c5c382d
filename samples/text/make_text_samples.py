#!/usr/bin/python3
"""Writes the two synthetic text samples of samples/text/ and their expectation files:

    en-hardwrapped.txt   + en-hardwrapped-expected.json
    zh-bare-numbers.txt  + zh-bare-numbers-expected.json

The prose below is the ground truth; the wrapping imitates what old extraction tools left
(see README.md). Deterministic: running it twice gives the same bytes.  The seed expectation
(jiangmen-expected.json) is NOT made here; it was checked by hand against the seed file.

Usage: /usr/bin/python3 samples/text/make_text_samples.py   (then check_expected.py)
"""

import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# ============================================================== English, hard-wrapped

EN_HEAD = "Harrowfield Water Board: Network Renewal Report 2023"
EN_TITLE = "Renewing the Harrowfield Supply Network"
EN_MEASURE = 72

# words the "old tool" broke at a line end with a line-break hyphen (dictionary points)
EN_HYPH = {
    "infrastructure": ["infra", "infrastruc"],
    "rehabilitation": ["rehabili", "rehabilita"],
    "maintenance": ["mainte"],
    "distribution": ["distri", "distribu"],
    "replacement": ["replace"],
    "investment": ["invest"],
    "consumption": ["consump"],
    "assessments": ["assess"],
    "programme": ["pro"],
    "monitoring": ["moni", "monitor"],
    "deterioration": ["deterio", "deteriora"],
    "engineering": ["engi", "engineer"],
    "performance": ["perfor"],
    "condition": ["condi"],
}

# blocks: ("title"|"h1"|"h2"|"fig", text) or ("p", text).  Pages are filled automatically
# (see en_paginate); a paragraph may run on across a page break.
EN_BLOCKS = [
    ("title", EN_TITLE),
    ("h1", "1 Introduction"),
    ("p", "The Harrowfield Water Board supplies drinking water to roughly 212,000 people "
          "across the Kestrel Vale and the lowland parishes around Brackenford. Much of the "
          "buried and for the most part unseen infrastructure that carries this water was "
          "laid between 1925 and 1970, and a growing share of it is now approaching the end "
          "of its design life. This report sets out what the Board knows about the condition "
          "of those assets and how it intends to renew them over the next five years."),
    ("p", "In 2019 the Board's asset planning team adopted a consistently data-driven "
          "approach. Since then every burst, leak and supply interruption has been logged "
          "against the pipe or structure where it occurred, so that the Board can compare "
          "failure rates between materials, ages and soil types rather than relying on the "
          "judgement of individual engineers alone."),
    ("h2", "1.1 Scope"),
    ("p", "The review covers 1,140 kilometres of distribution mains, 96 kilometres of trunk "
          "mains, 14 service reservoirs and 31 pumping stations. Treatment works are outside "
          "its scope and are reported separately, as are the customer supply pipes, which "
          "remain the responsibility of property owners under the Board's long-standing "
          "connection rules."),
    ("h2", "1.2 Sources of evidence"),
    ("p", "Evidence was drawn from the Board's own failure records, from 418 condition "
          "assessments carried out by contractors between 2020 and 2023, and from pressure "
          "monitoring installed at 62 points in the network. Where records were incomplete, "
          "staff interviewed the most experienced maintenance crews who had worked on the "
          "mains in question; their recollections were treated as supporting rather than "
          "decisive evidence."),
    ("p", "All cost figures are given at 2023 prices. The estimates of remaining life "
          "depend on assumptions about soil corrosivity that are explained in section 2 and "
          "should be read as indicative ranges rather than firm forecasts."),
    ("h1", "2 Condition of the network"),
    ("p", "Overall, the network is in fair condition, but the picture varies sharply by "
          "material. Ductile iron and polyethylene mains laid since 1985 show few failures. "
          "By contrast, the older and more brittle unlined cast-iron mains in the clay soils "
          "south of Brackenford burst at roughly four times the network average and account "
          "for more than half of all unplanned interruptions."),
    ("h2", "2.1 Trunk mains"),
    ("p", "The trunk mains that bring water from the Wendle treatment works to the main "
          "reservoirs are few in number but critical, since a single failure can leave "
          "several thousand properties without supply. Inspections in 2022 found wall "
          "thinning of more than 30 per cent on two sections of the western trunk main, and "
          "a programme of urgent rehabilitation by cement-mortar lining has already been "
          "commissioned "
          "for the worse of the two."),
    ("fig", "Figure 1. Bursts per 100 km of main by material, 2019 to 2023"),
    ("p", "The figure shows that failure rates for cast iron rose steadily over the period "
          "while those for the newer materials stayed flat. The Board does not attribute the "
          "rise to any single cause; drier summers, which make clay soils shrink and move, "
          "and the increasing age of the pipes both appear to play a part."),
    ("h2", "2.2 Service reservoirs"),
    ("p", "Of the 14 service reservoirs, 11 are in good condition. The remaining three, at "
          "Dunmoor, Hollin Edge and Brackenford Hill, have roof structures that need repair "
          "to keep rainwater and debris out, and the oldest of them will need a full "
          "structural assessment before the Board decides whether to refurbish it or build a "
          "replacement on an adjoining site."),
    ("h1", "3 The renewal programme"),
    ("p", "The Board proposes to move from reactive repair towards planned, risk-based "
          "renewal. Under the programme set out here, mains would be selected for "
          "replacement according to their likelihood of failure and the consequences of a "
          "failure for customers, rather than simply by age, so that scarce funds go first "
          "to the assets whose loss would cause the most harm."),
    ("h2", "3.1 Priorities for 2024 to 2028"),
    ("p", "The first priority is the cast-iron network in the clay belt, where 74 kilometres "
          "of main are scheduled for renewal by open-cut replacement or by pipe bursting, "
          "depending on traffic and ground conditions. The second is the western trunk "
          "main, and the third is the repair of the three reservoir roofs."),
    ("p", "Work will be grouped by district, so that each street is disturbed once rather "
          "than several times, and it will be coordinated with the highway authority's own "
          "resurfacing plans wherever that is practical."),
    ("h2", "3.2 Funding"),
    ("p", "The programme is estimated to cost 38.6 million pounds over five years, of which "
          "about a fifth would be met from the Board's reserves. The remainder depends on "
          "the tariff settlement for 2025 and on a new long-term loan, and the programme has "
          "been designed so that its later phases can be slowed without abandoning the work "
          "already under way."),
    ("h1", "4 Conclusions"),
    ("p", "The Harrowfield network is not in crisis, but the concentration of failures in "
          "one material and one soil type is a warning. Steady investment in the older "
          "mains, guided by better data and by a transparent way of ranking risks, offers "
          "the best prospect of keeping interruptions low and water consumption within the "
          "limits set by the regulator."),
    ("p", "The Board will publish progress against this programme each year, together with "
          "the failure statistics on which its priorities are based, so that customers and "
          "the regulator can judge whether the renewal work is having the intended effect."),
]
EN_PAGE_LINES = 28      # body lines per page (between the running head + blank and blank + Page N)


def en_wrap(text):
    """Greedy wrap at EN_MEASURE; returns (lines, events) where each event is
    (line index, kind, word, first part) for a word broken at a line end."""
    words = text.split(" ")
    lines, cur, events = [], "", []
    i = 0
    while i < len(words):
        w = words[i]
        cand = w if not cur else cur + " " + w
        if len(cand) <= EN_MEASURE:
            cur = cand
            i += 1
            continue
        room = EN_MEASURE - (len(cur) + 1 if cur else 0)
        bare = w.rstrip(".,;:")
        split = None
        if "-" in w:                                    # a compound: break at its own hyphen
            parts = w.split("-")
            for k in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:k]) + "-"
                if len(head) <= room:
                    split = (head, "-".join(parts[k:]), "real")
                    break
        elif bare.lower() in EN_HYPH:                    # dictionary hyphenation point
            for head in sorted(EN_HYPH[bare.lower()], key=len, reverse=True):
                head = w[:len(head)]
                if len(head) + 1 <= room and len(w) - len(head) >= 3:
                    split = (head + "-", w[len(head):], "line-break")
                    break
        if split:
            head, tail, kind = split
            cur = head if not cur else cur + " " + head
            events.append((len(lines), kind, w, head))
            lines.append(cur)
            cur = ""
            words[i] = tail
            continue
        lines.append(cur)
        cur = ""
    if cur:
        lines.append(cur)
    return lines, events


def en_paginate(items):
    """items: list of ("T", kind, text) | ("P", para, k, line, count) | "" (blank).
    Returns a list of pages, each a list of body items.  A heading needs two lines of what
    follows on its page; a paragraph split across pages leaves at least two lines on each."""
    pages, page = [], []

    def room():
        return EN_PAGE_LINES - len(page)

    i = 0
    while i < len(items):
        item = items[i]
        if item == "" and not page:
            i += 1
            continue
        if isinstance(item, tuple) and item[0] == "T" and item[1] in ("h1", "h2"):
            if room() < 4:                       # heading, blank, two lines
                pages.append(page)
                page = []
                continue
        if isinstance(item, tuple) and item[0] == "P" and item[2] == 0:
            count = item[4]
            if count > room() and (room() < 2 or count - room() < 2):
                # cannot split with two lines each side: split later or move whole
                take = min(room(), count - 2) if count >= 4 else 0
                if take < 2:
                    pages.append(page)
                    page = []
                    continue
                page += items[i:i + take]
                i += take
                pages.append(page)
                page = []
                continue
        if room() == 0:
            pages.append(page)
            page = []
            continue
        page.append(item)
        i += 1
    while page and page[-1] == "":
        page.pop()
    pages.append(page)
    for p in pages:
        while p and p[-1] == "":
            p.pop()
    return pages


def build_en():
    items, paragraphs, events = [], [], []
    for block in EN_BLOCKS:
        if block[0] == "p":
            lines, evs = en_wrap(block[1])
            p = len(paragraphs)
            paragraphs.append(block[1])
            items += [("P", p, k, line, len(lines)) for k, line in enumerate(lines)]
            events += [(p,) + e for e in evs]
        else:
            items.append(("T", block[0], block[1]))
        items.append("")
    pages = en_paginate(items)

    out = []
    chapters, headings, captions, page_numbers = [], [], [], []
    para_lines, line_of = {}, {}
    for pi, body in enumerate(pages):
        lines = [EN_HEAD, ""] + body + ["", None]
        for li, item in enumerate(lines):
            n = len(out) + 1
            if item is None:
                text = "Page %d" % (pi + 1)
                page_numbers.append({"line": n, "text": text, "n": str(pi + 1)})
            elif isinstance(item, tuple) and item[0] == "T":
                text = item[2]
                if item[1] == "title":
                    chapters.append({"line": n, "text": text})
                elif item[1] == "fig":
                    captions.append({"line": n, "text": text})
                else:
                    headings.append({"line": n, "text": text, "level": 1 if item[1] == "h1" else 2})
            elif isinstance(item, tuple):
                text = item[3]
                para_lines.setdefault(item[1], []).append(n)
                line_of[(item[1], item[2])] = n
            else:
                text = item
            if li == 0 and pi > 0:
                text = "\f" + text
            out.append(text)
    content = "\n".join(out) + "\n"

    hyph = {"line_break": [], "real": []}
    for (p, k, kind, word, head) in events:
        entry = {"line": line_of[(p, k)], "line_ends_with": head, "word": word.rstrip(".,;:")}
        hyph["line_break" if kind == "line-break" else "real"].append(entry)
    detail = []
    for i, text in enumerate(paragraphs):
        ls = para_lines[i]
        d = {"lines": [ls[0], ls[-1]], "text": text}
        if ls[-1] - ls[0] + 1 != len(ls):
            d["reasoning"] = ("Continues across a page break: the page's last body line ends "
                              "mid-sentence, then come a blank line, 'Page N', the form feed, the "
                              "next page's running head and a blank line, and the sentence goes "
                              "on. One paragraph; the furniture is not part of its text.")
        detail.append(d)
    traps = []
    for i, ls in para_lines.items():
        for n in ls[1:]:
            if re.match(r"\d", out[n - 1].lstrip("\f")):
                first_on_page = n - 1 not in ls
                traps.append({"line": n, "text": out[n - 1].strip(), "reasoning": (
                    "A wrapped body line that begins with a number. It is "
                    + ("the first body line of its page, under the running head, and continues "
                       "the paragraph from the previous page: that page's last body line ends "
                       "without a full stop and the next word would not have fitted it. "
                       if first_on_page else
                       "directly below a full line of the same paragraph (no blank line). ")
                    + "Not a heading: a lowercase word follows the number, and the number is "
                      "no section number of the sequence.")})
    return content, {
        "chapters": [c["text"] for c in chapters],
        "chapters_detail": chapters,
        "headings": headings,
        "page_numbers": page_numbers,
        "captions": captions,
        "paragraphs": paragraphs,
        "paragraph_detail": detail,
        "hyphenation": hyph,
        "traps": traps,
    }


# ============================================================== Chinese, bare page numbers

ZH_MEASURE = 76          # display columns: CJK and full-width punctuation 2, ASCII 1 (38 CJK)
ZH_FIRST_PAGE = 7

ZH_BLOCKS = [
    ("title", "云溪市人大常委会"),
    ("h1", "一、坚持党的领导，夯实代表工作基础"),
    ("p", "近年来，云溪市人大常委会坚持把加强代表工作作为践行全过程人民民主的重要抓手，围绕“建好阵地、"
          "用好平台、办好实事”的思路，不断完善代表联系群众的制度机制，推动代表工作从“有形覆盖”向“有效覆盖”转变。"),
    ("h2", "（一）健全联络机制"),
    ("p", "常委会制定代表联络站工作规则，明确每月第一个星期三为固定接待日，全年共组织各级代表进站接待群众1260人次，"
          "收集意见建议318条。"),
    ("h2", "（二）拓展履职平台"),
    ("p", "依托镇街党群服务中心，新建“代表之家”6个、“代表联络站”23个，配套建设线上“民意直通车”，"
          "群众通过手机即可向代表反映问题。"),
    ("h1", "二、坚持问题导向，推动代表建议办理从“办了”向“办好”转变，不断增强人民群众的获得感"),
    ("p", "常委会把代表建议办理作为监督工作的重要内容，建立“交办、督办、评估”全链条机制。对群众反映集中的供水、"
          "交通、教育等问题，由主任会议成员牵头督办，组织代表实地察看办理进展，推动一批“急难愁盼”问题得到解决。", 2),
    ("fig", "图 1：云溪市代表建议办理流程示意图"),
    ("p", "在办理结果评估中，常委会引入代表满意度测评，对测评不满意的建议重新交办，直至问题解决为止。2023年，"
          "代表对建议办理的满意率达到96.5%。"),
    ("title", "云溪市桐岭镇人大"),
    ("h1", "一、主要做法"),
    ("h2", "（一）建设“家门口”联络站"),
    ("p", "桐岭镇人大主席团结合山区村落分散的实际，在12个行政村设立代表联络点，组织代表定期“进村入户”，"
          "把联络站建到群众家门口，让群众有话就近说。"),
    ("h2", "（二）开展民生实事票决"),
    ("orphans", ["2022", "15", "3 8", "+", "100%"]),
    ("h1", "二、下一步工作计划"),
    ("p", "下一步，镇人大将进一步规范联络点运行，完善代表履职档案，把民生实事票决制向村级延伸，"
          "推动全过程人民民主在基层落地见效。"),
    ("title", "云溪市桐岭镇枫林村"),
    ("h1", "一、基本情况"),
    ("p", "枫林村位于桐岭镇东部，辖8个村民小组，户籍人口2140人。近年来，村党支部带领村民发展茶叶种植和乡村旅游，"
          "村集体经济收入逐年增长。"),
    ("h1", "二、经验做法"),
    ("p", "村里建立“村民议事会”，凡涉及村集体资产处置、公益项目建设等重大事项，均提交议事会讨论，"
          "做到“大家的事大家议、大家定”。"),
]
# Page layout: a page ends after each of these block indices (counting from 0); a third
# element on a "p" block puts a page break after that many wrapped lines of the paragraph.
ZH_PAGE_AFTER = {6, 14, 18}


def zh_width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def zh_wrap(text, measure=ZH_MEASURE):
    """Greedy wrap; runs of ASCII letters/digits/%/. are not broken; a closing punctuation
    mark that does not fit hangs at the line end (as in CJK typesetting)."""
    tokens = re.findall(r"[0-9A-Za-z.%]+|.", text)
    lines, cur, width = [], "", 0
    closing = "，。、；：？！”）》"
    for t in tokens:
        w = sum(zh_width(c) for c in t)
        if width + w <= measure or (t in closing and cur):
            cur += t
            width += w
        else:
            lines.append(cur)
            cur, width = t, w
    if cur:
        lines.append(cur)
    return lines


def build_zh():
    out_pages = [[]]
    marks = []           # (page index, kind, payload)
    paragraphs = []

    def add(item):
        out_pages[-1].append(item)

    def end_page():
        out_pages[-1].append(None)
        out_pages.append([])

    for bi, block in enumerate(ZH_BLOCKS):
        kind = block[0]
        if kind in ("title", "fig"):
            add(("T", kind, block[1]))
        elif kind in ("h1", "h2"):
            pieces = zh_wrap(block[1])
            for k, piece in enumerate(pieces):
                add(("H", kind, block[1], k, piece, len(pieces)))
        elif kind == "orphans":
            for o in block[1]:
                add(("O", o))
        elif kind == "p":
            pieces = zh_wrap(block[1])
            assert sum(map(zh_width, pieces[-1])) <= 60, ("last line too full", pieces[-1])
            pi = len(paragraphs)
            paragraphs.append(block[1])
            brk = block[2] if len(block) > 2 else None
            for k, piece in enumerate(pieces):
                add(("P", pi, k, piece))
                if brk is not None and k + 1 == brk:
                    end_page()
        if bi in ZH_PAGE_AFTER:
            end_page()
    out_pages[-1].append(None)

    out = []
    chapters, headings, splits, page_numbers, captions, orphans = [], [], [], [], [], []
    para_lines = {}
    open_heading = None
    for pi, page in enumerate(out_pages):
        assert page and page[-1] is None
        for li, item in enumerate(page):
            n = len(out) + 1
            if item is None:
                text = str(ZH_FIRST_PAGE + pi)
                page_numbers.append({"line": n, "text": text, "n": text})
            elif item[0] == "T":
                text = item[2]
                (chapters if item[1] == "title" else captions).append({"line": n, "text": text})
            elif item[0] == "H":
                _, kind, whole, k, piece, count = item
                text = piece
                if k == 0:
                    headings.append({"line": n, "text": whole, "level": 1 if kind == "h1" else 2})
                    if count > 1:
                        open_heading = {"lines": [n], "text": whole,
                                        "level": 1 if kind == "h1" else 2}
                        splits.append(open_heading)
                else:
                    open_heading["lines"].append(n)
            elif item[0] == "O":
                text = item[1]
                orphans.append(n)
            else:
                text = item[3]
                para_lines.setdefault(item[1], []).append(n)
            if li == 0 and pi > 0:
                text = "\f" + text
            out.append(text)
    content = "\n".join(out) + "\n"
    detail = []
    for i, text in enumerate(paragraphs):
        ls = para_lines[i]
        d = {"lines": [ls[0], ls[-1]], "text": text}
        if ls[-1] - ls[0] + 1 != len(ls):
            d["reasoning"] = ("Continues across a page break: the last body line of the page is "
                              "full (38 characters) and ends mid-sentence, then the bare page "
                              "number and the form feed; the next page's first line goes on.")
        detail.append(d)
    return content, {
        "chapters": [c["text"] for c in chapters],
        "chapters_detail": chapters,
        "split_headings": splits,
        "headings": headings,
        "page_numbers": page_numbers,
        "captions": captions,
        "paragraphs": paragraphs,
        "paragraph_detail": detail,
        "orphan_lines": orphans,
    }


def counts(exp):
    c = {k: len(exp[k]) for k in ("chapters", "headings", "split_headings", "page_numbers",
                                  "captions", "paragraphs") if k in exp}
    by = {}
    for h in exp["headings"]:
        by[str(h["level"])] = by.get(str(h["level"]), 0) + 1
    c["headings_by_level"] = by
    c["orphan_lines"] = len(exp.get("orphan_lines", []))
    return c


def main():
    en_text, en = build_en()
    zh_text, zh = build_zh()

    en_doc = {
        "schema": "recto-text-expected/1",
        "source": "en-hardwrapped.txt",
        "language": "en",
        "line_numbering": ("1-based: line N is element N-1 of text.split('\\n'). Each page after "
                           "the first starts with a form feed (\\f) at the start of its first line "
                           "(the running head); 'text' values are compared after strip(). The file "
                           "ends with a newline and no trailing form feed."),
        "description": ("An English report of %d pages, hard-wrapped at 72 columns by an old "
                        "extraction tool: running head on the first line of every page, 'Page N' "
                        "on the last, blank lines between paragraphs, headings and the caption, "
                        "line-break hyphens and real compound hyphens at line ends, and %d "
                        "paragraphs that run on across a page break."
                        % (len(en["page_numbers"]),
                           sum(1 for d in en["paragraph_detail"] if "reasoning" in d))),
        "running_head": EN_HEAD,
        "chapters": en["chapters"],
        "chapters_reasoning": ("One chapter: the report title on the first page, under the "
                               "running head; the running head itself (same text on every page) "
                               "is furniture, not a title."),
        "chapters_detail": en["chapters_detail"],
        "split_headings": [],
        "headings": en["headings"],
        "headings_reasoning": ("'N Title' is level 1 and 'N.N Title' level 2, each alone between "
                               "blank lines. Wrapped body lines that begin with a number are not "
                               "headings (see traps)."),
        "page_numbers": en["page_numbers"],
        "captions": en["captions"],
        "paragraphs": en["paragraphs"],
        "paragraphs_reasoning": ("Each paragraph's lines joined with one space; a line ending in a "
                                 "line-break hyphen joins the next line with the hyphen removed "
                                 "(infrastruc- + ture); a line ending in a real compound hyphen "
                                 "joins with the hyphen kept and no space (data- + driven). The "
                                 "running head, the page-number line and the form feed inside a "
                                 "paragraph that crosses a page are not part of its text."),
        "paragraph_detail": en["paragraph_detail"],
        "hyphenation": en["hyphenation"],
        "hyphenation_reasoning": ("line_break: a word the extraction broke at a dictionary "
                                  "hyphenation point; joined without the hyphen (infrastruc- + ture "
                                  "= infrastructure). real: a compound broken at its own hyphen; "
                                  "joined with the hyphen kept and no space (data- + driven = "
                                  "data-driven). Both halves of every real compound are English "
                                  "words; the tail of every line-break split is not (ture, tion, "
                                  "nance, ment)."),
        "traps": en["traps"],
    }
    en_doc["counts"] = counts(en_doc)
    en_doc["counts"]["hyphens_line_break"] = len(en["hyphenation"]["line_break"])
    en_doc["counts"]["hyphens_real"] = len(en["hyphenation"]["real"])
    en_doc["counts"]["paragraphs_across_pages"] = sum(1 for d in en["paragraph_detail"] if "reasoning" in d)

    zh_doc = {
        "schema": "recto-text-expected/1",
        "source": "zh-bare-numbers.txt",
        "language": "zh",
        "line_numbering": ("1-based: line N is element N-1 of text.split('\\n'). Each page after "
                           "the first starts with a form feed (\\f) at the start of its first "
                           "line; 'text' values are compared after strip(). The file ends with a "
                           "newline and no trailing form feed."),
        "description": ("A Chinese volume of three organisations' reports (invented, fictional "
                        "places) over 5 pages separated by form feeds; the page number is a bare "
                        "number (7 to 11) alone on the last line of each page; no running head and "
                        "no blank lines; body paragraphs hard-wrapped at 38 CJK characters (76 "
                        "columns, ASCII counting 1), a paragraph ends at a line clearly shorter "
                        "than the measure; one level-1 heading wrapped over two lines; one caption; "
                        "one place where a paragraph was lost and only its numbers survive, each "
                        "on its own line."),
        "chapters": zh["chapters"],
        "chapters_reasoning": ("Organisation names standing alone, without numbering or sentence "
                               "punctuation, each followed by its report's 一、."),
        "chapters_detail": zh["chapters_detail"],
        "split_headings": [dict(s, reasoning=(
            "The heading is longer than the 38-character measure: its first line is full (76 "
            "columns) and stops inside a word (人民群众|的获得感), and the next line, short, with "
            "no number and no final punctuation, finishes it. No blank line between the pieces; "
            "the heading is the first line of its page (page 8).")) for s in zh["split_headings"]],
        "headings": zh["headings"],
        "page_numbers": zh["page_numbers"],
        "page_numbers_reasoning": ("A bare number alone on the last line of a page (the line just "
                                   "before a form feed, or the file's last line). The orphaned "
                                   "numbers (see orphan_lines) are mid-page and are not page "
                                   "numbers."),
        "captions": zh["captions"],
        "paragraphs": zh["paragraphs"],
        "paragraphs_reasoning": ("Wrapped lines joined with nothing between them; the page number "
                                 "and form feed inside a paragraph that crosses a page are not part "
                                 "of its text."),
        "paragraph_detail": zh["paragraph_detail"],
        "orphan_lines": zh["orphan_lines"],
        "orphan_lines_reasoning": ("Under （二）开展民生实事票决 the paragraph was lost; only its "
                                   "numbers and symbols survive, one per line (2022, 15, '3 8', +, "
                                   "100%). They are neither paragraphs nor page numbers."),
    }
    zh_doc["counts"] = counts(zh_doc)
    zh_doc["counts"]["paragraphs_across_pages"] = sum(1 for d in zh["paragraph_detail"] if "reasoning" in d)

    for name, text, doc in (("en-hardwrapped", en_text, en_doc), ("zh-bare-numbers", zh_text, zh_doc)):
        with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        with open(os.path.join(HERE, name + "-expected.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
