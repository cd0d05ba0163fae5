"""Stage 3a, follow: a program with the shown example's parameters keeps the example's statements."""

from __future__ import annotations

import pytest

from mathllm.bind import bind
from mathllm.follow import Followed, follow, skeleton
from mathllm.problem import Problem
from mathllm.prompt import Example
from mathllm.report import to_dict, warnings_of
from mathllm.run import run_program
from mathllm.solve import SolveOptions, solve
from tests.fakes import ScriptedGenerator

#: The example the retrieval showed for an "at most" question, and what the adapter wrote from it
#: (an evaluation item: right parameters, ``binom.sf`` where the example has ``binom.cdf``).
RAIN = ("What is the probability of at most 3 wet days during a harvest week of 12 days, if each day "
        "independently has a rain probability of 35%?")
EXAMPLE = Example(
    "Nadia has booked a sailing holiday lasting 11 days. The forecast puts the chance of rain at 60% each "
    "day, and the days can be treated as independent. What is the probability that at most 4 of the 11 "
    "days are rainy?",
    """from scipy.stats import binom

p_rain = 0.6  # probability of rain on one day [1]
days = 11  # number of days [day]
k = 4  # number of rainy days (at most) [day]

prob = binom.cdf(k, days, p_rain)
answer = float(prob)
""")
WROTE = """from scipy.stats import binom

p_rain = 0.35  # probability of rain on one day [1]
days = 12  # number of days [day]
k = 3  # number of wet days (at most) [day]

prob = binom.sf(k, days, p_rain)
answer = float(prob)
"""
OTHER = Example("A cup of coffee at 90 C cools in a room at 20 C.", "T0 = 90  # start [°C]\nanswer = T0\n")


def test_the_examples_statements_come_back_with_the_models_parameter_lines() -> None:
    out, done = follow(WROTE, [OTHER, EXAMPLE])
    assert out == WROTE.replace("binom.sf", "binom.cdf")  # the model's values and comments stay
    assert done == Followed(example=1, replaced=["prob = binom.sf(k, days, p_rain)"])
    assert str(done) == ("kept the solved example's computation: the program had its parameters but changed "
                         "its statements (prob = binom.sf(k, days, p_rain))")


@pytest.mark.parametrize("program", [
    WROTE.replace("binom.sf", "binom.cdf"),                       # already the example's statements
    WROTE.replace("k = 3", "k = 3\nextra = 2  # another day count [day]"),  # other parameters: another shape
    WROTE.replace("k = 3  # number of wet days (at most) [day]\n", ""),    # a parameter dropped
    WROTE.replace("p_rain = 0.35  # probability of rain on one day [1]\ndays = 12",
                  "p_rain = 0.35; days = 12"),                       # two parameters on one line
    "this is not python (",
    "answer = 42\n",                                              # no parameters
    "",
])
def test_other_programs_are_left_alone(program: str) -> None:
    assert follow(program, [EXAMPLE]) == (program, None)


DROPPED = WROTE.replace("k = 3  # number of wet days (at most) [day]\n", "")


def test_a_dropped_parameter_comes_back_with_the_number_beside_its_words() -> None:
    # "at most 3 wet days": the one number no parameter uses, with "most" and "days" around it
    out, done = follow(DROPPED, [EXAMPLE], RAIN)
    assert "k = 3  # number of rainy days (at most) [day]" in out and "binom.cdf" in out
    assert done == Followed(example=0, replaced=["prob = binom.sf(k, days, p_rain)"],
                            added=['k = 3 (from "3" in the problem)'])
    assert str(done).startswith("the program used the example's parameters but dropped k = 3")


def test_solve_runs_the_completed_program() -> None:
    res = solve(Problem(text=RAIN), Tuned([DROPPED]), SolveOptions(repairs=0), examples=[EXAMPLE])
    assert res.answer.value == pytest.approx(0.34665269617867067)
    assert res.best.followed.added == ['k = 3 (from "3" in the problem)']


