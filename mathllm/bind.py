"""Stage 3b, bind: put a parameter on the number the problem states in its unit.

A small model given a solved example of the right kind copies the example's program well, but
often binds a number of the text to the wrong parameter: for "1.9 s after a 1 kg mass on a
183 N/m spring" it writes ``m = 1.9  # mass [kg]``. The unit in the parameter's own comment
says what is wrong, and the text says what is right. Two rules move a parameter, each only on
clear evidence:

1. **Stated in another parameter's unit.** The parameter's value comes from a number of the
   text written in a *different* unit that another parameter of the program has ("1.9 s" for
   a ``[kg]`` parameter while ``t_query`` is in ``[s]``), and exactly one number of the text is
   written in the parameter's own unit ("1 kg"), not counting a zero beside another number
   ("from 0 V on a 9 V supply"): it moves there.
2. **One number for two parameters.** Several parameters of one unit take the same number
   although the text writes it fewer times ("reaches 14 °C when the air is -1 °C" read as
   ``T_air = 14`` and ``T_target = 14``), and exactly one number written in that unit is used by
   no parameter ("-1 °C"): the parameter whose description best matches the words around that
   number (strictly better than the others: "air") moves there.
3. **A value the text does not give.** A parameter's value is no number of the text and no
   convention (``R = 1000000  # [Ohm]`` for "discharging through 220 Ω"; the verifier's
   "values not given"), it is the only such parameter of its unit, and exactly one number is
   written in that unit and no parameter uses it ("220 Ω", once rule 1 moved the capacitance
   off it): it moves there.
4. **Its words are beside another number.** A number of the text that no parameter uses (and
   that is no "per 1,000" or "every $1", which programs leave implicit) has words of one
   parameter's description around it, within its sentence, is written in that parameter's unit
   (or the parameter is a count, ``[1]``), has at least 3 points by
   :func:`~mathllm.quantities.fit_score` and more than for any other parameter, and at least
   2 points more than any other free number has for it and than the number it took has ("a kick-off speed of 11 m/s"
   beside ``v0 = 9.8  # initial speed [m/s]`` taken from "g = 9.8 m/s²"): it moves there.

5. **A coefficient of the polynomial the text writes.** A parameter described as the
   "coefficient of t^2" (of ``t``, of ``t^3``, "constant term") takes that coefficient of the
   one polynomial in ``t`` the text writes ("0.05t² + t + 3": 0.05, 1, 3; a power the text leaves
   out is 0); with "of V" it is the polynomial written as ``V(t) = ...``. The value comes
   from the text, sign included, so a small model's habit of binding "0.05" to the next
   coefficient it writes is undone.
6. **A cell of a linear program's table.** Parameters described as "<resource> per <item>"
   (``cutting_jacket = 15  # cutting time per jacket``) that form a table (each item with two or
   more resources, each resource with two or more items) and the capacities beside them
   (``# cutting time available per day``) take the one number of the text with their item and
   resource: the item is the nearest item word before the number in its sentence or list line,
   the resource the nearest resource word after it (else before it; a bare amount of money is the
   table's one money resource). A linear program the text writes in algebra ("x1 = jackets ...
   maximize the profit 90·x1 + 25·x2 subject to 15·x1 + 10·x2 ≤ 1,513 (cutting time, minutes)")
   is read by variable and row, a Markdown table by row and column header. Only when the text
   gives every cell exactly one number: a small model copies the numbers in the order of the
   shown example's text ("1,438 minutes of cutting time" read as the profit per jacket).

Units are compared after spelling them alike (``hours`` = ``h``, ``litres`` = ``L``, ``%``,
``m/s²`` = ``m/s^2``, ``kΩ`` = ``kOhm``, ``µF`` = ``uF``, ``cookies`` = ``cookie``).
Everything else (numbers without a unit, several candidates) is left to the model: a wrong
move would turn a right program wrong. ``benchmarks/bind.py`` measures it: on the
2,069 reference programs of the retrieval bank it moves nothing, and the report names every
move (:class:`Rebinding`).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from .contract import Parameter, parse_parameters, set_parameters
from .quantities import (
    Mention,
    after_per,
    between,
    find_numbers,
    fit_score,
    fmt_value,
    gives,
    is_money,
)

#: Spellings of a unit -> one name. Only units that texts spell out in words need entries.
_UNIT_WORDS = {
    "h": "h hr hrs hour hours", "min": "min mins minute minutes", "s": "s sec secs second seconds",
    "day": "d day days", "week": "wk week weeks", "month": "month months", "year": "yr yrs year years",
    "kg": "kg kilogram kilograms", "g": "g gram grams", "mg": "mg milligram milligrams",
    "l": "l litre litres liter liters", "ml": "ml millilitre millilitres milliliter milliliters",
    "m": "m metre metres meter meters", "cm": "cm centimetre centimetres centimeter centimeters",
    "km": "km kilometre kilometres kilometer kilometers", "°c": "°c degc", "%": "% percent",
    "ohm": "ohm ohms", "kohm": "kohm kohms kiloohm kiloohms", "uf": "uf microfarad microfarads",
}
_UNIT = {w: name for name, words in _UNIT_WORDS.items() for w in words.split()}
#: Symbols a text writes and a program comment spells in ASCII ("9.8 m/s²" for ``[m/s^2]``,
#: "4.7 kΩ" for ``[kOhm]``, "470 µF" for ``[uF]``; both micro signs).
_ASCII = str.maketrans({"²": "^2", "³": "^3", "ω": "ohm", "µ": "u", "μ": "u", "−": "-"})


@dataclass
class Rebinding:
    """One parameter moved onto another number of the text."""

    name: str
    old: float
    new: float
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.name} = {fmt_value(self.old)} -> {fmt_value(self.new)} ({self.reason})"


def unit_key(unit: str) -> str:
    """A unit spelled one way: ``"Hours"`` -> ``h``, ``"N*s/m"`` -> ``n·s/m``."""
    u = unit.replace("**", "^").replace("*", "·").replace(" ", "").lower().rstrip(".,;:?!)").translate(_ASCII)
    if u in _UNIT:
        return _UNIT[u]
    # a counted thing is one unit in the singular and the plural ("38 cookies" for [cookie])
    return u[:-1] if len(u) > 3 and u.isalpha() and u.endswith("s") and not u.endswith("ss") else u


def unit_word(text: str, m: Mention, mentions: list[Mention]) -> str:
    """The word written right after a number of the text, where its unit would be ("" if none)."""
    if m.percent:
        return "%"
    if m.start and text[m.start - 1] in "$€£¥":
        return text[m.start - 1]  # "$25,300": the unit is written before the number
    after = text[m.end:between(text, m, mentions)[1]].split()
    return after[0].rstrip(".,;:?!)") if after else ""


def _sources(p: Parameter, mentions: list[Mention]) -> list[int]:
    """The (non-zero) numbers of the text that give ``p`` its value."""
    return [i for i, m in enumerate(mentions) if m.value != 0 and gives(m, p)]


def free_numbers(text: str, params: list[Parameter], mentions: list[Mention]) -> list[int]:
    """The non-zero numbers of the text that no parameter takes and that are no denominator
    ("per 1,000 ft"): the candidates for a parameter the model bound wrongly or left out."""
    used = {i for p in params for i in _sources(p, mentions)}
    return [j for j, m in enumerate(mentions) if j not in used and m.value != 0 and not after_per(text, m)]


def _value(m: Mention, p: Parameter) -> float:
    """The value ``p`` takes from ``m``: a percentage as a fraction, a scale word applied, and
    negative when either the text or the model wrote it so ("-1 °C"; a deceleration as ``a = -2``)."""
    new = float(abs(m.value)) * (0.01 if m.percent else m.scale)
    return -new if (m.value < 0 or p.value < 0) else new


def bind(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """``program`` with misbound parameters moved (see the module docstring), and the moves."""
    params = parse_parameters(program)
    if not params:
        return program, []
    raw, text = text, " ".join(text.split())
    mentions = [m for m in find_numbers(text) if not m.word]
    words = [unit_word(text, m, mentions) for m in mentions]
    said = [unit_key(w) for w in words]
    units = {p.name: unit_key(p.unit) for p in params}
    moves: list[Rebinding] = []
    for p in params:
        unit = units[p.name]
        now = _sources(p, mentions)
        if not unit or not now or any(said[i] == unit for i in now):
            continue  # no unit to go by, not a number of the text, or already one in its unit
        others = {units[q.name] for q in params if q.name != p.name}
        if not all(said[i] and said[i] in others for i in now):
            continue  # its number might still be meant for it
        fits = [i for i, u in enumerate(said) if u == unit]
        if len(fits) > 1:
            # "charging from 0 V on a 9 V supply": a zero is where something starts, which
            # programs leave implicit, so a non-zero number of the unit is the candidate
            fits = [i for i in fits if mentions[i].value != 0]
        if len(fits) != 1:
            continue  # no number in its unit, or several: the model's choice stands
        m = mentions[fits[0]]
        was = now[0]
        moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem gives {m.written} {words[fits[0]]}; "
                                                     f"{mentions[was].written} is in {words[was]}"))
    # each rule sees the program as the rules before it left it
    program, params = _apply(program, params, moves)
    made_up = _made_up(text, program, params, mentions, words, said)
    program, params = _apply(program, params, made_up)
    shared = _shared(text, params, mentions, words, said)
    program, params = _apply(program, params, shared)
    beside = _beside(text, params, mentions, said)
    program, params = _apply(program, params, beside)
    coefficients = _coefficients(text, params)
    program, params = _apply(program, params, coefficients)
    table = _table(raw, params)  # lines matter: a list of products, then "Available per day: ..."
    program, _ = _apply(program, params, table)
    return program, moves + made_up + shared + beside + coefficients + table


def _apply(program: str, params: list[Parameter], moves: list[Rebinding]) -> tuple[str, list[Parameter]]:
    """The program with ``moves`` made, and its parameters."""
    if not moves:
        return program, params
    program = set_parameters(program, {mv.name: mv.new for mv in moves})
    return program, parse_parameters(program)


def _made_up(text: str, program: str, params: list[Parameter], mentions: list[Mention], words: list[str],
             said: list[str]) -> list[Rebinding]:
    """Rule 3: a value the text does not give, and one number in the parameter's unit left unused."""
    from .verify import (
        ground,  # the verifier's notion of "not given" (conventions such as 12 months excluded)
    )

    invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
    used = {i for p in params for i in _sources(p, mentions)}
    by_unit: dict[str, list[Parameter]] = {}
    for p in params:
        if p.name in invented and p.value != 0 and (unit := unit_key(p.unit)):
            by_unit.setdefault(unit, []).append(p)
    moves = []
    for unit, group in by_unit.items():
        fits = [i for i, u in enumerate(said) if u == unit]
        if len(group) != 1 or len(fits) != 1 or fits[0] in used:
            continue  # several made-up values, several numbers, or the one number is taken
        p, m = group[0], mentions[fits[0]]
        moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem does not give {fmt_value(p.value)}; "
                                                     f"its one number in {words[fits[0]]} is {m.written}, unused"))
    return moves


