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
Except where the other parameters carry no data of the problem (:func:`_no_data`): each holds
zero, a value the text does not give (``wind_chill = 0.621``, a coefficient of a formula the
model half remembers), or the value of one of the example's parameters that the text writes once
(``T_cold = 14`` beside ``T_air = 14``). Such a program keeps the example's parameters with the
model's values and the example's statements, and the extras go (``Followed.dropped``). On the
new kinds' held-out phrasings (`runs/s17/nf4`) that put the wind-chill formula back in 4 programs
that had made up their own.

**Units.** The example's statements assume the example's units. A parameter the model wrote
in another unit of the same dimension than the example's parameter of that name takes the
example's (:func:`_in_example_units`): one the example raises to a non-integer power (an
empirical formula: ``11.37 * v ** 0.16`` wants km/h), and, where both questions ask for the
answer in one unit ("in mL/h"), every such parameter (all convert, or none moves: one
converted alone would break what the model kept consistent). The value is converted where the
text writes it in the model's unit (``v = 7  # [m/s]`` for "7 m/s" is ``v = 25.2  # [km/h]``),
else only its comment changes and the bind stage places it. On the new kinds' seed 7 that put
right all 5 wrong wind-chill programs (1/6 -> 6/6, with bind's zero of "0 °C").

**Data lines** (``years = np.array([2008, 2009, ...])``, a list or dict of two or more numbers;
:func:`data_lines`) count as the problem's data, like parameter lines: the model's are kept
where the example has one of the same name, and an example with a data line the program does
not have is not followed. (Before 2026-12-04 they counted as statements, and a trend program
with the model's data but another computation got the example's years and readings back.)
A matrix of ones and zeros (a transport program's ``A_eq``: which route serves which
destination) is no data but the model: a program whose ``A_eq`` lost a row takes the example's.

**A dropped parameter.** The model sometimes leaves out one of the example's parameter lines and
still uses the name (``sp.binomial(n, k)`` with no ``k = ...``: a NameError). When a program's
parameters are some of the example's and its statements use every missing one, the missing line
is the example's, with the value the text gives it: the one number of the text that no
parameter uses and that has the most of the parameter's words around it (at least one, more
than any other such number; :func:`~mathllm.quantities.fit_score`), or the example's own value
when the example's text does not state it either (a convention: 12 months a year). Without such a number the program
is left as it is. In the stored runs this put a dropped line back in 15 programs (the
binomial ``k`` of one held-out phrasing in 14 runs, a ``weight`` in one), all 15 wrong -> right.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from .bind import (  # the binder's reading of units
    _factor,
    free_numbers,
    is_measure,
    said_units,
    unit_key,
)
from .contract import Parameter, assignment_counts, literal_number, parse_parameters, set_parameters
from .prompt import QUESTION_CONDITIONS, Example, question_of
from .quantities import find_numbers, fit_score, fmt_value, gives, unit_is_percent
from .questions import rename


@dataclass
class Followed:
    """The program was rewritten to the statements of a shown example."""

    example: int               # index of the example in the prompt's list
    replaced: list[str]        # the model's statements that the example's replaced
    added: list[str] = field(default_factory=list)  # parameter lines the model dropped: "k = 6 (...)"
    dropped: list[str] = field(default_factory=list)  # the model's extra parameters of no data: "c = 0.621"
    # parameters put in the unit the example's computation wants: "v = 7 m/s as 25.2 km/h"
    converted: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # the model's names for the example's: "T_cold as T_air"

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        said = self._said()
        if self.renamed:
            said = (said or "kept the solved example's computation") + \
                f" (the model named {', '.join(self.renamed)})"
        if self.converted:
            units = (f"put {', '.join(self.converted)}: the unit the example's computation works in, "
                     f"where the model had kept the text's")
            return f"{said}; {units}" if said else f"kept the solved example's computation and {units}"
        return said

    def _said(self) -> str:
        if not self.replaced and not self.added and not self.dropped:
            return ""
        lines = "; ".join(self.replaced[:3]) + ("; ..." if len(self.replaced) > 3 else "")
        if self.dropped:
            return (f"kept the solved example's computation: the program had its parameters and others "
                    f"whose values the problem does not give ({', '.join(self.dropped)}), and changed its "
                    f"statements ({lines})")
        if not self.added:
            return (f"kept the solved example's computation: the program had its parameters but changed "
                    f"its statements ({lines})")
        said = (f"the program used the example's parameters but dropped {', '.join(self.added)}, "
                f"which the example's computation needs")
        return said + (f"; its changed statements ({lines}) were put back" if self.replaced else "")


