# Errors: one clear line naming the file (and line), the documented exit
# code, and no output file left behind, not even a temporary one.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A missing input: exit 1, the message names it, no output file.
"$ZHSTATS" -o "$tmp/out.csv" "$tmp/missing.txt" 2>"$tmp/err"
[ $? -eq 1 ] || fail "missing input: exit code"
grep -q "missing.txt" "$tmp/err" || fail "missing input: message"
[ -z "$(ls -A "$tmp" | grep -v err)" ] || fail "missing input: left $(ls -A "$tmp")"

# An unreadable rules file: exit 2, named.
"$ZHSTATS" -r "$tmp/none.rules" -o "$tmp/out.csv" corpus/ 2>"$tmp/err"
[ $? -eq 2 ] || fail "unreadable rules: exit code"
grep -q "none.rules" "$tmp/err" || fail "unreadable rules: message"
[ ! -e "$tmp/out.csv" ] || fail "unreadable rules: output left"

# A broken pattern: exit 2, FILE:LINE and PCRE2's message.
printf '[ok_metric]\nphrase=人口\nunit=人\n\n[bad_metric]\npattern=(unclosed\nunit=人\n' >"$tmp/bad.rules"
"$ZHSTATS" -r "$tmp/bad.rules" -o "$tmp/out.csv" corpus/ 2>"$tmp/err"
[ $? -eq 2 ] || fail "broken pattern: exit code"
grep -q "bad.rules:6: pattern of \[bad_metric\] does not compile" "$tmp/err" || fail "broken pattern: $(cat "$tmp/err")"
[ ! -e "$tmp/out.csv" ] || fail "broken pattern: output left"

# The previous output survives a failed run untouched.
echo previous >"$tmp/keep.csv"
"$ZHSTATS" -o "$tmp/keep.csv" "$tmp/missing.txt" 2>/dev/null
[ "$(cat "$tmp/keep.csv")" = previous ] || fail "previous output replaced"

# A bad option: exit 2.
"$ZHSTATS" --no-such-option 2>/dev/null
[ $? -eq 2 ] || fail "bad option: exit code"

# -o /dev/null is written directly, never renamed over.
"$ZHSTATS" -o /dev/null corpus/ || fail "-o /dev/null"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
exit 0
