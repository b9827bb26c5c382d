#!/usr/bin/env bash
# make-seeds.sh TARGET DIR BUILD_DIR: the seed corpus of a fuzz target, made from the samples:
# small PDFs (single pages, uncompressed, so that mutations reach the content streams), text in
# the encodings the text source reads, document dumps, and pipeline descriptions.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=$1 dir=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pages() { # a few single pages of the samples, uncompressed
  for pdf in "$root"/samples/en-report.pdf "$root"/samples/zh-volume.pdf; do
    for page in 1 2 5; do
      qpdf --empty --pages "$pdf" "$page" -- --qdf --object-streams=disable \
        "$tmp/$(basename "$pdf" .pdf)-$page.pdf" 2>/dev/null || true
    done
  done
}

case $target in
  pdf-source)
    pages
    cp "$tmp"/*.pdf "$root"/tests/data/encrypted.pdf "$dir"/
    ;;
  text-source)
    cp "$root"/samples/text/*.txt "$dir"/
    pdftotext -l 3 "$root"/samples/zh-volume.pdf "$tmp/zh.txt"
    pdftotext -l 3 "$root"/samples/en-report.pdf "$tmp/en.txt"
    cp "$tmp/zh.txt" "$tmp/en.txt" "$dir"/
    iconv -f UTF-8 -t GB18030 "$tmp/zh.txt" >"$dir/zh-gb18030.txt"
    iconv -f UTF-8 -t UTF-16 "$tmp/zh.txt" >"$dir/zh-utf16-bom.txt"
    iconv -f UTF-8 -t UTF-16LE "$tmp/en.txt" >"$dir/en-utf16le.txt"
    iconv -f UTF-8 -t UTF-32 "$tmp/zh.txt" >"$dir/zh-utf32-bom.txt"
    ;;
  dump-load)
    pages
    cp "$root"/examples/stage-template/tests/*.json "$dir"/
    for pdf in "$tmp"/*-1.pdf "$tmp"/*-2.pdf; do
      "$build/core/recto" convert --plugin-dir "$build/plugins" "$pdf" -o "$tmp/out.tei.xml" \
        --dump-after reading-order,paragraphs,chapters --dump-dir "$tmp/dumps" \
        >/dev/null 2>&1 || true
    done
    cp "$tmp"/dumps/*.json "$dir"/ 2>/dev/null || true
    ;;
  pipeline)
    n=0
    while IFS= read -r line; do
      n=$((n + 1))
      printf '%s' "$line" >"$dir/seed-$n"
    done <<'SEEDS'
pdf-source ! reading-order ! furniture ! footnotes ! paragraphs ! headings ! captions-lists ! fragments ! chapters ! tei-sink
pdf-source password='a b' allow-damaged=true ! paragraphs ! tei-sink
text-source encoding=gb18030 ! paragraphs ! headings ! tei-sink
text-source encoding="utf-16" ! tei-sink
reading-order ! furniture
paragraphs ! chapters
pdf-source password=x\ y ! tei-sink
SEEDS
    ;;
  *)
    echo "make-seeds.sh: unknown target $target" >&2
    exit 2
    ;;
esac
