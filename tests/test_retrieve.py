"""Retrieval of solved examples for the prompt (BM25 over a bank of reference programs)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from mathllm.prompt import Example, question_of
from mathllm.retrieve import (
    BANK_PATH,
    BM25,
    PROFILE_WEIGHT,
    TIME_WEIGHT,
    Bank,
    asked_unit,
    asks_time,
    load_bank,
    nearest_examples,
    pays_each_period,
    profile,
    terms,
    tokens,
)

DOCS = [
    ("interest", "A bank account pays 5% annual interest compounded monthly on a deposit of 2000 EUR."),
    ("interest", "A savings deposit of 1000 EUR earns 3% interest compounded yearly for 10 years."),
    ("cooling", "A cup of coffee at 90 C cools in a room at 20 C following Newton's law of cooling."),
    ("projectile", "A ball is thrown upward at 12 m/s from a 2 m high balcony. When does it land?"),
    ("epidemic", "An SIR epidemic model with infection rate 0.3 and recovery rate 0.1 in a town of 10000."),
    ("lp", "A factory makes chairs and tables with limited wood and labour hours to maximise profit."),
]


def write_bank(path: Path, docs=DOCS) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (family, problem) in enumerate(docs):
            fh.write(json.dumps({"family": family, "problem": problem, "program": f"answer = {i}"}) + "\n")
        fh.write("\n")  # blank lines are ignored
    return path


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return load_bank(write_bank(tmp_path / "bank.jsonl"))


def test_tokens() -> None:
    assert tokens("The Ball is thrown UP at 12 m/s!") == ["ball", "thrown", "up"]
    assert tokens("") == [] and tokens("123 4.5 a I") == []


def test_terms_keep_the_words_that_tell_questions_apart() -> None:
    assert terms("What is the probability of at most 3 wet days?") == [
        "probability", "at", "most", "wet", "days", "probability_at", "at_most", "most_wet", "wet_days"]
    assert terms("") == []


#: One family, three questions about the same kind of data; the first shares the most words
#: with the query's context, the second asks what the query asks.
STATS = [
    ("stats", ("Daily high temperatures in Oslo, Mon 15, Tue 31, Wed 14 degrees: the daily high "
               "temperatures of the week. Find the sample standard deviation (divide by n - 1).")),
    ("stats", "Test scores 60, 76, 49. Statistic wanted: population standard deviation (divide by n)."),
    ("stats", "Parcels per van 38, 65, 38. What is their median?"),  # no unit: the question decides
    ("cooling", "A cup of coffee at 90 C cools in a room at 20 C following Newton's law of cooling."),
]


@pytest.mark.parametrize("query, shown", [
    (("Given daily high temperatures of Mon 15, Tue 31 (in degrees), determine their population "
      "standard deviation (divide by n)."), 1),
    ("Given daily high temperatures of Mon 15, Tue 31 (in degrees), determine their median.", 2),
    (("Given daily high temperatures of Mon 15, Tue 31 (in degrees), determine their sample "
      "standard deviation (divide by n - 1)."), 0),
])
def test_within_a_family_the_question_decides(tmp_path: Path, query: str, shown: int) -> None:
    bank = load_bank(write_bank(tmp_path / "stats.jsonl", docs=STATS))
    whole_text = bank.index.scores(tokens(query))
    assert max(range(3), key=whole_text.__getitem__) == 0  # the words alone would show the first
    assert bank.nearest(query, k=1) == [Example(STATS[shown][1], f"answer = {shown}")]


@pytest.mark.parametrize("text, counts", [
    ("A car costs $18,500; she pays $3,500 down at 6.9% for 5 years.",
     {"money": 2, "%": 1, "duration": 1, "in year": 1}),
    ("A house costing 840,000 dollars with a 15% down payment, 2.5% a year, 30 years.",
     {"money": 1, "%": 2, "duration": 1, "in year": 1}),
    # (a unit of measure joined by a hyphen is written in that unit: "a 30-day month", "a 5-year loan")
    ("In the long run, how many rainy days are there in a 30-day month?", {"duration": 1, "in day": 1}),
    ("What share of days is rainy? Rain follows rain with probability 0.66.", {}),
    ("Prices: 12 EUR, €4.50 and 3 chf; 20 cents off.", {"money": 4}),
    # the units of measure written, once each
    ("A tank holds 200 L and drains at 5 L/min; 300 L more.", {"in l": 1, "in l/min": 1}),
    ("Brine of 25 g/L; they start with 2.5 and 1.2 kg.", {"in g/l": 1, "in kg": 1}),
    # US customary units: other conversions or formulas than metric ones
    ("It is 34 °F with a 30 mph wind; the station is at 2,460 ft.", {"imperial": 3}),
    ("A 170 lb patient, 5 gallons, 12 inches, 201 degrees Fahrenheit.", {"imperial": 4}),
    ("It is 1 °C with a 63 km/h wind; the station is at 750 m.", {"in km/h": 1, "in m": 1}),
    ("Bake 38 cookies at 20 gtt/mL.", {}),  # no unit of measure bind knows
    # a percentage asked ("what growth rate, in percent"), not one given in the question
    ("Users went from 2.5 to 11.9 million. What continuous growth rate, in percent, is that?",
     {"asks a rate": 1, "asks %": 1, "continuous": 1}),
    # growth that is continuous (exp), not a continuous infusion; a relaxation's constant given
    ("A town of 23,500 grows at 3.4% per year (continuous growth).", {"%": 1, "continuous": 1}),
    ("A continuous IV infusion of 50 mg/h starts.", {"in mg/h": 1}),
    ("Tea at 90 °C cools with a time constant of 12 minutes.", {"gives a rate constant": 1, "duration": 1, "in min": 1}),
    ("Solve dT/dt = -k (T - 20) with k = 0.05 per minute.", {"gives a rate constant": 1, "in 1/min": 1}),
    ("Soup at 90 °C, 21 °C in the room, 78 °C five minutes later.", {"duration": 1}),
    ("After 4 years of deposits into a 2.75% account, what is the balance?", {"%": 1, "duration": 1, "in year": 1}),
    # a woman's formula differs (Cockcroft-Gault's 0.85); pronouns alone say nothing
    ("A 61-year-old woman weighs 64 kg.", {"female": 1, "in kg": 1, "duration": 1}),
    ("She puts her savings of $300 aside.", {"money": 1}),
    # a side given as twice another, and the side asked by name ("how long is it?" also asks a time)
    ("A garden's length falls 5 m short of twice its width. With 42 square metres of area, how wide is it?",
     {"twice": 1, "asks the width": 1, "in m": 1}),
    ("Area = 56 ft²; length = 2 × width − 6 ft. Determine the length of this rectangular patio.",
     {"twice": 1, "asks the length": 1, "imperial": 1}),
    ("Its length is 30 cm more than its width and it covers 5,400 cm². How long will the tablecloth be?",
     {"asks the length": 1, "in cm": 1}),  # (a side, no time: "how long" is no time here)
    # which value is best: the price or the quantity of one demand curve, not "the river"
    ("What is the price that maximizes profit when p = 192 - 0.1q?", {"asks the price": 1}),
    ("Find the profit-maximizing quantity and the maximum profit.", {"asks the quantity": 1, "asks the maximum": 1}),
    ("Find the length of each side perpendicular to the river that maximizes the area.", {"asks the length": 1}),
    # the best value itself, of whatever
    ("What is the largest possible area?", {"asks the maximum": 1}),
    ("Find the least number of steel rods to use.", {"asks the minimum": 1}),
    # something that empties decays; charging rises to its source
    ("A 2200 µF capacitor at 300 V, discharging through 470 Ω: how many seconds to reach 16 V?",
     {"discharges": 1, "asks a time": 1, "in uf": 1, "in v": 1, "in ohm": 1, "asks s": 1}),
    ("A 470 µF capacitor charging from 0 V through 100 kΩ: how many seconds to reach 3.3 V?",
     {"asks a time": 1, "in uf": 1, "in v": 1, "in kohm": 1, "asks s": 1}),
    # prices that rise: a value deflated by inflation, not discounted at an interest rate
    ("If inflation runs at 5% annually, what will my 500 dollars buy in 6 years?",
     {"inflation": 1, "%": 1, "money": 1, "duration": 1, "in year": 1}),
    # a later sum asked for its worth now is discounted; money deposited today and asked for later
    # compounds, and a net present value sums cash flows
    ("A promise to pay $500 in 6 years: what is it worth today, when money earns 5% a year?",
     {"asks a value today": 1, "%": 1, "money": 1, "duration": 1, "in year": 1}),
    ("How much must Kofi invest today in a single lump sum?", {"asks a value today": 1}),
    ("A payment of $9,000 is due in 3 years. State the present value in dollars. The contract number is 24-1.",
     {"asks a value today": 1, "money": 1, "duration": 1, "in year": 1}),
    ("If I deposit 800 CHF today at 7.7% a year, how much will I have in 12 years?",
     {"%": 1, "money": 1, "duration": 1, "in year": 1}),
    ("Cash flows: t=0: -$100; t=1: +$60; t=2: +$70. Compute the net present value.", {"money": 3}),
    # "counted twice" is no side given as twice another
    ("Total number of crates: 16. Dara counted twice to be sure. Small crates: 6 bottles each.", {}),
    # twice a year is a frequency, "how long does it take" a time
    ("Interest is added twice a year at 4%: how long does it take to double?",
     {"asks a time": 1, "compounded within the year": 1, "%": 1}),
    ("", {}),
])
def test_profile_counts_percentages_money_and_units(text: str, counts: dict) -> None:
    assert dict(profile(text)) == counts


@pytest.mark.parametrize("text, asks", [
    ("A 22 µF capacitor charges through 10 kΩ from 3.3 V. How many milliseconds later does it reach 1.7 V?", True),
    ("With 5.5% interest a year, how many full years are needed until it has at least doubled?", True),
    ("After an IV bolus of 750 mg, how long until the concentration falls to 5.1 mg/L?", True),
    ("Solve for t (years): £2,000 compounded continuously at 5% grows to £5,000.", True),
    ("When do the two trains meet? They start 340 km apart.", True),
    ("What voltage does a 470 µF capacitor show 4.7 s after switch-on?", False),
    ("How many days of a 31-day month are rainy on average?", False),
    ("How many hours later does the capacitor voltage reach 1.7 V?", True),
    ("What does a balance of 12,500 dollars grow to in 3 years when it is compounded continuously at 5.8%?", False),
    ("At 6% a year, when will the balance reach $2,000?", True),
    ("Growth target: start £8,000; rate 5.25% p.a., compounded annually. Report the number of full years needed.",
     True),
    ("A cup is at 90 °C in a 20 °C room. Determine the elapsed time, in minutes, until the temperature is 40 °C.",
     True),
    ("At what time (in minutes) is T = 50 °C?", True),
    ("Find the time (in seconds) for the voltage to fall to 2 V.", True),
    ("Counts were 400 and 900. Find the doubling time in hours.", True),
    ("What is the largest number of people infected at the same time?", False),
    ("Counts were 400 and 900. Assuming unchecked exponential growth, what is the count at time zero?", False),
    ("Profits: bread 3 euros per tray, 2 hours of oven time. What is the largest daily profit?", False),
    # the question decides, not an aside: "when" in a detail sentence does not count
    ("It rained when she left. What is the mean of 3, 4 and 5?", False),
    # an age is a time (problem bank: radiocarbon dating)
    ("The wood holds 62% of the carbon-14 of living wood. How old is the bowl?", True),
    ("Estimate the age of the sample in years.", True),
    ("What dose does the formula give at the age of 70?", False),
    # a year asked is a moment ("in which year will it reach 3,500 pups")
    ("In which year (decimal) will the number of pups reach 3,500, if it was 1,070 in 2006?", True),
    ("What year-end balance does the account show?", False),
])
def test_profile_knows_a_question_that_asks_for_a_time(text: str, asks: bool) -> None:
    assert ("asks a time" in profile(text)) is asks


#: One family, one question, data given two ways: the program depends on which.
LOANS = [
    ("loan", ("A mortgage on a house costing $300,000 with a 20% down payment at 4% a year over 30 "
              "years. What is the monthly payment in dollars?")),
    ("loan", ("A car costing $9,000 with $1,500 paid down at 7% a year over 4 years. The lender wants "
              "equal monthly instalments. Find the monthly payment.")),
    ("cooling", "A cup of coffee at 90 C cools in a room at 20 C following Newton's law of cooling."),
]


@pytest.mark.parametrize("query, shown", [
    ("Maya buys a hatchback for $18,500, pays $3,500 down; 6.9% a year, 5 years. What is the monthly payment in dollars?", 1),
    ("Sam buys a flat for $250,000 with 10% down; 5% a year, 25 years. What is the monthly payment in dollars?", 0),
])
def test_within_a_family_the_kinds_of_numbers_decide(tmp_path: Path, query: str, shown: int) -> None:
    bank = load_bank(write_bank(tmp_path / "loans.jsonl", docs=LOANS))
    assert bank.nearest(query, k=1) == [Example(LOANS[shown][1], f"answer = {shown}")]


#: One family, the same data, a time or a value asked (two examples of the bank).
RC = [
    ("rc", ("Yusuf connects a 3.3 V supply, a 10 kΩ resistor and an empty 22 µF capacitor in series and "
            "closes the switch. How many milliseconds later does the capacitor voltage reach 1.7 V?")),
    ("rc", ("An uncharged 470 µF capacitor is charged through a 6.8 kΩ resistor from a 5 V source. Find "
            "the capacitor voltage (V) 7 s after the switch is closed.")),
    ("cooling", "A cup of coffee at 90 C cools in a room at 20 C following Newton's law of cooling."),
]


@pytest.mark.parametrize("query, shown", [
    # an evaluation item: "voltage" and "capacitor" match the first example's question better
    (("What voltage (V) does a 470 µF capacitor charging from 0 V through 4.7 kΩ on a 9 V supply show "
      "4.7 s after switch-on?"), 1),
    (("A 100 µF capacitor charges through 2 kΩ on a 12 V supply. How many milliseconds later does the "
      "capacitor voltage reach 6 V?"), 0),
])
def test_within_a_family_a_time_asked_decides(tmp_path: Path, query: str, shown: int) -> None:
    bank = load_bank(write_bank(tmp_path / "rc.jsonl", docs=RC))
    assert bank.nearest(query, k=1) == [Example(RC[shown][1], f"answer = {shown}")]


@pytest.mark.parametrize("weights, asks_time", [((0.0, 0.0), True), ((PROFILE_WEIGHT, TIME_WEIGHT), False)])
def test_within_a_family_the_profile_outweighs_question_words(weights: tuple[float, float], asks_time: bool) -> None:
    # an evaluation item: the shipped bank's "Solve for t: £2,000 compounded continuously ... grows
    # to £5,000" matches its question words best, but answers another question
    query = "What does a balance of 12,500 dollars grow to in 3 years when it is compounded continuously at 5.8% a year?"
    bank = dataclasses.replace(load_bank(BANK_PATH), profile_weight=weights[0], time_weight=weights[1])
    shown = bank.nearest(query, k=1)[0]
    assert "exp(" in shown.program  # continuous compounding either way
    assert ("asks a time" in profile(shown.problem)) is asks_time


#: Two families of the bank with the same data and another question: a value after a time, or
#: the time until a value.
BOLUS = [
    ("iv_bolus_time_below", ("After an IV bolus of 750 mg, a drug distributes into 44 L and is eliminated "
                             "with a half-life of 5.7 h. How long (in hours) until the plasma concentration "
                             "falls to 5.1 mg/L? The patient's room number is 132.")),
    ("iv_bolus_concentration", ("Sven is given 500 mg of theophylline as a single IV push. With a volume of "
                                "distribution of 38 L and a half-life of 8.4 hours, what plasma concentration, "
                                "in mg/L, do you expect 21 h later?")),
    ("cooling", "A cup of coffee at 90 C cools in a room at 20 C following Newton's law of cooling."),
]


@pytest.mark.parametrize("query, shown", [
    # an evaluation item whose words match the first family better
    (("What is the plasma concentration of gentamicin, in mg/L, 4.5 hours after an IV bolus of 340 mg, if "
      "its half-life is 2.5 hours and its volume of distribution is 14 L? The patient's room number is 221."), 1),
    (("How long after an IV bolus of 340 mg does the plasma concentration fall below 2 mg/L, if its "
      "half-life is 2.5 hours and its volume of distribution is 14 L?"), 0),
])
def test_families_are_ranked_by_examples_of_the_kind_of_question_asked(tmp_path: Path, query: str,
                                                                        shown: int) -> None:
    bank = load_bank(write_bank(tmp_path / "bolus.jsonl", docs=BOLUS))
    assert bank.nearest(query, k=1) == [Example(BOLUS[shown][1], f"answer = {shown}")]


def test_bm25_ranks_the_obviously_nearest_first(bank: Bank) -> None:
    q = tokens("How long until my tea cools from 80 C to 50 C in a 21 C room?")
    scores = bank.index.scores(q)
    assert max(range(len(scores)), key=scores.__getitem__) == 2
    assert scores[2] > 0 and scores[3] == 0.0
    assert BM25([]).scores(q) == []


@pytest.mark.parametrize("query, family", [
    ("Newton cooling of soup in a room", "cooling"),
    ("A stone is thrown upward from a balcony, when does it land", "projectile"),
    ("An epidemic with infection and recovery rates in a town", "epidemic"),
    ("How many chairs and tables should the factory make to maximise profit", "lp"),
    ("Monthly compounded interest on a bank deposit", "interest"),
])
def test_nearest_puts_the_best_match_last(bank: Bank, query: str, family: str) -> None:
    got = bank.nearest(query, k=2)
    assert len(got) == 2 and all(isinstance(e, Example) for e in got)
    best = got[-1]  # most similar last: nearest to the question in the prompt
    assert bank.groups[bank.examples.index(best)] == family


def test_one_example_per_family(bank: Bank) -> None:
    got = bank.nearest("interest compounded on a savings deposit in a bank account", k=3)
    families = [bank.groups[bank.examples.index(e)] for e in got]
    assert len(families) == 3 and len(set(families)) == 3
    assert families[-1] == "interest"


def test_exclude_drops_the_identical_problem(bank: Bank) -> None:
    same = DOCS[2][1]
    got = bank.nearest("  " + same + "\n", k=6, exclude=same + "  ")
    assert same not in [e.problem for e in got]
    assert len(got) == 4  # every other family (one example each) still available


@pytest.mark.parametrize("k", [0, -1])
def test_k_zero_is_empty(bank: Bank, k: int) -> None:
    assert bank.nearest("cooling coffee", k=k) == []


def test_more_than_available(bank: Bank) -> None:
    assert len(bank.nearest("anything at all", k=50)) == len({f for f, _ in DOCS})


def test_empty_bank(tmp_path: Path) -> None:
    missing = load_bank(tmp_path / "nope.jsonl")
    assert missing.examples == [] and missing.nearest("cooling coffee", k=3) == []
    empty = load_bank(write_bank(tmp_path / "empty.jsonl", docs=[]))
    assert empty.nearest("cooling coffee", k=3) == []
    assert nearest_examples("cooling coffee", k=2, bank_path=tmp_path / "nope.jsonl") == []


def test_nearest_examples_reads_a_bank_file(tmp_path: Path) -> None:
    path = write_bank(tmp_path / "b.jsonl")
    got = nearest_examples("a ball thrown from a balcony", k=1, bank_path=path)
    assert got == [Example(DOCS[3][1], "answer = 3")]
    assert nearest_examples("a ball", k=1, bank_path=path, exclude=DOCS[3][1]) != got


def test_bm25_counts_rarity_per_group_when_given_groups() -> None:
    docs = [["account", "monthly"], ["account", "loan"], ["account", "yearly"], ["coffee", "cools"]]
    per_doc = BM25(docs)
    per_family = BM25(docs, groups=["finance", "finance", "finance", "cooling"])
    # "account" is in 3 of 4 examples but only in 1 of 2 families
    assert per_doc.idf["account"] == pytest.approx(math.log(1 + 1.5 / 3.5))
    assert per_family.idf["account"] == pytest.approx(math.log(2))
    # a word of one example of a family is as rare per family as the family's common words
    assert per_family.idf["monthly"] == per_family.idf["account"] < per_doc.idf["monthly"]


def test_the_shipped_bank_counts_rarity_per_family() -> None:
    bank = load_bank(BANK_PATH)
    assert bank.index.groups == bank.groups


# Problems of the kinds the shipped bank gained on 2026-12-04 (families the default adapter was not
# trained on), worded as a person would, not by the families' generators: the shipped bank shows
# an example of the same kind.
BANK_ONLY_KINDS = [
    ("loan_payoff_time",
     ('Maria owes $3,200 on a credit card charging 19.9% APR compounded monthly. If she pays '
      '$120 a month and stops using the card, how many months until the debt is paid off?')),
    ("oral_absorption",
     ('A 500 mg tablet is swallowed. The drug is absorbed with rate constant ka = 1.2 per hour '
      'and eliminated with ke = 0.2 per hour; the volume of distribution is 40 L. When does the'
      ' plasma concentration peak?')),
    ("iv_drip_rate",
     ('Infuse 1,000 mL of normal saline over 8 hours using tubing with a drop factor of 15 '
      'gtt/mL. What is the flow rate in drops per minute?')),
    ("rlc_circuit",
     ('A 10 ohm resistor, a 0.5 H inductor and a 200 microfarad capacitor are in series. A 12 V'
      ' battery is connected at t = 0. What is the capacitor voltage after 20 ms?')),
    ("two_tank_cascade",
     ('Tank A (100 L) receives salt water with 0.2 kg/L at 4 L/min and drains at the same rate '
      'into tank B (100 L), which drains at 4 L/min too. Both tanks hold fresh water at first. '
      'How much salt is in tank B after 30 minutes?')),
    ("dew_point", "The temperature is 25 °C and the relative humidity 60%. Estimate the dew point."),
    ("wind_chill", "It is -15 °C outside with a 30 km/h wind. What is the wind chill?"),
    ("seir_epidemic",
     ('In a town of 10,000, an SEIR model has beta = 0.5 per day, an incubation period of 5 '
      'days and an infectious period of 4 days, starting from 10 infectious people. How many '
      'are infectious after 60 days?')),
    ("stats_weighted_mean",
     ('Homework counts 20%, quizzes 30% and the final exam 50%. Ines has 92 on homework, 81 on '
      'quizzes and 74 on the exam. What is her final grade?')),
    # added on 2026-12-05
    ("lotka_volterra_equilibrium",
     ('Foxes and rabbits obey dR/dt = 0.8R - 0.02RF and dF/dt = 0.001RF - 0.3F. At what rabbit population '
      'is the system in equilibrium with both species present?')),
    ("growth_rate_from_two_values",
     ('A city had 410,000 inhabitants in 2005 and 468,000 in 2015. Assuming exponential growth, what was its '
      'continuous annual growth rate in percent?')),
    ("bsa_dosing",
     ('A patient is 168 cm tall and weighs 61 kg. Carboplatin is ordered at 400 mg per m² of body surface '
      'area (Mosteller). How many mg should be given?')),
    ("creatinine_clearance",
     ('Estimate the creatinine clearance of a 72-year-old woman weighing 58 kg with a serum creatinine of '
      '1.4 mg/dL using Cockcroft-Gault.')),
    ("half_life_from_two_samples",
     ('After an IV dose of gentamicin, blood levels were 8.2 mg/L at 1 h and 3.1 mg/L at 7 h. What is the '
      'elimination half-life?')),
    ("simple_interest",
     'Ana borrows $1,500 at 6% simple interest for 9 months. How much interest does she owe?'),
    ("sinking_fund_payment",
     ('How much must a firm set aside at the end of every quarter, at 5% compounded quarterly, to have '
      '$80,000 in 6 years to replace a machine?')),
    ("spring_damping_ratio",
     ('A 250 kg quarter-car rests on a suspension spring of 20 kN/m with a damper of 1,800 N·s/m. What is the '
      'damping ratio?')),
    ("relative_humidity",
     ('At dawn the air is 9 °C with a dew point of 7 °C. By noon the air has warmed to 21 °C and the dew point is '
      'unchanged. What is the relative humidity at noon?')),
    # added on 2026-12-06: the constant fitted to a second reading (problems/weather/soup_cooling.md), where
    # a given time constant is cooling_time_to_reach's
    ("cooling_time_from_two_readings",
     ('I ladled a bowl of lentil soup straight from the pot; my kitchen thermometer read 90 °C in the soup. The '
      'kitchen is at a steady 21 °C. Five minutes later the soup had cooled to 78 °C. Assuming Newton\'s law of '
      'cooling, how many minutes after I served it will the soup be at 60 °C?')),
    ("cooling_time_to_reach",
     ('A cup of coffee is at 90 °C in a kitchen at 21 °C. It cools by Newton\'s law of cooling with a time '
      'constant of 12 minutes. How many minutes until it is at 60 °C?')),
    # continuous growth is exp(r t): the family's continuous example, not a yearly compounding one
    ("exponential_growth",
     'How large will a town of 23,500 people, growing at 3.4% per year (continuous growth), be after 13 years?'),
]


def shown_in_shipped_bank(text: str) -> tuple[str, Example]:
    """The family of the example the shipped bank shows for ``text``, and the example."""
    bank = load_bank(BANK_PATH)
    shown = bank.nearest(text, k=1)[0]
    return bank.groups[bank.examples.index(shown)], shown


@pytest.mark.parametrize(("family", "text"), BANK_ONLY_KINDS, ids=[f for f, _ in BANK_ONLY_KINDS])
def test_the_shipped_bank_holds_the_kinds_added_for_retrieval_only(family: str, text: str) -> None:
    group, shown = shown_in_shipped_bank(text)
    assert group == family
    if "continuous growth" in text:
        assert "sp.exp(r * t)" in shown.program


COMPOUNDING = [
    # interest added within the year: an example whose program counts the periods
    (("A sum of $20,000 is deposited at a nominal annual rate of 1.3%, compounded once a week. Find the balance "
      "after 20 years."), True),
    (("I'm saving 4,000 dollars in an account that pays 7.1% a year, compounded semi-annually. What will I have "
      "after 17 years, in dollars?"), True),
    (("After 9 years, how much interest has 2,000 CHF earned in a savings product that pays 2% annually, "
      "compounded once a week?"), True),
    # once a year: none to count
    (("How much interest does a deposit of 20,000 euros earn in 11 years when the bank pays 7.75% a year and adds "
      "the interest at the end of each year?"), False),
]


@pytest.mark.parametrize(("text", "simple"), [
    (("How much will a deposit of 2,500 EUR grow to in 29 years when the bank pays 7% a year and adds the interest "
      "at the end of each year?"), False),
    ("What is 2,500 EUR worth after 29 years at 7% a year, compounded annually?", False),
    ("How much interest does 2,500 EUR earn in 3 years at 7% simple interest?", True),
    (("A note pays 7% a year on the principal only (interest is not compounded). What is 2,500 EUR worth after "
      "3 years?"), True),
])
def test_simple_interest_is_a_kind_of_question(text: str, simple: bool) -> None:
    bank = load_bank(BANK_PATH)
    shown = bank.nearest(text, k=1)[0]
    assert (bank.groups[bank.examples.index(shown)] == "simple_interest") == simple
    assert (profile(text)["simple interest"] == 1) == simple


@pytest.mark.parametrize(("text", "within_year"), COMPOUNDING)
def test_interest_compounded_within_the_year_is_shown_an_example_that_counts_periods(text: str,
                                                                                      within_year: bool) -> None:
    shown = load_bank(BANK_PATH).nearest(text, k=1)[0]
    assert ("periods_per_year" in shown.program or "/ 12" in shown.program) == within_year
    assert (profile(text)["compounded within the year"] == 1) == within_year


@pytest.mark.parametrize(("text", "fahrenheit"), [
    ("What dew point does the Magnus formula give for air at 26 °C with 46% relative humidity?", False),
    ("What dew point does the Magnus formula give for air at 79 °F with 46% relative humidity?", True),
])
def test_within_a_family_the_example_has_the_texts_units(text: str, fahrenheit: bool) -> None:
    shown = load_bank(BANK_PATH).nearest(text, k=1)[0]
    assert ("- 32" in shown.program) == fahrenheit  # a Fahrenheit example converts


@pytest.mark.parametrize(("text", "shape"), [
    # a volume over a time, not a dose rate in units/h (held-out phrasings)
    (("How many drops per minute will deliver 100 mL of an antibiotic solution over 60 minutes through a set "
      "with a drop factor of 20 gtt/mL?"), "volume * drop_factor / minutes"),
    # brine in g/L: the example converts to kg/L
    (("How much salt, in kg, does the second of two tanks in series hold after 26 minutes, if brine of 25 g/L "
      "enters the first (300 L) at 15 L/min, the mixed liquid flows on into the second (300 L) at the same rate "
      "and leaves from there, and they start with 4 and 2 kg of salt?"), "c_in_g / 1000"),
    (("How much salt, in kg, does the second of two tanks in series hold after 26 minutes, if brine of 0.025 "
      "kg/L enters the first (300 L) at 15 L/min, the mixed liquid flows on into the second (300 L) at the same "
      "rate and leaves from there, and they start with 4 and 2 kg of salt?"), "inflow [kg/L]"),
])
def test_within_a_family_the_example_writes_the_texts_units_of_measure(text: str, shape: str) -> None:
    shown = load_bank(BANK_PATH).nearest(text, k=1)[0]
    assert shape in shown.program
    assert ("c_in_g" in shown.program) == (" g/L" in text)


@pytest.mark.parametrize(("text", "family"), [
    # held-out phrasings whose scenario's words are those of another family's example: a rate
    # constant given, a discharge, a sum asked for now
    (("How many hours after it is left to cool after the heater is switched off at dusk does the air in a "
      "greenhouse reach 12 °C, if it was 21 °C at that moment and 15 °C 3 hours later, and the surroundings stay "
      "at 8 °C? Use Newton's law of cooling."), "cooling_time_from_two_readings"),
    (("How long, in seconds, does it take a 2200 µF capacitor at 300 V, discharging through 470 Ω, to reach "
      "16 V?"), "rc_discharge"),
    (("After how many seconds does a 470 µF capacitor charging from 0 V through 100 kΩ on a 12 V supply reach "
      "3.3 V?"), "rc_charging"),
    (("A promise to pay 10,000 CHF in 5 years' time — what is it worth today, when money earns 3.75% a year, "
      "compounded annually?"), "present_value"),
])
def test_the_kinds_keep_a_scenarios_words_from_choosing_the_family(text: str, family: str) -> None:
    bank = load_bank(BANK_PATH)
    assert bank.groups[bank.examples.index(bank.nearest(text, k=1)[0])] == family


@pytest.mark.parametrize(("text", "shape"), [
    # "how long is it?" asks a side, not a time: shown a side given as twice the width (seed 60)
    (("The length of a rectangular garden falls 5 m short of twice its width. With 117 square metres of area, how "
     "long is it?"), "2 * width - shortfall"),
    # a side twice another outweighs the units (cm against m)
    (("A rectangular poster has an area of 11,000 cm². Its length is 90 cm less than twice its width. What is its "
     "length?"), "2 * width - shortfall"),
    ("Its length is 30 cm more than its width and it covers 5,400 cm². How long will the tablecloth be?",
     "width + extra"),
    # within a family, the kind before the question's words: monthly compounding shown monthly
    (("Find the present value of 25,000 euros receivable 4 years from now, given an interest rate of 8% per year "
     "compounded monthly."), "/ 12"),
])
def test_within_a_family_the_example_is_of_the_texts_kind(text: str, shape: str) -> None:
    assert shape in load_bank(BANK_PATH).nearest(text, k=1, exclude=text)[0].program


# ---- several bank files, weights, installed banks -------------------------------------------

ARITHMETIC = [("gsm8k", "Maya baked 36 cookies for the coffee morning and gave a third of them away."),
              ("gsm8k", "Omar walks 3 miles every day. How many miles does he walk in 5 days?")]


def write_weighted(path: Path, docs, weight: float) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (family, problem) in enumerate(docs):
            fh.write(json.dumps({"family": family, "problem": problem, "program": f"answer = {100 + i}",
                                 "weight": weight}) + "\n")
    return path


def test_several_bank_files_are_one_bank(tmp_path: Path) -> None:
    a = write_bank(tmp_path / "a.jsonl")
    b = write_weighted(tmp_path / "b.jsonl", ARITHMETIC, 1.0)
    both = load_bank([a, tmp_path / "missing.jsonl", b])
    assert len(both.examples) == len(DOCS) + len(ARITHMETIC)
    assert both.weights == [1.0] * len(both.examples)
    assert both.nearest("Omar walks 4 miles every day. How many miles does he walk in 6 days?", k=1)[0].program == "answer = 101"


def test_a_weighted_example_is_shown_only_where_it_matches_clearly_better(tmp_path: Path) -> None:
    """A bank of arithmetic chains with weight 0.6 still wins where its words match far better,
    and gives way to a modeling family where the match is close."""
    a = write_bank(tmp_path / "a.jsonl")
    b = write_weighted(tmp_path / "b.jsonl", ARITHMETIC, 0.6)
    bank = load_bank([a, b])
    assert bank.weights[-1] == 0.6 and bank.weights[0] == 1.0
    # only the cookies text shares these words: shown whatever its weight
    assert bank.nearest("Maya baked 36 cookies and gave a third away", k=1)[0].program == "answer = 100"
    # "coffee" matches both the cooling example and the cookies one; unweighted, the cookies one wins
    query = "coffee morning cookies cools"
    unweighted = load_bank([a, write_weighted(tmp_path / "c.jsonl", ARITHMETIC, 1.0)])
    assert unweighted.nearest(query, k=1)[0].program == "answer = 100"
    assert bank.nearest(query, k=1)[0].program == "answer = 2"
    # the two families are both still offered when two examples are asked for
    assert {e.program for e in bank.nearest(query, k=2)} == {"answer = 2", "answer = 100"}


def test_nearest_examples_reads_installed_banks_and_sees_them_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mathllm.retrieve import default_banks, install_bank, installed_banks, remove_bank

    monkeypatch.setenv("MATHLLM_BANKS_DIR", str(tmp_path / "banks"))
    assert installed_banks() == [] and default_banks() == [BANK_PATH]
    query = "Omar walks 3 miles every day. How many miles does he walk in 5 days?"
    assert all(e.program != "answer = 7" for e in nearest_examples(query, k=1))
    path = install_bank("mine", [{"family": "walks", "problem": ARITHMETIC[1][1], "program": "answer = 7"}])
    assert installed_banks() == [path] and default_banks() == [BANK_PATH, path]
    assert nearest_examples(query, k=1)[0].program == "answer = 7"
    remove_bank("mine")
    assert installed_banks() == [] and nearest_examples(query, k=1)[0].program != "answer = 7"
    assert not list((tmp_path / "banks").glob(".*tmp"))  # the atomic write left nothing behind


GOOD_PROGRAM = "rate = 3  # miles per day [mi/day]\ndays = 5  # days walked [day]\nanswer = rate * days\n"


@pytest.mark.parametrize("content, fragment", [
    ("", "is empty"),
    ("\n\n", "is empty"),
    ("not json\n", "mine.jsonl:1: not valid JSON"),
    ('["problem", "program"]\n', "mine.jsonl:1: each line must be a JSON object"),
    ('{"problem": "x"}\n', 'mine.jsonl:1: "program" must be a non-empty string'),
    ('{"problem": "", "program": "answer = 1"}\n', 'mine.jsonl:1: "problem" must be a non-empty string'),
    ('{"problem": 3, "program": "answer = 1"}\n', '"problem" must be a non-empty string'),
    ('{"problem": "x", "program": "answer = 1", "weight": -1}\n', '"weight" must be a number'),
    ('{"problem": "x", "program": "answer = 1", "weight": true}\n', '"weight" must be a number'),
    ('{"problem": "x", "program": "answer = 1", "weight": "0.5"}\n', '"weight" must be a number'),
    (json.dumps({"problem": "ok", "program": GOOD_PROGRAM}) + "\n"
     + json.dumps({"problem": "escape", "program": "import os\nos.system('id')\nanswer = 1\n"}) + "\n",
     "mine.jsonl:2: the program fails the contract check (line 1: import of 'os' is not allowed"),
    (json.dumps({"problem": "x", "program": "open('/etc/passwd').read()\nanswer = 1\n"}) + "\n",
     "fails the contract check"),
    (json.dumps({"problem": "x", "program": "y = 2\n"}) + "\n", "fails the contract check"),
], ids=["empty", "blank", "not-json", "array", "no-program", "empty-problem", "number-problem",
        "negative-weight", "bool-weight", "string-weight", "os-import", "open-file", "no-answer"])
def test_bad_bank_files_get_one_clear_error(tmp_path: Path, content: str, fragment: str) -> None:
    from mathllm.errors import DataError
    from mathllm.retrieve import read_bank_records

    path = tmp_path / "mine.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=None) as err:
        read_bank_records(path)
    assert fragment in str(err.value)


def test_unreadable_bank_files(tmp_path: Path) -> None:
    from mathllm.errors import DataError
    from mathllm.retrieve import read_bank_records

    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02")
    for name, fragment in [("missing.jsonl", "not found"), ("bin.jsonl", "binary"), (".", "is a directory")]:
        with pytest.raises(DataError) as err:
            read_bank_records(tmp_path / name)
        assert fragment in str(err.value)


def test_a_good_bank_file_is_read(tmp_path: Path) -> None:
    from mathllm.retrieve import read_bank_records

    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"problem": "Omar walks", "program": GOOD_PROGRAM, "weight": 0.5}) + "\n\n",
                    encoding="utf-8")
    assert read_bank_records(path) == [{"problem": "Omar walks", "program": GOOD_PROGRAM, "weight": 0.5}]


@pytest.mark.parametrize("name", ["", "builtin", "../evil", "a/b", ".hidden", "x" * 65, "sp ace"])
def test_bad_bank_names_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from mathllm.errors import UsageError
    from mathllm.retrieve import install_bank, remove_bank

    monkeypatch.setenv("MATHLLM_BANKS_DIR", str(tmp_path / "banks"))
    with pytest.raises(UsageError):
        install_bank(name, [{"problem": "x", "program": "answer = 1"}])
    with pytest.raises(UsageError):
        remove_bank(name)
    assert not (tmp_path / "banks").exists() or not any((tmp_path / "banks").iterdir())


def test_bank_names_resolve_and_missing_banks_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank option naming nothing is an error, never a quietly empty retrieval."""
    from mathllm.errors import DataError, UsageError
    from mathllm.retrieve import install_bank, resolve_banks
    from mathllm.solve import SolveOptions

    monkeypatch.setenv("MATHLLM_BANKS_DIR", str(tmp_path / "banks"))
    mine = install_bank("mine", [{"problem": "Omar walks", "program": GOOD_PROGRAM}])
    assert resolve_banks(["builtin", "mine"]) == (str(BANK_PATH), str(mine))
    with pytest.raises(DataError, match="not found: nope"):
        resolve_banks(["nope"])
    with pytest.raises(UsageError, match="bank file not found: builtin"):
        SolveOptions(banks=("builtin",)).validate()  # a name is resolved first, by resolve_banks
    SolveOptions(banks=resolve_banks(["builtin"])).validate()


