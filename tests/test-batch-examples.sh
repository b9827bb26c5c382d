#!/bin/bash
# test-batch-examples.sh: the README's two ways of splitting an archive over machines work as
# written: GNU parallel, and a Slurm job array (examples/batch/slurm-array.sh, run here task by
# task with the variables Slurm sets). Prints TAP; skips GNU parallel when it is missing.
set -u
root=$RECTO_SOURCE_ROOT
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$RECTO_EXE"):$PATH"
. "$root/tests/tap.sh"

archive=$work/archive
mkdir -p "$archive/a" "$archive/b"
cp "$root/samples/en-report.pdf" "$archive/a/one.pdf"
cp "$root/samples/en-report-sans.pdf" "$archive/a/two.pdf"
cp "$root/samples/zh-volume.pdf" "$archive/b/three.pdf"
cp "$root/samples/en-report-shuffled.pdf" "$archive/b/four.pdf"

if command -v parallel >/dev/null; then
  mkdir "$work/out-parallel"
  (cd "$work" && find archive -name '*.pdf' |
    parallel -j 4 recto convert -q {} -o out-parallel/ --report out-parallel/{/.}.jsonl)
  check "GNU parallel: the README's command exits 0" test $? -eq 0
  check "GNU parallel: every volume converted" \
    test "$(ls "$work"/out-parallel/*.tei.xml | wc -l)" -eq 4
  check "GNU parallel: one report line per volume, all ok" \
    test "$(cat "$work"/out-parallel/*.jsonl | grep -c '"status":"ok"')" -eq 4
else
  echo "ok $((n += 1)) # SKIP GNU parallel is not installed (Debian: parallel)"
fi

# Three array tasks, as `sbatch --array=0-2` would run them.
for task in 0 1 2; do
  SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 \
    bash "$root/examples/batch/slurm-array.sh" "$archive" "$work/out-slurm"
  check "Slurm task $task succeeds" test $? -eq 0
done
check "Slurm: the tasks converted every volume once, in the archive's folders" sh -c \
  'test "$(cd "$1" && find . -name "*.tei.xml" | sort | tr "\n" " ")" = "./a/one.tei.xml ./a/two.tei.xml ./b/four.tei.xml ./b/three.tei.xml "' \
  - "$work/out-slurm"
check "Slurm: each task wrote its report, four lines in all" \
  test "$(cat "$work"/out-slurm/report-*-of-3.jsonl | wc -l)" -eq 4
# Run again, the task with the most files converts none of them a second time.
busiest=$(wc -l "$work"/out-slurm/report-*-of-3.jsonl | sort -n | sed -n 3p | sed 's/.*report-\([0-9]\)-of-3.*/\1/')
lines=$(wc -l <"$work/out-slurm/report-$busiest-of-3.jsonl")
SLURM_ARRAY_TASK_ID=$((busiest - 1)) SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 \
  bash "$root/examples/batch/slurm-array.sh" "$archive" "$work/out-slurm"
check "Slurm: a task run again skips all $lines files it converted" \
  test "$(grep -c '"status":"skipped"' "$work/out-slurm/report-$busiest-of-3.jsonl")" -eq "$lines"
tap_end
