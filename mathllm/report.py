"""Stage 7, report: present a :class:`~mathllm.solve.SolveResult`.

* :func:`to_dict` -- one JSON document (``mathllm solve --json``); schema in docs/json-schema.md.
* :func:`to_markdown` -- a Markdown report with its PNG plots in a folder (``--out DIR``).
* :func:`to_notebook` -- a Jupyter notebook with the problem, the program and its outputs.
* :func:`print_console` -- a readable terminal report (rich).

Files are written atomically (temporary file + rename) so an interrupted write never leaves a
half-written report in place.
"""

from __future__ import annotations

import base64
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

SCHEMA_VERSION = 1


def answer_text(ans: Any, units: str | None = None) -> str:
    if ans is None:
        return "(none)"
    if ans.kind == "dict" and ans.values:
        text = ", ".join(f"{k} = {v:.6g}" for k, v in ans.values.items())
    elif ans.value is not None:
        text = f"{ans.value:.6g}"
    else:
        text = ans.text
    return f"{text} {units}".strip() if units and ans.kind != "dict" else text


def attempt_dict(a: Any) -> dict:
    return {
        "origin": a.origin,
        "program": a.program,
        "check": {"ok": a.check.ok, "issues": [{"line": i.line, "col": i.col, "message": i.message,
                                                 "severity": i.severity} for i in a.check.issues]},
        "run": a.run.to_dict() if a.run is not None else None,
        "verification": a.verification.to_dict() if a.verification is not None else None,
        "rebound": [mv.to_dict() for mv in a.rebound],
        "followed": a.followed.to_dict() if a.followed is not None else None,
        "targeted": a.targeted.to_dict() if a.targeted is not None else None,
        "filled": a.filled.to_dict() if a.filled is not None else None,
        "widened": a.widened.to_dict() if a.widened is not None else None,
        "cut": a.cut,
        "scaled": a.scaled.to_dict() if a.scaled is not None else None,
        "lengthened": a.lengthened.to_dict() if a.lengthened is not None else None,
        "error": a.error,
    }


def warnings_of(result: Any) -> list[str]:
    """Notes on the chosen program: that it joins the programs of several questions (and what was
    retargeted, and which questions share a value), that the fill stage wrote it (the solved
    example's program with the model's values), statements the follow stage took from the solved
    example, parameters the bind stage moved, then grounding warnings (numbers of the problem it
    ignores or invents)."""
    best = result.best
    if best is None:
        return []
    questions = getattr(result, "questions", None) or []
    notes = [f"the problem asks {len(questions)} questions; each was solved on its own and the programs "
             "were joined: " + "; ".join(f"{q.name} = {q.ask}" for q in questions)] if questions else []
    notes += [f"{q.name}: {q.note}" for q in questions if q.note]
    vals = best.run.answer.values if best.run is not None and best.run.answer is not None else None
    if questions and vals:
        same = [(a, b) for i, a in enumerate(questions) for b in questions[i + 1:]
                if a.name in vals and b.name in vals and math.isclose(vals[a.name], vals[b.name], rel_tol=1e-9)]
        # the commonest failure of a split problem: the second program answers the first question again
        notes += [f"{a.name} and {b.name} have the same value: one program may answer the other's question"
                  for a, b in same]
    notes += [str(best.widened)] if best.widened is not None else []
    notes += [best.cut] if best.cut else []
    notes += [str(best.scaled)] if best.scaled is not None else []
    notes += [str(best.lengthened)] if best.lengthened is not None else []
    notes += [str(best.filled)] if best.filled is not None else []
    notes += [str(best.followed)] if best.followed is not None else []
    notes += [str(best.targeted)] if best.targeted is not None else []
    notes += [f"moved {mv}" for mv in best.rebound]
    v = best.verification
    return notes + (list(v.warnings) if v is not None else [])


