# -j N: the same bytes as -j 1 (statistics, articles, warnings, exit code),
# over many files that differ, one with invalid UTF-8 (warnings), also when
# jobs must wait for their turn (ZHSTATS_PENDING_MAX tiny), and under
# --strict, where the run fails at the same input.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$tmp/c"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
  sed "s/2023/20$((10 + i))/g; s/1\.29亿/1.$i亿/" corpus/peoples-daily-2024-01-31.txt >"$tmp/c/p$i.txt"
  sed "s/[0-9]万/$i万/" corpus/puyang-daily-page.txt >"$tmp/c/q$i.txt"
done
printf '本报讯 全市新增就业\xff岗位1.2万个。\n' >"$tmp/c/p5b.txt"
run() { # NAME ARGS...: writes NAME.csv, NAME.art, NAME.err, NAME.rc
  local name=$1; shift
  "$ZHSTATS" --explain --all-quantities -o "$tmp/$name.csv" --articles "$tmp/$name.art" "$@" \
    "$tmp/c" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
}
run one -j 1
grep -q 'p5b.txt' "$tmp/one.err" || fail "no warning for the invalid byte"
[ "$(wc -l <"$tmp/one.csv")" -gt 500 ] || fail "too few rows"
for j in 2 3 8; do
  run j$j -j $j
  for x in csv art err rc; do
    cmp -s "$tmp/one.$x" "$tmp/j$j.$x" || fail "-j $j: .$x differs from -j 1"
  done
done
ZHSTATS_PENDING_MAX=100 run small -j 4
for x in csv art err rc; do
  cmp -s "$tmp/one.$x" "$tmp/small.$x" || fail "waiting jobs: .$x differs from -j 1"
done
# -j4 glued, as make spells it.
"$ZHSTATS" --explain --all-quantities -j4 "$tmp/c" 2>/dev/null | cmp -s - "$tmp/one.csv" \
  || fail "-j4 (glued) differs"
# --strict fails at the same input, with the same messages, no output.
run s1 -j 1 --strict
run s3 -j 3 --strict
[ "$(cat "$tmp/s1.rc")" = 1 ] || fail "--strict: exit $(cat "$tmp/s1.rc")"
cmp -s "$tmp/s1.err" "$tmp/s3.err" || fail "--strict: messages differ: $(diff "$tmp/s1.err" "$tmp/s3.err")"
[ "$(cat "$tmp/s3.rc")" = 1 ] || fail "--strict -j 3: exit $(cat "$tmp/s3.rc")"
[ ! -e "$tmp/s3.csv" ] || fail "--strict -j 3 left an output"
"$ZHSTATS" -j 0 corpus/ >/dev/null 2>&1
[ $? -eq 2 ] || fail "-j 0 is not a usage error"
exit 0
