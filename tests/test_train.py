"""Training stage: data pairs, batching, the program-only loss, the schedule, and a real (tiny) run.

The end-to-end run uses a randomly initialised two-layer Gemma 3 with a small BPE tokenizer
built here, so it exercises peft + Trainer + the atomic adapter write in seconds, without the
real weights (those are covered by the slow e2e test).
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from mathllm import train as tr
from mathllm.errors import DataError, UsageError
from mathllm.prompt import (
    HEADER,
    PROGRAM_TAG,
    QUOTED_STYLES,
    SHORT_HEADER,
    TRAIN_STYLE,
    build_prompt,
    completion_for,
)
from mathllm.retrieve import BM25, Bank, load_bank, phrasing_key, tokens

# ---------------------------------------------------------------------------------------------
# schedule


def test_lr_warms_up_then_decays_to_zero():
    f = [tr.lr_factor(s, max_steps=100, warmup=10) for s in range(101)]
    assert f[0] == pytest.approx(0.1)
    assert f[9] == pytest.approx(1.0)
    assert all(a >= b for a, b in itertools.pairwise(f[10:]))  # monotone after warm-up
    assert f[100] == pytest.approx(0.0, abs=1e-12)
    assert f[55] == pytest.approx(0.5, abs=1e-9)  # half way through the cosine


def test_time_budget_anneals_the_rate_before_the_steps_run_out():
    # Only 10 of 1000 planned steps done but the budget is spent: the rate must be ~0.
    assert tr.lr_factor(10, max_steps=1000, warmup=5, elapsed_s=600, budget_s=600) == pytest.approx(0.0, abs=1e-12)
    half = tr.lr_factor(10, max_steps=1000, warmup=5, elapsed_s=300, budget_s=600)
    assert half == pytest.approx(0.5, abs=1e-9)
    # Without a budget, elapsed time is ignored.
    assert tr.lr_factor(10, max_steps=1000, warmup=5, elapsed_s=10**6) > 0.99


# ---------------------------------------------------------------------------------------------
# data


def test_jsonl_lines_end_at_newline_only(tmp_path):
    # json.dumps(ensure_ascii=False) leaves U+2028 raw inside a string (GSM8K has two); it is no
    # line end for JSONL, though str.splitlines treats it as one.
    recs = [{"problem": "first line\u2028same record", "program": "answer = 1"}, {"problem": "b", "program": "answer = 2"}]
    p = tmp_path / "t.jsonl"
    p.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    assert tr.read_jsonl(p) == recs
    from mathllm.retrieve import load_bank

    assert [e.problem for e in load_bank(p).examples] == [r["problem"] for r in recs]


def test_read_jsonl_errors(tmp_path):
    with pytest.raises(DataError):
        tr.read_jsonl(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"problem": "x", "program": "answer = 1"}\nnot json\n')
    with pytest.raises(DataError):
        tr.read_jsonl(bad)


def _bank(records: list[dict]) -> Bank:
    from mathllm.prompt import Example

    return Bank([Example(r["problem"], r["program"]) for r in records], [r["family"] for r in records],
                BM25([tokens(r["problem"]) for r in records]), [phrasing_key(r) for r in records])


def test_training_pairs_never_show_the_sample_itself(tmp_path):
    bank = [json.loads(line) for line in Path("mathllm/data/bank.jsonl").read_text().splitlines()[:200]]
    path = tmp_path / "bank.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in bank) + "\n")
    pairs = tr.training_pairs(bank[:60], examples=1, bank_path=path, seed=3)
    assert len(pairs) == 60
    n_with_example = 0
    for rec, (prompt, completion) in zip(bank[:60], pairs):
        # trained in the short-header style, which inference uses for this adapter
        assert prompt.startswith(SHORT_HEADER + "\n") and HEADER not in prompt
        assert prompt.endswith(build_prompt(rec["problem"])[len(HEADER):].lstrip("\n"))
        assert prompt.count(rec["problem"].strip()) == 1  # only as the question, never as the example
        assert completion == completion_for(rec["program"], rec["problem"], TRAIN_STYLE)
        assert completion.startswith(rec["program"].strip()[:20])  # the default style does not quote
        n_with_example += prompt.count(PROGRAM_TAG) == 2
    # Mostly with a retrieved example, sometimes without one (about 15%).
    assert 40 <= n_with_example <= 59


def test_quoted_style_quotes_the_example_and_the_target(tmp_path):
    bank = [json.loads(line) for line in Path("mathllm/data/bank.jsonl").read_text().splitlines()[:200]]
    path = tmp_path / "bank.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in bank) + "\n")
    pairs = tr.training_pairs(bank[:20], examples=1, bank_path=path, seed=3, style="mathllm-v3")
    assert "mathllm-v3" in QUOTED_STYLES
    for rec, (prompt, completion) in zip(bank[:20], pairs):
        assert completion.startswith("# Find: ") and '# "' in completion
        if prompt.count(PROGRAM_TAG) == 2:  # the retrieved example's program quotes its problem too
            assert prompt.split(PROGRAM_TAG)[1].startswith("\n```python\n# Find: ")


def _shown(bank: Bank, prompt: str) -> int:
    """The index in ``bank`` of the solved example a training prompt shows."""
    shown = prompt.split("### Problem\n")[1].split("\n### Program")[0]
    # (the prompt writes an example's table on one line: compared with its spaces collapsed)
    return next(i for i, e in enumerate(bank.examples) if " ".join(e.problem.split()) == " ".join(shown.split()))


def test_training_pairs_mostly_hide_the_samples_own_phrasing(tmp_path):
    bank = [json.loads(line) for line in Path("mathllm/data/bank.jsonl").read_text().splitlines()]
    b = load_bank()
    same = other = 0
    pairs = tr.training_pairs(bank[:150], examples=1, seed=0)
    for rec, (prompt, _) in zip(bank[:150], pairs):
        if prompt.count(PROGRAM_TAG) != 2:
            continue
        i = _shown(b, prompt)
        if b.phrasings[i] == phrasing_key(rec):
            same += 1
        else:
            other += 1
    assert other > same > 0  # both kinds occur; other phrasings dominate


TANKS = [
    {"family": "f", "phrasing": 0, "problem": "A tank holds 100 litres of brine with salt.", "program": "answer = 1"},
    {"family": "f", "phrasing": 1, "problem": "Brine flows into a tank holding salt water.", "program": "answer = 2"},
    {"family": "g", "phrasing": 0, "problem": "A tank of water drains through a hole.", "program": "answer = 3"},
]


def test_avoid_phrasing_in_retrieval():
    bank = _bank(TANKS[:2])
    q = "A tank holds 200 litres of brine with salt."
    assert bank.nearest(q, 1)[0].program == "answer = 1"
    assert bank.nearest(q, 1, avoid_phrasing="f#0")[0].program == "answer = 2"


def test_other_family_shows_a_neighbours_example(tmp_path):
    bank = [json.loads(line) for line in Path("mathllm/data/bank.jsonl").read_text().splitlines()]
    b = load_bank()
    recs = bank[:120]
    own = tr.training_pairs(recs, examples=1, seed=0)
    assert tr.training_pairs(recs, examples=1, seed=0, other_family=0.0) == own  # off: as before
    pairs = tr.training_pairs(recs, examples=1, seed=0, other_family=1.0)
    n_shown = 0
    for rec, (prompt, completion) in zip(recs, pairs):
        assert completion == completion_for(rec["program"], rec["problem"], TRAIN_STYLE)
        if prompt.count(PROGRAM_TAG) != 2:
            continue
        n_shown += 1
        i = _shown(b, prompt)
        assert b.groups[i] != rec["family"]  # never its own family, as for a held-out family
    assert n_shown >= 80


def test_avoid_group_in_retrieval():
    bank = _bank(TANKS)
    q = "A tank holds 200 litres of brine with salt."
    assert bank.nearest(q, 1)[0].program == "answer = 1"
    assert bank.nearest(q, 1, avoid_group="f")[0].program == "answer = 3"


class CharTok:
    """A character tokenizer with the two calls tokenize_pairs makes."""

    eos_token_id = 1

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict:
        ids = [2 + (ord(c) % 200) for c in text]
        return {"input_ids": ([0] if add_special_tokens else []) + ids}


def test_tokenize_pairs_masks_the_prompt_and_drops_long_samples():
    out = tr.tokenize_pairs(CharTok(), [("abc", "xy"), ("a" * 50, "b")], max_len=20)
    assert len(out) == 1
    s = out[0]
    assert s["input_ids"] == [0, 2 + 97, 2 + 98, 2 + 99, 2 + 120, 2 + 121, 1]
    assert s["labels"] == [tr.IGNORE] * 4 + [2 + 120, 2 + 121, 1]  # the program and EOS carry loss


@pytest.mark.parametrize("budget", [64, 200, 1000])
def test_bucket_batches_cover_every_sample_once_within_budget(budget):
    import random

    rng = random.Random(0)
    samples = [{"input_ids": [0] * rng.randint(5, 60), "labels": []} for _ in range(200)]
    batches = tr.bucket_batches(samples, budget, seed=1)
    seen = sorted(j for b in batches for j in b)
    assert seen == list(range(200))
    for b in batches:
        width = max(len(samples[j]["input_ids"]) for j in b)
        assert width * len(b) <= budget or len(b) == 1
    assert batches == tr.bucket_batches(samples, budget, seed=1)
    # Bucketing keeps padding small.
    padded = sum(max(len(samples[j]["input_ids"]) for j in b) * len(b) for b in batches)
    real = sum(len(s["input_ids"]) for s in samples)
    assert 1 - real / padded < 0.15


def test_collate_pads_and_masks():
    batch = tr.collate([{"input_ids": [5, 6, 7], "labels": [-100, 6, 7]}, {"input_ids": [8], "labels": [8]}], pad_id=0)
    assert batch["input_ids"].tolist() == [[5, 6, 7], [8, 0, 0]]
    assert batch["labels"].tolist() == [[-100, 6, 7], [8, -100, -100]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]


# ---------------------------------------------------------------------------------------------
# a tiny real model


TEXTS = [
    "### Problem\nA loan of 1000 at 5% for 3 years.\n### Program\n```python\nrate = 0.05  # [1/year]\nanswer = 1000 * (1 + rate) ** 3\n```",
    "### Problem\nA cup of soup cools from 90 C.\n### Program\n```python\nimport sympy as sp\nk = 0.1  # [1/min]\nanswer = 90 * sp.exp(-k * 10)\n```",
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig, PreTrainedTokenizerFast

    d = tmp_path_factory.mktemp("tiny-gemma")
    tk = Tokenizer(models.BPE(unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    tk.train_from_iterator(TEXTS * 20 + [build_prompt("x")], trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<pad>", "<eos>", "<bos>", "<unk>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tok = PreTrainedTokenizerFast(tokenizer_object=tk, bos_token="<bos>", eos_token="<eos>",
                                  pad_token="<pad>", unk_token="<unk>")
    tok.save_pretrained(d)
    cfg = Gemma3TextConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                           num_attention_heads=2, num_key_value_heads=1, head_dim=16,
                           max_position_embeddings=2048, pad_token_id=0, eos_token_id=1, bos_token_id=2,
                           final_logit_softcapping=30.0)
    import torch

    torch.manual_seed(0)
    Gemma3ForCausalLM(cfg).save_pretrained(d)
    return d


def test_program_only_loss_matches_the_full_loss(tiny_model):
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.float32)
    ids = torch.randint(3, 300, (2, 12))
    labels = ids.clone()
    labels[:, :7] = tr.IGNORE
    labels[1, 10:] = tr.IGNORE
    mask = torch.ones_like(ids)
    ours = tr.program_only_loss(model, {"input_ids": ids, "labels": labels, "attention_mask": mask})
    ref = model(input_ids=ids, attention_mask=mask, labels=labels).loss
    assert ours.item() == pytest.approx(ref.item(), rel=1e-5)


def _data(tmp_path: Path, n: int = 8) -> Path:
    p = tmp_path / "train.jsonl"
    recs = []
    for i in range(n):
        t = TEXTS[i % 2]
        recs.append({"problem": t.split("\n")[1] + f" Case {i}.", "program": t.split("```python\n")[1].split("```")[0]})
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    return p


#: peft's read of a deprecated transformers property warned on every run; mathllm silences it
NO_PEFT_WARNING = pytest.mark.filterwarnings("error:`is_gradient_checkpointing` is deprecated:FutureWarning")


@NO_PEFT_WARNING
def test_train_writes_a_loadable_adapter_with_its_card(tiny_model, tmp_path):
    out = tmp_path / "models" / "tiny"
    cfg = tr.TrainConfig(data=str(_data(tmp_path)), out=str(out), base_model=str(tiny_model), examples=0,
                         batch_tokens=256, lr=1e-3, epochs=2, save_every=1000)
    summary = tr.train(cfg, log=lambda m: None)
    assert summary["steps"] >= 2 and summary["samples"] == 8
    assert math.isfinite(summary["final_loss"])
    for f in ("adapter_config.json", "adapter_model.safetensors", "mathllm.json", "README.md"):
        assert (out / f).is_file(), f
    meta = json.loads((out / "mathllm.json").read_text())
    assert meta["prompt_style"] == TRAIN_STYLE and meta["examples"] == 0
    from mathllm.generate import HFGenerator

    assert HFGenerator(model=str(tiny_model), adapter=str(out)).info["prompt_style"] == TRAIN_STYLE
    card = (out / "README.md").read_text()
    assert "8 samples" in card and "mathllm train --out" in card and "## Evaluation" in card
    # The adapter loads onto the base model and changes its output.
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.float32)
    ids = torch.tensor([[2, 5, 6, 7, 8]])
    before = base(input_ids=ids).logits.detach().clone()
    from mathllm.models import quiet_peft

    with quiet_peft():
        tuned = PeftModel.from_pretrained(base, str(out))
    after = tuned(input_ids=ids).logits.detach()
    assert not torch.allclose(before, after)
    # In bf16 the generator merges the adapter in float32 and casts once (no bf16 rounding of
    # the LoRA update before it is added).
    merged32 = {k: v.clone() for k, v in tuned.merge_and_unload().state_dict().items()}
    g16 = HFGenerator(model=str(tiny_model), adapter=str(out), dtype="bfloat16")
    g16.load()
    assert g16.info["dtype"] == "bfloat16"
    for k, v in g16._model.state_dict().items():
        assert torch.equal(v, merged32[k].to(torch.bfloat16)), k
    # No temporary or work folders are left next to the adapter except the resumable work dir.
    assert not [p for p in out.parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


def test_a_failed_run_leaves_the_previous_adapter_untouched(tiny_model, tmp_path, monkeypatch):
    out = tmp_path / "adapter"
    out.mkdir()
    (out / "adapter_config.json").write_text('{"previous": true}')
    cfg = tr.TrainConfig(data=str(_data(tmp_path)), out=str(out), base_model=str(tiny_model), examples=0,
                         batch_tokens=256, save_every=1000)

    def boom(*a, **k):
        raise OSError("disk full")

    from peft import PeftModel

    monkeypatch.setattr(PeftModel, "save_pretrained", boom)
    with pytest.raises(OSError):
        tr.train(cfg, log=lambda m: None)
    assert json.loads((out / "adapter_config.json").read_text()) == {"previous": True}
    assert sorted(p.name for p in out.iterdir()) == ["adapter_config.json"]
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


@NO_PEFT_WARNING
def test_resume_continues_from_the_last_checkpoint(tiny_model, tmp_path):
    out = tmp_path / "adapter"
    data = _data(tmp_path, n=12)
    logs: list[str] = []
    first = tr.TrainConfig(data=str(data), out=str(out), base_model=str(tiny_model), examples=0,
                           batch_tokens=128, save_every=2, epochs=1)
    s1 = tr.train(first, log=logs.append)
    assert (out.with_name(f".{out.name}.work") / "checkpoints").is_dir()
    again = tr.TrainConfig(**{**first.__dict__, "epochs": 2, "resume": True})
    logs.clear()
    s2 = tr.train(again, log=logs.append)
    assert any("resuming" in m for m in logs)
    assert s2["steps"] > s1["steps"]


def test_prepare_only_writes_the_samples_and_a_later_run_trains_on_them(tiny_model, tmp_path):
    out = tmp_path / "adapter"
    data = _data(tmp_path, n=6)
    cfg = tr.TrainConfig(data=str(data), out=str(out), base_model=str(tiny_model), examples=0,
                         batch_tokens=256, save_every=1000, prepare_only=True)
    logs: list[str] = []
    got = tr.train(cfg, log=logs.append)
    work = out.with_name(f".{out.name}.work")
    assert got["samples"] == 6 and Path(got["prepared"]) == work / tr.PREPARED
    assert not out.exists()  # nothing trained, no adapter
    # The prepared samples are the ones a direct run tokenizes, labels masked on the prompt.
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(tiny_model))
    recs = tr.read_jsonl(data)
    import random

    random.Random(0).shuffle(recs)
    direct = tr.tokenize_pairs(tok, tr.training_pairs(recs, examples=0), cfg.max_len)
    assert tr.load_prepared(work, cfg)[0] == direct
    # The data file may be gone: the machine that trains needs only the work folder.
    data.unlink()
    logs.clear()
    summary = tr.train(tr.TrainConfig(**{**cfg.__dict__, "prepare_only": False}), log=logs.append)
    assert any("using the 6 samples prepared" in m for m in logs)
    assert summary["samples"] == 6 and summary["data"] == str(data) and (out / "adapter_config.json").is_file()
    # Other data options do not reuse them (and here the data file is missing).
    with pytest.raises(UsageError, match="--data file not found"):
        tr.train(tr.TrainConfig(**{**cfg.__dict__, "max_len": 512}), log=lambda m: None)


def test_an_unreadable_prepared_file_is_prepared_again(tiny_model, tmp_path):
    out = tmp_path / "adapter"
    cfg = tr.TrainConfig(data=str(_data(tmp_path, n=4)), out=str(out), base_model=str(tiny_model), examples=0,
                         prepare_only=True)
    work = out.with_name(f".{out.name}.work")
    work.mkdir(parents=True)
    (work / tr.PREPARED).write_bytes(b"not an npz file")
    assert tr.load_prepared(work, cfg) is None
    assert tr.train(cfg, log=lambda m: None)["samples"] == 4
    assert tr.load_prepared(work, cfg) is not None


@pytest.mark.parametrize("field,value", [("rank", 0), ("alpha", -1)])
def test_bad_hyperparameters_are_usage_errors(tmp_path, field, value):
    cfg = tr.TrainConfig(data=str(_data(tmp_path)), out=str(tmp_path / "a"), **{field: value})
    with pytest.raises(UsageError):
        tr.train(cfg, log=lambda m: None)


def test_training_goes_on_from_an_adapter(tiny_model, tmp_path):
    import torch
    from safetensors.torch import load_file

    data = _data(tmp_path)
    first = tmp_path / "first"
    base = dict(data=str(data), base_model=str(tiny_model), examples=0, batch_tokens=256, save_every=1000)
    tr.train(tr.TrainConfig(out=str(first), lr=1e-3, epochs=2, **base), log=lambda m: None)
    second = tmp_path / "second"
    summary = tr.train(tr.TrainConfig(out=str(second), lr=1e-3, init_adapter=str(first), **base), log=lambda m: None)
    assert summary["config"]["init_adapter"] == str(first)
    assert "--init-adapter" in (second / "README.md").read_text()
    w1, w2 = load_file(first / "adapter_model.safetensors"), load_file(second / "adapter_model.safetensors")
    assert w1.keys() == w2.keys()
    # it started from the first adapter's B matrices (a fresh LoRA starts them at zero) and moved on
    b = [k for k in w1 if "lora_B" in k]
    assert any(not torch.equal(w1[k], w2[k]) for k in b)
    assert all(torch.count_nonzero(w1[k]) > 0 for k in b)
    fresh = tmp_path / "fresh"
    tr.train(tr.TrainConfig(out=str(fresh), lr=1e-3, epochs=0.01, **base), log=lambda m: None)
    w0 = load_file(fresh / "adapter_model.safetensors")
    d_fresh = sum(float((w0[k] - w1[k]).abs().sum()) for k in b)
    d_cont = sum(float((w2[k] - w1[k]).abs().sum()) for k in b)
    assert d_cont < d_fresh  # the continued adapter stays near its start


@pytest.mark.parametrize("change,message", [
    ({"init_adapter": "/nonexistent/adapter"}, "no adapter_config.json"),
    ({"rank": 8}, "give --rank"),
    ({"prompt_style": "mathllm-v1"}, "prompt style"),
    ({"other_family": 1.5}, "--other-family"),
])
def test_bad_continuation_options_are_usage_errors(tmp_path, change, message):
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(json.dumps({"r": 16, "lora_alpha": 32}))
    (adapter / "mathllm.json").write_text(json.dumps({"prompt_style": TRAIN_STYLE}))
    opts = {"init_adapter": str(adapter), **change}
    cfg = tr.TrainConfig(data=str(_data(tmp_path)), out=str(tmp_path / "a"), **opts)
    with pytest.raises(UsageError, match=message):
        tr.train(cfg, log=lambda m: None)
    assert not (tmp_path / "a").exists()


def test_empty_data_is_a_data_error(tiny_model, tmp_path):
    p = tmp_path / "empty.jsonl"
    p.write_text("\n")
    with pytest.raises(DataError):
        tr.train(tr.TrainConfig(data=str(p), out=str(tmp_path / "a"), base_model=str(tiny_model)), log=lambda m: None)


def test_train_command_reproduces_the_configuration():
    from dataclasses import asdict

    c = asdict(tr.TrainConfig(per_family=20, gsm8k="../g.jsonl", gsm8k_train=500, time_budget_min=76.0, max_samples=1400))
    cmd = tr.train_command(c)
    assert cmd.startswith("mathllm train --out models/default")
    for part in ("--per-family 20", "--gsm8k ../g.jsonl", "--gsm8k-train 500", "--max-samples 1400",
                 "--time-budget 76.0", "--seed 0"):
        assert part in cmd
    assert "--lr" not in cmd and "--rank" not in cmd and "--max-len" not in cmd  # defaults are left out
    assert "--max-len 2048" in tr.train_command({**c, "max_len": 2048})
    assert "--per-family" not in tr.train_command({**c, "data": "train.jsonl"})
