"""Step-by-step solutions rendered from a program and one sandbox run (mathllm.steps)."""

from __future__ import annotations

import ast
from types import SimpleNamespace

import pytest

from mathllm.steps import Step, clean_latex, solution_steps, steps_markdown, symbol_latex, to_latex

LOAN = '''\
import sympy as sp

price = 18500  # price of the car [USD]
down_payment = 3500  # cash paid up front [USD]
annual_rate = 0.069  # nominal annual interest rate [1/year]
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

FALL = '''\
from scipy.optimize import brentq
import math

height = 45.0  # height of the bridge [m]
g = 9.81  # gravitational acceleration [m/s^2]


def fall(t):
    return height - g * t**2 / 2


t_hit = brentq(fall, 0, 100)  # time to reach the water
speed = g * t_hit
answer = {"time": t_hit, "speed": speed}
'''


def expr(src: str) -> ast.expr:
    return ast.parse(src, mode="eval").body


def test_to_latex_shows_the_formula_as_written_and_substituted():
    e = expr("deposit * (1 + rate) ** years")
    assert to_latex(e) == r"\mathrm{deposit} \cdot \left(1 + \mathrm{rate}\right)^{\mathrm{years}}"
    assert to_latex(e, {"deposit": 1000, "rate": 0.05, "years": 10}) == r"1000 \cdot \left(1 + 0.05\right)^{10}"
    assert to_latex(expr("a / b - c")) == r"\frac{a}{b} - c"
    assert to_latex(expr("sp.sqrt(2 * h / g)")) == r"\sqrt{\frac{2 \cdot h}{g}}"
    assert to_latex(expr("sp.Eq(x**2, 4)")) == "x^{2} = 4"
    assert to_latex(expr("1 - binom.cdf(k - 1, n, p)")).startswith(r"1 - \operatorname{binom.cdf}")


def test_to_latex_refuses_what_it_does_not_know_without_running_it():
    # anything outside the whitelist is shown as code; nothing is evaluated
    assert to_latex(expr("__import__('os').system('echo hi')")) is None
    assert to_latex(expr("open('/etc/passwd').read()")) is None
    assert to_latex(expr("[x for x in range(3)]")) is None
    assert to_latex(expr("10 ** 10 ** 10")) is not None  # unevaluated: no huge computation


def test_symbol_names():
    assert symbol_latex("x") == "x"
    assert symbol_latex("x_0") == "x_{0}"
    assert symbol_latex("alpha") == r"\alpha"
    assert symbol_latex("annual_rate") == r"\mathrm{annual\_rate}"


def test_clean_latex_strips_links_and_dollars():
    assert clean_latex(r"\href{javascript:alert(1)}{x} + $y$") == "{javascript:alert(1)}{x} + y"


def test_loan_steps_from_a_sandbox_run():
    steps = solution_steps(LOAN, units="USD")
    assert all(isinstance(s, Step) for s in steps)
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    given = steps[0]
    assert given.title == "Given"
    for text in ("price of the car", "18500", "USD", "`annual_rate`", "0.069", "1/year"):
        assert text in given.text
    md = steps_markdown(steps)
    # each model statement: symbols, then values, then the result
    assert r"\mathrm{principal} = \mathrm{price} - \mathrm{down\_payment} = 18500 - 3500 = 15000" in md
    assert r"n = \mathrm{years} \cdot \mathrm{payments\_per\_year} = 5 \cdot 12 = 60" in md
    # the equation as LaTeX, with the values, and solved
    eq = next(s for s in steps if "balance after the last payment" in s.title.lower())
    assert r"\left(1 + i\right)^{n}" in eq.latex and "= 0" in eq.latex
    assert "15000" in eq.text
    assert any("Solve `balance` for `M`" in s.title for s in steps)
    # the final answer
    assert steps[-1].title == "Answer"
    assert "296.311" in steps[-1].text and "USD" in steps[-1].text
    assert md.count("### Step") == len(steps)


def test_steps_with_a_given_run_result_do_not_run_again():
    fake = SimpleNamespace(ok=True, status="ok", error=None, variables={"t_hit": 3.02891, "speed": 29.7136},
                           equations=[], answer=SimpleNamespace(kind="dict", value=None,
                                                                values={"time": 3.02891, "speed": 29.7136},
                                                                text="", latex=""))
    steps = solution_steps(FALL, fake)
    md = steps_markdown(steps)
    assert "Define the function fall(t)" in md
    assert "Find the root of `fall` between `0` and `100`" in md
    assert r"\mathrm{t\_hit} = 3.02891" in md
    assert r"\mathrm{speed} = g \cdot \mathrm{t\_hit} = 9.81 \cdot 3.02891 = 29.7136" in md
    assert "**time** = 3.02891" in md and "**speed** = 29.7136" in md


def test_failed_program_still_gets_steps():
    bad = "x = 2  # a number [1]\ny = x / 0\nanswer = y\n"
    steps = solution_steps(bad)
    assert steps[0].title == "Given"
    assert steps[-1].title == "Answer"
    assert "did not produce an answer" in steps[-1].text
    assert "ZeroDivisionError" in steps[-1].text


def test_syntax_error():
    steps = solution_steps("x = = 1\n", SimpleNamespace(ok=False))
    assert len(steps) == 1 and "syntax error" in steps[0].text


@pytest.mark.parametrize("level", [2, 4])
def test_steps_markdown_heading_level(level):
    md = steps_markdown([Step(1, "Given", "text"), Step(2, "Answer", "42")], heading_level=level)
    assert md.startswith("#" * level + " Step 1. Given")


def test_reassigned_names_do_not_show_their_final_value_early():
    program = ("prices = [3, 4]\ncount = 2  # items [1]\ntotal = 0\nfor p in prices:\n    total += p\n"
               "answer = total / count\n")
    run = SimpleNamespace(ok=True, status="ok", error=None, variables={"count": 2.0, "total": 7.0, "answer": 3.5},
                          equations=[], answer=SimpleNamespace(kind="number", value=3.5, values=None,
                                                               text="3.5", latex="3.5"))
    md = steps_markdown(solution_steps(program, run))
    assert r"\mathrm{total} = 0" in md and r"\mathrm{total} = 0 = 7" not in md
    assert "| items | `count` | 2 | 1 |" in md  # only described literals are givens
    assert r"\text{answer} = \frac{\mathrm{total}}{\mathrm{count}} = 3.5" in md


def test_derivatives_render_plainly():
    assert to_latex(expr("sp.Eq(P(t).diff(t), r * P(t))"), functions={"P"}) == \
        r"\frac{d}{d t} P{\left(t \right)} = r \cdot P{\left(t \right)}"
