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

Units are compared after spelling them alike (``hours`` = ``h``, ``litres`` = ``L``, ``%``,
``m/s²`` = ``m/s^2``, ``kΩ`` = ``kOhm``, ``µF`` = ``uF``, ``cookies`` = ``cookie``).
Everything else (numbers without a unit, several candidates) is left to the model: a wrong
move would turn a right program wrong. ``benchmarks/bind.py`` measures it: on the
2,069 reference programs of the retrieval bank it moves nothing, and the report names every
move (:class:`Rebinding`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .contract import Parameter, parse_parameters, set_parameters
from .quantities import Mention, between, find_numbers, fit_score, fmt_value, gives

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
    after = text[m.end:between(text, m, mentions)[1]].split()
    return after[0].rstrip(".,;:?!)") if after else ""


def _sources(p: Parameter, mentions: list[Mention]) -> list[int]:
    """The (non-zero) numbers of the text that give ``p`` its value."""
    return [i for i, m in enumerate(mentions) if m.value != 0 and gives(m, p)]


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
    text = " ".join(text.split())
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
    program, _ = _apply(program, params, shared)
    return program, moves + made_up + shared


def _apply(program: str, params: list[Parameter], moves: list[Rebinding]) -> tuple[str, list[Parameter]]:
    """The program with ``moves`` made, and its parameters."""
    if not moves:
        return program, params
    program = set_parameters(program, {mv.name: mv.new for mv in moves})
    return program, parse_parameters(program)


def _made_up(text: str, program: str, params: list[Parameter], mentions: list[Mention], words: list[str],
             said: list[str]) -> list[Rebinding]:
    """Rule 3: a value the text does not give, and one number in the parameter's unit left unused."""
    from .verify import ground  # the verifier's notion of "not given" (conventions such as 12 months excluded)

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
