#!/usr/bin/python3
"""Self-test of bench/score.py: shows that each metric can fail, and by how much.

Writes a small synthetic recto-truth/1 file and TEI files to a temporary
directory: a perfect TEI, which must score CER 0 and F1 1 everywhere, and TEI
files each with one known defect (dropped heading, heading at the wrong depth,
split paragraph, moved number, leaked footer, wrong or missing pb), which must
score exactly the expected lower values. Also checks plain-text scoring, exit
status 2 on bad input, and the edit distance against a plain dynamic program.

Usage: selftest.py    prints one line per check, then "N passed, M failed";
                      exits 1 when a check failed.
"""

import copy
import json
import os
import random
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import score  # noqa: E402  (found through BENCH)

SCORE = os.path.join(BENCH, "score.py")

TRUTH = {
    "schema": "recto-truth/1",
    "source": "synthetic.pdf",
    "language": "en",
    "generator": {"seed": 0, "cjk_font": None, "latin_font": "Liberation Serif",
                  "latin_last": False},
    "pages": [
        {"page": 1, "n": "1", "header": "Test Volume", "footer": "- 1 -"},
        {"page": 2, "n": "2", "header": "Test Volume", "footer": "- 2 -"},
    ],
    "chapters": [
        {"title": "First Chapter", "first_page": 1, "blocks": [
            {"type": "head", "level": 1, "text": "1 Intro"},
            {"type": "p", "text": "Water use rose by 12% in 2020.", "pages": [1]},
            {"type": "head", "level": 2, "text": "1.1 Scope"},
            {"type": "p", "text": "The review covered 30 sites and 4 regions.", "pages": [1, 2]},
            {"type": "caption", "text": "Figure 1: Sites"},
            {"type": "list", "items": ["first item", "second item"]},
            {"type": "note", "n": "1", "text": "A footnote."},
        ]},
        {"title": "Second Chapter", "first_page": 2, "blocks": [
            {"type": "head", "level": 1, "text": "2 Findings"},
            {"type": "p", "text": "Costs fell to EUR 5.5 million.", "pages": [2]},
        ]},
    ],
}

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Test Volume</title></titleStmt></fileDesc></teiHeader>
  <text>
    <body>
      <div type="chapter">
        <pb n="1" facs="#page1"/>
        <fw type="header">Test Volume</fw>
        <fw type="pageNum">- 1 -</fw>
        <head>First Chapter</head>
        <div type="section">
          <head n="1">1 Intro</head>
          <p>Water use rose by 12% in 2020.</p>
          <div type="section">
            <head n="1.1">1.1 Scope</head>
            <p>The review cov<lb break="no" rend="-"/>ered 30<lb/>sites<note place="bottom" n="1">A footnote.</note> and 4 <pb n="2" facs="#page2"/><fw type="header">Test Volume</fw><fw type="pageNum">- 2 -</fw>regions.</p>
            <figure>
              <head>Figure 1: Sites</head>
            </figure>
            <list>
              <item>first item</item>
              <item>second item</item>
            </list>
          </div>
        </div>
      </div>
      <div type="chapter">
        <head>Second Chapter</head>
        <div type="section">
          <head n="2">2 Findings</head>
          <p>Costs fell to EUR 5.5 million.</p>
        </div>
      </div>
    </body>
  </text>
</TEI>
"""

PLAIN = ("Test Volume\n\nFirst Chapter\n\n1 Intro\n\nWater use rose by 12% in 2020.\n\n"
         "1.1 Scope\n\nThe review covered 30 sites and 4\n\n- 1 -\n\f"
         "Test Volume\n\nregions.\n\nFigure 1: Sites\n\nfirst item\nsecond item\n\n"
         "Second Chapter\n\n2 Findings\n\nCosts fell to EUR 5.5 million.\n\n- 2 -\n\f")

TRUTH_LENGTH = len(score.squeeze(
    "First Chapter 1 Intro Water use rose by 12% in 2020. 1.1 Scope The review covered 30 sites "
    "and 4 regions. Figure 1: Sites first item second item Second Chapter 2 Findings "
    "Costs fell to EUR 5.5 million."))
TRIPLES = 11  # digit runs in the truth body: 1, 12, 2020, 1, 1, 30, 4, 1, 2, 5, 5


def edit(text, old, new):
    """text with its one occurrence of old replaced by new."""
    assert text.count(old) == 1, f"selftest fixture: {old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def reference_distance(a, b):
    """Levenshtein distance by the textbook dynamic program."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


