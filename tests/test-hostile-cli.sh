#!/bin/bash
# test-hostile-cli.sh: the command line facing misuse and hostile inputs (issue 14): -o never
# replaces a device, a FIFO, a link or the input itself; what is not a regular file is refused
# at once; folders that cannot be read are reported and link loops walked once; --threads and
# --timeout hold at their extremes; a killed run leaves nothing behind, a resume removes a
# killed batch's work folders; no stages is exit 6; report lines are valid UTF-8 JSON; the
# memory budget stops a file with one line and exit 12; a stray module is never loaded in a
# conversion, named pipeline or default. Small generated inputs only. Prints TAP.
set -u
recto=$RECTO_EXE
root=$RECTO_SOURCE_ROOT
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
. "$root/tests/tap.sh"
plugins=(--plugin-dir "$RECTO_TEST_PLUGIN_DIR")
fast='pdf-source ! reading-order ! paragraphs ! tei-sink'
cd "$work" || exit 1
cp "$root/samples/en-report.pdf" in.pdf

# -o onto what is not a plain file.
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o /dev/null 2>err
check "-o /dev/null exits 0 and /dev/null stays a device" sh -c "test $? -eq 0 && test -c /dev/null"
mkfifo pipe
timeout 60 cat pipe >from-pipe &
pids+=($!)
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o pipe 2>err
code=$?
wait "${pids[-1]}"
check "-o FIFO writes the TEI through it and leaves the FIFO" \
  sh -c "test $code -eq 0 && test -p pipe && grep -q '</TEI>' from-pipe"
echo keep >target.xml
ln -s target.xml link
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o link 2>err
check "-o LINK replaces the link's target and keeps the link" \
  sh -c "test -L link && grep -q '</TEI>' target.xml && test -z \"\$(ls -A . | grep '^\.target')\""
ln -s missing.xml dangling
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o dangling 2>err
check "-o onto a link to nothing is refused (exit 8), the link kept" \
  sh -c "test $? -eq 8 && test -L dangling && test ! -e missing.xml && grep -q 'symbolic link' err"

# -o naming the input.
cp in.pdf keep.pdf
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o in.pdf 2>err
check "-o INPUT is refused (exit 2), the input unchanged" sh -c "test $? -eq 2 && cmp -s in.pdf keep.pdf"
ln in.pdf hard.pdf
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o hard.pdf 2>err
check "-o a hard link of the input is refused" sh -c "test $? -eq 2 && cmp -s in.pdf keep.pdf"
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o hard.pdf --report r.jsonl 2>err
check "a batch whose output is its input is refused" \
  sh -c "test $? -eq 2 && cmp -s in.pdf keep.pdf && grep -q 'is the input itself' err"

# Inputs that are not regular files: refused at once, one line naming the file.
mkfifo in-pipe
timeout 20 "$recto" convert "${plugins[@]}" in-pipe -o x.xml 2>err
check "a FIFO input with no writer is refused at once (exit 3), one line" \
  sh -c "test $? -eq 3 && grep -q '^recto: in-pipe: not a regular file (a FIFO)' err && test \$(wc -l <err) -eq 1"
for dev in /dev/null /dev/zero; do
  timeout 20 "$recto" convert "${plugins[@]}" "$dev" -o x.xml 2>err
  check "$dev as input is refused (exit 3), one clear line" \
    sh -c "test $? -eq 3 && grep -q \"^recto: $dev: not a regular file (a character device)\" err && test \$(wc -l <err) -eq 1"
done

# Directory walks: link loops walked once, unreadable folders reported.
mkdir -p tree/sub out
cp in.pdf tree/sub/a.pdf
ln -s .. tree/sub/up
ln -s . tree/x
ln -s . tree/y
timeout 60 "$recto" convert "${plugins[@]}" -p "$fast" tree -o out --report loop.jsonl 2>err
check "symbolic link loops in a directory: the file is converted once" \
  sh -c "test $? -eq 0 && test \$(wc -l <loop.jsonl) -eq 1"