@pytest.mark.parametrize("text", [
    "",                                                                   # no text: nothing to go by
    RAIN.replace("at most 3 wet days", "at most a few wet days"),        # no free number
    RAIN + " The week before, at most 5 wet days were forecast.",        # two free numbers fit alike
    RAIN.replace("at most 3 wet days", "no more than 3 of them"),        # a free number without its words
])
def test_a_dropped_parameter_without_a_clear_number_is_left_alone(text: str) -> None:
    assert follow(DROPPED, [EXAMPLE], text) == (DROPPED, None)


def test_a_dropped_parameter_that_is_not_used_is_another_shape() -> None:
    other = DROPPED.replace("prob = binom.sf(k, days, p_rain)", "prob = binom.sf(2, days, p_rain)")
    assert follow(other, [EXAMPLE], RAIN) == (other, None)


def test_a_dropped_convention_keeps_the_examples_value() -> None:
    # the example's text says "monthly", not 12: its value is a convention, not a given
    example = Example("Tom deposits 1,000 dollars at 6% a year compounded monthly. What is the balance after 3 years?",
                      "principal = 1000  # deposit [USD]\nrate = 0.06  # annual rate [1/year]\n"
                      "periods_per_year = 12  # compounding periods per year [1/year]\nyears = 3  # term [year]\n\n"
                      "answer = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)\n")
    wrote = ("principal = 2500  # deposit [USD]\nrate = 0.04  # annual rate [1/year]\nyears = 5  # term [year]\n\n"
             "answer = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)\n")
    text = "Ann puts 2,500 dollars in an account paying 4% a year, compounded monthly. Find the balance after 5 years."
    out, done = follow(wrote, [example], text)
    assert "periods_per_year = 12  # compounding periods" in out and "principal = 2500" in out
    assert done.added == ["periods_per_year = 12 (the example's value, which its text does not state)"]
    assert done.replaced == []


def test_without_examples_nothing_happens() -> None:
    assert follow(WROTE, []) == (WROTE, None)


def test_parameters_may_come_in_another_order() -> None:
    swapped = WROTE.replace("p_rain = 0.35  # probability of rain on one day [1]\ndays = 12  # number of days [day]",
                            "days = 12  # number of days [day]\np_rain = 0.35  # probability of rain on one day [1]")
    out, done = follow(swapped, [EXAMPLE])
    assert done is not None
    assert "p_rain = 0.35  # probability" in out and "days = 12  # number" in out and "binom.cdf" in out
    assert out.index("p_rain") < out.index("days = 12")  # the example's order


def test_skeleton_hides_values_and_comments() -> None:
    assert skeleton(WROTE) == ["from scipy.stats import binom", "p_rain = ?", "days = ?", "k = ?",
                               "prob = binom.sf(k, days, p_rain)", "answer = float(prob)"]


class Tuned(ScriptedGenerator):
    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.info = dict(self.info, tuned=True)


def test_solve_follows_for_an_adapter_and_reports_it() -> None:
    res = solve(Problem(text=RAIN), Tuned([WROTE]), SolveOptions(repairs=0), examples=[EXAMPLE])
    assert res.answer.value == pytest.approx(0.34665269617867067)  # binom.cdf(3, 12, 0.35)
    assert res.best.followed is not None and "binom.cdf" in res.best.program
    assert warnings_of(res)[0].startswith("kept the solved example's computation")
    assert to_dict(res)["attempts"][0]["followed"] == {"example": 0, "replaced": ["prob = binom.sf(k, days, p_rain)"],
                                                      "added": [], "dropped": [], "converted": [], "renamed": []}


