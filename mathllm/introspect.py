"""Run a model program and collect its results. This module runs INSIDE the sandbox child.

:func:`execute` compiles and executes the program with a fresh globals dict and turns what it
left at top level into one JSON-safe dict (the fields of :class:`mathllm.run.RunResult`):

* ``answer``: a number, a dict of named numbers or a SymPy expression (NaN, infinities and
  complex numbers with a non-zero imaginary part are a ``bad_answer``);
* ``equations``: top-level ``sp.Eq`` objects (and lists of them) as LaTeX;
* ``tables``: top-level pandas DataFrames/Series (at most 200 rows each);
* ``figures``: open matplotlib figures as base64 PNG;
* ``checks``: symbolic verification where the program makes it possible: ``checkodesol`` of
  a top-level ODE against a ``dsolve`` result, ``checksol`` of top-level equations against a
  ``solve`` result;
* ``variables``: the numeric top-level scalars (the workbench shows them);
* ``error``/``error_line``/``traceback``: one clear line, and a traceback of the program's
  own frames only.

Everything here is bounded in time (a SIGALRM timer around each step) and size, because the
objects being inspected were made by untrusted code. The results are *claims* of the program:
it runs in the same process and could forge them. The sandbox protects the host, not the
honesty of the results; :mod:`mathllm.verify` must treat them as data.
"""

from __future__ import annotations

import base64
import builtins
import io
import linecache
import math
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

PROGRAM_FILENAME = "<program>"

MAX_TEXT = 2000
MAX_EQUATIONS = 50
MAX_TABLES = 10
MAX_ROWS = 200
MAX_COLUMNS = 50
MAX_CELL = 200
MAX_FIGURES = 6
MAX_FIGURE_BYTES = 1_500_000
MAX_VARIABLES = 200
MAX_CHECKS = 10
MAX_TRACEBACK = 6000
CHECK_BUDGET_S = 2.0  # per symbolic check
COLLECT_MARGIN_S = 0.15  # left for encoding and writing the result


class ProgramTimeout(BaseException):
    """Raised inside the program by the soft wall-clock timer (BaseException: `except Exception`
    in the program does not swallow it)."""


class _OutOfTime(BaseException):
    """A collection step ran past its time box."""


class BadAnswer(Exception):
    """``answer`` is not something the pipeline can use; the message says how to fix it."""


def _raise_timeout(signum: int, frame: Any) -> None:
    raise ProgramTimeout()


def _raise_out_of_time(signum: int, frame: Any) -> None:
    raise _OutOfTime()


