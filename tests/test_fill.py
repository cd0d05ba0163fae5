"""Stage 3c, fill: when the model's programs fail, the shown example's program with its values."""

from __future__ import annotations

import re

import pytest

from mathllm.fill import MIN_FAMILY_MATCH, Filled, fill, ignores
from mathllm.problem import Problem
from mathllm.prompt import Example, build_prompt
from mathllm.report import to_dict, warnings_of
from mathllm.retrieve import family_match, nearest_examples
from mathllm.solve import SolveOptions, solve
from tests.fakes import ScriptedGenerator

#: A problem-bank text the adapter answered with a chain of GSM8K-style steps, and the example
#: the retrieval showed for it.
PAINT = ("Alice can paint the classroom by herself in 6 hours. Bob can paint the same room by himself in "
         "4 hours. If they work together at these rates, how many hours will it take them?")
PUMPS = Example(
    "Working alone, pump A can empty a flooded basement in 12 hours, and pump B can do it in 8 hours. "
    "How long does it take if both work together?",
    """import sympy as sp

time_a = 12  # time for the first pump alone [h]
time_b = 8  # time for the second pump alone [h]

t = sp.symbols("t", positive=True)  # time working together [h]
answer = sp.solve(sp.Eq(t / time_a + t / time_b, 1), t)[0]
""")
CHAIN = """hours = 6  # Alice can paint the classroom by herself in hours [h]
hours_room = 4  # Bob can paint the same room by himself in hours [h]

hours_room_2 = hours * hours_room
hours_room_3 = hours_room_3 + hours_room_2
"""
VALUES = {"time_a": "6", "time_b": "4"}


def model(values: dict[str, str], program: str = CHAIN):
    """A stand-in adapter: its own program for the prompt, and a value after ``name = ``."""
    def answer(prompt: str) -> str:
        head = re.search(r"\n(\w+) = $", prompt)
        if head is None:
            return program
        return values.get(head.group(1), "x") + "  # whatever the model says next"
    return answer


class Tuned(ScriptedGenerator):
    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.info = dict(self.info, tuned=True)


def test_the_examples_program_gets_the_values_the_model_writes() -> None:
    gen = ScriptedGenerator(model(VALUES))
    prompt = build_prompt(PAINT, [PUMPS])
    program, done = fill(gen, prompt, [PUMPS], "check failed")
    assert program == PUMPS.program.replace("time_a = 12", "time_a = 6").replace("time_b = 8", "time_b = 4")
    assert done == Filled(example=0, values={"time_a": 6.0, "time_b": 4.0}, reason="check failed")
    # each value is asked after the prompt and the program so far, the earlier values in it
    asked = [p for prompts, _ in gen.calls for p in prompts]
    assert asked == [prompt + "import sympy as sp\n\ntime_a = ",
                     prompt + "import sympy as sp\n\ntime_a = 6  # time for the first pump alone [h]\ntime_b = "]


@pytest.mark.parametrize("values", [
    {"time_a": "6"},                       # no number for time_b
    {"time_a": "6", "time_b": "sp.oo"},    # an expression, not a number
])
def test_no_number_for_a_parameter_fills_nothing(values: dict[str, str]) -> None:
    assert fill(ScriptedGenerator(model(values)), "prompt", [PUMPS], "failed") is None


@pytest.mark.parametrize("examples", [
    [],
    [Example("What is 2 + 2?", "answer = 2 + 2\n")],                         # nothing to fill
    [Example("x", "a = 1; b = 2  # two on a line [1]\nanswer = a + b\n")],   # not one plain assignment
    # the example's data (a list of readings) would answer for the example's problem
    [Example("x", "import numpy as np\n\nreadings = np.array([12, 15, 11])  # readings [mm]\n"
                  "scale = 2  # scale factor [1]\nanswer = float(np.mean(readings)) * scale\n")],
])
def test_nothing_to_fill(examples: list[Example]) -> None:
    assert fill(ScriptedGenerator(model(VALUES)), "prompt", examples, "failed") is None