@pytest.mark.parametrize(("text", "family"), [
    # an equilibrium asked: the example solves for the resting state
    (("Foxes and rabbits obey dR/dt = 0.8R - 0.02RF and dF/dt = 0.001RF - 0.3F. At what rabbit population is the "
      "system in equilibrium with both species present?"), "lotka_volterra_equilibrium"),
    # a state after a while: the example integrates
    (("What is the number of sardines after 16 years, if 70 sardines and 37 tuna interact according to dx/dt = "
      "0.76x - 0.0228xy, dy/dt = 0.0132xy - 0.66y (t in years)?"), "lotka_volterra"),
    # at least one: the complement of none
    (("Independent free throws, 11 of them, each with probability 75% that a basketball player makes a free "
      "throw. Determine the chance that the player makes at least one, as a decimal."), "prob_at_least_one"),
    # exactly some: a binomial term
    (("Independent free throws, 11 of them, each with probability 75% that a basketball player makes a free "
      "throw. Determine the chance that the player makes exactly 4 of them, as a decimal."), "prob_binomial"),
])
def test_an_equilibrium_or_at_least_one_asked_is_a_kind_of_question(text: str, family: str) -> None:
    assert shown_in_shipped_bank(text)[0] == family


@pytest.mark.parametrize(("text", "family"), [
    # one sum compounding monthly: no payments, though the account "pays" a rate
    (("Over 16 years, how much does 2,000 euros grow to in an account paying 5% annually, with the interest added "
      "monthly?"), "compound_interest_periodic"),
    # the same account with a deposit each month: an annuity
    (("Over 16 years, how much does an account paying 5% annually, with the interest added monthly, grow to if "
      "2,000 euros are deposited at the end of every month?"), "savings_annuity_fv"),
])
def test_payments_each_period_are_a_kind(text: str, family: str) -> None:
    assert shown_in_shipped_bank(text)[0] == family