def data_lines(program: str) -> dict[str, tuple[int, int]]:
    """The program's data statements: ``name -> (first line, last line)`` (1-based) of each
    top-level ``name = <literal list, tuple or dict of two or more numbers>``, bare or wrapped in
    a call (``np.array([2008, 2009, ...])``), assigned once.

    They are the problem's data, like parameter lines: a program that differs from the example
    only there computes the same thing, and the example's data must never replace the model's.
    """
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return {}
    counts = assignment_counts(tree)
    out: dict[str, tuple[int, int]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if name == "answer" or counts.get(name) != 1:
            continue
        value = node.value
        if isinstance(value, ast.Call) and len(value.args) == 1:
            value = value.args[0]
        if not isinstance(value, (ast.List, ast.Tuple, ast.Dict)):
            continue
        numbers = [n for n in ast.walk(value) if isinstance(n, ast.Constant)
                   and isinstance(n.value, (int, float)) and not isinstance(n.value, bool)]
        if isinstance(value, (ast.List, ast.Tuple)) and value.elts \
                and all(isinstance(row, (ast.List, ast.Tuple)) for row in value.elts) \
                and all(n.value in (0, 1) for n in numbers):
            continue  # a matrix of ones and zeros (``A_eq``, who ships where) is the model, not data
        if len(numbers) >= 2:
            out[name] = (node.lineno, node.end_lineno or node.lineno)
    return out


def skeleton(program: str) -> list[str]:
    """The program's statements without parameter values, data and comments: ``rate = ?``, ...

    Two programs with the same skeleton compute the same thing from their parameters and data.
    """
    names = {p.name for p in parse_parameters(program)}
    data = data_lines(program)
    inside = {n for a, b in data.values() for n in range(a + 1, b + 1)}
    starts = {a: name for name, (a, _) in data.items()}
    out = []
    for i, line in enumerate(program.splitlines(), 1):
        if i in inside:
            continue
        if i in starts:
            out.append(f"{starts[i]} = ?")
            continue
        code = line.split("#")[0].rstrip()
        if not code:
            continue
        m = re.match(r"(\w+)\s*=", code)
        out.append(f"{m.group(1)} = ?" if m and m.group(1) in names else code)
    return out


def follow(program: str, examples: list[Example], text: str = "", cut: bool = False) -> tuple[str, Followed | None]:
    """``program`` with a shown example's statements if it has exactly that example's
    parameters and other statements, or some of them and uses the others without defining them
    (then ``text``, the problem, gives their values; see the module docstring), and what was done.
    With ``cut`` (the model stopped before the end, :func:`cut_off`), parameters and statements
    it did not reach may be missing: the lines it wrote must be the example's."""
    params = parse_parameters(program)
    if not params and not (cut and data_lines(program)):
        return program, None
    mine = program.splitlines()
    by_name = {p.name: p.line for p in params}  # names are unique: parse_parameters skips reassigned ones
    if len(set(by_name.values())) != len(by_name) or any(";" in mine[n - 1].split("#")[0] for n in by_name.values()):
        return program, None  # "a = 1; b = 2": a parameter line that is not one statement
    own = skeleton(program)
    my_data = data_lines(program)
    # the most similar example comes last in the prompt: prefer it
    for i in reversed(range(len(examples))):
        template = examples[i].program
        theirs = parse_parameters(template)
        names = {p.name for p in theirs}
        missing = [p for p in theirs if p.name not in by_name]
        extra = [p for p in params if p.name not in names]
        pairs = _renamed(missing, extra, params, program)
        if pairs:
            # the model gave one of the example's parameters a name of its own (``T_cold`` for
            # ``T_air``): followed under the example's name, or not at all
            out, done = follow(rename(program, pairs), examples[i:i + 1], text, cut)
            if done is not None:
                done.example = i
                done.renamed = [f"{a} as {b}" for a, b in pairs.items()]
                return out, done
            continue
        if extra and (missing or not _no_data(text, program, extra, [p for p in params if p.name in names])):
            continue
        values: dict[str, float] = {}
        added: list[str] = []
        if missing:
            if not cut and not {p.name for p in missing} <= _loaded(program) - by_name.keys():
                continue  # a parameter left out and not used: the model wrote another shape
            found = _dropped_values(text, params, missing, examples[i].problem)
            if found is None:
                continue
            values = {name: v for name, (v, _) in found.items()}
            added = [f"{name} = {fmt_value(v)} ({why})" for name, (v, why) in found.items()]
        their_data = data_lines(template)
        if not their_data.keys() <= my_data.keys():
            continue  # the example's data would stand in for the problem's
        shown = skeleton(template)
        if own == shown and not missing:
            same, converted = _in_example_units(text, program, examples[i])
            return (same, Followed(i, [], converted=converted)) if converted else (program, None)
        lines = template.splitlines()
        for p in theirs:
            if p.name in by_name:
                lines[p.line - 1] = mine[by_name[p.name] - 1]
        # the model's data lines for the example's, from the bottom up (their lengths differ)
        for name, (a, b) in sorted(their_data.items(), key=lambda kv: -kv[1][0]):
            ma, mb = my_data[name]
            lines[a - 1:b] = mine[ma - 1:mb]
        new = "\n".join(lines) + "\n"
        try:
            ast.parse(new)
            new = set_parameters(new, values) if values else new
        except (SyntaxError, KeyError):
            return program, None  # a parameter line that does not stand alone (an indented one)
        new, converted = _in_example_units(text, new, examples[i])
        dropped = {f"{p.name} = ?" for p in extra}
        replaced = [s for s in own if s not in shown and s not in dropped]
        if missing:
            return new, Followed(i, replaced, added, converted=converted)
        if extra:
            return new, Followed(i, replaced or ["the order of its statements"],
                                 dropped=[f"{p.name} = {fmt_value(p.value)}" for p in extra], converted=converted)
        return new, Followed(i, replaced or ["the order of its statements"], converted=converted)
    return program, None


#: A data line cut off inside its list: ``values = np.array([70, 71, 68, 68, 68, 6``.
_OPEN_LIST = re.compile(r"^(?P<head>\w+\s*=\s*(?:np\.array\(\s*)?\[)(?P<nums>[-+\d.eE,\s]*)$")


def cut_off(program: str) -> tuple[str, str | None]:
    """A program the model did not finish (it ran to the token limit, typically repeating the
    last number of a data line: ``[70, 71, 68, 68, 68, ...``) without its unfinished last
    statement, a data line closed after its last whole number, and a note saying so; any other
    program unchanged, with None. The follow stage can then give it the example's statements,
    and rule 9 of the bind stage cuts the data line to the text's."""
    try:
        ast.parse(program)
        return program, None
    except (ValueError, UnicodeError):
        return program, None  # null bytes, a lone surrogate: no program to finish (the check says so)
    except SyntaxError as e:
        if not e.lineno or not re.search(r"never closed|unexpected EOF", e.msg or ""):
            return program, None  # a mistake inside the program, not an end it did not reach
        start = e.lineno - 1
    lines = program.rstrip().split("\n")
    if any(ln[:1].strip() for ln in lines[start + 1:]):
        return program, None  # a statement after the open bracket: a mistake, not the end
    rest = "\n".join(lines[start:])
    kept = lines[:start]
    m = _OPEN_LIST.match(rest.split("#")[0]) if "\n" not in rest else None
    nums = [x.strip() for x in m["nums"].split(",")][:-1] if m else []  # the last may be cut in two
    if len(nums) >= 2 and all(nums):
        kept.append(m["head"] + ", ".join(nums) + "]" + (")" if "(" in m["head"] else ""))
    new = "\n".join(kept).rstrip() + "\n"
    try:
        ast.parse(new)
    except SyntaxError:
        return program, None
    if not parse_parameters(new) and not data_lines(new):
        return program, None  # nothing of the problem's left to build on
    what = "closed its data line" if len(kept) > start else f"dropped its unfinished last statement (line {start + 1})"
    return new, f"the model's program stops before its end (the token limit); {what}"


def _in_example_units(text: str, program: str, shown: Example) -> tuple[str, list[str]]:
    """``program`` (which computes with the statements of the example ``shown``) with each
    parameter that the model gave in another unit of the same dimension than the example's
    parameter of that name (``v = 7  # wind speed [m/s]`` where the example has ``[km/h]``)
    converted to the example's unit, value and comment, and what was converted ("v = 7 m/s as
    25.2 km/h").

    For a parameter the example's statements raise to a non-integer power (``11.37 * v **
    0.16``): such a formula is empirical, its coefficients fitted for one unit of the quantity
    (the Environment Canada wind chill formula wants km/h). And where both questions ask for the
    answer in one unit ("in mL/h": the example's computation gives it from parameters in the
    example's units), for every parameter, if all of them convert. Any other computation (``w *
    (w + extra)``, ``m0 * 0.5 ** (t / half_life)``) works in any consistent units, and
    converting one parameter would break what the model kept consistent (an area in cm² with a
    length in cm, the answer in the unit the text asks). The value is converted only where the
    text writes it in the model's unit, the evidence that value and unit belong together;
    otherwise only the comment changes ("v in km/h, not m/s"), and the bind stage, which reads
    it, places a value the text does not give ("6 m/s" read as ``v = 60``: 21.6 km/h)."""
    powered = _fractional_powers(shown.program)
    if not _asks_temperature(question_of(text)):
        # a temperature asked comes out in the scale of the inputs (a dew point in °F for "73
        # °F"): converting them would change the answer's scale, not put it right
        powered |= _offset_temperatures(shown.program)
    asked = _asked_unit(question_of(text))
    # both questions ask for the answer in one unit: the example's computation gives it in that
    # unit from parameters in the example's units
    agree = asked is not None and asked == _asked_unit(question_of(shown.problem))
    example = {p.name: p for p in parse_parameters(shown.program) if p.unit and (agree or p.name in powered)}
    if not example:
        return program, []
    mine = parse_parameters(program)
    if agree:
        # every parameter in another unit than the example's converts, or none does: one
        # converted alone would break what the model kept consistent
        pairs = [(unit_key(q.unit), unit_key(example[q.name].unit)) for q in mine
                 if q.name in example and q.name not in powered and q.unit]
        if any(have != want and _factor(have, want) is None for have, want in pairs):
            example = {name: p for name, p in example.items() if name in powered}
    flat = " ".join(text.split())
    mentions = [m for m in find_numbers(flat) if not m.word and m.value != 0 and not m.percent]
    said = said_units(flat, mentions)
    values: dict[str, float] = {}
    units: dict[int, tuple[str, str]] = {}  # line -> (the model's unit, the example's)
    notes = []
    for q in mine:
        p = example.get(q.name)
        if p is None or not q.unit:
            continue
        have, want = unit_key(q.unit), unit_key(p.unit)
        factor = _factor(have, want)
        if (factor is None or factor == 1) and (have, want) not in _TEMPERATURE_SCALES:
            continue  # the same unit, or no conversion bind knows
        units[q.line] = (q.unit, p.unit)
        if any(s == have and math.isclose(abs(q.value), abs(float(m.value * m.scale)), rel_tol=1e-9)
               for m, s in zip(mentions, said, strict=True)):
            values[q.name] = (float(Decimal(str(q.value)) * factor) if factor is not None
                              else round(_TEMPERATURE_SCALES[have, want](q.value), 10))
            notes.append(f"{q.name} = {fmt_value(q.value)} {q.unit} as {fmt_value(values[q.name])} {p.unit}")
        else:
            # a value the text does not write in the model's unit: only the comment was wrong
            # ("7 km/h" as ``v = 7  # [m/s]``), or the value is the bind stage's to place in the
            # unit the computation wants ("6 m/s" read as ``v = 60``: 21.6 km/h)
            notes.append(f"{q.name} in {p.unit}, not {q.unit}")
    if not units:
        return program, []
    lines = set_parameters(program, values).splitlines(keepends=True)
    for n, (have, want) in units.items():
        code, hash_, comment = lines[n - 1].partition("#")
        lines[n - 1] = code + hash_ + comment.replace(f"[{have}]", f"[{want}]", 1)
    return "".join(lines), notes


#: A unit the question asks the answer in: "in mL/h", "(gtt/min)", "in days".
_ASKED = re.compile(r"(?:\bin|\()\s*(?P<unit>[^\W\d_][\w°µΩ²³]*(?:\s*/\s*[^\W\d_][\w²³]*)?)(?=\s*[),?.;:]|\s|$)")


def _asked_unit(question: str) -> str | None:
    """The unit a question asks its answer in (spelled alike), the first that bind knows as a
    measure or that is a quotient ("gtt/min"); None if it names none."""
    for m in _ASKED.finditer(question):
        key = unit_key(m["unit"].replace(" ", ""))
        if is_measure(key) or "/" in key:
            return key
    return None


#: Temperature scales, which are no factor apart: "69 °F" for a formula fitted in °C is 20.56.
_TEMPERATURE_SCALES = {("°f", "°c"): lambda v: (v - 32) * 5 / 9, ("°c", "°f"): lambda v: v * 9 / 5 + 32}


#: The words that start what a question asks, and those of one that asks for a temperature.
_ASKING = re.compile(r"\b(?:what|how|which|find|compute|evaluate|estimate|determine|calculate|report|give)\b",
                     re.IGNORECASE)
_TEMPERATURE_ASKED = re.compile(r"temperature|dew ?point|wind ?chill|heat index|how (?:warm|cold|hot)|°|degrees?|"
                                r"fahrenheit|celsius|kelvin|\bfeel", re.IGNORECASE)


def _asks_temperature(question: str) -> bool:
    """Whether a question asks for a temperature, before its conditions ("What will the relative
    humidity be ..., when the air warms to 69 °F" asks for none)."""
    ask = _ASKING.search(question)
    asked = question[ask.start():] if ask else question
    cut = QUESTION_CONDITIONS.search(asked, 1)
    return bool(_TEMPERATURE_ASKED.search(asked[:cut.start()] if cut else asked))


def _offset_temperatures(program: str) -> set[str]:
    """The temperature parameters (``[°C]``, ``[°F]``) a program's statements add a number to
    or subtract one from (``243.12 + T_dew``, ``T + 273.15``): a formula whose zero is that of
    its scale (Magnus, kelvins), which no other scale gives, where a difference of temperatures
    (``T - T_env``) works in either."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return set()
    params = {p.line: p for p in parse_parameters(program)}
    temps = {p.name for p in params.values() if unit_key(p.unit) in {"°c", "°f"}}
    out = set()
    for node in tree.body:
        if node.lineno in params:
            continue
        for n in ast.walk(node):
            if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub)):
                for a, b in ((n.left, n.right), (n.right, n.left)):
                    if isinstance(a, ast.Name) and a.id in temps and literal_number(b) not in (None, 0, 0.0):
                        out.add(a.id)
    return out


def _fractional_powers(program: str) -> set[str]:
    """The names a program's statements raise to a non-integer literal power (``v ** 0.16``,
    ``weight ** 0.425``): an empirical formula, fitted in one unit of that quantity."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return set()
    lines = {p.line for p in parse_parameters(program)}
    out = set()
    for node in tree.body:
        if node.lineno in lines:
            continue
        for n in ast.walk(node):
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) and isinstance(n.left, ast.Name):
                power = literal_number(n.right)
                if isinstance(power, float) and not power.is_integer():
                    out.add(n.left.id)
    return out


