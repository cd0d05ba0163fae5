"""Stage 3a', target: answer what the text asks where the program answers what the example asked.

The model copies the shown example's last lines, and the follow stage puts the example's
statements back where the model kept its parameters. So where the text asks for another quantity
of the same computation than the example did, the program answers the example's question: the
interest earned for "what is 1,000 CHF worth after 24 years?", the salt in the second tank for
"how much salt does the first of two tanks hold?". In the evaluation of the new kinds' held-out
phrasings (`runs/s17/nf4`, 66 items) that was 6 of the 34 wrong programs.

Three rules, each only where the example's question and the text's differ in the words it reads:

1. **Interest or balance.** The answer is a difference ``interest = balance - principal`` of a
   computed quantity and a parameter, the example's question names it (a word of its name:
   "the interest earned") and the text's question names neither it nor what it is ("interest",
   "earn", "gain", "return"; words that say how interest is paid do not count: "adds the interest at
   the end of each year", "with interest credited every day", "an interest rate of 4%"): the answer
   is the computed quantity (``balance``). The other way,
   the answer is a computed ``balance = principal * ...`` of a parameter, the text's question
   asks for the interest (those words) and the example's does not: the answer is ``balance -
   principal``.
2. **Which compartment.** The answer reads a row of an ODE solution (``sol.y[1, -1]``) whose
   number is the ordinal the example's question names first ("the salt in the second vat"), and
   the text's question names another first ("does the first of two tanks hold"): the answer
   reads that row instead (``sol.y[0, -1]``), and its comment says so. A tank named by its
   number counts as its ordinal ("the amount of salt (kg) in tank 2").

3. **Amount or concentration.** The answer divides a quantity by a volume parameter
   (``sol.y[1, -1] / volume2``: the salt's concentration), the example's question asks for a
   concentration ("concentration", "g/L", "per litre") and the text's for an amount ("how much
   salt, in g"; no concentration words): the answer is the quantity itself (``sol.y[1, -1]``),
   any unit factor kept (``/ volume2 * 1000`` -> ``* 1000``). The other way, an answer that
   reads an ODE row (``sol.y[0, -1]``) while the text asks for a concentration and the example
   for an amount is divided by the volume of that compartment (``volume1`` for row 0, or the one
   volume parameter).

4. **Rounding.** The answer rounds a time up or down (``math.ceil(n)``), the example's text says
   it should ("whole years, rounded up", "the last payment may be smaller") and the text, which
   asks for a time, says nothing of the kind: the answer is the time itself (``float(n)``). "How
   many years does it take $10,000 to become $20,000?" asks for 7.83 years, not 8.
5. **Which state.** The answer reads one entry of a distribution over states that a comment of
   the program names by index ("# states: 0 = dry, 1 = rain"), and the first state the text's
   question asks the chance of ("the probability that it will rain on Tuesday, given that today
   is rainy") is another: the answer reads that state's entry (``dist[1]``).
6. **Which quantity, by name.** The answer reads a row of an ODE solution (``sol.y[0, -1]``), the
   rows' initial values are parameters whose descriptions name them (``x0  # initial hares``,
   ``y0  # initial lynx``), and what the text's question asks for, before its conditions ("What
   is the number of lynx after 26 years, if 250 hares and 31 lynx ..."), names another row
   alone: the answer reads that row.
   Where the rows are a motion unpacked in the right-hand side (``x, v = y``) and start from
   numbers, the question asking how far ("the distance fallen", "its height") reads the
   position's row and one asking how fast ("speed", "velocity") the velocity's.
7. **Which unknown, by name.** The answer reads one unknown of a solution (``coexistence[y]``),
   the program names its unknowns in a comment (``x, y = sp.symbols("x y")  # caribou, wolves``),
   and what the text's question asks for, before its conditions, names another first ("What is
   the number of caribou at the coexistence equilibrium for the caribou and wolves ..."): the
   answer reads that unknown (``coexistence[x]``).
8. **Which test result.** The answer computes one of the four chances of a diagnostic test from
   ``prevalence``, ``sensitivity`` and ``specificity`` (the disease after a positive test, none
   after a negative one, their complements), and the text's question asks another ("gives a
   positive result, what is the chance the disease is present?" where the example asked after a
   negative test): the answer computes that one.

9. **Which spread.** The program computes one standard deviation or variance (``np.std(data)``,
   ``statistics.stdev(data)``, ``data.var(ddof=1)``), and the text says which it asks for and the
   call computes the other: "the sample standard deviation (divide by n − 1)" for ``np.std(data)``
   (which divides by n) is ``np.std(data, ddof=1)``; "the population variance" for
   ``statistics.variance(data)`` is ``statistics.pvariance(data)``. Only where the text names one
   of the two (not both) and the program has one such call; this rule reads the text alone,
   whatever the example asked.

10. **Which state to start in.** A one-hot start over the states a comment names (``start =
    np.array([0.0, 1.0])  # today it rains`` beside ``# states: 0 = dry, 1 = rain``), and the text
    names another within a few words of "today", "initial state" or "starting from" ("given that
    today (Wednesday) is dry"), or before a weekday that ends a sentence ("It is raining on
    Monday."): the start is that state (``[1.0, 0.0]``). Not where those words name several
    states, none, or a negation. This rule reads the text alone, too.

11. **Which statistic.** The answer computes the range, median or mean of a data line
    (``np.median(data)``, ``np.max(data) - np.min(data)``), or its spread (``np.std(data)``), and
    the question names exactly one other of the three, and no spread, weight or other statistic
    ("determine their range"): the answer computes that one. This rule reads the text alone.

12. **Which result, by name.** The answer is a computed quantity the question does not name
    (``answer = float(h_max)``), and exactly one other computed quantity is never read and is
    named by what the question asks for (``x_range`` for "What is the horizontal range (m) for a
    stone launched at 42 mph ..."): the answer is that one. Names are read with their usual
    shortenings (``h`` height, ``max`` maximum) and their comments. This rule reads the text alone.

13. **One result of several.** The answer is a dict of results (``{"time_of_flight": ...,
    "max_height": ..., "range": ...}``: the example asked for all three) and the question asks
    for one value and names exactly one of the keys, in what it asks and in the whole sentence
    ("What is the time of flight (s) for a javelin ..."): the answer is that entry. Not where the
    question names several ("Compute the time of flight, the maximum height and the range").

14. **The result in the unit asked.** The answer's comment names a unit the question does not
    write (``answer = float(rate_ml_h * drop_factor / 60)  # [gtt/min]``), the question writes
    one, not after a number ("What pump setting in mL/h delivers ... 3 g/h ...?"), and exactly
    one computed quantity the answer reads has it in its comment (``rate_ml_h  # [mL/h]``): the
    answer is that quantity.

15. **The multiple asked.** The example's text asks when something doubles ("How many years
    does it take to double?") and its statements hold that 2 once as a number (``sp.Eq((1 + rate)
    ** t, 2)``, ``sp.log(2)``), the program holds it once too, and the text asks for another
    multiple ("to triple", "three times what was invested", "fourfold") and not the example's:
    that number becomes the text's (3). Only multiples written in words, one in each text.

18. **Which item of a linear program.** The answer reads one entry of a linear program's
    solution (``answer = res.x[1]  # chairs to make``: the example asked for its second item),
    the program's cost or profit list names its items (``c = [-profit_table, -profit_chair]``,
    each parameter's name or description naming one: ``# profit per bookcase``), and what the
    question asks names exactly one other item ("How many bookcases should he make per
    week?"): the answer reads that item's entry (``res.x[0]``). Where the program's items are
    the example's (``profit_router`` for a text of bookcases and desks), the text's items are the
    things it says "each" or "every" of, in the order it first names them, when there are as
    many as the program's columns: the k-th of those is column k. This rule reads the text alone.

19. **The results in the order asked.** The answer is a dict of results (``{"t_max": ...,
    "C_max": ...}``: the example asked for them in that order), the text asks as many questions,
    each naming exactly one key by the words that tell the keys apart, read with their usual other
    names ("the peak plasma concentration" is ``C_max``, "how many hours after the tablet" a time),
    and not in the dict's order: the dict lists them in the questions' order, as an answer with
    other names than the problem's is compared by position. Rule 13 leaves such a text alone.

What was done is reported with the answer (a :class:`~mathllm.questions.Retarget`).
"""

