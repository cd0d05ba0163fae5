"""Stage 0, questions: several questions solved one at a time, the programs joined into one."""

from __future__ import annotations

import pytest

from mathllm.problem import Problem, load_problem
from mathllm.questions import (
    asks_percent,
    compose,
    in_percent,
    longer_span,
    name_of,
    rename,
    retarget,
    several,
    split_questions,
    widen,
)
from mathllm.report import to_dict, warnings_of
from mathllm.run import run_program
from mathllm.solve import SolveOptions, solve
from tests.fakes import ScriptedGenerator

BALL = """Priya throws a ball straight up from a height of 1.5 m above the ground with a speed of
19.6 m/s. Ignore air resistance and use g = 9.8 m/s², so the height is a quadratic function of
time.

1. How many seconds after the throw does the ball hit the ground? (Two decimals.)
2. What is the greatest height the ball reaches, in metres?

Give both answers to two decimals."""

LAND = """import sympy as sp

h0 = 1.5  # launch height [m]
v0 = 19.6  # launch speed [m/s]
g = 9.8  # gravitational acceleration [m/s^2]

t = sp.symbols("t", positive=True)
answer = float(max(sp.solve(sp.Eq(h0 + v0 * t - g * t**2 / 2, 0), t)))
"""
TOP = """import sympy as sp

h0 = 1.5  # launch height [m]
v0 = 19.6  # launch speed [m/s]
g = 9.8  # gravitational acceleration [m/s^2]

t = sp.symbols("t", positive=True)
h = h0 + v0 * t - g * t**2 / 2
t_top = sp.solve(sp.diff(h, t), t)[0]
answer = h.subs(t, t_top)
"""


