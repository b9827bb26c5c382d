#!/bin/bash
# test-batch.sh: `recto convert` over many files: each file in its own worker, so a damaged,
# encrypted, crashing or hanging file is reported and the others are converted; outputs appear
# whole or not at all; the JSON Lines report, --skip-existing, --shard, --include/--exclude,
# progress and Ctrl-C behave as README.md says. Prints TAP.
set -u
recto=$RECTO_EXE
root=$RECTO_SOURCE_ROOT
schema=$root/tests/schema/recto-tei.rng
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"
report_field() { # report_field REPORT FILE-SUFFIX FIELD: the field of the line for that file
  python3 -c '
import json, sys
for line in open(sys.argv[1]):
    entry = json.loads(line)
    if entry["file"].endswith(sys.argv[2]):
        print(entry[sys.argv[3]])
' "$@"
}
no_leftovers() { # no work folders or temporary files anywhere below DIR
  test -z "$(find "$1" -name '.recto-*' -o -name '.*.tei.xml.*')"
}

# An archive: good volumes in folders, and bad ones beside them.
archive=$work/archive
mkdir -p "$archive/zh/2023" "$archive/en"
cp "$root/samples/zh-volume.pdf" "$archive/zh/2023/volume.pdf"
cp "$root/samples/zh-volume-ukai.pdf" "$archive/zh/ukai.pdf"
cp "$root/samples/en-report.pdf" "$archive/en/report.pdf"
cp "$root/samples/en-report.pdf" "$archive/en/crash-me.pdf"
cp "$root/tests/data/encrypted.pdf" "$archive/en/encrypted.pdf"
head -c 20000 "$root/samples/en-report.pdf" >"$archive/en/truncated.pdf"
echo "notes, not a volume" >"$archive/en/readme.txt"
pipeline='pdf-source ! reading-order ! furniture ! paragraphs ! headings ! test-repair crash-on=crash-me hang-on=hang-me ! chapters ! tei-sink'
plugins=(--plugin-dir "$RECTO_TEST_PLUGIN_DIR" --plugin-dir "$RECTO_TEST_EXTRA_DIR")

out=$work/out
mkdir "$out"
"$recto" convert "${plugins[@]}" -j 2 -q --pipeline "$pipeline" "$archive" -o "$out" \
  --report "$work/report.jsonl" 2>"$work/stderr"
code=$?
check "a batch with failures exits 9" test "$code" -eq 9
for good in zh/2023/volume zh/ukai en/report; do
  check "$good is converted, in the mirrored folder, and valid" \
    xmllint --noout --relaxng "$schema" "$out/$good.tei.xml"
done
for bad in crash-me encrypted truncated; do
  check "$bad leaves no output" test ! -e "$out/en/$bad.tei.xml"
done
check "readme.txt is not taken (default --include *.pdf)" test ! -e "$out/en/readme.tei.xml"
check "no work folder or temporary file is left" no_leftovers "$out"
check "the report has one line per file" test "$(wc -l <"$work/report.jsonl")" -eq 6
check "the crash is reported as crashed, exit code 11" \
  test "$(report_field "$work/report.jsonl" crash-me.pdf status) $(report_field "$work/report.jsonl" crash-me.pdf exit_code)" = "crashed 11"
check "the encrypted file is reported with exit code 5" \
  test "$(report_field "$work/report.jsonl" encrypted.pdf exit_code)" = 5
check "the truncated file is reported with exit code 4" \
  test "$(report_field "$work/report.jsonl" truncated.pdf exit_code)" = 4
check "a good file's line has pages, characters and repairs by stage" python3 -c '
import json, sys
entry = [json.loads(l) for l in open(sys.argv[1]) if "volume.pdf" in l][0]
assert entry["status"] == "ok" and entry["error"] is None and entry["exit_code"] == 0
assert entry["pages"] == 31 and entry["characters"] > 20000 and entry["seconds"] > 0
assert entry["repairs"]["test-repair"] > 0 and "headings" in entry["repairs"]
assert entry["warnings"] == ["test-repair: touched every paragraph"]
' "$work/report.jsonl"
check "each failure is one line on stderr naming the file" sh -c \
  'test "$(grep -c "^recto: .*/en/\(crash-me\|encrypted\|truncated\)\.pdf: " "$1")" -eq 3' - "$work/stderr"
check "nothing but errors on stderr in a pipe (no progress without --progress)" \
  test "$(wc -l <"$work/stderr")" -eq 3

# The same batch one file at a time gives the same bytes.
out1=$work/out-j1
mkdir "$out1"
"$recto" convert "${plugins[@]}" -j 1 -q --pipeline "$pipeline" "$archive" -o "$out1" 2>/dev/null
check "-j 1 and -j 2 give identical outputs" diff -r "$out" "$out1"

# A hang is stopped by --timeout; a single file keeps its own exit code.
cp "$root/samples/en-report.pdf" "$work/hang-me.pdf"
"$recto" convert "${plugins[@]}" --timeout 2 --pipeline "$pipeline" "$work/hang-me.pdf" \
  -o "$work/hang.tei.xml" 2>"$work/hang.err"
