"""The mathllm workbench: a Panel app over the library (no maths in here).

Start it with ``mathllm serve`` (one process, one model, many sessions) or
``panel serve app/workbench.py``. Each browser session gets its own :class:`Workbench`; all
sessions share one :class:`mathllm.service.ModelService`, so the model is loaded once and
solves queue in front of it, while sandbox-only work (re-runs, what-if, sweeps) runs in
parallel on the service's pool.

Threading: button callbacks run on the server's event loop and only *start* work (a queued
job, a background future); results come back on service threads and are handed to this
session's event loop with ``Document.add_next_tick_callback`` (see :meth:`Workbench._push`),
so a slow solve never blocks any session.

Safety: model output (program text, errors, answers, parameter descriptions, equations) is
never given to the browser as HTML. It goes through :func:`safe_pre` (escaped text), the Ace
code editor, an escaping DataFrame pane, or an escaped KaTeX string.
"""

from __future__ import annotations

import html
import io
import json
import logging
import math
import re
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import panel as pn
import param

_ROOT = Path(__file__).resolve().parent.parent
if (_ROOT / "mathllm").is_dir() and str(_ROOT) not in sys.path:  # `panel serve app/workbench.py`
    sys.path.insert(0, str(_ROOT))

from mathllm.contract import Parameter, parse_parameters, set_parameters
from mathllm.errors import MathllmError
from mathllm.problem import Problem, find_problems, load_problem, problem_from_text
from mathllm.report import warnings_of

log = logging.getLogger(__name__)

EXTENSIONS = ("codeeditor", "katex")
pn.extension(*EXTENSIONS, notifications=False)

#: Stages of a solve as shown to the user, with the progress bar's position for each.
STAGES = {
    "queue": ("in the queue", 2),
    "load": ("loading the model", 5),
    "generate": ("generating", 20),
    "check": ("checking", 45),
    "run": ("running", 60),
    "verify": ("verifying", 75),
    "repair": ("repairing", 50),
    "vote": ("voting", 90),
    "done": ("done", 100),
}

VERDICT_STYLES = {  # verdict -> (label, background colour); anything else shows as "unknown"
    "verified": ("verified", "#1a7f37"),
    "plausible": ("plausible", "#9a6700"),
    "wrong": ("wrong", "#cf222e"),
    "failed": ("failed", "#cf222e"),
    "cancelled": ("cancelled", "#6e7781"),
    "what-if": ("what-if", "#0969da"),
    "edited": ("edited", "#8250df"),
    "running": ("running", "#0969da"),
}

MAX_SWEEP_POINTS = 60

START_TEXT = """\
#### How it works

1. **Write a problem** in plain language on the left, or pick one from the problem bank.
2. **Solve**: the model writes a SymPy/SciPy program; it is checked, run in a sandbox and its
   answer verified (repaired or voted on if you ask for it). You see each stage and, when
   others are solving too, your place in the queue.
3. **Details** shows the equations, the parameters with their units, plots and tables;
   **Program** lets you edit the code and re-run it; **What-if** has a slider for every
   parameter and a sweep plot; **Export** downloads the report, a notebook or the JSON result.
"""
DEFAULT_PROBLEMS = Path(__file__).resolve().parent.parent / "problems"


# -- safe rendering of untrusted text --------------------------------------------------------------


def safe_pre(text: Any, css_class: str = "") -> str:
    """Untrusted text as an escaped ``<pre>`` block (the only way it reaches an HTML pane)."""
    cls = f' class="{css_class}"' if css_class else ""
    return f"<pre{cls} style=\"white-space: pre-wrap; margin: 0\">{html.escape(str(text))}</pre>"


