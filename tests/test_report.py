"""Stage 7, report: the JSON document, the Markdown report folder, the notebook, the console."""

from __future__ import annotations

import base64
import io
import json
import os
import struct
import zlib
from pathlib import Path

import pytest

from mathllm import report
from mathllm.check import CheckResult, Issue
from mathllm.contract import parse_parameters
from mathllm.problem import Problem
from mathllm.run import Answer, Check, Figure, RunResult, Table
from mathllm.solve import Attempt, SolveResult
from mathllm.verify import Verification

XSS = "<script>alert('pwned')</script>"


def png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


PNG = png_1x1()
PROGRAM = f"""\
import sympy as sp

rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
note = "{XSS}"
answer = 1000 * (1 + rate) ** years
"""


def make_result(*, hostile: bool = False, verdict: str = "verified", with_best: bool = True) -> SolveResult:
    x = " " + XSS if hostile else ""
    prob = Problem(text=f"Anna saves 1000 EUR at 5%.{x}", title=f"Savings{x}", domain="finance",
                   answer=1628.89, tolerance=0.01, units="EUR", path=Path("problems/finance/savings.md"))
    run = RunResult(
        status="ok",
        answer=Answer("number", value=1628.894626777442, text="1628.89462677744", latex="1628.89"),
        equations=[{"name": "balance", "latex": f"A = P \\left(r + 1\\right)^{{n}}{x}", "text": f"Eq(A, P*(r + 1)**n){x}"}],
        tables=[Table(name=f"growth{x}", columns=["year", f"balance{x}"], rows=[[1, 1050.0], [2, f"1102.5{x}"]])],
        figures=[Figure(name="figure 1", png_base64=base64.b64encode(PNG).decode()),
                 Figure(name="broken", png_base64="%%% not base64 %%%")],
        checks=[Check("checksol", True, "fine")],
        stdout=f"hello{x}\n",
    )
    failed = Attempt(program="import os\nanswer = 1\n", origin="sample 1",
                     check=CheckResult(False, [Issue(1, 1, f"import of 'os' is not allowed{x}")]))
    best = Attempt(program=PROGRAM, origin="sample 1 / repair 1", check=CheckResult(True, []), run=run,
                   verification=Verification(verdict, f"matches the expected answer{x}", True,
                                             [{"name": "expected answer", "ok": True, "detail": "ok"}]))
    return SolveResult(
        problem=prob, attempts=[failed, best], best=best if with_best else None,
        answer=run.answer if with_best else None, agreement=1.0,
        votes=[{"answer": f"1628.89{x}", "count": 1}], solved=verdict in ("verified", "plausible"),
        verdict=verdict, message=f"matches the expected answer{x}",
        model={"backend": "openai", "model": f"fake-model{x}", "adapter": None, "tuned": None},
        timings={"generate": 1.5, "total": 2.25}, parameters=parse_parameters(PROGRAM),
    )


DOC_KEYS = {"schema", "mathllm", "problem", "solved", "verdict", "message", "warnings", "answer", "answer_text", "units",
            "parameters", "equations", "program", "agreement", "votes", "attempts", "questions", "model", "timings"}


def test_to_dict_is_json_with_the_documented_keys() -> None:
    res = make_result()
    doc = report.to_dict(res)
    assert set(doc) == DOC_KEYS
    again = json.loads(json.dumps(doc))
    assert again == doc
    assert doc["schema"] == report.SCHEMA_VERSION and doc["verdict"] == "verified" and doc["solved"] is True
    assert doc["problem"] == {"title": "Savings", "domain": "finance", "path": "problems/finance/savings.md",
                              "text": "Anna saves 1000 EUR at 5%.", "expected": 1628.89, "tolerance": 0.01,
                              "units": "EUR"}
    assert doc["answer"]["value"] == pytest.approx(1628.8946) and doc["answer_text"] == "1628.89 EUR"
    assert [p["name"] for p in doc["parameters"]] == ["rate", "years"]
    assert doc["program"] == PROGRAM and doc["equations"][0]["name"] == "balance"
    assert [a["origin"] for a in doc["attempts"]] == ["sample 1", "sample 1 / repair 1"]
    first, second = doc["attempts"]
    assert set(first) == {"origin", "program", "check", "run", "verification", "rebound", "followed", "targeted", "filled",
                          "widened", "cut", "scaled", "lengthened", "error"}
    assert set(second["run"]) == {"status", "answer", "equations", "tables", "figures", "checks", "stdout", "error",
                                  "error_line", "traceback", "duration_s", "variables"}
    assert set(second["verification"]) == {"status", "message", "expected_match", "checks", "grounding"}
    assert first["run"] is None and first["check"]["ok"] is False and "'os'" in first["error"]
    assert first["check"]["issues"][0] == {"line": 1, "col": 1, "message": "import of 'os' is not allowed",
                                           "severity": "error"}
    assert second["run"]["figures"][0]["png_base64"] and second["error"] is None
    slim = report.to_dict(res, include_figures=False)
    assert slim["attempts"][1]["run"]["figures"][0] == {"name": "figure 1", "png_base64": ""}


