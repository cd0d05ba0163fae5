"""Step-by-step solutions: a contract program rendered as numbered steps a student can read.

No model is involved. The program's source is walked statically (its AST) and every step
is built from it; the *numbers* come from one run of the program in the sandbox
(:func:`mathllm.run.run_program`), whose result carries the numeric top-level variables and
the top-level SymPy equations as LaTeX. Model programs are untrusted, so nothing here ever
executes them in-process: expressions are turned into SymPy objects by a small translator
that only knows arithmetic, names, numbers and a whitelist of maths functions, with
evaluation switched off, so the LaTeX shows the formula as written.

Steps:

1. **Given**: the parameters, with meaning, value and unit (a Markdown table).
2. One step per model statement: the formula with symbols, then with the known values
   substituted, then the numeric result (``x = a/b = 3/4 = 0.75``); SymPy equations as
   LaTeX; solver calls (``sp.solve``, ``brentq``, ``solve_ivp``, ``linprog`` ...) described in
   words with the result the run produced.
3. **Answer**: the program's ``answer``, with units when known.
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
from dataclasses import dataclass
from typing import Any

from .contract import Parameter, parse_parameters


@dataclass
class Step:
    """One step of a worked solution. ``text`` is Markdown; ``latex`` is display maths or ''."""

    number: int
    title: str
    text: str
    latex: str = ""


# ---- reading the sandbox result ---------------------------------------------------------------

def _variables(rr: Any) -> dict[str, float]:
    """The run's numeric top-level scalars as ``{name: float}`` (shape-tolerant)."""
    raw = getattr(rr, "variables", None) if rr is not None else None
    out: dict[str, float] = {}
    if isinstance(raw, dict):
        items = raw.items()
    elif isinstance(raw, list):
        items = [((d.get("name"), d.get("value")) if isinstance(d, dict) else (None, None)) for d in raw]
    else:
        items = []
    for k, v in items:
        if k is None:
            continue
        if isinstance(v, dict):
            v = v.get("value")
        try:
            f = float(v)
        except (TypeError, ValueError):
            continue
        if math.isfinite(f):
            out[str(k)] = f
    return out


def clean_latex(tex: str) -> str:
    """LaTeX from a run (a claim of untrusted code): no dollar signs (they would end the
    maths block) and no commands that make links, HTML or styles in MathJax/KaTeX."""
    tex = str(tex).replace("$", "")
    return re.sub(r"\\(href|url|html\w*|includegraphics|class|cssId|style|unicode|require)\b", "", tex)


def _equations(rr: Any) -> dict[str, str]:
    """The run's top-level equations as ``{variable name: latex}`` where a name is known."""
    raw = getattr(rr, "equations", None) if rr is not None else None
    out: dict[str, str] = {}
    if isinstance(raw, dict):
        for k, v in raw.items():
            out[str(k)] = clean_latex(v.get("latex", "") if isinstance(v, dict) else str(v))
    elif isinstance(raw, list):
        for d in raw:
            if isinstance(d, dict) and d.get("name") and d.get("latex"):
                out[str(d["name"])] = clean_latex(str(d["latex"]))
    return out


# ---- safe AST -> SymPy translation ------------------------------------------------------------

class Unsupported(Exception):
    """An expression the translator does not render (shown as code instead)."""


_FUNCS = {
    "sqrt": "sqrt", "exp": "exp", "log": "log", "ln": "log", "log10": "log10", "log2": "log2",
    "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos", "atan": "atan",
    "arcsin": "asin", "arccos": "acos", "arctan": "atan", "sinh": "sinh", "cosh": "cosh",
    "tanh": "tanh", "abs": "Abs", "Abs": "Abs", "fabs": "Abs", "floor": "floor",
    "ceil": "ceiling", "ceiling": "ceiling", "factorial": "factorial", "binomial": "binomial",
    "comb": "binomial", "min": "Min", "max": "Max", "Min": "Min", "Max": "Max", "Eq": "Eq",
    "Derivative": "Derivative", "diff": "Derivative", "Integral": "Integral",
    "integrate": "Integral", "Sum": "Sum", "summation": "Sum", "Rational": "Rational",
    "atan2": "atan2", "perm": "perm",
}
_CONSTS = {"pi": "pi", "e": "E", "E": "E", "oo": "oo", "inf": "oo", "I": "I"}
#: calls that only convert a value: shown as their argument
_PASSTHROUGH = {"float", "int", "round", "N", "evalf", "nsimplify", "simplify", "expand",
                "Float", "Integer", "sympify", "S", "array", "asarray", "item"}
