"""Quantities written in a problem text, and how a program's parameters relate to them.

Shared by classroom exercises (which rewrite the numbers of a text), the verify stage (which
asks whether a program used the numbers the problem gives), quoted prompts and the bind stage
(which number fits which parameter: :func:`fit_score`; how many times a year interest is added:
:func:`frequencies`, which retrieval reads too) and grounded decoding (which literals a program
may write: :func:`given_literals`). Recognises ``2,500``, ``4.8%``, ``1.2 million``,
``$50k``, ``.5``, signs, and small numbers written as words.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .contract import Parameter

# ---- numbers in the problem text -------------------------------------------------------------

_NUM = re.compile(
    r"(?<![\w.,])"                                   # not inside a word, decimal or digit group
    r"(?P<sign>[-\u2212](?=[\d.]))?"
    # (Indian digit groups, "₹2,50,000", "1,20,50,000": lakhs and crores in pairs of digits)
    r"(?P<core>(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[eE][-+\u2212]?\d+)?)"
    r"(?![\d]|[.,]\d|st\b|nd\b|rd\b|th\b)"          # the whole number; not an ordinal
)
_PCT = re.compile(r"\s?(%|percent\b|per\s?cent\b)", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\s(thousand|million|billion|trillion|lakhs?|crores?)\b", re.IGNORECASE)
_SCALE_ABBR = re.compile(r"(k|K|M|bn)\b")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,  # Indian English
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
# ("half-life" names a time, not a half of something)
_FIXED_WORD = re.compile(r"\b(" + "|".join(_FIXED_WORDS) + r")\b(?![- ]?li(?:fe|ves)\b)", re.IGNORECASE)
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
    def scientific(self) -> bool:
        """Written in scientific notation (``8e-05``, ``1.5E3``)."""
        return not self.word and "e" in self.written.lower()

    @property
    def mantissa(self) -> str:
        """The digits before the exponent (the whole number when there is none)."""
        return self.written.lower().split("e")[0] if self.scientific else self.written

    @property
    def decimals(self) -> int:
        m = self.mantissa
        return len(m.split(".")[1]) if "." in m else 0

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
            value = Decimal(core.replace(",", "").replace("\u2212", "-"))
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
        elif (am := _SCALE_ABBR.match(rest)) and m.start() > 0 and text[m.start() - 1] in CURRENCY_SIGNS:
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
    # "to two decimals", "3 significant figures": how to write the answer, and "1. What is ...",
    # "(b) ..." the label of a question in a list: no numbers of the problem
    labels = {m.start("n") for m in _LABEL.finditer(text)}
    # "carbon-14", "cobalt-60": an isotope's mass number is part of its name, no quantity
    labels |= {m.start("n") for m in _ISOTOPE.finditer(text)}
    return sorted((x for x in out if not _FORMAT.match(text, x.end) and x.start not in labels), key=lambda x: x.start)


#: An isotope written as element-mass number: "carbon-14", "technetium-99m", "Cs-137".
_ISOTOPE = re.compile(r"\b(?:(?i:hydrogen|carbon|nitrogen|oxygen|fluorine|sodium|phosphorus|sulfur|sulphur|"
                      r"chlorine|potassium|calcium|chromium|iron|cobalt|nickel|copper|zinc|gallium|selenium|krypton|"
                      r"rubidium|strontium|technetium|silver|indium|iodine|xenon|cesium|caesium|gold|thallium|lead|"
                      r"bismuth|polonium|radon|radium|thorium|uranium|plutonium|americium)|"
                      r"C|Co|Cs|Sr|Tc|I|Ra|Rn|Pu|Am|Th|Po|U)-(?P<n>\d{1,3})m?\b")


#: A question's number at the start of a line: "1. What is", "2) How many".
_LABEL = re.compile(r"^[ \t]*(?P<n>\d{1,2})[.)][ \t]+(?=[A-Z(])", re.MULTILINE)


#: What follows a number that says how precisely to give the answer.
_FORMAT = re.compile(r"\s*(?:decimals?|decimal (?:places?|digits?)|significant (?:figures?|digits?))\b",
                     re.IGNORECASE)
#: Signs written before an amount of money ("$150", "€4.50").
CURRENCY_SIGNS = "$€£¥₹"
#: Words and codes written after an amount of money ("840,000 dollars", "12 CHF", "20 cents").
_MONEY_WORDS = frozenset({"dollar", "dollars", "usd", "eur", "euro", "euros", "gbp", "pound", "pounds",
                          "chf", "franc", "francs", "yen", "jpy", "cad", "aud", "inr", "rupee", "rupees",
                          "cents"})
_WORD_AFTER = re.compile(r"\s*([a-z]+)")


def is_money(text: str, m: Mention) -> bool:
    """Whether the number ``m`` of ``text`` is an amount of money: after a currency sign, or
    before a currency word or code."""
    after = _WORD_AFTER.match(text[m.end:].lower())
    return (m.start > 0 and text[m.start - 1] in CURRENCY_SIGNS) or bool(after and after.group(1) in _MONEY_WORDS)


def between(text: str, m: Mention, mentions: list[Mention]) -> tuple[int, int]:
    """The span around mention ``m`` up to its neighbouring numbers (or the ends of ``text``)."""
    lo = max((o.end for o in mentions if o.end <= m.start), default=0)
    hi = min((o.start for o in mentions if o.start >= m.end), default=len(text))
    return lo, hi


#: Words before a number that make it a denominator ("per 1,000 ft", "every $1", "each £1").
_PER = frozenset({"per", "every", "each"})


#: A ratio's other part after "for every": "Ines gets 3 parts for every 4 that Vera gets".
_RATIO_EVERY = re.compile(r"\bparts?\s+for\s+every\s*$", re.IGNORECASE)


def after_per(text: str, m: Mention) -> bool:
    """Whether the number is a denominator ("per 1,000 ft", "every $1"), which programs leave
    implicit; not a ratio's part ("3 parts for every 4 that Vera gets")."""
    head = text[:m.start].rstrip(" $€£¥₹")
    before = head.split()
    return bool(before) and before[-1].lower().strip("(:") in _PER and not _RATIO_EVERY.search(head)


