"""Target stage: answer what the text asks where the program answers what the example asked."""

from __future__ import annotations

import math

import pytest

from mathllm.prompt import Example
from mathllm.quantities import find_numbers
from mathllm.run import run_program
from mathllm.target import target

BALANCE = ("principal = 1000  # initial deposit [CHF]\nrate = 0.065  # nominal annual interest rate [1/year]\n"
           "periods_per_year = 2  # compounding periods per year [1/year]\nyears = 24  # investment period [year]\n\n"
           "balance = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)\n")
INTEREST = BALANCE + "interest = balance - principal\nanswer = float(interest)\n"
ASKS_INTEREST = Example("Compute A = P(1 + r/m)^(mt) for P = 2,500 EUR, r = 1.5% and t = 23 years, compounded "
                        "twice a year, and give the interest A - P.", INTEREST)
ASKS_BALANCE = Example("Compute A = P(1 + r/m)^(mt) for P = 25,000 EUR, r = 3.25% and t = 17 years, with "
                       "semi-annual compounding.", BALANCE + "answer = float(balance)\n")

WORTH = "After 24 years, what is 1,000 CHF worth in a savings product that pays 6.5% annually, compounded twice a year?"
EARNED = ("After 24 years, how much interest has 1,000 CHF earned in a savings product that pays 6.5% annually, "
          "compounded twice a year?")


def answer(program: str) -> float:
    return run_program(program).answer.value


def test_the_balance_asked_where_the_example_asked_the_interest() -> None:
    out, done = target(INTEREST, ASKS_INTEREST, WORTH)
    assert out.endswith("answer = float(balance)\n") and "interest = balance - principal" in out
    assert answer(out) == pytest.approx(4642.189829624565)
    assert (done.old, done.new) == ("answer = float(interest)", "answer = float(balance)")
    assert "the example asked for interest" in str(done)


def test_the_interest_asked_where_the_example_asked_the_balance() -> None:
    out, done = target(BALANCE + "answer = float(balance)\n", ASKS_BALANCE, EARNED)
    assert out.endswith("answer = float(balance - principal)\n")
    assert answer(out) == pytest.approx(4642.189829624565 - 1000)
    assert done.new == "answer = float(balance - principal)"


@pytest.mark.parametrize("text", [
    ("How much will a deposit of 500 CHF grow to in 21 years when the bank pays 5% a year and adds the interest "
    "at the end of each year?"),
    ("After 19 years, what is 5,000 CHF worth in a savings product that pays 7.8% annually, with interest credited "
    "every day of a 365-day year?"),
    "What will 1,000 CHF be worth after 24 years at an interest rate of 6.5%, compounded twice a year?",
    "What is 1,000 CHF worth after 24 years, when money earns 6.5% a year, compounded twice a year?",
])
def test_words_that_say_how_interest_is_paid_do_not_ask_for_it(text: str) -> None:
    out, done = target(INTEREST, ASKS_INTEREST, text)
    assert out.endswith("answer = float(balance)\n") and done is not None


@pytest.mark.parametrize("program, example, text", [
    (INTEREST, ASKS_INTEREST, EARNED),                              # both ask the interest
    (BALANCE + "answer = float(balance)\n", ASKS_BALANCE, WORTH),   # both the balance
    (BALANCE + "answer = float(balance)\n", ASKS_INTEREST, EARNED),  # the example asked the gain too
    (INTEREST, ASKS_INTEREST, WORTH.replace("worth", "worth, and how much did it earn")),  # "earn": a gain
    (INTEREST, ASKS_INTEREST, ("How much interest will 1,000 CHF earn in 24 years when the bank adds the interest "
                              "twice a year?")),                      # asked, beside how it is paid
    ("x = 3  # [m]\nanswer = x * 2\n", ASKS_INTEREST, WORTH),        # no quantity to answer instead
    ("answer = (\n    1 + 2\n)\n", ASKS_INTEREST, WORTH),                  # not one answer line
])
def test_nothing_moves_where_the_questions_agree_or_the_program_has_no_other_quantity(program: str,
                                                                                       example: Example,
                                                                                       text: str) -> None:
    assert target(program, example, text) == (program, None)


TANKS = ("from scipy.integrate import solve_ivp\n\nvolume1 = 500  # liquid in tank 1, constant [L]\n"
         "volume2 = 400  # liquid in tank 2, constant [L]\nS1_0 = 0  # initial salt in tank 1 [kg]\n"
         "S2_0 = 0  # initial salt in tank 2 [kg]\nc_in = 0.04  # salt concentration of the inflow [kg/L]\n"
         "flow = 20  # flow rate into, between and out of the tanks [L/min]\nt_query = 36  # time of interest [min]\n\n\n"
         "def rhs(t, y):\n    S1, S2 = y\n    return [c_in * flow - flow * S1 / volume1, flow * S1 / volume1 - flow * S2 / volume2]\n\n\n"
         "sol = solve_ivp(rhs, (0, t_query), [S1_0, S2_0], rtol=1e-10, atol=1e-12)\n"
         "answer = float(sol.y[1, -1])  # salt in tank 2 [kg]\n")
SECOND = Example("Chen runs a two-stage brining line at a pickle factory: a 1,000 L vat overflows into a 300 L vat. "
                 "At first both vats hold only fresh water. Brine with 0.1 kg/L of salt is pumped into the first vat "
                 "at 15 L/min; the stirred overflow passes into the second vat, which discharges at the same 15 L/min. "
                 "What is the amount of salt (kg) in the second vat after 127 minutes?", TANKS)
FIRST = ("How much salt, in kg, does the first of two tanks in series hold after 36 minutes, if brine of 40 g/L "
         "enters the first (500 L) at 20 L/min, the mixed liquid flows on into the second (400 L) at the same rate "
         "and leaves from there, and both start as pure water?")


def test_the_tank_the_question_names_first() -> None:
    out, done = target(TANKS, SECOND, FIRST)
    assert out.endswith("answer = float(sol.y[0, -1])  # salt in tank 1 [kg]\n")
    assert answer(out) == pytest.approx(15.261444826332596, rel=1e-6)
    assert "asks about the first, the example about the second" in done.reason


def test_the_tank_named_by_its_number() -> None:
    # the example names its tank by a number ("in tank 2"), the question by an ordinal
    numbered = Example("Find the amount of salt (kg) in tank 2 after 54 minutes.", TANKS)
    out, done = target(TANKS, numbered, FIRST)
    assert out.endswith("answer = float(sol.y[0, -1])  # salt in tank 1 [kg]\n")
    assert "asks about the first, the example about the second" in done.reason
    # and the other way round
    out, _ = target(TANKS, SECOND, "Find the amount of salt (kg) in tank 1 after 36 minutes.")
    assert out.endswith("answer = float(sol.y[0, -1])  # salt in tank 1 [kg]\n")


