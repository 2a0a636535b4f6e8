#!/usr/bin/python3
"""pandas reads the dataset with the types its datapackage.json declares.

    interop_pandas.py OUT_DATAPACKAGE BOM_DATAPACKAGE FORMULA_DATAPACKAGE

Run with Debian's /usr/bin/python3 (python3-pandas). The dtypes come from the
Table Schema, the way a user would map them: integer -> Int64, number ->
float64, a string field with an enum -> a categorical of exactly those
values (a cell outside the enum would turn into NaN, which is checked),
other strings -> string.
"""
import csv
import json
import os
import sys

import pandas as pd


def load(dp_path, name="statistics"):
    dp = json.load(open(dp_path, encoding="utf-8"))
    res = next(r for r in dp["resources"] if r["name"] == name)
    dtypes = {}
    for f in res["schema"]["fields"]:
        enum = f.get("constraints", {}).get("enum")
        if enum:
            dtypes[f["name"]] = pd.CategoricalDtype(enum)
        else:
            dtypes[f["name"]] = {"integer": "Int64", "number": "float64"}.get(f["type"], "string")
    d = res["dialect"]
    path = os.path.join(os.path.dirname(dp_path), res["path"])
    df = pd.read_csv(path, encoding=res["encoding"], sep=d["delimiter"], quotechar=d["quoteChar"],
                     doublequote=d["doubleQuote"], dtype=dtypes, keep_default_na=False,
                     na_values=res["schema"]["missingValues"])
    return df, dtypes, res, path


def main(out_dp, bom_dp, formula_dp):
    df, dtypes, res, path = load(out_dp)
    for col, want in dtypes.items():
        assert df[col].dtype == want, f"{col}: dtype {df[col].dtype}, want {want}"
    assert list(df.columns) == [f["name"] for f in res["schema"]["fields"]]
    with open(path, encoding="utf-8", newline="") as f:
        rows = sum(1 for _ in csv.reader(f)) - 1
    assert len(df) == rows and rows > 100, f"{len(df)} rows in pandas, {rows} in the file"
    for col in ("kind", "qualifier", "value", "line", "sentence", "file"):
        assert not df[col].isna().any(), f"{col}: a missing or non-enum cell"
    r = df[(df.metric == "cross_province_medical_settlements") & (df.surface == "1.29亿人次")]
    assert len(r) == 1, r
    r = r.iloc[0]
    assert r.value == 129000000 and r.unit == "人次" and r.kind == "level", r
    assert r.qualifier == "exact" and r.line == 5, r
    assert r.file == "corpus/peoples-daily-2024-01-31.txt", r.file
    r = df[df.surface == "1536.74亿元"].iloc[0]
    assert r.value == 153674000000, r.value

    # --bom: the descriptor says utf-8-sig, and the frame is the same one.
    bdf, _, bres, bpath = load(bom_dp)
    assert bres["encoding"] == "utf-8-sig"
    assert open(bpath, "rb").read(3) == b"\xef\xbb\xbf"
    assert bdf.columns[0] == "metric", bdf.columns[0]
    assert bdf.equals(df), "the --bom frame differs"

    # Spreadsheet safety leaves numbers alone: -2080000 is a number.
    fdf, _, _, _ = load(formula_dp)
    neg = fdf[fdf.kind == "change_abs"].iloc[0]
    assert neg.value == -2080000, neg.value
    assert neg.sentence.startswith("'=SUM(1+1)"), neg.sentence
    print(f"pandas {pd.__version__}: {len(df)} rows, dtypes as declared")


if __name__ == "__main__":
    main(*sys.argv[1:])
