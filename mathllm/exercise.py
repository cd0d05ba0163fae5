"""Classroom exercises: turn one solved problem into a worksheet of numeric variants.

Stage overview (``make_exercise``):

1. **Parameters** come from the model program's contract (:func:`mathllm.contract.parse_parameters`).
2. **Locate** each parameter's value in the problem text (``2,500``, ``2500``, ``4.8%`` for 0.048,
   ``1.2 million``, ``$1,200.00``, ``.5``, small numbers written as words). Only a parameter
   found exactly once, in a place no other parameter also claims, is *varied*; every other
   parameter is kept fixed, with the reason recorded (``ExerciseSet.fixed``).
3. **Draw** new values with ``random.Random(seed)``: from the front matter's
   ``variants: {param: [low, high]}`` ranges when the problem has them, else a 10-50 % change up
   or down, rounded to the significant digits the text used (0.05 -> 0.07, 1500 -> 1800),
   integers kept integers (and >= 1 when positive), probabilities kept in (0, 1), signs kept.
4. **Rewrite** the text: each located number is replaced in place, in the style it was written
   (thousands separators, decimals, percent, scale words, words for small counts).
5. **Recompute** each variant's answer by running the rewritten program
   (:func:`mathllm.contract.set_parameters`) in the sandbox (:func:`mathllm.run.run_program`).
   Degenerate variants (run failed, non-numeric or non-finite answer, answer with the other
   sign, the original answer, another variant's answer, repeated parameter values) are
   rejected and redrawn, a bounded number of times.
6. **Write** (``write_exercise``): ``worksheet.md``/``.html`` (numbered exercises, space for
   answers), a separate ``key.md``/``.html`` (answers, units, tolerance and the step-by-step
   solution of each variant, see :mod:`mathllm.steps`) and ``key.json`` for
   :func:`mathllm.grade.grade`.

Everything is deterministic for a given program, problem and seed: the draws use only the
seeded generator and the sandbox's results are deterministic.
"""

from __future__ import annotations

import html
import json
import math
import os
import random
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from .contract import Parameter, parse_parameters, set_parameters
from .errors import UsageError
from .problem import Problem
from .prompt import strip_quotes
from .quantities import (
    _ONES,
    _TENS,
    Mention,
    find_numbers,
    fmt_value,
    structural_reason,
    unit_is_percent,
    value_factors,
)

#: Format tag of key.json (checked by the grader and by write_exercise's overwrite guard).
KEY_FORMAT = "mathllm-exercise-key"
KEY_VERSION = 1
#: Relative tolerance the grader uses when the key has no absolute tolerance.
DEFAULT_REL_TOL = 1e-4
#: Largest number of variants in one set (a worksheet, not a data set).
MAX_VARIANTS = 100
#: The files write_exercise may create; an output folder holding anything else is not ours.
OUTPUT_FILES = ("worksheet.md", "worksheet.html", "key.md", "key.html", "key.json")

@dataclass
class Knob:
    """A varied parameter: where it is written and how its written form maps to its value."""

    param: Parameter
    mention: Mention
    factor: Decimal                      # param value = written value * factor
    range: tuple[float, float] | None = None  # front matter range (parameter units)

    def value_of(self, written: Decimal) -> float | int:
        v = written * self.factor
        if self.param.is_int and v == v.to_integral_value():
            return int(v)
        return float(v)


def locate_parameters(text: str, params: list[Parameter]) -> tuple[dict[str, Knob], dict[str, str]]:
    """Find each parameter's value in the text: ``(knobs by name, {fixed name: reason})``.

    A parameter becomes a knob only when its value is written exactly once and no other
    parameter can be read from the same place; otherwise changing it would leave the text
    and the program disagreeing, so it stays fixed.
    """
    mentions = find_numbers(text)
    hits: dict[str, list[tuple[Mention, Decimal]]] = {}
    fixed: dict[str, str] = {}
    for p in params:
        if p.value == 0 or not math.isfinite(p.value):
            fixed[p.name] = "zero" if p.value == 0 else "not a finite number"
            continue
        found: list[tuple[Mention, Decimal]] = []
        for m in mentions:
            for f in value_factors(m, p):
                if math.isclose(float(m.value * f), p.value, rel_tol=1e-9, abs_tol=0.0):
                    found.append((m, f))
                    break
        if any(not m.word for m, _ in found):
            # written digits win over number words ("one of the pipes" is rarely a parameter),
            # but "half an hour (0.5 h)" still says the value twice
            found = [(m, f) for m, f in found if not m.word or m.fixed_only]
        hits[p.name] = found
    claimed: dict[int, list[str]] = {}
    for name, found in hits.items():
        for m, _ in found:
            claimed.setdefault(m.start, []).append(name)
    knobs: dict[str, Knob] = {}
    by_name = {p.name: p for p in params}
    for name, found in hits.items():
        if len(found) == 1 and found[0][0].fixed_only:
            fixed[name] = f"its value is written as the word {found[0][0].written!r}"
        elif not found:
            fixed[name] = "its value is not written in the problem text"
        elif len(found) > 1:
            fixed[name] = f"its value is written {len(found)} times in the text ({', '.join(repr(m.written) for m, _ in found)})"
        elif len(others := [n for n in claimed[found[0][0].start] if n != name]):
            fixed[name] = f"the text's {found[0][0].written!r} could also be {', '.join(others)}"
        else:
            knobs[name] = Knob(by_name[name], found[0][0], found[0][1])
    return knobs, fixed


