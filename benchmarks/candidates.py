"""Would another retrieved example have given the right program? (an oracle, not a feature)

For each evaluation item, solve it again with two other solved examples in the prompt: the
nearest example of the second-ranked family, and the nearest example of the top family whose
program has another structure than the one shown. Compared with a greedy evaluation run of the
same items (``benchmarks/eval_matrix.py`` output), it reports how many items any of the three
prompts gets right (the ceiling of generating with several examples and picking one) and how a
realistic pick does (the answer two prompts agree on, else the shipped one).

    python benchmarks/candidates.py --data runs/evaldata6/eval_phrasings.jsonl --limit 40 \\
        --results runs/eval-bf16/adapter-held-out_phrasings-greedy.jsonl --out runs/oracle/cands.jsonl

Measured 2026-12-03 before the profile of the retrieval (40 held-out phrasings, bfloat16, 2-core
Xeon, 15 min): greedy 22 right, any of the three 26, agreement-else-shipped 21. Not built into
``solve``: three times the generation for at most four items, and no pick found that gets them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from retrieval import structure

from mathllm.evaluate import load_items
from mathllm.problem import Problem
from mathllm.prompt import Example
from mathllm.retrieve import QUESTION_WEIGHT, Bank, load_bank, question_of, terms, tokens


def candidates(bank: Bank, text: str) -> dict[str, list[Example]]:
    """The other examples to try: the second family's nearest, the top family's other structure."""
    shown = bank.nearest(text, 1)[0]
    family = bank.groups[bank.examples.index(shown)]
    out = {"second_family": bank.nearest(text, 2)[:1]}
    scores = bank.index.scores(tokens(text))
    asked = bank.questions.scores(terms(question_of(text)))
    other = [i for i, ex in enumerate(bank.examples)
             if bank.groups[i] == family and structure(ex.program) != structure(shown.program)]
    if other:
        best = max(other, key=lambda i: scores[i] + QUESTION_WEIGHT * asked[i])
        out["other_structure"] = [bank.examples[best]]
    return out


def _key(answer: object) -> str:
    return json.dumps(round(answer, 6) if isinstance(answer, float) else answer, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="evaluation JSONL (as for mathllm eval)")
    ap.add_argument("--results", required=True, help="per-item JSONL of the greedy run on the same items")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--out", default="runs/candidates.jsonl")
    a = ap.parse_args(argv)

    from mathllm.generate import BatchingGenerator, make_generator
    from mathllm.solve import SolveOptions, solve

    bank = load_bank()
    items = load_items(a.data, a.limit, seed=0)  # the same shuffled items as eval_matrix.py
    base = {r["id"]: r for r in map(json.loads, Path(a.results).read_text().splitlines()) if r}
    gen = BatchingGenerator(make_generator(), max_batch=8)
    gen.load()
    jobs = [(it, name, exs) for it in items for name, exs in candidates(bank, it.problem.text).items()]
    rows: dict[str, dict[str, dict]] = {}

    def one(job) -> None:
        it, name, exs = job
        blind = Problem(text=it.problem.text, title=it.problem.title, domain=it.problem.domain)
        res = solve(blind, gen, SolveOptions(), examples=exs)
        got = None if res.answer is None else (res.answer.values if res.answer.kind == "dict" else res.answer.value)
        ok = it.correct(got)
        rows.setdefault(it.id, {})[name] = {"answer": got, "correct": ok}

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, jobs))
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": i, **cands}) + "\n" for i, cands in rows.items())

    greedy = anyone = agreed = 0
    for it in items:
        first = base[it.id]
        tries = [first] + list(rows.get(it.id, {}).values())
        greedy += first["correct"]
        anyone += any(t["correct"] for t in tries)
        votes = Counter(_key(t["answer"]) for t in tries if t["answer"] is not None)
        pick = first["correct"]
        if votes and (top := votes.most_common(1)[0])[1] >= 2:
            pick = next(t["correct"] for t in tries if t["answer"] is not None and _key(t["answer"]) == top[0])
        agreed += pick
    n = len(items)
    print(f"{n} items: greedy {greedy}, any of the three prompts {anyone}, agreement else greedy {agreed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