def _shared(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
            said: list[str]) -> list[Rebinding]:
    """Rule 2: one number of the text taken by more parameters of its unit than it is written."""
    sources = {p.name: _sources(p, mentions) for p in params}
    used = {i for found in sources.values() for i in found}
    groups: dict[tuple[int, ...], list[Parameter]] = {}
    for p in params:
        if sources.get(p.name):
            groups.setdefault(tuple(sources[p.name]), []).append(p)
    moves = []
    for written, group in groups.items():
        if len(group) <= len(written):
            continue  # the text writes this number as often as the program uses it
        for unit in dict.fromkeys(unit_key(p.unit) for p in group):
            takers = [p for p in group if unit and unit_key(p.unit) == unit]
            free = [i for i, u in enumerate(said) if u == unit and i not in used]
            if len(takers) < 2 or len(free) != 1:
                continue
            m = mentions[free[0]]
            fit = [fit_score(p, text, m, mentions) for p in takers]
            if fit.count(max(fit)) != 1:
                continue  # the words around the free number do not single one out
            p = takers[fit.index(max(fit))]
            moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem gives {m.written} {words[free[0]]} "
                                                         f"and {p.name} matches its words; "
                                                         f"{mentions[written[0]].written} is taken"))
    return moves


#: Rule 4's evidence: the least fit of the free number, and its least lead over the taken one.
BESIDE_MIN_FIT = 3
BESIDE_MARGIN = 2