from __future__ import annotations

import ast
import re
from itertools import combinations

from .bind import (
    _NOT_ITEMS,
    _factor,
    text_items,
    _named_by,
    _nth,
    multiples,
    named_alike,
    unit_key,
    unit_word,
    written_with,
)
from .contract import parse_parameters, split_comment
from .follow import _loaded
from .prompt import QUESTION_CONDITIONS, Example, question_of
from .quantities import _stems, find_numbers, fmt_value
from .questions import Retarget, _answer_line, is_wrapper, several, split_questions, unwrapped
from .retrieve import (  # a question's "how wide", a time asked, as retrieval reads them
    HOW_ADJECTIVE,
    asks_time,
)

#: Words of a question that asks for interest (or another gain) rather than a balance.
_GAIN = re.compile(r"\b(?:interest|earn(?:s|ed|ings)?|gain(?:s|ed)?|returns?|grow(?:s|n)? by|profit)\b",
                   re.IGNORECASE)
#: Words of a question that say how interest is paid rather than ask for it: "adds the interest
#: at the end of each year", "with interest credited every day", "an interest rate of 4%",
#: "money earns 8.75% a year".
_HOW_PAID = re.compile(r"\b(?:add(?:s|ed)?|credit(?:s|ed)?|pay(?:s|ing)?|compound(?:s|ed)?)\s+(?:the\s+)?interest\b"
                       r"|\binterest\s+(?:rates?\b|compound\w*|credited|added|(?:is|gets)\s+(?:added|credited|compounded)"
                       r"|of\s+-?\d)|\b(?:with|no)\s+interest\b"
                       # "when money earns 8.75% a year": the rate earned, not a gain asked for
                       r"|\bearn(?:s|ing)?\s+(?:about\s+|an?\s+)?-?\d", re.IGNORECASE)
#: Ordinals a question names a compartment by.
_ORDINALS = {"first": 0, "second": 1, "third": 2, "1": 0, "2": 1, "3": 2}
#: ... or by its number: "the amount of salt (kg) in tank 2".
_ORDINAL = re.compile(r"\b(first|second|third)\b|\b(?:tank|compartment|container|vessel)\s+([123])\b", re.IGNORECASE)


def target(program: str, example: Example, text: str) -> tuple[str, Retarget | None]:
    """``program`` answering what ``text`` asks, where it answers what ``example`` asked (see
    the module docstring), and what was done; the program unchanged with None otherwise."""
    line = _answer_line(program)
    if line is None:
        return program, None
    mine, theirs = question_of(text), question_of(example.problem)
    said = line.lines[line.node.lineno - 1].partition("#")[2].strip()
    for rule in (_gain, _compartment, _amount):
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
    for late in (_rounding, _state, _named_row, _motion_row, _named_unknown, _test_result, _statistic, _named_result,
                 _one_of_several, _in_asked_unit, _named_operand, _whose, _lp_item, _in_order):
        found = late(line.node.value, line.assigns, program, text, example.problem)
        if found is not None:
            expr, reason = found
            new = f"answer = {expr}"
            done, how = line.replaced(new, reason)
            # the state a chain starts in is another line: "today (Friday) is dry" and the chance
            # of dry asked can both be the example's other way round
            if (today := _today(done, text)) is not None:
                done, also = today
                reason = f"{reason}; and {also.reason}: `{also.new}` instead of `{also.old}`"
            return done, Retarget(how.old, new, reason)
    return _spread(program, text) or _today(program, text) or _multiple(program, text, example) or (program, None)


#: A text that asks for the spread of a sample (divided by n - 1) or of a whole population (by n).
_SAMPLE = re.compile(r"\bsample (?:standard deviation|variance|sd|s\.d\.)|\b(?:standard deviation|variance) of "
                     r"(?:the|this|a|that) sample\b|\bn\s*[-−–]\s*1\b|\bunbiased\b|\bbessel", re.IGNORECASE)
_POPULATION = re.compile(r"\bpopulation (?:standard deviation|variance|sd|sigma)\b|"
                         r"\bdivid\w*(?: it)? by n\b(?!\s*[-−–])", re.IGNORECASE)
#: The calls that compute a spread: numpy's (``ddof``) and the statistics module's (by name).
_NUMPY_SPREAD = ("std", "var", "nanstd", "nanvar")
_SPREAD_FUNCTIONS = {"stdev": ("pstdev", 1), "variance": ("pvariance", 1), "pstdev": ("stdev", 0),
               "pvariance": ("variance", 0)}


def _spread(program: str, text: str) -> tuple[str, Retarget] | None:
    """Rule 9: the spread the text asks for (of a sample or a population), where the program's
    one call computes the other."""
    sample, population = bool(_SAMPLE.search(text)), bool(_POPULATION.search(text))
    if sample == population:
        return None  # the text says neither, or both
    want = 1 if sample else 0
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, (ast.Attribute, ast.Name))
             and (n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id) in (*_NUMPY_SPREAD, *_SPREAD_FUNCTIONS)]
    if len(calls) != 1 or calls[0].lineno != calls[0].end_lineno:
        return None
    call = calls[0]
    name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    new = ast.Call(call.func, list(call.args), [k for k in call.keywords if k.arg != "ddof"])
    if name in _SPREAD_FUNCTIONS:
        other, ddof = _SPREAD_FUNCTIONS[name]
        if ddof == want:
            return None
        new.func = (ast.Attribute(call.func.value, other, ast.Load()) if isinstance(call.func, ast.Attribute)
                    else ast.Name(other, ast.Load()))
    else:
        ddof = next((k.value.value for k in call.keywords if k.arg == "ddof" and isinstance(k.value, ast.Constant)),
                    0 if not any(k.arg == "ddof" for k in call.keywords) else None)
        if ddof is None or ddof == want:
            return None
        if want:
            new.keywords.append(ast.keyword("ddof", ast.Constant(1)))
    lines = program.splitlines()
    i = call.lineno - 1
    line = lines[i]
    old_call = line.encode()[call.col_offset:call.end_col_offset].decode()
    new_call = ast.unparse(new)
    code, hash_, comment = line.partition("#")
    # the example's comment says which spread it computed ("# population (n)"): it goes
    keep = hash_ + comment if hash_ and not re.search(r"\b(?:population|sample|n\s*-\s*1|ddof)\b", comment) else ""
    lines[i] = (code.replace(old_call, new_call, 1).rstrip() + ("  " + keep if keep else "")).rstrip()
    what = "sample" if want else "population"
    reason = (f"the problem asks for the {what}'s spread (divided by {'n - 1' if want else 'n'}), "
              f"the program computed the {'population' if want else 'sample'}'s")
    return "\n".join(lines) + "\n", Retarget(old_call, new_call, reason)


#: Words that ask for a whole number of periods, or say why one is counted: "whole years",
#: "rounded up", "the last payment may be smaller", "at least", "the first year in which".
_ROUNDED = re.compile(r"\b(?:whole|full|complete[ds]?|entire|integers?|round(?:ed|ing|s)?|nearest|partial|"
                      r"smaller|at least|first (?:year|month|week|day|time)|(?:can|may) be less|payments?|"
                      r"installments?|instalments?)\b", re.IGNORECASE)
#: Calls that round to a whole number.
_ROUNDING = ("ceil", "floor")