@pytest.mark.parametrize("text, asks", [
    (BALL, ["How many seconds after the throw does the ball hit the ground? (Two decimals.)",
            "What is the greatest height the ball reaches, in metres?"]),
    (("A drill costs $92 including 15% VAT.\n\nWhat was the price of the drill before VAT, and how much VAT "
     "did she pay?"), ["What was the price of the drill before VAT?", "How much VAT did she pay?"]),
    (("A pottery makes q mugs per day at a cost of C(q) = 0.02q² + 15q + 4000 dollars.\n\nAt a production "
     "level of 500 mugs per day, what is the marginal cost, and what is the average cost per mug?"),
     ["At a production level of 500 mugs per day, what is the marginal cost?",
      "At a production level of 500 mugs per day, what is the average cost per mug?"]),
    (("A capacitor of 2 mF charges through 50 kΩ from 9 V.\n\nWhat is the voltage after 1 s? The flash is "
     "ready at 8 V. When is it ready? Give both to two decimals."),
     ["What is the voltage after 1 s?", "The flash is ready at 8 V. When is it ready?"]),
    (("He split $20,000 between three accounts.\n\nHow much did he put into the savings account, the CD and "
     "the bond?"), ["How much did he put into the savings account?", "How much did he put into the CD?",
                   "How much did he put into the bond?"]),
    ("x(t) = t³ − 3t² + 12t metres.\n\nFind its velocity (in m/s) and its acceleration (in m/s²) at t = 3 seconds.",
     ["Find its velocity (in m/s) at t = 3 seconds.", "Find its acceleration (in m/s²) at t = 3 seconds."]),
    (("Heights: 12.1, 14.2, 15.6 cm.\n\nFind the mean, the median and the sample standard deviation of the "
     "heights."), ["Find the mean of the heights.", "Find the median of the heights.",
                  "Find the sample standard deviation of the heights."]),
    ("A tank holds 100 L of brine.\n\na) Find the salt after 10 minutes.\nb) Find the salt after an hour.",
     ["Find the salt after 10 minutes.", "Find the salt after an hour."]),
    # (the problems written by others, sets a and b): items listed after a lead-in, each with a
    # question word and a comma; a listing question before another joined by ", and what ..."
    (("Each bookcase earns $90 and each desk $75.\n\nTo maximize weekly profit:\n1. how many bookcases should he make "
      "per week,\n2. how many desks should he make per week, and\n3. what is the maximum weekly profit in dollars?"
      "\n\nGive whole numbers."),
     ["How many bookcases should he make per week?", "How many desks should he make per week?",
      "What is the maximum weekly profit in dollars?"]),
    (("Each table earns $90 and each bookshelf $75.\n\nHow many tables and how many bookshelves should they build "
      "next week to make the largest total profit, and what is that maximum profit in dollars?"),
     ["How many tables should they build next week to make the largest total profit?",
      "How many bookshelves should they build next week to make the largest total profit?",
      "What is that maximum profit in dollars?"]),
    # (set c of the problems written by others, read after it was measured): items numbered
    # inline after a request, a sign-off and an aside after the question paragraph
    (("The platform has a mass of 0.5 kg on a spring of 32 N/m.\n\nCould you work out (1) the amplitude of the steady "
      "oscillation, and (2) the platform's displacement at t = 2 s? Both in centimetres, please.\n\nThe rig is in "
      "bay 3 (about 22 °C in there), but I don't think that matters.\n\nThanks, Marek"),
     ["Could you work out the amplitude of the steady oscillation?",
      "Could you work out the platform's displacement at t = 2 s?"]),
    # (set a, read): a second question after ", and on which ..."
    (("Use the standard SIR model with a transmission rate of 0.3 per day.\n\nWhat is the largest number of people "
      "infectious at the same time, rounded to the nearest whole person, and on which day after day 0 does this "
      "peak occur, rounded to the nearest whole day?"),
     ["What is the largest number of people infectious at the same time, rounded to the nearest whole person?",
      "On which day after day 0 does this peak occur, rounded to the nearest whole day?"]),
    # items that ask themselves after a lead clause
    (("Rabbits grow at 0.08 per month and foxes die out at 0.2 per month.\n\nOver the first 10 years, (a) what is "
      "the largest number of foxes, and (b) what is the largest number of rabbits?"),
     ["Over the first 10 years, what is the largest number of foxes?",
      "Over the first 10 years, what is the largest number of rabbits?"]),
    # items numbered "(1)" on lines of their own
    (("A 2 kg platform sits on a spring of 50 N/m.\n\n(1) What is its displacement at t = 2 s?\n(2) What is the "
      "steady-state amplitude?\n\nGive both answers in millimetres.\n\nThanks, Dr. Reyes"),
     ["What is its displacement at t = 2 s?", "What is the steady-state amplitude?"]),
    ("A theatre sold 850 tickets for $12,350.\n\nHow many adult tickets and how many student tickets were sold?",
     ["How many adult tickets were sold?", "How many student tickets were sold?"]),
    (("Mix a 10% and a 35% acid solution to get 50 L at 20%. How many litres of the weaker solution and of the "
     "stronger solution should be mixed?"),
     ["How many litres of the weaker solution should be mixed?",
      "How many litres of the stronger solution should be mixed?"]),
    (("A recipe for 4 needs 250 g flour and 375 ml milk. He cooks for 12.\n\nHow much flour (in grams) and milk "
     "(in millilitres) does he need?"),
     ["How much flour (in grams) does he need?", "How much milk (in millilitres) does he need?"]),
    # each item's unit between commas, as in brackets
    (("A culture has 1.2 million cells at 8:00 a.m. and 3.5 million at 11:00 a.m.\n\nEstimate the number of "
      "cells at 3:30 p.m. that afternoon, in millions of cells, and the doubling time of the culture, in hours. "
      "Round both to two decimal places."),
     ["Estimate the number of cells at 3:30 p.m. that afternoon (in millions of cells).",
      "Estimate the doubling time of the culture (in hours)."]),
    # items lettered within one sentence
    (("A 500 µF capacitor charged to 12 V discharges through 0.5 H and 20 Ω.\n\nFind (a) the voltage across the "
      "capacitor 20 ms after the switch closes, in volts, and (b) the current at that moment, in milliamperes. "
      "Round both to two decimal places."),
     ["Find the voltage across the capacitor 20 ms after the switch closes, in volts.",
      "Find the current at that moment, in milliamperes."]),
    # a clause before "how many A and how many B"
    (("Hares grow at 0.8 per year and lynx die at 0.5 per year.\n\nAccording to this model, how many hares and "
      "how many lynx will there be 5 years after the survey? Round each to the nearest whole animal."),
     ["According to this model, how many hares will there be 5 years after the survey?",
      "According to this model, how many lynx will there be 5 years after the survey?"]),
    # an instruction about "it" right after a question is that question's
    (("1.5% of 10,000 adults have the condition; the test is 92% sensitive and 96% specific.\n\nIf someone tests "
      "positive, what is the probability that they have the condition? Give it as a percentage to one decimal "
      "place. Also, how many of the 10,000 people would you expect to test positive?"),
     ["If someone tests positive, what is the probability that they have the condition? Give it as a percentage "
      "to one decimal place.", "Also, how many of the 10,000 people would you expect to test positive?"]),
    # a closing "Both to ..." rounds each answer
    (("I'm buying a car for £18,750 and finance it over 48 months at 6.9% APR. What will my monthly payment be, "
      "and how much of the first payment is interest? Both to the nearest penny, please."),
     ["What will my monthly payment be?", "How much of the first payment is interest?"]),
    (("An IV infusion runs at 30 mg per hour into 35 L; the half-life is 8 hours.\n\n1. What is the plasma "
      "concentration 10 hours after the start, in mg/L?\n2. What concentration does the plasma level approach?"
      "\n\nBoth to 2 decimal places please."),
     ["What is the plasma concentration 10 hours after the start, in mg/L?",
      "What concentration does the plasma level approach?"]),
])
def test_questions_are_found(text: str, asks: list[str]) -> None:
    qs = split_questions(text)
    assert [q.ask for q in qs] == asks
    for q in qs:
        assert q.text.startswith(text[:20])  # the shared text comes first
        assert q.text.rstrip().endswith(q.ask) or "the answer" in q.text.split(q.ask)[-1].lower()
        assert q.name.isidentifier()


@pytest.mark.parametrize("text", [
    "",
    "Maya borrows $18,000 at 6.9% for 5 years. What is her monthly payment?",
    "How many adult tickets and how many student tickets were sold?",          # no shared text
    "A shop sells pens.\n\nWhat is the price and the tax?",  # no pattern that says two questions
    # a numbered list of data, not of questions
    "The recipe:\n1. 200 g flour\n2. 300 ml milk\n\nHow much milk for 3 batches?",
    # more story after the list: not questions ending the problem
    ("Two plans.\n1. What does plan A cost?\n2. What does plan B cost?\n\nShe buys the cheaper one. How much "
    "does she save in a year?"),
    "It rained 3 days. Why, and how?",  # too short to stand alone
    # a list that may ask for a total (GSM8K: "nuts and bolts" = 113): not split
    "He used 40 nuts and 73 bolts. How many nuts and bolts did he use for the project?",
    "He had $50 and paid $30 of debts. How much money, in dollars, does he have left?",
    "A blend of two beans costs $9 per kg. How many kilograms of each kind of bean go into the blend?",
    "Ann has 3 apples and 4 pears. How many apples and how many pears does she have in total?",
    # two items without a unit each: one thing, or a total
    "Two curves cross twice.\n\nFind the points where they meet and the area they enclose.",
    ("A roof is 20 by 30 ft and a porch 3 by 4 ft. How many square feet of shingles are needed to roof the house "
    "and the porch?"),
    "Two plans.\n\nWhat is the difference between the first plan and the second plan and the third?",
])
def test_one_question_is_not_split(text: str) -> None:
    assert split_questions(text) == []