def _beside(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 4: a number no parameter uses, with one parameter's words around it, written in
    that parameter's unit (or the parameter has none: a count)."""
    sources = {p.name: _sources(p, mentions) for p in params}
    free = free_numbers(text, params, mentions)
    fit = {(j, p.name): fit_score(p, text, mentions[j], mentions, sentence=True) for j in free for p in params}
    moves: dict[str, Rebinding] = {}
    for j in free:
        m = mentions[j]
        fits = [fit[j, p.name] for p in params]
        best = max(fits)
        if best < BESIDE_MIN_FIT or fits.count(best) != 1:
            continue  # too few of its words, or two parameters fit it alike
        p = params[fits.index(best)]
        if any(fit[i, p.name] > best - BESIDE_MARGIN for i in free if i != j):
            continue  # "a 2 kg and a 3 kg mass": another free number fits it almost as well
        if unit_key(p.unit) not in {said[j], "", "1"}:
            continue  # "The barometer read 998 hPa at the time" is no time of a reading in [min]
        if not sources[p.name] or p.name in moves:
            continue  # a value the text does not give is rule 3's; one move per parameter
        taken = max(fit_score(p, text, mentions[i], mentions, sentence=True) for i in sources[p.name])
        if best >= taken + BESIDE_MARGIN:
            moves[p.name] = Rebinding(p.name, p.value, _value(m, p),
                                      f"the words of {p.name} are beside {m.written} ({best} against {taken} "
                                      f"beside the {mentions[sources[p.name][0]].written} it took)")
    return list(moves.values())


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: One term of a polynomial as texts write it: "0.05t²", "3t^2", "4x", "t", "12" (a bare "a" or
#: "i" is a word, and "x'" a derivative).
_TERM = rf"(?:{_NUM}·?)?(?:[b-hj-z]|(?<=[\d·])[ai])(?:\^\d|[²³])?(?![\w('’])|{_NUM}(?!\d|[.,]\d|·|[a-z('’])"
#: Two or more terms joined by + or - (an optional leading sign), in one variable, not inside
#: a bracket that multiplies ("17(p − 31)").
_POLY = re.compile(rf"(?<![\w.^·])(?<![\w·]\()([-−]\s*)?(?:{_TERM})(?:\s*[-+−]\s*(?:{_TERM}))+(?![·(])")
_COEF_OF = re.compile(r"^(?:coefficient of ([a-z])(?:\^(\d))?|constant term)(?: of (\w+))?\b")
_POWERS = {"²": 2, "³": 3}


def polynomials(text: str) -> list[tuple[str, str, dict[int, float]]]:
    """The polynomials a text writes in one variable: (name it is given or "", variable,
    {power: coefficient}); "V(t) = 0.02t³ − 0.28t² + 4t + 427" gives ("V", "t", {3: 0.02,
    2: -0.28, 1: 4.0, 0: 427.0})."""
    out = []
    for m in _POLY.finditer(text):
        variables: set[str] = set()
        coef: dict[int, float] = {}
        for sign, num, var, power in re.findall(rf"([-+−]?)\s*({_NUM})?\s*·?\s*([a-z]?)(\^\d|[²³])?(?![\d.,])",
                                                m.group(0)):
            if not num and not var:
                continue
            k = 0 if not var else (_POWERS[power] if power in _POWERS else int(power[1:]) if power else 1)
            if var:
                variables.add(var)
            if k in coef:
                break  # "x + x": not a polynomial in normal form
            coef[k] = (-1 if sign in "-−" and sign else 1) * (float(num.replace(",", "")) if num else 1.0)
        else:
            if len(variables) == 1 and max(coef) >= 1:
                head = re.search(r"(\w+)\s*(?:\(\s*[a-z]\s*\))?\s*=\s*$", text[:m.start()])
                out.append((head.group(1) if head else "", variables.pop(), coef))
    return out


def _coefficients(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 5: a "coefficient of t^2" parameter takes that coefficient of the text's polynomial."""
    polys = None
    moves = []
    for p in params:
        m = _COEF_OF.match(p.description.strip().lower())
        if not m:
            continue
        polys = polynomials(text) if polys is None else polys
        var, power, of = m.group(1), int(m.group(2) or (1 if m.group(1) else 0)), m.group(3)
        found = [c for name, v, c in polys if (var is None or v == var) and (of is None or name.lower() == of)]
        if len(found) != 1 and of is not None:
            found = [c for name, v, c in polys if var is None or v == var]  # "of V" written "y = ..."
        if len(found) != 1:
            continue  # no polynomial in that variable, or several: the model's choice stands
        new = found[0].get(power, 0.0)
        if not math.isclose(new, p.value, rel_tol=1e-9, abs_tol=1e-12):
            moves.append(Rebinding(p.name, p.value, new, f"the problem's polynomial has {fmt_value(new)} as its "
                                                         f"{p.description.strip()}"))
    return moves


# -- rule 6: the cells of a table of items and resources ----------------------------------------

#: "cutting time per jacket", "nitrogen in GreenFix", "oven time per tray of bread": a resource,
#: then an item.
_CELL = re.compile(r"^(?P<res>.+?)\s+(?:per|in|for|of)\s+(?P<item>.+)$", re.IGNORECASE)
#: Words that do not tell one resource or item from another ("cutting time available", "per
#: tray of bread").
_GENERIC = frozenset(w[:4] for w in (
    "available", "time", "total", "maximum", "minimum", "limit", "capacity", "needed", "required", "used",
    "amount", "number", "hours", "minutes", "week", "weekly", "daily", "day", "month", "year", "unit", "units",
    "each", "every", "one", "the", "and", "product", "item", "season", "period", "batch", "shift", "quarter",
    "semester", "term"))
#: Words a text uses for a resource that programs name otherwise ("earns me 100 euros").
_SYNONYM = {"earn": "prof", "gain": "prof", "marg": "prof", "pric": "cost", "poin": "scor"}
#: The words of a text around a number that may name its resource.
_RES_AFTER, _RES_BEFORE = 5, 4
_CLAUSE = re.compile(r"[.?!](?=\s|$)")
_LIST_LINE = re.compile(r"^\s*(?:[-*•|]|\d{1,2}[.)])\s")
_PART = re.compile(r"[,;()]|(?<=\s)-\s")
#: Resources a bare amount of money is ("oatmeal: £0.95/serving").
_MONEY = frozenset({"cost", "prof", "reve", "char"})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")


def _list_breaks(text: str) -> list[int]:
    """Where a line of a list, or a blank line, begins or ends: a sentence ends there even
    without a full stop (a wrapped line of prose does not end one)."""
    out, pos = [], 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        listy = bool(_LIST_LINE.match(line)) or not line.strip()
        after = k + 1 < len(lines) and (bool(_LIST_LINE.match(lines[k + 1])) or not lines[k + 1].strip())
        pos += len(line) + 1
        if listy or after:
            out.append(pos)
    return out


def _stem(word: str) -> str:
    """A word's first four letters, one spelling per resource ("earns" -> "prof")."""
    w = word.lower()[:4]
    return _SYNONYM.get(w, w)


def _stem_set(words: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in re.findall(r"[a-z]{3,}", words.lower())) - _GENERIC


def _cell(p: Parameter) -> tuple[frozenset[str], frozenset[str]] | None:
    """(resource stems, item stems; none for a capacity) of a parameter described as a table
    cell ("cutting time per jacket") or a capacity ("cutting time available per day")."""
    m = _CELL.match(p.description.strip())
    if not m:
        return None
    res = _stem_set(m.group("res"))
    item = frozenset() if m.group("item").split()[-1].lower() in _UNIT else _stem_set(m.group("item"))
    return (res, item) if res else None


Cell = tuple[frozenset[str], frozenset[str]]


def table_cells(params: list[Parameter]) -> tuple[dict[str, Cell], set[Cell]]:
    """The parameters of a linear program's table, {name: (resource, item)} (a capacity has no
    item), and its cells: four or more, each item with two or more resources and each resource
    with two or more items; ({}, set()) when the program has no such table."""
    cells = {p.name: c for p in params if (c := _cell(p)) is not None}
    # the words that tell the items apart ("bread" and "muffins" of "tray of ...")
    shared = frozenset.intersection(*[c[1] for c in cells.values() if c[1]] or [frozenset()])
    cells = {name: (r, i - shared) for name, (r, i) in cells.items()}
    pairs = {c for c in cells.values() if c[1]}
    for _ in range(2):
        pairs = {(r, i) for r, i in pairs if sum(i2 == i for _, i2 in pairs) >= 2
                 and sum(r2 == r for r2, _ in pairs) >= 2}
    if len(pairs) < 4:
        return {}, set()
    resources = {r for r, _ in pairs}
    return {name: c for name, c in cells.items() if c in pairs or (not c[1] and c[0] in resources)}, pairs


def _table(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 6: a program of a linear program whose cells ("cutting time per jacket") took the
    numbers of the text in the wrong places (a small model copies the shown example's order).

    Each number of the text gets an item, the nearest item word before it in its sentence or
    line ("jackets (95 EUR profit, 45 minutes of cutting time ..."; none for "The limits are
    1,438 minutes of cutting time"), and a resource, named by the nearest of its words after it
    (or, if none, before it: "a profit of 60 EUR"; "and earns me $130"), not past another
    number, a comma or a bracket; an amount of money with no such words is the one resource of
    money (cost, price, profit), if the table has one. A cell parameter moves to the one number
    with its item and resource; a capacity (no item) to the one number with no item and its
    resource. Only when the program is such a table (:func:`table_cells`), two or more of its
    items are written in the text, and the text gives every cell exactly one number."""
    cells, pairs = table_cells(params)
    if not pairs:
        return []
    items = list(dict.fromkeys(i for _, i in pairs))
    resources = list(dict.fromkeys(r for r, _ in pairs))
    words = [(w.start(), _stem(w.group(0))) for w in _WORD_RE.finditer(text)]
    owners = {w: [i for i in items if w in i] for _, w in words}
    if len({i for _, w in words for i in owners[w] if len(owners[w]) == 1}) < 2:
        return []  # the program's items are not the text's (names copied from the example)
    mentions = [m for m in find_numbers(text) if not m.word]
    ends = [e.end() for e in _CLAUSE.finditer(text)] + _list_breaks(text)
    algebra = _algebra(text, words, owners, resources, ends)
    grid = _grid(text, owners, resources)
    kinds: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
    for j, m in enumerate(mentions):
        if m.value == 0 or after_per(text, m):
            continue
        if (kind := algebra(m) or grid(m)) is not None:
            if kind:
                kinds.setdefault(kind, []).append(j)
            continue
        lo = max([0] + [e for e in ends if e <= m.start])
        hi = min([len(text)] + [e for e in ends if e > m.start])
        owner = next((owners[w][0] for s, w in reversed(words) if lo <= s < m.start and len(owners[w]) == 1),
                     frozenset())
        # not past another number nor a comma: "oatmeal: 1.75 CHF/serving, protein 15 g/serving"
        near_lo, near_hi = between(text, m, mentions)
        stop = _PART.search(text, m.end, min(hi, near_hi))
        after = [w for s, w in words if m.end <= s < (stop.start() if stop else min(hi, near_hi))][:_RES_AFTER]
        start = max([lo, near_lo] + [x.end() for x in _PART.finditer(text, max(lo, near_lo), m.start)])
        before = [w for s, w in words if start <= s < m.start][-_RES_BEFORE:]
        # the resource word nearest the number, after it first: "earns me $130" after "4 hours of finishing"
        for w in after + before[::-1]:
            named = [r for r in resources if w in r]
            if named:
                if len(named) == 1:
                    kinds.setdefault((named[0], owner), []).append(j)
                break
        else:
            money = [r for r in resources if r & _MONEY]
            if len(money) == 1 and is_money(text, m):
                kinds.setdefault((money[0], owner), []).append(j)
    if any(len(kinds.get(c, [])) != 1 for c in pairs):
        return []  # the text is not read as that table (a cell with no number or with several)
    moves = []
    for p in params:
        c = cells.get(p.name)
        found = kinds.get(c) if c is not None else None
        if not found or len(found) != 1:
            continue  # a capacity with no number of its kind, or several: the model's choice stands
        m = mentions[found[0]]
        if gives(m, p):
            continue
        moves.append(Rebinding(p.name, p.value, _value(m, p),
                               f"{m.written} is the text's {p.description.strip()}"))
    return moves


#: "x1 = jackets", "x2 kg of soybean meal": where a variable of an algebraic program is named.
_VAR = re.compile(r"\b([a-z]_?\d)\b")
#: A coefficient: the number right before a variable ("90·x1", "15 x2", "0.6*x1").
_COEF = re.compile(r"\s*[·*×]?\s*([a-z]_?\d)\b")
_RELATION = re.compile(r"[≤≥<>=]")
_ROW_END = re.compile(r";|\bsubject to\b|\bs\.t\.", re.IGNORECASE)


def _algebra(text: str, words: list[tuple[int, str]], owners: dict[str, list[frozenset[str]]],
             resources: list[frozenset[str]], ends: list[int]):
    """For a linear program the text writes in algebra ("x1 = jackets ... maximize the profit
    90·x1 + 25·x2 (in EUR) subject to 15·x1 + 10·x2 ≤ 1,513 (cutting time, minutes); ..."):
    a function giving a number's (resource, item) there: a coefficient of ``x1`` has the item
    ``x1`` names and the resource its row names (the words of the row outside the terms), the
    right-hand side of a row that row's resource and no item; ``()`` for a number of such a row
    that cannot be read, None for a number outside the algebra (read as prose)."""
    named: dict[str, frozenset[str]] = {}
    for v in _VAR.finditer(text):
        if v.group(1) in named or _COEF.match(text[max(0, v.start() - 2):v.end()]) and \
                re.search(r"[\d·*×]\s*$", text[:v.start()]):
            continue  # the variable's first appearance is its definition; a term is none
        span = text[v.end():v.end() + 60]
        span = span[: next((x.start() for x in re.finditer(r"[,;)(]|\band\b", span)), len(span))]
        found = [owners[w][0] for s, w in words if v.end() <= s < v.end() + len(span) and len(owners.get(w, [])) == 1]
        if found:
            named[v.group(1)] = found[0]
    if len(named) < 2:
        return lambda m: None
    seps = sorted(set(ends + [p for x in _ROW_END.finditer(text) for p in (x.start(), x.end())]))

    def row(pos: int) -> tuple[int, int]:
        return max([0] + [e for e in seps if e <= pos]), min([len(text)] + [e for e in seps if e > pos])

    def kind(m):
        lo, hi = row(m.start)
        terms = [(t.start(), t.end()) for t in re.finditer(r"\d[\d,.]*\s*[·*×]?\s*[a-z]_?\d\b", text[lo:hi])]
        if not terms:
            return None
        res = {r for s, w in words if lo <= s < hi and not any(a <= s - lo < b for a, b in terms)
               for r in resources if w in r}
        if len(res) != 1:
            return ()
        coef = _COEF.match(text, m.end)
        if coef:
            return (res.pop(), named[coef.group(1)]) if coef.group(1) in named else ()
        rel = _RELATION.search(text, lo, m.start)
        return (res.pop(), frozenset()) if rel else ()

    return kind


def _grid(text: str, owners: dict[str, list[frozenset[str]]], resources: list[frozenset[str]]):
    """For a Markdown table (``| tables | 3 | 1 | 120 dollars |`` under ``| product | carpentry
    (hours per unit) | finishing | profit per unit |``): a function giving a number's (resource,
    item) there: the item its row's first cell names (none: "available"), the resource its
    column's header names; ``()`` for a cell that cannot be read, None outside a table."""
    cells: list[tuple[int, int, frozenset[str], frozenset[str] | None]] = []  # start, end, item, resource
    header: list[set[frozenset[str]]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        row = line.strip()
        if not (row.startswith("|") and row.endswith("|")):
            header = []
            continue
        parts = row.strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") for c in parts):
            continue  # the rule under the header
        stems = [[_stem(w) for w in _WORD_RE.findall(c)] for c in parts]
        if not header:
            header = [{r for r in resources if set(ws) & r} for ws in stems]
            continue
        first = {i for w in stems[0] for i in owners.get(w, []) if len(owners.get(w, [])) == 1}
        item = first.pop() if len(first) == 1 else frozenset()
        at = start + line.index("|") + 1
        for k, c in enumerate(parts):
            res = header[k] if k < len(header) else set()
            cells.append((at, at + len(c), item, next(iter(res)) if len(res) == 1 else None))
            at += len(c) + 1

    def kind(m):
        for a, b, item, res in cells:
            if a <= m.start < b:
                return (res, item) if res is not None else ()
        return None

    return kind
