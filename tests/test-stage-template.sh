#!/usr/bin/env bash
# test-stage-template.sh: the stage author's path of docs/writing-a-stage.md, end to end: installs
# recto into a temporary prefix, writes the stage from the tutorial's code blocks into a clean
# directory outside the tree (and checks they are examples/stage-template), builds it against
# the installed recto (found with pkg-config), runs its fixture tests,
# and runs the stage through the installed `recto inspect` and `recto convert --plugin-dir`, then
# installed beside recto's own stages. Exits non-zero at the first step that fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { echo "stage-template: $*"; }

step "install recto into $prefix"
meson setup "$work/recto-build" "$root" --prefix "$prefix" --libdir lib >/dev/null
meson compile -C "$work/recto-build" >/dev/null
meson install -C "$work/recto-build" --quiet >/dev/null

export PATH="$prefix/bin:$PATH"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
unset RECTO_PLUGIN_PATH

step "write the stage from the tutorial's code blocks, in a clean directory"
# A block opened with ```LANG FILE belongs to FILE; blocks of one file follow one another.
mkdir -p "$work/my-stage/tests"
awk -v dir="$work/my-stage" '
  inside && /^```$/ { inside = 0; next }
  inside { print > file; next }
  /^```[a-z]+ [^ ]+$/ { file = dir "/" $2; inside = 1 }
' "$root/docs/writing-a-stage.md"
# The tutorial and examples/stage-template are the same stage.
diff -r "$root/examples/stage-template" "$work/my-stage"

step "build it against the installed recto"
cd "$work/my-stage"
# pkg-config gives the stage ABI the source declares (include/recto/meson.build).
test "$(pkg-config --variable=stage_abi_version recto)" \
  = "$(sed -n "s/^recto_stage_abi_version = '\([0-9]*\)'$/\1/p" "$root/include/recto/meson.build")"
meson setup build >/dev/null
meson compile -C build >/dev/null

step "its fixture tests pass"
meson test -C build --print-errorlogs

step "recto inspect lists it"
recto inspect --plugin-dir build fullwidth-digits | tee "$work/inspect.txt"
grep -q "^fullwidth-digits (repair stage) 0.1.0" "$work/inspect.txt"
grep -q "ascii-digits:" "$work/inspect.txt"

step "recto convert runs it in a pipeline"
printf '一、总体情况\n\n全年完成投资１２３亿元。\n' >"$work/report.txt"
recto convert --plugin-dir build "$work/report.txt" -o "$work/report.tei.xml" \
  --pipeline 'text-source ! paragraphs ! headings ! fullwidth-digits ! chapters ! tei-sink'
grep -q '<orig>１２３</orig><reg resp="#stage.fullwidth-digits"' "$work/report.tei.xml"
xmllint --noout --relaxng "$root/tests/schema/recto-tei.rng" "$work/report.tei.xml"

step "installed beside recto's stages, it is found without --plugin-dir"
meson install -C build --quiet >/dev/null
recto inspect fullwidth-digits >/dev/null
recto convert "$work/report.txt" -o "$work/installed.tei.xml" \
  --pipeline 'text-source ! paragraphs ! fullwidth-digits ! tei-sink'
grep -q '<reg resp="#stage.fullwidth-digits"' "$work/installed.tei.xml"

step "passed"