CONCENTRATION = TANKS.replace("answer = float(sol.y[1, -1])  # salt in tank 2 [kg]",
                              "answer = float(sol.y[1, -1] / volume2 * 1000)  # concentration in tank 2 [g/L]")
ASKS_CONCENTRATION = Example(SECOND.problem.replace("the amount of salt (kg)", "the salt concentration (g/L)"),
                             CONCENTRATION)
SECOND_IN_G = FIRST.replace("in kg, does the first", "in g, does the second")


def test_the_amount_asked_where_the_example_asked_the_concentration() -> None:
    out, done = target(CONCENTRATION, ASKS_CONCENTRATION, SECOND_IN_G)
    assert out.endswith("answer = float(sol.y[1, -1] * 1000)\n")  # kg of the program's states, in g
    assert answer(out) == pytest.approx(answer(TANKS) * 1000)
    assert "asks for an amount, the example for a concentration (sol.y[1, -1] / volume2)" in done.reason


def test_the_concentration_asked_where_the_example_asked_the_amount() -> None:
    out, done = target(TANKS, SECOND, FIRST.replace("How much salt, in kg, does the first of two tanks in series "
                                                    "hold", "What is the salt concentration in the second of two "
                                                    "tanks in series"))
    assert out.endswith("answer = float(sol.y[1, -1] / volume2)\n")
    assert answer(out) == pytest.approx(answer(TANKS) / 400)
    assert done.reason == "the problem asks for a concentration, the example for an amount"


@pytest.mark.parametrize("program, example, text", [
    (CONCENTRATION, ASKS_CONCENTRATION, SECOND_IN_G.replace("How much salt, in g,", "What concentration, in g/L,")),
    (TANKS, SECOND, SECOND_IN_G),  # both amounts
    # two divisions by volumes: which one the concentration is, is not clear
    (CONCENTRATION.replace("/ volume2 * 1000", "/ volume2 * 1000 + sol.y[0, -1] / volume1"), ASKS_CONCENTRATION,
     SECOND_IN_G),
    # no volume to divide by
    (TANKS.replace("# liquid in tank 1, constant [L]", "# tank 1 [kg]").replace(
        "# liquid in tank 2, constant [L]", "# tank 2 [kg]"), SECOND, "What is the concentration in the tank?"),
])
def test_amount_and_concentration_stay_where_the_questions_agree_or_the_program_is_unclear(
        program: str, example: Example, text: str) -> None:
    assert target(program, example, text) == (program, None)


@pytest.mark.parametrize("text", [
    FIRST.replace("the first of two tanks", "the second of two tanks"),  # the example's tank
    "How much salt does the tank hold after 36 minutes?",               # no ordinal
    FIRST.replace("first of two", "third of two"),                       # no third row in the program
])
def test_the_tank_stays_where_the_question_names_the_same_or_none(text: str) -> None:
    assert target(TANKS, SECOND, text) == (TANKS, None)


def test_half_life_is_no_half() -> None:
    assert [m.written for m in find_numbers("a half-life of 3 h, half an hour, two half-lives")] == ["3", "half", "two"]


def test_solve_targets_the_followed_program_and_reports_it() -> None:
    from mathllm.problem import Problem
    from mathllm.report import warnings_of
    from mathllm.solve import SolveOptions, solve
    from tests.fakes import ScriptedGenerator

    class Tuned(ScriptedGenerator):
        def __init__(self, *a, **kw) -> None:
            super().__init__(*a, **kw)
            self.info = dict(self.info, tuned=True)

    # the model answered the balance; follow puts the example's interest back; target answers the balance
    wrote = BALANCE + "answer = float(balance)\n"
    res = solve(Problem(text=WORTH), Tuned([wrote]), SolveOptions(repairs=0), examples=[ASKS_INTEREST])
    assert res.best.followed is not None and res.best.targeted is not None
    assert res.answer.value == pytest.approx(4642.189829624565)
    assert any(w.startswith("answered the question with `answer = float(balance)`") for w in warnings_of(res))


DOUBLING = ("import math\nimport sympy as sp\n\nprincipal = 10000  # initial investment [$]\n"
            "target = 20000  # target balance [$]\nrate = 0.0925  # annual interest rate, compounded yearly [1/year]\n\n"
            "t = sp.symbols(\"t\", positive=True)\neq = sp.Eq(principal * (1 + rate) ** t, target)\n"
            "t_double = sp.nsolve(eq, t, (0, 200), solver=\"bisect\")\nanswer = math.ceil(float(t_double))\n")
ROUNDS_UP = Example("An investment of $4,000 earns 7.7% per year, compounded annually. How many years (whole years, "
                    "rounded up) until it is worth $8,000?", DOUBLING)


def test_the_time_unrounded_where_only_the_example_asked_to_round() -> None:
    out, done = target(DOUBLING, ROUNDS_UP, "At 9.25% a year compounded annually, how many years does it take "
                                            "$10,000 to become $20,000?")
    assert out.endswith("answer = float(t_double)\n")
    assert answer(out) == pytest.approx(7.834947140336478)
    assert "round" in done.reason


@pytest.mark.parametrize("text", [
    "At 9.25% a year compounded annually, how many whole years does it take $10,000 to become $20,000?",
    "At 9.25% a year compounded annually, after how many years is $10,000 worth at least $20,000?",
    ("Paying $200 a month at 9.25% compounded monthly, how many months until the $10,000 loan is paid off? "
     "The last payment may be smaller."),
    "At 9.25% a year compounded annually, what is $10,000 worth after 8 years?",  # asks no time
])
def test_the_rounding_stays_where_the_text_asks_for_it_or_no_time(text: str) -> None:
    assert target(DOUBLING, ROUNDS_UP, text) == (DOUBLING, None)


def test_no_rounding_added_or_dropped_where_the_example_did_not_ask() -> None:
    plain = Example("At 5% a year compounded annually, how long does it take $100 to double?", DOUBLING)
    assert target(DOUBLING, plain, "How many years does it take $10,000 to become $20,000 at 9.25%?") \
        == (DOUBLING, None)


MARKOV = ("import numpy as np\n\np_rain_after_rain = 0.74  # P(rain tomorrow | rain today) [1]\n"
          "p_rain_after_dry = 0.21  # P(rain tomorrow | dry today) [1]\ndays = 2  # number of days ahead [day]\n\n"
          "# states: 0 = dry, 1 = rain; row = today, column = tomorrow\n"
          "P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],\n"
          "              [1 - p_rain_after_rain, p_rain_after_rain]])\n"
          "start = np.array([0.0, 1.0])  # today it rains\n"
          "dist = start @ np.linalg.matrix_power(P, days)\nanswer = float(dist[0])\n")