@pytest.mark.parametrize(("text", "pays"), [
    ("A deposit of 300 euros is made at the end of every month into an account paying 4.3% per year.", True),
    ("After 4 years of monthly end-of-month deposits of 75 dollars into a 2.75% account, what is the balance?", True),
    ("If I pay 170 EUR a month and stop using the card, how many payments until I'm debt-free?", True),
    ("Compute the future value of an ordinary annuity of 500 dollars per month for 18 years.", True),
    ("I'm saving £5,000 in an account that pays 1% a year, compounded semi-annually.", False),  # a rate
    ("A deposit earns a nominal 10% per year while inflation is 4.3%.", False),
    ("How much does 2,000 euros grow to in an account paying 5% annually, with the interest added monthly?", False),
])
def test_what_pays_each_period(text: str, pays: bool) -> None:
    assert pays_each_period(text) is pays


@pytest.mark.parametrize(("text", "unit"), [
    ("How many mg of cisplatin does an order of 80 mg/m² come to for a patient who is 190 cm tall?", "mg"),
    ("What is the body surface area by the Mosteller formula, in m²?", "m^2"),
    ("How high above sea level, in m, is the freezing level?", "m"),
    ("What is the growth rate (in %)?", "%"),
    ("What is the temperature at the ski resort, 950 m above sea level?", None),
    ("How many people are infected at the peak?", None),
])
def test_the_unit_a_question_asks_its_answer_in(text: str, unit: str | None) -> None:
    assert asked_unit(text) == unit


