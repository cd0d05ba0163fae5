"""The model program contract, and the tools that read a program written to it.

A model program is plain Python using SymPy, SciPy and NumPy (no special API):

* **Parameters**: top-level assignments of numeric literals, each with a trailing comment
  giving a description and a unit in brackets::

      rate = 0.05  # annual interest rate [1/year]
      years = 10  # saving period [year]

  They become the parameter table, the workbench sliders and the knobs of exercise variants.
* **Model**: the equations, preferably as SymPy objects (``sp.Eq``, ``sp.solve``,
  ``sp.dsolve``) or SciPy calls (``solve_ivp``, ``linprog``/``milp``, ``minimize``, ``brentq``).
* **answer**: required; a number, a SymPy number or expression, or a dict of named numbers.
* Optional: top-level SymPy equations are shown as LaTeX; pandas DataFrames and matplotlib
  figures are captured as tables and PNG plots.

This module only reads and rewrites source text; it never runs it.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import asdict, dataclass

CONTRACT_SUMMARY = """\
Write a Python program with SymPy/SciPy/NumPy that models the problem.
1. Parameters first: one top-level assignment of a number per line, with a comment giving
   its meaning and unit in brackets, e.g.  rate = 0.05  # annual interest rate [1/year]
2. Then the model: SymPy equations (sp.Eq, sp.solve, sp.dsolve) or SciPy calls
   (solve_ivp, linprog, milp, minimize, brentq).
3. Last, assign the result to `answer` (a number, or a dict of named numbers).
No input(), no files, no network."""

_UNIT = re.compile(r"\[([^\]]*)\]\s*$")


@dataclass
class Parameter:
    """A numeric knob of a model program (a commented top-level numeric assignment)."""

    name: str
    value: float
    description: str = ""
    unit: str = ""
    line: int = 0
    is_int: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def literal_number(node: ast.expr) -> float | int | None:
    """The value of a numeric literal, allowing a sign and simple literal arithmetic (1e3, -2, 3/4)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = literal_number(node.operand)
        if v is None:
            return None
        return -v if isinstance(node.op, ast.USub) else v
    return None


def _comments(code: str) -> dict[int, str]:
    out: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.COMMENT:
                out[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return out


def split_comment(comment: str) -> tuple[str, str]:
    """'annual rate [1/year]' -> ('annual rate', '1/year')."""
    m = _UNIT.search(comment)
    if not m:
        return comment.strip(), ""
    return comment[: m.start()].strip().rstrip(",;:-").strip(), m.group(1).strip()


def assignment_counts(tree: ast.Module) -> dict[str, int]:
    """How often each name is assigned at top level (plain, augmented or annotated)."""
    counts: dict[str, int] = {}
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    counts[n.id] = counts.get(n.id, 0) + 1
    return counts


def parse_parameters(code: str) -> list[Parameter]:
    """The contract parameters of a program, in source order.

    A parameter is a top-level ``name = <numeric literal>`` statement. The trailing comment (if
    any) gives the description and unit. Names assigned more than once at top level are not
    parameters (changing the first value would not change the model).
    """
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):  # ValueError: null bytes, lone surrogates (model junk)
        return []
    comments = _comments(code)
    counts = assignment_counts(tree)
    params: list[Parameter] = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if name == "answer" or name.startswith("_") or counts.get(name, 0) != 1:
            continue
        value = literal_number(node.value)
        if value is None:
            continue
        desc, unit = split_comment(comments.get(node.lineno, ""))
        params.append(
            Parameter(name=name, value=float(value), description=desc, unit=unit, line=node.lineno,
                      is_int=isinstance(value, int))
        )
    return params


def format_number(value: float, is_int: bool = False) -> str:
    """A literal for ``value`` that reads naturally in code (``1500``, ``0.05``, ``2.5e-06``)."""
    if is_int or (float(value).is_integer() and abs(value) < 1e15 and is_int):
        return str(int(round(value)))
    text = repr(float(value))
    if text.endswith(".0") and abs(value) < 1e15:
        text = text[:-2] + ".0"
    return text


def set_parameters(code: str, values: dict[str, float]) -> str:
    """Return ``code`` with the given parameters' literals replaced (comments kept).

    Raises KeyError for a name that is not a parameter of the program.
    """
    params = {p.name: p for p in parse_parameters(code)}
    unknown = set(values) - set(params)
    if unknown:
        raise KeyError(f"not parameters of this program: {', '.join(sorted(unknown))}")
    tree = ast.parse(code)
    lines = code.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # (line index, col start, col end, text)
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in values and name in params and node.value.end_lineno == node.lineno:
                p = params[name]
                v = values[name]
                lit = format_number(v, p.is_int and float(v).is_integer())
                edits.append((node.lineno - 1, node.value.col_offset, node.value.end_col_offset, lit))
    for li, c0, c1, text in sorted(edits, reverse=True):
        # ast offsets are in UTF-8 bytes; convert for lines with non-ASCII characters
        raw = lines[li].encode("utf-8")
        lines[li] = (raw[:c0] + text.encode("utf-8") + raw[c1:]).decode("utf-8")
    return "".join(lines)


def has_answer(code: str) -> bool:
    """Whether the program assigns ``answer`` at top level."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return False
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for t in targets:  # also unpacking: answer, err = quad(f, 0, 1)
            for n in ast.walk(t):
                if isinstance(n, ast.Name) and n.id == "answer" and isinstance(n.ctx, ast.Store):
                    return True
    return False
