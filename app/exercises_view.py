"""The Exercises tab of the workbench: worksheets of numeric variants of a bank problem.

Pick a problem from ``problems/`` (by domain), a program source (the bank's stored reference
program from ``tests/reference/`` when there is one, or "solve with the model" through the
callback the host app passes in), the number of variants and a seed; **Generate** runs
:func:`mathllm.exercise.make_exercise` in a background thread (the button is disabled and a
progress bar moves meanwhile), then the worksheet and the answer key are shown and can be
downloaded as Markdown, printable HTML and ``key.json`` (for ``mathllm grade``).

Safety: problem texts, parameter descriptions and answers may come from a model. They are
shown only through Markdown panes with raw HTML switched off (``renderer_options={"html":
False}``) and status lines are escaped; nothing is handed to the browser as HTML.

Embedding::

    view = ExercisesView(problems_root="problems", solve_program=lambda problem: program_text)
    tabs.append(("Exercises", view))
"""

from __future__ import annotations

import html
import io
import json
import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import panel as pn
import param

_ROOT = Path(__file__).resolve().parent.parent
if (_ROOT / "mathllm").is_dir() and str(_ROOT) not in sys.path:  # `panel serve app/...`
    sys.path.insert(0, str(_ROOT))

from mathllm.errors import MathllmError
from mathllm.exercise import (
    ExerciseSet,
    find_reference_program,
    key_dict,
    key_html,
    key_markdown,
    make_exercise,
    worksheet_html,
    worksheet_markdown,
)
from mathllm.problem import Problem, find_problems, load_problem

log = logging.getLogger(__name__)

DEFAULT_PROBLEMS = _ROOT / "problems"
REFERENCE = "Reference program"
MODEL = "Solve with the model"

_MD_OPTS = {"html": False}  # raw HTML in Markdown is shown as text, never rendered


def panel_markdown(md: str) -> str:
    """Markdown for a Panel pane: inside ``$$...$$`` a backslash before punctuation is doubled,
    because Markdown would otherwise eat it (``\\_`` -> ``_``) before MathJax sees the maths."""
    def fix(m: re.Match) -> str:
        return re.sub(r"\\(?=[!-/:-@\[-`{-~])", r"\\\\", m.group(0))

    return re.sub(r"\$\$.+?\$\$", fix, md, flags=re.DOTALL)


def problem_choices(root: str | Path) -> dict[str, dict[str, str]]:
    """``{domain: {label: path}}`` of the readable problem files under ``root``."""
    groups: dict[str, dict[str, str]] = {}
    for path in find_problems(root):
        try:
            prob = load_problem(path)
        except MathllmError as exc:
            log.warning("skipping %s: %s", path, exc)
            continue
        domain = prob.domain or path.parent.name or "other"
        label = prob.title or path.stem
        items = groups.setdefault(domain, {})
        if label in items:
            label = f"{label} ({path.stem})"
        items[label] = str(path)
    return groups


def program_from(result: Any) -> str | None:
    """The program text from what a ``solve_program`` callback returned (str, an Attempt,
    or a SolveResult with a ``best`` attempt)."""
    if isinstance(result, str):
        return result if result.strip() else None
    best = getattr(result, "best", None)
    if best is not None and isinstance(getattr(best, "program", None), str):
        return best.program
    prog = getattr(result, "program", None)
    return prog if isinstance(prog, str) and prog.strip() else None