def _short(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _safe_str(obj: Any, limit: int = MAX_TEXT) -> str:
    try:
        return _short(str(obj), limit)
    except Exception:  # noqa: BLE001 - untrusted __str__
        return f"<{type(obj).__name__}>"


# ---------------------------------------------------------------------------------------------
# Execution
# ---------------------------------------------------------------------------------------------


def execute(code: str, *, timeout_s: float, hard_deadline: float, memory_mb: int,
            use_alarm: bool = True) -> dict[str, Any]:
    """Execute ``code`` as a fresh ``__main__`` and return the collected results.

    ``timeout_s`` arms a soft timer that interrupts the program (so the error can name the
    line it was stuck on); ``hard_deadline`` (monotonic) is when the server will SIGKILL this
    process, and bounds the collection that follows.
    """
    lines = code.splitlines(keepends=True)
    linecache.cache[PROGRAM_FILENAME] = (len(code), None, lines, PROGRAM_FILENAME)
    try:
        compiled = compile(code, PROGRAM_FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:  # ValueError: null bytes in the source
        message, line, tb = describe_error(e)
        return {"status": "error", "error": message, "error_line": line, "traceback": tb}
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins,
                                 "__file__": PROGRAM_FILENAME}
    exc: BaseException | None = None
    if use_alarm:
        signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        exec(compiled, namespace)  # noqa: S102 - this is the sandboxed program
    except BaseException as e:  # noqa: BLE001 - every way a program can fail is a result
        exc = e
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return Collector(namespace, hard_deadline - COLLECT_MARGIN_S, use_alarm).collect(
        exc, timeout_s=timeout_s, memory_mb=memory_mb)


def describe_error(exc: BaseException) -> tuple[str, int | None, str]:
    """(one-line message, line in the program, traceback of the program's frames only)."""
    line: int | None = None
    if isinstance(exc, SyntaxError) and exc.filename == PROGRAM_FILENAME:
        line = exc.lineno
        text = "".join(traceback.format_exception_only(type(exc), exc))
        msg = exc.msg
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == PROGRAM_FILENAME]
        if frames:
            line = frames[-1].lineno
        try:
            te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
            te.stack = traceback.StackSummary.from_list(
                [f for f in te.stack if f.filename == PROGRAM_FILENAME])
            # Library internals of chained exceptions are noise for the program's author.
            te.__cause__ = te.__context__ = None
            te.__suppress_context__ = True
            text = "".join(te.format())
        except Exception:  # noqa: BLE001 - untrusted exception objects
            text = f"{type(exc).__name__}: {_safe_str(exc)}\n"
        msg = _safe_str(exc, 300)
    msg = msg.strip().splitlines()[0] if msg.strip() else ""
    name = type(exc).__name__
    where = f" (line {line})" if line else ""
    if isinstance(exc, SystemExit):
        message = f"SystemExit: the program called exit(){where}"
    elif msg:
        message = f"{name}: {_short(msg, 300)}{where}"
    else:
        message = f"{name}{where}"
    return message, line, _short(text, MAX_TRACEBACK)


# ---------------------------------------------------------------------------------------------
# Collection
# ---------------------------------------------------------------------------------------------


def _is_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return True
    np = sys.modules.get("numpy")
    return np is not None and isinstance(v, np.bool_)


def to_number(v: Any, what: str = "answer") -> float:
    """A finite real float for ``v``, or :class:`BadAnswer` saying why not."""
    np = sys.modules.get("numpy")
    sp = sys.modules.get("sympy")
    if _is_bool(v):
        raise BadAnswer(f"{what} is a bool ({v}); assign a number")
    if np is not None and isinstance(v, np.ndarray):
        if v.size != 1:
            raise BadAnswer(f"{what} is an array of shape {v.shape}; assign one number "
                            "or a dict of named numbers")
        v = v.reshape(()).item()
    if np is not None and isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        try:
            f = float(v)
        except OverflowError:
            raise BadAnswer(f"{what} is an integer too large for a float") from None
    elif isinstance(v, complex):
        if v.imag != 0:
            raise BadAnswer(f"{what} is complex ({v}); the answer must be real")
        f = v.real
    elif sp is not None and isinstance(v, sp.Basic):
        if not isinstance(v, sp.Expr):
            raise BadAnswer(f"{what} is a {type(v).__name__}; assign a number")
        if v.free_symbols:
            raise BadAnswer(f"{what} still contains symbols ({', '.join(sorted(map(str, v.free_symbols)))})")
        if v.has(sp.nan):
            raise BadAnswer(f"{what} is NaN (not a number)")
        if v.has(sp.zoo, sp.oo, -sp.oo):
            raise BadAnswer(f"{what} is infinite")
        n = sp.N(v, 17)
        re_, im_ = n.as_real_imag()
        try:
            re_f, im_f = float(re_), float(im_)
        except TypeError:
            raise BadAnswer(f"{what} cannot be evaluated to a number ({_safe_str(v, 100)})") from None
        if abs(im_f) > 1e-12 * max(1.0, abs(re_f)):
            raise BadAnswer(f"{what} is complex ({_safe_str(n, 100)}); the answer must be real")
        f = re_f
    else:
        import decimal
        import fractions

        if isinstance(v, (fractions.Fraction, decimal.Decimal)):
            f = float(v)
        elif v is None:
            raise BadAnswer(f"{what} is None; assign a number")
        elif isinstance(v, (list, tuple, set)):
            raise BadAnswer(f"{what} is a {type(v).__name__} ({_safe_str(v, 100)}); assign one number, "
                            "or a dict of named numbers such as {'x1': ..., 'x2': ...}")
        else:
            raise BadAnswer(f"{what} is a {type(v).__name__}; assign a number, a dict of named "
                            "numbers or a SymPy expression")
    if math.isnan(f):
        raise BadAnswer(f"{what} is NaN (not a number)")
    if math.isinf(f):
        raise BadAnswer(f"{what} is infinite")
    return f


