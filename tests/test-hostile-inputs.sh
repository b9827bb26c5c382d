#!/usr/bin/env bash
# test-hostile-inputs.sh: hostile inputs (made here, small, by tests/hostile/make-hostile.py and
# printf) and what recto must do with each: finish within a time and memory bound, exit with
# the documented code, say one `recto: FILE: …` line when it fails, leave no output behind,
# and lose no text unsaid. TAP output.
set -uo pipefail
recto=${RECTO_EXE:?run through meson test}
plugins=${RECTO_TEST_PLUGIN_DIR:?}
make=${RECTO_SOURCE_ROOT:?}/tests/hostile/make-hostile.py
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0 failed=0
# The memory bound (ulimit -v) holds where the build allows it: AddressSanitizer reserves
# terabytes of address space for its shadow and cannot start under one.
limit_memory=1 slowdown=1
if ! (ulimit -v $((512 * 1024)); exec "$recto" --version) >/dev/null 2>&1; then
  limit_memory=0 slowdown=5
  echo "# no memory bound: $recto cannot start under ulimit -v (a sanitizer build); time bounds five times as long"
fi

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# run SECONDS MEGABYTES INPUT [ARGS…]: converts INPUT to $dir/out.tei.xml within the bounds
# (and within $cpu_limit CPU seconds when set); sets $code, $err (standard error) and $body (the
# TEI body's text, tags removed).
run() {
  local seconds=$(($1 * slowdown)) megabytes=$2 input=$3 cpu=${cpu_limit:-0}
  shift 3
  rm -f "$dir/out.tei.xml"
  (if [ $limit_memory -eq 1 ]; then ulimit -v $((megabytes * 1024)); fi
    # A soft limit: it sends SIGXCPU, which recto answers by removing its temporary file and
    # ending as the signal's default action does.
    if [ "$cpu" -gt 0 ]; then ulimit -S -t "$cpu"; fi
    exec timeout "$seconds" "$recto" convert --plugin-dir "$plugins" \
    "$input" -o "$dir/out.tei.xml" "$@") 2>"$dir/err"
  code=$?
  err=$(cat "$dir/err")
  body=""
  if [ -f "$dir/out.tei.xml" ]; then
    body=$(sed -n '/<body/,$p' "$dir/out.tei.xml" | sed 's/<[^>]*>//g' | tr -d '\n')
  fi
}

# expect_fail NAME CODE PATTERN: the run failed with CODE, one line naming the input and
# matching PATTERN, and no output.
expect_fail() {
  local lines
  lines=$(printf '%s\n' "$err" | grep -c .)
  if [ "$code" -eq "$2" ] && [ "$lines" -eq 1 ] && printf '%s' "$err" | grep -q "^recto: .*: .*$3" \
    && [ ! -e "$dir/out.tei.xml" ] && [ -z "$(ls -A "$dir" | grep -v -e '^err$' -e '\.pdf$' -e '\.txt$')" ]; then
    ok "$1: exit $2, one line, no output"
  else
    not_ok "$1: exit $code (expected $2), stderr: $err, left: $(ls -A "$dir" | tr '\n' ' ')"
  fi
}

# expect_ok NAME: the run succeeded.
expect_ok() {
  if [ "$code" -eq 0 ] && [ -f "$dir/out.tei.xml" ]; then ok "$1"; else not_ok "$1: exit $code: $err"; fi
}

