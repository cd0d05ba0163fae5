"""Grounded decoding (generate stage): parameter values come from the problem's numbers.

The logits processor runs here over a character-level stand-in for Gemma's tokenizer (which
also writes each digit as its own token); the real model runs it in the end-to-end test and
in ``benchmarks/eval_matrix.py``.
"""

from __future__ import annotations

import pytest
import torch

from mathllm.generate import GroundedNumbers
from mathllm.quantities import Literals, given_literals, literal_text

#: single characters, plus the multi-character pieces the real vocabulary has around numbers
PIECES = ["<pad>"] + [chr(c) for c in range(32, 127)] + ["\n", "..", ".,", "\u2581.", "\u2581-", "12"]


class CharTok:
    """Every character its own token (id 0 pads), like Gemma's digits."""

    pad_token_id = 0

    def __len__(self) -> int:
        return len(PIECES)

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        return [PIECES[i] for i in ids]

    def encode(self, text: str) -> list[int]:
        return [PIECES.index(ch) for ch in text]

    def decode(self, ids, skip_special_tokens: bool = True) -> str:
        ids = ids.tolist() if hasattr(ids, "tolist") else list(ids)
        return "".join(PIECES[i].replace("\u2581", " ") for i in ids if i or not skip_special_tokens)


TOK = CharTok()


def allowed_after(problem: str, written: str) -> set[str] | None:
    """The tokens left possible after ``written``; None when the processor leaves the row alone."""
    proc = GroundedNumbers(TOK, [problem], prompt_width=0)
    ids = torch.tensor([TOK.encode(written)])
    scores = torch.zeros(1, len(TOK))
    out = proc(ids, scores.clone())
    if torch.isfinite(out).all():
        return None
    return {PIECES[i] for i in range(len(TOK)) if torch.isfinite(out[0, i])}


DIGITS = set("0123456789")


def test_literal_text_is_canonical() -> None:
    assert [literal_text(v) for v in (5.5 / 100, 1.2e6, 1.2e-6, -3.0, 0, 273.15)] == \
        ["0.055", "1200000", "0.0000012", "3", "0", "273.15"]


def test_given_literals_cover_the_ways_a_program_states_a_number() -> None:
    got = given_literals("A loan of $2,500 at 4.8% over 1.2 million km, 6.8 kΩ, a 1 in 500 chance, 90 min.")
    for lit in ("2500", "4.8", "0.048", "1200000", "1.2", "6800", "0.002", "5400", "1.5",
                "12", "365", "9.81"):  # conversions, and conventions the text need not state
        assert lit in got, lit
    assert "17" not in got and "0.05" not in got


def test_scientific_notation_is_one_number_written_mantissa_first() -> None:
    lit = given_literals("Air resistance is c·v² with c = 8e-05 kg/m.")
    assert {"0.00008", "8"} <= lit  # the value, and the digits a program writes before "e-05"
    assert "12500" in lit and "0.05" not in lit  # 1/8e-05; "05" is the exponent, not a number


@pytest.mark.parametrize("text, literal, given", [
    ("a 5-year loan at 6.9% annual interest", "0.05", False),  # a count of years is no rate
    ("a 5-year loan at 6.9% annual interest", "0.069", True),
    ("a rod of 7 cm", "0.07", True),                            # centi units: metres
    ("costs 45 cents", "0.45", True),                           # and dollars
    ("a 33 cl bottle", "0.33", True),
    ("7 dollars", "0.07", False),
])
def test_a_number_is_divided_by_100_only_as_a_percentage_or_a_centi_unit(text: str, literal: str,
                                                                         given: bool) -> None:
    assert (literal in given_literals(text)) is given


@pytest.mark.parametrize("text", ["Give both answers to two decimals.", "Round to 3 significant figures.",
                                  "Answer to 2 decimal places.", "Write 4 decimal digits."])
def test_how_precisely_to_answer_is_no_number_of_the_problem(text: str) -> None:
    # "two decimals" would give 2 (and 1/2 = 0.5) to the model and to the verifier's "given"
    from mathllm.quantities import find_numbers

    assert find_numbers(text) == []
    assert find_numbers("A 4 kg box; " + text)[0].written == "4"


@pytest.mark.parametrize(("text", "numbers"), [
    ("The wood holds 62% of the carbon-14 of living wood; the half-life is 5,730 years.", ["62", "5,730"]),
    ("Cobalt-60, technetium-99m, I-131 and U-235 decay.", []),
    ("A 4-hour block from midnight-4am needs 20 agents; the rule-of-72 check.", ["4", "4", "20", "72"]),
])
def test_an_isotopes_mass_number_is_no_number_of_the_problem(text: str, numbers: list[str]) -> None:
    from mathllm.quantities import find_numbers

    assert [m.written for m in find_numbers(text)] == numbers


def test_the_number_of_a_question_in_a_list_is_no_number_of_the_problem() -> None:
    from mathllm.quantities import find_numbers

    text = "A 470 µF capacitor.\n\n1. What is the voltage 1 second after?\n2) When is it at 8 V?\n1.5 m; see 2. below"
    assert [m.written for m in find_numbers(text)] == ["470", "1", "8", "1.5", "2"]


@pytest.mark.parametrize("digits, more, done", [
    ("0.04", True, False), ("0.048", True, True), ("0.0480", True, True), ("0.040", False, False),
    ("140.50", True, True), ("140.", True, False), ("2500.", True, True), ("2500.05", False, False),
    ("0.1667", True, True), ("0.167", True, True), ("0.17", False, False), (".5", True, True),
    ("17", False, False), ("1", True, True), ("0.0048", False, False),  # 4.8% is 4.8 or 0.048 only
    ("0.0", True, True), ("0.00", True, False), ("0.0000000", False, False),  # zero is 0 or 0.0
])
def test_literals_answer_while_a_number_is_written(digits: str, more: bool, done: bool) -> None:
    lit = Literals.of("A loan of 2,500 dollars at 4.8%, 140.50 in fees, recovery 1 in 6 days.")
    assert (lit.can_continue(digits), lit.complete(digits)) == (more, done)


