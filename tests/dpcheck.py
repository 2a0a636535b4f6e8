#!/usr/bin/env python3
"""Checks a datapackage.json against the CSV files it describes.

    dpcheck.py DATAPACKAGE.json

Standard library only, and written from the Frictionless specs, not from
zhstats: every resource's file exists at its relative path, has the stated
size and SHA-256, decodes with the stated encoding, parses with the stated
dialect; its header is the schema's field names in order; every cell
satisfies its field's type (integer, number as a plain decimal) and
constraints (required, minimum, enum). The kind and qualifier enums must be
exactly the ones the project documents. Exits 1 with one line per problem.
"""
import csv
import hashlib
import io
import json
import os
import re
import sys

KINDS = ["level", "change_pct", "change_abs", "share", "ratio", "growth_multiple"]
QUALIFIERS = ["exact", "approx", "nearly", "over", "under"]
TYPES = {
    "integer": re.compile(r"-?[0-9]+\Z"),
    "number": re.compile(r"-?[0-9]+(\.[0-9]+)?\Z"),
}


def check(dp_path):
    problems = []
    with open(dp_path, encoding="utf-8") as f:
        text = f.read()
    dp = json.loads(text)
    if re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:", text) or "created" in dp:
        problems.append("the descriptor holds a timestamp")
    if dp.get("profile") != "tabular-data-package":
        problems.append("profile is not tabular-data-package")
    base = os.path.dirname(os.path.abspath(dp_path))
    names = [r["name"] for r in dp["resources"]]
    if names[0] != "statistics":
        problems.append(f"first resource is {names[0]}, not statistics")
    for res in dp["resources"]:
        problems += check_resource(base, res)
    return problems


def check_resource(base, res):
    name = res["name"]
    p = []
    path = res["path"]
    if path.startswith("/") or ".." in path.split("/"):
        p.append(f"{name}: path {path} is not a relative child path")
    with open(os.path.join(base, path), "rb") as f:
        raw = f.read()
    if "bytes" in res and res["bytes"] != len(raw):
        p.append(f"{name}: bytes {res['bytes']} but the file has {len(raw)}")
    if "hash" in res and res["hash"] != "sha256:" + hashlib.sha256(raw).hexdigest():
        p.append(f"{name}: hash does not match the file")
    text = raw.decode(res["encoding"])  # raises on a wrong encoding
    if text.startswith("\ufeff"):
        p.append(f"{name}: a byte order mark left after decoding as {res['encoding']}")
    d = res["dialect"]
    if d["lineTerminator"] == "\r\n" and re.search(r"(?<!\r)\n", strip_quoted(text)):
        p.append(f"{name}: a line ends without CR")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=d["delimiter"],
                           quotechar=d["quoteChar"], doublequote=d["doubleQuote"],
                           skipinitialspace=d["skipInitialSpace"], strict=True))
    fields = res["schema"]["fields"]
    missing = res["schema"].get("missingValues", [""])
    if d.get("header", True):
        header, rows = rows[0], rows[1:]
        if header != [f["name"] for f in fields]:
            p.append(f"{name}: header {header} != fields {[f['name'] for f in fields]}")
    if not rows:
        p.append(f"{name}: no rows")
    for f in fields:
        if not f.get("description"):
            p.append(f"{name}.{f['name']}: no description")
        if f["name"] == "kind" and f["constraints"]["enum"] != KINDS:
            p.append(f"{name}.kind: enum {f['constraints']['enum']}")
        if f["name"] == "qualifier" and f["constraints"]["enum"] != QUALIFIERS:
            p.append(f"{name}.qualifier: enum {f['constraints']['enum']}")
    for i, row in enumerate(rows, start=2):
        if len(row) != len(fields):
            p.append(f"{name} row {i}: {len(row)} cells for {len(fields)} fields")
            continue
        for f, cell in zip(fields, row):
            p += check_cell(f"{name} row {i} {f['name']}", f, cell, missing)
    return p[:20]


def check_cell(where, f, cell, missing):
    c = f.get("constraints", {})
    if cell in missing:
        return [f"{where}: required but empty"] if c.get("required") else []
    pat = TYPES.get(f["type"])
    if pat and not pat.match(cell):
        return [f"{where}: {cell!r} is not a {f['type']}"]
    if "enum" in c and cell not in c["enum"]:
        return [f"{where}: {cell!r} not in the enum"]
    if "minimum" in c and int(cell) < c["minimum"]:
        return [f"{where}: {cell} below the minimum"]
    return []


def strip_quoted(text):
    """The text with quoted cells emptied: newlines inside them are data."""
    return re.sub(r'"(?:[^"]|"")*"', '""', text)


if __name__ == "__main__":
    found = check(sys.argv[1])
    for line in found:
        print(line)
    sys.exit(1 if found else 0)