def safe_line(text: Any, css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    return f"<span{cls}>{html.escape(str(text))}</span>"


def badge(verdict: str | None) -> str:
    label, colour = VERDICT_STYLES.get(verdict or "", ("unknown" if verdict else "no result", "#6e7781"))
    return (f'<span class="mathllm-badge" data-verdict="{html.escape(label)}" style="background:{colour};'
            f'color:white;border-radius:1em;padding:0.15em 0.8em;font-weight:600">{html.escape(label)}</span>')


def safe_latex(expr: str) -> str:
    """A LaTeX display block for the KaTeX pane, escaped so it cannot carry HTML.

    KaTeX renders text nodes, so ``&lt;`` in the escaped string still typesets as ``<``.
    Dollar signs and backslash commands that load links or HTML are removed.
    """
    expr = str(expr).replace("$", "")
    expr = re.sub(r"\\(href|url|html\w*|includegraphics)\b", "", expr)
    return "$\\displaystyle " + html.escape(expr, quote=False) + "$"


def SafeText(text: Any = "", css_class: str = "", **kw: Any) -> pn.pane.HTML:
    return pn.pane.HTML(safe_pre(text, css_class), disable_math=True, css_classes=[css_class] if css_class else [], **kw)


# -- reading library results (tolerant of small shape differences) ---------------------------------


def answer_text(answer: Any) -> str:
    """A short display of an answer: numbers to 6 significant digits, named values one per item."""
    if answer is None:
        return ""
    kind = getattr(answer, "kind", None)
    if kind == "number" and isinstance(getattr(answer, "value", None), (int, float)):
        return _fmt(answer.value)
    if kind == "dict" and isinstance(getattr(answer, "values", None), dict) and answer.values:
        return ", ".join(f"{k} = {_fmt(v)}" for k, v in answer.values.items())
    for attr in ("text", "display"):
        v = getattr(answer, attr, None)
        if isinstance(v, str) and v:
            return v
    value = getattr(answer, "value", answer)
    if isinstance(value, dict):
        return ", ".join(f"{k} = {_fmt(v)}" for k, v in value.items())
    return _fmt(value)


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        return f"{v:.6g}"
    return str(v)


def answer_numbers(answer: Any) -> dict[str, float]:
    """The numeric values of an answer: {"answer": x} or the named values of a dict answer."""
    if answer is None:
        return {}
    value = answer
    for attr in ("values", "value"):
        if hasattr(answer, attr):
            value = getattr(answer, attr)
            if value is not None:
                break
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            try:
                f = float(v)
            except (TypeError, ValueError):
                continue
            if math.isfinite(f):
                out[str(k)] = f
        return out
    try:
        f = float(value)
    except (TypeError, ValueError):
        return {}
    return {"answer": f} if math.isfinite(f) else {}


def run_error(run: Any) -> tuple[int | None, str | None]:
    """(line, message) of a failed run, or (None, None)."""
    if run is None:
        return None, None
    msg = getattr(run, "error", None)
    ok = getattr(run, "ok", None)
    if not msg and ok is not False:
        return None, None
    line = getattr(run, "error_line", None) or getattr(run, "line", None)
    if line is None and msg:
        m = re.findall(r"line (\d+)", str(msg))
        line = int(m[-1]) if m else None
    return (int(line) if line else None), str(msg or "the program failed")


def run_items(run: Any, names: tuple[str, ...]) -> list:
    for name in names:
        v = getattr(run, name, None)
        if v:
            return list(v.values()) if isinstance(v, dict) else list(v)
    return []


def figure_bytes(fig: Any) -> bytes | None:
    import base64

    if isinstance(fig, dict):
        fig = fig.get("png") or fig.get("data") or fig.get("path")
    if isinstance(fig, (bytes, bytearray)):
        return bytes(fig)
    if isinstance(fig, Path) and fig.exists():
        return fig.read_bytes()
    if isinstance(fig, str):
        if fig.startswith("data:image/png;base64,"):
            fig = fig.split(",", 1)[1]
        try:
            data = base64.b64decode(fig, validate=True)
            if data[:8] == b"\x89PNG\r\n\x1a\n":
                return data
        except Exception:  # noqa: BLE001, S110 - any undecodable figure is skipped, never an error
            pass
        p = Path(fig)
        if len(fig) < 4096 and p.suffix.lower() == ".png" and p.exists():
            return p.read_bytes()
    b64 = getattr(fig, "png_base64", None)
    if isinstance(b64, str):
        try:
            return base64.b64decode(b64)
        except Exception:  # noqa: BLE001 - a table that pandas cannot read is shown as text
            return None
    for attr in ("png", "data"):
        v = getattr(fig, attr, None)
        if isinstance(v, (bytes, bytearray)):
            return bytes(v)
    return None


def table_frame(table: Any):
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table
    rows, columns = getattr(table, "rows", None), getattr(table, "columns", None)
    if isinstance(rows, list):  # mathllm.run.Table
        width = max((len(r) for r in rows), default=len(columns or []))
        cols = list(columns or [])[:width] + [f"col{i}" for i in range(len(columns or []), width)]
        return pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], columns=cols or None)
    if isinstance(table, dict) and "data" in table and isinstance(table["data"], (list, dict)):
        return pd.DataFrame(table["data"], columns=table.get("columns"))
    try:
        return pd.DataFrame(table)
    except Exception:  # noqa: BLE001 - unparseable base64: not a PNG
        return pd.DataFrame({"value": [str(table)]})


def equation_text(eq: Any) -> str:
    if isinstance(eq, dict):
        return str(eq.get("latex") or eq.get("text") or "")
    return str(getattr(eq, "latex", eq))


def slider_range(p: Parameter) -> tuple[float, float, float]:
    """(start, end, step) around a parameter's value: 0..2v for a positive v."""
    v = float(p.value)
    if p.is_int:
        a = max(1, abs(int(v)))
        return float(int(v) - a), float(int(v) + a), 1.0
    if v == 0:
        return -1.0, 1.0, 0.01
    a = abs(v)
    raw = a / 50
    exp = math.floor(math.log10(raw))
    base = raw / 10 ** exp
    step = (1 if base < 2 else 2 if base < 5 else 5) * 10 ** exp
    return v - a, v + a, step


def _slug(text: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return (s or "problem")[:40]


# -- the problem bank ------------------------------------------------------------------------------

_bank_cache: dict[str, tuple[tuple, dict]] = {}
_bank_lock = threading.Lock()


def problem_groups(root: str | Path) -> dict[str, dict[str, str]]:
    """{domain: {title: path}} of the problem files under ``root`` (cached by mtime)."""
    paths = find_problems(root)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in paths if p.exists())
    with _bank_lock:
        hit = _bank_cache.get(str(root))
        if hit and hit[0] == key:
            return hit[1]
    groups: dict[str, dict[str, str]] = {}
    for path in paths:
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
    with _bank_lock:
        _bank_cache[str(root)] = (key, groups)
    return groups


# -- the app ---------------------------------------------------------------------------------------