# Quadratic time: a 2 MB line (furniture's page-number shape) and 100,000 short lines
# (paragraphs growing one paragraph) must take seconds, not minutes.
python3 "$make" long-line "$dir/long-line.txt" 2000000
run 20 1024 "$dir/long-line.txt"
expect_ok "a 2 MB line converts in near-linear time"
python3 "$make" many-lines "$dir/many-lines.txt" 100000
run 30 1024 "$dir/many-lines.txt"
expect_ok "100,000 short lines convert in near-linear time"
printf '' >"$dir/headings.txt"
for i in $(seq 1 10000); do printf '第%d章 总则\n\n①注释 %d\n' "$i" "$i"; done >"$dir/headings.txt"
run 30 1024 "$dir/headings.txt"
expect_ok "10,000 headings and notes split off in near-linear time"
# 160,000 headings, most split off their paragraphs: about 7 CPU seconds in all where the
# headings stage is linear, over 30 where it moves the body's blocks for each (18 s for its
# share at 128,000). Bounded in CPU seconds (ulimit -t), which a loaded machine does not stretch.
# A sanitizer build, many times slower at allocating, takes an eighth of them: there the time
# is the plain build's to check, the memory the sanitizer's. A run stopped at its CPU limit
# (SIGXCPU) leaves no temporary file.
headings=160000
if [ "$slowdown" -gt 1 ]; then headings=20000; fi
python3 "$make" headings "$dir/many-headings.txt" "$headings"
cpu=$((20 * slowdown))
cpu_limit=$cpu run 300 1024 "$dir/many-headings.txt"
if [ "$code" -eq 0 ] && [ "$(grep -c '<head' "$dir/out.tei.xml")" -ge "$headings" ]; then
  ok "$headings headings split off within $cpu CPU seconds"
else
  not_ok "$headings headings: exit $code (over $cpu CPU seconds?), stderr: $err"
fi
rm -f "$dir/out.tei.xml"
cpu_limit=1 run 300 1024 "$dir/many-headings.txt"
if [ "$code" -ne 0 ] && [ -z "$(ls -A "$dir" | grep -v -e '^err$' -e '\.pdf$' -e '\.txt$')" ]; then
  ok "a run stopped at its CPU-time limit leaves no temporary file"
else
  not_ok "a run stopped at its CPU-time limit: exit $code, left: $(ls -A "$dir")"
fi

# Text inputs: never cut at a NUL, UTF-16/32 found without a byte-order mark, broken UTF-8
# kept as UTF-8 with a warning, a GB18030 error naming its offset.
printf 'first line\nsecond\0half\nthird line\n' >"$dir/nul.txt"
run 10 512 "$dir/nul.txt"
if [ "$code" -eq 0 ] && [[ $body == *"third line"* ]] && [[ $err == *"NUL"* ]]; then
  ok "a NUL in a text: the rest is kept, and a warning says so"
else
  not_ok "a NUL in a text: exit $code, body: $body, stderr: $err"
fi
for charset in UTF-16LE UTF-16BE UTF-32LE; do
  printf '第一章 总则\nHello 一二三\n' | iconv -f UTF-8 -t "$charset" >"$dir/wide.txt"
  run 10 512 "$dir/wide.txt"
  if [ "$code" -eq 0 ] && [[ $body == *"Hello 一二三"* ]]; then
    ok "$charset without a byte-order mark is read whole"
  else
    not_ok "$charset without a byte-order mark: exit $code, body: $body, stderr: $err"
  fi
done
printf '\xff\xfe\0\0' >"$dir/utf32.txt"
printf '第一章 总则\nHello\n' | iconv -f UTF-8 -t UTF-32LE >>"$dir/utf32.txt"
run 10 512 "$dir/utf32.txt"
if [ "$code" -eq 0 ] && [[ $body == *"Hello"* ]]; then ok "UTF-32 with a byte-order mark is read whole"
else not_ok "UTF-32 with a byte-order mark: exit $code, body: $body"; fi
printf '中文的一段文字，\xff还有更多的中文文字。\n' >"$dir/broken.txt"
run 10 512 "$dir/broken.txt"
if [ "$code" -eq 0 ] && [[ $body == *"还有更多的中文文字"* ]] && [[ $err == *"offsets 24 (0xFF)"* ]]; then
  ok "UTF-8 with a broken byte stays UTF-8, the byte kept as U+FFFD and warned about"
else
  not_ok "UTF-8 with a broken byte: exit $code, body: $body, stderr: $err"
