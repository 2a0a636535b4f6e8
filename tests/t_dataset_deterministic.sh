# Same inputs, rules and options give the same bytes in all three files,
# whatever the order of the inputs on the command line.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$tmp/a" "$tmp/b"
files=$(find corpus -type f | LC_ALL=C sort)
reversed=$(printf '%s\n' $files | tac)
"$ZHSTATS" -o "$tmp/a/s.csv" --articles "$tmp/a/a.csv" --datapackage "$tmp/a/dp.json" \
  $files tests/data/formula.txt || fail "first run"
"$ZHSTATS" -o "$tmp/b/s.csv" --articles "$tmp/b/a.csv" --datapackage "$tmp/b/dp.json" \
  tests/data/formula.txt $reversed || fail "second run"
for f in s.csv a.csv dp.json; do
  cmp "$tmp/a/$f" "$tmp/b/$f" || fail "$f differs"
done
exit 0
