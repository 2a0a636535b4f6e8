#!/usr/bin/python3
"""LibreOffice (headless Calc) opens the CSV the way a user's double click
does, saves it as .xlsx, and that workbook converts back to CSV unchanged.

    interop_libreoffice.py TMPDIR OUT_STATISTICS FORMULA_CSV RAW_FORMULA_CSV

- out/statistics.csv: every cell comes back as written (Chinese text,
  values, lines), and every value is a number cell in the workbook. One
  known exception, checked for what it is: Calc reads a surface such as
  "36%" as the number 0.36 and writes it back as "36.00%", the same number
  (README.md, "Datasets").
- the formula-looking fixture (tests/data/formula.txt, sentences starting
  with = @ + -): with spreadsheet safety the workbook holds no formula and
  the cells come back as the text written; the same rows written with --raw
  do become formulas, which shows the check can fail.
Two soffice runs in all (each converts every file), a fresh profile in
TMPDIR. Prints the first five rows of out/statistics.csv as read back.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal

# Separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8), from line 1.
CSV_OPTS = "44,34,76,1"


def soffice(tmp, target, outdir, files, infilter=None):
    cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", outdir] + files
    subprocess.run(cmd, check=True, timeout=180, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def sheet_xml(xlsx):
    with zipfile.ZipFile(xlsx) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def main(tmp, stats, formula, raw):
    names = {"stats": stats, "formula": formula, "raw": raw}
    src = []
    for name, path in names.items():
        shutil.copy(path, f"{tmp}/{name}.csv")
        src.append(f"{tmp}/{name}.csv")
    soffice(tmp, "xlsx", f"{tmp}/xlsx", src, infilter=f"CSV:{CSV_OPTS}")
    soffice(tmp, f"csv:Text - txt - csv (StarCalc):{CSV_OPTS}", f"{tmp}/back",
            [f"{tmp}/xlsx/{n}.xlsx" for n in names])
    problems = []

    # The dataset, cell by cell.
    want, got = rows(stats), rows(f"{tmp}/back/stats.csv")
    if len(want) != len(got):
        problems.append(f"statistics: {len(want)} rows written, {len(got)} read back")
    header = want[0]
    for i, (w, g) in enumerate(zip(want, got)):
        for col, a, b in zip(header, w, g):
            if a == b:
                continue
            if col == "surface" and re.fullmatch(r"[0-9.]+%", a) and \
                    re.fullmatch(r"[0-9.]+%", b) and Decimal(a[:-1]) == Decimal(b[:-1]):
                continue
            problems.append(f"statistics row {i + 1} {col}: {a!r} came back as {b!r}")
    if not any(re.search(r"[\u4e00-\u9fff]", c) for r in got[1:] for c in r):
        problems.append("statistics: no Chinese text read back")
    xml = sheet_xml(f"{tmp}/xlsx/stats.xlsx")
    for i in range(2, len(want) + 1):
        if not re.search(rf'<c r="B{i}"[^>]*t="n"', xml):
            problems.append(f"statistics B{i}: the value is not a number cell")
            break
    if "<f" in xml:
        problems.append("statistics: the workbook holds a formula")

    # Spreadsheet safety: no formula, the text as written.
    if re.search(r"<f[ >]", sheet_xml(f"{tmp}/xlsx/formula.xlsx")):
        problems.append("formula.csv: the workbook holds a formula")
    if rows(f"{tmp}/back/formula.csv") != rows(formula):
        problems.append("formula.csv: cells changed on the way back")
    sentences = [r[3] for r in rows(formula)[1:]]
    if not any(s.startswith("'=") for s in sentences):
        problems.append("formula.csv: the fixture has no '= sentence")
    # The control: without the prefix, Calc makes formulas of them.
    if not re.search(r"<f[ >]", sheet_xml(f"{tmp}/xlsx/raw.xlsx")):
        problems.append("raw.csv: no formula in the workbook; this test would not notice")

    for r in got[:6]:
        print(",".join(r))
    for p in problems[:20]:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
