#!/bin/bash
# slurm-array.sh: converts one share of an archive of report volumes as one task of a Slurm job
# array. Submit N tasks; each converts the files whose share (recto convert --shard) is its own:
#
#   sbatch --array=0-15 examples/batch/slurm-array.sh ARCHIVE OUT
#
# The shares are stable (a hash of each file's path below ARCHIVE), so a task that is run again
# converts the same files, and --skip-existing makes that a resume. Each task writes its own
# JSON Lines report, OUT/report-K-of-N.jsonl.
#SBATCH --job-name=recto
#SBATCH --cpus-per-task=2
#SBATCH --time=04:00:00
set -euo pipefail
archive=$1
out=$2
task=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0} + 1))
tasks=${SLURM_ARRAY_TASK_COUNT:?run this as a Slurm job array (sbatch --array=…)}
mkdir -p "$out"
# Exit code 9 (some files failed) is the report's business, not a failed task.
recto convert -q --skip-existing --shard "$task/$tasks" -j "${SLURM_CPUS_PER_TASK:-1}" \
  --threads 1 "$archive" -o "$out" --report "$out/report-$task-of-$tasks.jsonl" || [ $? -eq 9 ]
