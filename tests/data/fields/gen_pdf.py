#!/usr/bin/env python3
"""Writes pdf-page.txt: the articles of corpus.txt laid out the way a PDF
extraction of a newspaper page gives them (hard breaks every MIN-MAX
columns, 14-17 unless told, stray blank lines inside paragraphs, spaces between numbers and
characters, full-width spaces, each headline after its body). The
statistics must come out as from corpus.txt: tests/t_fields.sh checks it.
Deterministic: a fixed seed. Usage: gen_pdf.py [SEED MIN MAX OUT]; with no
arguments it writes pdf-page.txt with seed 20240131, columns 14-17; the
variant page (pdf-page-b.txt, tests/test_segment.c) is
gen_pdf.py 5 18 22 pdf-page-b.txt."""
import os
import random
import re
import sys

seed, lo, hi, dest = 20240131, 14, 17, "pdf-page.txt"
if len(sys.argv) == 5:
    seed, lo, hi, dest = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)


def width(ch):
    return 0.5 if ord(ch) < 0x80 else 1.0


def wrap(text):
    lines, cur, w, limit = [], "", 0.0, rng.randint(lo, hi)
    for ch in text:
        cur += ch
        w += width(ch)
        if w >= limit:
            lines.append(cur)
            cur, w, limit = "", 0.0, rng.randint(lo, hi)
    if cur:
        lines.append(cur)
    return lines


def noisy(line):
    # PDF extraction puts spaces between a number and a character.
    line = re.sub(r"(\d)([^\d.,%])", lambda m: m.group(1) + (" " if rng.random() < 0.3 else "") + m.group(2), line)
    if rng.random() < 0.15:
        line = "\u3000" + line
    return line


articles, cur = [], None
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.txt"), encoding="utf-8").read().split("\n"):
    if line.startswith("## "):
        cur = [line[3:], []]
        articles.append(cur)
    elif line.strip():
        cur[1].append(line)

out = []
for headline, paras in articles:
    for p in paras:
        for line in wrap(p):
            out.append(noisy(line))
            if rng.random() < 0.12:
                out.append("")
        out.append("")
    out.append(headline)
    out.append("")
open(dest, "w", encoding="utf-8").write("\n".join(out) + "\n")
