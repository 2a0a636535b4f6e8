# End to end: articles of corpus/ against tests/gold/articles.csv (headline,
# first and last body sentence); at most one miss across both pages.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" -o /dev/null --articles "$tmp/articles.csv" corpus/
python3 tests/score.py articles tests/gold/articles.csv "$tmp/articles.csv" --max-misses 1