@pytest.mark.parametrize("generator, options, follows", [
    (ScriptedGenerator, SolveOptions(repairs=0), False),           # an untuned model's rewrite may be meant
    (ScriptedGenerator, SolveOptions(repairs=0, follow=True), True),
    (Tuned, SolveOptions(repairs=0, follow=False), False),
])
def test_follow_is_on_for_adapters_unless_asked(generator, options: SolveOptions, follows: bool) -> None:
    asked = options.follow
    res = solve(Problem(text=RAIN), generator([WROTE]), options, examples=[EXAMPLE])
    assert (res.best.followed is not None) is follows
    assert ("binom.cdf" in res.best.program) is follows
    assert options.follow is asked  # the caller's options are not changed


# ---- data lines: the model's lists are the problem's data, never replaced by the example's -----

TREND_EXAMPLE = Example("Rainfall in mm for 2008-2014: ... What does a linear trend predict for 2015?", """\
import numpy as np

years = np.array([2008, 2009, 2010, 2011, 2012, 2013, 2014])  # observation years [year]
values = np.array([1309, 1301, 1288, 1282, 1276, 1267, 1254])  # annual rainfall [mm]
target_year = 2015  # year to extrapolate to [year]

slope, intercept = np.polyfit(years, values, 1)
prediction = slope * target_year + intercept
answer = float(prediction)
""")
#: The adapter's program for a held-out phrasing (run eval-s10-ph41, item 196) before follow:
#: the problem's data, another computation (a quadratic fit, one data line over two lines).
TREND_MODEL = """\
import numpy as np

years = np.array([1970, 1975, 1980, 1985,
                  1990, 1995, 2000, 2005])  # observation years [year]
values = np.array([80, 74, 70, 69, 68, 67, 59, 61])  # frost days [day]
target_year = 2015  # year to extrapolate to [year]

slope, intercept = np.polyfit(years, values, 2)
answer = slope * target_year + intercept
"""


def test_data_lines() -> None:
    from mathllm.follow import data_lines

    assert data_lines(TREND_MODEL) == {"years": (3, 4), "values": (5, 5)}
    assert data_lines("temps = [21.5, 19]\nw = {'Mon': 38, 'Tue': 41}\nn = 3\nx = [1]\nanswer = 1\n") == {
        "temps": (1, 1), "w": (2, 2)}
    assert data_lines("a = [1, 2]\na = [3, 4]\nanswer = a\n") == {}  # reassigned: not data
    assert data_lines("answer = [1, 2]\n") == {} and data_lines("not python (") == {}
    # a matrix of ones and zeros is the model's structure (who ships where), not the text's data;
    # one with the text's numbers is data, and so is a flat list of ones and zeros
    assert data_lines("A_eq = [[1, 0, 1, 0], [0, 1, 0, 1]]\nA_ub = [[2, 3], [4, 1]]\nrain = [1, 0, 1]\n") == {
        "A_ub": (2, 2), "rain": (3, 3)}


def test_a_transport_program_whose_demand_rows_lost_one_takes_the_examples() -> None:
    # what the default adapter wrote (held-out phrasing, seed 76): the example's parameters, and an
    # A_eq with two of its three rows (linprog: "the number of rows in A_eq must equal ...")
    from mathllm.prompt import Example

    rows = "[[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]]"
    params = "".join(f"cost_{a}_{b} = {i + 2}  # [USD/unit]\n" for i, (a, b) in enumerate(
        (a, b) for a in ("north", "south") for b in "abc"))
    params += "demand_a = 45  # [units]\ndemand_b = 100  # [units]\ndemand_c = 90  # [units]\n"
    model = ("c = [cost_north_a, cost_north_b, cost_north_c, cost_south_a, cost_south_b, cost_south_c]\n"
             "A_eq = {rows}  # demands met exactly\nb_eq = [demand_a, demand_b, demand_c]\nanswer = len(A_eq)\n")
    example = Example("a transport problem", params + model.format(rows=rows))
    mine = params + model.format(rows="[[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0]]")
    new, followed = follow(mine, [example], "")
    assert followed is not None and rows in new


