#!/usr/bin/env bash
# check.sh: tests tests/schema/recto-tei.rng, the RELAX NG schema of recto's TEI profile.
#
#   tests/schema/check.sh [FILE...]
#
# Every file in valid/ must validate and every file in invalid/ must fail validation (as a
# validity error, not as a parse or schema error) with xmllint --relaxng. When jing is
# installed and ../shared/tei/tei_all.rng exists beside the repository, every valid/ file must
# also be valid TEI, so that the profile never accepts what tei_all rejects. FILEs given as
# arguments (e.g. real recto output) are checked like valid/ files.
#
# Prints one line per file and then "N passed, M failed"; error details go to stderr. Exits 0
# when everything passed, 1 when something failed, 77 (the "skipped" status of meson and
# automake) when xmllint is missing.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
schema="$here/recto-tei.rng"
tei_all="$root/../shared/tei/tei_all.rng"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found (Debian: libxml2-utils); skipped" >&2
  exit 77
fi

use_jing=0
if command -v jing >/dev/null 2>&1 && [ -f "$tei_all" ]; then
  use_jing=1
else
  echo "note: jing or ../shared/tei/tei_all.rng not found; not cross-checking against tei_all" >&2
fi

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Shows the first lines of the last tool's messages on stderr.
details() {
  grep -v -e 'validates$' -e 'fails to validate$' -e '^\[warning\]' "$log" | head -n 5 \
    | sed 's/^/    /' >&2
}

# xmllint's exit status: 0 valid, 3 (or 4) invalid; anything else means the file or the schema
# could not be read.
run_xmllint() {
  xmllint --noout --relaxng "$schema" "$1" >"$log" 2>&1
}

run_jing() {
  jing "$tei_all" "$1" >"$log" 2>&1
}

# A file that must be accepted by recto-tei.rng (and by tei_all when we can check).
check_valid() {
  local file=$1 name=$2 status
  run_xmllint "$file"
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "FAIL $name: rejected by recto-tei.rng (xmllint status $status)"
    details
    failed=$((failed + 1))
    return
  fi
  if [ "$use_jing" -eq 1 ]; then
    if ! run_jing "$file"; then
      echo "FAIL $name: valid for recto-tei.rng but NOT for tei_all.rng"
      details
      failed=$((failed + 1))
      return
    fi
    echo "PASS $name (recto-tei, tei_all)"
  else
    echo "PASS $name (recto-tei)"
  fi
  passed=$((passed + 1))
}

# A file that recto-tei.rng must reject with a validity error.
check_invalid() {
  local file=$1 name=$2 status
  run_xmllint "$file"
  status=$?
  case $status in
    0)
      echo "FAIL $name: accepted by recto-tei.rng"
      failed=$((failed + 1))
      ;;
    3 | 4)
      echo "PASS $name (rejected)"
      passed=$((passed + 1))
      ;;
    *)
      echo "FAIL $name: not a validity error (xmllint status $status: bad XML or schema?)"
      details
      failed=$((failed + 1))
      ;;
  esac
}

shopt -s nullglob
for file in "$here"/valid/*.xml; do
  check_valid "$file" "valid/${file##*/}"
done
for file in "$here"/invalid/*.xml; do
  check_invalid "$file" "invalid/${file##*/}"
done
for file in "$@"; do
  check_valid "$file" "$file"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
