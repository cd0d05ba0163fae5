"""The framework of the training-data problem families.

A *family* is a parametrized generator of modeling problems of one kind (say, monthly
compound interest). Each call draws parameters with a seeded ``random.Random``, picks one of
the family's phrasings, and returns a :class:`Sample`: the problem text, a reference program
that follows the model program contract (see :mod:`mathllm.contract`), and the answer that
program computes. Answers always come from *running* the program (``run_reference``), never
from a separate formula, so the text, program and answer cannot drift apart.

Held-out evaluation: every family has at least 6 phrasings; phrasing indices listed in
``HELD_OUT_PHRASINGS`` never appear in training, and whole families flagged
``held_out=True`` never appear in training either (see :mod:`mathllm.data.build`).
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from typing import Callable

#: Phrasing indices reserved for evaluation ("held-out phrasings of trained families").
HELD_OUT_PHRASINGS = frozenset({5})


@dataclass
class Sample:
    family: str
    domain: str
    phrasing: int
    problem: str
    program: str
    answer: float | dict[str, float]
    tolerance: float | None = None
    units: str | None = None
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "family": self.family, "domain": self.domain, "phrasing": self.phrasing,
            "problem": self.problem, "program": self.program, "answer": self.answer,
            "tolerance": self.tolerance, "units": self.units, "meta": self.meta,
        }


@dataclass
class Family:
    """A registered generator. ``make(rng, phrasing)`` returns (problem, program, units)."""

    name: str
    domain: str
    make: Callable[[random.Random, int], tuple[str, str, str | None]]
    n_phrasings: int
    held_out: bool = False
    tags: tuple[str, ...] = ()


REGISTRY: dict[str, Family] = {}


def family(name: str, domain: str, n_phrasings: int, *, held_out: bool = False,
           tags: tuple[str, ...] = ()) -> Callable:
    """Decorator registering ``make(rng, phrasing) -> (problem_text, program, units)``."""
    if n_phrasings < 6:
        raise ValueError(f"family {name}: needs at least 6 phrasings, has {n_phrasings}")

    def deco(fn: Callable[[random.Random, int], tuple[str, str, str | None]]):
        if name in REGISTRY:
            raise ValueError(f"duplicate family name {name}")
        REGISTRY[name] = Family(name, domain, fn, n_phrasings, held_out, tags)
        return fn

    return deco


def run_reference(program: str) -> float | dict[str, float]:
    """Run a trusted reference program in-process and return its numeric ``answer``.

    Reference programs are written by us (not by a model), so running them in-process is
    safe; it is also ~100x faster than a sandbox round trip, which matters for a data build
    of thousands of samples.
    """
    import math

    import sympy as sp

    env: dict = {"__name__": "__reference__"}
    exec(compile(program, "<reference>", "exec"), env)
    if "answer" not in env:
        raise ValueError("reference program did not set `answer`")
    ans = env["answer"]

    def num(x) -> float:
        v = float(sp.N(x)) if isinstance(x, sp.Basic) else float(x)
        if not math.isfinite(v):
            raise ValueError(f"non-finite answer {v}")
        return v

    if isinstance(ans, dict):
        return {str(k): num(v) for k, v in ans.items()}
    return num(ans)


#: The irrelevant sentences a family drew while it wrote the problem being generated
#: (:func:`note_aside`); :func:`generate` keeps them in ``Sample.meta["asides"]``, and the bank
#: marks them so that retrieval does not rank by them.
_drawn: list[str] = []


def note_aside(sentence: str) -> str:
    """``sentence``, an aside a family drew (or ''), noted for :func:`generate`; returned as is."""
    if sentence.strip():
        _drawn.append(sentence.strip())
    return sentence


def generate(fam: Family, rng: random.Random, phrasing: int) -> Sample:
    _drawn.clear()
    problem, program, units = fam.make(rng, phrasing)
    problem = problem.strip()
    asides = [a for a in _drawn if a in problem]
    answer = run_reference(program)
    return Sample(fam.name, fam.domain, phrasing, problem, program.strip() + "\n", answer, None, units,
                  {"asides": asides} if asides else {})


# ---- helpers for writing families ---------------------------------------------------------

def pick(rng: random.Random, options):
    return options[rng.randrange(len(options))]


def code(text: str) -> str:
    """A program from an indented triple-quoted string: dedented, stripped, one final newline."""
    return textwrap.dedent(text).strip() + "\n"


def lit(x: float | int) -> str:
    """A clean literal for a parameter value (0.048, 2500, 12.5): floats rounded to 10 decimals,
    whole floats below 1e9 written as integers."""
    if isinstance(x, int):
        return str(x)
    x = round(float(x), 10)
    return str(int(x)) if x.is_integer() and abs(x) < 1e9 else repr(x)


def article(phrase: str) -> str:
    """'a' or 'an' before a phrase that may start with a number: 'an 8 V source', 'a 12 V source',
    'an 11 kg mass', 'an £80 fee' (a leading $ or £ is not read)."""
    lead = phrase.lstrip("$£").split(",")[0].split(".")[0].split(" ")[0]
    vowel = phrase[:1].lower() in "aeiou" or lead.startswith("8") or lead in ("11", "18")
    return ("an " if vowel else "a ") + phrase


def cap(text: str) -> str:
    """Upper-case the first letter, leave the rest alone."""
    return text[:1].upper() + text[1:]


def aside(rng: random.Random, templates: list[str], prob: float = 0.3, **fields) -> str:
    """An irrelevant sentence (about ``prob`` of the time) with a leading space, or ''.

    Draws ``rng.random()`` first; only when it is below ``prob`` does it pick a template and fill
    it in. Each field is a value, or a callable ``rng -> value`` that is drawn (in the order given,
    all of them, whichever template was picked) after the template, so the draws do not depend on
    the template.
    """
    if rng.random() >= prob:
        return ""
    template = pick(rng, templates)
    return note_aside(" " + template.format(**{k: v(rng) if callable(v) else v for k, v in fields.items()}))


def fmt_money(x: float, decimals: int = 2) -> str:
    """1234.5 -> '1,234.50' (the thousands separator is part of the variety we train on)."""
    return f"{x:,.{decimals}f}"


def fmt_num(x: float) -> str:
    """A number as a person would write it: 2500 -> '2,500', 0.25 -> '0.25'."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.2f}"


NAMES = ["Anna", "Ben", "Chen", "Dara", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi",
         "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera",
         "Wei", "Ximena", "Yusuf", "Zoe"]
CURRENCIES = [("$", ""), ("", " EUR"), ("£", ""), ("", " CHF"), ("", " dollars"), ("", " euros")]


def money(x: float, cur: tuple[str, str], decimals: int = 2) -> str:
    pre, post = cur
    s = fmt_money(x, decimals)
    if decimals and s.endswith(".00") and cur[1] in (" dollars", " euros"):
        s = s[:-3]
    return f"{pre}{s}{post}"
