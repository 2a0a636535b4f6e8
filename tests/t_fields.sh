# The shipped rules on a corpus of our own (tests/data/fields/corpus.txt,
# written for this test across the fields the rules cover, not taken from
# corpus/): (metric, value, unit) precision and recall at least 0.90.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$ZHSTATS" -o "$tmp" tests/data/fields/corpus.txt
python3 tests/score.py stats tests/data/fields/expected.csv "$tmp" --min-metric 0.90,0.90 --show
