#!/usr/bin/env python3
"""corpus.py: scores recto against external truth on PDFs this project did not make.

The PDFs of ../shared/corpus that carry another project's expected output (docling's
groundtruth JSON, unstructured's expected JSON; machine output, not hand-verified) are
converted with recto and, for text coverage, with pdftotext; per document it prints:

- heads: the truth's headings (docling section_header, unstructured Title) found among recto's
  section headings (<head> of a <div>), fuzzy text match: recall, and precision (recto's
  section headings that match a truth heading);
- furniture: the truth's running heads and feet (page_header/page_footer, Header/Footer) found
  in recto's <fw> of the same page, and those left in recto's body text of that page (leaks);
- paragraphs: the truth's paragraphs (docling text, unstructured NarrativeText) of 40
  characters or more that recto gives whole as one block (<p>, <item>, <head>, <note>), split
  over several blocks, or merged into a larger block;
- coverage: character recall of the truth's body words in recto's body (without <fw>), and in
  pdftotext's text.

Texts are compared after NFKC, lower case, keeping letters and digits only. Deterministic, no
network. Usage: bench/corpus.py [--recto PATH] [--plugin-dir DIR] [--corpus DIR] [--keep DIR]
[--verbose] (--verbose lists under each document the headings, furniture and paragraphs missed)
Exit status 0 whatever the scores; 0 with a note when the corpus folder is absent.
"""

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
HERE = os.path.dirname(os.path.abspath(__file__))

# name -> kind of truth file
DOCUMENTS = [
    ("docling__redp5110_sampled", "docling"),
    ("docling__multi_page", "docling"),
    ("docling__amt_handbook_sample", "docling"),
    ("docling__2305.03393v1-pg9", "docling"),
    ("unstructured__2023-Jan-economic-outlook", "unstructured"),
    ("unstructured__recalibrating-risk-report", "unstructured"),
]

DOCLING_ROLES = {
    "section_header": "head", "title": "head", "page_header": "fw", "page_footer": "fw",
    "text": "para", "list_item": "body", "caption": "body", "footnote": "body", "code": "body",
}
UNSTRUCTURED_ROLES = {
    "Title": "head", "Header": "fw", "Footer": "fw", "NarrativeText": "para",
    "ListItem": "body", "FigureCaption": "body",
}
MIN_HEAD = 3   # truth headings shorter than this (chart letters, stray digits) are noise
MIN_PARA = 40  # paragraphs shorter than this say little about paragraph boundaries
MIN_LEAK = 4   # a page number alone cannot be told from a number in the body text


def norm(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if c.isalnum())


def words(text):
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def load_truth(path, kind):
    """Returns [(role, page, text)] in reading order."""
    items = []
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if kind == "docling":
        for t in data["texts"]:
            role = DOCLING_ROLES.get(t["label"])
            if role and t.get("prov"):
                items.append((role, t["prov"][0]["page_no"], t["text"]))
    else:
        for e in data:
            role = UNSTRUCTURED_ROLES.get(e["type"])
            if role:
                items.append((role, e["metadata"]["page_number"], e["text"]))
    return items


class Recto:
    """What a recto TEI file holds: section heads, blocks, fw and body text per page."""

    BLOCKS = ("p", "item", "head", "note", "cell", "label")

    def __init__(self, path):
        body = ET.parse(path).getroot().find(f"{TEI}text/{TEI}body")
        self.heads = []                       # section headings (head of a div)
        self.blocks = []                      # normalised text of each block
        self.fw = collections.defaultdict(str)
        self.body = collections.defaultdict(str)
        self.words = []
        self.page = 1
        self._walk(body, None)

    def _walk(self, el, parent):
        tag = el.tag.replace(TEI, "")
        if tag == "pb":
            m = re.search(r"#page(\d+)", el.get("facs", ""))
            if m:
                self.page = int(m.group(1))
            return
        if tag == "fw":
            self.fw[self.page] += norm("".join(el.itertext()))
            return
        if tag == "desc":  # recto's description of a gap, not the source's text
            return
        if tag == "head" and parent == "div":
            self.heads.append(norm(self._own_text(el)))
        if tag in self.BLOCKS and parent not in self.BLOCKS:
            self.blocks.append(norm(self._own_text(el)))
        self._text(el.text)
        for child in el:
            self._walk(child, tag)
            self._text(child.tail)

    def _text(self, text):
        if text:
            self.body[self.page] += norm(text)
            self.words += words(text)

    @staticmethod
    def _own_text(el):
        """The block's text without running furniture or footnotes placed inside it."""
        parts = [el.text or ""]
        for child in el:
            if child.tag.replace(TEI, "") not in ("fw", "note", "desc"):
                parts.append(Recto._own_text(child))
            parts.append(child.tail or "")
        return "".join(parts)


def similar(a, b, cut=0.8):
    if not a or not b or min(len(a), len(b)) < cut * max(len(a), len(b)):
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= cut