class ExercisesView(pn.viewable.Viewer):
    """Generate a worksheet + answer key from a bank problem (one per browser session)."""

    domain = param.Selector(default=None, objects=[], doc="Problem domain (folder of problems/).")
    problem = param.Selector(default=None, objects={}, doc="Problem file of the chosen domain.")
    source = param.Selector(default=REFERENCE, objects=[REFERENCE, MODEL],
                            doc="Where the model program comes from.")
    variants = param.Integer(default=5, bounds=(1, 30), doc="Number of exercises on the worksheet.")
    seed = param.Integer(default=1, bounds=(0, 2**31 - 1), doc="Seed: the same seed gives the same set.")
    timeout_s = param.Number(default=10.0, bounds=(1, 120), doc="Sandbox limit per run (seconds).")
    busy = param.Boolean(default=False, doc="A set is being generated.")
    status = param.String(default="", doc="Last status line (plain text).")
    progress = param.Integer(default=0, bounds=(0, 100))

    def __init__(self, problems_root: str | Path | None = None,
                 solve_program: Callable[[Problem], str] | None = None,
                 reference_root: str | Path | None = None, **params: Any) -> None:
        super().__init__(**params)
        self.problems_root = Path(problems_root) if problems_root is not None else DEFAULT_PROBLEMS
        self.reference_root = Path(reference_root) if reference_root is not None else None
        self.solve_program = solve_program
        self.exercise: ExerciseSet | None = None
        self.thread: threading.Thread | None = None
        self._doc = pn.state.curdoc
        self._groups = problem_choices(self.problems_root)
        self._build()
        domains = sorted(self._groups)
        self.param.domain.objects = domains
        if domains:
            self.domain = domains[0]  # fills the problem list through _on_domain
        self._on_domain()
        self._update_source()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        w = pn.widgets
        self.domain_select = w.Select.from_param(self.param.domain, name="Domain", width=320)
        self.problem_select = w.Select.from_param(self.param.problem, name="Problem", width=320)
        self.source_select = w.RadioButtonGroup.from_param(self.param.source, name="Program")
        self.variants_input = w.IntInput.from_param(self.param.variants, name="Variants", width=150)
        self.seed_input = w.IntInput.from_param(self.param.seed, name="Seed", width=150)
        self.generate_button = w.Button(label="Generate", color="primary",
                                        css_classes=["mathllm-exercise-generate"])
        self.generate_button.on_click(lambda _e: self.generate())
        self.progress_bar = pn.indicators.Progress(value=0, max=100, visible=False, sizing_mode="stretch_width")
        self.status_pane = pn.pane.HTML("", disable_math=True, sizing_mode="stretch_width",
                                        css_classes=["mathllm-exercise-status"])
        self.source_note = pn.pane.HTML("", disable_math=True, sizing_mode="stretch_width")
        self.worksheet_pane = pn.pane.Markdown("", renderer_options=_MD_OPTS, sizing_mode="stretch_width")
        self.key_pane = pn.pane.Markdown("", renderer_options=_MD_OPTS, sizing_mode="stretch_width")
        self.downloads = {
            name: w.FileDownload(callback=(lambda n=name: self._download(n)), filename=name,
                                 label=f"Download {name}", disabled=True,
                                 css_classes=["mathllm-exercise-dl-" + name.replace(".", "-")])
            for name in ("worksheet.md", "worksheet.html", "key.md", "key.html", "key.json")
        }
        controls = pn.Column(
            self.domain_select, self.problem_select, self.source_select, self.source_note,
            pn.Row(self.variants_input, self.seed_input), self.generate_button, self.progress_bar,
            self.status_pane, width=340,
        )
        self.output_tabs = pn.Tabs(("Worksheet", self.worksheet_pane), ("Answer key", self.key_pane),
                                   sizing_mode="stretch_width", dynamic=False)
        output = pn.Column(pn.Row(*self.downloads.values()), self.output_tabs, sizing_mode="stretch_width")
        self._layout = pn.Row(controls, output, sizing_mode="stretch_width",
                              css_classes=["mathllm-exercises"])

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    # -- state ---------------------------------------------------------------------------------
    @param.depends("domain", watch=True)
    def _on_domain(self) -> None:
        items = self._groups.get(self.domain or "", {})
        self.param.problem.objects = items
        self.problem = next(iter(items.values()), None)

    @param.depends("problem", watch=True)
    def _update_source(self) -> None:
        ref = self.reference_path()
        have_model = self.solve_program is not None
        if ref is None and self.source == REFERENCE and have_model:
            self.source = MODEL
        notes = []
        if ref is None:
            notes.append("No stored reference program for this problem.")
        if not have_model:
            notes.append("Solving with the model is not available here.")
        self.source_note.object = "<small>" + html.escape(" ".join(notes)) + "</small>" if notes else ""
        self.generate_button.disabled = self.busy or not self.problem

    @param.depends("busy", watch=True)
    def _on_busy(self) -> None:
        self.generate_button.disabled = self.busy or not self.problem
        self.generate_button.label = "Generating…" if self.busy else "Generate"
        self.progress_bar.visible = self.busy

    @param.depends("status", watch=True)
    def _on_status(self) -> None:
        self.status_pane.object = f"<span>{html.escape(self.status)}</span>" if self.status else ""

    @param.depends("progress", watch=True)
    def _on_progress(self) -> None:
        self.progress_bar.value = self.progress

    def reference_path(self) -> Path | None:
        if not self.problem:
            return None
        return find_reference_program(self.problem, self.reference_root)

    # -- work ----------------------------------------------------------------------------------
    def _push(self, fn: Callable, *args: Any) -> None:
        """Run ``fn(*args)`` on this session's event loop (from any thread)."""
        doc = self._doc
        if doc is None or getattr(doc, "session_context", None) is None:
            fn(*args)
            return
        from panel.io.state import set_curdoc

        def callback() -> None:
            with set_curdoc(doc):
                try:
                    fn(*args)
                except Exception:
                    log.exception("exercise view update failed")

        try:
            doc.add_next_tick_callback(callback)
        except Exception:  # noqa: BLE001 - the session is gone: nobody is left to show it to
            log.debug("exercise view: session closed before an update")

    def generate(self) -> threading.Thread | None:
        """Start generating in a background thread (returns it; None when nothing started)."""
        if self.busy:
            return None
        if not self.problem:
            self.status = "Choose a problem first."
            return None
        self.busy = True
        self.progress = 0
        self.status = "Starting…"
        args = (str(self.problem), self.source, int(self.variants), int(self.seed), float(self.timeout_s))
        self.thread = threading.Thread(target=self._work, args=args, daemon=True, name="mathllm-exercise")
        self.thread.start()
        return self.thread

    def _program_for(self, problem: Problem, source: str) -> str:
        if source == REFERENCE:
            ref = self.reference_path()
            if ref is None:
                raise MathllmError("this problem has no stored reference program; choose "
                                   f"'{MODEL}'")
            return ref.read_text(encoding="utf-8")
        if self.solve_program is None:
            raise MathllmError("solving with the model is not available in this app")
        self._push(self._set_progress, "solving the problem with the model…", 2)
        program = program_from(self.solve_program(problem))
        if not program:
            raise MathllmError("the model did not produce a usable program for this problem")
        return program

    def _work(self, path: str, source: str, n: int, seed: int, timeout_s: float) -> None:
        try:
            problem = load_problem(path)
            program = self._program_for(problem, source)
            ex = make_exercise(problem, program, variants=n, seed=seed, timeout_s=timeout_s,
                               progress=lambda msg, frac: self._push(self._set_progress, msg,
                                                                     int(5 + 90 * (frac or 0))))
            self._push(self._show, ex)
        except MathllmError as exc:
            self._push(self._fail, str(exc))
        except Exception as exc:
            log.exception("exercise generation failed")
            self._push(self._fail, f"{type(exc).__name__}: {exc}")

    def _set_progress(self, message: str, value: int) -> None:
        self.status = message
        self.progress = max(0, min(100, value))

    def _fail(self, message: str) -> None:
        self.status = f"Failed: {message}"
        self.busy = False

    def _show(self, ex: ExerciseSet) -> None:
        self.exercise = ex
        self.worksheet_pane.object = panel_markdown(worksheet_markdown(ex))
        self.key_pane.object = panel_markdown(key_markdown(ex))
        for d in self.downloads.values():
            d.disabled = False
        fixed = f"; kept fixed: {', '.join(ex.fixed)}" if ex.fixed else ""
        self.status = (f"{len(ex.variants)} exercises (seed {ex.seed}); varied: {', '.join(ex.varied)}{fixed}.")
        self.progress = 100
        self.busy = False

    def _download(self, name: str) -> io.BytesIO:
        ex = self.exercise
        if ex is None:
            return io.BytesIO(b"")
        if name == "worksheet.md":
            text = worksheet_markdown(ex)
        elif name == "worksheet.html":
            text = worksheet_html(ex)
        elif name == "key.md":
            text = key_markdown(ex)
        elif name == "key.html":
            text = key_html(ex)
        else:
            text = json.dumps(key_dict(ex), indent=2, ensure_ascii=False) + "\n"
        return io.BytesIO(text.encode("utf-8"))


def create_app(problems_root: str | Path | None = None) -> pn.viewable.Viewable:
    """The view on its own (``panel serve app/exercises_view.py``), without the model."""
    return ExercisesView(problems_root=problems_root)


if __name__.startswith("bokeh"):  # pragma: no cover - `panel serve app/exercises_view.py`
    pn.extension("katex")
    create_app().servable(title="mathllm exercises")