def test_bank_texts_split_only_where_they_ask_for_several_values() -> None:
    """Of the 2,069 solved problems of the retrieval bank, only those whose own program answers
    with a dict are split by their text (none of the 7,473 GSM8K train questions either, checked
    by hand), and at solve time those are solved whole: their nearest example answers with a
    dict, a kind the adapter learned to answer at once."""
    import json

    from mathllm.data import bank
    from mathllm.questions import answers_several

    rows = [json.loads(line) for line in bank.BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    split = [r for r in rows if split_questions(r["problem"])]
    assert len(rows) > 1000 and all(answers_several(r["program"]) for r in split)


def test_a_kind_trained_with_a_dict_answer_is_solved_whole() -> None:
    text = ("A ball is kicked from flat ground at 20 m/s, 40° above the horizontal (g = 9.81 m/s²). Compute the "
            "time of flight (s), the maximum height (m) and the horizontal range (m).")
    assert len(split_questions(text)) == 3
    res = solve(Problem(text=text), Tuned(["answer = {'t': 1, 'h': 2, 'r': 3}\n"]), SolveOptions(repairs=0))
    assert res.questions == [] and [a.origin for a in res.attempts] == ["sample 1"]


def test_trailing_instruction_is_kept_for_one_answer() -> None:
    qs = split_questions(BALL)
    assert all(q.text.endswith("Give the answer to two decimals.") for q in qs)


def test_bank_problems_that_ask_one_value_are_not_split() -> None:
    import glob

    for path in glob.glob("problems/*/*.md"):
        p = load_problem(path)
        if not isinstance(p.answer, dict):
            assert split_questions(p.text) == [], path


def test_names_are_short_unique_identifiers() -> None:
    taken: set[str] = set()
    assert name_of("What is the greatest height the ball reaches, in metres?", taken) == "greatest_height_ball"
    assert name_of("What is the greatest height the ball reaches?", taken) == "greatest_height_ball_2"
    assert name_of("At 500 mugs a day, what is the average cost per mug?") == "average_cost_mug"
    assert name_of("What is it?") == "value"


def test_rename_leaves_attributes_and_keywords() -> None:
    code = "t = 1  # time [s]\nsol = solve_ivp(f, t_span=(0, t), t_eval=[t])\ny = sol.t\n"
    out = rename(code, {"t": "t_2", "sol": "sol_2"})
    assert out == "t_2 = 1  # time [s]\nsol_2 = solve_ivp(f, t_span=(0, t_2), t_eval=[t_2])\ny = sol_2.t\n"
    # a default value in a def header is renamed with the parameter it reads
    assert rename("def f(t, g=g):\n    return g\n", {"g": "g_2"}) == "def f(t, g_2=g_2):\n    return g_2\n"


def test_joined_program_runs_and_answers_each_question() -> None:
    code = compose([LAND, TOP], ["time_to_land", "max_height"])
    assert code.count("h0 = 1.5") == 1  # a shared parameter is written once
    assert "t_2 = sp.symbols" in code and "answer_1" in code and "answer_2" in code
    run = run_program(code)
    assert run.ok, run.error
    assert run.answer.values == pytest.approx({"time_to_land": 4.0751, "max_height": 21.1}, abs=1e-3)


def test_joining_renames_what_would_clash() -> None:
    other_g = TOP.replace("g = 9.8", "g = 9.81")
    uses_sum = "x = 2  # a value [1]\n\nanswer = sum([x, 1])\n"
    shadows = "sum = 5  # a total [1]\n\nanswer = sum * 2\n"
    code = compose([shadows, other_g, uses_sum, LAND], ["a", "b", "c", "d"])
    assert "sum_1 = 5" in code and "g = 9.81" in code and "g_4 = 9.8 " in code
    run = run_program(code)
    assert run.ok, run.error
    assert run.answer.values["a"] == 10 and run.answer.values["c"] == 3
    assert run.answer.values["b"] == pytest.approx(1.5 + 19.6**2 / (2 * 9.81))
    assert run.answer.values["d"] == pytest.approx(4.0751, abs=1e-4)


def test_a_dict_answer_contributes_its_entries() -> None:
    lp = "x = 3  # a [1]\n\nanswer = {'chairs': x, 'tables': 2 * x}\n"
    code = compose([lp, LAND], ["plan", "time"], [True, False])
    run = run_program(code)
    assert run.ok, run.error
    assert list(run.answer.values) == ["chairs", "tables", "time"]


class Tuned(ScriptedGenerator):
    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.info = dict(self.info, tuned=True)


def ball_model(prompt: str) -> str:
    question = prompt.split("Priya")[-1]
    if "greatest height" in question:
        return TOP
    if "hit the ground" in question:
        return LAND
    return "answer = 1  # the model answers one question only\n"


def test_solve_answers_each_question_of_a_problem() -> None:
    events = []
    res = solve(Problem(text=BALL, answer={"time_to_land": 4.075, "max_height": 21.1}, tolerance=0.01),
                Tuned(ball_model), SolveOptions(repairs=0, examples=0), progress=events.append)
    assert res.verdict == "verified", res.message
    assert res.answer.values == pytest.approx({"seconds_throw_ball": 4.075, "greatest_height_ball": 21.1}, abs=1e-3)
    assert [a.origin for a in res.attempts] == ["question 1: sample 1", "question 2: sample 1", "2 questions joined"]
    assert res.best is res.attempts[-1]
    assert any(e.message.startswith("question 2 of 2: ") for e in events)
    assert warnings_of(res)[0].startswith("the problem asks 2 questions")
    doc = to_dict(res)
    assert [q["name"] for q in doc["questions"]] == ["seconds_throw_ball", "greatest_height_ball"]


def test_split_is_off_for_an_untuned_model_and_with_no_split() -> None:
    for gen, opts in [(ScriptedGenerator(ball_model), SolveOptions(repairs=0, examples=0)),
                      (Tuned(ball_model), SolveOptions(repairs=0, examples=0, split=False))]:
        res = solve(Problem(text=BALL), gen, opts)
        assert res.questions == [] and len(res.attempts) == 1


def test_an_unanswered_question_is_reported() -> None:
    def model(prompt: str) -> str:
        return TOP if "greatest height" in prompt.split("Priya")[-1] else "answer = undefined_name\n"

    res = solve(Problem(text=BALL), Tuned(model), SolveOptions(repairs=0, examples=0))
    assert res.answer is not None and list(res.answer.values) == ["greatest_height_ball"]
    assert "not answered: question 1" in res.message


def test_no_question_answered_fails_cleanly() -> None:
    res = solve(Problem(text=BALL), Tuned(["answer = undefined_name\n"]), SolveOptions(repairs=0, examples=0))
    assert res.verdict == "failed" and res.answer is None
    assert res.message.startswith("no question was answered")


@pytest.mark.parametrize("flag, splits", [("--split", True), (None, False)])
def test_the_cli_splits_with_a_server_model_when_asked(tmp_path, flag: str | None, splits: bool) -> None:
    """``mathllm solve --split --json`` against a real (fake OpenAI-compatible) server: one
    request per question, one joined program. A server model is not a mathllm adapter, so the
    split is off unless asked."""
    import json

    from tests.conftest import solve_with_server

    def reply(prompt: str, body: dict) -> str:
        return ball_model(prompt) + "```\n"

    p, server = solve_with_server(tmp_path, BALL + "\n", reply, [flag] if flag else [])
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    asked = [r for r in server.requests if r.method == "POST"]
    if splits:
        assert len(asked) == 2 and len(doc["questions"]) == 2
        assert doc["answer"]["values"] == pytest.approx({"seconds_throw_ball": 4.0751, "greatest_height_ball": 21.1},
                                                        abs=1e-3)
        assert doc["attempts"][-1]["origin"] == "2 questions joined"
    else:
        assert len(asked) == 1 and doc["questions"] == [] and doc["answer"]["kind"] == "number"


def test_two_questions_with_one_value_are_flagged() -> None:
    res = solve(Problem(text=BALL), Tuned([TOP]), SolveOptions(repairs=0, examples=0))
    assert res.answer.values == {"seconds_throw_ball": pytest.approx(21.1), "greatest_height_ball": pytest.approx(21.1)}
    assert any("have the same value" in w for w in warnings_of(res))


BOX = """import sympy as sp

sheet_length = 30  # length of the sheet [cm]
sheet_width = 20  # width of the sheet [cm]

x = sp.symbols("x", positive=True)  # side of the corner squares [cm]
volume = x * (sheet_length - 2 * x) * (sheet_width - 2 * x)
crit = [r for r in sp.solve(sp.diff(volume, x), x) if r < sheet_width / 2]
answer = crit[0]  # best corner-square side
"""
TICKETS = """import sympy as sp

total_count = 850  # number of tickets [1]
total_value = 8450  # total ticket revenue [GBP]
price_adult = 12  # price of an adult ticket [GBP]
price_child = 7  # price of a child ticket [GBP]

a, b = sp.symbols("a b")  # numbers of adult tickets and child tickets
eqs = [sp.Eq(a + b, total_count), sp.Eq(price_adult * a + price_child * b, total_value)]
sol = sp.solve(eqs, [a, b])
answer = float(sol[a])  # number of adult tickets
"""
REVENUE = """import sympy as sp

price0 = 20  # current price per ticket [GBP]
sales0 = 300  # current sales per night [1]
drop = 10  # sales lost per 1 GBP price increase [1/GBP]

p = sp.symbols("p", positive=True)  # price [GBP]
revenue = p * (sales0 - drop * (p - price0))
best = sp.solve(sp.diff(revenue, p), p)[0]
answer = best  # revenue-maximizing price
"""


@pytest.mark.parametrize("program, ask, index, line, value", [
    (BOX, "What is that largest volume in cm³?", 1, "answer = volume.subs(x, crit[0])", 1056.3059),
    (REVENUE, "What is that revenue?", 1, "answer = revenue.subs(p, best)", 6250.0),
    (TICKETS, "How many student tickets were sold?", 1, "answer = sol[b]", 350.0),
])
def test_a_repeated_answer_is_retargeted(program: str, ask: str, index: int, line: str, value: float) -> None:
    out, done = retarget(program, ask, index)
    assert done.new == line and line in out and done.old.startswith("answer = ")
    run = run_program(out)
    assert run.ok and run.answer.value == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize("program, ask, index", [
    (BOX, "How tall is the box?", 1),                 # no expression the question names
    (TICKETS, "How many tickets were sold?", 0),      # the first unknown is the one answered
    (LAND, "What is the greatest height?", 1),        # max(solutions): not a solution by index
    ("answer = 3\n", "What is the volume?", 1),
    ("answer = (\n    3\n)\n", "What is the volume?", 1),
    ("this is not python", "What?", 1),
])
def test_nothing_to_retarget(program: str, ask: str, index: int) -> None:
    assert retarget(program, ask, index) is None


def test_solve_retargets_a_question_answered_twice() -> None:
    text = ("Adult tickets cost £12 and child tickets £7. The theatre sold 850 tickets for £8,450.\n\n"
            "How many adult tickets and how many child tickets were sold?")
    res = solve(Problem(text=text, answer={"adult": 500, "child": 350}, tolerance=0.01), Tuned([TICKETS]),
                SolveOptions(repairs=0, examples=0))
    assert res.verdict == "verified", res.message
    assert [a.origin for a in res.attempts] == ["question 1: sample 1", "question 2: sample 1",
                                                "question 2: retargeted", "2 questions joined"]
    assert "sol_2[b_2]" in res.best.program
    assert any("answer = sol[b]" in w for w in warnings_of(res))
    assert not any("have the same value" in w for w in warnings_of(res))


def test_questions_of_a_local_model_are_solved_together_and_the_batcher_closed() -> None:
    """With the local backend the questions' generations go through one BatchingGenerator (a
    batch decodes about as fast as one sequence on a CPU); its thread ends with the solve."""
    import threading
    import time

    class Local(Tuned):
        def __init__(self, *a, **kw) -> None:
            super().__init__(*a, **kw)
            self.info = dict(self.info, backend="hf")
            self.threads: set[str] = set()

        def generate(self, prompts, **kw):
            self.threads.add(threading.current_thread().name)
            return super().generate(prompts, **kw)

    def batchers() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "mathllm-batcher"}

    before = batchers()  # other tests' batchers may still be alive
    gen = Local(ball_model)
    res = solve(Problem(text=BALL, answer={"t": 4.075, "h": 21.1}, tolerance=0.01), gen,
                SolveOptions(repairs=0, examples=0))
    assert res.verdict == "verified" and gen.threads == {"mathllm-batcher"}
    for _ in range(50):
        if not batchers() - before:
            break
        time.sleep(0.1)
    assert not batchers() - before