class SelfTest:
    """Runs score.py on files in a temporary directory and counts the checks."""

    def __init__(self, directory):
        self.directory = directory
        self.passed = self.failed = 0

    def write(self, name, content):
        path = os.path.join(self.directory, name)
        with open(path, "w", encoding="utf-8") as file:
            if isinstance(content, str):
                file.write(content)
            else:
                json.dump(content, file, ensure_ascii=False)
        return path

    def run(self, *args):
        """Run score.py; returns (exit status, stdout, stderr)."""
        result = subprocess.run([sys.executable, SCORE, *args], capture_output=True, text=True)
        return result.returncode, result.stdout, result.stderr

    def check(self, name, ok, detail=""):
        self.passed += bool(ok)
        self.failed += not ok
        print(f"{'ok' if ok else 'not ok'} - {name}" + ("" if ok else f": {detail}"))

    def metrics(self, truth, candidate, plain=False):
        """score.py --json's metrics, as {key: value} (pb_count as "found/expected")."""
        args = [self.write("truth.json", truth), self.write("candidate", candidate), "--json"]
        status, out, err = self.run(*args, *(["--plain"] if plain else []))
        if status != 0:
            return {"exit": status, "stderr": err.strip()}
        metrics = json.loads(out)["metrics"]
        values = {key: metric["value"] for key, metric in metrics.items()}
        if "pb_count" in metrics:
            values["pb_count"] = f"{metrics['pb_count']['value']}/{metrics['pb_count']['expected']}"
        return values

    def expect(self, name, truth, candidate, expected, plain=False):
        """Check that the given metrics have the expected values (floats to 1e-9)."""
        values = self.metrics(truth, candidate, plain)
        wrong = {key: values.get(key) for key, value in expected.items()
                 if not same(values.get(key), value)}
        self.check(name, not wrong, f"got {wrong}, expected "
                   f"{ {key: expected[key] for key in wrong} }")
        return values


def same(got, expected):
    if isinstance(expected, float) and isinstance(got, (int, float)):
        return abs(got - expected) < 1e-9
    return got == expected


PERFECT = {"cer": 0.0, "heading_f1": 1.0, "heading_level": 1.0, "paragraph_f1": 1.0,
           "number_placement": 1.0, "furniture_leaks": 0, "pb_count": "2/2",
           "pb_accuracy": 1.0, "chapter_f1": 1.0, "footnote_f1": 1.0, "caption_f1": 1.0,
           "list_item_f1": 1.0}


def tei_checks(test):
    """The perfect TEI, then one defect at a time."""
    test.expect("perfect TEI scores CER 0, F1 1, no leaks, pb 100 %", TRUTH, TEI, PERFECT)
    test.expect("dropped heading: heading F1 2*2/(3+2), CER 8/L", TRUTH,
                edit(TEI, '<head n="1.1">1.1 Scope</head>', ""),
                {"heading_f1": 0.8, "heading_level": 1.0, "chapter_f1": 1.0,
                 "cer": 8 / TRUTH_LENGTH})
    test.expect("heading one div too deep: level accuracy 2/3, heading F1 1", TRUTH,
                edit(edit(TEI, '<div type="section">\n          <head n="2">',
                          '<div type="section"><div type="section">\n          <head n="2">'),
                     "</p>\n        </div>\n      </div>\n    </body>",
                     "</p>\n        </div></div>\n      </div>\n    </body>"),
                {"heading_f1": 1.0, "heading_level": 2 / 3, "cer": 0.0})
    test.expect("split paragraph: paragraph F1 2*2/(3+4), CER 0", TRUTH,
                edit(TEI, "rose by 12%", "rose by</p>\n          <p>12%"),
                {"paragraph_f1": 4 / 7, "cer": 0.0})
    moved = edit(TEI, "EUR 5.5 million.", "EUR million 5.5.")
    test.expect("moved number: placement 9/11, CER by edit distance", TRUTH, moved,
                {"number_placement": (TRIPLES - 2) / TRIPLES, "paragraph_f1": 2 / 3,
                 "cer": reference_distance("EUR5.5million.", "EURmillion5.5.") / TRUTH_LENGTH})
    test.expect("leaked footer: 1 leak, CER 3/L, placement 10/11", TRUTH,
                edit(TEI, '<fw type="pageNum">- 2 -</fw>', "- 2 -"),
                {"furniture_leaks": 1, "cer": 3 / TRUTH_LENGTH,
                 "number_placement": (TRIPLES - 1) / TRIPLES})
    test.expect("leaked header on both pages: 2 leaks", TRUTH,
                TEI.replace('<fw type="header">Test Volume</fw>', "Test Volume"),
                {"furniture_leaks": 2})
    test.expect("wrong pb n: pb accuracy 1/2, pb count 2/2", TRUTH,
                edit(TEI, '<pb n="2"', '<pb n="3"'), {"pb_accuracy": 0.5, "pb_count": "2/2"})
    test.expect("missing pb: pb accuracy 1/2, pb count 1/2", TRUTH,
                edit(TEI, '<pb n="2" facs="#page2"/>', ""), {"pb_accuracy": 0.5, "pb_count": "1/2"})
    test.expect("chapter title as a plain heading: chapter F1 2*1/(2+1)", TRUTH,
                edit(TEI, '<div type="chapter">\n        <head>Second',
                     '<div type="section">\n        <head>Second'),
                {"chapter_f1": 2 / 3, "heading_f1": 6 / 7})
    test.expect("second head of a chapter div is a heading (level 0), not a title", TRUTH,
                edit(edit(TEI, '<div type="section">\n          <head n="2">', '<head n="2">'),
                     "</p>\n        </div>\n      </div>\n    </body>",
                     "</p>\n      </div>\n    </body>"),
                {"chapter_f1": 1.0, "heading_f1": 1.0, "heading_level": 2 / 3})
    test.expect("text in a figure: body text, but no paragraph", TRUTH,
                edit(TEI, "<head>Figure 1: Sites</head>", "<head>Figure 1: Sites</head><p>A B</p>"),
                {"paragraph_f1": 1.0, "cer": 2 / TRUTH_LENGTH})
    test.expect("lost footnote, caption and list item: their F1 drop", TRUTH,
                edit(edit(edit(TEI, '<note place="bottom" n="1">A footnote.</note>', ""),
                          "<head>Figure 1: Sites</head>", "<head>Figure 1</head>"),
                     "<item>second item</item>", ""),
                {"footnote_f1": 0.0, "caption_f1": 0.0, "list_item_f1": 2 / 3})


