# The worked example of rules/README.md, read from the page itself: its
# rules, its sentence and its expected rows. The page cannot drift from
# what the program does.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
page=rules/README.md
section=$(sed -n '/^## Worked example/,$p' "$page")
awk '/^```ini/{f=1;next} /^```/{if(f){exit}} f' <<<"$section" >"$tmp/ex.rules"
grep '^> ' <<<"$section" | head -1 | sed 's/^> //' >"$tmp/in.txt"
awk '/^give:/{g=1} g&&/^```$/{if(f){exit}; f=1; next} f' <<<"$section" >"$tmp/expected.csv"
[ -s "$tmp/ex.rules" ] && [ -s "$tmp/in.txt" ] && [ -s "$tmp/expected.csv" ]
"$ZHSTATS" -r "$tmp/ex.rules" "$tmp/in.txt" >"$tmp/out.csv"
python3 - "$tmp/out.csv" >"$tmp/got.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
print("metric,value,unit,kind,period")
for r in rows:
    print(",".join(r[k] for k in ("metric", "value", "unit", "kind", "period")))
PY
diff -u "$tmp/expected.csv" "$tmp/got.csv"
