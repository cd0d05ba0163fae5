"""Retrieval of solved examples for the prompt: a small knowledge base of modeling patterns.

A small model copies structure well when it sees it, so the prompt carries the nearest solved
problems from a bank of reference programs (``mathllm/data/bank.jsonl``, built from the
training families by ``python -m mathllm.data.bank``). Ranking is Okapi BM25: no extra model
to load, deterministic, and about ten milliseconds for a bank of a few thousand.

Ranking has two steps, because a family's problems share their vocabulary but not their
question (the mean or the standard deviation of a list, the time to reach a voltage or the
voltage after a time). The words of the whole text pick the family; within it, the example
whose question sentence is nearest to the one asked (words and word pairs: "standard
deviation", "at most") wins, so the program the model copies answers the same kind of
question. The kind of question weighs on the family too: "what concentration 4.5 h after the
bolus" and "how long until it falls to 5 mg/L" share their words but not their family, so a
family is ranked by its best example that asks for a time when the query does (and none when it
does not); an example of the other kind keeps only part of its score. Interest compounded within
the year ("compounded quarterly", "credited every month") is a kind too: the program counts the
periods, where "compounded annually" has none to count; and simple interest ("6% simple interest",
"not compounded") is one, whose program multiplies where compound interest raises to a power;
and so is a question about an equilibrium ("at the coexistence equilibrium"), which solves for a
resting state where "how many sardines after 16 years" integrates, and one about the chance of
at least one success ("makes at least one", "one or more"), the complement of none where "exactly
4 of them" is a binomial term (held-out phrasings: same family 96.6% -> 96.8%, same structure
83.3% -> 83.5%; dev 83.0% -> 83.1%, 68.9% -> 69.0%; 2026-12-05, twenty-fourth session), and so is
money paid in or out each period ("a deposit of 300 euros at the end of every month", "monthly
payments"), an annuity, loan or sinking fund where "how much does 2,000 euros grow to ... with
the interest added monthly" is one sum compounding (534 held-out phrasings of 89 families: same
family 96.8% -> 97.2%, same structure 83.5% -> 84.3%; dev 83.1% -> 83.7%, 69.0% -> 69.8%;
twenty-sixth session). A circuit with an inductor (an RLC circuit, where "an uncharged 220 µF
capacitor in series with 4.7 kΩ and a 9 V battery" charges as an RC circuit), an epidemic with
an exposed stage (SEIR, where "the standard SIR model" has none), the damping ratio asked (where
"where is the mass 0.3 s after release" integrates the same spring) are kinds too, a capacitor
"completely discharged" at the start is an uncharged one, and "that maximum concentration" asks
a peak (558 held-out phrasings of 93 families: same family 98.4% and same structure 87.5%
before and after; dev 82.5% -> 83.2%, 70.9% -> 71.3%; thirty-third session). Weighing the
question sentence's match into the ranking of families was tried and not kept: at 0.25 of its
score dev fell 85.1% -> 84.2% (same family), at 0.5 and more held-out phrasings fell too. A
production limit on one item in a text about profit ("can sell at most 30 tables a week", "a
contract requires at least 22 chairs each week", "x2 ≤ 29 (chairs)") is a kind as well, so a
plain production mix keeps its own family's example (thirty-fourth session).
Within the family, a
:func:`profile` of the text counts too: "$3,500 down" and "15% down" ask the same question of
data the program must treat differently, so an example that gives as many percentages and
amounts of money as the query (and as many numbers in °F, mph or ft: a program for "34 °F"
converts, or uses another formula, than one for "1 °C"), and asks for a time when it does, is
preferred. Measured by
``benchmarks/retrieval.py`` on held-out phrasings, the shown example has the reference
program's structure in 55% of problems with whole-text ranking over the former 690-example
bank, 65% with it over the 2,069-example bank, 69.3% with the two steps, 71.7% with the profile
and 73.7% with the kind of question in the family ranking (same family: 91.3% -> 93.7%). On
trained phrasings, where the weights were chosen, 77.8% -> 78.7% -> 78.7%. Over the 2,399-example
bank and 80 families, compounding within the year as a kind: 77.7% -> 78.1% (same family 95.8% ->
96.7%; trained phrasings 66.2% -> 66.8%); numbers in US customary units in the profile: 78.1% ->
79.2% (trained phrasings 66.8% -> 67.4%); the units of measure the text writes in the profile
("100 mL over 60 minutes" is no dose rate in units/h, "25 g/L" converts where "0.025 kg/L" does
not): 79.2% -> 82.1% (trained phrasings 67.4% -> 69.8%).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from .bind import ROUTE_LIMIT, is_measure, unit_key, written_units
from .errors import DataError, MathllmError, UsageError
from .prompt import Example, question_of
from .quantities import find_numbers, frequencies, is_money

BANK_PATH = Path(__file__).parent / "data" / "bank.jsonl"
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset([
    "a", "an", "the", "of", "to", "in", "and", "or", "is", "are", "was", "were", "be", "for", "on", "at",
    "by", "with", "what", "how", "many", "much", "it", "its", "this", "that", "from", "as", "if", "after",
    "per", "each", "his", "her", "their", "your", "you", "we", "i",
])


#: Stop words that still tell questions apart ("at most", "per day", "each").
_KEEP = frozenset({"at", "per", "each"})
#: Weight of the question sentence's similarity when choosing within a family.
QUESTION_WEIGHT = 4.0
#: Weight of the profile's distance when choosing within a family: one percentage or amount
#: more or less, or a time asked where the query asks none, costs as much as a good share of
#: the question's match (chosen on trained phrasings: ``benchmarks/retrieval.py --dev
#: --weights``).
PROFILE_WEIGHT = 30.0
#: Share of its whole-text score an example loses in the ranking of families when it asks for a
#: time and the query does not, or the other way round (likewise for interest compounded within
#: the year): a family is ranked by its best example
#: of the query's kind ("what concentration 4.5 h after the bolus" belongs with the bolus, not
#: with "how long until it falls to"). A share, not a sum, so that a family the words do not
#: match at all never overtakes one they do. With family-level rarity of words, 0.4 to 0.7 give
#: the same best result on trained phrasings and on held-out ones (``benchmarks/retrieval.py
#: --dev``); 0.5 is the middle of that plateau (0.3 was the choice with document-level rarity).
KIND_DISCOUNT = 0.5
#: Extra cost within a family, beyond the profile's, of an example of another kind (it asks for a
#: time when the query does not, compounds monthly where the query compounds yearly, ...). More
#: than any question sentence's match can outweigh, so an example of another kind is shown only
#: where the family has none of the query's: "Find the present value of 25,000 euros ...
#: compounded monthly" is shown an example of another wording compounded monthly, not one of its
#: own wording compounded yearly (whose question scores 69 against 28, times
#: :data:`QUESTION_WEIGHT`). 60, 120, 200 and 1,000 score alike on both benchmark sets
#: (``benchmarks/retrieval.py --dev --weights 30/0.5/60,...``, 2026-12-06).
TIME_WEIGHT = 1000.0


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


def terms(text: str) -> list[str]:
    """Index terms: content words and adjacent word pairs ("standard deviation", "at most")."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1 and (w not in _STOP or w in _KEEP)]
    return words + [f"{a}_{b}" for a, b in pairwise(words)]