ASKS_DRY = Example("It rains today. Rain follows rain with probability 0.7 and a dry day with probability 0.2. "
                   "What is the chance that it will be dry on Tuesday?", MARKOV)


def test_the_state_the_question_asks_the_chance_of() -> None:
    text = ("What is the probability that it will rain in Cork on Tuesday, given that today (Sunday) is rainy and "
            "that the chance of rain tomorrow is 74% after a rainy day but only 21% after a dry day?")
    out, done = target(MARKOV, ASKS_DRY, text)
    assert out.endswith("answer = float(dist[1])\n") and answer(out) == pytest.approx(0.6022)
    assert "rain, state 1" in done.reason


def test_the_state_asked_and_the_state_started_in_both_move() -> None:
    # a held-out phrasing (seed 56): the example starts rainy and asks rain, the text the other way
    asks_rain = Example(ASKS_DRY.problem.replace("be dry on", "rain on"),
                        MARKOV.replace("answer = float(dist[0])", "answer = float(dist[1])"))
    text = ("What is the probability that it will be dry in Cork on Tuesday, given that today (Sunday) is dry and "
            "that the chance of rain tomorrow is 74% after a rainy day but only 21% after a dry day?")
    out, done = target(asks_rain.program, asks_rain, text)
    assert out.endswith("answer = float(dist[0])\n") and "start = np.array([1.0, 0.0])" in out
    assert answer(out) == pytest.approx(0.79 * 0.79 + 0.21 * 0.26)  # dry, dry from dry
    assert "dry, state 0; and the problem says it starts dry" in done.reason


@pytest.mark.parametrize("text", [
    "Given that today is rainy, what is the chance that it will be dry on Tuesday?",  # the same state
    "What is the probability that it will not rain on Tuesday, given that today is rainy?",  # negated
    "Today is rainy; rain follows rain 74% of the time and a dry day 21%. What about Tuesday?",  # no chance asked
])
def test_the_state_stays_where_the_question_asks_it_or_says_no_state_plainly(text: str) -> None:
    assert target(MARKOV, ASKS_DRY, text) == (MARKOV, None)


PREDATOR_PREY = ("import numpy as np\nfrom scipy.integrate import solve_ivp\n\nalpha = 0.59  # prey growth rate [1/year]\n"
                 "beta = 0.0297  # predation rate [1/(predator*year)]\ngamma = 0.71  # predator death rate [1/year]\n"
                 "delta = 0.0043  # predator growth per prey eaten [1/(prey*year)]\nx0 = 250  # initial hares [animals]\n"
                 "y0 = 31  # initial lynx [animals]\nT = 26  # time horizon [year]\n\n\n"
                 "def lotka_volterra(t, z):\n    x, y = z\n    return [alpha * x - beta * x * y, delta * x * y - gamma * y]\n\n\n"
                 "sol = solve_ivp(lotka_volterra, (0, T), [x0, y0], rtol=1e-9, atol=1e-9)\n"
                 "answer = float(sol.y[0, -1])\n")
ASKS_HARES = Example("Hares and lynx follow dx/dt = 0.5x - 0.02xy, dy/dt = 0.004xy - 0.6y with 300 hares and 20 lynx "
                     "at the start. How many hares are there after 20 years?", PREDATOR_PREY)


def test_the_row_the_question_names_alone() -> None:
    text = ("What is the number of lynx after 26 years, if 250 hares and 31 lynx interact according to dx/dt = 0.59x - "
            "0.0297xy, dy/dt = 0.0043xy - 0.71y (t in years)?")
    out, done = target(PREDATOR_PREY, ASKS_HARES, text)
    assert out.endswith("answer = float(sol.y[1, -1])\n")
    assert answer(out) == pytest.approx(9.7037, rel=1e-3)
    assert "y0 row (initial lynx), row 1" in done.reason


def test_the_row_named_by_the_noun_the_text_writes_its_initial_value_with() -> None:
    # the example's hares and lynx are the text's rabbits and foxes: 250 rabbits is x0's number
    text = ("What is the number of foxes after 26 years, if 250 rabbits and 31 foxes interact according to dx/dt = "
            "0.59x - 0.0297xy, dy/dt = 0.0043xy - 0.71y (t in years)?")
    out, done = target(PREDATOR_PREY, ASKS_HARES, text)
    assert out.endswith("answer = float(sol.y[1, -1])\n")
    assert "y0 row (31 foxes in the text), row 1" in done.reason
    # the rabbits asked: the row read already
    assert target(PREDATOR_PREY, ASKS_HARES, text.replace("number of foxes", "number of rabbits"))[1] is None


@pytest.mark.parametrize("text", [
    "How many hares are there after 26 years, if 250 hares and 31 lynx interact as dx/dt = 0.59x - 0.0297xy?",
    "How many animals are there after 26 years, if 250 hares and 31 lynx interact as dx/dt = 0.59x - 0.0297xy?",
    "Which is larger after 26 years, the hares or the lynx, if 250 hares and 31 lynx interact as dx/dt = 0.59x?",
])
def test_the_row_stays_where_the_question_names_it_none_or_both(text: str) -> None:
    assert target(PREDATOR_PREY, ASKS_HARES, text) == (PREDATOR_PREY, None)


DRAG = ("from scipy.integrate import solve_ivp\n\nm = 11.4  # mass [kg]\nc = 0.046  # quadratic drag coefficient [kg/m]\n"
        "g = 9.81  # gravitational acceleration [m/s^2]\nt_end = 4.8  # time after release [s]\n\n\n"
        "def rhs(t, y):\n    x, v = y\n    return [v, g - c / m * v ** 2]\n\n\n"
        "sol = solve_ivp(rhs, (0, t_end), [0, 0], rtol=1e-10, atol=1e-10)\nanswer = float(sol.y[1, -1])  # speed [m/s]\n")
ASKS_SPEED = Example("A package dropped from a hovering drone weighing 5.8 kg starts falling from rest and the drag is "
                     "0.03 v² N. How fast is it going after 5.3 s? Take g = 9.81 m/s².", DRAG)


@pytest.mark.parametrize("text, row", [
    # what the default adapter wrote for a held-out phrasing (seed 54): the speed, asked the distance
    (("What is the distance fallen (m) after 4.8 s for a package dropped from a hovering drone of 11.4 kg "
      "released from rest, with air drag 0.046·v² (kg/m) and g = 9.81 m/s²?"), 0),
    ("What is its speed (m/s) after 4.8 s, if the 11.4 kg package falls with drag 0.046·v²?", None),
    ("What are its speed and the distance fallen after 4.8 s, with drag 0.046·v²?", None),
])
def test_a_motions_row_is_the_one_the_question_asks_how_far_or_how_fast(text: str, row: int | None) -> None:
    out, done = target(DRAG, ASKS_SPEED, text)
    if row is None:
        assert (out, done) == (DRAG, None)
    else:
        assert out.endswith(f"answer = float(sol.y[{row}, -1])\n")
        assert answer(out) == pytest.approx(99.1161, rel=1e-4)
        assert "asks how far: the x row, row 0" in done.reason