def _word_for(n: int) -> str | None:
    if 0 <= n < 20:
        return _ONES[n]
    if 20 <= n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    return None


def format_like(m: Mention, value: Decimal) -> str:
    """Write ``value`` in the style of mention ``m`` (separators, decimals, leading zero, words)."""
    if m.word and value == value.to_integral_value() and (w := _word_for(int(value))) is not None:
        if m.written[:1].isupper():
            w = w[0].upper() + w[1:]
        return w
    if m.scientific:  # "8e-05" stays in scientific notation, with as many mantissa digits as needed
        digits = len(abs(value).normalize().as_tuple().digits)
        mant, _, power = f"{abs(value):.{max(m.decimals, digits - 1)}e}".partition("e")
        width = len(re.sub(r"\D", "", m.written.lower().partition("e")[2]))  # "e-05" keeps two digits
        sign = "-" if power.startswith("-") else ""
        text = f"{mant}{'E' if 'E' in m.written else 'e'}{sign}{power.lstrip('+-').lstrip('0').rjust(width, '0') or '0'}"
    else:
        exp = value.normalize().as_tuple().exponent
        needed = max(0, -int(exp)) if isinstance(exp, int) else 0
        decimals = max(m.decimals, needed)
        text = f"{abs(value):,.{decimals}f}" if m.commas else f"{abs(value):.{decimals}f}"
    if m.written.lstrip("-\u2212").startswith(".") and text.startswith("0."):
        text = text[1:]
    if value < 0:
        text = ("\u2212" if m.written.startswith("\u2212") else "-") + text
    return text


def _article(number_text: str) -> str:
    """'a' or 'an' before a number as it is read aloud ("an 8% rate", "an 18-month loan")."""
    t = number_text.lstrip("-\u2212").lower()
    if t[:1].isalpha():
        return "an" if t.startswith(("eight", "eleven")) else "a"
    digits = t.split(".")[0].replace(",", "")
    if digits.startswith("8"):
        return "an"
    # 11, 18, 11,000, 18,500, 11 million: read "eleven ..."/"eighteen ..."
    return "an" if digits[:2] in {"11", "18"} and len(digits) % 3 == 2 else "a"


_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)(\s+)$")


def rewrite_text(text: str, knobs: dict[str, Knob], written: dict[str, Decimal]) -> str:
    """The text with each knob's number replaced by its new written value (and an "a"/"an"
    right before it made to agree with the new number)."""
    edits = sorted(((k.mention.start, k.mention.end, format_like(k.mention, written[n]))
                    for n, k in knobs.items() if n in written), reverse=True)
    for start, end, new in edits:
        head = text[:start]
        if (art := _ARTICLE_BEFORE.search(head[-6:])) is not None:
            want = _article(new)
            want = want.capitalize() if art.group(1)[0].isupper() else want
            head = head[: len(head) - len(art.group(0))] + want + art.group(2)
        text = head + new + text[end:]
    return text


# ---- drawing new values ------------------------------------------------------------------------

def _round_sig(x: float, sig: int) -> Decimal:
    if x == 0:
        return Decimal(0)
    exp = math.floor(math.log10(abs(x))) - sig + 1
    q = Decimal(1).scaleb(exp)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP).normalize() if exp < 0 else \
        (Decimal(repr(x)) / q).quantize(Decimal(1), rounding=ROUND_HALF_UP) * q


