#!/usr/bin/python3
"""The real PDFs of ../shared/real pass at least as many of their facts as the floor recorded in
tests/real-facts-floor.json (issue 15), and every fact of tests/real-extra-facts.jsonl (defects
found on the rendered page and fixed).

Converts every PDF of ../shared/real with recto (default pipeline), checks each against
../shared/real/facts/<name>.jsonl with ../shared/facts/facts.py, prints the pass rate by fact
type and by file, and fails a file that passes fewer facts than its floor, fails one of its extra facts, or
does not convert. The floor is a ratchet: raise it when recto passes more; lowering it needs a reason in
the commit. Skipped, with a message, when ../shared is not beside the repository.

Run by meson (RECTO_EXE, RECTO_SOURCE_ROOT, RECTO_SHARED_DIR in the environment); prints TAP.
"""

import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile


def load_checker(shared):
    spec = importlib.util.spec_from_file_location("facts", os.path.join(shared, "facts", "facts.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extra_failures(facts, extra, out):
    """The ids of the facts of @extra that @out (a TEI file) fails."""
    if not extra:
        return []
    try:
        doc = facts.Tei(out)
    except (OSError, SyntaxError):
        return [fact["id"] for fact in extra]
    return [fact["id"] for fact in extra if facts.check(fact, doc, True)[0] is not True]


def main():
    shared = os.environ.get("RECTO_SHARED_DIR")
    real = os.path.join(shared, "real") if shared else None
    if not real or not os.path.isdir(os.path.join(real, "facts")):
        print("1..0 # SKIP ../shared/real is not beside the repository: real-document facts not checked")
        return 0
    facts = load_checker(shared)
    with open(os.path.join(os.environ["RECTO_SOURCE_ROOT"], "tests", "real-facts-floor.json")) as f:
        floor = json.load(f)
    extra = collections.defaultdict(list)
    for fact in facts.load_facts(os.path.join(os.environ["RECTO_SOURCE_ROOT"], "tests",
                                              "real-extra-facts.jsonl")):
        extra[fact["pdf"][: -len(".pdf")]].append(fact)
    names = sorted(n[: -len(".pdf")] for n in os.listdir(real) if n.endswith(".pdf"))
    total = collections.defaultdict(lambda: [0, 0, 0])
    print(f"1..{len(names)}")
    failed = 0
    with tempfile.TemporaryDirectory() as work:
        for i, name in enumerate(names, 1):
            out = os.path.join(work, name + ".tei.xml")
            run = subprocess.run([os.environ["RECTO_EXE"], "convert", "--quiet",
                                  os.path.join(real, name + ".pdf"), "-o", out],
                                 stderr=subprocess.PIPE, text=True)
            fact_file = os.path.join(real, "facts", name + ".jsonl")
            by = facts.score(facts.load_facts(fact_file), out, "tei") if os.path.exists(fact_file) else {}
            for kind, counts in by.items():
                for slot in range(3):
                    total[kind][slot] += counts[slot]
            passed = sum(c[0] for c in by.values())
            count = sum(sum(c) for c in by.values())
            least = floor.get(name, 0)
            extra_failed = extra_failures(facts, extra[name], out)
            ok = run.returncode == 0 and passed >= least and not extra_failed
            failed += not ok
            detail = f"exit {run.returncode} {run.stderr.strip()}" if run.returncode else \
                f"{passed}/{count} facts ({passed / max(1, count):.1%}), floor {least}" + \
                (f", extra facts failed: {', '.join(extra_failed)}" if extra_failed else "")
            print(f"{'ok' if ok else 'not ok'} {i} - {name}: {detail}")
    text, passed, count = facts.table(total)
    for line in text.splitlines():
        print("# " + line)
    print(f"# facts passed: {passed}/{count} = {passed / max(1, count):.1%}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