def test_to_dict_of_a_failed_result() -> None:
    prob = Problem(text="Nothing works.")
    att = Attempt(program="", origin="sample 1", check=CheckResult(False, []))
    res = SolveResult(problem=prob, attempts=[att], best=att, verdict="failed", message="the model wrote no program")
    doc = json.loads(json.dumps(report.to_dict(res)))
    assert doc["answer"] is None and doc["answer_text"] is None and doc["solved"] is False
    assert doc["attempts"][0]["error"] == "the model wrote no program" and doc["equations"] == []
    empty = SolveResult(problem=prob, verdict="cancelled")
    assert json.loads(json.dumps(report.to_dict(empty)))["program"] is None


def test_to_markdown_writes_the_report_folder(tmp_path: Path) -> None:
    out = tmp_path / "new" / "report"
    path = report.to_markdown(make_result(), out)
    assert path == out / "report.md"
    assert sorted(p.name for p in out.iterdir()) == ["figure-1.png", "program.py", "report.md", "result.json"]
    assert (out / "figure-1.png").read_bytes() == PNG  # the undecodable figure is skipped
    assert (out / "program.py").read_text(encoding="utf-8") == PROGRAM
    doc = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert doc["verdict"] == "verified" and doc["attempts"][1]["run"]["figures"][0]["png_base64"] == ""
    md = path.read_text(encoding="utf-8")
    for piece in ("# Savings", "## Problem", "**1628.89 EUR**", "Verdict: **verified**", "Expected: 1628.89 (tolerance 0.01)",
                  "## Parameters", "| `rate` | 0.05 | 1/year | annual interest rate |", "## Equations",
                  "## Table `growth`", "![figure-1.png](figure-1.png)", "## Program", "```python\n" + PROGRAM.rstrip() + "\n```",
                  "## Attempts", "- sample 1: check failed", "Model: fake-model (openai)"):
        assert piece in md, piece


def test_to_markdown_rewrites_an_earlier_report_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "r"
    report.to_markdown(make_result(), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report.os, "replace", broken_replace)
    with pytest.raises(OSError):
        report.to_markdown(make_result(verdict="plausible"), out)
    monkeypatch.undo()
    # the earlier report is intact and no temporary file is left behind
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    report.to_markdown(make_result(verdict="plausible"), out)
    assert "Verdict: **plausible**" in (out / "report.md").read_text(encoding="utf-8")
    assert sorted(os.listdir(out)) == sorted(before)


def test_model_written_html_is_escaped_in_markdown(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    path = report.to_markdown(make_result(hostile=True), tmp_path / "r")
    md = path.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(md)  # commonmark passes raw HTML through
    assert "<script" not in html and "<script" not in md.replace("```python\n" + PROGRAM.rstrip(), "")
    assert "&lt;script&gt;" in md
    # the program is shown verbatim, but only inside its code block
    assert html.count("<pre>") == 1 and "&lt;script&gt;alert" in html.split("<pre>")[1]


def test_to_notebook_validates() -> None:
    import nbformat

    nb = report.to_notebook(make_result(hostile=True))
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "markdown"]
    code = nb.cells[1]
    assert code.source.startswith(PROGRAM.rstrip()) and code.source.endswith("answer")
    kinds = [o.output_type for o in code.outputs]
    assert kinds == ["stream", "display_data", "display_data", "execute_result"]
    assert "<script" not in nb.cells[0].source and "<script" not in nb.cells[2].source
    assert nb.metadata["mathllm"]["verdict"] == "verified"
    text = nbformat.writes(nb)
    nbformat.validate(nbformat.reads(text, as_version=4))


def test_to_notebook_of_failed_runs() -> None:
    import nbformat

    res = make_result()
    res.best.run = RunResult(status="error", error="ZeroDivisionError: division by zero", stdout="")
    nb = report.to_notebook(res)
    nbformat.validate(nb)
    assert nb.cells[1].outputs[-1].output_type == "error" and nb.cells[1].outputs[-1].ename == "error"
    none = report.to_notebook(make_result(with_best=False))
    nbformat.validate(none)
    assert "No program was produced" in none.cells[-1].source


def test_print_console_shows_model_text_literally() -> None:
    from rich.console import Console

    res = make_result(hostile=True)
    res.message = "[bold red]fake markup[/bold red] and [link=http://evil]x[/link]"
    con = Console(file=io.StringIO(), width=120, record=True, color_system=None)
    report.print_console(res, con, show_code=True, figure_paths=[Path("r/figure-1.png")])
    text = con.export_text()
    assert "1628.89 EUR" in text and "verified" in text and XSS in text
    assert "[bold red]fake markup[/bold red]" in text and "plot: r/figure-1.png" in text
    assert "fake-model" in text and "2 attempt(s)" in text
