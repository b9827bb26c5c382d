#!/usr/bin/env bash
# damaged.sh: what a damaged real PDF costs. For each PDF (default: every PDF of
# ../shared/real), runs in the same run
#
#   recto       recto convert -q --plugin-dir BUILD/plugins PDF -o OUT.tei.xml --report OUT.json
#   pdftotext   pdftotext -enc UTF-8 PDF OUT.txt
#
# and prints one line per PDF: recto's CPU seconds (user + system, all its threads), its peak
# resident memory, the glyphs recover-text repaired (0: nothing damaged), pdftotext's CPU
# seconds, and recto's over pdftotext's. CPU seconds, not wall time: an archive's batch pays
# them whatever the cores. On a shared machine they are noisy still; --callgrind also counts
# each tool's instructions (valgrind, one thread: exact, and about fifty times slower).
#
#   bench/damaged.sh [--callgrind] [--damaged] [PDF…]      (from any directory)
#
# --damaged: print only the PDFs whose text recover-text repaired. Environment: BUILD, the meson
# build directory (default: build; relative to the repository). Outputs in a temporary folder,
# removed at the end. Exit status: 0 whatever the figures are; 2 on bad usage or a missing tool.
set -u

usage() {
  echo "usage: bench/damaged.sh [--callgrind] [--damaged] [PDF…]" >&2
  exit 2
}

callgrind=false
only_damaged=false
pdfs=()
for argument in "$@"; do
  case $argument in
    --callgrind) callgrind=true ;;
    --damaged) only_damaged=true ;;
    -*) usage ;;
    *) pdfs+=("$(realpath "$argument")") ;;
  esac
done

cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
recto=$build/core/recto
if [ ! -x "$recto" ]; then
  echo "damaged.sh: no $recto (build it: meson setup $build && meson compile -C $build)" >&2
  exit 2
fi
tools=(pdftotext python3 /usr/bin/time)
$callgrind && tools+=(valgrind)
for tool in "${tools[@]}"; do
  if ! command -v "$tool" >/dev/null; then
    echo "damaged.sh: needs $tool (tests/install-deps.sh installs it)" >&2
    exit 2
  fi
done
if [ ${#pdfs[@]} -eq 0 ]; then
  if [ ! -d ../shared/real ]; then
    echo "damaged.sh: no PDF given and no ../shared/real beside the repository" >&2
    exit 2
  fi
  pdfs=("$(cd ../shared/real && pwd)"/*.pdf)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# cpu OUT COMMAND…: runs COMMAND, its output to OUT.log; prints "cpu_seconds peak_kb" (fails
# with COMMAND).
cpu() {
  local out=$1
  shift
  /usr/bin/time -f '%U %S %M' -o "$out.time" "$@" >"$out.log" 2>&1 || return 1
  awk '{ printf "%.2f %d", $1 + $2, $3 }' "$out.time"
}

# instructions OUT COMMAND…: the instructions COMMAND runs, counted by callgrind.
instructions() {
  local out=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out.callgrind" "$@" >"$out.cg.log" 2>&1 \
    || return 1
  awk '/^(summary|totals):/ { print $2; exit }' "$out.callgrind"
}

# repairs REPORT: the glyphs recover-text repaired, from recto's --report line.
repairs() {
  python3 -c 'import json, sys
print(json.loads(open(sys.argv[1]).readline())["repairs"].get("recover-text", 0))' "$1" \
    2>/dev/null || echo "?"
}

# ratio A B: A / B, or "—" when either is missing or B is 0.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "—"; else printf "%.0f", a / b }'
}

echo "recto ($recto, default threads) and pdftotext on each PDF: CPU seconds (user + system)"
header='%-50s %8s %8s %8s %9s %8s'
columns=(file "recto s" "peak MB" repairs "ptt s" "recto/ptt")
if $callgrind; then
  header+=' %14s %12s %9s'
  columns+=("recto Ir" "ptt Ir" "Ir ratio")
fi
# shellcheck disable=SC2059 # the format is built above
printf "$header\n" "${columns[@]}"
for pdf in "${pdfs[@]}"; do
  name=$(basename "$pdf" .pdf)
  out=$work/$name
  read -r recto_s recto_kb < <(cpu "$out.recto" "$recto" convert -q --plugin-dir "$build/plugins" \
    "$pdf" -o "$out.tei.xml" --report "$out.json" || echo "? 0")
  fixed=$(repairs "$out.json")
  if $only_damaged && { [ "$fixed" = 0 ] || [ "$fixed" = "?" ]; }; then
    continue
  fi
  read -r text_s _ < <(cpu "$out.pdftotext" pdftotext -enc UTF-8 "$pdf" "$out.txt" || echo "? 0")
  line=("${name:0:50}" "$recto_s" "$((recto_kb / 1024))" "$fixed" "$text_s" "$(ratio "$recto_s" "$text_s")")
  if $callgrind; then
    recto_ir=$(instructions "$out.recto" "$recto" convert -q --threads 1 \
      --plugin-dir "$build/plugins" "$pdf" -o "$out.cg.tei.xml" || echo "?")
    text_ir=$(instructions "$out.pdftotext" pdftotext -enc UTF-8 "$pdf" "$out.cg.txt" || echo "?")
    line+=("$recto_ir" "$text_ir" "$(ratio "$recto_ir" "$text_ir")")
  fi
  # shellcheck disable=SC2059
  printf "$header\n" "${line[@]}"
done
exit 0
