#!/usr/bin/env python3
"""zhstats' own scorer: a predicted CSV against a gold CSV.

Usage:
  score.py stats GOLD PRED [--min-metric P,R] [--min-full P,R] [--min-period X]
                           [--min-quantity-recall R] [--show N]
  score.py articles GOLD PRED [--max-misses N]

stats: a gold row is found when a predicted row of the same file (base
name) has the same exact value (gold base_value, compared as decimals), the
same unit, and a sentence that contains the gold surface. Pairing is one
to one, first come first served, in file order. Levels:
  quantity  value, unit            (rows with any metric, or none)
  metric    value, unit, metric    (rows with a metric)
  full      + kind and qualifier
The period is scored on the rows matched at the metric level.

articles: an article is found when a predicted row of the same file has
the gold headline, and its first and last body sentences start and end
as the gold's first_sentence_start and last_sentence_end.

Exits 1 when a threshold fails. Prints its figures either way.
"""
import argparse
import csv
import os
import sys
from decimal import Decimal, InvalidOperation


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def dec(s):
    try:
        return Decimal((s or "").replace(",", ""))
    except InvalidOperation:
        return None


def base(row):
    return os.path.basename(row.get("file") or "")


def nospace(s):
    return "".join((s or "").split())


def pair(gold, pred, keys):
    used, pairs = set(), []
    for gi, g in enumerate(gold):
        gv = dec(g.get("base_value") or g.get("value"))
        for pi, p in enumerate(pred):
            if pi in used or base(p) != base(g) or dec(p["value"]) != gv:
                continue
            if p["unit"] != g["unit"] or nospace(g["surface"]) not in nospace(p["sentence"]):
                continue
            if any((p.get(k) or "") != (g.get(k) or "") for k in keys):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def prf(n, gold, pred):
    p = n / pred if pred else 0.0
    r = n / gold if gold else 0.0
    return p, r


def stats(a):
    gold, pred = rows(a.gold), rows(a.pred)
    claimed = [p for p in pred if p["metric"]]
    ok = True
    res = {}
    for level, keys, pool in (("quantity", (), pred), ("metric", ("metric",), claimed),
                              ("full", ("metric", "kind", "qualifier"), claimed)):
        pairs = pair(gold, pool, keys)
        p, r = prf(len(pairs), len(gold), len(pool))
        res[level] = (pairs, pool, p, r)
        print(f"{level:9s} precision {p:.3f} recall {r:.3f} "
              f"(matched {len(pairs)}, gold {len(gold)}, predicted {len(pool)})")
    pairs, pool, _, _ = res["metric"]
    right = sum((gold[g].get("period") or "") == (pool[p].get("period") or "") for g, p in pairs)
    period = right / len(pairs) if pairs else 0.0
    print(f"period    right on {period:.3f} of the matched rows ({right} of {len(pairs)})")
    for opt, level in ((a.min_metric, "metric"), (a.min_full, "full")):
        if opt:
            mp, mr = (float(x) for x in opt.split(","))
            if res[level][2] < mp or res[level][3] < mr:
                print(f"FAIL: {level} below precision {mp} / recall {mr}")
                ok = False
    if a.min_period is not None and period < a.min_period:
        print(f"FAIL: period below {a.min_period}")
        ok = False
    if a.min_quantity_recall is not None and res["quantity"][3] < a.min_quantity_recall:
        print(f"FAIL: quantity recall below {a.min_quantity_recall}")
        ok = False
    if a.show:
        hit = {g for g, _ in pairs}
        for gi, g in enumerate(gold):
            if gi not in hit:
                print(f"  missed: {g['metric']} {g['surface']} | {g['sentence'][:50]}")
        used = {p for _, p in pairs}
        for pi, p in enumerate(pool):
            if pi not in used:
                print(f"  extra:  {p['metric']} {p['surface']} | {p['sentence'][:50]}")
    return ok


def articles(a):
    gold, pred = rows(a.gold), rows(a.pred)
    misses = 0
    for g in gold:
        hit = [p for p in pred if base(p) == base(g) and p["headline"] == g["headline"]
               and p.get("first_sentence", "").startswith(g["first_sentence_start"])
               and p.get("last_sentence", "").endswith(g["last_sentence_end"])]
        if not hit:
            misses += 1
            print(f"  missed: {base(g)} #{g['article_no']} {g['headline']}")
    print(f"articles  found {len(gold) - misses} of {len(gold)} (predicted {len(pred)})")
    return misses <= a.max_misses


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("stats", "articles"))
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--min-metric")
    ap.add_argument("--min-full")
    ap.add_argument("--min-period", type=float)
    ap.add_argument("--min-quantity-recall", type=float)
    ap.add_argument("--max-misses", type=int, default=0)
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    ok = stats(a) if a.what == "stats" else articles(a)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
