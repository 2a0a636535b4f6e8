# The shipped rules on a corpus of our own (tests/data/fields/corpus.txt,
# written for this test across the fields the rules cover, not taken from
# corpus/): (metric, value, unit) precision and recall at least 0.90.
# The same articles laid out as a PDF extraction (pdf-page.txt, made by
# gen_pdf.py: hard breaks, stray blank lines and spaces, headlines after
# their bodies) must give the same statistics, to the same threshold.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" -o "$tmp/clean.csv" tests/data/fields/corpus.txt
python3 tests/score.py stats tests/data/fields/expected.csv "$tmp/clean.csv" --min-metric 0.90,0.90 --show
"$ZHSTATS" -o "$tmp/pdf.csv" tests/data/fields/pdf-page.txt
sed 's/^corpus\.txt,/pdf-page.txt,/' tests/data/fields/expected.csv >"$tmp/expected-pdf.csv"
python3 tests/score.py stats "$tmp/expected-pdf.csv" "$tmp/pdf.csv" --min-metric 0.90,0.90 --show
