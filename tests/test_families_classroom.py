"""The classroom and optimization families: contract programs, determinism, phrasing diversity,
text/program agreement and parameter sensitivity."""

from __future__ import annotations

import ast
import itertools
import math
import random
import re

import pytest

from mathllm.contract import has_answer, parse_parameters, set_parameters
from mathllm.data.core import REGISTRY, fmt_num, generate, run_reference
from mathllm.data.families import classroom, optimization

MODULES = {"classroom": classroom.__name__, "optimization": optimization.__name__}


def _families(module: str):
    return sorted((f for f in REGISTRY.values() if f.make.__module__ == MODULES[module]), key=lambda f: f.name)


FAMILIES = _families("classroom") + _families("optimization")
IDS = [f.name for f in FAMILIES]
# parameters that a text may state only implicitly (g hidden in -4.9t², "from the ground",
# "first, second and third place", a delay given as two clock times, a step shown by terms)
IMPLICIT = {"alg_projectile": {"g", "h0"}, "comb_arrangements": {"k"}, "rate_meeting": {"delay"},
            "seq_arithmetic": {"step"}}
WORDS = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def _answer_ok(ans) -> bool:
    vals = ans.values() if isinstance(ans, dict) else [ans]
    return bool(list(vals)) and all(isinstance(v, float) and math.isfinite(v) for v in vals)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _jaccard(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb)


def _forms(value: float, unit: str) -> set[str]:
    v = float(value)
    out = {fmt_num(v), fmt_num(abs(v)), repr(v), f"{v:,.2f}", f"{v:.2f}", f"{v:g}", f"{abs(v):g}"}
    if v.is_integer():
        out |= {str(int(v)), str(abs(int(v)))}
        if abs(v) in WORDS:
            out.add(WORDS[int(abs(v))])
    if unit == "%":  # 20 [%] may be written 0.2, or as the factor 1.2 or 0.8
        out |= {f"{v / 100:g}", fmt_num(v / 100), f"{1 + v / 100:g}", f"{1 - v / 100:g}"}
    return out


def test_counts_and_held_out_share():
    cls, opt = _families("classroom"), _families("optimization")
    assert len(cls) >= 16 and len(opt) >= 8
    for fams in (cls, opt):
        held = [f for f in fams if f.held_out]
        assert held, "each module holds out at least one family"
        assert 1 / 10 <= len(held) / len(fams) <= 1 / 4  # "about 1 in 6"
    assert all(f.n_phrasings >= 6 for f in cls + opt)
    assert {f.domain for f in cls} == {"classroom"} and {f.domain for f in opt} == {"optimization"}


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_every_phrasing_gives_a_contract_program(fam):
    for p in range(fam.n_phrasings):
        s = generate(fam, random.Random(f"contract:{p}"), p)
        assert s.problem and s.family == fam.name and s.phrasing == p
        assert _answer_ok(s.answer), s.answer
        assert has_answer(s.program)
        tree = ast.parse(s.program)
        assert 3 <= len([ln for ln in s.program.splitlines() if ln.strip()]) <= 22
        params = parse_parameters(s.program)
        assert params, "a program has parameters"
        lines = s.program.splitlines()
        for prm in params:
            assert prm.description, f"{prm.name}: no description"
            assert prm.unit, f"{prm.name}: no [unit]"
            later = "\n".join(lines[prm.line:])
            assert re.search(rf"\b{prm.name}\b", later), f"{prm.name} is never used"
            if prm.name not in IMPLICIT.get(fam.name, set()) and prm.value not in (0, 1, -1):  # 1x², −x
                assert any(f in s.problem for f in _forms(prm.value, prm.unit)), \
                    f"{prm.name}={prm.value} is not in the text: {s.problem}"
        # the answer is the last top-level assignment
        last = [n for n in tree.body if isinstance(n, ast.Assign)][-1]
        assert isinstance(last.targets[0], ast.Name) and last.targets[0].id == "answer"


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_deterministic_and_varied(fam):
    a = generate(fam, random.Random("det"), 0)
    b = generate(fam, random.Random("det"), 0)
    assert (a.problem, a.program, a.answer) == (b.problem, b.program, b.answer)
    texts = {generate(fam, random.Random(f"var:{i}"), 1).problem for i in range(5)}
    assert len(texts) >= 4


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_phrasings_are_different(fam):
    for seed in ("div:1", "div:2"):
        texts = [generate(fam, random.Random(seed), p).problem for p in range(fam.n_phrasings)]
        sims = [_jaccard(x, y) for x, y in itertools.combinations(texts, 2)]
        assert max(sims) < 0.8, max(sims)
        assert sum(sims) / len(sims) < 0.65


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_answer_follows_the_parameters(fam):
    s = generate(fam, random.Random("sens"), 0)
    changed = 0
    for prm in parse_parameters(s.program):
        for factor in (1.5, 0.6):
            v = prm.value * factor
            if prm.is_int:
                v = int(round(v)) if int(round(v)) != prm.value else int(prm.value) + (1 if factor > 1 else -1)
            try:
                new = run_reference(set_parameters(s.program, {prm.name: v}))
            except Exception:  # e.g. an infeasible LP or k > n after the change
                continue
            if new != s.answer:
                changed += 1
                break
    assert changed >= 1