def _rounding(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
              example: str) -> tuple[str, str] | None:
    """Rule 4: the unrounded time where the example's text asked to round and the text does not."""
    inner = unwrapped(value, _WRAPPERS)
    if not (isinstance(inner, ast.Call) and len(inner.args) == 1 and not inner.keywords
            and (isinstance(inner.func, ast.Attribute) and inner.func.attr in _ROUNDING
                 or isinstance(inner.func, ast.Name) and inner.func.id in _ROUNDING)):
        return None
    if not asks_time(text) or _ROUNDED.search(text) or not _ROUNDED.search(example):
        return None
    arg = inner.args[0]
    return (ast.unparse(arg) if is_wrapper(arg, ("float",)) else f"float({ast.unparse(arg)})",
            "the example's text asks to round, the problem does not")


#: A comment naming states by index: "0 = dry, 1 = rain".
_STATE = re.compile(r"(?<![\w.])(\d)\s*=\s*([a-z]+)\b", re.IGNORECASE)
#: Where a question starts to name what it asks the chance of.
_CHANCE = re.compile(r"\b(?:probability|chance|likely|likelihood|odds|share|fraction|proportion|how often)\b|\bP\(",
                     re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|without)\b|n't\b", re.IGNORECASE)


def _state(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
           example: str) -> tuple[str, str] | None:
    """Rule 5: the entry of the state the question asks the chance of."""
    inner = unwrapped(value, _WRAPPERS)
    if not (isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name)
            and isinstance(inner.slice, ast.Constant) and isinstance(inner.slice.value, int)):
        return None
    states = _named_states(program)
    if inner.slice.value not in states:
        return None
    mine = question_of(text)
    cue = _CHANCE.search(mine)
    if cue is None:
        return None
    by_stem = {stem: i for i, w in states.items() for stem in _stems(w)}
    for word in re.finditer(r"[a-z]+", mine[cue.end():].lower()):
        hits = {by_stem[s] for s in _stems(word.group()) if s in by_stem}
        if not hits:
            continue
        if len(hits) > 1 or _NEGATION.search(mine[cue.end():cue.end() + word.start()]):
            return None
        (i,) = hits
        if i == inner.slice.value:
            return None
        new = ast.unparse(inner).replace(f"[{inner.slice.value}]", f"[{i}]")
        return (_wrap(value, new), f"the problem asks the chance of {states[i]}, state {i}")
    return None


def _named_states(program: str, numbered: bool = False) -> dict[int, str]:
    """The states the first comment that names two or more by index names ("# states: 0 = dry,
    1 = rain"), each once; with ``numbered``, only a comment naming 0, 1, ... in full."""
    for line in program.splitlines():
        named = {int(i): w.lower() for i, w in _STATE.findall(line.partition("#")[2])}
        if len(named) >= 2 and len(set(named.values())) == len(named) \
                and (not numbered or sorted(named) == list(range(len(named)))):
            return named
    return {}


#: Calls that only wrap the quantity an answer line answers: ``float(x)``, ``round(x, 2)``.
_WRAPPERS = ("float", "int", "round")


#: Where a question's conditions begin: "..., if 250 hares and 31 lynx interact"; "starting with
#: 250 hares" too.
_CONDITIONS = re.compile(QUESTION_CONDITIONS.pattern + r"|\bstarting\b", re.IGNORECASE)
#: Words of an initial value's description that name no quantity of its own.
_GENERIC_ROW = frozenset(_stems("initial initially start starting number count population size amount value "
                                "animals individuals people at time zero the of in"))


#: Where a question's asking starts after a lead clause: "According to this model, how many hares ...".
_ASK_START = re.compile(r"\b(?:what|how|which|when|who|find|compute|calculate|determine|estimate)\b", re.IGNORECASE)


def _asked_part(text: str) -> str:
    """What the question of ``text`` asks for, before its conditions ("What is the number of lynx
    after 26 years" of "..., if 250 hares and 31 lynx interact ...?"), and after a lead clause
    ("how many hares will there be 5 years after the survey" of "According to this model, how
    many hares ...?")."""
    mine = question_of(text)
    # (a lead clause that is no condition: "If I fit a linear trend, what do I get for ..." keeps
    # its condition first, and asks nothing this reads)
    if ((start := _ASK_START.search(mine)) and "," in mine[:start.start()]
            and not re.match(r"\s*(?:if|when|given|assuming|while|with|where|once|after|before)\b", mine, re.IGNORECASE)):
        mine = mine[start.start():]
    return mine[:m.start()] if (m := _CONDITIONS.search(mine)) else mine


def _named_row(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
               example: str) -> tuple[str, str] | None:
    """Rule 6: the ODE row the question names alone, by its initial value's description."""
    rows = [n for n in ast.walk(value) if _row(n) is not None]
    if len(rows) != 1 or not isinstance(rows[0].value.value, ast.Name):
        return None
    params = {p.name: p for p in parse_parameters(program)}
    inits = _initial_values(rows[0].value.value.id, assigns)
    if len(inits) < 2 or not all(isinstance(n, ast.Name) and n.id in params for n in inits):
        return None
    # a row is named by its initial value's description, and by the noun the text writes its
    # number with ("if 40 rabbits and 33 foxes interact" for ``x0 = 40  # initial hares``)
    # (the descriptions first: "30 aphids" held by ``y0  # initial ladybirds`` names no row)
    asked = _stems(_asked_part(text))

    def alone(names: list[set[str]]) -> list[int]:
        return [k for k, words in enumerate(names) if words & asked and not any(words & other for other in names
                                                                                if other is not words)]

    names = [_stems(_named_by(params[n.id])) - _GENERIC_ROW for n in inits]
    hits = alone(names)
    if len(hits) != 1:
        names = [words | (_stems(_noun_of(text, params[n.id].value)) - _GENERIC_ROW)
                 for words, n in zip(names, inits, strict=True)]
        hits = alone(names)
    have = _row(rows[0])
    if len(hits) != 1 or hits[0] == have or names[have] & asked:
        return None
    new = ast.unparse(value).replace(ast.unparse(rows[0]), ast.unparse(rows[0]).replace(f"[{have},", f"[{hits[0]},", 1))
    p = params[inits[hits[0]].id]
    said = p.description if _stems(_named_by(p)) & asked else f"{fmt_value(p.value)} {_noun_of(text, p.value)} in the text"
    return new, f"the problem asks for the {p.name} row ({said}), row {hits[0]}"


def _noun_of(text: str, value: float) -> str:
    """The word the text writes right after the one number of ``value`` ("40 rabbits": rabbits),
    or '' (no such number, or several)."""
    text = " ".join(text.split())
    mentions = [m for m in find_numbers(text) if not m.word]
    found = [m for m in mentions if not m.percent and float(m.value) * m.scale == value]
    if len(found) != 1:
        return ""
    word = unit_word(text, found[0], mentions)
    return word if word.isalpha() else ""


#: Names of a motion's state in a right-hand side (``x, v = y``): its position and its velocity.
_POSITION_NAMES = frozenset({"x", "s", "d", "h", "z", "pos", "position", "distance", "height", "depth", "x1"})
_VELOCITY_NAMES = frozenset({"v", "u", "vel", "velocity", "speed", "v1", "dx", "xdot", "x_dot"})
#: A question that asks how far or how fast.
_ASKS_FAR = re.compile(r"\b(?:distance|position|displacement|fallen|how far|height|how high|depth|travell?ed|"
                       r"covered|dropped)\b", re.IGNORECASE)
_ASKS_FAST = re.compile(r"\b(?:speed|velocity|how fast)\b", re.IGNORECASE)


