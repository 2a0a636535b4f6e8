#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/NAME/ from the project's
own texts: slices of corpus/, the number table's sentences, the shipped
rules, and a few hand-made hostile inputs. Rerun after the corpus changes;
the output is committed so `make test` can replay it without Python."""
import os, glob

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
out = os.path.join(root, "tests", "fuzz", "corpus")

def put(name, key, data):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, key), "wb") as f:
        f.write(data)

def slices(path, size):
    data = open(path, "rb").read()
    lines = data.split(b"\n")
    cur, n = [], 0
    for ln in lines:
        cur.append(ln)
        if sum(len(x) + 1 for x in cur) >= size:
            yield b"\n".join(cur) + b"\n"
            cur = []
    if cur:
        yield b"\n".join(cur)

hostile = {
    "crlf": "第一行，\r\n第二行。\r\n".encode(),
    "cr": "第一行，\r第二行。\r".encode(),
    "bom": b"\xef\xbb\xbf" + "标题\n正文1.5万人。\n".encode(),
    "nul": "人口\x0060万人。\n".encode(),
    "badutf8": b"\xe4\xb8\n\xff\xfe\xc0\x80" + "共计3亿元。".encode(),
    "utf16le": b"\xff\xfe" + "人口60万人。\n".encode("utf-16-le"),
    "utf16be": b"\xfe\xff" + "人口60万人。\n".encode("utf-16-be"),
    "nonewline": "共有1883张床位。".encode(),
    "empty": b"",
    "longline": ("一二三四五六七八九十，" * 400).encode(),
}

for corpus in sorted(glob.glob(os.path.join(root, "corpus", "*.txt"))):
    stem = os.path.splitext(os.path.basename(corpus))[0]
    for i, s in enumerate(slices(corpus, 2048)):
        put("normalize", "%s-%02d" % (stem, i), bytes([i % 251]) + s)
        put("pipeline", "%s-%02d" % (stem, i), s)
for k, v in hostile.items():
    put("normalize", "hostile-" + k, b"\x07" + v)
    put("pipeline", "hostile-" + k, v)

with open(os.path.join(root, "tests", "data", "numbers.tsv"), encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        if line.startswith("#") or not line.strip():
            continue
        put("numbers", "numbers-tsv-%03d" % i, line.split("\t")[0].encode())
for i, t in enumerate(["99999999999999999999999万亿", "一千五百亿", "3万5千", "1,234.5",
                       "零点零零一", "百分之三点五", "第1.5", "1-2万", "约3至5成"]):
    put("numbers", "parse-%02d" % i, t.encode())

for r in sorted(glob.glob(os.path.join(root, "rules", "*.rules"))) + \
         [os.path.join(root, "tests", "data", "extract.rules")]:
    put("rules", os.path.basename(r), open(r, "rb").read())
put("rules", "hostile-catastrophic",
    "[m]\npattern=(a+)+$\nunit=人\n".encode())
put("rules", "hostile-duplicate",
    "[m]\nphrase=人口\nphrase=人\nunit=人\n[m]\nunit=人\n".encode())
put("rules", "hostile-unclosed", "[bad]\npattern=(unclosed\nunit=人\n".encode())
