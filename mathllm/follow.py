"""Stage 3a, follow: keep the solved example's computation when the model kept its parameters.

The prompt shows the model a solved example of the problem's kind, and the model copies it: the
same parameters (names, comments, units) with the values of the new text, and the same
statements. When it keeps the parameters but rewrites a statement (``binom.sf`` for the
example's ``binom.cdf``, ``sp.binomial`` for ``sp.factorial(n) / sp.factorial(n - k)``,
``distance - speed_a * t_meet`` for ``speed_a * t_meet``), the small model is nearly always
wrong: in the stored evaluation runs on held-out phrasings, 1 of the 42 programs that kept
exactly the example's parameters and changed a statement was right, and the example's
statements with the model's parameter lines made 27 of them right and that 1 wrong
(``python benchmarks/follow.py``).

So a program whose parameter names are exactly those of a shown example, and whose other
statements differ from it, becomes the example's program with the model's parameter lines
(values and comments as the model wrote them). A program with other parameters is left alone:
a longer list of data or another model changes the shape of the problem, not only its arithmetic.
"""

from __future__ import annotations

import ast
import re
from dataclasses import asdict, dataclass

from .contract import parse_parameters
from .prompt import Example


@dataclass
class Followed:
    """The program was rewritten to the statements of a shown example."""

    example: int               # index of the example in the prompt's list
    replaced: list[str]        # the model's statements that the example's replaced

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        lines = "; ".join(self.replaced[:3]) + ("; ..." if len(self.replaced) > 3 else "")
        return (f"kept the solved example's computation: the program had its parameters but changed "
                f"its statements ({lines})")


def skeleton(program: str) -> list[str]:
    """The program's statements without parameter values and comments: ``rate = ?``, ...

    Two programs with the same skeleton compute the same thing from their parameters.
    """
    names = {p.name for p in parse_parameters(program)}
    out = []
    for line in program.splitlines():
        code = line.split("#")[0].rstrip()
        if not code:
            continue
        m = re.match(r"(\w+)\s*=", code)
        out.append(f"{m.group(1)} = ?" if m and m.group(1) in names else code)
    return out


def follow(program: str, examples: list[Example]) -> tuple[str, Followed | None]:
    """``program`` with a shown example's statements if it has exactly that example's
    parameters and other statements (see the module docstring), and what was done."""
    params = parse_parameters(program)
    if not params:
        return program, None
    mine = program.splitlines()
    by_name = {p.name: p.line for p in params}  # names are unique: parse_parameters skips reassigned ones
    if len(set(by_name.values())) != len(by_name) or any(";" in mine[n - 1].split("#")[0] for n in by_name.values()):
        return program, None  # "a = 1; b = 2": a parameter line that is not one statement
    own = skeleton(program)
    # the most similar example comes last in the prompt: prefer it
    for i in reversed(range(len(examples))):
        template = examples[i].program
        theirs = parse_parameters(template)
        if {p.name for p in theirs} != by_name.keys():
            continue
        shown = skeleton(template)
        if own == shown:
            return program, None
        lines = template.splitlines()
        for p in theirs:
            lines[p.line - 1] = mine[by_name[p.name] - 1]
        new = "\n".join(lines) + "\n"
        try:
            ast.parse(new)
        except SyntaxError:
            return program, None  # a parameter line that does not stand alone (an indented one)
        replaced = [s for s in own if s not in shown]
        return new, Followed(i, replaced or ["the order of its statements"])
    return program, None