EQUILIBRIUM = """import sympy as sp

alpha = 0.47  # prey growth rate [1/year]
beta = 0.0093  # predation coefficient [1/(predator*year)]
gamma = 0.57  # predator death rate [1/year]
delta = 0.00039  # conversion efficiency [1/(prey*year)]

x, y = sp.symbols("x y")  # caribou, wolves
dxdt = alpha * x - beta * x * y
dydt = delta * x * y - gamma * y
equilibria = sp.solve([sp.Eq(dxdt, 0), sp.Eq(dydt, 0)], [x, y], dict=True)
coexistence = [e for e in equilibria if e[x] > 0 and e[y] > 0][0]
answer = float(coexistence[y])
"""
ASKS_WOLVES = Example("Caribou and wolves follow a Lotka-Volterra model (alpha = 0.46, beta = 0.0075, gamma = 0.37, "
                      "delta = 0.00015). How many wolves are there at the coexistence equilibrium?", EQUILIBRIUM)


def test_the_unknown_the_question_names_first() -> None:
    text = ("What is the number of caribou at the coexistence (nonzero) equilibrium for the caribou and wolves of the "
            "tundra, given a Lotka-Volterra model with prey growth rate 0.47 per year, predation coefficient 0.0093, "
            "predator mortality 0.57 per year and conversion efficiency 0.00039?")
    out, done = target(EQUILIBRIUM, ASKS_WOLVES, text)
    assert out.endswith("answer = float(coexistence[x])\n")
    assert answer(out) == pytest.approx(0.57 / 0.00039)
    assert "asks for caribou, x" in done.reason


def test_the_unknown_named_by_the_words_its_comment_does_not_share() -> None:
    # "numbers of small crates and large crates": "crates" names both, "small" one alone
    program = ('import sympy as sp\n\ntotal_count = 23  # number of crates [1]\ntotal_value = 447  # [bottles]\n'
               'small = 9  # [bottles]\nlarge = 29  # [bottles]\n\na, b = sp.symbols("a b")  # numbers of small crates '
               'and large crates\neqs = [sp.Eq(a + b, total_count), sp.Eq(small * a + large * b, total_value)]\n'
               'sol = sp.solve(eqs, [a, b])\nanswer = sol[b]  # number of large crates\n')
    text = ("Anna counted 23 crates: a mix of small crates (9 bottles each) and large crates (29 bottles each). The total "
            "bottles came to 447 bottles. Find the number of small crates.")
    out, done = target(program, ASKS_WOLVES, text)
    assert "answer = sol[a]" in out and answer(out) == 11
    assert "asks for numbers of small crates, a" in done.reason


@pytest.mark.parametrize("text, program", [
    # the question names the unknown the answer reads first
    ("How many wolves live beside the caribou at the coexistence equilibrium of the model?", EQUILIBRIUM),
    # it names neither before its conditions
    ("What is the coexistence equilibrium, given caribou and wolves with alpha = 0.47?", EQUILIBRIUM),
    # the comment names the unknowns by a shared word, and the question asks by it alone
    ("How many hares are there at the equilibrium of the model?",
     EQUILIBRIUM.replace("# caribou, wolves", "# adult hares, young hares")),
])
def test_the_unknown_stays_where_the_question_names_it_or_none_alone(text: str, program: str) -> None:
    assert target(program, ASKS_WOLVES, text) == (program, None)


NPV_PROGRAM = ("prevalence = 0.008  # prevalence [1]\nsensitivity = 0.83  # P(positive | disease) [1]\n"
               "specificity = 0.92  # P(negative | no disease) [1]\n\n"
               "p_neg = (1 - sensitivity) * prevalence + specificity * (1 - prevalence)\n"
               "answer = float(specificity * (1 - prevalence) / p_neg)\n")
ASKS_NEGATIVE = Example("The prevalence of tuberculosis is 10%. A screening test has sensitivity 94% and specificity "
                        "98%. Find the probability that a person who tests negative is truly disease-free.", NPV_PROGRAM)


PPV = 0.83 * 0.008 / (0.83 * 0.008 + 0.08 * 0.992)
NPV = 0.92 * 0.992 / (0.92 * 0.992 + 0.17 * 0.008)


@pytest.mark.parametrize("question, want", [
    ("gives a positive result, what is the chance the disease is present?", PPV),
    ("gives a positive result, what is the chance the person is healthy?", 1 - PPV),
    ("gives a negative result, what is the chance the person has the disease?", 1 - NPV),
    ("gives a result: compute the positive predictive value.", PPV),
])
def test_the_chance_the_question_asks_of_a_test_result(question: str, want: float) -> None:
    text = f"If 8 per 1,000 people have a genetic condition, and a test with 83% sensitivity and 92% specificity {question}"
    out, done = target(NPV_PROGRAM, ASKS_NEGATIVE, text)
    assert answer(out) == pytest.approx(want, rel=1e-5)
    assert "after a" in done.reason


@pytest.mark.parametrize("question", [
    "gives a negative result, what is the chance the person is disease-free?",  # already the one asked
    "gives a positive result twice, what is the chance the disease is present?",  # two tests: another model
    "what share of people test positive or negative?",  # both results: unclear
    "gives a negative result: compute the negative predictive value.",  # already the one asked
    "gives a positive result. How many tests are run a day?",  # no chance named
])
def test_the_test_result_stays_where_it_is_asked_or_unclear(question: str) -> None:
    text = f"If 8 per 1,000 people have a genetic condition, and a test with 83% sensitivity and 92% specificity {question}"
    assert target(NPV_PROGRAM, ASKS_NEGATIVE, text) == (NPV_PROGRAM, None)


COMMUTE = """\
import numpy as np

commute_mon = 73  # commute time for Mon [min]
commute_tue = 16  # commute time for Tue [min]
commute_wed = 43  # commute time for Wed [min]

data = np.array([commute_mon, commute_tue, commute_wed])
answer = float({call})  # population (n)
"""
POPULATION_SD = Example("What is the population standard deviation (divide by n) of these commute times in min: "
                        "65, 67, 39?", COMMUTE.format(call="np.std(data)"))


