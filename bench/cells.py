#!/usr/bin/python3
"""Score the tables of a recto TEI file against a tables truth (samples/tables.py).

Usage:
    cells.py TRUTH.json TEI.xml [--json]

A cell is its (row, column, text): rows and columns counted from 0 over the whole table, a
spanning cell at its top-left slot (TEI @cols and @rows are laid out as HTML lays out
colspan and rowspan), text after NFKC with all white space removed (the <orig> of a <choice>
is the source's side, as in ../shared/facts: box-drawing rules are not cell text). Each truth
table is matched with the TEI table that shares most cells with it; its precision is the
shared cells over the TEI table's cells, its recall over its own cells. Prints precision,
recall and F1 per table kind (cells summed over the kind's tables) and the TEI tables that
match no truth table. Standard library only; exits 2 with a one-line error on bad input.
"""
import argparse
import collections
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
SKIP = {"orig", "sic", "abbr", "del", "gap", "pb", "lb", "fw", "note"}


def norm(text):
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el):
    out = []

    def walk(e, top):
        if not top and local(e.tag) in SKIP:
            if e.tail:
                out.append(e.tail)
            return
        if e.text:
            out.append(e.text)
        for c in e:
            walk(c, False)
        if not top and e.tail:
            out.append(e.tail)

    walk(el, True)
    return norm("".join(out))


def tei_cells(table):
    """(row, col, text) of every cell of a TEI table, spans laid out."""
    cells, taken, r = set(), set(), 0
    for row in table.iter(f"{TEI}row"):
        c = 0
        for cell in row.findall(f"{TEI}cell"):
            while (r, c) in taken:
                c += 1
            cols, rows = int(cell.get("cols", 1)), int(cell.get("rows", 1))
            cells.add((r, c, text_of(cell)))
            for dr in range(rows):
                for dc in range(cols):
                    taken.add((r + dr, c + dc))
            c += cols
        r += 1
    return cells


def truth_cells(table):
    return {(c["row"], c["col"], norm(c["text"])) for c in table["cells"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth")
    ap.add_argument("tei")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    try:
        with open(args.truth, encoding="utf-8") as f:
            truth = json.load(f)
        found = [tei_cells(t) for t in ET.parse(args.tei).getroot().iter(f"{TEI}table")]
    except (OSError, ValueError, ET.ParseError) as e:
        print(f"cells.py: {e}", file=sys.stderr)
        sys.exit(2)
    used = set()
    kinds = collections.OrderedDict()
    for table in truth["tables"]:
        want = truth_cells(table)
        best, best_shared = None, -1
        for i, got in enumerate(found):
            shared = len(want & got)
            if shared > best_shared and i not in used:
                best, best_shared = i, shared
        got = found[best] if best is not None and best_shared > 0 else set()
        if got:
            used.add(best)
        k = kinds.setdefault(table["kind"], [0, 0, 0])
        k[0] += len(want & got)
        k[1] += len(got)
        k[2] += len(want)
    result = {}
    for kind, (shared, n_got, n_want) in kinds.items():
        p = shared / n_got if n_got else 0.0
        r = shared / n_want if n_want else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = {"precision": p, "recall": r, "f1": f1, "cells": n_want}
    extra = len(found) - len(used)
    if args.json:
        print(json.dumps({"kinds": result, "unmatched_tei_tables": extra}))
        return
    print(f"{'kind':<12} {'cells':>6} {'precision':>10} {'recall':>8} {'F1':>7}")
    for kind, m in result.items():
        print(f"{kind:<12} {m['cells']:>6} {m['precision']:>10.3f} {m['recall']:>8.3f} {m['f1']:>7.3f}")
    print(f"TEI tables matching no truth table: {extra}")


if __name__ == "__main__":
    main()
