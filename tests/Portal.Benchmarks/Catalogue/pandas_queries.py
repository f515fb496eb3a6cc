"""The pandas side of the catalogue benchmark (tests/Portal.Benchmarks, --catalogue).

    /usr/bin/python3 pandas_queries.py CATALOGUE.csv QUERIES.json WARMUP_PASSES MEASURED_PASSES

Reads the CSV (facets as categoricals, as a pandas user would), then runs every query of QUERIES.json: an isin mask
per filtered facet (several values = any of them), the free text matched case-insensitively against each facet's
distinct values (categories) and against the path, matches = rows passing every mask, and per facet value_counts
over the rows passing every mask except that facet's own (disjunctive counts), plus the first 50 matching rows.
Each query is timed with time.perf_counter, after WARMUP_PASSES unmeasured passes over the whole mix, in
MEASURED_PASSES passes; a query's time is its median over them (as on the .NET side). Prints one JSON object: load
time, per query its time, match count and non-zero counts.
"""

import json
import statistics
import sys
import time

import numpy as np
import pandas as pd

FACETS = ["activity_id", "institution_id", "source_id", "experiment_id", "member_id", "table_id", "variable_id",
          "grid_label"]


def run(df, query):
    n = len(df)
    masks = {column: df[column].isin(values).to_numpy() for column, values in query["facets"].items()}
    text = query["text"]
    if text:
        hit = np.zeros(n, dtype=bool)
        for column in FACETS:
            categories = df[column].cat.categories
            matching = categories[categories.str.contains(text, case=False, regex=False)]
            if len(matching):
                hit |= df[column].isin(matching).to_numpy()
        hit |= df["zstore"].str.contains(text, case=False, regex=False).to_numpy()
    else:
        hit = None

    def combined(except_column):
        mask = np.ones(n, dtype=bool) if hit is None else hit.copy()
        for column, m in masks.items():
            if column != except_column:
                mask &= m
        return mask

    everything = combined(None)
    matches = int(everything.sum())
    first = df[everything].head(50)
    counts = {}
    for column in FACETS:
        mask = combined(column) if column in masks else everything
        vc = df[column][mask].value_counts(sort=False)
        counts[column] = {str(k): int(v) for k, v in vc.items() if v > 0}
    return matches, counts, len(first)


def main():
    csv_path, queries_path, warmups, passes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    started = time.perf_counter()
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    for column in FACETS:
        df[column] = df[column].astype("category")
    load = time.perf_counter() - started
    with open(queries_path, encoding="utf-8") as f:
        queries = json.load(f)

    for _ in range(warmups):
        for query in queries:
            run(df, query)

    times = [[] for _ in queries]
    answers = [None] * len(queries)
    for _ in range(passes):
        for i, query in enumerate(queries):
            started = time.perf_counter()
            answers[i] = run(df, query)
            times[i].append(time.perf_counter() - started)
    results = [{"seconds": statistics.median(t), "matches": m, "counts": c, "shown": s}
               for t, (m, c, s) in zip(times, answers)]

    json.dump({"pandas": pd.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
               "rows": len(df), "load_seconds": load, "memory_bytes": int(df.memory_usage(deep=True).sum()),
               "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
