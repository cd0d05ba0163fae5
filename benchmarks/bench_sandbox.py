"""Latency of the sandbox: cold start, and warm runs of small programs end to end.

    python benchmarks/bench_sandbox.py                # 30 warm runs per program
    python benchmarks/bench_sandbox.py --runs 100 --json
    python benchmarks/bench_sandbox.py --mode none    # compare with the unisolated fallback

"Cold start" is ``Sandbox.start()`` (bubblewrap, interpreter, preloading NumPy/SymPy/SciPy/
pandas/matplotlib and the warm-up program) plus the first run. A warm run is one
``Sandbox.run`` call as a caller sees it: request, fork (pre-forked), execution, result
collection, cleanup, response. The load average is printed because on a shared machine it
dominates the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mathllm.run import Limits, Sandbox

PROGRAMS = {
    "trivial": "answer = 6 * 7\n",
    "small-sympy": (
        "import sympy as sp\n"
        "rate = 0.05  # annual interest rate [1/year]\n"
        "years = 10  # saving period [year]\n"
        "P, F = sp.symbols('P F', positive=True)\n"
        "eq = sp.Eq(F, P * (1 + rate) ** years)\n"
        "sol = sp.solve(eq.subs(F, 2000), P)\n"
        "answer = float(sol[0])\n"
    ),
    "ode-with-check": (
        "import sympy as sp\n"
        "t = sp.symbols('t')\n"
        "k = 0.3  # decay rate [1/s]\n"
        "y = sp.Function('y')\n"
        "ode = sp.Eq(y(t).diff(t), -k * y(t))\n"
        "sol = sp.dsolve(ode, y(t), ics={y(0): 2})\n"
        "answer = float(sol.rhs.subs(t, 1))\n"
    ),
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30, help="warm runs per program (at least 20 recommended)")
    ap.add_argument("--mode", default=None, choices=["auto", "bwrap", "unshare", "none"],
                    help="sandbox mode (default: auto, or $MATHLLM_SANDBOX)")
    ap.add_argument("--program", action="append", choices=sorted(PROGRAMS),
                    help="program(s) to time (default: all)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    names = args.program or list(PROGRAMS)

    load_before = os.getloadavg()
    t0 = time.perf_counter()
    sandbox = Sandbox(Limits(), max_parallel=1, mode=args.mode)
    sandbox.start()
    first = sandbox.run(PROGRAMS["small-sympy"])
    cold = time.perf_counter() - t0
    if not first.ok:
        print(f"the first run failed: {first.status}: {first.error}", file=sys.stderr)
        return 1
    report: dict[str, object] = {
        "isolation": sandbox.isolation,
        "cpus": os.cpu_count(),
        "loadavg_before": [round(x, 2) for x in load_before],
        "cold_start_s": round(cold, 3),
        "worker_start_s": round(sandbox.cold_start_s or 0.0, 3),
        "runs": args.runs,
        "programs": {},
    }
    try:
        for name in names:
            code = PROGRAMS[name]
            e2e, inside = [], []
            for _ in range(args.runs):
                t = time.perf_counter()
                r = sandbox.run(code)
                e2e.append(time.perf_counter() - t)
                inside.append(r.duration_s)
                if not r.ok:
                    print(f"{name}: run failed: {r.status}: {r.error}", file=sys.stderr)
                    return 1
            report["programs"][name] = {  # type: ignore[index]
                "median_ms": round(statistics.median(e2e) * 1000, 1),
                "p95_ms": round(percentile(e2e, 0.95) * 1000, 1),
                "min_ms": round(min(e2e) * 1000, 1),
                "max_ms": round(max(e2e) * 1000, 1),
                "worker_median_ms": round(statistics.median(inside) * 1000, 1),
            }
    finally:
        sandbox.close()
    report["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]

    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"isolation:   {report['isolation']}")
    print(f"machine:     {report['cpus']} CPUs, load average before {report['loadavg_before']}, "
          f"after {report['loadavg_after']}")
    print(f"cold start:  {report['cold_start_s']:.2f} s (worker ready after {report['worker_start_s']:.2f} s, "
          "then the first small-sympy run)")
    print(f"warm runs:   {args.runs} per program, end to end (caller's view)")
    for name, s in report["programs"].items():  # type: ignore[union-attr]
        print(f"  {name:16s} median {s['median_ms']:7.1f} ms   p95 {s['p95_ms']:7.1f} ms   "
              f"min {s['min_ms']:7.1f} ms   max {s['max_ms']:7.1f} ms   (in worker: median "
              f"{s['worker_median_ms']:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
