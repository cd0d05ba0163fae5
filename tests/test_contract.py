"""The model program contract: reading and rewriting a program's parameters."""

from __future__ import annotations

import ast

import pytest

from mathllm.contract import (
    CONTRACT_SUMMARY,
    Parameter,
    format_number,
    has_answer,
    parse_parameters,
    set_parameters,
    split_comment,
)

PROGRAM = """\
import sympy as sp

principal = 1000  # amount deposited [EUR]
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
temp = -3.5  # outside temperature [°C]
big = 1e3  # a big number
plus = +7
k = 2  # a count, without unit
x = 1  # reassigned below, so not a knob [m]
x = 2
counter = 0  # augmented below [1]
counter += 1
_private = 4  # private [s]
flag = True  # a bool [1]
label = "text"  # a string [1]
a, b = 1, 2  # tuple [m]
c: float = 5.0  # annotated [m]
expr = 2 * 3  # arithmetic [m]
answer = 3  # the answer is never a parameter [EUR]

A, P, r, n = sp.symbols("A P r n", positive=True)
balance = sp.Eq(A, P * (1 + r) ** n)
answer = float(balance.rhs.subs({P: principal, r: rate, n: years}))
"""


def test_parse_parameters() -> None:
    params = parse_parameters(PROGRAM)
    by = {p.name: p for p in params}
    assert list(by) == ["principal", "rate", "years", "temp", "big", "plus", "k"]
    assert by["principal"] == Parameter("principal", 1000.0, "amount deposited", "EUR", 3, True)
    assert by["rate"] == Parameter("rate", 0.05, "annual interest rate", "1/year", 4, False)
    assert by["temp"].value == -3.5 and by["temp"].unit == "°C"
    assert by["big"].value == 1000.0 and not by["big"].is_int and by["big"].unit == ""
    assert by["plus"].value == 7.0 and by["plus"].description == "" and by["plus"].is_int
    assert by["k"].description == "a count, without unit" and by["k"].unit == ""
    assert by["years"].to_dict() == {"name": "years", "value": 10.0, "description": "saving period",
                                     "unit": "year", "line": 5, "is_int": True}


@pytest.mark.parametrize("code", [
    "def f(:\n    pass\n",
    "answer = (",
    "\x00",
    "",
    "    indented = 1\n",
], ids=["syntax-error", "unclosed", "nul", "empty", "indentation"])
def test_parse_parameters_of_broken_code_is_empty(code: str) -> None:
    assert parse_parameters(code) == []


def test_parameters_inside_functions_are_not_parameters() -> None:
    assert parse_parameters("def f():\n    r = 1  # [m]\n    return r\nanswer = f()\n") == []


@pytest.mark.parametrize("comment, desc, unit", [
    ("annual rate [1/year]", "annual rate", "1/year"),
    ("deposit, [EUR]", "deposit", "EUR"),
    ("no unit here", "no unit here", ""),
    ("[m/s]", "", "m/s"),
    ("speed [m/s] roughly", "speed [m/s] roughly", ""),
    ("  padded  [ kg ]  ", "padded", "kg"),
])
def test_split_comment(comment: str, desc: str, unit: str) -> None:
    assert split_comment(comment) == (desc, unit)


def test_set_parameters_keeps_comments_and_structure() -> None:
    new = set_parameters(PROGRAM, {"rate": 0.07, "years": 12, "temp": -10, "k": 3.5})
    lines = new.splitlines()
    assert lines[3] == "rate = 0.07  # annual interest rate [1/year]"
    assert lines[4] == "years = 12  # saving period [year]"
    assert lines[5] == "temp = -10.0  # outside temperature [°C]"
    assert lines[8] == "k = 3.5  # a count, without unit"
    # everything else is byte-for-byte unchanged
    old_lines = PROGRAM.splitlines()
    assert [ln for i, ln in enumerate(lines) if i not in (3, 4, 5, 8)] == \
           [ln for i, ln in enumerate(old_lines) if i not in (3, 4, 5, 8)]
    ast.parse(new)
    assert {p.name: p.value for p in parse_parameters(new)}["years"] == 12.0


def test_set_parameters_unknown_name() -> None:
    for bad in ({"nope": 1}, {"x": 3}, {"answer": 2}, {"_private": 1}, {"rate": 0.1, "counter": 2}):
        with pytest.raises(KeyError, match="not parameters of this program"):
            set_parameters(PROGRAM, bad)


def test_set_parameters_non_ascii_lines() -> None:
    code = "größe = 1  # Größe [m²]\nα = 2.5  # angle α [rad]\ns = 'é'; β = 3  # b [€]\nanswer = größe * α * β\n"
    assert [p.name for p in parse_parameters(code)] == ["größe", "α", "β"]
    new = set_parameters(code, {"α": 3.25, "β": 4, "größe": 10})
    assert new == "größe = 10  # Größe [m²]\nα = 3.25  # angle α [rad]\ns = 'é'; β = 4  # b [€]\nanswer = größe * α * β\n"


def test_set_parameters_no_values_is_identity() -> None:
    assert set_parameters(PROGRAM, {}) == PROGRAM


@pytest.mark.parametrize("value, is_int, text", [
    (1500, True, "1500"),
    (5.0, False, "5.0"),
    (0.05, False, "0.05"),
    (2.5e-06, False, "2.5e-06"),
    (-3.0, False, "-3.0"),
])
def test_format_number(value: float, is_int: bool, text: str) -> None:
    assert format_number(value, is_int) == text
    assert float(text) == value


@pytest.mark.parametrize("code, expected", [
    ("answer = 1", True),
    ("x = 2\nanswer = {'a': x}\n", True),
    ("answer: float = 1.0", True),
    ("answer = 0\nanswer += 1", True),
    ("a = answer = 3", True),
    ("answer, err = 1.0, 1e-9  # like scipy.integrate.quad", True),
    ("(answer, [b, *rest]) = 1, [2, 3]", True),
    ("x = 1", False),
    ("print(answer)", False),
    ("answer[0] = 1", False),
    ("answer.value = 1", False),
    ("def f():\n    answer = 1\n", False),
    ("if True:\n    answer = 1\n", False),
    ("answer = (", False),
    ("", False),
])
def test_has_answer(code: str, expected: bool) -> None:
    assert has_answer(code) is expected


def test_contract_summary_is_what_the_prompt_promises() -> None:
    assert "answer" in CONTRACT_SUMMARY and "[1/year]" in CONTRACT_SUMMARY