check "a file that hangs is stopped by --timeout with exit code 10" test $? -eq 10
check "  and leaves nothing behind" sh -c 'test ! -e "$1/hang.tei.xml" && test -z "$(ls -A "$1" | grep "^\.recto")"' - "$work"

# --skip-existing: up-to-date outputs are skipped, a changed source is converted again.
cp "$root/samples/en-report-sans.pdf" "$archive/en/report.pdf"
"$recto" convert "${plugins[@]}" -q --skip-existing --pipeline "$pipeline" "$archive" -o "$out" \
  --report "$work/again.jsonl" 2>/dev/null
check "--skip-existing skips outputs made from the same source" \
  test "$(report_field "$work/again.jsonl" volume.pdf status) $(report_field "$work/again.jsonl" ukai.pdf status)" = "skipped skipped"
check "--skip-existing converts a source that changed" \
  test "$(report_field "$work/again.jsonl" en/report.pdf status)" = ok

# --shard K/N: the shares are disjoint, together they are everything, and stable.
for k in 1 2 3; do
  "$recto" convert "${plugins[@]}" -q --shard "$k/3" --pipeline "$pipeline" "$archive" \
    -o "$out" --report "$work/shard$k.jsonl" 2>/dev/null
done
check "--shard 1/3, 2/3 and 3/3 split the files between them, each once" sh -c \
  'cat "$1"/shard?.jsonl | python3 -c "import json,sys; f=sorted(json.loads(l)[\"file\"] for l in sys.stdin); assert len(f) == 6 == len(set(f)), f"' - "$work"
"$recto" convert "${plugins[@]}" -q --shard 2/3 --pipeline "$pipeline" "$archive" -o "$out" \
  --report "$work/shard2-again.jsonl" 2>/dev/null
check "--shard picks the same files again" bash -c \
  'diff <(cut -d, -f1 "$1/shard2.jsonl") <(cut -d, -f1 "$1/shard2-again.jsonl")' - "$work"
check "--shard 4/3 is a usage error (exit 2)" sh -c \
  '"$1" convert --shard 4/3 "$2" -o "$3"; test $? -eq 2' - "$recto" "$archive" "$out"

# --include / --exclude.
"$recto" convert "${plugins[@]}" -q --include 'zh/*' --exclude '*ukai*' --pipeline "$pipeline" \
  "$archive" -o "$out" --report "$work/globs.jsonl" 2>/dev/null
check "--include and --exclude choose the files below a directory" sh -c \
  'test "$(cut -d, -f1 "$1")" = "{\"file\":\"$2/zh/2023/volume.pdf\""' - "$work/globs.jsonl" "$archive"

# Progress: one line per file when asked for in a pipe.
"$recto" convert "${plugins[@]}" -j 2 --progress --include 'zh/*' --pipeline "$pipeline" \
  "$archive" -o "$out" 2>"$work/progress" >/dev/null
check "--progress in a pipe prints a line per file" \
  test "$(grep -c '^\[[12]/2\] .*: ok, [0-9]* pages' "$work/progress")" -eq 2

# On a terminal (script(1) gives the batch one), the bar is drawn in place.
if command -v script >/dev/null; then
  script -qec "'$recto' convert --plugin-dir '$RECTO_TEST_PLUGIN_DIR' -j 2 --include 'zh/*' '$archive' -o '$out'" \
    /dev/null >"$work/terminal" 2>&1
  check "on a terminal a progress bar shows files, pages/s and is redrawn in place" sh -c \
    'grep -q "\[#*-*\] 2/2 files, [0-9]* pages, [0-9.]* pages/s" "$1" && grep -q "$(printf "\r")" "$1"' \
    - "$work/terminal"
fi

# Ctrl-C stops the batch: exit 130, no partial output, no worker left running.
out_int=$work/out-int
mkdir "$out_int"
cp "$root/samples/en-report.pdf" "$archive/en/hang-me.pdf"
"$recto" convert "${plugins[@]}" -q -j 2 --pipeline "$pipeline" "$archive/en" -o "$out_int" \
  2>/dev/null &
batch=$!
sleep 1.5
kill -INT $batch
wait $batch
check "Ctrl-C stops the batch with exit code 130" test $? -eq 130
check "  leaving no work folder and no partial output" sh -c \
  'no_leftovers() { test -z "$(find "$1" -name ".recto-*")"; }; no_leftovers "$1" && test ! -e "$1/hang-me.tei.xml"' - "$out_int"
# (The bracket keeps pgrep from finding this very command line.)
check "  and no worker behind" sh -c '! pgrep -f -- "[c]onvert.*$1" >/dev/null' - "$out_int"

check "a directory with -o naming a file is a usage error (exit 2)" sh -c \
  '"$1" convert "$2" -o "$3/file.tei.xml" 2>"$3/dir.err"; test $? -eq 2 && grep -q "must name an existing directory" "$3/dir.err"' \
  - "$recto" "$archive" "$work"
check "-o - with several files is a usage error (exit 2)" sh -c \
  '"$1" convert "$2" "$3" -o -; test $? -eq 2' - "$recto" "$root/samples/en-report.pdf" "$root/samples/zh-volume.pdf"
tap_end
