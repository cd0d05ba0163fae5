"""The whole pipeline with a scripted model and the REAL sandbox: repair, vote, cancel, verdicts."""

from __future__ import annotations

import json
import threading

import pytest

from mathllm.errors import UsageError
from mathllm.problem import Problem, parse_problem
from mathllm.prompt import ERROR_TAG, FIXED_TAG, Example
from mathllm.report import to_dict
from mathllm.solve import ProgressEvent, SolveOptions, rerun, solve
from tests.fakes import ScriptedGenerator

GOOD = """\
principal = 1000  # amount deposited [EUR]
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
answer = principal * (1 + rate) ** years
"""
GOOD_VALUE = 1628.894626777442

TEXT = "Anna puts 1,000 EUR in a savings account at 5% a year. How much is in it after 10 years?"
PLAIN = Problem(text=TEXT)
FAST = {"examples": 0, "timeout_s": 5.0}


class Recording(ScriptedGenerator):
    """A ScriptedGenerator that also records the generation settings of every call."""

    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.settings: list[dict] = []

    def generate(self, prompts, *, n=1, max_new_tokens=512, temperature=0.0, stop=None):
        self.settings.append({"n": n, "max_new_tokens": max_new_tokens, "temperature": temperature})
        return super().generate(prompts, n=n, max_new_tokens=max_new_tokens, temperature=temperature, stop=stop)


def test_solved_on_first_try() -> None:
    gen = Recording([GOOD])
    events: list[ProgressEvent] = []
    res = solve(PLAIN, gen, SolveOptions(**FAST), progress=events.append)
    assert res.solved and res.verdict == "plausible"
    assert res.answer is not None and res.answer.value == pytest.approx(GOOD_VALUE)
    assert len(res.attempts) == 1 and res.attempts[0].origin == "sample 1" and res.attempts[0].ok
    assert res.best is res.attempts[0] and res.best.error is None
    assert [p.name for p in res.parameters] == ["principal", "rate", "years"]
    assert res.agreement == 1.0 and res.votes == [{"answer": res.answer.text, "count": 1}]
    assert res.model["backend"] == "scripted"
    assert {"load", "generate", "check", "run", "verify", "total"} <= set(res.timings)
    # one greedy generate call with the user's problem in the prompt
    assert len(gen.calls) == 1 and gen.calls[0][1] == 1 and gen.settings[0]["temperature"] == 0.0
    assert gen.calls[0][0][0].rstrip().endswith("```python") and TEXT in gen.calls[0][0][0]
    stages = [e.stage for e in events]
    assert stages[0] == "load" and "generate" in stages and "check" in stages and stages[-1] == "vote"
    json.dumps(to_dict(res))


def test_failing_program_is_repaired_with_its_error() -> None:
    gen = ScriptedGenerator(["x = 0\nanswer = 1 / x\n", GOOD])
    res = solve(PLAIN, gen, SolveOptions(repairs=2, **FAST))
    assert res.solved and res.answer.value == pytest.approx(GOOD_VALUE)
    assert [a.origin for a in res.attempts] == ["sample 1", "sample 1 / repair 1"]
    assert "ZeroDivisionError" in res.attempts[0].error
    assert len(gen.calls) == 2
    repair_prompt = gen.calls[1][0][0]
    assert "answer = 1 / x" in repair_prompt and "ZeroDivisionError" in repair_prompt
    assert f"\n{ERROR_TAG}\n" in repair_prompt and repair_prompt.endswith(f"{FIXED_TAG}\n```python\n")


def test_check_failure_is_repaired() -> None:
    gen = ScriptedGenerator(["import os\nanswer = len(os.listdir('/'))\n", GOOD])
    res = solve(PLAIN, gen, SolveOptions(repairs=1, **FAST))
    first = res.attempts[0]
    assert not first.check.ok and first.run is None and first.verification is None
    assert "'os'" in first.error and first.error.startswith("check failed")
    assert "import of 'os' is not allowed" in gen.calls[1][0][0]
    assert res.solved and res.best.origin == "sample 1 / repair 1"


def test_repairs_stop_after_the_limit() -> None:
    gen = ScriptedGenerator(["answer = undefined_name\n"])
    res = solve(PLAIN, gen, SolveOptions(repairs=2, **FAST))
    assert res.verdict == "failed" and not res.solved
    assert len(res.attempts) == 3 and len(gen.calls) == 3
    assert "NameError" in res.message


GARBAGE = [
    ("empty", "", "no program"),
    ("prose", "I'm sorry, but as a language model I cannot write programs.", "check failed"),
    ("binary-junk", "\x00\x01\x02\xff\xfe garbage \x7f", "check failed"),
    ("lone-surrogate", "answer = 1  # \udcff", "check failed"),
    ("infinite-loop", "x = 0\nwhile True:\n    x += 1\nanswer = x\n", "longer than 1 s"),
    ("string-answer", "answer = 'forty two'\n", ""),
    ("nan-answer", "answer = float('nan')\n", ""),
    ("no-answer", "x = 2\n", "answer"),
    ("memory-hog", "x = [0] * (10 ** 10)\nanswer = 1\n", ""),
    ("huge-output", "for i in range(10 ** 7):\n    print('spam' * 20)\nanswer = 1\n", ""),
]


