"""What follow, target and bind change on right programs: every change is a false one.

    python benchmarks/refcheck.py --refs mathllm/data/bank.jsonl runs/train4000.jsonl --out runs/ref-new.jsonl
    (cd ../old-worktree && PYTHONPATH=. python ../main/benchmarks/refcheck.py --refs ... --out runs/ref-old.jsonl)
    python benchmarks/refcheck.py --compare runs/ref-old.jsonl runs/ref-new.jsonl

Each reference program (a bank or training record: ``problem``/``question`` and ``program``, right
by construction) goes through the stages that rewrite a model's program (follow, target, bind)
with the example retrieval would show for its text (the record itself excluded), and the
programs are written to ``--out``. ``--compare`` runs the programs that differ between two such
files (the code before and after a change) and names every answer that changed: a rule that
changes a reference answer is a false move. ``benchmarks/bind.py --references`` counts bind's
moves alone; this one sees the whole chain, retrieval included.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def rewritten(program: str, text: str, exclude: str | None = None) -> tuple[str, list[str]]:
    """``program`` through follow, target and bind with the example retrieval shows for
    ``text`` (``exclude``: a bank record's own text), and what each stage said."""
    from mathllm.bind import bind
    from mathllm.follow import follow
    from mathllm.retrieve import nearest_examples
    from mathllm.target import target

    shown = nearest_examples(text, k=1, exclude=exclude)
    new, followed = follow(program, shown, text)
    retarget = None
    if shown:
        new, retarget = target(new, shown[followed.example] if followed else shown[-1], text)
    new, moves = bind(text, new)
    return new, [str(m) for m in moves] + [str(x) for x in (followed, retarget) if x]


def rewrite(paths: list[str], out: str, limit: int | None, seed: int) -> int:
    rows = [json.loads(line) for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        random.Random(seed).shuffle(rows)
        rows = rows[:limit]
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            text, program = r.get("problem") or r.get("question"), r["program"]
            new, _ = rewritten(program, text, exclude=text)
            f.write(json.dumps({"family": r.get("family"), "text": text, "program": new, "ref": program}) + "\n")
    print(f"{len(rows)} reference programs rewritten into {out}")
    return 0


def compare(old: str, new: str) -> int:
    from mathllm.run import run_program

    def value(program: str) -> object:
        answer = run_program(program).answer
        return (answer.value, answer.values) if answer else None

    a = [json.loads(line) for line in Path(old).read_text(encoding="utf-8").splitlines()]
    b = [json.loads(line) for line in Path(new).read_text(encoding="utf-8").splitlines()]
    if len(a) != len(b):
        print("the two files hold different records", file=sys.stderr)
        return 2
    differ = changed = 0
    for x, y in zip(a, b, strict=True):
        if x["program"] == y["program"]:
            continue
        differ += 1
        before, after, ref = value(x["program"]), value(y["program"]), value(x["ref"])
        if before != after:
            changed += 1
            print(f"{x['family']} | {x['text'][:140]}\n    reference {ref} | before {before} | after {after}")
    print(f"{len(a)} programs, {differ} differ, {changed} answers changed")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--refs", nargs="+", help="JSONL files of reference programs")
    ap.add_argument("--out", help="where to write the rewritten programs")
    ap.add_argument("--limit", type=int, help="a shuffled sample of this many records")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), help="two --out files to compare")
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.refs or not args.out:
        ap.error("give --refs and --out, or --compare OLD NEW")
    return rewrite(args.refs, args.out, args.limit, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