def test_irrelevant_details_about_thirty_percent():
    from mathllm.data.families.optimization import _aside

    rng = random.Random(3)
    hits = sum(bool(_aside(rng, ["x", "y"])) for _ in range(2000))
    assert 0.25 < hits / 2000 < 0.35


def test_a_production_plan_in_whole_items_earns_less_than_its_fractional_optimum():
    """``ilp_production_whole``: the integrality matters (the fractional plan would earn more), and
    a count asked is the one best whole plan's."""
    from scipy.optimize import linprog

    fam = REGISTRY["ilp_production_whole"]
    for i in range(12):
        s = generate(fam, random.Random(f"whole:{i}"), i % fam.n_phrasings)
        assert "integrality=[1, 1]" in s.program
        relaxed = s.program.replace(", integrality=[1, 1]", "")
        ns: dict = {}
        exec(compile(relaxed, "<relaxed>", "exec"), ns)
        assert isinstance(ns["res"], type(linprog([1], bounds=[(0, 1)])))
        if "-res.fun" in s.program:
            assert -ns["res"].fun > s.answer + 0.01
        else:
            assert float(s.answer).is_integer() and s.answer >= 1


def test_a_transport_plan_can_limit_a_route_and_ask_what_a_route_carries():
    """"At most 35 tonnes a day can be hauled from South Quarry to Site B", "the road ... is
    closed": a bound on one route's variable, which the cheapest plan then meets; "how many go
    from A to B": that route's entry of the optimum."""
    fam = REGISTRY["lp_transport"]
    samples = [generate(fam, random.Random(f"route:{i}"), i % 6) for i in range(150)]
    limited = [s for s in samples if "bounds=bounds" in s.program]
    asked = [s for s in samples if "res.x[" in s.program]
    assert 20 <= len(limited) <= 100 and 20 <= len(asked) <= 90
    assert any(" = 0  #" in s.program and "closed" in s.problem for s in limited)
    for s in limited:
        v = {p.name: p.value for p in parse_parameters(s.program)}
        (cap,) = [x for name, x in v.items() if name.startswith("limit_")]
        assert cap == 0 or f"{int(cap)} " in s.problem
    for s in asked:
        # the question names the route asked, from one place to another
        assert re.search(r"how many .* (?:go )?from .+ to ", s.problem) and s.answer >= 0
        assert 0 <= int(re.search(r"res\.x\[(\d+)\]", s.program)[1]) < s.program.count("cost_") // 2