def _motion_row(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                example: str) -> tuple[str, str] | None:
    """Rule 6, a motion's row: the ODE row the question asks for, how far or how fast, where the
    right-hand side unpacks its state into a position and a velocity (``x, v = y``)."""
    rows = [n for n in ast.walk(value) if _row(n) is not None]
    if len(rows) != 1 or not isinstance(rows[0].value.value, ast.Name):
        return None
    src = assigns.get(rows[0].value.value.id)
    call = src.value if src is not None else None
    if not (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Name)):
        return None
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return None
    rhs = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == call.args[0].id
                and len(f.args.args) >= 2), None)
    if rhs is None:
        return None
    state = rhs.args.args[1].arg
    names = next(([e.id if isinstance(e, ast.Name) else "" for e in n.targets[0].elts] for n in ast.walk(rhs)
                  if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Tuple)
                  and isinstance(n.value, ast.Name) and n.value.id == state), None)
    if names is None or len(names) != 2:
        return None
    kinds = ["far" if n.lower() in _POSITION_NAMES else "fast" if n.lower() in _VELOCITY_NAMES else "" for n in names]
    if sorted(kinds) != ["far", "fast"]:
        return None
    asked = _asked_part(text)
    far, fast = bool(_ASKS_FAR.search(asked)), bool(_ASKS_FAST.search(asked))
    if far == fast:
        return None
    want = kinds.index("far" if far else "fast")
    have = _row(rows[0])
    if have == want or have not in (0, 1):
        return None
    new = ast.unparse(value).replace(ast.unparse(rows[0]), ast.unparse(rows[0]).replace(f"[{have},", f"[{want},", 1))
    return new, f"the problem asks {'how far' if far else 'how fast'}: the {names[want]} row, row {want}"


#: A line naming the unknowns a program solves for: ``x, y = sp.symbols("x y")  # hares, lynx``.
_SYMBOLS_LINE = re.compile(r"^\s*(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*=\s*(?:sp|sympy)\.symbols\("
                           r"[^#]*#\s*(?P<comment>.+)$", re.MULTILINE)


def _named_unknown(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                   example: str) -> tuple[str, str] | None:
    """Rule 7: the unknown the question names first, where the answer reads a solution's entry
    of another (``coexistence[y]`` for "the number of caribou at the coexistence equilibrium",
    the symbols named by their comment ``# caribou, wolves``)."""
    inner = unwrapped(value, _WRAPPERS)
    if not (isinstance(inner, ast.Subscript) and isinstance(inner.slice, ast.Name)):
        return None
    have = inner.slice.id
    for line in _SYMBOLS_LINE.finditer(program):
        symbols = [n.strip() for n in line["names"].split(",")]
        # (named in a list: "# caribou, wolves", "# numbers of chickens and goats")
        parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", line["comment"])
        named = [_stems(w) - _GENERIC_ROW for w in parts]
        if have not in symbols or len(named) != len(symbols) or not all(named):
            continue
        # (the words all of them share name none alone: "small crates and large crates")
        common = set.intersection(*named) if named else set()
        named = [w - common for w in named]
        if not all(named) or any(a & b for a, b in combinations(named, 2)):
            return None  # ("adult hares, young rabbits and hares": no word names one alone)
        asked = _asked_part(text)
        first: dict[int, int] = {}  # symbol index -> where the question first names it
        for word in re.finditer(r"[a-z]{3,}", asked.lower()):
            for k, stems in enumerate(named):
                if word.group()[:4] in stems:
                    first.setdefault(k, word.start())
        # what the question counts, where it says so ("Knowing that chickens have 2 legs ..., work
        # out the number of goats" names the chickens first and asks for the goats)
        # (either of the two words after it: "the number of large crates" names "large")
        counted = [k for m in re.finditer(r"\b(?:number of|how many)\s+([a-z]{3,})(?:\s+([a-z]{3,}))?",
                                          question_of(text).lower())
                   for k, stems in enumerate(named) if any(w and w[:4] in stems for w in m.groups())]
        if len(set(counted)) == 1:
            first = {counted[0]: 0}
        if not first:
            return None
        k = min(first, key=first.__getitem__)
        if symbols[k] == have:
            return None
        new = ast.unparse(inner).replace(f"[{have}]", f"[{symbols[k]}]")
        return (_wrap(value, new), f"the problem asks for {parts[k].strip()}, {symbols[k]}")
    return None


#: The four chances a diagnostic test's question can ask, by (result, disease): the chance of
#: the disease after a positive test, of none after a negative one, and their complements.
_TEST_CHANCES = {
    ("positive", True): "sensitivity * prevalence / (sensitivity * prevalence + (1 - specificity) * (1 - prevalence))",
    ("negative", False): ("specificity * (1 - prevalence) / (specificity * (1 - prevalence) + (1 - sensitivity) "
                          "* prevalence)"),
}
_TEST_CHANCES[("positive", False)] = f"1 - {_TEST_CHANCES['positive', True]}"
_TEST_CHANCES[("negative", True)] = f"1 - {_TEST_CHANCES['negative', False]}"
_TEST_TREES = {k: ast.parse(expr, mode="eval").body for k, expr in _TEST_CHANCES.items()}
#: A question about one test result; several tests ("tests positive twice") are another model.
_RESULT = re.compile(r"\b(positive|negative)\b", re.IGNORECASE)
_SEVERAL_TESTS = re.compile(r"\b(?:twice|two|both|second|again|repeat\w*|retest\w*)\b", re.IGNORECASE)
_DISEASE = re.compile(r"\bha(?:s|ve)\b|\bpresent\b|\bdisease\b|\bill\b|\bsick\b|\binfected\b|\bcondition\b|"
                      r"\bcarr(?:y|ies|ier)\b", re.IGNORECASE)
_NO_DISEASE = re.compile(r"disease-free|\bfree of\b|\bhealthy\b|\bdo(?:es)?(?: not|n't) have\b|\bnot (?:ill|sick|infected)\b|"
                         r"\bno disease\b|\babsent\b|\bclear\b", re.IGNORECASE)


