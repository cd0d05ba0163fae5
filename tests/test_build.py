"""The data set build: splits, record format, determinism, GSM8K slice, CLI."""

from __future__ import annotations

import json

import pytest

from mathllm.data.build import build_dataset, iter_families, main
from mathllm.data.core import HELD_OUT_PHRASINGS

# a few quick families of this package, trained and held out, so the test does not depend on
# (or wait for) every module of the package
FAMILIES = ["pct_change", "ratio_sharing", "prob_at_least_one", "lp_transport", "pct_reverse", "prob_two_events"]


def _gsm(tmp_path, n=40):
    """A small GSM8K-style file (made-up records, not the shared data)."""
    lines = []
    for i in range(n):
        a, b = 3 + i, 7 + 2 * i
        lines.append(json.dumps({
            "question": f"Kim has {a} pens and buys {b} more. How many pens does Kim have now? (case {i})",
            "answer": f"Kim has {a} + {b} = <<{a}+{b}={a + b}>>{a + b} pens.\n#### {a + b}",
        }))
    p = tmp_path / "gsm.jsonl"
    p.write_text("\n".join(lines) + "\n")
    return p


def _read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _build(out, gsm, seed=0):
    return build_dataset(out, seed=seed, per_family=8, eval_per_family=6, gsm8k_path=gsm, gsm8k_train=10,
                         gsm8k_eval=5, families=FAMILIES)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    gsm = _gsm(tmp)
    return tmp, gsm, _build(tmp / "a", gsm)


def test_iter_families_partition():
    every, trained, held = iter_families(None), iter_families(False), iter_families(True)
    assert {f.name for f in trained} | {f.name for f in held} == {f.name for f in every}
    assert not {f.name for f in trained} & {f.name for f in held}
    assert all(f.held_out for f in held) and not any(f.held_out for f in trained)
    assert [f.name for f in every] == sorted(f.name for f in every)


def test_files_and_records(built):
    tmp, _, res = built
    data = {k: _read(v) for k, v in res["paths"].items()}
    assert {k: len(v) for k, v in data.items()} == res["counts"]
    held = {f.name for f in iter_families(True)}
    train, ev_ph, ev_fam, ev_gsm = data["train"], data["eval_phrasings"], data["eval_families"], data["eval_gsm8k"]
    assert len(ev_gsm) == 5 and res["train_gsm8k"] == 10
    assert len(train) == 4 * 8 + 10  # 4 trained families x 8, plus GSM8K
    for r in train:
        assert {"problem", "program", "answer", "family", "domain", "phrasing", "tolerance"} <= set(r)
        if r["family"] != "gsm8k":
            assert r["family"] not in held and r["phrasing"] not in HELD_OUT_PHRASINGS
    for r in ev_ph + ev_fam + ev_gsm:
        assert r["question"] == r["problem"] and "answer" in r and "program" not in r
    assert ev_ph and all(r["phrasing"] in HELD_OUT_PHRASINGS and r["family"] not in held for r in ev_ph)
    assert ev_fam and all(r["family"] in held for r in ev_fam)
    assert {r["phrasing"] for r in ev_fam} == set(range(6))
    manifest = json.loads((tmp / "a" / "manifest.json").read_text())
    assert manifest["counts"] == res["counts"]


def test_splits_are_disjoint_and_deduplicated(built):
    _, _, res = built
    data = {k: _read(v) for k, v in res["paths"].items()}
    train_texts = [r["problem"] for r in data["train"]]
    assert len(train_texts) == len(set(train_texts))
    for name in ("eval_phrasings", "eval_families", "eval_gsm8k"):
        assert not {r["problem"] for r in data[name]} & set(train_texts)
    gsm_train = {r["index"] for r in data["train"] if r["family"] == "gsm8k"}
    gsm_eval = {r["index"] for r in data["eval_gsm8k"]}
    assert gsm_train and gsm_eval and not gsm_train & gsm_eval


def test_deterministic_for_a_seed(built):
    tmp, gsm, res = built
    again = _build(tmp / "b", gsm)
    for name, path in res["paths"].items():
        with open(path, "rb") as a, open(again["paths"][name], "rb") as b:
            assert a.read() == b.read(), name
    other = _build(tmp / "c", gsm, seed=1)
    assert _read(other["paths"]["train"]) != _read(res["paths"]["train"])
    # the GSM8K evaluation slice is fixed, whatever the seed
    assert _read(other["paths"]["eval_gsm8k"]) == _read(res["paths"]["eval_gsm8k"])


def test_missing_gsm8k_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_dataset(tmp_path, per_family=1, gsm8k_path=tmp_path / "nope.jsonl", families=["pct_change"])


def test_cli(tmp_path, capsys):
    gsm = _gsm(tmp_path, n=12)
    rc = main(["--out", str(tmp_path / "cli"), "--seed", "0", "--per-family", "2", "--gsm8k", str(gsm),
               "--gsm8k-train", "3", "--gsm8k-eval", "2", "--families", "pct_change,pct_reverse"])
    out = capsys.readouterr().out
    assert rc == 0 and "train" in out and "eval_gsm8k" in out
    assert len(_read(tmp_path / "cli" / "train.jsonl")) == 2 + 3


def test_a_failing_family_is_skipped_and_reported(tmp_path):
    from mathllm.data.core import REGISTRY, family

    @family("zz_test_broken", "test", 6)
    def broken(rng, p):
        raise RuntimeError("boom")

    try:
        res = build_dataset(tmp_path, per_family=2, gsm8k_train=0, gsm8k_eval=0,
                            families=["zz_test_broken", "pct_change"])
    finally:
        del REGISTRY["zz_test_broken"]
    assert res["counts"]["train"] == 2
    assert any("zz_test_broken" in n and "gave up" in n for n in res["notes"])


def test_parallel_build_gives_the_same_files(built):
    tmp, gsm, res = built
    par = build_dataset(tmp / "p", seed=0, per_family=8, eval_per_family=6, gsm8k_path=gsm, gsm8k_train=10,
                        gsm8k_eval=5, families=FAMILIES, workers=2)
    for name, path in res["paths"].items():
        with open(path, "rb") as a, open(par["paths"][name], "rb") as b:
            assert a.read() == b.read(), name


@pytest.mark.parametrize("name", ["compound_interest_yearly", "lp_transport"])
def test_a_sample_keeps_the_asides_its_family_drew(name: str) -> None:
    import random

    from mathllm.data.core import generate

    fam = next(f for f in iter_families(held_out=False) if f.name == name)
    samples = [generate(fam, random.Random(f"aside:{i}"), 0) for i in range(12)]
    marked = [s for s in samples if s.meta.get("asides")]
    assert marked and len(marked) < len(samples)  # about 30% draw one
    assert all(a in s.problem for s in marked for a in s.meta["asides"])
    # the ones that drew none hold none of the asides the others drew
    drawn = {a for s in marked for a in s.meta["asides"]}
    assert not any(a in s.problem for s in samples if not s.meta.get("asides") for a in drawn)
