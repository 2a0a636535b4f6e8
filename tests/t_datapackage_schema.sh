# datapackage.json against its CSV files (tests/dpcheck.py: columns, types,
# constraints, enums, size and hash): the committed out/ dataset, and a run
# with every option that changes the schema. The checker must also reject a
# tampered enum or cell, and a descriptor placed where no relative path can
# reach the CSV.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 tests/dpcheck.py out/datapackage.json || fail "out/datapackage.json"

mkdir -p "$tmp/d/sub"
"$ZHSTATS" --all-quantities --explain --bom -o "$tmp/d/sub/s.csv" --articles "$tmp/d/a.csv" \
  --datapackage "$tmp/d/dp.json" corpus/ tests/data/formula.txt || fail "run with options"
python3 tests/dpcheck.py "$tmp/d/dp.json" || fail "run with options"
python3 - "$tmp/d/dp.json" <<'PY' || fail "descriptor of the run with options"
import json, sys
dp = json.load(open(sys.argv[1]))
st = dp["resources"][0]
assert st["path"] == "sub/s.csv", st["path"]
assert st["encoding"] == "utf-8-sig"
f = {x["name"]: x for x in st["schema"]["fields"]}
assert "rule" in f and "required" not in f["metric"].get("constraints", {})
assert dp["resources"][1]["schema"]["primaryKey"] == ["file", "article"]
PY

# The checker fails on a tampered enum, and on a cell outside the enum.
cp out/statistics.csv out/articles.csv "$tmp/"
sed 's/"ratio", //' out/datapackage.json >"$tmp/datapackage.json"
python3 tests/dpcheck.py "$tmp/datapackage.json" >"$tmp/err" && fail "tampered enum accepted"
grep -q "kind: enum" "$tmp/err" || fail "tampered enum: $(cat "$tmp/err")"
python3 - "$tmp/datapackage.json" <<'PY'
import json, sys
dp = json.load(open("out/datapackage.json"))
for r in dp["resources"]:
    r.pop("hash"); r.pop("bytes")
json.dump(dp, open(sys.argv[1], "w"))
PY
python3 tests/dpcheck.py "$tmp/datapackage.json" || fail "descriptor without hash"
sed -i '2s/,level,/,levels,/' "$tmp/statistics.csv"
python3 tests/dpcheck.py "$tmp/datapackage.json" >"$tmp/err" && fail "bad kind accepted"
grep -q "'levels' not in the enum" "$tmp/err" || fail "bad kind: $(cat "$tmp/err")"

# A descriptor that cannot reach the CSV by a child path: exit 2, no files.
mkdir -p "$tmp/e/a" "$tmp/e/b"
"$ZHSTATS" -o "$tmp/e/a/s.csv" --datapackage "$tmp/e/b/dp.json" corpus/ 2>"$tmp/err"
[ $? -eq 2 ] || fail "descriptor outside: exit code"
grep -q "must be in the directory of the datapackage" "$tmp/err" || fail "outside: message"
[ -z "$(find "$tmp/e" -type f)" ] || fail "descriptor outside: files left"
"$ZHSTATS" --datapackage "$tmp/e/dp.json" corpus/ >/dev/null 2>&1
[ $? -eq 2 ] || fail "descriptor of standard output: exit code"
exit 0