#: A question that asks for a duration or a moment ("how long", "how many years until", "when
#: will"). "How many days of the month" counts days, and "grow to when compounded" asks no time.
_ASKS_TIME = re.compile(r"\b(how long|how many (full |whole |complete )?(years|months|weeks|days|hours|minutes|"
                        r"seconds|milliseconds)\b(?! of)|^when\b|\bwhen (will|would|does|do|did|is|are|should)\b|how much time|"
                        r"solve for t\b|for t \(|\b(?:which|what) (?:calendar )?year\b(?![-\w])|\b(?:on|by|after)\s+(?:which|what)\s+(?:day|week|month|hour|minute)\b|for the time\b|after how many|how soon|how old\b|"
                        r"\b(?:its|the|their|what) age\b(?! of \d)|"
                        r"\b(the|elapsed|what|combined) time\b(?! zero)|doubling time|"
                        r"number of (full |whole |complete )?(years|months|weeks|days|hours|minutes|seconds) "
                        r"(needed|required|until|before|it takes|that is enough)|whole number of years)",
                        re.IGNORECASE)


def asks_time(text: str) -> bool:
    """Whether the question of ``text`` asks for a duration or a moment."""
    return bool(_ASKS_TIME.search(question_of(text)))


_TIME = "asks a time"
_COMPOUNDED = "compounded within the year"
_SIMPLE = "simple interest"
_EQUILIBRIUM = "asks an equilibrium"
_RATE = "asks a rate"
_AT_LEAST_ONE = "asks at least one"
_PAYMENTS = "pays each period"
_CONSTANT = "gives a rate constant"
_CONTINUOUS = "continuous"
_INFLATION = "inflation"
_PRESENT = "asks a value today"
_ASKS_THE = "asks the "  # what the question asks for by name: "asks the width", "asks the maximum"
_DISCHARGE = "discharges"
_DAMPING = "asks the damping"
_INDUCTOR = "has an inductor"
_EXPOSED = "has an exposed stage"
_STEADY = "asks the steady state"
_LIMITED = "limits an item"
_USES = "uses resources"
_FRACTIONAL = "fractional amounts"
#: A plan whose amounts may be fractional ("fractional items can be treated as work in progress",
#: "If I can make fractional amounts"): a linear program, where "Only whole items can be made"
#: asks for an integer one on the same data.
_FRACTIONAL_RE = re.compile(r"\bfractional\b|\bnon-?integer\b|\bneed not be (?:whole|integers?)\b|"
                            r"\btreat\w*\s+(?:the\s+)?(?:quantities|amounts|production)\s+as\s+continuous\b", re.IGNORECASE)
_PARCEL = "a rising parcel"
#: A parcel of air that rises and cools adiabatically, saturating at a cloud base ("the dry
#: adiabatic lapse rate", "the cloud base", "becomes saturated"), where "the temperature falls by
#: 6.5 °C per km" describes the air at rest around a mountain: the same lapse-rate words.
_PARCEL_RE = re.compile(r"\badiabatic\w*|\bcloud[- ]base\b|\bsaturat\w*|\bcondensation level\b|\bparcel\b",
                        re.IGNORECASE)
_DEATH = "a death"
#: A body cooling after death ("how long before it was found did death occur"): Newton's cooling
#: run back to the body's normal temperature, where a thermometer carried outside runs forward.
_DEATH_RE = re.compile(r"\bdeath\b|\bdead\b|\bdied\b|\bdeceased\b|\bcorpse\b|\bvictim\b|\bbody\s+(?:is|was)\s+found\b|"
                       r"\bpathologist\b|\bforensic\w*", re.IGNORECASE)
_SAME_RATE = "flows out at the same rate"
#: A tank drained as fast as it is fed ("drains at the same rate", "volume 2,000 L (constant)"):
#: its volume stays, where a tank fed faster than it drains fills (one equation, another volume).
_SAME_RATE_RE = re.compile(r"\bsame rate\b|\bconstant volume\b|\(constant\)|\bvolume (?:stays|remains)\b", re.IGNORECASE)
_TWICE_KEY = "twice"  # a side given as twice another (:data:`_TWICE`)
_ASKS_PAYMENT = "asks the payment"
#: A question about the money paid in or out each period ("How much does he need to deposit each
#: month?", "What is her monthly payment?", "How much must each quarterly deposit be?"): a loan's
#: or a sinking fund's payment, where "how much will I have" after the same deposits is their
#: future value and "how many payments" a time ("What will my monthly payment be": a loan's payment). A text that keeps an aside about money already
#: saved ("The $8,000 he already has ... should be ignored") otherwise takes an example that
#: starts from a balance, of the family that adds the deposits up.
_ASKS_PAYMENT_RE = re.compile(
    r"\bhow much\b(?:(?!\b(?:have(?!\s+to)|be|grow\w*|worth|balance|total|interest|left|owe\w*)\b)[^?.]){0,40}?"
    r"\b(?:deposit|pay|save|put (?:away|aside)|set aside|invest|contribute|repay)\b(?:\s+[\w$€£]+){0,4}?\s+"
    r"(?:each|every|per|a)\s+(?:month|year|week|quarter|fortnight)\b"
    r"|\bhow much (?:must|should|will|would) (?:each|every|the)\s+(?:\w+\s+)?(?:deposit|payment|instal+ment|"
    r"contribution|repayment)s?\s+be\b"
    r"|\b(?:find|calculate|determine|report|compute|give|what\s+is|what.s|what\s+will\s+be|what\s+must\s+be)\s+"
    r"(?:the|his|her|their|my|your)\s+(?:required\s+)?(?:monthly|yearly|annual|weekly|quarterly|level|fixed|equal|"
    r"regular)\s+(?:deposit|payment|instal+ment|contribution|repayment)\b"
    r"|\bwhat\s+(?:monthly|yearly|annual|weekly|quarterly|level|fixed|equal|regular)\s+(?:deposit|payment|"
    r"instal+ment|contribution|repayment)\b"
    r"|\bwhat\s+(?:will|would|should|must)\s+(?:the|his|her|their|my|our|your)\s+(?:monthly|yearly|annual|weekly|"
    r"quarterly|level|fixed|equal|regular)\s+(?:deposit|payment|instal+ment|contribution|repayment)s?\s+be\b",
    re.IGNORECASE)
_ASKS_FIRST = "asks the first payment's interest"
#: "How much of the first payment is interest?", "the interest part of the first monthly payment":
#: a loan's first month, where "the total interest paid over the life of the loan" adds all up.
_ASKS_FIRST_RE = re.compile(r"\bfirst\b[^?.]{0,30}?\b(?:payment|instal+ment|month|repayment)\b", re.IGNORECASE)
_ROUTE_LIMIT = "limits a route"
_ASKS_ROUTE = "asks a route's amount"
#: Goods moved from sources to destinations ("haulage costs per tonne", "shipping one pallet
#: costs"): a transport program, where the two kinds below choose its case.
_TRANSPORT_RE = re.compile(r"\b(?:haul\w*|ship(?:s|ped|ping)?|deliver\w*|transport\w*|truck\w*|route\w*)\b",
                           re.IGNORECASE)
#: The question asks what one route carries ("how many tonnes per day go from North Quarry to
#: Site B in that cheapest plan?", "how many tonnes does Plant B send to Site 2?"): one of the
#: optimum's variables, where the others ask its cost.
_ASKS_ROUTE_RE = re.compile(
    r"\bhow (?:many|much)\b[^?.]{0,80}?\b(?:go(?:es)?|sent|sends?|shipped|ships?|hauled|hauls?|delivered|delivers?|"
    r"moved|moves?|travels?)\b[^?.]{0,40}?\b(?:from|to)\b", re.IGNORECASE)
