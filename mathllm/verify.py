"""Stage 6, verify: decide how far a program's answer can be trusted.

Checks, from cheapest to strongest:

* the program ran and its ``answer`` is finite and of the expected kind (number or named numbers);
* symbolic checks made inside the sandbox (``checkodesol`` for ODE solutions, ``checksol`` for
  solved equations) all passed;
* where the problem states an expected answer, the answer matches it within tolerance;
* **grounding** (a warning, never a verdict): which numbers of the problem text the program
  never uses, and which of its parameters take values the text does not give. A small model's
  commonest mistake is a number bound to the wrong quantity or made up; the user sees it named
  (e.g. "183 N/m is not used") and voting prefers well-grounded programs.

The verdict is ``verified`` (expected answer matched, or symbolic checks passed), ``plausible``
(ran and finite, nothing to compare against), ``wrong`` (expected answer or a symbolic check
contradicts it) or ``failed`` (did not run or no usable answer).
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .bind import (  # the binder's reading of a number's unit
    _SIZE,
    currency_of,
    is_measure,
    unit_key,
    unit_word,
)
from .contract import Parameter, parse_parameters
from .quantities import find_numbers, structural_reason, unit_is_percent, value_factors

Expected = float | dict[str, float]

#: Unit conversions a program may apply to a number of the text (kΩ -> Ω, min -> s). Not 100:
#: percentages are recognised as such, and x100 would let "470 µF" pass for "4.7 s".
_CONVERSIONS = (1.0, 1e3, 1e-3, 1e6, 1e-6, 60.0, 1 / 60, 3600.0, 1 / 3600)
#: Speeds convert by 3.6 (m/s <-> km/h), but only a speed: 0.25 is no "90%" divided by 3.6.
_SPEEDS = frozenset({"m/s", "km/h"})
_SPEED_FACTORS = (3.6, 1 / 3.6)
#: A speed in mph used in km/h or m/s (bind's rule 10f: ``v0_mph = 127.138  # [km/h]`` for "79 mph").
_MPH_FACTORS = (1.609344, 0.44704)


@dataclass
class Grounding:
    """How a program's numbers relate to the numbers written in the problem text."""

    unused: list[str] = field(default_factory=list)    # numbers of the text no literal takes, as written
    invented: list[str] = field(default_factory=list)  # "name = value": parameters the text does not give
    used: int = 0                                      # numbers of the text the program takes
    numbers: int = 0                                   # numbers written in digits in the text

    @property
    def coverage(self) -> float:
        return self.used / self.numbers if self.numbers else 1.0

    @property
    def clean(self) -> bool:
        return not self.unused and not self.invented

    def warnings(self) -> list[str]:
        out = []
        if self.unused:
            out.append("the program does not use " + _listing(self.unused) + " from the problem"
                       + (" (fine if irrelevant)" if self.used else ""))
        if self.invented:
            out.append("values not given in the problem: " + _listing(self.invented))
        return out

    def to_dict(self) -> dict:
        return {**asdict(self), "coverage": round(self.coverage, 4), "warnings": self.warnings()}


