#!/usr/bin/python3
"""End-to-end test of the tables stage on samples/tables.pdf (made by samples/tables.py).

Converts the sample with the default pipeline and checks, printing TAP: cell F1 of every table
kind against the truth (bench/cells.py) is at least 0.95; no cell holds furniture (running head,
page numbers); the continued table is one table with its page break inside; captions are the
tables' heads, the unit line and note stay with table 1; the paragraphs around table 1 are
whole and in their places; every character pdftotext reads is in the TEI (conservation); the
output is valid against recto's schema (and tei_all where tests/schema/check.sh finds jing).

Run by meson (RECTO_EXE, RECTO_SOURCE_ROOT in the environment).
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
ROOT = os.environ["RECTO_SOURCE_ROOT"]
SAMPLE = os.path.join(ROOT, "samples", "tables.pdf")
TRUTH = os.path.join(ROOT, "samples", "tables.truth.json")

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def norm(text):
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def all_text(el):
    return "".join(el.itertext())


def main():
    work = tempfile.mkdtemp(prefix="recto-tables-")
    try:
        out = os.path.join(work, "tables.tei.xml")
        subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet", SAMPLE, "-o", out],
                       check=True)
        scores = json.loads(subprocess.run(
            [sys.executable, os.path.join(ROOT, "bench", "cells.py"), TRUTH, out, "--json"],
            check=True, capture_output=True, text=True).stdout)
        for kind, m in scores["kinds"].items():
            check(m["f1"] >= 0.95, f"cell F1 of {kind} tables >= 0.95", f"F1 {m['f1']:.3f}")
        check(scores["unmatched_tei_tables"] == 0, "no table where the truth has none")

        root = ET.parse(out).getroot()
        body = root.find(f"{TEI}text/{TEI}body")
        tables = list(body.iter(f"{TEI}table"))
        cells = [norm(all_text(c)) for c in body.iter(f"{TEI}cell")]
        check(not any("滨海市统计公报" in c or c.startswith("-") and c.endswith("-")
                      for c in cells), "no furniture in cells")
        crossing = [t for t in tables if "表4" in norm(all_text(t.find(f"{TEI}head")))
                    if t.find(f"{TEI}head") is not None]
        check(len(crossing) == 1 and crossing[0].find(f"{TEI}pb") is not None,
              "the table crossing a page is one table with its page break inside")
        heads = [norm(all_text(h)) for t in tables for h in t.findall(f"{TEI}head")]
        truth = json.load(open(TRUTH, encoding="utf-8"))
        for table in truth["tables"]:
            check(norm(table["caption"]) in heads, f"caption of the {table['kind']} table is its head")
        first = tables[0]
        check(any(norm(all_text(h)) == norm("单位：万元") for h in first.findall(f"{TEI}head")),
              "the unit line is a head of table 1")
        check(any(norm(all_text(n)).startswith("注") for n in first.findall(f"{TEI}note")),
              "the note under table 1 stays with it")
        children = list(body)
        at = children.index(first)
        check(children[at - 1].tag == f"{TEI}p" and children[at + 1].tag == f"{TEI}p",
              "table 1 stands between the paragraphs around it")

        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-raw", SAMPLE, "-"], check=True,
                                  capture_output=True, text=True).stdout
            want = collections.Counter(norm(text))
            got = collections.Counter(norm(all_text(root.find(f"{TEI}text"))))
            missing = want - got
            check(not missing, "every character of the text layer is in the TEI",
                  "missing: " + "".join(sorted(missing.elements()))[:80])
        else:
            results.append((None, "conservation", "pdftotext not found"))
        schema = subprocess.run(["bash", os.path.join(ROOT, "tests", "schema", "check.sh"), out],
                                capture_output=True, text=True)
        check(schema.returncode in (0, 77), "valid against recto's TEI profile",
              schema.stderr.strip()[-200:])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"1..{len(results)}")
    failed = 0
    for i, (ok, name, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {i} {name} # SKIP {detail}")
        elif ok:
            print(f"ok {i} {name}")
        else:
            failed += 1
            print(f"not ok {i} {name}" + (f" # {detail}" if detail else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