@pytest.mark.parametrize("question, call, want", [
    ("determine their sample standard deviation (divide by n − 1).", "np.std(data)", "np.std(data, ddof=1)"),
    ("what is the standard deviation of the sample?", "np.std(data, ddof=0)", "np.std(data, ddof=1)"),
    ("what is their population standard deviation?", "np.std(data, ddof=1)", "np.std(data)"),
    ("what is their sample variance?", "statistics.pvariance(data)", "statistics.variance(data)"),
    ("what is the population variance (divide by n)?", "data.var(ddof=1)", "data.var()"),
])
def test_the_spread_the_text_asks_for(question: str, call: str, want: str) -> None:
    text = f"Given commute times of Mon 73, Tue 16, Wed 43 (all in min), {question}"
    out, done = target(COMMUTE.format(call=call), POPULATION_SD, text)
    assert f"answer = float({want})\n" in out and "population (n)" not in out
    assert (done.old, done.new) == (call, want)
    if call.startswith("np."):
        assert answer(out) == pytest.approx(float(__import__("numpy").std([73, 16, 43], ddof=1 if "ddof=1" in want else 0)))


@pytest.mark.parametrize("question, call", [
    ("determine their sample standard deviation (divide by n − 1).", "np.std(data, ddof=1)"),  # already so
    ("what is their standard deviation?", "np.std(data)"),  # the text does not say which
    ("what are the sample variance and the population standard deviation?", "np.std(data)"),  # both
])
def test_the_spread_stays_where_the_text_does_not_ask_otherwise(question: str, call: str) -> None:
    text = f"Given commute times of Mon 73, Tue 16, Wed 43 (all in min), {question}"
    program = COMMUTE.format(call=call)
    assert target(program, POPULATION_SD, text) == (program, None)


MARKOV_SIX_DAYS = """\
import numpy as np

p_rain_after_rain = 0.8  # P(rain tomorrow | rain today) [1]
p_rain_after_dry = 0.15  # P(rain tomorrow | dry today) [1]
days = 6  # number of days ahead (Wednesday -> Tuesday) [day]

# states: 0 = dry, 1 = rain; row = today, column = tomorrow
P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],
              [1 - p_rain_after_rain, p_rain_after_rain]])
start = np.array([0.0, 1.0])  # today it rains
dist = start @ np.linalg.matrix_power(P, days)
answer = float(dist[0])
"""
RAINY_TODAY = Example("Wei is planning a picnic in Manchester on Tuesday. Today, Sunday, is rainy. Local records show "
                      "that a rainy day is followed by rain 80% of the time. What is the chance it is dry on Tuesday?",
                      MARKOV_SIX_DAYS)


@pytest.mark.parametrize("text", [
    ("What is the probability that it will be dry in Manchester on Tuesday, given that today (Wednesday) is dry "
     "and that the chance of rain tomorrow is 80% after a rainy day but only 15% after a dry day?"),
    "It's dry today (Wednesday) here in Leeds. Rain follows rain with probability 0.8. How likely is a dry Tuesday?",
    ("Two-state weather model (states: dry, rain). P(rain tomorrow | rain today) = 0.8; P(rain tomorrow | dry "
     "today) = 0.15. Initial state: dry. Compute the probability of a dry day after 6 steps."),
    # set c's Bergen weather: the weekday whose weather a sentence gives
    ("If a day is dry, the chance of rain the next day is 15%; after rain it is 80%. It is dry on Wednesday. What is "
     "the probability that it is dry on Tuesday?"),
])
def test_the_state_the_text_starts_in(text: str) -> None:
    out, done = target(MARKOV_SIX_DAYS, RAINY_TODAY, text)
    assert "start = np.array([1.0, 0.0])  # today: dry\n" in out
    assert done.reason == "the problem says it starts dry, state 0"
    assert answer(out) == pytest.approx(0.6037509531249998)


@pytest.mark.parametrize("text", [
    "Today (Wednesday) is rainy. What is the probability that it is dry on Tuesday?",  # already so
    "Today is not dry. What is the probability that it is dry on Tuesday?",  # a negation
    "Today is dry or rainy, who knows. What is the probability that it is dry on Tuesday?",  # both
    "If it is dry on Wednesday, the chance of rain is lower. What is the probability that it is dry on Tuesday?",
])
def test_the_start_stays_where_the_text_says_so_or_is_unclear(text: str) -> None:
    assert target(MARKOV_SIX_DAYS, RAINY_TODAY, text) == (MARKOV_SIX_DAYS, None)


MEDIAN = """\
import numpy as np

commute_mon = 56  # commute time for Mon [min]
commute_tue = 55  # commute time for Tue [min]
commute_sun = 22  # commute time for Sun [min]

data = np.array([commute_mon, commute_tue, commute_sun])
answer = float(np.median(data))
"""
ASKS_MEDIAN = Example("What is the median of these commute times in min: 65, 67, 39?", MEDIAN)


@pytest.mark.parametrize("question, want", [
    ("determine their range.", 34.0),
    ("what is their mean?", 44.333333333333336),
    ("what is the average commute time?", 44.333333333333336),
])
def test_the_statistic_the_question_asks_for(question: str, want: float) -> None:
    out, done = target(MEDIAN, ASKS_MEDIAN, f"Given commute times of Mon 56, Tue 55, Sun 22 (all in min), {question}")
    assert answer(out) == pytest.approx(want)
    assert "the program computed the median" in done.reason


@pytest.mark.parametrize("question", [
    "what is their median?",  # already so
    "what are the mean and the range?",  # two asked
    "what is the mean absolute deviation?",  # another statistic
    "what is the weighted average, counting Sunday twice?",  # a weight
])
def test_the_statistic_stays_where_it_is_asked_or_unclear(question: str) -> None:
    text = f"Given commute times of Mon 56, Tue 55, Sun 22 (all in min), {question}"
    assert target(MEDIAN, ASKS_MEDIAN, text) == (MEDIAN, None)


SPREAD = MEDIAN.replace("np.median(data)", "np.std(data)")


@pytest.mark.parametrize("question, want", [
    ("determine their range.", 34.0),
    ("what is their median?", 55.0),
])
def test_the_statistic_asked_where_the_program_computes_a_spread(question: str, want: float) -> None:
    # "parcel weights" are data, not the weights of a weighted mean
    text = f"Given commute weights of Mon 56, Tue 55, Sun 22 (all in kg), {question}"
    out, done = target(SPREAD, Example("What is the population standard deviation of 65, 67, 39?", SPREAD), text)
    assert answer(out) == pytest.approx(want)
    assert "the program computed the standard deviation" in done.reason
    # a spread asked stays
    assert target(SPREAD, ASKS_MEDIAN, text.replace(question, "what is their standard deviation?"))[1] is None


PROJECTILE = """import numpy as np

v0 = 18.8  # launch speed [m/s]
angle_deg = 47  # launch angle above the horizontal [deg]
g = 9.81  # gravitational acceleration [m/s^2]

theta = np.radians(angle_deg)
t_flight = 2 * v0 * np.sin(theta) / g
h_max = (v0 * np.sin(theta)) ** 2 / (2 * g)
x_range = v0 ** 2 * np.sin(2 * theta) / g
answer = float(h_max)
"""
ASKS_HEIGHT = Example("How high does a ball launched at 20 m/s and 60 degrees rise?", PROJECTILE)