def test_a_number_can_only_grow_into_a_given_one() -> None:
    problem = "Pay 7 cents."  # conventions (1, 4, 10, 4.184, ...) and 7 converted (700, 0.07, 420, ...)
    assert "13" not in given_literals(problem) and "420" in given_literals(problem)
    # "4" is a convention, so the number may end; of the digits only "2" leads on (to 420)
    after_4 = allowed_after(problem, "x = 4")
    assert after_4 & DIGITS == {"2"} and {".", " ", "\n"} <= after_4
    # "42" is not a literal yet: only the digit that makes it 420
    assert allowed_after(problem, "x = 42") == {"0"}
    # 10, 100, 1000, 11, 12 and 1.609344 lead on from "1"; 13 does not
    assert allowed_after(problem, "x = 1") & DIGITS == {"0", "1", "2"}
    # a sign is no escape: 0.07, 0.007, 0.00194 (7 s in hours) and 0.0254 (an inch) lead on from "0.0"
    assert allowed_after(problem, "rate = -0.0") & DIGITS == {"0", "2", "7"}


@pytest.mark.parametrize("written", [
    "    k = 4",             # indented: inside a function, not a parameter
    "y = x * 4",            # an expression
    "data = [4",            # a list
    "answer = f(4",
    "# k = 4",
    "x = 13",               # off course already (not from this processor): left alone, never stuck
])
def test_only_parameter_values_are_constrained(written: str) -> None:
    assert allowed_after("Pay 7 dollars.", written) is None


def test_each_row_follows_its_own_problem() -> None:
    proc = GroundedNumbers(TOK, ["Pay 7 dollars.", "Pay 8 dollars."], prompt_width=0)
    ids = torch.tensor([TOK.encode("x = 8"), TOK.encode("x = 8")])
    out = proc(ids, torch.zeros(2, len(TOK)))
    zero = PIECES.index("0")
    assert not torch.isfinite(out[0, zero])  # 80... is nothing the first problem gives
    assert torch.isfinite(out[1, zero])  # 800 = 8 x 100 for the second


def greedy(problem: str, wanted: str, steps: int = 40) -> str:
    """Decode greedily with a stand-in model that wants to write ``wanted`` (and, where it may
    not, prefers lower token ids), under grounded decoding."""
    proc = GroundedNumbers(TOK, [problem], prompt_width=0)
    ids: list[int] = []
    for _ in range(steps):
        text = TOK.decode(ids)
        scores = -0.001 * torch.arange(len(TOK), dtype=torch.float32).unsqueeze(0)
        scores[0, 0] = float("-inf")  # never the pad token
        if len(text) < len(wanted):
            scores[0, PIECES.index(wanted[len(text)])] = 10.0
        scores = proc(torch.tensor([ids], dtype=torch.long).reshape(1, -1), scores)
        ids.append(int(scores.argmax()))
        if TOK.decode(ids).endswith("\n"):
            break
    return TOK.decode(ids)


def test_a_copied_number_is_replaced_by_a_given_one() -> None:
    problem = "A 1000 µF capacitor at 48 V discharges through 220 Ω for 0.39 s."
    line = greedy(problem, "t = 2.3  # time [s]\n")  # 2.3 is the solved example's time
    assert line.endswith("\n")
    value = line.split("=")[1].split("#")[0].strip()
    assert value != "2.3" and literal_text(float(value)) in given_literals(problem)
    # a given number goes through untouched
    assert greedy(problem, "t = 0.39  # time [s]\n") == "t = 0.39  # time [s]\n"
    assert greedy(problem, "V0 = 48.0  # [V]\n") == "V0 = 48.0  # [V]\n"


def test_grounded_is_the_default_and_can_be_turned_off() -> None:
    from mathllm.generate import make_generator

    assert make_generator("hf", adapter=None).info["grounded"] is True  # built, not loaded
    assert make_generator("hf", adapter=None, grounded=False).info["grounded"] is False


def test_the_cli_offers_free_numbers_and_no_bind() -> None:
    from typer.testing import CliRunner

    from mathllm.cli import app

    for cmd in ("solve", "eval"):
        out = CliRunner().invoke(app, [cmd, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"}).output
        assert "--free-numbers" in out and "--no-bind" in out


def test_a_prompt_that_ends_inside_a_parameter_line_is_grounded_from_its_first_digit() -> None:
    # the fill stage's prompts end with "time_a = ": the value is the first thing generated
    proc = GroundedNumbers(TOK, ["Pay 7 dollars."], prompt_width=0, heads=["time_a = "])
    out = proc(torch.zeros(1, 0, dtype=torch.long), torch.zeros(1, len(TOK)))
    allowed = {PIECES[i] for i in range(len(TOK)) if torch.isfinite(out[0, i])}
    assert allowed == allowed_after("Pay 7 dollars.", "time_a = ")  # as if the model had written the head
    assert "7" in allowed and len(allowed) < len(TOK) - 1  # some tokens are ruled out
    # a head that is no parameter line leaves the row alone
    free = GroundedNumbers(TOK, ["Pay 7 dollars."], prompt_width=0, heads=["print("])
    assert torch.isfinite(free(torch.zeros(1, 0, dtype=torch.long), torch.zeros(1, len(TOK)))).all()