def to_dict(result: Any, *, include_figures: bool = True) -> dict:
    """The result as a JSON-serialisable document (see docs/json-schema.md)."""
    p = result.problem
    best = result.best
    attempts = [attempt_dict(a) for a in result.attempts]
    if not include_figures:
        for a in attempts:
            if a["run"]:
                a["run"]["figures"] = [{"name": f["name"], "png_base64": ""} for f in a["run"]["figures"]]
    return {
        "schema": SCHEMA_VERSION,
        "mathllm": __version__,
        "problem": {"title": p.title, "domain": p.domain, "path": str(p.path) if p.path else None,
                    "text": p.text, "expected": p.answer, "tolerance": p.tolerance, "units": p.units},
        "solved": result.solved,
        "verdict": result.verdict,
        "message": result.message,
        "warnings": warnings_of(result),
        "answer": result.answer.to_dict() if result.answer is not None else None,
        "answer_text": answer_text(result.answer, p.units) if result.answer is not None else None,
        "units": p.units,
        "parameters": [q.to_dict() for q in result.parameters],
        "equations": list(best.run.equations) if best is not None and best.run is not None else [],
        "program": best.program if best is not None else None,
        "agreement": result.agreement,
        "votes": result.votes,
        "attempts": attempts,
        "questions": [q.to_dict() for q in getattr(result, "questions", None) or []],
        "model": result.model,
        "timings": result.timings,
    }


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write a file via a temporary sibling and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _md_escape(text: str) -> str:
    # Model text is shown verbatim: neutralise HTML so a report viewer never renders markup
    # the model wrote.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_text(result: Any, figure_names: list[str] | None = None) -> str:
    p = result.problem
    best = result.best
    lines = [f"# {_md_escape(p.name)}", ""]
    lines += ["## Problem", "", _md_escape(p.text), ""]
    lines += ["## Answer", "", f"**{_md_escape(answer_text(result.answer, p.units))}**", "",
              f"Verdict: **{result.verdict}** — {_md_escape(result.message)}", ""]
    warnings = warnings_of(result)
    lines += [f"> **Check:** {_md_escape(w)}" for w in warnings] + ([""] if warnings else [])
    if p.answer is not None:
        lines += [f"Expected: {p.answer}" + (f" (tolerance {p.tolerance})" if p.tolerance is not None else ""), ""]
    if result.agreement is not None and len(result.votes) > 0 and sum(v["count"] for v in result.votes) > 1:
        lines += [f"Agreement: {result.agreement:.0%} of successful samples", ""]
        lines += ["| answer | votes |", "|---|---|"] + [f"| {_md_escape(v['answer'])} | {v['count']} |" for v in result.votes] + [""]
    if result.parameters:
        lines += ["## Parameters", "", "| name | value | unit | meaning |", "|---|---|---|---|"]
        lines += [f"| `{q.name}` | {q.value:g} | {_md_escape(q.unit)} | {_md_escape(q.description)} |" for q in result.parameters]
        lines += [""]
    if best is not None and best.run is not None and best.run.equations:
        lines += ["## Equations", ""]
        for eq in best.run.equations:
            lines += [f"$$ {_md_escape(eq['latex'])} $$", ""]
    if best is not None and best.run is not None and best.run.tables:
        for t in best.run.tables:
            lines += [f"## Table `{_md_escape(t.name)}`", "", "| " + " | ".join(map(_md_escape, map(str, t.columns))) + " |",
                      "|" + "---|" * len(t.columns)]
            lines += ["| " + " | ".join(_md_escape(str(c)) for c in row) + " |" for row in t.rows[:50]]
            lines += [""]
    if figure_names:
        lines += ["## Plots", ""] + [f"![{n}]({n})" for n in figure_names] + [""]
    if best is not None:
        lines += ["## Program", "", "```python", best.program.rstrip(), "```", ""]
    if result.attempts and len(result.attempts) > 1:
        lines += ["## Attempts", ""]
        for a in result.attempts:
            status = a.verification.status if a.verification else ("check failed" if not a.check.ok else "failed")
            lines += [f"- {a.origin}: {status}" + (f" — {_md_escape(a.error)}" if a.error else "")]
        lines += [""]
    m = result.model
    lines += ["---", f"Model: {_md_escape(str(m.get('model')))} ({m.get('backend')})"
              + (f", adapter {_md_escape(str(m.get('adapter')))}" if m.get("adapter") else ", untuned base model" if m.get("backend") == "hf" else ""),
              f"Time: {result.timings.get('total', 0):.1f} s", ""]
    return "\n".join(lines)


def figures_of(result: Any) -> list[tuple[str, bytes]]:
    best = result.best
    if best is None or best.run is None:
        return []
    out = []
    for i, f in enumerate(best.run.figures, 1):
        try:
            out.append((f"figure-{i}.png", base64.b64decode(f.png_base64, validate=True)))
        except (ValueError, TypeError):
            continue
    return out


