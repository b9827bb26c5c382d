#!/usr/bin/python3
"""What the tables stage costs on volumes without tables, beside pdftotext.

Usage:
    tables-cost.py [--build DIR] [--runs N] [PDF...]

For each PDF (default: samples/zh-volume.pdf and samples/en-report.pdf, which hold no table)
runs, N times each (default 5), in turn: pdftotext; recto with the default pipeline; recto with
the same pipeline without the tables stage. Prints the median wall and CPU time (user + sys) of
each and the cost of the stage: (with - without) / without. Also counts the <table> elements
recto made (a table-free volume should get none). A benchmark, not a test.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def pipelines(recto, plugins):
    """The default pipeline with and without tables (recover-text only where it was built)."""
    has_ocr = subprocess.run([recto, "inspect", "--plugin-dir", plugins, "recover-text"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    stages = (["recover-text"] if has_ocr else []) + [
        "reading-order", "furniture", "tables", "footnotes", "paragraphs", "headings",
        "captions-lists", "fragments", "chapters"]
    without = [s for s in stages if s != "tables"]
    return (" ! ".join(["pdf-source"] + stages + ["tei-sink"]),
            " ! ".join(["pdf-source"] + without + ["tei-sink"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("pdfs", nargs="*")
    args = ap.parse_args()
    pdfs = args.pdfs or [os.path.join(ROOT, "samples", n) for n in ("zh-volume.pdf", "en-report.pdf")]
    recto = os.path.join(args.build, "core", "recto")
    plugins = os.path.join(args.build, "plugins")
    with_tables, without_tables = pipelines(recto, plugins)
    work = tempfile.mkdtemp(prefix="recto-tables-cost-")
    print(f"{'volume':<28} {'tool':<22} {'wall s':>8} {'cpu s':>8}")
    for pdf in pdfs:
        out = os.path.join(work, "out.tei.xml")
        tools = {
            "pdftotext": ["pdftotext", pdf, os.path.join(work, "out.txt")],
            "recto": [recto, "convert", "-q", "--plugin-dir", plugins, "--pipeline", with_tables,
                      pdf, "-o", out],
            "recto without tables": [recto, "convert", "-q", "--plugin-dir", plugins,
                                     "--pipeline", without_tables, pdf, "-o", out],
        }
        times = {name: [] for name in tools}
        for _ in range(args.runs):
            for name, cmd in tools.items():   # interleaved, so that load changes hit all alike
                times[name].append(run(cmd))
        medians = {}
        for name in tools:
            wall = statistics.median(t[0] for t in times[name])
            cpu = statistics.median(t[1] for t in times[name])
            medians[name] = (wall, cpu)
            print(f"{os.path.basename(pdf):<28} {name:<22} {wall:>8.3f} {cpu:>8.3f}")
        subprocess.run(tools["recto"], check=True)
        with open(out, encoding="utf-8") as f:
            n_tables = f.read().count("<table")
        w, c = medians["recto"], medians["recto without tables"]
        print(f"{'':<28} tables stage cost: wall {100 * (w[0] - c[0]) / c[0]:+.1f} %, "
              f"cpu {100 * (w[1] - c[1]) / c[1]:+.1f} %; tables made: {n_tables}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