def _fmt(f: float) -> str:
    return f"{f:.10g}"


class Collector:
    """Turns a finished program's namespace into the result dict."""

    def __init__(self, namespace: dict[str, Any], deadline: float, use_alarm: bool = True) -> None:
        self.ns = namespace
        self.deadline = deadline
        self.use_alarm = use_alarm
        self.sp = sys.modules.get("sympy")
        self.notes: list[str] = []

    # -- time boxes ------------------------------------------------------------------------

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    @contextmanager
    def box(self, seconds: float) -> Iterator[None]:
        """Run the body for at most ``seconds`` (and never past the deadline)."""
        limit = min(seconds, self.remaining())
        if limit <= 0.01:
            raise _OutOfTime()
        if not self.use_alarm:
            yield
            return
        old = signal.signal(signal.SIGALRM, _raise_out_of_time)
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)

    def bounded(self, seconds: float, fn: Callable[[], Any], default: Any = None) -> Any:
        try:
            with self.box(seconds):
                return fn()
        except _OutOfTime:
            return default
        except Exception:  # noqa: BLE001 - untrusted objects; a failing step is skipped
            return default

    # -- top level -------------------------------------------------------------------------

    def items(self) -> list[tuple[str, Any]]:
        import types

        out = []
        for name, value in list(self.ns.items()):
            if name.startswith("_") or isinstance(value, (types.ModuleType, types.FunctionType, type)):
                continue
            out.append((name, value))
        return out

    def collect(self, exc: BaseException | None, *, timeout_s: float, memory_mb: int) -> dict[str, Any]:
        result: dict[str, Any] = {"status": "ok", "answer": None, "equations": [], "tables": [],
                                  "figures": [], "checks": [], "error": None, "error_line": None,
                                  "traceback": None, "variables": {}}
        if exc is not None:
            message, line, tb = describe_error(exc)
            if isinstance(exc, ProgramTimeout):
                where = f" (stopped at line {line})" if line else ""
                result.update(status="timeout", error=f"the program ran longer than {timeout_s:g} s{where}")
            elif isinstance(exc, MemoryError):
                limit = f" (limit {memory_mb} MB)" if memory_mb else ""
                where = f" (line {line})" if line else ""
                result.update(status="memory", error=f"MemoryError: the program ran out of memory{limit}{where}")
            else:
                result.update(status="error", error=message)
            result.update(error_line=line, traceback=tb)
            result["variables"] = self.bounded(0.5, self.variables, {})
            self._close_figures()
            return result
        try:
            if "answer" not in self.ns:
                result.update(status="no_answer",
                              error="the program did not assign `answer` at top level "
                                    "(end with: answer = <number or dict of numbers>)")
            else:
                try:
                    with self.box(max(1.0, self.remaining() - 0.5)):
                        result["answer"] = self.answer(self.ns["answer"])
                except BadAnswer as e:
                    result.update(status="bad_answer", error=str(e))
                except _OutOfTime:
                    result.update(status="bad_answer", error="answer could not be evaluated in time")
                except Exception as e:  # noqa: BLE001 - an odd object; say what it was
                    result.update(status="bad_answer", error=f"answer could not be evaluated: "
                                  f"{type(e).__name__}: {_safe_str(e, 200)}")
            result["variables"] = self.bounded(0.5, self.variables, {})
            result["equations"] = self.bounded(1.0, self.equations, [])
            result["tables"] = self.tables()
            result["figures"] = self.figures()
            result["checks"] = self.checks()
        except Exception as e:  # noqa: BLE001 - the program may have broken the libraries
            result.update(status="error", error=f"could not collect the results: {type(e).__name__}: {_safe_str(e, 200)}")
        finally:
            self._close_figures()
        return result

    # -- answer ----------------------------------------------------------------------------

    def answer(self, v: Any) -> dict[str, Any]:
        sp = self.sp
        if isinstance(v, dict):
            if not v:
                raise BadAnswer("answer is an empty dict; put the named results in it")
            if len(v) > 100:
                raise BadAnswer("answer has more than 100 entries")
            values: dict[str, float] = {}
            parts = []
            for k, x in v.items():
                key = _safe_str(k, 100)
                if isinstance(x, dict):
                    raise BadAnswer(f"answer[{key!r}] is a dict; nested dicts are not allowed")
                values[key] = to_number(x, f"answer[{key!r}]")
                parts.append(f"{self._latex_name(key)} = {self._latex_value(x, values[key])}")
            return {"kind": "dict", "value": None, "values": values, "text": _safe_str(v),
                    "latex": ", ".join(parts)}
        if sp is not None and isinstance(v, sp.Basic) and not (isinstance(v, sp.Expr) and not v.free_symbols):
            latex = self.bounded(1.0, lambda: sp.latex(v), "") or ""
            if isinstance(v, sp.Expr):
                return {"kind": "expression", "value": None, "values": None, "text": _safe_str(v),
                        "latex": _short(latex, MAX_TEXT)}
            return {"kind": "other", "value": None, "values": None, "text": _safe_str(v),
                    "latex": _short(latex, MAX_TEXT)}
        if sp is not None and hasattr(sp, "MatrixBase") and isinstance(v, sp.MatrixBase):
            raise BadAnswer("answer is a Matrix; assign a number or a dict of named numbers")
        f = to_number(v)
        return {"kind": "number", "value": f, "values": None, "text": _safe_str(v),
                "latex": self._latex_value(v, f)}

    def _latex_name(self, key: str) -> str:
        sp = self.sp
        if sp is not None and key.isidentifier():
            try:
                return sp.latex(sp.Symbol(key))
            except Exception:  # noqa: BLE001, S110 - fall back to plain text
                pass
        return r"\text{" + key.replace("\\", "").replace("{", "").replace("}", "") + "}"

    def _latex_value(self, original: Any, f: float) -> str:
        sp = self.sp
        if sp is not None and isinstance(original, sp.Basic):
            try:
                return _short(sp.latex(original), 500)
            except Exception:  # noqa: BLE001, S110 - fall back to the number
                pass
        return _fmt(f)

    # -- variables ---------------------------------------------------------------------------

    def variables(self) -> dict[str, float]:
        np = sys.modules.get("numpy")
        sp = self.sp
        out: dict[str, float] = {}
        for name, v in self.items():
            if len(out) >= MAX_VARIABLES:
                break
            if _is_bool(v):
                continue
            number = isinstance(v, (int, float)) or (np is not None and isinstance(v, (np.integer, np.floating))) \
                or (sp is not None and isinstance(v, sp.Number))
            if not number:
                continue
            try:
                f = float(v)
            except (OverflowError, TypeError, ValueError):
                continue
            if math.isfinite(f):
                out[name] = f
        return out

    # -- equations ---------------------------------------------------------------------------

    def _equalities(self) -> list[tuple[str, Any]]:
        """Top-level Eq objects, and the elements of top-level lists/tuples of Eq."""
        sp = self.sp
        if sp is None:
            return []
        found: list[tuple[str, Any]] = []
        for name, v in self.items():
            if isinstance(v, sp.Equality):
                found.append((name, v))
            elif isinstance(v, (list, tuple)) and 0 < len(v) <= MAX_EQUATIONS \
                    and all(isinstance(e, sp.Equality) for e in v):
                found.extend((f"{name}[{i}]", e) for i, e in enumerate(v))
            if len(found) >= MAX_EQUATIONS:
                break
        return found[:MAX_EQUATIONS]

    def equations(self) -> list[dict[str, str]]:
        sp = self.sp
        out = []
        for name, eq in self._equalities():
            latex = self.bounded(0.5, lambda eq=eq: sp.latex(eq))
            if latex is None:
                continue
            out.append({"name": name, "latex": _short(latex, MAX_TEXT), "text": _safe_str(eq)})
        return out

    # -- tables ------------------------------------------------------------------------------

    def tables(self) -> list[dict[str, Any]]:
        """Top-level DataFrames and Series, each converted within its own time box."""
        pd = sys.modules.get("pandas")
        if pd is None:
            return []
        out = []
        for name, v in self.items():
            if len(out) >= MAX_TABLES or self.remaining() < 0.3:
                break
            if isinstance(v, (pd.Series, pd.DataFrame)):
                table = self.bounded(1.0, lambda name=name, v=v: self._table(pd, name, v))
                if table is not None:
                    out.append(table)
        return out

    def _table(self, pd: Any, name: str, v: Any) -> dict[str, Any]:
        if isinstance(v, pd.Series):
            v = v.to_frame(name=str(v.name) if v.name is not None else name)
        df = v.iloc[:MAX_ROWS, :MAX_COLUMNS]
        if not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 or df.index.step != 1:
            df = df.reset_index()
            df = df.iloc[:, :MAX_COLUMNS]
        columns = [_short(" ".join(map(str, c)) if isinstance(c, tuple) else str(c), MAX_CELL)
                   for c in df.columns]
        rows = [[_cell(x) for x in row] for row in df.itertuples(index=False, name=None)]
        return {"name": name, "columns": columns, "rows": rows}

    # -- figures -----------------------------------------------------------------------------

    def figures(self) -> list[dict[str, str]]:
        """Open matplotlib figures as PNG (at most MAX_FIGURES, each in its own time box)."""
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is None:
            return []
        out = []
        nums = self.bounded(0.5, plt.get_fignums, []) or []
        for num in nums[:MAX_FIGURES]:
            if self.remaining() < 0.3:
                break
            figure = self.bounded(2.0, lambda num=num: self._figure(plt, num))
            if figure is not None:
                out.append(figure)
        return out

    def _figure(self, plt: Any, num: int) -> dict[str, str] | None:
        fig = plt.figure(num)
        png = b""
        for dpi in (100, 50):  # a huge figure gets a second chance at half the resolution
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=dpi)
            png = buf.getvalue()
            if len(png) <= MAX_FIGURE_BYTES:
                break
        if len(png) > MAX_FIGURE_BYTES:
            return None
        label = fig.get_label() or f"figure{num}"
        return {"name": _short(label, 100), "png_base64": base64.b64encode(png).decode("ascii")}

    def _close_figures(self) -> None:
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:
            try:
                plt.close("all")
            except Exception:  # noqa: BLE001, S110 - the program may have broken pyplot
                pass

    # -- checks ------------------------------------------------------------------------------

    def checks(self) -> list[dict[str, Any]]:
        sp = self.sp
        if sp is None:
            return []
        groups = self._equation_groups()
        odes = [(n, e) for n, e in groups if self._is_ode(e)]
        solutions_ode = [(n, s) for n, s in self.items() if self._is_ode_solution(s)]
        algebraic = [(n, e) for n, e in groups if not self._is_ode(e) and not self._is_ode_solution(e)]
        solutions_alg = [(n, s) for n, s in self.items() if self._is_solve_result(s)]
        out: list[dict[str, Any]] = []
        for name, ode in odes:
            funcs = self._functions(ode)
            candidates = [(sn, s) for sn, s in solutions_ode if self._functions(s) & funcs]
            out.extend(self._check_group(name, ode, candidates, "checkodesol", self._checkodesol))
            if len(out) >= MAX_CHECKS:
                break
        for name, eq in algebraic:
            symbols = self._symbols(eq)
            candidates = [(sn, s) for sn, s in solutions_alg if self._solution_fits(s, symbols)]
            out.extend(self._check_group(name, eq, candidates, "checksol", self._checksol))
            if len(out) >= MAX_CHECKS:
                break
        return out[:MAX_CHECKS]

    def _equation_groups(self) -> list[tuple[str, Any]]:
        """Top-level equations: single Eq objects and lists of Eq (systems) as one entry."""
        sp = self.sp
        groups = []
        for name, v in self.items():
            if isinstance(v, sp.Equality):
                groups.append((name, v))
            elif isinstance(v, (list, tuple)) and 0 < len(v) <= 20 and all(isinstance(e, sp.Equality) for e in v):
                groups.append((name, list(v)))
        return groups[:MAX_EQUATIONS]

    def _as_list(self, eq: Any) -> list[Any]:
        return eq if isinstance(eq, list) else [eq]

    def _is_ode(self, eq: Any) -> bool:
        sp = self.sp
        return all(isinstance(e, sp.Equality) and e.has(sp.Derivative) for e in self._as_list(eq))

    def _is_ode_solution(self, v: Any) -> bool:
        """``Eq(f(t), expr)`` without derivatives, or a list of them (a dsolve result)."""
        sp = self.sp
        from sympy.core.function import AppliedUndef

        items = v if isinstance(v, (list, tuple)) else [v]
        if not items or len(items) > 20:
            return False
        return all(isinstance(e, sp.Equality) and isinstance(e.lhs, AppliedUndef)
                   and not e.rhs.has(sp.Derivative) for e in items)

    def _is_solve_result(self, v: Any) -> bool:
        """A ``solve`` result: a dict {Symbol: value}, a list of them, or a list of SymPy values."""
        sp = self.sp

        def is_sol_dict(d: Any) -> bool:
            return isinstance(d, dict) and bool(d) and all(isinstance(k, sp.Symbol) for k in d) \
                and all(isinstance(x, (sp.Basic, int, float)) for x in d.values())

        if is_sol_dict(v):
            return True
        if isinstance(v, list) and 0 < len(v) <= 20:
            if all(is_sol_dict(d) for d in v):
                return True
            # A list of values (solve(eq, x)): only with at least one SymPy value, so that
            # lists of plain data are not mistaken for solutions.
            return all(isinstance(x, (sp.Expr, int, float)) and not _is_bool(x) for x in v) \
                and any(isinstance(x, sp.Basic) for x in v)
        return False

    def _functions(self, v: Any) -> set[Any]:
        from sympy.core.function import AppliedUndef

        items = v if isinstance(v, (list, tuple)) else [v]
        out: set[Any] = set()
        for e in items:
            out |= {f.func for f in e.atoms(AppliedUndef)}
        return out

    def _symbols(self, eq: Any) -> set[Any]:
        out: set[Any] = set()
        for e in self._as_list(eq):
            out |= e.free_symbols
        return out

    def _solution_fits(self, sol: Any, symbols: set[Any]) -> bool:
        if isinstance(sol, dict):
            return bool(set(sol) & symbols)
        if isinstance(sol, list) and sol and isinstance(sol[0], dict):
            return any(set(d) & symbols for d in sol)
        return len(symbols) == 1  # list of values: only for an equation in one unknown

    def _check_group(self, name: str, eq: Any, candidates: list[tuple[str, Any]], kind: str,
                     check: Callable[[Any, Any], tuple[bool | None, str]]) -> list[dict[str, Any]]:
        """Check ``eq`` against each candidate solution.

        A program often keeps several solution-shaped objects around (the general solution,
        one with numbers substituted, ...). Passing checks are all reported; a failure is
        reported only when no candidate passes, to avoid false alarms.
        """
        passed, failed = [], []
        for sname, sol in candidates[:5]:
            try:
                with self.box(CHECK_BUDGET_S):
                    ok, detail = check(eq, sol)
            except _OutOfTime:
                continue
            except Exception as e:  # noqa: BLE001 - sympy may not be able to decide
                ok, detail = None, f"{type(e).__name__}"
            if ok is True:
                passed.append({"kind": kind, "ok": True, "detail": f"{sname} satisfies {name}: {detail}"})
            elif ok is False:
                failed.append({"kind": kind, "ok": False, "detail": f"{sname} does not satisfy {name}: {detail}"})
        if passed:
            return passed
        return failed[:1]

    def _checkodesol(self, ode: Any, sol: Any) -> tuple[bool | None, str]:
        sp = self.sp
        odes = ode
        sols = list(sol) if isinstance(sol, (list, tuple)) else sol
        if isinstance(odes, list) and len(odes) == 1:
            odes = odes[0]
        if isinstance(sols, list) and len(sols) > 1 and not isinstance(odes, list):
            # Several solutions of one ODE (e.g. a nonlinear first-order ODE): check each.
            res = [sp.checkodesol(odes, s) for s in sols]
            ok = all(r[0] is True for r in res)
            bad = [r for r in res if r[0] is not True]
            return ok, "residual 0" if ok else f"residual {_safe_str(bad[0][1], 200)}"
        res = sp.checkodesol(odes, sols)
        if isinstance(res, list):  # systems
            ok = all(r[0] is True or self._rounding(r[1], sols) for r in res)
            bad = [r for r in res if r[0] is not True]
            return ok, "residual 0" if not bad else "residual within rounding" if ok \
                else f"residual {_safe_str(bad[0][1], 200)}"
        ok, residual = res
        if ok is True:
            return True, "residual 0"
        if self._rounding(residual, sols):
            return True, f"residual within rounding ({_safe_str(residual, 80)})"
        return False, f"residual {_safe_str(residual, 200)}"

    def _rounding(self, residual: Any, sol: Any) -> bool:
        """Whether an ODE residual is only floating-point rounding: every term's coefficient a
        float below 1e-9 of the largest number of the solution (``-4.9e-17*exp(0.88*t) - 3.1e-17``
        for a solution ``0.0327 - 0.0327*exp(-0.88*t)``), not a residual a wrong solution leaves."""
        sp = self.sp
        try:
            terms = sp.Add.make_args(sp.expand(residual))
            coeffs = [t.as_coeff_Mul()[0] for t in terms]
            if not coeffs or not all(isinstance(c, sp.Float) for c in coeffs):
                return False  # an exact residual, or a term with no float in it, is a real one
            sols = sol if isinstance(sol, (list, tuple)) else [sol]
            scale = max([abs(float(x)) for s in sols for x in sp.expand(s).atoms(sp.Number)] + [1.0])
            return max(abs(float(c)) for c in coeffs) <= 1e-9 * scale
        except Exception:  # noqa: BLE001 - an expression sympy cannot take apart is no rounding
            return False

    def _checksol(self, eq: Any, sol: Any) -> tuple[bool | None, str]:
        sp = self.sp
        eqs = self._as_list(eq)
        if isinstance(sol, dict):
            dicts = [sol]
        elif sol and isinstance(sol[0], dict):
            dicts = [d for d in sol if set(d) & self._symbols(eq)]
        else:
            (sym,) = tuple(self._symbols(eq))
            dicts = [{sym: x} for x in sol]
        if not dicts:
            return None, "no solution to check"
        results = []
        for d in dicts:
            for e in eqs:
                results.append(sp.checksol(e, d))
        if all(r is True for r in results):
            return True, f"{len(dicts)} solution(s) substituted, residual 0"
        if any(r is False for r in results):
            return False, "substituting the solution leaves a non-zero residual"
        return None, "undecided"


def _cell(x: Any) -> Any:
    """A JSON-safe table cell."""
    np = sys.modules.get("numpy")
    if np is not None and isinstance(x, np.generic):
        x = x.item()
    if x is None or isinstance(x, (bool, str)):
        return _short(x, MAX_CELL) if isinstance(x, str) else x
    if isinstance(x, int):
        return x if abs(x) < 2**53 else float(x) if abs(x) < 1e308 else str(x)[:MAX_CELL]
    if isinstance(x, float):
        if math.isnan(x):
            return None
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return x
    sp = sys.modules.get("sympy")
    if sp is not None and isinstance(x, sp.Number):
        try:
            f = float(x)
            return f if math.isfinite(f) else _safe_str(x, MAX_CELL)
        except (TypeError, ValueError):
            pass
    return _safe_str(x, MAX_CELL)
