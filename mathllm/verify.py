"""Stage 6, verify: decide how far a program's answer can be trusted.

Checks, from cheapest to strongest:

* the program ran and its ``answer`` is finite and of the expected kind (number or named numbers);
* symbolic checks made inside the sandbox (``checkodesol`` for ODE solutions, ``checksol`` for
  solved equations) all passed;
* where the problem states an expected answer, the answer matches it within tolerance.

The verdict is ``verified`` (expected answer matched, or symbolic checks passed), ``plausible``
(ran and finite, nothing to compare against), ``wrong`` (expected answer or a symbolic check
contradicts it) or ``failed`` (did not run or no usable answer).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

Expected = float | dict[str, float]


@dataclass
class Verification:
    status: str                       # verified | plausible | wrong | failed
    message: str = ""
    expected_match: bool | None = None
    checks: list[dict] = field(default_factory=list)  # {"name", "ok", "detail"}

    def to_dict(self) -> dict:
        return asdict(self)


def decimals_of(value: Any) -> int | None:
    """Number of decimals written in an expected answer (``"12.50"`` -> 2, ``3`` -> 0)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else None


def close(got: float, expected: float, tolerance: float | None = None, decimals: int | None = None) -> bool:
    """Whether ``got`` matches ``expected``.

    With an explicit absolute ``tolerance``, that is the rule. Otherwise: relative error below
    1e-4, or absolute error below min(10^-n, 0.01) where n is the number of decimals the
    expected answer was written with (so "12.5" accepts 12.4999 but not 12.52).
    """
    if not (math.isfinite(got) and math.isfinite(expected)):
        return False
    err = abs(got - expected)
    if tolerance is not None:
        return err <= tolerance + 1e-12 * max(1.0, abs(expected))
    if err <= 1e-4 * abs(expected) or err <= 1e-12:
        return True
    if decimals is not None:
        return err < min(10.0 ** (-decimals), 0.01) + 1e-12
    return False


def answer_values(answer: Any) -> float | dict[str, float] | None:
    """Numbers of a sandbox ``Answer`` (or a plain number/dict) for comparisons."""
    if answer is None:
        return None
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return float(answer)
    if isinstance(answer, dict):
        return {str(k): float(v) for k, v in answer.items()}
    kind = getattr(answer, "kind", None)
    if kind == "dict" and getattr(answer, "values", None):
        return {str(k): float(v) for k, v in answer.values.items()}
    if getattr(answer, "value", None) is not None:
        return float(answer.value)
    return None


def match_expected(got: float | dict[str, float] | None, expected: Expected, tolerance: float | None = None,
                   decimals: int | dict[str, int | None] | None = None) -> bool:
    """Compare an answer with an expected number or mapping of named numbers.

    A dict answer matches a scalar expectation when exactly one of its values matches (models
    often report extra named quantities); a scalar answer matches a one-entry mapping.
    """
    if got is None:
        return False
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return len(expected) == 1 and close(got, next(iter(expected.values())), tolerance,
                                                 _dec(decimals, next(iter(expected))))
        norm = {_norm_key(k): v for k, v in got.items()}
        for k, v in expected.items():
            g = norm.get(_norm_key(k))
            if g is None or not close(g, v, tolerance, _dec(decimals, k)):
                return False
        return True
    dec = decimals if not isinstance(decimals, dict) else None
    if isinstance(got, dict):
        return any(close(v, expected, tolerance, dec) for v in got.values())
    return close(got, expected, tolerance, dec)


def _dec(decimals: Any, key: str) -> int | None:
    return decimals.get(key) if isinstance(decimals, dict) else decimals


def _norm_key(k: str) -> str:
    return "".join(ch for ch in k.lower() if ch.isalnum())


def expected_decimals(problem: Any) -> int | dict[str, int | None] | None:
    raw = (getattr(problem, "meta", None) or {}).get("answer")
    if isinstance(raw, dict):
        return {str(k): decimals_of(v) for k, v in raw.items()}
    return decimals_of(raw)


def verify(problem: Any, run: Any) -> Verification:
    """Verify a sandbox run of a program for ``problem`` (see module docstring)."""
    if run is None or not getattr(run, "ok", False):
        err = getattr(run, "error", None) or getattr(run, "status", "did not run")
        return Verification("failed", f"the program did not run: {err}")
    got = answer_values(run.answer)
    if got is None:
        return Verification("failed", "the program's answer is not a number or a dict of numbers")
    values = list(got.values()) if isinstance(got, dict) else [got]
    if not values or not all(math.isfinite(v) for v in values):
        return Verification("failed", "the answer is not finite")

    checks = [{"name": c.kind, "ok": bool(c.ok), "detail": c.detail} for c in (run.checks or [])]
    failed_checks = [c for c in checks if not c["ok"]]
    expected = getattr(problem, "answer", None) if problem is not None else None
    if expected is not None:
        ok = match_expected(got, expected, getattr(problem, "tolerance", None), expected_decimals(problem))
        shape_ok = isinstance(expected, dict) == isinstance(got, dict) or not isinstance(expected, dict)
        checks.append({"name": "expected answer", "ok": ok,
                       "detail": f"expected {_fmt(expected)}, got {_fmt(got)}"
                                 + (f" (tolerance {problem.tolerance})" if problem.tolerance is not None else "")})
        if ok:
            return Verification("verified", "matches the expected answer", True, checks)
        msg = "does not match the expected answer" + ("" if shape_ok else " (different answer shape)")
        return Verification("wrong", msg, False, checks)
    if failed_checks:
        return Verification("wrong", "a symbolic check failed: " + failed_checks[0]["detail"], None, checks)
    if checks:
        return Verification("verified", "substituting the solution back into its equations checks out", None, checks)
    return Verification("plausible", "ran and gave a finite answer (nothing to check it against)", None, checks)


def _fmt(x: Any) -> str:
    if isinstance(x, dict):
        return "{" + ", ".join(f"{k}: {v:.6g}" for k, v in x.items()) + "}"
    return f"{x:.6g}"
