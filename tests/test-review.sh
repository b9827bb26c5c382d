#!/usr/bin/env bash
# test-review.sh: `recto review` writes a static review that a browser loads from file://
# without errors, with one page image per page and one box per TEI element of each role (issue
# 18). The browser is headless Chromium (Debian's chromium, from tests/install-deps.sh); the
# browser checks are skipped, with a message, when it cannot run. Prints TAP.
set -u
recto=$RECTO_EXE
samples=$RECTO_SOURCE_ROOT/samples
check_py=$RECTO_SOURCE_ROOT/tests/review-check.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$RECTO_SOURCE_ROOT/tests/tap.sh"
export RECTO_PLUGIN_PATH=$RECTO_TEST_PLUGIN_DIR

browser=""
for candidate in chromium chromium-browser; do
  command -v "$candidate" >/dev/null 2>&1 && browser=$candidate && break
done
chrome() { # chrome URL ARGS…: headless, with its console on stderr
  local url=$1
  shift
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@" "$url"
}
if [ -n "$browser" ] && ! chrome about:blank --dump-dom >/dev/null 2>&1; then
  browser=""
fi

# channels JPEG: the number of colour channels its frame header (SOF0) gives.
channels() {
  /usr/bin/python3 -c 'import sys
data = open(sys.argv[1], "rb").read()
print(data[data.index(b"\xff\xc0") + 9])' "$1"
}

# colour_check: a page with colour is drawn in colour, a page of black text in grey.
colour_check() {
  /usr/bin/python3 "$RECTO_SOURCE_ROOT/tests/make-colour-pdf.py" "$work/colour.pdf" \
    && "$recto" review -q "$work/colour.pdf" -o "$work/colour" \
    && test "$(channels "$work/colour/pages/p0001.jpg")" = 3 \
    && test "$(channels "$work/zh/pages/p0001.jpg")" = 1
}

# browser_check NAME DIR TEI: loads DIR/index.html, compares its DOM with TEI, screenshots it.
browser_check() {
  local name=$1 dir=$2 tei=$3
  chrome "file://$dir/index.html" --dump-dom >"$work/$name.dom" 2>"$work/$name.log" \
    && chrome "file://$dir/index.html#page-2" --hide-scrollbars --window-size=1200,900 \
      --screenshot="$work/$name.png" >/dev/null 2>&1 \
    && /usr/bin/python3 "$check_py" "$tei" "$work/$name.dom" "$work/$name.log" "$work/$name.png"
}

check "review --help documents --tei and the review's content" \
  sh -c '"$1" review --help | grep -q -- "--tei" && "$1" review --help | grep -q "printed page number"' - "$recto"
check "review without -o is a usage error (exit 2)" \
  sh -c '"$1" review "$2"; test $? -eq 2' - "$recto" "$samples/zh-volume.pdf"

check "review converts a PDF and writes the page, data, TEI and one image per page" \
  sh -c '"$1" review -q "$2" -o "$3" && test -s "$3/index.html" && test -s "$3/data.js" \
    && test -s "$3/review.js" && test -s "$3/zh-volume.tei.xml" \
    && test "$(ls "$3/pages" | wc -l)" -eq "$(pdfinfo "$2" | awk "/^Pages:/ { print \$2 }")"' \
  - "$recto" "$samples/zh-volume.pdf" "$work/zh"
check "the TEI with zones is valid for recto's profile" \
  xmllint --noout --relaxng "$RECTO_SOURCE_ROOT/tests/schema/recto-tei.rng" "$work/zh/zh-volume.tei.xml"
check "the review is the same, byte for byte, on 1 and 2 threads" \
  sh -c '"$1" review -q --threads 1 "$2" --tei "$3/zh-volume.tei.xml" -o "$4/t1" \
    && "$1" review -q --threads 2 "$2" --tei "$3/zh-volume.tei.xml" -o "$4/t2" \
    && cmp "$4/t1/data.js" "$4/t2/data.js" \
    && cmp "$4/t1/pages/p0007.jpg" "$4/t2/pages/p0007.jpg"' \
  - "$recto" "$samples/zh-volume.pdf" "$work/zh" "$work"
