#!/usr/bin/env bash
# ocr.sh: the lost-text benchmark. For each damaged variant of samples/zh-volume.pdf (no
# ToUnicode map, a wrong ToUnicode map, scanned: the ones whose PDF exists) and for the clean
# volume as a reference, runs and times
#
#   pdftotext   pdftotext -enc UTF-8 PDF OUT.txt, scored as plain text;
#   tesseract   pdftoppm -r 300 -gray PDF (one PGM per page), then
#               tesseract PAGE - -l chi_sim+eng per page, the pages' text joined with form
#               feeds in page order, scored as plain text. Rasterising and OCR are timed
#               apart; the figure is their sum;
#   recto       recto convert -q --plugin-dir BUILD/plugins PDF -o OUT.xml (default
#               pipeline), scored as TEI;
#
# scores each output with bench/score.py, and prints one table per volume: seconds, ms per
# page, body CER, number placement, heading F1, and recto's time over each tool's.
#
#   bench/ocr.sh [--build DIR] [--work DIR] [--runs N]      (from any directory)
#
# The variants are zh-volume-{notounicode,wrongmap,scanned}.pdf, each beside its .truth.json,
# in samples/damaged/ (where `sh samples/variants.sh` puts them) or samples/. Those in neither
# are built into WORK/variants by samples/variants.sh (again when zh-volume.pdf or
# variants.sh/.py is newer than them).
# Outputs are kept in WORK/NAME/ for inspection; page images are deleted once OCRed.
#
# Options: --build DIR, the meson build directory (default: $BUILD, else build); --work DIR,
# the work folder (default /tmp/recto-bench-ocr); --runs N, each time is the median of N
# runs (default 1). Relative paths are taken from the repository root.
# Environment: BUILD, the build directory when --build is not given. tesseract runs with
# OMP_THREAD_LIMIT=1 (one core, as pdftotext); recto runs with its default threads.
# Needs Debian's /usr/bin/python3, pdftotext, pdftoppm, pdfinfo (poppler-utils), tesseract
# with chi_sim and eng (tesseract-ocr-chi-sim, tesseract-ocr-eng) and a built recto.
# Exit status: 0 whatever the scores are; 2 on bad usage or when a tool is missing.
# shellcheck disable=SC2317 # the run_* functions are called through timed
set -u

usage() {
  echo "usage: bench/ocr.sh [--build DIR] [--work DIR] [--runs N]" >&2
  exit 2
}

build=${BUILD:-build}
work=/tmp/recto-bench-ocr
runs=1
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case $1 in
    --build) build=$2 ;;
    --work) work=$2 ;;
    --runs) runs=$2 ;;
    *) usage ;;
  esac
  shift 2
done
case $runs in '' | *[!0-9]* | 0*) usage ;; esac

cd "$(dirname "$0")/.." || exit 2
python=/usr/bin/python3
recto=$build/core/recto
variants=(zh-volume zh-volume-notounicode zh-volume-wrongmap zh-volume-scanned)

for tool in "$python" pdftotext pdftoppm pdfinfo tesseract "$recto"; do
  if ! command -v "$tool" >/dev/null; then
    echo "ocr.sh: $tool is missing (tests/install-deps.sh installs the tools; build recto with meson)" >&2
    exit 2
  fi
done
languages=$(tesseract --list-langs 2>/dev/null)
for language in chi_sim eng; do
  if ! grep -qx "$language" <<<"$languages"; then
    echo "ocr.sh: tesseract has no $language data (tesseract-ocr-${language//_/-})" >&2
    exit 2
  fi
done
if [ ! -f samples/zh-volume.pdf ] || [ ! -f samples/zh-volume.truth.json ]; then
  echo "ocr.sh: samples/zh-volume.pdf or its truth is missing" >&2
  exit 2
fi
mkdir -p "$work" || exit 2

# build_variants: runs samples/variants.sh into WORK/variants when a variant is in neither
# samples/damaged/ nor samples/, and the one in WORK/variants is missing or older than one of
# its sources.
build_variants() {
  local name source stale=false
  [ -f samples/variants.sh ] || return 0
  for name in "${variants[@]:1}"; do
    [ -f "samples/damaged/$name.pdf" ] || [ -f "samples/$name.pdf" ] && continue
    [ -f "$work/variants/$name.pdf" ] || stale=true
    for source in samples/zh-volume.pdf samples/variants.sh samples/variants.py; do
      [ "$source" -nt "$work/variants/$name.pdf" ] && stale=true
    done
  done
  $stale || return 0
  echo "Building the variants into $work/variants with samples/variants.sh…" >&2
  mkdir -p "$work/variants"
  sh samples/variants.sh "$work/variants" >"$work/variants.log" 2>&1 \
    || echo "ocr.sh: samples/variants.sh failed: $(head -n 1 "$work/variants.log")" >&2
}

