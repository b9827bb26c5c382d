#!/usr/bin/env bash
# review.sh: how long `recto review` takes beside `recto convert` and pdftotext, measured in one
# run on this machine, on the 418-page volume bench/scale.sh makes (14 generated Chinese volumes
# merged with `mutool merge`, kept in the work folder) and on samples/zh-volume.pdf:
#
#   bench/review.sh [--build DIR] [--runs N] [--work DIR] [--dpi DPI]
#
# For each volume: wall and CPU seconds of pdftotext, of recto convert, of recto review --tei
# (reading the TEI and drawing the pages), and of recto review (converting, then all that),
# with review's ratio to convert. Each figure is the median of --runs runs (default 3). Needs
# pdftotext and pdfinfo (poppler-utils), mutool (mupdf-tools), GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
runs=3
work=/tmp/recto-bench
dpi=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --dpi) dpi="--dpi $2"; shift 2 ;;
    *) echo "usage: bench/review.sh [--build DIR] [--runs N] [--work DIR] [--dpi DPI]" >&2; exit 2 ;;
  esac
done
recto=$build/core/recto
plugins=$build/plugins
for tool in pdftotext pdfinfo mutool /usr/bin/time /usr/bin/python3 "$recto"; do
  command -v "$tool" >/dev/null || { echo "review.sh: $tool is missing" >&2; exit 2; }
done
mkdir -p "$work/volumes"
large=$work/large.pdf
if [ ! -s "$large" ]; then
  echo "Making the 418-page volume in $work (as bench/scale.sh does; kept for later runs)…" >&2
  for seed in $(seq 101 114); do
    [ -s "$work/volumes/zh-$seed.pdf" ] || /usr/bin/python3 "$root/samples/generate.py" \
      --kind zh --seed "$seed" --out "$work/volumes/zh-$seed.pdf" >/dev/null 2>&1
  done
  mutool merge -o "$large" "$work"/volumes/zh-1??.pdf 2>/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD…: runs CMD --runs times; prints the median "wall cpu".
measure() {
  for _ in $(seq "$runs"); do
    rm -rf "$out/review"
    /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" >/dev/null 2>&1 || {
      echo "review.sh: failed: $*" >&2; exit 1; }
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$out/time"
  done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

for volume in "$large" "$root/samples/zh-volume.pdf"; do
  pages=$(pdfinfo "$volume" | awk '/^Pages:/ { print $2 }')
  echo
  echo "$(basename "$volume"): $pages pages ($(nproc) processors; median of $runs runs)"
  printf '%-28s %8s %8s %14s\n' command "wall s" "CPU s" "wall / convert"
  read -r pt_wall pt_cpu < <(measure pdftotext "$volume" "$out/out.txt")
  read -r cv_wall cv_cpu < <(measure "$recto" convert -q --plugin-dir "$plugins" "$volume" -o "$out/volume.tei.xml")
  # shellcheck disable=SC2086 # $dpi is two words or none
  read -r rt_wall rt_cpu < <(measure "$recto" review -q $dpi "$volume" --tei "$out/volume.tei.xml" -o "$out/review")
  # shellcheck disable=SC2086
  read -r rv_wall rv_cpu < <(measure "$recto" review -q $dpi --plugin-dir "$plugins" "$volume" -o "$out/review")
  printf '%-28s %8.3f %8.3f %14s\n' pdftotext "$pt_wall" "$pt_cpu" "$(ratio "$pt_wall" "$cv_wall")"
  printf '%-28s %8.3f %8.3f %14s\n' "recto convert" "$cv_wall" "$cv_cpu" "1.00"
  printf '%-28s %8.3f %8.3f %14s\n' "recto review --tei (draw)" "$rt_wall" "$rt_cpu" "$(ratio "$rt_wall" "$cv_wall")"
  printf '%-28s %8.3f %8.3f %14s\n' "recto review (convert+draw)" "$rv_wall" "$rv_cpu" "$(ratio "$rv_wall" "$cv_wall")"
  printf '%-28s %8s MB (page images %s MB)\n' "review folder" \
    "$(du -sm "$out/review" | cut -f1)" "$(du -sm "$out/review/pages" | cut -f1)"
done
