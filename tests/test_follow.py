"""Stage 3a, follow: a program with the shown example's parameters keeps the example's statements."""

from __future__ import annotations

import pytest

from mathllm.follow import Followed, follow, skeleton
from mathllm.problem import Problem
from mathllm.prompt import Example
from mathllm.report import to_dict, warnings_of
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
    assert to_dict(res)["attempts"][0]["followed"] == {"example": 0, "replaced": ["prob = binom.sf(k, days, p_rain)"]}


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