def test_follow_keeps_the_models_data_and_takes_the_examples_computation() -> None:
    new, followed = follow(TREND_MODEL, [TREND_EXAMPLE], "")
    assert followed is not None
    assert "[1970, 1975, 1980, 1985,\n                  1990, 1995, 2000, 2005]" in new
    assert "[80, 74, 70, 69, 68, 67, 59, 61]" in new and "2008" not in new and "1309" not in new
    assert "np.polyfit(years, values, 1)" in new and new.rstrip().endswith("answer = float(prediction)")
    ns: dict = {}
    exec(new, ns)  # noqa: S102 - our own program text
    assert ns["answer"] == pytest.approx(54.2262, abs=1e-3)  # the problem's own trend, 2015


def test_same_computation_with_other_data_is_left_alone() -> None:
    mine = TREND_EXAMPLE.program.replace("2008, 2009", "1990, 1991").replace("1309, 1301", "80, 74")
    assert follow(mine, [TREND_EXAMPLE], "") == (mine, None)


def test_an_example_whose_data_the_program_lacks_is_not_followed() -> None:
    """Following would put the example's readings in place of the problem's."""
    mine = "import numpy as np\n\ntarget_year = 2015  # year to extrapolate to [year]\nanswer = target_year * 2\n"
    assert follow(mine, [TREND_EXAMPLE], "") == (mine, None)


# -- a program the model did not finish (cut_off, and solve letting the model go on) -----------------

TREND_TEXT = ("What number of frost days does a linear least-squares trend predict for Graz in 2010, and what "
              "is the trend per decade, based on these records: 1992: 70, 1993: 71, 1994: 68, 1995: 69, "
              "1996: 69, 1997: 68 (days)?")
#: what the default adapter wrote for it: the readings run on to the token limit
RUN_ON = ("import numpy as np\n\nyears = np.array([1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, "
          "2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010])  # observation years [year]\nvalues = np.array([70, 71, "
          "68, 69, 69, 68" + ", 68" * 150 + ", 6")
TREND_REST = ("target_year = 2010  # year to extrapolate to [year]\n\nslope, intercept = np.polyfit(years, values, 1)\n"
              "prediction = slope * target_year + intercept\n"
              "answer = {\"trend_per_decade\": float(slope * 10), \"prediction\": float(prediction)}\n")


@pytest.mark.parametrize("program, closed, note", [
    # a data line that ran on: closed after its last whole number (the cut-off "6" is dropped)
    (RUN_ON, RUN_ON.rsplit(", 6", 1)[0] + "])\n", "closed its data line"),
    ("a = 1  # a [m]\nxs = [1, 2, 3, 3, 3", "a = 1  # a [m]\nxs = [1, 2, 3, 3]\n", "closed its data line"),
    # a statement cut in the middle: dropped
    ("c = 2  # cost [USD]\nA = [[1, 1], [0, 1]]\nres = linprog(c, A_ub=A, b_ub=b_",
     "c = 2  # cost [USD]\nA = [[1, 1], [0, 1]]\n", "dropped its unfinished last statement (line 3)"),
])
def test_a_program_cut_off_at_the_token_limit_is_closed(program: str, closed: str, note: str) -> None:
    from mathllm.follow import cut_off

    out, why = cut_off(program)
    assert out == closed
    assert why == f"the model's program stops before its end (the token limit); {note}"


@pytest.mark.parametrize("program", [
    "a = 1  # a [m]\nanswer = a * 2\n",                   # finished
    "a = 1  # a [m]\nb = (a +\nanswer = a\n",            # a mistake inside, not an end it did not reach
    "a = 1  # a [m]\nanswer = a +* 2\n",                 # a syntax error that is no open bracket
    "import numpy as np\nxs = np.array([1",             # nothing of the problem left
])
def test_other_programs_are_not_cut(program: str) -> None:
    from mathllm.follow import cut_off

    assert cut_off(program) == (program, None)


