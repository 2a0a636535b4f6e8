#!/usr/bin/env python3
"""Writes pdf-page.txt: the articles of corpus.txt laid out the way a PDF
extraction of a newspaper page gives them (hard breaks every 14-17
columns, stray blank lines inside paragraphs, spaces between numbers and
characters, full-width spaces, each headline after its body). The
statistics must come out as from corpus.txt: tests/t_fields.sh checks it.
Deterministic: a fixed seed."""
import random
import re

rng = random.Random(20240131)


def width(ch):
    return 0.5 if ord(ch) < 0x80 else 1.0


def wrap(text):
    lines, cur, w, limit = [], "", 0.0, rng.randint(14, 17)
    for ch in text:
        cur += ch
        w += width(ch)
        if w >= limit:
            lines.append(cur)
            cur, w, limit = "", 0.0, rng.randint(14, 17)
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
for line in open("corpus.txt", encoding="utf-8").read().split("\n"):
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
open("pdf-page.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