def test_solve_fills_in_the_example_when_the_models_program_fails() -> None:
    res = solve(Problem(text=PAINT), Tuned(model(VALUES)), SolveOptions(repairs=0), examples=[PUMPS])
    assert res.answer.value == pytest.approx(2.4)
    assert [a.origin for a in res.attempts] == ["sample 1", "example filled in"]
    assert res.best is res.attempts[1] and res.best.filled.values == {"time_a": 6.0, "time_b": 4.0}
    assert warnings_of(res)[0].startswith("the model's own program was not used (check failed: ")
    assert to_dict(res)["attempts"][1]["filled"]["values"] == {"time_a": 6.0, "time_b": 4.0}
    assert to_dict(res)["attempts"][0]["filled"] is None


@pytest.mark.parametrize("generator, options, fills", [
    (ScriptedGenerator, SolveOptions(repairs=0), False),           # an untuned model: its repairs only
    (ScriptedGenerator, SolveOptions(repairs=0, fill=True), True),
    (Tuned, SolveOptions(repairs=0, fill=False), False),
])
def test_fill_is_on_for_adapters_unless_asked(generator, options: SolveOptions, fills: bool) -> None:
    res = solve(Problem(text=PAINT), generator(model(VALUES)), options, examples=[PUMPS])
    assert (res.answer is not None) is fills
    assert options.fill is None or options.fill is fills  # the caller's options are not changed


def test_a_program_that_runs_is_not_replaced() -> None:
    own = PUMPS.program.replace("time_a = 12", "time_a = 6").replace("time_b = 8", "time_b = 5")
    gen = Tuned(model(VALUES, program=own))
    res = solve(Problem(text=PAINT), gen, SolveOptions(repairs=0), examples=[PUMPS])
    assert [a.origin for a in res.attempts] == ["sample 1"] and res.best.filled is None
    assert len(gen.calls) == 1


#: What the adapter wrote for the painters: a chain that runs, and shares nothing with the example.
RUNS = """hours = 6  # Alice can paint the classroom by herself in hours [h]
hours_room = 4  # Bob can paint the same room by himself in hours [h]

hours_room_2 = hours * hours_room
answer = hours_room_2
"""


def test_a_program_that_ignores_the_example_is_filled_in_and_the_filled_one_wins() -> None:
    res = solve(Problem(text=PAINT), Tuned(model(VALUES, program=RUNS)), SolveOptions(repairs=0), examples=[PUMPS])
    assert [a.origin for a in res.attempts] == ["sample 1", "example filled in"]
    assert res.attempts[0].ok and res.answer.value == pytest.approx(2.4)  # not 24: the tie goes to the filled one
    assert res.best.filled.reason == "it shares no parameter and no statement with the solved example"


#: A GSM8K story (held-out slice, item 59) and the chain an adapter trained on GSM8K writes for it.
GLASSES = ("Yesterday, David and William were invited to a party. David broke 2 glasses, while his friend "
           "William broke 4 times the number of glasses David broke. How many glasses were broken?")
GLASSES_CHAIN = """david_glasses = 2  # David broke glasses [1]
times_william = 4  # William broke times the number of glasses David broke [1]

william_glasses = david_glasses * times_william
answer = david_glasses + william_glasses
"""


def test_a_running_program_is_kept_when_the_text_matches_the_examples_family_weakly() -> None:
    shown = nearest_examples(GLASSES, 1)[-1]  # the shipped bank has no story like it
    assert ignores(GLASSES_CHAIN, shown.program)
    assert family_match(GLASSES, shown) < MIN_FAMILY_MATCH
    gen = Tuned(model({}, program=GLASSES_CHAIN))
    res = solve(Problem(text=GLASSES), gen, SolveOptions(repairs=0), examples=[shown])
    assert [a.origin for a in res.attempts] == ["sample 1"] and res.answer.value == 10
    assert len(gen.calls) == 1  # no value asked for the example's parameters


