# Signals mid-run: SIGINT or SIGTERM while the output is being written
# leaves no temporary file and the previous output untouched; SIGKILL (no
# handler can run) leaves the temporary file, which the next run into the
# same output removes. The input is a FIFO, so "mid-run" is exact: the run
# has read half its input and waits for the rest.
set -u
tmp=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
if [ -n "${ZS_TEST_SLOW:-}" ]; then copies=4; else copies=40; fi
for i in $(seq $copies); do cat corpus/*.txt; done >"$tmp/big.txt"
half=$(($(stat -c %s "$tmp/big.txt") / 2))
mkfifo "$tmp/in.fifo"
echo previous >"$tmp/out.csv"

temps() { ls -A "$tmp" | grep '^\.out\.csv\.' ; }

# start_run: zhstats reads the FIFO into out.csv; half the input is written.
start_run() {
  # Under tests/valgrind.sh: no leak check for a run killed on purpose.
  ZS_VALGRIND_LEAK=no "$ZHSTATS" -o "$tmp/out.csv" "$tmp/in.fifo" 2>"$tmp/err" &
  pid=$!
  exec 3>"$tmp/in.fifo"
  head -c "$half" "$tmp/big.txt" >&3
  for _ in $(seq 200); do [ -n "$(temps)" ] && break; sleep 0.05; done
  [ -n "$(temps)" ] || fail "no temporary file while running"
  case "$(temps)" in *".out.csv.$pid."*) ;; *) fail "temporary file lacks the PID: $(temps)" ;; esac
}

for sig in INT TERM; do
  start_run
  kill -s "$sig" "$pid"
  wait "$pid"
  rc=$?
  exec 3>&-
  [ "$rc" -eq $((128 + $(kill -l "$sig"))) ] || fail "SIG$sig: exit $rc"
  [ "$(cat "$tmp/out.csv")" = previous ] || fail "SIG$sig: previous output changed"
  [ -z "$(temps)" ] || fail "SIG$sig: temporary file left: $(temps)"
done

# SIGKILL halfway: the old output intact, the temporary file left behind...
start_run
kill -s KILL "$pid"
wait "$pid" 2>/dev/null
exec 3>&-
[ "$(cat "$tmp/out.csv")" = previous ] || fail "SIGKILL: previous output changed"
left=$(temps)
[ -n "$left" ] || fail "SIGKILL: expected a leftover temporary file"
# ...and a leftover of a live process (this shell) is no leftover: kept.
live=".out.csv.$$.AbCdEf"
: >"$tmp/$live"
# The next run into the same output removes the dead run's file and says so.
"$ZHSTATS" -o "$tmp/out.csv" corpus/ 2>"$tmp/err" || fail "rerun: $(cat "$tmp/err")"
grep -q "removed .*$left, left by an interrupted run" "$tmp/err" || fail "rerun: no message: $(cat "$tmp/err")"
[ "$(temps)" = "$live" ] || fail "rerun: temporary files now: $(temps)"
head -1 "$tmp/out.csv" | grep -q '^metric,value,unit' || fail "rerun: output not written"
[ "$(wc -l <"$tmp/out.csv")" -gt 10 ] || fail "rerun: output too short"
exit 0
