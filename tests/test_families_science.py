"""The science-domain families (finance, weather, medical, physics, population): contract
programs, finite answers, determinism, phrasing diversity, text/program agreement and
parameter sensitivity."""

from __future__ import annotations

import ast
import itertools
import math
import random
import re
from collections import Counter

import pytest

from mathllm.contract import has_answer, parse_parameters, set_parameters
from mathllm.data.core import REGISTRY, fmt_num, generate, run_reference
from mathllm.data.families import finance, medical, physics, population, weather

MODULES = {m.__name__: m.DOMAIN for m in (finance, weather, medical, physics, population)}
MINIMUMS = {"finance": 10, "weather": 6, "medical": 8, "physics": 8, "population": 4}
FAMILIES = sorted((f for f in REGISTRY.values() if f.make.__module__ in MODULES), key=lambda f: f.name)
IDS = [f.name for f in FAMILIES]
# parameters that a text states only implicitly ("monthly", "triple", weekdays, unit factors,
# "1 in 250", g hidden in -4.905t², a simulation horizon mentioned in some phrasings only)
IMPLICIT = {
    "compound_interest_monthly": {"periods_per_year"}, "tripling_time": {"factor"},
    "markov_rain_nstep": {"days"}, "markov_rain_stationary": {"n_days"},
    "bayes_diagnostic_test": {"prevalence"}, "bmi": {"kg_per_lb", "m_per_in"},
    "dose_by_weight": {"kg_per_lb"}, "sir_epidemic": {"days"}, "projectile_from_height": {"g"},
    "repeated_dosing": {"n"}, "projectile_ground": {"m_s_per_mph"},
    # families added on 2026-12-04: "quarterly", "per hour"
    "compound_interest_periodic": {"periods_per_year"}, "iv_drip_rate": {"minutes_per_hour"},
    # added on 2026-12-05: "monthly deposits"
    "sinking_fund_payment": {"periods_per_year"},
}


def _answer_ok(ans) -> bool:
    vals = list(ans.values()) if isinstance(ans, dict) else [ans]
    return bool(vals) and all(isinstance(v, float) and math.isfinite(v) for v in vals)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _jaccard(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb)


def _forms(value: float) -> set[str]:
    """Ways a parameter value can be written in a text (4.8% for 0.048, 1.76 m for 176 cm...)."""
    out: set[str] = set()
    for v in (value, value * 100, value / 100, value / 1000, value / 1e6):
        v = round(v, 9)
        out |= {fmt_num(v), fmt_num(abs(v)), f"{v:g}", f"{abs(v):g}", f"{v:,.2f}", f"{v:.2f}"}
        if float(v).is_integer():
            out.add(str(int(abs(v))))
    return out


def test_counts_and_held_out_share():
    by_domain = Counter(f.domain for f in FAMILIES)
    assert set(by_domain) == set(MINIMUMS)
    for domain, minimum in MINIMUMS.items():
        assert by_domain[domain] >= minimum, (domain, by_domain[domain])
    assert len(FAMILIES) >= 36
    held = [f for f in FAMILIES if f.held_out]
    assert 1 / 9 <= len(held) / len(FAMILIES) <= 1 / 4  # "about 1 in 6"
    assert len({f.domain for f in held}) == len(MINIMUMS)  # spread over every domain
    assert all(f.n_phrasings >= 6 for f in FAMILIES)


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
@pytest.mark.parametrize("seed", ["a", "b"])
def test_every_phrasing_gives_a_contract_program(fam, seed):
    for p in range(fam.n_phrasings):
        s = generate(fam, random.Random(f"contract:{seed}:{p}"), p)
        assert s.problem and s.family == fam.name and s.phrasing == p and s.units
        assert _answer_ok(s.answer), s.answer
        assert has_answer(s.program)
        tree = ast.parse(s.program)
        assert 4 <= len([ln for ln in s.program.splitlines() if ln.strip()]) <= 24
        params = parse_parameters(s.program)
        assert params, "a program has parameters"
        lines = s.program.splitlines()
        for prm in params:
            assert prm.description, f"{prm.name}: no description"
            assert prm.unit, f"{prm.name}: no [unit]"
            assert re.search(rf"\b{prm.name}\b", "\n".join(lines[prm.line:])), f"{prm.name} unused"
            if prm.name not in IMPLICIT.get(fam.name, set()) and prm.value not in (0, 1):
                assert any(f in s.problem for f in _forms(prm.value)), \
                    f"{prm.name}={prm.value} is not in the text: {s.problem}"
        last = [n for n in tree.body if isinstance(n, ast.Assign)][-1]
        assert isinstance(last.targets[0], ast.Name) and last.targets[0].id == "answer"


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_more_seeds_give_valid_varied_samples(fam):
    # only built, not run: running is the slow part (one sp.dsolve takes ~0.3 s)
    texts = set()
    for i in range(12):
        problem, program, units = fam.make(random.Random(f"var:{i}"), i % fam.n_phrasings)
        texts.add(problem)
        assert units and has_answer(program)
        params = parse_parameters(program)
        assert params and all(prm.description and prm.unit for prm in params)
    assert len(texts) >= 10


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_deterministic_for_a_seed(fam):
    for p in (0, fam.n_phrasings - 1):
        assert fam.make(random.Random("det"), p) == fam.make(random.Random("det"), p)


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_phrasings_are_different(fam):
    for seed in ("div:1", "div:2", "div:3"):
        texts = [fam.make(random.Random(seed), p)[0] for p in range(fam.n_phrasings)]
        sims = [_jaccard(x, y) for x, y in itertools.combinations(texts, 2)]
        assert max(sims) < 0.8, max(sims)
        assert sum(sims) / len(sims) < 0.65