def _no_data(text: str, program: str, extra: list[Parameter], kept: list[Parameter]) -> bool:
    """Whether the ``extra`` parameters (beside the example's, ``kept``) carry none of the
    problem's data: each holds zero, a value the text does not give (the verifier's "values not
    given": a formula's coefficient such as ``c = 0.621``), or a value one of the ``kept`` holds
    (``T_warm = 14`` beside ``T_air = 14``). A program that adds such parameters to the
    example's computes nothing of the problem with them."""
    from .verify import ground  # the verifier's notion of "not given"

    if not kept:
        return False
    invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
    written = [abs(float(m.value)) * m.scale for m in find_numbers(text) if not m.word]
    # a value one kept parameter holds, which the text writes once ("2.5 kg" twice in a table is two data)
    held = {abs(p.value) for p in kept if written.count(abs(p.value)) <= 1}
    return all(p.value == 0 or p.name in invented or abs(p.value) in held for p in extra)


def _renamed(missing: list[Parameter], extra: list[Parameter], params: list[Parameter],
             program: str) -> dict[str, str]:
    """The model's name for the one example parameter it left out (``T_cold`` for ``T_air``):
    the one extra parameter, of the same unit as that one, where the program keeps every other
    parameter of the example (at least one) and reads neither name, its own computation having
    lost the quantity; empty otherwise. (A program that reads its renamed parameter computes
    with it: on 6,669 reference programs, following those changed 38 right answers.)"""
    if len(missing) != 1 or len(extra) != 1 or len(params) < 2:
        return {}
    (gone,), (new,) = missing, extra
    if not gone.unit.strip() or unit_key(gone.unit) != unit_key(new.unit) or {gone.name, new.name} & _loaded(program):
        return {}
    return {new.name: gone.name}


