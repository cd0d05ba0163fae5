"""GSM8K -> contract programs, on records written here (the shared data file is only used, if
present, for the kept-fraction check)."""

from __future__ import annotations

import json
import re

import pytest

from mathllm.contract import parse_parameters, set_parameters
from mathllm.data.core import run_reference
from mathllm.data.gsm8k import (
    DEFAULT_PATH,
    conversion_stats,
    convert,
    eval_records,
    gold_answer,
    load_gsm8k,
    split_indices,
)

COOKIES = {
    "question": "Maya baked 36 cookies and gave a third of them to her neighbours. Then she baked 12 more. "
                "How many cookies does she have now?",
    "answer": "Maya gave away 36/3 = <<36/3=12>>12 cookies.\nShe kept 36 - 12 = <<36-12=24>>24 cookies.\n"
              "After baking again she has 24 + 12 = <<24+12=36>>36 cookies.\n#### 36",
}
JACKET = {
    "question": "A jacket costs $80. This week it is sold at 25% off. What does the jacket cost this week?",
    "answer": "The discount is 80 * 0.25 = $<<80*0.25=20>>20.\nThe jacket costs 80 - 20 = $<<80-20=60>>60.\n#### 60",
}
WALK = {
    "question": "Omar walks 3 miles every day. How many miles does he walk in 5 days?",
    "answer": "Omar walks 3 * 5 = <<3*5=15>>15 miles.\n#### 15",
}
MARBLES = {
    "question": "Tom has twice as many marbles as Sam. Sam has 14 marbles. How many marbles do they have "
                "together?",
    "answer": "Tom has 14 * 2 = <<14*2=28>>28 marbles.\nTogether they have 28 + 14 = <<28+14=42>>42 marbles.\n#### 42",
}
FARE = {
    "question": "A bus ticket costs $2.50 and Lina buys 4 tickets a week. How much does she spend in 3 weeks?",
    "answer": "She spends 2.50 * 4 = $<<2.50*4=10>>10 a week.\nIn 3 weeks she spends 10 * 3 = $<<10*3=30>>30.\n#### 30",
}
NO_ANNOTATIONS = {"question": "Ana has 3 cats and 2 dogs. How many pets?", "answer": "She has 3 + 2 = 5 pets.\n#### 5"}
WRONG = {"question": "Ben has 4 boxes of 6 eggs. How many eggs?", "answer": "4 * 6 = <<4*6=24>>24 eggs.\n#### 25"}
GOOD = [COOKIES, JACKET, WALK, MARBLES, FARE]


@pytest.mark.parametrize("rec", GOOD, ids=["cookies", "jacket", "walk", "marbles", "fare"])
def test_convert_reproduces_the_answer_with_named_steps(rec):
    s = convert(rec)
    assert s is not None
    gold = gold_answer(rec)
    assert s.answer == gold and run_reference(s.program) == gold
    assert s.family == "gsm8k" and s.problem == rec["question"]
    params = parse_parameters(s.program)
    assert params
    for p in params:
        assert p.description and p.unit
    lines = s.program.strip().splitlines()
    assert lines[-1].startswith("answer = ") and re.fullmatch(r"answer = [a-z_][a-z0-9_]*", lines[-1])
    steps = [ln for ln in lines if ln and "#" not in ln and not ln.startswith("answer")]
    assert steps and all(re.match(r"[a-z_][a-z0-9_]* = ", ln) for ln in steps)
    # the question's numbers are referred to by name in the steps, not repeated as literals
    body = "\n".join(steps)
    for p in params:
        assert not re.search(rf"(?<![\w.]){re.escape(repr(p.value).removesuffix('.0'))}(?![\w.])", body)
    # changing a parameter changes the answer: the program is a model, not a constant
    first = params[0]
    new = run_reference(set_parameters(s.program, {first.name: first.value + 1}))
    assert new != gold