# -- one question asking for several values ------------------------------------------------------

@pytest.mark.parametrize("ask, names", [
    ("How many tables, chairs and bookcases should be made per week to maximise profit?",
     ["tables", "chairs", "bookcases"]),
    ("How many full-time and part-time agents should be hired?", ["full_time", "part_time_agents"]),
    ("How many kilograms of each kind of bean go into the blend?", []),
    ("How much should go into each fund to maximise the expected return?", []),
    ("How much does each of them receive?", []),
    # one value
    ("How many nuts and bolts did he use in total?", None),
    ("How much will each of them pay if they split the bill equally?", None),
    ("How much does each ticket cost?", None),
    ("How many eggs does she sell each day?", None),
    ("How much did each of the chairs cost?", None),
    ("How much more expensive, per can, in cents, is this deal?", None),
    ("What is the price of a single notebook?", None),
])
def test_several_values_asked_in_one_question(ask: str, names: list[str] | None) -> None:
    assert several(ask) == names


LP = """from scipy.optimize import linprog

profit_table = 120  # profit per table [USD/unit]
profit_chair = 45  # profit per chair [USD/unit]
carpentry_table = 6  # carpentry per table [h/unit]
carpentry_chair = 2  # carpentry per chair [h/unit]
carpentry_available = 300  # carpentry available per week [h]

c = [-profit_table, -profit_chair]  # linprog minimizes, so negate profit
res = linprog(c, A_ub=[[carpentry_table, carpentry_chair]], b_ub=[carpentry_available], bounds=[(0, 20)] * 2)
answer = -res.fun  # maximum profit
"""


