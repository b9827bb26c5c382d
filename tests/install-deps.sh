#!/usr/bin/env bash
# install-deps.sh: installs, from Debian 12's archive, everything recto needs to build, run and
# test. Does nothing when all of it is already there. Needs root (uses sudo when not root).
set -euo pipefail

packages=(
  # build; the recover-text stage OCRs with Tesseract (and Leptonica, its image library)
  gcc meson ninja-build pkg-config libglib2.0-dev libpoppler-glib-dev libxml2-dev
  # build: pdf-source reads the text layer through Poppler's own C++ classes (text-layer.cc)
  g++ libpoppler-private-dev
  libjson-glib-dev libtesseract-dev libleptonica-dev
  # build: recto review writes its page images as JPEG
  libjpeg-dev
  # run: Tesseract's language data for recover-text (and bench/ocr.sh's yardstick)
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
  # run: the models recover-text reads Japanese, traditional Chinese and Korean with
  tesseract-ocr-jpn tesseract-ocr-chi-tra tesseract-ocr-kor
  # test: the sRGB profile test-heading-type3 gives a PDF as its output intent
  libgs-common
  # run: Poppler needs poppler-data for PDFs that use the predefined CJK CMaps (GBK-EUC-H…)
  poppler-data
  # test: the sanitizers' runtime comes with gcc; jing checks against tei_all; python3 checks
  # JSON; xmllint checks our own TEI profile; valgrind checks for leaks; pdftotext is the benchmarks' yardstick
  jing libxml2-utils python3 valgrind poppler-utils
  # test: headless Chromium loads the reviews that recto review writes (tests/test-review.sh)
  chromium
  # the README's batch example runs GNU parallel; the benchmark compares with mutool;
  # qpdf damages samples for recover-text (tests/test-recover-text.sh, samples/variants.sh)
  parallel mupdf-tools qpdf
  # fuzz: tests/fuzz builds its libFuzzer targets with clang (libFuzzer's runtime is in
  # libclang-rt-14-dev); iconv (libc-bin) makes the text seeds
  clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
