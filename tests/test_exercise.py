"""Classroom exercise sets (mathllm.exercise): locating numbers, drawing variants, recomputing
answers in the real sandbox, writing the worksheet/key, and the Exercises view."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest

from mathllm.contract import Parameter, set_parameters
from mathllm.errors import UsageError
from mathllm.exercise import (
    ExerciseSet,
    Knob,
    degenerate_reason,
    draw_written,
    find_numbers,
    find_reference_program,
    format_like,
    key_dict,
    locate_parameters,
    make_exercise,
    rewrite_text,
    same_answer,
    structural_reason,
    write_exercise,
)
from mathllm.grade import grade
from mathllm.problem import load_problem, parse_problem

ROOT = Path(__file__).resolve().parent.parent

# ---- inline problems (the tests do not depend on the problem bank) ------------------------------

LOAN_TEXT = """---
title: Car loan
domain: finance
units: USD
tolerance: 0.01
---
Maria buys a car for $18,500. She pays $3,500 up front and borrows the rest at 6.9% a year,
compounded monthly, for 5 years. What is her monthly payment?
"""
LOAN = '''\
import sympy as sp

price = 18500  # price of the car [USD]
down_payment = 3500  # cash paid up front [USD]
annual_rate = 0.069  # nominal annual interest rate, compounded monthly [1/year]
years = 5  # loan term [year]
payments_per_year = 12  # monthly payments [1/year]

principal = price - down_payment
i = annual_rate / payments_per_year  # interest rate per month
n = years * payments_per_year  # number of payments
M = sp.symbols("M", positive=True)  # monthly payment

# the balance after the last payment is zero
balance = sp.Eq(principal * (1 + i) ** n - M * ((1 + i) ** n - 1) / i, 0)
payment = sp.solve(balance, M)[0]

answer = float(payment)
'''

GROWTH_TEXT = """---
title: Town growth
domain: population
---
A town of 12,000 people grows by 2.5% a year. How many people live there after eight years?
"""
GROWTH = """\
population = 12000  # people today [person]
growth = 0.025  # yearly growth rate [1/year]
years = 8  # time span [year]

answer = population * (1 + growth) ** years
"""

RAIN_TEXT = """---
title: Rainy days
domain: weather
---
If it rains today, the chance of rain tomorrow is 60%; after a dry day it is only 25%.
It rains today. What is the chance of rain 3 days from now, and what share of days is rainy
in the long run?
"""
RAIN = """\
import numpy as np
import sympy as sp

p_rain_after_rain = 0.6  # chance of rain tomorrow given rain today [1]
p_rain_after_dry = 0.25  # chance of rain tomorrow given a dry day [1]
days_ahead = 3  # days from now [day]

P = np.array([[p_rain_after_rain, 1 - p_rain_after_rain],
              [p_rain_after_dry, 1 - p_rain_after_dry]])
later = np.array([1.0, 0.0]) @ np.linalg.matrix_power(P, days_ahead)
r = sp.symbols("r")
stationary = sp.Eq(r, r * p_rain_after_rain + (1 - r) * p_rain_after_dry)
long_run = sp.solve(stationary, r)[0]

answer = {"rain_later": float(later[0]), "long_run": float(long_run)}
"""

# infeasible for some draws: a slow ball never reaches a high mark (sp.solve gives [])
THROW_TEXT = """---
title: Ball in the air
domain: physics
tolerance: 0.001
units: s
---
A ball is thrown straight up at 14 m/s. When does it first reach a height of 8 m?
(Use g = 9.81 m/s².)
"""
THROW = """\
import sympy as sp

v0 = 14.0  # launch speed [m/s]
h = 8.0  # height to reach [m]
g = 9.81  # gravitational acceleration [m/s^2]

