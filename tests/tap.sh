# tap.sh: TAP output for the shell tests. Source it after setting $work (a scratch folder):
#   check "what must hold" COMMAND…   one TAP line; the command's output is shown if it fails;
#                                     a description ending "# TODO why" is a known failure (TAP),
#                                     which does not fail the script (meson fails it if it passes)
#   tap_end                           the plan line, and the exit status
n=0
fail=0
check() {
  n=$((n + 1))
  desc=$1
  shift
  if "$@" >"$work/log" 2>&1; then echo "ok $n - $desc"; else
    echo "not ok $n - $desc"; sed 's/^/# /' "$work/log"
    case $desc in *"# TODO"*) ;; *) fail=1 ;; esac; fi
}
tap_end() {
  echo "1..$n"
  exit $fail
}
