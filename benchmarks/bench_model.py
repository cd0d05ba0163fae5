"""Model speed on this machine: first-time conversion, cached load, decode tokens/s by batch and dtype.

    python benchmarks/bench_model.py [--runs 3] [--tokens 64] [--batches 1,4,8] [--dtypes float32,bfloat16]
                                     [--convert]   # also time the first-time GGUF conversion (into a temp cache)

Prints medians over --runs. Numbers go into the closing notes and the README, with this command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--batches", default="1,4,8")
    ap.add_argument("--dtypes", default="float32,bfloat16")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--convert", action="store_true", help="time the first-time conversion into a temporary cache")
    a = ap.parse_args()

    import torch

    from mathllm import models

    if a.threads:
        torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, cpu count {os.cpu_count()}")
    if a.convert:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["MATHLLM_CACHE"] = tmp
            t0 = time.perf_counter()
            models.ensure_model_dir(None)
            print(f"first-time conversion (GGUF -> safetensors): {time.perf_counter() - t0:.1f} s")
            del os.environ["MATHLLM_CACHE"]

    models.ensure_model_dir(None)  # make sure the cache exists before timing loads
    loads = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        m, tok = models.load_causal_lm(None)
        loads.append(time.perf_counter() - t0)
        del m
    print(f"cached load: median {statistics.median(loads):.2f} s over {a.runs} runs")

    prompt = "# Problem: Anna saves 1,000 EUR at 5% a year for 10 years. How much does she have?\n```python\n"
    for dt in a.dtypes.split(","):
        m, tok = models.load_causal_lm(None, dtype=dt)
        m.eval()
        tok.padding_side = "left"
        for bs in [int(x) for x in a.batches.split(",")]:
            enc = tok([prompt] * bs, return_tensors="pt", padding=True)
            times = []
            with torch.inference_mode():
                m.generate(**enc, max_new_tokens=4, do_sample=False)  # warm-up
                for _ in range(a.runs):
                    t0 = time.perf_counter()
                    m.generate(**enc, max_new_tokens=a.tokens, min_new_tokens=a.tokens, do_sample=False)
                    times.append(time.perf_counter() - t0)
            med = statistics.median(times)
            print(f"decode {dt:9s} batch {bs:2d}: {a.tokens * bs / med:7.1f} tokens/s total, "
                  f"{a.tokens / med:6.1f} tokens/s per sequence (median of {a.runs})")
        del m


if __name__ == "__main__":
    main()