check "the pages drawn while converting are the images review --tei draws" \
  diff -r "$work/zh/pages" "$work/t1/pages"
check "a page of black text is a one-channel JPEG, a page with colour a three-channel one" \
  colour_check
check "a page image holds what is printed on its page, placed by data.js (a blank page: one pixel)" \
  sh -c '/usr/bin/python3 "$1" make "$2/crop.pdf" && "$3" review -q "$2/crop.pdf" -o "$2/crop" \
    && /usr/bin/python3 "$1" check "$2/crop"' - "$RECTO_SOURCE_ROOT/tests/review-crop.py" "$work" "$recto"
check "a review whose conversion fails leaves no page images" \
  sh -c '"$1" review -q -p "pdf-source max-chars=10 ! tei-sink" "$2" -o "$3/failed"; \
    test $? -eq 4 && test ! -e "$3/failed/pages"' - "$recto" "$samples/zh-volume.pdf" "$work"
check "convert --review writes the TEI and its review" \
  sh -c '"$1" convert -q "$2" -o "$3/en.tei.xml" --review "$3/en" && test -s "$3/en.tei.xml" \
    && grep -q "en-report.pdf" "$3/en/data.js"' - "$recto" "$samples/en-report.pdf" "$work"
check "a text source's review has no images" \
  sh -c '"$1" convert -q "$2" -o "$3/text.tei.xml" && "$1" review -q "$2" --tei "$3/text.tei.xml" -o "$3/text" \
    && test ! -e "$3/text/pages" && grep -q "\"role\":\"head\"" "$3/text/data.js"' \
  - "$recto" "$samples/text/zh-bare-numbers.txt" "$work"
check "review --tei warns when the TEI was made from another file" \
  sh -c '"$1" review "$2" --tei "$3/zh/zh-volume.tei.xml" -o "$3/other" 2>&1 | grep -q "SHA-256 differs" \
    && ! "$1" review "$4" --tei "$3/zh/zh-volume.tei.xml" -o "$3/same" 2>&1 | grep -q "SHA-256"' \
  - "$recto" "$samples/en-report.pdf" "$work" "$samples/zh-volume.pdf"
check "a box without zones of its own is one outline, not a copy of its neighbours' zones" \
  sh -c '/usr/bin/python3 "$1" make "$2/zh/zh-volume.tei.xml" "$2/cells.tei.xml" \
    && "$3" review -q "$4" --tei "$2/cells.tei.xml" -o "$2/cells" \
    && /usr/bin/python3 "$1" check "$2/cells/data.js"' \
  - "$RECTO_SOURCE_ROOT/tests/review-zones.py" "$work" "$recto" "$samples/zh-volume.pdf"
check "review --tei of a file that is not TEI exits 4" \
  sh -c '"$1" review "$2" --tei "$2" -o "$3/bad"; test $? -eq 4' - "$recto" "$samples/text/zh-bare-numbers.txt" "$work"

if [ -z "$browser" ]; then
  echo "# chromium is missing or cannot run here (tests/install-deps.sh installs it): browser checks skipped"
  echo "ok $((n + 1)) # SKIP browser checks: no runnable chromium"
  n=$((n + 1))
else
  check "browser: the volume's review loads cleanly, one image per page, one box per element" \
    browser_check zh "$work/zh" "$work/zh/zh-volume.tei.xml"
  check "browser: the English report's review (convert --review)" \
    browser_check en "$work/en" "$work/en.tei.xml"
  check "browser: the text source's review lists each page's blocks as lines" \
    browser_check text "$work/text" "$work/text.tei.xml"
fi
tap_end
