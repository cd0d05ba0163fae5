"""``benchmarks/values_right.py``: the asked values a run got right, not only whole items."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("values_right", Path(__file__).parent.parent / "benchmarks" / "values_right.py")
assert _SPEC is not None and _SPEC.loader is not None
values_right = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(values_right)

ITEMS = [
    {"id": "two", "question": "A tank ... What is x, and what is y?", "answer": {"x": 1.5, "y": 20}, "tolerance": 0.01},
    {"id": "one", "question": "What is z?", "answer": 3.25},
]


@pytest.mark.parametrize("answers, correct, line", [
    ([{"x_asked": 1.5, "y_asked": 7}, 3.25], [False, True], "items right 1/2, values right 2/3"),  # by order
    ([{"x": 1.504, "y": 20}, None], [True, False], "items right 1/2, values right 2/3"),  # by key, in tolerance
    ([1.5, 3.0], [False, False], "items right 0/2, values right 1/3"),  # one number for two: the first
])
def test_values_are_counted_by_the_evaluation_rule(tmp_path: Path, capsys, answers: list, correct: list,
                                                   line: str) -> None:
    data = tmp_path / "items.jsonl"
    data.write_text("".join(json.dumps(it) + "\n" for it in ITEMS), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps({"id": it["id"], "answer": a, "correct": ok}) + "\n"
                               for it, a, ok in zip(ITEMS, answers, correct, strict=True)), encoding="utf-8")
    assert values_right.main([str(data), str(results)]) == 0
    assert line in capsys.readouterr().out