@pytest.mark.parametrize("question, name", [
    ("What is the horizontal range (m) for a stone launched at 18.8 m/s, 47° above level ground?", "x_range"),
    ("What is the flight time of a stone launched at 18.8 m/s, 47° above level ground?", "t_flight"),
])
def test_the_result_the_question_names(question: str, name: str) -> None:
    out, done = target(PROJECTILE, ASKS_HEIGHT, question)
    assert out.splitlines()[-1] == f"answer = float({name})"
    assert f"asks for the {name}" in done.reason
    assert answer(out) == pytest.approx({"x_range": 35.9407786, "t_flight": 2.8031498}[name], rel=1e-6)


@pytest.mark.parametrize("question, program", [
    ("What is the maximum height (m) of a stone launched at 18.8 m/s, 47° above ground?", PROJECTILE),  # named
    ("What is the greatest height of a stone launched at 18.8 m/s, 47°?", PROJECTILE),  # 'height' names h
    ("How far and how long does a stone launched at 18.8 m/s, 47° fly?", PROJECTILE),  # none by name
    ("What are the range and the greatest height of a stone launched at 18.8 m/s?", PROJECTILE),  # both named
    ("What is the horizontal range of a stone launched at 18.8 m/s, 47°?",
     PROJECTILE.replace("answer = float(h_max)", "answer = float(h_max + 0 * x_range)")),  # x_range is read
    ("What is the horizontal range of a stone launched at 18.8 m/s, 47°?",
     PROJECTILE.replace("answer = float(h_max)", "answer = float(angle_deg)")),  # answers a parameter
])
def test_the_result_stays_where_it_is_named_read_or_unclear(question: str, program: str) -> None:
    assert target(program, ASKS_HEIGHT, question) == (program, None)


ALL_THREE = PROJECTILE.replace(
    "answer = float(h_max)",
    'answer = {"time_of_flight": float(t_flight), "max_height": float(h_max), "range": float(x_range)}')
ASKS_ALL = Example("If I launch a javelin at 24 m/s and 24° up from level ground, what are the time of flight (s), the "
                   "maximum height (m) and the horizontal range (m)?", ALL_THREE)


@pytest.mark.parametrize("question, entry", [
    ("What is the time of flight (s) for a javelin launched at 18.8 m/s, 47° above level ground?", "float(t_flight)"),
    ("What horizontal range (m) does a javelin launched at 18.8 m/s, 47° above level ground reach?", "float(x_range)"),
])
def test_one_result_of_several_the_question_names(question: str, entry: str) -> None:
    out, done = target(ALL_THREE, ASKS_ALL, question)
    assert out.splitlines()[-1] == f"answer = {entry}"
    assert "alone, one of the program's 3 results" in done.reason


@pytest.mark.parametrize("question", [
    # all three asked, the first one before a comma
    "Compute the time of flight, the maximum height and the horizontal range of a javelin thrown at 18.8 m/s, 47°.",
    "What are the range and the greatest height of a stone launched at 18.8 m/s?",  # two named
    "How does a stone launched at 18.8 m/s, 47° fly?",  # none named
])
def test_several_results_stay_where_the_question_names_not_one(question: str) -> None:
    assert target(ALL_THREE, ASKS_ALL, question) == (ALL_THREE, None)


DRIP = """\
dose_rate = 3  # ordered dose [g/h]
bag_amount = 40  # drug in the bag [g]
bag_volume = 1000  # volume of the bag [mL]
drop_factor = 10  # administration set [gtt/mL]
minutes_per_hour = 60  # minutes in an hour [min/h]

concentration = bag_amount / bag_volume  # [g/mL]
rate_ml_h = dose_rate / concentration  # [mL/h]
answer = float(rate_ml_h * drop_factor / minutes_per_hour)  # [gtt/min]
"""
ASKS_DROPS = Example("At how many drops per minute should 2 g/h run from 50 g in 500 mL with a 15 gtt/mL set?", DRIP)


def test_the_result_in_the_unit_the_question_asks() -> None:
    out, done = target(DRIP, ASKS_DROPS, "What pump setting in mL/h delivers magnesium sulfate at 3 g/h from a bag "
                                         "of 40 g in 1,000 mL?")
    assert out.splitlines()[-1] == "answer = float(rate_ml_h)"
    assert answer(out) == pytest.approx(75.0)
    assert "asks for rate_ml_h in its unit" in done.reason


@pytest.mark.parametrize("question", [
    "What drip rate in gtt/min delivers 3 g/h from a bag of 40 g in 1,000 mL?",  # the answer's unit
    "At how many drops per minute does 3 g/h run from a bag of 40 g in 1,000 mL?",  # no unit written
    "What rate delivers 3 g/h from a bag of 40 g in 1,000 mL with 10 gtt/mL?",  # units of the data only
])
def test_the_answer_stays_in_its_unit_where_the_question_asks_no_other(question: str) -> None:
    assert target(DRIP, ASKS_DROPS, question) == (DRIP, None)


DOUBLES_EXAMPLE = Example(
    "At 5% a year, compounded annually, how many years does it take money to double?",
    'import sympy as sp\n\nrate = 0.05  # [1/year]\n\nt = sp.symbols("t", positive=True)\n'
    'eq = sp.Eq((1 + rate) ** t, 2)\nt_double = sp.nsolve(eq, t, (0, 200), solver="bisect")\nanswer = float(t_double)\n')


@pytest.mark.parametrize("text, value", [
    ("How long does it take for money to grow threefold when it earns 5% a year, compounded annually?", 3),
    ("At 5% a year, how many years until the money is three times what was invested?", 3),
    ("At 5% a year, compounded annually, how many years does it take money to quadruple?", 4),
    # the example's multiple, none, or two: left alone
    ("At 5% a year, compounded annually, how many years does it take money to double?", None),
    ("At 5% a year, compounded annually, how many years does it take to reach 1,500 dollars?", None),
    ("At 5% a year, how long until it doubles, and how long until it triples?", None),
    # how often is no multiple
    ("A deposit is made three times a year at 5%: how many years does it take?", None),
])
def test_the_multiple_the_text_asks_for(text: str, value: int | None) -> None:
    out, how = target(DOUBLES_EXAMPLE.program, DOUBLES_EXAMPLE, text)
    if value is None:
        assert out == DOUBLES_EXAMPLE.program and how is None
    else:
        assert f"eq = sp.Eq((1 + rate) ** t, {value})\n" in out
        assert how is not None and how.reason == f"the problem asks for {value} times, the example for 2 times"
        assert run_program(out).answer.value == pytest.approx(math.log(value) / math.log(1.05))


