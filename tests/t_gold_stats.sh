# End to end: the binary on corpus/, scored against the gold statistics
# (tests/gold/statistics.csv) by tests/score.py, at the thresholds of the
# project's acceptance: (metric, value, unit) precision and recall 0.90,
# with kind and qualifier 0.85, period right on 0.85 of the matched rows;
# with --all-quantities, recall of (value, unit) 0.97.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" -o "$tmp/stats.csv" corpus/
python3 tests/score.py stats tests/gold/statistics.csv "$tmp/stats.csv" \
  --min-metric 0.90,0.90 --min-full 0.85,0.85 --min-period 0.85 --show
"$ZHSTATS" --all-quantities -o "$tmp/all.csv" corpus/
python3 tests/score.py stats tests/gold/statistics.csv "$tmp/all.csv" --min-quantity-recall 0.97