def _listing(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _literals(code: str) -> list[float]:
    """The magnitude of every numeric literal of the program (lists and arrays too)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    return [abs(float(node.value)) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)]


#: Unit-conversion factors a program may state as parameters (lb, in, ft, mi, mph, gal, cal, atm, °F).
_UNIT_CONSTANTS = (0.45359237, 2.20462, 0.0254, 2.54, 0.3048, 3.28084, 1.609344, 0.621371, 3.78541,
                   0.44704, 4.184, 101325.0, 273.15, 1.8, 0.5555555555555556, 32.0)

#: Literals that stand for conventions (``1 + rate``, 12 months, x1000) more often than for a
#: converted number of the text: they match a number of the text only as written.
_CONVENTIONAL = {1.0, 2.0, 4.0, 7.0, 10.0, 12.0, 24.0, 52.0, 60.0, 100.0, 365.0, 1e3, 3600.0, 1e6}


def _matches(value: float, target: float) -> bool:
    if math.isclose(value, target, rel_tol=1e-9):
        return True
    return value not in _CONVENTIONAL and any(math.isclose(value, target * c, rel_tol=1e-9) for c in _CONVERSIONS)


#: A number written as the base of a rate out of it: "1 in 500", "one out of 20".
_ONE_IN = re.compile(r"\b(?:1|one)\s+(?:in|out\s+of)\s+$", re.IGNORECASE)


def _unit_constant(p: Parameter) -> bool:
    """Whether ``p`` holds a unit-conversion factor (0.0254 m per inch): not where its unit is a
    rate per unit of time or a percentage (``rate = 0.0254  # [1/year]`` is 2.54% a year, made up
    for "24% a year", no inch)."""
    unit = unit_key(p.unit)
    if unit.startswith("1/") or unit_is_percent(p) or currency_of(unit):
        return False  # (nor is an amount of money: ``rate = 0.0254  # [USD/km]`` for "2.50 dollars per km")
    top, _, bottom = unit.partition("/")
    if _SIZE.get(top, ("",))[0] == "mass" and _SIZE.get(bottom, ("",))[0] == "volume":
        return False  # nor a concentration: ``C2 = 2.54  # [mg/L]`` is made up, no inch
    return any(math.isclose(abs(p.value), c, rel_tol=1e-4) for c in _UNIT_CONSTANTS)


def ground(text: str, program: str) -> Grounding:
    """Compare the numbers of ``text`` with the literals and parameters of ``program``.

    A number of the text counts as used when some literal equals it, possibly as a
    percentage, with its scale word ("1.2 million") or after a common unit conversion. A
    parameter counts as given when some number of the text gives it that way, or when it is 0
    or 1, or 2 or 3 outside a quotient of measures (counted from words); calendar and
    unit-conversion counts (12 months), physical constants (g = 9.81) and unit-conversion
    factors (0.0254 m per inch; not as a rate per year or a percentage) are conventions,
    not inventions. Numbers written as words ("two trains") are never reported unused.
    """
    mentions = find_numbers(text)  # "half", "twice" included: they can give a parameter
    literals = [v for v in _literals(program) if v != 0]
    g = Grounding()
    seen: set[str] = set()
    written_numbers = [m for m in mentions if not m.word]
    in_mph: list[float] = []  # the numbers written in mph, which a speed in km/h or m/s may hold
    for m in mentions:
        if m.word:
            continue
        g.numbers += 1
        values = [abs(float(m.value)) * (0.01 if m.percent else m.scale)]
        values += [abs(float(m.value))] if (m.percent or m.scale != 1) else []
        said = unit_key(unit_word(text, m, written_numbers))
        if said in _SPEEDS:
            values += [values[0] * f for f in _SPEED_FACTORS]  # "7 m/s" used as 25.2 km/h
        elif said == "mi/h":
            values += [values[0] * f for f in _MPH_FACTORS]  # "79 mph" used as 127.138 km/h
            in_mph.append(abs(float(m.value)))
        if m.value in (0, 1) or any(_matches(lit, v) for lit in literals for v in values):
            # 0 and 1 ("1 in 500", "at t = 0") are rarely a missed given
            g.used += 1
        elif m.written not in seen:
            seen.add(m.written)
            g.unused.append(m.written + ("%" if m.percent else f" {m.scale_name}" if m.scale_name else ""))
    for p in parse_parameters(program):
        # 2 and 3 are often counted from words ("a president, a secretary and ..."; days from
        # "today (Sunday) ... on Tuesday"), but not as a quotient of measures: ``flow = 3  #
        # [L/min]`` is no count (a rate per time may be: twice a year)
        unit = unit_key(p.unit)
        counted = p.value in (2.0, 3.0) and not ("/" in unit and is_measure(unit) and not unit.startswith("1/"))
        if p.value in (0.0, 1.0) or counted or structural_reason(p) is not None or _unit_constant(p):
            continue
        written = [abs(float(m.value * f)) for m in mentions if not m.word for f in value_factors(m, p)]
        if unit_key(p.unit) in _SPEEDS:
            written += [w * f for w in written for f in _SPEED_FACTORS]  # ``v = 25.2  # [km/h]`` for "7 m/s"
            written += [v * f for v in in_mph for f in _MPH_FACTORS]
        # a number written as a word ("double", "twice") gives itself, not its unit conversions:
        # 0.000002 is no "double" in micro-units
        exact = [abs(float(m.value * f)) for m in mentions if m.word for f in value_factors(m, p)]
        # "1 in 500" is 0.002 (as written, no conversions; a reciprocal of any other number is
        # none: ``RH = 0.125`` is no "8 °C")
        exact += [1 / abs(float(m.value)) for m in mentions if not m.word and m.value and _ONE_IN.search(text, 0, m.start)]
        exact += [w * 100 for w in written] if unit_is_percent(p) else []  # p = 0.15 as 15 [%]
        if unit.startswith("1/"):  # a rate constant of a half-life written (bind's rule 18): ln 2 / 3.5 h
            exact += [math.log(2) / abs(float(m.value)) for m in mentions if not m.word and m.value]
        # a pure number converts no unit: ``prevalence = 0.1389  # [1]`` is no "500" over 3,600
        same = (lambda v, w: math.isclose(v, w, rel_tol=1e-9)) if unit == "1" else _matches
        given = any(same(abs(p.value), w) for w in written) or \
            any(math.isclose(abs(p.value), w, rel_tol=1e-9) for w in exact)
        if not given:
            g.invented.append(f"{p.name} = {p.value:g}")
    return g


@dataclass
class Verification:
    status: str                       # verified | plausible | wrong | failed
    message: str = ""
    expected_match: bool | None = None
    checks: list[dict] = field(default_factory=list)  # {"name", "ok", "detail"}
    grounding: Grounding | None = None  # numbers of the problem vs the program's (warnings only)

    @property
    def warnings(self) -> list[str]:
        return self.grounding.warnings() if self.grounding is not None else []

    def to_dict(self) -> dict:
        d = asdict(self)
        d["grounding"] = self.grounding.to_dict() if self.grounding is not None else None
        return d


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

    A dict answer matches a scalar expectation when one of its values matches (models often
    report extra named quantities); a scalar answer matches a one-entry mapping. A dict answer
    matches a mapping by key (case, ``_`` and spaces aside) or, when its keys are other names
    but as many, by position: a problem asks its questions in the order of its answer's keys.
    """
    if got is None:
        return False
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return len(expected) == 1 and close(got, next(iter(expected.values())), tolerance,
                                                 _dec(decimals, next(iter(expected))))
        norm = {_norm_key(k): v for k, v in got.items()}
        if all(_norm_key(k) in norm for k in expected):
            return all(close(norm[_norm_key(k)], v, tolerance, _dec(decimals, k)) for k, v in expected.items())
        if len(got) != len(expected):
            return False
        # Other names, as many values: the problem format asks the questions in the order of
        # the answer's keys (problems/README.md), so the values are compared in that order.
        return all(close(g, v, tolerance, _dec(decimals, k))
                   for g, (k, v) in zip(got.values(), expected.items()))
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


def verify(problem: Any, run: Any, program: str | None = None) -> Verification:
    """Verify a sandbox run of ``program`` for ``problem`` (see module docstring)."""
    v = _verify(problem, run)
    text = getattr(problem, "text", None)
    if program and text:
        v.grounding = ground(text, program)
    return v


def _verify(problem: Any, run: Any) -> Verification:
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