@pytest.mark.parametrize("program, names, line, values", [
    (TICKETS, [], 'answer = {"a": sol[a], "b": sol[b]}', [500, 350]),
    (TICKETS, ["adult", "child"], 'answer = {"adult": sol[a], "child": sol[b]}', [500, 350]),
    (LP, ["tables", "chairs"], 'answer = {"tables": float(res.x[0]), "chairs": float(res.x[1])}', [20, 20]),
    (LP, [], 'answer = {"table": float(res.x[0]), "chair": float(res.x[1])}', [20, 20]),
])
def test_a_question_for_each_unknown_gets_them_all(program: str, names: list[str], line: str,
                                                   values: list[float]) -> None:
    out, done = widen(program, names)
    assert done.new == line and line in out
    run = run_program(out)
    assert run.ok and list(run.answer.values.values()) == pytest.approx(values)


@pytest.mark.parametrize("program, names", [
    (TICKETS, ["a", "b", "c"]),       # three asked, two unknowns
    (LP, ["tables", "chairs", "x"]),  # three asked, two decision variables
    (BOX, []),                        # one unknown
    ("answer = {'a': 1, 'b': 2}\n", []),
    ("this is not python", []),
])
def test_nothing_to_widen(program: str, names: list[str]) -> None:
    assert widen(program, names) is None