def test_a_running_program_is_still_filled_in_when_the_text_matches_the_family_well() -> None:
    shown = nearest_examples(PAINT, 1)[-1]
    assert family_match(PAINT, shown) >= MIN_FAMILY_MATCH
    names = re.findall(r"^(\w+) = \d", shown.program, flags=re.MULTILINE)
    values = dict(zip(names, ["6", "4"], strict=False))
    res = solve(Problem(text=PAINT), Tuned(model(values, program=RUNS)), SolveOptions(repairs=0), examples=[shown])
    assert [a.origin for a in res.attempts] == ["sample 1", "example filled in"]


def test_family_match_is_none_for_an_example_from_no_bank() -> None:
    assert family_match(PAINT, Example("A problem of my own.", "answer = 1\n")) is None
    assert family_match(PAINT, PUMPS) >= MIN_FAMILY_MATCH  # PUMPS is a bank example


@pytest.mark.parametrize("program, ignored", [
    (RUNS, True),
    (CHAIN, True),
    ("import sympy as sp\n\nanswer = 1\n", True),                          # imports do not count
    (PUMPS.program.replace("time_a = 12", "time_a = 6"), False),           # the example's program
    ("time_a = 6  # alone [h]\nanswer = time_a / 2\n", False),            # one parameter in common
    (("a = 6  # [h]\nb = 4  # [h]\nt = sp.symbols(\"t\", positive=True)  # time working together [h]\n"
      "answer = a * b / (a + b)\n"), False),                               # one statement in common
])
def test_ignores(program: str, ignored: bool) -> None:
    assert ignores(program, PUMPS.program) is ignored


def test_no_repair_round_after_a_filled_in_example_that_runs() -> None:
    gen = Tuned(model(VALUES))
    res = solve(Problem(text=PAINT), gen, SolveOptions(repairs=2), examples=[PUMPS])
    assert [a.origin for a in res.attempts] == ["sample 1", "example filled in"]
    assert len(gen.calls) == 3  # the program, then one value per parameter; no repair prompt


def test_a_filled_in_example_that_fails_leaves_the_repairs_to_the_model() -> None:
    gen = Tuned(model({"time_a": "6", "time_b": "0"}))  # t / 6 + t / 0: the filled program fails to run
    res = solve(Problem(text=PAINT), gen, SolveOptions(repairs=1), examples=[PUMPS])
    assert [a.origin for a in res.attempts][:2] == ["sample 1", "example filled in"]
    assert any("repair 1" in a.origin for a in res.attempts)


@pytest.mark.parametrize("flag, fills", [("--fill", True), (None, False)])
def test_the_cli_fills_in_with_a_server_model_when_asked(tmp_path, flag: str | None, fills: bool) -> None:
    """``mathllm solve --fill`` against a real (fake OpenAI-compatible) server: the model's
    program fails to run, and each value of the shown example's program is asked of the server.
    A server model is not a mathllm adapter, so fill is off unless asked."""
    import json

    from tests.conftest import solve_with_server

    def reply(prompt: str, body: dict) -> str:
        return "7\n" if prompt.endswith(" = ") else "answer = not_defined\n```\n"

    p, server = solve_with_server(tmp_path, "Working alone, pipe A fills a tank in 7 hours and pipe B in 7 hours. "
                                            "How long do they take together?\n", reply, [flag] if flag else [])
    doc = json.loads(p.stdout)
    origins = [a["origin"] for a in doc["attempts"]]
    assert origins == (["sample 1", "example filled in"] if fills else ["sample 1"]), p.stderr
    asked = [r.body["prompt"] for r in server.requests if r.method == "POST"]
    assert len(asked) > 1 and all(q.endswith(" = ") for q in asked[1:]) if fills else len(asked) == 1
    if fills:
        assert set(doc["attempts"][1]["filled"]["values"].values()) == {7.0}