def _arith(node: ast.expr, env: dict[str, float]) -> float | None:
    """The value of an arithmetic expression of named numbers (``float(a * b / c)``), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _arith(node.operand, env)
        return None if v is None else -v
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float" and len(node.args) == 1:
        return _arith(node.args[0], env)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = _arith(node.left, env), _arith(node.right, env)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        return a / b if b else None
    return None


def _test_result(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                 example: str) -> tuple[str, str] | None:
    """Rule 8: the chance a diagnostic test's question asks (the disease after a positive test,
    none after a negative one, or a complement), where the answer computes another of the four
    from ``prevalence``, ``sensitivity`` and ``specificity`` (the example asked after a negative
    test, the text after a positive one)."""
    params = {p.name: p.value for p in parse_parameters(program)}
    if not {"prevalence", "sensitivity", "specificity"} <= params.keys():
        return None
    mine = question_of(text)
    results = {m.group(1).lower() for m in _RESULT.finditer(mine)}
    if len(results) != 1 or _SEVERAL_TESTS.search(mine):
        return None
    result = results.pop()
    after = mine[_RESULT.search(mine).end():]
    if re.match(r"\s+predictive value", after, re.IGNORECASE):
        asked = (result, result == "positive")  # the positive predictive value: the disease after a positive test
    elif _NO_DISEASE.search(after):
        asked = (result, False)
    elif _DISEASE.search(after):
        asked = (result, True)
    else:
        return None  # no chance named: what is asked is not clear
    env = dict(params)
    for name, node in assigns.items():  # ``p_pos = ...`` and the like, in order
        if name != "answer" and (v := _arith(node.value, env)) is not None:
            env[name] = v
    have = _arith(value, env)
    if have is None:
        return None
    values = {k: _arith(tree, params) for k, tree in _TEST_TREES.items()}
    matches = [k for k, v in values.items() if v is not None and abs(v - have) <= 1e-9 * max(1.0, abs(v))]
    if len(matches) != 1 or matches[0] == asked:
        return None  # the answer is none of the four (another model), or already the one asked
    return (f"float({_TEST_CHANCES[asked]})",
            f"the problem asks the chance of {'the disease' if asked[1] else 'no disease'} after a {result} test")


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
    mine, theirs = _HOW_PAID.sub(" ", mine), _HOW_PAID.sub(" ", theirs)
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
    named_a, named_b = (m.group(1) or m.group(2) for m in (a, b))
    want, shown = _ORDINALS[named_a.lower()], _ORDINALS[named_b.lower()]
    if want == shown:
        return None
    rows = [n for n in ast.walk(value) if _row(n) == shown]
    if len(rows) != 1 or not isinstance(rows[0].value.value, ast.Name):
        return None
    sol = rows[0].value.value.id
    # the system must have that many rows: the solver's initial values are a list as long
    if want >= len(_initial_values(sol, assigns)):
        return None
    expr = ast.unparse(value)
    old = f"{sol}.y[{shown}, "
    if expr.count(old) != 1:
        return None
    return (expr.replace(old, f"{sol}.y[{want}, "),
            f"the problem asks about the {_nth(want + 1)}, the example about the {_nth(shown + 1)}",
            (str(shown + 1), str(want + 1)))


#: Words of a question that asks for a concentration.
_CONCENTRATION = re.compile(r"\bconcentrat\w*|\b(?:mg|g|kg|lb)\s*/\s*(?:l|ml|dl|m3|m³|gal)\b"
                            r"|\bper (?:litre|liter|l|ml|gallon|cubic)\b", re.IGNORECASE)
#: Words of a question that asks for an amount of something dissolved.
_AMOUNT = re.compile(r"\b(?:how much|amount of|mass of) (?:salt|sugar|dye|chemical|pollutant|drug|solute)\b"
                     r"|\((?:in )?(?:g|kg|mg|lb)\)"
                     r"|\b(?:in|how many) (?:g|kg|mg|lb|grams?|kilograms?|milligrams?|pounds?)\b(?!\s*(?:/|per\b))",
                     re.IGNORECASE)
#: A number the question gives, with its unit: "brine of 40 g/L", "a concentration of 0.05 kg per
#: litre" say what flows in, not what is asked.
_GIVEN = re.compile(r"(?:\bconcentrat\w*\s+(?:of\s+)?)?-?\d[\d,.]*\s*[^\s,;?]*(?:\s+per\s+\w+)?", re.IGNORECASE)
#: The unit a question asks its answer in: "in g", "(mg/L)", "in kilograms".
_ASKED_UNIT = re.compile(r"(?:\bin|\()\s*(?P<unit>(?:mg|g|kg|lb)(?:\s*/\s*(?:l|ml|dl|m3|m³|gal))?)(?=\s*[),?.;]|\s)",
                         re.IGNORECASE)
#: Units of volume, as a parameter's comment names them.
_VOLUMES = frozenset({"l", "ml", "dl", "m3", "m^3", "m³", "gal", "litre", "liter", "litres", "liters"})


def _amount(value: ast.expr, assigns: dict[str, ast.Assign], program: str, mine: str,
            theirs: str) -> tuple[str, str, tuple[str, str]] | None:
    """Rule 3: an amount where the example asked for a concentration, or the other way."""
    mine_unit = _ASKED_UNIT.search(mine)
    mine, theirs = _GIVEN.sub(" ", mine), _GIVEN.sub(" ", theirs)
    wants_amount = bool(_AMOUNT.search(mine)) and not _CONCENTRATION.search(mine)
    wants_concentration = bool(_CONCENTRATION.search(mine))
    asked_amount = bool(_AMOUNT.search(theirs)) and not _CONCENTRATION.search(theirs)
    asked_concentration = bool(_CONCENTRATION.search(theirs))
    params = {p.name: p for p in parse_parameters(program)}
    volumes = [name for name, p in params.items() if p.unit.strip().lower() in _VOLUMES]
    inner = unwrapped(value, _WRAPPERS)
    if wants_amount and asked_concentration:
        # (x / V), (x / V) * c or x * c / V: the quantity x, in the unit the question names
        scaled = isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Mult) and isinstance(inner.right, ast.Constant)
        div = inner.left if scaled else inner
        if not (isinstance(div, ast.BinOp) and isinstance(div.op, ast.Div) and isinstance(div.right, ast.Name)
                and div.right.id in volumes):
            return None
        x = div.left
        if isinstance(x, ast.BinOp) and isinstance(x.op, ast.Mult) and isinstance(x.right, ast.Constant) and not scaled:
            x = x.left
        factor = _unit_factor(_row_unit(x, assigns, params), mine_unit.group("unit") if mine_unit else None)
        if factor is None:
            return None
        quantity = ast.unparse(x)
        return (_wrap(value, quantity if factor == 1 else f"{quantity} * {factor:g}"),
                f"the problem asks for an amount, the example for a concentration ({ast.unparse(div)})", ("", ""))
    if wants_concentration and asked_amount:
        if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) for n in ast.walk(value)):
            return None
        rows = [n for n in ast.walk(value) if _row(n) is not None]
        if len(rows) != 1 or ast.unparse(inner) != ast.unparse(rows[0]):
            return None
        row = _row(rows[0])
        numbered = [v for v in volumes if re.search(rf"(?<!\d){row + 1}(?!\d)", v)]
        volume = numbered[0] if len(numbered) == 1 else volumes[0] if len(volumes) == 1 else None
        if volume is None:
            return None
        state = _row_unit(rows[0], assigns, params)
        factor = _unit_factor(f"{state}/{unit_key(params[volume].unit)}" if state else None,
                              mine_unit.group("unit") if mine_unit else None)
        if factor is None:
            return None
        quantity = f"{ast.unparse(rows[0])} / {volume}"
        return (_wrap(value, quantity if factor == 1 else f"{quantity} * {factor:g}"),
                "the problem asks for a concentration, the example for an amount", ("", ""))
    return None


def _row(node: ast.AST) -> int | None:
    """The row an ODE solution is read at (``sol.y[1, -1]``: 1), or None."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "y" \
            and isinstance(node.slice, ast.Tuple) and node.slice.elts \
            and isinstance(first := node.slice.elts[0], ast.Constant) and isinstance(first.value, int):
        return first.value
    return None


def _row_unit(node: ast.expr, assigns: dict[str, ast.Assign], params: dict) -> str | None:
    """The unit of the ODE row ``node`` reads: that of its initial value's parameter
    (``solve_ivp(rhs, ..., [S1_0, S2_0])`` with ``S2_0  # [kg]``), spelled alike; None if unknown."""
    row = _row(node)
    if row is None or not isinstance(node.value.value, ast.Name):
        return None
    inits = _initial_values(node.value.value.id, assigns)
    if row >= len(inits) or not isinstance(name := inits[row], ast.Name) or name.id not in params:
        return None
    return unit_key(params[name.id].unit) or None


def _initial_values(sol: str, assigns: dict[str, ast.Assign]) -> list[ast.expr]:
    """The initial values ``sol = solve_ivp(rhs, span, [S1_0, S2_0])`` starts from (its last
    list literal), one per row; [] where ``sol`` is no such assignment."""
    src = assigns.get(sol)
    lists = [n for n in ast.walk(src.value) if isinstance(n, ast.List)] if src is not None else []
    return lists[-1].elts if lists else []


def _unit_factor(have: str | None, want: str | None) -> float | None:
    """What a quantity in ``have`` is multiplied by to be in ``want`` (the unit the question
    names): 1 where the question names none; None where either is unknown or they do not convert."""
    if want is None:
        return 1.0
    if have is None:
        return None
    f = _factor(have, unit_key(want))
    return None if f is None else float(f)


#: Where a text says which state a chain starts in: "today (Wednesday) is dry", "It's rainy
#: today", "Initial state: rain", "Starting from 'dry'".
_START_CUE = re.compile(r"\btoday\b|\binitial state\b|\bstart(?:s|ing)? (?:from|in|as|with)\b"
                        # the day whose weather a sentence gives: "It is raining on Monday."
                        r"|\bon (?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?=\s*[.;])",
                        re.IGNORECASE)
