"""The problem sets written by others (benchmarks/written/<set>/<domain>/<name>.md): each loads and
its reference program (benchmarks/written/reference/<set>/<domain>/<name>.py) reproduces the
answer of its front matter. They are measured with ``mathllm eval benchmarks/written/<set>``."""

from __future__ import annotations

from pathlib import Path

import pytest

from mathllm.contract import has_answer, parse_parameters
from mathllm.problem import find_problems, load_problem

from .test_problems import _mismatches, run_reference

WRITTEN = Path(__file__).resolve().parents[1] / "benchmarks" / "written"
SETS = ("a", "b", "c", "d")
FILES = [p for s in SETS for p in find_problems(WRITTEN / s)]


def _id(path: Path) -> str:
    return "/".join(path.relative_to(WRITTEN).with_suffix("").parts)


def test_each_set_holds_thirty_problems() -> None:
    for s in SETS:
        assert len(find_problems(WRITTEN / s)) == 30, s


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_reference_reproduces_the_answer(path: Path) -> None:
    problem = load_problem(path)
    assert problem.title and problem.answer is not None and problem.domain == path.parent.name
    set_name = path.relative_to(WRITTEN).parts[0]
    code = (WRITTEN / "reference" / set_name / path.parent.name / (path.stem + ".py")).read_text(encoding="utf-8")
    assert has_answer(code) and parse_parameters(code)
    assert _mismatches(run_reference(code), problem.answer, problem.tolerance) == []