def test_units_and_percentages():
    walk = {p.name: p for p in parse_parameters(convert(WALK).program)}
    assert sorted(p.unit for p in walk.values()) == ["day", "mi"]
    jacket = convert(JACKET).program
    units = {p.unit for p in parse_parameters(jacket)}
    assert units == {"USD", "%"}
    assert "/ 100" in jacket and "0.25" not in jacket  # 25% written as 0.25 refers to the parameter
    fare = convert(FARE).program
    assert "2.5" in fare.split("\n\n")[0]  # $2.50 is a parameter


def test_number_words_and_reuse():
    marbles = convert(MARBLES).program
    twice = [p for p in parse_parameters(marbles) if p.value == 2]
    assert twice and "twice" in twice[0].description
    cookies = convert(COOKIES).program
    # the 12 of "baked 12 more" is the question's number, the 12 given away is a step
    assert any(p.value == 12 for p in parse_parameters(cookies))
    assert "third" in cookies.split("\n\n")[0]


# Two numbers of the question share a value: which one the solution's 20 is cannot be told, and a
# wrong guess would teach a wrong binding (here the converter would take the crystal beads' 20).
AMBIGUOUS = {
    "question": "Nancy has 40 metal beads and 20 more pearl beads than metal beads. Rose has 20 crystal "
                "beads. How many beads do they have?",
    "answer": "Nancy has 40 + 20 = <<40+20=60>>60 pearl beads.\nTogether 40 + 60 + 20 = <<40+60+20=120>>120.\n"
              "#### 120",
}
WORD_AND_DIGIT = {
    "question": "Frank buys 2 bags of chips and twice as many apples. How many things does he buy?",
    "answer": "He buys 2 * 2 = <<2*2=4>>4 apples.\nIn all 2 + 4 = <<2+4=6>>6 things.\n#### 6",
}


def test_unconvertible_records_are_dropped():
    assert convert(NO_ANNOTATIONS) is None
    assert convert(WRONG) is None
    assert convert(AMBIGUOUS) is None
    assert convert(WORD_AND_DIGIT) is None
    # the same question with distinct numbers converts
    assert convert({**AMBIGUOUS, "question": AMBIGUOUS["question"].replace("Rose has 20", "Rose has 25"),
                    "answer": AMBIGUOUS["answer"].replace("60 + 20 = <<40+60+20=120>>120", "60 + 25 = "
                                                          "<<40+60+25=125>>125").replace("#### 120", "#### 125")})
    assert convert({"question": "x", "answer": "no final answer"}) is None


def test_split_is_fixed_and_disjoint():
    tr, ev = split_indices(2000, eval_pool=100)
    assert len(ev) == 100 and len(tr) == 1900 and not set(tr) & set(ev)
    assert split_indices(2000, eval_pool=100) == (tr, ev)
    assert sorted(tr + ev) == list(range(2000))


def test_files(tmp_path):
    path = tmp_path / "gsm.jsonl"
    recs = GOOD * 4 + [NO_ANNOTATIONS]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    samples = load_gsm8k(path)
    assert len(samples) == 20 and all(s.meta["index"] < 20 for s in samples)
    assert len(load_gsm8k(path, limit=3)) == 3
    ev = eval_records(path, n=5)
    assert len(ev) == 5 and all(set(r) == {"question", "answer", "index"} for r in ev)
    _, pool = split_indices(len(recs))
    assert [r["index"] for r in ev] == pool[:5]


@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="shared GSM8K file not present")
def test_real_file_keeps_at_least_half():
    stats = conversion_stats(DEFAULT_PATH)
    assert stats["total"] > 7000
    assert stats["fraction"] >= 0.5, stats  # 66% since ambiguous records are dropped (94% before)


def test_parameters_are_named_by_what_they_count():
    rec = {"question": "Nancy has 40 metal beads and Rose has 25 crystal beads. How many beads do they have?",
           "answer": "They have 40 + 25 = <<40+25=65>>65 beads.\n#### 65"}
    names = [p.name for p in parse_parameters(convert(rec).program)]
    assert names == ["metal_beads", "crystal_beads"]
    # a unit after the number keeps the verb before it: 'walks 3 miles' -> walks_miles
    assert [p.name for p in parse_parameters(convert(WALK).program)][0] == "walks_miles"
