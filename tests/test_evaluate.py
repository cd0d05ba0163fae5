"""Evaluation: loading data sets and scoring a (scripted) model with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mathllm.errors import DataError, ProblemError
from mathllm.evaluate import evaluate, is_results_file, load_items, summarize
from mathllm.solve import SolveOptions
from tests.fakes import ScriptedGenerator


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines), encoding="utf-8")
    return path


def test_load_items_from_jsonl(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "data.jsonl", [
        {"id": "a", "question": "What is 2 + 2?", "answer": 4, "domain": "classroom"},
        "",
        {"problem": "Split 1,000 EUR.", "answer": "1,234.50", "tolerance": "0.5", "family": "finance"},
        {"question": "Plan it.", "answer": {"x": 1, "y": "2.25"}},
    ])
    items = load_items(path)
    assert [i.id for i in items] == ["a", "2", "3"]
    a, b, c = items
    assert a.expected == 4.0 and a.group == "classroom" and a.decimals == 0 and a.problem.text == "What is 2 + 2?"
    assert b.expected == 1234.5 and b.tolerance == 0.5 and b.decimals == 2 and b.group == "finance"
    assert c.expected == {"x": 1.0, "y": 2.25} and c.decimals == {"x": 0, "y": 2} and c.group == "all"
    assert [i.id for i in load_items(path, limit=2)] == ["a", "2"]


@pytest.mark.parametrize("lines, fragment", [
    (['{"question": "Q", "answer": 1', ], "not valid JSON"),
    (['[1, 2, 3]'], "must be a JSON object"),
    ([{"answer": 1}], "needs 'question' and 'answer'"),
    ([{"question": "Q"}], "needs 'question' and 'answer'"),
    ([{"question": "", "answer": 1}], "needs 'question' and 'answer'"),
    ([{"question": "Q", "answer": "about seven"}], "is not a number"),
    ([{"question": "Q", "answer": {"x": "lots"}}], "is not a number"),
    ([{"question": "Q", "answer": [1, 2]}], "is not a number"),
    ([{"question": "Q", "answer": 1, "tolerance": "tiny"}], "tolerance 'tiny' is not a number"),
    ([{"question": "Q", "answer": 1}, "not json at all"], ":2: not valid JSON"),
    ([], "no evaluation items"),
], ids=["truncated-json", "json-list", "no-question", "no-answer", "empty-question", "text-answer",
        "bad-mapping-answer", "list-answer", "bad-tolerance", "bad-second-line", "empty-file"])
def test_load_items_bad_lines(tmp_path: Path, lines: list, fragment: str) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", lines)
    with pytest.raises(DataError) as info:
        load_items(path)
    assert fragment in info.value.message and "bad.jsonl" in info.value.message


def test_load_items_bad_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        load_items(tmp_path / "missing.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"question": "caf\xe9", "answer": 1}\n')
    with pytest.raises(DataError, match="not valid UTF-8"):
        load_items(latin)


def test_load_items_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "finance").mkdir()
    (tmp_path / "physics").mkdir()
    (tmp_path / "finance" / "loan.md").write_text('---\nanswer: "1,234.5"\ntolerance: 0.1\n---\nA loan.\n', encoding="utf-8")
    (tmp_path / "physics" / "ball.md").write_text("---\ndomain: mechanics\nanswer: {t: 1.25}\n---\nA ball.\n", encoding="utf-8")
    (tmp_path / "physics" / "open.md").write_text("An open question without an answer.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("---\nanswer: 1\n---\nnot a problem\n", encoding="utf-8")
    items = load_items(tmp_path)
    assert [i.id for i in items] == ["finance/loan.md", "physics/ball.md"]
    loan, ball = items
    assert loan.expected == 1234.5 and loan.tolerance == 0.1 and loan.decimals == 1 and loan.group == "finance"
    assert ball.expected == {"t": 1.25} and ball.decimals == {"t": 2} and ball.group == "mechanics"
    (tmp_path / "physics" / "broken.md").write_bytes(b"\x00\x01")
    with pytest.raises(ProblemError, match="binary"):
        load_items(tmp_path)


def test_load_items_from_a_folder_without_answers(tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text("No answer here.\n", encoding="utf-8")
    with pytest.raises(DataError, match="no evaluation items"):
        load_items(tmp_path)


SCRIPT = {
    "What is 2 + 2?": "a = 2  # first [1]\nb = 2  # second [1]\nanswer = a + b\n",     # correct
    "What is 3 * 3?": "x = 5  # made up [1]\nanswer = x * 2\n",                       # ran, wrong
    "What is 10 / 4?": "import os\nanswer = 2.5\n",                                    # check fails
}


def scripted(prompt: str) -> str:
    for question, program in SCRIPT.items():
        if question in prompt:
            return program
    raise AssertionError("unexpected prompt")


def test_results_go_to_a_new_folder_and_replace_an_earlier_file_only_when_whole(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "data.jsonl", [
        {"id": "add", "question": "What is 2 + 2?", "answer": 4},
        {"id": "mul", "question": "What is 3 * 3?", "answer": 9},
    ])
    out = tmp_path / "new" / "deeper" / "results.jsonl"  # the folder does not exist yet
    evaluate(load_items(data), ScriptedGenerator(scripted), SolveOptions(repairs=0, examples=0, timeout_s=5),
             workers=1, out=out)
    first = out.read_text(encoding="utf-8")
    assert len(first.splitlines()) == 2 and not out.with_name("results.jsonl.partial").exists()
    assert is_results_file(out) and not is_results_file(data) and not is_results_file(tmp_path / "none.jsonl")

    class Broken(ScriptedGenerator):
        def generate(self, prompts, **kw):
            raise KeyboardInterrupt  # the user stops a run half way

    with pytest.raises(KeyboardInterrupt):
        evaluate(load_items(data), Broken(scripted), SolveOptions(repairs=0, examples=0, timeout_s=5),
                 workers=1, out=out)
    assert out.read_text(encoding="utf-8") == first  # the earlier results are intact
    assert out.with_name("results.jsonl.partial").exists()


@pytest.mark.parametrize("workers", [1, 3])
def test_evaluate_scores_three_items(tmp_path: Path, workers: int) -> None:
    data = write_jsonl(tmp_path / "data.jsonl", [
        {"id": "add", "question": "What is 2 + 2?", "answer": 4, "domain": "arith"},
        {"id": "mul", "question": "What is 3 * 3?", "answer": 9, "domain": "arith"},
        {"id": "div", "question": "What is 10 / 4?", "answer": 2.5, "domain": "fractions"},
    ])
    gen = ScriptedGenerator(scripted)
    out = tmp_path / "results.jsonl"
    rows_seen: list[dict] = []
    summary = evaluate(load_items(data), gen, SolveOptions(repairs=0, examples=0, timeout_s=5), workers=workers,
                       out=out, on_item=rows_seen.append)
    assert summary.n == 3
    assert summary.correct == pytest.approx(1 / 3)
    assert summary.ran == pytest.approx(2 / 3)
    assert summary.checked == pytest.approx(2 / 3)
    assert summary.by_group == {
        "arith": {"n": 2, "checked": 1.0, "ran": 1.0, "correct": 0.5},
        "fractions": {"n": 1, "checked": 0.0, "ran": 0.0, "correct": 0.0},
    }
    assert summary.latency_median_s >= 0 and summary.latency_p95_s >= summary.latency_median_s
    rows = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(rows) == {"add", "mul", "div"} and len(rows_seen) == 3
    assert rows["add"]["correct"] and rows["add"]["answer"] == 4.0 and rows["add"]["expected"] == 4.0
    # the pipeline never saw the expected answer: it can only call a good answer plausible
    assert rows["add"]["verdict"] == "plausible" and rows["mul"]["verdict"] == "plausible"
    assert not rows["mul"]["correct"] and rows["mul"]["ran"]
    # the made-up value is flagged, and the summary counts how often that flag meant "wrong"
    assert rows["mul"]["warnings"] == ["the program does not use 3 from the problem",
                                       "values not given in the problem: x = 5"]
    assert (summary.flagged, summary.flagged_wrong) == (1, 1)
    assert rows["mul"]["samples"] == [{"origin": "sample 1", "answer": 10.0, "correct": False,
                                       "invented": 1, "coverage": 0.0}]
    assert not rows["div"]["checked"] and not rows["div"]["first_checked"] and "'os'" in rows["div"]["error"]
    assert rows["div"]["answer"] is None and rows["div"]["attempts"] == 1
    # every prompt was answered: with several workers the calls were batched
    assert sum(len(prompts) for prompts, _ in gen.calls) == 3
    if workers > 1:
        assert len(gen.calls) <= 3


def test_evaluate_rejects_bad_workers(tmp_path: Path) -> None:
    from mathllm.errors import UsageError

    with pytest.raises(UsageError, match="--workers"):
        evaluate([], ScriptedGenerator(["answer = 1"]), SolveOptions(), workers=0)


def test_summarize_empty() -> None:
    s = summarize([])
    assert (s.n, s.checked, s.ran, s.correct, s.latency_median_s, s.by_group) == (0, 0.0, 0.0, 0.0, 0.0, {})
