#!/usr/bin/env python3
"""Checks a review page as a browser built it (chromium --dump-dom).

    report_dom.py rows DOM CSV     every CSV row has its highlight, and the
                                   highlight carries the row's cells
    report_dom.py escaped DOM TEXT the page shows TEXT as text, and no
                                   element came from the input

Exits 1 with one line per problem.
"""
import csv
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks = []      # (attrs, text)
        self.ids = set()
        self.hrefs = []
        self.tags = {}       # tag name -> count
        self.paragraphs = []  # text of every <p>
        self._mark = None
        self._p = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "mark":
            self._mark = (a, [])
        if tag == "p":
            self._p = []

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark:
            self.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None
        if tag == "p" and self._p is not None:
            self.paragraphs.append("".join(self._p))
            self._p = None

    def handle_data(self, data):
        if self._mark:
            self._mark[1].append(data)
        if self._p is not None:
            self._p.append(data)


def parse(path):
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    return dom


def check_rows(dom_path, csv_path):
    dom = parse(dom_path)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    problems = []
    by_row = {}
    for attrs, text in dom.marks:
        if "data-row" in attrs:
            if not attrs["data-row"].isdigit():
                problems.append(f"data-row={attrs['data-row']!r}: not a row number")
                continue
            n = int(attrs["data-row"])
            if n in by_row:
                problems.append(f"row {n}: two highlights")
            by_row[n] = (attrs, text)
    if len(by_row) != len(rows):
        problems.append(f"{len(by_row)} highlighted rows in the page, {len(rows)} in the CSV")
    for n, row in enumerate(rows, 1):
        if n not in by_row:
            problems.append(f"row {n} ({row['metric']} {row['surface']}): no highlight")
            continue
        attrs, text = by_row[n]
        for col in ("metric", "value", "unit", "kind", "qualifier", "period"):
            if attrs.get("data-" + col) != row[col]:
                problems.append(f"row {n}: {col} {attrs.get('data-' + col)!r} in the page, "
                                f"{row[col]!r} in the CSV")
        if text != row["surface"]:
            problems.append(f"row {n}: highlight wraps {text!r}, the surface is {row['surface']!r}")
    for target in dom.hrefs:
        if target not in dom.ids:
            problems.append(f"link to #{target}: no such element")
    if dom.tags.get("script"):
        problems.append("the page has a <script> element")
    if dom.tags.get("svg", 0) < 1:
        problems.append("no chart")
    return problems, f"{len(rows)} rows, {len(dom.marks)} highlights, {len(dom.hrefs)} links"


def check_escaped(dom_path, text):
    dom = parse(dom_path)
    problems = []
    if not any(text in p for p in dom.paragraphs):
        problems.append(f"{text!r} is not shown as text in any paragraph")
    for tag in ("script", "img"):
        if dom.tags.get(tag):
            problems.append(f"a <{tag}> element came from the input")
    if not any("data-row" in a for a, _ in dom.marks):
        problems.append("the sentence's number is not highlighted")
    return problems, f"{text!r} shown as text"


def main():
    mode, dom_path, arg = sys.argv[1:4]
    problems, summary = (check_rows if mode == "rows" else check_escaped)(dom_path, arg)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(summary)


if __name__ == "__main__":
    main()
