#!/usr/bin/python3
# Self-check for the sample ground truth: extracts every page of the PDF with
# poppler's pdftotext and confirms that
#   - each page's header is its first text line and its footer its last one;
#   - the footnotes ("note" blocks) sit at the foot of a page, just above the
#     footer, in order, on a page of the paragraph that references them (which
#     holds the note's marker);
#   - every chapter title, heading, caption, list item and paragraph of the
#     truth occurs, in order, in the concatenated page bodies (header, footer
#     and footnote lines removed), ignoring whitespace and line-break hyphens;
#   - every list item starts a line;
#   - every paragraph starts on the first and ends on the last of its "pages".
#
# Pages marked "columns": 2 in the truth are read from pdftotext -bbox-layout
# instead: lines left of the page centre (left column) come before lines right
# of it (right column); lines across the centre (header, titles, footer) stay
# above or below the columns.
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
import xml.etree.ElementTree as ET

HYPH = "\x00"   # marks a "-" that ended a line in the extraction


def extract(pdf, page, mode):
    cmd = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page)]
    if mode != "default":
        cmd.append("-" + mode)
    return subprocess.run(cmd + [pdf, "-"], check=True, capture_output=True,
                          text=True).stdout


def column_lines(pdf, page):
    """Text lines of a two-column page in reading order (see the top)."""
    xml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", "-f", str(page),
                          "-l", str(page), pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pg = root.find(".//h:page", ns)
    mid = float(pg.get("width")) / 2.0
    words = []          # (xMin, yMin, xMax, yMax, text)
    for w in pg.iterfind(".//h:word", ns):
        words.append(tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
                     + (w.text or "",))

    def centre(w):
        return (w[1] + w[3]) / 2.0

    def rows(ws):
        """Group words into visual lines by vertical overlap, left to right."""
        out = []
        for w in sorted(ws, key=centre):
            if out and abs(centre(w) - out[-1][0]) < 0.4 * (w[3] - w[1]):
                out[-1][1].append(w)
            else:
                out.append([centre(w), [w]])
        return [(c, " ".join(w[4] for w in sorted(ws_, key=lambda w: w[0])))
                for c, ws_ in out]

    # words across the centre make spanning lines (header, titles, footer);
    # the other words of their rows (the "-" of "- 12 -") belong to them
    span = [w for w in words if w[0] < mid - 1.0 and w[2] > mid + 1.0]
    bands = [(c, max(w[3] - w[1] for w in span if abs(centre(w) - c) < 0.5 * (w[3] - w[1])))
             for c, _t in rows(span)]
    rest = []
    for w in words:
        if w in span:
            continue
        if any(abs(centre(w) - c) < 0.4 * h for c, h in bands):
            span.append(w)
        else:
            rest.append(w)
    left = [w for w in rest if w[2] <= mid + 1.0]
    right = [w for w in rest if w[2] > mid + 1.0]
    cols = rows(left) + rows(right)
    top = min((c for c, _t in cols), default=float("inf"))
    above = [t for c, t in rows(span) if c < top]
    below = [t for c, t in rows(span) if c >= top]
    return above + [t for _c, t in rows(left)] + [t for _c, t in rows(right)] + below


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


def pattern_src(text, loose_hyphens):
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
    return "".join(parts)


