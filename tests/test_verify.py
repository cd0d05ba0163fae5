"""Stage 6, verify: answer comparison rules and verdicts on (fake) sandbox results."""

from __future__ import annotations

import json
import math

import pytest

from mathllm.problem import Problem, parse_problem
from mathllm.run import Answer, Check, RunResult
from mathllm.verify import answer_values, close, decimals_of, match_expected, verify

# -- close() -----------------------------------------------------------------------------------


@pytest.mark.parametrize("got, expected, kw, ok", [
    # relative 1e-4
    (100.009, 100.0, {}, True),
    (100.02, 100.0, {}, False),
    (1e6 + 99, 1e6, {}, True),
    (1e6 + 101, 1e6, {}, False),
    (-5.0004, -5.0, {}, True),
    (0.0, 0.0, {}, True),
    (1e-13, 0.0, {}, True),
    (1e-6, 0.0, {}, False),
    # decimals rule: absolute error below min(10^-n, 0.01)
    (12.4999, 12.5, {"decimals": 1}, True),
    (12.52, 12.5, {"decimals": 1}, False),
    (1628.894, 1628.89, {"decimals": 2}, True),
    (1.2549, 1.25, {"decimals": 2}, True),
    (1.262, 1.25, {"decimals": 2}, False),
    (12.509, 12.5, {"decimals": 1}, True),
    (3.0005, 3.0, {"decimals": 3}, True),
    (3.0015, 3.0, {"decimals": 3}, False),
    (2.009, 2.0, {"decimals": 0}, True),   # capped at 0.01 even for whole numbers
    (2.4, 2.0, {"decimals": 0}, False),
    # explicit absolute tolerance is the rule
    (5.4, 5.0, {"tolerance": 0.5}, True),
    (5.6, 5.0, {"tolerance": 0.5}, False),
    (1628.9, 1628.89, {"tolerance": 0.01}, True),
    (100.009, 100.0, {"tolerance": 0.001}, False),   # tighter than the relative rule
    (7.0, 7.0, {"tolerance": 0.0}, True),
    # never for non-finite numbers
    (math.nan, 1.0, {}, False),
    (math.inf, math.inf, {}, False),
    (1.0, math.nan, {"tolerance": 100.0}, False),
])
def test_close(got: float, expected: float, kw: dict, ok: bool) -> None:
    assert close(got, expected, **kw) is ok


@pytest.mark.parametrize("value, decimals", [
    ("12.50", 2), (3, 0), (12.5, 1), ("1,628.89", 2), ("1e3", 0), (0.001, 3),
    (None, None), (True, None), ("abc", None), ("", None),
])
def test_decimals_of(value, decimals) -> None:
    assert decimals_of(value) == decimals


@pytest.mark.parametrize("got, expected, kw, ok", [
    (5.0, 5.0, {}, True),
    ({"x": 1.0, "y": 5.0}, 5.0, {}, True),              # one of the named values matches a scalar
    ({"x": 1.0, "y": 2.0}, 5.0, {}, False),
    (5.0, {"x": 5.0}, {}, True),                         # a scalar matches a one-entry mapping
    (5.0, {"x": 5.0, "y": 1.0}, {}, False),
    ({"Chairs": 20.0, "tables_": 5.0}, {"chairs": 20, "tables": 5}, {}, True),   # keys normalised
    ({"chairs": 20.0}, {"chairs": 20, "tables": 5}, {}, False),                   # missing key
    ({"chairs": 20.0, "tables": 6.0}, {"chairs": 20, "tables": 5}, {}, False),
    # other names, as many values: compared in the order asked (the answer's key order)
    ({"q1": 20.0, "q2": 5.0}, {"chairs": 20, "tables": 5}, {}, True),
    ({"q1": 5.0, "q2": 20.0}, {"chairs": 20, "tables": 5}, {}, False),            # order matters
    ({"q1": 20.0, "q2": 5.0, "q3": 1.0}, {"chairs": 20, "tables": 5}, {}, False),  # not as many
    ({"chairs": 20.0, "q2": 5.0}, {"chairs": 20, "tables": 5}, {}, True),         # position, one key named
    ({"x": 20.0, "y": 5.1}, {"chairs": 20, "tables": 5}, {"decimals": {"chairs": 0, "tables": 1}}, False),
    ({"a": 12.52}, {"a": 12.5}, {"decimals": {"a": 1}}, False),
    ({"a": 12.4999}, {"a": 12.5}, {"decimals": {"a": 1}}, True),
    ({"a": 12.4}, {"a": 12.5}, {"tolerance": 0.2}, True),
    (None, 1.0, {}, False),
])
def test_match_expected(got, expected, kw, ok) -> None:
    assert match_expected(got, expected, **kw) is ok


