#!/usr/bin/python3
"""Print bench/layout.sh's side-by-side table and recto's PASS/FAIL against issue 3's targets.

Usage: report.py MANIFEST.tsv

Each manifest line is: sample name, recto's score.py --json file, pdftotext's score.py
--plain --json file (either empty when that tool failed), recto's and pdftotext's wall
time in seconds.
"""

import json
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import score  # noqa: E402  (bench/, the script's own directory)

# Issue 3's targets for recto: (metric key, how the target reads, test of the metric).
TARGETS = [
    ("cer", "CER ≤ 0.2 %", lambda m: m["value"] <= 0.002),
    ("heading_f1", "heading F1 ≥ 0.99", lambda m: m["value"] >= 0.99),
    ("paragraph_f1", "paragraph F1 ≥ 0.97", lambda m: m["value"] >= 0.97),
    ("number_placement", "number placement ≥ 99.5 %", lambda m: m["value"] >= 0.995),
    ("furniture_leaks", "furniture leaks = 0", lambda m: m["value"] == 0),
    ("pb_accuracy", "pb accuracy = 100 %", lambda m: m["value"] == 1),
    ("pb_count", "pb count = pages", lambda m: m["value"] == m["expected"]),
    ("chapter_f1", "chapter F1 = 1", lambda m: m["value"] == 1),
]
NOT_APPLICABLE = "—"


def load_metrics(path):
    """The metrics of a score.py --json file, or None when there is none."""
    if not path:
        return None
    with open(path, encoding="utf-8") as file:
        return json.load(file)["metrics"]


def read_manifest(path):
    """Yield (name, recto metrics, pdftotext metrics, recto seconds, pdftotext seconds)."""
    with open(path, encoding="utf-8") as file:
        for line in file:
            name, recto, plain, recto_time, plain_time = line.rstrip("\n").split("\t")
            yield (name, load_metrics(recto), load_metrics(plain),
                   float(recto_time), float(plain_time))


def cell(key, metrics):
    if metrics is None:
        return "failed"
    if key not in metrics:
        return NOT_APPLICABLE
    return score.format_value(key, metrics[key])


def sample_rows(name, recto, plain, recto_time, plain_time):
    """The table rows of one sample: every metric either tool has, then the times."""
    present = set(recto or {}) | set(plain or {})
    keys = [key for key in score.LABELS if key in present]
    rows = [(name if i == 0 else "", score.LABELS[key], cell(key, recto), cell(key, plain))
            for i, key in enumerate(keys)]
    ratio = f"{recto_time / plain_time:.1f}×" if plain_time > 0 else NOT_APPLICABLE
    rows.append(("" if rows else name, "wall time", f"{recto_time:.3f} s", f"{plain_time:.3f} s"))
    rows.append(("", "time ratio", ratio, NOT_APPLICABLE))
    return rows


def verdict(recto):
    """PASS or FAIL of recto's metrics against TARGETS, with what failed."""
    if recto is None:
        return "FAIL", "recto failed"
    missed = [f"{score.LABELS[key]} {score.format_value(key, recto[key])}"
              for key, _, meets in TARGETS if key in recto and not meets(recto[key])]
    return ("FAIL", ", ".join(missed)) if missed else ("PASS", "")


def main(argv):
    if len(argv) != 1:
        print("usage: report.py MANIFEST.tsv", file=sys.stderr)
        return 2
    samples = list(read_manifest(argv[0]))
    if not samples:
        print("no samples (samples/*.truth.json, samples/*/*.truth.json)")
        return 0
    rows = [("sample", "metric", "recto", "pdftotext")]
    for sample in samples:
        rows += sample_rows(*sample)
    print("\n".join(score.table(rows)))
    print()
    print("targets (issue 3): " + ", ".join(text for _, text, _ in TARGETS))
    print("\n".join(score.table([(name, *verdict(recto)) for name, recto, *_ in samples])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
