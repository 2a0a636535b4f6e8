#!/usr/bin/env python3
"""gen.py: inputs for `make bench` (bench/bench.sh), generated, never committed.

  gen.py corpus DIR MB      the pages of corpus/ repeated until DIR holds MB
                            megabytes, as one file per page and day
                            (DIR/YYYY/MM/DDDDD-page.txt). Every copy changes
                            its numbers (each run of digits gets a different
                            last digit, dates included), so no two copies
                            give the same rows and nothing downstream can
                            serve a repeat from a cache.
  gen.py rules FILE N       N rules in the shipped format: phrases taken from
                            the corpus text (so they match), a tenth of them
                            with a PCRE2 pattern behind a literal, units the
                            number reader knows.
  gen.py slice DIR FILE MB  the first MB megabytes of DIR's pages, whole
                            lines, concatenated into FILE (the peer's input).
"""
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PAGES = sorted(os.path.join(ROOT, "corpus", f) for f in os.listdir(os.path.join(ROOT, "corpus")))
UNITS = ["个", "人", "元", "%", "家", "户", "人次", "亩", "吨", "项", "所", "名"]


def vary(text, k):
    """Copy k of a page: the last digit of every digit run shifted by k."""
    def sub(m):
        s = m.group(0)
        return s[:-1] + str((int(s[-1]) + k) % 10)
    return re.sub(r"[0-9]+", sub, text)


def corpus(out, mb):
    texts = [open(p, encoding="utf-8").read() for p in PAGES]
    names = [os.path.splitext(os.path.basename(p))[0] for p in PAGES]
    target = mb * 1000 * 1000
    total = 0
    k = 0
    while total < target:
        day = k // len(texts)
        i = k % len(texts)
        d = os.path.join(out, "%04d" % (2000 + day // 365), "%02d" % (day % 365 // 31 + 1))
        os.makedirs(d, exist_ok=True)
        data = vary(texts[i], day).encode("utf-8")
        with open(os.path.join(d, "%05d-%s.txt" % (day, names[i])), "wb") as f:
            f.write(data)
        total += len(data)
        k += 1
    print("%s: %d files, %.1f MB" % (out, k, total / 1e6))


def words():
    """Han runs of 2 to 4 characters that occur in the corpus, in a fixed order."""
    seen = {}
    for p in PAGES:
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", open(p, encoding="utf-8").read()):
            for n in (2, 3, 4):
                for i in range(0, len(run) - n + 1, n):
                    seen.setdefault(run[i:i + n], len(seen))
    return sorted(seen, key=seen.get)


def rules(out, n):
    rnd = random.Random(7)
    ws = words()
    rnd.shuffle(ws)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# %d generated rules for make bench (bench/gen.py)\n" % n)
        for i in range(n):
            a, b = ws[(2 * i) % len(ws)], ws[(2 * i + 1) % len(ws)]
            f.write("\n[generated_metric_%04d]\n" % i)
            if i % 10 == 9:
                f.write("pattern=%s[^，。；]{0,8}\\K%s\n" % (a, b))
            else:
                f.write("phrase=%s;%s\n" % (a, b))
            f.write("unit=%s\n" % ";".join(rnd.sample(UNITS, 3)))


def slice_(src, out, mb):
    target = mb * 1000 * 1000
    total = 0
    with open(out, "wb") as f:
        for d, _, files in sorted(os.walk(src)):
            for name in sorted(files):
                for line in open(os.path.join(d, name), "rb"):
                    if total + len(line) > target:
                        return
                    f.write(line)
                    total += len(line)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "corpus":
        corpus(sys.argv[2], int(sys.argv[3]))
    elif cmd == "rules":
        rules(sys.argv[2], int(sys.argv[3]))
    elif cmd == "slice":
        slice_(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit("usage: gen.py corpus DIR MB | rules FILE N | slice DIR FILE MB")