class Workbench(pn.viewable.Viewer):
    """One user's workbench session (problem -> program -> run -> results -> what-if -> export)."""

    status = param.String(default="", doc="Last status line shown under the Solve button.")
    busy = param.Boolean(default=False, doc="A solve of this session is queued or running.")
    samples = param.Integer(default=1, bounds=(1, 8), doc="Programs sampled and voted on.")
    repairs = param.Integer(default=2, bounds=(0, 5), doc="Repair attempts per failing program.")
    timeout_s = param.Number(default=10.0, bounds=(1, 120), doc="Sandbox limit per run (seconds).")

    def __init__(self, service: Any = None, problems_root: str | Path | None = None,
                 exercises: bool = True, **params: Any) -> None:
        super().__init__(**params)
        if service is None:
            from mathllm.service import get_service

            service = get_service()
        self.service = service
        self.problems_root = Path(problems_root) if problems_root is not None else DEFAULT_PROBLEMS
        self._doc = pn.state.curdoc
        self._job: Any = None
        self._result: Any = None
        self._problem: Problem | None = None
        self._loaded_text: str | None = None  # text of the problem file picked from the bank
        self._loaded_problem: Problem | None = None
        self._whatif_gen = 0
        self._events: list[str] = []
        self._params: dict[str, Parameter] = {}
        self._sweep_rows: list = []
        self._exercise_jobs: list = []
        self._sweep_gen = 0
        self._base_program = ""
        self._sliders: dict[str, pn.widgets.Widget] = {}
        self._disposed = False
        self._build(exercises)
        self._listener = lambda svc: self._push(self._update_service_status)
        self.service.add_listener(self._listener)
        self._update_service_status()
        if self._doc is not None and getattr(self._doc, "session_context", None) is not None:
            try:
                self._doc.on_session_destroyed(lambda ctx: self.dispose())
            except Exception:  # noqa: BLE001, S110 - older sessions without the hook: nothing to clean up
                pass

    # -- layout ----------------------------------------------------------------------------------
    def _build(self, exercises: bool) -> None:
        w = pn.widgets
        self.model_status = pn.pane.HTML("", css_classes=["mathllm-model-status"], disable_math=True,
                                         sizing_mode="stretch_width")
        self.model_spinner = pn.indicators.LoadingSpinner(value=True, size=20, width=20, height=20)

        groups = {"new": {"(write your own problem)": ""}}
        try:
            groups.update(problem_groups(self.problems_root))
        except OSError as exc:
            log.warning("cannot read the problem bank: %s", exc)
        self.picker = w.Select(label="Problem bank", groups=groups, value="", sizing_mode="stretch_width",
                               css_classes=["mathllm-picker"])
        self.picker.param.watch(self._on_pick, "value")
        self.editor = w.TextAreaInput(label="Problem (Markdown, optional YAML front matter)",
                                      placeholder="Describe the problem in plain language ...",
                                      height=260, sizing_mode="stretch_width",
                                      css_classes=["mathllm-problem"])
        # the latest text, whether set from Python (a picked problem) or typed in the browser
        self._problem_text = ""
        self.editor.param.watch(lambda e: setattr(self, "_problem_text", e.new or ""), ["value", "value_input"])
        self.samples_input = w.IntInput.from_param(self.param.samples, label="Samples (voted)", width=120)
        self.repairs_input = w.IntInput.from_param(self.param.repairs, label="Repairs", width=120)
        self.solve_button = w.Button(label="Solve", color="primary", css_classes=["mathllm-solve"])
        self.cancel_button = w.Button(label="Cancel", color="warning", disabled=True,
                                      css_classes=["mathllm-cancel"])
        self.solve_button.on_click(self._on_solve)
        self.cancel_button.on_click(self._on_cancel)
        self.progress = pn.indicators.Progress(value=0, max=100, sizing_mode="stretch_width", visible=False,
                                               bar_color="primary")
        self.stage = pn.pane.HTML("", css_classes=["mathllm-stage"], disable_math=True, sizing_mode="stretch_width")
        self.stage_log = SafeText("", "mathllm-stage-log", sizing_mode="stretch_width",
                                  styles={"font-size": "0.85em", "color": "#57606a", "max-height": "12em",
                                          "overflow-y": "auto"})

        left = pn.Column(
            self.picker, self.editor,
            pn.Row(self.samples_input, self.repairs_input),
            pn.Row(self.solve_button, self.cancel_button),
            self.progress, self.stage, self.stage_log,
            width=440, styles={"padding-right": "1em"},
        )

        # answer bar (always visible)
        self.verdict = pn.pane.HTML(badge(None), css_classes=["mathllm-verdict"], disable_math=True)
        self.answer = SafeText("No answer yet.", "mathllm-answer", sizing_mode="stretch_width",
                               styles={"font-size": "1.4em", "font-weight": "600"})
        self.message = SafeText("", "mathllm-message", sizing_mode="stretch_width",
                                styles={"color": "#57606a"})

        # details
        self.equations = pn.Column(pn.pane.Markdown("*Solve a problem first.*"), sizing_mode="stretch_width",
                                   css_classes=["mathllm-equations"])
        self.parameters_table = pn.pane.DataFrame(None, escape=True, index=False, sizing_mode="stretch_width",
                                                  css_classes=["mathllm-parameters"])
        self.figures = pn.Column(pn.pane.Markdown("*None yet.*"), sizing_mode="stretch_width",
                                 css_classes=["mathllm-figures"])
        self.tables = pn.Column(pn.pane.Markdown("*None yet.*"), sizing_mode="stretch_width",
                                css_classes=["mathllm-tables"])
        self.votes = SafeText("", "mathllm-votes", sizing_mode="stretch_width")
        self.output = SafeText("", "mathllm-output", sizing_mode="stretch_width",
                               styles={"max-height": "16em", "overflow-y": "auto"})
        details = pn.Column(
            pn.pane.Markdown("#### Equations"), self.equations,
            pn.pane.Markdown("#### Parameters"), self.parameters_table,
            pn.pane.Markdown("#### Plots"), self.figures,
            pn.pane.Markdown("#### Tables"), self.tables,
            pn.pane.Markdown("#### Votes and program output"), self.votes, self.output,
            sizing_mode="stretch_width",
        )

        # program
        self.code = w.CodeEditor(value="", language="python", height=420, sizing_mode="stretch_width",
                                 css_classes=["mathllm-code"], on_keyup=True)
        self.rerun_button = w.Button(label="Re-run edited program", color="primary",
                                     css_classes=["mathllm-rerun"])
        self.rerun_button.on_click(self._on_rerun)
        self.issues = SafeText("", "mathllm-issues", sizing_mode="stretch_width",
                               styles={"color": "#cf222e"})
        program = pn.Column(self.code, self.rerun_button, pn.pane.Markdown("#### Check and run errors"),
                            self.issues, sizing_mode="stretch_width")

        # what-if and sweep
        self.sliders = pn.Column(pn.pane.Markdown("Solve a problem to get a slider for every parameter."),
                                 sizing_mode="stretch_width", css_classes=["mathllm-sliders"])
        self.whatif_status = SafeText("", "mathllm-whatif-status", sizing_mode="stretch_width")
        self.reset_button = w.Button(label="Reset parameters", disabled=True)
        self.reset_button.on_click(self._on_reset)
        self.sweep_param = w.Select(label="Sweep parameter", options=[], width=200)
        self.sweep_start = w.FloatInput(label="from", value=0.0, width=110)
        self.sweep_end = w.FloatInput(label="to", value=1.0, width=110)
        self.sweep_n = w.IntInput(label="points", value=11, start=2, end=MAX_SWEEP_POINTS, width=90)
        self.sweep_button = w.Button(label="Sweep", color="primary", disabled=True,
                                     css_classes=["mathllm-sweep"])
        self.sweep_button.on_click(self._on_sweep)
        self.sweep_param.param.watch(self._on_sweep_param, "value")
        self.sweep_status = SafeText("", "mathllm-sweep-status", sizing_mode="stretch_width")
        self.sweep_plot = pn.pane.Bokeh(None, sizing_mode="stretch_width", height=360,
                                        css_classes=["mathllm-sweep-plot"])
        whatif = pn.Column(
            pn.pane.Markdown("#### What if? Move a slider; the program re-runs in the sandbox."),
            self.sliders, self.reset_button, self.whatif_status,
            pn.pane.Markdown("#### Sweep: the answer against one parameter"),
            pn.Row(self.sweep_param, self.sweep_start, self.sweep_end, self.sweep_n),
            self.sweep_button, self.sweep_status, self.sweep_plot,
            sizing_mode="stretch_width",
        )

        # exports
        self.dl_markdown = w.FileDownload(callback=self._export_markdown, filename="report.md",
                                          label="Markdown report", color="default", disabled=True,
                                          css_classes=["mathllm-dl-markdown"])
        self.dl_notebook = w.FileDownload(callback=self._export_notebook, filename="result.ipynb",
                                          label="Jupyter notebook", color="default", disabled=True,
                                          css_classes=["mathllm-dl-notebook"])
        self.dl_json = w.FileDownload(callback=self._export_json, filename="result.json",
                                      label="JSON result", color="default", disabled=True,
                                      css_classes=["mathllm-dl-json"])
        self.export_status = SafeText("", "mathllm-export-status")
        export = pn.Column(pn.pane.Markdown("#### Download the result"),
                           pn.Row(self.dl_markdown, self.dl_notebook, self.dl_json), self.export_status)

        # Only the small "Start" tab is drawn when the page opens (dynamic tabs): the others are
        # rendered when first shown, which keeps each new session cheap for the server.
        start = pn.pane.Markdown(START_TEXT, sizing_mode="stretch_width", css_classes=["mathllm-start"])
        self.result_tabs = pn.Tabs(("Start", start), ("Details", details), ("Program", program), ("What-if", whatif),
                                   ("Export", export), dynamic=True, sizing_mode="stretch_width")
        right = pn.Column(pn.Row(self.verdict, self.answer, sizing_mode="stretch_width"), self.message,
                          self.result_tabs, sizing_mode="stretch_width")

        header = pn.Row(
            pn.pane.Markdown("## mathllm workbench", margin=(0, 20, 0, 5)),
            self.model_spinner, self.model_status,
            sizing_mode="stretch_width", styles={"border-bottom": "1px solid #d0d7de"},
        )
        main_tabs = [("Workbench", pn.Row(left, right, sizing_mode="stretch_width"))]
        # The Exercises view is built the first time its tab is opened: most sessions never
        # open it, and building it (it reads the whole problem bank) would slow every page load.
        self.exercises_tab: pn.Column | None = None
        self.exercises_view: Any = None
        if exercises and self._exercises_available():
            self.exercises_tab = pn.Column(pn.pane.Markdown("Loading the exercises …"),
                                           sizing_mode="stretch_width", css_classes=["mathllm-exercises-tab"])
            main_tabs.append(("Exercises", self.exercises_tab))
        self.main_tabs = pn.Tabs(*main_tabs, sizing_mode="stretch_width", dynamic=False)
        self.main_tabs.param.watch(self._on_main_tab, "active")
        self._layout = pn.Column(header, self.main_tabs, sizing_mode="stretch_width",
                                 css_classes=["mathllm-workbench"])

    @staticmethod
    def _exercises_available() -> bool:
        try:
            import app.exercises_view  # noqa: F401
        except Exception as exc:  # noqa: BLE001 - not there, or broken: the workbench works without it
            log.info("no Exercises tab: %s", exc)
            return False
        return True

    def _on_main_tab(self, event: param.parameterized.Event) -> None:
        if self.exercises_tab is None or self.exercises_view is not None:
            return
        if self.main_tabs.objects[event.new] is not self.exercises_tab:
            return
        self.exercises_view = self._exercises_view()
        if self.exercises_view is None:
            self.exercises_tab.objects = [SafeText("The Exercises view could not start (see the server log).")]
        else:
            self.exercises_tab.objects = [self.exercises_view]

    def _exercises_view(self) -> Any:
        try:
            from app.exercises_view import ExercisesView

            return ExercisesView(problems_root=self.problems_root, solve_program=self._solve_program)
        except Exception:
            log.exception("the Exercises view failed to start")
            return None

    def _solve_program(self, problem: Problem) -> Any:
        """Solve ``problem`` with the model through the shared queue (for the Exercises view).

        Blocking: the Exercises view calls it from its own background thread.
        Returns the SolveResult (its ``best.program`` is the program).
        """
        from mathllm.solve import SolveOptions

        options = SolveOptions(samples=int(self.samples), repairs=int(self.repairs), timeout_s=float(self.timeout_s))
        job = self.service.submit(problem, options)
        self._exercise_jobs.append(job)
        return job.result()

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    # -- threading -------------------------------------------------------------------------------
    def _push(self, fn: Callable, *args: Any) -> None:
        """Run ``fn(*args)`` on this session's event loop (safe to call from any thread)."""
        if self._disposed:
            return
        doc = self._doc
        if doc is None or getattr(doc, "session_context", None) is None:
            try:
                fn(*args)
            except Exception:
                log.exception("UI update failed")
            return

        from panel.io.document import hold
        from panel.io.state import set_curdoc

        def callback() -> None:
            with set_curdoc(doc):
                try:
                    with hold(doc):  # one websocket message per update, not one per widget
                        fn(*args)
                except Exception:
                    log.exception("UI update failed")

        try:
            doc.add_next_tick_callback(callback)
        except Exception:  # noqa: BLE001, S110 - the session is gone: nothing to update
            pass

    def dispose(self) -> None:
        """The browser left: stop listening and cancel this session's queued solve."""
        self._disposed = True
        self.service.remove_listener(self._listener)
        for job in [self._job, *self._exercise_jobs]:
            if job is not None and not job.done():
                job.cancel()

    # -- model status ----------------------------------------------------------------------------
    def _update_service_status(self) -> None:
        svc = self.service
        state = getattr(svc, "state", "ready")
        text = getattr(svc, "message", "") or state
        waiting = getattr(svc, "queue_length", 0)
        busy = getattr(svc, "busy", False)
        if state == "ready":
            info = getattr(svc, "info", {}) or {}
            name = info.get("model") or info.get("backend") or "model"
            if info.get("adapter"):
                name = f"{name} + {info['adapter']}"
            extra = f" · solving, {waiting} waiting" if waiting else (" · solving" if busy else " · idle")
            text = f"Model ready: {name}{extra}"
        elif state == "loading":
            text = f"Model loading … {text}. You can write a problem meanwhile."
        elif state == "error":
            text = f"Model unavailable: {getattr(svc, 'error', '') or text}"
        self.model_status.object = (f'<span class="mathllm-model-state" data-state="{html.escape(state)}">'
                                    f"{html.escape(text)}</span>")
        self.model_spinner.value = state == "loading"
        self.model_spinner.visible = state == "loading"

    # -- problem ---------------------------------------------------------------------------------
    def _on_pick(self, event: param.parameterized.Event) -> None:
        path = event.new
        if not path:
            return
        try:
            prob = load_problem(path)
            text = Path(path).read_text(encoding="utf-8")
        except (MathllmError, OSError) as exc:
            self._set_status(f"cannot load {path}: {exc}")
            return
        self._loaded_text, self._loaded_problem = text, prob
        self.editor.value = text
        self._set_status(f"loaded {prob.name}")

    def current_problem(self) -> Problem:
        """The problem in the editor (raises ProblemError with a clear message)."""
        text = self._problem_text or self.editor.value or ""
        if self._loaded_problem is not None and text == self._loaded_text:
            return self._loaded_problem
        return problem_from_text(text)

    def _set_status(self, text: str) -> None:
        self.status = text
        self.stage.object = safe_line(text)

    # -- solve -----------------------------------------------------------------------------------
    def _on_solve(self, _event: Any = None) -> None:
        self.solve()

    def solve(self) -> Any:
        """Queue a solve of the editor's problem; returns the service Job (or None)."""
        if self._job is not None and not self._job.done():
            self._set_status("a solve is already running; cancel it first")
            return None
        try:
            problem = self.current_problem()
        except MathllmError as exc:
            self._set_status(str(exc))
            return None
        from mathllm.solve import SolveOptions

        options = SolveOptions(samples=int(self.samples), repairs=int(self.repairs), timeout_s=float(self.timeout_s))
        self._problem = problem
        self._events: list[str] = []
        self.busy = True
        self.solve_button.disabled = True
        self.cancel_button.disabled = False
        self.progress.visible = True
        self.progress.value = 1
        self.stage_log.object = safe_pre("")
        self._set_status("queued …")
        try:
            job = self.service.submit(problem, options, progress_cb=lambda ev: self._push(self._on_progress, ev))
        except MathllmError as exc:
            self._finish_busy()
            self._set_status(str(exc))
            return None
        self._job = job
        job.add_done_callback(lambda j: self._push(self._on_job_done, j))
        return job

    def _on_progress(self, ev: Any) -> None:
        stage = getattr(ev, "stage", "")
        message = str(getattr(ev, "message", ""))
        label, pos = STAGES.get(stage, (stage, None))
        frac = getattr(ev, "fraction", None)
        if stage != "queue" and isinstance(frac, (int, float)) and 0 <= frac <= 1 and stage != "done":
            pos = max(pos or 0, int(frac * 100))
        if pos is not None and self.progress.visible:
            self.progress.value = max(1, min(100, pos))
        attempt = getattr(ev, "attempt", None)
        if stage == "load" and getattr(self.service, "state", "") == "ready":
            return  # the service loaded the model at startup; solve's own load is a no-op
        if stage == "queue":  # the service's message already says the place in the queue
            line = message
        else:
            line = f"{label}{f' · attempt {attempt}' if attempt else ''}: {message}"
        self.stage.object = (f'<span class="mathllm-stage-name" data-stage="{html.escape(stage)}">'
                             f"{html.escape(line)}</span>")
        self._events.append(line)
        self.stage_log.object = safe_pre("\n".join(self._events[-40:]), "mathllm-stage-log-text")

    def _on_cancel(self, _event: Any = None) -> None:
        job = self._job
        if job is not None and job.cancel():
            self._set_status("cancelling …")

    def _finish_busy(self) -> None:
        self.busy = False
        self.solve_button.disabled = False
        self.cancel_button.disabled = True

    def _on_job_done(self, job: Any) -> None:
        if job is not self._job:
            return
        self._finish_busy()
        self.progress.value = 100
        self.progress.visible = False
        result = job.result(0)
        self.show_result(result)

    # -- results ---------------------------------------------------------------------------------
    def show_result(self, result: Any) -> None:
        """Display a SolveResult (from a solve, or built from a re-run)."""
        self._result = result
        best = getattr(result, "best", None)
        attempts = list(getattr(result, "attempts", None) or [])
        shown = best or (attempts[-1] if attempts else None)
        verdict = getattr(result, "verdict", None)
        text = answer_text(getattr(result, "answer", None))
        units = getattr(getattr(result, "problem", None), "units", None)
        if text and units and units not in text:
            text = f"{text} {units}"
        self._set_status(f"{verdict or 'finished'}: {getattr(result, 'message', '')}")
        votes = getattr(result, "votes", None) or []
        agreement = getattr(result, "agreement", None)
        vote_lines = [f"{v.get('count')} × {v.get('answer')}" for v in votes if isinstance(v, dict)]
        if agreement is not None:
            vote_lines.append(f"agreement: {agreement:.0%}")
        self.votes.object = safe_pre("\n".join(vote_lines))
        program = getattr(shown, "program", "") if shown is not None else ""
        self.code.value = program or ""
        self._base_program = program or ""
        self._show_attempt(shown)
        params = list(getattr(result, "parameters", None) or (parse_parameters(program) if program else []))
        self._show_parameters(params)
        self._build_sliders(params)
        enabled = shown is not None
        for dl in (self.dl_markdown, self.dl_notebook, self.dl_json):
            dl.disabled = not enabled
        slug = _slug(getattr(getattr(result, "problem", None), "name", "") or "result")
        self.dl_notebook.filename = f"{slug}.ipynb"
        self.dl_json.filename = f"{slug}.json"
        self.dl_markdown.filename = f"{slug}-report.md"
        if self.result_tabs.active == 0:  # still on "Start": show the details of the result
            self.result_tabs.active = 1
        # the answer last: when it shows, everything that belongs to it is on the page
        checks = "".join(f"\ncheck: {w}" for w in warnings_of(result))
        self.message.object = safe_pre((getattr(result, "message", "") or "") + checks)
        self.verdict.object = badge(verdict)
        self.answer.object = safe_pre(text or "No answer.", "mathllm-answer-text")

    def _show_attempt(self, attempt: Any) -> None:
        """Program-dependent parts: errors (list + editor annotations), equations, plots, tables."""
        annotations, lines = [], []
        run = getattr(attempt, "run", None) if attempt is not None else None
        check = getattr(attempt, "check", None) if attempt is not None else None
        for issue in list(getattr(check, "issues", None) or []):
            line = getattr(issue, "line", None) or 0
            col = getattr(issue, "col", None) or 0
            sev = getattr(issue, "severity", "error") or "error"
            msg = str(getattr(issue, "message", issue))
            annotations.append({"row": max(0, int(line) - 1), "column": int(col), "text": msg,
                                "type": "error" if sev == "error" else "warning"})
            lines.append(f"line {line}: {sev}: {msg}" if line else f"{sev}: {msg}")
        line, msg = run_error(run)
        if msg:
            annotations.append({"row": max(0, (line or 1) - 1), "column": 0, "text": msg, "type": "error"})
            lines.append(f"line {line}: run error: {msg}" if line else f"run error: {msg}")
        verification = getattr(attempt, "verification", None) if attempt is not None else None
        for chk in list(getattr(verification, "checks", None) or []):
            if isinstance(chk, dict) and not chk.get("ok", True):
                lines.append(f"verify: {chk.get('name')}: {chk.get('detail', '')}")
        if not lines and attempt is not None and getattr(attempt, "error", None):
            lines.append(str(attempt.error))
        self.code.annotations = annotations
        self.issues.object = safe_pre("\n".join(lines) if lines else "No errors.", "mathllm-issues-text")
        self._show_outputs(run)

    def _show_outputs(self, run: Any) -> None:
        """Equations (KaTeX, escaped), PNG plots and tables (escaped) of a run."""
        def name_of(item: Any) -> str:
            n = item.get("name") if isinstance(item, dict) else getattr(item, "name", "")
            return str(n or "")

        eq_rows = []
        for eq in run_items(run, ("equations",)):
            latex = equation_text(eq)
            if not latex.strip():
                continue
            eq_rows.append(pn.Row(SafeText(name_of(eq), width=140, styles={"color": "#57606a"}),
                                  pn.pane.LaTeX(safe_latex(latex), renderer="katex", sizing_mode="stretch_width"),
                                  sizing_mode="stretch_width"))
        self.equations.objects = eq_rows or [pn.pane.Markdown("*No equations reported.*")]
        figs = []
        for fig in run_items(run, ("figures", "plots", "images")):
            data = figure_bytes(fig)
            if data:
                figs.append(pn.Column(SafeText(name_of(fig), styles={"color": "#57606a"}),
                                      pn.pane.PNG(data, sizing_mode="scale_width", max_width=700)))
        self.figures.objects = figs or [pn.pane.Markdown("*No plots.*")]
        tables = []
        for table in run_items(run, ("tables", "dataframes")):
            tables.append(pn.Column(SafeText(name_of(table), styles={"color": "#57606a"}),
                                    pn.pane.DataFrame(table_frame(table), escape=True, max_height=300,
                                                      sizing_mode="stretch_width"), sizing_mode="stretch_width"))
        self.tables.objects = tables or [pn.pane.Markdown("*No tables.*")]
        out = "\n".join(str(x) for x in (getattr(run, "stdout", None), getattr(run, "traceback", None)) if x)
        self.output.object = safe_pre(out[-4000:])

    def _show_parameters(self, params: list[Parameter]) -> None:
        import pandas as pd

        if not params:
            self.parameters_table.object = pd.DataFrame({"parameter": [], "value": [], "unit": [], "meaning": []})
            return
        self.parameters_table.object = pd.DataFrame(
            {"parameter": [p.name for p in params], "value": [_fmt(int(p.value) if p.is_int else p.value) for p in params],
             "unit": [p.unit for p in params], "meaning": [p.description for p in params]})

    # -- re-run ----------------------------------------------------------------------------------
    def _on_rerun(self, _event: Any = None) -> None:
        self.rerun()

    def rerun(self) -> Any:
        """Check + run + verify the program in the editor (in the background); returns a Future."""
        program = self.code.value or ""
        if not program.strip():
            self._set_status("the program is empty")
            return None
        problem = self._problem
        if problem is None:
            try:
                problem = self.current_problem()
            except MathllmError:
                problem = None
        self.rerun_button.disabled = True
        self._set_status("re-running the edited program …")
        self.verdict.object = badge("running")
        fut = self.service.rerun(program, problem, timeout_s=float(self.timeout_s))
        fut.add_done_callback(lambda f: self._push(self._on_rerun_done, f, program, problem))
        return fut

    def _on_rerun_done(self, fut: Any, program: str, problem: Problem | None) -> None:
        self.rerun_button.disabled = False
        try:
            attempt = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown to the user as the re-run's error
            self.verdict.object = badge("failed")
            self._set_status(f"re-run failed: {exc}")
            return
        self.show_result(self._result_with_attempt(attempt, program, problem))

    def _result_with_attempt(self, attempt: Any, program: str, problem: Problem | None) -> Any:
        """A SolveResult for an edited program (so the answer, exports and sliders follow it)."""
        from mathllm.service import failed_result

        base = self._result
        if base is None:
            base = failed_result(problem or problem_from_text("(edited program)"), "", model={})
        run = getattr(attempt, "run", None)
        verification = getattr(attempt, "verification", None)
        ok = bool(getattr(attempt, "ok", False))
        status = getattr(verification, "status", None) or ("plausible" if ok else "failed")
        message = getattr(verification, "message", None) or getattr(attempt, "error", None) or ""
        try:
            return replace(
                base,
                attempts=list(getattr(base, "attempts", []) or []) + [attempt],
                best=attempt,
                answer=getattr(run, "answer", None) if run is not None else None,
                agreement=None,
                votes=[],
                solved=ok,
                verdict=status,
                message=f"edited program: {message}" if message else "edited program",
                parameters=parse_parameters(program),
            )
        except TypeError:  # not a dataclass: keep the fields we show
            base.best, base.answer, base.verdict = attempt, getattr(run, "answer", None), status
            return base

    # -- what-if ---------------------------------------------------------------------------------
    def _build_sliders(self, params: list[Parameter]) -> None:
        from bokeh.models import PrintfTickFormatter

        self._sliders = {}
        widgets = []
        for p in params:
            start, end, step = slider_range(p)
            label = f"{p.name}" + (f" [{p.unit}]" if p.unit else "")
            if p.is_int:
                s = pn.widgets.IntSlider(label=label, start=int(start), end=int(end), step=1, value=int(p.value),
                                         sizing_mode="stretch_width", css_classes=["mathllm-slider"])
            else:
                s = pn.widgets.FloatSlider(label=label, start=start, end=end, step=step, value=float(p.value),
                                           format=PrintfTickFormatter(format="%.4g"),
                                           sizing_mode="stretch_width", css_classes=["mathllm-slider"])
            s.param.watch(self._on_slider, "value")
            self._sliders[p.name] = s
            widgets.append(s)
        self.sliders.objects = widgets or [pn.pane.Markdown("This program has no parameters to vary.")]
        self.reset_button.disabled = not widgets
        names = [p.name for p in params]
        self._params = {p.name: p for p in params}
        self.sweep_param.options = names
        self.sweep_button.disabled = not names
        if names:
            self.sweep_param.value = names[0]
            self._on_sweep_param()
        self.whatif_status.object = safe_pre("")

    def _on_reset(self, _event: Any = None) -> None:
        for name, s in self._sliders.items():
            p = self._params.get(name)
            if p is not None:
                s.value = int(p.value) if p.is_int else float(p.value)

    def _on_slider(self, _event: Any = None) -> None:
        """Debounced: 300 ms after the last slider change, run the program with the new values."""
        values = {name: s.value for name, s in self._sliders.items()}
        program = self.code.value or self._base_program
        self._whatif_gen += 1
        gen = self._whatif_gen
        self.whatif_status.object = safe_pre("re-running with " + ", ".join(f"{k} = {_fmt(v)}" for k, v in values.items()))
        self.service.background(self._whatif_job, gen, program, values)

    def _whatif_job(self, gen: int, program: str, values: dict[str, float]) -> None:
        import time

        time.sleep(0.3)
        if gen != self._whatif_gen:
            return  # a newer change superseded this one
        try:
            code = set_parameters(program, values)
        except (KeyError, SyntaxError) as exc:
            self._push(self._show_whatif_error, gen, f"cannot set parameters: {exc}")
            return
        from mathllm.run import run_program

        try:
            run = run_program(code, timeout_s=float(self.timeout_s))
        except Exception as exc:  # noqa: BLE001 - a sandbox failure is shown, never raised into the event loop
            self._push(self._show_whatif_error, gen, f"sandbox error: {exc}")
            return
        self._push(self._show_whatif, gen, code, run)

    def _show_whatif_error(self, gen: int, message: str) -> None:
        if gen == self._whatif_gen:
            self.whatif_status.object = safe_pre(message)

    def _show_whatif(self, gen: int, code: str, run: Any) -> None:
        if gen != self._whatif_gen:
            return
        self.code.value = code
        line, err = run_error(run)
        if err:
            self.verdict.object = badge("failed")
            self.answer.object = safe_pre("No answer.", "mathllm-answer-text")
            self.whatif_status.object = safe_pre(f"what-if run failed (line {line}): {err}" if line else
                                                 f"what-if run failed: {err}")
            self._show_attempt(type("A", (), {"run": run, "check": None, "verification": None, "error": err})())
            return
        text = answer_text(getattr(run, "answer", None))
        units = getattr(self._problem, "units", None) if self._problem else None
        if text and units and units not in text:
            text = f"{text} {units}"
        self._show_outputs(run)
        self.whatif_status.object = safe_pre(f"answer: {text}")
        self.message.object = safe_pre("what-if: the program re-ran with the slider values (not verified)")
        self.verdict.object = badge("what-if")
        self.answer.object = safe_pre(text or "No answer.", "mathllm-answer-text")

    # -- sweep -----------------------------------------------------------------------------------
    def _on_sweep_param(self, _event: Any = None) -> None:
        p = getattr(self, "_params", {}).get(self.sweep_param.value)
        if p is None:
            return
        start, end, _ = slider_range(p)
        self.sweep_start.value, self.sweep_end.value = float(start), float(end)

    def _on_sweep(self, _event: Any = None) -> None:
        self.sweep()

    def sweep(self) -> Any:
        """Run the program for N values of one parameter (parallel, in the sandbox); plot answers."""
        name = self.sweep_param.value
        p = getattr(self, "_params", {}).get(name)
        program = self.code.value or self._base_program
        if p is None or not program:
            return None
        n = max(2, min(MAX_SWEEP_POINTS, int(self.sweep_n.value or 11)))
        a, b = float(self.sweep_start.value), float(self.sweep_end.value)
        xs = [a + (b - a) * i / (n - 1) for i in range(n)]
        if p.is_int:
            xs = sorted({round(x) for x in xs})
        self._sweep_gen += 1
        gen = self._sweep_gen
        self.sweep_button.disabled = True
        self.sweep_status.object = safe_pre(f"running {len(xs)} programs …")
        t = threading.Thread(target=self._sweep_job, args=(gen, program, name, xs), daemon=True,
                             name="mathllm-sweep")
        t.start()
        return t

    def _sweep_job(self, gen: int, program: str, name: str, xs: list[float]) -> None:
        from mathllm.run import run_program

        def one(x: float) -> tuple[float, dict[str, float], str | None]:
            try:
                run = run_program(set_parameters(program, {name: x}), timeout_s=float(self.timeout_s))
            except Exception as exc:  # noqa: BLE001 - counted as a failed point of the sweep
                return x, {}, str(exc)
            _, err = run_error(run)
            return x, answer_numbers(getattr(run, "answer", None)), err

        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="mathllm-sweep") as pool:
            rows = list(pool.map(one, xs))
        self._push(self._show_sweep, gen, name, rows)

    def _show_sweep(self, gen: int, name: str, rows: list) -> None:
        if gen != self._sweep_gen:
            return
        self.sweep_button.disabled = False
        from bokeh.models import ColumnDataSource, HoverTool
        from bokeh.palettes import Category10_10
        from bokeh.plotting import figure

        p = self._params.get(name)
        xlabel = f"{name} [{p.unit}]" if p is not None and p.unit else name
        keys: list[str] = []
        for _, values, _ in rows:
            for k in values:
                if k not in keys:
                    keys.append(k)
        errors = sum(1 for _, _, e in rows if e)
        fig = figure(height=340, sizing_mode="stretch_width", x_axis_label=xlabel,
                     y_axis_label="answer" if keys == ["answer"] else "value",
                     tools="pan,wheel_zoom,box_zoom,reset,save")
        for i, key in enumerate(keys[:10]):
            pts = [(x, v[key]) for x, v, _ in rows if key in v]
            src = ColumnDataSource({"x": [x for x, _ in pts], "y": [y for _, y in pts]})
            colour = Category10_10[i % 10]
            legend = {"legend_label": key} if len(keys) > 1 else {}
            fig.line("x", "y", source=src, color=colour, line_width=2, **legend)
            fig.scatter("x", "y", source=src, color=colour, size=6, **legend)
        fig.add_tools(HoverTool(tooltips=[(name, "@x{0.[0000]}"), ("answer", "@y{0.[0000]}")]))
        self.sweep_plot.object = fig
        ok = len(rows) - errors
        msg = f"{ok} of {len(rows)} runs gave an answer"
        if errors:
            first = next(e for _, _, e in rows if e)
            msg += f"; first error: {first}"
        self.sweep_status.object = safe_pre(msg)
        self._sweep_rows = rows

    # -- exports ---------------------------------------------------------------------------------
    def _require_result(self) -> Any:
        if self._result is None:
            raise ValueError("nothing to export yet")
        return self._result

    def _export_markdown(self) -> io.BytesIO:
        from mathllm.report import to_markdown

        result = self._require_result()
        slug = _slug(getattr(result.problem, "name", "") or "result")
        with tempfile.TemporaryDirectory(prefix="mathllm-report-") as tmp:
            path = Path(to_markdown(result, Path(tmp)))
            files = [f for f in Path(tmp).rglob("*") if f.is_file()]
            if not any(f.suffix.lower() == ".png" for f in files):  # no plots: the .md alone
                self.dl_markdown.filename = f"{slug}-report.md"
                return io.BytesIO(path.read_bytes())
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for f in files:
                    zf.write(f, f.relative_to(tmp).as_posix())
            self.dl_markdown.filename = f"{slug}-report.zip"
            buf.seek(0)
            return buf

    def notebook_bytes(self) -> bytes:
        import nbformat

        from mathllm.report import to_notebook

        return nbformat.writes(to_notebook(self._require_result())).encode("utf-8")

    def _export_notebook(self) -> io.BytesIO:
        return io.BytesIO(self.notebook_bytes())

    def _export_json(self) -> io.BytesIO:
        from mathllm.report import to_dict

        data = json.dumps(to_dict(self._require_result()), indent=2, default=str, ensure_ascii=False)
        return io.BytesIO(data.encode("utf-8"))


def create_app(service: Any = None, problems_root: str | Path | None = None) -> pn.viewable.Viewable:
    """A fresh workbench for one session (used as the ``pn.serve`` factory)."""
    return Workbench(service=service, problems_root=problems_root)


if __name__.startswith("bokeh"):
    Workbench().servable(title="mathllm workbench")
