#!/usr/bin/env bash
# verify.sh: what recover-text's check of the text layer costs where every font is good. For
# each PDF it measures, in CPU seconds (user + system, the median of N runs, the runs of the
# three commands interleaved so that the machine's load falls on all alike)
#
#   pdftotext         pdftotext -enc UTF-8 PDF OUT.txt;
#   recto             recto convert -q PDF (the default pipeline, recover-text included);
#   without           the same pipeline without recover-text (read from the first run's TEI
#                     header, so it follows the default pipeline as it changes);
#
# and prints recover-text's share of recto's time: (recto - without) / recto. On a shared
# machine CPU seconds still move by some per cent from run to run; --instructions adds the
# share counted exactly: recover-text's instructions (inclusive, under callgrind) over the
# whole conversion's, which no load changes.
#
#   bench/verify.sh [--build DIR] [--runs N] [--instructions] [PDF…]   (from any directory)
#
# Without PDFs: the clean samples (samples/zh-volume.pdf, samples/en-report.pdf) and, when
# ../shared is there, the clean volumes ../shared/volumes/vol*-clean.pdf.
# Needs pdftotext, python3, GNU time (/usr/bin/time), bc; valgrind for --instructions.
# Exit status: 0; 2 on bad usage or a missing tool.
set -u

build=${BUILD:-build}
runs=3
instructions=0
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --instructions) instructions=1; shift ;;
    -*) echo "usage: bench/verify.sh [--build DIR] [--runs N] [--instructions] [PDF…]" >&2; exit 2 ;;
    *) break ;;
  esac
done
cd "$(dirname "$0")/.." || exit 2
recto=$build/core/recto
tools=(pdftotext python3 bc /usr/bin/time "$recto")
[ $instructions = 1 ] && tools+=(valgrind callgrind_annotate)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "verify.sh: needs $tool" >&2; exit 2; }
done
pdfs=("$@")
if [ ${#pdfs[@]} -eq 0 ]; then
  pdfs=(samples/zh-volume.pdf samples/en-report.pdf)
  for v in ../shared/volumes/vol*-clean.pdf; do [ -e "$v" ] && pdfs+=("$v"); done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Appends the CPU seconds (user + system) of one run of a command to the file $1.
cpu() {
  local out=$1
  shift
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1
  awk '{ print $1 + $2 }' "$work/time" >>"$out"
}

median() {
  sort -n "$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# recover-text's inclusive instructions over the whole run's, in per cent, under callgrind.
instruction_share() {
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$@" >/dev/null 2>&1 || return
  callgrind_annotate --inclusive=yes --threshold=100 "$work/cg" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
    /recover_text_process/ { gsub(",", "", $1); own = $1 }
    END { if (total > 0) printf "%.2f", own * 100 / total }'
}

printf '%-32s %10s %10s %10s %13s' file pdftotext recto without recover-text
[ $instructions = 1 ] && printf ' %14s' instructions
printf '\n'
for pdf in "${pdfs[@]}"; do
  "$recto" convert -q --plugin-dir "$build/plugins" "$pdf" -o "$work/first.xml" || continue
  stages=$(python3 -c '
import sys, xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
apps = [a.get("ident") for a in ET.parse(sys.argv[1]).iter(T + "application")][1:]
print(" ! ".join(a for a in apps if a != "recover-text"))' "$work/first.xml")
  rm -f "$work"/t.*
  for _ in $(seq "$runs"); do
    cpu "$work/t.txt" pdftotext -enc UTF-8 "$pdf" "$work/out.txt"
    cpu "$work/t.recto" "$recto" convert -q --plugin-dir "$build/plugins" "$pdf" -o "$work/a.xml"
    cpu "$work/t.without" "$recto" convert -q --plugin-dir "$build/plugins" -p "$stages" \
      "$pdf" -o "$work/b.xml"
  done
  t_txt=$(median "$work/t.txt")
  t_recto=$(median "$work/t.recto")
  t_without=$(median "$work/t.without")
  share=$(echo "scale=4; ($t_recto - $t_without) * 100 / $t_recto" | bc)
  printf '%-32s %10.2f %10.2f %10.2f %12.1f%%' "$(basename "$pdf")" "$t_txt" "$t_recto" \
    "$t_without" "$share"
  if [ $instructions = 1 ]; then
    printf ' %13s%%' "$(instruction_share "$recto" convert -q --plugin-dir "$build/plugins" \
      "$pdf" -o "$work/c.xml")"
  fi
  printf '\n'
done
