"""Quantities written in a problem text, and how a program's parameters relate to them.

Shared by classroom exercises (which rewrite the numbers of a text) and the verify stage
(which asks whether a program used the numbers the problem gives). Recognises ``2,500``,
``4.8%``, ``1.2 million``, ``$50k``, ``.5``, signs, and small numbers written as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .contract import Parameter

# ---- numbers in the problem text -------------------------------------------------------------

_NUM = re.compile(
    r"(?<![\w.,])"                                   # not inside a word, decimal or digit group
    r"(?P<sign>[-\u2212](?=[\d.]))?"
    r"(?P<core>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?![\d]|[.,]\d|st\b|nd\b|rd\b|th\b)"          # the whole number; not an ordinal
)
_PCT = re.compile(r"\s?(%|percent\b|per\s?cent\b)", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\s(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCALE_ABBR = re.compile(r"(k|K|M|bn)\b")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "k": 10**3, "K": 10**3, "M": 10**6, "bn": 10**9}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 10 * i for i, w in enumerate(_TENS) if w}
#: Words that state a value but cannot be rewritten as a number. They still count as places a
#: value is written, so "half an hour later (0.5 h)" keeps 0.5 fixed instead of rewriting
#: only the "0.5" half of the sentence.
_FIXED_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "third": Decimal(1) / Decimal(3),
                "twice": Decimal(2), "double": Decimal(2), "triple": Decimal(3), "thrice": Decimal(3),
                "dozen": Decimal(12)}
_FIXED_WORD = re.compile(r"\b(" + "|".join(_FIXED_WORDS) + r")\b", re.IGNORECASE)
_WORD = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?P<unit>one|two|three|four|five|six|seven|eight|nine)\b"
    r"|\b(?P<single>" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """A number written in the problem text."""

    start: int            # span of the written number (sign and digits, or the word)
    end: int
    written: str          # as written: "1,200.00", "-3", ".5", "three"
    value: Decimal        # the written number's value (sign included, before % or scale)
    percent: bool = False
    scale: int = 1        # 10**6 for "1.2 million"
    word: bool = False
    scale_name: str = ""
    fixed_only: bool = False   # "half", "twice": counts as a mention, is never rewritten
    coefficient: bool = False  # "2x": a coefficient right before a variable

    @property
    def commas(self) -> bool:
        return "," in self.written

    @property
    def decimals(self) -> int:
        return len(self.written.split(".")[1]) if "." in self.written else 0

    @property
    def sig_digits(self) -> int:
        """Significant digits as written (trailing zeros of an integer do not count)."""
        d = abs(self.value).normalize()
        return max(1, len(d.as_tuple().digits)) if d != 0 else 1


def find_numbers(text: str) -> list[Mention]:
    """Every number in ``text`` (digits, percentages, scale words, number words), in order."""
    out: list[Mention] = []
    for m in _NUM.finditer(text):
        core = m.group("core")
        try:
            value = Decimal(core.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
            continue
        if m.group("sign"):
            value = -value
        rest = text[m.end():m.end() + 20]
        mention = Mention(m.start(), m.end(), m.group(0), value,
                          coefficient=bool(re.match(r"[A-Za-z](?![A-Za-z])", rest)))
        if _PCT.match(rest):
            mention.percent = True
        elif (sm := _SCALE_WORD.match(rest)):
            mention.scale, mention.scale_name = _SCALES[sm.group(1).lower()], sm.group(1).lower()
        elif (am := _SCALE_ABBR.match(rest)) and m.start() > 0 and text[m.start() - 1] in "$€£¥":
            # "$50k", "£1.2M": an attached abbreviation counts only after a currency sign
            # (otherwise "5 M" is a concentration and "50k" may be a distance)
            mention.scale, mention.scale_name = _SCALES[am.group(1)], am.group(1)
        out.append(mention)
    for m in _WORD.finditer(text):
        if m.group("single"):
            v = _WORD_VALUES[m.group("single").lower()]
        else:
            v = _WORD_VALUES[m.group("tens").lower()] + _WORD_VALUES[m.group("unit").lower()]
        out.append(Mention(m.start(), m.end(), m.group(0), Decimal(v), word=True))
    for m in _FIXED_WORD.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), _FIXED_WORDS[m.group(1).lower()],
                           word=True, fixed_only=True))
    return sorted(out, key=lambda x: x.start)


def unit_is_percent(p: Parameter) -> bool:
    u = p.unit.strip().lower()
    return u in {"%", "percent", "per cent", "pct"} or u.endswith("%")


def value_factors(m: Mention, p: Parameter) -> list[Decimal]:
    """The ways the mention can give the parameter's value: ``param = written * factor``."""
    if m.percent:
        base = [Decimal("0.01")] + ([Decimal(1)] if unit_is_percent(p) else [])
    elif m.scale != 1:
        unit = f"{p.unit} {p.description}".lower()
        same = m.scale_name in unit or (m.scale_name in {"k", "K"} and "thousand" in unit) \
            or (m.scale_name == "M" and "million" in unit) or (m.scale_name == "bn" and "billion" in unit)
        base = [Decimal(m.scale)] + ([Decimal(1)] if same else [])
    else:
        base = [Decimal(1)]
    if m.value > 0 and not m.written.startswith(("-", "\u2212")):
        # "decelerates at 2 m/s²" for `a = -2`: the text gives the magnitude, the model the sign
        base += [-f for f in base]
    return base


#: Conversion constants that a problem's story depends on ("12 payments a year" is "monthly").
_CALENDAR = {4, 7, 12, 24, 52, 60, 360, 365, 366, 100, 1000}
_CONSTANT_WORDS = re.compile(r"gravit|speed of light|gas constant|avogadro|planck|boltzmann|coulomb|"
                             r"permittiv|permeab|elementary charge|universal constant", re.IGNORECASE)
_KNOWN_CONSTANTS = {9.81, 9.8, 9.80665, 3e8, 299792458, 6.674e-11, 8.314, 1.602e-19, 6.022e23}
_CALENDAR_WORDS = re.compile(r"month|quarter|week|daily|day|hour|minute|second|annual|compound|"
                             r"per year|a year|periods?|cent|milli|kilo", re.IGNORECASE)


def structural_reason(p: Parameter) -> str | None:
    """Why a parameter is a fixed convention rather than a given (12 months a year), or None.

    Varying "payments per year = 12" would contradict "monthly" elsewhere in the text, so
    calendar and unit-conversion counts are kept unless the problem's front matter asks.
    """
    if p.value in _CALENDAR and float(p.value).is_integer() and \
            (_CALENDAR_WORDS.search(p.description) or re.search(r"^1\s*/|per\b", p.unit.strip())):
        return f"a calendar or unit-conversion constant ({fmt_value(p.value)}: {p.description or p.unit})"
    # a natural constant is not a given of the exercise, even when the text states it
    if _CONSTANT_WORDS.search(p.description) or (
            abs(p.value) in _KNOWN_CONSTANTS
            and (p.name in {"g", "g0", "G", "c", "R", "k_B", "N_A", "q_e"}
                 or re.search(r"constant|accelerat", p.description, re.IGNORECASE))):
        return f"a physical constant ({p.description or p.name})"
    return None


def fmt_value(v: float) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"
