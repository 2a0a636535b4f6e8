# --explain names the rule (FILE:LINE of its group) behind every row;
# --coverage lists the rules that matched nothing and the subjects of
# unclaimed quantities, without changing the CSV.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '[bed_count]\nphrase=养老床位\nunit=张\n\n[never_used]\nphrase=不存在的说法\nunit=个\n' >"$tmp/r.rules"
printf '全区养老床位1883张，建成口袋公园86个。\n' >"$tmp/in.txt"
"$ZHSTATS" --explain -r "$tmp/r.rules" "$tmp/in.txt" >"$tmp/explain.csv"
head -1 "$tmp/explain.csv" | grep -q ',period,rule' 
grep -q "^bed_count,1883,张,.*,$tmp/r.rules:1" "$tmp/explain.csv"
"$ZHSTATS" --coverage -r "$tmp/r.rules" -o "$tmp/cov.csv" "$tmp/in.txt" 2>"$tmp/err"
grep -q "r.rules:5 \[never_used\]" "$tmp/err"
! grep -q "\[bed_count\]" "$tmp/err"
grep -q "1 of 2 rules matched nothing" "$tmp/err"
grep -Eq "^ +1  .*口袋公园$" "$tmp/err"
"$ZHSTATS" -r "$tmp/r.rules" -o "$tmp/plain.csv" "$tmp/in.txt"
cmp "$tmp/cov.csv" "$tmp/plain.csv"
