"""What the bind stage changes: nothing on right programs, misbound parameters on wrong ones.

    python benchmarks/bind.py
    python benchmarks/bind.py --scramble
    python benchmarks/bind.py --references runs/evaldata6/train.jsonl
    python benchmarks/bind.py --results runs/eval/adapter-held-out_phrasings-greedy.jsonl \
        --data runs/evaldata6/eval_phrasings.jsonl --limit 40
    python benchmarks/bind.py --results runs/s16/eval-nobind100/results.jsonl \
        --data runs/evaldata6/eval_phrasings.jsonl --limit 100 --seed 16

Without ``--results``: every reference program of the retrieval bank (right by construction)
goes through :func:`mathllm.bind.bind`; each move there would be a false one (``--references``
adds other files of reference programs: the training set, a bank of your own). With
``--results`` (the per-item JSONL of an evaluation run made without binding, i.e. before
2026-12-02 or with ``--no-bind``): each program the model wrote is bound, re-run in the
sandbox and compared with the expected answer; the items are those of ``load_items(data,
limit, seed)``, as ``benchmarks/eval_matrix.py`` (seed 0) or ``mathllm eval --seed`` picks
them. With ``--scramble``: in each reference program of the bank's linear-program families,
the values of the table's parameters (rule 6: "cutting time per jacket", "... available per
day") are shuffled (seeded), as a small model mixes them up, and bind must put every one back;
per family and phrasing.
"""

from __future__ import annotations

import argparse
import json

from mathllm.bind import bind
from mathllm.retrieve import BANK_PATH
from mathllm.train import read_jsonl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", help="per-item JSONL of an evaluation run")
    ap.add_argument("--data", help="the evaluation set of that run")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0, help="the --seed of that run (which items --limit kept)")
    ap.add_argument("--scramble", action="store_true", help="shuffle the table parameters of LP programs")
    ap.add_argument("--references", action="append", default=[], metavar="JSONL",
                    help="also bind the reference programs of this file (records with problem and program, "
                         "such as runs/evaldata6/train.jsonl); repeatable")
    a = ap.parse_args(argv)

    recs = read_jsonl(BANK_PATH)
    for name, rows in [("the bank", recs)] + [(path, _references(path)) for path in a.references]:
        moved = [(r.get("family", "?"), mv) for r in rows for mv in bind(r["problem"], r["program"])[1]]
        print(f"reference programs of {name}: {len(rows)}, parameters moved: {len(moved)} "
              f"(each a false move; families: {sorted({f for f, _ in moved})})")
        for fam, mv in moved:
            print(f"  {fam}: {mv}")
    if a.scramble:
        scramble(recs)
    if not a.results:
        return 0
    if not a.data:
        ap.error("--results needs --data")
    from mathllm.evaluate import load_items
    from mathllm.run import run_program
    from mathllm.verify import answer_values

    items = {it.id: it for it in load_items(a.data, a.limit, seed=a.seed)}
    with open(a.results, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    changed = fixed = broken = 0
    for r in rows:
        it = items.get(r["id"])
        if it is None or not r.get("program"):
            continue
        program, moves = bind(it.problem.text, r["program"])
        if not moves:
            continue
        changed += 1
        res = run_program(program, timeout_s=10)
        ok = it.correct(answer_values(res.answer) if res.ok else None)
        fixed += ok and not r["correct"]
        broken += bool(r["correct"]) and not ok
        print(f"{'right' if r['correct'] else 'wrong'} -> {'right' if ok else 'wrong'}: "
              f"{'; '.join(map(str, moves))}")
    before = sum(bool(r["correct"]) for r in rows)
    print(f"{len(rows)} programs, {changed} with moves: {fixed} made right, {broken} made wrong; "
          f"correct {before} -> {before + fixed - broken}")
    return 0


def _references(path: str) -> list[dict]:
    """The records of a JSONL file that have a reference program."""
    with open(path, encoding="utf-8") as fh:
        return [r for line in fh if line.strip() and (r := json.loads(line)).get("program")]


def scramble(recs: list[dict], seed: int = 0) -> None:
    """Shuffle the table parameters of each LP reference program; count the programs bind restores."""
    import random

    from mathllm.bind import table_cells
    from mathllm.contract import parse_parameters, set_parameters

    rng = random.Random(seed)
    table: dict[tuple[str, int], list[int]] = {}  # (family, phrasing) -> [restored, programs]
    wrong = 0
    for r in recs:
        params = parse_parameters(r["program"])
        names, _ = table_cells(params)
        cells = [p for p in params if p.name in names]
        if not cells:
            continue  # no table (transport, cutting and staffing programs have none)
        values = [p.value for p in cells]
        shuffled = values[:]
        while shuffled == values and len(set(values)) > 1:
            rng.shuffle(shuffled)
        if shuffled == values:
            continue
        out, moves = bind(r["problem"], set_parameters(r["program"], dict(zip([p.name for p in cells], shuffled))))
        want = {p.name: float(p.value) for p in params}
        got = {p.name: float(p.value) for p in parse_parameters(out)}
        # a list rebuilt from the text's items (rule 15) names its parameters by the items'
        # labels: compare it with the reference's parameters of that prefix, in order
        wrong += sum(mv.new != ([v for n, v in want.items() if n.startswith(mv.name[:-1])]
                                if mv.name.endswith("*") else want[mv.name]) for mv in moves)
        row = table.setdefault((r["family"], r.get("phrasing", -1)), [0, 0])
        row[0] += got == want or list(got.values()) == list(want.values())
        row[1] += 1
    print("| family | phrasing | restored |\n|---|---|---|")
    for (fam, ph), (ok, n) in sorted(table.items()):
        print(f"| {fam} | {ph} | {ok}/{n} |")
    total = [sum(v[i] for v in table.values()) for i in (0, 1)]
    print(f"scrambled LP programs restored: {total[0]}/{total[1]}; moves to a wrong number: {wrong}")


if __name__ == "__main__":
    raise SystemExit(main())
