# Sharding with GNU parallel (README, "Speed, threads and sharding"): the
# corpus split into shards of files, each shard run with --no-header, the
# shards concatenated in order after one header, is byte for byte one run
# over the whole corpus (statistics and articles).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v parallel >/dev/null || fail "GNU parallel is not installed (make deps)"
mkdir "$tmp/c"
for i in 1 2 3 4 5 6 7; do
  sed "s/2023/20$((10 + i))/g" corpus/peoples-daily-2024-01-31.txt >"$tmp/c/day$i-a.txt"
  sed "s/[0-9]万/$i万/" corpus/puyang-daily-page.txt >"$tmp/c/day$i-b.txt"
done
"$ZHSTATS" -j 1 --explain -o "$tmp/one.csv" --articles "$tmp/one-art.csv" "$tmp/c" \
  || fail "single run"
[ "$(wc -l <"$tmp/one.csv")" -gt 300 ] || fail "too few rows"
# Shards of 3 files, 2 at a time, kept in input order; each shard writes its
# articles beside its statistics.
mkdir "$tmp/shards"
find "$tmp/c" -type f | sort | parallel --will-cite -j 2 -N 3 --keep-order \
  "$ZHSTATS" -j 1 --explain --no-header --articles "$tmp/shards/{#}.art" {} >"$tmp/body.csv" \
  || fail "parallel run"
{ "$ZHSTATS" --explain </dev/null; cat "$tmp/body.csv"; } >"$tmp/merged.csv"
cmp "$tmp/one.csv" "$tmp/merged.csv" || fail "merged statistics differ from one run"
"$ZHSTATS" -o /dev/null --articles "$tmp/header.art" </dev/null
{ cat "$tmp/header.art"; for n in 1 2 3 4 5; do cat "$tmp/shards/$n.art"; done; } >"$tmp/merged-art.csv"
cmp "$tmp/one-art.csv" "$tmp/merged-art.csv" || fail "merged articles differ from one run"
exit 0
