#!/usr/bin/env python3
"""Score an articles CSV against the gold articles.csv.

Usage: articles_score.py GOLD.csv PRED.csv [--max-misses N]

Both files have the columns file, article_no, headline, first_sentence_start,
last_sentence_end (see tests/gold/README.md). An article matches when a
predicted row of the same file (compared by base name) and number has the same
headline, first 12 and last 12 characters. Prints "N of M exact" and each miss;
exits 1 when there are more than N misses (default 1), 2 on bad input.
"""
import csv
import os
import sys

COLS = ["file", "article_no", "headline", "first_sentence_start", "last_sentence_end"]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        missing = [c for c in COLS if c not in r]
        if missing:
            sys.exit("%s: missing columns %s" % (path, ", ".join(missing)))
        r["file"] = os.path.basename(r["file"])
    return rows


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    max_misses = 1
    if "--max-misses" in argv:
        max_misses = int(argv[argv.index("--max-misses") + 1])
        args.remove(str(max_misses))
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold, pred = read(args[0]), read(args[1])
    got = {(r["file"], r["article_no"]): r for r in pred}
    exact = 0
    for g in gold:
        p = got.get((g["file"], g["article_no"]))
        fields = COLS[2:]
        if p and all(p[c] == g[c] for c in fields):
            exact += 1
            continue
        print("MISS %s #%s" % (g["file"], g["article_no"]))
        for c in fields:
            have = p[c] if p else "(no article)"
            if have != g[c]:
                print("  %-21s want %s\n  %-21s got  %s" % (c, g[c], "", have))
    extra = len(pred) - len(gold)
    print("%d of %d exact%s" % (exact, len(gold),
                                ", %+d articles" % extra if extra else ""))
    return 0 if len(gold) - exact <= max_misses else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