def to_markdown(result: Any, out_dir: str | Path) -> Path:
    """Write ``report.md`` (+ ``figure-N.png``, ``program.py``, ``result.json``) into ``out_dir``."""
    out = Path(out_dir)
    figs = figures_of(result)
    for name, data in figs:
        atomic_write(out / name, data)
    if result.best is not None:
        atomic_write(out / "program.py", result.best.program)
    atomic_write(out / "result.json", json.dumps(to_dict(result, include_figures=False), indent=2))
    path = out / "report.md"
    atomic_write(path, markdown_text(result, [n for n, _ in figs]))
    return path


def to_notebook(result: Any):
    """A Jupyter notebook: the problem (Markdown), the program (code) with its outputs."""
    import nbformat
    from nbformat import v4

    p = result.problem
    nb = v4.new_notebook()
    nb.metadata["mathllm"] = {"verdict": result.verdict, "model": result.model}
    nb.cells.append(v4.new_markdown_cell(f"# {_md_escape(p.name)}\n\n{_md_escape(p.text)}"))
    best = result.best
    if best is None:
        nb.cells.append(v4.new_markdown_cell("No program was produced."))
        return nb
    outputs = []
    run = best.run
    if run is not None:
        if run.stdout:
            outputs.append(v4.new_output("stream", name="stdout", text=run.stdout))
        for f in run.figures:
            outputs.append(v4.new_output("display_data", data={"image/png": f.png_base64, "text/plain": f"<{f.name}>"}))
        if run.ok:
            outputs.append(v4.new_output("execute_result", data={"text/plain": answer_text(run.answer)}, execution_count=1))
        else:
            outputs.append(v4.new_output("error", ename=run.status, evalue=run.error or "", traceback=[run.error or ""]))
    code = best.program.rstrip() + "\n\nanswer"
    nb.cells.append(v4.new_code_cell(code, outputs=outputs, execution_count=1))
    summary = f"**Answer:** {_md_escape(answer_text(result.answer, p.units))}  \n**Verdict:** {result.verdict} — {_md_escape(result.message)}"
    nb.cells.append(v4.new_markdown_cell(summary))
    nbformat.validate(nb)
    return nb


def print_console(result: Any, console: Any = None, *, show_code: bool = False, figure_paths: list[Path] | None = None) -> None:
    """A readable terminal report."""
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel
    from rich.syntax import Syntax
    from rich.table import Table

    con = console or Console()
    p = result.problem
    style = {"verified": "bold green", "plausible": "green", "wrong": "bold red", "failed": "bold red",
             "cancelled": "yellow"}.get(result.verdict, "white")
    ans = answer_text(result.answer, p.units)
    body = f"[bold]{escape(ans)}[/bold]\n[{style}]{result.verdict}[/{style}]: {escape(result.message)}"
    for w in warnings_of(result):
        body += f"\n[yellow]check:[/yellow] {escape(w)}"
    if p.answer is not None:
        body += f"\nexpected: {escape(str(p.answer))}"
    if result.agreement is not None and sum(v['count'] for v in result.votes) > 1:
        body += f"\nagreement: {result.agreement:.0%} ({', '.join(escape(v['answer']) + ' x' + str(v['count']) for v in result.votes[:4])})"
    con.print(Panel(body, title=escape(p.name), subtitle="answer", expand=False))
    if result.parameters:
        t = Table(title="Parameters", show_lines=False)
        for col in ("name", "value", "unit", "meaning"):
            t.add_column(col)
        for q in result.parameters:
            t.add_row(q.name, f"{q.value:g}", escape(q.unit), escape(q.description))
        con.print(t)
    best = result.best
    if best is not None and best.run is not None and best.run.equations:
        con.print("[bold]Equations[/bold]")
        for eq in best.run.equations:
            con.print("  " + escape(eq.get("text") or eq.get("latex", "")))
    if best is not None and (show_code or not result.solved):
        con.print(Syntax(best.program, "python", line_numbers=True, word_wrap=True))
    if not result.solved and best is not None and best.error:
        con.print(f"[red]why:[/red] {escape(best.error)}")
    for f in figure_paths or []:
        con.print(f"plot: {f}")
    m = result.model
    tuned = "" if m.get("backend") != "hf" else (f" + adapter {Path(m['adapter']).name}" if m.get("adapter") else " (untuned base model)")
    con.print(f"[dim]model: {escape(str(m.get('model')))}{escape(tuned)} · {len(result.attempts)} attempt(s) · {result.timings.get('total', 0):.1f} s[/dim]")
