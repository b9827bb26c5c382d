#!/bin/sh
# test-stage-test.sh: `recto-stage-test` runs stages on a dump exactly as the pipeline does, and
# reports a differing result, a broken fixture and a bad command line each with its exit code.
# Prints TAP.
set -u
recto=$RECTO_EXE
stage_test=$RECTO_STAGE_TEST_EXE
root=$RECTO_SOURCE_ROOT
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/tap.sh"
exits() { # exits CODE COMMAND…: the command exits with CODE
  code=$1
  shift
  "$@"
  test $? -eq "$code"
}

repairs="reading-order ! furniture ! footnotes ! paragraphs ! headings ! captions-lists ! fragments ! chapters"
for sample in zh-volume en-report; do
  # The default pipeline without recover-text (built only with Tesseract), so that the stages'
  # positions in the dump names are those of every build.
  "$recto" convert "$root/samples/$sample.pdf" -o "$work/$sample.tei.xml" \
    --pipeline "pdf-source ! $repairs ! tei-sink" \
    --dump-after pdf-source,paragraphs,chapters --dump-dir "$work" >/dev/null 2>&1
  # The dump is lossless: the repairs run on the source's dump give the pipeline's result, byte
  # for byte, and so does a run from a dump taken half way.
  check "$sample: the repairs on the source's dump give the pipeline's dump" sh -c \
    '"$1" "$2" "$3" -o "$4" && cmp "$4" "$5"' - "$stage_test" "$repairs" \
    "$work/$sample.01-pdf-source.json" "$work/$sample.out.json" "$work/$sample.09-chapters.json"
  check "$sample: a run from the paragraphs' dump matches the pipeline's dump" \
    "$stage_test" "headings ! captions-lists ! fragments ! chapters" \
    "$work/$sample.05-paragraphs.json" "$work/$sample.09-chapters.json"
done

# A result that differs exits 1 and names the place.
printf '{"body": {"children": [{"kind": "p", "children": [{"kind": "text", "text": "１"}]}]}}' \
  >"$work/one.json"
printf '{"body": {"children": [{"kind": "p", "children": [{"kind": "text", "text": "1"}]}]}}' \
  >"$work/wrong.json"
check "a differing result exits 1" exits 1 "$stage_test" --plugin-dir "$RECTO_TEST_EXTRA_DIR" \
  fullwidth-digits "$work/one.json" "$work/wrong.json"
check "the difference is named by its path" sh -c '"$1" --plugin-dir "$2" fullwidth-digits "$3" "$4" |
  grep -qF "\$.body.children[0].children[0].kind: expected \"text\", got \"reg\""' - \
  "$stage_test" "$RECTO_TEST_EXTRA_DIR" "$work/one.json" "$work/wrong.json"
check "--update writes the expectation, which then matches" sh -c \
  '"$1" --plugin-dir "$2" fullwidth-digits "$3" "$4" --update && "$1" --plugin-dir "$2" fullwidth-digits "$3" "$4"' \
  - "$stage_test" "$RECTO_TEST_EXTRA_DIR" "$work/one.json" "$work/updated.json"

# Errors: each with recto's exit code and one line naming the cause.
printf '{"pages": [{"lines": [{"box": "no"}]}]}' >"$work/broken.json"
check "a broken fixture exits 4 naming the JSON path" sh -c '"$1" headings "$2" 2>&1 >/dev/null |
  grep -qF "$.pages[0].lines[0].box: expected a box"; test $? -eq 0 && { "$1" headings "$2"; test $? -eq 4; }' \
  - "$stage_test" "$work/broken.json"
check "a missing fixture exits 3" exits 3 "$stage_test" headings "$work/none.json"
check "an unknown stage exits 6" exits 6 "$stage_test" no-such-stage "$work/one.json"
check "a source stage is refused with exit 2" exits 2 "$stage_test" pdf-source "$work/one.json"
check "a missing argument exits 2" exits 2 "$stage_test" headings
check "a failing stage exits 7" exits 7 "$stage_test" --plugin-dir "$RECTO_TEST_EXTRA_DIR" \
  "test-repair fail=with-error" "$work/one.json"
tap_end