fi
{ printf '中文' | iconv -f UTF-8 -t GB18030; printf '\x81\x20abc\n'; } >"$dir/gb.txt"
run 10 512 "$dir/gb.txt" --pipeline 'text-source encoding=gb18030 ! tei-sink'
expect_fail "a GB18030 error" 4 "cannot decode the bytes at offset 4"

# Bounds: a deep outline is read to max-outline-depth levels; a page with more characters
# than max-page-chars fails the file.
python3 "$make" outline "$dir/outline.pdf" 20000
run 20 1024 "$dir/outline.pdf"
if [ "$code" -eq 0 ] && [[ $err == *"deeper than 64 levels"* ]]; then
  ok "an outline 20,000 levels deep is read to 64 levels, with a warning"
else
  not_ok "a deep outline: exit $code, stderr: $err"
fi
python3 "$make" text-bomb "$dir/bomb.pdf" 20000
run 20 1024 "$dir/bomb.pdf" --pipeline 'pdf-source max-page-chars=5000 ! paragraphs ! tei-sink'
expect_fail "a page over max-page-chars" 4 "page 1 holds .* characters, more than a page may"
run 20 1024 "$dir/bomb.pdf" --pipeline 'pdf-source max-chars=5000 ! paragraphs ! tei-sink'
expect_fail "a PDF over max-chars" 4 "more than 5000 characters"

# Pixels: recover-text draws an image-only page whole for OCR; a page far larger than paper
# (4,000 points square: 278 million pixels at 300 dpi, over 1 GB drawn) is left unread with a
# warning naming it, within the memory bound, instead of drawn.
if [ -e "$plugins/recover-text.so" ]; then
  python3 "$make" huge-scan "$dir/huge.pdf" 4000
  run 60 1024 "$dir/huge.pdf"
  if [ "$code" -eq 0 ] && [[ $err == *"not read by OCR"*"max-megapixels=100"*"(page 1)"* ]]; then
    ok "a scan too large to draw is not read, and a warning names its page"
  else
    not_ok "a scan too large to draw: exit $code, stderr: $err"
  fi
else
  echo "# skipped: no recover-text stage (built without Tesseract)"
fi

# Tesseract's own lines ("Detected 2202 diacritics", "Estimating resolution as 195") must not
# reach standard error: a scan speckled with ink makes Tesseract say them (its command line,
# reading the page as recover-text draws it, shows it does here), and recto's standard error
# holds only its own `recto: ` lines.
if [ ! -e "$plugins/recover-text.so" ] || ! command -v tesseract >/dev/null \
  || ! command -v pdftoppm >/dev/null; then
  echo "# skipped: Tesseract's chatter needs recover-text, the tesseract command and pdftoppm"
elif ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
  echo "# skipped: Tesseract's chatter needs its chi_sim data (tesseract-ocr-chi-sim)"
else
  pdftoppm -r 100 -gray -f 3 -l 3 -singlefile "$RECTO_SOURCE_ROOT/samples/zh-volume.pdf" "$dir/page"
  python3 "$make" noisy-scan "$dir/noisy.pdf" "$dir/page.pgm"
  # The page as recover-text draws it at scan-dpi=150, read by Tesseract's command line.
  pdftoppm -r 150 -gray -singlefile "$dir/noisy.pdf" "$dir/drawn"
  if ! tesseract "$dir/drawn.pgm" - -l chi_sim+eng 2>&1 >/dev/null | grep -q diacritics; then
    echo "# skipped: this Tesseract says nothing of the speckled scan, so the check could not fail"
  else
    run 300 2048 "$dir/noisy.pdf" --pipeline 'pdf-source ! recover-text scan-dpi=150 ! paragraphs ! tei-sink'
    if [ "$code" -eq 0 ] && [[ $err == *"read by OCR"* ]] \
      && [ -z "$(printf '%s\n' "$err" | grep -v '^recto: ')" ]; then
      ok "OCR of a speckled scan: standard error holds only recto's own lines"
    else
      not_ok "OCR of a speckled scan: exit $code, stderr: $err"
    fi
  fi
fi

echo "1..$n"
[ "$failed" -eq 0 ]