_ASKS_RUN = "asks a run of days"
#: Weather that depends on the day before ("the chance of rain on the next day is 60%", "Rain
#: follows rain with probability 0.6", "a dry day is followed by rain 25% of the time"): a Markov
#: chain, where the kind below asks a run of days instead of one day's state.
_CHAIN_RE = re.compile(r"\bfollow(?:s|ed)\b|\bthe next day\b|\btomorrow\b|\btransition|\bmarkov\b|→",
                       re.IGNORECASE)
#: "Tuesday, Wednesday and Thursday are all dry", "on each of the next 3 days", "every day from
#: Thursday through Saturday is rainy", "the next 4 steps are all rain".
_ASKS_RUN_RE = re.compile(r"\b(?:are|is|be|stays?|remains?)\s+all\s+(?:dry|rainy|wet|rain)\b|\ball\s+(?:dry|rainy|wet)\b"
                          r"|\beach of the next\b|\bevery (?:one of the next|day from|day until|day through)\b"
                          r"|\bnext \d+ (?:steps|states|days) (?:are|to be) all\b|\bin a row\b", re.IGNORECASE)
_SHARE_CAP = "caps a share"
#: A share that must stay under a bound ("at most 6% fibre", "no more than 7% fibre", "between 10%
#: and 18% fibre"): a blend's "<=" row, where "at least 20% protein" is a ">=" one. An entry of
#: the profile (the data's shape), not a kind: the words of the family choose it.
_SHARE_CAP_RE = re.compile(r"\b(?:at most|no more than|not more than|a maximum of|up to|under|below)\s+[\d.]+\s*%"
                           r"|\bbetween\s+[\d.]+\s*%\s+and\s+[\d.]+\s*%", re.IGNORECASE)
_NO_SALT = "starts with no salt"
#: A tank that starts with nothing dissolved ("starts with 800 L of pure water", "both vats hold
#: only fresh water", "no salt in either tank", "initial salt 0 kg"): its program starts from zero,
#: where "400 L of water in which 10 kg of salt is dissolved" starts from a number the text gives
#: (pure water flowing in is another matter: an inflow). An entry of the profile, not a kind: as a
#: kind it outweighed what the question asks ("What is the concentration after 80 min?" was shown
#: an amount's example that starts from pure water; ``benchmarks/refcheck.py``).
_NO_SALT_RE = re.compile(r"\b(?:pure|fresh|clean|plain|distilled)\s+water\b(?!\s+(?:flows|is pumped|pours|enters|"
                         r"runs|is added|comes|is fed|is piped))|\bno (?:dissolved )?salt\b|\binitial salt 0\b|"
                         r"\bsalt-free\b", re.IGNORECASE)
_KINDS = (_TIME, _COMPOUNDED, _SIMPLE, _EQUILIBRIUM, _AT_LEAST_ONE, _PAYMENTS, _CONSTANT, _INFLATION,
          _PRESENT, _DISCHARGE, _DAMPING, _INDUCTOR, _EXPOSED, _STEADY, _LIMITED, _USES, _FRACTIONAL, _PARCEL,
          _DEATH, _SAME_RATE, _ASKS_PAYMENT, _ROUTE_LIMIT, _ASKS_ROUTE, _ASKS_RUN,
          _ASKS_FIRST)  # what an example must share with the query to keep its whole score
#: Kinds whose example loses more than :data:`KIND_DISCOUNT`: a rate constant given ("with a
#: time constant of 2.2 hours") is a parameter the program of a text without one fits to a second
#: reading ("15 °C 3 hours later"), and the scenario's words ("a greenhouse ... switched off at
#: dusk") otherwise carry the family that gives it (0.7: held-out 86.1% -> 86.3%, dev 72.3% ->
#: 72.6%; 0.8 the same).
_KIND_DISCOUNTS = {_CONSTANT: 0.7}
#: Money paid in or out again and again: "a deposit of 300 euros at the end of every month", "If
#: I pay 170 EUR a month", "monthly end-of-month deposits", "an ordinary annuity", "paid monthly".
#: An annuity, a loan or a sinking fund, where "how much does 2,000 euros grow to in an account
#: paying 5% annually, with the interest added monthly" is one sum compounding; the words between
#: a payment and its period hold no percentage ("an account that pays 1% a year" is a rate).
_PAYMENTS_RE = re.compile(
    r"\b(?:deposit\w*|payments?|paid|pays?|paying|instal+ments?|contribut\w*|saves|saving|puts?|"
    r"sets? aside|repay\w*)\b(?P<gap>[^.?!]{0,60}?)\b(?:each|every|per|a|an)\s+(?:month|year|week|quarter|fortnight)\b"
    r"|\b(?:monthly|yearly|annual|weekly|quarterly|regular|equal|level)\s+(?:[\w-]+\s+)?(?:deposit|payment|instal+ment|contribution|"
    r"saving|repayment)s?\b|\bannuit(?:y|ies)\b|\bpaid (?:monthly|yearly|annually|weekly|quarterly)\b",
    re.IGNORECASE)


def pays_each_period(text: str) -> bool:
    """Whether ``text`` pays money in or out each period (:data:`_PAYMENTS_RE`)."""
    return any("%" not in (m.group("gap") or "") and "percent" not in (m.group("gap") or "")
               for m in _PAYMENTS_RE.finditer(text))


#: A relaxation's constant given as such ("a time constant of 3 minutes", "a cooling constant of
#: 0.05 per minute", "k = 0.05", "τ = 3 min"), where another text gives a second reading to fit it
#: from ("five minutes later it had cooled to 78 °C"): the same law, another program.
_GIVES_CONSTANT = re.compile(r"\b(?:time|cooling|heating|warming|relaxation)\s+constant\b|τ\s*=\s*\d|"
                             r"(?<![\w.])k\s*=\s*\d[\d.]*\s*(?:per|/|1/|min|h\b)", re.IGNORECASE)
#: Prices that rise ("inflation of 7%", "prices rise 7.9% a year", "purchasing power"): a value in
#: today's money is deflated by inflation, where "what is it worth today, when money earns 8.75%"
#: is a present value discounted at an interest rate; the words "worth" and "today" are shared.
_INFLATION_RE = re.compile(r"\binflation\b|\bprices?\s+(?:rise|rises|rising|go up|goes up|increase)|"
                           r"\bpurchasing power\b|\bcost of living\b|\bCPI\b|\bconsumer price", re.IGNORECASE)
#: A question that asks what a later sum is worth now ("what is it worth today", "find the
#: present value", "how much must Kofi invest today"): discounted, ``F / (1 + r)**n``, where
#: "how much will 800 CHF deposited today grow to" compounds the same words forward. A net
#: present value sums cash flows and is no such question.
_ASKS_PRESENT_RE = re.compile(r"\b(?:worth|value)\s+(?:today|now)\b|(?<!\bnet )\bpresent(?:-day)? value\b|"
                              r"\btoday'?s value\b|\b(?:invest(?:ed)?|put aside|set aside|deposit(?:ed)?|placed?)\s+"
                              r"(?:today|now)\b", re.IGNORECASE)
