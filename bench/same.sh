#!/usr/bin/env bash
# same.sh: do two zhstats binaries write the same bytes? The check for
# speed work, whose every change must leave the output as it was.
#
#   bench/same.sh NEW_BINARY BASE_BINARY
#
# Run from the repository root. Builds a 20 MB corpus under build/bench/same
# (bench/gen.py) once, then compares, on corpus/, the test pages and that
# corpus: --stage normalize, --stage segment, the CSV with --all-quantities
# --explain, the --articles CSV, and stderr. Both binaries read this tree's
# rules/. Exit 0 when everything is identical; else each difference is shown.
set -u
NEW=$(realpath "$1")
BASE=$(realpath "$2")
GEN=build/bench/same
[ -f "$GEN.done" ] || { rm -rf "$GEN" && python3 bench/gen.py corpus "$GEN" 20 >/dev/null && touch "$GEN.done"; } || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
for in in corpus tests/data/fields tests/data/layouts tests/data/normalize \
          tests/data/classify tests/data/formula.txt "$GEN"; do
  for mode in normalize segment csv; do
    for b in NEW BASE; do
      bin=${!b}
      if [ $mode = csv ]; then
        "$bin" -r rules -j 1 --all-quantities --explain --articles "$T/$b.art" \
          -o "$T/$b.out" "$in" 2>"$T/$b.err"
        cat "$T/$b.art" >>"$T/$b.out"
      else
        "$bin" -j 1 --stage $mode "$in" >"$T/$b.out" 2>"$T/$b.err"
      fi
    done
    if ! cmp -s "$T/NEW.out" "$T/BASE.out" || ! cmp -s "$T/NEW.err" "$T/BASE.err"; then
      echo "differ: $mode $in"
      diff "$T/BASE.out" "$T/NEW.out" | head -10
      diff "$T/BASE.err" "$T/NEW.err" | head -5
      fail=1
    fi
  done
done
[ $fail = 0 ] && echo "same.sh: identical on all inputs"
exit $fail