@pytest.mark.parametrize("fam", FAMILIES, ids=IDS)
def test_answer_follows_the_parameters(fam):
    s = generate(fam, random.Random("sens"), 0)
    changed = 0
    for prm in parse_parameters(s.program):
        if changed:
            break
        for factor in (1.1, 0.9):
            v = prm.value * factor
            if prm.is_int:
                v = int(prm.value) + (1 if factor > 1 else -1)
            try:
                new = run_reference(set_parameters(s.program, {prm.name: v}))
            except Exception:  # e.g. a target pushed outside the bracket of a root finder
                continue
            if new != s.answer:
                changed += 1
                break
    assert changed >= 1


@pytest.mark.parametrize("module", [finance, weather, medical, physics, population],
                         ids=lambda m: m.DOMAIN)
def test_irrelevant_details_about_thirty_percent(module):
    rng = random.Random(3)
    hits = sum(bool(module._aside(rng, "Ann")) for _ in range(2000))
    assert 0.25 < hits / 2000 < 0.35


def test_a_car_loan_can_state_its_down_payment_as_an_amount():
    """"$3,500 down" on a car: the principal is the price less an amount, not a share of it."""
    fam = REGISTRY["loan_payment"]
    found = []
    for i in range(60):
        s = generate(fam, random.Random(f"down:{i}"), i % fam.n_phrasings)
        values = {p.name: p.value for p in parse_parameters(s.program)}
        if "down_payment" in values:
            found.append((s, values))
    assert 5 <= len(found) <= 30  # one variant among the family's loans, not the rule
    for s, v in found:
        assert f"{int(v['down_payment']):,}" in s.problem and f"{int(v['price']):,}" in s.problem
        principal, i, n = v["price"] - v["down_payment"], v["rate"] / 12, v["years"] * 12
        payment = principal * i / (1 - (1 + i) ** -n)
        assert s.answer == pytest.approx(payment if s.program.endswith("answer = float(payment)\n")
                                         else principal * i if "first month" in s.program
                                         else payment * n - principal)


def test_a_loan_can_ask_the_interest_part_of_its_first_payment():
    """An amortization table's first row: the month's interest on the whole amount borrowed."""
    fam = REGISTRY["loan_payment"]
    found = [s for i in range(120) if "first month" in (s := generate(fam, random.Random(f"first:{i}"), i % 6)).program]
    assert 5 <= len(found) <= 40
    for s in found:
        assert "first" in s.problem and "interest" in s.problem
        v = {p.name: p.value for p in parse_parameters(s.program)}
        principal = v.get("principal") or v["price"] * (1 - v.get("down_fraction", 0)) - v.get("down_payment", 0)
        assert s.answer == pytest.approx(principal * v["rate"] / 12)


def test_a_chain_can_ask_a_run_of_rainy_or_dry_days():
    """"Tuesday, Wednesday and Thursday are all dry": the first day follows today's state, each
    later one a day in the same state."""
    fam = REGISTRY["markov_rain_nstep"]
    found = [s for i in range(120) if "in a row" in (s := generate(fam, random.Random(f"run:{i}"), i % 6)).program]
    assert 10 <= len(found) <= 70
    for s in found:
        v = {p.name: p.value for p in parse_parameters(s.program)}
        rr, dr, days = v["p_rain_after_rain"], v["p_rain_after_dry"], int(v["days"])
        rains_today = "[0.0, 1.0]" in s.program
        if "run[1]" in s.program:  # all rainy
            expected = (rr if rains_today else dr) * rr ** (days - 1)
        else:
            expected = ((1 - rr) if rains_today else (1 - dr)) * (1 - dr) ** (days - 1)
        assert s.answer == pytest.approx(expected)


def test_a_screening_asks_counts_among_the_people_tested():
    """``bayes_diagnostic_test``: some samples ask how many positives, false positives or true
    positives are expected among the people screened, computed from the same three chances."""
    fam = REGISTRY["bayes_diagnostic_test"]
    kinds = Counter()
    for i in range(80):
        s = generate(fam, random.Random(f"count:{i}"), i % fam.n_phrasings)
        v = {p.name: p.value for p in parse_parameters(s.program)}
        if "screened" not in v:
            continue
        n, prev, sens, spec = v["screened"], v["prevalence"], v.get("sensitivity", 0), v.get("specificity", 0)
        expected = {"false_positives": n * (1 - prev) * (1 - spec), "true_positives": n * prev * sens,
                    "positives": n * (sens * prev + (1 - spec) * (1 - prev))}
        kind = re.search(r"answer = float\((\w+)\)", s.program).group(1)
        kinds[kind] += 1
        assert s.answer == pytest.approx(expected[kind]) and f"{int(n):,}" in s.problem
    assert set(kinds) == {"false_positives", "true_positives", "positives"} and 10 <= sum(kinds.values()) <= 50


def test_an_epidemic_can_ask_everyone_infected_by_its_end_and_a_tank_can_be_in_gallons():
    sir, tank = REGISTRY["sir_epidemic"], REGISTRY["mixing_tank_varying"]
    total = [generate(sir, random.Random(f"total:{i}"), i % 6) for i in range(60)]
    total = [s for s in total if "N - S[-1]" in s.program]
    assert total and all("by the time the outbreak has died out" in s.problem for s in total)
    tanks = [generate(tank, random.Random(f"gal:{i}"), i % 6) for i in range(40)]
    us = [s for s in tanks if "[gal]" in s.program]
    assert 8 <= len(us) <= 32 and all(" gal" in s.problem or "gallon" in s.problem for s in us)
    assert all("[lb]" in s.program and "kg" not in s.problem for s in us)
