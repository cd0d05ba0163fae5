"""Stage 3c, fill: the shown example's program with the values the model picks for it.

A fallback for a program that failed or ignored the example. The adapter copies a solved
example well when it copies it, but sometimes it does not: on a text that reads like a
grade-school story ("Alice can paint the classroom by herself in 6 hours") it writes the chain
of named steps it learned from GSM8K and ignores the example, and such chains often run on
until the token limit. In the evaluation runs stored before this stage existed, 1 of the 182
programs that share no parameter name and no statement with the shown example was right (0 of
14 on held-out phrasings, 0 of 15 on held-out families, 1 of 153 on GSM8K; :func:`ignores`,
``python benchmarks/follow.py`` on those runs' JSONL files).

When every program of the first round failed to check or run or ignored the example, this
stage writes the example's program line by line and asks the model only for the value of each
parameter: the prompt is the same, the program so far is the example's statements with the
values already chosen, and the model completes ``time_a = `` with a number of the problem
(grounded decoding, as for any parameter). The model decides what it decides best, which
number goes where; the structure is the example's, which the retrieval chose for the text. On
the problem bank (``mathllm eval problems``) it acted on 28 of 71 problems and turned 2 right,
none wrong.

An example with data lines (a list of years and readings, a table of values;
:func:`mathllm.follow.data_lines`) is not filled in: its lists are the example's data, and a
program answering from them answers the example's problem.

A program of the model that runs is not replaced when the text matches the example's family
weakly (:data:`MIN_FAMILY_MATCH`): there the example's structure is a guess, and an adapter
trained on GSM8K writes right chains for such stories about 1 time in 10.

It is only as right as the example is for the problem: the result says it was filled in (the
first note of the report), and it is an attempt like any other (bind, check, run, verify).
"""

from __future__ import annotations

import ast
from dataclasses import asdict, dataclass

from .contract import literal_number, parse_parameters
from .follow import data_lines, skeleton
from .generate import Generator
from .prompt import Example

#: A program that runs but ignores the shown example is kept, not replaced, when the text matches
#: the example's family this weakly (BM25 over the whole text, the shipped bank's term rarities;
#: :meth:`mathllm.retrieve.Bank.family_match`). Measured 2026-12-04 on every stored evaluation
#: run: the filled-in example was right where the model's running program was wrong at family
#: scores 9.2 to 17.9 (problem bank and held-out phrasings), and the model's running program was
#: right where the filled-in one was wrong at 4.5 to 6.6 (GSM8K items, the adapter `full`, whose
#: GSM8K programs are right about 1 time in 10). 8 lies between; at 7 or 8 no stored verdict
#: turns wrong and 4 of 80 GSM8K items turn right.
MIN_FAMILY_MATCH = 8.0

#: Tokens the model may use for one value ("1,234.5" is a dozen digit tokens at most).
VALUE_TOKENS = 16


@dataclass
class Filled:
    """The program is a shown example's, with values the model chose for its parameters."""

    example: int               # index of the example in the prompt's list
    values: dict[str, float]   # the value the model wrote for each parameter
    reason: str                # why the model's own program was not used

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return (f"the model's own program was not used ({self.reason}); this is the solved example's "
                f"program with the values the model chose for its {len(self.values)} parameters")


def ignores(program: str, example: str) -> bool:
    """Whether ``program`` shares no parameter name and no statement (imports and parameter
    lines aside) with the ``example`` program it was shown."""
    if {p.name for p in parse_parameters(program)} & {p.name for p in parse_parameters(example)}:
        return False

    def statements(code: str) -> set[str]:
        return {s for s in skeleton(code) if not s.endswith(" = ?") and not s.startswith(("import ", "from "))}
    return not statements(program) & statements(example)


def _value_span(line: str) -> tuple[int, int] | None:
    """Where the value of a one-line parameter assignment ``name = 1.5  # ...`` starts and ends."""
    code = line.split("#", 1)[0].rstrip()
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(node := tree.body[0], ast.Assign) or not code.isascii():
        return None
    return node.value.col_offset, node.value.end_col_offset


def fill(generator: Generator, prompt: str, examples: list[Example], reason: str) -> tuple[str, Filled] | None:
    """The nearest example's program (the last of ``examples``, as in the prompt) with each
    parameter's value written by the model after ``prompt`` and the program so far; None when
    the example has no parameter lines to fill or the model writes no number for one."""
    if not examples:
        return None
    i = len(examples) - 1
    template = examples[i].program
    params = {p.line: p for p in parse_parameters(template)}
    lines = template.strip("\n").splitlines()
    spans = {n: _value_span(lines[n - 1]) for n in params}
    if not params or any(s is None for s in spans.values()):
        return None  # nothing to fill, or a parameter line that is not one plain assignment
    if data_lines(template):
        return None  # lists of the example's data (years, readings) would answer for its problem
    out: list[str] = []
    values: dict[str, float] = {}
    for n, line in enumerate(lines, start=1):
        if n not in params:
            out.append(line)
            continue
        start, end = spans[n]
        head = line[:start]
        so_far = "\n".join([*out, head])
        written = generator.generate([prompt + so_far], n=1, max_new_tokens=VALUE_TOKENS, temperature=0.0,
                                     stop=["#", "\n"])[0][0]
        text = written.split("#", 1)[0].split("\n", 1)[0].strip()
        try:
            value = literal_number(ast.parse(text, mode="eval").body) if text else None
        except SyntaxError:
            value = None
        if value is None:
            return None  # the model wrote no number here: nothing to stand on
        values[params[n].name] = float(value)
        out.append(head + text + line[end:])
    return "\n".join(out) + "\n", Filled(i, values, reason)