def test_solve_lets_the_model_go_on_after_its_data_line_is_closed() -> None:
    gen = ScriptedGenerator([RUN_ON, TREND_REST])
    res = solve(Problem(text=TREND_TEXT, answer={"trend_per_decade": -4.285714285712819,
                                                 "prediction": 62.52380952381179}),
                generator=gen, options=SolveOptions(examples=0))
    assert res.verdict == "verified"
    # the model is shown its own start, closed and cut to the text's six years and readings
    assert gen.calls[1][0][0].endswith("years = np.array([1992, 1993, 1994, 1995, 1996, 1997])  # observation "
                                       "years [year]\nvalues = np.array([70, 71, 68, 69, 69, 68])\n")
    assert warnings_of(res)[0] == ("the model's program stops before its end (the token limit); closed its data "
                                   "line; years cut to the text's 6 numbers; values cut to the text's 6 numbers; "
                                   "the model went on from there")
    assert to_dict(res)["attempts"][0]["cut"] == warnings_of(res)[0]


def test_a_continuation_that_runs_on_again_leaves_the_closed_program() -> None:
    gen = ScriptedGenerator([RUN_ON, "target_year = 2010  # year [year]\nmore = [1, 2, 2, 2, 2"])
    res = solve(Problem(text=TREND_TEXT), generator=gen, options=SolveOptions(examples=0))
    att = res.attempts[0]
    assert att.program.endswith("values = np.array([70, 71, 68, 69, 69, 68])\n")
    assert att.cut is not None and "went on" not in att.cut
    assert not att.ok  # no answer: the check says so, as for any program without one


WIND = Example("The air temperature is 26 °F and the wind blows at 33 mph. Using the NWS wind chill formula, what is "
               "the wind chill temperature?",
               "T_air = 26  # air temperature [°F]\nv = 33  # wind speed at 10 m height [mph]\n\n"
               "T_wc = 35.74 + 0.6215 * T_air - 35.75 * v**0.16 + 0.4275 * T_air * v**0.16\nanswer = float(T_wc)\n")
CHILL = ("How cold does it feel at the harbour wall — what wind chill temperature does the NWS wind chill formula "
         "give — when the thermometer shows 14 °F and the wind is 15 mph?")
EXTRAS = ("T_air = 14  # air temperature [°F]\nv = 15  # wind speed at 10 m height [mph]\n\n"
          "wind_chill = 0.621  # wind chill [°F]\nT_cold = 14  # cold [°F]\nT_warm = 0  # warm [°F]\n\n"
          "T_cold_feels = T_air - T_cold * v\nanswer = float(T_cold_feels)\n")


def test_extra_parameters_of_no_data_do_not_stop_the_example() -> None:
    out, done = follow(EXTRAS, [WIND], CHILL)
    assert "T_wc = 35.74" in out and "wind_chill" not in out and "T_air = 14  # air" in out
    assert done.dropped == ["wind_chill = 0.621", "T_cold = 14", "T_warm = 0"]
    assert done.replaced == ["T_cold_feels = T_air - T_cold * v", "answer = float(T_cold_feels)"]
    assert str(done).startswith("kept the solved example's computation: the program had its parameters and others")


GUSTS = CHILL.replace("15 mph?", "15 mph, gusting to 40 mph?")


def test_an_extra_parameter_with_a_number_of_the_text_keeps_the_program() -> None:
    program = EXTRAS.replace("wind_chill = 0.621  # wind chill [°F]", "gust = 40  # gust speed [mph]")
    assert follow(program, [WIND], GUSTS) == (program, None)


def test_an_extra_parameter_repeating_a_kept_value_is_no_data() -> None:
    program = EXTRAS.replace("wind_chill = 0.621  # wind chill [°F]", "gust = 15  # gust speed [mph]")
    out, done = follow(program, [WIND], GUSTS)
    assert done is not None and done.dropped[0] == "gust = 15" and "gust" not in out