#: scipy.stats distributions whose methods are shown as named functions (binom.cdf(k, n, p))
_DISTRIBUTIONS = {"binom", "norm", "poisson", "expon", "uniform", "geom", "hypergeom", "t",
                  "chi2", "gamma", "beta", "lognorm", "nbinom", "weibull_min", "f"}
_DIST_METHODS = {"cdf", "pdf", "pmf", "sf", "ppf", "isf", "logcdf", "logpdf", "logpmf", "mean",
                 "var", "std", "median"}
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
          "lambda", "lamda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
          "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
          "Sigma", "Phi", "Psi", "Omega"}


def symbol_latex(name: str) -> str:
    """LaTeX for a program name: ``x``, ``x_0``, ``\\alpha`` as maths; ``annual_rate`` upright."""
    base = name.split("_")[0]
    if re.fullmatch(r"[A-Za-z](_?[A-Za-z0-9])?", name) or (name in _GREEK) or \
            (base in _GREEK and re.fullmatch(r"[A-Za-z]+_[A-Za-z0-9]", name)):
        import sympy as sp

        return sp.latex(sp.Symbol(name))
    return r"\mathrm{" + name.replace("_", r"\_") + "}"


def _fmt(v: float) -> str:
    """A number as a student would write it (6 significant digits)."""
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def _number(v: float) -> Any:
    import sympy as sp

    if float(v).is_integer() and abs(v) < 1e15:
        return sp.Integer(int(v))
    return sp.Float(f"{v:.6g}")


