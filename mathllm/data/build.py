"""Build the training and evaluation data sets (JSONL) from the families and GSM8K.

Files written to ``out_dir``:

* ``train.jsonl``: trained families x trained phrasings, plus the GSM8K training part;
* ``eval_phrasings.jsonl``: trained families, held-out phrasing(s) only
  (:data:`~mathllm.data.core.HELD_OUT_PHRASINGS`);
* ``eval_families.jsonl``: held-out families (``held_out=True``), all phrasings;
* ``eval_gsm8k.jsonl``: the fixed GSM8K evaluation slice (question and answer only);
* ``manifest.json``: the arguments, counts and GSM8K conversion statistics.

Every record has ``problem``, ``answer`` (a number or a dict of numbers), ``tolerance``
(None: the verifier's default), ``family``, ``domain``, ``phrasing`` and ``units``; training
records carry the reference ``program``; evaluation records also carry ``question`` (equal to
``problem``), the key ``mathllm eval`` reads. The build is deterministic for a seed: every
sample's generator is seeded from (seed, split, family, phrasing, attempt).

CLI: ``python -m mathllm.data.build --out DIR --seed 0``.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from .core import HELD_OUT_PHRASINGS, REGISTRY, Family, Sample, generate

DEFAULT_PER_FAMILY = 200
DEFAULT_EVAL_PER_FAMILY = 20
#: A sample that raises or takes longer than SAMPLE_TIMEOUT_S to generate is skipped; a family
#: is abandoned after MAX_FAILURES such samples (a bug in that family, reported in the notes of
#: the result and the manifest).
SAMPLE_TIMEOUT_S = 20.0
MAX_FAILURES = 3


def iter_families(held_out: bool | None = None) -> list[Family]:
    """The registered families sorted by name: all (None), only held-out (True) or only trained
    (False) ones. Importing :mod:`mathllm.data.families` registers them all."""
    from . import families  # noqa: F401  (registers every family module)

    fams = sorted(REGISTRY.values(), key=lambda f: f.name)
    if held_out is None:
        return fams
    return [f for f in fams if f.held_out == held_out]


def trained_phrasings(fam: Family) -> list[int]:
    return [p for p in range(fam.n_phrasings) if p not in HELD_OUT_PHRASINGS]


def held_out_phrasings(fam: Family) -> list[int]:
    return [p for p in range(fam.n_phrasings) if p in HELD_OUT_PHRASINGS]


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


class _SampleTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None):
    """Raise _SampleTimeout after ``seconds`` (main thread on POSIX only; otherwise no limit)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _SampleTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _family_job(name: str, phrasings: list[int], count: int, seed: int, split: str,
                sample_timeout_s: float | None = SAMPLE_TIMEOUT_S) -> tuple[list[Sample], list[str]]:
    fam = iter_families_by_name()[name]
    out: list[Sample] = []
    notes: list[str] = []
    seen: set[str] = set()
    attempt = failures = 0
    limit = count * 6 + 20
    while len(out) < count and attempt < limit:
        ph = phrasings[len(out) % len(phrasings)]
        rng = random.Random(f"{seed}:{split}:{name}:{ph}:{attempt}")
        attempt += 1
        try:
            with _time_limit(sample_timeout_s):
                s = generate(fam, rng, ph)
        except (_SampleTimeout, Exception) as e:  # a bug in the family: skip, report, give up if repeated
            failures += 1
            why = f"took over {sample_timeout_s} s" if isinstance(e, _SampleTimeout) else f"failed: {e!r}"[:200]
            notes.append(f"{name}: sample {split}/{ph}/{attempt - 1} {why}; skipped")
            if failures >= MAX_FAILURES:
                notes.append(f"{name}: gave up after {failures} failed samples ({len(out)} kept)")
                break
            continue
        k = _key(s.problem)
        if k in seen:
            continue
        seen.add(k)
        out.append(s)
    return out, notes