def test_extra_parameters_with_a_dropped_one_are_left_alone() -> None:
    program = EXTRAS.replace("v = 15  # wind speed at 10 m height [mph]\n", "")
    assert follow(program, [WIND], CHILL) == (program, None)


#: The Environment Canada formula wants km/h; the model kept the example's formula and wrote the
#: text's m/s (new kinds, seed 7: 5 of 6 wind-chill programs wrong this way).
CANADA = Example("The air temperature is -6 °C and the wind blows at 60 km/h. Using the North American "
                 "(Environment Canada) wind chill formula, what is the wind chill temperature?",
                 "T_air = -6  # air temperature [°C]\nv = 60  # wind speed at 10 m height [km/h]\n\n"
                 "wind_chill = 13.12 + 0.6215 * T_air - 11.37 * v ** 0.16 + 0.3965 * T_air * v ** 0.16\n"
                 "answer = float(wind_chill)\n")
FROZEN = ("How cold does it feel at the frozen lake — what wind chill temperature does the North American "
          "(Environment Canada) wind chill formula give — when the thermometer shows -15 °C and the wind is 7 m/s?")
IN_MS = CANADA.program.replace("-6  #", "-15  #").replace("v = 60  # wind speed at 10 m height [km/h]",
                                                           "v = 7  # wind speed at m height [m/s]")


def test_a_value_in_another_unit_takes_the_unit_of_the_examples_computation() -> None:
    out, done = follow(IN_MS, [CANADA], FROZEN)
    assert "v = 25.2  # wind speed at m height [km/h]\n" in out and "T_air = -15  #" in out
    assert done is not None and done.replaced == [] and done.converted == ["v = 7 m/s as 25.2 km/h"]
    assert str(done) == ("kept the solved example's computation and put v = 7 m/s as 25.2 km/h: the unit the "
                         "example's computation works in, where the model had kept the text's")
    # also where the model changed the example's statements, which come back
    out, done = follow(IN_MS.replace("13.12 +", "11.00 +"), [CANADA], FROZEN)
    assert "13.12 +" in out and "v = 25.2  #" in out and str(done).endswith("where the model had kept the text's")


def test_solve_computes_the_examples_formula_in_its_units() -> None:
    res = solve(Problem(text=FROZEN), Tuned([IN_MS]), SolveOptions(repairs=0), examples=[CANADA])
    kmh = 25.2
    assert res.answer.value == pytest.approx(13.12 + 0.6215 * -15 - 11.37 * kmh ** 0.16 + 0.3965 * -15 * kmh ** 0.16)
    assert not any("not given" in w for w in warnings_of(res))  # 25.2 km/h is the text's 7 m/s


def test_a_value_the_text_does_not_write_in_that_unit_only_changes_its_comment() -> None:
    # the comment was wrong: the text writes 7 in km/h
    out, done = follow(IN_MS, [CANADA], FROZEN.replace("7 m/s", "7 km/h"))
    assert "v = 7  # wind speed at m height [km/h]\n" in out and done.converted == ["v in km/h, not m/s"]
    # a made-up 60 m/s stays for the bind stage, which now reads km/h: "6 m/s" is 21.6 km/h
    six = FROZEN.replace("7 m/s", "6 m/s")
    out, done = follow(IN_MS.replace("v = 7", "v = 60"), [CANADA], six)
    assert "v = 60  # wind speed at m height [km/h]\n" in out
    assert "v = 21.6  #" in bind(six, out)[0]


@pytest.mark.parametrize("program, text", [
    (IN_MS.replace("[m/s]", "[knot]"), FROZEN.replace("m/s", "knots")),     # no factor bind knows
    (IN_MS.replace("[m/s]", "[km/h]"), FROZEN.replace("m/s", "km/h")),      # the example's unit
])
def test_units_stay_without_the_evidence(program: str, text: str) -> None:
    out, done = follow(program, [CANADA], text)
    assert out == program and done is None