if [ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null; then
  as_user=()
  [ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  mkdir -p locked-tree/ok locked-tree/closed locked-out
  cp in.pdf locked-tree/ok/a.pdf
  cp in.pdf locked-tree/closed/b.pdf
  chmod 755 "$work"
  [ "$(id -u)" -eq 0 ] && chown -R 65534 locked-tree locked-out
  chmod 000 locked-tree/closed
  "${as_user[@]}" "$recto" convert "${plugins[@]}" -p "$fast" locked-tree -o locked-out \
    --report locked-out/report.jsonl 2>err
  code=$?
  chmod 755 locked-tree/closed
  check "an unreadable folder in a batch is reported (exit 9, a failed report line)" \
    sh -c "test $code -eq 9 && grep -q 'closed: cannot read the folder' err && grep -q '\"status\":\"failed\"' locked-out/report.jsonl"
else
  echo "# skipped: no way to make an unreadable folder as root without setpriv"
fi

# Numbers at their extremes.
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o t1.xml --threads 1 2>err
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o tmax.xml --threads 2147483647 2>err
check "--threads 2147483647 is clamped and gives the same bytes" sh -c "test $? -eq 0 && cmp -s t1.xml tmax.xml"
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o timeout.xml --timeout 4295 2>err
check "--timeout 4295 does not wrap around" test $? -eq 0

# Interrupted runs leave nothing; a resume removes a killed batch's work folders.
hang=(--plugin-dir "$RECTO_TEST_EXTRA_DIR" -p "pdf-source ! test-repair hang-on=hang ! tei-sink")
for sig in INT TERM HUP; do
  cp in.pdf hang.pdf
  "$recto" convert "${plugins[@]}" "${hang[@]}" hang.pdf -o hang.xml 2>/dev/null &
  pid=$!
  seen=0 # the temporary file was there to be removed
  for _ in $(seq 100); do
    if ls -A | grep -q '^\.hang\.xml\.'; then seen=1 && break; fi
    sleep 0.1
  done
  kill -s "$sig" "$pid"
  wait "$pid"
  check "SIG$sig on a single run removes its temporary file" \
    sh -c "test $seen -eq 1 && test -z \"\$(ls -A | grep '^\.hang')\" && test ! -e hang.xml"
done
# A single run stopped by --timeout runs in a worker of its own: neither the temporary file
# nor the worker's work folder is left.
"$recto" convert "${plugins[@]}" "${hang[@]}" hang.pdf -o hang.xml --timeout 2 2>err
code=$?
check "a single run stopped by --timeout exits 10 and leaves no temporary file or work folder" \
  sh -c "test $code -eq 10 && test -z \"\$(ls -A | grep -e '^\.hang' -e '^\.recto-')\" && test ! -e hang.xml"
mkdir -p killed/in killed/out
cp in.pdf killed/in/hang.pdf
cp in.pdf killed/in/other.pdf
"$recto" convert "${plugins[@]}" "${hang[@]}" killed/in -o killed/out 2>/dev/null &
pid=$!
for _ in $(seq 100); do ls -A killed/out | grep -q '^\.recto-' && break; sleep 0.1; done
kill -KILL "$pid"
wait "$pid" 2>/dev/null
sleep 0.5
left=$(ls -A killed/out | grep -c '^\.recto-')
check "a batch killed by SIGKILL leaves its work folder (what the resume must clean)" test "$left" -ge 1
find killed/out -path '*/.recto-*' -exec touch -h -d '2 hours ago' {} +
mkdir killed/out/.recto-fresh1
"$recto" convert "${plugins[@]}" -p "$fast" --skip-existing killed/in --exclude 'hang*' \
  -o killed/out 2>err
check "a resume removes the stale work folder, keeps a fresh one" \
  sh -c "test \$(ls -A killed/out | grep -c '^\.recto-') -eq 1 && test -d killed/out/.recto-fresh1"
mkdir killed/out/.recto-locked
touch killed/out/.recto-locked/lock
python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "r+"); fcntl.lockf(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(60)
' killed/out/.recto-locked/lock >held &
pids+=($!)
for _ in $(seq 50); do grep -q locked held && break; sleep 0.1; done
touch -d '2 hours ago' killed/out/.recto-locked/lock killed/out/.recto-locked
"$recto" convert "${plugins[@]}" -p "$fast" --skip-existing killed/in --exclude 'hang*' \
  -o killed/out 2>err
check "a work folder locked by a live batch is kept, however old" test -d killed/out/.recto-locked
kill "${pids[-1]}"

# No stages at all: exit 6, not a bad input.
if ! RECTO_PLUGIN_PATH=/nonexistent "$recto" inspect 2>/dev/null | grep -q '^pdf-source'; then
  RECTO_PLUGIN_PATH=/nonexistent "$recto" convert in.pdf -o none.xml 2>err
  check "no stages found is exit 6, one line" \
    sh -c "test $? -eq 6 && test \$(wc -l <err) -eq 1 && grep -q 'no source stage found' err"
  cp in.pdf in2.pdf
  RECTO_PLUGIN_PATH=/nonexistent "$recto" convert in.pdf in2.pdf -o out 2>err
  check "no stages found in a batch is exit 6 before any file" \
    sh -c "test $? -eq 6 && test \$(wc -l <err) -eq 1"
else
  echo "# skipped: stages are installed on this machine"
fi

# Report lines for a file name that is not UTF-8.
mkdir -p latin1
cp in.pdf "latin1/$(printf 'r\351sum\351').pdf"
"$recto" convert "${plugins[@]}" -p "$fast" latin1 -o latin1 --report latin1.jsonl 2>err
check "report lines are UTF-8 JSON; a non-UTF-8 name comes back byte for byte" python3 -c '
import json, os, sys
line = open(sys.argv[1], "rb").read().decode("utf-8")
entry = json.loads(line)
assert os.fsencode(entry["file"]).endswith(b"r\xe9sum\xe9.pdf"), entry["file"]
assert entry["status"] == "ok", entry
' latin1.jsonl
# A file that fails under a name of several non-UTF-8 bytes in a row (宋体 in GBK): its error
# reaches the report whole, as a failure, not as a worker that died without a summary.
mkdir -p gbk
printf 'not a pdf' >"gbk/$(printf '\313\316\314\345').pdf"
"$recto" convert "${plugins[@]}" -p "$fast" -j 2 gbk -o gbk --report gbk.jsonl 2>err
check "a failing non-UTF-8 name is reported failed (exit 4) with its cause" python3 -c '
import json, os, sys
entry = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
assert entry["status"] == "failed" and entry["exit_code"] == 4, entry
assert os.fsencode(entry["error"]).endswith(b"\xcb\xce\xcc\xe5.pdf: pdf-source: not a PDF file (no %PDF- header)"), entry
' gbk.jsonl

# --skip-existing reads the whole header, however long.
mkdir -p long
cp in.pdf long/v.pdf
"$recto" convert "${plugins[@]}" -p "$fast" long/v.pdf -o long/v.tei.xml 2>err
python3 -c '
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace("<title>", "<title>" + "long title " * 20000, 1)
open(path, "w", encoding="utf-8").write(text)
' long/v.tei.xml
"$recto" convert "${plugins[@]}" -p "$fast" --skip-existing long -o long --report long.jsonl 2>err
check "--skip-existing finds the checksum after a 200 KB title" grep -q '"status":"skipped"' long.jsonl

# Warnings stay short.
python3 "$root/tests/make-hostile-pdf.py" blank blank.pdf 3000
"$recto" convert "${plugins[@]}" -p "$fast" blank.pdf -o blank.xml 2>err
check "3000 textless pages give one short warning with a page range" \
  sh -c "grep -q 'pages 1-3000)' err && test \$(wc -c <err) -lt 300"

# A stray module is not loaded for a pipeline that does not name it, nor in a default
# conversion (probing the input loads only the modules named "*-source"), in a single run or a
# batch; a copy of the plugin folder holds it, as a stray file would sit there.
mkdir copy
cp "$RECTO_TEST_PLUGIN_DIR"/*.so "$RECTO_TEST_STRAY_DIR"/stray.so copy/
RECTO_TEST_MARKER=$work/marker RECTO_PLUGIN_PATH= "$recto" convert --plugin-dir copy in.pdf \
  -o default.xml 2>err
check "a stray module's constructor does not run in a default conversion" \
  sh -c "test $? -eq 0 && grep -q '</TEI>' default.xml && test ! -e marker"
mkdir batch-out && printf 'plain text\n' >plain.txt
RECTO_TEST_MARKER=$work/marker RECTO_PLUGIN_PATH= "$recto" convert --plugin-dir copy in.pdf \
  plain.txt -o batch-out --report stray.jsonl 2>err
check "nor in a default batch" \
  sh -c "test $? -eq 0 && test -s batch-out/plain.tei.xml && test -s batch-out/in.tei.xml && test ! -e marker"
RECTO_TEST_MARKER=$work/marker "$recto" convert --plugin-dir "$RECTO_TEST_STRAY_DIR" \
  "${plugins[@]}" -p "$fast" in.pdf -o stray.xml 2>err
check "a stray module's constructor does not run for a named pipeline" \
  sh -c "test $? -eq 0 && test ! -e marker"
RECTO_TEST_MARKER=$work/marker "$recto" inspect --plugin-dir "$RECTO_TEST_STRAY_DIR" \
  "${plugins[@]}" >/dev/null 2>&1
check "inspect loads every module (the marker shows the test can see a load)" test -e marker

# The memory budget: one line and exit 12, in a single run and in a batch.
"$recto" convert "${plugins[@]}" -p "$fast" in.pdf -o budget.xml --max-memory 64 2>err
if grep -q 'is not applied' err; then
  echo "# skipped: $(cat err)"
else
  python3 "$root/tests/make-hostile-pdf.py" text-pages glyphs.pdf 40
  "$recto" convert "${plugins[@]}" -p "$fast" glyphs.pdf -o glyphs.xml --threads 1 \
    --max-memory 64 2>err
  check "a file over --max-memory stops with exit 12 and one line, and leaves no temporary file" \
    sh -c "test $? -eq 12 && grep -q '^recto: glyphs.pdf: out of memory' err && test ! -e glyphs.xml \
      && test -z \"\$(ls -A | grep -e '^\.glyphs' -e '^\.recto-')\""
  "$recto" convert "${plugins[@]}" -p "$fast" glyphs.pdf -o glyphs.xml --threads 1 \
    --max-memory 64 --report mem.jsonl 2>err
  check "in a batch, the file is reported failed with exit code 12" \
    sh -c "test $? -eq 12 && grep -q '\"exit_code\":12' mem.jsonl && grep -q 'out of memory' mem.jsonl"
fi
tap_end
