"""``benchmarks/inspect_run.py``: showing, comparing and tracing stored evaluation runs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("inspect_run", Path(__file__).parent.parent / "benchmarks" / "inspect_run.py")
assert _SPEC is not None and _SPEC.loader is not None
inspect_run = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(inspect_run)

TEXT = "A 4 kg box sits on a 2 kg cart. What is the total mass in kg?"
PROGRAM = "box = 4  # mass of the box [kg]\ncart = 37  # mass of the cart [kg]\nanswer = box + cart\n"


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _row(correct: bool, answer: float, program: str = PROGRAM) -> dict:
    return {"id": "1", "group": "physics", "expected": 6.0, "answer": answer, "verdict": "plausible",
            "correct": correct, "error": None, "program": program, "warnings": ["a warning"]}


def test_compare_names_the_items_whose_verdict_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = _write(tmp_path / "base.jsonl", [_row(False, 7.0)])
    new = _write(tmp_path / "new.jsonl", [_row(True, 6.0)])
    assert inspect_run.main(["compare", base, new]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "0 -> 1 right of 1"
    assert "1 (physics): False -> True (7.0 -> 6.0)" in out


def test_show_prints_the_question_and_program_of_wrong_items(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    items = _write(tmp_path / "items.jsonl", [{"question": TEXT, "answer": 6.0}])
    results = _write(tmp_path / "r.jsonl", [_row(False, 7.0)])
    inspect_run.main(["show", items, results, "--wrong"])
    out = capsys.readouterr().out
    assert TEXT in out and "cart = 37" in out and "a warning" in out
    right = _write(tmp_path / "right.jsonl", [_row(True, 6.0)])
    inspect_run.main(["show", items, right, "--wrong"])
    assert capsys.readouterr().out == ""


def test_trace_rebinds_the_program_and_names_the_move(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = _write(tmp_path / "items.jsonl", [{"question": TEXT, "answer": 6.0}])
    # the stored program had the cart right; the substitution rebuilds the model's 37
    stored = PROGRAM.replace("cart = 37", "cart = 2")
    results = _write(tmp_path / "r.jsonl", [_row(True, 6.0, stored)])
    assert inspect_run.main(["trace", items, results, "1", "cart = 2=>cart = 37"]) == 0
    out = capsys.readouterr().out
    assert "moved cart = 37 -> 2" in out and "answer 6" in out
    assert inspect_run.main(["trace", items, results, "1", "nowhere=>x"]) == 2