def test_solve_answers_each_unknown_when_asked() -> None:
    text = ("Adult tickets cost £12 and child tickets £7. The theatre sold 850 tickets for £8,450.\n\n"
            "How many tickets of each type were sold?")
    res = solve(Problem(text=text, answer={"adult": 500, "child": 350}, tolerance=0.01), Tuned([TICKETS]),
                SolveOptions(repairs=0, examples=0))
    assert res.verdict == "verified", res.message
    assert [a.origin for a in res.attempts] == ["sample 1", "sample 1 / widened"]
    assert any('answer = {"a": sol[a], "b": sol[b]}' in w for w in warnings_of(res))
    assert to_dict(res)["attempts"][-1]["widened"]["new"] == 'answer = {"a": sol[a], "b": sol[b]}'
    # an untuned model's program is left as it is
    res = solve(Problem(text=text), ScriptedGenerator([TICKETS]), SolveOptions(repairs=0, examples=0))
    assert [a.origin for a in res.attempts] == ["sample 1"] and res.answer.kind == "number"


def test_a_split_question_for_each_unknown_gets_them_all() -> None:
    text = ("A table earns a profit of $120 and a chair $45. Each table needs 6 hours of carpentry and each chair 2 "
            "hours; 300 hours of carpentry are available each week, and at most 20 of each can be sold.\n\n"
            "How many tables and chairs should be made per week to maximise profit, and what is the maximum "
            "weekly profit in dollars?")
    res = solve(Problem(text=text, answer={"tables": 20, "chairs": 20, "profit": 3300}, tolerance=0.01),
                Tuned([LP]), SolveOptions(repairs=0, examples=0))
    assert [q.ask for q in res.questions] == [
        "How many tables and chairs should be made per week to maximise profit?",
        "What is the maximum weekly profit in dollars?"]
    assert res.verdict == "verified", res.message
    assert res.answer.values == pytest.approx({"tables": 20, "chairs": 20, "maximum_weekly_profit": 3300})
    assert "question 1: widened" in [a.origin for a in res.attempts]
    assert "decision variables" in res.questions[0].note


# -- a percentage asked, a fraction given ---------------------------------------------------------

BAYES = """prevalence = 0.012  # prevalence [1]
sensitivity = 0.94  # P(positive | disease) [1]
specificity = 0.97  # P(negative | no disease) [1]

p_pos = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)
answer = float(sensitivity * prevalence / p_pos)
"""
BAYES_TEXT = ("A disease affects 1.2% of the screened population. The test has a sensitivity of 94% and a "
              "specificity of 97%. A person tests positive. What is the probability that they actually have the "
              "disease? Give the answer as a percentage with two decimals.")


@pytest.mark.parametrize("text", [
    BAYES_TEXT,
    "By what percentage did the population grow?",
    "What percent of the students passed?",
    "Find the percentage change in price.",
    "What is the real rate of return, in percent?",
    "How large is the share of voters (in %)?",
    "Report the yield as a percentage.",
])
def test_asks_percent(text: str) -> None:
    assert asks_percent(text)


@pytest.mark.parametrize("text", [
    "A 20% discount applies. What is the sale price?",
    "The tax percentage is 8%. What is the probability of rain tomorrow?",  # given, not asked
    "What is the probability that it rains on Thursday? The percentage of sunny days was 30% last year.",
    "What fraction of the students passed?",
    "",
])
def test_does_not_ask_percent(text: str) -> None:
    assert not asks_percent(text)


def test_a_fraction_answers_a_percentage_question_in_percent() -> None:
    out, done = in_percent(BAYES, BAYES_TEXT, 0.27566)
    assert done.new == "answer = 100 * float(sensitivity * prevalence / p_pos)" and done.new in out
    assert "0.27566" in done.reason
    run = run_program(out)
    assert run.ok and run.answer.value == pytest.approx(27.566, abs=1e-3)


@pytest.mark.parametrize("program, text, answer", [
    (BAYES, BAYES_TEXT.replace(" Give the answer as a percentage with two decimals.", ""), 0.27566),  # a probability
    (BAYES.replace("answer = float(", "answer = 100 * float("), BAYES_TEXT, 27.566),  # already in percent
    (BAYES.replace("p_pos)\n", "p_pos) * 100\n"), BAYES_TEXT, 0.9),  # multiplies by 100: in percent
    (BAYES, BAYES_TEXT, 1.5),   # more than 1: not a fraction
    (BAYES, BAYES_TEXT, 0.0),   # zero is zero in percent too
    ("real = 0.8  # real rate [%]\nnominal = 5.2  # nominal rate [%]\nanswer = nominal - real - 3.8\n",
     "By what percentage does the money grow each year?", 0.6),  # percentages as parameters
    ("a = 1  # a [1]\nanswer = {'x': a / 4, 'y': a / 2}\n", BAYES_TEXT, 0.25),  # several values
    ("this is not python", BAYES_TEXT, 0.5),
])
def test_nothing_to_put_in_percent(program: str, text: str, answer: float) -> None:
    assert in_percent(program, text, answer) is None


def test_solve_answers_in_percent_when_asked() -> None:
    res = solve(Problem(text=BAYES_TEXT), ScriptedGenerator([BAYES]), SolveOptions(repairs=0, examples=0))
    assert res.answer.value == pytest.approx(27.566, abs=1e-3)
    assert [a.origin for a in res.attempts] == ["sample 1", "sample 1 / in percent"]
    assert any("asks for a percentage" in w for w in warnings_of(res))
    assert to_dict(res)["attempts"][-1]["scaled"]["new"] == "answer = 100 * float(sensitivity * prevalence / p_pos)"
    # a problem file that expects the fraction keeps it
    res = solve(Problem(text=BAYES_TEXT, answer=0.27566, tolerance=1e-4), ScriptedGenerator([BAYES]),
                SolveOptions(repairs=0, examples=0))
    assert [a.origin for a in res.attempts] == ["sample 1"] and res.answer.value == pytest.approx(0.27566, abs=1e-5)