def test_a_dose_asked_in_mg_is_shown_an_example_that_computes_the_dose() -> None:
    # the body surface area and the dose computed from it share every word of the text
    text = ("How many mg of cyclophosphamide does an order of 500 mg/m² come to for a patient who is 179 cm tall and "
            "weighs 67.8 kg, with the body surface area from the Mosteller formula?")
    shown = load_bank(BANK_PATH).nearest(text, k=1)[0]
    assert "dose" in shown.program and "mg" in question_of(shown.problem)


ASIDE = "The bank's customer service line is open until 5 pm."
DEPRECIATION = [
    {"family": "interest", "problem": f"An amount of 800 dollars is invested at 6.75%, compounded yearly. {ASIDE} How much "
                                      "interest has been earned after 7 years?", "program": "answer = 1\n"},
    {"family": "interest", "problem": "Lena invests 2,000 euros at 3% a year, compounded yearly. What is it worth after "
                                      "9 years?", "program": "answer = 2\n"},
    {"family": "depreciation", "problem": "Straight-line depreciation: cost = $49,000, salvage = $5,600, life = 11 years. "
                                          "Compute the book value after 3 years.", "program": "answer = 3\n"},
]


def test_an_aside_the_bank_marks_does_not_rank_its_example(tmp_path: Path) -> None:
    query = ("What is the book value after 7 years of a commercial oven bought for 17,000 dollars, if it is depreciated "
             f"in equal yearly amounts down to 4,000 dollars over 11 years? {ASIDE}")
    path = tmp_path / "bank.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in DEPRECIATION), encoding="utf-8")
    assert load_bank(path).nearest(query, k=1)[0].program == "answer = 1\n"  # the aside pulls
    marked = [r | ({"asides": [ASIDE]} if ASIDE in r["problem"] else {}) for r in DEPRECIATION]
    path.write_text("".join(json.dumps(r) + "\n" for r in marked), encoding="utf-8")
    bank = load_bank(path)
    assert bank.nearest(query, k=1)[0].program == "answer = 3\n"
    assert ASIDE in bank.examples[0].problem  # shown as it is written


