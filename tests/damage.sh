# damage.sh: for the shell tests of recover-text on pages damaged on purpose. Source it after
# setting $root (the repository); it sets
#   recto, plugins                     the recto under test and its stages ($RECTO_EXE and
#                                      $RECTO_TEST_PLUGIN_DIR from meson, else build/'s), and
#                                      points RECTO_PLUGIN_PATH at them
#   python                             Debian's python3 (python3-gi loads only there), with
#                                      tests/ on its path (tap_checks.written_text)
# and defines
#   needs_recover_text TOOL…           skips the whole test (TAP plan 1..0, exit 0), with why,
#                                      where recto has no recover-text or a TOOL is missing
#   needs_shared FOLDER FILE           skips it likewise where ../shared ($RECTO_SHARED_DIR from
#                                      meson) has no FOLDER/FILE
#   damage IN STEP FONT OUT            OUT is IN with the qpdf update that samples/variants.py
#                                      STEP makes for FONT (as samples/variants.sh damages the
#                                      sample volume); needs $work
#   scan_pages IN PAGES OUT            OUT is pages PAGES of IN (qpdf's "4,5,9") drawn as a
#                                      scan, 200 dpi gray, as samples/variants.sh draws one
#                                      (tests/scan_pdf.py); needs $work, qpdf and pdftoppm
#   volume_pages VOLUME PAGES          converts pages PAGES of ../shared/volumes/VOLUME.pdf into
#                                      $work/pages.xml, their body text into $work/pages.txt;
#                                      needs $work and qpdf
recto=${RECTO_EXE:-$root/build/core/recto}
plugins=${RECTO_TEST_PLUGIN_DIR:-$root/build/plugins}
export RECTO_PLUGIN_PATH=$plugins
python=/usr/bin/python3
export PYTHONPATH=$root/tests${PYTHONPATH:+:$PYTHONPATH}

needs_recover_text() {
  if [ ! -e "$plugins/recover-text.so" ]; then
    echo "1..0 # SKIP recover-text is not built (recto was built without Tesseract)"
    exit 0
  fi
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "1..0 # SKIP needs $tool (tests/install-deps.sh installs it)"
      exit 0
    fi
  done
}

needs_shared() {
  if [ -z "${RECTO_SHARED_DIR:-}" ] || [ ! -f "$RECTO_SHARED_DIR/$1/$2" ]; then
    echo "1..0 # SKIP ../shared/$1 is not there"
    exit 0
  fi
}

damage() {
  qpdf --json=2 --json-key=qpdf --json-stream-data=inline "$1" "$work/in.json" &&
    "$python" "$root/samples/variants.py" "$2" "$work/in.json" "$3" "$work/update.json" \
      >/dev/null &&
    qpdf --deterministic-id --update-from-json="$work/update.json" "$1" "$4"
}

scan_pages() {
  rm -f "$work"/scan-page-*.pgm # a scan made before in $work
  qpdf --empty --pages "$1" "$2" -- "$work/scan-pages.pdf" &&
    pdftoppm -r 200 -gray "$work/scan-pages.pdf" "$work/scan-page" &&
    "$python" "$root/tests/scan_pdf.py" "$work/scan-pages.pdf" "$3" "$work"/scan-page-*.pgm
}

volume_pages() {
  qpdf --empty --pages "$RECTO_SHARED_DIR/volumes/$1.pdf" "$2" -- "$work/pages.pdf" 2>/dev/null
  "$recto" convert -q "$work/pages.pdf" -o "$work/pages.xml"
  "$python" -c 'import sys, tap_checks; print(tap_checks.body_text(sys.argv[1]))' \
    "$work/pages.xml" >"$work/pages.txt"
}