t = sp.symbols("t", positive=True)
height = sp.Eq(v0 * t - g * t**2 / 2, h)
times = sp.solve(height, t)
answer = float(min(times))  # no real time when the ball cannot reach h
"""

INLINE = {"loan": (LOAN_TEXT, LOAN), "growth": (GROWTH_TEXT, GROWTH), "rain": (RAIN_TEXT, RAIN),
          "throw": (THROW_TEXT, THROW)}


def exec_answer(program: str, values: dict[str, float]) -> float | dict[str, float]:
    """The answer of ``program`` with ``values``, computed in-process, independently of the
    sandbox (the reference programs are ours, so running them here is safe)."""
    env: dict = {}
    exec(compile(set_parameters(program, values), "<reference>", "exec"), env)  # noqa: S102 - our own programs
    a = env["answer"]
    if isinstance(a, dict):
        return {str(k): float(v) for k, v in a.items()}
    return float(a)


def assert_same(a, b) -> None:
    if isinstance(b, dict):
        assert set(a) == set(b)
        for k in b:
            assert a[k] == pytest.approx(b[k], rel=1e-9, abs=1e-12)
    else:
        assert a == pytest.approx(b, rel=1e-9, abs=1e-12)


def count_number(text: str, written: str) -> int:
    return len(re.findall(r"(?<![\d.,])" + re.escape(written) + r"(?![\d]|[.,]\d)", text))


@pytest.fixture(scope="module")
def made() -> dict[str, ExerciseSet]:
    """One exercise set per inline problem (sandbox runs are the slow part: made once)."""
    return {name: make_exercise(parse_problem(text), prog, variants=3, seed=11)
            for name, (text, prog) in INLINE.items()}


# ---- locating numbers in the text ------------------------------------------------------------------

def P(name: str, value: float, unit: str = "", desc: str = "", is_int: bool | None = None) -> Parameter:
    return Parameter(name, float(value), desc, unit, is_int=isinstance(value, int) if is_int is None else is_int)


def test_find_numbers_formats():
    text = ("Anna puts $1,200.00 in at 4.8% for ten years; 1.2 million people, 2500 cars, .5 of them red, "
            "−3 °C, the 2nd day, CO2, $50k.")
    found = {m.written: m for m in find_numbers(text)}
    assert found["1,200.00"].value == Decimal("1200.00")
    assert found["4.8"].percent
    assert found["ten"].word and found["ten"].value == 10
    assert found["1.2"].scale == 10**6
    assert found["2500"].value == 2500
    assert found[".5"].value == Decimal("0.5")
    assert found["−3"].value == -3
    assert found["50"].scale == 1000
    assert "2" not in found  # "2nd" is an ordinal and "CO2" a name, not numbers


@pytest.mark.parametrize("text, written, value", [
    ("c = 8e-05 kg/m", "8e-05", Decimal("0.00008")), ("k = 1.5E3 N/m", "1.5E3", Decimal("1500")),
    ("6.02e23 atoms", "6.02e23", Decimal("6.02e23")), ("a rate of 2e-3 per day", "2e-3", Decimal("0.002")),
])
def test_find_numbers_reads_scientific_notation_as_one_number(text, written, value):
    found = [m for m in find_numbers(text) if not m.word]
    assert [(m.written, m.value) for m in found] == [(written, value)]
    assert found[0].scientific and not find_numbers("version 3e")[0].scientific


def test_locate_parameters_reads_each_format():
    text = ("Anna puts $1,200.00 in an account at 4.8% a year for three years. The town has 1.2 million "
            "people and 2,500 cars; .5 of the cars are red. The cart slows down at 2 m/s².")
    params = [P("deposit", 1200.0, "EUR"), P("rate", 0.048, "1/year"), P("years", 3, "year"),
              P("people", 1200000, "person"), P("cars", 2500, "1"), P("red", 0.5, "1"),
              P("accel", -2, "m/s^2")]
    knobs, fixed = locate_parameters(text, params)
    assert fixed == {}
    assert {n: k.mention.written for n, k in knobs.items()} == {
        "deposit": "1,200.00", "rate": "4.8", "years": "three", "people": "1.2", "cars": "2,500",
        "red": ".5", "accel": "2"}
    assert knobs["rate"].factor == Decimal("0.01")
    assert knobs["accel"].factor == -1  # the text gives the magnitude, the program the sign


def test_ambiguous_or_missing_values_stay_fixed():
    text = "5 workers dig for 5 hours. A 3 m trench costs 40 EUR per metre."
    params = [P("workers", 5), P("hours", 5), P("depth", 3), P("width", 0.8), P("zero", 0)]
    knobs, fixed = locate_parameters(text, params)
    assert set(knobs) == {"depth"}
    assert "could also be" in fixed["workers"] or "2 times" in fixed["workers"]
    assert "not written" in fixed["width"]
    assert fixed["zero"] == "zero"
    knobs, fixed = locate_parameters("It costs 40 EUR, then 40 EUR again.", [P("cost", 40)])
    assert not knobs and "2 times" in fixed["cost"]


def test_structural_constants_are_not_varied():
    assert structural_reason(P("payments_per_year", 12, "1/year", "monthly payments"))
    assert structural_reason(P("g", 9.81, "m/s^2", "gravitational acceleration"))
    assert structural_reason(P("years", 12, "year", "loan term")) is None
    # "cent" of a percentage or centimetre, not of a concentration
    assert structural_reason(P("C1", 12, "mg/L", "plasma concentration in the first sample")) is None
    assert structural_reason(P("share", 100, "1", "percent to fraction"))


@pytest.mark.parametrize("written, new, expected", [
    ("2,500", "3100", "3,100"), ("2500", "3100", "3100"), ("1,200.00", "1300", "1,300.00"),
    (".5", "0.7", ".7"), ("0.5", "0.7", "0.7"), ("4.8", "6.1", "6.1"), ("5", "7", "7"),
    ("three", "4", "four"), ("Three", "21", "Twenty-one"), ("three", "120", "120"), ("−3", "-4", "−4"),
    ("8e-05", "0.00009", "9e-05"), ("8e-05", "0.000085", "8.5e-05"), ("1.5E3", "1725", "1.725E3"),
    ("2e-3", "0.004", "4e-3"),
])
def test_format_like_keeps_the_style(written, new, expected):
    m = next(m for m in find_numbers(f"x {written} y") if m.written == written)
    assert format_like(m, Decimal(new)) == expected


def test_rewrite_text_replaces_in_place():
    text = "Borrow $18,500 at 6.9% for 5 years."
    params = [P("price", 18500), P("rate", 0.069, "1/year"), P("years", 5)]
    knobs, _ = locate_parameters(text, params)
    new = rewrite_text(text, knobs, {"price": Decimal(21000), "rate": Decimal("7.4"), "years": Decimal(3)})
    assert new == "Borrow $21,000 at 7.4% for 3 years."


def test_article_agrees_with_the_new_number():
    text = "It needs an 18% solution and a 25% solution. An 8 m pole."
    params = [P("low", 0.18, "1"), P("high", 0.25, "1"), P("pole", 8, "m")]
    knobs, _ = locate_parameters(text, params)
    new = rewrite_text(text, knobs, {"low": Decimal(22), "high": Decimal(80), "pole": Decimal(6)})
    assert new == "It needs a 22% solution and an 80% solution. A 6 m pole."


def test_values_stated_in_words_like_half_are_not_rewritten():
    knobs, fixed = locate_parameters("Half an hour later (0.5 h) the second train leaves.", [P("delay", 0.5, "h")])
    assert not knobs and "2 times" in fixed["delay"]
    knobs, fixed = locate_parameters("He put twice as much into bonds.", [P("multiple", 2)])
    assert not knobs and "'twice'" in fixed["multiple"]


def test_coefficients_and_plurals_never_become_one():
    rng = random.Random(4)
    slope = knob_for("the line y = 2x + 3", P("slope", 2), (1.0, 4.0))
    assert slope.mention.coefficient
    hours = knob_for("it takes 2 hours", P("hours", 2, "h"))
    for _ in range(200):
        assert draw_written(slope, rng) != 1  # "1x"
        assert draw_written(hours, rng) != 1  # "1 hours"


# ---- drawing values --------------------------------------------------------------------------------

def knob_for(text: str, p: Parameter, rng: tuple[float, float] | None = None) -> Knob:
    knobs, fixed = locate_parameters(text, [p])
    assert p.name in knobs, fixed
    knobs[p.name].range = rng
    return knobs[p.name]


def test_draws_respect_the_kind_of_number():
    rng = random.Random(0)
    workers = knob_for("3 workers", P("workers", 3, "person"))
    prob = knob_for("a 95% chance", P("p", 0.95, "1"))
    cost = knob_for("a cost of 0.05 EUR", P("cost", 0.05, "EUR"))
    big = knob_for("1500 litres", P("volume", 1500, "l"))
    neg = knob_for("at -20 °C", P("temp", -20.0, "degC"))
    for _ in range(300):
        w = workers.value_of(draw_written(workers, rng))
        assert isinstance(w, int) and w >= 1
        p = prob.value_of(draw_written(prob, rng))
        assert 0 < p < 1
        c = draw_written(cost, rng)
        assert len(c.normalize().as_tuple().digits) == 1  # 0.05 -> 0.03 ... 0.07: same digits
        assert 0.025 <= float(c) <= 0.075 + 1e-12
        v = draw_written(big, rng)
        assert len(v.normalize().as_tuple().digits) <= 2 and 750 <= v <= 2300  # 1500 -> 1800, 980
        assert neg.value_of(draw_written(neg, rng)) < 0


def test_front_matter_ranges_are_used(tmp_path: Path):
    problem = parse_problem("---\nvariants: {rate: [0.02, 0.03], nonsense: [1, 2]}\n---\n"
                            "Save 1000 EUR at 5% for 4 years.")
    program = ("principal = 1000  # deposit [EUR]\nrate = 0.05  # rate [1/year]\nyears = 4  # term [year]\n"
               "answer = principal * (1 + rate) ** years\n")
    ex = make_exercise(problem, program, variants=3, seed=3, with_steps=False)
    assert ex.varied == ["rate"]
    assert "not listed" in ex.fixed["principal"]
    assert any("nonsense" in n for n in ex.notes)
    for v in ex.variants:
        assert 0.02 <= v.values["rate"] <= 0.03
        assert v.values["principal"] == 1000 and v.values["years"] == 4
    bad = parse_problem("---\nvariants: {rate: 0.02}\n---\nSave 1000 EUR at 5%.")
    with pytest.raises(UsageError, match="low, high"):
        make_exercise(bad, program, variants=1, seed=0)


def test_a_model_programs_quotes_of_the_problem_do_not_go_stale(tmp_path: Path):
    """A quoted (mathllm-v3) program: variants change the numbers, so the quotes are dropped."""
    from mathllm.prompt import annotate

    text = "Save 1000 EUR at 5% for 4 years. What is the balance?"
    program = annotate(text, "principal = 1000  # deposit [EUR]\nrate = 0.05  # rate [1/year]\n"
                             "years = 4  # term [year]\nanswer = principal * (1 + rate) ** years\n")
    assert '# "Save 1000 EUR at"\nprincipal = 1000' in program and '# "for 4 years"\nyears = 4' in program
    assert program.startswith("# Find: What is the balance?")
    ex = make_exercise(parse_problem(text), program, variants=2, seed=3, with_steps=False)
    assert ex.program.startswith("principal = 1000")
    for v in ex.variants:
        assert "# Find" not in v.program and '# "' not in v.program


def test_degenerate_reason_and_same_answer():
    assert degenerate_reason(None, 1.0)
    assert "sign" in degenerate_reason(-2.0, 3.0)  # e.g. a negative time
    assert degenerate_reason(0.0, 3.0)
    assert degenerate_reason(2.0, 3.0) is None
    assert degenerate_reason({"a": 1.0}, 1.0)
    assert degenerate_reason({"a": 1.0, "b": -1.0}, {"a": 2.0, "b": 5.0})
    assert same_answer(100.0, 100.004, 0.01) and not same_answer(100.0, 100.02, 0.01)
    assert same_answer(1.0, 1.00001, None) and not same_answer(1.0, 1.001, None)
    assert not same_answer({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": 3.0}, None)


# ---- whole sets, recomputed in the sandbox ---------------------------------------------------------

@pytest.mark.parametrize("name", list(INLINE))
def test_every_key_answer_matches_an_independent_run(made, name):
    program = INLINE[name][1]
    ex = made[name]
    assert len(ex.variants) == 3
    assert ex.varied
    answers = [ex.original_answer]
    for v in ex.variants:
        assert_same(v.answer, exec_answer(program, v.values))
        # fixed parameters keep their values; the answers differ from each other and the original
        for p in ex.parameters:
            if p.name not in ex.varied:
                assert v.values[p.name] == p.value
        assert not any(same_answer(v.answer, a, ex.tolerance) for a in answers)
        answers.append(v.answer)
    key = key_dict(ex)
    for q, v in zip(key["questions"], ex.variants):
        assert_same(q["answer"], exec_answer(program, q["parameters"]))


@pytest.mark.parametrize("name", list(INLINE))
def test_rewritten_text_has_the_new_numbers(made, name):
    text = INLINE[name][0]
    original = parse_problem(text).text
    ex = made[name]
    knobs, _ = locate_parameters(original, ex.parameters)
    for v in ex.variants:
        changed = 0
        for pname in ex.varied:
            old, new = knobs[pname].mention.written, v.written[pname]
            assert count_number(v.text, new) >= 1, (new, v.text)
            if old != new:
                changed += 1
                assert count_number(v.text, old) < count_number(original, old), (old, v.text)
        assert changed >= 1


def test_throw_rejects_unreachable_heights(made):
    ex = made["throw"]
    assert ex.fixed["g"].startswith("a physical constant")
    assert any(r.startswith("did not run") for r in ex.rejected), ex.rejected
    for v in ex.variants:
        assert v.values["v0"] ** 2 >= 2 * 9.81 * v.values["h"]
        assert v.answer > 0


def test_multi_part_answers(made):
    ex = made["rain"]
    for v in ex.variants:
        assert set(v.answer) == {"rain_later", "long_run"}
        assert 0 < v.values["p_rain_after_rain"] < 1 and 0 < v.values["p_rain_after_dry"] < 1


def test_reproducible_from_the_seed(made):
    problem = parse_problem(GROWTH_TEXT)
    again = make_exercise(problem, GROWTH, variants=3, seed=11)
    assert key_dict(again) == key_dict(made["growth"])
    other = make_exercise(problem, GROWTH, variants=3, seed=12, with_steps=False)
    assert [v.values for v in other.variants] != [v.values for v in again.variants]


def test_counts_stay_whole_numbers():
    problem = parse_problem("---\ntolerance: 0\nunits: tickets\n---\n"
                            "850 tickets were sold at $12 (adults) and $7 (students) for $8,450 in total. "
                            "How many adult tickets?")
    program = ("tickets = 850  # tickets sold [count]\nadult = 12  # adult price [USD]\n"
               "student = 7  # student price [USD]\nrevenue = 8450  # revenue [USD]\n"
               "answer = (revenue - student * tickets) / (adult - student)\n")
    ex = make_exercise(problem, program, variants=2, seed=2, with_steps=False)
    assert any("whole number" in r for r in ex.rejected), ex.rejected
    for v in ex.variants:
        assert v.answer == int(v.answer) and v.answer > 0


def test_answer_that_ignores_the_parameters_is_rejected():
    problem = parse_problem("A box holds 12 apples and 30 pears. How many boxes?")
    program = "apples = 12  # apples per box [1]\npears = 30  # pears [1]\nanswer = 7.0\n"
    with pytest.raises(UsageError, match="does not change when apples, pears change"):
        make_exercise(problem, program, variants=2, seed=1, with_steps=False)


def test_too_few_distinct_values():
    problem = parse_problem("A team of 3 people.")
    program = "people = 3  # team size [person]\nanswer = people * 3\n"
    with pytest.raises(UsageError, match="could make only"):
        make_exercise(problem, program, variants=8, seed=1, with_steps=False)


def test_unusable_programs():
    problem = parse_problem("Anna is 30 years old.")
    with pytest.raises(UsageError, match="no parameter of the program can be varied"):
        make_exercise(problem, "age = 31  # age [year]\nanswer = age\n", variants=1, seed=0)
    with pytest.raises(UsageError, match="cannot be used for exercises"):
        make_exercise(problem, "age = 30  # age [year]\nanswer = age / 0\n", variants=1, seed=0)
    with pytest.raises(UsageError, match="no contract parameters"):
        make_exercise(problem, "answer = 30\n", variants=1, seed=0)
    with pytest.raises(UsageError, match="between 1 and"):
        make_exercise(problem, "age = 30  # age [year]\nanswer = age\n", variants=0, seed=0)


# ---- output files ----------------------------------------------------------------------------------

def test_write_exercise_files_and_grading_round_trip(made, tmp_path: Path):
    ex = made["loan"]
    out = tmp_path / "set"
    files = write_exercise(ex, out)
    assert sorted(f.name for f in files) == ["key.html", "key.json", "key.md", "worksheet.html", "worksheet.md"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    sheet = (out / "worksheet.md").read_text(encoding="utf-8")
    key_md = (out / "key.md").read_text(encoding="utf-8")
    for i, v in enumerate(ex.variants, 1):
        assert f"## Exercise {i}" in sheet and v.text.strip() in sheet
        assert f"{v.answer:.2f}" in key_md and f"{v.answer:.2f}" not in sheet  # answers only in the key
    assert "### Solution" in key_md and "Step 1. Given" in key_md and "tolerance ±0.01 USD" in key_md
    html = (out / "worksheet.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html
    assert "<pre class=\"math\">" in (out / "key.html").read_text(encoding="utf-8")
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    assert key["format"] == "mathllm-exercise-key" and key["seed"] == 11
    assert [q["id"] for q in key["questions"]] == ["q1", "q2", "q3"]
    assert key["questions"][0]["tolerance"] == 0.01

    answers = tmp_path / "answers.csv"
    q = key["questions"]
    answers.write_text("student,q1,q2,q3\n"
                       f"Ana,{q[0]['answer']:.2f},{q[1]['answer']:.3f},\"{q[2]['answer']:,.2f}\"\n"
                       f"Ben,{q[0]['answer'] + 1:.2f},oops,\n", encoding="utf-8")
    report = grade(out / "key.json", answers)
    by = {s.student: s for s in report.students}
    assert by["Ana"].score == 3
    assert [m.status for m in by["Ben"].marks.values()] == ["wrong", "malformed", "missing"]

    # our own previous output may be replaced; formats not written again are removed
    files = write_exercise(ex, out, formats=("md",))
    assert sorted(p.name for p in out.iterdir()) == ["key.json", "key.md", "worksheet.md"]


def test_write_exercise_refuses_foreign_folders(made, tmp_path: Path):
    ex = made["growth"]
    foreign = tmp_path / "thesis"
    foreign.mkdir()
    (foreign / "chapter1.md").write_text("precious", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty"):
        write_exercise(ex, foreign)
    assert sorted(p.name for p in foreign.iterdir()) == ["chapter1.md"]
    lookalike = tmp_path / "look"
    lookalike.mkdir()
    (lookalike / "key.json").write_text('{"something": "else"}', encoding="utf-8")
    with pytest.raises(UsageError):
        write_exercise(ex, lookalike)
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        write_exercise(ex, a_file)
    with pytest.raises(UsageError, match="format"):
        write_exercise(ex, tmp_path / "new", formats=("pdf",))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write_exercise(ex, empty, formats=("html",))


# ---- the problem bank (when it has classroom problems with reference programs) ------------------

def _bank_sample(limit: int = 3) -> list[Path]:
    found = []
    for path in sorted((ROOT / "problems" / "classroom").glob("*.md")):
        if find_reference_program(path) is not None:
            found.append(path)
    # an even spread rather than the first few, so the sample is not one topic
    step = max(1, len(found) // limit)
    return found[::step][:limit]


@pytest.mark.parametrize("path", _bank_sample() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no classroom problems with reference programs yet"))])
def test_bank_problems(path: Path):
    problem = load_problem(path)
    program = find_reference_program(path).read_text(encoding="utf-8")
    try:
        ex = make_exercise(problem, program, variants=2, seed=5, with_steps=False)
    except UsageError as exc:  # a bank problem may have nothing variable; that is a clear message
        pytest.skip(f"{path.name}: {exc}")
    for v in ex.variants:
        assert_same(v.answer, exec_answer(program, v.values))
        assert v.text != problem.text


# ---- the Exercises view --------------------------------------------------------------------------

def test_exercises_view_generates_in_a_thread(tmp_path: Path):
    pytest.importorskip("panel")
    from app.exercises_view import MODEL, REFERENCE, ExercisesView

    (tmp_path / "problems" / "finance").mkdir(parents=True)
    (tmp_path / "tests" / "reference" / "finance").mkdir(parents=True)
    (tmp_path / "problems" / "finance" / "loan.md").write_text(
        LOAN_TEXT.replace("monthly payment?", "monthly payment? <script>alert(1)</script>"), encoding="utf-8")
    (tmp_path / "tests" / "reference" / "finance" / "loan.py").write_text(LOAN, encoding="utf-8")
    (tmp_path / "problems" / "population").mkdir()
    (tmp_path / "problems" / "population" / "growth.md").write_text(GROWTH_TEXT, encoding="utf-8")

    asked = []
    view = ExercisesView(problems_root=tmp_path / "problems",
                         solve_program=lambda problem: asked.append(problem.title) or GROWTH)
    assert view.param.domain.objects == ["finance", "population"]
    assert view.source == REFERENCE and view.reference_path() is not None
    view.variants = 2
    thread = view.generate()
    assert view.busy and view.generate_button.disabled
    assert view.generate() is None  # one at a time
    thread.join(300)
    assert not view.busy and not view.generate_button.disabled, view.status
    assert "2 exercises" in view.status
    assert "## Exercise 2" in view.worksheet_pane.object
    assert view.worksheet_pane.renderer_options == {"html": False}  # model text is never raw HTML
    rendered = view.worksheet_pane._transform_object(view.worksheet_pane.object)["object"]
    assert "<script>" not in rendered
    key = json.loads(view._download("key.json").getvalue())
    assert len(key["questions"]) == 2

    view.domain = "population"  # no reference program: falls back to the model callback
    assert view.source == MODEL
    view.generate().join(300)
    assert asked == ["Town growth"] and "2 exercises" in view.status, view.status
