"""Evaluation (``mathllm eval``): accuracy and latency of a model on a set of problems.

DATA is a JSONL file (``question``, ``answer``, optional ``tolerance``, ``domain``/``family``)
or a folder of problem files. Each item is solved with the normal pipeline (:func:`solve`),
several at once: with the local backend their generation calls are merged into batches
(:class:`~mathllm.generate.BatchingGenerator`); with a server they are parallel requests.

Metrics: share of programs that pass the check, that run, that are correct (relative error
below 1e-4, or absolute error below min(10^-n, 0.01) where n is the number of decimals of the
expected answer, unless the item gives its own tolerance), and median/p95 latency. Results are
written as JSONL, one line per item.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import DataError, UsageError
from .problem import Problem, find_problems, load_problem
from .report import warnings_of
from .verify import answer_values, decimals_of, match_expected


@dataclass
class Item:
    id: str
    problem: Problem
    expected: float | dict[str, float]
    tolerance: float | None
    decimals: Any
    group: str

    def correct(self, got: float | dict[str, float] | None) -> bool:
        """Whether an answer matches the expected one (the tolerance or decimals rule)."""
        return got is not None and match_expected(got, self.expected, self.tolerance, self.decimals)


@dataclass
class EvalSummary:
    n: int
    checked: float
    ran: float
    correct: float
    latency_median_s: float
    latency_p95_s: float
    by_group: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    # How well the grounding warning "values not given in the problem" flags wrong answers:
    # among programs that ran, how many got it, and how many of those were wrong.
    flagged: int = 0
    flagged_wrong: int = 0


def load_items(data: str | Path, limit: int | None = None, seed: int | None = None) -> list[Item]:
    """Items from a JSONL file or a folder of problem files.

    With ``seed``, the items are shuffled (deterministically) before ``limit`` applies, so a
    small limit still samples every family/domain of a sorted file.
    """
    p = Path(data)
    items: list[Item] = []
    if p.is_dir():
        for f in find_problems(p):
            prob = load_problem(f)
            if prob.answer is None:
                continue
            raw = prob.meta.get("answer")
            dec = {str(k): decimals_of(v) for k, v in raw.items()} if isinstance(raw, dict) else decimals_of(raw)
            items.append(Item(str(f.relative_to(p)), prob, prob.answer, prob.tolerance, dec, prob.domain or f.parent.name))
    elif p.is_file():
        from .train import read_jsonl

        try:
            records = read_jsonl(p)
        except UnicodeDecodeError as exc:
            raise DataError(f"{p} is not valid UTF-8 text (bad byte at offset {exc.start})") from None
        for i, rec in enumerate(records):
            q = rec.get("question") or rec.get("problem")
            if not q or rec.get("answer") is None:
                raise DataError(f"{p}: line {i + 1} needs 'question' and 'answer'")
            raw = rec["answer"]
            try:
                ans = {str(k): float(v) for k, v in raw.items()} if isinstance(raw, dict) else float(str(raw).replace(",", ""))
            except (TypeError, ValueError):
                raise DataError(f"{p}: line {i + 1}: answer {raw!r} is not a number") from None
            dec = {str(k): decimals_of(v) for k, v in raw.items()} if isinstance(raw, dict) else decimals_of(raw)
            tol = rec.get("tolerance")
            try:
                tol = float(tol) if tol is not None else None
            except (TypeError, ValueError):
                raise DataError(f"{p}: line {i + 1}: tolerance {tol!r} is not a number") from None
            prob = Problem(text=str(q), title=str(rec.get("id") or f"item {i + 1}"),
                           domain=str(rec.get("domain") or ""), answer=ans,
                           tolerance=tol)
            items.append(Item(str(rec.get("id") or i + 1), prob, ans, prob.tolerance, dec,
                              str(rec.get("domain") or rec.get("family") or "all")))
    else:
        raise DataError(f"evaluation data not found: {p}")
    if seed is not None:
        import random

        random.Random(seed).shuffle(items)
    if limit is not None:
        items = items[:limit]
    if not items:
        raise DataError(f"no evaluation items with answers in {p}")
    return items


def evaluate(items: list[Item], generator: Any, options: Any, *, workers: int = 8,
             out: str | Path | None = None, on_item: Callable[[dict], None] | None = None) -> EvalSummary:
    """Solve every item and score it; write one JSONL line per item to ``out``."""
    from .generate import BatchingGenerator, OpenAIGenerator
    from .solve import solve

    if workers < 1:
        raise UsageError("--workers must be at least 1")
    gen = generator
    if not isinstance(generator, OpenAIGenerator) and workers > 1:
        gen = BatchingGenerator(generator, max_batch=workers * max(1, options.samples))
    gen.load()
    lock = threading.Lock()
    rows: list[dict] = []
    # Rows go to OUT.partial as they come (an interrupted run keeps them there) and the file is
    # renamed to OUT when every item is done, so an earlier OUT is replaced only by a whole one.
    target = Path(out) if out else None
    partial = target.with_name(target.name + ".partial") if target else None
    fh = None
    if partial:
        partial.parent.mkdir(parents=True, exist_ok=True)
        fh = open(partial, "w", encoding="utf-8")
    t0 = time.perf_counter()

    def _sample_row(a: Any, item: Item) -> dict:
        vals = answer_values(a.run.answer) if a.run is not None and a.run.ok else None
        g = _grounding(a)
        return {"origin": a.origin, "answer": vals,
                "correct": item.correct(vals),
                "invented": len(g.invented) if g else None, "coverage": round(g.coverage, 4) if g else None}

    def one(item: Item) -> dict:
        start = time.perf_counter()
        # The expected answer must not be visible to the pipeline's verifier (it would
        # select among samples by the truth); it is compared only here.
        blind = Problem(text=item.problem.text, title=item.problem.title, domain=item.problem.domain)
        res = solve(blind, gen, options)
        first = res.attempts[0] if res.attempts else None
        final = res.best
        got = None
        if res.answer is not None:
            got = res.answer.values if res.answer.kind == "dict" else res.answer.value
        row = {
            "id": item.id, "group": item.group, "expected": item.expected,
            "answer": got, "verdict": res.verdict,
            "checked": bool(final is not None and final.check.ok),
            "ran": bool(final is not None and final.run is not None and final.run.ok),
            "correct": item.correct(got),
            "first_checked": bool(first is not None and first.check.ok),
            "first_ran": bool(first is not None and first.run is not None and first.run.ok),
            "attempts": len(res.attempts), "agreement": res.agreement,
            "latency_s": round(time.perf_counter() - start, 3),
            "error": final.error if final is not None else "no program",
            "program": final.program if final is not None else None,
            "warnings": warnings_of(res),
            "invented": len(g.invented) if (g := _grounding(final)) else 0,
            # every attempt's answer and grounding: selection rules can be compared offline
            "samples": [_sample_row(a, item) for a in res.attempts],
        }
        with lock:
            rows.append(row)
            if fh:
                fh.write(json.dumps(row) + "\n")
                fh.flush()
            if on_item:
                on_item(row)
        return row

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(one, items))
    finally:
        if fh:
            fh.close()
    if partial:
        os.replace(partial, target)
    return summarize(rows, time.perf_counter() - t0)


#: The keys every row written by :func:`evaluate` has.
RESULT_KEYS = frozenset({"id", "expected", "answer", "correct", "latency_s"})


def is_results_file(path: Path) -> bool:
    """Whether ``path`` is a results file an earlier ``evaluate`` wrote (safe to replace)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
        row = json.loads(first) if first.strip() else None
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(row, dict) and RESULT_KEYS <= row.keys()


def _grounding(attempt: Any) -> Any:
    v = attempt.verification if attempt is not None else None
    return v.grounding if v is not None else None


def summarize(rows: list[dict], seconds: float = 0.0) -> EvalSummary:
    def rate(rs: list[dict], key: str) -> float:
        return sum(1 for r in rs if r[key]) / len(rs) if rs else 0.0

    lat = sorted(r["latency_s"] for r in rows) or [0.0]
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    by = {g: {"n": len(rs), "checked": rate(rs, "checked"), "ran": rate(rs, "ran"), "correct": rate(rs, "correct")}
          for g, rs in sorted(groups.items())}
    ran = [r for r in rows if r["ran"]]
    flagged = [r for r in ran if r.get("invented")]
    return EvalSummary(
        flagged=len(flagged), flagged_wrong=sum(1 for r in flagged if not r["correct"]),
        n=len(rows), checked=rate(rows, "checked"), ran=rate(rows, "ran"), correct=rate(rows, "correct"),
        latency_median_s=statistics.median(lat), latency_p95_s=lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))],
        by_group=by, seconds=seconds,
    )