#: A one-hot start over the states: ``start = np.array([0.0, 1.0])``.
_ONE_HOT = re.compile(r"^(?P<head>\s*(?P<name>\w+)\s*=\s*(?:np\.array\(\s*)?)\[(?P<items>[\d.,\s]+)\](?P<tail>\)?)"
                      r"\s*(?:#(?P<comment>.*))?$")


#: A day named before the state: "(Today) is Monday and it is dry", "is Sunday, and it's rainy".
_DAY_THEN = re.compile(r"^\s*is\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s+and\s+it(?:'s|\s+is)\s",
                       re.IGNORECASE)


def _today(program: str, text: str) -> tuple[str, Retarget] | None:
    """Rule 10: the state a chain starts in, where the program starts in another. A one-hot
    start over the states a comment names (``start = np.array([0.0, 1.0])  # today it rains``
    beside ``# states: 0 = dry, 1 = rain``) takes the state the text says it starts in, named
    within a few words of "today", "initial state" or "starting from" ("given that today
    (Wednesday) is dry": ``[1.0, 0.0]``); not where those words name no state, several, or a
    negation."""
    lines = program.splitlines()
    states = _named_states(program, numbered=True)
    if not states:
        return None
    starts = [(n, m) for n, line in enumerate(lines) if (m := _ONE_HOT.match(line))
              and re.search(r"today|start|initial", f"{m['name']} {m['comment'] or ''}", re.IGNORECASE)]
    if len(starts) != 1:
        return None
    n, m = starts[0]
    try:
        items = [float(x) for x in m["items"].split(",")]
    except ValueError:
        return None
    if len(items) != len(states) or sorted(items) != [0.0] * (len(items) - 1) + [1.0]:
        return None
    by_stem = {stem: i for i, w in states.items() for stem in _stems(w)}
    said: set[int] = set()
    for cue in _START_CUE.finditer(text):
        if re.search(r"\|[^()]*$", text[:cue.start()]):
            continue  # "P(rain tomorrow | dry today)" names a condition, not the start
        if re.search(r"\b(?:if|when|whenever)\b[^.;?!,]*$", text[:cue.start()], re.IGNORECASE):
            continue  # "If it rains today, ...", "if today is dry, ...": a rule of the chain, not its start
        # the words right after the cue, brackets and appositions left out ("today (Wednesday) is
        # dry", "Today, Sunday, is rainy"), else right before it ("It's rainy today")
        # ("Today is Monday and it is dry": the day named, then the state)
        window = _DAY_THEN.sub(" is ", text[cue.end():cue.end() + 60])
        after = re.split(r"[.;?!,]|\band\b|\bbut\b", re.sub(r"\([^)]*\)|,[^,.;]{0,20},", " ", window))[0]
        before = re.split(r"[.;?!,(]", text[max(0, cue.start() - 30):cue.start()])[-1]
        for window in (" ".join(after.split()[:4]), " ".join(before.split()[-3:])):
            hits = {by_stem[s] for s in _stems(window) if s in by_stem}
            if hits:
                if len(hits) > 1 or _NEGATION.search(window):
                    return None
                said |= hits
                break
    if len(said) != 1:
        return None
    (i,) = said
    if items[i] == 1.0:
        return None
    one_hot = ", ".join("1.0" if j == i else "0.0" for j in range(len(items)))
    old_line = lines[n]
    lines[n] = f"{m['head']}[{one_hot}]{m['tail']}  # {'today' if 'today' in (m['comment'] or '') else 'start'}: {states[i]}"
    return ("\n".join(lines) + "\n",
            Retarget(old_line.strip(), lines[n].strip(), f"the problem says it starts {states[i]}, state {i}"))


#: The statistic a question asks for, by its words: "determine their range", "the median".
_STATISTICS_ASKED = {
    "range": re.compile(r"\brange\b", re.IGNORECASE),
    "median": re.compile(r"\bmedian\b", re.IGNORECASE),
    "mean": re.compile(r"\b(?:mean|average)\b(?! deviation)", re.IGNORECASE),
}
#: numpy's name for each statistic a data line's answer may compute (``np.median(data)``); a
#: spread too, which the example may have asked for ("determine their range" shown ``np.std(data)``).
_NUMPY_STATISTICS = {"mean": "mean", "average": "mean", "median": "median", "ptp": "range",
                     "std": "standard deviation", "var": "variance"}


def _statistic(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
               example: str) -> tuple[str, str] | None:
    """Rule 11: the statistic of a data line the question asks for (its range, median or mean),
    where the answer computes another of them or a spread (``np.median(data)`` or ``np.std(data)``
    for "determine their range": ``np.max(data) - np.min(data)``). Only where the question names
    exactly one of the three and no spread, weight or other statistic."""
    question = question_of(text)
    asked = [name for name, pattern in _STATISTICS_ASKED.items() if pattern.search(question)]
    # ("parcel weights" are data; "weighted", "with weights 0.2 and 0.8" weigh a mean)
    if len(asked) != 1 or re.search(r"\b(?:standard deviation|variance|deviation|weighted|weighting|with (?:the )?weights"
                                     r"|mode|percentile|quartile)\b", question, re.IGNORECASE):
        return None
    inner = unwrapped(value, _WRAPPERS)
    data: ast.expr | None = None
    have = None
    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and isinstance(inner.func.value, ast.Name)
            and inner.func.value.id in ("np", "numpy") and len(inner.args) == 1 and not inner.keywords
            and inner.func.attr in _NUMPY_STATISTICS):
        have, data = _NUMPY_STATISTICS[inner.func.attr], inner.args[0]
    elif (isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub)
          and all(isinstance(side, ast.Call) and isinstance(side.func, ast.Attribute) and len(side.args) == 1
                  for side in (inner.left, inner.right))
          and (inner.left.func.attr, inner.right.func.attr) in (("max", "min"), ("amax", "amin"))
          and ast.dump(inner.left.args[0]) == ast.dump(inner.right.args[0])):
        have, data = "range", inner.left.args[0]
    if have is None or data is None or have == asked[0]:
        return None
    d = ast.unparse(data)
    expr = {"range": f"np.max({d}) - np.min({d})", "median": f"np.median({d})", "mean": f"np.mean({d})"}[asked[0]]
    return f"float({expr})", f"the problem asks for the {asked[0]}, the program computed the {have}"


#: How programs shorten the names of their results, in the words a question says them.
_NAME_WORDS = {"h": "height", "max": "maximum", "min": "minimum", "t": "time", "avg": "average",
               "temp": "temperature", "conc": "concentration", "dist": "distance", "pct": "percent",
               "prob": "probability", "vol": "volume", "amt": "amount", "tot": "total", "pos": "position",
               "vel": "velocity", "acc": "acceleration", "accel": "acceleration", "eq": "equilibrium",
               "pop": "population", "ss": "steady state"}
#: Words a question asks a result by that its name spells otherwise: "the peak concentration" is
#: ``C_max``, "how many hours after the tablet" a time.
_ASKED_AS = {"peak": "maximum", "highest": "maximum", "largest": "maximum", "greatest": "maximum", "top": "maximum",
             "lowest": "minimum", "smallest": "minimum", "least": "minimum", "hours": "time", "minutes": "time",
             "seconds": "time", "days": "time", "when": "time", "long": "time"}
#: Values that hold no result of their own: lists, grids, symbols, solver objects.
_NOT_A_RESULT = re.compile(r"^\s*(?:\[|\(|\{|(?:np|numpy)\.(?:array|linspace|arange|zeros|ones)\(|(?:sp|sympy)\.(?:symbols|Symbol|Function)\("
                           r"|solve_ivp\(|odeint\(|linprog\(|milp\(|minimize\()")


def _result_words(name: str, comment: str) -> set[str]:
    """The stems a result is named by: its name's parts spelled out ("h_max": height, maximum),
    and its comment."""
    parts = re.split(r"_+|\d+|(?<=[a-z])(?=[A-Z])", name)
    return _stems(" ".join(_NAME_WORDS.get(w.lower(), w) for w in parts if w) + " " + comment)


