# --report on the command line: the CSV is the same bytes with or without
# it (the report's unclaimed quantities stay out of the CSV unless
# --all-quantities asks for them), the page is the same bytes on every
# run, and a report that cannot be written fails the run leaving nothing.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$ZHSTATS" -o "$tmp/plain.csv" corpus/ || fail "plain run"
"$ZHSTATS" -o "$tmp/with.csv" --report "$tmp/a.html" corpus/ || fail "run with --report"
cmp -s "$tmp/plain.csv" "$tmp/with.csv" || fail "--report changed the CSV"
"$ZHSTATS" -o "$tmp/b.csv" --report "$tmp/b.html" corpus/ || fail "second run"
cmp -s "$tmp/a.html" "$tmp/b.html" || fail "the page differs between two runs"
# rows in the page: one data-row per CSV row
rows=$(($(wc -l <"$tmp/plain.csv") - 1))
marks=$(grep -o 'data-row="' "$tmp/a.html" | wc -l)
[ "$rows" -eq "$marks" ] || fail "$marks highlighted rows, $rows CSV rows"

"$ZHSTATS" --all-quantities -o "$tmp/all.csv" corpus/ || fail "--all-quantities"
"$ZHSTATS" --all-quantities -o "$tmp/all2.csv" --report "$tmp/all.html" corpus/ || fail "--all-quantities --report"
cmp -s "$tmp/all.csv" "$tmp/all2.csv" || fail "--report changed the --all-quantities CSV"
rows=$(($(wc -l <"$tmp/all.csv") - 1))
marks=$(grep -o 'data-row="' "$tmp/all.html" | wc -l)
[ "$rows" -eq "$marks" ] || fail "--all-quantities: $marks highlighted rows, $rows CSV rows"

# Not the location of the rules checkout: the page of a copy is the same.
cp -r rules "$tmp/rules"
"$ZHSTATS" -r "$tmp/rules" -o /dev/null --report "$tmp/c.html" corpus/ || fail "copied rules"
cmp -s "$tmp/a.html" "$tmp/c.html" || fail "the page depends on where the rules are"

# An unwritable report: exit 1, named, no output at all.
"$ZHSTATS" -o "$tmp/out.csv" --report "$tmp/no/such/dir/r.html" corpus/ 2>"$tmp/err"
[ $? -eq 1 ] || fail "unwritable report: exit code"
grep -q "r.html" "$tmp/err" || fail "unwritable report: message $(cat "$tmp/err")"
[ ! -e "$tmp/out.csv" ] || fail "unwritable report: CSV left behind"
exit 0