def test_the_shipped_bank_marks_the_asides_its_problems_hold() -> None:
    records = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines()]
    marked = [r for r in records if r.get("asides")]
    assert len(marked) > len(records) / 5
    assert all(a in r["problem"] for r in marked for a in r["asides"])


@pytest.mark.parametrize("text, unit", [
    ("When will the plasma level be down to 6.1 mg/L? Please answer in hours.", "h"),
    ("When will the plasma level be down to 6.1 mg/L? Give the result in minutes.", "min"),
    ("How long until it falls to 6.1 mg/L (in minutes)? Please answer in hours.", "min"),  # the question's own
    ("When will the plasma level be down to 6.1 mg/L? Answer in hours. Also give the answer in minutes.", None),
    ("When will the plasma level be down to 6.1 mg/L? The answer in the lab book was wrong.", None),
    ("Solve L q'' + R q' + q/C = 24 V with C = 1 µF, and give the capacitor voltage q/C in volts at t = 1.1 ms.", "v"),  # (volts spelled as the program's [V])
    ("Solve L q'' + R q' + q/C = 48 V with C = 100 µF, and give the current q' in mA at t = 1.9 ms.", "ma"),
])
def test_the_unit_asked_in_a_sentence_of_its_own(text: str, unit: str | None) -> None:
    assert asked_unit(text) == unit
    assert (f"asks {unit}" in profile(text)) if unit else not any(k.startswith("asks ") and k[5:6] != "a"
                                                                    for k in profile(text) if k != "asks a time")