def _words_of(name: str, assigns: dict[str, ast.Assign], lines: list[str]) -> set[str]:
    """The stems a computed result is named by (:func:`_result_words` of its name and the comment
    of its line), less the generic ones."""
    return _result_words(name, lines[assigns[name].lineno - 1].partition("#")[2]) - _GENERIC_ROW


def _named_result(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                  example: str) -> tuple[str, str] | None:
    """Rule 12: the result the question names, where the program computes it and answers another.

    The answer is a computed quantity (``answer = float(h_max)``) the question does not name, and
    exactly one other computed quantity is never read and is named by what the question asks for
    (``x_range`` for "What is the horizontal range (m) for a stone launched at ..."): the example
    computed several results and answered the one its question asked. Names are read with their
    usual shortenings (``h`` height, ``max`` maximum) and their comments."""
    inner = unwrapped(value, _WRAPPERS)
    if not isinstance(inner, ast.Name) or inner.id not in assigns:
        return None
    lines = program.splitlines()
    asked = _stems(_asked_part(text))
    have = inner.id
    params = {p.name for p in parse_parameters(program)}
    if not asked or have in params or _words_of(have, assigns, lines) & asked:
        return None
    read = _loaded(program)  # (it parses: _answer_line read it)
    answer_at = assigns["answer"].lineno
    hits = []
    for name, node in assigns.items():
        if name in ("answer", have) or name in read or name in params or node.lineno > answer_at:
            continue
        if not any(isinstance(n, ast.Name) for n in ast.walk(node.value)):
            continue  # a constant, not a result
        if _NOT_A_RESULT.match(ast.get_source_segment(program, node.value) or ""):
            continue
        if _words_of(name, assigns, lines) & asked:
            hits.append(name)
    if len(hits) != 1:
        return None
    return _wrap(value, hits[0]), f"the problem asks for the {hits[0]}, which the program computed and did not answer"


def _one_of_several(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                    example: str) -> tuple[str, str] | None:
    """Rule 13: one result of several. The answer is a dict of results (``{"time_of_flight": ...,
    "max_height": ..., "range": ...}``: the example asked for all three), the question asks for
    one value and names exactly one of the keys ("What is the time of flight (s) for a javelin
    ..."): the answer is that entry. Keys are read as rule 12 reads names."""
    if not isinstance(value, ast.Dict) or len(value.keys) < 2 \
            or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in value.keys):
        return None
    if several(question_of(text)) is not None or len(split_questions(text)) > 1:
        return None  # "How many tables, chairs and bookcases ...?" asks for each (and so do two questions)
    asked, whole = _stems(_asked_part(text)), _stems(question_of(text))
    keys = [(k.value, v, _result_words(k.value, "") - _GENERIC_ROW) for k, v in zip(value.keys, value.values, strict=True)]
    named = [(key, v) for key, v, words in keys if words & asked]
    # (and no other is named anywhere in the question: "Compute the time of flight, the maximum
    # height and the horizontal range" asks for all three)
    if len(named) != 1 or sum(1 for _, _, words in keys if words & whole) != 1:
        return None
    key, entry = named[0]
    return ast.unparse(entry), f"the problem asks for the {key.replace('_', ' ')} alone, one of the program's {len(value.keys)} results"


def _in_order(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
              example: str) -> tuple[str, str] | None:
    """Rule 19: the results in the order asked. The answer is a dict of results (the example asked
    for them: ``{"t_max": ..., "C_max": ...}``), the text asks as many questions, each naming
    exactly one of the keys and another than the one at its place ("What is the peak plasma
    concentration in mg/L, and how many hours after the tablet does it occur?"): the dict lists
    them in the questions' order (an answer with other names is compared by position). Keys are
    read as rule 12 reads names, a question's words with their usual other names ("peak" a
    maximum, "how many hours" a time)."""
    if not isinstance(value, ast.Dict) or len(value.keys) < 2 \
            or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in value.keys):
        return None
    questions = split_questions(text)
    if len(questions) != len(value.keys):
        return None
    # (the words that tell the keys apart: "t_max" and "C_max" are both maxima; a time counts here,
    # and a C is a concentration)
    keys = [_stems(" ".join(_result_words(k.value, "")) + (" concentration" if re.match(r"c_?max$|c\d*$", k.value.lower())
                                                          else "")) - (_GENERIC_ROW - {"time"}) for k in value.keys]
    common = set.intersection(*keys)
    keys = [k - common for k in keys]
    order = []
    for q in questions:
        words = set(re.findall(r"[a-z]+", q.ask.lower()))
        asked = _stems(" ".join(words | {_ASKED_AS[w] for w in words if w in _ASKED_AS}))
        named = [j for j, k in enumerate(keys) if k & asked]
        if len(named) != 1:
            return None
        order.append(named[0])
    if sorted(order) != list(range(len(keys))) or order == list(range(len(keys))):
        return None
    entries = ", ".join(f"{ast.unparse(value.keys[j])}: {ast.unparse(value.values[j])}" for j in order)
    names = ", ".join(value.keys[j].value for j in order)
    return "{" + entries + "}", f"the problem asks for them in another order: {names}"


_HOW = re.compile(r"\bhow\s+(" + "|".join(HOW_ADJECTIVE) + r")\b", re.IGNORECASE)
#: A question that names what it asks for as its object: "What is its width?", "report the width of".
_ASKED_NOUN = re.compile(r"\b(?:what\s+(?:is|are|was|will\s+be)|find|determine|report|compute|calculate|work\s+out)"
                         r"\s+(?:the|its|their)\s+([a-z]+)\b(?!\s*[-(])", re.IGNORECASE)


def _asked_noun(text: str) -> str | None:
    """The quantity the question asks for by name, as its object: "how wide is it?" (the
    width), "What is its width?", "report the width of the rug"; None for any other question
    ("How much does Ben earn for 40 hours at the same rate?" names a rate only as a condition)."""
    question = question_of(text)
    how = _HOW.search(question)
    if how:
        return HOW_ADJECTIVE[how.group(1).lower()]
    named = _ASKED_NOUN.search(question)
    return named.group(1).lower() if named else None


def _named_operand(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                   example: str) -> tuple[str, str] | None:
    """Rule 16: the quantity asked, where the answer computes another from it. The answer is an
    expression whose comment names what it is (``answer = 2 * width - shortfall  # length``: the
    example asked for the length), the question asks for another quantity by name, as its
    object ("how wide is it?", "What is its width?", "report the width"), and exactly one
    computed quantity the expression reads is named so (``width``): the answer is that quantity."""
    inner = unwrapped(value, _WRAPPERS)
    noun = _asked_noun(text)
    if not isinstance(inner, ast.BinOp) or noun is None:
        return None
    lines = program.splitlines()
    # (what the comment names in words: a unit, ``# [gtt/min]``, names no quantity)
    comment = re.sub(r"\[[^\]]*\]", "", lines[assigns["answer"].lineno - 1].partition("#")[2]).strip()
    said, asked = _stems(comment) - _GENERIC_ROW, _stems(noun)
    if not said or not asked or said & asked:
        return None
    params = {p.name for p in parse_parameters(program)}
    read = {n.id for n in ast.walk(inner) if isinstance(n, ast.Name) and n.id in assigns and n.id not in params}
    hits = [name for name in sorted(read) if _words_of(name, assigns, lines) & asked]
    if len(hits) != 1:
        return None
    return _wrap(value, hits[0]), (f"the problem asks for the {noun}, which the program computed as {hits[0]}; "
                                   f"its answer was the {comment} computed from it")