RECTANGLE = """\
import sympy as sp

area = 42  # area of the garden [m^2]
shortfall = 5  # how much shorter than twice the width [m]

w = sp.symbols("w", positive=True)  # width [m]
width = sp.solve(sp.Eq(w * (2 * w - shortfall), area), w)[0]
answer = 2 * width - shortfall  # length
"""
ASKS_LENGTH = Example("Find the length of a rectangular garden whose length is 5 m less than twice its width, given "
                      "that it covers 700 square metres.", RECTANGLE)


@pytest.mark.parametrize("text, answer_line", [
    (("The length of a rectangular garden falls 5 m short of twice its width. With 42 square metres of area, "
     "how wide is it?"), "answer = width"),
    ("A garden of 42 m² is 5 m shorter than twice its width. What is its width?", "answer = width"),
    # the example's question, or one that names neither: left alone
    (("The length of a rectangular garden falls 5 m short of twice its width. With 42 square metres of area, "
     "how long is it?"), None),
    ("A garden of 42 m² is 5 m shorter than twice its width. What are its sides?", None),
])
def test_the_quantity_asked_where_the_answer_computes_another_from_it(text: str, answer_line: str | None) -> None:
    out, how = target(RECTANGLE, ASKS_LENGTH, text)
    if answer_line is None:
        assert (out, how) == (RECTANGLE, None)
    else:
        assert out.splitlines()[-1] == answer_line
        assert run_program(out).answer.value == pytest.approx(6.0)
        assert how is not None and "the problem asks for the width" in how.reason


RATIO = ("total = 12150  # amount shared (prize money) [EUR]\nratio_nadia = 6  # Nadia's part of the ratio [1]\n"
         "ratio_grace = 4  # Grace's part of the ratio [1]\nratio_vera = 8  # Vera's part of the ratio [1]\n\n"
         "parts = ratio_nadia + ratio_grace + ratio_vera\nanswer = total * ratio_vera / parts  # Vera's share\n")
ASKS_VERA = Example("Prize money of 3,600 EUR is split between Nadia, Grace and Vera in the ratio 5 : 3 : 4. How much "
                    "does Vera receive?", RATIO)


def test_the_share_of_the_one_the_question_names() -> None:
    text = ("When the profit of their shop of 12,150 CHF is shared out, Nadia gets 6 parts for every 8 that Omar gets "
            "and 4 that Yusuf gets. What is Nadia's portion?")
    out, done = target(RATIO, ASKS_VERA, text)
    assert "answer = total * ratio_nadia / parts" in out
    assert answer(out) == pytest.approx(4050)
    assert "Nadia's" in done.reason


@pytest.mark.parametrize("question", [
    "What is Vera's portion?",  # the one read
    "What is Omar's portion?",  # no parameter of that name
    "What do Nadia and Grace get together?",  # two named
])
def test_the_share_stays_where_the_question_names_the_one_read_or_no_single_other(question: str) -> None:
    text = f"When 12,150 CHF is shared out, Nadia gets 6 parts for every 8 that Vera gets and 4 that Grace gets. {question}"
    assert target(RATIO, ASKS_VERA, text)[1] is None


def test_the_share_of_the_one_asked_by_the_number_written_with_them() -> None:
    # the program's names are the example's: the one holding Anna's 4 parts is ratio_grace
    text = ("When an inheritance of 4,560 CHF is shared out, Anna gets 4 parts for every 8 that Kofi gets and 7 that "
            "Chen gets. What is Anna's portion?")
    program = RATIO.replace("ratio_nadia = 6", "ratio_nadia = 8").replace("ratio_grace = 4", "ratio_grace = 4").replace(
        "ratio_vera = 8", "ratio_vera = 7").replace("total = 12150", "total = 4560")
    out, done = target(program, ASKS_VERA, text)
    assert "answer = total * ratio_grace / parts" in out and answer(out) == pytest.approx(960)
    assert "Anna's, written with 4" in done.reason
    # two parameters hold 4: not clear
    twice = program.replace("ratio_nadia = 8", "ratio_nadia = 4")
    assert target(twice, ASKS_VERA, text)[1] is None


def test_a_share_of_days_asks_the_chance_of_a_state() -> None:
    program = ("import numpy as np\n\np_rain_after_rain = 0.68  # [1]\np_rain_after_dry = 0.23  # [1]\n\n"
               "# states: 0 = dry, 1 = rain; row = today, column = tomorrow\n"
               "P = np.array([[1 - p_rain_after_dry, p_rain_after_dry], [1 - p_rain_after_rain, p_rain_after_rain]])\n"
               "dist = np.array([0.0, 1.0]) @ np.linalg.matrix_power(P, 500)\nanswer = float(dist[0])\n")
    text = ("How large a share of days is rainy on average in a coastal valley, if rain follows rain with probability "
            "0.68 and follows a dry day with probability 0.23?")
    out, _ = target(program, ASKS_WOLVES, text)
    assert out.endswith("answer = float(dist[1])\n") and answer(out) == pytest.approx(0.23 / 0.55)


def test_the_unknown_the_question_counts_though_another_is_named_first() -> None:
    program = ('import sympy as sp\n\ntotal_count = 19  # [1]\ntotal_value = 64  # [legs]\n\n'
               'a, b = sp.symbols("a b")  # numbers of chickens and goats\n'
               'eqs = [sp.Eq(a + b, total_count), sp.Eq(2 * a + 4 * b, total_value)]\n'
               'sol = sp.solve(eqs, [a, b])\nanswer = sol[a]\n')
    text = ("Knowing that chickens have 2 legs apiece and goats 4 legs apiece, and that 19 animals on a farm have 64 "
            "legs altogether, work out the number of goats.")
    out, _ = target(program, ASKS_WOLVES, text)
    assert "answer = sol[b]" in out and answer(out) == 13
    assert target(program, ASKS_WOLVES, text.replace("number of goats", "number of chickens"))[1] is None


def test_the_unknown_counted_by_the_word_before_a_shared_noun() -> None:
    # what the default adapter wrote (held-out phrasing, seed 85): "the number of large crates"
    # had been read as counting "crates", which both unknowns share, and the small crates taken
    program = ('import sympy as sp\n\ntotal_count = 32  # [1]\ntotal_value = 512  # [bottles]\n\n'
               'a, b = sp.symbols("a b")  # numbers of small crates and large crates\n'
               'eqs = [sp.Eq(a + b, total_count), sp.Eq(6 * a + 22 * b, total_value)]\n'
               'sol = sp.solve(eqs, [a, b])\nanswer = sol[b]\n')
    text = ("Knowing that small crates hold 6 bottles apiece and large crates 22 bottles apiece, and that 32 crates "
            "hold 512 bottles altogether, work out the number of large crates.")
    assert target(program, ASKS_WOLVES, text)[1] is None
    out, _ = target(program.replace("answer = sol[b]", "answer = sol[a]"), ASKS_WOLVES, text)
    assert "answer = sol[b]" in out and answer(out) == 20


