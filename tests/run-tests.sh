#!/usr/bin/env bash
# Runs every test and prints one closing line "N passed, N failed".
#
#   tests/run-tests.sh ZHSTATS TEST_PROGRAM...
#
# Each GLib test program runs in TAP mode; every "ok"/"not ok" line counts.
# Then each tests/t_*.sh script runs as one test, with $ZHSTATS set to the
# binary under test; it passes when it exits 0.
set -u
export ZHSTATS=$1
shift
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8
passed=0
failed=0
failures=""
for prog in "$@"; do
  name=$(basename "$prog")
  out=$("$prog" --tap -k 2>&1)
  rc=$?
  p=$(grep -c '^ok ' <<<"$out")
  f=$(grep -c '^not ok ' <<<"$out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$f" -ne 0 ]; then
    failures="$failures $name"
    printf '%s\n' "$out" | grep -av '^ok ' | sed "s/^/  $name: /"
  fi
  printf '  %-24s %3d passed, %d failed\n' "$name" "$p" "$f"
done
for script in tests/t_*.sh; do
  [ -e "$script" ] || continue
  name=$(basename "$script" .sh)
  # ZS_SKIP_TESTS: names of scripts to leave out (tests/valgrind.sh uses it).
  case " ${ZS_SKIP_TESTS:-} " in *" $name "*) continue ;; esac
  if out=$(bash "$script" 2>&1); then
    passed=$((passed + 1))
    printf '  %-24s ok\n' "$name"
  else
    failed=$((failed + 1))
    failures="$failures $name"
    printf '%s\n' "$out" | sed "s/^/  $name: /"
    printf '  %-24s FAILED\n' "$name"
  fi
done
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