def pattern(text, loose_hyphens):
    return re.compile(pattern_src(text, loose_hyphens))


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
    page_lines = []
    for rec in truth["pages"]:
        p = rec["page"]
        if rec.get("columns", 1) == 2:
            lines = [ln for ln in column_lines(pdf, p) if ln.strip()]
        else:
            lines = [ln for ln in extract(pdf, p, mode).replace("\f", "").split("\n")
                     if ln.strip()]
        if rec["n"] not in rec["footer"]:
            problems.append("page %d: n %r not in footer %r" % (p, rec["n"], rec["footer"]))
        if lines and squash(lines[0]) == squash(rec["header"]):
            hdr_ok += 1
            lines = lines[1:]
        else:
            problems.append("page %d: first line %r is not the header %r"
                            % (p, lines[0] if lines else "", rec["header"]))
        if mode == "default" and lines and squash(lines[-1]) != squash(rec["footer"]) \
                and squash(lines[-1]).endswith(squash(rec["footer"])):
            # the default mode removes a line-end hyphen and joins the line to
            # the next one, even when that is the footer: split them again
            body = squash(lines[-1])[:-len(squash(rec["footer"]))]
            lines[-1:] = [body, rec["footer"]]
        if lines and squash(lines[-1]) == squash(rec["footer"]):
            ftr_ok += 1
            lines = lines[:-1]
        else:
            problems.append("page %d: last line %r is not the footer %r"
                            % (p, lines[-1] if lines else "", rec["footer"]))
        page_lines.append(lines)
    bodies = [body_norm(lines) for lines in page_lines]
    two_col = sum(1 for rec in truth["pages"] if rec.get("columns", 1) == 2)
    say("pages: %d in PDF, %d in truth (%d in two columns); header first line on %d, "
        "footer last line on %d" % (n, len(truth["pages"]), two_col, hdr_ok, ftr_ok))

    # footnotes: peel them off the foot of each page, in truth order
    notes = []                      # (note block, referencing paragraph)
    for ch in truth["chapters"]:
        last_p = None
        for b in ch["blocks"]:
            if b["type"] == "p":
                last_p = b
            elif b["type"] == "note":
                notes.append((b, last_p))
            else:
                last_p = None       # a note follows its paragraph (or its siblings)
    ni = 0
    note_ok = 0
    for k, body in enumerate(bodies):
        for c in range(min(8, len(notes) - ni), 0, -1):
            src = "".join(pattern_src(b["text"], loose) for b, _p in notes[ni:ni + c])
            m = re.search("(?:%s)$" % src, body)
            if not m:
                continue
            bodies[k] = body[:m.start()]
            for b, para in notes[ni:ni + c]:
                page = k + 1
                if para is None:
                    problems.append("note %s does not follow a paragraph" % b["n"])
                elif page not in para["pages"]:
                    problems.append("note %s on page %d, its paragraph is on %s"
                                    % (b["n"], page, para["pages"]))
                elif b["n"] not in para["text"] or not b["text"].startswith(b["n"]):
                    problems.append("note %s: marker missing in paragraph or note" % b["n"])
                else:
                    note_ok += 1
            ni += c
            break
    for b, _p in notes[ni:]:
        problems.append("note %s not found at the foot of a page (in order): %s"
                        % (b["n"], b["text"][:50]))

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

    line_starts = [squash(ln) for lines in page_lines for ln in lines]
    counts = {"note": len(notes)}
    pos = 0
    found = 0
    page_ok = 0
    item_ok = 0
    total = 0
    for ch in truth["chapters"]:
        items = [{"type": "title", "text": ch["title"], "first_page": ch["first_page"]}]
        for b in ch["blocks"]:
            if b["type"] == "list":
                counts["list"] = counts.get("list", 0) + 1
                items += [{"type": "item", "text": t} for t in b["items"]]
            elif b["type"] != "note":
                items.append(b)
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
            elif b["type"] == "item":
                head = squash(b["text"])[:8]
                if any(ln.startswith(head) for ln in line_starts):
                    item_ok += 1
                else:
                    problems.append("list item does not start a line: %s" % b["text"][:40])
    say("blocks: " + ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())))
    say("found in order: %d/%d; paragraphs on their truth pages: %d/%d; list items at a "
        "line start: %d/%d; notes at the foot of their page: %d/%d"
        % (found, total, page_ok, counts.get("p", 0), item_ok, counts.get("item", 0),
           note_ok, len(notes)))
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
                    help="pdftotext mode (default: -layout; two-column pages always use "
                         "-bbox-layout)")
    ap.add_argument("--quiet", action="store_true",
                    help="print only the verdict (used for the held-out samples)")
    a = ap.parse_args()
    rc = check(a.truth, a.pdf, a.mode, verbose=not a.quiet)
    if a.quiet:
        print("%s: %s" % (a.truth, "OK" if rc == 0 else "PROBLEMS (run without --quiet)"))
    sys.exit(rc)


if __name__ == "__main__":
    main()
