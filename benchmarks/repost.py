"""The rules of the current code on the stored programs of an evaluation run, without the model.

    python benchmarks/repost.py DATA RESULTS

DATA is the evaluation set of the run (as ``mathllm eval`` read it), RESULTS its per-item JSONL.
Each stored program (already followed, targeted and bound by the code of that run) goes through
follow, target and bind again, with the example retrieval shows now, and is re-run where it
changed; the count of right answers before and after is printed, and each item whose verdict
changed. Programs joined from several questions are left as they are. A rule read from a run's
failures is in-sample on that run: only a run made before the rule was written measures it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from refcheck import rewritten  # benchmarks/refcheck.py, beside this script

    from mathllm.evaluate import load_items
    from mathllm.run import run_program

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    items = load_items(args[0])
    rows = {str(json.loads(line)["id"]): json.loads(line)
            for line in Path(args[1]).read_text(encoding="utf-8").splitlines() if line.strip()}
    before = after = 0
    for n, item in enumerate(items, start=1):
        r = rows.get(str(item.id)) or rows.get(str(n))
        if r is None or not r.get("program"):
            continue
        before += bool(r["correct"])
        text, program = item.problem.text, r["program"]
        if "answer_1" in program:
            after += bool(r["correct"])
            continue
        new, said = rewritten(program, text)
        if new == program:
            after += bool(r["correct"])
            continue
        result = run_program(new)
        right = False
        if result.ok and result.answer is not None:
            right = item.correct(result.answer.values if result.answer.kind == "dict" else result.answer.value)
        after += right
        if right != bool(r["correct"]):
            print(f"{item.id}: {bool(r['correct'])} -> {right} ({'; '.join(said)})")
    print(f"{args[1]}: {before} -> {after} right of {len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
