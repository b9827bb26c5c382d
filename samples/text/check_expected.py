#!/usr/bin/python3
"""Self-check of the text-sample expectation files (samples/text/*-expected.json) against the
text they describe. Independent of make_text_samples.py: it re-reads the .txt file and checks

  - every "line" points at a line whose text (stripped, form feed included) matches "text"
    (run-in headings: the line is "text", white space, "residue");
  - every split heading's pieces, stripped and joined with nothing, give "text" (+ residue),
    only blank lines lie between its pieces, and it is in "headings" with the same text/level;
  - chapters == the texts of chapters_detail; headings are in file order, with levels that
    match their markers (一、 1, （一） 2; "1 " 1, "1.1 " 2), and zh numbering runs 一、二、三…
    in every chapter, （一）（二）… under every level-1 heading;
  - page-number lines hold the page number "n" (and "raw" is the exact line when given);
  - each paragraph's lines (paragraph_detail) rejoin to its text: zh with nothing between,
    en with one space, a line-break hyphen dropped, a real hyphen kept (the "hyphenation"
    lists must name every line that ends in "-"); lines inside a paragraph other than its
    own are only blank lines, running heads and page-number lines;
  - orphan lines hold no CJK; for the seed the list is exactly the non-blank non-CJK lines
    that are not page numbers;
  - every non-blank line of the file is accounted for by some entry;
  - "counts" agree with the lists.

Usage: /usr/bin/python3 samples/text/check_expected.py [EXPECTED.json ...]
  (default: every *-expected.json next to this script). The seed is looked up in
  $RECTO_SHARED_DIR/seed/ or ../shared/seed/ beside the project root. Exit status 0 when all is
  well.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CJK = re.compile(r"[\u4e00-\u9fff]")
NUM = "一二三四五六七八九十"
H1 = re.compile(r"^([一二三四五六七八九十]+)、")
H2 = re.compile(r"^（([一二三四五六七八九十]+)）")


def cn(numeral):
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + NUM.index(numeral[1]) + 1
    return NUM.index(numeral) + 1


def source_path(path, exp):
    if exp["source"] == "seed":
        shared = os.environ.get("RECTO_SHARED_DIR") or os.path.join(os.path.dirname(ROOT), "shared")
        return os.path.join(shared, "seed", "jiangmen-volume-extracted.txt")
    return os.path.join(os.path.dirname(path), exp["source"])


def check(path):
    errors = []

    def err(msg):
        errors.append(msg)

    exp = json.load(open(path, encoding="utf-8"))
    text = open(source_path(path, exp), encoding="utf-8").read()
    lines = text.split("\n")
    lang = exp.get("language", "zh")

    def s(n):
        if not 1 <= n <= len(lines):
            err(f"line {n} out of range (1..{len(lines)})")
            return ""
        return lines[n - 1].strip()

    used = set()            # lines accounted for

    def same(n, want, residue=None, what=""):
        got = s(n)
        used.add(n)
        ok = got == want or (residue is not None and re.fullmatch(
            re.escape(want) + r"\s*" + re.escape(residue), got))
        if not ok:
            err(f"{what} line {n}: file has {got!r}, expected {want!r}"
                + (f" + residue {residue!r}" if residue else ""))

    def joined(ns, what):
        for a, b in zip(ns, ns[1:]):
            if b <= a:
                err(f"{what}: lines {ns} not ascending")
            for k in range(a + 1, b):
                if s(k):
                    err(f"{what}: line {k} between pieces {a} and {b} is not blank: {s(k)!r}")
        used.update(ns)
        return "".join(s(n) for n in ns)

    # ---- chapters
    detail = exp.get("chapters_detail", [])
    if [d["text"] for d in detail] != exp["chapters"]:
        err("chapters differ from chapters_detail texts")
    chapter_lines = []
    for d in detail:
        ns = d.get("lines") or [d["line"]]
        if joined(ns, f"chapter {d['text']!r}") != d["text"]:
            err(f"chapter lines {ns} join to {joined(ns, '')!r}, expected {d['text']!r}")
        chapter_lines.append(ns[0])
        if "byline" in d:
            same(d["byline"]["line"], d["byline"]["text"], what="byline")
    for t in exp.get("split_chapter_titles", []):
        if joined(t["lines"], "split chapter title") != t["text"]:
            err(f"split chapter title {t['lines']} does not join to its text")
        if t["text"] not in exp["chapters"]:
            err(f"split chapter title {t['text']!r} is not in chapters")
    for d in exp.get("not_chapters", []):
        same(d["line"], d["text"], what="not_chapters")

    # ---- split headings
    splits = {}
    for h in exp["split_headings"]:
        ns = h["lines"]
        if len(ns) < 2:
            err(f"split heading {ns} has fewer than two pieces")
        got = joined(ns, f"split heading {ns}")
        want = h["text"] + (h.get("residue") or "")
        if re.sub(r"\s", "", got) != re.sub(r"\s", "", want) or not got.startswith(h["text"]):
            err(f"split heading {ns}: pieces join to {got!r}, expected {h['text']!r}"
                + (f" + {h['residue']!r}" if h.get("residue") else ""))
        splits[ns[0]] = h

    # ---- headings
    last = 0
    seen_splits = set()
    for h in exp["headings"]:
        n = h["line"]
        if n <= last:
            err(f"heading at line {n} is out of order")
        last = n
        if n in splits:
            sp = splits[n]
            seen_splits.add(n)
            if (sp["text"], sp["level"]) != (h["text"], h["level"]):
                err(f"heading {n} differs from its split_headings entry")
        else:
            same(n, h["text"], h.get("residue"), what="heading")
        t = h["text"]
        if lang == "zh":
            lv = 1 if H1.match(t) else 2 if H2.match(t) else None
            if lv is None and not (h.get("numbered") is False and h.get("marker_lost")):
                err(f"heading {n} {t!r} has no marker and no marker_lost")
            if lv is not None and lv != h["level"]:
                err(f"heading {n} {t!r}: level {h['level']} but marker says {lv}")
        else:
            m = re.match(r"^(\d+(?:\.\d+)*) [A-Z]", t)
            if not m or m.group(1).count(".") + 1 != h["level"]:
                err(f"heading {n} {t!r}: level {h['level']} does not match its number")
    for n in splits:
        if n not in seen_splits:
            err(f"split heading at line {n} is missing from headings")

    # ---- zh numbering runs in sequence within each chapter
    if lang == "zh":
        bounds = sorted(chapter_lines) + [len(lines) + 1]
        for a, b in zip(bounds, bounds[1:]):
            n1 = 0
            n2 = 0
            for h in exp["headings"]:
                if not a < h["line"] < b:
                    continue
                m = H1.match(h["text"]) or H2.match(h["text"])
                k = cn(m.group(1)) if m else None
                if h["level"] == 1:
                    if k != n1 + 1:
                        err(f"level-1 heading {h['line']} {h['text'][:12]!r}: expected number {n1 + 1}")
                    n1, n2 = (k or n1 + 1), 0
                else:
                    want = n2 + 1
                    if k is None:
                        if h.get("marker_lost") != "（%s）" % NUM[want - 1]:
                            err(f"unnumbered heading {h['line']}: marker_lost should be （{NUM[want - 1]}）")
                        k = want
                    if k != want or n1 == 0:
                        err(f"level-2 heading {h['line']} {h['text'][:12]!r}: expected （{NUM[want - 1]}） under a level 1")
                    n2 = k

    # ---- page numbers, captions, leads
    for p in exp["page_numbers"]:
        same(p["line"], p["text"], what="page number")
        if "raw" in p and lines[p["line"] - 1] != p["raw"]:
            err(f"page number line {p['line']}: raw {p['raw']!r} is not the exact line")
        if not re.search(r"(?<!\d)" + re.escape(p["n"]) + r"(?!\d)", p["text"]):
            err(f"page number line {p['line']}: n {p['n']!r} not in {p['text']!r}")
    for c in exp["captions"]:
        same(c["line"], c["text"], what="caption")
    for r in exp.get("run_in_leads", []):
        same(r["line"], r["text"], r.get("residue"), what="run-in lead")
    page_lines = {p["line"] for p in exp["page_numbers"]}

    # ---- furniture: running head
    head = exp.get("running_head")
    head_lines = {i + 1 for i, l in enumerate(lines) if head and l.strip() == head}
    used |= head_lines
    if head:
        starts = [1] + [i + 1 for i, l in enumerate(lines) if l.startswith("\f")]
        if sorted(head_lines) != starts:
            err(f"running head lines {sorted(head_lines)} are not the page starts {starts}")
        if len(starts) != len(exp["page_numbers"]):
            err(f"{len(starts)} pages but {len(exp['page_numbers'])} page numbers")

    # ---- pages end with their page number (form-feed files)
    if "\f" in text:
        ends = [i for i, l in enumerate(lines, 1) if i < len(lines) and lines[i].startswith("\f")]
        lastline = max(i for i, l in enumerate(lines, 1) if l.strip())
        if sorted(ends + [lastline]) != sorted(page_lines):
            err(f"page-number lines {sorted(page_lines)} are not the last lines of the pages "
                f"{sorted(ends + [lastline])}")

    # ---- paragraphs
    if "paragraphs" in exp:
        pd = exp.get("paragraph_detail", [])
        if [d["text"] for d in pd] != exp["paragraphs"]:
            err("paragraphs differ from paragraph_detail texts")
        hy = exp.get("hyphenation", {"line_break": [], "real": []})
        breaks = {e["line"]: e for e in hy["line_break"]}
        reals = {e["line"]: e for e in hy["real"]}
        for e in list(breaks.values()) + list(reals.values()):
            if not s(e["line"]).endswith(e["line_ends_with"]):
                err(f"hyphen line {e['line']} does not end with {e['line_ends_with']!r}")
        for d in pd:
            a, b = d["lines"]
            own = [n for n in range(a, b + 1) if s(n) and n not in page_lines and n not in head_lines]
            out = ""
            for k, n in enumerate(own):
                line = s(n)
                used.add(n)
                if k == 0:
                    out = line
                    continue
                prev = s(own[k - 1])
                if lang == "zh":
                    out += line
                elif prev.endswith("-"):
                    if own[k - 1] in breaks:
                        out = out[:-1] + line
                    elif own[k - 1] in reals:
                        out += line
                    else:
                        err(f"line {own[k - 1]} ends with '-' but is in no hyphenation list")
                        out += line
                else:
                    out += " " + line
            if out != d["text"]:
                err(f"paragraph lines {a}-{b} rejoin to\n  {out!r}\n expected\n  {d['text']!r}")
            if lang == "en":
                for n in own[:-1]:
                    if s(n).endswith("-") and n not in breaks and n not in reals:
                        err(f"line {n} ends with '-' but is in no hyphenation list")
        listed = set(breaks) | set(reals)
        inside = {n for d in pd for n in range(d["lines"][0], d["lines"][1])}
        for n in listed - inside:
            err(f"hyphenation line {n} is not inside a paragraph")

    # ---- orphans
    orphans = exp.get("orphan_lines", [])
    for n in orphans:
        used.add(n)
        if not s(n) or CJK.search(s(n)):
            err(f"orphan line {n} {s(n)!r} is blank or holds CJK")
        if n in page_lines:
            err(f"orphan line {n} is a page-number line")
    if exp["source"] == "seed":
        want = [n for n in range(1, len(lines) + 1)
                if s(n) and not CJK.search(s(n)) and n not in page_lines]
        if want != orphans:
            err(f"orphan_lines differ from the non-blank non-CJK lines: "
                f"missing {sorted(set(want) - set(orphans))[:20]}, extra {sorted(set(orphans) - set(want))[:20]}")
        parts = exp.get("orphan_lines_with_digits", []) + exp.get("orphan_lines_symbols_only", [])
        if sorted(parts) != orphans:
            err("orphan_lines_with_digits + orphan_lines_symbols_only != orphan_lines")

    # ---- every non-blank line accounted for
    loose = [n for n in range(1, len(lines) + 1) if s(n) and n not in used]
    if loose:
        err(f"{len(loose)} non-blank lines are in no entry: "
            + ", ".join(f"{n} {s(n)!r}" for n in loose[:15]))

    # ---- counts
    c = exp.get("counts", {})
    for key in ("chapters", "headings", "split_headings", "page_numbers", "captions",
                "paragraphs", "run_in_leads"):
        if key in c and key in exp and c[key] != len(exp[key]):
            err(f"counts.{key} = {c[key]} but the list has {len(exp[key])}")
    if "orphan_lines" in c and c["orphan_lines"] != len(orphans):
        err(f"counts.orphan_lines = {c['orphan_lines']} but the list has {len(orphans)}")
    if "headings_by_level" in c:
        by = {}
        for h in exp["headings"]:
            by[str(h["level"])] = by.get(str(h["level"]), 0) + 1
        if by != c["headings_by_level"]:
            err(f"counts.headings_by_level {c['headings_by_level']} but the list gives {by}")
    if "lines" in c and c["lines"] != len(lines):
        err(f"counts.lines = {c['lines']} but the file has {len(lines)}")
    return errors


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*-expected.json")))
    bad = 0
    for p in paths:
        errors = check(p)
        print(f"{'ok' if not errors else 'FAIL'}  {os.path.basename(p)}")
        for e in errors:
            print("   ", e)
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
