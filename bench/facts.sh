#!/usr/bin/env bash
# facts.sh: the real-documents benchmark of issue 15. Converts every PDF of ../shared/real with
# recto (default pipeline), `pdftotext` (default mode, UTF-8) and `mutool draw -F txt`, checks
# each output against ../shared/real/facts/<name>.jsonl with ../shared/facts/facts.py, and
# prints the pass rate by fact type side by side, the text facts together (present, absent,
# order, para: all a plain-text extraction can pass; its other facts count as failed), the
# overall figure without table rows, and the wall time of each tool.
#
# Usage: bench/facts.sh [--keep DIR]     (from any directory; --keep leaves the outputs in DIR)
# Environment: BUILD, the meson build directory (default: build; relative to the repository).
# Exit status: 0 whatever the scores are; 2 on bad usage or when a tool or ../shared is missing.
set -u

cd "$(dirname "$0")/.." || exit 2
keep=""
case "${1-}:$#" in
  :0) ;;
  --keep:2) keep=$2 ;;
  *)
    echo "usage: bench/facts.sh [--keep DIR]" >&2
    exit 2
    ;;
esac
build=${BUILD:-build}
recto=$build/core/recto
shared=$(cd .. && pwd)/shared
if [ ! -x "$recto" ]; then
  echo "facts.sh: no $recto (build it: meson setup $build && meson compile -C $build)" >&2
  exit 2
fi
if [ ! -d "$shared/real/facts" ]; then
  echo "facts.sh: no $shared/real/facts (../shared must sit beside the repository)" >&2
  exit 2
fi
for tool in pdftotext mutool python3; do
  if ! command -v $tool >/dev/null; then
    echo "facts.sh: needs $tool (tests/install-deps.sh installs it)" >&2
    exit 2
  fi
done

if [ -n "$keep" ]; then
  work=$keep
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/recto" "$work/pdftotext" "$work/mutool"

# Runs "$@" once per real PDF ({} is the PDF, {out} the output's stem); prints the wall seconds.
run_all() {
  local start end pdf name
  start=$(date +%s.%N)
  for pdf in "$shared"/real/*.pdf; do
    name=$(basename "$pdf" .pdf)
    "$1" "$pdf" "$name" || echo "facts.sh: $1 failed on $name" >&2
  done
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}
by_recto() { "$recto" convert -q --plugin-dir "$build/plugins" "$1" -o "$work/recto/$2.tei.xml"; }
by_pdftotext() { pdftotext -enc UTF-8 "$1" "$work/pdftotext/$2.txt"; }
by_mutool() { mutool draw -q -F txt -o "$work/mutool/$2.txt" "$1" 2>/dev/null; }

t_recto=$(run_all by_recto)
t_pdftotext=$(run_all by_pdftotext)
t_mutool=$(run_all by_mutool)

python3 - "$shared" "$work" "$t_recto" "$t_pdftotext" "$t_mutool" <<'EOF'
import collections, importlib.util, os, sys

shared, work, times = sys.argv[1], sys.argv[2], sys.argv[3:]
spec = importlib.util.spec_from_file_location("facts", os.path.join(shared, "facts", "facts.py"))
facts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(facts)
tools = [("recto", "tei", ".tei.xml"), ("pdftotext", "txt", ".txt"), ("mutool", "txt", ".txt")]
fact_dir = os.path.join(shared, "real", "facts")
totals = {t: collections.defaultdict(lambda: [0, 0, 0]) for t, _, _ in tools}
per_file = collections.defaultdict(dict)
for name in sorted(os.listdir(fact_dir)):
    if not name.endswith(".jsonl"):
        continue
    stem = name[: -len(".jsonl")]
    loaded = facts.load_facts(os.path.join(fact_dir, name))
    for tool, fmt, suffix in tools:
        by = facts.score(loaded, os.path.join(work, tool, stem + suffix), fmt)
        for kind, counts in by.items():
            for slot in range(3):
                totals[tool][kind][slot] += counts[slot]
        per_file[stem][tool] = (sum(c[0] for c in by.values()), sum(sum(c) for c in by.values()))


def rate(tool, kinds):
    passed = sum(totals[tool][k][0] for k in kinds)
    count = sum(sum(totals[tool][k]) for k in kinds)
    return f"{passed:>4}/{count:<4} {passed / max(1, count):6.1%}"


print(f"{'type':<16}" + "".join(f"{t:>18}" for t, _, _ in tools))
for kind in facts.TYPES:
    if any(kind in totals[t] for t, _, _ in tools):
        print(f"{kind:<16}" + "".join(f"{rate(t, [kind]):>18}" for t, _, _ in tools))
text = sorted(facts.TEXT_TYPES)
no_rows = [k for k in facts.TYPES if k != "row"]
print(f"{'text facts':<16}" + "".join(f"{rate(t, text):>18}" for t, _, _ in tools))
print(f"{'all but row':<16}" + "".join(f"{rate(t, no_rows):>18}" for t, _, _ in tools))
print(f"{'all':<16}" + "".join(f"{rate(t, facts.TYPES):>18}" for t, _, _ in tools))
print(f"{'wall seconds':<16}" + "".join(f"{s:>18}" for s in times))
print()
print(f"{'file (all facts)':<60}" + "".join(f"{t:>12}" for t, _, _ in tools))
for stem, got in per_file.items():
    print(f"{stem[:60]:<60}" + "".join(f"{got[t][0]:>8}/{got[t][1]:<3}" for t, _, _ in tools))
EOF