@pytest.mark.parametrize("text, asks", [
    ("How high above sea level, in m, is the freezing level on a day when the town at 600 m records 12 °C?", True),
    ("At what altitude (in m) does the temperature reach 0 °C?", True),
    ("Estimate the altitude of the freezing level (0 °C) (in m).", True),
    ("What is the temperature at the radio mast, 750 m above sea level?", False),
    ("How cold is it at the summit at 2,000 m?", False),
])
def test_an_altitude_asked_is_a_height_asked(text: str, asks: bool) -> None:
    assert ("asks the height" in profile(text)) is asks


@pytest.mark.parametrize("text, source", [
    ("What is the capacitor voltage 1.3 ms after a 5 V source is switched onto an uncharged 1 µF capacitor?", True),
    ("Solve L q'' + R q' + q/C = 24 V with L = 22 mH, R = 47 Ω, C = 1 µF, q(0) = 0.", True),
    ("I've wired a 12 V supply, a 47 Ω resistor and a 1 µF capacitor (starting at 0 V) in series.", True),
    ("A 10 µF capacitor charged to 10 V is connected at t = 0 across a 1 kΩ resistor.", False),
    ("RLC transient, series: R = 100 Ω; L = 470 mH; C = 4.7 µF; no source; V_C(0) = 100 V.", False),
    ("Plant 1 can supply 88 crates and Plant 2 52.", False),  # no circuit
    # a capacitor "completely discharged" at the start is an uncharged one, charged by the battery
    ("A 470 µF capacitor is charged from a 9 V battery through a 2.2 kΩ resistor. The capacitor is completely "
     "discharged when the switch is closed at t = 0. What is the capacitor voltage 1 s later?", True),
])
def test_a_circuit_driven_by_a_source_is_a_kind(text: str, source: bool) -> None:
    assert ("a source" in profile(text)) is source



@pytest.mark.parametrize("text, peak", [
    ("What is the peak plasma concentration (mg/L) after a single oral dose of 400 mg of ibuprofen?", True),
    ("When will my blood level peak (hours), and how high (mg/L) will it get?", True),
    ("Compute C_max (mg/L).", True),
    ("Find the plasma concentration (mg/L) 2 hours after the dose.", False),
    ("The peak season starts in May. What is the plasma concentration 2 hours after the dose?", False),  # not asked
])
def test_a_peak_asked_is_a_kind(text: str, peak: bool) -> None:
    assert ("asks a peak" in profile(text)) is peak


def test_a_peak_concentration_is_shown_an_example_that_asks_the_peak() -> None:
    # a held-out phrasing (seed 78) had been shown the concentration at a time, and the model wrote
    # ``t_query`` from the aside's "7 weeks"
    text = ("What is the peak plasma concentration (mg/L) after a single oral dose of 400 mg of ibuprofen, given "
            "first-order absorption at 1.8 per hour, an elimination half-life of 2.3 hours and a distribution volume "
            "of 13 L? Lena's appointment had been booked 7 weeks earlier.")
    shown = nearest_examples(text, k=1)[0]
    assert "C_max" in shown.program.strip().splitlines()[-1]


