#!/usr/bin/python3
# Self-check for the sample ground truth: extracts every page of the PDF with
# poppler's pdftotext and confirms that
#   - each page's header is its first text line and its footer its last one;
#   - every chapter title, heading, caption and paragraph of the truth occurs,
#     in order, in the concatenated page bodies (header/footer lines removed),
#     ignoring whitespace and line-break hyphens;
#   - every paragraph starts on the first and ends on the last of its "pages".
#
# Usage: /usr/bin/python3 samples/check_truth.py TRUTH.json [PDF] [--mode layout|raw|default]
#   PDF defaults to the "source" named in the truth, next to the JSON file.
# Needs poppler-utils (pdftotext, pdfinfo).  Exit status 0 when all is well.

import argparse
import json
import os
import re
import subprocess
import sys

HYPH = "\x00"   # marks a "-" that ended a line in the extraction


def extract(pdf, page, mode):
    cmd = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page)]
    if mode != "default":
        cmd.append("-" + mode)
    return subprocess.run(cmd + [pdf, "-"], check=True, capture_output=True,
                          text=True).stdout


def npages(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def squash(s):
    return re.sub(r"\s+", "", s)


def body_norm(lines):
    """Join body lines, mark hyphens at line ends, drop all whitespace."""
    text = "\n".join(lines) + "\n"
    text = re.sub(r"-[ \t]*\n", HYPH, text)
    return squash(text)


def pattern(text, loose_hyphens):
    """Regex for a truth string against a normalised extraction: whitespace is
    ignored, a line-break hyphen may follow any character, and a real hyphen
    may itself have ended a line.  loose_hyphens also lets a real hyphen vanish
    (pdftotext's default mode joins "long-\\nterm" into "longterm")."""
    parts = []
    for ch in squash(text):
        if ch == "-":
            parts.append("(?:-|%s)%s" % (HYPH, "?" if loose_hyphens else ""))
        else:
            parts.append(re.escape(ch) + HYPH + "?")
    return re.compile("".join(parts))


def check(truth_path, pdf=None, mode="layout", verbose=True):
    with open(truth_path, encoding="utf-8") as fh:
        truth = json.load(fh)
    if pdf is None:
        pdf = os.path.join(os.path.dirname(truth_path), truth["source"])
    loose = mode == "default"
    problems = []

    def say(msg):
        if verbose:
            print(msg)

    n = npages(pdf)
    if n != len(truth["pages"]):
        problems.append("PDF has %d pages, truth lists %d" % (n, len(truth["pages"])))
    hdr_ok = ftr_ok = 0
    bodies = []
    for rec in truth["pages"]:
        p = rec["page"]
        lines = [ln for ln in extract(pdf, p, mode).replace("\f", "").split("\n") if ln.strip()]
        if rec["n"] not in rec["footer"]:
            problems.append("page %d: n %r not in footer %r" % (p, rec["n"], rec["footer"]))
        if lines and squash(lines[0]) == squash(rec["header"]):
            hdr_ok += 1
            lines = lines[1:]
        else:
            problems.append("page %d: first line %r is not the header %r"
                            % (p, lines[0] if lines else "", rec["header"]))
        if lines and squash(lines[-1]) == squash(rec["footer"]):
            ftr_ok += 1
            lines = lines[:-1]
        else:
            problems.append("page %d: last line %r is not the footer %r"
                            % (p, lines[-1] if lines else "", rec["footer"]))
        bodies.append(body_norm(lines))
    say("pages: %d in PDF, %d in truth; header first line on %d, footer last line on %d"
        % (n, len(truth["pages"]), hdr_ok, ftr_ok))

    whole = "".join(bodies)
    starts, acc = [], 0           # offset of each page's body inside whole
    for b in bodies:
        starts.append(acc)
        acc += len(b)

    def page_of(off):
        k = 0
        while k + 1 < len(starts) and starts[k + 1] <= off:
            k += 1
        return k + 1

    counts = {}
    pos = 0
    found = 0
    page_ok = 0
    total = 0
    for ch in truth["chapters"]:
        items = [{"type": "title", "text": ch["title"], "first_page": ch["first_page"]}]
        items += ch["blocks"]
        for b in items:
            kind = b["type"] if b["type"] != "head" else "head%d" % b["level"]
            counts[kind] = counts.get(kind, 0) + 1
            total += 1
            rx = pattern(b["text"], loose)
            m = rx.search(whole, pos)
            if not m:
                where = "out of order" if rx.search(whole) else "missing"
                problems.append("%s %s: %s" % (kind, where, b["text"][:60]))
                continue
            found += 1
            pos = m.end()
            first, last = page_of(m.start()), page_of(max(m.end() - 1, m.start()))
            if b["type"] == "p":
                if (first, last) == (b["pages"][0], b["pages"][-1]):
                    page_ok += 1
                else:
                    problems.append("paragraph on pages %d-%d, truth says %s: %s"
                                    % (first, last, b["pages"], b["text"][:40]))
            elif b["type"] == "title" and first != b["first_page"]:
                problems.append("chapter %s found on page %d, truth says %d"
                                % (b["text"], first, b["first_page"]))
    say("blocks: " + ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())))
    say("found in order: %d/%d; paragraphs on their truth pages: %d/%d"
        % (found, total, page_ok, counts.get("p", 0)))
    for pr in problems[:40]:
        say("  PROBLEM: " + pr)
    if len(problems) > 40:
        say("  ... %d more problems" % (len(problems) - 40))
    say("%s: %s (pdftotext mode %s)" % (os.path.basename(pdf), "OK" if not problems else
                                          "%d PROBLEMS" % len(problems), mode))
    return 0 if not problems else 1


def main():
    ap = argparse.ArgumentParser(description="Check a recto-truth/1 file against its PDF.")
    ap.add_argument("truth")
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("--mode", choices=["layout", "raw", "default"], default="layout",
                    help="pdftotext mode (default: -layout)")
    a = ap.parse_args()
    sys.exit(check(a.truth, a.pdf, a.mode))


if __name__ == "__main__":
    main()