def bare_number_checks(test):
    """Footers that are bare page numbers count as leaks only as lines of their own."""
    truth = copy.deepcopy(TRUTH)
    for page in truth["pages"]:
        page["footer"] = page["n"]
    tei = edit(edit(TEI, ">- 1 -<", ">1<"), ">- 2 -<", ">2<")
    test.expect("bare page numbers in running text are no leaks", truth,
                edit(tei, "in 2020.", "in 2021."), {"furniture_leaks": 0})
    test.expect("bare page number on a line of its own: 1 leak", truth,
                edit(tei, '<fw type="pageNum">1</fw>', "1"), {"furniture_leaks": 1})
    test.expect("bare page number at the very end of the body: 1 leak", truth,
                edit(tei, "</div>\n    </body>", "</div>\n2</body>"), {"furniture_leaks": 1})
    test.expect("plain text: bare page-number lines leak", truth,
                PLAIN.replace("- 1 -", "1").replace("- 2 -", "2"),
                {"furniture_leaks": 4}, plain=True)


def other_checks(test):
    """Plain text, zh normalisation, bad input, and the edit distance itself."""
    values = test.expect("plain text: furniture leaks and CER count against it", TRUTH, PLAIN,
                         {"furniture_leaks": 4, "number_placement": (TRIPLES - 1) / TRIPLES,
                          "cer": len("TestVolume-1-TestVolume-2-") / TRUTH_LENGTH}, plain=True)
    test.check("plain text: only CER, number placement and leaks",
               sorted(values) == ["cer", "furniture_leaks", "number_placement"], str(values))
    spaced = edit(TEI, ">1 Intro<", ">1  Intro <")
    test.expect("en: runs of white space collapse", TRUTH, spaced, {"heading_f1": 1.0})
    test.expect("en: white space inside a word matters", TRUTH,
                edit(TEI, ">1 Intro<", ">1Intro<"), {"heading_f1": 2 / 3})
    test.expect("zh: all white space is ignored", dict(TRUTH, language="zh"),
                edit(TEI, ">1 Intro<", ">1Intro<"), {"heading_f1": 1.0})

    status, _, err = test.run(test.write("truth.json", TRUTH))
    test.check("missing argument: exit 2 with one line", status == 2 and err.count("\n") == 1,
               f"exit {status}, stderr {err!r}")
    for name, truth, candidate in [
            ("unreadable TEI", TRUTH, "<TEI><text><body>"),
            ("TEI without text/body", TRUTH, "<TEI/>"),
            ("truth of another schema", dict(TRUTH, schema="other/1"), TEI),
            ("truth that is not JSON", "{", TEI)]:
        status, _, err = test.run(test.write("truth.json", truth),
                                  test.write("candidate", candidate))
        test.check(f"{name}: exit 2 with one line", status == 2 and err.count("\n") == 1,
                   f"exit {status}, stderr {err!r}")

    rng = random.Random(3)
    pairs = [("".join(rng.choice("ab数5 ") for _ in range(rng.randint(0, 70))),
              "".join(rng.choice("ab数5 ") for _ in range(rng.randint(0, 140))))
             for _ in range(300)]
    wrong = [(a, b) for a, b in pairs if score.levenshtein(a, b) != reference_distance(a, b)]
    test.check("edit distance equals the dynamic program on 300 random pairs", not wrong,
               f"first mismatch {wrong[:1]}")


def main():
    with tempfile.TemporaryDirectory(prefix="recto-bench-selftest-") as directory:
        test = SelfTest(directory)
        tei_checks(test)
        bare_number_checks(test)
        other_checks(test)
    print(f"{test.passed} passed, {test.failed} failed")
    return 1 if test.failed else 0


if __name__ == "__main__":
    sys.exit(main())