def _stems(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"[a-z]{3,}", text.lower())}


_SENTENCE_END = re.compile(r"[.?!:;](?=\s)")


_JOIN = re.compile(r"\s(?:with|and|while|whereas|but|plus|when)\s|[,;]\s", re.IGNORECASE)


#: Words that give how often a year something happens: interest compounded or credited, payments.
_EVERY = {
    2: r"semi-?annual(?:ly)?|bi-?annual(?:ly)?|half-?year(?:ly)?|twice (?:a|per|each) year|twice yearly|"
       r"every (?:six|6) months|every half[- ]year",
    4: r"quarterly|(?:every|each|per) quarter|every (?:three|3) months",
    12: r"monthly|(?:every|each|per|once a) month",
    26: r"bi-?weekly|fortnightly|every (?:two|2) weeks|every fortnight",
    52: r"weekly|(?:every|each|per|once a) week",
    365: r"daily|(?:every|each|per|once a) day",
    1: r"annually|yearly|(?:every|each|per|once a) year|per annum",
}
_EVERY_RE = re.compile("|".join(rf"(?P<n{n}>\b(?:{words})\b)" for n, words in _EVERY.items())
                       + r"|\b(?P<times>\d+|two|three|four|six|twelve) times (?:a|per|each) year\b", re.IGNORECASE)