def test_answer_values() -> None:
    assert answer_values(None) is None
    assert answer_values(3) == 3.0 and answer_values(True) is None
    assert answer_values({"a": 1}) == {"a": 1.0}
    assert answer_values(Answer("number", value=2.5, text="2.5")) == 2.5
    assert answer_values(Answer("dict", values={"x": 1.0})) == {"x": 1.0}
    assert answer_values(Answer("expression", text="x + 1")) is None


# -- verify() on sandbox results ---------------------------------------------------------------


def run_ok(value: float | None = None, values: dict | None = None, checks: list[Check] | None = None,
           kind: str | None = None) -> RunResult:
    kind = kind or ("dict" if values is not None else "number")
    return RunResult(status="ok", answer=Answer(kind, value=value, values=values, text=str(value or values)),
                     checks=checks or [])


def P(answer=None, tolerance=None, meta_answer=None) -> Problem:
    meta = {"answer": meta_answer if meta_answer is not None else answer} if answer is not None else {}
    return Problem(text="A problem.", answer=answer, tolerance=tolerance, meta=meta)


@pytest.mark.parametrize("problem, run, status, match, fragment", [
    (P(), None, "failed", None, "did not run"),
    (P(), RunResult(status="error", error="ZeroDivisionError: division by zero"), "failed", None, "ZeroDivisionError"),
    (P(), RunResult(status="timeout", error="ran longer than 1 s"), "failed", None, "longer than"),
    (P(), RunResult(status="no_answer"), "failed", None, "no_answer"),
    (P(), RunResult(status="ok", answer=None), "failed", None, "not a number"),
    (P(), run_ok(kind="expression"), "failed", None, "not a number"),
    (P(), run_ok(math.nan), "failed", None, "not finite"),
    (P(), run_ok(values={"a": 1.0, "b": math.inf}), "failed", None, "not finite"),
    (P(), run_ok(values={}), "failed", None, "not a number"),
    (P(), run_ok(2.0), "plausible", None, "nothing to check"),
    (P(), run_ok(2.0, checks=[Check("checkodesol", True, "ok")]), "verified", None, "checks out"),
    (P(), run_ok(2.0, checks=[Check("checksol", True), Check("checksol", False, "x=3 fails")]), "wrong", None,
     "x=3 fails"),
    (P(1628.89, 0.01), run_ok(1628.8946), "verified", True, "matches"),
    (P(1628.89, 0.01), run_ok(1628.91), "wrong", False, "does not match"),
    (P(1500.0), run_ok(1628.89), "wrong", False, "does not match"),
    (P(3.0, meta_answer="3.000"), run_ok(3.002), "wrong", False, "does not match"),   # 3 decimals written
    (P(3.0, meta_answer="3.0"), run_ok(3.002), "verified", True, "matches"),
    (P({"x": 1.0, "y": 2.0}), run_ok(values={"x": 1.0, "y": 2.0}), "verified", True, "matches"),
    (P({"x": 1.0, "y": 2.0}), run_ok(1.0), "wrong", False, "different answer shape"),
    (P(2.0), run_ok(values={"area": 2.0, "side": 1.41}), "verified", True, "matches"),
    # the expected answer outranks the program's own symbolic claims
    (P(3.0), run_ok(3.0, checks=[Check("checksol", False, "bogus")]), "verified", True, "matches"),
])
def test_verify_statuses(problem, run, status, match, fragment) -> None:
    v = verify(problem, run)
    assert v.status == status
    assert v.expected_match is match
    assert fragment in v.message + " ".join(c["detail"] for c in v.checks)
    json.dumps(v.to_dict())