# volume_dir NAME: the first of samples/damaged/, samples/ and WORK/variants that holds NAME.pdf
# and NAME.truth.json; fails when none does.
volume_dir() {
  local dir
  for dir in samples/damaged samples "$work/variants"; do
    if [ -f "$dir/$1.pdf" ] && [ -f "$dir/$1.truth.json" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# seconds START END: the difference of two $EPOCHREALTIME values.
seconds() {
  awk -v start="$1" -v end="$2" 'BEGIN { printf "%.3f", end - start }'
}

# medians: the median of each column of the numbers on standard input.
medians() {
  local column lines values=()
  lines=$(cat)
  for column in $(seq "$(head -n 1 <<<"$lines" | wc -w)"); do
    values+=("$(cut -d' ' -f"$column" <<<"$lines" | sort -n \
      | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')")
  done
  echo "${values[*]}"
}

# ratio A B: A / B to three significant digits (recto / tesseract is far below 0.01).
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3g", (b > 0 ? a / b : 0) }'
}

# run_pdftotext PDF OUT: writes OUT.txt and OUT.pdftotext.log, prints the seconds.
run_pdftotext() {
  local start=$EPOCHREALTIME
  pdftotext -enc UTF-8 "$1" "$2.txt" 2>"$2.pdftotext.log" || return 1
  seconds "$start" "$EPOCHREALTIME"
}

# run_tesseract PDF OUT: rasterises PDF into OUT.pages/, OCRs each page into OUT.ocr.txt (pages
# joined by form feeds), deletes the images, and prints "raster_seconds ocr_seconds total".
run_tesseract() {
  local pages=$2.pages page separator="" start rasterised end
  rm -rf "$pages" && mkdir -p "$pages"
  start=$EPOCHREALTIME
  pdftoppm -r 300 -gray "$1" "$pages/page" 2>"$2.tesseract.log" || return 1
  rasterised=$EPOCHREALTIME
  for page in "$pages"/page-*.pgm; do # pdftoppm pads the page numbers: the glob is in page order
    printf '%s' "$separator"
    OMP_THREAD_LIMIT=1 tesseract "$page" - -l chi_sim+eng --dpi 300 -c page_separator= \
      2>>"$2.tesseract.log" || return 1
    separator=$'\f'
  done >"$2.ocr.txt"
  end=$EPOCHREALTIME
  rm -rf "$pages"
  echo "$(seconds "$start" "$rasterised") $(seconds "$rasterised" "$end") $(seconds "$start" "$end")"
}

# run_recto PDF OUT: writes OUT.tei.xml and OUT.recto.log, prints the seconds.
run_recto() {
  local start=$EPOCHREALTIME
  "$recto" convert -q --plugin-dir "$build/plugins" "$1" -o "$2.tei.xml" 2>"$2.recto.log" \
    || return 1
  seconds "$start" "$EPOCHREALTIME"
}

# detection_cost: what recover-text costs where nothing is broken (it only surveys the fonts),
# counted exactly: the instructions of its stage over those of the whole pipeline run, under
# callgrind, on the clean volume. (Wall-clock differences of a few milliseconds drown in the
# timer's noise and in process start and exit.)
detection_cost() {
  local out=$work/detection.callgrind stage pipeline
  echo
  echo "Detection where nothing is broken (samples/zh-volume.pdf, callgrind, one thread):"
  if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
    echo "skipped: needs valgrind (tests/install-deps.sh installs it)"
    return
  fi
  valgrind --tool=callgrind --callgrind-out-file="$out" "$recto" convert -q --threads 1 \
    --plugin-dir "$build/plugins" samples/zh-volume.pdf -o "$work/detection.tei.xml" 2>/dev/null \
    || { echo "failed: recto under callgrind"; return; }
  stage=$(callgrind_annotate --inclusive=yes "$out" | awk '/recover_text_process/ { gsub(",", "", $1); print $1; exit }')
  pipeline=$(callgrind_annotate --inclusive=yes "$out" | awk '/recto_pipeline_run/ { gsub(",", "", $1); print $1; exit }')
  if [ -z "$stage" ] || [ -z "$pipeline" ]; then
    echo "no recover-text in the default pipeline (built without Tesseract?)"
    return
  fi
  awk -v s="$stage" -v p="$pipeline" 'BEGIN {
    printf "recover-text %d of the pipeline'"'"'s %d instructions: %.2f %% (target under 5 %%)\n", s, p, 100 * s / p }'
}

# timed COMMAND…: runs COMMAND --runs times; prints the median of each figure it prints
# (one line of seconds). Fails when a run fails.
timed() {
  local figures all=""
  for _ in $(seq "$runs"); do
    figures=$("$@") || return 1
    all+=$figures$'\n'
  done
  printf '%s' "$all" | medians
}

# scores TRUTH FILE [--plain]: prints "CER placement heading-F1" of FILE, "—" for a metric
# that is not scored, "?" for each when score.py fails (its error goes to standard error).
scores() {
  local json
  json=$("$python" bench/score.py "$@" --json) || { echo "? ? ?"; return; }
  "$python" -c 'import json, sys
metrics = json.loads(sys.argv[1])["metrics"]
def show(key, form):
    return form.format(metrics[key]["value"]) if key in metrics else "—"
print(show("cer", "{:.2%}"), show("number_placement", "{:.2%}"), show("heading_f1", "{:.3f}"))' "$json"
}

# row TOOL SECONDS PAGES [CER PLACEMENT HEADING]: one line of a table (without the scores for
# a part of a tool's time).
row() {
  local ms
  ms=$(awk -v s="$2" -v p="$3" 'BEGIN { printf "%.1f", s * 1000 / p }')
  if [ $# -gt 3 ]; then
    printf '%-24s %9.3f %10s %10s %11s %10s\n' "$1" "$2" "$ms" "$4" "$5" "$6"
  else
    printf '%-24s %9.3f %10s\n' "$1" "$2" "$ms"
  fi
}

# failed TOOL LOG: the line of a tool that failed, with the first line of its errors.
failed() {
  printf '%-24s failed: %s\n' "$1" "$(head -n 1 "$2")"
}

# bench NAME DIR: runs, scores and prints the table of DIR/NAME.pdf.
bench() {
  local pdf=$2/$1.pdf truth=$2/$1.truth.json out=$work/$1/$1 pages
  local text_time="" ocr_times="" recto_time="" raster ocr total
  mkdir -p "$work/$1"
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  echo
  echo "$1 ($pdf, ${pages:-?} pages)"
  if [ -z "$pages" ]; then
    echo "pdfinfo cannot read it"
    return
  fi
  printf '%-24s %9s %10s %10s %11s %10s\n' tool seconds "ms/page" "body CER" placement "heading F1"

  if text_time=$(timed run_pdftotext "$pdf" "$out"); then
    # shellcheck disable=SC2046 # the three scores are words
    row pdftotext "$text_time" "$pages" $(scores "$truth" "$out.txt" --plain)
  else
    failed pdftotext "$out.pdftotext.log"
  fi

  if ocr_times=$(timed run_tesseract "$pdf" "$out"); then
    read -r raster ocr total <<<"$ocr_times"
    # shellcheck disable=SC2046
    row "pdftoppm + tesseract" "$total" "$pages" $(scores "$truth" "$out.ocr.txt" --plain)
    row "  of which pdftoppm" "$raster" "$pages"
    row "  of which tesseract" "$ocr" "$pages"
  else
    failed "pdftoppm + tesseract" "$out.tesseract.log"
  fi

  if recto_time=$(timed run_recto "$pdf" "$out"); then
    # shellcheck disable=SC2046
    row "recto convert" "$recto_time" "$pages" $(scores "$truth" "$out.tei.xml")
  else
    failed "recto convert" "$out.recto.log"
    return
  fi
  [ -n "$text_time" ] && echo "recto / pdftotext: $(ratio "$recto_time" "$text_time")×"
  [ -n "$ocr_times" ] && echo "recto / (pdftoppm + tesseract): $(ratio "$recto_time" "$total")×" \
    "  recto / tesseract alone: $(ratio "$recto_time" "$ocr")×"
}

build_variants
echo "Lost text: pdftotext, Tesseract and recto on the damaged volumes (median of $runs run(s);"
echo "tesseract with OMP_THREAD_LIMIT=1, one core; recto with its default threads, $(nproc) processors)"
echo "Outputs in $work"
for name in "${variants[@]}"; do
  if dir=$(volume_dir "$name"); then
    bench "$name" "$dir"
  else
    echo
    echo "$name: no PDF with a truth (in samples/damaged, samples or $work/variants); skipped"
  fi
done
detection_cost
exit 0