_TIMES = {"two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
#: Where such a word says how often interest is added ("compounded quarterly", "credited every
#: three months", "with weekly compounding"); "pays 1.75% annually" names the rate's unit, not that.
#: (Interest "charged monthly" or "calculated monthly" on a loan is added as well; a fee "charged
#: per month" is not interest.)
_COMPOUNDING = re.compile(r"\b(?:compound\w*|credit\w*|paid|add(?:s|ed|ing)?|appl(?:y|ies|ied)|accru\w*)\b|"
                          r"\binterest\s+(?:is\s+|being\s+)?(?:charged|calculated|computed)\b", re.IGNORECASE)
_COMPOUNDING_AFTER = re.compile(r"\s+(?:compounding|compounded|interest)\b", re.IGNORECASE)


def frequencies(text: str) -> set[int]:
    """How many times a year the text says interest is added: 4 for "compounded quarterly",
    "credited every three months" or "with quarterly compounding", 2 for "twice a year", 6 for
    "6 times a year". Only beside such a word: "pays 1.75% annually" names the rate's unit and
    "monthly deposits" how often money is paid in."""
    out = set()
    for m in _EVERY_RE.finditer(text):
        n = (_TIMES.get(m["times"].lower()) or int(m["times"])) if m.lastgroup == "times" else int(m.lastgroup[1:])
        # (the verb can stand 30 characters before: "adds the interest at the end of each year")
        clause = re.split(r"[,;.?!]", text[max(0, m.start() - 40):m.start()])[-1]
        if _COMPOUNDING.search(clause) or (n != 1 and _COMPOUNDING_AFTER.match(text, m.end())):
            # "compounded daily" on a 360-day year (a bank's convention) where the text says so
            out.add(360 if n == 365 and re.search(r"\b360\b", text) else n)
    return out


def fit_score(p: Parameter, text: str, m: Mention, mentions: list[Mention], *, sentence: bool = False) -> int:
    """How well a mention fits a parameter: its unit right after the number counts 2, and each
    word of the parameter's description among the words around the number (up to 4 on each
    side, not past another number, nor past the end of its sentence when ``sentence``) counts 1."""
    near, said = words_around(text, m, mentions, sentence=sentence)
    unit = p.unit.replace("*", "·").replace(" ", "").lower()
    return 2 * bool(unit and said == unit) + len(_stems(f"{p.description} {p.name}") & _stems(near))


def words_around(text: str, m: Mention, mentions: list[Mention], *, sentence: bool = False) -> tuple[str, str]:
    """The words around a mention that :func:`fit_score` reads, and the word right after it
    (lower case: its unit, if any)."""
    lo, hi = between(text, m, mentions)
    if sentence:
        lo = max([lo] + [e.end() for e in _SENTENCE_END.finditer(text, lo, m.start)])
        hi = next((e.start() for e in _SENTENCE_END.finditer(text, m.end, hi)), hi)
    right = text[m.end:hi]
    if any(o.start == hi for o in mentions):
        # the words that lead into the next number are its own: "at £110.67 each with a variable
        # cost of £39.00" describes 39.00 as the variable cost, not 110.67
        join = _JOIN.search(right)
        right = right[:join.start()] if join else right
    after = right.split()
    # a currency sign is no word ("fixed monthly costs of $25,300")
    near = " ".join([w for w in text[lo:m.start].split() if w.strip("$€£¥₹")][-4:] + after[:4])
    return near, (after[0] if after else "").rstrip(".,;:?!)").replace("*", "·").lower()


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


def gives(m: Mention, p: Parameter) -> bool:
    """Whether the number ``m`` of the text gives ``p`` its value (as written, as a percentage,
    scaled, or with the sign the model chose; see :func:`value_factors`)."""
    return any(math.isclose(abs(p.value), abs(float(m.value * f)), rel_tol=1e-9) for f in value_factors(m, p))


#: Conversion constants that a problem's story depends on ("12 payments a year" is "monthly").
_CALENDAR = {4, 7, 12, 24, 52, 60, 360, 365, 366, 100, 1000}
_CONSTANT_WORDS = re.compile(r"gravit|speed of light|gas constant|avogadro|planck|boltzmann|coulomb|"
                             r"permittiv|permeab|elementary charge|universal constant", re.IGNORECASE)
_KNOWN_CONSTANTS = {9.81, 9.8, 9.80665, 3e8, 299792458, 6.674e-11, 8.314, 1.602e-19, 6.022e23}
_CALENDAR_WORDS = re.compile(r"month|quarter|week|daily|day|hour|minute|second|annual|compound|"
                             r"per year|a year|periods?|(?<!con)cent|milli|kilo", re.IGNORECASE)  # (no "concentration")


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


# ---- literals a program may write for a problem (grounded decoding) ---------------------------

#: Numbers a program may state although the text does not: small counts, calendar and unit
#: conversion factors (lb, in, ft, mi, gal, cal, atm, °F), physical constants (g, R, c, and the
#: mantissas of G, e and N_A for ``6.674e-11``): the conventions the verifier does not flag.
CONVENTION_LITERALS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 30, 31, 52, 60, 100, 360, 365, 366,
                       1000, 3600, 10**6, 0.5, 0.25, 9.81, 9.8, 9.80665, 273.15, 32, 1.8, 0.45359237,
                       2.20462, 0.0254, 2.54, 0.3048, 3.28084, 1.609344, 0.621371, 3.78541, 0.44704,
                       4.184, 101325, 8.314, 299792458, 6.674, 1.602, 6.022)
