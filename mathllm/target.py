"""Stage 3a', target: answer what the text asks where the program answers what the example asked.

The model copies the shown example's last lines, and the follow stage puts the example's
statements back where the model kept its parameters. So where the text asks for another quantity
of the same computation than the example did, the program answers the example's question: the
interest earned for "what is 1,000 CHF worth after 24 years?", the salt in the second tank for
"how much salt does the first of two tanks hold?". In the evaluation of the new kinds' held-out
phrasings (`runs/s17/nf4`, 66 items) that was 6 of the 34 wrong programs.

Two rules, each only where the example's question and the text's differ in the words it reads:

1. **Interest or balance.** The answer is a difference ``interest = balance - principal`` of a
   computed quantity and a parameter, the example's question names it (a word of its name:
   "the interest earned") and the text's question names neither it nor what it is ("interest",
   "earn", "gain", "return"): the answer is the computed quantity (``balance``). The other way,
   the answer is a computed ``balance = principal * ...`` of a parameter, the text's question
   asks for the interest (those words) and the example's does not: the answer is ``balance -
   principal``.
2. **Which compartment.** The answer reads a row of an ODE solution (``sol.y[1, -1]``) whose
   number is the ordinal the example's question names first ("the salt in the second vat"), and
   the text's question names another first ("does the first of two tanks hold"): the answer
   reads that row instead (``sol.y[0, -1]``), and its comment says so.

What was done is reported with the answer (a :class:`~mathllm.questions.Retarget`).
"""

from __future__ import annotations

import ast
import re

from .contract import parse_parameters
from .prompt import Example, question_of
from .quantities import _stems
from .questions import Retarget, _answer_line, is_wrapper, unwrapped

#: Words of a question that asks for interest (or another gain) rather than a balance.
_GAIN = re.compile(r"\b(?:interest|earn(?:s|ed|ings)?|gain(?:s|ed)?|returns?|grow(?:s|n)? by|profit)\b",
                   re.IGNORECASE)
#: Ordinals a question names a compartment by.
_ORDINALS = {"first": 0, "second": 1, "third": 2}
_ORDINAL = re.compile(r"\b(first|second|third)\b", re.IGNORECASE)


def target(program: str, example: Example, text: str) -> tuple[str, Retarget | None]:
    """``program`` answering what ``text`` asks, where it answers what ``example`` asked (see
    the module docstring), and what was done; the program unchanged with None otherwise."""
    line = _answer_line(program)
    if line is None:
        return program, None
    mine, theirs = question_of(text), question_of(example.problem)
    said = line.lines[line.node.lineno - 1].partition("#")[2].strip()
    for rule in (_gain, _compartment):
        found = rule(line.node.value, line.assigns, program, mine, theirs)
        if found is None:
            continue
        expr, reason, (a, b) = found
        new = f"answer = {expr}"
        if new == line.old:
            continue
        # the comment of a compartment's row names it: "salt in tank 2" -> "salt in tank 1"
        comment = said.replace(a, b) if a and re.search(rf"\b{a}\b", said) else ""
        done, how = line.replaced(new + (f"  # {comment}" if comment else ""), reason)
        return done, Retarget(how.old, new, reason)
    return program, None


#: Calls that only wrap the quantity an answer line answers: ``float(x)``, ``round(x, 2)``.
_WRAPPERS = ("float", "int", "round")


def _wrap(value: ast.expr, inner: str) -> str:
    """``inner`` wrapped as the answer line's expression wraps its quantity (``float(...)``)."""
    if is_wrapper(value, _WRAPPERS):
        rest = "".join(", " + ast.unparse(a) for a in value.args[1:])
        return f"{value.func.id}({_wrap(value.args[0], inner)}{rest})"
    return inner


def _gain(value: ast.expr, assigns: dict[str, ast.Assign], program: str, mine: str,
          theirs: str) -> tuple[str, str, tuple[str, str]] | None:
    """Rule 1: a difference the example asked for and the text does not, or the other way."""
    got = unwrapped(value, _WRAPPERS)
    if not isinstance(got, ast.Name) or got.id not in assigns:
        return None
    params = {p.name for p in parse_parameters(program)}
    node = assigns[got.id].value
    named = _stems(got.id.replace("_", " "))
    asks_gain, asked_gain = bool(_GAIN.search(mine)), bool(_GAIN.search(theirs))
    # interest = balance - principal, answered; the text asks for the balance
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.left, ast.Name) \
            and isinstance(node.right, ast.Name) and node.left.id in assigns and node.left.id not in params \
            and node.right.id in params:
        if named & _stems(theirs) and not named & _stems(mine) and not asks_gain:
            return (_wrap(value, node.left.id),
                    f"the example asked for {got.id}, the problem asks for {node.left.id}", ("", ""))
        return None
    # balance = principal * (...), answered; the text asks for the interest
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and isinstance(node.left, ast.Name) \
            and node.left.id in params and got.id not in params and asks_gain and not asked_gain \
            and not any(isinstance(n.value, ast.BinOp) and isinstance(n.value.op, ast.Sub) for n in assigns.values()):
        return (_wrap(value, f"{got.id} - {node.left.id}"),
                f"the problem asks for the gain over {node.left.id}, the example for {got.id}", ("", ""))
    return None


def _compartment(value: ast.expr, assigns: dict[str, ast.Assign], program: str, mine: str,
                 theirs: str) -> tuple[str, str, tuple[str, str]] | None:
    """Rule 2: the row of the ODE solution the text's question names by its ordinal."""
    a, b = _ORDINAL.search(mine), _ORDINAL.search(theirs)
    if a is None or b is None:
        return None
    want, shown = _ORDINALS[a.group(1).lower()], _ORDINALS[b.group(1).lower()]
    if want == shown:
        return None
    rows = [n for n in ast.walk(value) if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute)
            and n.value.attr == "y" and isinstance(n.slice, ast.Tuple) and n.slice.elts
            and isinstance(first := n.slice.elts[0], ast.Constant) and first.value == shown]
    if len(rows) != 1 or not isinstance(rows[0].value.value, ast.Name):
        return None
    sol = rows[0].value.value.id
    # the system must have that many rows: the solver's initial values are a list as long
    src = assigns.get(sol)
    inits = [n for n in ast.walk(src.value) if isinstance(n, ast.List)] if src is not None else []
    if not inits or want >= len(inits[-1].elts):
        return None
    expr = ast.unparse(value)
    old = f"{sol}.y[{shown}, "
    if expr.count(old) != 1:
        return None
    return (expr.replace(old, f"{sol}.y[{want}, "),
            f"the problem asks about the {a.group(1).lower()}, the example about the {b.group(1).lower()}",
            (str(shown + 1), str(want + 1)))
