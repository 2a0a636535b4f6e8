# pandas (Debian's python3-pandas) loads out/statistics.csv with the dtypes
# of out/datapackage.json, a --bom file with encoding utf-8-sig, and the
# formula-looking fixture with its negative value intact.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" --bom -o "$tmp/bom.csv" --datapackage "$tmp/bom.json" corpus/
"$ZHSTATS" -o "$tmp/formula.csv" --datapackage "$tmp/formula.json" tests/data/formula.txt
# Debian's python, not a python3 earlier on PATH that lacks pandas.
/usr/bin/python3 tests/interop_pandas.py out/datapackage.json "$tmp/bom.json" "$tmp/formula.json"