@pytest.mark.parametrize("program, fragment", [g[1:] for g in GARBAGE], ids=[g[0] for g in GARBAGE])
def test_garbage_model_output_is_a_failed_verdict(program: str, fragment: str) -> None:
    gen = ScriptedGenerator([program])
    res = solve(PLAIN, gen, SolveOptions(repairs=0, examples=0, timeout_s=1.0))
    assert res.verdict == "failed" and not res.solved and res.answer is None
    assert res.message and fragment in res.message
    assert res.best is not None and res.best.error
    json.dumps(to_dict(res))


def test_samples_are_one_greedy_and_the_rest_in_one_batched_call() -> None:
    gen = Recording(["answer = 2.0\n", "answer = 1 + 1\n", "answer = 3\n"])
    res = solve(PLAIN, gen, SolveOptions(samples=3, repairs=0, temperature=0.8, **FAST))
    assert [(len(c[0]), c[1]) for c in gen.calls] == [(1, 1), (1, 2)]
    assert [s["temperature"] for s in gen.settings] == [0.0, 0.8]
    assert [a.origin for a in res.attempts] == ["sample 1", "sample 2", "sample 3"]
    assert res.agreement == pytest.approx(2 / 3)
    assert res.answer.value == 2.0 and res.solved
    assert [v["count"] for v in res.votes] == [2, 1]
    assert res.votes[0]["answer"] in ("2", "2.0") and res.votes[1]["answer"] == "3"


def test_voting_ignores_failed_samples_and_repairs_them_in_one_call() -> None:
    gen = ScriptedGenerator(["answer = 5\n", "answer = 1/0\n", "answer = 5.0\n", "answer = 5\n"])
    res = solve(PLAIN, gen, SolveOptions(samples=3, repairs=1, **FAST))
    assert len(gen.calls) == 3 and len(gen.calls[2][0]) == 1      # greedy, samples, then only sample 2 repaired
    assert res.attempts[-1].origin == "sample 2 / repair 1"
    assert res.agreement == 1.0 and res.votes == [{"answer": "5", "count": 3}]


def test_cancel_before_generation() -> None:
    cancel = threading.Event()
    cancel.set()
    gen = ScriptedGenerator([GOOD])
    res = solve(PLAIN, gen, SolveOptions(**FAST), cancel=cancel)
    assert res.verdict == "cancelled" and not res.solved and res.message == "cancelled by the user"
    assert gen.calls == [] and res.attempts == []


def test_cancel_during_generation() -> None:
    cancel = threading.Event()

    def script(prompt: str) -> str:
        cancel.set()  # the user presses cancel while the model writes
        return GOOD

    gen = ScriptedGenerator(script)
    res = solve(PLAIN, gen, SolveOptions(samples=2, **FAST), cancel=cancel)
    assert res.verdict == "cancelled" and not res.solved and res.attempts == []
    assert "total" in res.timings


EXPECTED = """\
---
title: Savings
answer: 1628.89
tolerance: 0.01
units: EUR
---
""" + TEXT


@pytest.mark.parametrize("answer, verdict, solved", [
    ("1628.89", "verified", True),
    ("1500", "wrong", False),
])
def test_expected_answer_in_problem(answer: str, verdict: str, solved: bool) -> None:
    prob = parse_problem(EXPECTED.replace("1628.89", answer))
    gen = ScriptedGenerator([GOOD, "answer = 1500\n"])
    res = solve(prob, gen, SolveOptions(repairs=2, **FAST))
    assert res.verdict == verdict and res.solved is solved
    assert res.answer.value == pytest.approx(GOOD_VALUE)
    # a wrong answer is not "repaired": that would leak the expected answer to the model
    assert len(gen.calls) == 1
    assert answer not in gen.calls[0][0][0].split(TEXT)[0][-200:]


@pytest.mark.parametrize("script, expected", [
    (["answer = 3\n", "answer = 4\n"], 3.0),                          # a 1-1 tie: the greedy answer
    (["answer = 3\n", "answer = 4\n", "answer = 5\n"], 3.0),         # all different: the greedy answer
    (["answer = 3\n", "answer = 4\n", "answer = 4.0\n"], 4.0),       # two samples outvote it
    (["answer = 1/0\n", "answer = 6\n", "answer = 4\n", "answer = 4.0\n"], 4.0),  # a failed greedy program has no say
])
def test_the_greedy_sample_anchors_the_vote(script: list[str], expected: float) -> None:
    res = solve(PLAIN, ScriptedGenerator(script), SolveOptions(samples=len(script), repairs=0, **FAST))
    assert res.answer.value == expected


def test_verified_sample_wins_a_tied_vote() -> None:
    prob = parse_problem("---\nanswer: 7\n---\nWhat is 3 + 4?\n")
    gen = ScriptedGenerator(["answer = 8\n", "answer = 7\n"])
    res = solve(prob, gen, SolveOptions(samples=2, repairs=0, **FAST))
    assert res.verdict == "verified" and res.answer.value == 7.0 and res.agreement == 0.5