def _allowed(k: Knob, written: Decimal) -> bool:
    """Whether a drawn written value gives an acceptable parameter value."""
    p = k.param
    v = float(written * k.factor)
    if written == 0 or (v > 0) != (p.value > 0):
        return False  # signs kept, never zero
    if p.is_int:
        if written * k.factor != (written * k.factor).to_integral_value():
            return False
        if p.value > 0 and v < 1:
            return False
    unit = p.unit.strip().lower()
    if unit in {"1", "", "-", "probability", "fraction", "share"} and 0 < p.value < 1 and not 0 < v < 1:
        return False
    if unit_is_percent(p) and 0 < p.value < 100 and not 0 < v < 100:
        return False
    if k.range is not None:
        lo, hi = k.range
        if not (lo - 1e-12 * abs(lo) <= v <= hi + 1e-12 * abs(hi)):
            return False
    m = k.mention
    # "1x" is not how a coefficient is written, and "2 hours" must not become "1 hours"
    return not (abs(written) == 1 and abs(m.value) != 1
                and (m.coefficient or m.value == m.value.to_integral_value()))


def draw_written(k: Knob, rng: random.Random, extra_digits: int = 0) -> Decimal:
    """A new written value for knob ``k`` (the original when no acceptable draw is found)."""
    m = k.mention
    sig = m.sig_digits + extra_digits
    w0 = float(m.value)
    for _ in range(40):
        if k.range is not None:
            lo, hi = (float(Decimal(repr(b)) / k.factor) for b in k.range)
            x = rng.uniform(min(lo, hi), max(lo, hi))
        else:
            # a change of 10-50 %, up or down: big enough to change the answer visibly,
            # small enough to keep the situation realistic
            x = w0 * (1 + rng.choice((-1, 1)) * rng.uniform(0.1, 0.5))
        if k.param.is_int and k.factor == 1:
            new = Decimal(int(Decimal(repr(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
            if sig < len(str(abs(int(new)))):
                new = _round_sig(float(new), sig)
        else:
            new = _round_sig(x, sig)
        if _allowed(k, new):
            return new
    return m.value


# ---- variants and answers ----------------------------------------------------------------------

@dataclass
class Variant:
    """One exercise of the set."""

    id: str                                  # "q1", "q2", ...
    text: str                                # the rewritten problem text
    values: dict[str, float]                 # all parameter values of this variant
    answer: float | dict[str, float]         # the recomputed answer (full precision)
    answer_text: str = ""
    answer_latex: str = ""
    program: str = ""
    steps: list[Any] = field(default_factory=list)   # mathllm.steps.Step
    written: dict[str, str] = field(default_factory=dict)  # varied parameter -> as in the text


@dataclass
class ExerciseSet:
    """A worksheet of variants of one problem, with its answer key."""

    problem: Problem
    program: str
    seed: int
    variants: list[Variant]
    varied: list[str]                        # parameters that change between variants
    fixed: dict[str, str]                    # parameter -> why it is kept fixed
    original_answer: float | dict[str, float]
    tolerance: float | None                  # absolute, or None -> relative DEFAULT_REL_TOL
    units: str | None = None
    parameters: list[Parameter] = field(default_factory=list)
    rejected: dict[str, int] = field(default_factory=dict)  # reason -> count
    runs: int = 0                            # sandbox runs used
    notes: list[str] = field(default_factory=list)  # e.g. front matter ranges that did not apply

    @property
    def title(self) -> str:
        return self.problem.name

    @property
    def tolerance_text(self) -> str:
        if self.tolerance is not None:
            return f"±{self.tolerance:g}" + (f" {self.units}" if self.units else "")
        return f"relative {DEFAULT_REL_TOL:g} (about 5 significant digits)"


def numeric_answer(answer: Any) -> float | dict[str, float] | None:
    """A run's answer as a finite number or a dict of finite numbers; None when it is not one."""
    if answer is None:
        return None

    def num(x: Any) -> float | None:
        if isinstance(x, bool) or x is None:
            return None
        try:
            v = float(x)
        except (TypeError, ValueError):
            return None
        return v if math.isfinite(v) else None

    values = getattr(answer, "values", None)
    if isinstance(answer, dict):
        values = answer
    if isinstance(values, dict) and values:
        out = {str(k): num(v) for k, v in values.items()}
        return None if any(v is None for v in out.values()) else out  # type: ignore[return-value]
    value = getattr(answer, "value", answer)
    if isinstance(value, dict):
        return numeric_answer(value)
    return num(value)


def _close(a: float, b: float, tol: float | None) -> bool:
    if tol is not None:
        return abs(a - b) <= tol
    return math.isclose(a, b, rel_tol=DEFAULT_REL_TOL, abs_tol=1e-12)


def same_answer(a: float | dict[str, float], b: float | dict[str, float], tol: float | None) -> bool:
    """Whether a student could not tell the two answers apart at the grading tolerance."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], tol) for k in a)
    if isinstance(a, dict) or isinstance(b, dict):
        return False
    return _close(a, b, tol)


def degenerate_reason(answer: float | dict[str, float] | None, original: float | dict[str, float]) -> str | None:
    """Why a variant's answer is unusable on its own (None when it is fine)."""
    if answer is None:
        return "no numeric answer (no solution, infeasible, or not finite)"
    if isinstance(original, dict) != isinstance(answer, dict):
        return "answer of a different shape than the original's"
    pairs = [(answer, original)] if not isinstance(answer, dict) else \
        [(answer.get(k), original[k]) for k in original]
    if isinstance(answer, dict) and set(answer) != set(original):
        return "answer with different parts than the original's"
    for a, o in pairs:
        assert a is not None
        # A sign change (a negative time, a loss where a gain was asked, the other root)
        # almost always means the model left the regime it was written for.
        if (o > 0 and a <= 0) or (o < 0 and a >= 0):
            return "answer changed sign"
    return None


_COUNT_UNITS = re.compile(r"count|ticket|people|person|ways|item|seat|student|piece|plate|marble|"
                          r"arrangement|combination|outcome", re.IGNORECASE)


def _is_whole(answer: float | dict[str, float]) -> bool:
    parts = list(answer.values()) if isinstance(answer, dict) else [answer]
    return all(abs(v - round(v)) <= 1e-9 * max(1.0, abs(v)) for v in parts)


def _run(code: str, timeout_s: float) -> Any:
    from .run import run_program  # imported late: the sandbox is only needed to make variants

    return run_program(code, timeout_s=timeout_s)


def _run_error(rr: Any) -> str:
    """One short line saying why a run failed."""
    text = str(getattr(rr, "error", None) or getattr(rr, "status", None) or "failed").strip()
    return (text.splitlines()[0] if text else "failed")[:200]


def variant_ranges(problem: Problem, params: list[Parameter]) -> tuple[dict[str, tuple[float, float]] | None, list[str]]:
    """The front matter's ``variants: {param: [low, high]}`` ranges that apply to this program.

    Returns ``(ranges or None, notes)``. None means "no usable ranges: perturb every located
    parameter" (no ``variants`` key, or none of its names is a parameter of this program,
    e.g. a program written by the model with names of its own).
    """
    raw = (problem.meta or {}).get("variants")
    if raw is None:
        return None, []
    where = str(problem.path) if problem.path else "the problem"
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: front matter 'variants' must map parameter names to [low, high] ranges")
    names = {p.name for p in params}
    ranges: dict[str, tuple[float, float]] = {}
    notes: list[str] = []
    for k, v in raw.items():
        if not (isinstance(v, (list, tuple)) and len(v) == 2
                and all(isinstance(b, (int, float)) and not isinstance(b, bool) and math.isfinite(b) for b in v)):
            raise UsageError(f"{where}: front matter variants.{k} must be [low, high] numbers, got {v!r}")
        lo, hi = float(min(v)), float(max(v))
        if str(k) in names:
            ranges[str(k)] = (lo, hi)
        else:
            notes.append(f"variants.{k} is not a parameter of this program")
    if not ranges:
        return None, notes + (["no front matter range matches this program's parameters; using 10-50 % changes"]
                              if raw else [])
    return ranges, notes


def make_exercise(problem: Problem, program: str, *, variants: int, seed: int,
                  timeout_s: float = 10, progress: Callable[[str, float], None] | None = None,
                  with_steps: bool = True) -> ExerciseSet:
    """Make ``variants`` numeric variants of ``problem``, solved by ``program`` (a contract program).

    Options (the CLI's ``mathllm exercise PROBLEM.md`` maps onto them):

    * ``program``: the model program, from the caller: a stored file (``--program FILE.py``),
      the bank's reference program (:func:`find_reference_program`), or one the model just
      wrote (``solve()``'s best attempt) when neither is given.
    * ``variants`` (``--variants N``, 1..100): exercises on the worksheet.
    * ``seed`` (``--seed S``): the same seed, problem and program give the same set.
    * ``timeout_s`` (``--timeout``): sandbox limit per run, in seconds.
    * ``progress(message, fraction)``: called as variants are made (fraction 0..1).
    * ``with_steps``: render each variant's step-by-step solution (:mod:`mathllm.steps`)
      for the key (no extra sandbox runs: the variant's own run is reused).

    Then :func:`write_exercise` (``--out DIR``, ``--format md --format html``) writes the files.

    Raises :class:`UsageError` when the program does not run, no parameter can be located in
    the text, or not enough distinct, sensible variants can be made.
    """
    if not 1 <= variants <= MAX_VARIANTS:
        raise UsageError(f"the number of variants must be between 1 and {MAX_VARIANTS}, got {variants}")
    program = strip_quotes(program)  # a model's quotes of the problem would keep the old numbers
    params = parse_parameters(program)
    if not params:
        raise UsageError("the program has no contract parameters (top-level `name = number  # meaning [unit]` lines)",
                         hint="only a program written to the model program contract can be varied")
    report = progress or (lambda msg, frac: None)

    report("running the original program", 0.0)
    base = _run(program, timeout_s)
    original = numeric_answer(getattr(base, "answer", None)) if getattr(base, "ok", False) else None
    if original is None:
        why = _run_error(base) if not getattr(base, "ok", False) else "its answer is not a finite number or a dict of numbers"
        raise UsageError(f"the program cannot be used for exercises: {why}")

    knobs, fixed = locate_parameters(problem.text, params)
    ranges, notes = variant_ranges(problem, params)
    if ranges is None:
        for name in list(knobs):
            if (why := structural_reason(knobs[name].param)) is not None:
                fixed[name] = why
                del knobs[name]
            elif abs(knobs[name].mention.value) == 1:
                # "1 kg costs", "a scale of 1 : 25,000", "1 hour": a unit amount, and the
                # noun after it is singular
                fixed[name] = "its value is written as 1 (a unit amount)"
                del knobs[name]
    else:
        for name in list(knobs):
            if name in ranges:
                knobs[name].range = ranges[name]
            else:
                fixed[name] = "not listed in the problem's front matter 'variants'"
                del knobs[name]
        for name in ranges:
            if name not in knobs and name not in fixed:
                fixed[name] = "its value is not written in the problem text"
    if not knobs:
        reasons = "; ".join(f"{n}: {r}" for n, r in fixed.items())
        raise UsageError("no parameter of the program can be varied: none is written unambiguously "
                         f"in the problem text ({reasons})",
                         hint="write each given number once in the text, as the program's parameter has it")

    tol = problem.tolerance
    # A count (tickets sold, ways to choose) must stay a whole number: 308.57 adult tickets is
    # a variant with no solution in the problem's own terms.
    whole = _is_whole(original) and (tol == 0 or bool(_COUNT_UNITS.search(problem.units or "")))
    order = [p.name for p in params if p.name in knobs]
    rng = random.Random(seed)
    seen: set[tuple[str, ...]] = {tuple(str(knobs[n].mention.value.normalize()) for n in order)}
    answers: list[float | dict[str, float]] = [original]
    made: list[tuple[dict[str, Decimal], dict[str, float], str, Any, float | dict[str, float]]] = []
    rejected: Counter[str] = Counter()
    max_runs = 5 * variants + 10         # sandbox runs are the cost; bound them
    max_draws = 60 * variants + 60       # draws are free; a small value space needs many
    runs = draws = dups = 0
    while len(made) < variants and runs < max_runs and draws < max_draws:
        draws += 1
        # When small numbers leave few distinct values ("5 workers"), allow one more digit.
        extra = 1 if dups >= 10 * variants else 0
        written = {n: draw_written(knobs[n], rng, extra) for n in order}
        key = tuple(str(written[n].normalize()) for n in order)
        if key in seen:
            dups += 1
            continue
        seen.add(key)
        values = {p.name: (knobs[p.name].value_of(written[p.name]) if p.name in knobs
                           else int(p.value) if p.is_int else p.value) for p in params}
        code = set_parameters(program, {n: values[n] for n in order})
        runs += 1
        report(f"variant {len(made) + 1}/{variants}: running (attempt {runs})", len(made) / variants)
        rr = _run(code, timeout_s)
        if not getattr(rr, "ok", False):
            rejected[f"did not run ({_run_error(rr)})"] += 1
            continue
        ans = numeric_answer(getattr(rr, "answer", None))
        reason = degenerate_reason(ans, original)
        if reason is None and whole and not _is_whole(ans):  # type: ignore[arg-type]
            reason = "answer is not a whole number (the original's is)"
        if reason is None and same_answer(ans, original, tol):  # type: ignore[arg-type]
            reason = "same answer as the original problem"
        if reason is None and any(same_answer(ans, a, tol) for a in answers[1:]):  # type: ignore[arg-type]
            reason = "same answer as another variant"
        if reason is not None:
            rejected[reason] += 1
            if not made and rejected["same answer as the original problem"] >= 5:
                break  # the answer does not depend on what we vary: more runs will not help
            continue
        assert ans is not None
        answers.append(ans)
        made.append((written, values, code, rr, ans))
    if len(made) < variants:
        why = ", ".join(f"{c} × {r}" for r, c in rejected.most_common()) or "too few distinct values to draw from"
        if not made and rejected["same answer as the original problem"] >= 5:
            why = f"the answer does not change when {', '.join(order)} change ({why})"
        raise UsageError(
            f"could make only {len(made)} of {variants} distinct variants "
            f"({runs} sandbox runs, {draws} draws; rejected: {why})",
            hint="ask for fewer variants, try another --seed, or give wider ranges in the "
                 "problem's front matter 'variants: {param: [low, high]}'")

    out: list[Variant] = []
    for i, (written, values, code, rr, ans) in enumerate(made, 1):
        a = getattr(rr, "answer", None)
        v = Variant(
            id=f"q{i}", text=rewrite_text(problem.text, knobs, written), values=values,
            answer=ans, answer_text=str(getattr(a, "text", "") or ""),
            answer_latex=str(getattr(a, "latex", "") or ""), program=code,
            written={n: format_like(knobs[n].mention, written[n]) for n in order},
        )
        if with_steps:
            report(f"variant {i}/{variants}: writing the solution steps", (i - 1) / variants)
            v.steps = _steps_for(code, rr, problem, timeout_s)
        out.append(v)
    report("done", 1.0)
    fixed_all = {n: fixed[n] for n in (p.name for p in params) if n in fixed}
    return ExerciseSet(problem=problem, program=program, seed=seed, variants=out, varied=order,
                       fixed=fixed_all, original_answer=original, tolerance=tol, units=problem.units,
                       parameters=params, rejected=dict(rejected), runs=runs + 1, notes=notes)


def _steps_for(code: str, rr: Any, problem: Problem, timeout_s: float) -> list[Any]:
    try:
        from .steps import solution_steps
    except ImportError:  # pragma: no cover - steps.py ships with this module
        return []
    try:
        return solution_steps(code, rr, units=problem.units, timeout_s=timeout_s)
    except Exception as exc:  # noqa: BLE001 - a missing walkthrough must not lose the worksheet
        from .steps import Step

        return [Step(1, "Solution", f"(the step-by-step solution could not be rendered: {exc})", "")]


# ---- output: worksheet, answer key, key.json ------------------------------------------------------

def answer_display(answer: float | dict[str, float], units: str | None = None,
                   tolerance: float | None = None) -> str:
    """'509.28 USD' or 'rain_thursday = 0.411, long_run = 0.384615'.

    With an absolute tolerance the value is shown to the decimals that tolerance needs
    (0.01 -> 2 decimals: the rounding stays inside it); otherwise to 6 significant digits.
    """
    def one(v: float) -> str:
        if tolerance is not None and tolerance > 0:
            d = max(0, math.ceil(-math.log10(tolerance) - 1e-9))
            return f"{v:.{d}f}"
        return fmt_value(v)

    u = f" {units}" if units else ""
    if isinstance(answer, dict):
        return ", ".join(f"{k} = {one(v)}" for k, v in answer.items())
    return one(answer) + u


def _param_info(ex: ExerciseSet) -> dict[str, Parameter]:
    return {p.name: p for p in ex.parameters}


def worksheet_markdown(ex: ExerciseSet) -> str:
    """The students' worksheet: numbered exercises with space for the answers (no answers)."""
    parts = [f"# Worksheet: {ex.title}", ""]
    if ex.tolerance is not None:
        precision = f"Give each numeric answer to within {ex.tolerance:g}" + (f" {ex.units}" if ex.units else "") + "."
    else:
        precision = "Give each numeric answer to at least 5 significant digits."
    parts += [f"{len(ex.variants)} exercises. {precision}", ""]
    for i, v in enumerate(ex.variants, 1):
        parts += [f"## Exercise {i}", "", v.text.strip(), ""]
        if isinstance(v.answer, dict):
            for k in v.answer:
                parts += [f"**{k}:** ____________________", ""]
        else:
            parts += ["**Answer:** ____________________" + (f" {ex.units}" if ex.units else ""), ""]
        parts += ["---", ""]
    return "\n".join(parts).rstrip("-\n ") + "\n"


def key_markdown(ex: ExerciseSet) -> str:
    """The teacher's answer key: answers with units and tolerance, and each worked solution."""
    from .steps import steps_markdown

    info = _param_info(ex)
    parts = [f"# Answer key: {ex.title}", ""]
    parts.append(f"Seed {ex.seed}; {len(ex.variants)} variants; tolerance {ex.tolerance_text}.")
    parts.append("")
    if ex.varied:
        parts.append("Varied: " + ", ".join(f"`{n}` ({info[n].description or n})" for n in ex.varied) + ".")
    if ex.fixed:
        parts.append("")
        parts.append("Kept fixed: " + "; ".join(f"`{n}` ({why})" for n, why in ex.fixed.items()) + ".")
    for note in ex.notes:
        parts += ["", f"Note: {note}."]
    parts += ["", "| exercise | answer | tolerance |", "|---|---|---|"]
    for i, v in enumerate(ex.variants, 1):
        parts.append(f"| {i} (`{v.id}`) | {answer_display(v.answer, ex.units, ex.tolerance)} | {ex.tolerance_text} |")
    parts.append("")
    for i, v in enumerate(ex.variants, 1):
        parts += [f"## Exercise {i} (`{v.id}`)", ""]
        parts += ["| parameter | meaning | value | unit |", "|---|---|---|---|"]
        for n in ex.varied:
            p = info[n]
            parts.append(f"| `{n}` | {(p.description or '').replace('|', '/')} | {fmt_value(v.values[n])} | "
                         f"{(p.unit or '').replace('|', '/')} |")
        parts += ["", f"**Answer: {answer_display(v.answer, ex.units, ex.tolerance)}** (tolerance {ex.tolerance_text})", ""]
        if v.steps:
            parts += ["### Solution", "", steps_markdown(v.steps, heading_level=4), ""]
    return "\n".join(parts).rstrip() + "\n"


def key_dict(ex: ExerciseSet) -> dict[str, Any]:
    """The machine-readable key (``key.json``) read by :func:`mathllm.grade.grade`."""
    return {
        "format": KEY_FORMAT,
        "version": KEY_VERSION,
        "title": ex.title,
        "problem": str(ex.problem.path) if ex.problem.path else None,
        "seed": ex.seed,
        "units": ex.units,
        "tolerance": ex.tolerance,
        "rel_tolerance": None if ex.tolerance is not None else DEFAULT_REL_TOL,
        "varied": list(ex.varied),
        "fixed": dict(ex.fixed),
        "original": {"parameters": {p.name: p.value for p in ex.parameters}, "answer": ex.original_answer},
        "questions": [
            {"id": v.id, "text": v.text, "parameters": v.values, "written": v.written,
             "answer": v.answer, "tolerance": ex.tolerance, "units": ex.units}
            for v in ex.variants
        ],
    }


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; }
.exercise { border: 1px solid #bbb; border-radius: 6px; padding: .4em 1em 1em; margin: 1.2em 0;
            page-break-inside: avoid; break-inside: avoid; }
.answer-line { margin-top: 1.2em; }
.answer-line span { display: inline-block; min-width: 16em; border-bottom: 1px solid #333; }
.work { height: 7em; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #bbb; padding: .2em .6em; text-align: left; }
code, pre { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: .9em; }
pre { background: #f5f5f5; padding: .5em; overflow-x: auto; white-space: pre-wrap; }
code.math { background: #f3f6fb; padding: 0 .2em; }
pre.math { background: #f3f6fb; }
.meta { color: #555; font-size: .9em; }
@media print { body { margin: 0; max-width: none; } .exercise { border-color: #888; }
               a { color: inherit; text-decoration: none; } }
"""

_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.DOTALL)


def markdown_to_html(text: str) -> str:
    """Markdown -> HTML with raw HTML escaped (problem text may come from a model), and
    LaTeX (``$...$``, ``$$...$$``) shown as code: no MathJax, the page stays self-contained."""
    from markdown_it import MarkdownIt

    spans: list[str] = []

    def stash(m: re.Match) -> str:
        display = m.group(1) is not None
        body = html.escape((m.group(1) if display else m.group(2)).strip())
        spans.append(f'<pre class="math">{body}</pre>' if display else f'<code class="math">{body}</code>')
        return f"MATHSPAN{len(spans) - 1}X"

    # A "$" before a digit is money ("$1,200 and $300"), unless the span up to the next "$"
    # on the line looks like LaTeX ("$2^n$").
    def money(m: re.Match) -> str:
        rest = text[m.end():].split("\n", 1)[0]
        inner = rest.split("$", 1)[0] if "$" in rest else None
        return m.group(0) if inner is not None and re.search(r"[\\^_{}=]", inner) else "MONEYSIGNX"

    masked = re.sub(r"\$(?=\d)", money, text)
    protected = _MATH.sub(stash, masked).replace("MONEYSIGNX", "\\$")
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    out = md.render(protected)
    for i, span in enumerate(spans):
        out = out.replace(f"<p>MATHSPAN{i}X</p>", span).replace(f"MATHSPAN{i}X", span)
    return out


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def worksheet_html(ex: ExerciseSet) -> str:
    """A printable, self-contained HTML worksheet."""
    if ex.tolerance is not None:
        precision = f"Give each numeric answer to within {ex.tolerance:g}" + (f" {ex.units}" if ex.units else "") + "."
    else:
        precision = "Give each numeric answer to at least 5 significant digits."
    parts = [f"<h1>Worksheet: {html.escape(ex.title)}</h1>",
             "<p class=\"meta\">Name: ______________________ &nbsp; Date: ____________</p>",
             f"<p>{len(ex.variants)} exercises. {html.escape(precision)}</p>"]
    units = f" {html.escape(ex.units)}" if ex.units else ""
    for i, v in enumerate(ex.variants, 1):
        parts.append(f'<section class="exercise"><h2>Exercise {i}</h2>')
        parts.append(markdown_to_html(v.text))
        parts.append('<div class="work"></div>')
        labels = list(v.answer) if isinstance(v.answer, dict) else ["Answer"]
        for label in labels:
            parts.append(f'<p class="answer-line"><b>{html.escape(str(label))}:</b> <span>&nbsp;</span>'
                         f'{units if not isinstance(v.answer, dict) else ""}</p>')
        parts.append("</section>")
    return _page(f"Worksheet: {ex.title}", "\n".join(parts))


def key_html(ex: ExerciseSet) -> str:
    """The printable, self-contained HTML answer key (same content as :func:`key_markdown`)."""
    return _page(f"Answer key: {ex.title}", markdown_to_html(key_markdown(ex)))


def _check_out_dir(out_dir: Path) -> None:
    """Refuse a folder that holds anything but a previous exercise of ours."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} exists and is not a folder")
    if not out_dir.exists():
        return
    entries = [e for e in out_dir.iterdir() if not (e.name.startswith(".") and e.name.endswith(".tmp"))]
    if not entries:
        return
    foreign = [e.name for e in entries if e.name not in OUTPUT_FILES or not e.is_file()]
    ours = False
    key = out_dir / "key.json"
    if key.is_file():
        try:
            ours = json.loads(key.read_text(encoding="utf-8")).get("format") == KEY_FORMAT
        except (OSError, ValueError, AttributeError):
            ours = False
    if foreign or not ours:
        what = ", ".join(sorted(foreign)[:5]) if foreign else "files not written by `mathllm exercise`"
        raise UsageError(f"output folder {out_dir} is not empty ({what}); refusing to overwrite",
                         hint="choose a new or empty folder, or one holding a previous exercise set")


def write_exercise(ex: ExerciseSet, out_dir: Path, formats: tuple[str, ...] | list[str] = ("md", "html")) -> list[Path]:
    """Write the worksheet and key into ``out_dir``; returns the files written.

    ``formats``: any of ``"md"`` and ``"html"`` (worksheet and key in each); ``key.json`` is
    always written, it is what ``mathllm grade`` reads. The folder must be new, empty, or a
    previous exercise set (recognised by its key.json); anything else raises
    :class:`UsageError`. Each file is written to a temporary name and renamed into place.
    """
    fmts = [f.lower().lstrip(".") for f in formats]
    bad = [f for f in fmts if f not in {"md", "html"}]
    if bad:
        raise UsageError(f"unknown exercise format(s): {', '.join(bad)} (use md and/or html)")
    if not ex.variants:
        raise UsageError("the exercise set has no variants to write")
    out_dir = Path(out_dir)
    _check_out_dir(out_dir)
    contents: dict[str, str] = {}
    if "md" in fmts:
        contents["worksheet.md"] = worksheet_markdown(ex)
        contents["key.md"] = key_markdown(ex)
    if "html" in fmts:
        contents["worksheet.html"] = worksheet_html(ex)
        contents["key.html"] = key_html(ex)
    contents["key.json"] = json.dumps(key_dict(ex), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[str, str] = {}
    try:
        # all files are written before any is renamed, so a failure leaves the old set intact
        for name, text in contents.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            temps[name] = tmp
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; these are documents to share
        for name, tmp in temps.items():
            os.replace(tmp, out_dir / name)
    finally:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
    # a previous set's files in a format not written this time would not match the new key
    for name in OUTPUT_FILES:
        if name not in contents:
            (out_dir / name).unlink(missing_ok=True)
        for leftover in out_dir.glob(f".{name}.*.tmp"):  # from a run that was killed mid-write
            leftover.unlink(missing_ok=True)
    return [out_dir / n for n in OUTPUT_FILES if n in contents]


def find_reference_program(problem_path: str | Path, reference_root: str | Path | None = None) -> Path | None:
    """The bank's stored reference program for a problem file, if there is one.

    ``problems/<domain>/<name>.md`` is solved by ``tests/reference/<domain>/<name>.py`` (next to
    the ``problems`` folder, or under ``reference_root`` when given).
    """
    p = Path(problem_path).resolve()
    if reference_root is not None:
        cand = Path(reference_root) / p.parent.name / (p.stem + ".py")
        return cand if cand.is_file() else None
    for anc in p.parents:
        if anc.name == "problems":
            cand = anc.parent / "tests" / "reference" / p.relative_to(anc).with_suffix(".py")
            return cand if cand.is_file() else None
    return None
