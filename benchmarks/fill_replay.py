"""Replay the fill stage's weak-match rule on stored evaluation results.

Fill writes the shown example's program with the model's values when the model's programs
failed or ignored the example. Since 2026-12-04 a program of the model that *runs* is kept
instead where the text matches the example's family weakly (``fill.MIN_FAMILY_MATCH``). Every
result row of ``mathllm eval`` / ``eval_matrix.py`` keeps each attempt's answer and whether it
was right (``samples``), so the rule can be replayed without the model: for each row where the
model's first program ran and a filled-in example was made, the model's program is taken when
the match is weak, and the verdict is compared with the stored one.

    python benchmarks/fill_replay.py runs/eval-*/*.jsonl --data runs/evaldata6

Item texts come from the evaluation files of ``--data`` (ids are 1-based line numbers, the
file chosen by the results file's name) or, for a problem-bank run, from ``problems/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mathllm.fill import MIN_FAMILY_MATCH
from mathllm.problem import load_problem
from mathllm.retrieve import family_match, nearest_examples
from mathllm.train import read_jsonl

SETS = {"GSM8K": "eval_gsm8k.jsonl", "families": "eval_families.jsonl", "phrasings": "eval_phrasings.jsonl"}


def texts(results: Path, data: Path) -> dict[str, str] | None:
    """id -> problem text for an eval_matrix results file; None for a problem-bank run."""
    for key, name in SETS.items():
        if key in results.name:
            recs = read_jsonl(data / name)
            return {str(i + 1): r.get("problem") or r.get("question") for i, r in enumerate(recs)}
    return None


def replay(results: Path, data: Path) -> tuple[int, int, int, int]:
    """(rows, programs kept by the rule, verdicts wrong -> right, verdicts right -> wrong)."""
    rows = read_jsonl(results)
    by_id = texts(results, data)
    kept = gained = lost = 0
    for r in rows:
        own = [s for s in r.get("samples", []) if s["origin"] == "sample 1"]
        filled = [s for s in r.get("samples", []) if s["origin"] == "example filled in"]
        if not own or not filled or own[0]["answer"] is None:
            continue
        text = load_problem(Path("problems") / r["id"]).text if by_id is None else by_id[str(r["id"])]
        match = family_match(text, nearest_examples(text, 1)[-1])
        if match is None or match >= MIN_FAMILY_MATCH:
            continue
        kept += 1
        gained += own[0]["correct"] and not r["correct"]
        lost += r["correct"] and not own[0]["correct"]
    return len(rows), kept, gained, lost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", nargs="+", type=Path, help="results JSONL files (mathllm eval --out, eval_matrix.py)")
    ap.add_argument("--data", type=Path, default=Path("runs/evaldata6"), help="the data build the items come from")
    a = ap.parse_args()
    print("| results | rows | kept (weak match) | wrong -> right | right -> wrong |\n|---|---|---|---|---|")
    for f in a.results:
        n, kept, gained, lost = replay(f, a.data)
        print(f"| {f} | {n} | {kept} | {gained} | {lost} |")


if __name__ == "__main__":
    main()