#: Something that empties ("a 2200 µF capacitor at 300 V, discharging through 470 Ω", "tank 1
#: discharges into tank 2"): a decay, where "charging through 6.8 kΩ from a 9 V source" rises to
#: its source; the two texts share nearly all their other words.
_DISCHARGE_RE = re.compile(r"\bdischarg\w*", re.IGNORECASE)
#: A circuit driven by a source from an uncharged start ("a 5 V source is switched onto an
#: uncharged 1 µF capacitor", "a 12 V supply", "q/C = 24 V with"), where a charged capacitor
#: with no source ("charged to 100 V", "no source", "q(0) = C·100 V") discharges: one family,
#: two programs.
_SOURCE_RE = re.compile(r"\buncharged\b|(?<!\bno )\b(?:source|supply|battery)\b|=\s*\d+(?:\.\d+)?\s*V\s+with\b",
                        re.IGNORECASE)
_CHARGED_RE = re.compile(r"\bcharged\s+to\b|\bno\s+source\b|\bdischarg|q\(0\)\s*=\s*C\s*·|V_C\(0\)\s*=\s*[1-9]",
                         re.IGNORECASE)
_CAPACITOR_RE = re.compile(r"\bcapacit\w*|[µu]F\b")  # (a supply of crates is none)
#: A start with nothing stored ("the capacitor is completely discharged when the switch is closed",
#: "initially fully discharged"): an uncharged capacitor, which the source charges, no discharge.
_EMPTY_START_RE = re.compile(r"\b(?:completely|fully|totally|initially)\s+(?:(?:completely|fully|totally)\s+)?"
                             r"discharged\b", re.IGNORECASE)
_SOURCE = "a source"
#: A question about a peak ("the peak plasma concentration", "when will my blood level peak",
#: "Compute C_max"): the top of a curve, where "the plasma concentration 2 hours after the dose"
#: reads it at a time; one family, two programs. A question after one about the peak refers to it
#: ("At what time after the connection is this maximum reached?").
_ASKS_PEAK_RE = re.compile(r"\bpeak(?:s|ed|ing)?\b|\b[Ct]_max\b|\b(?:this|that)\s+maximum\b|\b(?:maximum|highest|largest|greatest)\s+(?:plasma\s+|blood\s+|"
                           r"drug\s+|serum\s+)?(?:concentration|level)\b", re.IGNORECASE)
_PEAK = "asks a peak"
#: An epidemic given by its basic reproduction number ("R0 = 2.4", "a reproduction number of 3")
#: and an infectious period, where another text gives its transmission and recovery rates
#: ("β = 0.3 per day", "recover at a rate of 0.1 per day"): one family, two sets of parameters
#: the program computes from differently.
_R0_RE = re.compile(r"\breproduct(?:ion|ive)\s+(?:number|ratio)\b|\bR[0₀]\b|\bR_0\b|\bR[- ]?nought\b", re.IGNORECASE)
_GIVES_R0 = "gives R0"
#: A test result that is negative ("Ines's result is negative", "If a person tests negative, what
#: is the probability that they really are free of the condition?"): the negative predictive
#: value, where a positive result asks for the positive one with nearly the same words.
_NEGATIVE_RE = re.compile(r"\btests?\s+negative\b|\bnegative\s+(?:test|result|screen)|\b(?:result|test)\s+(?:is|was|comes?\s+back|came\s+back)\s+negative\b"
                          r"|\bcame\s+back\s+negative\b|P\(\s*not D\s*\|\s*-\s*\)|P\(\s*D\s*\|\s*-\s*\)", re.IGNORECASE)
_NEGATIVE = "a negative result"
#: A question about the moment a tank is full ("at the moment it becomes full", "when the tank
#: begins to overflow"), where "after 45 minutes" reads the same tank at a time the text gives.
_ASKS_FULL_RE = re.compile(r"\b(?:becomes?|is|gets?|will be)\s+full\b|\boverflow\w*|\bfills?\s+up\b|\bwhen\s+full\b|"
                           r"\bis\s+filled\b|\bat\s+capacity\b", re.IGNORECASE)
_FULL = "asks when full"
#: A dew point in the text: a rising parcel's cloud base is found where its temperature meets
#: the dew point, where another text gives the cloud base's height (one family, two programs).
_DEW_RE = re.compile(r"\bdew[- ]?points?\b", re.IGNORECASE)
_DEW = "gives a dew point"
#: An afternoon time on a 12-hour clock ("left at 9:47 a.m. and arrived at 1:18 p.m."): it counts
#: 12 hours on, where "dep. 09:47, arr. 13:18" or "from 6:42 a.m. to 7:58 a.m." subtracts as written.
_TWELVE_HOUR_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*p\.?\s?m\b\.?", re.IGNORECASE)
_TWELVE_HOUR = "an afternoon on a 12-hour clock"
#: A count of one kind of test result asked ("How many false-positive results would you expect?",
#: "the expected number of true positives"), where "how many would you expect to test positive"
#: counts both kinds.
_ASKS_RESULTS_RE = re.compile(r"\b(?P<kind>false|true)[- ]positives?\b", re.IGNORECASE)
#: Growth or interest that is continuous ("3.4% per year (continuous growth)", "compounded
#: continuously"): ``exp(r t)``, where a rate per year compounds as ``(1 + r)**t``.
_CONTINUOUS_RE = re.compile(r"\bcontinuous(?:ly)?\b(?!\s+(?:iv\s+|intravenous\s+)?infusion)|\bcontinually\b",
                            re.IGNORECASE)
#: A question about the chance of at least one success: the complement of none, where "exactly
#: 2" or "at least 3" sums binomial terms.
_ASKS_AT_LEAST_ONE = re.compile(r"\bat least (?:one|once)\b|\bone or more\b", re.IGNORECASE)
#: A question about the state a system rests in, not about where it is after a while: "at the
#: coexistence equilibrium", "at what population can both species coexist".
_ASKS_EQUILIBRIUM = re.compile(r"\bequilibri(?:um|a)\b|\bcoexist\w*", re.IGNORECASE)
#: A question about how damped an oscillator is ("What is the damping ratio of the suspension?",
#: "is it underdamped?"): the ratio of the coefficients, where "where is the mass 0.3 s after
#: release" integrates the motion of the same spring, mass and damper.
_ASKS_DAMPING = re.compile(r"\bdamping ratio\b|\b(?:under|over|critically)[- ]?damped\b", re.IGNORECASE)
#: A circuit with an inductor ("a 22 mH inductor", "in series with 100 Ω and 1 H", "a 1 H coil"): an RLC (or RL)
#: circuit, where "an uncharged 220 µF capacitor in series with a 4.7 kΩ resistor and a 9 V
#: battery" has none and charges as an RC circuit; the two share their other words.
_INDUCTOR_RE = re.compile(r"\binduct\w*|\bcoils?\b|\bhenr(?:y|ies)\b|\d\s*[mµu]?H\b")
#: An epidemic with a stage between catching and passing on the infection ("exposed", "an
#: incubation period of 5 days", "SEIR", "dE/dt"): four compartments, where "the standard SIR model" has three.
_EXPOSED_RE = re.compile(r"\bexposed\b|\bincubat\w*|\blatent\b|\bSEIR\b|\bdE/dt\b|\bE\(0\)", re.IGNORECASE)
#: A question about the level a process settles at ("what steady-state concentration", "what does
#: the plasma level approach if the infusion keeps running indefinitely", "90% of its plateau"),
#: where "the concentration 6 hours after the start" reads the curve. ("long-run" is not one: a
#: two-state weather chain's texts say it in the question or the sentence after it alike.)
#: A production plan with a limit on one item: "can sell at most 30 tables a week", "A contract
#: requires at least 22 chairs each week", "Demand for tables is limited to 47 per week" (in a text
#: about profit: a diet's "at least 60 g of protein a day" is no such limit; nor is a limit on the items
#: in all, "no more than 54 items a day in total").
_LIMITED_RE = re.compile(r"\b(?:at most|no more than|at least|up to|a maximum of|a minimum of|limited to)\s+\d[\d,]*\s+"
                         r"(?!(?:items|pieces|units|products)\b)(?:[a-z]+\s+){0,6}?(?:a|per|each|every)\s+(?:day|week|month)\b|\bat least that many\b"
                         r"|[,;]\s*x\d\s*[≤≥<>]=?\s*\d[\d,]*\s*\(", re.IGNORECASE)