def test_a_speed_in_mph_takes_the_examples_km_per_hour() -> None:
    # since 2026-12-06 bind knows US customary units: 7 mph is 11.265408 km/h
    out, done = follow(IN_MS.replace("[m/s]", "[mph]"), [CANADA], FROZEN.replace("m/s", "mph"))
    assert "v = 11.265408  # wind speed at m height [km/h]\n" in out
    assert done is not None and done.converted == ["v = 7 mph as 11.2654 km/h"]


def test_only_a_formula_with_a_fractional_power_is_tied_to_its_units() -> None:
    # a computation that works in any consistent units keeps the model's (area in cm², length in cm)
    example = Example("A rectangular floor has an area of 240 m². Its length is 8 m more than its width. "
                      "What is its width?",
                      "import sympy as sp\n\narea = 240  # area [m^2]\nextra = 8  # longer than wide [m]\n\n"
                      "w = sp.symbols(\"w\", positive=True)\nanswer = sp.solve(sp.Eq(w * (w + extra), area), w)[0]\n")
    program = example.program.replace("240  # area [m^2]", "97500  # area [cm^2]").replace("8  # longer than wide [m]",
                                                                                          "110  # longer than wide [cm]")
    text = "A poster has an area of 97,500 cm². Its length is 110 cm more than its width. What is its width?"
    assert follow(program, [example], text) == (program, None)


PUMP = Example("Nurse Dara hangs 1,500 mL of dextrose-saline that has to run in over 3 hours. At what rate, in mL/h, "
               "should Dara program the pump?",
               "volume = 1500  # volume to infuse [mL]\nhours = 3  # infusion time [h]\n\n"
               "rate_ml_h = volume / hours  # [mL/h]\nanswer = float(rate_ml_h)\n")
LITRE = "volume = 1  # volume to infuse [L]\nhours = 8  # infusion time [h]\n\nrate_ml_h = volume / hours  # [mL/h]\nanswer = float(rate_ml_h)\n"


def test_both_questions_asking_one_unit_put_the_parameters_in_the_examples_units() -> None:
    # new kinds, seed 7: 1 L in 8 hours read as 0.125 mL/h
    out, done = follow(LITRE, [PUMP], "What pump rate, in mL/h, infuses 1 L of dextrose-saline in 8 hours?")
    assert out.startswith("volume = 1000  # volume to infuse [mL]\n") and done.converted == ["volume = 1 L as 1000 mL"]


@pytest.mark.parametrize("text, program", [
    ("What pump rate, in L/h, infuses 1 L of dextrose-saline in 8 hours?", LITRE),     # another unit asked
    ("What pump rate infuses 1 L of dextrose-saline in 8 hours?", LITRE),              # none asked
    # one parameter does not convert (°F): none does
    ("What pump rate, in mL/h, infuses 1 L in 8 hours at 70 °F?",
     LITRE.replace("hours = 8  # infusion time [h]\n", "hours = 8  # infusion time [h]\nT = 70  # temperature [°F]\n")),
])
def test_other_questions_keep_the_models_units(text: str, program: str) -> None:
    example = PUMP if "T = 70" not in program else Example(
        PUMP.problem, PUMP.program.replace("hours = 3  # infusion time [h]\n",
                                           "hours = 3  # infusion time [h]\nT = 20  # temperature [°C]\n"))
    assert follow(program, [example], text) == (program, None)


#: The Magnus formula's zero is that of the Celsius scale: "69 °F" is 20.56 in it.
MAGNUS = Example("The dew point is -6 °C at sunrise; by the afternoon the air has warmed to 11 °C. Going by the Magnus "
                 "formula, what is the relative humidity then?",
                 "import math\n\nT_dew = -6  # dew point [°C]\nT_afternoon = 11  # afternoon air temperature [°C]\n\n"
                 "e_sat = 6.112 * math.exp(17.62 * T_afternoon / (243.12 + T_afternoon))\n"
                 "e_act = 6.112 * math.exp(17.62 * T_dew / (243.12 + T_dew))\n"
                 "answer = float(100 * e_act / e_sat)\n")