def test_verify_records_the_expected_check() -> None:
    v = verify(P(1628.89, 0.01), run_ok(1628.8946, checks=[Check("checksol", True, "fine")]))
    names = [c["name"] for c in v.checks]
    assert names == ["checksol", "expected answer"]
    assert v.checks[-1]["ok"] is True and "tolerance 0.01" in v.checks[-1]["detail"]


def test_verify_without_problem() -> None:
    assert verify(None, run_ok(1.0)).status == "plausible"


def test_verify_with_a_parsed_problem_uses_written_decimals() -> None:
    loose = parse_problem('---\nanswer: "0.125"\n---\nHow much?\n')
    strict = parse_problem('---\nanswer: "0.1250"\n---\nHow much?\n')
    assert verify(loose, run_ok(0.1254)).status == "verified"
    assert verify(loose, run_ok(0.1262)).status == "wrong"
    assert verify(strict, run_ok(0.1254)).status == "wrong"


# -- grounding: the problem's numbers vs the program's ------------------------------------------

LOAN = ("Maya is buying a used 2019 hatchback with 41,000 miles on the clock. The dealer's price is "
        "$18,500. She pays $3,500 down and finances the rest with a 5-year loan at 6.9% annual "
        "interest, compounded monthly.")
LOAN_OK = """price = 18500  # dealer's price [USD]
down = 3500  # down payment [USD]
rate = 0.069  # annual interest rate [1/year]
years = 5  # loan term [year]
periods = 12  # payments per year [1/year]
i = rate / periods
n = years * periods
answer = (price - down) * i / (1 - (1 + i) ** -n)
"""
LOAN_WRONG = """principal = 2019  # amount borrowed [USD]
rate = 0.069  # annual interest rate [1/year]
years = 5  # loan term [year]
i = rate / 12
answer = principal * i / (1 - (1 + i) ** -(years * 12))
"""