#: A production plan's table in words: "A mug uses 0.35 kg of clay and 10 minutes on the wheel",
#: "each desk requires 5 hours of carpentry" (two or more), where "Rent and equipment cost $13,300
#: a month; materials are $12.41 per item" breaks even with the same things made and sold.
_USES_RE = re.compile(r"\b(?:uses?|using|requires?|needs?|takes?|consumes?)\s+(?:about\s+|only\s+)?\$?[\d.,]*\d\s*"
                      r"(?:[a-zA-Z]+\s+){0,3}?(?:of|on|in|at)\b", re.IGNORECASE)
_ASKS_STEADY = re.compile(r"\bsteady[- ]state\b|\bplateau\b|\bindefinitely\b|\bapproach(?:es)?\b", re.IGNORECASE)
#: A question asking for a percentage: "what continuous growth rate, in percent", "in % per year".
_ASKS_RATE = re.compile(r"\bin (?:percent|per cent|%)|\((?:in )?(?:percent|per cent|%)\)|"
                        r"\bwhat percent(?:age)?\b|\bas a percent(?:age)?\b", re.IGNORECASE)
#: A patient or subject who is a woman: medical formulas (Cockcroft-Gault, ideal body weight,
#: Harris-Benedict) differ by sex. Pronouns are left out: "her savings" is in any word problem.
_FEMALE = re.compile(r"\b(?:woman|women|female|mother|girl|wife|daughter|grandmother|lady)\b", re.IGNORECASE)
#: Interest paid on the principal only: "simple interest", "not compounded".
_SIMPLE_INTEREST = re.compile(r"\bsimple(?:\s+annual)?\s+interest\b|\bnot compounded\b|\binterest is not compounded\b|"
                              r"\bon the (?:original )?principal only\b", re.IGNORECASE)
#: A number that gives a span of time: "365 days", "a 30-day month", "after 3 years".
_DURATION = re.compile(r"\s*-?\s*(days?|years?|months?|weeks?|hours?|minutes?)\b", re.IGNORECASE)


#: A number in US customary units: programs for "34 °F and 30 mph" convert, or use another
#: formula, than those for "1 °C and 63 km/h".
_IMPERIAL = re.compile(r"\s*(?:°\s*F\b|℉|degrees? fahrenheit\b|mph\b|miles?\b|mi\b|ft\b|feet\b|foot\b|"
                       r"lbs?\b|gallons?\b|gal\b|inch(?:es)?\b|yards?\b|yd\b|oz\b|ounces?\b)", re.IGNORECASE)


#: A quantity given as twice another ("5 m less than twice its width", "length = 2 × width − 30
#: cm", "w·(2w − 7)"), not twice a year or "counted twice": ``2 * w - d`` where "8 m more than its
#: width" is ``w + d``.
_TWICE = re.compile(r"\b(?:twice|double)\s+(?:its|the|their)\b|(?<![\d.,])2\s*[×x*·]\s*[a-z]"
                    r"|\(2[a-z]\b", re.IGNORECASE)
#: What a question asks "how ..." for: "how wide is it?" asks for the width (read by target's
#: rule 16 too).
HOW_ADJECTIVE = {"wide": "width", "broad": "width", "long": "length", "high": "height", "tall": "height",
                 "deep": "depth", "thick": "thickness", "far": "distance"}
#: A question that asks for a side of a shape by name: "how wide is it?", "How long will the
#: patio be?", "Determine the width of", "What is its length?" (not "how long does it take").
_ASKS_SIDE = re.compile(r"\bhow\s+(?P<how>wide|long|tall|high)\b(?=\s+(?:is|are|was|must|should|will|would)\b[^?]*"
                        r"\bbe\b|\s+(?:is|are|was)\s+(?:it|the|its|this|that)\b[^?]*\?)"
                        r"|\b(?:find|determine|report|what\s+is|what's)\s+(?:the|its)\s+(?P<side>width|length|height)\b"
                        # an altitude asked: "How high above sea level ... is the freezing level?", "At
                        # what altitude (in m) does", "Estimate the altitude of the freezing level"
                        r"|\bhow\s+(?P<up>high)\s+(?:up|above)\b|\bwhat\s+(?P<alt>altitude|elevation)\b"
                        r"|\bthe\s+(?P<of>altitude|elevation)\s+of\b",
                        re.IGNORECASE)

#: A question that asks which value of something is best: "the price that maximizes profit",
#: "the profit-maximizing quantity", "the width that minimizes the cost". One family answers
#: for the price or for the quantity with nearly the same words ("the side perpendicular to the
#: river that maximizes the area" asks no river).
_ASKS_BEST = re.compile(r"(?<!\bto )(?<!\bof )(?<!\bon )(?<!\bin )\b(?:the|what|which)\s+(?P<a>[a-z]+)\s+(?:that|which)\s+(?:would\s+|will\s+)?"
                        r"(?:maximi[sz]es?|minimi[sz]es?)\b|\b[a-z]+-(?:maximi[sz]ing|minimi[sz]ing)\s+(?P<b>[a-z]+)\b",
                        re.IGNORECASE)

#: A question that asks for the best value itself ("and the maximum profit", "the largest
#: possible area"), where "the quantity that maximizes profit" asks only where it is.
_ASKS_EXTREME = re.compile(r"\b(?:the|its|a)\s+(?P<how>maximum|minimum|largest|smallest|greatest|least|highest|"
                           r"lowest|max|min)(?:\s+possible)?\s+[a-z]+", re.IGNORECASE)
_EXTREME = {"maximum": "maximum", "largest": "maximum", "greatest": "maximum", "highest": "maximum",
            "max": "maximum", "minimum": "minimum", "smallest": "minimum", "least": "minimum", "lowest": "minimum",
            "min": "minimum"}



def _asks_which(key: str) -> bool:
    """Whether a profile entry names what the question asks for (the side, the value that is best),
    not the best value itself ("asks the maximum")."""
    return key.startswith(_ASKS_THE) and key not in {f"{_ASKS_THE}maximum", f"{_ASKS_THE}minimum"}