ORCHARD = ("What will the relative humidity be at the orchard when the air warms to 69 °F during the day and the dew "
           "point stays at 65 °F, going by the Magnus vapour-pressure formula?")
IN_F = MAGNUS.program.replace("-6  # dew point [°C]", "65  # dew point [°F]").replace(
    "11  # afternoon air temperature [°C]", "69  # afternoon air temperature [°F]")


def test_a_temperature_takes_the_scale_of_a_formula_that_adds_to_it() -> None:
    out, done = follow(IN_F, [MAGNUS], ORCHARD)
    assert "T_dew = 18.3333333333  # dew point [°C]\n" in out
    assert done.converted == ["T_dew = 65 °F as 18.3333 °C", "T_afternoon = 69 °F as 20.5556 °C"]
    assert run_program(out).answer.value == pytest.approx(87.1024, rel=1e-5)


@pytest.mark.parametrize("text", [
    # a temperature asked comes out in the inputs' scale: converting them would change its scale
    "With the Magnus formula, what is the dew point when it is 69 °F and the humidity is 65%?",
    "At what temperature will dew form at the orchard, where it is 69 °F and the humidity 65%?",
])
def test_a_temperature_asked_keeps_the_scale_of_its_inputs(text: str) -> None:
    out, done = follow(IN_F, [MAGNUS], text)
    assert "65  # dew point [°F]" in out and not (done and done.converted)


WIND_CHILL = Example(
    "The air temperature is 26 °F and the wind blows at 33 mph. Using the NWS wind chill formula, what is the "
    "wind chill temperature?",
    "T_air = 26  # air temperature [°F]\nv = 33  # wind speed at 10 m height [mph]\n\n"
    "wind_chill = 35.74 + 0.6215 * T_air - 35.75 * v ** 0.16 + 0.4275 * T_air * v ** 0.16\n"
    "answer = float(wind_chill)\n")
#: what the adapter wrote: the temperature renamed, and a formula that forgot it
RENAMED = ("T_cold = 20  # cold [°F]\nv = 25  # wind speed at 10 m height [mph]\n"
           "wind_chill = 30.0 + 0.6215 * v ** 0.16 + 0.4275 * v ** 0.16\nanswer = float(wind_chill)\n")
CHILLY = ("How cold does it feel at the frozen lake — what wind chill temperature does the NWS wind chill formula "
          "give — when the thermometer shows 20 °F and the wind is 25 mph?")


def test_a_parameter_renamed_and_forgotten_is_followed_under_the_examples_name() -> None:
    out, done = follow(RENAMED, [WIND_CHILL], CHILLY)
    assert out.startswith("T_air = 20  # cold [°F]\nv = 25")
    assert "35.74 + 0.6215 * T_air" in out
    assert run_program(out).answer.value == pytest.approx(2.646116274465312)
    assert done.renamed == ["T_cold as T_air"] and "(the model named T_cold as T_air)" in str(done)


@pytest.mark.parametrize("program", [
    # the program computes with its own name: another computation, left alone
    RENAMED.replace("30.0 + 0.6215 * v", "35.74 + 0.6215 * T_cold - 35.75 * v"),
    # the extra parameter is of another unit
    RENAMED.replace("# cold [°F]", "# cold [°C]"),
    # two parameters renamed
    RENAMED.replace("v = 25", "speed = 25").replace("* v **", "* speed **"),
])
def test_a_renamed_parameter_is_not_followed_where_the_program_uses_it_or_units_differ(program: str) -> None:
    assert follow(program, [WIND_CHILL], CHILLY) == (program, None)
