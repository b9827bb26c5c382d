#!/usr/bin/env bash
# install-deps.sh: installs, from Debian 12's archive, everything recto needs to build, run and
# test. Does nothing when all of it is already there. Needs root (uses sudo when not root).
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config libglib2.0-dev libpoppler-glib-dev libxml2-dev
  libjson-glib-dev
  # run: Poppler needs poppler-data for PDFs that use the predefined CJK CMaps (GBK-EUC-H…)
  poppler-data
  # test: the sanitizers' runtime comes with gcc; jing checks against tei_all; python3 checks
  # JSON; xmllint checks our own TEI profile; valgrind checks for leaks; pdftotext is the benchmarks' yardstick
  jing libxml2-utils python3 valgrind poppler-utils
  # the README's batch example runs GNU parallel; the benchmark compares with mutool
  parallel mupdf-tools
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
