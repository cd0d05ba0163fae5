"""Accuracy matrix for the model card: base model vs adapter on the held-out evaluation sets.

    python benchmarks/eval_matrix.py --data DIR [--limit 30] [--adapter models/default]
                                     [--settings greedy,repair,vote] [--out runs/eval]

DIR is a data build (``python -m mathllm.data.build --out DIR``) holding eval_phrasings.jsonl,
eval_families.jsonl and eval_gsm8k.jsonl. For each model x set x setting it runs
``mathllm.evaluate.evaluate`` and prints a Markdown table (check / run / correct rates and
median latency), ready to paste into ``models/<name>/README.md``; per-item JSONL goes to --out.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SETTINGS = {
    "greedy": dict(samples=1, repairs=0),
    "repair": dict(samples=1, repairs=2),
    "vote": dict(samples=5, repairs=0),
}
SETS = {"held-out phrasings": "eval_phrasings.jsonl", "held-out families": "eval_families.jsonl",
        "GSM8K slice": "eval_gsm8k.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first K items of the shuffled set (a second, untouched sample: "
                         "--skip 40 --limit 40 gives items 41-80)")
    ap.add_argument("--adapter", default="models/default")
    ap.add_argument("--models", default="base,adapter")
    ap.add_argument("--settings", default="greedy", help=f"comma list of {', '.join(SETTINGS)}")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--bank", action="append", default=None,
                    help="bank file retrieved from (repeat for several; default: the shipped bank "
                         "and those installed by `mathllm bank`)")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--max-new-tokens", type=int, default=600, help="as mathllm solve (quoted programs are longer)")
    ap.add_argument("--temperature", type=float, default=0.7, help="sampling temperature of the vote setting")
    ap.add_argument("--free-numbers", action="store_true", help="decode without grounded numbers (as before 2026-12-02)")
    ap.add_argument("--no-bind", action="store_true", help="keep the model's parameter values (no bind stage)")
    ap.add_argument("--no-follow", action="store_true", help="keep the model's statements (no follow stage; "
                    "by default on for an adapter)")
    ap.add_argument("--no-fill", action="store_true", help="no fallback to the example's program filled in by "
                    "the model (by default on for an adapter)")
    ap.add_argument("--no-split", action="store_true", help="no solving of several questions one at a time "
                    "(by default on for an adapter)")
    ap.add_argument("--out", default="runs/eval")
    ap.add_argument("--card", default=None, help="adapter dir whose README.md (model card) gets the table")
    a = ap.parse_args()

    from mathllm.evaluate import evaluate, load_items
    from mathllm.generate import HFGenerator
    from mathllm.retrieve import resolve_banks
    from mathllm.solve import SolveOptions

    out = Path(a.out)
    banks = resolve_banks(a.bank) if a.bank else None  # read and checked once
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for which in a.models.split(","):
        gen = HFGenerator(adapter=None if which == "base" else a.adapter, grounded=not a.free_numbers)
        gen.load()
        for set_name in a.sets.split(","):
            path = Path(a.data) / SETS[set_name]
            if not path.is_file():
                print(f"skip {set_name}: {path} missing")
                continue
            # a fixed, shuffled sample of each set
            items = load_items(path, a.skip + a.limit, seed=0)[a.skip:]
            for setting in a.settings.split(","):
                opts = SolveOptions(examples=a.examples, banks=banks,
                                    max_new_tokens=a.max_new_tokens, temperature=a.temperature,
                                    bind=not a.no_bind, follow=False if a.no_follow else None,
                                    fill=False if a.no_fill else None, split=False if a.no_split else None, **SETTINGS[setting])
                tag = f"{which}-{set_name.replace(' ', '_')}-{setting}{'-no-retrieval' if a.examples == 0 else ''}"
                s = evaluate(items, gen, opts, workers=a.workers, out=out / f"{tag}.jsonl")
                rows.append((which, set_name, setting, s))
                print(f"{tag}: n={s.n} check {s.checked:.0%} run {s.ran:.0%} correct {s.correct:.0%} "
                      f"median {s.latency_median_s:.1f} s ({s.seconds:.0f} s)", flush=True)
    # Rows accumulate in OUT/matrix.json across invocations (a re-measured row replaces the old
    # one), so a long matrix can be run in parts and the card still gets one table.
    path = out / "matrix.json"
    old = json.loads(path.read_text()) if path.is_file() else []
    new = [{"model": w, "set": n, "setting": st, "examples": a.examples, "limit": a.limit, "skip": a.skip,
            "data": a.data, **s.__dict__}
           for w, n, st, s in rows]
    key = lambda r: (r["model"], r["set"], r["setting"], r.get("examples", 1))
    merged = {key(r): r for r in old + new}
    all_rows = sorted(merged.values(), key=lambda r: (list(SETS).index(r["set"]) if r["set"] in SETS else 99,
                                                       r["model"], r.get("examples", 1) == 0, r["setting"]))
    path.write_text(json.dumps(all_rows, indent=2))
    table = render(all_rows)
    print("\n" + table)
    (out / "matrix.md").write_text(table + "\n")
    if a.card:
        from mathllm.train import model_card

        card = Path(a.card)
        summary = json.loads((card / "mathllm.json").read_text())
        limits = sorted({r.get("limit") for r in all_rows if r.get("limit")})
        note = (f"Measured with `python benchmarks/eval_matrix.py --data {a.data} --limit N --models M --settings S "
                f"[--examples 0] --out {a.out}` (rows accumulate across runs; N = {', '.join(map(str, limits))} "
                "items of each set, shuffled with seed 0; correct = relative error below 1e-4 or the decimals "
                "rule of `mathllm eval`). Retrieval = solved examples from the training bank put in the prompt.\n\n")
        (card / "README.md").write_text(model_card(card.name, summary, note + table))


def render(rows: list[dict]) -> str:
    """The Markdown table of accumulated rows."""
    lines = ["| set | model | retrieval | setting | n | check | run | correct | median latency |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['set']} | {r['model']} | {r.get('examples', 1)} example(s) | {r['setting']} | {r['n']} | "
                     f"{r['checked']:.0%} | {r['ran']:.0%} | **{r['correct']:.0%}** | {r['latency_median_s']:.1f} s |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
