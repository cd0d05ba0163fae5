"""What the follow stage does to programs the model wrote: re-run stored evaluation results.

    python benchmarks/follow.py runs/eval-*/adapter-*-greedy.jsonl [--data runs/evaldata6]

Each per-item JSONL of ``benchmarks/eval_matrix.py`` holds the program the model wrote for each
item (after the follow and bind stages of its day). For every program whose parameter names are
exactly those of the example retrieval shows today for its item, and whose other statements
differ from it, :func:`mathllm.follow.follow` puts the example's statements back; the program
is bound, run in the sandbox and graded against the expected answer. The table counts how
often that turned a wrong answer right, a right one wrong, or changed nothing.

A second table is the evidence for the fill stage (:mod:`mathllm.fill`): how often a program
that *ignores* today's example (no parameter name and no statement in common,
:func:`mathllm.fill.ignores`) was right.

The retrieved example is today's: an older run may have been shown another one, so this measures
the rule on the model's programs, not a replay of that run.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from mathllm.bind import bind
from mathllm.evaluate import load_items
from mathllm.fill import ignores
from mathllm.follow import follow
from mathllm.retrieve import nearest_examples
from mathllm.run import run_program
from mathllm.verify import answer_values

SETS = {"held-out_phrasings": "eval_phrasings.jsonl", "held-out_families": "eval_families.jsonl",
        "GSM8K_slice": "eval_gsm8k.jsonl"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", nargs="+", help="per-item JSONL files of eval_matrix runs")
    ap.add_argument("--data", default="runs/evaldata6", help="the data build those runs evaluated")
    a = ap.parse_args(argv)
    items = {}
    counts: Counter[tuple[str, str]] = Counter()
    ignored: Counter[tuple[str, bool]] = Counter()
    for path in a.results:
        name = next((s for s in SETS if s in Path(path).name), None)
        if name is None:
            continue
        if name not in items:
            items[name] = {it.id: it for it in load_items(Path(a.data) / SETS[name], None, seed=0)}
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for r in rows:
            it = items[name].get(r["id"])
            if it is None or not r.get("program"):
                continue
            shown = nearest_examples(it.problem.text, 1)
            if shown and ignores(r["program"], shown[0].program):
                ignored[name, bool(r["correct"])] += 1
            program, done = follow(r["program"], shown, it.problem.text)
            if done is None:
                continue
            program, _ = bind(it.problem.text, program)
            res = run_program(program, timeout_s=20)
            ok = it.correct(answer_values(res.answer) if res.ok else None)
            before = "right" if r["correct"] else "wrong"
            counts[name, f"{before} -> {'right' if ok else 'wrong'}"] += 1
            print(f"{path} item {r['id']}: {before} -> {'right' if ok else 'wrong'} ({done})")
    print("\n| set | programs followed | wrong -> right | right -> wrong | wrong -> wrong | right -> right |")
    print("|---|---|---|---|---|---|")
    for name in SETS:
        c = {k[1]: v for k, v in counts.items() if k[0] == name}
        print(f"| {name} | {sum(c.values())} | {c.get('wrong -> right', 0)} | {c.get('right -> wrong', 0)} | "
              f"{c.get('wrong -> wrong', 0)} | {c.get('right -> right', 0)} |")
    print("\n| set | programs that ignore the example | right | wrong |")
    print("|---|---|---|---|")
    for name in SETS:
        right, wrong = ignored[name, True], ignored[name, False]
        print(f"| {name} | {right + wrong} | {right} | {wrong} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
