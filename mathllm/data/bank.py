"""Build the retrieval bank shipped with mathllm (``mathllm/data/bank.jsonl``).

The bank is the "knowledge base of modeling patterns" the prompt draws on
(:mod:`mathllm.retrieve`): solved problems from the *trained* families and *trained*
phrasings only, so held-out evaluation never sees its own family or phrasing through
retrieval. Samples use a seed distinct from the training build, so retrieved examples are
never the very training samples. It holds only our own generated problems (no third-party
data set text).

CLI: ``python -m mathllm.data.bank [--per-phrasing 6] [--seed 1000]``
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from .build import iter_families, trained_phrasings
from .core import generate

BANK_PATH = Path(__file__).with_name("bank.jsonl")

#: The share of its whole-text score an example of these families keeps when families are ranked
#: (a record's ``weight``, :func:`mathllm.retrieve.load_bank`). They joined the bank on
#: 2026-12-05 without the adapter being trained on them, and they share words with trained
#: families ("deposit", "put into a savings account", "sardines and tuna"): at 1, 7 of the 414
#: held-out phrasings of trained families were shown one of them and 3 of those turned wrong;
#: at 0.9, 2 are shown another example (1 another family) and their own held-out phrasings
#: still find them (53 of 54), at 0.8 only 49 (``benchmarks/bank_change.py``).
#: ``cooling_time_from_two_readings`` joined on 2026-12-06 at weight 1: it took none of the 534
#: held-out phrasings of the trained families from their own family's example.
WEIGHTS = {name: 0.9 for name in (
    "lotka_volterra_equilibrium", "growth_rate_from_two_values", "bsa_dosing", "creatinine_clearance",
    "half_life_from_two_samples", "simple_interest", "sinking_fund_payment", "spring_damping_ratio",
    "relative_humidity", "infusion_steady_state")}


#: Families drawn more often than ``per_phrasing``: their cases multiply (the brine tank's two unit
#: systems times four questions), and six draws per phrasing left some case without an example
#: (the tank asked when it is full, in gallons).
PER_PHRASING = {"mixing_tank_varying": 12,
                # an opening balance joined its cases (2026-12-07): at six draws, the plain annuity's
                # "how much will I have saved?" was left with interest examples only in some
                # phrasings (10 of 6,939 reference programs rewritten to the interest)
                "savings_annuity_fv": 12,
                # the time of an underdamped capacitor's peak joined its cases (thirty-sixth session): a
                # fifth of a fifth of the draws
                "rlc_circuit": 12,
                # the interest part of the first payment joined its cases (thirty-seventh session): two
                # fifths of the third that asks no payment
                "loan_payment": 12,
                # a limited or closed route and the amount one route carries joined its cases
                # (thirty-seventh session)
                "lp_transport": 12,
                # four kinds of blend, two or three ingredients, two questions: at six draws a feed's
                # cost with three ingredients was not among them (thirty-seventh session)
                "lp_blend_fixed_total": 12,
                # a run of rainy or dry days joined its cases (thirty-seventh session)
                "markov_rain_nstep": 12}


def build_bank(path: str | Path = BANK_PATH, *, per_phrasing: int = 6, seed: int = 1000) -> int:
    rows = []
    for fam in iter_families(held_out=False):
        for ph in trained_phrasings(fam):
            for j in range(max(per_phrasing, PER_PHRASING.get(fam.name, 0))):
                rng = random.Random(f"bank:{seed}:{fam.name}:{ph}:{j}")
                try:
                    s = generate(fam, rng, ph)
                except Exception:  # a draw the family rejects: skip it, the bank is a sample
                    continue
                # (the asides are marked: retrieval does not rank by them, see load_bank)
                rows.append({"family": fam.name, "domain": fam.domain, "phrasing": ph,
                             "problem": s.problem, "program": s.program}
                            | ({"weight": WEIGHTS[fam.name]} if fam.name in WEIGHTS else {})
                            | ({"asides": s.meta["asides"]} if s.meta.get("asides") else {}))
    seen = set()
    uniq = []
    for r in rows:
        if r["problem"] not in seen:
            seen.add(r["problem"])
            uniq.append(r)
    tmp = Path(str(path) + ".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in uniq), encoding="utf-8")
    tmp.replace(path)
    return len(uniq)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(BANK_PATH))
    ap.add_argument("--per-phrasing", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1000)
    a = ap.parse_args(argv)
    n = build_bank(a.out, per_phrasing=a.per_phrasing, seed=a.seed)
    print(f"{n} examples -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