@pytest.mark.parametrize("question, asks", [
    ("What is the damping ratio of the suspension?", True),
    ("Is the system underdamped, critically damped or overdamped?", True),
    ("Where is the body 0.3 s after release, in mm?", False),
    ("Ignoring the damper, find the undamped natural frequency in Hz.", False),
])
def test_a_question_about_the_damping_is_a_kind(question: str, asks: bool) -> None:
    text = "A mass of 250 kg rests on a spring of 16,000 N/m with a damper of 1,400 N·s/m. " + question
    assert ("asks the damping" in profile(text)) is asks


def test_the_damping_ratio_asked_of_a_damped_spring_is_shown_its_own_kind() -> None:
    # the words of the setting are the displacement family's too; the question is the ratio's
    text = ("An engineering student models one corner of a small car as a mass-spring-damper: a mass of 250 kg "
            "rests on a spring with stiffness 16,000 N/m and a shock absorber with damping coefficient 1,400 N·s/m. "
            "The car is pushed down 5 cm and released from rest at t = 0.\n\nWhat is the damping ratio of the "
            "suspension?")
    shown = nearest_examples(text, k=1)[0]
    assert "damping ratio" in shown.problem.lower() or "ζ" in shown.problem


@pytest.mark.parametrize("text, kind, has", [
    ("A 1 µF capacitor, a 22 mH inductor and a 47 Ω resistor in series with a 5 V supply.", "has an inductor", True),
    ("A 9 V source is switched onto an uncharged 47 µF capacitor in series with 100 Ω and 1 H.", "has an inductor", True),
    ("An uncharged 220 µF capacitor in series with a 4.7 kΩ resistor and a 9 V battery.", "has an inductor", False),
    ("The model has an incubation period of 5 days before people become infectious.", "has an exposed stage", True),
    ("Integrate dS/dt = -βSI/N, dE/dt = βSI/N - σE with E(0) = 10.", "has an exposed stage", True),
    ("Use the standard SIR model with a transmission rate of 0.3 per day.", "has an exposed stage", False),
])
def test_what_a_model_has_is_a_kind(text: str, kind: str, has: bool) -> None:
    assert (kind in profile(text)) is has


@pytest.mark.parametrize("question, peak", [
    ("What is that maximum concentration in mg/L?", True),
    ("When does the plasma level peak?", True),
    ("What is the highest blood level reached?", True),
    ("What is the concentration 2 hours after the dose?", False),
    ("What is the maximum profit?", False),
])
def test_a_highest_concentration_asked_is_a_peak(question: str, peak: bool) -> None:
    assert ("asks a peak" in profile("A patient takes 500 mg by mouth. " + question)) is peak


def test_the_standard_sir_model_is_shown_an_sir_example() -> None:
    text = ("A new strain of flu reaches a town of 12,000 people. On day 0 there are 10 infectious residents; "
            "everyone else is susceptible. Use the standard SIR model with a transmission rate of 0.3 per day and a "
            "recovery rate of 0.1 per day. What is the largest number of people infectious at the same time?")
    shown = nearest_examples(text, k=1)[0]
    assert "SEIR" not in shown.problem and "exposed" not in shown.problem.lower()


@pytest.mark.parametrize("question, steady", [
    ("What steady-state concentration would the plasma approach if the infusion kept running indefinitely?", True),
    ("How many hours until the concentration reaches 90% of its plateau?", True),
    ("What is the plasma concentration 6 hours after the infusion started?", False),
    ("What fraction of days is rainy in the long run?", False),  # a weather chain's words, not this kind
])
def test_the_level_a_process_settles_at_is_a_kind(question: str, steady: bool) -> None:
    assert ("asks the steady state" in profile("A drug is infused at 50 mg/h into 40 L. " + question)) is steady


@pytest.mark.parametrize("text, kind, has", [
    ("An SIR model with a basic reproduction number R0 = 2.4 and an infectious period of 5 days.", "gives R0", True),
    ("The disease has a reproduction number of 3 and people recover after 7 days.", "gives R0", True),
    ("Use the standard SIR model with a transmission rate of 0.3 per day and recovery at 0.1 per day.", "gives R0", False),
    ("Ines's result is negative. What is the probability that she does not have it?", "a negative result", True),
    ("If a person tests negative, what is the probability that they are free of it?", "a negative result", True),
    ("A person tests positive. What is the probability that they have the condition?", "a negative result", False),
    ("A mug uses 0.35 kg of clay and 10 minutes on the wheel. A bowl uses 0.85 kg of clay and 18 minutes on "
     "the wheel. How many bowls should she make?", "uses resources", True),
    ("Rent costs $13,300 a month; materials are $12.41 per mug and each sells for $30.20. How many mugs "
     "break even?", "uses resources", False),
])
def test_parameters_given_results_and_resources_are_kinds(text: str, kind: str, has: bool) -> None:
    assert (kind in profile(text)) is has


@pytest.mark.parametrize("question, asks", [
    ("How many false-positive results would you expect among the 20,000 people screened?", "asks the false positives"),
    ("What is the expected number of true positives?", "asks the true positives"),
    ("How many of the 10,000 people would you expect to test positive?", None),
])
def test_the_kind_of_test_result_counted_is_asked_by_name(question: str, asks: str | None) -> None:
    found = {k for k in profile("A screening test has sensitivity 92%. " + question) if k.endswith("positives")}
    assert found == ({asks} if asks else set())


@pytest.mark.parametrize("question, time", [
    ("On which day after day 0 does this peak occur?", True),
    ("By what hour will the tank be full?", True),
    ("Which day of the week was warmest?", False),
])
def test_a_day_asked_with_a_preposition_is_a_time(question: str, time: bool) -> None:
    assert asks_time("An outbreak begins with 10 cases. " + question) is time


def test_a_production_plan_in_words_is_shown_a_linear_program_not_a_break_even() -> None:
    # "pottery mugs" is the break-even examples' wording; the resources each item uses are the plan's
    text = ("Ffion runs a small pottery studio and makes mugs and bowls. Each week she has 57 kg of clay and "
            "1,400 minutes of wheel time. A mug uses 0.35 kg of clay and 10 minutes on the wheel and earns £6.50. "
            "A bowl uses 0.85 kg of clay and 18 minutes on the wheel and earns £12.00. What is the largest "
            "possible weekly profit?")
    assert "linprog" in nearest_examples(text, k=1)[0].program


@pytest.mark.parametrize("text, wanted", [
    ("A town of 10,000 people; 10 infected on day 0; transmission rate 0.4 per day; recovery rate 0.1 per day. "
     "Use the SIR model. What is the largest number of people infected at the same time?", "beta = "),
    ("A town of 10,000 people; 10 infected on day 0; R0 = 2.5 and an infectious period of 8 days. Use the SIR "
     "model. What is the largest number of people infected at the same time?", "R0 = "),
])
def test_an_epidemic_is_shown_an_example_given_its_parameters_alike(text: str, wanted: str) -> None:
    assert wanted in nearest_examples(text, k=1)[0].program


@pytest.mark.parametrize("question, last", [
    ("How many false-positive results would you expect among the 20,000 people screened?", "false_positives"),
    ("How many of the 10,000 people would you expect to test positive?", "positives"),
    ("If a person tests negative, what is the probability that they really are free of the condition?", "p_neg"),
])
def test_a_screening_question_is_shown_an_example_of_its_count_or_value(question: str, last: str) -> None:
    text = ("A clinic screens 10,000 adults for a condition with a prevalence of 1.5%. The test has a sensitivity "
            "of 92% and a specificity of 96%. " + question)
    answer = nearest_examples(text, k=1)[0].program.strip().splitlines()[-1]
    assert answer.startswith("answer") and last in answer