@pytest.mark.parametrize("text, program, unused, invented", [
    # a right program: only the irrelevant details are unused, nothing is made up
    (LOAN, LOAN_OK, ["2019", "41,000"], []),
    # the mistake the small model makes: a year as the principal, the price ignored
    (LOAN, LOAN_WRONG, ["41,000", "18,500", "3,500"], []),
    # a value the text never gives
    ("A 14.7 kg child gets 15 mg/kg, at most 1000 mg.",
     "weight = 14.7  # [kg]\ndose = 15  # [mg/kg]\nstock = 125  # drug per measure [mg]\nanswer = weight * dose / stock\n",
     ["1000"], ["stock = 125"]),
    # percentages, scale words, unit conversions and list literals all count as uses
    ("Sales of 1.2 million units grow 4.8% a year; a 4.7 kΩ resistor; data 15, 31, 14.",
     "n0 = 1200000  # units [1]\ng = 4.8  # growth [%]\nR = 4700  # [Ohm]\ndata = [15, 31, 14]\nanswer = n0 * g * R\n",
     [], []),
    # calendar counts and physical constants are conventions, not inventions; words are never "unused"
    ("Two balls are thrown up at 12 m/s.",
     "v0 = 12  # launch speed [m/s]\ng = 9.81  # gravitational acceleration [m/s^2]\nanswer = v0 / g\n", [], []),
    # "half an hour" gives 0.5; "1 in 500" gives 0.002
    ("The second train leaves half an hour later; 1 in 500 people are ill.",
     "delay = 0.5  # [h]\nprevalence = 0.002  # [1]\nanswer = delay * prevalence\n", [], []),
    # x100 is not a conversion: "470 µF" must not pass for "4.7 s"
    ("A 470 µF capacitor is read 4.7 s after switch-on.",
     "C_uF = 470  # [uF]\nanswer = C_uF * 2\n", ["4.7"], []),
    # a number written as a word gives itself, not a unit conversion of it: 2e-6 is no "double"
    ("With 10.1% annual interest, how many years does it take to double?",
     "rate = 0.000002  # [1/year]\nanswer = rate\n", ["10.1%"], ["rate = 2e-06"]),
    # a speed converts by 3.6 (m/s <-> km/h); nothing else does: 0.25 is no "90%" over 3.6
    ("The wind blows at 7 m/s at -15 °C.", "T_air = -15  # [°C]\nv = 25.2  # [km/h]\nanswer = v * T_air\n", [], []),
    # a speed in mph used in km/h (bind's rule 10f) or in m/s
    ("A ball is launched at 79 mph.", "v0_mph = 127.138176  # [km/h]\nanswer = v0_mph / 3.6\n", [], []),
    ("A ball is launched at 79 mph.", "v0 = 35.31616  # [m/s]\nanswer = v0\n", [], []),
    ("Absorbed at 2.5 per hour, 90% bioavailable.", "ka = 0.25  # [1/h]\nF = 0.9  # [1]\nanswer = ka * F\n",
     ["2.5"], ["ka = 0.25"]),
    # a unit constant (0.0254 m per inch) is no rate per year nor a percentage: 2.54% is made up
    ("A balance of 5,950 dollars at 24% interest a year.",
     "principal = 5950  # [$]\nrate = 0.0254  # [1/year]\nanswer = principal * rate\n", ["24%"], ["rate = 0.0254"]),
    ("A 12 inch pipe.", "inch = 0.0254  # metres per inch [m]\nd = 12  # [in]\nanswer = d * inch\n", [], []),
    # ... nor an amount of money: 0.0254 dollars per km is made up for "2.50 dollars per kilometre"
    ("A fare of 2.50 dollars per kilometre.", "rate = 0.0254  # [USD/km]\nanswer = rate\n", ["2.50"], ["rate = 0.0254"]),
    # ... nor a concentration: 2.54 mg/L is made up for "6.53 mg/L at 1 h", no inch
    ("Samples: 6.53 mg/L at 1 h.", "C1 = 2.54  # [mg/L]\nanswer = C1\n", ["6.53"], ["C1 = 2.54"]),
    # a reciprocal counts only for "1 in N": 0.125 is no "8 °C"
    ("Air at 8 °C with 66% relative humidity.", "T_air = 8  # [°C]\nRH = 0.125  # [%]\nanswer = RH\n", ["66%"],
     ["RH = 0.125"]),
    # a pure number converts no unit: 0.1389 is no "500" over 3,600
    # (the text's 500 still reads as used: a number of the text may be converted by a literal)
    ("1 in 500 people are ill.", "prevalence = 0.138888888889  # [1]\nanswer = prevalence\n", [],
     ["prevalence = 0.138889"]),
    # 2 and 3 may be counted from words, but a quotient of measures is no count: 3 L/min is made up
    ("Brine enters the first tank (300 L) at 20 L/min.",
     "volume1 = 300  # [L]\nflow = 3  # [L/min]\nanswer = volume1 / flow\n", ["20"], ["flow = 3"]),
    ("Today, Sunday, is rainy. How likely is rain on Tuesday?",
     "days = 2  # days ahead [day]\nrate = 3  # twice or thrice a year [1/year]\nanswer = days\n", [], []),
    # junk is data, not an exception
    ("Add 2 and 3.", "def (:\n", ["2", "3"], []),
])
def test_grounding(text: str, program: str, unused: list[str], invented: list[str]) -> None:
    from mathllm.verify import ground

    g = ground(text, program)
    assert g.unused == unused
    assert g.invented == invented
    assert g.clean == (not unused and not invented)
    assert (g.warnings() == []) == g.clean


def test_grounding_is_reported_but_never_changes_the_verdict() -> None:
    v = verify(Problem(text=LOAN), run_ok(39.88), LOAN_WRONG)
    assert v.status == "plausible"
    assert v.warnings == ["the program does not use 41,000, 18,500, 3,500 from the problem (fine if irrelevant)"]
    d = v.to_dict()
    assert d["grounding"]["unused"] == ["41,000", "18,500", "3,500"] and d["grounding"]["warnings"] == v.warnings
    assert verify(Problem(text=LOAN), run_ok(39.88)).grounding is None  # no program, no grounding


def test_reference_programs_are_rarely_flagged_as_making_up_values() -> None:
    """Every solved problem of the bank is right: "values not given" there is a false alarm."""
    from mathllm.retrieve import BANK_PATH
    from mathllm.verify import ground

    recs = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [r["family"] for r in recs if ground(r["problem"], r["program"]).invented]
    assert len(recs) > 500
    assert len(flagged) <= 0.03 * len(recs), flagged
