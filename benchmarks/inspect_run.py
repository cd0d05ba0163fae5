"""Look into evaluation runs: draw a fresh sample, show items, compare two runs, trace binding.

    python benchmarks/inspect_run.py sample SEED --out runs/sNN        # 40 fresh held-out phrasings
    python benchmarks/inspect_run.py show ITEMS RESULTS [--wrong] [ID ...]
    python benchmarks/inspect_run.py compare BASE NEW
    python benchmarks/inspect_run.py trace ITEMS RESULTS ID ['old=>new' ...]

``sample`` builds the data of one seed (one training and one held-out phrasing per family, no
GSM8K) and writes ``phSEED-40.jsonl``: 40 held-out phrasings shuffled with ``Random(SEED)``, the
samples the model card's sessions measure (``mathllm eval runs/sNN/phSEED-40.jsonl --out ...``).
A sample is fresh to a rule only when it is drawn after the rule is written.

``show`` prints each item's question, the expected and the given answer, the final program
and its warnings (``--wrong``: only the items answered wrong). Items are numbered from 1 in
file order, as ``mathllm eval`` numbers them.

``compare`` counts the right answers of two runs of the same items and names each item whose
verdict changed.

``trace`` binds the stored final program again (after the textual substitutions ``old=>new``,
which rebuild what the model wrote from what the warnings say moved) and prints every move with
its reason, the answer and the program: which rule moved what.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path


def _rows(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]


def _items(path: str) -> dict[str, dict]:
    return {str(r.get("id", n)): r for n, r in enumerate(_rows(path), start=1)}


def sample(seed: int, out: str) -> int:
    folder = Path(out) / f"ph{seed}"
    subprocess.run([sys.executable, "-W", "ignore", "-m", "mathllm.data.build", "--out", str(folder),
                    "--seed", str(seed), "--per-family", "1", "--eval-per-family", "1", "--gsm8k-train", "0",
                    "--gsm8k-eval", "0", "--workers", "1"], check=True, stdout=subprocess.DEVNULL)
    rows = _rows(str(folder / "eval_phrasings.jsonl"))
    random.Random(seed).shuffle(rows)
    target = Path(out) / f"ph{seed}-40.jsonl"
    target.write_text("".join(json.dumps(r) + "\n" for r in rows[:40]), encoding="utf-8")
    print(f"{target}: 40 of {len(rows)} held-out phrasings")
    return 0


def show(items_path: str, results: str, wrong: bool, ids: list[str]) -> int:
    items = _items(items_path)
    for r in _rows(results):
        if (wrong and r["correct"]) or (ids and str(r["id"]) not in ids):
            continue
        print("=" * 100)
        print(f"{r['id']} {r['group']} | expected {r['expected']} | got {r['answer']} | {r['verdict']}"
              f"{' | ' + r['error'][:200] if r.get('error') else ''}")
        print(items.get(str(r["id"]), {}).get("question", ""))
        print("-" * 40)
        print(r["program"])
        if r.get("warnings"):
            print("warnings:", *r["warnings"], sep="\n  ")
    return 0


def compare(base: str, new: str) -> int:
    a = {str(r["id"]): r for r in _rows(base)}
    b = {str(r["id"]): r for r in _rows(new)}
    print(f"{sum(r['correct'] for r in a.values())} -> {sum(r['correct'] for r in b.values())} right of {len(b)}")
    for k, r in b.items():
        if k in a and a[k]["correct"] != r["correct"]:
            print(f"  {k} ({r['group']}): {a[k]['correct']} -> {r['correct']} ({a[k]['answer']} -> {r['answer']})")
    return 0


def trace(items_path: str, results: str, item: str, subs: list[str]) -> int:
    from mathllm.bind import bind
    from mathllm.run import run_program

    row = next(r for r in _rows(results) if str(r["id"]) == item)
    program = row["program"]
    for sub in subs:
        old, _, new = sub.partition("=>")
        if old not in program:
            print(f"not in the program: {old!r}", file=sys.stderr)
            return 2
        program = program.replace(old, new, 1)
    bound, moves = bind(_items(items_path)[item]["question"], program)
    for mv in moves:
        print("moved", mv)
    result = run_program(bound)
    print("answer", result.answer.value if result.ok and result.answer else result.error, "| expected", row["expected"])
    print(bound)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample")
    p.add_argument("seed", type=int)
    p.add_argument("--out", required=True)
    p = sub.add_parser("show")
    p.add_argument("items")
    p.add_argument("results")
    p.add_argument("--wrong", action="store_true")
    p.add_argument("ids", nargs="*")
    p = sub.add_parser("compare")
    p.add_argument("base")
    p.add_argument("new")
    p = sub.add_parser("trace")
    p.add_argument("items")
    p.add_argument("results")
    p.add_argument("id")
    p.add_argument("subs", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "sample":
        return sample(args.seed, args.out)
    if args.command == "show":
        return show(args.items, args.results, args.wrong, args.ids)
    if args.command == "compare":
        return compare(args.base, args.new)
    return trace(args.items, args.results, args.id, args.subs)


if __name__ == "__main__":
    raise SystemExit(main())