@pytest.mark.parametrize("text, kind, has", [
    ("It cools at the dry adiabatic lapse rate of 9.8 °C per km until it becomes saturated.", "a rising parcel", True),
    ("The air temperature decreases with height at 6.5 °C per km.", "a rising parcel", False),
    ("A body is found in a flat at 23:15; how long before did death occur?", "a death", True),
    ("A thermometer is carried from a heated room into the garden.", "a death", False),
    ("Brine flows in at 8 L/min and the mixed solution drains at the same rate.", "flows out at the same rate", True),
    ("Brine flows in at 8 L/min and the mixture drains at 5 L/min, so the tank fills.", "flows out at the same rate",
     False),
    ("If fractional items can be treated as work in progress, what is the maximum profit?", "fractional amounts", True),
    ("Treating quantities as continuous, determine the largest profit.", "fractional amounts", True),
    ("She can only make whole items. What is the maximum profit?", "fractional amounts", False),
    ("The train left at 9:47 a.m. and arrived at 1:18 p.m.", "an afternoon on a 12-hour clock", True),
    ("The train left at 09:47 and arrived at 13:18.", "an afternoon on a 12-hour clock", False),
    ("Air at 24 °C with a dew point of 13 °C rises up a mountain.", "gives a dew point", True),
    ("How many pounds of salt are in the tank at the moment it becomes full?", "asks when full", True),
    ("How much does he need to deposit each month, in dollars?", "asks the payment", True),
    ("What is her monthly payment?", "asks the payment", True),
    ("How much must each quarterly deposit be?", "asks the payment", True),
    ("How much will I have if I deposit 200 dollars each month for 10 years?", "asks the payment", False),
    ("How many monthly payments are needed to pay it off?", "asks the payment", False),
    ("What is the total interest paid over the life of the loan?", "asks the payment", False),
    ("A pickling tank starts with 800 L of pure water. How much salt is in it after 20 minutes?",
     "starts with no salt", True),
    ("A tank holds 400 L of water with 10 kg of dissolved salt. Pure water flows in at 5 L/min.",
     "starts with no salt", False),
    ("I'll pay a £3,000 deposit and finance the rest. What will my monthly payment be?", "asks the payment", True),
    ("How much of the first payment is interest?", "asks the first payment's interest", True),
    ("Find the interest part of the first monthly payment.", "asks the first payment's interest", True),
    ("What is the total interest paid over the life of the loan?", "asks the first payment's interest", False),
    ("What is the first monthly payment?", "asks the first payment's interest", False),
    # a transport program's route limit and a route asked (set a's quarries, set b's plants)
    ("Haulage costs £6 per tonne. Because of a bridge, at most 35 tonnes a day can be hauled from South Quarry to "
     "Site B.", "limits a route", True),
    ("Haulage costs €8 per tonne. The road from Plant B to Site 3 is closed, so Plant B cannot deliver to Site 3.",
     "limits a route", True),
    ("Haulage costs €8 per tonne. North Quarry can supply up to 70 tonnes a day.", "limits a route", False),
    ("Shipping one pallet costs $4. How many pallets does Plant B send to Site 2?", "asks a route's amount", True),
    ("Shipping one pallet costs $4. What is the minimum total shipping cost?", "asks a route's amount", False),
    ("How many pallets does the bakery sell a day?", "asks a route's amount", False),  # no goods moved
    # a blend's share that must stay under a bound
    ("The mix must be at least 20% protein and at most 6% fibre by weight.", "caps a share", True),
    ("The mix must contain between 10% and 18% fibre.", "caps a share", True),
    ("The mix must be at least 20% protein and at least 4% phosphate.", "caps a share", False),
    # a run of days of a chain (set c's Bergen weather)
    ("If it rains one day, the chance of rain on the next day is 60%. It is raining on Monday. What is the "
     "probability that Tuesday, Wednesday and Thursday are all dry?", "asks a run of days", True),
    ("If it rains one day, the chance of rain on the next day is 60%. What is the probability that it rains on "
     "Thursday?", "asks a run of days", False),
    ("Each day has a 35% chance of rain. What is the probability that all five days are dry?",
     "asks a run of days", False),  # independent days: a binomial, no chain
])
def test_what_a_text_tells_about_its_model_is_a_kind(text: str, kind: str, has: bool) -> None:
    assert (kind in profile(text)) is has


@pytest.mark.parametrize("text, family_word", [
    # the new kinds keep the new bank families from the older ones' texts, and the other way round
    ("How warm is it at the summit (1,600 m) on a day when the town at 800 m records 4 °C and the lapse rate is "
     "5.5 °C per km?", "lapse"),
    ("A parcel of air at 24 °C with a dew point of 13 °C at 250 m is forced up a mountain. It cools at the dry adiabatic "
     "rate of 9.8 °C per km while unsaturated, and its dew point falls by 1.8 °C per km. At what altitude is the cloud "
     "base?", "h_base"),
    ("Police found a body at 23:15 with a core temperature of 30.2 °C; at 00:45 it read 28.6 °C. The flat was at "
     "19.5 °C. Assuming Newton's law of cooling and 37 °C at death, how long before the body was found did death "
     "occur, in minutes?", "T_death"),
])
def test_a_new_kind_of_problem_is_shown_its_own_family(text: str, family_word: str) -> None:
    assert family_word in nearest_examples(text, k=1)[0].program


@pytest.mark.parametrize("text, wanted, unwanted", [
    # problems/finance/retirement_annuity: an aside about money already saved is no opening balance
    # when the question asks for the deposit
    ("Daniel wants to have $1.2 million saved by his 65th birthday. He plans to deposit the same amount at the end of "
     "every month for 35 years. He expects his investments to earn 6% per year, compounded monthly. The $8,000 he "
     "already has in a separate account is set aside for a house deposit and should be ignored.\n\nHow much does he "
     "need to deposit each month, in dollars (to the nearest cent)?", "goal", "initial"),
    # problems/physics/brine_tank: salt dissolved at the start is no tank of pure water
    ("A 1,000 L tank in a pickle factory initially holds 400 L of water in which 10 kg of salt is dissolved. At t = 0, "
     "brine containing 0.05 kg of salt per litre starts flowing in at 8 L per minute. The tank is stirred so that it "
     "stays perfectly mixed, and the mixture is drained at 6 L per minute, so the volume in the tank grows over time."
     "\n\nHow much salt (in kg, two decimals) is in the tank after 30 minutes?", "S0 = ", "S0 = 0  #"),
    # set a's quarries: the limited route's example, asked the cost; then asked a route's amount
    ("Two quarries supply gravel to two building sites. North Quarry can supply up to 70 tonnes a day and South "
     "Quarry up to 50 tonnes a day. Site A needs exactly 40 tonnes a day and Site B needs exactly 60 tonnes a day. "
     "Haulage costs per tonne are: North to A: £6; North to B: £9; South to A: £8; South to B: £5. Because of a "
     "weight-restricted bridge, at most 35 tonnes a day can be hauled from South Quarry to Site B. What is the "
     "minimum total daily haulage cost in pounds?", "bounds=bounds", "res.x["),
    ("Two quarries supply gravel to two building sites. North Quarry can supply up to 70 tonnes a day and South "
     "Quarry up to 50 tonnes a day. Site A needs exactly 40 tonnes a day and Site B needs exactly 60 tonnes a day. "
     "Haulage costs per tonne are: North to A: £6; North to B: £9; South to A: £8; South to B: £5. Because of a "
     "weight-restricted bridge, at most 35 tonnes a day can be hauled from South Quarry to Site B. How many tonnes "
     "per day go from North Quarry to Site B in that cheapest plan?", "answer = res.x[", "res.fun"),
    # set a's car loan asks the interest in the first payment
    ("I'm buying a used car for £18,750. I'll pay a £3,000 deposit and finance the rest over 48 months at 6.9% APR, "
     "compounded monthly, with equal payments. How much of the first payment is interest?", "principal * i)", "payment * n"),
])
def test_an_example_of_the_asked_quantity_and_start_is_shown(text: str, wanted: str, unwanted: str) -> None:
    program = nearest_examples(text, k=1)[0].program
    assert wanted in program and unwanted not in program


def test_an_example_is_profiled_without_the_asides_its_bank_marks(tmp_path: Path) -> None:
    # "until 5 pm" in an aside is no afternoon of the problem's: its example stays of the query's kind
    rec = {"family": "growth", "problem": "We have 10,000 people now, growing at 3.6% per year. What will the count "
           "be 10 years from now? The census office is open on weekdays until 5 pm.",
           "program": "answer = 1\n", "asides": ["The census office is open on weekdays until 5 pm."]}
    path = tmp_path / "bank.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    bank = load_bank(path)
    assert "an afternoon on a 12-hour clock" not in bank.profiles[0]
    assert "an afternoon on a 12-hour clock" in profile(rec["problem"])

