#!/bin/sh
# test-inspect.sh: `recto inspect` lists every stage from its descriptor, as text and as valid
# JSON. Prints TAP.
set -u
recto=$RECTO_EXE
n=0
fail=0
check() { # check DESCRIPTION COMMAND…
  n=$((n + 1))
  desc=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fail=1; fi
}
json=$("$recto" inspect --json --plugin-dir "$RECTO_TEST_EXTRA_DIR")
text=$("$recto" inspect)
check "inspect --json is valid JSON naming every stage with kind, summary and options" \
  python3 -c '
import json, sys
data = json.loads(sys.argv[1])
stages = {s["name"]: s for s in data["stages"]}
assert data["stage_abi_version"] == 3
for name, kind in [("pdf-source", "source"), ("reading-order", "repair"),
                   ("furniture", "repair"), ("paragraphs", "repair"), ("headings", "repair"),
                   ("chapters", "repair"), ("tei-sink", "sink"), ("test-repair", "repair")]:
    s = stages[name]
    assert s["kind"] == kind and s["summary"] and s["version"] and s["license"], name
    assert isinstance(s["options"], list)
assert [o["name"] for o in stages["pdf-source"]["options"]] == ["password", "allow-damaged",
    "max-outline-depth", "max-page-chars", "max-chars"]
assert stages["pdf-source"]["options"][0]["secret"] is True
assert stages["test-repair"]["options"][0]["choices"] == ["never", "with-error", "silently"]
assert stages["test-repair"]["repairs"][0]["id"] == "touch"
' "$json"
for stage in pdf-source reading-order furniture paragraphs headings chapters tei-sink; do
  check "inspect lists $stage" sh -c 'printf "%s\n" "$1" | grep -q "^$2 (.* stage)"' - "$text" "$stage"
done
check "inspect STAGE shows its options" sh -c '"$1" inspect paragraphs | grep -q "gap (double, 0 to 100, default 0.25)"' - "$recto"
check "inspect of an unknown stage exits 6" sh -c '"$1" inspect nope; test $? -eq 6' - "$recto"
# recover-text is built only with Tesseract: where it is, it is listed; where not, inspect says
# it is absent and why, as text and in the JSON.
if [ -e "$RECTO_TEST_PLUGIN_DIR/recover-text.so" ]; then
  check "recover-text is built: listed, not absent" sh -c \
    'printf "%s\n" "$1" | grep -q "^recover-text (repair stage)" && ! printf "%s\n" "$1" | grep -q "^absent:"' \
    - "$text"
else
  check "recover-text is not built: inspect says it is absent and why" sh -c \
    'printf "%s\n" "$1" | grep -q "^absent: recover-text .*built without Tesseract"' - "$text"
fi
check "the JSON's absent list agrees with the build" python3 -c '
import json, os, sys
data = json.loads(sys.argv[1])
built = os.path.exists(os.path.join(os.environ["RECTO_TEST_PLUGIN_DIR"], "recover-text.so"))
assert [a["name"] for a in data["absent"]] == ([] if built else ["recover-text"]), data["absent"]
' "$json"
check "--version names the ABI" sh -c '"$1" --version | grep -q "stage ABI 3"' - "$recto"
echo "1..$n"
exit $fail