def profile(text: str) -> Counter[str]:
    """What a text gives and asks: how many percentages, amounts of money, spans of time ("365
    days", "a 30-day month") and numbers in US customary units ("34 °F", "30 mph", "170 lb"),
    which units of measure it writes its numbers in ("in g/l", once each), whether its question
    asks for a time, and whether interest is compounded more than once a year
    (:func:`~mathllm.quantities.frequencies`).

    Two problems of one family can ask the same question of differently given data ("15%
    down" or "$3,500 down"), or ask about the same data for a time or for a value after a time
    ("how long until it reaches 5 V", "what voltage 4.7 s after"), or ask for a share where
    another gives a number of days to multiply it by ("what share of days is rainy", "how many
    rainy days in a 365-day year"); the programs differ and the words hardly do.
    """
    out: Counter[str] = Counter()
    text = _EMPTY_START_RE.sub("uncharged", text)
    question = question_of(text)
    if _ASKS_TIME.search(question):
        out[_TIME] = 1
    if any(n > 1 for n in frequencies(text)):
        out[_COMPOUNDED] = 1
    if _SIMPLE_INTEREST.search(text):
        out[_SIMPLE] = 1
    if _ASKS_EQUILIBRIUM.search(question):
        out[_EQUILIBRIUM] = 1
    if _ASKS_AT_LEAST_ONE.search(question):
        out[_AT_LEAST_ONE] = 1
    if _ASKS_DAMPING.search(question):
        out[_DAMPING] = 1
    if _ASKS_STEADY.search(question):
        out[_STEADY] = 1
    if _LIMITED_RE.search(text) and re.search(r"\bprofit", text, re.IGNORECASE):
        out[_LIMITED] = 1
    if len(_USES_RE.findall(text)) >= 2:
        out[_USES] = 1
    if _FRACTIONAL_RE.search(text):
        out[_FRACTIONAL] = 1
    if _PARCEL_RE.search(text):
        out[_PARCEL] = 1
    if _DEATH_RE.search(text):
        out[_DEATH] = 1
    if _SAME_RATE_RE.search(text):
        out[_SAME_RATE] = 1
    if pays_each_period(text):
        out[_PAYMENTS] = 1
    if _GIVES_CONSTANT.search(text):
        out[_CONSTANT] = 1
    if _CONTINUOUS_RE.search(text):
        out[_CONTINUOUS] = 1
    if _INFLATION_RE.search(text):
        out[_INFLATION] = 1
    if _ASKS_PRESENT_RE.search(question):
        out[_PRESENT] = 1
    if _DISCHARGE_RE.search(text):
        out[_DISCHARGE] = 1
    if _INDUCTOR_RE.search(text):
        out[_INDUCTOR] = 1
    if _EXPOSED_RE.search(text):
        out[_EXPOSED] = 1
    if _SOURCE_RE.search(text) and not _CHARGED_RE.search(text) and _CAPACITOR_RE.search(text):
        out[_SOURCE] = 1
    if _ASKS_PEAK_RE.search(question):
        out[_PEAK] = 1
    if _R0_RE.search(text):
        out[_GIVES_R0] = 1
    if _NEGATIVE_RE.search(text):
        out[_NEGATIVE] = 1
    if _ASKS_FULL_RE.search(question):
        out[_FULL] = 1
    if _DEW_RE.search(text):
        out[_DEW] = 1
    if _TWELVE_HOUR_RE.search(text):
        out[_TWELVE_HOUR] = 1
    if _ASKS_PAYMENT_RE.search(question):
        out[_ASKS_PAYMENT] = 1
    if _NO_SALT_RE.search(text):
        out[_NO_SALT] = 1
    if _ASKS_FIRST_RE.search(question) and re.search(r"\binterest\b", question, re.IGNORECASE):
        out[_ASKS_FIRST] = 1
    if _CHAIN_RE.search(text) and _ASKS_RUN_RE.search(question):
        out[_ASKS_RUN] = 1
    if _SHARE_CAP_RE.search(text):
        out[_SHARE_CAP] = 1
    if _TRANSPORT_RE.search(text):
        if ROUTE_LIMIT.search(text):  # (bind's rule 20 reads the same sentence)
            out[_ROUTE_LIMIT] = 1
        if _ASKS_ROUTE_RE.search(question):
            out[_ASKS_ROUTE] = 1
    if results := _ASKS_RESULTS_RE.search(question):
        out[f"{_ASKS_THE}{results['kind'].lower()} positives"] = 1
    # "what growth rate ..." and "what will it be in 2028": the same data, another program
    if _ASKS_RATE.search(question):
        out[_RATE] = 1
    # "5 m less than twice its width" and "5 m more than its width", asked "how wide" or "how
    # long": four programs of one family, their words alike
    if _TWICE.search(text):
        out[_TWICE_KEY] = 1
    if best := _ASKS_BEST.search(question):
        out[f"{_ASKS_THE}{(best['a'] or best['b']).lower()}"] = 1
    if extreme := _ASKS_EXTREME.search(question):
        out[f"{_ASKS_THE}{_EXTREME[extreme['how'].lower()]}"] = 1  # (of whatever: "the maximum daily profit")
    if side := _ASKS_SIDE.search(question):
        asked = (HOW_ADJECTIVE.get((side['how'] or '').lower()) or (side['side'] or '').lower()
                 or "height")  # (an altitude is a height)
        out[f"{_ASKS_THE}{asked}"] = 1
        # "how long is it?" asks a side, not a time: the entry tells it from "how wide" (it did
        # through the time flag before the side asked was in the profile), and a time flag would
        # now keep it from the examples of its kind ("Find the length of a rectangular garden")
        out.pop(_TIME, None)
    # a woman's creatinine clearance, ideal weight or energy need has its own factor or formula
    if _FEMALE.search(text):
        out["female"] = 1
    # the units the numbers are written in ("100 mL over 60 minutes", "25 g/L", "135 km/h"): within
    # a family, programs for "g/L" convert where those for "kg/L" do not, and a drip rate from a
    # volume and a time is another program than one from a dose rate in units/h
    for unit in written_units(text):
        out[f"in {unit}"] = 1
    # the unit the question wants its answer in ("How many mg ...", "in m²", "(in %)"): a dose and
    # the body surface area it is computed from share their words, not their program
    if (asked := _unit_asked_in(question) or _unit_answered_in(text)) is not None:
        out[f"asks {asked}"] = 1
    for m in find_numbers(text):
        if m.percent:
            out["%"] += 1
        elif is_money(text, m):
            out["money"] += 1
        elif _DURATION.match(text, m.end):
            out["duration"] += 1
        elif _IMPERIAL.match(text, m.end):
            out["imperial"] += 1
    return out


#: Where a question names the unit of its answer: "how many mg", "in m²", "(in %)", "in kg?".
_ASKED_IN = re.compile(r"\bhow many\s+(?P<a>[^\s,.;:?()]+)|\bin\s+(?P<b>[^\s,.;:?()]+)\s*(?:[?,.;)]|$|at\s+t\b)"
                       r"|\((?:in\s+)?(?P<c>[^\s,.;:?()]+)\)", re.IGNORECASE)


#: Units an answer is asked in that :func:`~mathllm.bind.is_measure` does not list: areas,
#: volumes in powers, temperatures, pressures, frequencies, forces, energies, electric units.
_OTHER_UNIT = re.compile(r"[a-z]{1,2}\^[23]|°[cf]|[hk]?pa|k?hz|k?n|k?j|k?w|m?v|m?a|ohm|ω|kwh|volt|amp|ampere|watt|joule")


def asked_unit(text: str) -> str | None:
    """The unit of measure (or %) the question of ``text`` asks its answer in, spelled alike
    (:func:`~mathllm.bind.unit_key`), or a sentence of its own ("Please answer in hours."); None
    where it names none."""
    return _unit_asked_in(question_of(text)) or _unit_answered_in(text)


#: A request for the answer's unit in a sentence of its own: "Please answer in hours.", "Give the
#: result in minutes."
_ANSWER_IN = re.compile(r"\b(?:answer|result|express\w*(?:\s+it|\s+the\s+answer)?)\s+in\s+([^\s,.;:?()]+)",
                        re.IGNORECASE)