def _whose(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
           example: str) -> tuple[str, str] | None:
    """Rule 17: whose share. The answer reads one of several parameters that differ only by a
    name after their common head (``total * ratio_vera / parts`` beside ``ratio_nadia`` and
    ``ratio_grace``: the example asked for Vera's share), and what the question asks for names
    exactly one other of those names and not the one read ("What is Nadia's portion?"): the
    answer reads that one (``ratio_nadia``)."""
    values = {p.name: p.value for p in parse_parameters(program)}
    params = set(values)
    heads = named_alike(values)
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", _asked_part(text))}
    read = [n for n in ast.walk(value) if isinstance(n, ast.Name) and n.id in params]
    swaps = []
    person = ""
    for node in read:
        head, _, who = node.id.rpartition("_")
        group = heads.get(head, {})
        named = [w for w in group if w in asked]
        if len(group) >= 2 and who.lower() in group and len(named) == 1 and named[0] != who.lower():
            swaps.append((node, group[named[0]]))
        elif len(group) >= 2 and who.lower() in group and not named:
            # the names are the example's ("ratio_yusuf", "ratio_uma"): the one holding the number
            # the text writes with the person asked ("Anna gets 4 parts" for "What is Anna's portion?")
            people = {w: written_with(text, w) for w in re.findall(r"\b[A-Z][a-z]{2,}\b", _asked_part(text))}
            said = {n for ns in people.values() for n in ns}
            holders = [name for name in group.values() if values[name] in said]
            if len(said) == 1 and len(holders) == 1 and holders[0] != node.id:
                swaps.append((node, holders[0]))
                person = next(w for w, ns in people.items() if ns)
    if len(swaps) != 1 or any(n.id == swaps[0][0].id for n in read if n is not swaps[0][0]):
        return None
    node, other = swaps[0]
    old = node.id
    node.id = other
    whose = other.rpartition('_')[2]
    try:
        if whose.lower() in asked:
            return ast.unparse(value), (f"the problem asks for {whose.title()}'s, which the program holds as {other}; "
                                        f"its answer read {old}")
        return ast.unparse(value), (f"the problem asks for {person}'s, written with {fmt_value(values[other])}, "
                                    f"which the program holds as {other}; its answer read {old}")
    finally:
        node.id = old



#: A unit of measure as a question writes it: "mL/h", "gtt/min", "mg/L".
_UNIT_WRITTEN = re.compile(r"(?<![\w/])[A-Za-zµ°]+(?:/[A-Za-zµ°]+)+(?![\w/])")


def _in_asked_unit(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
                   example: str) -> tuple[str, str] | None:
    """Rule 14: the result in the unit the question asks for. The answer's comment names a unit
    the question does not write (``answer = float(rate_ml_h * drop_factor / 60)  # [gtt/min]``),
    the question writes a unit ("What pump setting in mL/h delivers ...?"), and exactly one
    computed quantity the answer reads has that unit in its comment (``rate_ml_h = dose_rate /
    concentration  # [mL/h]``): the answer is that quantity. Units are compared spelled alike
    (:func:`~mathllm.bind.unit_key`)."""
    lines = program.splitlines()

    def unit_of(line: int) -> str | None:
        unit = split_comment(lines[line - 1].partition("#")[2])[1]
        return unit_key(unit) if unit else None

    ask = question_of(text)
    # (a unit written after a number is the data's: "at 3 g/h")
    asked = {unit_key(m.group()) for m in _UNIT_WRITTEN.finditer(ask) if not re.search(r"\d\s*$", ask[:m.start()])}
    have = unit_of(assigns["answer"].lineno)
    if not asked or have is None or have in asked:
        return None
    params = {p.name for p in parse_parameters(program)}
    read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
    hits = [name for name in sorted(read) if name in assigns and name not in params and name != "answer"
            and unit_of(assigns[name].lineno) in asked]
    if len(hits) != 1:
        return None
    return f"float({hits[0]})", f"the problem asks for {hits[0]} in its unit, the program converted it further"


def _literals_in_statements(program: str, value: int) -> list[ast.Constant]:
    """The number ``value`` written in ``program``'s statements (not in its parameter lines)."""
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return []
    params = {p.name for p in parse_parameters(program)}
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in params for t in node.targets):
            continue
        found += [n for n in ast.walk(node) if isinstance(n, ast.Constant) and type(n.value) in (int, float)
                  and n.value == value]
    return found


def _multiple(program: str, text: str, example: Example) -> tuple[str, Retarget] | None:
    """Rule 15: the multiple the text asks for, where the program kept the example's."""
    theirs, mine = multiples(example.problem), multiples(text)
    if len(theirs) != 1 or len(mine) != 1 or theirs == mine:
        return None
    (old,), (new,) = theirs, mine
    here = _literals_in_statements(program, old)
    if len(here) != 1 or len(_literals_in_statements(example.program, old)) != 1 or here[0].lineno != here[0].end_lineno:
        return None
    node = here[0]
    lines = program.splitlines(keepends=True)
    line = lines[node.lineno - 1]
    # (the column is in UTF-8 bytes; the line is ASCII up to the number in such programs)
    start, end = node.col_offset, node.end_col_offset or node.col_offset
    if line[start:end].strip() not in (str(old), f"{old}.0"):
        return None
    lines[node.lineno - 1] = line[:start] + str(new) + line[end:]
    reason = f"the problem asks for {new} times, the example for {old} times"
    return "".join(lines), Retarget(line.strip(), lines[node.lineno - 1].strip(), reason)


_SOLVERS = ("linprog", "milp")


def _lp_columns(res: str, assigns: dict[str, ast.Assign]) -> list[ast.expr] | None:
    """The cost list's entries, one per column, of ``res = linprog(c, ...)`` (or ``milp(c=...)``)."""
    node = assigns.get(res)
    call = node.value if node is not None else None
    if not isinstance(call, ast.Call) or not isinstance(call.func, (ast.Name, ast.Attribute)):
        return None
    if (call.func.id if isinstance(call.func, ast.Name) else call.func.attr) not in _SOLVERS:
        return None
    first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "c"), None)
    if isinstance(first, ast.Name) and first.id in assigns:
        first = assigns[first.id].value
    if isinstance(first, ast.Call) and first.args:  # np.array([...]), list([...])
        first = first.args[0]
    return list(first.elts) if isinstance(first, ast.List) and len(first.elts) >= 2 else None


def _lp_item(value: ast.expr, assigns: dict[str, ast.Assign], program: str, text: str,
             example: str) -> tuple[str, str] | None:
    """Rule 18: the entry of a linear program's solution for the item the question asks about."""
    inner = unwrapped(value, _WRAPPERS)
    if not (isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Attribute) and inner.value.attr == "x"
            and isinstance(inner.value.value, ast.Name) and isinstance(inner.slice, ast.Constant)
            and isinstance(inner.slice.value, int)):
        return None
    res, have = inner.value.value.id, inner.slice.value
    columns = _lp_columns(res, assigns)
    if columns is None or not 0 <= have < len(columns):
        return None
    asked = _stems(_asked_part(text)) - _NOT_ITEMS
    params = {p.name: p for p in parse_parameters(program)}
    words = []
    for col in columns:
        names = [n.id for n in ast.walk(col) if isinstance(n, ast.Name) and n.id in params]
        words.append(set().union(*[_result_words(n, params[n].description) for n in names]) if names else set())
    shared = set.intersection(*words) if all(words) else set()
    named = [k for k, w in enumerate(words) if (w - shared) & asked]
    how = "its cost list names it"
    if len(named) != 1:
        # the program's items are the example's: the text's, in the order it first names them
        items = text_items(text)
        if len(items) != len(columns) or any(w & set(items) for w in words):
            return None
        named = [k for k, item in enumerate(items) if item in asked]
        how = "the text names its items in this order"
    if len(named) != 1 or named[0] == have:
        return None
    k = named[0]
    inner.slice = ast.Constant(k)
    try:
        return ast.unparse(value), f"the problem asks about item {k + 1} of the linear program ({how}), not item {have + 1}"
    finally:
        inner.slice = ast.Constant(have)

