# --check: exit 0 on an identical copy of the dataset, exit 1 with the rows
# added, removed and changed when it differs; writes nothing either way.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
d=$tmp/out
mkdir "$d"
"$ZHSTATS" -o "$d/statistics.csv" --articles "$d/articles.csv" \
  --datapackage "$d/datapackage.json" corpus/ || fail "run"
check() {
  "$ZHSTATS" --check -o "$d/statistics.csv" --articles "$d/articles.csv" \
    --datapackage "$d/datapackage.json" corpus/ 2>"$tmp/err"
}
check || fail "fresh copy reported stale: $(cat "$tmp/err")"
grep -q "up to date" "$tmp/err" || fail "no up-to-date line"

# One value changed, one row deleted, one row that no run writes.
cp "$d/statistics.csv" "$tmp/orig.csv"
sed -i -e '2s/^\([a-z_]*\),\([0-9]*\),/\1,\21,/' -e '10d' "$d/statistics.csv"
printf 'made_up,1,人,句子。,level,exact,1人,,x.txt,1,\r\n' >>"$d/statistics.csv"
touch -d '2001-01-01' "$d"/*
check
[ $? -eq 1 ] || fail "stale file: exit code"
grep -q "statistics.csv: stale: rows added 1, removed 1, changed 1" "$tmp/err" \
  || fail "summary: $(cat "$tmp/err")"
grep -q "^  ~ corpus/.* value: " "$tmp/err" || fail "changed row not shown"
grep -q "^  - made_up,1,人" "$tmp/err" || fail "removed row not shown"
grep -q "articles.csv" "$tmp/err" && fail "articles.csv reported: $(cat "$tmp/err")"
# Nothing written: the files keep their old times, no temporary file.
[ -z "$(find "$d" -type f -newermt 2002-01-01)" ] || fail "--check wrote a file"
[ "$(ls -A "$d" | wc -l)" -eq 3 ] || fail "files appeared: $(ls -A "$d")"

# A header-only change and a datapackage edit are reported too.
cp "$tmp/orig.csv" "$d/statistics.csv"
sed -i '1s/metric,/Metric,/' "$d/statistics.csv"
sed -i 's/"title": "Statistics"/"title": "Stats"/' "$d/datapackage.json"
check
[ $? -eq 1 ] || fail "header and descriptor: exit code"
grep -q "the header differs" "$tmp/err" || fail "header: $(cat "$tmp/err")"
grep -q "datapackage.json: stale: differs from line [0-9]" "$tmp/err" || fail "descriptor: $(cat "$tmp/err")"

# A missing file is stale; --check without -o is a usage error.
rm "$d/articles.csv"
check
[ $? -eq 1 ] || fail "missing file: exit code"
grep -q "articles.csv: stale" "$tmp/err" || fail "missing: $(cat "$tmp/err")"
"$ZHSTATS" --check corpus/ 2>/dev/null
[ $? -eq 2 ] || fail "--check without -o: exit code"
exit 0