LV_TEXT = ("A ranger models the hares and lynx of an island. With no lynx, the hares grow at a relative rate of 0.8 per "
           "year. Hares are eaten at a rate proportional to the product of the two populations, with constant 0.02 "
           "per lynx per year. With no hares, the lynx die off at a relative rate of 0.5 per year. Lynx increase at a "
           "rate proportional to the product, with constant 0.005 per hare per year. Right now there are 120 hares "
           "and 30 lynx.\n\n1. How many hares does the model predict 5 years from now?\n2. How many lynx does the "
           "model predict 5 years from now?")


def _lv(values: tuple[float, ...], row: int) -> str:
    alpha, beta, gamma, delta = values
    return f"""import numpy as np
from scipy.integrate import solve_ivp

alpha = {alpha}  # prey growth rate [1/year]
beta = {beta}  # predation rate [1/(predator*year)]
gamma = {gamma}  # predator death rate [1/year]
delta = {delta}  # predator growth per prey eaten [1/(prey*year)]
x0 = 120  # initial hares [animals]
y0 = 30  # initial lynx [animals]
T = 5  # time horizon [year]


def lotka_volterra(t, z):
    x, y = z
    return [alpha * x - beta * x * y, delta * x * y - gamma * y]


sol = solve_ivp(lotka_volterra, (0, T), [x0, y0], rtol=1e-9, atol=1e-9)
answer = float(sol.y[{row}, -1])
"""


def test_a_question_whose_program_holds_the_same_parameters_takes_the_better_grounded_values() -> None:
    # what the adapter wrote for set b's island: the lynx question's rates shifted by one
    right, shifted = (0.8, 0.02, 0.5, 0.005), (0.02, 0.5, 0.005, 5)

    def model(prompt: str) -> str:
        return _lv(right, 0) if "How many hares" in prompt.split("Right now")[-1] else _lv(shifted, 1)

    res = solve(Problem(text=LV_TEXT), Tuned(model), SolveOptions(repairs=0, examples=0))
    expected = run_program(_lv(right, 1)).answer.value
    assert res.answer is not None and list(res.answer.values.values())[1] == pytest.approx(expected, rel=1e-6)
    assert "values of question 1's program" in res.questions[1].note
    # the same values (or no better grounded ones): nothing is taken
    res = solve(Problem(text=LV_TEXT), Tuned(lambda p: _lv(right, 0 if "How many hares" in p.split("Right now")[-1]
                                                             else 1)), SolveOptions(repairs=0, examples=0))
    assert all("values of question" not in q.note for q in res.questions)


def _solved_values(text: str, model) -> tuple:
    """The result of solving ``text`` question by question with a scripted ``model``, and its
    values in the order asked."""
    res = solve(Problem(text=text), Tuned(model), SolveOptions(repairs=0, examples=0))
    return res, list(res.answer.values.values())


SCREEN_TEXT = ("A clinic screens people for a condition that affects 1.5% of them. The test has a sensitivity of 92% "
               "and a specificity of 96%.\n\n1. If a person tests positive, what is the probability (in percent) that "
               "they have the condition?\n2. If a person tests negative, what is the probability (in percent) that "
               "they are free of it?")


def _screen(prevalence: float, negative: bool) -> str:
    head = (f"prevalence = {prevalence}  # prevalence [1]\nsensitivity = 0.92  # P(positive | disease) [1]\n"
            "specificity = 0.96  # P(negative | no disease) [1]\n\n")
    if negative:
        return head + ("p_neg = (1 - sensitivity) * prevalence + specificity * (1 - prevalence)\n"
                       "answer = float(specificity * (1 - prevalence) / p_neg)\n")
    return head + ("p_pos = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)\n"
                   "answer = 100 * float(sensitivity * prevalence / p_pos)\n")


def test_a_question_given_another_programs_values_is_answered_in_percent_when_asked() -> None:
    # set b's screening: the second program wrote the prevalence as 1.5 (its answer 1.33, no
    # fraction to put in percent); with the first program's 0.015 it gives the fraction 0.9987
    def model(prompt: str) -> str:
        negative = "tests negative" in prompt.split("specificity of 96%.")[-1]
        return _screen(1.5 if negative else 0.015, negative)

    res, values = _solved_values(SCREEN_TEXT, model)
    assert values[0] == pytest.approx(25.94, abs=0.01) and values[1] == pytest.approx(99.87, abs=0.01)
    assert "values of question 1's program" in res.questions[1].note
    assert "asks for a percentage" in res.questions[1].note


def _sir(days: float, answer: str = "float(sol.t[np.argmax(I)])", grid: bool = True) -> str:
    span = "t_eval=np.linspace(0, days, 2001), " if grid else ""
    return f"""import numpy as np
from scipy.integrate import solve_ivp

N = 12000  # population [people]
I0 = 10  # initially infected [people]
beta = 0.3  # transmission rate [1/day]
gamma = 0.1  # recovery rate [1/day]
days = {days}  # simulated period [day]


def sir(t, y):
    S, I, R = y
    return [-beta * S * I / N, beta * S * I / N - gamma * I, gamma * I]


sol = solve_ivp(sir, (0, days), [N - I0, I0, 0], {span}rtol=1e-8, atol=1e-6)
S, I, R = sol.y
answer = {answer}
"""


SIR_TEXT = ("A town of 12,000 people has 10 infectious residents on day 0. Use the SIR model with a transmission rate "
            "of 0.3 per day and an average infectious period of 10 days. On which day does the epidemic peak?")