def family_samples(name: str, phrasings: list[int], count: int, seed: int, split: str) -> list[Sample]:
    """``count`` samples of one family with distinct texts, cycling through ``phrasings``.

    Sample ``i`` uses phrasing ``phrasings[i % len]`` and a generator seeded from
    ``(seed, split, family, phrasing, attempt)``; a duplicate text is retried with the next
    attempt number (a family with a small parameter space may return fewer than ``count``).
    A sample that raises or takes more than ``SAMPLE_TIMEOUT_S`` is skipped (a bug in its family).
    """
    return _family_job(name, phrasings, count, seed, split)[0]


def iter_families_by_name() -> dict[str, Family]:
    return {f.name: f for f in iter_families()}


def _record(s: Sample, *, with_program: bool) -> dict:
    rec = {"problem": s.problem, "answer": s.answer, "tolerance": s.tolerance, "family": s.family,
           "domain": s.domain, "phrasing": s.phrasing, "units": s.units}
    if with_program:
        rec["program"] = s.program
    else:
        rec["question"] = s.problem
    return rec


def _write(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _run_jobs(jobs: list[tuple], workers: int) -> list[tuple[list[Sample], list[str]]]:
    if workers <= 1:
        return [_family_job(*j) for j in jobs]
    with ProcessPoolExecutor(max_workers=workers) as ex:
        return list(ex.map(_family_job, *zip(*jobs)))


def build_dataset(out_dir: str | Path, *, seed: int = 0, per_family: int = DEFAULT_PER_FAMILY,
                  eval_per_family: int | None = None, gsm8k_path: str | Path | None = None,
                  gsm8k_train: int = 2000, gsm8k_eval: int = 200, workers: int = 1,
                  families: list[str] | None = None, progress=None) -> dict:
    """Write the data set files to ``out_dir`` and return their paths and counts.

    ``per_family`` training samples per trained family (spread over its trained phrasings);
    ``eval_per_family`` (default ``min(per_family, 20)``) evaluation samples per family in each
    evaluation file. ``gsm8k_path=None`` uses the default GSM8K file beside the repository and
    skips GSM8K (with a note in the result) when that file is absent; a given path must exist.
    ``workers > 1`` generates families in parallel processes (same output as ``workers=1``).
    ``families`` restricts the build to those family names (default: all registered).
    """
    from . import gsm8k as g

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n_eval = min(per_family, DEFAULT_EVAL_PER_FAMILY) if eval_per_family is None else eval_per_family
    trained, held = iter_families(False), iter_families(True)
    if families is not None:
        unknown = set(families) - {f.name for f in trained + held}
        if unknown:
            raise KeyError(f"unknown families: {', '.join(sorted(unknown))}")
        trained = [f for f in trained if f.name in families]
        held = [f for f in held if f.name in families]
    jobs = [(f.name, trained_phrasings(f), per_family, seed, "train") for f in trained]
    jobs += [(f.name, held_out_phrasings(f), n_eval, seed, "eval") for f in trained if held_out_phrasings(f)]
    jobs += [(f.name, list(range(f.n_phrasings)), n_eval, seed, "eval") for f in held]
    if progress:
        progress(f"generating {len(jobs)} family jobs")
    results = _run_jobs(jobs, workers)
    notes: list[str] = [n for _, ns in results for n in ns]
    results = [r for r, _ in results]
    n_tr = len(trained)
    n_ph = sum(1 for f in trained if held_out_phrasings(f))
    train_s = [s for r in results[:n_tr] for s in r]
    eval_ph_s = [s for r in results[n_tr:n_tr + n_ph] for s in r]
    eval_fam_s = [s for r in results[n_tr + n_ph:] for s in r]

    # GSM8K: fixed evaluation slice; training part drawn (seeded) from the rest
    gsm_train: list[Sample] = []
    gsm_eval: list[dict] = []
    gsm_stats = {"tried": 0, "kept": 0, "kept_fraction": None}
    path = Path(gsm8k_path) if gsm8k_path else g.DEFAULT_PATH
    if (gsm8k_train or gsm8k_eval) and not path.exists():
        if gsm8k_path:
            raise FileNotFoundError(f"GSM8K file not found: {path}")
        notes.append(f"GSM8K skipped: {path} not found")
    elif gsm8k_train or gsm8k_eval:
        records = g.read_records(path)
        train_idx, eval_idx = g.split_indices(len(records))
        for i in eval_idx:
            if len(gsm_eval) >= gsm8k_eval:
                break
            gold = g.gold_answer(records[i])
            if gold is not None:
                q = records[i]["question"].strip()
                gsm_eval.append({"problem": q, "question": q, "answer": gold, "tolerance": None,
                                 "family": g.FAMILY, "domain": g.DOMAIN, "phrasing": 0, "units": None,
                                 "index": i})
        order = list(train_idx)
        random.Random(f"{seed}:gsm8k").shuffle(order)
        for i in order:
            if len(gsm_train) >= gsm8k_train:
                break
            gsm_stats["tried"] += 1
            s = g.convert(records[i])
            if s is not None:
                s.meta["index"] = i
                gsm_train.append(s)
        gsm_stats["kept"] = len(gsm_train)
        gsm_stats["kept_fraction"] = len(gsm_train) / gsm_stats["tried"] if gsm_stats["tried"] else None

    # evaluation texts are fixed first; training drops anything identical to them, and duplicates
    eval_ph = [_record(s, with_program=False) for s in eval_ph_s]
    eval_fam = [_record(s, with_program=False) for s in eval_fam_s]
    eval_keys = {_key(r["problem"]) for r in eval_ph + eval_fam + gsm_eval}
    train: list[dict] = []
    seen: set[str] = set()
    for s in train_s + gsm_train:
        k = _key(s.problem)
        if k in seen or k in eval_keys:
            continue
        seen.add(k)
        rec = _record(s, with_program=True)
        if s.family == g.FAMILY:
            rec["index"] = s.meta.get("index")
        train.append(rec)
    random.Random(f"{seed}:order").shuffle(train)
    assert not (eval_keys & {_key(r["problem"]) for r in train}), "an evaluation text is in train"

    files = {"train": train, "eval_phrasings": eval_ph, "eval_families": eval_fam, "eval_gsm8k": gsm_eval}
    paths = {}
    for name, recs in files.items():
        paths[name] = out / f"{name}.jsonl"
        _write(paths[name], recs)
    result = {
        "paths": {k: str(v) for k, v in paths.items()},
        "counts": {k: len(v) for k, v in files.items()},
        "train_families": sum(1 for r in train if r["family"] != g.FAMILY),
        "train_gsm8k": len(gsm_train),
        "families": {"trained": [f.name for f in trained], "held_out": [f.name for f in held]},
        "gsm8k": {**gsm_stats, "path": str(path) if path.exists() else None},
        "args": {"seed": seed, "per_family": per_family, "eval_per_family": n_eval, "gsm8k_train": gsm8k_train,
                 "gsm8k_eval": gsm8k_eval},
        "notes": notes,
    }
    (out / "manifest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mathllm.data.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY, help="training samples per family")
    ap.add_argument("--eval-per-family", type=int, default=None, help="evaluation samples per family")
    ap.add_argument("--gsm8k", default=None, help="GSM8K train.jsonl (default: shared/datasets/gsm8k beside the repo)")
    ap.add_argument("--gsm8k-train", type=int, default=2000)
    ap.add_argument("--gsm8k-eval", type=int, default=200)
    ap.add_argument("--workers", type=int, default=1, help="parallel processes for family generation")
    ap.add_argument("--families", default=None, help="comma-separated family names (default: all)")
    a = ap.parse_args(argv)
    res = build_dataset(a.out, seed=a.seed, per_family=a.per_family, eval_per_family=a.eval_per_family,
                        gsm8k_path=a.gsm8k, gsm8k_train=a.gsm8k_train, gsm8k_eval=a.gsm8k_eval,
                        workers=a.workers, families=a.families.split(",") if a.families else None,
                        progress=lambda m: print(m, file=sys.stderr))
    fams = res["families"]
    print(f"families: {len(fams['trained'])} trained, {len(fams['held_out'])} held out "
          f"({', '.join(fams['held_out'])})")
    for name, n in res["counts"].items():
        print(f"{name:16s} {n:6d}  {res['paths'][name]}")
    gs = res["gsm8k"]
    if gs["tried"]:
        print(f"gsm8k train: kept {gs['kept']} of {gs['tried']} converted ({gs['kept_fraction']:.1%})")
    for note in res["notes"]:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