def _call_name(node: ast.expr) -> str:
    """'sp.solve' -> 'solve', 'scipy.optimize.brentq' -> 'brentq', 'f' -> 'f'."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


class _Translator:
    """AST expression -> unevaluated SymPy expression; names become symbols or (when
    ``values`` has them) numbers. Anything outside the whitelist raises :class:`Unsupported`."""

    def __init__(self, values: dict[str, float] | None = None, functions: set[str] | None = None,
                 max_nodes: int = 400) -> None:
        self.values = values or {}
        self.functions = functions or set()
        self.budget = max_nodes

    def __call__(self, node: ast.expr) -> Any:
        import sympy as sp

        with sp.evaluate(False):
            return self.conv(node)

    @staticmethod
    def _derivative(expr: Any, variables: list[Any]) -> Any:
        import sympy as sp

        # built with evaluation on: Derivative stays unevaluated anyway, and its order
        # arithmetic must not show up as d^{1 + 0}
        with sp.evaluate(True):
            return sp.Derivative(expr, *variables)

    def conv(self, node: ast.expr) -> Any:
        import sympy as sp

        self.budget -= 1
        if self.budget < 0:
            raise Unsupported("expression too large")
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            v = node.value
            if isinstance(v, int):
                if abs(v) > 10**15:
                    raise Unsupported("huge integer")
                return sp.Integer(v)
            return sp.Float(repr(v)) if math.isfinite(v) else sp.oo
        if isinstance(node, ast.Name):
            if node.id in self.values:
                return _number(self.values[node.id])
            return sp.Symbol(node.id)
        if isinstance(node, ast.Attribute) and node.attr in _CONSTS and isinstance(node.value, ast.Name):
            return getattr(sp, _CONSTS[node.attr])
        if isinstance(node, ast.UnaryOp):
            x = self.conv(node.operand)
            if isinstance(node.op, ast.UAdd):
                return x
            if isinstance(node.op, ast.USub):
                return -x if x.is_Number else sp.Mul(sp.S.NegativeOne, x)
            raise Unsupported("operator")
        if isinstance(node, ast.BinOp):
            a, b = self.conv(node.left), self.conv(node.right)
            if isinstance(node.op, ast.Add):
                return sp.Add(a, b)
            if isinstance(node.op, ast.Sub):
                return sp.Add(a, -b if b.is_Number else sp.Mul(sp.S.NegativeOne, b))
            if isinstance(node.op, ast.Mult):
                return sp.Mul(a, b)
            if isinstance(node.op, ast.Div):
                return sp.Mul(a, sp.Pow(b, sp.S.NegativeOne))
            if isinstance(node.op, ast.Pow):
                return sp.Pow(a, b)
            raise Unsupported("operator")
        if isinstance(node, ast.Tuple):
            return sp.Tuple(*(self.conv(e) for e in node.elts))
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            args = node.args
            if (isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in _DISTRIBUTIONS and name in _DIST_METHODS and not node.keywords):
                return sp.Function(f"{node.func.value.id}.{name}")(*(self.conv(a) for a in args))
            # method calls on an expression: expr.subs(a, b), expr.diff(t), expr.evalf()
            if isinstance(node.func, ast.Attribute) and not (isinstance(node.func.value, ast.Name)
                                                              and node.func.value.id in {"sp", "sympy", "np", "numpy", "math"}):
                obj = node.func.value
                if name == "subs" and len(args) == 2:
                    return sp.Subs(self.conv(obj), self.conv(args[0]), self.conv(args[1]))
                if name == "diff":
                    return self._derivative(self.conv(obj), [self.conv(a) for a in args])
                if name in _PASSTHROUGH:
                    return self.conv(obj)
                raise Unsupported(f"method {name}")
            if node.keywords and name not in {"round", "Sum", "Integral", "integrate"}:
                raise Unsupported("keywords")
            if name in _PASSTHROUGH:
                if not args:
                    raise Unsupported("empty call")
                return self.conv(args[0])
            if isinstance(node.func, ast.Name) and node.func.id in self.functions:
                return sp.Function(node.func.id)(*(self.conv(a) for a in args))
            if name in _FUNCS:
                fn = getattr(sp, _FUNCS[name], None)
                conv = [self.conv(a) for a in args]
                if _FUNCS[name] == "log10":
                    return sp.log(conv[0], 10)
                if _FUNCS[name] == "log2":
                    return sp.log(conv[0], 2)
                if _FUNCS[name] == "perm":  # permutations: P(n, k) = n!/(n-k)!
                    return sp.Function("P")(*conv)
                if _FUNCS[name] == "Derivative" and conv:
                    return self._derivative(conv[0], conv[1:])
                if _FUNCS[name] == "Rational" and all(c.is_Integer for c in conv):
                    with sp.evaluate(True):
                        return sp.Rational(*conv)
                if fn is None:
                    raise Unsupported(name)
                return fn(*conv)
            raise Unsupported(f"call {name}")
        raise Unsupported(type(node).__name__)


def to_latex(node: ast.expr, values: dict[str, float] | None = None,
             functions: set[str] | None = None) -> str | None:
    """LaTeX of an expression node as written (``values`` substituted); None when unsupported."""
    import sympy as sp

    try:
        expr = _Translator(values, functions)(node)
        names = {s: symbol_latex(s.name) for s in expr.free_symbols if isinstance(s, sp.Symbol)}
        return sp.latex(expr, order="none", mul_symbol="dot", symbol_names=names)
    except (Unsupported, TypeError, ValueError, AttributeError, IndexError, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - SymPy raises many kinds on odd input; show code instead
        return None


# ---- describing statements --------------------------------------------------------------------

_SOLVERS = {
    "solve": "Solve {eq} for {x}",
    "nsolve": "Solve {eq} numerically for {x}",
    "solveset": "Solve {eq} for {x}",
    "linsolve": "Solve the linear system {eq} for {x}",
    "nonlinsolve": "Solve the system {eq} for {x}",
    "dsolve": "Solve the differential equation {eq}",
    "brentq": "Find the root of {eq} between {x} (Brent's method)",
    "bisect": "Find the root of {eq} between {x} (bisection)",
    "root_scalar": "Find the root of {eq} numerically",
    "fsolve": "Solve {eq} = 0 numerically, starting from {x}",
    "root": "Solve {eq} = 0 numerically, starting from {x}",
    "solve_ivp": "Integrate the differential equation {eq} numerically over {x}",
    "odeint": "Integrate the differential equation {eq} numerically",
    "quad": "Integrate {eq} numerically between {x}",
    "linprog": "Solve the linear program (minimize {eq} subject to the constraints)",
    "milp": "Solve the mixed-integer linear program (minimize {eq} subject to the constraints)",
    "minimize": "Minimize {eq} numerically, starting from {x}",
    "minimize_scalar": "Minimize {eq} numerically",
    "curve_fit": "Fit {eq} to the data",
    "matrix_power": "Raise the matrix {eq} to the power {x}",
}


def _describe_arg(node: ast.expr, functions: set[str]) -> str:
    # inline maths is avoided on purpose: "$" means money in problem texts, and front ends
    # differ on single-dollar maths; display maths ($$...$$) is used for formulas instead
    return f"`{ast.unparse(node)}`"


def _solver_call(node: ast.expr) -> ast.Call | None:
    """The solver call in ``sp.solve(eq, x)[0]``, ``brentq(f, 0, 1)``, ``res.x`` forms."""
    while isinstance(node, (ast.Subscript, ast.Attribute)) and not isinstance(node, ast.Call):
        node = node.value
    if isinstance(node, ast.Call) and _call_name(node.func) in {"float", "int"} and node.args:
        return _solver_call(node.args[0])
    if isinstance(node, ast.Call) and _call_name(node.func) in _SOLVERS:
        return node
    return None


def _comments(code: str) -> tuple[dict[int, str], dict[int, str]]:
    """(trailing comments by line, whole-line comments by line)."""
    trailing: dict[int, str] = {}
    full: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.COMMENT:
                text = tok.string.lstrip("#").strip()
                if tok.line[: tok.start[1]].strip():
                    trailing[tok.start[0]] = text
                else:
                    full[tok.start[0]] = text
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return trailing, full


def _leading_comment(full: dict[int, str], line: int) -> str:
    """The whole-line comments right above ``line`` (a block), joined."""
    out: list[str] = []
    n = line - 1
    while n in full:
        out.insert(0, full[n])
        n -= 1
    return " ".join(out)


def _answer_units(units: str | None, part: str | None = None) -> str:
    return f" {units}" if units and not part else ""


def _answer_lines(rr: Any, units: str | None) -> tuple[str, str]:
    """Markdown and LaTeX for the final answer of a run."""
    a = getattr(rr, "answer", None)
    if a is None:
        return "", ""
    values = getattr(a, "values", None)
    if isinstance(values, dict) and values:
        rows = []
        for k, v in values.items():
            try:
                rows.append(f"- **{k}** = {_fmt(float(v))}")
            except (TypeError, ValueError):
                rows.append(f"- **{k}** = {v}")
        return "\n".join(rows), ""
    value = getattr(a, "value", None)
    try:
        num = _fmt(float(value))
        text = f"**answer = {num}{_answer_units(units)}**"
        return text, r"\text{answer} = " + num + (r"\ \text{" + units + "}" if units else "")
    except (TypeError, ValueError):
        t = str(getattr(a, "text", "") or value or "").replace("`", "'")
        return f"answer = `{t}`", clean_latex(str(getattr(a, "latex", "") or ""))


def solution_steps(program: str, run_result: Any = None, *, units: str | None = None,
                   timeout_s: float = 10.0) -> list[Step]:
    """The numbered steps of ``program``'s solution (no model call).

    ``run_result`` is a :class:`mathllm.run.RunResult` of this very program; when None the
    program is run once in the sandbox. ``units`` (the problem's answer units) label the answer.
    """
    try:
        tree = ast.parse(program)
    except SyntaxError as exc:
        return [Step(1, "Program", f"The program has a syntax error (line {exc.lineno}): {exc.msg}")]
    if run_result is None:
        from .run import run_program

        run_result = run_program(program, timeout_s=timeout_s)
    values = _variables(run_result)
    equations = _equations(run_result)
    # uncommented numeric literals (``total = 0`` before a loop) are contract parameters to
    # the parser but not givens of the problem: they are shown where they occur instead
    params = [p for p in parse_parameters(program) if p.description or p.unit]
    param_lines = {p.line for p in params}
    trailing, full = _comments(program)
    steps: list[Step] = []

    def add(title: str, text: str, latex: str = "") -> None:
        title = title.strip().rstrip(".:") or "Compute"
        steps.append(Step(len(steps) + 1, title[0].upper() + title[1:], text.strip(), latex))

    if params:
        add("Given", _params_table(params))
    # values known at each point: parameters first, then what the run reports
    pvals = {p.name: p.value for p in params}
    # The run reports each variable's value at the END of the program; a name assigned more
    # than once (a loop counter, an accumulator) had other values at earlier steps, so its
    # final value is neither substituted nor shown as a step's result.
    counts: dict[str, int] = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):  # also `x += 1`, `for x in`
            counts[n.id] = counts.get(n.id, 0) + 1
    values = {k: v for k, v in values.items() if counts.get(k, 0) <= 1}
    known = {**values, **pvals}
    functions: set[str] = set()
    unknowns: list[tuple[str, str]] = []
    answer_node: ast.stmt | None = None
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Pass)):
            continue
        if isinstance(node, ast.Expr):  # print(), plt.plot(), docstrings: not part of the maths
            continue
        if getattr(node, "lineno", 0) in param_lines:
            continue
        note = trailing.get(node.lineno, "") or _leading_comment(full, node.lineno)
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            names = [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
            if names == ["answer"] and isinstance(target, ast.Name):
                answer_node = node
                continue
            call = node.value if isinstance(node.value, ast.Call) else None
            cname = _call_name(call.func) if call is not None else ""
            if cname in {"symbols", "Symbol", "Function", "IndexedBase"}:
                if cname == "Function":
                    functions.update(names)
                for n in names:
                    unknowns.append((n, note))
                continue
            if unknowns:
                _flush_unknowns(unknowns, add)
            if isinstance(target, ast.Name):
                _assignment_step(target.id, node.value, note, known, values, equations, functions, add)
                continue
        if unknowns:
            _flush_unknowns(unknowns, add)
        if isinstance(node, ast.FunctionDef):
            fn_note = ast.get_docstring(node) or note
            add(f"Define the function {node.name}({', '.join(a.arg for a in node.args.args)})",
                (fn_note + "\n\n" if fn_note else "") + _code(ast.unparse(node)))
            continue
        add(note or "Compute", _code(ast.unparse(node)))
    if unknowns:
        _flush_unknowns(unknowns, add)

    # the answer
    text, latex = _answer_lines(run_result, units)
    ok = bool(getattr(run_result, "ok", False))
    if not ok:
        err = str(getattr(run_result, "error", "") or getattr(run_result, "status", "") or "").strip()
        add("Answer", "The program did not produce an answer" + (f": {err.splitlines()[0]}" if err else "."))
    elif answer_node is not None:
        expr = answer_node.value  # type: ignore[attr-defined]
        sym = None if isinstance(expr, ast.Dict) else to_latex(expr, None, functions)
        if sym and latex:
            # answer = payment = 296.311 USD: the formula and its value on one line
            latex = latex.replace(r"\text{answer} = ", r"\text{answer} = " + sym + " = ", 1)
            add("Answer", f"$${latex}$$", latex)
        elif sym:
            add("Answer", f"$$\\text{{answer}} = {sym}$$\n\n{text}", latex)
        else:
            add("Answer", text, latex)
    else:
        add("Answer", text, latex)
    return steps


def _params_table(params: list[Parameter]) -> str:
    rows = ["| quantity | symbol | value | unit |", "|---|---|---|---|"]
    for p in params:
        desc = (p.description or p.name).replace("|", "\\|")
        unit = (p.unit or "").replace("|", "\\|")
        rows.append(f"| {desc} | `{p.name}` | {_fmt(p.value)} | {unit} |")
    return "\n".join(rows)


def _flush_unknowns(unknowns: list[tuple[str, str]], add: Any) -> None:
    lines = [f"- `{n}`" + (f": {note}" if note else "") for n, note in unknowns]
    add("Unknowns", "Let these stand for the quantities to find:\n\n" + "\n".join(lines))
    unknowns.clear()


def _code(text: str) -> str:
    return "```python\n" + text.strip() + "\n```"


def _assignment_step(name: str, value: ast.expr, note: str, known: dict[str, float],
                     values: dict[str, float], equations: dict[str, str], functions: set[str],
                     add: Any) -> None:
    lhs = symbol_latex(name)
    result = values.get(name)
    res_tex = _fmt(result) if result is not None else None
    # an equation: show it as written and, when the run has it, as SymPy evaluated it
    if isinstance(value, ast.Call) and _call_name(value.func) == "Eq":
        sym = to_latex(value, None, functions)
        subst = to_latex(value, known, functions)
        evaluated = equations.get(name)
        latex = sym or ""
        text = f"Equation `{name}`:\n\n" + (f"$${sym}$$" if sym else _code(f"{name} = {ast.unparse(value)}"))
        if subst and subst != sym:
            text += f"\n\nWith the given values:\n\n$${subst}$$"
        if evaluated and evaluated not in (sym, subst):
            text += f"\n\nSimplified:\n\n$${evaluated}$$"
        add(note or f"Set up the equation {name}", text, latex)
        return
    # a system: a list of equations
    if isinstance(value, (ast.List, ast.Tuple)) and value.elts and all(
            isinstance(e, ast.Call) and _call_name(e.func) == "Eq" for e in value.elts):
        syms = [to_latex(e, None, functions) for e in value.elts]
        if all(syms):
            substs = [to_latex(e, known, functions) for e in value.elts]
            text = f"Equations `{name}`:\n\n" + "\n\n".join(f"$${t}$$" for t in syms)
            if all(substs) and substs != syms:
                text += "\n\nWith the given values:\n\n" + "\n\n".join(f"$${t}$$" for t in substs)
            add(note or f"Set up the equations {name}", text, r" \\ ".join(syms))  # type: ignore[arg-type]
            return
    call = _solver_call(value)
    if call is not None:
        cname = _call_name(call.func)
        eq = _describe_arg(call.args[0], functions) if call.args else "the model"
        if len(call.args) >= 3 and cname in {"brentq", "bisect", "quad"}:
            x = f"{_describe_arg(call.args[1], functions)} and {_describe_arg(call.args[2], functions)}"
        else:
            x = _describe_arg(call.args[1], functions) if len(call.args) > 1 else "the unknown"
        what = _SOLVERS[cname].format(eq=eq, x=x)
        text = what + ".\n\n" + _code(f"{name} = {ast.unparse(value)}")
        latex = ""
        if res_tex is not None:
            latex = f"{lhs} = {res_tex}"
            text += f"\n\nResult:\n\n$${latex}$$"
        elif name in equations:
            text += f"\n\nResult:\n\n$${equations[name]}$$"
        add(note or what, text, latex)
        return
    sym = to_latex(value, None, functions)
    if sym is None:
        text = _code(f"{name} = {ast.unparse(value)}")
        latex = f"{lhs} = {res_tex}" if res_tex is not None else ""
        if res_tex is not None:
            text += f"\n\nResult: $${latex}$$"
        add(note or f"Compute {name}", text, latex)
        return
    subst = to_latex(value, known, functions)
    parts = [f"{lhs} = {sym}"]
    if subst and subst != sym:
        parts.append(subst)
    if res_tex is not None and res_tex != parts[-1].strip():
        parts.append(res_tex)
    latex = " = ".join(parts)
    if res_tex is None and name in equations:
        latex += r" \quad\Rightarrow\quad " + equations[name]
    add(note or f"Compute {name}", f"$${latex}$$", latex)


def steps_markdown(steps: list[Step], *, heading_level: int = 3) -> str:
    """Markdown of the steps: a heading per step, its text (formulas as ``$$...$$`` blocks)."""
    h = "#" * max(1, min(heading_level, 6))
    out: list[str] = []
    for s in steps:
        out.append(f"{h} Step {s.number}. {s.title}\n")
        if s.text:
            out.append(s.text + "\n")
    return "\n".join(out).rstrip() + "\n"