@pytest.mark.parametrize("grid", [True, False])
def test_a_peak_at_the_end_of_the_simulated_span_is_looked_for_in_a_longer_one(grid: bool) -> None:
    out, done = longer_span(_sir(10, grid=grid), 10.0)
    assert "days = 100  # simulated period [day]" in out
    assert done.old == "days = 10" and done.new == "days = 100" and "end of the simulated span" in done.reason
    run = run_program(out)
    assert run.ok and 38 < run.answer.value < 40


@pytest.mark.parametrize("program, answer", [
    (_sir(160), 39.2),  # the peak inside the span
    (_sir(10, answer="float(I.max())"), 10.0),  # a peak's height, not its time
    (_sir(10, answer="float(sol.t[-1])"), 10.0),  # no peak asked
    ("this is not python argmax", 10.0),
])
def test_no_longer_span(program: str, answer: float) -> None:
    assert longer_span(program, answer) is None


def test_solve_looks_for_a_peak_beyond_the_span_and_keeps_a_curve_without_one() -> None:
    res = solve(Problem(text=SIR_TEXT), ScriptedGenerator([_sir(10)]), SolveOptions(repairs=0, examples=0))
    assert 38 < res.answer.value < 40
    assert [a.origin for a in res.attempts] == ["sample 1", "sample 1 / longer span"]
    assert any("end of the simulated span" in w for w in warnings_of(res))
    assert to_dict(res)["attempts"][-1]["lengthened"]["new"] == "days = 100"
    # a curve still rising at ten times the span has no peak to find: the program stands
    rising = _sir(10).replace("return [-beta * S * I / N, beta * S * I / N - gamma * I, gamma * I]",
                              "return [0 * S, 0.01 * I, 0 * R]")
    res = solve(Problem(text=SIR_TEXT), ScriptedGenerator([rising]), SolveOptions(repairs=0, examples=0))
    assert res.answer.value == pytest.approx(10.0)
    assert [a.origin for a in res.attempts] == ["sample 1"]


def _workshop(objective: str, last: str) -> str:
    return f"""from scipy.optimize import linprog

profit_table = 90  # profit per table [USD/unit]
profit_shelf = 75  # profit per bookshelf [USD/unit]
carpentry_available = 120  # carpentry available per week [h]
finishing_available = 80  # finishing available per week [h]

c = {objective}
A_ub = [[3, 2], [1, 2]]
b_ub = [carpentry_available, finishing_available]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, 30), (0, None)])
answer = {last}
"""


@pytest.mark.parametrize("objective, ask, new, value", [
    # set a's workshop: the third program answered the bookshelves again
    ("[-profit_table, -profit_shelf]", "What is that maximum profit in dollars?", "answer = -res.fun", 4050.0),
    ("[profit_table, profit_shelf]", "What is the lowest possible cost?", "answer = res.fun", 0.0),
    ("[-profit_table, -profit_shelf]", "and what is the largest total profit?", "answer = -res.fun", 4050.0),
])
def test_a_linear_programs_optimum_is_answered_where_the_question_asks_it(objective: str, ask: str, new: str,
                                                                          value: float) -> None:
    out, done = retarget(_workshop(objective, "float(res.x[1])"), ask, 2)
    assert done.new == new and "optimum of the linear program res" in done.reason
    assert run_program(out).answer.value == pytest.approx(value)


@pytest.mark.parametrize("ask, last", [
    ("How many bookshelves should they build?", "res.x[1]"),  # a decision variable asked
    ("How much profit is that at most?", "res.x[1]"),  # "how much": not read as the optimum
    ("What is that maximum profit in dollars?", "-res.fun"),  # the optimum already
])
def test_no_optimum_to_retarget(ask: str, last: str) -> None:
    assert retarget(_workshop("[-profit_table, -profit_shelf]", last), ask, 2) is None


RLC_TEXT = ("A 500 µF capacitor has been charged to 12 V. At t = 0 a switch connects it in a series loop with a 0.5 H "
            "inductor and a 20 Ω resistor; at that instant no current is flowing in the inductor.\n\nFind (a) the "
            "voltage across the capacitor 20 ms after the switch closes, in volts, and (b) the magnitude of the "
            "current in the loop at that same moment, in milliamperes.")


def _rlc(t_ms: float, current: bool) -> str:
    last = "float(-sol.y[1, -1] * 1000)  # discharge current [mA]" if current else "float(sol.y[0, -1] / C)  # [V]"
    return f"""from scipy.integrate import solve_ivp

V0 = 12  # initial capacitor voltage [V]
R = 20  # resistance [Ohm]
L = 0.5  # inductance [H]
C_uF = 500  # capacitance [uF]
t_ms = {t_ms}  # time after closing the switch [ms]

C = C_uF * 1e-6  # [F]
t_query = t_ms / 1000  # [s]


def rhs(t, y):
    q, i = y
    return [i, -(R * i + q / C) / L]


sol = solve_ivp(rhs, (0, t_query), [C * V0, 0], rtol=1e-10, atol=1e-12)
answer = {last}
"""


def test_a_question_at_that_same_moment_takes_the_time_another_question_gives() -> None:
    # set a's RLC discharge: the current's program, with no time in its text, read the 0.5 H twice
    def model(prompt: str) -> str:
        current = "current in the loop" in prompt.split("no current is flowing in the inductor.")[-1]
        return _rlc(0.5 if current else 20, current)

    res, values = _solved_values(RLC_TEXT, model)
    assert values[0] == pytest.approx(5.414, abs=1e-3) and values[1] == pytest.approx(249.9, abs=0.1)
    assert "values of question 1's program, which reads fewer of the text's numbers twice: t_ms" in res.questions[1].note
