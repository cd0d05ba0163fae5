"""How many of the asked values an evaluation run got right, not only whole items.

    python benchmarks/values_right.py DATA RESULTS.jsonl [RESULTS2.jsonl ...]

``mathllm eval`` counts an item right only when every value it asks for is right; a problem that
asks two things and gets one is wrong. This counts the values: each key of an item's expected
mapping (or its one number) is right when the answer's value for it (by key, else in the order
asked, as :func:`mathllm.verify.match_expected` pairs them) is right by the evaluation's own rule (the item's tolerance, else the decimals of the expected
value; DATA is the file or folder the run evaluated, which holds them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mathllm.evaluate import Item, load_items
from mathllm.verify import _dec, _norm_key, close


def values_right(row: dict, item: Item) -> tuple[int, int]:
    """(values right, values asked) of one result row of ``mathllm eval --out``."""
    expected, got, tol, decimals = item.expected, row["answer"], item.tolerance, item.decimals
    if not isinstance(expected, dict):
        expected, decimals = {"answer": expected}, {"answer": decimals}
    if got is None:
        return 0, len(expected)
    if not isinstance(got, dict):
        got = {next(iter(expected)): got}
    norm = {_norm_key(k): v for k, v in got.items()}
    if all(_norm_key(k) in norm for k in expected):
        pairs = [(norm[_norm_key(k)], k, v) for k, v in expected.items()]
    else:  # other names: in the order asked, as far as the answer goes
        pairs = [(g, k, v) for g, (k, v) in zip(got.values(), expected.items())]
    right = sum(1 for g, k, v in pairs if isinstance(g, (int, float)) and close(g, v, tol, _dec(decimals, k)))
    return right, len(expected)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("results", nargs="+")
    a = ap.parse_args(argv)
    items = {it.id: it for it in load_items(a.data)}
    for path in a.results:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        right = asked = whole = 0
        for row in rows:
            r, n = values_right(row, items[str(row["id"])])
            right, asked, whole = right + r, asked + n, whole + bool(row.get("correct"))
        print(f"{path}: items right {whole}/{len(rows)}, values right {right}/{asked} ({right / max(1, asked):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
