"""End-to-end solve latency and accuracy on the problem bank (``problems/``).

    python benchmarks/bench_solve.py [--limit 10] [--runs 3] [--domain finance] [--adapter auto|none]

Solves each problem ``--runs`` times with the default local model and prints, per problem,
the median wall time and whether the answer matched; then the overall median latency and the
share solved. The model is loaded once, before timing (load time is reported separately).
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default="problems")
    ap.add_argument("--domain", default=None)
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--adapter", default="auto")
    ap.add_argument("--samples", type=int, default=1)
    ap.add_argument("--repairs", type=int, default=2)
    a = ap.parse_args()

    from mathllm.generate import make_generator
    from mathllm.problem import find_problems, load_problem
    from mathllm.solve import SolveOptions, solve

    files = [f for f in find_problems(a.root) if a.domain is None or f.parent.name == a.domain][: a.limit]
    gen = make_generator("hf", adapter=a.adapter)
    t0 = time.perf_counter()
    gen.load()
    print(f"model: {gen.info} loaded in {time.perf_counter() - t0:.1f} s")
    opts = SolveOptions(samples=a.samples, repairs=a.repairs)
    all_lat, solved = [], 0
    for f in files:
        prob = load_problem(f)
        lat, ok = [], False
        for _ in range(a.runs):
            t = time.perf_counter()
            res = solve(prob, gen, opts)
            lat.append(time.perf_counter() - t)
            ok = res.verdict == "verified"
        med = statistics.median(lat)
        all_lat.append(med)
        solved += ok
        print(f"{f}: median {med:6.1f} s  {'verified' if ok else res.verdict}")
    if all_lat:
        print(f"\n{len(files)} problems: median latency {statistics.median(all_lat):.1f} s, "
              f"solved {solved}/{len(files)} ({solved / len(files):.0%}) [runs={a.runs}]")


if __name__ == "__main__":
    main()
