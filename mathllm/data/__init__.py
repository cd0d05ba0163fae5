"""Training data: the problem families (:mod:`.core`, :mod:`.families`), the GSM8K
conversion (:mod:`.gsm8k`) and the data set build (:mod:`.build`)."""

from __future__ import annotations

from .core import HELD_OUT_PHRASINGS, REGISTRY, Family, Sample, family, generate, run_reference

__all__ = ["HELD_OUT_PHRASINGS", "REGISTRY", "Family", "Sample", "family", "generate", "run_reference",
           "build_dataset", "iter_families", "load_gsm8k", "convert_gsm8k"]


def __getattr__(name: str):
    # the build and GSM8K helpers load lazily: importing mathllm.data stays cheap
    if name in ("build_dataset", "iter_families"):
        from . import build

        return getattr(build, name)
    if name == "load_gsm8k":
        from .gsm8k import load_gsm8k

        return load_gsm8k
    if name == "convert_gsm8k":
        from .gsm8k import convert

        return convert
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