def _unit_answered_in(text: str) -> str | None:
    found = [unit_key(m.group(1)) for m in _ANSWER_IN.finditer(text)]
    found = [k for k in found if k and (is_measure(k) or _OTHER_UNIT.fullmatch(k))]
    return found[0] if len(set(found)) == 1 else None


def _unit_asked_in(question: str) -> str | None:
    for m in _ASKED_IN.finditer(question):
        word = next(g for g in m.groups() if g)
        if word == "%" or word.lower() in ("percent", "per cent"):
            return "%"
        key = unit_key(word)
        if key and (is_measure(key) or _OTHER_UNIT.fullmatch(key)):
            return key
    return None


def _distance(a: Counter[str], b: Counter[str]) -> int:
    return sum(abs(a[k] - b[k]) for k in a.keys() | b.keys())


@dataclass
class BM25:
    """Okapi BM25. With ``groups`` (a group key per document), a term's rarity is counted over
    groups rather than documents: a word that every example of one family uses but no other
    family does is as telling as a rare one."""

    docs: list[list[str]]
    k1: float = 1.5
    b: float = 0.75
    groups: list[str] | None = None

    def __post_init__(self) -> None:
        self.n = len(self.docs)
        self.avgdl = sum(map(len, self.docs)) / max(1, self.n)
        units: dict[object, set[str]] = {}
        for i, d in enumerate(self.docs):
            units.setdefault(i if self.groups is None else self.groups[i], set()).update(d)
        df: Counter[str] = Counter()
        for terms_of_unit in units.values():
            df.update(terms_of_unit)
        n_units = len(units)
        self.idf = {t: math.log(1 + (n_units - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.tf = [Counter(d) for d in self.docs]
        self.len = [len(d) for d in self.docs]

    def scores(self, query: list[str]) -> list[float]:
        out = [0.0] * self.n
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in enumerate(self.tf):
                f = tf.get(t)
                if f:
                    out[i] += idf * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avgdl))
        return out


@dataclass
class Bank:
    examples: list[Example]
    groups: list[str]  # family (or other group key) of each example, to keep retrieved examples diverse
    index: BM25        # over the whole problem texts: picks the families
    phrasings: list[str] = field(default_factory=list)  # "family#phrasing" of each example, or ""
    questions: BM25 | None = None  # over the question sentences: picks the example within a family
    profiles: list[Counter[str]] = field(default_factory=list)  # profile() of each example
    # share of its whole-text score each example keeps in the ranking of families (a bank
    # record's "weight", 1 by default): a bank of generic examples with a low weight is shown
    # only where no modeling family matches nearly as well
    weights: list[float] = field(default_factory=list)
    profile_weight: float = PROFILE_WEIGHT  # see the constants (benchmarks vary them)
    kind_discount: float = KIND_DISCOUNT
    time_weight: float = TIME_WEIGHT

    def __post_init__(self) -> None:
        if self.questions is None:
            self.questions = BM25([terms(question_of(e.problem)) for e in self.examples])
        if not self.profiles:
            self.profiles = [profile(e.problem) for e in self.examples]
        if not self.weights:
            self.weights = [1.0] * len(self.examples)

    def family_match(self, text: str, example: Example) -> float | None:
        """How well ``text`` matches the family of ``example``: the best whole-text score of that
        family's examples (the score :meth:`nearest` ranks families by, before weights and
        discounts); None when ``example`` is not in this bank."""
        i = next((j for j, e in enumerate(self.examples) if e.problem == example.problem), None)
        if i is None:
            return None
        scores = self.index.scores(tokens(text))
        group = self.groups[i]
        return max(sc for sc, g in zip(scores, self.groups, strict=True) if g == group)

    def nearest(self, text: str, k: int = 2, exclude: str | None = None,
                avoid_phrasing: str | None = None, avoid_group: str | None = None) -> list[Example]:
        """The ``k`` most similar examples, one per family, most similar last.

        Families are ranked by their best whole-text score, less a share (``kind_discount``)
        for an example that asks for a time when the text does not or the other way round;
        within each, the example with the best whole-text plus :data:`QUESTION_WEIGHT` x
        question-sentence score, less ``profile_weight`` x the distance of the profiles, is shown.

        ``avoid_phrasing`` ("family#phrasing") skips examples written in that phrasing: training
        uses it so the model practises mapping a new wording onto a known template, which is
        what it meets at inference on phrasings it never saw. ``avoid_group`` skips a whole
        family, as if it were held out: the example then comes from the nearest other family.
        """
        if k <= 0 or not self.examples:
            return []
        scores = self.index.scores(tokens(text))
        asked = self.questions.scores(terms(question_of(text))) if self.questions else [0.0] * len(scores)
        wanted = profile(text)
        # the share an example loses: the largest of the kinds it differs in
        other_kind = [max((_KIND_DISCOUNTS.get(k, self.kind_discount) for k in _KINDS if p[k] != wanted[k]), default=0.0)
                      for p in self.profiles]
        # (payments each period weigh on the family, not within it: the profile's distance
        # already counts them there; measured alike on the dev set, 69.6% and 69.7%)
        # (nor does something that empties: within the RLC family, "discharge" is in texts that ask
        # for the current and in texts that ask for the voltage)
        # (and so does what the question asks for by name, the side or the value that is best:
        # "How long will the tablecloth be?" is another answer than "How wide will it be?"; not
        # "the maximum profit", measured worse as a kind)
        asks = {k for k in wanted if _asks_which(k)}
        # (a side given as twice another too, where the question asks for a side: "40 cm less than
        # twice its width" is another program than "30 cm more than its width", whatever units the
        # two write; "2·S/1,500" in a tank's equation is no such side)
        within_kinds = [k for k in (*_KINDS, _TWICE_KEY, _SOURCE, _PEAK, _GIVES_R0, _NEGATIVE, _FULL, _DEW, _TWELVE_HOUR) if k not in (_PAYMENTS, _DISCHARGE, _USES, _FRACTIONAL, _PARCEL, _DEATH, _SAME_RATE)
                        and (k != _TWICE_KEY or asks)]
        other_within = [any(p[k] != wanted[k] for k in within_kinds) or asks != {k for k in p if _asks_which(k)}
                        for p in self.profiles]
        within = [s + QUESTION_WEIGHT * q - self.profile_weight * _distance(wanted, p) - self.time_weight * o
                  for s, q, p, o in zip(scores, asked, self.profiles, other_within, strict=True)]
        kind = [s * w * (1 - o) for s, w, o in zip(scores, self.weights, other_kind, strict=True)]
        best: dict[str, int] = {}  # group -> its best example by the combined score
        top: dict[str, float] = {}  # group -> its best whole-text score (the kind of question weighed)
        excluded = exclude.strip() if exclude is not None else None
        for i, ex in enumerate(self.examples):
            if excluded is not None and ex.problem.strip() == excluded:
                continue  # never show the model the very problem it is asked (training, eval)
            if avoid_phrasing and self.phrasings and self.phrasings[i] == avoid_phrasing:
                continue
            if avoid_group is not None and self.groups[i] == avoid_group:
                continue
            g = self.groups[i]
            top[g] = max(top.get(g, kind[i]), kind[i])
            j = best.get(g)
            if j is None or within[i] > within[j]:
                best[g] = i
        # One example per family (diverse patterns beat near-duplicates), families by their best
        # match; ties keep bank order, so retrieval is deterministic.
        order = sorted(top, key=lambda g: -top[g])[:k]
        # Most similar example last: nearest to the question, which small models attend to most.
        return [self.examples[best[g]] for g in reversed(order)]


def load_bank(path: str | Path | Sequence[str | Path] = BANK_PATH) -> Bank:
    """The bank of one JSONL file or several (missing files hold nothing).

    A record is ``{"problem", "program"}`` with optional ``"family"`` (its group: one example
    per family is shown), ``"phrasing"`` and ``"weight"`` (the share of its score it keeps when
    families are ranked; 1 by default)."""
    from .train import parse_jsonl

    paths = [path] if isinstance(path, (str, Path)) else list(path)
    examples: list[Example] = []
    groups: list[str] = []
    phrasings: list[str] = []
    weights: list[float] = []
    indexed: list[str] = []
    for one in paths:
        p = Path(one)
        if not p.is_file():
            continue
        for rec in parse_jsonl(p.read_text(encoding="utf-8"), str(p)):
            examples.append(Example(rec["problem"], rec["program"]))
            groups.append(str(rec.get("family") or len(groups)))
            phrasings.append(phrasing_key(rec))
            weights.append(float(rec.get("weight", 1.0)))
            # an example is ranked by its problem without the asides it marks ("The bank's
            # customer service line is open until 5 pm."): the same aside in a query would pull
            # it towards whatever family's example happened to draw it
            text = rec["problem"]
            for aside in rec.get("asides") or ():
                text = text.replace(aside, " ")
            indexed.append(text)
    # family-level rarity: "account", "opened", "March" of a distractor sentence appear in many
    # finance families and no longer pull a query towards the one whose example shares them
    # (and profiled without them: "The census office is open on weekdays until 5 pm." is no time
    # of day of the problem's)
    return Bank(examples, groups, BM25([tokens(t) for t in indexed], groups=groups), phrasings,
                profiles=[profile(t) for t in indexed], weights=weights)


def phrasing_key(rec: dict) -> str:
    """"family#phrasing" for a generated record, "" for one without that metadata."""
    if rec.get("family") is None or rec.get("phrasing") is None:
        return ""
    return f"{rec['family']}#{rec['phrasing']}"


#: An installed bank's name: letters, digits, "-" and "_" (the file is ``<name>.jsonl``).
_BANK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
#: The largest bank file ``mathllm bank add`` reads.
MAX_BANK_BYTES = 64 * 1024 * 1024


def banks_dir() -> Path:
    """Where ``mathllm bank`` installs banks: ``$MATHLLM_BANKS_DIR``, else ``<cache>/banks``."""
    env = os.environ.get("MATHLLM_BANKS_DIR")
    if env:
        return Path(env).expanduser()
    from .models import cache_dir

    return cache_dir() / "banks"


def installed_banks() -> list[Path]:
    """Extra banks installed by ``mathllm bank`` (``banks_dir()/*.jsonl``), in name order."""
    d = banks_dir()
    return sorted(d.glob("*.jsonl")) if d.is_dir() else []


def default_banks() -> list[Path]:
    """The shipped bank and the installed ones: what ``solve`` retrieves from by default."""
    return [BANK_PATH, *installed_banks()]


def resolve_banks(values: Sequence[str | Path]) -> tuple[str, ...]:
    """Bank files for names and paths as a user writes them: "builtin" is the shipped bank, the
    name of an installed bank is its file, anything else a JSONL file, read and checked now (one
    clear error for a bad one, not a traceback or an empty retrieval halfway through a run)."""
    named = {"builtin": BANK_PATH, **{p.stem: p for p in installed_banks()}}
    out = []
    for v in values:
        path = named[str(v)] if not Path(v).exists() and str(v) in named else Path(v)
        if path != BANK_PATH:
            read_bank_records(path)
        out.append(str(path))
    return tuple(out)


def read_bank_records(path: str | Path) -> list[dict]:
    """The records of a user's bank file, each checked: one JSON object per line with the
    strings ``problem`` and ``program``, a program that passes the contract check, an optional
    positive number ``weight``. Raises :class:`~mathllm.errors.DataError` naming the line."""
    from .check import check_program
    from .problem import read_text_file
    from .train import numbered_jsonl

    try:
        text = read_text_file(path, what="bank file (JSONL)", max_bytes=MAX_BANK_BYTES)
    except MathllmError as exc:
        raise DataError(exc.message) from None
    out = []
    for n, rec in numbered_jsonl(text, str(path)):
        where = f"{path}:{n}"
        for key in ("problem", "program"):
            if not isinstance(rec.get(key), str) or not rec[key].strip():
                raise DataError(f"{where}: \"{key}\" must be a non-empty string")
        w = rec.get("weight", 1.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w <= 10:
            raise DataError(f"{where}: \"weight\" must be a number in (0, 10]")
        chk = check_program(rec["program"])
        if not chk.ok:
            raise DataError(f"{where}: the program fails the contract check (line {chk.errors[0].line}: {chk.errors[0].message})")
        out.append(rec)
    if not out:
        raise DataError(f"{path} holds no examples")
    return out


def install_bank(name: str, records: list[dict]) -> Path:
    """Write ``records`` as the installed bank ``name`` (atomically: a reader sees the old
    file or the new one, never half of one) and return its path."""
    if not _BANK_NAME.fullmatch(name) or name == "builtin":
        raise UsageError(f"bad bank name {name!r}: use letters, digits, '-' and '_' (not 'builtin')")
    d = banks_dir()
    d.mkdir(parents=True, exist_ok=True)
    target = d / f"{name}.jsonl"
    tmp = d / f".{name}.jsonl.tmp"
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    tmp.replace(target)
    return target


def remove_bank(name: str) -> Path:
    """Delete the installed bank ``name``; the shipped bank cannot be removed."""
    target = banks_dir() / f"{name}.jsonl"
    if not _BANK_NAME.fullmatch(name) or not target.is_file():
        known = ", ".join(p.stem for p in installed_banks()) or "none"
        raise UsageError(f"no installed bank {name!r} (installed: {known})")
    target.unlink()
    return target


@lru_cache(maxsize=4)
def _cached_bank(files: tuple[tuple[str, int, int], ...]) -> Bank:
    return load_bank([f for f, _, _ in files])


def _stamp(path: str | Path) -> tuple[str, int, int]:
    """(path, size, mtime): a bank file rewritten while the process runs is read again."""
    try:
        st = Path(path).stat()
    except OSError:
        return str(path), -1, -1
    return str(path), st.st_size, st.st_mtime_ns


def nearest_examples(text: str, k: int = 2, *, bank_path: str | Path | Sequence[str | Path] | None = None,
                     exclude: str | None = None) -> list[Example]:
    """The ``k`` solved examples nearest to ``text`` (empty when no bank is installed); from
    :func:`default_banks` unless ``bank_path`` names one file or several."""
    return _bank_of(bank_path).nearest(text, k, exclude=exclude)


def family_match(text: str, example: Example, *,
                 bank_path: str | Path | Sequence[str | Path] | None = None) -> float | None:
    """:meth:`Bank.family_match` in the banks :func:`nearest_examples` reads."""
    return _bank_of(bank_path).family_match(text, example)


def _bank_of(bank_path: str | Path | Sequence[str | Path] | None) -> Bank:
    """The (cached) bank of one file or several; :func:`default_banks` for None."""
    if bank_path is None:
        bank_path = default_banks()
    paths = [bank_path] if isinstance(bank_path, (str, Path)) else list(bank_path)
    return _cached_bank(tuple(_stamp(p) for p in paths))
