# The headline-after-body convention is not tuned to one page: the
# articles of tests/data/fields/corpus.txt laid out by gen_pdf.py with
# other seeds and column widths must give the same articles (headline,
# dateline, byline, in order) as corpus.txt itself. Sentences are checked
# on two committed pages by tests/test_pdf_pages.c.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ZHSTATS" -o /dev/null --articles "$tmp/ref.csv" tests/data/fields/corpus.txt
cut -d, -f2-5 "$tmp/ref.csv" >"$tmp/want"
test "$(wc -l <"$tmp/want")" -eq 12 # a header and 11 articles
fail=0
for width in "12 16" "14 17" "16 20" "18 22"; do
  for seed in 1 2 3 4 5 6; do
    # shellcheck disable=SC2086 # width is two arguments
    python3 tests/data/fields/gen_pdf.py "$seed" $width "$tmp/page.txt"
    "$ZHSTATS" -o /dev/null --articles "$tmp/got.csv" "$tmp/page.txt"
    if ! cut -d, -f2-5 "$tmp/got.csv" | cmp -s - "$tmp/want"; then
      echo "seed $seed, columns $width: articles differ" >&2
      cut -d, -f2-5 "$tmp/got.csv" | diff "$tmp/want" - >&2 || true
      fail=1
    fi
  done
done
exit $fail
