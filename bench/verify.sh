#!/usr/bin/env bash
# verify.sh: what recover-text's check of the text layer costs where every font is good. For
# each PDF, times (median of N runs)
#
#   pdftotext         pdftotext -enc UTF-8 PDF OUT.txt;
#   recto             recto convert -q PDF (the default pipeline, recover-text included);
#   without           the same pipeline without recover-text (read from the first run's TEI
#                     header, so it follows the default pipeline as it changes);
#
# and prints seconds and recover-text's share of recto's time: (recto - without) / recto.
#
#   bench/verify.sh [--build DIR] [--runs N] [PDF…]     (from any directory)
#
# Without PDFs: the clean samples (samples/zh-volume.pdf, samples/en-report.pdf) and, when
# ../shared is there, the clean volumes ../shared/volumes/vol*-clean.pdf.
# Exit status: 0; 2 on bad usage or a missing tool.
set -u

build=${BUILD:-build}
runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -*) echo "usage: bench/verify.sh [--build DIR] [--runs N] [PDF…]" >&2; exit 2 ;;
    *) break ;;
  esac
done
cd "$(dirname "$0")/.." || exit 2
recto=$build/core/recto
for tool in pdftotext python3 "$recto"; do
  command -v "$tool" >/dev/null || { echo "verify.sh: needs $tool" >&2; exit 2; }
done
pdfs=("$@")
if [ ${#pdfs[@]} -eq 0 ]; then
  pdfs=(samples/zh-volume.pdf samples/en-report.pdf)
  for v in ../shared/volumes/vol*-clean.pdf; do [ -e "$v" ] && pdfs+=("$v"); done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The median of N timed runs of a command, in seconds.
timed() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

printf '%-40s %10s %10s %10s %14s\n' file pdftotext recto without recover-text
for pdf in "${pdfs[@]}"; do
  "$recto" convert -q --plugin-dir "$build/plugins" "$pdf" -o "$work/first.xml" || continue
  stages=$(python3 -c '
import sys, xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
apps = [a.get("ident") for a in ET.parse(sys.argv[1]).iter(T + "application")][1:]
print(" ! ".join(a for a in apps if a != "recover-text"))' "$work/first.xml")
  t_txt=$(timed pdftotext -enc UTF-8 "$pdf" "$work/out.txt")
  t_recto=$(timed "$recto" convert -q --plugin-dir "$build/plugins" "$pdf" -o "$work/a.xml")
  t_without=$(timed "$recto" convert -q --plugin-dir "$build/plugins" -p "$stages" "$pdf" -o "$work/b.xml")
  share=$(echo "scale=4; ($t_recto - $t_without) * 100 / $t_recto" | bc)
  printf '%-40s %10.3f %10.3f %10.3f %13.1f%%\n' "$(basename "$pdf")" "$t_txt" "$t_recto" "$t_without" "$share"
done
