#!/usr/bin/python3
"""Convert the volumes of ../shared/volumes with recto and score them with their score.py.

    bench/volumes.py --recto BUILD/core/recto --plugin-dir BUILD/plugins --volumes DIR
                     [--variants clean,split-order,...] [--jobs N] [--out DIR]
                     [--floors FILE [--write-floors]]

Prints one row of figures per volume and variant. With --floors, also checks every figure
against the floor recorded for it in FILE (a ceiling for the figures where less is better: CER,
furniture leaks) and exits 1 when one falls short, naming it; --write-floors records the figures
measured now as the floors instead (the ratchet: raise them as recto improves; lowering one needs
a reason in the commit). A volume variant that is not in DIR is left out; a conversion that fails
counts as a figure of 0 everywhere.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

# The figures checked, in the order printed; True where less is better.
FIGURES = [
    ("cer", True),
    ("head_f1", False),
    ("head_f1_fuzzy", False),
    ("wrapped_heads_repaired", False),
    ("run_in_heads_split", False),
    ("para_f1", False),
    ("number_placement", False),
    ("furniture_leak", True),
    ("pb_accuracy", False),
    ("chapter_f1", False),
    ("dehyphenation", False),
    ("hard_hyphens_kept", False),
    ("note_recall", False),
]
SHORT = {
    "cer": "cer", "head_f1": "head", "head_f1_fuzzy": "headfz", "wrapped_heads_repaired": "wrap",
    "run_in_heads_split": "runin", "para_f1": "para", "number_placement": "numbers",
    "furniture_leak": "leak", "pb_accuracy": "pb", "chapter_f1": "chapter",
    "dehyphenation": "dehyph", "hard_hyphens_kept": "hyph-kept", "note_recall": "notes",
}
VARIANTS = ["clean", "split-order", "seedlike", "lost-body-text", "scanned"]
# Slack for float noise when comparing a figure with its floor.
EPSILON = 1e-9


def inputs(volumes, variants):
    """(name, input path, truth path) of every volume variant present, in a stable order."""
    found = []
    for entry in sorted(os.listdir(volumes)):
        if not entry.endswith(".gt.json"):
            continue
        volume = entry[: -len(".gt.json")]
        for variant in variants:
            for suffix in (".pdf", ".txt"):
                path = os.path.join(volumes, "%s-%s%s" % (volume, variant, suffix))
                if os.path.exists(path):
                    found.append(("%s-%s" % (volume, variant), path, os.path.join(volumes, entry)))
    return found


def convert_and_score(args, name, path, truth, out_dir):
    """The score.py figures of recto's conversion of @path, or None when it failed."""
    out = os.path.join(out_dir, name + ".tei.xml")
    command = [args.recto, "convert", "-q", path, "-o", out]
    if args.plugin_dir:
        command[2:2] = ["--plugin-dir", args.plugin_dir]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write("%s: recto failed (%d): %s\n" % (name, result.returncode, result.stderr))
        return None
    scorer = os.path.join(args.volumes, "score.py")
    result = subprocess.run([sys.executable, scorer, "--gt", truth, "--out", out, "--format", "tei"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write("%s: score.py failed: %s\n" % (name, result.stderr))
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def check(name, figures, floors):
    """The figures of @name that fall short of their floors, as text."""
    failures = []
    for key, lower_is_better in FIGURES:
        floor = floors.get(name, {}).get(key)
        if floor is None:
            continue
        value = figures.get(key) if figures else None
        if value is None:
            failures.append("%s %s: none (floor %s)" % (name, key, floor))
        elif (value > floor + EPSILON) if lower_is_better else (value < floor - EPSILON):
            failures.append("%s %s: %s (%s %s)" % (name, key, value,
                                                   "ceiling" if lower_is_better else "floor", floor))
    return failures


def cell(value):
    if value is None:
        return "—"
    if isinstance(value, float):
        return "%.4f" % value
    return str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recto", required=True)
    parser.add_argument("--plugin-dir")
    parser.add_argument("--volumes", required=True)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", help="keep the TEI files here (default: a temporary directory)")
    parser.add_argument("--floors")
    parser.add_argument("--write-floors", action="store_true")
    args = parser.parse_args()

    todo = inputs(args.volumes, args.variants.split(","))
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = args.out or scratch
        os.makedirs(out_dir, exist_ok=True)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(convert_and_score, args, name, path, truth, out_dir)
                       for name, path, truth in todo]
            results = [(name, future.result()) for (name, _, _), future in zip(todo, futures)]

    width = max([len(name) for name, _ in results] + [6])
    print("%-*s  %s" % (width, "volume", "  ".join("%9s" % SHORT[k] for k, _ in FIGURES)))
    for name, figures in results:
        print("%-*s  %s" % (width, name, "  ".join(
            "%9s" % cell(figures.get(key) if figures else None) for key, _ in FIGURES)))

    if not args.floors:
        return 0
    if args.write_floors:
        floors = {name: {key: figures[key] for key, _ in FIGURES if figures.get(key) is not None}
                  for name, figures in results if figures}
        with open(args.floors, "w", encoding="utf-8") as file:
            json.dump(floors, file, indent=1, sort_keys=True)
            file.write("\n")
        print("floors written to %s" % args.floors)
        return 0
    with open(args.floors, encoding="utf-8") as file:
        floors = json.load(file)
    failures = [f for name, figures in results for f in check(name, figures, floors)]
    missing = sorted(set(floors) - {name for name, _ in results})
    failures += ["%s: recorded in the floors but not converted" % name for name in missing]
    for failure in failures:
        print("BELOW FLOOR " + failure)
    print("%d volume variants, %d figures below their floors" % (len(results), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
