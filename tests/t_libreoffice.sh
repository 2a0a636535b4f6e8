# LibreOffice (Debian's libreoffice-calc-nogui, headless): CSV -> .xlsx ->
# CSV keeps Chinese text and numbers, and a formula-looking cell stays text
# (tests/interop_libreoffice.py says what is checked).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" -o "$tmp/in-formula.csv" tests/data/formula.txt
"$ZHSTATS" --raw -o "$tmp/in-raw.csv" tests/data/formula.txt
/usr/bin/python3 tests/interop_libreoffice.py "$tmp" out/statistics.csv "$tmp/in-formula.csv" \
  "$tmp/in-raw.csv"