def _loaded(program: str) -> set[str]:
    """The names a program reads."""
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _dropped_values(text: str, params: list[Parameter], missing: list[Parameter],
                    example: str) -> dict[str, tuple[float, str]] | None:
    """Values for the example's parameters the program dropped, and where each comes from; None
    when one has no clear number (see the module docstring)."""
    stated = [m for m in find_numbers(example) if not m.word]
    text = " ".join(text.split())
    mentions = [m for m in find_numbers(text) if not m.word]
    free = free_numbers(text, params, mentions)
    out: dict[str, tuple[float, str]] = {}
    for p in missing:
        if not any(gives(m, p) for m in stated):
            # the example's text does not give it either: a convention (12 months a year)
            out[p.name] = (p.value, "the example's value, which its text does not state")
            continue
        fits = [fit_score(p, text, mentions[j], mentions, sentence=True) for j in free]
        if not fits or max(fits) < 1 or fits.count(max(fits)) != 1:
            return None  # no number of the text with its words, or two alike: not clear
        j = free[fits.index(max(fits))]
        free.remove(j)
        m = mentions[j]
        value = float(abs(m.value)) * m.scale * (0.01 if m.percent and not unit_is_percent(p) else 1)
        out[p.name] = (-value if m.value < 0 else value, f"from \"{m.written}\" in the problem")
    return out