#: Factors between a number of the text and the literal a program writes for it: as written,
#: hecto (2 m -> 200 cm), kilo/milli/mega/micro, minutes, hours.
_LITERAL_FACTORS = (1, 100, 1e3, 1e-3, 1e6, 1e-6, 60, 1 / 60, 3600, 1 / 3600)
#: A centi unit right after a number: only then is it also divided by 100 (7 cm -> 0.07 m,
#: 5 cents -> 0.05 dollars). For any number it would let a "5-year loan" give the rate 0.05.
_CENTI = re.compile(r"\s?(cm\b|centimet|cents?\b|¢|cl\b|centilit)", re.IGNORECASE)


def literal_text(value: float) -> str:
    """The canonical decimal spelling of a literal's magnitude: ``0.055``, ``1200000``, ``2``."""
    x = float(f"{abs(value):.12g}")  # 5.5 / 100 is 0.055, not 0.05500000000000001
    out = format(Decimal(repr(x)), "f")  # positional: 1.2e-06 -> 0.0000012
    return (out.rstrip("0").rstrip(".") if "." in out else out) or "0"


def given_literals(text: str) -> frozenset[str]:
    """Canonical spellings (see :func:`literal_text`) of every number a program for ``text`` may
    write as a parameter value: the text's numbers in all the ways a program states them
    (converted, scaled, as a fraction, inverted for "1 in 500") and :data:`CONVENTION_LITERALS`.

    On the 2,069 reference programs of the retrieval bank, 8,149 of 8,154 parameter values are
    in this set (the rest are computed from words: "sold 65% of them", "grows by 20"); what it leaves out is
    what a small model invents or copies from a solved example.
    """
    out = {literal_text(c) for c in CONVENTION_LITERALS}
    for m in find_numbers(text):
        base = abs(float(m.value))
        if m.percent:  # 84% is 84 or 0.84, never 0.084
            out.update((literal_text(base), literal_text(base / 100)))
            continue
        factors = _LITERAL_FACTORS + ((0.01,) if _CENTI.match(text, m.end) else ())
        for v in [base] + ([base * m.scale] if m.scale != 1 else []):
            out.update(literal_text(v * f) for f in factors)
            if v:
                out.add(literal_text(1 / v))
        if m.scientific:  # "8e-05" is written digit by digit: its mantissa first
            out.add(literal_text(abs(float(m.mantissa))))
    return frozenset(out)


class Literals:
    """The literals a program may write for a problem (:func:`given_literals`), with the two
    questions grounded decoding asks while a number is being written digit by digit."""

    def __init__(self, texts: frozenset[str]) -> None:
        self.texts = texts
        self._prefixes = frozenset(t[:i] for t in texts for i in range(1, len(t) + 1))
        self._sorted = sorted(float(t) for t in texts)

    @classmethod
    def of(cls, text: str) -> Literals:
        return cls(given_literals(text))

    def can_continue(self, digits: str) -> bool:
        """Whether ``digits`` (``"0.05"``, ``"140.50"``, ``".5"``) can still become an allowed literal."""
        d = "0" + digits if digits.startswith(".") else digits
        return d in self._prefixes or (d.endswith(".") and d[:-1] in self.texts) or self.complete(digits)

    def complete(self, digits: str) -> bool:
        """Whether ``digits`` is an allowed literal: exactly, or rounded to 3+ significant digits
        (``0.1667`` for 1/6, ``0.333`` for 1/3)."""
        d = _normal(digits)
        if d.rstrip(".") == "0":  # zero is "0" or "0.0"; "0.000" is on its way to another number
            return digits in ("0", "0.", "0.0", ".0")
        return d.rstrip(".") in self.texts or self._rounds(digits)

    def _rounds(self, digits: str) -> bool:
        if "." not in digits:
            return False
        try:
            x = float(digits)
        except ValueError:
            return False
        dec = len(digits.split(".")[1])
        if dec == 0 or len(digits.replace(".", "").lstrip("0")) < 3:
            return False
        half = 0.5 * 10.0 ** -dec * (1 + 1e-9)
        i = bisect.bisect_left(self._sorted, x - half)
        return i < len(self._sorted) and self._sorted[i] <= x + half


def _normal(digits: str) -> str:
    """``.5`` -> ``0.5``, ``140.50`` -> ``140.5``, ``2.0`` -> ``2.``: compare with canonical spellings."""
    d = "0" + digits if digits.startswith(".") else digits
    return d.rstrip("0") if "." in d else d
