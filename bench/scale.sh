#!/usr/bin/env bash
# scale.sh: how fast recto converts, beside pdftotext and `mutool draw -F txt`, measured in one
# run on this machine. Prints three tables:
#
#   1. one large volume (>= 400 pages): wall time, CPU time (user + sys) and peak RSS of
#      `recto convert` (default pipeline) and of the two text extractors, with recto's ratios to
#      pdftotext;
#   2. recto's time per page at 40, 200 and 400 pages (linear growth keeps it flat);
#   3. a batch of 60 small volumes: `recto convert -j 1` against `-j 2` (throughput ratio).
#
#   bench/scale.sh [--build DIR] [--runs N] [--work DIR]
#
# Volumes come from the sample generator (samples/generate.py, Debian's /usr/bin/python3) and are
# kept in the work folder (default /tmp/recto-bench) for later runs: the large volume is 14
# generated Chinese volumes merged with `mutool merge`, as a compilation of reports is; the
# shorter ones are its first 40 and 200 pages; the batch is 30 Chinese and 30 English volumes.
# Each figure is the median of --runs runs (default 3). Needs pdftotext (poppler-utils), mutool
# (mupdf-tools) and GNU time (/usr/bin/time, package time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
runs=3
work=/tmp/recto-bench
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: bench/scale.sh [--build DIR] [--runs N] [--work DIR]" >&2; exit 2 ;;
  esac
done
recto=$build/core/recto
plugins=$build/plugins
for tool in pdftotext mutool /usr/bin/time /usr/bin/python3 "$recto"; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool is missing" >&2; exit 2; }
done
mkdir -p "$work/volumes" "$work/batch"

generate() { # generate KIND SEED OUT
  [ -s "$3" ] || /usr/bin/python3 "$root/samples/generate.py" --kind "$1" --seed "$2" --out "$3" \
    >/dev/null 2>&1
}

echo "Preparing volumes in $work (kept for later runs)…" >&2
for seed in $(seq 101 114); do generate zh "$seed" "$work/volumes/zh-$seed.pdf"; done
large=$work/large.pdf
[ -s "$large" ] || mutool merge -o "$large" "$work"/volumes/zh-1??.pdf 2>/dev/null
large_pages=$(pdfinfo "$large" | awk '/^Pages:/ { print $2 }')
for pages in 40 200 400; do
  [ -s "$work/first-$pages.pdf" ] || mutool merge -o "$work/first-$pages.pdf" "$large" "1-$pages" 2>/dev/null
done
for i in $(seq 1 30); do
  generate zh $((200 + i)) "$work/batch/zh-$i.pdf"
  generate en $((300 + i)) "$work/batch/en-$i.pdf"
done
batch_pages=0
for f in "$work"/batch/*.pdf; do
  batch_pages=$((batch_pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')))
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD…: runs CMD --runs times; prints the median "wall cpu rss_kb".
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" >/dev/null 2>&1 || {
      echo "scale.sh: failed: $*" >&2; exit 1; }
    awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$out/time"
  done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# recto convert with the default pipeline, into the scratch folder (then the input).
recto_convert=("$recto" convert --plugin-dir "$plugins" -q -o "$out/out.tei.xml")

echo
echo "1. One volume of $large_pages pages ($(nproc) processors; median of $runs runs)"
printf '%-22s %9s %9s %10s   %s\n' tool "wall s" "CPU s" "RSS MB" "ratio to pdftotext (wall, CPU, RSS)"
read -r pt_wall pt_cpu pt_rss < <(measure pdftotext "$large" "$out/out.txt")
read -r mu_wall mu_cpu mu_rss < <(measure mutool draw -F txt -o "$out/out.txt" "$large")
read -r re_wall re_cpu re_rss < <(measure "${recto_convert[@]}" "$large")
row() { # row NAME WALL CPU RSS
  printf '%-22s %9.3f %9.3f %10.1f   %s × %s × %s\n' "$1" "$2" "$3" "$(ratio "$4" 1024)" \
    "$(ratio "$2" "$pt_wall")" "$(ratio "$3" "$pt_cpu")" "$(ratio "$4" "$pt_rss")"
}
row pdftotext "$pt_wall" "$pt_cpu" "$pt_rss"
row "mutool draw -F txt" "$mu_wall" "$mu_cpu" "$mu_rss"
row "recto convert" "$re_wall" "$re_cpu" "$re_rss"
read -r r1_wall r1_cpu r1_rss < <(measure "${recto_convert[@]}" --threads 1 "$large")
row "recto --threads 1" "$r1_wall" "$r1_cpu" "$r1_rss"

echo
echo "2. recto's time per page as the volume grows (default threads)"
echo "   process: the whole command, including ~45 ms of loading Poppler and the stages;"
echo "   conversion: the seconds the batch report gives for the file (stages loaded once)"
printf '%-8s %12s %14s %12s %16s %12s\n' pages "process s" "process ms/p" "vs 40 p" "conversion ms/p" "vs 40 p"
process_base=""
convert_base=""
for pages in 40 200 400; do
  volume=$work/first-$pages.pdf
  read -r wall _ _ < <(measure "${recto_convert[@]}" "$volume")
  for _ in $(seq "$runs"); do
    "$recto" convert --plugin-dir "$plugins" -q "$volume" -o "$out/report-run.tei.xml" \
      --report "$out/report.jsonl"
    sed 's/.*"seconds":\([0-9.e-]*\).*/\1/' "$out/report.jsonl"
  done | sort -n >"$out/seconds"
  seconds=$(awk -v n="$runs" 'NR == int((n + 1) / 2)' "$out/seconds")
  process_ms=$(awk -v w="$wall" -v p="$pages" 'BEGIN { printf "%.3f", w * 1000 / p }')
  convert_ms=$(awk -v w="$seconds" -v p="$pages" 'BEGIN { printf "%.3f", w * 1000 / p }')
  process_base=${process_base:-$process_ms}
  convert_base=${convert_base:-$convert_ms}
  printf '%-8s %12.3f %14.3f %11s× %16.3f %11s×\n' "$pages" "$wall" "$process_ms" \
    "$(ratio "$process_ms" "$process_base")" "$convert_ms" "$(ratio "$convert_ms" "$convert_base")"
done

echo
echo "3. A batch of 60 volumes ($batch_pages pages): recto convert DIR -o OUT"
printf '%-26s %9s %10s %10s\n' run "wall s" "files/s" "pages/s"
mkdir "$out/batch"
declare -A batch_wall
for options in "-j 1 --threads 1" "-j 2 --threads 1" "-j 1" "-j 2"; do
  # shellcheck disable=SC2086 # the options are words
  read -r wall _ _ < <(measure "$recto" convert --plugin-dir "$plugins" -q $options "$work/batch" -o "$out/batch")
  batch_wall[$options]=$wall
  printf '%-26s %9.3f %10.2f %10.1f\n' "$options" "$wall" \
    "$(ratio 60 "$wall")" "$(ratio "$batch_pages" "$wall")"
done
echo "throughput -j 2 / -j 1, one thread per file:      $(ratio "${batch_wall[-j 1 --threads 1]}" "${batch_wall[-j 2 --threads 1]}")×"
echo "throughput -j 2 / -j 1, default threads per file: $(ratio "${batch_wall[-j 1]}" "${batch_wall[-j 2]}")×"