def score_heads(truth, recto, misses):
    want = [(p, t) for r, p, t in truth if r == "head" and len(norm(t)) >= MIN_HEAD]
    got = [h for h in recto.heads if h]
    found = 0
    for page, text in want:
        if any(similar(norm(text), g) for g in got):
            found += 1
        else:
            misses.append(f"head missed, p. {page}: {text}")
    right = 0
    for g in got:
        if any(similar(norm(t), g) for _, t in want):
            right += 1
        else:
            misses.append(f"head not in the truth: {g}")
    return found, len(want), right, len(got)


def score_furniture(truth, recto, misses):
    found = leaks = total = 0
    for role, page, text in truth:
        t = norm(text)
        if role != "fw" or not t:
            continue
        total += 1
        if t in recto.fw[page]:
            found += 1
        elif len(t) >= MIN_LEAK and t in recto.body[page]:
            leaks += 1
            misses.append(f"furniture in the body, p. {page}: {text}")
        else:
            misses.append(f"furniture not in fw, p. {page}: {text}")
    return found, leaks, total


def paragraph_fate(t, recto):
    """Whether the truth paragraph @t (normalised) is whole in a recto block, split over blocks,
    merged into a larger block, or lost."""
    head, tail = t[:24], t[-24:]
    holder = next((b for b in recto.blocks if head in b), None)
    if holder is None:
        holder = next((b for b in recto.blocks if tail in b), None)
        return "split" if holder is not None else "lost"
    if similar(t, holder, 0.9):
        return "whole"
    return "merged" if len(holder) > len(t) and tail in holder else "split"


def score_paragraphs(truth, recto, misses):
    counts = collections.Counter()
    for role, page, text in truth:
        if role != "para" or len(norm(text)) < MIN_PARA:
            continue
        fate = paragraph_fate(norm(text), recto)
        counts[fate] += 1
        if fate != "whole":
            misses.append(f"paragraph {fate}, p. {page}: {text[:70]}")
    return counts


def coverage(truth_words, got_words):
    want = collections.Counter(truth_words)
    have = collections.Counter(got_words)
    total = sum(len(w) * n for w, n in want.items())
    hit = sum(len(w) * min(n, have[w]) for w, n in want.items())
    return hit / total if total else 0.0


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recto", default=os.path.join(HERE, "..", "build", "core", "recto"))
    ap.add_argument("--plugin-dir", default=os.path.join(HERE, "..", "build", "plugins"))
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--keep", help="leave the outputs in this folder")
    ap.add_argument("--verbose", action="store_true",
                    help="list under each document what it missed: headings, furniture, paragraphs")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"corpus.py: no {args.corpus}: skipped")
        return 0
    work = args.keep or tempfile.mkdtemp(prefix="recto-corpus-")
    os.makedirs(work, exist_ok=True)
    has_pdftotext = shutil.which("pdftotext") is not None
    print(f"{'document':40} {'heads R':>8} {'heads P':>8} {'fw':>6} {'leak':>4} "
          f"{'para whole/split/merged/lost':>29} {'cov':>6} {'pdftotext':>9}")
    try:
        for name, kind in DOCUMENTS:
            score_document(args, work, name, kind, has_pdftotext)
    finally:
        if not args.keep:
            shutil.rmtree(work)
    return 0


def score_document(args, work, name, kind, has_pdftotext):
    pdf = os.path.join(args.corpus, name + ".pdf")
    suffix = ".groundtruth.json" if kind == "docling" else ".expected.json"
    truth_path = os.path.join(args.corpus, name + suffix)
    if not (os.path.exists(pdf) and os.path.exists(truth_path)):
        print(f"{name:40} missing")
        return
    truth = load_truth(truth_path, kind)
    tei = os.path.join(work, name + ".tei.xml")
    done = run([args.recto, "convert", "--plugin-dir", args.plugin_dir, pdf, "-o", tei])
    if done.returncode != 0:
        print(f"{name:40} recto failed: {done.stderr.decode(errors='replace').strip()[:80]}")
        return
    recto = Recto(tei)
    misses = []
    found, want, right, got = score_heads(truth, recto, misses)
    fw_found, leaks, fw_all = score_furniture(truth, recto, misses)
    paras = score_paragraphs(truth, recto, misses)
    body_words = [w for r, _, t in truth if r != "fw" for w in words(t)]
    cov = coverage(body_words, recto.words)
    plain = "-"
    if has_pdftotext:
        txt = os.path.join(work, name + ".txt")
        if run(["pdftotext", "-enc", "UTF-8", pdf, txt]).returncode == 0:
            with open(txt, encoding="utf-8", errors="replace") as f:
                plain = f"{coverage(body_words, words(f.read())):.3f}"
    para = "/".join(str(paras[k]) for k in ("whole", "split", "merged", "lost"))
    print(f"{name:40} {found:>3}/{want:<4} {right:>3}/{got:<4} {fw_found:>2}/{fw_all:<3} "
          f"{leaks:>4} {para:>29} {cov:6.3f} {plain:>9}")
    if args.verbose:
        for line in misses:
            print("    " + line)


if __name__ == "__main__":
    sys.exit(main())