def test_retrieved_examples_go_into_the_prompt() -> None:
    ex = Example("A bakery sells 12 cakes a day.", "cakes = 12  # per day [1/day]\nanswer = cakes * 7")
    gen = ScriptedGenerator([GOOD])
    res = solve(PLAIN, gen, SolveOptions(**FAST), examples=[ex])
    assert res.examples == [ex]
    assert "answer = cakes * 7\n```" in gen.calls[0][0][0]


@pytest.mark.parametrize("field, value, fragment", [
    ("samples", 0, "--samples"),
    ("samples", 65, "--samples"),
    ("repairs", -1, "--repairs"),
    ("repairs", 11, "--repairs"),
    ("timeout_s", 0.0, "--timeout"),
    ("timeout_s", 601.0, "--timeout"),
    ("max_new_tokens", 8, "max_new_tokens"),
    ("max_new_tokens", 10_000, "max_new_tokens"),
    ("examples", -1, "examples"),
    ("examples", 9, "examples"),
])
def test_solve_options_validate(field: str, value: float, fragment: str) -> None:
    opts = SolveOptions(**{field: value})
    with pytest.raises(UsageError, match=fragment):
        opts.validate()
    gen = ScriptedGenerator([GOOD])
    with pytest.raises(UsageError):
        solve(PLAIN, gen, opts)
    assert gen.calls == []


def test_default_options_are_valid() -> None:
    SolveOptions().validate()


def test_rerun_user_code() -> None:
    att = rerun(GOOD, PLAIN, timeout_s=5)
    assert att.origin == "user" and att.ok and att.run.answer.value == pytest.approx(GOOD_VALUE)
    bad = rerun("import os\nanswer = 1\n")
    assert not bad.ok and bad.run is None and "'os'" in bad.error


def test_best_grounded_sample_wins_a_tied_vote() -> None:
    """With no expected answer, a tie goes to the program that uses the problem's numbers."""
    made_up = GOOD.replace("principal = 1000", "principal = 1200").replace("years = 10", "years = 11")
    gen = ScriptedGenerator([made_up, GOOD])
    # bind=False: binding would move both made-up values onto the text's unused numbers (rule 3)
    res = solve(PLAIN, gen, SolveOptions(samples=2, repairs=0, bind=False, **FAST))
    assert res.answer.value == pytest.approx(GOOD_VALUE) and res.agreement == 0.5
    assert to_dict(res)["warnings"] == []
    bad = res.attempts[0].verification
    assert bad.grounding.invented == ["principal = 1200", "years = 11"]
    assert bad.grounding.unused == ["1,000", "10"]


def test_grounding_warnings_reach_the_report() -> None:
    wrong = GOOD.replace("years = 10", "years = 5")
    res = solve(PLAIN, ScriptedGenerator([wrong]), SolveOptions(bind=False, **FAST))
    assert res.verdict == "plausible"  # a warning, not a verdict
    doc = to_dict(res)
    assert doc["warnings"] == ["the program does not use 10 from the problem (fine if irrelevant)",
                               "values not given in the problem: years = 5"]
    assert doc["attempts"][0]["verification"]["grounding"]["invented"] == ["years = 5"]
    bound = to_dict(solve(PLAIN, ScriptedGenerator([wrong]), SolveOptions(**FAST)))  # binding repairs it
    moved = "moved years = 5 -> 10 (the problem does not give 5; its one free number in years is 10)"
    assert bound["warnings"] == [moved]


@pytest.mark.parametrize("style", [None, "mathllm-v1", "mathllm-v2", "mathllm-v3"])
def test_solve_prompts_in_the_generators_style(style: str | None) -> None:
    from mathllm.prompt import HEADER, SHORT_HEADER

    gen = ScriptedGenerator(["answer = 1 / 0\n", GOOD])
    if style:
        gen.info["prompt_style"] = style
    solve(PLAIN, gen, SolveOptions(repairs=1, **FAST))
    first, repair = gen.calls[0][0][0], gen.calls[1][0][0]
    want = SHORT_HEADER if style in ("mathllm-v2", "mathllm-v3") else HEADER
    assert first.startswith(want + "\n") and repair.startswith(want + "\n")


def test_the_generation_limit_leaves_room_for_the_shown_examples_program() -> None:
    from mathllm.solve import generation_limit

    short = Example("q", "x = 1  # [1]\nanswer = x\n")
    assert generation_limit(400, []) == 400
    assert generation_limit(400, [short]) == 400
    # a transport problem's program (about 1,150 characters, 450 tokens) does not fit in 400 tokens
    long = Example("q", "cost_p1_lyon = 3  # cost per crate from Plant 1 to Lyon [GBP/unit]\n" * 17)
    limit = generation_limit(400, [short, long])
    assert limit % 200 == 0 and limit >= 1.25 * len(long.program) / 2.2
    assert generation_limit(2000, [long]) == 2000  # a larger limit stands
