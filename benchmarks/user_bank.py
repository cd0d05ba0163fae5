"""A bank of your own solved examples: how much it helps on kinds the adapter never saw.

The held-out families are kinds of problem the adapter was not trained on and the shipped bank
does not hold (0% correct). A user who installs solved examples of such a kind (``mathllm bank
add``) gives retrieval something to show. This script writes such a bank for the held-out
families, drawn with a seed of its own (no text equal to an evaluation text), so that

    python benchmarks/user_bank.py --out runs/userbank/heldout.jsonl
    python benchmarks/eval_matrix.py --data runs/evaldata6 --limit 20 --adapter models/default \\
        --models adapter --settings greedy --sets "held-out families" \\
        --bank mathllm/data/bank.jsonl --bank runs/userbank/heldout.jsonl --out runs/eval-userbank

measures held-out families with the user's bank (the evaluation set's own figure, without it,
stays the one of the model card: those families are never in the shipped bank or training).

With ``--gsm8k FILE`` it writes instead the training split of GSM8K (never the evaluation pool)
as arithmetic chains with weight 0.6: a GSM8K example is shown only where it matches about 1.7
times better than any modeling family. Held-out GSM8K questions match one 1.4 times better or
more in 96% of cases (median 2.6), held-out phrasings of the families at most 0.64 times (90th
percentile), the problem bank's texts 1.6 times or more in 13%.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mathllm.data.build import _key, family_samples, iter_families
from mathllm.retrieve import read_bank_records


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-phrasing", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2000)
    ap.add_argument("--exclude", type=Path, default=Path("runs/evaldata6/eval_families.jsonl"),
                    help="evaluation file whose texts the bank must not hold")
    ap.add_argument("--phrasings", default=None,
                    help="comma list of the phrasings to draw (default: all); the others stay unseen")
    ap.add_argument("--gsm8k", type=Path, help="GSM8K train.jsonl: write its training split instead")
    ap.add_argument("--weight", type=float, default=0.6, help="weight of the GSM8K examples")
    a = ap.parse_args(argv)
    if a.gsm8k:
        from mathllm.data.gsm8k import load_gsm8k, read_records, split_indices

        train, _ = split_indices(len(read_records(a.gsm8k)))
        rows = [{"family": "gsm8k", "domain": "gsm8k", "index": s.meta["index"], "weight": a.weight,
                 "problem": s.problem, "program": s.program} for s in load_gsm8k(a.gsm8k, indices=sorted(train))]
        _write(a.out, rows)
        print(f"{len(rows)} GSM8K examples -> {a.out}", file=sys.stderr)
        return 0
    banned = set()
    if a.exclude.is_file():
        banned = {_key(json.loads(line)["question"]) for line in a.exclude.read_text().splitlines() if line.strip()}
    wanted = None if a.phrasings is None else {int(x) for x in a.phrasings.split(",")}
    rows = []
    for fam in iter_families(held_out=True):
        phrasings = [p for p in range(fam.n_phrasings) if wanted is None or p in wanted]
        for s in family_samples(fam.name, phrasings, a.per_phrasing * len(phrasings), a.seed, "userbank"):
            if _key(s.problem) not in banned:
                rows.append({"family": s.family, "domain": s.domain, "phrasing": s.phrasing,
                             "problem": s.problem, "program": s.program})
    _write(a.out, rows)
    read_bank_records(a.out)  # what `mathllm bank add` would accept
    print(f"{len(rows)} examples of {len(iter_families(held_out=True))} held-out families -> {a.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