def test_the_row_named_by_its_description_before_the_noun_of_its_number() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): the aphids' 30 on the
    # ladybirds' start, so the noun of its number named both rows
    text = ("What is the number of aphids after 5 years, if 30 aphids and 40 ladybirds interact according to dx/dt = "
            "0.69x - 0.0254xy, dy/dt = 0.0134xy - 0.71y (t in years)?")
    program = ("x0 = 8  # initial aphids [animals]\ny0 = 30  # initial ladybirds [animals]\nT = 5  # [year]\n"
               "sol = solve_ivp(f, (0, T), [x0, y0])\nanswer = float(sol.y[1, -1])\n")
    example = Example(problem="Give the number of y (ladybirds) after 21 years.", program=program)
    out, why = target(program, example, text)
    assert "answer = float(sol.y[0, -1])" in out
    assert "initial aphids" in why.reason


LP_ITEMS = """from scipy.optimize import linprog

profit_table = 90  # profit per bookcase [USD/unit]
profit_chair = 75  # profit per desk [USD/unit]
carpentry_table = 3  # carpentry per table [h/unit]
carpentry_chair = 2  # carpentry per chair [h/unit]
finishing_table = 1  # finishing per table [h/unit]
finishing_chair = 2  # finishing per chair [h/unit]
carpentry_available = 120  # carpentry available per week [h]
finishing_available = 80  # finishing available per week [h]
max_table = 30  # most tables that can be sold per week [units/week]

c = [-profit_table, -profit_chair]  # linprog minimizes, so negate profit
A_ub = [[carpentry_table, carpentry_chair], [finishing_table, finishing_chair]]
b_ub = [carpentry_available, finishing_available]
bounds = [(0, max_table), (0, None)]  # the sales limit on tables
res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=bounds)
answer = res.x[1]  # chairs to make per week
"""
WOODSHOP = ("Marco's shop makes bookcases and desks. Each bookcase needs 3 hours of carpentry and 1 hour of "
            "finishing and earns a profit of $90. Each desk needs 2 hours of carpentry and 2 hours of finishing and "
            "earns a profit of $75. Every week the shop has 120 hours of carpentry and 80 hours of finishing, and at "
            "most 30 bookcases sell a week.\n\nHow many bookcases should he make per week?")


@pytest.mark.parametrize("program", [
    LP_ITEMS,  # the cost list's descriptions name the text's items
    LP_ITEMS.replace("per bookcase", "per table").replace("per desk", "per chair"),  # the example's: the text's order
])
def test_the_entry_of_the_linear_programs_item_asked(program: str) -> None:
    out, why = target(program, Example(problem="How many chairs?", program=program), WOODSHOP)
    assert "answer = res.x[0]" in out and answer(out) == 20
    assert "item 1 of the linear program" in why.reason


@pytest.mark.parametrize("question", [
    "How many desks should he make per week?",      # the item read already
    "What is the maximum weekly profit?",           # no item named
    "How many bookcases and desks should he make?",  # both named
])
def test_the_entry_of_a_linear_program_stays_where_the_question_names_no_other_item(question: str) -> None:
    text = WOODSHOP.replace("How many bookcases should he make per week?", question)
    assert target(LP_ITEMS, Example(problem="How many chairs?", program=LP_ITEMS), text)[1] is None


def test_the_chain_starts_in_the_state_named_after_the_day_not_in_a_rule_of_the_chain() -> None:
    # (set b of the problems written by others): "If it rains today, ..." and "if today is dry,
    # ..." are the chain's rules; "Today is Monday and it is dry." is where it starts
    program = ("import numpy as np\n\np_rain_after_rain = 0.55  # P(rain tomorrow | rain today) [1]\n"
               "p_rain_after_dry = 0.20  # P(rain tomorrow | dry today) [1]\ndays = 3  # number of days ahead [day]\n\n"
               "# states: 0 = dry, 1 = rain; row = today, column = tomorrow\n"
               "P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],\n"
               "              [1 - p_rain_after_rain, p_rain_after_rain]])\n"
               "start = np.array([0.0, 1.0])  # today it rains\n"
               "dist = start @ np.linalg.matrix_power(P, days)\nanswer = float(dist[1])\n")
    text = ("Each day is either rainy or dry, and tomorrow's weather depends only on today's. If it rains today, "
            "there is a 55% chance of rain tomorrow; if today is dry, there is a 20% chance of rain tomorrow. Today "
            "is Monday and it is dry.\n\nWhat is the probability that it rains on Thursday of this week?")
    out, why = target(program, Example(problem="Today is rainy. Will it rain in 3 days?", program=program), text)
    assert "start = np.array([1.0, 0.0])" in out and round(answer(out), 4) == 0.2945


ORAL = """\
import numpy as np

dose = 500  # oral dose [mg]
ka = 1.2  # absorption rate constant [1/h]
ke = 0.2  # elimination rate constant [1/h]
V = 40  # volume of distribution [L]

t_max = np.log(ka / ke) / (ka - ke)  # time of the peak [h]
C_max = dose * ka / (V * (ka - ke)) * (np.exp(-ke * t_max) - np.exp(-ka * t_max))  # [mg/L]
answer = {"t_max": float(t_max), "C_max": float(C_max)}
"""
ORAL_TEXT = ("A single 500 mg tablet is taken. Absorption is first order at 1.2 per hour, elimination at 0.2 per hour, "
             "and the volume of distribution is 40 L.\n\n")


@pytest.mark.parametrize("questions, line", [
    # (set c, read): the peak asked first, its time second
    ("What is the peak plasma concentration in mg/L, and how many hours after the tablet does it occur?",
     "answer = {'C_max': float(C_max), 't_max': float(t_max)}"),
    # in the dict's order already, or one question: nothing moves
    ("How many hours after the tablet does the concentration peak, and what is that peak concentration?", None),
    # one question: rule 19 needs as many as the keys (and rule 13 reads no C as a concentration:
    # "find the time of the peak (h) and the peak plasma concentration" asks both)
    ("What is the peak plasma concentration in mg/L?", None),
    ("Find the time of the peak (h) and the peak plasma concentration (mg/L).", None),
])
def test_several_results_are_put_in_the_order_the_questions_ask_them(questions: str, line: str | None) -> None:
    out, done = target(ORAL, Example("x", ORAL), ORAL_TEXT + questions)
    if line is None:
        assert done is None
    else:
        assert out.splitlines()[-1] == line
        assert run_program(out).ok
