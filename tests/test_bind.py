"""Stage 3b, bind: a parameter moves onto the number the text states in its unit, and only then."""

from __future__ import annotations

import json
import math
import re

import pytest

from mathllm.bind import (
    Rebinding,
    _place_number,
    bind,
    polynomials,
    rate_equations,
    route_limit,
    said_units,
    unit_key,
    unit_word,
    written_units,
)
from mathllm.contract import parse_parameters
from mathllm.problem import Problem
from mathllm.quantities import find_numbers, frequencies
from mathllm.report import to_dict, warnings_of
from mathllm.retrieve import BANK_PATH
from mathllm.run import run_program
from mathllm.solve import SolveOptions, solve
from tests.fakes import ScriptedGenerator

SPRING = ("What is the displacement, in cm, 1.9 s after a 1 kg mass on a 183 N/m spring with 2 N·s/m "
          "of damping is moved 2 cm from equilibrium and released from rest?")
#: what the default adapter wrote for it: 1.9 (seconds) as the mass, 2 (N·s/m) as the spring constant
SPRING_PROGRAM = """\
import numpy as np

m = 1.9  # mass [kg]
c = 2  # damping coefficient [N*s/m]
k = 2  # spring constant [N/m]
x0_cm = 2  # initial displacement [cm]
t_query = 1.9  # time of interest [s]

w = np.sqrt(k / m)
answer = float(x0_cm * np.cos(w * t_query))
"""

DOSE = "How large a dose of cefalexin, in mg, should a 49.1 kg patient get at 12.5 mg/kg, given the 500 mg maximum?"
DOSE_PROGRAM = """\
weight = 49.1  # body weight [kg]
dose_per_kg = 500  # prescribed dose [mg/kg]
max_dose = 12.5  # maximum single dose [mg]

answer = float(min(dose_per_kg * weight, max_dose))
"""


def values(program: str) -> dict[str, float]:
    return {p.name: p.value for p in parse_parameters(program)}


def test_numbers_stated_in_another_parameters_unit_move() -> None:
    out, moves = bind(SPRING, SPRING_PROGRAM)
    assert values(out) == {"m": 1, "c": 2, "k": 183, "x0_cm": 2, "t_query": 1.9}
    assert [(mv.name, mv.old, mv.new) for mv in moves] == [("m", 1.9, 1), ("k", 2, 183)]
    assert str(moves[0]) == "m = 1.9 -> 1 (the problem gives 1 kg; 1.9 is in s)"
    assert str(moves[1]) == "k = 2 -> 183 (the problem gives 183 N/m; 2 is in N·s/m)"
    assert out.count("#") == SPRING_PROGRAM.count("#")  # comments and everything else unchanged


ORAL = ("What is the plasma concentration (mg/L) 0.5 hours after a single oral dose of 800 mg of ibuprofen, "
        "given first-order absorption at 1 per hour, an elimination rate constant of 0.32 per hour and a "
        "distribution volume of 9 L?")
#: what the default adapter wrote for it (retrieved example: the oral-absorption family)
ORAL_PROGRAM = """\
dose = 800  # oral dose [mg]
ka = 0.5  # absorption rate constant [1/h]
ke = 0.32  # elimination rate constant [1/h]
V = 9  # volume of distribution [L]
t_query = 1  # time since the dose [h]

answer = dose / V * ka * ke * t_query
"""


def test_a_rate_per_unit_of_time_is_in_one_over_that_unit() -> None:
    out, moves = bind(ORAL, ORAL_PROGRAM)
    assert values(out) == {"dose": 800, "ka": 1, "ke": 0.32, "V": 9, "t_query": 0.5}
    # (each onto the one number of its unit that no parameter of that unit takes)
    assert sorted(str(mv) for mv in moves) == ["ka = 0.5 -> 1 (the problem gives 1 per hour; 0.5 is in hours)",
                                               "t_query = 1 -> 0.5 (the problem gives 0.5 hours; 1 is in per hour)"]
    # written with a slash: "0.3/day" for ``[1/day]``
    out, moves = bind("A tumour grows at 0.3/day from 2 cm3. What size after 5 days?",
                      "r = 5  # growth rate [1/day]\nV0 = 2  # [cm3]\nt = 5  # [day]\n")
    assert values(out) == {"r": 0.3, "V0": 2, "t": 5}


def test_a_swap_is_undone() -> None:
    out, moves = bind(DOSE, DOSE_PROGRAM)
    assert values(out) == {"weight": 49.1, "dose_per_kg": 12.5, "max_dose": 500}
    assert {mv.name for mv in moves} == {"dose_per_kg", "max_dose"}


@pytest.mark.parametrize("text, program", [
    # already bound right
    (DOSE, "weight = 49.1  # body weight [kg]\ndose_per_kg = 12.5  # dose [mg/kg]\nmax_dose = 500  # cap [mg]\n"),
    # two numbers in the parameter's unit: no choice is made for the model
    ("A 2 kg and a 3 kg mass hang 1.5 m apart.", "m1 = 1.5  # first mass [kg]\nd = 1.5  # distance [m]\n"),
    # the number's unit belongs to no other parameter: it may be meant for this one
    ("It costs 5 EUR and weighs 3 kg.", "price = 3  # price [EUR/kg]\nanswer = price\n"),
    # no unit in the comment: left to the model
    ("A 4 kg box moves 2 m.", "m = 2  # mass\nd = 4  # distance [m]\n"),
    # a made-up value whose unit's one number another parameter already uses
    ("A 4 kg box on a 2 kg cart.", "m_box = 4  # box [kg]\nm_cart = 2  # cart [kg]\nm_load = 7  # load [kg]\n"),
    ("A 4 kg box.", "m = 4  # mass [kg]\nm_extra = 7  # extra mass [kg]\n"),
    # two made-up values of one unit, or several numbers in it: no choice is made
    ("A 4 kg box.", "m1 = 7  # mass [kg]\nm2 = 8  # mass [kg]\n"),
    ("A 4 kg box and a 5 kg crate.", "m = 7  # mass [kg]\nanswer = m\n"),
    # conventions are not made up: 365 days a year, g = 9.81
    ("Over 2 days, a car brakes at 3 m/s².", "a = 3  # deceleration [m/s^2]\ng = 9.81  # gravity [m/s^2]\n"),
    ("It rains on 40 days.", "days_rain = 40  # rainy days [day]\ndays_year = 365  # days per year [day]\n"),
    # scientific notation is one number: 8e-05 kg/m is not 8 and "05 kg/m"
    ("Drag is c·v² with c = 8e-05 kg/m.", "c = 8e-05  # drag coefficient [kg/m]\nanswer = c\n"),
    # the unit written as a word is the same unit: 3 hours is in [h]
    ("Drive 3 hours at 50 km/h.", "t = 3  # time [h]\nv = 50  # speed [km/h]\n"),
    # a value computed from two numbers of the text is read off it, not made up: 24 - 20 seats
    ("In row 1 it is 20 seats, in row 2 24 seats, in row 3 28 seats, for 28 rows in all.",
     "first = 20  # seats in the first row [seats]\nstep = 4  # increase per row [seats]\ncount = 28  # rows [1]\n"),
    # one free number of the unit wanted by two parameters (rule 1): which one is not clear
    ("A 3 m rod, a 5 kg mass, and 2 kg already on it.",
     "m1 = 3  # first mass [kg]\nm2 = 3  # second mass [kg]\nm0 = 2  # mass on it [kg]\nL = 3  # length [m]\n"),
    # a [%] parameter holding a fraction that the program does not divide by 100
    ("Each part fails with probability 8%.", "p = 0.08  # failure chance [%]\nanswer = 1 - (1 - p) ** 4\n"),
    # a label the text writes twice, or with words after it
    ("Mon: 5 h, and on Mon: 7 h.", "t_mon = 4  # hours on (Mon) [h]\n"),
    ("Period (A): see below. A: 5.", "need = 4  # need in (Period A) [1]\n"),
    # a denominator ("per 1,000 ft") is no altitude, and of the two others neither is free
    (("How warm is it at the pass (4,270 ft) when the town at 1,480 ft records 36 °F and the lapse rate is "
     "5.4 °F per 1,000 ft?"),
     ("T_base = 36  # temperature [°F]\nh_base = 1480  # base [ft]\nlapse = 5.4  # lapse rate [°F/1000 ft]\n"
     "h_top = 4270  # altitude [ft]\n")),
    # a count sharing a number, with two whole numbers free: which one is not clear
    ("Adult tickets cost £23 and child tickets £11; 236 tickets cost £4,744 at 12 booths.",
     ("total_count = 23  # tickets [1]\ntotal_value = 4744  # revenue [GBP]\nprice_adult = 23  # adult [GBP]\n"
     "price_child = 11  # child [GBP]\n")),
    # rule 10: a program that converts the number itself, one that counts time in several units,
    # one that mixes months and years on purpose, or a number another parameter takes too
    ("An infusion of 3.25 mg/min; k = 0.17 per hour; after 7.5 hours.",
     ("rate_per_min = 3.25  # infusion rate [mg/min]\nk = 0.17  # elimination [1/h]\nt_query = 7.5  # time [h]\n\n"
      "R = rate_per_min * 60  # [mg/h]\n")),
    ("A half-life of 90 minutes, checked after 3 h.", "half_life = 90  # half-life [min]\nt = 3 * 60  # time [min]\n"),
    ("An infusion of 2 mg/min; k = 0.5 per day; after 6 hours.",
     "R = 2  # rate [mg/min]\nk = 0.5  # elimination [1/day]\nt = 6  # time [h]\n"),
    ("Pay $900 a month for 25 years at 4% a year.",
     "payment = 900  # monthly payment [USD/month]\nyears = 25  # term [year]\nrate = 0.04  # rate [1/year]\n"),
    ("A 5 min wait, and 5 h later.", "wait = 5  # wait [h]\nlater = 5  # time [h]\n"),
    # a percentage shared by a rate per year and a share: both, or neither, written per year
    ("Put 5% down; the loan runs at 3.5% a year and inflation is 2% a year.",
     "down = 0.035  # down payment share [1]\nrate = 0.035  # interest rate [1/year]\n"),
    ("Put 5% down; the loan costs 3.5% of the price.",
     "down = 0.035  # down payment share [1]\nrate = 0.035  # interest rate [1/year]\n"),
    # a number converted from another unit of its dimension is bound, whatever else has its value
    ("A 2200 µF capacitor discharges through 2.2 kΩ.", "C_uF = 2200  # capacitance [uF]\nR = 2200  # [Ohm]\n"),
    # weekdays: no day called today, or two other days named
    ("Rain on Tuesday after a dry Sunday?", "days = 3  # number of days ahead [day]\n"),
    ("Today (Sunday) is dry; rain on Tuesday or Friday?", "days = 3  # number of days ahead [day]\n"),
    # "respectively" with no item bound right to show the roles, or the roles disagreeing
    ("From 8 teachers and 7 students, 2 and 4 respectively are chosen.",
     "n_teacher = 2  # [1]\nk_teacher = 2  # [1]\nn_student = 4  # [1]\nk_student = 4  # [1]\n"),
    ("From 8 teachers and 7 students, 2 and 4 respectively are chosen.",
     "n_teacher = 8  # [1]\nk_teacher = 2  # [1]\nn_student = 4  # [1]\nk_student = 7  # [1]\n"),
    # one free percentage for a made-up rate and a made-up share: whose it is is not clear
    ("How many years until a town of 27,800 people, growing at 0.8% per year, reaches 83,400?",
     "N0 = 27800  # [people]\nr = 0.8  # growth rate [1/year]\nshare = 0.8  # target share [1]\n"),
    # a value converted from another unit of its dimension is not made up
    ("A man 1.93 m tall weighs 90 kg.", "height_cm = 193  # height [cm]\nweight = 90  # [kg]\n"),
    # "γ = 1/4 per day": the 4 of a fraction is no rate per day
    ("SIR: β = 0.65 per day, γ = 1/4 per day, 365 days.",
     "beta = 0.65  # [1/day]\ninfectious_days = 4  # infectious period [day]\ndays = 365  # [day]\n"),
    # no parameters, or not Python
    ("A 4 kg box.", "answer = 4\n"),
    ("A 4 kg box.", "this is not python ("),
])
def test_no_move_without_clear_evidence(text: str, program: str) -> None:
    assert bind(text, program) == (program, [])


@pytest.mark.parametrize("unit, key", [("square feet", "ft^2"), ("sq m", "m^2"), ("cubic metres", "m^3"),
                                       ("ft²", "ft^2"), ("feet", "ft"), ("miles", "mi"),
                                       ("Hours", "h"), ("hrs", "h"), ("litres", "l"), ("N*s/m", "n·s/m"),
                                       ("percent", "%"), ("kg.", "kg"), ("EUR/month", "eur/month"),
                                       ("m/s²", "m/s^2"), ("m/s**2", "m/s^2"), ("kΩ", "kohm"), ("kOhm", "kohm"),
                                       ("Ω", "ohm"), ("ohms", "ohm"), ("µF", "uf"), ("μF", "uf"), ("uF", "uf"),
                                       ("cookies", "cookie"), ("glass", "glass"), ("bus", "bus"),
                                       ("£", "gbp"), ("GBP", "gbp"), ("$", "usd"), ("dollars", "usd"), ("€", "eur"),
                                       ("euros", "eur"), ("1/hour", "1/h"), ("1/h", "1/h"), ("1/days", "1/day"),
                                       ("h⁻¹", "1/h"), ("day^-1", "1/day"), ("min-1", "min-1")])
def test_unit_key(unit: str, key: str) -> None:
    assert unit_key(unit) == key


def test_written_units_reads_rates_per_unit_of_time() -> None:
    assert written_units("ka = 1.8 h⁻¹, ke = 0.24 per hour, a half-life of 2.1 hours, 4 gtt/mL") == {"1/h", "h"}


#: Programs the default adapter wrote, the moves that make them right, and the values after.
REAL = {
    # units a program spells in ASCII: g's 9.8 m/s² was taken as the launch speed
    "symbols": (("Launched upward at 11 m/s from a height of 26 m, a water balloon rises and falls back "
                 "(take g = 9.8 m/s², no drag). Work out the maximum height it reaches."),
                "h0 = 26  # launch height [m]\nv0 = 9.8  # initial speed [m/s]\ng = 9.8  # gravity [m/s^2]\n",
                {"h0": 26, "v0": 11, "g": 9.8},
                ["v0 = 9.8 -> 11 (the problem gives 11 m/s; 9.8 is in m/s²)"]),
    # rule 3 after rule 1 freed the number: an RC discharge
    "made-up": (("What voltage is left on a 1000 µF capacitor, initially at 48 V, after discharging through "
                 "220 Ω for 0.39 s?"),
                ("V0 = 48  # initial voltage [V]\nR = 1000000  # resistance [Ohm]\nC_uF = 220  # capacitance [uF]\n"
                 "t = 0.39  # time [s]\n"),
                {"V0": 48, "R": 220, "C_uF": 1000, "t": 0.39},
                ["C_uF = 220 -> 1000 (the problem gives 1000 µF; 220 is in Ω)",
                 "R = 1000000 -> 220 (the problem does not give 1000000; its one free number in Ω is 220)"]),
    # a zero where something starts is no candidate: an RC charge, the 470 µF as the supply voltage
    "zero": (("What voltage (V) does a 470 µF capacitor charging from 0 V through 4.7 kΩ on a 9 V supply "
              "show 4.7 s after switch-on?"),
             ("V_s = 470  # supply voltage [V]\nR_kohm = 4.7  # resistance [kOhm]\n"
              "C_uF = 470.0  # capacitance [uF]\nt = 4.7  # time after closing the switch [s]\n"),
             {"V_s": 9, "R_kohm": 4.7, "C_uF": 470, "t": 4.7},
             ["V_s = 470 -> 9 (the problem gives 9 V; 470 is in µF)"]),
    # the 13 of "Vera is 13 years old" as the launch speed: a span of time for [m/s] (rule 1; rule 4 had
    # moved it before, "11 m/s" being beside its words)
    "beside": (("Launched upward at 11 m/s from a height of 26 m, a water balloon rises, stops and falls back "
                "(take g = 9.8 m/s², no drag). Vera is 13 years old. Work out the maximum height it reaches "
                "(in metres above the ground)."),
               ("h0 = 26  # launch height above the ground [m]\nv0 = 13  # initial upward speed [m/s]\n"
                "g = 9.8  # gravitational acceleration [m/s^2]\n"),
               {"h0": 26, "v0": 11, "g": 9.8},
               ["v0 = 13 -> 11 (the problem gives 11 m/s; 13 is in years)"]),
    # rule 5: the coefficients of "0.05t² + t + 3" shifted by one power
    "polynomial": (("By summing up 0.05t² + t + 3 metres per second continuously over the interval between "
                    "t = 3 s and t = 7 s, work out the distance the car travels, in metres."),
                   ("c0 = 3  # constant term [m/s]\nc1 = 0.05  # coefficient of t [m/s^2]\n"
                    "c2 = 3  # coefficient of t^2 [m/s^3]\nt_start = 3  # start of the interval [s]\n"
                    "t_end = 7  # end of the interval [s]\n"),
                   {"c0": 3, "c1": 1, "c2": 0.05, "t_start": 3, "t_end": 7},
                   ["c1 = 0.05 -> 1 (the problem's polynomial has 1 as its coefficient of t)",
                    "c2 = 3 -> 0.05 (the problem's polynomial has 0.05 as its coefficient of t^2)"]),
    # rule 3 with two numbers in the unit, one of them free: the salvage value made up
    "salvage": (("What is the annual depreciation expense of a delivery truck bought for 101,500 CHF, if it is "
                 "depreciated in equal yearly amounts down to 3,600 CHF over 13 years?"),
                ("cost = 101500  # purchase cost [CHF]\nsalvage = 1000  # salvage value at the end of the life "
                 "[CHF]\nlife = 13  # useful life [year]\n"),
                {"cost": 101500, "salvage": 3600, "life": 13},
                ["salvage = 1000 -> 3600 (the problem does not give 1000; its one free number in CHF is 3,600)"]),
    # rule 3, a value that is only a conversion of another parameter's number: 1.7 s as 1,700,000 kg
    "borrowed": (("What is the displacement, in cm, 1.7 s after a 5 kg mass on a 30 N/m spring with 9.1 N·s/m "
                  "of damping is moved 15 cm from equilibrium and given an initial velocity of -0.15 m/s?"),
                 ("m = 1700000  # mass [kg]\nc = 9.1  # damping coefficient [N*s/m]\nk = 30  # spring constant "
                  "[N/m]\nx0_cm = 15  # initial displacement [cm]\nv0 = -0.15  # initial velocity [m/s]\n"
                  "t_query = 1.7  # time of interest [s]\n"),
                 {"m": 5, "c": 9.1, "k": 30, "x0_cm": 15, "v0": -0.15, "t_query": 1.7},
                 [("m = 1700000 -> 5 (1700000 is a conversion of the number t_query takes; its one free number "
                  "in kg is 5)")]),
    # ... and a percentage is a number for a rate per year: 16,000 read as 0.016
    "rate": (("At 2.1% a year compounded annually, how many years does it take £8,000 to become £16,000?"),
             ("principal = 8000  # initial investment [$]\ntarget = 16000  # target balance [$]\n"
              "rate = 0.016  # annual interest rate, compounded yearly [1/year]\n"),
             {"principal": 8000, "target": 16000, "rate": 0.021},
             [("rate = 0.016 -> 0.021 (0.016 is a conversion of the number target takes; its one free number in "
              "% is 2.1)")]),
    # ... and for a made-up fraction: carbon-14 "79.6% is left", a held-out family
    "fraction": (("Only 79.6% of the original carbon-14 is left in a linen fragment. With T½ = 5,730 years, "
                  "estimate how many years ago the organism died."),
                 ("m0 = 79.6  # initial amount [1000 g]\nhalf_life = 5730  # half-life [year]\n"
                  "fraction_left = 0.0714  # remaining fraction [1]\n"),
                 {"m0": 79.6, "half_life": 5730, "fraction_left": 0.796},
                 [("fraction_left = 0.0714 -> 0.796 (the problem does not give 0.0714; its one free number in % "
                  "is 79.6)")]),
    # rule 1 onto the one free number of its unit, then rule 3 onto the number it left
    "alloy": (("Mixing an 88% alloy into 16 kg of 58% alloy brings the copper content to exactly 78%. What "
              "quantity, in kilograms, was added?"),
              ("amount_1 = 88  # amount of the first alloy [kg]\nconc_1 = 58  # copper in the first alloy [%]\n"
               "conc_2 = 16  # copper in the added alloy [%]\nconc_target = 78  # copper in the mixture [%]\n"),
              {"amount_1": 16, "conc_1": 58, "conc_2": 88, "conc_target": 78},
              ["conc_2 = 16 -> 88 (the problem gives 88%; 16 is in kg)",
               "amount_1 = 88 -> 16 (the problem does not give 88; its one free number in kg is 16)"]),
    # rule 3, the numerator of a rate's unit: "1.50 CHF is charged per gigabyte" for [CHF/GB]
    "numerator": (("Quinn's receipt from a mobile phone plan shows 38.50 CHF. Knowing that 1.50 CHF is charged per "
                   "gigabyte of data in addition to a monthly fee of 25 CHF, work out how many gigabytes it covered."),
                  ("fixed_fee = 25  # monthly fee [CHF]\nrate = 0.5  # charge per gigabyte of data [CHF/GB]\n"
                   "total = 38.5  # total paid [CHF]\n"),
                  {"fixed_fee": 25, "rate": 1.5, "total": 38.5},
                  ["rate = 0.5 -> 1.5 (the problem does not give 0.5; its one free number in CHF is 1.50)"]),
    # rule 2, a count sharing the number of a parameter in that number's unit (£ is GBP)
    "count": (("Knowing that adult tickets cost £23 apiece and child tickets £11 apiece, and that 236 tickets cost "
               "£4,744 altogether, work out the number of adult tickets."),
              ("total_count = 23  # number of tickets [1]\ntotal_value = 4744  # total ticket revenue [GBP]\n"
               "price_adult = 23  # ticket revenue per adult ticket [GBP]\n"
               "price_child = 11  # ticket revenue per child ticket [GBP]\n"),
              {"total_count": 236, "total_value": 4744, "price_adult": 23, "price_child": 11},
              ["total_count = 23 -> 236 (£23 is price_adult's; 236 is the one whole number no parameter takes)"]),
    # rule 3, a value taken from a denominator: "per 1,000 ft" is no altitude
    "denominator": (("How warm is it at the pass (4,270 ft) when the town at 1,480 ft records 36 °F and the lapse "
                     "rate is 5.4 °F per 1,000 ft?"),
                    ("T_base = 36  # temperature [°F]\nh_base = 1480  # base [ft]\n"
                     "lapse = 5.4  # lapse rate [°F/1000 ft]\nh_top = 1000  # altitude [ft]\n"),
                    {"T_base": 36, "h_base": 1480, "lapse": 5.4, "h_top": 4270},
                    ["h_top = 1000 -> 4270 (1000 is a denominator (per ...); its one free number in ft is 4,270)"]),
    # rule 1 for money: "1,513 students" is no amount in USD; "$201" is the one left
    "money": (("Vera's receipt from a gym shows $201. The school has 1,513 students. Knowing that $17 is charged "
               "per month in addition to a joining fee of $65, work out how many months it covered."),
              ("fixed_fee = 65  # joining fee [USD]\nrate = 17  # charge per month [USD/month]\n"
               "total = 1513  # total paid [USD]\n"),
              {"fixed_fee": 65, "rate": 17, "total": 201},
              ["total = 1513 -> 201 (the problem gives $201; 1,513 is in students)"]),
    # rule 7: a percentage kept as a fraction in a [%] parameter that the program divides by 100
    "percent": (("Independent components, 4 of them, each with probability 8% that a component is defective. "
                "Determine the chance that at least one is defective."),
                ("p_each = 0.08  # chance that a component is defective [%]\nn = 4  # number of components [1]\n\n"
                 "answer = 1 - (1 - p_each / 100) ** n\n"),
                {"p_each": 8, "n": 4},
                ["p_each = 0.08 -> 8 (p_each is in % and divided by 100; the problem gives 8%)"]),
    # rule 8: the number after the label the description names
    "label": (("Each working an 8-hour shift (two consecutive blocks), the nurses of a ward have to provide "
               "coverage of at least 00-04: 5, 04-08: 9, 08-12: 10, 12-16: 9, 16-20: 2, 20-24: 10."),
              "".join(f"need_{k} = {v}  # nurses required in period {k} ({a})  [workers]\n"
                      for k, (a, v) in enumerate([("00-04", 5), ("04-08", 9), ("08-12", 10), ("12-16", 9),
                                                  ("16-20", 10), ("20-24", 9)], 1)),
              {"need_1": 5, "need_2": 9, "need_3": 10, "need_4": 9, "need_5": 2, "need_6": 10},
              ["need_5 = 10 -> 2 (the problem writes 16-20: 2)", "need_6 = 9 -> 10 (the problem writes 20-24: 10)"]),
    # an angle written with the degree sign: "75°" is in [deg], the launch speed's 12 m/s is not
    "angle": (("What are the time of flight (s), the maximum height (m) and the horizontal range (m) for a golf "
               "ball launched at 12 m/s, 75° above level ground, with no air resistance (g = 9.81 m/s²)?"),
              ("v0 = 12  # launch speed [m/s]\nangle_deg = 12  # launch angle above the horizontal [deg]\n"
               "g = 9.81  # gravitational acceleration [m/s^2]\n"),
              {"v0": 12, "angle_deg": 75, "g": 9.81},
              ["angle_deg = 12 -> 75 (the problem gives 75°; 12 is in m/s)"]),
    # rule 10a: the number as written, in another unit of its dimension
    "minutes": (("What is the plasma concentration of vancomycin, in mg/L, 5 hours after an IV bolus of 1000 mg, "
                 "if its half-life is 360 minutes and its volume of distribution is 57 L?"),
                ("dose = 1000  # IV bolus dose [mg]\nV = 57  # volume of distribution [L]\n"
                 "half_life = 360  # elimination half-life [h]\nt = 5  # time since the dose [h]\n\n"
                 "k = sp.log(2) / half_life  # elimination rate constant [1/h]\n"),
                {"dose": 1000, "V": 57, "half_life": 6, "t": 5},
                ["half_life = 360 -> 6 (the problem gives 360 minutes; in h that is 6)"]),
    # rule 3 with a scale word between the number and its unit; rule 2 for a percentage taken by a
    # rate per year and a share: the one written "a year" is the rate's, the share takes the other
    "loan": (("What is the monthly payment when a house costing 1.02 million CHF, 5% of which is paid up front, "
              "is financed over 25 years at 3.5% a year, with interest compounded and payments made monthly?"),
             ("price = 102  # purchase price of the house [CHF]\ndown_fraction = 0.035  # down payment as a share "
              "of the price [1]\nrate = 0.035  # nominal annual interest rate, compounded monthly [1/year]\n"
              "years = 25  # loan term [year]\n"),
             {"price": 1020000, "down_fraction": 0.05, "rate": 0.035, "years": 25},
             ["price = 102 -> 1020000 (the problem does not give 102; its one free number in CHF is 1.02 million)",
              "down_fraction = 0.035 -> 0.05 (3.5% is a rate per year, rate's; 5% is the one free percentage)"]),
    # rule 1 across units of one dimension: "47 kΩ" is a number for ``[Ohm]`` (47000)
    "kilo-ohm": (("What voltage is left on a 2200 µF capacitor, initially at 400 V, after discharging through "
                  "47 kΩ for 180 s?"),
                 ("V0 = 400  # initial capacitor voltage [V]\nR = 2200  # resistance [Ohm]\n"
                  "C_uF = 47  # capacitance [uF]\nt = 180  # time since the discharge began [s]\n"),
                 {"V0": 400, "R": 47000, "C_uF": 2200, "t": 180},
                 ["R = 2200 -> 47000 (the problem gives 47 kΩ (47000 Ohm); 2200 is in µF)",
                  "C_uF = 47 -> 2200 (the problem gives 2200 µF; 47 is in kΩ)"]),
    # rule 11: the days between today's weekday and the one the question names
    "weekdays": (("What is the probability that it will be dry in Bergen on Tuesday, given that today (Sunday) is "
                  "rainy and that the chance of rain tomorrow is 79% after a rainy day but only 23% after a dry day?"),
                 ("p_rain_after_rain = 0.79  # P(rain tomorrow | rain today) [1]\np_rain_after_dry = 0.23  # P(rain "
                  "tomorrow | dry today) [1]\ndays = 23  # number of days ahead (Sunday -> Tuesday) [day]\n"),
                 {"p_rain_after_rain": 0.79, "p_rain_after_dry": 0.23, "days": 2},
                 ["days = 23 -> 2 (today is Sunday and the question is about Tuesday: 2 days ahead)"]),
    # ... or the weekday whose weather the text gives before the question (set c's Bergen)
    "weekday weather": (("If it rains on one day, the chance of rain the next day is 60%; after a dry day it is 25%. "
                         "It is raining on Monday.\n\nWhat is the probability that it rains on Thursday of the same "
                         "week?"),
                        ("p_rain_after_rain = 0.60  # P(rain tomorrow | rain today) [1]\np_rain_after_dry = 0.25  # "
                         "P(rain tomorrow | dry today) [1]\ndays = 5  # number of days ahead (Monday -> Thursday) "
                         "[day]\n"),
                        {"p_rain_after_rain": 0.6, "p_rain_after_dry": 0.25, "days": 3},
                        ["days = 5 -> 3 (today is Monday and the question is about Thursday: 3 days ahead)"]),
    # rule 12: parallel parameters of two items, the roles shown by the item bound right
    "respectively": (("From a pool of 8 teachers and 7 students, 2 and 4 respectively are chosen for a committee. "
                      "Determine how many distinct outcomes exist."),
                     ("n_teacher = 8  # teachers available [1]\nk_teacher = 2  # teachers to choose [1]\n"
                      "n_student = 4  # students available [1]\nk_student = 4  # students to choose [1]\n"),
                     {"n_teacher": 8, "k_teacher": 2, "n_student": 7, "k_student": 4},
                     ["n_student = 4 -> 7 (7 is the student's number written with it, as for the other items)"]),
    # rule 3 across units of one dimension: a made-up resistance takes "2.2 kΩ" in ohms
    "made-up ohms": (("What voltage is left on a 1000 µF capacitor, initially at 12 V, after discharging through "
                      "2.2 kΩ for 4.1 s?"),
                     ("V0 = 12  # initial voltage [V]\nR = 1000000  # resistance [Ohm]\nC_uF = 1000.0  # "
                      "capacitance [uF]\nt = 4.1  # time [s]\n"),
                     {"V0": 12, "R": 2200, "C_uF": 1000, "t": 4.1},
                     ["R = 1000000 -> 2200 (the problem does not give 1000000; its one free number in kΩ is 2.2)"]),
    "grams": ("A 390 g mass compresses a spring by 2.5 cm.", "m = 390  # mass [kg]\nx = 2.5  # compression [cm]\n",
              {"m": 0.39, "x": 2.5}, ["m = 390 -> 0.39 (the problem gives 390 g; in kg that is 0.39)"]),
    # rule 3: a conversion of a number in another dimension ("600 mg" as 0.6 per hour) is made up,
    # and 2.1 hours less 1.5 per hour is no value
    "foreign": (("What is the time (in hours) at which the plasma concentration peaks after a single oral dose of "
                 "600 mg of ibuprofen, given first-order absorption at 1.5 per hour, an elimination half-life of "
                 "2.1 hours and a distribution volume of 10 L?"),
                ("ka = 0.6  # absorption rate constant [1/h]\nhalf_life = 2.1  # elimination half-life [h]\n"),
                {"ka": 1.5, "half_life": 2.1},
                [("ka = 0.6 -> 1.5 (0.6 is only a conversion of a number in another dimension; its one free number "
                 "in per hour is 1.5)")]),
    # rule 3: a number written in the rate's own unit before a percentage ("50%" is a bioavailability)
    "exact": (("What is the time (in hours) at which the plasma concentration peaks after a single oral dose of "
               "200 mg of ibuprofen, given first-order absorption at 3 per hour and an oral bioavailability of "
               "50%, an elimination half-life of 2.3 hours and a distribution volume of 13 L?"),
              ("ka = 0.305  # absorption rate constant [1/h]\nhalf_life = 2.3  # elimination half-life [h]\n"),
              {"ka": 3, "half_life": 2.3},
              ["ka = 0.305 -> 3 (the problem does not give 0.305; its one free number in per hour is 3)"]),
    # rule 3: 12 years times 1,000 EUR is no amount in EUR
    "product": (("After 12 years, how much interest has 1,000 EUR earned in a savings product that pays 4.4% "
                 "annually, compounded weekly? Ines also owns a red bicycle bought 18 years ago."),
                ("principal = 12000  # initial deposit [EUR]\nrate = 0.044  # nominal annual interest rate "
                 "[1/year]\nperiods_per_year = 52  # compounding periods per year [1/year]\nyears = 12  # "
                 "investment period [year]\n"),
                {"principal": 1000, "rate": 0.044, "periods_per_year": 52, "years": 12},
                [("principal = 12000 -> 1000 (12000 is a conversion of the number years takes; its one free "
                 "number in EUR is 1,000)")]),
    # rule 3 (before rule 1): "pure water" starts with no salt; rule 1: "2,000 L" is written twice
    # and taken once
    "spare": (("How much salt, in kg, does the first of two tanks in series hold after 172 minutes, if brine of "
               "100 g/L enters the first (2,000 L) at 10 L/min, the mixed liquid flows on into the second (2,000 L) "
               "at the same rate and leaves from there, and both start as pure water?"),
              ("volume1 = 2000  # liquid in tank 1, constant [L]\nvolume2 = 100  # liquid in tank 2, constant [L]\n"
               "S1_0 = 10  # initial salt in tank 1 [kg]\nS2_0 = 10  # initial salt in tank 2 [kg]\nc_in = 0.1  # "
               "salt concentration of the inflow [kg/L]\nflow = 10  # flow rate into, between and out of the tanks "
               "[L/min]\nt_query = 172  # time of interest [min]\n"),
              {"volume1": 2000, "volume2": 2000, "S1_0": 0, "S2_0": 0, "c_in": 0.1, "flow": 10, "t_query": 172},
              ["S1_0 = 10 -> 0 (the problem says the start is pure water; 10 is no amount it gives)",
               "S2_0 = 10 -> 0 (the problem says the start is pure water; 10 is no amount it gives)",
               "volume2 = 100 -> 2000 (the problem gives 2,000 L; 100 is in g/L)"]),
    # rule 2 by order: a list's unit is written once, after its last number
    "listed": (("How much salt, in kg, does the first of two tanks in series hold after 65 minutes, if brine of "
                "0.025 kg/L enters the first (500 L) at 4 L/min, the mixed liquid flows on into the second (500 L) "
                "at the same rate and leaves from there, and they start with 18.8 and 6.2 kg of salt?"),
               ("volume1 = 500  # liquid in tank 1, constant [L]\nvolume2 = 500  # liquid in tank 2, constant [L]\n"
                "S1_0 = 6.2  # initial salt in tank 1 [kg]\nS2_0 = 6.2  # initial salt in tank 2 [kg]\n"),
               {"volume1": 500, "volume2": 500, "S1_0": 18.8, "S2_0": 6.2},
               [("S1_0 = 6.2 -> 18.8 (the problem gives 18.8 kg and the text lists the numbers in the order of the "
                 "parameters' indices; 6.2 is taken)")]),
    # rule 2: the words around the shared number are one taker's, the other takes the free number
    "keeper": (("How many phone cases must be sold each month, at $20.69 each with a variable cost of $10.83 per "
                "unit and fixed monthly costs of $25,300, to reach a profit of $1,600?"),
               ("fixed_cost = 25300.0  # fixed costs per month [$]\nprice = 10.83  # selling price per unit "
                "[$/unit]\nvariable_cost = 10.83  # variable cost per unit [$/unit]\ntarget_profit = 1600  # "
                "desired monthly profit [$]\n"),
               {"fixed_cost": 25300, "price": 20.69, "variable_cost": 10.83, "target_profit": 1600},
               [("price = 10.83 -> 20.69 (the problem gives 20.69 $ per unit and the words around 10.83 are "
                 "variable_cost's; 10.83 is taken)")]),
    # rule 2: two indexed parameters, each holding the number the text gives for the other's ordinal
    "ordinal": (("How much salt, in kg, does the second of two tanks in series hold after 625 minutes, if brine of "
                 "25 g/L enters the first (800 L) at 5 L/min, the mixed liquid flows on into the second (2,000 L) at "
                 "the same rate and leaves from there, and both start as pure water?"),
                ("volume1 = 2000  # liquid in tank 1, constant [L]\nvolume2 = 800  # liquid in tank 2, constant [L]\n"
                 "S1_0 = 0  # initial salt in tank 1 [kg]\n"),
                {"volume1": 800, "volume2": 2000, "S1_0": 0},
                ["volume1 = 2000 -> 800 (the problem gives 800 L for the first; 2,000 is the second's)",
                 "volume2 = 800 -> 2000 (the problem gives 2,000 L for the second; 800 is the first's)"]),
    # rule 3: "both starting together" gives no head start
    "together": (("Two trains approach each other on the 350 mi route between Aston and Burford: the one from Aston "
                  "at 124 mi/h, the one from Burford at 88 mi/h, both starting together. Find how many hours after "
                  "the first train leaves they meet."),
                 ("distance = 350  # distance between Aston and Burford [mi]\nspeed_a = 124  # speed of the one "
                  "from Aston [mi/h]\nspeed_b = 88  # speed of the one from Burford [mi/h]\ndelay = 0.5  # how much "
                  "later the one from Burford starts [h]\n"),
                 {"distance": 350, "speed_a": 124, "speed_b": 88, "delay": 0},
                 ["delay = 0.5 -> 0 (the problem says they start together; 0.5 is no delay it gives)"]),
    # rule 3: a count holding a measure whose unit its words do not name
    "miscounted": (("What time on the final run gives Sven a mean of 26.5 minutes across 6 runs of the 5 km park loop, "
               "with earlier times of 27, 28, 23.5, 29.5, 24.5 minutes?"),
              ("time_run_1 = 27  # time (1) [min]\ntime_run_2 = 28  # time (2) [min]\ntime_run_3 = 23.5  # time (3) "
               "[min]\ntime_run_4 = 29.5  # time (4) [min]\ntime_run_5 = 24.5  # time (5) [min]\n"
               "target_mean = 26.5  # desired mean of all runs [min]\n"
               "n_runs = 5  # number of runs including the last one [1]\n"),
              {"time_run_1": 27, "time_run_2": 28, "time_run_3": 23.5, "time_run_4": 29.5, "time_run_5": 24.5,
               "target_mean": 26.5, "n_runs": 6},
              ["n_runs = 5 -> 6 (5 is a measure in km, n_runs has no unit; its one free number in runs is 6)"]),
    # rule 3: 12 is a convention (months a year), not in a span of years
    "span": (("After 7 years, how much interest has 500 CHF earned in a savings product that pays 6.75% "
              "annually, with semi-annual compounding?"),
             ("principal = 500  # initial deposit [CHF]\nrate = 0.0675  # nominal annual interest rate [1/year]\n"
              "periods_per_year = 2  # compounding periods per year [1/year]\nyears = 12  # investment period "
              "[year]\n"),
             {"principal": 500, "rate": 0.0675, "periods_per_year": 2, "years": 7},
             ["years = 12 -> 7 (the problem does not give 12; its one free number in years is 7)"]),
    # rule 3: a temperature's sign, both ways
    "dew": (("What relative humidity, by the Magnus formula, makes the dew point -8.6 °C when the air at the "
             "football pitch is 2.4 °C?"),
            "T_air = 2.4  # air temperature [°C]\nT_dew = 8.6  # dew point [°C]\n",
            {"T_air": 2.4, "T_dew": -8.6}, ["T_dew = 8.6 -> -8.6 (the problem gives -8.6 °C, not 8.6)"]),
    "chill": (("What wind chill temperature does the North American wind chill formula give when the "
               "thermometer shows 8 °C and the wind is 33 km/h?"),
              "T_air = -8  # air temperature [°C]\nv = 33  # wind speed at 10 m height [km/h]\n",
              {"T_air": 8, "v": 33}, ["T_air = -8 -> 8 (the problem gives 8 °C, not -8)"]),
    # rule 2: a number whose word is the other's, which holds zero (new kinds, seeds 6 and 7)
    "infectious": (("What is the number of infectious people on day 40 when an outbreak in a city of 600,000 people "
                    "begins with 80 infectious cases only? Assume SEIR dynamics."),
                   ("N = 600000  # population [people]\nE0 = 80  # initially exposed [people]\n"
                    "I0 = 0  # initially infectious [people]\ndays = 40  # simulated period [day]\n"),
                   {"N": 600000, "E0": 0, "I0": 80, "days": 40},
                   ["E0 = 80 -> 0 (80 is infectious, I0's; the problem gives no E0)",
                    "I0 = 0 -> 80 (the problem gives 80 infectious)"]),
    # rules 1 and 10 with an inductance: "220 mH" is 0.22 in ``[H]`` (new kinds, seed 8)
    "henry": (("How large is the current, in mA, 1.5 ms after a 5 V source is switched onto an uncharged 22 µF "
               "capacitor in series with 22 Ω and 220 mH?"),
              ("V_s = 5  # source voltage [V]\nR = 220  # resistance [Ohm]\nL = 22  # inductance [H]\n"
               "C_uF = 22  # capacitance [uF]\nt_ms = 1.5  # time after closing the switch [ms]\n"),
              {"V_s": 5, "R": 22, "L": 0.22, "C_uF": 22, "t_ms": 1.5},
              ["R = 220 -> 22 (the problem gives 22 Ω; 220 is in mH)",
               "L = 22 -> 0.22 (the problem gives 220 mH (0.22 H); 22 is in µF)"]),
    "millihenry": (("How large is the current, in mA, 0.42 ms after a 1 µF capacitor holding 400 V starts discharging "
                    "through 100 Ω and 22 mH in series?"),
                   "V_s = 400  # source voltage [V]\nR = 100  # resistance [Ohm]\nL = 22  # inductance [H]\n",
                   {"V_s": 400, "R": 100, "L": 0.022}, ["L = 22 -> 0.022 (the problem gives 22 mH; in H that is 0.022)"]),
    # rule 2 across units: a percentage a fraction and a rate share; the rate has its own (new kinds, seed 8)
    "across": (("What is the plasma concentration (mg/L) 2 hours after a single oral dose of 1000 mg of paracetamol, "
                "given first-order absorption at 1.2 per hour and an oral bioavailability of 75%, an elimination "
                "half-life of 2.5 hours and a distribution volume of 76 L?"),
               ("dose = 1000  # oral dose [mg]\nF = 0.75  # oral bioavailability [1]\nka = 0.75  # absorption rate "
                "constant [1/h]\nhalf_life = 2.5  # elimination half-life [h]\nV = 76  # volume of distribution [L]\n"
                "t_query = 2  # time since the dose [h]\n"),
               {"dose": 1000, "F": 0.75, "ka": 1.2, "half_life": 2.5, "V": 76, "t_query": 2},
               ["ka = 0.75 -> 1.2 (the problem gives 1.2 per hour; 75 is %, taken by F)"]),
    # rule 2: the question's number is the simulated period's (new kinds, seeds 6 and 7)
    "asked": (("What is the largest number of infectious people at the same time during the first 240 days when "
               "an outbreak in a boarding school of 2,000 people begins with 5 infectious cases only? Assume SEIR "
               "dynamics: transmission at 0.33 contacts per day (β), a latent period averaging 6 days and recovery "
               "after 9 days on average."),
              ("incubation_days = 240  # average incubation period [day]\ninfectious_days = 9  # average infectious "
               "period [day]\ndays = 6  # simulated period [day]\n"),
              {"incubation_days": 6, "infectious_days": 9, "days": 240},
              ["days = 6 -> 240 (the question's number in day is 240)",
               "incubation_days = 240 -> 6 (240 is the question's, days's)"]),
    "day": (("What is the number of infectious people on day 45 when an outbreak in a city of 250,000 people "
             "begins with 100 exposed cases only? The census office is open on weekdays until 5 pm."),
            "N = 250000  # population [people]\nE0 = 100  # initially exposed [people]\ndays = 5  # simulated period [day]\n",
            {"N": 250000, "E0": 100, "days": 45}, ["days = 5 -> 45 (the question's number in day is 45)"]),
    # rule 1: a count of things held by an area, onto the one free number of those things (problem bank)
    "reserve": (("Rangers release 120 red deer into a newly fenced nature reserve of 65 km². Ecologists estimate "
                 "that the reserve can support at most 1,500 deer and that the herd grows logistically with an "
                 "intrinsic growth rate of 0.35 per year. How many deer does the model predict after 8 years?"),
                ("N0 = 120  # initial size [deer]\nK = 65  # carrying capacity [deer]\n"
                 "r = 0.35  # intrinsic growth rate [1/year]\nt_query = 8  # time of interest [year]\n"),
                {"N0": 120, "K": 1500, "r": 0.35, "t_query": 8},
                ["K = 65 -> 1500 (the problem gives 1,500 deer; 65 is in km²)"]),
    # rule 3: a rate of 2.54% a year is made up, no inch in metres (new kinds, seed 11)
    "no inch": (("How many months does it take to pay off a credit card balance of 5,950 dollars at 24% interest a "
                 "year (compounded monthly) by paying 155 dollars every month, if the last payment may be smaller?"),
                ("principal = 5950  # balance owed on the card [$]\nrate = 0.0254  # nominal annual interest rate, "
                 "compounded monthly [1/year]\npayment = 155  # fixed monthly payment [$]\n"),
                {"principal": 5950, "rate": 0.24, "payment": 155},
                ["rate = 0.0254 -> 0.24 (the problem does not give 0.0254; its one free number in % is 24)"]),
    # rule 2: two periods, each holding the number the other's words are around; latent is the
    # incubation period, recovery ends the infectious one (new kinds, seeds 6-11)
    "latent": (("What is the peak number of infectious people when an outbreak on a cruise ship of 3,600 people "
                "begins with 3 infectious cases only? Assume SEIR dynamics: transmission at 0.87 contacts per day "
                "(β), a latent period averaging 4 days and recovery after 3 days on average."),
               ("N = 3600  # population [people]\nI0 = 3  # initially infectious [people]\nincubation_days = 3  # "
                "average incubation period [day]\ninfectious_days = 4  # average infectious period [day]\n"),
               {"N": 3600, "I0": 3, "incubation_days": 4, "infectious_days": 3},
               [("incubation_days = 3 -> 4 (the words around 4 are incubation_days's, those around 3 "
                 "infectious_days's)"),
                ("infectious_days = 4 -> 3 (the words around 3 are infectious_days's, those around 4 "
                 "incubation_days's)")]),
    # rule 2: "3 infectious cases" taken by I0 leaves "recovery after 3 days" free for the shared 180 (seed 11)
    "recovery": (("What is the peak number of infectious people (simulate 180 days) when an outbreak on a cruise "
                  "ship of 3,600 people begins with 3 infectious cases only? Assume SEIR dynamics: transmission at "
                  "0.87 contacts per day (β), a latent period averaging 4 days and recovery after 3 days on average."),
                 ("I0 = 3  # initially infectious [people]\nincubation_days = 4  # average incubation period [day]\n"
                  "infectious_days = 180  # average infectious period [day]\ndays = 180  # simulated period [day]\n"),
                 {"I0": 3, "incubation_days": 4, "infectious_days": 3, "days": 180},
                 [("infectious_days = 180 -> 3 (the problem gives 3 days and infectious_days matches its words; "
                   "180 is taken)")]),
    # rule 2, the question's number, in a request rather than a question (held-out phrasings, seed 23)
    "request": (("At a constant rate, a car uses 8 litres of fuel to drive 434 kilometres. The last time this was "
                 "measured was 7 months ago. Scale this up or down to 720 kilometres and report the fuel needed."),
                ("distance_known = 8  # known distance [km]\nfuel_known = 8  # fuel for the known distance [L]\n"
                 "distance_target = 434  # distance asked about [km]\n"),
                {"distance_known": 434, "fuel_known": 8, "distance_target": 720},
                ["distance_known = 8 -> 720 (the problem gives 720 kilometres; 8 is in litres)",
                 "distance_target = 434 -> 720 (the question's number in km is 720)",
                 "distance_known = 720 -> 434 (720 is the question's, distance_target's)"]),
    # rule 2: periods by the word before their number; "N exposed cases only" leaves I0 at zero (seed 12)
    "periods": (("What is the peak number of infectious people (simulate 300 days) when an outbreak in a city of "
                 "2.5 million people begins with 100 exposed cases only? Assume SEIR dynamics: transmission at 0.76 "
                 "contacts per day (β), a latent period averaging 2 days and recovery after 3 days on average."),
                ("N = 2500000  # population [people]\nE0 = 100  # initially exposed [people]\n"
                 "I0 = 0  # initially infectious [people]\nbeta = 0.76  # contact rate [1/day]\nincubation_days = 300  # average incubation period [day]\n"
                 "infectious_days = 100  # average infectious period [day]\ndays = 300  # simulated period [day]\n"),
                {"N": 2500000, "E0": 100, "I0": 0, "beta": 0.76, "incubation_days": 2, "infectious_days": 3,
                 "days": 300},
                ['incubation_days = 300 -> 2 (the problem gives 2 days after "latent")',
                 'infectious_days = 100 -> 3 (the problem gives 3 days after "recovery")']),
    "only": (("When an outbreak in a small town of 8,000 people begins with 10 exposed cases only, with a latent "
              "period averaging 5 days and recovery after 3 days on average, what is the peak?"),
             ("N = 8000  # population [people]\nE0 = 10  # initially exposed [people]\n"
              "I0 = 10  # initially infectious [people]\n"),
             {"N": 8000, "E0": 10, "I0": 0}, ["I0 = 10 -> 0 (the problem starts with 10 exposed only, E0's)"]),
    # rule 3: a fraction the text never speaks of, only multiplied by, is the whole (new kinds, seed 12)
    "unmentioned": (("What is the plasma concentration (mg/L) 2 hours after a single oral dose of 500 mg of "
                     "paracetamol, given first-order absorption at 2 per hour, an elimination half-life of 2.5 hours "
                     "and a distribution volume of 66 L?"),
                    ("dose = 500  # oral dose [mg]\nF = 0.621  # oral bioavailability [1]\nka = 2  # absorption rate "
                     "constant [1/h]\nV = 66  # volume of distribution [L]\namount = F * dose\n"),
                    {"dose": 500, "F": 1, "ka": 2, "V": 66},
                    ["F = 0.621 -> 1 (the problem says nothing of oral bioavailability; 0.621 is made up)"]),
    # rule 3: initial amounts left at zero, where the text lists the start of each tank (new kinds, seed 10)
    "started": (("What salt concentration (g/L) does the second of two tanks in series reach after 52 minutes, if "
                 "brine of 80 g/L enters the first (200 L) at 25 L/min, the mixed liquid flows on into the second "
                 "(1,500 L) at the same rate and leaves from there, and they start with 3.2 and 60 kg of salt?"),
                ("volume1 = 200  # liquid in tank 1, constant [L]\nvolume2 = 1500  # liquid in tank 2, constant [L]\n"
                 "S1_0 = 0  # initial salt in tank 1 [g]\nS2_0 = 0  # initial salt in tank 2 [g]\n"),
                {"volume1": 200, "volume2": 1500, "S1_0": 3200, "S2_0": 60000},
                [("S1_0 = 0 -> 3200 (the problem says nothing of a start with none; the free numbers in kg are "
                  "the list 3.2, 60, in the order of the names)"),
                 ("S2_0 = 0 -> 60000 (the problem says nothing of a start with none; the free numbers in kg are "
                  "the list 3.2, 60, in the order of the names)")]),
    "one start": (("What salt concentration (g/L) does the second of two tanks in series reach after 71 minutes, "
                   "if brine of 0.1 kg/L enters the first (100 L) at 2 L/min, the mixed liquid flows on into the "
                   "second (200 L) at the same rate and leaves from there, and they start with 20 and 10 kg of salt?"),
                  ("S1_0 = 0  # initial salt in tank 1 [g]\nS2_0 = 10  # initial salt in tank 2 [g]\n"),
                  {"S1_0": 20000, "S2_0": 10000},
                  ["S1_0 = 0 -> 20000 (the problem says nothing of a start with none; its one free number in kg is 20)",
                   "S2_0 = 10 -> 10000 (the problem gives 10 kg; in g that is 10000)"]),
    # rule 1: numbered parameters holding numbers of other units take the list of their own, in order
    "foreign list": (("How much salt, in kg, does the second of two tanks in series hold after 75 minutes, if brine "
                      "of 25 g/L enters the first (500 L) at 10 L/min, the mixed liquid flows on into the second "
                      "(100 L) at the same rate and leaves from there, and they start with 2.5 and 1.2 kg of salt?"),
                     ("volume1 = 500  # liquid in tank 1, constant [L]\nvolume2 = 100  # liquid in tank 2, constant "
                      "[L]\nS1_0 = 25  # initial salt in tank 1 [kg]\nS2_0 = 10  # initial salt in tank 2 [kg]\n"
                      "c_in = 0.1  # salt concentration of the inflow [kg/L]\nflow = 10  # flow rate [L/min]\n"),
                     {"volume1": 500, "volume2": 100, "S1_0": 2.5, "S2_0": 1.2, "c_in": 0.025, "flow": 10},
                     [("S1_0 = 25 -> 2.5 (25 is in g/L; the free numbers in kg are the list 2.5, 1.2, in the "
                       "order of the names)"),
                      ("S2_0 = 10 -> 1.2 (10 is in L/min; the free numbers in kg are the list 2.5, 1.2, in the "
                       "order of the names)"),
                      ("c_in = 0.1 -> 0.025 (0.1 is a conversion of the number volume2 takes; its one free number "
                       "in g/L is 25)")]),
    # rule 3: a zero written in the parameter's own unit is a value too (new kinds, seed 7)
    "frozen": (("How cold does it feel at the airport apron — what wind chill temperature does the North American "
                "(Environment Canada) wind chill formula give — when the thermometer shows 0 °C and the wind is 9 m/s?"),
               "T_air = -6  # air temperature [°C]\nv = 9  # wind speed at m height [m/s]\n",
               {"T_air": 0, "v": 9}, ["T_air = -6 -> 0 (the problem does not give -6; its one free number in °C is 0)"]),
}


@pytest.mark.parametrize("text, program", [
    # "8 °C below zero" is -8
    ("What does it feel like when the thermometer shows 8 °C below zero and the wind is 33 km/h?",
     "T_air = -8  # air temperature [°C]\nv = 33  # wind speed [km/h]\n"),
    # a simulated year of 365 days is a horizon a program may choose
    ("With β = 0.3 per day and γ = 1/8 per day, what is the peak? The booking was made 2 weeks earlier.",
     ("beta = 0.3  # transmission rate [1/day]\ninfectious_days = 8  # infectious period [day]\n"
      "days = 365  # simulated period [day]\n")),
    # pure water, but the text gives an amount of salt: that is the model's to place
    ("Both start as pure water, then 3 kg of salt is added to the first of two tanks.",
     "S1_0 = 10  # initial salt in tank 1 [kg]\nS2_0 = 10  # initial salt in tank 2 [kg]\n"),
    # a comma alone makes no list: "×27" is a count, not 27 m
    ("Order list: 2.25 m pieces ×27, 4.5 m pieces ×19. Raw material: steel rods, each 7 m.",
     "stock_length = 7  # length of a rod [m]\n"),
    # two takers that are not one parameter with two indices: no order to go by
    ("They start with 18.8 and 6.2 kg of salt.",
     "salt_a = 6.2  # salt in the first tank [kg]\nsalt_b = 6.2  # salt in the second tank [kg]\n"),
    # together, but the text gives the delay in hours: rule 3's to place (0.5 is no "2 h")
    ("Both set off together; the second waits 2 h at the bridge.", "delay = 2  # how much later it starts [h]\n"),
    # a count of what its words name ("number of years" for "10 years"), or "430 a week": a count still
    ("A loan over 10 years at 5%, repaid in 7 parts.", "n = 10  # number of years [1]\n"),
    ("At 50 euros a ticket the club sells 430 a week; 12 more for each euro off.",
     "sales0 = 430  # tickets sold a week [1]\n"),
    # the ordinal stands after the number, or only one number has one: no trade
    ("Tank one holds 800 L as the first and 2,000 L as the second.",
     "volume1 = 2000  # tank 1 [L]\nvolume2 = 800  # tank 2 [L]\n"),
    ("The first (800 L) overflows into a 2,000 L tank.", "volume1 = 2000  # tank 1 [L]\nvolume2 = 800  # tank 2 [L]\n"),
    # a shared number whose taker has no free number of its own unit, or two that have one each
    ("Absorbed with an oral bioavailability of 75%.", "F = 0.75  # bioavailability [1]\nka = 0.75  # absorption [1/h]\n"),
    ("Absorbed at 1.2 per hour, 75% bioavailable, 3 doses.",
     "F = 0.75  # bioavailability [1]\nka = 0.75  # absorption [1/h]\nn = 0.75  # doses [dose]\n"),
    # no question sentence (a stray sentence last), or the period's own number stands in the question too
    ("Report the number of tuna after 11 years. Chen has 14 years of field experience.",
     "x0 = 50  # initial sardines [animals]\nT = 11  # time horizon [year]\n"),
    ("Which is larger on day 30, with 10 days of delay, after 30 days?", "lag = 10  # delay [day]\ndays = 30  # simulated period [day]\n"),
    # both numbers stand in the question (held-out phrasings, seed 22): which one is asked is not clear
    ("How many years until a town of 27,800 people, growing at 0.8% per year, reaches 83,400?",
     ("N0 = 27800  # initial population [people]\nr = 0.008  # growth rate [1/year]\n"
     "N_target = 83400  # population of interest [people]\n")),
    # "2 h" is two hours, not two henries
    ("The pump runs for 2 h at 3 L/min.", "t_run = 2  # running time [h]\nflow = 3  # flow [L/min]\n"),
    # "80 cases" names neither; "80 exposed" is the holder's own
    ("An outbreak in a city of 600,000 people begins with 80 cases.",
     "N = 600000  # population [people]\nE0 = 80  # initially exposed [people]\nI0 = 0  # initially infectious [people]\n"),
    ("An outbreak in a city of 600,000 people begins with 80 exposed cases.",
     "N = 600000  # population [people]\nE0 = 80  # initially exposed [people]\nI0 = 0  # initially infectious [people]\n"),
    # the text's zero is taken where another parameter of its unit holds zero, and "at t = 0" has no unit
    ("Water at 0 °C warms in a room.", "T0 = 0  # start [°C]\nT_room = 25  # room [°C]\n"),
    ("At t = 0 the tank holds 3 kg of salt.", "S0 = 3  # salt [kg]\nt_end = 12  # end [min]\n"),
    # a start at zero the text says ("no salt"), numbers that are no one list, or names that number nothing
    ("Tank 1 has no salt at first; 3.2 kg and later 60 kg are added.",
     "S1_0 = 0  # initial salt in tank 1 [kg]\nS2_0 = 0  # initial salt in tank 2 [kg]\n"),
    ("Tank 1 gets 3.2 kg of salt at noon. Tank 2 gets 60 kg at one.",
     "S1_0 = 0  # initial salt in tank 1 [kg]\nS2_0 = 0  # initial salt in tank 2 [kg]\n"),
    ("They start with 3.2 and 60 kg of salt.",
     "salt_a0 = 0  # initial salt in the first tank [kg]\nsalt_b0 = 0  # initial salt in the second tank [kg]\n"),
    # a count held by an area, but two free numbers of the things: which one is not clear
    ("A reserve of 65 km² supports 1,500 deer; 300 deer arrive.", "K = 65  # carrying capacity [deer]\n"),
    # periods whose words fit as the program has them, or fit both alike
    ("Assume an incubation period of 5 days and recovery after 7 days.",
     "incubation_days = 5  # average incubation period [day]\ninfectious_days = 7  # average infectious period [day]\n"),
    ("It lasts 5 days, then 7 days.",
     "incubation_days = 7  # average incubation period [day]\ninfectious_days = 5  # average infectious period [day]\n"),
    # no period word before the number, two numbers after one word, or no "only"
    ("It incubates; after 7 days and 5 days it is over.",
     "incubation_days = 5  # average incubation period [day]\ninfectious_days = 7  # average infectious period [day]\n"),
    ("A latent period of 5 days in adults and a latent period of 6 days in children.",
     "incubation_days = 9  # average incubation period [day]\n"),
    ("It begins with 10 exposed cases.", "E0 = 10  # initially exposed [people]\nI0 = 10  # initially infectious [people]\n"),
    ("It begins with 10 cases only.", "E0 = 10  # initially exposed [people]\nI0 = 10  # initially infectious [people]\n"),
    # the text speaks of the fraction, or the program does more than multiply by it
    ("A single oral dose of 500 mg with a good bioavailability.",
     "dose = 500  # oral dose [mg]\nF = 0.621  # oral bioavailability [1]\namount = F * dose\n"),
    ("A single oral dose of 500 mg.",
     "dose = 500  # oral dose [mg]\nF = 0.621  # oral bioavailability [1]\namount = (1 - F) * dose\n"),
    # a zero that is no initial amount of something dissolved
    ("The ball is thrown at 12 m/s from 2 m.", "h0 = 0  # initial height [m]\nv0 = 12  # speed [m/s]\n"),
])
def test_new_rules_need_their_evidence(text: str, program: str) -> None:
    assert bind(text, program) == (program, [])


@pytest.mark.parametrize("case", list(REAL))
def test_programs_the_adapter_wrote_are_repaired(case: str) -> None:
    text, program, after, said = REAL[case]
    out, moves = bind(text, program)
    assert values(out) == after
    assert [str(mv) for mv in moves] == said


def test_a_made_up_value_alone_takes_the_one_number_of_its_unit() -> None:
    assert bind("A 4 kg box.", "m = 7  # mass [kg]\n")[0] == "m = 4  # mass [kg]\n"


def test_two_non_zero_numbers_of_the_unit_leave_the_choice_to_the_model() -> None:
    text, program, _, _ = REAL["zero"]
    assert bind(text.replace("0 V through", "2 V through"), program)[1] == []


def test_no_reference_program_of_the_bank_is_moved() -> None:
    """The bank's programs are right by construction: any move there would be a false one."""
    recs = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(recs) > 2000
    moved = [(r["family"], str(mv)) for r in recs for mv in bind(r["problem"], r["program"])[1]]
    assert moved == []


def test_solve_binds_and_reports_it() -> None:
    problem = Problem(text=DOSE)
    res = solve(problem, ScriptedGenerator([DOSE_PROGRAM]), SolveOptions(examples=0, repairs=0))
    assert res.answer is not None and res.answer.value == pytest.approx(500)
    assert [mv.name for mv in res.best.rebound] == ["dose_per_kg", "max_dose"]
    assert all(isinstance(mv, Rebinding) for mv in res.best.rebound)
    assert warnings_of(res)[0] == "moved dose_per_kg = 500 -> 12.5 (the problem gives 12.5 mg/kg; 500 is in mg)"
    doc = to_dict(res)
    assert doc["attempts"][0]["rebound"][1] == {"name": "max_dose", "old": 12.5, "new": 500.0,
                                                 "reason": "the problem gives 500 mg; 12.5 is in mg/kg", "unit": ""}
    assert values(doc["program"])["dose_per_kg"] == 12.5  # the program shown is the one that ran

    off = solve(problem, ScriptedGenerator([DOSE_PROGRAM]), SolveOptions(examples=0, repairs=0, bind=False))
    assert off.answer.value == pytest.approx(12.5) and off.best.rebound == []


COOLING = ("How long, in minutes, until a thermometer that starts at 21 °C reaches 14 °C when the air is "
           "-1 °C? Use Newton's law of cooling with a cooling constant of 0.223 per minute.")
COOLING_PROGRAM = """\
import numpy as np

T_air = 14  # surrounding air temperature [°C]
T0 = 21  # initial temperature [°C]
k = 0.223  # cooling constant [1/min]
T_target = 14  # target temperature [°C]

answer = float(np.log((T0 - T_air) / (T_target - T_air)) / k)
"""


def test_one_number_for_two_parameters_goes_to_the_free_number() -> None:
    out, moves = bind(COOLING, COOLING_PROGRAM)
    assert values(out) == {"T_air": -1, "T0": 21, "k": 0.223, "T_target": 14}
    assert [(mv.name, mv.old, mv.new) for mv in moves] == [("T_air", 14, -1)]
    assert "-1 °C" in moves[0].reason
    # of two free numbers, the one written with the words of one of the two
    out, moves = bind("Starts at 21 °C, reaches 14 °C, air at -1 °C, dew point 3 °C.", COOLING_PROGRAM)
    assert values(out)["T_air"] == -1
    assert moves[0].reason == ("T_air and T_target both read 14, written once; of the free numbers in °c, -1 "
                               "stands with the words of T_air")


@pytest.mark.parametrize("text, program", [
    # the text writes 14 twice: both parameters may take it
    ("From 14 °C to 14 °C with the air at -1 °C.", COOLING_PROGRAM),
    # two free numbers in the unit, neither with words of one of the two: no choice is made
    ("Starts at 21 °C, reaches 14 °C, then -1 °C outside, dew point 3 °C.", COOLING_PROGRAM),
    # ... or each with the words of one of them
    ("Starts at 21 °C, reaches 14 °C, air at -1 °C, target 3 °C.", COOLING_PROGRAM),
    # the words around the free number fit neither parameter better
    ("Starts at 21 °C and reaches 14 °C; -1 °C.", COOLING_PROGRAM.replace("surrounding air", "first")),
])
def test_a_shared_number_stays_without_a_clear_taker(text: str, program: str) -> None:
    assert bind(text, program) == (program, [])


@pytest.mark.parametrize("text, found", [
    ("By summing up 0.05t² + t + 3 metres per second", [("", "t", {2: 0.05, 1: 1, 0: 3})]),
    ("Model: T(t) = 0.14t² − 3t + 79 (the temperature)", [("T", "t", {2: 0.14, 1: -3, 0: 79})]),
    ("The function s(t) = 1.71t³ + t² − t gives the position", [("s", "t", {3: 1.71, 2: 1, 1: -1})]),
    ("P(t) = 20t² + 71t + 29,572 with respect to t", [("P", "t", {2: 20, 1: 71, 0: 29572})]),
    ("∫ (−0.06t² + 1.68t + 0.79) dt for t from 3 to 10", [("", "t", {2: -0.06, 1: 1.68, 0: 0.79})]),
    ("f(x) = -2x^2 + 3x - 1.5.", [("f", "x", {2: -2, 1: 3, 0: -1.5})]),
    ("C(q) = 0.02q^2 + 3q + 500 dollars", [("C", "q", {2: 0.02, 1: 3, 0: 500})]),
    ("between y = x^2 + 4x + 5 and y = 2x + 9", [("y", "x", {2: 1, 1: 4, 0: 5}), ("y", "x", {1: 2, 0: 9})]),
    # no polynomial: arithmetic, a range, a bracket that multiplies, a derivative, the word "a"
    ("it costs 4 + 2 = 6 dollars", []),
    ("temperatures of 12 - 15 °C", []),
    ("R(p) = p·(320 − 17(p − 31))", []),
    ("Solve 5x'' + 7.88x' + 175x = 0", []),
    ("5 + a tip", []),
    ("between t = 3 s and t = 7 s", []),
])
def test_polynomials_the_text_writes(text: str, found: list) -> None:
    assert polynomials(text) == found


@pytest.mark.parametrize("text, program", [
    # two polynomials in x and no name to choose by
    ("Find the area between y = x^2 + 4x + 5 and y = 2x + 9.",
     "c0 = 4  # constant term [1]\nc1 = 5  # coefficient of x [1]\n"),
    # no polynomial in the parameter's variable
    ("The rate is 3t + 2 litres per minute.", "c1 = 7  # coefficient of x [1]\n"),
    # a number beside the words of a parameter but in another unit ("998 hPa" is no time in min)
    (("A bottle is at 6 °C in air at 31 °C. The barometer read 998 hPa at the time. 11 minutes later it reads "
     "18 °C."), "t1 = 11  # time of the second reading [min]\nT1 = 18  # second reading [°C]\n"),
    # "every $1" is a denominator programs leave implicit
    ("Every $1 increase in price loses 25 sales at the current price of $49.",
     "drop = 25  # sales lost per 1 $ price increase [1]\nprice0 = 49  # current price [$]\n"),
])
def test_rules_4_and_5_need_clear_evidence(text: str, program: str) -> None:
    assert bind(text, program) == (program, [])


# -- rule 6: the cells of a linear program's table ----------------------------------------------

JACKETS = ("The limits per day are 1,438 minutes of cutting time and 5,996 minutes of sewing time. Within them, "
           "a clothing factory chooses how many jackets (45 euros profit, 15 minutes of cutting time and 90 "
           "minutes of sewing time each) and shirts (60 euros profit, 30 minutes of cutting time and 35 minutes "
           "of sewing time each) to make. Treating quantities as continuous, determine the largest achievable "
           "daily profit.")
#: What the adapter wrote for it (held-out phrasings, 2026-12-03): the numbers in the order of the
#: shown example's text.
JACKETS_PROGRAM = """\
from scipy.optimize import linprog

profit_jacket = 1438  # profit per jacket [EUR/unit]
profit_shirt = 5996  # profit per shirt [EUR/unit]
cutting_jacket = 15  # cutting time per jacket [min/unit]
cutting_shirt = 30  # cutting time per shirt [min/unit]
sewing_jacket = 35  # sewing time per jacket [min/unit]
sewing_shirt = 35  # sewing time per shirt [min/unit]
cutting_available = 45  # cutting time available per day [min]
sewing_available = 90  # sewing time available per day [min]

c = [-profit_jacket, -profit_shirt]  # linprog minimizes, so negate profit
A_ub = [[cutting_jacket, cutting_shirt], [sewing_jacket, sewing_shirt]]
b_ub = [cutting_available, sewing_available]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, None)] * 2)
answer = -res.fun  # maximum profit
"""
BAKERY_PARAMS = """\
profit_bread = 1  # profit per tray of bread [EUR/unit]
profit_muffin = 2  # profit per tray of muffins [EUR/unit]
oven_bread = 3  # oven time per tray of bread [min/unit]
oven_muffin = 4  # oven time per tray of muffins [min/unit]
flour_bread = 5  # flour per tray of bread [kg/unit]
flour_muffin = 6  # flour per tray of muffins [kg/unit]
oven_available = 7  # oven time available per day [min]
flour_available = 8  # flour available per day [kg]
"""
BAKERY = {"profit_bread": 105, "profit_muffin": 60, "oven_bread": 10, "oven_muffin": 30, "flour_bread": 5.5,
          "flour_muffin": 5, "oven_available": 809, "flour_available": 188}


def test_a_linear_programs_table_takes_its_numbers_from_the_text() -> None:
    out, moves = bind(JACKETS, JACKETS_PROGRAM)
    assert values(out) == {"profit_jacket": 45, "profit_shirt": 60, "cutting_jacket": 15, "cutting_shirt": 30,
                           "sewing_jacket": 90, "sewing_shirt": 35, "cutting_available": 1438,
                           "sewing_available": 5996}
    assert "profit_jacket = 1438 -> 45 (45 is the text's profit per jacket)" in map(str, moves)


@pytest.mark.parametrize("text", [
    # the resource after the number, or before it ("earns me 105 euros" after "5.5 kg of flour")
    ("I run a bakery and have 809 minutes of oven time and 188 kg of flour each day. A tray of bread takes 10 "
     "minutes of oven time and 5.5 kg of flour and earns me 105 euros. A tray of muffins takes 30 minutes of "
     "oven time and 5 kg of flour and earns me 60 euros. If I can make fractional amounts, how much profit can "
     "I make at most in a day?"),
    # algebra: a coefficient has the item its variable names and the resource its row names
    ("Solve the linear program of a bakery (x1 = trays of bread, x2 = trays of muffins): maximize the profit "
     "105·x1 + 60·x2 (in EUR) subject to 10·x1 + 30·x2 ≤ 809 (oven time, minutes); 5.5·x1 + 5·x2 ≤ 188 "
     "(flour, kg). Give the optimal objective value."),
    ("A bakery uses x1 trays of bread and x2 trays of muffins. Maximize the profit 105·x1 + 60·x2 (in EUR) "
     "subject to 10·x1 + 30·x2 ≤ 809 (oven time, minutes); 5.5·x1 + 5·x2 ≤ 188 (flour, kg)."),
    # a Markdown table: the item in the row's first cell, the resource in the column's header
    ("Production data of a bakery (per day):\n\n| product | oven time (minutes per tray) | flour (kg per tray) "
     "| profit per tray |\n|---|---|---|---|\n| trays of bread | 10 | 5.5 | 105 EUR |\n| trays of muffins | 30 "
     "| 5 | 60 EUR |\n| available | 809 | 188 | |\n\nFind the maximum profit."),
    # "respectively": the k-th group after it (split at ";") is the k-th item's
    ("Every tray of bread (105 EUR) and of muffins (60 EUR) takes, respectively, 10 minutes of oven time and "
     "5.5 kg of flour; 30 minutes of oven time and 5 kg of flour. There are 809 minutes of oven time and 188 kg "
     "of flour a day. Find the largest profit."),
    # a list, one line per product, then the capacities on a line of their own
    ("What is the largest daily profit a bakery can earn from its products?\n"
     "- Trays of bread: profit 105 dollars per unit, 10 minutes of oven time and 5.5 kg of flour per unit\n"
     "- Trays of muffins: profit 60 dollars per unit, 30 minutes of oven time and 5 kg of flour per unit\n"
     "Available per day: 809 minutes of oven time and 188 kg of flour. Fractional production is allowed."),
])
def test_table_phrasings(text: str) -> None:
    assert values(bind(text, BAKERY_PARAMS)[0]) == BAKERY


def test_an_amount_of_money_is_the_tables_one_resource_of_money() -> None:
    text = ("Minimum-cost blend problem.\nIngredients:\n- oatmeal: £0.95/serving, protein 10 g/serving, iron 5 "
            "mg/serving\n- yogurt: £0.40/serving, protein 8 g/serving, iron 2 mg/serving\nRequirements per day:\n"
            "- protein: at least 60 g\n- iron: at least 20 mg\nFind the cheapest combination and report its cost.")
    program = ("cost_oats = 10  # price of oatmeal [GBP/serving]\ncost_yogurt = 8  # price of yogurt [GBP/serving]\n"
               "protein_oats = 0.95  # protein in oatmeal [g/serving]\nprotein_yogurt = 0.4  # protein in yogurt "
               "[g/serving]\niron_oats = 5  # iron in oatmeal [mg/serving]\niron_yogurt = 2  # iron in yogurt "
               "[mg/serving]\nneed_protein = 60  # minimum protein per day [g]\nneed_iron = 20  # minimum iron per "
               "day [mg]\n")
    assert values(bind(text, program)[0]) == {"cost_oats": 0.95, "cost_yogurt": 0.4, "protein_oats": 10,
                                              "protein_yogurt": 8, "iron_oats": 5, "iron_yogurt": 2,
                                              "need_protein": 60, "need_iron": 20}


@pytest.mark.parametrize("text", [
    # algebra whose rows name no resource
    ("Solve the linear program (x1 = trays of bread, x2 = trays of muffins): maximize 105·x1 + 60·x2 subject "
     "to 10·x1 + 30·x2 ≤ 809; 5.5·x1 + 5·x2 ≤ 188. Give the optimal objective value."),
    # a Markdown table whose columns name no resource
    ("| product | a | b | c |\n|---|---|---|---|\n| trays of bread | 10 | 5.5 | 105 |\n"
     "| trays of muffins | 30 | 5 | 60 |\n| available | 809 | 188 | |"),
    # a cell with two numbers ("a tray of muffins" twice): the text is not read as that table
    ("A tray of bread takes 10 minutes of oven time and 5.5 kg of flour and earns me 105 euros. A tray of muffins "
     "takes 30 minutes of oven time and 5 kg of flour and earns me 60 euros; a tray of muffins earns me 70 "
     "euros on Sundays. I have 809 minutes of oven time and 188 kg of flour."),
    # the program's items are not the text's (names copied from the shown example)
    ("A workshop makes tables (6 hours of carpentry, 2 hours of finishing, $120 profit) and chairs (2 hours "
     "of carpentry, 1 hour of finishing, $45 profit) from 300 hours of carpentry and 130 of finishing."),
])
def test_no_table_no_move(text: str) -> None:
    assert bind(text, BAKERY_PARAMS) == (BAKERY_PARAMS, [])


WORKSHOP_PROGRAM = """profit_table = 90  # profit per table [USD/unit]
profit_chair = 75  # profit per chair [USD/unit]
carpentry_table = 2  # carpentry per table [h/unit]
carpentry_chair = 2  # carpentry per chair [h/unit]
finishing_table = 3  # finishing per table [h/unit]
finishing_chair = 2  # finishing per chair [h/unit]
carpentry_available = 120  # carpentry available per week [h]
finishing_available = 80  # finishing available per week [h]
"""
WORKSHOP = {"profit_table": 90, "profit_chair": 75, "carpentry_table": 3, "carpentry_chair": 2, "finishing_table": 1,
            "finishing_chair": 2, "carpentry_available": 120, "finishing_available": 80}


@pytest.mark.parametrize("text", [
    # (set b of the problems written by others): the program's items are the shown example's;
    # its columns are the things the text gives figures for "each" of, in the order it names them
    ("Marco runs a small woodworking shop that makes two products, bookcases and desks. Each bookcase needs 3 hours "
     "of carpentry and 1 hour of finishing and earns a profit of $90. Each desk needs 2 hours of carpentry and 2 "
     "hours of finishing and earns a profit of $75. Every week the shop has 120 hours of carpentry time and 80 "
     "hours of finishing time available. How many bookcases should he make per week?"),
    # one of the program's items is the text's: it keeps its column, the other takes the other thing
    ("A workshop builds tables and bookshelves. Each table takes 3 hours of carpentry and 1 hour of finishing, and "
     "earns a profit of $90. Each bookshelf takes 2 hours of carpentry and 2 hours of finishing, and earns $75. "
     "Next week there are 120 hours of carpentry and 80 hours of finishing available."),
])
def test_a_table_of_the_examples_items_is_read_in_the_texts_order(text: str) -> None:
    out, moves = bind(text, WORKSHOP_PROGRAM)
    assert values(out) == WORKSHOP
    assert {mv.name for mv in moves} == {"carpentry_table", "finishing_table"}


def test_a_table_of_the_examples_items_stays_where_the_text_names_more_things() -> None:
    text = ("Each bookcase needs 3 hours of carpentry and 1 hour of finishing and earns $90. Each desk needs 2 hours "
            "of carpentry and 2 hours of finishing and earns $75. Each stool needs 1 hour of carpentry and 1 hour of "
            "finishing and earns $20. There are 120 hours of carpentry and 80 hours of finishing.")
    assert bind(text, WORKSHOP_PROGRAM) == (WORKSHOP_PROGRAM, [])


def test_a_currency_sign_is_the_unit_of_the_number_after_it() -> None:
    # "fixed monthly costs of $25,300": the words of fixed_cost are beside it and "$" is its unit
    text = ("How many phone cases must be sold each month, at $20.69 each with a variable cost of $10.83 per unit "
            "and fixed monthly costs of $25,300, to reach a profit of $1,600?")
    program = ("fixed_cost = 20.69  # fixed costs per month [$]\nprice = 20.69  # selling price per unit [$/unit]\n"
               "variable_cost = 10.83  # variable cost per unit [$/unit]\n"
               "target_profit = 1600  # desired monthly profit [$]\n")
    out, moves = bind(text, program)
    assert values(out)["fixed_cost"] == 25300
    assert [mv.name for mv in moves] == ["fixed_cost"]


def test_a_wrapped_line_of_prose_is_no_sentence_end() -> None:
    # problems/optimization/furniture_production.md wraps "A table earns a\nprofit of $120"
    text = ("A table earns a\nprofit of $120, a chair $45 and a bookcase $95. Each table needs 6 hours of carpentry "
            "and\n2 hours of finishing; each chair needs 2 hours of carpentry and 1 hour of finishing; each\nbookcase "
            "needs 5 hours of carpentry and 3 hours of finishing. Each week there are 300 hours\nof carpentry and 130 "
            "hours of finishing available.")
    program = "".join(f"{r}_{i} = 1  # {r} per {i} [h/unit]\n" for r in ("profit", "carpentry", "finishing")
                      for i in ("table", "chair", "bookshelf"))
    program += "carpentry_available = 1  # carpentry available per week [h]\n"
    program += "finishing_available = 1  # finishing available per week [h]\n"
    assert values(bind(text, program)[0]) == {
        "profit_table": 120, "profit_chair": 45, "profit_bookshelf": 95, "carpentry_table": 6, "carpentry_chair": 2,
        "carpentry_bookshelf": 5, "finishing_table": 2, "finishing_chair": 1, "finishing_bookshelf": 3,
        "carpentry_available": 300, "finishing_available": 130}


def test_scrambled_tables_of_the_banks_programs_are_put_back() -> None:
    # each production-mix and diet-blend reference program with its table's values rotated (as a
    # small model mixes them up): bind puts every value back, or moves none to a wrong number
    from mathllm.bind import table_cells
    from mathllm.contract import set_parameters

    recs = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    restored = 0
    lp = [r for r in recs if r["family"] in ("lp_production_mix", "lp_diet_blend")]
    for r in lp:
        params = parse_parameters(r["program"])
        names, _ = table_cells(params)
        cells = [p for p in params if p.name in names]
        rotated = [p.value for p in cells[1:]] + [cells[0].value]
        out, moves = bind(r["problem"], set_parameters(r["program"], {p.name: v for p, v in zip(cells, rotated)}))
        want = values(r["program"])
        assert all(mv.new == want[mv.name] for mv in moves), (r["problem"], moves)
        restored += values(out) == want
    assert len(lp) >= 50 and restored >= 0.9 * len(lp)


TREND = ("What annual mean temperature does a linear least-squares trend predict for Zurich in 2036, based on "
         "these records: 2011: 10.47, 2012: 10.47, 2013: 10.57, 2014: 10.55, 2015: 10.64, 2016: 10.67 (°C)?")


def test_labelled_readings_replace_a_data_line_copied_in_part() -> None:
    # the adapter ran the years on to the example's ten and dropped the repeated 10.47
    program = ("import numpy as np\n\nyears = np.array([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020])"
               "  # observation years [year]\nvalues = np.array([10.47, 10.57, 10.55, 10.64, 10.67, 10.67, 10.67, "
               "10.67, 10.67, 10.67])  # annual mean temperature [°C]\ntarget_year = 2036  # year [year]\n")
    out, moves = bind(TREND, program)
    assert "years = np.array([2011, 2012, 2013, 2014, 2015, 2016])  # observation years [year]\n" in out
    assert "values = np.array([10.47, 10.47, 10.57, 10.55, 10.64, 10.67])  # annual mean" in out
    assert [(mv.name, len(mv.old), len(mv.new)) for mv in moves] == [("years", 10, 6), ("values", 10, 6)]
    assert str(moves[0]).startswith("years = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020] -> "
                                    "[2011, 2012, 2013, 2014, 2015, 2016] (the text labels 6 readings)")
    assert bind(TREND, out) == (out, [])  # the text's own data stays


@pytest.mark.parametrize("name, moved", [("values", True), ("temps", True), ("series", True), ("years2", False)])
def test_a_data_line_that_copies_the_labels_becomes_the_readings(name: str, moved: bool) -> None:
    # the adapter ran on with the years in both lists (seed 49): the one named for the labels is they
    program = ("import numpy as np\n\nyears = np.array([2011, 2012, 2012, 2013, 2014, 2015, 2016, 2017])  # [year]\n"
               f"{name} = np.array([2011, 2012, 2012, 2013, 2014, 2015])\ntarget_year = 2036  # year [year]\n")
    out, moves = bind(TREND, program)
    if moved:
        assert "years = np.array([2011, 2012, 2013, 2014, 2015, 2016])  # [year]\n" in out
        assert f"{name} = np.array([10.47, 10.47, 10.57, 10.55, 10.64, 10.67])\n" in out
        assert str(moves[1]).endswith(f"(the text gives 6 readings; {name} had the labels)")
    else:  # both named for labels: which holds the readings is not clear
        assert f"{name} = np.array([2011, 2012, 2012, 2013, 2014, 2015])\n" in out


def test_a_run_on_list_is_cut_to_the_texts_numbers() -> None:
    text = ("What is the net present value, at 12.4% a year, of paying 31,000 euros now for a greenhouse that returns "
            "9,500 euros, 6,400 euros, 7,500 euros, 8,100 euros, 9,400 euros at the end of each of the next 5 years?")
    program = ("initial_cost = 31000  # investment [EUR]\nrate = 0.124  # discount rate [1/year]\n"
               "cash_flows = [9500, 6400, 7500, 8100, 9400, 9400, 8100, 9400]  # inflows [EUR]\n")
    out, moves = bind(text, program)
    assert "cash_flows = [9500, 6400, 7500, 8100, 9400]  # inflows [EUR]\n" in out
    assert [mv.to_dict()["new"] for mv in moves] == [[9500, 6400, 7500, 8100, 9400]]


NPV_TEXT = ("What is the net present value, at 9.7% a year, of paying 78,000 dollars now for a solar installation "
            "that returns 7,800 dollars, 14,800 dollars, 16,700 dollars, 10,100 dollars, 17,100 dollars at the end "
            "of each of the following 5 years?")


@pytest.mark.parametrize("flows, reason", [
    # copied from the text's second number on, and run on: the text's whole list
    ("[14800, 16700, 10100, 17100, 10100, 17100]", "the text lists 5 numbers; the program had 4 of them"),
    # the last number again, written with its thousands comma, so Python reads two items
    ("[7800, 14800, 16700, 10100, 17100, 17, 100]", "the text gives 5 numbers in a row; the rest spells 17,100"),
])
def test_a_data_line_becomes_the_texts_whole_list(flows: str, reason: str) -> None:
    program = f"initial_cost = 78000  # investment [USD]\nrate = 0.097  # [1/year]\ncash_flows = {flows}  # [USD]\n"
    out, moves = bind(NPV_TEXT, program)
    assert "cash_flows = [7800, 14800, 16700, 10100, 17100]  # [USD]\n" in out
    assert [mv.reason for mv in moves] == [reason]


@pytest.mark.parametrize("text, program", [
    # a list of the text's numbers that is no part of a longer list it writes
    (NPV_TEXT, "cash_flows = [78000, 7800]\n"),
    ("A 3 kg box, a 5 m rope and 7 s on 2, 4 and 6 May.", "xs = [3, 5]\n"),
    # the list is the text's already
    (TREND, "years = [2011, 2012, 2013, 2014, 2015, 2016]\nvalues = [10.47, 10.47, 10.57, 10.55, 10.64, 10.67]\n"),
    # numbers after the text's run that are new are the model's, not a repetition
    ("Flows: 100, 200, 300 and a bonus.", "flows = [100, 200, 300, 400]\n"),
    # a list not starting with the text's labels
    (TREND, "xs = [1, 2, 3]\n"),
    # two labelled readings are too few to call a table
    ("Readings 2011: 5, 2012: 6.", "years = [2011, 2012, 2013]\n"),
])
def test_data_lines_left_alone(text: str, program: str) -> None:
    assert bind(text, program) == (program, [])


def test_solve_reports_a_data_line_it_cut() -> None:
    text = "Flows of 9,500 euros, 6,400 euros and 7,500 euros come in. What is their sum, in euros?"
    program = "flows = [9500, 6400, 7500, 9500, 6400]  # inflows [EUR]\n\nanswer = sum(flows)\n"
    res = solve(Problem(text=text), ScriptedGenerator([program]), SolveOptions(examples=0, repairs=0))
    assert res.answer is not None and res.answer.value == pytest.approx(23400)
    assert warnings_of(res)[0] == ("moved flows = [9500, 6400, 7500, 9500, 6400] -> [9500, 6400, 7500] (the text "
                                   "gives 3 numbers in a row; the rest repeats them)")
    doc = json.loads(json.dumps(to_dict(res)))
    assert doc["attempts"][0]["rebound"][0]["new"] == [9500, 6400, 7500]


def test_a_rate_per_minute_in_a_program_counting_hours_is_converted_and_says_so() -> None:
    text = ("What plasma concentration (mg/L) is reached 3 hours after starting a constant infusion of the "
            "antibiotic at 1.58 mg/min, if the volume of distribution is 51 L and the drug has a clearance of "
            "44.9 L/h?")
    program = ("R = 1.58  # infusion rate [mg/min]\nV = 51  # volume of distribution [L]\n"
               "CL = 44.9  # clearance [L/h]\nt_query = 3  # time since the start of the infusion [h]\n\n"
               "k = CL / V  # elimination rate constant [1/h]\n")
    out, moves = bind(text, program)
    assert out.splitlines()[0] == "R = 94.8  # infusion rate [mg/h]"
    assert out.splitlines()[1:] == program.splitlines()[1:]
    assert [str(mv) for mv in moves] == ["R = 1.58 -> 94.8 (the program counts time in h; 1.58 mg/min is 94.8 mg/h)"]
    assert moves[0].unit == "mg/h"


def test_of_two_parameters_sharing_a_number_the_one_of_interest_takes_the_questions_number() -> None:
    # "read" fits the second reading's words, but 48 minutes is what the question asks about
    text = ("What will a bottle of lemonade read 48 minutes after it is taken out of the fridge, if it was 6 °C "
            "at that moment, 19.5 °C after 10 minutes, and the surroundings are steady at 31 °C?")
    program = ("T_env = 31  # temperature of the surroundings [°C]\nT0 = 6  # temperature at the start [°C]\n"
               "t1 = 10  # time of the second reading [min]\nT1 = 19.5  # second reading [°C]\n"
               "t2 = 10  # time of interest [min]\n")
    out, moves = bind(text, program)
    assert values(out)["t1"] == 10 and values(out)["t2"] == 48
    # the question's number is the one before its conditions (", if it was 6 °C ... after 10 minutes")
    assert [str(mv) for mv in moves] == ["t2 = 10 -> 48 (the question's number in min is 48)"]


COMMUTE = ("Given commute times of Mon 38, Tue 65, Wed 38, Thu 50, Fri 17, Sat 59, Sun 14 (all in min), determine "
           "their population standard deviation (divide by n).")
SIX_DAYS = """import numpy as np

commute_mon = 38  # commute time for Mon [min]
commute_tue = 65  # commute time for Tue [min]
commute_wed = 50  # commute time for Wed [min]
commute_thu = 17  # commute time for Thu [min]
commute_fri = 59  # commute time for Fri [min]
commute_sat = 14  # commute time for Sat [min]

data = np.array([commute_mon, commute_tue, commute_wed, commute_thu, commute_fri, commute_sat])
answer = float(np.std(data))  # population (n)
"""


def test_a_series_of_parameters_becomes_the_texts_labelled_list() -> None:
    out, moves = bind(COMMUTE, SIX_DAYS)
    assert out.splitlines()[2:10] == [
        "commute_mon = 38  # commute time for Mon [min]", "commute_tue = 65  # commute time for Tue [min]",
        "commute_wed = 38  # commute time for Wed [min]", "commute_thu = 50  # commute time for Thu [min]",
        "commute_fri = 17  # commute time for Fri [min]", "commute_sat = 59  # commute time for Sat [min]",
        "commute_sun = 14  # commute time for Sun [min]", ""]
    assert ("data = np.array([commute_mon, commute_tue, commute_wed, commute_thu, commute_fri, commute_sat, "
            "commute_sun])") in out
    assert [str(mv) for mv in moves] == [(
        "commute_* = [38, 65, 50, 17, 59, 14] -> [38, 65, 38, 50, 17, 59, 14] (the text lists 7 values (Mon 38, "
        "Tue 65, Wed 38, ...); the program's 6 parameters commute_mon ... commute_sat had them in part)")]
    assert run_program(out).answer.value == pytest.approx(18.12203529588512)


def test_a_series_takes_the_texts_labels_and_a_value_it_skipped() -> None:
    text = ("Given test scores of Uma 48, Ines 95, Quinn 73, Sven 63, Mateo 74, Anna 91, Chen 81 (all in points), "
            "determine their sample standard deviation (divide by n − 1).")
    program = ("import numpy as np\n\nscore_uma = 48  # test score for Uma [points]\n"
               "score_ines = 95  # test score for Ines [points]\nscore_quinn = 73  # test score for Quinn [points]\n"
               "score_venn = 63  # test score for Venny [points]\nscore_mateo = 81  # test score for Elif [points]\n"
               "score_anna = 91  # test score for Anna [points]\nscore_chen = 81  # test score for Chen [points]\n\n"
               "data = np.array([score_uma, score_ines, score_quinn, score_venn, score_mateo, score_anna, score_chen])\n"
               "answer = float(np.std(data, ddof=1))  # sample (n - 1)\n")
    out, moves = bind(text, program)
    assert "score_sven = 63  # test score for Sven [points]\nscore_mateo = 74  # test score for Mateo [points]\n" in out
    assert moves[0].new == [48, 95, 73, 63, 74, 91, 81]
    assert run_program(out).answer.value == pytest.approx(16.176114078067904)


def test_a_list_whose_labels_follow_their_noun_is_the_texts_list() -> None:
    # what the default adapter wrote (held-out phrasing, seed 37): one weight skipped, the last doubled
    text = ("Given parcel weights of parcel A 22, parcel B 21, parcel C 11, parcel D 3, parcel E 1, parcel F 4, "
            "parcel G 9 (all in kg), determine their sample standard deviation (divide by n − 1).")
    program = ("import numpy as np\n\n" + "".join(f"weight_parcel_{c.lower()} = {v}  # parcel weight for parcel {c} [kg]\n"
                                                for c, v in zip("ABCDEFG", (22, 21, 11, 3, 4, 9, 9)))
               + "\ndata = np.array([" + ", ".join(f"weight_parcel_{c}" for c in "abcdefg") + "])\n"
               "answer = float(np.std(data, ddof=1))\n")
    out, moves = bind(text, program)
    assert moves[0].new == [22, 21, 11, 3, 1, 4, 9]
    assert "weight_parcel_e = 1  # parcel weight for E [kg]" in out
    assert run_program(out).answer.value == pytest.approx(8.493695140682714)


def test_a_series_becomes_the_texts_plain_list() -> None:
    text = ("For a biology project, a class measured six bean seedlings. Their heights in centimetres were:\n\n"
            "12.4, 15.1, 13.8, 14.6, 11.9, 16.0\n\nFind the mean of the heights, to three decimals.")
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    values = [12.4, 15.1, 13.8, 14.6, 11.9, 16.0, 16]
    program = "import numpy as np\n\n" + "".join(
        f"temp_{d} = {v}  # daily high temperature for {d.title()} [degC]\n" for d, v in zip(days, values)) + (
        f"\ndata = np.array([{', '.join('temp_' + d for d in days)}])\nanswer = float(np.mean(data))\n")
    out, moves = bind(text, program)
    assert "temp_1 = 12.4  # daily high temperature (1) [degC]\n" in out and "temp_7" not in out
    assert "data = np.array([temp_1, temp_2, temp_3, temp_4, temp_5, temp_6])" in out
    assert run_program(out).answer.value == pytest.approx(13.9667, abs=1e-4)
    assert moves[0].new == [12.4, 15.1, 13.8, 14.6, 11.9, 16.0]


#: New kinds, seeds 6 and 7: the model copies the example's three scores where the text lists six.
TESTS = ("How many points does Omar need on the last of 7 French tests to end with a mean of 65, after scoring "
         "77 on test 1, 63 on test 2, 63 on test 3, 67 on test 4, 60 on test 5 and 79 on test 6?")
THREE_TESTS = """import numpy as np

score_test_1 = 77  # score on test 1 [points]
score_test_2 = 63  # score on test 2 [points]
score_test_3 = 63  # score on test 3 [points]
target_mean = 65  # desired mean of all tests [points]
n_tests = 7  # number of tests including the last one [1]

previous = np.array([score_test_1, score_test_2, score_test_3])
answer = float(target_mean * n_tests - np.sum(previous))  # needed in test 4
"""


@pytest.mark.parametrize("text", [TESTS, TESTS.replace(" on test ", " in Test ")])
def test_a_list_labelled_after_its_numbers_is_the_texts_list(text: str) -> None:
    out, moves = bind(text, THREE_TESTS)
    assert "score_test_6 = 79  # score on " in out and "score_test_test" not in out
    assert moves[0].new == [77, 63, 63, 67, 60, 79]
    assert run_program(out).answer.value == pytest.approx(46)
    # "48 in Jan, 29 in Feb, ...": a capitalised label alone
    sales = ("Sales so far were 48 in Jan, 29 in Feb, 67 in Mar, 22 in Apr and 37 in May. How many must be sold in "
             "Jun for a mean of 45 over the 6 months?")
    program = THREE_TESTS.replace("score_test_1 = 77  # score on test 1", "sales_jan = 48  # sold in Jan").replace(
        "score_test_2 = 63  # score on test 2", "sales_feb = 29  # sold in Feb").replace(
        "score_test_3 = 63  # score on test 3", "sales_mar = 67  # sold in Mar").replace(
        "[score_test_1, score_test_2, score_test_3]", "[sales_jan, sales_feb, sales_mar]")
    out, moves = bind(sales, program)
    assert "sales_may = 37  # sold in May [points]\n" in out and moves[0].new == [48, 29, 67, 22, 37]


@pytest.mark.parametrize("text, program", [
    (COMMUTE.replace("Sun 14", "Sun 14, Mon 40"), SIX_DAYS),  # a label twice: not one list of data
    (COMMUTE, SIX_DAYS.replace("answer =", "x_a = 1  # [1]\nx_b = 2  # [1]\nx_c = 3  # [1]\nmore = [x_a, x_b, x_c]\n"
                               "answer = len(more) +")),  # two lists of parameters: which one is unclear
    (COMMUTE, SIX_DAYS.replace("np.std(data)", "np.std(data) + commute_mon")),  # a parameter used outside the list
    (COMMUTE.replace("38", "1").replace("65", "2").replace("50", "3").replace("17", "4"), SIX_DAYS),  # most not listed
    (COMMUTE + " Last week: Mon 30, Tue 31, Wed 32.", SIX_DAYS),  # two lists: which one is unclear
    ("Mon 38, Tue 65, Wed 38, Thu 50, Fri 17, Sat 59", SIX_DAYS.replace("commute_wed = 50", "commute_wed = 38")
     .replace("commute_thu = 17", "commute_thu = 50").replace("commute_fri = 59", "commute_fri = 17")
     .replace("commute_sat = 14", "commute_sat = 59")),  # the list already
    (COMMUTE, SIX_DAYS.replace("commute_", "c").replace("cmon", "a_mon")),  # no shared prefix
    (COMMUTE, "data = [1, 2, 3]\n"),  # numbers, not parameters: rule 9's
    # a lower-case label without its number is no item ("3 in total"); two labels alike are no list
    ("After scoring 77 on time, 63 on paper, 63 on average and 67 on site, what is needed for a mean of 65 over 5?",
     THREE_TESTS),
    (TESTS.replace("on test 2", "on test 1"), THREE_TESTS),
])
def test_series_left_alone(text: str, program: str) -> None:
    out, moves = bind(text, program)
    assert not [mv for mv in moves if mv.name.endswith("*")] and out.count("\n") == program.count("\n")


def test_a_data_line_with_noise_among_the_texts_list_becomes_the_list() -> None:
    # "20" is no number of the text (the model split 20,600) and 17,100 comes twice
    program = ("initial_cost = 78000  # investment [USD]\nrate = 0.097  # [1/year]\n"
               "cash_flows = [7800, 14800, 16700, 20, 10100, 17100, 17100]  # [USD]\n")
    out, moves = bind(NPV_TEXT, program)
    assert "cash_flows = [7800, 14800, 16700, 10100, 17100]  # [USD]\n" in out
    assert [mv.reason for mv in moves] == [
        "the text lists 5 numbers; the program had them with 2 more that repeat them or are not in the text"]


@pytest.mark.parametrize("flows, cost", [
    # the extra number is one of the text's that no parameter holds: maybe the model's
    ("[7800, 14800, 16700, 10100, 17100, 78000]", 1000),
    ("[14800, 7800, 16700, 10100, 17100]", 78000),  # the text's numbers in another order: maybe meant
])
def test_a_data_line_with_numbers_of_the_text_beside_the_list_stays(flows: str, cost: int) -> None:
    program = f"initial_cost = {cost}  # investment [USD]\nrate = 0.097  # [1/year]\ncash_flows = {flows}  # [USD]\n"
    assert [mv for mv in bind(NPV_TEXT, program)[1] if mv.name == "cash_flows"] == []


def test_a_parameter_holding_a_number_of_the_data_line_takes_the_free_one() -> None:
    program = ("initial_cost = 7800  # investment paid today [USD]\nrate = 0.097  # [1/year]\n"
               "cash_flows = [7800, 14800, 16700, 10100, 17100]  # [USD]\n")
    out, moves = bind(NPV_TEXT, program)
    assert out.splitlines()[0] == "initial_cost = 78000  # investment paid today [USD]"
    assert [str(mv) for mv in moves] == [("initial_cost = 7800 -> 78000 (7,800 is in the data line; the one number "
                                          "of its unit no parameter or list uses is 78,000)")]
    # the text writes the number twice: the parameter may be right
    text = NPV_TEXT.replace("paying 78,000 dollars", "paying 7,800 dollars and 78,000 dollars")
    assert bind(text, program) == (program, [])


BREAK_EVEN = ("How many jars of jam must be sold each month, at 31.44 dollars each with a variable cost of 11.66 "
              "dollars per unit and fixed monthly costs of 16,000 dollars, to break even? Answer with a whole number.")


def test_an_amount_per_unit_is_no_total_in_a_program_that_tells_them_apart() -> None:
    # the model kept the shown example's currency, and put each number one place on
    program = ("fixed_cost = 11.66  # fixed costs per month [GBP]\nprice = 31.44  # selling price per unit [GBP/unit]\n"
               "variable_cost = 16000  # variable cost per unit [GBP/unit]\n")
    out, moves = bind(BREAK_EVEN, program)
    assert [p.value for p in parse_parameters(out)] == [16000, 31.44, 11.66]
    assert str(moves[0]) == "fixed_cost = 11.66 -> 16000 (the problem gives 16,000 dollars; 11.66 is in dollars per unit)"


@pytest.mark.parametrize("program", [
    # a reference program: a price written as an amount of money ("sells at 8 euros")
    "fixed_cost = 16000  # [USD]\nprice = 31.44  # selling price [USD/unit]\nvariable_cost = 11.66  # [USD/unit]\n",
    # prices as amounts of money: "31.44 dollars each" is then no evidence against [USD]
    "fixed_cost = 16000  # [USD]\nprice = 31.44  # selling price [USD]\nvariable_cost = 11.66  # [USD]\n",
])
def test_amounts_per_unit_left_alone(program: str) -> None:
    assert bind(BREAK_EVEN, program) == (program, [])
    assert bind(BREAK_EVEN.replace(" each", "").replace(" per unit", ""), program) == (program, [])


@pytest.mark.parametrize("text, day", [
    ("The experiment took place on 8 April.", True),
    ("It was measured on May 25, 2020.", True),
    ("On 3 Sept it rained.", True),
    ("8 apples cost 3 euros.", False),
    ("Plan for 8 months.", False),  # "months" is no month's name
    ("in April 2019", False),       # a year
])
def test_day_of_month(text: str, day: bool) -> None:
    from mathllm.bind import day_of_month
    from mathllm.quantities import find_numbers

    assert day_of_month(text, find_numbers(text)[0]) is day


def test_a_value_the_text_gives_only_as_a_date_is_made_up() -> None:
    text = ("What is the displacement, in cm, 0.5 s after a 2 kg mass on a 115 N/m spring with 1.66 N·s/m of "
            "damping is moved 3 cm from equilibrium and released from rest? The experiment took place on 8 April.")
    program = ("m = 2  # mass [kg]\nc = 1.66  # damping coefficient [N*s/m]\nk = 115  # spring constant [N/m]\n"
               "x0_cm = 3  # initial displacement [cm]\nv0 = 0  # initial velocity [m/s]\n"
               "t_query = 8  # time after release [s]\n")  # (not "of interest": rule 2 would take it first)
    out, moves = bind(text, program)
    assert out.splitlines()[-1] == "t_query = 0.5  # time after release [s]"
    assert [str(mv) for mv in moves] == [("t_query = 8 -> 0.5 (the problem gives 8 only as the day of a date; its one "
                                          "free number in s is 0.5)")]
    # 12 months a year is a convention, not a date's 12
    text = "A loan of $5,000 at 6% a year, interest added monthly, was signed on 12 May. Find the balance."
    program = "principal = 5000  # [USD]\nrate = 0.06  # [1/year]\nperiods_per_year = 12  # months per year [1/year]\n"
    assert bind(text, program) == (program, [])


def test_a_made_up_fraction_takes_a_rate_per_thousand() -> None:
    text = ("If 41 per 1,000 people have type 2 diabetes, and a test with 85% sensitivity and 93% specificity gives "
            "a negative result, what is the chance the person is disease-free?")
    program = ("prevalence = 0.454  # prevalence [1]\nsensitivity = 0.85  # P(positive | disease) [1]\n"
               "specificity = 0.93  # P(negative | no disease) [1]\n")
    out, moves = bind(text, program)
    assert out.splitlines()[0] == "prevalence = 0.041  # prevalence [1]"
    assert [str(mv) for mv in moves] == [("prevalence = 0.454 -> 0.041 (the problem does not give 0.454; its one free "
                                          "rate is 41 per 1,000)")]
    # a count in [1] is no fraction: 41 stays a candidate only as a whole number
    assert bind(text, "prevalence = 0.041  # prevalence [1]\n")[1] == []


def test_a_rate_per_thousand_scaled_otherwise_takes_its_base() -> None:
    # what the default adapter wrote: 56 per 1,000 as 56 millionths (a pure number converts no
    # unit, so the verifier calls it made up, and rule 3 moves it before the rescaling rule)
    text = ("If 56 per 1,000 people of people have colon cancer, and a test with 98% sensitivity and 94.7% "
            "specificity gives a positive result, what is the chance the disease is present?")
    program = ("prevalence = 0.000056  # prevalence [1]\nsensitivity = 0.98  # P(positive | disease) [1]\n"
               "specificity = 0.947  # P(negative | no disease) [1]\n")
    out, moves = bind(text, program)
    assert values(out) == {"prevalence": 0.056, "sensitivity": 0.98, "specificity": 0.947}
    said = "prevalence = 5.6e-05 -> 0.056 (the problem does not give 5.6e-05; its one free rate is 56 per 1,000)"
    assert [str(mv) for mv in moves] == [said]
    # 0.9 is the text's 90%, not "9 per 1,000" over ten
    text = "If 9 per 1,000 people are ill and a test has 90% sensitivity and 95% specificity, what is P(ill | +)?"
    program = "prevalence = 0.009  # [1]\nsensitivity = 0.9  # [1]\nspecificity = 0.95  # [1]\n"
    assert bind(text, program)[1] == []


@pytest.mark.parametrize("text, program, after", [
    # a span in another unit of time than the parameter's, and one number of its own unit free
    (("At a constant rate, Farid earns 790 CHF for 7 hours of work. The last time this was measured was 3 months "
      "ago. Scale this up or down to 33 hours and report the pay."),
     "time_known = 3  # known time worked [h]\npay_known = 790  # pay [CHF]\ntime_target = 33  # time asked about [h]\n",
     [7, 790, 33]),
    # two free numbers of its own unit: which one is not clear
    (("Farid earns 790 CHF for 7 hours of work, measured 3 months ago, and 800 CHF for 8 hours. Scale this to 33 "
      "hours."),
     "time_known = 3  # known time worked [h]\npay_known = 790  # pay [CHF]\ntime_target = 33  # time asked about [h]\n",
     [3, 790, 33]),
])
def test_a_number_in_another_unit_of_time_gives_way_to_the_free_one_in_its_own(text: str, program: str,
                                                                               after: list[float]) -> None:
    out, moves = bind(text, program)
    assert [p.value for p in parse_parameters(out)] == after
    assert len(moves) == (0 if out == program else 1)


TANKS = ("How much salt, in kg, does the second of two tanks in series hold after 216 minutes, if brine of 50 g/L "
         "enters the first (2,000 L) at 12 L/min, the mixed liquid flows on into the second (1,000 L) at the same "
         "rate and leaves from there, and both start as pure water?")
#: what the default adapter wrote for it (retrieved example: the two-tank family): the 50 of "50 g/L" as the
#: first tank's volume, and a concentration in kg/L the text does not give (0.5 is also 1,000 L / 2,000 L)
TANKS_PROGRAM = """\
volume1 = 50  # liquid in tank 1, constant [L]
volume2 = 1000  # liquid in tank 2, constant [L]
S1_0 = 0  # initial salt in tank 1 [kg]
S2_0 = 0  # initial salt in tank 2 [kg]
c_in = 0.5  # salt concentration of the inflow [kg/L]
flow = 12  # flow rate into, between and out of the tanks [L/min]
t_query = 216  # time of interest [min]
"""


def test_a_quotient_of_units_converts_each_part() -> None:
    out, moves = bind(TANKS, TANKS_PROGRAM)
    assert values(out) == {"volume1": 2000, "volume2": 1000, "S1_0": 0, "S2_0": 0, "c_in": 0.05, "flow": 12,
                           "t_query": 216}
    assert [str(mv) for mv in moves] == [
        "volume1 = 50 -> 2000 (the problem gives 2,000 L; 50 is in g/L)",
        "c_in = 0.5 -> 0.05 (the problem does not give 0.5; its one free number in g/L is 50)"]
    # written in the parameter's unit of another size: 0.025 kg/L for ``[g/L]``, 2 L/min for ``[L/h]``
    out, moves = bind("Brine of 0.025 kg/L flows in at 2 L/min.",
                      "c_in = 0.025  # concentration [g/L]\nq = 2  # flow [L/h]\n")
    assert values(out) == {"c_in": 25, "q": 120}
    assert str(moves[0]) == "c_in = 0.025 -> 25 (the problem gives 0.025 kg/L; in g/L that is 25)"


@pytest.mark.parametrize("text, found", [
    ("pays 1.75% annually, with interest credited every three months", {4}),
    ("at 2% a year, compounded once a week", {52}),
    ("compounded twice a year", {2}),
    ("compounded semi-annually", {2}),
    ("with quarterly compounding", {4}),
    ("a savings account with quarterly interest", {4}),
    ("The bank quotes 6.7% per year and credits interest every month.", {12}),
    ("compounded daily, counting 365 days a year", {365}),
    ("compounded daily on a 360-day year", {360}),
    ("compounded four times a year", {4}),
    ("compounded 6 times a year", {6}),
    ("compounded annually", {1}),
    ("when the bank pays 7% a year and adds the interest at the end of each year", {1}),
    ("The bank applies interest every quarter.", {4}),
    ("interest is paid semiannually", {2}),
    ("monthly deposits of $200 at 4% compounded quarterly", {4}),  # the deposits are no compounding
    ("pays 1.75% annually", set()),  # the rate's unit
    ("at 5% per year compounded continuously", set()),
    ("Sam checks the balance weekly.", set()),
    ("a fixed nominal rate of 2.1% per year, with interest charged monthly at one twelfth of that rate", {12}),
    ("interest is calculated monthly on the balance", {12}),
    ("The gym charges $30 per month.", set()),  # a fee, not interest
])
def test_frequencies(text: str, found: set[int]) -> None:
    assert frequencies(text) == found


PERIODIC = "principal = 20000  # initial deposit [$]\nrate = 0.021  # nominal annual rate [1/year]\n" \
           "periods_per_year = {n}  # compounding periods per year [1/year]\nyears = 14  # [year]\n"


@pytest.mark.parametrize("text, before, after", [
    # what the default adapter wrote: the shown example's 12 (monthly), the 3 of "three months", the years
    ("After 14 years, what is 20,000 dollars worth at 2.1% annually, compounded quarterly?", 12, 4),
    ("After 14 years, what is 20,000 euros worth at 2.1% annually, with interest credited every three months?", 3, 4),
    ("After 14 years, what is $20,000 worth at 2.1% annually, compounded twice a year?", 14, 2),
    (("How much will $20,000 grow to in 14 years when the bank pays 2.1% a year and adds the interest at the end "
      "of each year?"), 14, 1),
    # no count in words, or two: the model's value stands
    ("After 14 years, what is $20,000 worth at 2.1% annually, compounded 12 times a year?", 12, 12),
    (("After 14 years, how much more is $20,000 worth at 2.1% a year at a bank that compounds monthly than at "
      "one that compounds quarterly?"), 3, 3),
])
def test_the_count_of_compounding_periods_comes_from_the_words(text: str, before: int, after: int) -> None:
    out, moves = bind(text, PERIODIC.format(n=before))
    assert values(out)["periods_per_year"] == after
    times = "once a year" if after == 1 else f"{after} times a year"
    said = f"periods_per_year = {before} -> {after} (the problem says {times} in words)"
    assert [str(mv) for mv in moves] == ([] if before == after else [said])
    # a rate per year is no count, whatever the text says
    assert bind(text, "rate_per_year = 0.021  # interest rate per year [1/year]\n")[1] == []


def test_a_measure_of_another_dimension_gives_way_to_the_free_number_of_the_parameters_unit() -> None:
    # what the default adapter wrote (retrieved example: the peak time of the oral-absorption family): the
    # dose as the absorption rate constant, though no parameter of the program is in mg
    text = ("What is the time (in hours) at which the plasma concentration peaks after a single oral dose of 250 mg "
            "of amoxicillin, given first-order absorption at 1.5 per hour, an elimination rate constant of 0.69 per "
            "hour and a distribution volume of 23 L?")
    program = "ka = 250  # absorption rate constant [1/h]\nke = 0.69  # elimination rate constant [1/h]\n"
    out, moves = bind(text, program)
    assert values(out) == {"ka": 1.5, "ke": 0.69}
    assert [str(mv) for mv in moves] == ["ka = 250 -> 1.5 (the problem gives 1.5 per hour; 250 is in mg)"]
    # two free rates: which one is not clear
    assert bind(text.replace("and a distribution", "a loss of 0.2 per hour and a distribution"), program)[1] == []
    # a number with no unit after it may be meant for it; one of things counted ("250 tablets") is not
    assert bind(text.replace("dose of 250 mg of amoxicillin", "dose of amoxicillin (250)"), program)[1] == []
    assert [mv.new for mv in bind(text.replace("250 mg", "250 tablets"), program)[1]] == [1.5]


GPA = ("Which GPA does Zoe get for the semester, given 5 credit hours of Chemistry graded 3.7, 5 credit hours of Music "
       "graded 3.3, 3 credit hours of English graded 2.7, 1 credit hour of Physics graded 2.3 and 2 credit hours of "
       "Mathematics graded 2.7?")
#: what the default adapter wrote for it: the shown example's three courses
GPA_PROGRAM = """\
import numpy as np

grade_physics = 3.7  # grade points in Physics [grade points]
grade_art = 3.3  # grade points in Art [grade points]
grade_mathematics = 2.7  # grade points in Mathematics [grade points]
credits_physics = 5  # credit hours of Physics [credit hours]
credits_art = 5  # credit hours of Art [credit hours]
credits_mathematics = 1  # credit hours of Mathematics [credit hours]

values = np.array([grade_physics, grade_art, grade_mathematics])
weights = np.array([credits_physics, credits_art, credits_mathematics])
answer = float(np.average(values, weights=weights))  # weighted mean
"""


def test_two_lists_of_parameters_become_the_texts_items_with_two_numbers_each() -> None:
    out, moves = bind(GPA, GPA_PROGRAM)
    assert values(out) == {"grade_chemistry": 3.7, "grade_music": 3.3, "grade_english": 2.7, "grade_physics": 2.3,
                           "grade_mathematics": 2.7, "credits_chemistry": 5, "credits_music": 5, "credits_english": 3,
                           "credits_physics": 1, "credits_mathematics": 2}
    assert "credits_english = 3  # credit hours of English [credit hours]" in out
    assert "weights = np.array([credits_chemistry, credits_music, credits_english, credits_physics, " \
           "credits_mathematics])" in out
    assert run_program(out).answer.value == pytest.approx(3.175)
    assert [mv.name for mv in moves] == ["grade_*", "credits_*"]
    assert moves[0].reason == ("the text lists 5 items with two numbers each (Chemistry 3.7 and 5, Music 3.3 and 5, "
                               "...)")
    # which number is whose by its unit: a percentage for the weights in [%], the other for the scores
    text = ("What overall mark does Rosa end up with in History if the homework (10% of the grade) came out at 54, the "
            "lab reports (45% of the grade) came out at 73, the project (35% of the grade) came out at 71 and the "
            "midterm exam (10% of the grade) came out at 55?")
    program = ("score_homework = 54  # score on homework [points]\nscore_quizzes = 45  # score on quizzes [points]\n"
               "score_project = 71  # score on project [points]\nweight_homework = 10  # weight of homework [%]\n"
               "weight_quizzes = 35  # weight of quizzes [%]\nweight_project = 54  # weight of project [%]\n"
               "values = [score_homework, score_quizzes, score_project]\n"
               "weights = [weight_homework, weight_quizzes, weight_project]\n"
               "answer = sum(v * w for v, w in zip(values, weights)) / sum(weights)\n")
    out, _ = bind(text, program)
    assert values(out) == {"score_homework": 54, "score_lab_reports": 73, "score_project": 71, "score_midterm_exam": 55,
                           "weight_homework": 10, "weight_lab_reports": 45, "weight_project": 35,
                           "weight_midterm_exam": 10}
    assert run_program(out).answer.value == pytest.approx(68.6)


def test_the_words_beside_the_items_numbers_say_which_list_is_whose() -> None:
    # what the default adapter wrote: the credit hours as grades and the other way round, so the
    # values it wrote point the wrong way; "credit hours" after one number and "graded" before
    # the other say which is which
    text = ("Which GPA does Grace get for the semester, given 4 credit hours of Music graded 2.0, 2 credit hours of "
            "Mathematics graded 4.0, 2 credit hours of Economics graded 3.7 and 2 credit hours of Art graded 3.3?")
    program = ("import numpy as np\n\ngrade_music = 4  # grade points in Music [grade points]\n"
               "grade_mathematics = 2  # grade points in Mathematics [grade points]\n"
               "grade_economics = 2  # grade points in Economics [grade points]\n"
               "grade_art = 2  # grade points in Art [grade points]\n"
               "credits_music = 2  # credit hours of Music [credit hours]\n"
               "credits_mathematics = 4  # credit hours of Mathematics [credit hours]\n"
               "credits_economics = 3.7  # credit hours of Economics [credit hours]\n"
               "credits_art = 3.3  # credit hours of Art [credit hours]\n\n"
               "values = np.array([grade_music, grade_mathematics, grade_economics, grade_art])\n"
               "weights = np.array([credits_music, credits_mathematics, credits_economics, credits_art])\n"
               "answer = float(np.average(values, weights=weights))\n")
    out, _ = bind(text, program)
    assert values(out) == {"grade_music": 2, "grade_mathematics": 4, "grade_economics": 3.7, "grade_art": 3.3,
                           "credits_music": 4, "credits_mathematics": 2, "credits_economics": 2, "credits_art": 2}
    assert run_program(out).answer.value == pytest.approx(3.0)
    # without the words the model's values decide, the wrong way
    plain = text.replace(" credit hours of", "").replace(" graded", ":")
    assert values(bind(plain, program)[0])["grade_music"] != 2


@pytest.mark.parametrize("text", [
    # a row of the list with a third number ("3D"): the items are not all read, the program stays
    ("| purchase | cost | benefit score |\n|---|---|---|\n| laptops | 6,500 dollars | 31 points |\n| library books | "
     "2,000 dollars | 8 points |\n| lab kit | 5,000 dollars | 14 points |\n| 3D printer | 5,000 dollars | 23 points |\n"
     "\nA school may pick any subset within 13,000 dollars. What is the highest total benefit score?"),
    # two numbers per item given as two lists: no items with two numbers each
    ("Zoe took Chemistry (5 credit hours), Music (5) and English (3), and her grade points were 3.7, 3.3 and 2.7 "
     "in that order. What is her GPA?"),
])
def test_two_lists_stay_without_a_clear_list_of_items(text: str) -> None:
    program = ("cost_laptops = 6500  # cost of laptops [USD]\ncost_books = 2000  # cost of library books [USD]\n"
               "cost_kit = 5000  # cost of lab kit [USD]\ncost_printer = 5000  # cost of 3D printer [USD]\n"
               "benefit_laptops = 31  # benefit of laptops [points]\nbenefit_books = 8  # benefit of books [points]\n"
               "benefit_kit = 14  # benefit of lab kit [points]\nbenefit_printer = 23  # benefit of printer [points]\n"
               "c = [cost_laptops, cost_books, cost_kit, cost_printer]\n"
               "b = [benefit_laptops, benefit_books, benefit_kit, benefit_printer]\n")
    assert [mv.name for mv in bind(text, program)[1] if mv.name.endswith("*")] == []


def test_two_numbers_each_with_the_others_word_are_traded() -> None:
    # what the default adapter wrote: the prey's and the predators' starting numbers swapped
    text = ("What is the number of aphids after 27 years, if 130 aphids and 86 ladybirds interact according to "
            "dx/dt = 0.55x - 0.01xy, dy/dt = 0.0091xy - 0.99y (t in years)?")
    program = ("x0 = 86  # initial aphids [animals]\ny0 = 130  # initial ladybirds [animals]\n"
               "T = 27  # time horizon [year]\n")
    out, moves = bind(text, program)
    assert values(out) == {"x0": 130, "y0": 86, "T": 27}
    assert [str(mv) for mv in moves] == ["x0 = 86 -> 130 (the problem gives 130 aphids; 86 is ladybirds)",
                                         "y0 = 130 -> 86 (the problem gives 86 ladybirds; 130 is aphids)"]
    # words that fit both, or neither: no trade
    assert bind(text.replace("86 ladybirds", "86 aphid-eating ladybirds"), program.replace("ladybirds [", "aphid "
                "eaters ["))[1] == []
    assert bind(text, program.replace("aphids [", "prey [").replace("ladybirds [", "predators ["))[1] == []


def test_an_area_in_words_is_in_square_units() -> None:
    # what the default adapter wrote: the 4 ft as the area and the 448 square feet as a length
    text = ("The length of a rectangular patio falls 4 ft short of twice its width. The patio is grey. With 448 "
            "square feet of area, how long is it?")
    out, moves = bind(text, "area = 4  # area of the patio [ft^2]\nextra = 448  # how much longer than wide [ft]\n")
    assert values(out) == {"area": 448, "extra": 4}
    assert [str(mv) for mv in moves] == ["area = 4 -> 448 (the problem gives 448 square feet; 4 is in ft)",
                                         "extra = 448 -> 4 (the problem gives 4 ft; 448 is in square feet)"]


def test_two_numbers_each_in_the_others_unit_are_traded() -> None:
    # what the default adapter wrote: the town's temperature and the pass's altitude swapped
    text = ("How warm is it at the pass (2,250 m) on a day when the town at 50 m records 30 °C and the lapse rate "
            "is 7 °C per km?")
    program = ("T_base = 2250  # temperature at the base station [°C]\nh_base = 50  # altitude of the base station [m]\n"
               "lapse = 7  # temperature drop per km of ascent [°C/km]\nh_top = 30  # altitude of interest [m]\n")
    out, moves = bind(text, program)
    assert values(out) == {"T_base": 30, "h_base": 50, "lapse": 7, "h_top": 2250}
    assert [str(mv) for mv in moves] == ["T_base = 2250 -> 30 (the problem gives 30 °C; 2,250 is in m)",
                                         "h_top = 30 -> 2250 (the problem gives 2,250 m; 30 is in °C)"]
    # converted into each one's unit
    out, _ = bind(text.replace("2,250 m", "2.25 km"), program)
    assert values(out)["h_top"] == 2250
    # a number with no unit after it gives no evidence: no trade
    assert "T_base" not in [mv.name for mv in bind(text.replace("(2,250 m)", "(altitude 2,250)"), program)[1]]


def test_a_zero_and_a_number_each_in_the_others_unit_trade_where_named_alike() -> None:
    # what the default adapter wrote (held-out phrasing, seed 73): the town's altitude 0 m read as
    # the temperature and its 26 °C as the altitude; rule 1 alone moved h_base onto the 0
    text = ("How high above sea level, in m, is the freezing level on a day when the town at 0 m records 26 °C "
            "and the lapse rate is 5.5 °C per km?")
    program = ("T_base = 0  # temperature at the base station [°C]\nh_base = 26  # altitude of the base station [m]\n"
               "lapse = 5.5  # temperature drop per km of ascent [°C/km]\nT_freeze = 0  # freezing point [°C]\n")
    out, moves = bind(text, program)
    assert values(out) == {"T_base": 26, "h_base": 0, "lapse": 5.5, "T_freeze": 0}
    assert [str(mv) for mv in moves] == ["T_base = 0 -> 26 (the problem gives 26 °C; 0 is in m)",
                                         "h_base = 26 -> 0 (the problem gives 0 m; 26 is in °C)"]
    # names that do not pair them: rule 1 moves the altitude, the zero temperature stays
    out, _ = bind(text, program.replace("T_base", "T_town"))
    assert values(out)["T_town"] == 0 and values(out)["h_base"] == 0
    # a zero written twice: which is the temperature's is not clear
    out, _ = bind(text.replace("lapse rate", "0 wind and a lapse rate"), program)
    assert values(out)["T_base"] == 0


def test_two_counts_trade_by_the_nouns_after_their_numbers() -> None:
    # what the default adapter wrote (held-out phrasing, seed 36): the books and the slots crossed
    text = ("Filling 4 different slots on a shelf one after another, choosing among 11 books and never reusing one "
            "— how many outcomes are there?")
    program = "n = 4  # number of books [1]\nk = 11  # ordered positions to fill [1]\n"
    out, moves = bind(text, program)
    assert values(out) == {"n": 11, "k": 4}
    assert [mv.name for mv in moves] == ["n", "k"]
    assert "11 books" in moves[0].reason
    # read straight already, or no noun that tells them apart: nothing moves
    assert bind(text, "n = 11  # number of books [1]\nk = 4  # ordered positions to fill [1]\n")[1] == []
    assert bind(text.replace("11 books", "11 of them"), program)[1] == []
    # the noun after the held number names the parameter too ("4 books ... 11 books"): unclear
    assert bind(text.replace("4 different slots", "4 books in slots"), program)[1] == []


def test_a_count_holding_another_things_count_takes_its_own() -> None:
    # what the default adapter wrote (held-out phrasing, seed 36): the step took the layers' 14
    text = ("Beginning with 1 logs and adding 1 logs every layer for 14 layers in all (logs), how many logs are "
            "in the stack?")
    program = ("first = 1  # logs in the first layer [logs]\nstep = 14  # increase per layer [logs]\n"
               "count = 14  # number of layers [1]\n")
    out, moves = bind(text, program)
    assert values(out) == {"first": 1, "step": 1, "count": 14}
    assert [str(mv) for mv in moves] == ["step = 14 -> 1 (the problem gives 1 logs; 14 is in layers)"]
    # no parameter counts the layers: what 14 counts is not clear, it stays
    assert bind(text, program.replace("number of layers", "how many in all").replace("first layer", "bottom"))[1] == []
    # the text's logs all taken (written once): no number of its own to take
    assert bind(text.replace("adding 1 logs", "adding one more"), program)[1] == []


def test_the_time_asked_about_keeps_the_questions_number() -> None:
    # "read" is a word of the second reading's, but 7 hours is the question's time
    text = ("What will the water in a paddling pool read 7 hours after the sun goes down, if it was 26 °C at that "
            "moment, 24 °C after 3 hours, and the surroundings are steady at 16 °C?")
    program = ("T_env = 16  # temperature of the surroundings [°C]\nT0 = 26  # temperature at the start [°C]\n"
               "t1 = 3  # time of the second reading [h]\nT1 = 24  # second reading [°C]\n"
               "t2 = 7  # time of interest [h]\n")
    assert bind(text, program)[1] == []


def test_two_numbers_of_one_unit_trade_by_the_words_that_tell_them_apart() -> None:
    # what the default adapter wrote: the selling price and the variable cost swapped; "per unit"
    # is in both descriptions and beside the cost only, so it tells nothing
    text = ("How many phone cases must be sold each month, at 16 dollars each with a variable cost of 5.65 dollars "
            "per unit and fixed monthly costs of 17,000 dollars, to break even? Answer with a whole number.")
    program = ("fixed_cost = 17000  # fixed costs per month [$]\nprice = 5.65  # selling price per unit [$/unit]\n"
               "variable_cost = 16  # variable cost per unit [$/unit]\n")
    out, moves = bind(text, program)
    assert values(out) == {"fixed_cost": 17000, "price": 16, "variable_cost": 5.65}
    assert [str(mv) for mv in moves] == [
        "price = 5.65 -> 16 (the words around 5.65 are variable_cost's)",
        "variable_cost = 16 -> 5.65 (the words around 5.65 are variable_cost's)"]
    # words that name neither: no trade
    assert bind(text.replace("with a variable cost of", "and"), program)[1] == []


def test_made_up_counts_take_the_free_numbers_their_words_name() -> None:
    # what the default adapter wrote: "1.2 million" as 12, for the population and the exposed
    text = ("What is the number of infectious people on day 149 when an outbreak in a city of 1.2 million people "
            "begins with 40 exposed cases only? Assume SEIR dynamics: transmission at 0.32 contacts per day (β), a "
            "latent period averaging 6 days and recovery after 7 days on average.")
    program = ("N = 12  # population [people]\nE0 = 12  # initially exposed [people]\n"
               "I0 = 0  # initially infectious [people]\nbeta = 0.32  # contact rate [1/day]\n"
               "incubation_days = 6  # average incubation period [day]\n"
               "infectious_days = 7  # average infectious period [day]\ndays = 149  # simulated period [day]\n")
    out, moves = bind(text, program)
    assert values(out) == {"N": 1200000, "E0": 40, "I0": 0, "beta": 0.32, "incubation_days": 6,
                           "infectious_days": 7, "days": 149}
    assert [str(mv) for mv in moves] == [
        ("N = 12 -> 1200000 (the problem does not give 12; of the free numbers, 1.2 million people is the one "
        "left in people)"),
        "E0 = 12 -> 40 (the problem does not give 12; of the free numbers, 40 exposed names it)"]
    # no number whose word names either: which is whose is not clear
    assert bind(text.replace("40 exposed cases", "40 cases"), program)[1] == []


def test_several_made_up_values_of_a_measure_take_the_free_numbers_their_words_name() -> None:
    # (set c, read): the model put the bioavailability on the absorption rate and made up the elimination rate
    text = ("Only 90% of the dose is absorbable (bioavailability 0.9); all of it starts in the gut. Drug moves from the "
            "gut into the blood with a first-order rate constant of 1.2 per hour, and is eliminated from the blood "
            "with a first-order rate constant of 0.2 per hour. A single 500 mg tablet is given and the volume of "
            "distribution is 40 L. What is the peak plasma concentration in mg/L?")
    program = ("dose = 500  # oral dose [mg]\nF = 0.9  # oral bioavailability [1]\n"
               "ka = 0.9  # absorption rate constant [1/h]\nke = 0.125  # elimination rate constant [1/h]\n"
               "V = 40  # volume of distribution [L]\n")
    out, moves = bind(text, program)
    assert values(out) == {"dose": 500, "F": 0.9, "ka": 1.2, "ke": 0.2, "V": 40}
    assert [str(mv) for mv in moves] == [
        "ka = 0.9 -> 1.2 (the problem gives no 0.9 in 1/h for it; of the free numbers in 1/h, 1.2 is the one left)",
        "ke = 0.125 -> 0.2 (the problem gives no 0.125 in 1/h for it; of the free numbers in 1/h, 0.2 names it)"]
    # words that name neither: which is whose is not clear
    assert bind(text.replace("is eliminated from", "leaves"), program)[1] == []


@pytest.mark.parametrize("text, moved", [
    (("How much salt, in g, does the second of two tanks in series hold after 13 minutes, if brine of 30 g/L enters "
     "the first (50 L) at 5 L/min, the mixed liquid flows on into the second (25 L) at the same rate and leaves "
     "from there, and they start with 2,250 and 150 g of salt?"), True),
    # the list in the names' order already, or no list: nothing moves
    (("How much salt, in g, does the second tank hold after 13 minutes, if brine of 30 g/L enters the first (50 L) "
     "at 5 L/min and flows on into the second (25 L), and they start with 150 and 2,250 g of salt?"), False),
    (("How much salt, in g, does the second tank hold after 13 minutes, if brine of 30 g/L enters the first (50 L) "
     "at 5 L/min and flows on into the second (25 L)? The second starts with 2,250 g, the first with 150 g."), False),
])
def test_numbered_parameters_holding_a_list_take_it_in_the_order_of_their_numbers(text: str, moved: bool) -> None:
    program = ("volume1 = 50  # liquid in tank 1, constant [L]\nvolume2 = 25  # liquid in tank 2, constant [L]\n"
               "S1_0 = 150  # initial salt in tank 1 [g]\nS2_0 = 2250  # initial salt in tank 2 [g]\n"
               "c_in = 30  # salt concentration of the inflow [g/L]\nflow = 5  # flow rate [L/min]\n"
               "t_query = 13  # time of interest [min]\n")
    out, moves = bind(text, program)
    if moved:
        assert (values(out)["S1_0"], values(out)["S2_0"]) == (2250, 150)
        assert [str(mv) for mv in moves] == [
            "S1_0 = 150 -> 2250 (the problem lists 2,250 and 150 g, in the order of the names)",
            "S2_0 = 2250 -> 150 (the problem lists 2,250 and 150 g, in the order of the names)"]
    else:
        assert [mv.name for mv in moves if mv.name.startswith("S")] == []


@pytest.mark.parametrize("flow, moved", [
    (5, True),   # 200 L over 40 kg: no flow in L/min, so made up
    (3, True),   # 300 L over 100 g/L would be 3 too; a flow of 3 is no count from words either
    (20, False),  # the text's own
])
def test_a_ratio_of_two_measures_gives_a_value_only_in_their_quotients_unit(flow: float, moved: bool) -> None:
    text = ("What salt concentration (g/L) does the second of two tanks in series reach after 88 minutes, if brine "
            "of 0.1 kg/L enters the first (200 L) at 20 L/min, the mixed liquid flows on into the second (100 L) at "
            "the same rate, and they start with 40 and 300 kg of salt?")
    program = ("volume1 = 200  # liquid in tank 1, constant [L]\nvolume2 = 100  # liquid in tank 2, constant [L]\n"
               "S1_0 = 40  # initial salt in tank 1 [kg]\nS2_0 = 300  # initial salt in tank 2 [kg]\n"
               f"c_in = 0.1  # salt concentration of the inflow [kg/L]\nflow = {flow}  # flow rate [L/min]\n"
               "t_query = 88  # time of interest [min]\n")
    out, moves = bind(text, program)
    assert values(out)["flow"] == 20
    assert bool(moves) == moved


def test_a_time_of_day_combines_with_no_quantity() -> None:
    # 9 (of "9:00") plus 1 (g/h) is no drop factor of 10: it is made up, and takes the 60 gtt/mL
    text = ("What drip rate in gtt/min delivers magnesium sulfate at 1 g/h from a bag of 40 g in 1,000 mL through a "
            "60 gtt/mL tubing set? Chen had a cup of coffee at 9:00.")
    program = ("dose_rate = 1  # ordered dose [g/h]\nbag_amount = 40  # drug in the bag [g]\n"
               "bag_volume = 1000  # volume of the bag [mL]\ndrop_factor = 10  # administration set [gtt/mL]\n"
               "minutes_per_hour = 60  # minutes in an hour [min/h]\n")
    out, moves = bind(text, program)
    assert values(out)["drop_factor"] == 60
    assert [str(mv) for mv in moves] == [
        "drop_factor = 10 -> 60 (the problem does not give 10; its one free number in gtt/mL is 60)"]
    # a difference of two times of day is a value the text gives: 10:00 less 8:00
    text = "At 8:00 a bus leaves at 50 km/h; at 10:00 a car follows at 80 km/h. When does it catch up?"
    program = "v_bus = 50  # [km/h]\nv_car = 80  # [km/h]\ndelay = 2  # head start [h]\n"
    assert bind(text, program)[1] == []


def test_a_number_written_with_the_values_sign_is_its_source() -> None:
    # 9 °C is the air's; the -9 °C of the dew point is free for the made-up 10
    text = "What relative humidity, by the Magnus formula, makes the dew point -9 °C when the air at the airfield is 9 °C?"
    out, moves = bind(text, "T_air = 9  # air temperature [°C]\nT_dew = 10  # dew point [°C]\n")
    assert values(out) == {"T_air": 9, "T_dew": -9}
    assert [str(mv) for mv in moves] == [("T_dew = 10 -> -9 (the problem does not give 10; its one free number in °C "
                                         "is -9)")]


def test_a_number_converted_though_written_in_the_parameters_unit_is_taken_as_written() -> None:
    text = ("How much salt, in kg, does the first of two tanks in series hold after 95 minutes, if brine of 0.05 kg/L "
            "enters the first (2,000 L) at 12 L/min and flows on into the second (1,000 L) at the same rate?")
    program = ("volume1 = 2000  # liquid in tank 1, constant [L]\nvolume2 = 1000  # liquid in tank 2, constant [L]\n"
               "c_in = 0.05  # salt concentration of the inflow [kg/L]\nflow = 12000  # flow rate [L/min]\n"
               "t_query = 95  # time of interest [min]\n")
    out, moves = bind(text, program)
    assert values(out)["flow"] == 12
    assert [str(mv) for mv in moves] == ["flow = 12000 -> 12 (the problem gives 12 L/min, in L/min already)"]
    # a program that scales the parameter itself, or a comment in another unit: no move
    assert bind(text, program + "flow_ml = flow * 1000\n")[1] == []
    assert bind(text, program.replace("flow rate [L/min]", "flow rate [mL/min]"))[1] == []


def test_a_factor_the_text_never_mentions_holding_another_parameters_number_is_one() -> None:
    text = ("What is the peak plasma concentration (mg/L) after a single oral dose of 50 mg of atenolol, given "
            "first-order absorption at 0.8 per hour, an elimination rate constant of 0.1 per hour and a distribution "
            "volume of 68 L?")
    program = ("import numpy as np\n\ndose = 50  # oral dose [mg]\nF = 0.8  # oral bioavailability [1]\n"
               "ka = 0.1  # absorption rate constant [1/h]\nke = 0.1  # elimination rate constant [1/h]\n"
               "V = 68  # volume of distribution [L]\n\nt_max = np.log(ka / ke) / (ka - ke)\n"
               "answer = float(F * dose * ka / (V * (ka - ke)) * (np.exp(-ke * t_max) - np.exp(-ka * t_max)))\n")
    out, moves = bind(text, program)
    assert values(out) == {"dose": 50, "F": 1, "ka": 0.8, "ke": 0.1, "V": 68}
    assert "F = 0.8 -> 1 (the problem says nothing of oral bioavailability; 0.8 is another's number)" in map(str, moves)
    # where the text speaks of bioavailability, F keeps its number
    said = text.replace("0.8 per hour", "0.8 per hour, an oral bioavailability of 80%")
    assert values(bind(said, program)[0])["F"] == 0.8


@pytest.mark.parametrize("program, moved", [
    # the hut's altitude as the base's: the town's 350 m stands with the base's 22 °C
    (("T_base = 22  # temperature at the base station [°C]\nh_base = 2350  # altitude of the base station [m]\n"
     "lapse = 6.5  # lapse rate [°C/km]\nh_top = 350  # altitude of interest [m]\n"), True),
    (("T_base = 22  # temperature at the base station [°C]\nh_base = 350  # altitude of the base station [m]\n"
     "lapse = 6.5  # lapse rate [°C/km]\nh_top = 2350  # altitude of interest [m]\n"), False),
    # no word shared by the temperature and one altitude alone: no companion
    (("T_town = 22  # temperature in town [°C]\nh_base = 2350  # altitude of the base station [m]\n"
     "lapse = 6.5  # lapse rate [°C/km]\nh_top = 350  # altitude of interest [m]\n"), False),
])
def test_a_number_stands_with_its_companions(program: str, moved: bool) -> None:
    text = ("How warm is it at the mountain hut (2,350 m) on a day when the town at 350 m records 22 °C and the lapse "
            "rate is 6.5 °C per km?")
    out, moves = bind(text, program)
    if moved:
        assert (values(out)["h_base"], values(out)["h_top"]) == (350, 2350)
        assert [str(mv) for mv in moves] == ["h_base = 2350 -> 350 (350 stands with T_base's 22)",
                                             "h_top = 350 -> 2350 (350 is h_base's, beside T_base's 22)"]
    else:
        assert moves == []


def test_a_parameter_multiplied_by_one_per_another_unit_of_its_dimension_is_converted() -> None:
    text = ("How many drops per minute will deliver 1 L of normal saline over 10 hours through a set with a drop "
            "factor of 60 gtt/mL?")
    program = ("volume = 1  # volume to infuse [L]\nhours = 10  # infusion time [h]\n"
               "drop_factor = 60  # administration set [gtt/mL]\nminutes_per_hour = 60  # minutes in an hour [min/h]\n"
               "\nminutes = hours * minutes_per_hour\nanswer = float(volume * drop_factor / minutes)\n")
    out, moves = bind(text, program)
    assert "volume = 1000  # volume to infuse [mL]" in out
    assert [str(mv) for mv in moves] == ["volume = 1 -> 1000 (drop_factor is per mL; 1 L is 1000 mL)"]
    assert run_program(out).answer.value == pytest.approx(100)
    # the program converts the product itself, or uses the volume elsewhere too: no move
    assert bind(text, program.replace("volume * drop_factor / minutes", "volume * drop_factor * 1000 / minutes"))[1] == []
    assert bind(text, program + "litres = volume\n")[1] == []


def test_a_count_per_day_is_a_rate_per_day_of_what_it_counts() -> None:
    # what the default adapter wrote: 0.05 for "1.05 contacts per day", and the 3 infectious cases
    # as exposed ones too; "recovery after 3 days" is no second 3 cases
    text = ("What is the peak number of infectious people and the day on which it occurs (simulate 300 days) when an "
            "outbreak in a university campus of 25,000 people begins with 3 infectious cases only? Assume SEIR "
            "dynamics: transmission at 1.05 contacts per day (β), a latent period averaging 5 days and recovery "
            "after 3 days on average.")
    program = ("N = 25000  # population [people]\nE0 = 3  # initially exposed [people]\n"
               "I0 = 3  # initially infectious [people]\nbeta = 0.05  # contact rate [1/day]\n"
               "incubation_days = 5  # average incubation period [day]\n"
               "infectious_days = 3  # average infectious period [day]\ndays = 300  # simulated period [day]\n")
    out, moves = bind(text, program)
    assert values(out) == {"N": 25000, "E0": 0, "I0": 3, "beta": 1.05, "incubation_days": 5, "infectious_days": 3,
                           "days": 300}
    assert "E0 = 3 -> 0 (the problem starts with 3 infectious only, I0's)" in map(str, moves)
    # a count of something else per day is no contact rate
    other = text.replace("1.05 contacts per day", "1.05 meals per day")
    assert values(bind(other, program)[0])["beta"] == 0.05


def test_the_rules_run_again_on_what_they_made() -> None:
    # what the default adapter wrote: three of the six earlier times, and "5 km" as the count of
    # runs; once rule 13 has the six times, "7 runs" is the one free number for the count
    text = ("What time on the final run gives Ines a mean of 26.5 minutes across 7 runs of the 5 km riverside route, "
            "with earlier times of 26.5, 26, 24, 27.5, 27, 22 minutes?")
    program = ("import numpy as np\n\ntime_run_1 = 26.5  # time (1) [min]\ntime_run_2 = 26  # time (2) [min]\n"
               "time_run_3 = 24  # time (3) [min]\ntarget_mean = 26.5  # desired mean of all runs [min]\n"
               "n_runs = 5  # number of runs including the last one [1]\n\n"
               "previous = np.array([time_run_1, time_run_2, time_run_3])\n"
               "answer = float(target_mean * n_runs - np.sum(previous))\n")
    out, _ = bind(text, program)
    assert values(out)["n_runs"] == 7 and values(out)["time_run_6"] == 22
    assert run_program(out).answer.value == pytest.approx(32.5)
    assert bind(text, out)[1] == []  # nothing left to move


KNAPSACK_NPV = ("Picking from software upgrade (75,000 CHF, costs 45,000 CHF), staff training (75,000 CHF, costs "
                "32,000 CHF), warehouse robot (29,000 CHF, costs 32,000 CHF), solar roof (63,000 CHF, costs 39,000 "
                "CHF) and new website (84,000 CHF, costs 25,000 CHF), and never going over 103,000 CHF, how much net "
                "present value can a company collect at best? Each option is all-or-nothing.")
# what the default adapter wrote: the example's items (a delivery van the text has not), numbers mixed up
KNAPSACK_NPV_PROGRAM = """import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

cost_solar_roof = 63000  # cost of the solar roof [GBP]
cost_staff_training = 45000  # cost of the staff training [GBP]
cost_new_website = 32000  # cost of the new website [GBP]
cost_delivery_van = 32000  # cost of the delivery van [GBP]
cost_warehouse_robot = 32000  # cost of the warehouse robot [GBP]
npv_solar_roof = 29000  # net present value of the solar roof [GBP]
npv_staff_training = 75000  # net present value of the staff training [GBP]
npv_new_website = 84000  # net present value of the new website [GBP]
npv_delivery_van = 25000  # net present value of the delivery van [GBP]
npv_warehouse_robot = 32000  # net present value of the warehouse robot [GBP]
capacity = 103000  # capital budget [GBP]

cost = np.array([cost_solar_roof, cost_staff_training, cost_new_website, cost_delivery_van, cost_warehouse_robot])
value = np.array([npv_solar_roof, npv_staff_training, npv_new_website, npv_delivery_van, npv_warehouse_robot])
res = milp(c=-value, constraints=LinearConstraint([cost], ub=capacity),
           integrality=np.ones(len(cost)), bounds=Bounds(0, 1))  # take each item or not
answer = -res.fun  # maximum total net present value
"""


def test_items_in_brackets_with_a_limit_after_them_are_one_list_of_pairs() -> None:
    # each item's two numbers sit in brackets ("(75,000 CHF, costs 45,000 CHF)"), the names of
    # the program's parameters hold underscores of their own (cost_solar_roof), and a clause
    # after the list gives the budget
    out, moves = bind(KNAPSACK_NPV, KNAPSACK_NPV_PROGRAM)
    assert [mv.name for mv in moves][:2] == ["cost_*", "npv_*"]
    assert values(out) == {"cost_software_upgrade": 45000, "cost_staff_training": 32000,
                           "cost_warehouse_robot": 32000, "cost_solar_roof": 39000, "cost_new_website": 25000,
                           "npv_software_upgrade": 75000, "npv_staff_training": 75000, "npv_warehouse_robot": 29000,
                           "npv_solar_roof": 63000, "npv_new_website": 84000, "capacity": 103000}
    assert run_program(out).answer.value == pytest.approx(234000)


def test_a_clause_after_the_items_that_is_another_item_breaks_the_list() -> None:
    # the part after the list is one more item with one number, not a limit: the list is unclear
    text = KNAPSACK_NPV.replace("and never going over 103,000 CHF", "and a delivery van costing 30,000 CHF")
    assert [mv.name for mv in bind(text, KNAPSACK_NPV_PROGRAM)[1] if mv.name.endswith("*")] == []


LYNX = ("What is the number of lynx after 26 years, if 250 hares and 31 lynx interact according to dx/dt = 0.59x - "
        "0.0297xy, dy/dt = 0.0043xy - 0.71y (t in years)? The reserve covers 201 hectares.")
def lotka_volterra_program(alpha: float, beta: float, gamma: float, delta: float, x0: int, y0: int, T: int,
                           prey: str, predator: str, row: int) -> str:
    """A predator-prey program as the adapter writes it, its values and row given."""
    return f"""import numpy as np
from scipy.integrate import solve_ivp

alpha = {alpha}  # prey growth rate [1/year]
beta = {beta}  # predation rate [1/(predator*year)]
gamma = {gamma}  # predator death rate [1/year]
delta = {delta}  # predator growth per prey eaten [1/(prey*year)]
x0 = {x0}  # initial {prey} [animals]
y0 = {y0}  # initial {predator} [animals]
T = {T}  # time horizon [year]


def lotka_volterra(t, z):
    x, y = z
    return [alpha * x - beta * x * y, delta * x * y - gamma * y]


sol = solve_ivp(lotka_volterra, (0, T), [x0, y0], rtol=1e-9, atol=1e-9)
answer = float(sol.y[{row}, -1])
"""


LYNX_PROGRAM = lotka_volterra_program(0.59, 0.0297, 0.71, 0.0043, 201, 31, 26, "hares", "lynx", 1)


def test_a_count_takes_the_free_number_written_with_its_own_noun() -> None:
    out, moves = bind(LYNX, LYNX_PROGRAM)
    assert values(out)["x0"] == 250 and values(out)["y0"] == 31
    assert [(mv.name, mv.reason) for mv in moves] == [("x0", "250 hares names x0; 201 hectares does not")]


@pytest.mark.parametrize("text", [
    LYNX.replace("201 hectares", "201 hares in the north"),  # two numbers named alike: which is unclear
    LYNX.replace("250 hares", "250 animals"),  # no free number names x0
    LYNX.replace("250 hares and ", "").replace("201 hectares", "201 hares"),  # its own number names it
])
def test_a_count_keeps_its_number_without_one_free_number_of_its_noun(text: str) -> None:
    assert [mv.name for mv in bind(text, LYNX_PROGRAM)[1] if mv.name == "x0"] == []


@pytest.mark.parametrize("text, program, new", [
    # a stiffness in kN/m for ``[N/m]``, its number written as is
    ("What is the undamped natural frequency, in Hz, of a quarter-car model carrying 440 kg on a 25 kN/m spring?",
     "m = 440  # mass [kg]\nk = 25  # spring stiffness [N/m]\n", {"k": 25000}),
    # a capacity in GW for ``[kW]``: the one made up takes the free number, the other converts
    (("What continuous annual growth rate, in percent, takes the solar capacity of Portugal from 0.6 GW (2012) to "
      "1.3 GW (2016)?"),
     "year1 = 2012  # year [year]\nN1 = 6  # capacity [kW]\nyear2 = 2016  # year [year]\nN2 = 1.3  # capacity [kW]\n",
     {"N1": 600000, "N2": 1300000}),
    # a power, a force, an energy and a pressure in their larger units
    ("A 2.5 kW heater runs on 0.4 kPa of gas and pushes with 3 kN for 7 kJ.",
     "P = 2.5  # power [W]\np = 0.4  # pressure [Pa]\nF = 3  # force [N]\nE = 7  # energy [J]\n",
     {"P": 2500, "p": 400, "F": 3000, "E": 7000}),
])
def test_powers_forces_energies_and_pressures_convert(text: str, program: str, new: dict) -> None:
    out = values(bind(text, program)[0])
    assert {k: out[k] for k in new} == pytest.approx(new)


def test_a_megawatt_is_no_milliwatt() -> None:
    assert unit_key("MW") == "megawatt" and unit_key("mW") == "mw"
    assert written_units("The plant makes 3 MW from 12 bars of chocolate.") == {"megawatt"}


GROWTH = ("What continuous annual growth rate, in percent, takes the number of monthly active users of a fitness app "
          "from 2.5 million users (2018) to 11.9 million users (2022)?")


@pytest.mark.parametrize("program, new", [
    # one number taken in full, the other without its million: both in full
    ("N1 = 2500000  # users in 2018 [people]\nN2 = 11.9  # users in 2022 [people]\n", {"N1": 2500000, "N2": 11900000}),
    # both without their million: compared as they are, nothing moves
    ("N1 = 2.5  # users in 2018 [people]\nN2 = 11.9  # users in 2022 [people]\n", {"N1": 2.5, "N2": 11.9}),
    # another unit beside the one taken in full: no evidence for it
    ("N1 = 2500000  # users in 2018 [people]\nN2 = 11.9  # users in 2022 [million users]\n",
     {"N1": 2500000, "N2": 11.9}),
])
def test_a_number_without_its_scale_word_is_taken_in_full_as_its_kind_is(program: str, new: dict) -> None:
    program = "year1 = 2018  # first year [year]\nyear2 = 2022  # second year [year]\n" + program
    assert {k: values(bind(GROWTH, program)[0])[k] for k in new} == pytest.approx(new)


SAMPLES = ("What is the plasma concentration extrapolated back to the moment of the dose (C0, mg/L) of amikacin if two "
           "blood samples taken after an IV bolus measured 10.2 mg/L at 4 h and 1.55 mg/L at 9 h?")


@pytest.mark.parametrize("program", [
    # the times crossed: the times trade, not the levels too (which would cross them anew)
    ("t1 = 9  # time of the first sample after the dose [h]\nC1 = 10.2  # concentration in the first sample [mg/L]\n"
     "t2 = 4  # time of the second sample after the dose [h]\nC2 = 1.55  # concentration in the second sample [mg/L]\n"),
    # the levels crossed: the levels trade
    ("t1 = 4  # time of the first sample after the dose [h]\nC1 = 1.55  # concentration in the first sample [mg/L]\n"
     "t2 = 9  # time of the second sample after the dose [h]\nC2 = 10.2  # concentration in the second sample [mg/L]\n"),
])
def test_two_pairs_crossed_trade_once_into_the_texts_order(program: str) -> None:
    out, moves = bind(SAMPLES, program)
    assert values(out) == {"t1": 4, "C1": 10.2, "t2": 9, "C2": 1.55}
    assert len(moves) == 2


KNAPSACK = ("Picking from software upgrade (21,000 EUR, costs 53,000 EUR), solar roof (70,000 EUR, costs 56,000 EUR), new "
            "website (37,000 EUR, costs 33,000 EUR), staff training (51,000 EUR, costs 39,000 EUR) and warehouse robot "
            "(35,000 EUR, costs 39,000 EUR), and never going over 121,000 EUR, how much net present value can a company "
            "collect at best? Each option is all-or-nothing.")
KNAPSACK_PROGRAM = """import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

cost_software_upgrade = 21000  # cost of software upgrade [EUR]
cost_solar_roof = 70000  # cost of solar roof [EUR]
cost_new_website = 37000  # cost of new website [EUR]
cost_staff_training = 51000  # cost of staff training [EUR]
cost_warehouse_robot = 35000  # cost of warehouse robot [EUR]
npv_software_upgrade = 53000  # net present value of software upgrade [EUR]
npv_solar_roof = 56000  # net present value of solar roof [EUR]
npv_new_website = 33000  # net present value of new website [EUR]
npv_staff_training = 39000  # net present value of staff training [EUR]
npv_warehouse_robot = 39000  # net present value of warehouse robot [EUR]
capacity = 121000  # capital budget [EUR]

cost = np.array([cost_software_upgrade, cost_solar_roof, cost_new_website, cost_staff_training, cost_warehouse_robot])
value = np.array([npv_software_upgrade, npv_solar_roof, npv_new_website, npv_staff_training, npv_warehouse_robot])
res = milp(c=-value, constraints=LinearConstraint([cost], ub=capacity),
           integrality=np.ones(len(cost)), bounds=Bounds(0, 1))
answer = -res.fun
"""


def test_the_words_beside_an_items_numbers_outweigh_the_values_the_model_took() -> None:
    out, moves = bind(KNAPSACK, KNAPSACK_PROGRAM)
    assert [mv.name for mv in moves] == ["cost_*", "npv_*"]
    got = values(out)
    assert [got[f"cost_{k}"] for k in ("software_upgrade", "solar_roof")] == [53000, 56000]
    assert [got[f"npv_{k}"] for k in ("software_upgrade", "solar_roof")] == [21000, 70000]
    assert run_program(out).answer.value == 123000
    # the words say nothing ("(21,000 EUR, 53,000 EUR)"): the model's values stand
    plain = KNAPSACK.replace("costs ", "")
    assert bind(plain, KNAPSACK_PROGRAM)[1] == []


def test_a_count_holding_anothers_numbers_takes_the_one_free_number_of_its_own_noun() -> None:
    text = ("Exactly 1 success in 3 independent tries — how likely is that when each try succeeds 50% of the time? "
            "Context: 3 seeds, where success means that a seed germinates.")
    program = ("import sympy as sp\n\np_each = 50  # chance that a seed germinates [%]\nn = 3  # number of seeds [1]\n"
               "k = 3  # number of successes wanted [1]\n\nq = p_each / 100\n"
               "answer = float(sp.binomial(n, k) * q**k * (1 - q) ** (n - k))\n")
    out, moves = bind(text, program)
    assert [str(mv) for mv in moves] == ["k = 3 -> 1 (1 success names k; 3 independent does not)"]
    assert values(out) == {"p_each": 50, "n": 3, "k": 1}
    assert run_program(out).answer.value == pytest.approx(0.375)
    # "3 successes in 3 tries": k's number names it, nothing moves
    assert bind(text.replace("Exactly 1 success in", "Exactly 3 successes in"), program)[1] == []


FENCE = ("Fencing off a rectangular garden, Quinn can lean it on a wall of the house and has 375 m of fence for the rest, "
         "and 1 internal fence perpendicular to the wall splits it into 2 equal pens. Determine the largest possible "
         "area in square metres.")


def test_a_count_holding_a_measure_frees_it_and_takes_the_number_of_its_own_word() -> None:
    program = ("import sympy as sp\n\nfence = 120  # length of fencing available [m]\n"
               "pens = 375  # number of equal pens side by side [1]\n\nx = sp.symbols('x', positive=True)\n"
               "y = fence - (pens + 1) * x\narea = x * y\nx_best = sp.solve(sp.diff(area, x), x)[0]\n"
               "answer = float(area.subs(x, x_best))\n")
    out, _ = bind(FENCE, program)
    assert values(out) == {"fence": 375, "pens": 2}
    assert run_program(out).answer.value == pytest.approx(11718.75)


REACH = ("In which year (decimal) will the population of Millbrook reach 78,000 people, if it was 37,100 people in "
         "2005 and had grown exponentially to 39,000 people by 2013?")
REACH_PROGRAM = ("year1 = 2005  # year of the first value [year]\nN1 = 78000  # population in 2005 [people]\n"
                 "year2 = 2013  # year of the second value [year]\nN2 = 39000  # population in 2013 [people]\n"
                 "level = 37100  # level of interest [people]\n")


def test_the_question_number_is_the_one_before_its_conditions() -> None:
    out, moves = bind(REACH, REACH_PROGRAM)
    assert values(out) == {"year1": 2005, "N1": 37100, "year2": 2013, "N2": 39000, "level": 78000}
    assert [mv.name for mv in moves] == ["level", "N1"]
    # no conditions to tell: every number stands in the question; but 37,100 is written as one
    # reading with year1's 2005, and N1 is the population in 2005
    plain = REACH.replace(", if it was", " when it was")
    out, moves = bind(plain, REACH_PROGRAM)
    assert values(out) == {"year1": 2005, "N1": 37100, "year2": 2013, "N2": 39000, "level": 78000}
    assert moves[0].reason == "the problem writes 37,100 as one reading with year1's 2005, 78000 apart from it"
    # nor that: nothing moves
    alone = plain.replace("37,100 people in 2005", "37,100 people at the start of 2005")
    assert bind(alone.replace(" at the start of ", " and in "), REACH_PROGRAM)[1] == []


def test_a_number_in_another_dimension_takes_the_free_number_joined_to_it() -> None:
    # (no preposition joining the numbers, "a 3 kg mass hang 1.5 m apart", is no phrase: see
    # test_no_move_without_clear_evidence)
    text = ("What is the elimination half-life in hours if two blood samples measured 18.9 mg/L at 1 h and 3.42 mg/L "
            "at 15 h?")
    program = ("t1 = 18.9  # time of the first sample [h]\nC1 = 18.9  # level in the first sample [mg/L]\n"
               "t2 = 3.42  # time of the second sample [h]\nC2 = 3.42  # level in the second sample [mg/L]\n")
    out, moves = bind(text, program)
    assert values(out) == {"t1": 1, "C1": 18.9, "t2": 15, "C2": 3.42}
    assert [str(mv) for mv in moves] == ["t1 = 18.9 -> 1 (the problem gives 1 h; 18.9 is in mg/L)",
                                         "t2 = 3.42 -> 15 (the problem gives 15 h; 3.42 is in mg/L)"]


def test_a_time_of_day_is_no_span() -> None:
    text = ("How much of a savings goal of 100,000 EUR, built in 17 years by equal deposits at the end of every year at "
            "2.4% a year, comes from interest? The bank's customer service line is open until 6 pm.")
    program = ("goal = 100000  # savings goal [EUR]\nrate = 0.024  # annual interest rate [1/year]\n"
               "years = 6  # saving period [year]\n")
    out, moves = bind(text, program)
    assert values(out)["years"] == 17
    assert [str(mv) for mv in moves] == ["years = 6 -> 17 (the problem gives 17 years; 6 is a time of day)"]


def test_two_fractions_sharing_a_percentage_take_the_free_one_by_their_words() -> None:
    text = ("What is the probability that it will be dry in Cork on Saturday, given that today (Sunday) is rainy and "
            "that the chance of rain tomorrow is 56% after a rainy day but only 20% after a dry day?")
    program = ("p_rain_after_rain = 0.56  # P(rain tomorrow | rain today) [1]\n"
               "p_rain_after_dry = 0.56  # P(rain tomorrow | dry today) [1]\n")
    out, moves = bind(text, program)
    assert values(out) == {"p_rain_after_rain": 0.56, "p_rain_after_dry": 0.2}
    assert [mv.name for mv in moves] == ["p_rain_after_dry"]


@pytest.mark.parametrize("text, equations", [
    ("Aphids and ladybirds interact according to dx/dt = 0.55x - 0.01xy, dy/dt = 0.0091xy - 0.99y (t in years).",
     [("x", {("x",): 0.55, ("x", "y"): -0.01}), ("y", {("x", "y"): 0.0091, ("y",): -0.99})]),
    ("Hares and lynx follow dx/dt = 0.5x - 0.02xy, dy/dt = 0.004xy - 0.6y with 300 hares.",
     [("x", {("x",): 0.5, ("x", "y"): -0.02}), ("y", {("x", "y"): 0.004, ("y",): -0.6})]),
    ("A cup cools as dT/dt = -0.1T + 2 and nothing else.", [("T", {("T",): -0.1, (): 2.0})]),
    # a bracket, a power or a quotient: not a sum of terms this rule reads
    ("The population grows as dP/dt = 0.3P(1 - P/500).", []),
    ("Solve dx/dt = x^2 from x(0) = 1.", []),
    ("The tank obeys dQ/dt = 5 - Q/20.", []),
    ("Spaced out: dx/dt = 0.5 x - 0.02 x y.", []),
])
def test_rate_equations_a_text_writes(text: str, equations: list) -> None:
    assert rate_equations(text) == equations


APHIDS = ("What is the number of aphids after 27 years, if 130 aphids and 86 ladybirds interact according to dx/dt = "
          "0.55x - 0.01xy, dy/dt = 0.0091xy - 0.99y (t in years)?")
APHIDS_PROGRAM = lotka_volterra_program(1.0, 0.01, 0.99, 0.0091, 130, 86, 27, "aphids", "ladybirds", 0)


def test_the_rate_equations_the_text_writes_give_their_coefficients() -> None:
    out, moves = bind(APHIDS, APHIDS_PROGRAM)
    assert values(out)["alpha"] == 0.55
    assert [str(mv) for mv in moves] == ["alpha = 1 -> 0.55 (the problem's rate equations give alpha = 0.55)"]
    assert run_program(out).answer.value == pytest.approx(93.4317, rel=1e-4)


@pytest.mark.parametrize("program", [
    # another model (a logistic prey): its terms are not the text's
    APHIDS_PROGRAM.replace("alpha * x - beta * x * y", "alpha * x * (1 - x / 500) - beta * x * y"),
    # one term with two parameters: which is the coefficient is not clear
    APHIDS_PROGRAM.replace("alpha * x - beta", "alpha * gamma * x - beta"),
])
def test_no_rate_coefficients_where_the_programs_terms_differ(program: str) -> None:
    assert [mv.name for mv in bind(APHIDS, program)[1] if mv.name == "alpha"] == []


THEATRE = ("Raising the price of its tickets by $1 makes a theatre sell 25 fewer of them; lowering it by $1 sells 25 "
           "more. Today it charges $35 and sells 170 a night. Work out the price per ticket that maximizes revenue.")
THEATRE_PROGRAM = """import sympy as sp

price0 = 35  # current price per ticket [USD]
sales0 = 25  # current sales per night [1]
drop = 1  # sales lost per 1 USD price increase [1/USD]

p = sp.symbols("p", positive=True)
revenue = p * (sales0 - drop * (p - price0))
answer = float(sp.solve(sp.diff(revenue, p), p)[0])
"""


def test_sales_per_unit_of_price_take_the_change_over_the_step() -> None:
    out, moves = bind(THEATRE, THEATRE_PROGRAM)
    assert values(out) == {"price0": 35, "sales0": 170, "drop": 25}
    assert [str(mv) for mv in moves] == [
        "drop = 1 -> 25 (the problem gives 25 sales per 1 of price)",
        "sales0 = 25 -> 170 (25 is the change in sales; 170 is the one whole number left)"]
    assert run_program(out).answer.value == pytest.approx(20.9)
    # a step of $2: 12.5 sales per dollar
    two = THEATRE.replace("by $1 makes", "by $2 makes").replace("by $1 sells", "by $2 sells")
    assert values(bind(two, THEATRE_PROGRAM)[0])["drop"] == 12.5


@pytest.mark.parametrize("text", [
    # two different steps: which is the program's is not clear
    THEATRE.replace("sells 25 more", "sells 30 more"),
    # no change in sales written with its step
    "A theatre charges $35 and sells 170 tickets a night; each extra dollar loses some of them.",
])
def test_sales_per_unit_of_price_stay_without_one_clear_step(text: str) -> None:
    assert [mv.name for mv in bind(text, THEATRE_PROGRAM)[1] if mv.name == "drop"] == []


def test_a_count_holding_the_change_in_sales_skips_measures_for_the_number_left() -> None:
    # the model took the change twice; "21 °C" is no number of sales, "570 a night" no ampere
    text = ("Raising the price of its tickets by 1 EUR makes a theatre sell 18 fewer of them; lowering it by 1 EUR "
            "sells 18 more. It was a sunny day with a temperature of 21 °C. Today it charges 5 EUR and sells 570 a "
            "night. Work out the price per ticket that maximizes revenue.")
    program = THEATRE_PROGRAM.replace("35  # current price per ticket [USD]", "5  # current price per ticket [EUR]")
    program = program.replace("sales0 = 25", "sales0 = 18").replace("drop = 1  #", "drop = 18  #").replace("USD]", "EUR]")
    out, moves = bind(text, program)
    assert values(out) == {"price0": 5, "sales0": 570, "drop": 18}
    assert [mv.name for mv in moves] == ["sales0"]


PANCAKES = ("A pancake recipe for 4 people uses 300 g of flour, 450 mL of milk and 2 eggs. Chen is making\n"
            "pancakes for 10 people at a birthday brunch.\n\nHow much flour (in grams) does he need?")
#: the solved example's program filled in with the model's values: a count of cookies holding "300 g"
COOKIES_PROGRAM = """\
cookies_known = 300  # known cookies [cookie]
flour_known = 300  # flour for the known cookies [g]
cookies_target = 10  # cookies asked about [cookie]

rate = flour_known / cookies_known  # flour per cookie [g/cookie]
answer = rate * cookies_target  # flour needed [g]
"""


def test_a_count_in_a_noun_of_its_own_holding_a_measure_takes_what_its_kin_count() -> None:
    out, moves = bind(PANCAKES, COOKIES_PROGRAM)
    # "10 people" is what ``cookies_target`` counts: of the free "4 people" and "2 eggs", the people
    assert values(out) == {"cookies_known": 4, "flour_known": 300, "cookies_target": 10}
    assert [mv.name for mv in moves] == ["cookies_known"]
    assert run_program(out).answer.value == pytest.approx(750)


@pytest.mark.parametrize("text", [
    # the kin count nothing of the text: people or eggs is not clear
    PANCAKES.replace("for 10 people", "for ten guests"),
    # the measure is named by the count's own words
    "A batch of 300 g cookies uses 300 g of flour; how much flour for 10 batches (4 people, 2 eggs)?",
])
def test_a_count_in_a_noun_of_its_own_stays_where_its_number_is_unclear(text: str) -> None:
    assert "cookies_known" not in {mv.name for mv in bind(text, COOKIES_PROGRAM)[1]}


RC_START = ("What voltage (V) does a 470 µF capacitor charging from 0 V through 1 kΩ on a 24 V supply show 390 ms "
            "after switch-on? The room temperature was 24 °C.")
RC_START_PROGRAM = """\
import sympy as sp

V_s = 0  # supply voltage [V]
R_kohm = 1  # resistance [kOhm]
C_uF = 470  # capacitance [uF]
t_ms = 390  # time after closing the switch [ms]

V = V_s * (1 - sp.exp(-(t_ms / 1000) / (R_kohm * 1e3 * C_uF * 1e-6)))
answer = float(V)
"""


def test_a_zero_where_something_starts_is_no_value_of_what_does_not_start() -> None:
    out, moves = bind(RC_START, RC_START_PROGRAM)
    assert values(out)["V_s"] == 24
    assert [str(mv) for mv in moves] == [
        "V_s = 0 -> 24 (0 V is where something starts, V_s is no start; its one free number in V is 24)"]


@pytest.mark.parametrize("text, program", [
    # a start keeps its zero
    (RC_START, RC_START_PROGRAM.replace("V_s = 0  # supply voltage", "V_s = 0  # initial voltage")),
    (RC_START, RC_START_PROGRAM.replace("V_s = 0", "V0 = 0").replace("V_s *", "V0 *")),
    # a zero the text writes as a value, not as where something starts
    (RC_START.replace("charging from 0 V", "charging while the meter shows 0 V"), RC_START_PROGRAM),
])
def test_a_zero_stays_on_a_start_or_where_the_text_gives_it_as_a_value(text: str, program: str) -> None:
    assert [mv for mv in bind(text, program)[1] if mv.old == 0] == []


SHARES = ("When the profit of their shop of £13,200 is shared out, Dara gets 3 parts for every 9 that Mateo gets. "
          "What is Dara's portion?")
#: the example shared among three: the third part is made up
THREE_SHARES = """\
total = 13200  # amount shared [GBP]
ratio_quinn = 3  # Quinn's part of the ratio [1]
ratio_dara = 9  # Dara's part of the ratio [1]
ratio_jamal = 1  # Jamal's part of the ratio [1]

parts = ratio_quinn + ratio_dara + ratio_jamal
answer = total * ratio_quinn / parts  # Quinn's share
"""


def test_a_made_up_part_of_a_sum_the_text_never_mentions_is_none() -> None:
    out, moves = bind(SHARES, THREE_SHARES)
    assert values(out)["ratio_jamal"] == 0
    assert [str(mv) for mv in moves] == [
        "ratio_jamal = 1 -> 0 (the problem says nothing of Jamal; a part of a sum it never mentions is none)"]
    assert run_program(out).answer.value == pytest.approx(3300)


@pytest.mark.parametrize("text, program", [
    # the text names Jamal: the part is the model's to get right
    (SHARES.replace("Mateo gets", "Mateo gets, and Jamal 1"), THREE_SHARES),
    # not only a term of a sum
    (SHARES, THREE_SHARES.replace("+ ratio_jamal", "+ 2 * ratio_jamal")),
    (SHARES, THREE_SHARES.replace("answer = total * ratio_quinn / parts", "answer = total * ratio_jamal / parts")),
])
def test_a_part_stays_where_the_text_names_it_or_the_program_does_more_than_add_it(text: str, program: str) -> None:
    assert "ratio_jamal" not in {mv.name for mv in bind(text, program)[1]}


STONE = ("Launched upward at 25 m/s from the ground, a stone rises, stops and falls back (take g = 9.8 m/s², no "
         "drag). Work out the maximum height it reaches (in metres above the ground).")
#: the example was launched from a roof: the model read the speed as the launch height
ROOF_PROGRAM = """\
import sympy as sp

h0 = 25  # launch height above the ground [m]
v0 = 25.0  # initial upward speed [m/s]
g = 9.8  # gravitational acceleration [m/s^2]

t = sp.symbols("t", positive=True)  # time after launch [s]
height = h0 + v0 * t - g / 2 * t**2  # [m]
answer = float(height.subs(t, sp.solve(sp.diff(height, t), t)[0]))  # maximum height [m]
"""


def test_a_launch_from_the_ground_has_no_height_to_start_from() -> None:
    out, moves = bind(STONE, ROOF_PROGRAM)
    assert values(out)["h0"] == 0
    assert [str(mv) for mv in moves] == [
        "h0 = 25 -> 0 (the problem says it starts from the ground; 25 is no height it gives)"]
    assert run_program(out).answer.value == pytest.approx(31.887755102040817)


@pytest.mark.parametrize("text", [
    STONE.replace("from the ground", "from a 12 m tower"),  # a height the text gives
    STONE.replace(" from the ground,", ","),  # nothing said of where it starts
])
def test_a_launch_height_stays_where_the_text_does_not_start_it_from_the_ground(text: str) -> None:
    assert "h0" not in {mv.name for mv in bind(text, ROOF_PROGRAM)[1] if mv.new == 0}


PROMISE = ("A promise to pay 250,000 CHF in 13 years' time — what is it worth today, when money earns 2.9% a year, "
           "compounded annually?")
#: the model wrote the text's 13 years on a line it never used, and a made-up 12 on the one it used
UNREAD_YEARS = """\
amount = 250000  # nominal amount [CHF]
years = 13  # time horizon [year]

rate = 0.029  # nominal annual interest rate [1/year]
years_in_years = 12  # number of years until the money is needed [year]

balance = amount / (1 + rate) ** years_in_years
answer = float(balance)
"""


def test_a_made_up_value_takes_the_number_of_its_unread_twin() -> None:
    out, moves = bind(PROMISE, UNREAD_YEARS)
    assert values(out)["years_in_years"] == 13
    assert [str(mv) for mv in moves] == [
        "years_in_years = 12 -> 13 (the problem does not give 12; years, which the program never uses, holds 13)"]
    assert run_program(out).answer.value == pytest.approx(172401.14138794158)


@pytest.mark.parametrize("program", [
    # both read: two quantities of one unit, which is which is not clear
    UNREAD_YEARS.replace("** years_in_years", "** years_in_years * years / years"),
    # two unread twins
    UNREAD_YEARS.replace("years = 13  # time horizon [year]", "years = 13  # time horizon [year]\nterm = 13  # term [year]"),
])
def test_a_made_up_value_stays_without_one_unread_twin(program: str) -> None:
    assert "years_in_years" not in {mv.name for mv in bind(PROMISE, program)[1]}


DISCHARGE = ("What voltage is left on a 1000 µF capacitor, initially at 12 V, after discharging through 2.2 kΩ for "
             "1.1 s? Rosa's notebook has 41 pages.")
DISCHARGE_PROGRAM = """\
import math

V0 = 12  # initial capacitor voltage [V]
R = 2200  # resistance [Ohm]
C_uF = 41  # capacitance [uF]
t = 1.1  # time since the discharge began [s]

answer = float(V0 * math.exp(-t / (R * C_uF * 1e-6)))
"""


def test_a_measure_holding_a_count_of_things_takes_the_one_number_of_its_unit() -> None:
    out, moves = bind(DISCHARGE, DISCHARGE_PROGRAM)
    assert values(out)["C_uF"] == 1000
    assert [str(mv) for mv in moves] == ["C_uF = 41 -> 1000 (the problem gives 1000 µF; 41 is in pages)"]
    assert run_program(out).answer.value == pytest.approx(7.278367916551601)


@pytest.mark.parametrize("text", [
    DISCHARGE.replace("41 pages", "41 times"),  # no things counted
    DISCHARGE.replace("a 1000 µF capacitor", "a capacitor"),  # no number of its unit
])
def test_a_measure_holding_a_number_of_no_things_stays(text: str) -> None:
    assert "C_uF" not in {mv.name for mv in bind(text, DISCHARGE_PROGRAM)[1]}


NPV = ("What is the net present value, at 10.2% a year, of paying £175,000 now for a solar installation that "
       "returns £64,300, £58,900, £52,100 at the end of each of the following 3 years?")
NPV_PROGRAM = """\
initial_cost = 175000  # investment paid today [GBP]
rate = 0.0643  # discount rate [1/year]
cash_flows = [64300, 58900, 52100]  # net inflows at the end of years 1..3 [GBP]

npv = -initial_cost + sum(cf / (1 + rate) ** t for t, cf in enumerate(cash_flows, start=1))
answer = float(npv)
"""


def test_a_conversion_of_a_number_a_data_line_holds_is_no_value() -> None:
    out, moves = bind(NPV, NPV_PROGRAM)
    assert values(out)["rate"] == 0.102
    assert [str(mv) for mv in moves] == [
        "rate = 0.0643 -> 0.102 (0.0643 is a conversion of the number cash_flows takes; its one free number in % is 10.2)"]
    assert run_program(out).answer.value == pytest.approx(-29219.61970563489)


def test_a_conversion_stays_where_no_data_line_holds_its_number() -> None:
    # the 64,300 is no cash flow of the program: whose conversion 0.0643 is, is not clear
    # (two flows changed: one changed is the text's counted list, whose 64,300 then is taken)
    program = NPV_PROGRAM.replace("[64300, 58900, 52100]", "[64000, 58000, 52100]")
    assert "rate" not in {mv.name for mv in bind(NPV, program)[1]}
    one = NPV_PROGRAM.replace("[64300, 58900, 52100]", "[64000, 58900, 52100]")
    assert {mv.name for mv in bind(NPV, one)[1]} == {"cash_flows", "rate"}


LEMONADE = ("What will a bottle of lemonade read 21 minutes after it is taken out of the fridge and left on a picnic "
            "table, if it was 4 °C at that moment, 8 °C after 8 minutes, and the surroundings are steady at 28 °C?")
LEMONADE_PROGRAM = """\
import sympy as sp

T_env = 28  # temperature of the surroundings [°C]
T0 = 4  # temperature at the start [°C]
t1 = 8  # time of the second reading [min]
T1 = 21  # second reading [°C]
t2 = 8  # time of interest [min]

t, k = sp.symbols("t k", positive=True)
T = sp.Function("T")
ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_env))
sol = sp.dsolve(ode, T(t), ics={T(0): T0})
k_val = sp.nsolve(sp.Eq(sol.rhs.subs(t, t1), T1), k, (1e-6, 10), solver="bisect")
answer = float(sol.rhs.subs({k: k_val, t: t2}))
"""


def test_a_number_taken_only_in_another_dimension_is_free_in_its_own() -> None:
    out, moves = bind(LEMONADE, LEMONADE_PROGRAM)
    assert (values(out)["T1"], values(out)["t2"], values(out)["t1"]) == (8, 21, 8)
    assert [str(mv) for mv in moves] == ["T1 = 21 -> 8 (the problem gives 8 °C; 21 is in minutes)",
                                         "t2 = 8 -> 21 (the question's number in min is 21)"]
    assert run_program(out).answer.value == pytest.approx(13.128304971851055)


def test_a_number_taken_in_its_own_dimension_stays_taken() -> None:
    # "8 °C" held by another temperature: no temperature is free for T1
    program = LEMONADE_PROGRAM.replace("T0 = 4  # temperature at the start [°C]\n",
                                       "T0 = 4  # temperature at the start [°C]\nT_low = 8  # lowest reading [°C]\n")
    assert "T1" not in {mv.name for mv in bind(LEMONADE, program)[1]}


DUCKWEED = ("What is the expected count after 5 days for a duckweed mat that grows exponentially from 2,000 fronds "
            "at t = 1 d to 4,230 at t = 3 d?")
DUCKWEED_PROGRAM = """\
import numpy as np

t1 = 1  # time of the first count [day]
N1 = 2000  # first count [cells per mL]
t2 = 1  # time of the second count [day]
N2 = 4230  # second count [cells per mL]
t3 = 3  # time of interest [day]

r = np.log(N2 / N1) / (t2 - t1)  # growth rate [1/day]
N3 = N1 * np.exp(r * (t3 - t1))
answer = float(N3)
"""


def test_a_relative_clause_of_the_question_gives_data_and_twins_take_the_number_left() -> None:
    out, moves = bind(DUCKWEED, DUCKWEED_PROGRAM)
    assert (values(out)["t1"], values(out)["t2"], values(out)["t3"]) == (1, 3, 5)
    assert [str(mv) for mv in moves] == [
        "t3 = 3 -> 5 (the question's number in day is 5)",
        "t2 = 1 -> 3 (t1 and t2 both read 1, written once; the one free number in day is 3, written after it)"]
    assert run_program(out).answer.value == pytest.approx(8946.45)


@pytest.mark.parametrize("text", [
    # the 1 written twice: each reads one
    DUCKWEED.replace("at t = 3 d", "at t = 1 d and 7 fronds at t = 3 d"),
    # two free numbers of the unit, neither written as one reading with N2's: which one is t2's
    # is not clear
    DUCKWEED.replace("to 4,230 at t = 3 d?", "to 4,230 (later, at t = 3 d), counted again at t = 4 d?"),
])
def test_twins_stay_without_one_number_written_once_and_one_free(text: str) -> None:
    assert "t2" not in {mv.name for mv in bind(text, DUCKWEED_PROGRAM)[1]}


def test_of_two_free_numbers_the_one_written_with_the_companion_is_the_readings() -> None:
    # "4,230 at t = 3 d" is one reading: 3 is t2's, though 4 is free too
    text = DUCKWEED.replace("at t = 3 d?", "at t = 3 d, counted again at t = 4 d?")
    out, moves = bind(text, DUCKWEED_PROGRAM)
    assert values(out)["t2"] == 3
    assert "one reading with N2's 4,230" in next(mv.reason for mv in moves if mv.name == "t2")


TANKS2 = ("What salt concentration (g/L) does the second of two tanks in series reach after 357 minutes, if brine of "
          "5 g/L enters the first (150 L) at 0.5 L/min, the mixed liquid flows on into the second (40 L) at the same "
          "rate and leaves from there, and they start with 0 and 400 g of salt?")
TANKS2_PROGRAM = """\
from scipy.integrate import solve_ivp

volume1 = 150  # liquid in tank 1, constant [L]
volume2 = 40  # liquid in tank 2, constant [L]
S1_0 = 0  # initial salt in tank 1 [g]
S2_0 = 0  # initial salt in tank 2 [g]
c_in = 5  # salt concentration of the inflow [g/L]
flow = 0.5  # flow rate into, between and out of the tanks [L/min]
t_query = 357  # time of interest [min]


def rhs(t, y):
    S1, S2 = y
    return [c_in * flow - flow * S1 / volume1, flow * S1 / volume1 - flow * S2 / volume2]


sol = solve_ivp(rhs, (0, t_query), [S1_0, S2_0], rtol=1e-10, atol=1e-12)
answer = float(sol.y[1, -1] / volume2)  # concentration in tank 2 [g/L]
"""


def test_numbered_twins_at_a_zero_written_once_take_the_list_in_order() -> None:
    out, moves = bind(TANKS2, TANKS2_PROGRAM)
    assert (values(out)["S1_0"], values(out)["S2_0"]) == (0, 400)
    assert [str(mv) for mv in moves] == [
        "S2_0 = 0 -> 400 (S1_0 and S2_0 both read 0, written once; the one free number in g is 400, written after it)"]
    assert run_program(out).answer.value == pytest.approx(3.062069031678359)
    # written the other way round, the tank that starts with salt is the first
    out, _ = bind(TANKS2.replace("with 0 and 400 g", "with 400 and 0 g"), TANKS2_PROGRAM)
    assert (values(out)["S1_0"], values(out)["S2_0"]) == (400, 0)


SEIR_TEXT = ("What is the number of infectious people on day 40 when an outbreak in a small town of 8,000 people begins "
             "with 5 exposed and 8 infectious cases? Assume SEIR dynamics: transmission at 0.6 contacts per day (β), a "
             "latent period averaging 4 days and recovery after 5 days on average.")
SEIR_START = """\
N = 8000  # population [people]
E0 = 5  # initially exposed [people]
I0 = 5  # initially infectious [people]
beta = 0.6  # contact rate [1/day]
incubation_days = 4  # average incubation period [day]
infectious_days = 5  # average infectious period [day]
days = 40  # simulated period [day]

answer = (N - E0 - I0) * beta * incubation_days * infectious_days / days
"""


def test_twin_counts_take_the_free_count_their_word_names() -> None:
    out, moves = bind(SEIR_TEXT, SEIR_START)
    assert (values(out)["E0"], values(out)["I0"]) == (5, 8)
    assert [str(mv) for mv in moves] == [
        "I0 = 5 -> 8 (E0 and I0 both read 5, written once; the one free number is 8, which names I0)"]


def test_twin_counts_stay_where_the_free_counts_word_names_neither() -> None:
    text = SEIR_TEXT.replace("8 infectious cases", "8 sick cases")
    assert not {"E0", "I0"} & {mv.name for mv in bind(text, SEIR_START)[1]}


CARBON = ("We found a leather sandal and the lab says it retains 57.1% of the carbon-14 found in living material. "
          "C-14 has a half-life of 5,730 years. How many years ago did the organism die?")
CARBON_PROGRAM = """\
import sympy as sp

m0 = 57.1  # initial amount [1]
half_life = 5730  # half-life [year]
fraction_left = 0.005730  # remaining fraction [1]

t = sp.symbols("t", positive=True)
m = m0 * 0.5 ** (t / half_life)
t_reach = sp.nsolve(sp.Eq(m, fraction_left * m0), t, (0, 100 * half_life), solver="bisect")
answer = float(t_reach)
"""


def test_of_two_made_up_values_of_a_unit_the_one_that_fits_a_number_takes_it() -> None:
    out, moves = bind(CARBON, CARBON_PROGRAM)
    assert values(out)["fraction_left"] == 0.571
    # (a pure number converts no unit: 0.00573 is made up, no conversion of 5,730 years)
    assert [str(mv) for mv in moves] == [("fraction_left = 0.00573 -> 0.571 (the problem does not give 0.00573; "
                                          "its one free number in % is 57.1)")]
    assert values(out)["m0"] == 57.1  # no number fits an initial amount: it stays (and cancels)
    assert run_program(out).answer.value == pytest.approx(4632.34601148467)


SCHOOL = ("A report compares the number of students in a school in 2008 and 2010: it moved from 2,337 to 1,963. "
          "Relative to the starting value, how large was the change in percent (negative for a decrease)?")
SCHOOL_PROGRAM = """\
old = 1963  # in 2008 [1]
new = 2337  # in 2010 [1]

change = new - old  # absolute change [1]
answer = change / old * 100  # percent change [%]
"""


def test_a_change_from_a_to_b_goes_from_the_start_to_the_end() -> None:
    out, moves = bind(SCHOOL, SCHOOL_PROGRAM)
    assert (values(out)["old"], values(out)["new"]) == (2337, 1963)
    assert [str(mv) for mv in moves] == ["old = 1963 -> 2337 (the change runs from 2,337, old its start)",
                                         "new = 2337 -> 1963 (the change runs to 1,963, new its end)"]
    assert run_program(out).answer.value == pytest.approx(-16.003423192126657)


@pytest.mark.parametrize("text, program", [
    (SCHOOL.replace("from 2,337 to 1,963", "from 1,963 to 2,337"), SCHOOL_PROGRAM),  # already in order
    (SCHOOL.replace("it moved from 2,337 to 1,963", "it was 2,337 and 1,963"), SCHOOL_PROGRAM),  # no "from ... to"
    (SCHOOL, SCHOOL_PROGRAM.replace("old = 1963  # in 2008", "a = 1963  # in 2008")),  # no start named
    (SCHOOL.replace("in percent", "in percent, from 2,337"), SCHOOL_PROGRAM),  # 2,337 written twice
])
def test_a_change_stays_where_from_and_to_are_unclear(text: str, program: str) -> None:
    assert not {"old", "new", "a"} & {mv.name for mv in bind(text, program)[1]}


# -- twenty-seventh session: US customary units, scrambled lists, calendar years, counts named by
# their own nouns, "1 in 500" --------------------------------------------------------------------

@pytest.mark.parametrize("text, program, line, reason", [
    ("What is the time of flight (s) for a javelin launched at 29 mph, 36° above level ground (g = 9.81 m/s²)?",
     "v0 = 29  # launch speed [m/s]\nangle_deg = 36  # [deg]\ng = 9.81  # [m/s^2]\nanswer = v0 * angle_deg / g\n",
     "v0 = 12.96416  # launch speed [m/s]", "v0 = 29 -> 12.9642 (the problem gives 29 mph; in m/s that is 12.9642)"),
    ("A patient weighs 170 lb and is 1.75 m tall. What is the BMI?",
     "weight = 170  # body weight [kg]\nheight = 1.75  # [m]\nanswer = weight / height ** 2\n",
     "weight = 77.1107029  # body weight [kg]", "weight = 170 -> 77.1107 (the problem gives 170 lb; in kg that is 77.1107)"),
])
def test_a_number_in_us_customary_units_is_converted(text: str, program: str, line: str, reason: str) -> None:
    out, moves = bind(text, program)
    assert out.splitlines()[0] == line
    assert [str(mv) for mv in moves] == [reason]


def test_us_customary_units_convert_but_are_no_written_unit_of_the_profile() -> None:
    assert unit_key("mph") == "mi/h" and unit_key("lbs") == "lb" and unit_key("pounds") == "pound"  # (money)
    assert written_units("a 759 ft² patio, 29 mph, 3 ft/s, 5 kg and 7 km/h") == {"km/h", "kg"}


NPV_SCRAMBLED = ("What is the net present value, at 14% a year, of paying £117,000 now for a greenhouse that returns "
                 "£28,100, £34,400, £17,300, £36,100, £24,600, £36,300 at the end of each of the following 6 years?")


@pytest.mark.parametrize("flows, moved", [
    ("[34400, 36100, 17300, 36, 17, 36, 36, 36]", True),  # three of them out of order among pieces of them
    ("[28100, 34400, 17300, 36100, 24600, 36300]", False),  # the text's list
    ("[34400, 28100, 17300, 36100, 24600, 36300]", False),  # all of them in another order: maybe meant
    ("[34400, 28100, 17300, 36100, 24600, 36300, 14]", True),  # ... but not with a percentage among them
    ("[34400, 36100, 17300, 117000]", False),  # another number of the text among them
])
def test_a_scrambled_part_of_the_text_list_becomes_the_list(flows: str, moved: bool) -> None:
    program = f"initial_cost = 117000  # [GBP]\nrate = 0.14  # [1/year]\ncash_flows = {flows}  # [GBP]\n"
    out, moves = bind(NPV_SCRAMBLED, program)
    if moved:
        assert "cash_flows = [28100, 34400, 17300, 36100, 24600, 36300]  # [GBP]" in out
        assert len(moves) == 1 and moves[0].reason.startswith("the text lists 6 numbers; the program had ")
    else:
        assert moves == []


LOGISTIC_SHARE = ("How many years does it take a town's population to grow from 12,000 to 68% of the carrying capacity "
                  "under logistic growth with rate 0.101 per year and carrying capacity 76,000?")


def test_a_made_up_count_takes_the_number_written_after_its_name() -> None:
    program = ("N0 = 12000  # initial size [people]\nK = 68  # carrying capacity [people]\n"
               "r = 0.101  # intrinsic growth rate [1/year]\nshare = 0.68  # target as a share of the carrying capacity [1]\n")
    out, moves = bind(LOGISTIC_SHARE, program)
    assert values(out)["K"] == 76000
    assert [str(mv) for mv in moves] == [("K = 68 -> 76000 (the problem does not give 68; the free number written after "
                                         "its name is 76,000)")]
    # no number after its name: the one free count with no unit is its
    text = LOGISTIC_SHARE.replace("and carrying capacity 76,000", "and a ceiling of 76,000")
    assert [str(mv) for mv in bind(text, program)[1]] == [
        "K = 68 -> 76000 (the problem does not give 68; the one free count is 76,000)"]
    text = LOGISTIC_SHARE.replace("and carrying capacity 76,000", "and a ceiling of 76,000 at a rate of 0.1")
    assert values(bind(text, program)[0])["K"] == 76000  # "76,000 at": a word that is no unit
    # two such counts: which is its is not clear, and it stays
    text = LOGISTIC_SHARE.replace("and carrying capacity 76,000", "and a ceiling of 76,000, or 2,000 more")
    assert bind(text, program)[1] == []


GLACIER = ("What will the yearly ice loss of the glaciers of Alaska be in 2037 if its exponential growth goes on? It "
           "stood at 82 gigatonnes per year in 1995; in 2012 it was 195 gigatonnes per year.")


def test_two_years_reading_the_question_year_the_one_not_of_interest_takes_the_free_year() -> None:
    program = ("year1 = 2037  # year of the first value [year]\nN1 = 82  # ice loss in 1995 [Gt/year]\n"
               "year2 = 2012  # year of the second value [year]\nN2 = 195  # ice loss in 2012 [Gt/year]\n"
               "year_query = 2037  # year of interest [year]\n")
    out, moves = bind(GLACIER, program)
    assert values(out)["year1"] == 1995 and values(out)["year_query"] == 2037
    assert [str(mv) for mv in moves] == [("year1 = 2037 -> 1995 (year1 and year_query both read 2037, written once; the "
                                         "one free number in year is 1995, and year_query is the one of interest)")]


@pytest.mark.parametrize("text, moved", [
    (("What continuous annual growth rate, in percent, takes the installed solar power capacity of Vietnam from "
     "6.8 GW (2009) to 63.6 GW (2015)?"), True),
    # two calendar years free: which one is not clear
    (("What continuous annual growth rate, in percent, takes the solar power capacity from 6.8 GW (2009) to "
     "63.6 GW (2015)? The plan dates from 1990."), False),
])
def test_a_parameter_named_a_year_takes_the_one_free_calendar_year(text: str, moved: bool) -> None:
    program = ("year1 = 2009  # year of the first value [year]\nN1 = 6.8  # capacity in 2009 [GW]\n"
               "year2 = 63.6  # capacity in 2015 [GW]\nN2 = 63.6  # capacity in 2015 [GW]\n")
    out, moves = bind(text, program)
    if moved:
        assert values(out)["year2"] == 2015
        assert [str(mv) for mv in moves] == [("year2 = 63.6 -> 2015 (year2 is a year; the one calendar year of the text "
                                             "no parameter reads is 2015)")]
    else:
        assert moves == []


def test_counts_of_things_holding_a_span_take_the_counts_the_text_names_by_their_nouns() -> None:
    text = ("What is the largest number of owls during the first 23 years, if 30 voles and 33 owls interact "
            "according to dx/dt = 0.61x - 0.0189xy, dy/dt = 0.0128xy - 0.33y (t in years)?")
    program = ("alpha = 0.61  # prey growth rate [1/year]\nbeta = 0.0189  # [1/(predator*year)]\n"
               "gamma = 0.33  # [1/year]\ndelta = 0.0128  # [1/(prey*year)]\nx0 = 23  # initial voles [animals]\n"
               "y0 = 30  # initial owls [animals]\nT = 23  # time horizon [year]\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("x0", "y0", "T")} == {"x0": 30, "y0": 33, "T": 23}
    assert str(moves[0]) == "x0 = 23 -> 33 (the problem gives 33 owls; 23 is in years)"
    # "50 a month" is no measure in amperes, "11 o'clock" no count
    text = ("I sold 74 in Jan, 21 in Feb and 56 in Mar, noted at 11 o'clock. What do I need to sell in Apr to "
            "average 50 a month across all four months?")
    program = ("sales_jan = 74  # [laptops]\nsales_feb = 21  # [laptops]\nsales_mar = 56  # [laptops]\n"
               "target_mean = 50  # desired mean [laptops]\nn_months = 4  # [1]\n")
    assert bind(text, program)[1] == []


def test_a_made_up_fraction_takes_one_in_so_many() -> None:
    text = ("If 1 in 500 of people have a genetic condition, and a test with 88% sensitivity and 92.8% specificity "
            "gives a positive result, what is the chance the disease is present?")
    program = ("prevalence = 0.138888888889  # prevalence [1]\nsensitivity = 0.88  # [1]\nspecificity = 0.928  # [1]\n")
    out, moves = bind(text, program)
    assert values(out)["prevalence"] == 0.002
    assert [str(mv) for mv in moves] == [("prevalence = 0.138889 -> 0.002 (the problem does not give 0.138889; its one "
                                         "free rate is 1 per 500)")]


@pytest.mark.parametrize("text, program, moved", [
    (("What is the probability of exactly 1 wet days during a sailing holiday of 11 days, if each day independently "
     "has a rain probability of 27%?"),
     "p_rain = 0.27  # [1]\ndays = 11  # number of days [day]\nk = 11  # number of rainy days (exactly) [day]\n",
     "k = 11 -> 1 (days and k both read 11, written once; the one free number in day is 1, beside the words of k)"),
    # the free number beside words of neither: which one it is is not clear
    (("What is the probability of exactly 1 wet days during a sailing holiday of 11 days, if each day independently "
     "has a rain probability of 27%?"),
     "p_rain = 0.27  # [1]\ndays = 11  # number of days [day]\nk = 11  # number of rainy days [day]\n", None),
    # words of neither at the free number, one's own in the held number's sentence (set a's oral dose):
    # that one keeps it
    (("A patient swallows a single 500 mg tablet.\n- drug moves from the gut into the blood at a rate proportional "
      "to the amount still in the gut, with rate constant 1.2 per hour;\n- drug is eliminated from the blood at a "
      "rate proportional to the amount in the blood, with rate constant 0.25 per hour;\n- the blood compartment has "
      "a volume of distribution of 35 L.\n\nWhat is the maximum concentration in mg/L?"),
     "dose = 500  # oral dose [mg]\nka = 0.25  # absorption rate constant [1/h]\n"
     "ke = 0.25  # elimination rate constant [1/h]\nV = 35  # volume of distribution [L]\n",
     "ka = 0.25 -> 1.2 (ka and ke both read 0.25, written once; the one free number in 1/h is 1.2, and 0.25 stands "
     "in a sentence with the words of ke)"),
])
def test_two_measures_reading_one_number_the_one_named_beside_the_free_number_takes_it(
        text: str, program: str, moved: str | None) -> None:
    moves = [str(mv) for mv in bind(text, program)[1]]
    assert moves == ([moved] if moved else [])


def test_twin_counts_with_no_word_after_the_free_count_go_by_the_words_beside_it() -> None:
    text = ("How many months does it take the user base of a new app to grow from 270 to 1,900 users under logistic "
            "growth with rate 0.326 per month and carrying capacity 2,700?")
    program = ("N0 = 270  # initial size [users]\nK = 1900  # carrying capacity [users]\n"
               "r = 0.326  # intrinsic growth rate [1/month]\nN_target = 1900  # size of interest [users]\n")
    assert [str(mv) for mv in bind(text, program)[1]] == [
        ("K = 1900 -> 2700 (K and N_target both read 1,900, written once; the one free number is 2,700, beside the "
        "words of K)")]


def test_an_amount_and_an_amount_per_unit_trade_by_their_words() -> None:
    text = ("Chen's receipt from a mobile phone plan shows £49. Knowing that £3 is charged per gigabyte of data in "
            "addition to a monthly fee of £13, work out how many gigabytes it covered.")
    program = ("fixed_fee = 3  # monthly fee [GBP]\nrate = 13  # charge per gigabyte of data [GBP/GB]\n"
               "total = 49  # total paid [GBP]\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("fixed_fee", "rate")} == {"fixed_fee": 13, "rate": 3}
    assert [mv.name for mv in moves] == ["fixed_fee", "rate"]
    # the right reading stays
    assert bind(text, out)[1] == []
    # no trade onto a number a third parameter holds, nor where one of the two fits the other's
    # number by no word of its own
    taxi = ("Uma's receipt from a taxi company shows £24.50. Knowing that £2.10 is charged per kilometre in addition "
            "to a base fare of £3.50, work out how many kilometres it covered.")
    program = ("fixed_fee = 24.5  # base fare [GBP]\nrate = 3.5  # charge per kilometre [GBP/km]\n"
               "total = 24.5  # total paid [GBP]\n")
    assert bind(taxi, program)[1] == []


def test_a_list_run_on_with_numbers_split_at_their_comma_becomes_the_text_list() -> None:
    text = ("What is the net present value, at 11.2% a year, of paying 25,000 CHF now for a new machine that returns "
            "8,000 CHF, 11,700 CHF, 6,900 CHF, 11,300 CHF at the end of each of the following 4 years?")
    program = ("initial_cost = 25000  # [CHF]\nrate = 0.112  # [1/year]\n"
               "cash_flows = [11700, 6900, 11300, 11,300, 11,300]  # [CHF]\n")
    out, moves = bind(text, program)
    assert "cash_flows = [8000, 11700, 6900, 11300]  # [CHF]" in out
    assert [mv.reason for mv in moves] == ["the text lists 4 numbers; the program had 3 of them"]


@pytest.mark.parametrize("text", [
    ("Mixing a 54% saline solution into 39 L of 20% saline solution brings the salt content to exactly 28%. What "
    "quantity, in litres, was added?"),
    ("Mixing a 78% fruit drink into 22 L of 13% fruit drink brings the juice content to exactly 50.5%. What quantity, "
    "in litres, was added?"),
])
def test_a_percentage_beside_an_amount_is_its_companions(text: str) -> None:
    amount, added, first, target_pct = (float(m.value) for m in find_numbers_plain(text))
    program = (f"amount_1 = {amount:g}  # amount of the first solution [L]\n"
               f"conc_1 = {added:g}  # content in the first solution [%]\n"
               f"conc_2 = {first:g}  # content in the added solution [%]\n"
               f"conc_target = {target_pct:g}  # content in the mixture [%]\n")
    out, moves = bind(text, program)
    assert (values(out)["conc_1"], values(out)["conc_2"]) == (first, added)
    assert [mv.name for mv in moves] == ["conc_1", "conc_2"]


def find_numbers_plain(text: str) -> list:
    """The text's numbers in the order amount, added, first, target (the mixtures above)."""
    from mathllm.quantities import find_numbers

    added, amount, first, target_pct = [m for m in find_numbers(text) if not m.word][:4]
    return [amount, added, first, target_pct]


def test_a_length_holding_a_count_of_pieces_takes_the_free_length() -> None:
    text = ("From steel rods measuring 10 m apiece, 23 pieces have to be cut: 17 measuring 1.75 m and the other 6 "
            "measuring 2.5 m. Determine the least number of steel rods to use.")
    program = ("stock_length = 10  # length of one steel rod [m]\nlen_a = 17  # length of the first piece type [m]\n"
               "len_b = 2.5  # length of the second piece type [m]\nneed_a = 17  # pieces of the first type required "
               "[pieces]\nneed_b = 6  # pieces of the second type required [pieces]\n")
    out, moves = bind(text, program)
    assert values(out)["len_a"] == 1.75 and values(out)["need_a"] == 17
    assert [mv.name for mv in moves] == ["len_a"]
    # without the count beside it, "17 measuring" still counts pieces (the thirty-second
    # session); written with no such word, 17 may be a length the text gives in no unit: it stays
    alone = program.replace("need_a = 17", "need_a = 16")
    assert "len_a" in {mv.name for mv in bind(text, alone)[1]}
    bare = text.replace("17 measuring 1.75 m and the other 6 measuring 2.5 m", "17, each 1.75 m, and the other 6, each 2.5 m")
    assert "len_a" not in {mv.name for mv in bind(bare, alone)[1]}


@pytest.mark.parametrize("years, moved", [("3", True), ("4", False), ("", False)])
def test_a_list_the_text_counts_loses_the_items_after_it(years: str, moved: bool) -> None:
    text = ("What is the net present value, at 8.75% a year, of paying 87,000 EUR now for a delivery van that returns "
            f"21,500 EUR, 20,300 EUR, 33,500 EUR at the end of each of the following {years} years?").replace("  ", " ")
    program = "initial_cost = 87000  # [EUR]\nrate = 0.0875  # [1/year]\ncash_flows = [21500, 20300, 33500, 53500]  # [EUR]\n"
    out, moves = bind(text, program)
    if moved:
        assert "cash_flows = [21500, 20300, 33500]  # [EUR]" in out
        assert [mv.reason for mv in moves] == ["the text lists 3 numbers for 3 periods; the program had 1 more"]
    else:
        assert moves == []  # (no count, or another: the fourth may be the model's own bonus)


@pytest.mark.parametrize("flows, moved", [
    # what the default adapter wrote (held-out phrasing, seed 57): the first flow left out, the
    # last repeated, the rate run on
    ("[20300, 33500, 33500, 8.75]", True),
    # an amount of the text among them is no noise: it may be meant
    ("[20300, 33500, 87000]", False),
])
def test_part_of_the_texts_list_among_repeats_and_a_percentage_becomes_the_list(flows: str, moved: bool) -> None:
    text = ("What is the net present value, at 8.75% a year, of paying 87,000 EUR now for a delivery van that returns "
            "21,500 EUR, 20,300 EUR, 33,500 EUR at the end of each of the following 3 years?")
    program = f"initial_cost = 87000  # [EUR]\nrate = 0.0875  # [1/year]\ncash_flows = {flows}  # [EUR]\n"
    out, _ = bind(text, program)
    assert ("cash_flows = [21500, 20300, 33500]  # [EUR]" in out) is moved


def test_an_outlay_run_into_the_counted_flows_goes_back_to_the_made_up_outlay() -> None:
    # what the default adapter wrote (held-out phrasing, seed 55): the outlay as the first flow,
    # the outlay's parameter made up from the rate
    text = ("What is the net present value, at 13.8% a year, of paying 109,000 dollars now for a solar installation "
            "that returns 14,800 dollars, 10,500 dollars, 21,500 dollars at the end of each of the following 3 years?")
    program = ("initial_cost = 13.8  # investment paid today [USD]\nrate = 0.138  # discount rate [1/year]\n"
               "cash_flows = [109000, 14800, 10500, 21500]  # net inflows at the end of years 1..3 [USD]\n")
    out, moves = bind(text, program)
    assert "cash_flows = [14800, 10500, 21500]" in out and values(out)["initial_cost"] == 109000
    assert [mv.name for mv in moves] == ["cash_flows", "initial_cost"]
    # no count of the flows in the text: the first item may be a flow
    uncounted = text.replace(" at the end of each of the following 3 years", "")
    assert "cash_flows" not in {mv.name for mv in bind(uncounted, program)[1]}


@pytest.mark.parametrize("extra, cost, moved", [("8.75", 87000, True), ("87000", 1000, False), ("87000", 87000, True)])
def test_a_counted_list_loses_a_percentage_of_the_text_but_not_an_amount(extra: str, cost: int, moved: bool) -> None:
    # what the default adapter wrote (held-out phrasing, seed 53): the rate run on after the flows
    # (an amount of the text stays, unless a parameter holds it: the outlay is no flow)
    text = ("What is the net present value, at 8.75% a year, of paying 87,000 EUR now for a delivery van that returns "
            "21,500 EUR, 20,300 EUR, 33,500 EUR at the end of each of the following 3 years?")
    program = (f"initial_cost = {cost}  # [EUR]\nrate = 0.0875  # [1/year]\n"
               f"cash_flows = [21500, 20300, 33500, {extra}]  # [EUR]\n")
    out, _ = bind(text, program)
    assert ("cash_flows = [21500, 20300, 33500]  # [EUR]" in out) is moved


TAXI = ("Lena's receipt from a taxi company shows 49.20 EUR. The receipt number was 9824. Knowing that 1.60 EUR is "
        "charged per kilometre in addition to a base fare of 6 EUR, work out how many kilometres it covered.")
TAXI_PROGRAM = ("fixed_fee = 6  # base fare [EUR]\nrate = 1.6  # charge per kilometre [EUR/km]\n"
                "total = 4920  # total paid [EUR]\nanswer = (total - fixed_fee) / rate\n")


def test_a_made_up_amount_of_money_takes_no_price_per_something() -> None:
    out, moves = bind(TAXI, TAXI_PROGRAM)
    assert values(out)["total"] == 49.2
    assert [str(mv) for mv in moves] == [("total = 4920 -> 49.2 (the problem does not give 4920; its one free number "
                                         "in EUR is 49.20)")]
    # both free amounts priced per something: which is its is not clear
    text = TAXI.replace("shows 49.20 EUR", "shows 49.20 EUR per trip")
    assert bind(text, TAXI_PROGRAM.replace("rate = 1.6", "rate = 2"))[1] == []


TRANSPORT = ("Every order must be filled: Lyon wants 75 crates, Nice wants 40 crates and Dijon wants 30 crates. The "
             "route planner was bought 7 years ago. Stock sits at Plant 1 (104) and Plant 2 (66). Moving one crate "
             "along each route costs: Plant 1 to Lyon 3 dollars, Plant 1 to Nice 8 dollars, Plant 1 to Dijon 4 "
             "dollars, Plant 2 to Lyon 11 dollars, Plant 2 to Nice 17 dollars, Plant 2 to Dijon 2 dollars. Determine "
             "the lowest total transport cost.")
#: what the default adapter wrote for it (seed 49): the demands on Dijon's crates and two costs
TRANSPORT_PROGRAM = """\
supply_p1 = 104  # crates available at Plant 1 [units]
supply_p2 = 66  # crates available at Plant 2 [units]
demand_lyon = 30  # crates required by Lyon [units]
demand_nice = 8  # crates required by Nice [units]
demand_dijon = 4  # crates required by Dijon [units]
cost_p1_lyon = 3  # cost per crate from Plant 1 to Lyon [GBP/unit]
cost_p1_nice = 8  # cost per crate from Plant 1 to Nice [GBP/unit]
cost_p1_dijon = 4  # cost per crate from Plant 1 to Dijon [GBP/unit]
answer = demand_lyon + demand_nice + demand_dijon
"""
BUDGET = ("If money spent on traffic lights returns 5 crossings made safe per $1,000, on warning signs 11, and on speed "
          "bumps 9, what is the greatest total that a road-safety fund of $57,000 can buy? Spending on traffic lights "
          "is capped at $22,800, on warning signs at $17,100, and at least $8,550 is reserved for speed bumps.")
BUDGET_PROGRAM = """\
budget = 57000  # road-safety fund [USD]
crossings_lights = 11  # crossings made safe per 1,000 USD on traffic lights [crossings/kUSD]
crossings_signs = 9  # crossings made safe per 1,000 USD on warning signs [crossings/kUSD]
crossings_bumps = 17100  # crossings made safe per 1,000 USD on speed bumps [crossings/kUSD]
max_lights = 22800  # maximum spend on traffic lights [USD]
max_signs = 17100  # maximum spend on warning signs [USD]
min_bumps = 8550  # minimum spend on speed bumps [USD]
answer = crossings_lights + crossings_signs + crossings_bumps
"""


def test_named_items_take_the_numbers_written_with_their_names() -> None:
    out, moves = bind(TRANSPORT, TRANSPORT_PROGRAM)
    got = values(out)
    assert (got["demand_lyon"], got["demand_nice"], got["demand_dijon"]) == (75, 40, 30)
    assert got["cost_p1_nice"] == 8 and got["supply_p1"] == 104  # ("Plant 1" numbers a name)
    assert 'demand_nice = 8 -> 40 (the problem writes 40 crates with "Nice", which of the 3 alike parameters ' \
           'demand_nice alone names)' in [str(mv) for mv in moves]
    got = values(bind(BUDGET, BUDGET_PROGRAM)[0])
    assert (got["crossings_lights"], got["crossings_signs"], got["crossings_bumps"]) == (5, 11, 9)
    assert (got["max_lights"], got["max_signs"], got["min_bumps"]) == (22800, 17100, 8550)


@pytest.mark.parametrize("text, program", [
    # the item's word beside another number than the item's own: the model's number may be meant
    (("Compute C(12, 1) × C(4, 3): the number of ways to build a pizza with 1 meat topping out of 12 and 3 vegetable "
     "toppings out of 4."),
     ("n_meat = 12  # meat toppings available [1]\nk_meat = 1  # meat toppings chosen [1]\n"
     "n_vegetable = 4  # vegetable toppings available [1]\nk_vegetable = 3  # vegetable toppings chosen [1]\n"
     "answer = n_meat * k_meat * n_vegetable * k_vegetable\n")),
    # both names in each clause: whose number it is is not clear
    (("Glenrock and Hollis are 46 km apart. A cyclist leaves Glenrock for Hollis at 24 km/h, and 1 hour later another "
     "cyclist leaves Hollis for Glenrock at 12 km/h. How far from Glenrock do they meet (in km)?"),
     ("distance = 46  # [km]\nspeed_a = 12  # speed of the cyclist from Glenrock [km/h]\n"
     "speed_b = 24  # speed of the cyclist from Hollis [km/h]\ndelay = 1  # [h]\nanswer = speed_a * speed_b\n")),
    # a temperature converted to the program's scale is no other item's number
    ("A dry-bulb temperature of 76 °F and a chilled-mirror dew point of 40 °F: what is the relative humidity?",
     "T_air = 24.4444444444  # air temperature [°C]\nT_dew = 4.4444444444  # dew point [°C]\nanswer = T_air - T_dew\n"),
])
def test_named_items_leave_a_number_that_may_be_meant(text: str, program: str) -> None:
    assert [mv for mv in bind(text, program)[1] if "alike parameters" in mv.reason] == []


MEETING = ("Two buses approach each other on the 110 km route between Irvine and Jasper: the one from Irvine at 44 km/h, "
           "the one from Jasper at 87 km/h, which starts 1.5 hours later. Anna wrote the numbers on a sticky note at "
           "7 o'clock. Find how many hours after the first bus leaves they meet.")
MEETING_PROGRAM = """\
distance = 110  # distance between Irvine and Jasper [km]
speed_a = 44  # speed of the bus from Irvine [km/h]
speed_b = 87  # speed of the bus from Jasper [km/h]
delay = 0  # how much later the bus from Jasper starts [h]
answer = (distance + speed_b * delay) / (speed_a + speed_b)
"""


def test_a_zero_the_text_does_not_write_takes_the_number_written_with_its_words() -> None:
    out, moves = bind(MEETING, MEETING_PROGRAM)
    assert values(out)["delay"] == 1.5
    assert [str(mv) for mv in moves] == [("delay = 0 -> 1.5 (the problem writes no 0 for delay, which is no start; its "
                                         "one free number in hours written with its words is 1.5)")]
    # no free number with its words ("later"), or a start: the zero stays
    assert bind(MEETING.replace("which starts 1.5 hours later", "after a 1.5 hour rest"), MEETING_PROGRAM)[1] == []
    start = MEETING_PROGRAM.replace("delay = 0  # how much later", "t_start = 0  # when")
    assert bind(MEETING, start.replace("speed_b * delay", "speed_b * t_start"))[1] == []


GLACIER_RATE = ("What continuous annual growth rate, in percent, takes the yearly ice loss of the glaciers of Patagonia "
                "from 170 gigatonnes per year (2001) to 374 gigatonnes per year (2019)?")
GLACIER_PROGRAM = """\
import math

year1 = 2001  # year of the first value [year]
N1 = 374  # value in 2001 [Gt/year]
year2 = 2019  # year of the second value [year]
N2 = 170  # value in 2019 [Gt/year]
answer = math.log(N2 / N1) / (year2 - year1) * 100
"""


def test_numbered_readings_trade_where_each_stands_beside_the_other_pairs_number() -> None:
    out, moves = bind(GLACIER_RATE, GLACIER_PROGRAM)
    assert (values(out)["N1"], values(out)["N2"]) == (170, 374)
    assert run_program(out).answer.value == pytest.approx(4.3803, abs=1e-4)
    assert [mv.name for mv in moves] == ["N1", "N2"]
    # in the text's order already: nothing to trade
    ordered = GLACIER_PROGRAM.replace("N1 = 374", "N1 = 170").replace("N2 = 170", "N2 = 374")
    assert bind(GLACIER_RATE, ordered)[1] == []
    # the years out of the text's order instead: they trade
    years = ordered.replace("year1 = 2001", "year1 = 2019").replace("year2 = 2019", "year2 = 2001")
    assert [(mv.name, mv.new) for mv in bind(GLACIER_RATE, years)[1]] == [("year1", 2001), ("year2", 2019)]
    # both out of order: each pair is one reading, in the other order than the names
    both = GLACIER_PROGRAM.replace("year1 = 2001", "year1 = 2019").replace("year2 = 2019", "year2 = 2001")
    assert [mv for mv in bind(GLACIER_RATE, both)[1] if "reading" in mv.reason] == []


SOIL = ("What will a soil sample read 32 minutes after it is brought from the field into the lab, if it was 34 °C at "
        "that moment, 30 °C after 10 minutes, and the surroundings are steady at 19 °C? Use Newton's law of cooling.")
SOIL_PROGRAM = """\
import sympy as sp

T_env = 34  # temperature of the surroundings [°C]
T0 = 19  # temperature at the start [°C]
t1 = 10  # time of the second reading [min]
T1 = 30  # second reading [°C]
t2 = 32  # time of interest [min]

t, k = sp.symbols("t k", positive=True)
T = sp.Function("T")
ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_env))
sol = sp.dsolve(ode, T(t), ics={T(0): T0})
k_val = sp.nsolve(sp.Eq(sol.rhs.subs(t, t1), T1), k, (1e-6, 10), solver="bisect")
answer = float(sol.rhs.subs({k: k_val, t: t2}))
"""


def test_a_start_is_read_in_the_words_at_that_moment() -> None:
    # what the default adapter wrote (held-out phrasing, seed 54): the start and the surroundings
    # traded, "34 °C at that moment" being the start
    out, moves = bind(SOIL, SOIL_PROGRAM)
    assert (values(out)["T_env"], values(out)["T0"]) == (19, 34)
    assert [mv.name for mv in moves] == ["T_env", "T0"]
    # no word of a start around 34: the surroundings' word alone does not decide
    assert bind(SOIL.replace("at that moment", "in the field"), SOIL_PROGRAM)[1] == []


def test_a_capacitance_made_up_beside_a_time_in_milliseconds_takes_the_free_one() -> None:
    # what the default adapter wrote (held-out phrasing, seed 54): 470 ms over 47 µF is 10, but a
    # time in ms over a capacitance is no capacitance, so 10 is made up
    text = ("What voltage (V) does a 47 µF capacitor charging from 0 V through 6.8 kΩ on a 5 V supply show "
            "470 ms after switch-on?")
    program = ("V_s = 5  # supply voltage [V]\nR_kohm = 6.8  # resistance [kOhm]\nC_uF = 10  # capacitance [uF]\n"
               "t_ms = 470  # time after closing the switch [ms]\n"
               "answer = V_s * (1 - math.exp(-(t_ms / 1000) / (R_kohm * 1e3 * C_uF * 1e-6)))\n")
    out, moves = bind(text, program)
    assert values(out)["C_uF"] == 47
    assert [mv.name for mv in moves] == ["C_uF"]
    # a time in milliseconds converts: "0.47 s" is the 470 ms
    assert bind(text, program.replace("C_uF = 10", "C_uF = 47").replace("t_ms = 470  # time after closing the "
                                                                          "switch [ms]", "t = 0.47  # time [s]"))[1] == []


def test_a_change_written_a_to_become_b_runs_from_a() -> None:
    # what the default adapter wrote (held-out phrasing, seed 54)
    text = ("At 5.75% a year compounded annually, how many years, rounded up to a whole number, does it take "
            "8,000 CHF to become 16,000 CHF?")
    program = ("import math\n\nprincipal = 16000  # initial investment [CHF]\ntarget = 8000  # target balance [CHF]\n"
               "rate = 0.0575  # annual interest rate [1/year]\n"
               "answer = math.ceil(math.log(target / principal) / math.log(1 + rate))\n")
    out, moves = bind(text, program)
    assert (values(out)["principal"], values(out)["target"]) == (8000, 16000)
    assert [mv.name for mv in moves] == ["principal", "target"]
    assert run_program(out).answer.value == 13
    # in the text's order already: nothing moves
    assert bind(text.replace("8,000 CHF to become 16,000", "16,000 CHF to become 8,000"), program)[1] == []


GREENHOUSE = ("How long, in hours, until the air in a greenhouse that starts at 24 °C reaches 13 °C when the air is "
              "9 °C? Use Newton's law of cooling with a time constant of 3.1 hours.")
GREENHOUSE_PROGRAM = """\
import math

T_air = 9  # surrounding air temperature [°C]
T0 = 24  # initial temperature [°C]
k = 0.323  # cooling constant [1/h]
T_target = 13  # target temperature [°C]
answer = math.log((T0 - T_air) / (T_target - T_air)) / k
"""


def test_a_rate_worked_out_from_a_free_number_and_rounded_is_unrounded() -> None:
    # what the default adapter wrote (held-out phrasing, seed 52): 1 / 3.1 h rounded to 0.323
    out, moves = bind(GREENHOUSE, GREENHOUSE_PROGRAM)
    assert values(out)["k"] == pytest.approx(1 / 3.1, rel=1e-12)
    assert run_program(out).answer.value == pytest.approx(4.09744, abs=1e-5)
    assert [mv.name for mv in moves] == ["k"]
    # further than 1% from it: no reciprocal of 3.1 (0.3 is another rate), and none of a number
    # a parameter takes
    no_tau = GREENHOUSE.replace("with a time constant of 3.1 hours", "(it took 3.1 hours last night)")
    assert bind(no_tau, GREENHOUSE_PROGRAM.replace("k = 0.323", "k = 0.3"))[1] == []
    # a free time constant gives its reciprocal however far the made-up rate is from it
    far = bind(GREENHOUSE, GREENHOUSE_PROGRAM.replace("k = 0.323", "k = 0.21"))
    assert values(far[0])["k"] == pytest.approx(1 / 3.1, rel=1e-12)
    assert [mv.name for mv in far[1]] == ["k"]
    taken = GREENHOUSE_PROGRAM.replace("k = 0.323  # cooling constant [1/h]",
                                       "k = 0.323  # cooling constant [1/h]\ntau = 3.1  # time constant [h]")
    assert bind(GREENHOUSE, taken)[1] == []


APHID_PERIOD = ("How many days does one small oscillation around the coexistence equilibrium last for the aphids and "
          "ladybirds of a rose nursery, given a Lotka-Volterra model with prey growth rate 0.32 per day, predation "
          "coefficient 0.0048, predator mortality 0.18 per day and conversion efficiency 0.00031?")
APHID_PERIOD_PROGRAM = """\
alpha = 0.32  # prey growth rate [1/day]
beta = 0.0048  # predation rate (coefficient) [1/(predator*day)]
gamma = 0.00031  # predator death rate (mortality) [1/day]
delta = 0.18  # predator conversion efficiency per prey [1/(prey*day)]
answer = 2 * 3.141592653589793 / (alpha * gamma) ** 0.5
"""


def test_two_of_different_units_trade_where_the_words_and_the_unit_say_so() -> None:
    # what the default adapter wrote (held-out phrasing, seed 55): the mortality and the
    # conversion efficiency traded, 0.18 written "per day" as the mortality's unit is
    out, moves = bind(APHID_PERIOD, APHID_PERIOD_PROGRAM)
    assert (values(out)["gamma"], values(out)["delta"]) == (0.18, 0.00031)
    assert run_program(out).answer.value == pytest.approx(26.1799, abs=1e-4)
    assert [mv.name for mv in moves] == ["gamma", "delta"]
    # right already: nothing moves; no unit to say so ("0.18" bare): the words alone do not
    right = APHID_PERIOD_PROGRAM.replace("gamma = 0.00031", "gamma = 0.18").replace("delta = 0.18", "delta = 0.00031")
    assert bind(APHID_PERIOD, right)[1] == []
    assert bind(APHID_PERIOD.replace("0.18 per day", "0.18"), APHID_PERIOD_PROGRAM)[1] == []


SOLAR = ("In which year (decimal) will the installed solar power capacity of Morocco reach 94 GW, if it was 7.4 GW in "
         "2012 and had grown exponentially to 19.2 GW by 2018?")
SOLAR_PROGRAM = """\
import math

year1 = 2012  # year of the first value [year]
N1 = 94  # population in 2012 [people]
year2 = 2018  # year of the second value [year]
N2 = 19.2  # population in 2018 [people]
level = 94  # level of interest [people]

rate = math.log(N2 / N1) / (year2 - year1)
answer = year1 + math.log(level / N1) / rate
"""


def test_a_reading_written_apart_from_its_companion_moves_to_the_one_written_with_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 53; there ``level = 19.2``): the
    # first capacity as the level asked, though "7.4 GW in 2012" is one reading with year1's 2012
    # (the units copied from an example of people, so no rule of units reads it)
    out, moves = bind(SOLAR, SOLAR_PROGRAM)
    assert values(out)["N1"] == 7.4
    assert run_program(out).answer.value == pytest.approx(2027.996, abs=1e-3)
    assert [mv.name for mv in moves] == ["N1"]
    # right already, or no free number written with the companion: nothing moves
    assert bind(SOLAR, SOLAR_PROGRAM.replace("N1 = 94", "N1 = 7.4"))[1] == []
    assert bind(SOLAR.replace("7.4 GW in 2012", "7.4 GW, in 2012"), SOLAR_PROGRAM)[1] == []


def test_an_amount_and_a_price_per_unit_crossed_trade() -> None:
    # what the default adapter wrote (held-out phrasing, seed 57): an amount alone can be a price,
    # but a price written per unit is no amount
    text = ("How many jars of jam must be sold each month, at 48.00 EUR each with a variable cost of 22.80 EUR per "
            "unit and fixed monthly costs of 6,500 EUR, to reach a profit of 900 EUR?")
    program = ("fixed_cost = 22.80  # fixed costs per month [EUR]\nprice = 48.00  # selling price per unit [EUR/unit]\n"
               "variable_cost = 6500  # variable cost per unit [EUR/unit]\ntarget_profit = 900  # [EUR]\n"
               "answer = (fixed_cost + target_profit) / (price - variable_cost)\n")
    out, moves = bind(text, program)
    assert (values(out)["fixed_cost"], values(out)["variable_cost"]) == (6500, 22.8)
    assert [mv.name for mv in moves] == ["fixed_cost", "variable_cost"]
    # right already: nothing moves
    right = program.replace("fixed_cost = 22.80", "fixed_cost = 6500").replace("variable_cost = 6500",
                                                                             "variable_cost = 22.80")
    assert bind(text, right)[1] == []


def test_a_count_and_a_measure_crossed_trade_by_the_counts_noun() -> None:
    # what the default adapter wrote (held-out phrasing, seed 57)
    text = ("Knowing that chickens have 2 legs apiece and goats 4 legs apiece, and that 54 animals on a farm have 174 "
            "legs altogether, work out the number of chickens.")
    program = ("total_count = 174  # number of animals on a farm [1]\ntotal_value = 54  # total legs [legs]\n"
               "legs_chicken = 2  # legs per chicken [legs]\nlegs_goat = 4  # legs per goat [legs]\n")
    out, moves = bind(text, program)
    assert (values(out)["total_count"], values(out)["total_value"]) == (54, 174)
    assert [mv.name for mv in moves] == ["total_count", "total_value"]
    # a count whose words do not name the noun: not clearly crossed
    other = program.replace("number of animals on a farm", "how many there are")
    assert "total_count" not in {mv.name for mv in bind(text, other)[1]}


TROUT = ("How many years does it take the trout population of a stocked lake to grow from 1,000 to 50% of the "
         "carrying capacity under logistic growth with rate 0.745 per year and carrying capacity 9,000?")
TROUT_PROGRAM = """\
import math

N0 = 1000  # initial size [fish]
K = 9000  # carrying capacity [fish]
r = 0.745  # intrinsic growth rate [1/year]
N_target = 50  # size of interest [fish]
answer = math.log(N_target * (K - N0) / (N0 * (K - N_target))) / r
"""


def test_a_percentage_of_a_named_quantity_is_that_share_of_its_parameter() -> None:
    # what the default adapter wrote (held-out phrasing, seed 57)
    out, moves = bind(TROUT, TROUT_PROGRAM)
    assert values(out)["N_target"] == 4500
    assert run_program(out).answer.value == pytest.approx(2.79120, abs=1e-5)
    assert [mv.name for mv in moves] == ["N_target"]
    # a percentage of something no parameter is: nothing to take a share of
    assert bind(TROUT.replace("50% of the carrying capacity", "50% of the lake's maximum"), TROUT_PROGRAM)[1] == []


def test_a_made_up_count_in_a_kind_of_things_takes_the_free_count_of_another_kind() -> None:
    # what the default adapter wrote (held-out phrasing, seed 57): "20 rabbits" beside "37 foxes",
    # both counted as ``[animals]``
    text = ("What is the number of foxes after 13 years, if 20 rabbits and 37 foxes interact according to dx/dt = "
            "0.49x - 0.0108xy, dy/dt = 0.0146xy - 0.35y (t in years)?")
    program = ("alpha = 0.49  # [1/year]\nbeta = 0.0108  # [1/(predator*year)]\ngamma = 0.35  # [1/year]\n"
               "delta = 0.0146  # [1/(prey*year)]\nx0 = 4  # initial hares [animals]\n"
               "y0 = 37  # initial lynx [animals]\nT = 13  # time horizon [year]\n")
    out, moves = bind(text, program)
    assert values(out)["x0"] == 20
    assert [mv.name for mv in moves] == ["x0"]
    # two free counts of other kinds: which is the made-up one's is not clear
    two = text.replace("if 20 rabbits", "if 20 rabbits and 9 owls")
    assert "x0" not in {mv.name for mv in bind(two, program)[1]}


HIMALAYA = ("What will the yearly ice loss of the glaciers of the Himalaya be in 2030 if its exponential growth goes "
            "on? It stood at 232 gigatonnes per year in 2000; in 2011 it was 405 gigatonnes per year.")
HIMALAYA_PROGRAM = """\
import math

year1 = 232  # year of the first value [year]
N1 = 232  # yearly ice loss in 2000 [Gt/year]
year2 = 405  # year of the second value [year]
N2 = 1000  # yearly ice loss in 2011 [Gt/year]
year_query = 2030  # year of interest [year]

rate = math.log(N2 / N1) / (year2 - year1)
answer = N1 * math.exp(rate * (year_query - year1))
"""


def test_a_year_holding_its_companions_number_takes_the_year_written_with_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 58): the years hold the readings,
    # the second reading is made up in a unit the text spells "gigatonnes per year"
    out, moves = bind(HIMALAYA, HIMALAYA_PROGRAM)
    assert (values(out)["year1"], values(out)["year2"], values(out)["N2"]) == (2000, 2011, 405)
    assert run_program(out).answer.value == pytest.approx(1060.2251, rel=1e-6)
    assert [mv.name for mv in moves] == ["year1", "year2", "N2"]
    # "in 2000" written apart from 232: no year is clearly year1's
    apart = HIMALAYA.replace("232 gigatonnes per year in 2000", "232 gigatonnes per year, in 2000")
    assert bind(apart, HIMALAYA_PROGRAM)[1] == []


MIXING = ("Mixing a 33% disinfectant into 600 mL of 18% disinfectant brings the alcohol content to exactly 27%. "
          "What quantity, in millilitres, was added?")
MIXING_PROGRAM = """\
import sympy as sp

amount_1 = 600  # amount of the first disinfectant [mL]
conc_1 = 33  # alcohol in the first disinfectant [%]
conc_2 = 18  # alcohol in the added disinfectant [%]
conc_target = 27  # alcohol in the mixture [%]

y = sp.symbols("y", positive=True)  # amount added [mL]
mix = sp.Eq(conc_1 * amount_1 + conc_2 * y, conc_target * (amount_1 + y))
answer = sp.solve(mix, y)[0]
"""


def test_a_pair_trades_where_the_text_writes_the_others_number_with_the_lone_companion() -> None:
    # what the default adapter wrote (held-out phrasing, seed 52): the added one's strength as
    # the first's, though "600 mL of 18%" is one reading
    out, moves = bind(MIXING, MIXING_PROGRAM)
    assert (values(out)["conc_1"], values(out)["conc_2"]) == (18, 33)
    assert run_program(out).answer.value == pytest.approx(900)
    assert [mv.name for mv in moves] == ["conc_1", "conc_2"]
    # already so: nothing moves
    right = MIXING_PROGRAM.replace("conc_1 = 33", "conc_1 = 18").replace("conc_2 = 18", "conc_2 = 33")
    assert bind(MIXING, right)[1] == []
    # the text writes both strengths apart from the amount ("600 mL, at 18%"): nothing to read
    apart = MIXING.replace("600 mL of 18% disinfectant", "600 mL, at 18%,")
    assert bind(apart, MIXING_PROGRAM)[1] == []


READINGS = ("What is the volume of distribution in litres of the antibiotic if two blood samples taken after an IV bolus "
           "of 200 mg measured 6.53 mg/L at 1 h and 1.98 mg/L at 9 h?")
READINGS_PROGRAM = """\
dose = 200  # IV bolus dose [mg]
t1 = 1.0  # time of the first sample after the dose [h]
C1 = 198  # plasma concentration in the first sample [mg/L]
t2 = 9  # time of the second sample after the dose [h]
C2 = 2.54  # plasma concentration in the second sample [mg/L]
answer = dose / C1 + C2 * t2 / t1
"""


def test_made_up_readings_take_the_numbers_written_with_their_companions() -> None:
    out, moves = bind(READINGS, READINGS_PROGRAM)
    assert (values(out)["C1"], values(out)["C2"]) == (6.53, 1.98)
    assert str(moves[0]) == ("C1 = 198 -> 6.53 (the problem does not give 198; 6.53 mg/L is written as one reading "
                             "with the number of its companion numbered 1)")
    # the levels not written as readings with the times: no companion to go by
    text = READINGS.replace("measured 6.53 mg/L at 1 h and 1.98 mg/L at 9 h",
                           "were taken at 1 h and at 9 h; one measured 1.98 mg/L, the other 6.53 mg/L")
    assert [mv for mv in bind(text, READINGS_PROGRAM)[1] if "one reading" in mv.reason] == []


COINS = ("Knowing that 2-euro coins are worth 2 EUR apiece and 50-cent coins 0.50 EUR apiece, and that 98 coins in a jar "
         "are worth 161.50 EUR altogether, work out the number of 2-euro coins.")
#: what the default adapter wrote for it (seed 48): the "2" of "2-euro" as the number of coins
COINS_PROGRAM = """\
total_count = 2  # number of coins in a jar [1]
total_value = 161.50  # total value [EUR]
value_two_euro = 0.5  # value per 2-euro coin [EUR]
value_fifty_cent = 0.5  # value per 50-cent coin [EUR]
answer = (total_value - value_fifty_cent * total_count) / (value_two_euro - value_fifty_cent)
"""


def test_a_count_holding_a_denomination_takes_the_count_that_names_its_things() -> None:
    out, moves = bind(COINS, COINS_PROGRAM)
    assert values(out)["total_count"] == 98 and values(out)["value_two_euro"] == 2
    assert str(moves[0]) == "total_count = 2 -> 98 (the problem gives 98 coins; 2 names a kind (2-euro))"
    assert run_program(out).answer.value == pytest.approx(75)
    # no free count of coins: it stays
    text = COINS.replace("98 coins in a jar", "the jar's 98 items")
    assert all(mv.name != "total_count" for mv in bind(text, COINS_PROGRAM)[1])


POOL = ("What will the water in a paddling pool read 17 hours after the sun goes down, if it was 24 °C at that moment, "
        "21.5 °C after 4 hours, and the surroundings are steady at 16 °C? Use Newton's law of cooling.")
#: what the default adapter wrote for it (seed 48): the hours as the start, the second reading twice
POOL_PROGRAM = """\
T_env = 21.5  # temperature of the surroundings [°C]
T0 = 17  # temperature at the start [°C]
t1 = 4  # time of the second reading [h]
T1 = 21.5  # second reading [°C]
t2 = 17  # time of interest [h]
answer = T_env + T0 + t1 + T1 + t2
"""


def test_a_temperature_holding_hours_takes_the_temperature_no_parameter_takes() -> None:
    out, moves = bind(POOL, POOL_PROGRAM)
    assert {k: values(out)[k] for k in ("T_env", "T0", "T1")} == {"T_env": 16, "T0": 24, "T1": 21.5}
    assert "T0 = 17 -> 24 (the problem gives 24 °C; 17 is in hours)" in [str(mv) for mv in moves]
    # two temperatures free (the surroundings made up): the surroundings' own words pick theirs,
    # and the start takes the other
    out, moves = bind(POOL, POOL_PROGRAM.replace("T_env = 21.5", "T_env = 3"))
    assert (values(out)["T_env"], values(out)["T0"]) == (16, 24)
    # ... and where no words tell them apart, which is whose is not clear
    out, moves = bind(POOL.replace("the surroundings are steady at", "it is"),
                      POOL_PROGRAM.replace("T_env = 21.5", "T_env = 3"))
    assert values(out)["T0"] == 17 and all(mv.name != "T0" for mv in moves)


@pytest.mark.parametrize("text, program, name, new", [
    # a 1 in a unit of measure the text does not write is a placeholder (seed 51)
    (("What is the displacement, in cm, 1.2 s after a 5 kg mass on a 45 N/m spring with 1.49 N·s/m of damping is "
     "moved 8 cm from equilibrium and released from rest?"),
     ("m = 5  # mass [kg]\nc = 1.49  # damping coefficient [N*s/m]\nk = 1.0  # spring constant [N/m]\n"
     "x0_cm = 8  # initial displacement [cm]\nt_query = 1.2  # time of interest [s]\nanswer = m * c * k * x0_cm * t_query\n"),
     "k", 45),
    # an area holding a count of times (seed 50)
    (("The length of a rectangular photo falls 80 cm short of twice its width. Dara measured it 3 times. With 12,000 "
     "square centimetres of area, how wide is it?"),
     "area = 3  # area of the photo [cm^2]\nshortfall = 80  # [cm]\nanswer = area / shortfall\n", "area", 12000),
    # numbered volumes holding a concentration: each the one after its ordinal (seed 51)
    (("What salt concentration (g/L) does the second of two tanks in series reach after 80 minutes, if brine of 10 g/L "
     "enters the first (1,000 L) at 15 L/min, the mixed liquid flows on into the second (500 L) at the same rate?"),
     ("volume1 = 10  # liquid in tank 1 [L]\nvolume2 = 10  # liquid in tank 2 [L]\nc_in = 10  # [g/L]\n"
     "flow = 15  # [L/min]\nanswer = volume1 + volume2 + c_in + flow\n"), "volume2", 500),
    # an amount of money the text never mentions, only taken away, held by the rate's number (seed 50)
    (("What is the total interest paid over the life of the loan when a car loan of £14,000 is financed over 3 years at "
     "4.5% a year, with interest compounded and payments made monthly?"),
     ("price = 14000  # purchase price of the car [$]\ndown_payment = 4.5  # paid up front [$]\n"
     "rate = 0.045  # nominal annual interest rate [1/year]\nyears = 3  # [year]\n"
     "principal = price - down_payment\nanswer = principal * rate * years\n"), "down_payment", 0),
])
def test_made_up_values_of_other_kinds(text: str, program: str, name: str, new: float) -> None:
    out, moves = bind(text, program)
    assert values(out)[name] == new
    assert any(mv.name == name for mv in moves)


@pytest.mark.parametrize("text, program", [
    # the text writes the 1: it stays
    ("A 1 kg mass on a spring of 1 N/m and 2 N·s/m of damping.", "m = 1  # [kg]\nk = 1.0  # [N/m]\nc = 2  # [N*s/m]\n"),
    # a down payment the text speaks of: not made up
    ("A car costs £14,000 with £4.5 thousand paid up front at 4.5% a year.",
     ("price = 14000  # [$]\ndown_payment = 4.5  # paid up front [$]\nrate = 0.045  # [1/year]\n"
     "answer = (price - down_payment) * rate\n")),
    # no ordinals in the text: which volume is which is not clear
    ("Brine of 10 g/L enters a 1,000 L tank and a 500 L tank at 15 L/min.",
     "volume1 = 10  # [L]\nvolume2 = 10  # [L]\nc_in = 10  # [g/L]\nflow = 15  # [L/min]\n"),
])
def test_made_up_values_of_other_kinds_stay_without_evidence(text: str, program: str) -> None:
    # (the down payment may take its scale word, "4.5 thousand"; it is not made none)
    moved = {mv.name for mv in bind(text, program)[1] if mv.name != "down_payment" or mv.new == 0}
    assert not moved & {"k", "down_payment", "volume1", "volume2"}


LV_MORTALITY = ("How many days does one small oscillation around the coexistence equilibrium last for the aphids and "
                "ladybirds of a rose nursery, given a Lotka-Volterra model with prey growth rate 0.27 per day, predation "
                "coefficient 0.0034, predator mortality 0.24 per day and conversion efficiency 0.00072?")
LV_MORTALITY_PROGRAM = """\
alpha = 0.27  # prey growth rate [1/day]
beta = 0.0034  # predation rate (coefficient) [1/(predator*day)]
gamma = 0.00072  # predator death rate (mortality) [1/day]
delta = 0.00024  # predator conversion efficiency per prey [1/(prey*day)]
answer = alpha * beta * gamma * delta
"""


def test_a_bare_number_held_in_a_unit_moves_to_the_free_one_in_it_and_a_made_up_kin_takes_it() -> None:
    out, _ = bind(LV_MORTALITY, LV_MORTALITY_PROGRAM)
    assert {k: values(out)[k] for k in ("gamma", "delta")} == {"gamma": 0.24, "delta": 0.00072}
    # without the words that tell the two apart, nothing moves
    plain = LV_MORTALITY.replace("predator mortality 0.24", "0.24").replace("conversion efficiency 0.00072", "0.00072")
    assert all(mv.name not in ("gamma", "delta") for mv in bind(plain, LV_MORTALITY_PROGRAM)[1])


SHARED_COST = ("Every order must be filled: Lyon wants 80 crates and Nice wants 25 crates. Each truck is driven by one of "
             "5 drivers. Stock sits at Plant 1 (50) and Plant 2 (70). Moving one crate along each route costs: Plant 1 to "
             "Lyon 2 euros, Plant 1 to Nice 20 euros, Plant 2 to Lyon 8 euros, Plant 2 to Nice 17 euros. Determine the "
             "lowest total transport cost.")
SHARED_COST_PROGRAM = """\
supply_p1 = 50  # crates available at Plant 1 [units]
supply_p2 = 70  # crates available at Plant 2 [units]
demand_lyon = 80  # crates required by Lyon [units]
demand_nice = 25  # crates required by Nice [units]
cost_p1_lyon = 20  # cost per crate from Plant 1 to Lyon [EUR/unit]
cost_p1_nice = 20  # cost per crate from Plant 1 to Nice [EUR/unit]
cost_p2_lyon = 8  # cost per crate from Plant 2 to Lyon [EUR/unit]
cost_p2_nice = 17  # cost per crate from Plant 2 to Nice [EUR/unit]
answer = cost_p1_lyon + cost_p1_nice + cost_p2_lyon + cost_p2_nice
"""


def test_a_number_shared_by_two_moves_one_to_the_free_number_written_as_it_is() -> None:
    out, _ = bind(SHARED_COST, SHARED_COST_PROGRAM)
    assert {k: values(out)[k] for k in ("cost_p1_lyon", "cost_p1_nice")} == {"cost_p1_lyon": 2, "cost_p1_nice": 20}


def test_a_price_charged_per_hour_is_the_rates_and_the_shared_fee_leaves_the_total() -> None:
    # what the default adapter wrote (held-out phrasing, seed 75): "$7 is charged per hour" read as
    # 0.07, and the total on the fee's $7
    text = ("Priya's receipt from a bike rental shop shows $70. The receipt number was 6781. Knowing that $7 is "
            "charged per hour in addition to a deposit-free booking fee of $7, work out how many hours it covered.")
    program = ("fixed_fee = 7  # booking fee [USD]\nrate = 0.07  # charge per hour [USD/h]\n"
               "total = 7  # total paid [USD]\nanswer = (total - fixed_fee) / rate\n")
    out, moves = bind(text, program)
    assert values(out) == {"fixed_fee": 7, "rate": 7, "total": 70}
    assert [mv.name for mv in moves] == ["rate", "total"]
    # a fee per hour written as such is the rate's already; without "charged per hour" no rate
    # is read off the 7s
    assert "rate" not in [mv.name for mv in bind(text.replace("$7 is charged per hour", "$7 is paid up front"),
                                                 program)[1]]


def test_a_limit_takes_the_number_written_with_over() -> None:
    # what the default adapter wrote (held-out phrasing, seed 75): the weight limit on the book's 3 kg
    text = ("Picking from book (9 points, weighs 3 kg), tent (5 points, weighs 1.5 kg), stove (11 points, weighs 1 kg) "
            "and water filter (15 points, weighs 4 kg), and never going over 4.5 kg, how much usefulness points can a "
            "hiker collect at best?")
    program = ("cost_book = 3  # weight of book [kg]\ncost_tent = 1.5  # weight of tent [kg]\n"
               "cost_stove = 1  # weight of stove [kg]\ncost_water_filter = 4  # weight of water filter [kg]\n"
               "capacity = 3  # weight limit [kg]\nanswer = capacity\n")
    out, moves = bind(text, program)
    assert values(out)["capacity"] == 4.5 and values(out)["cost_book"] == 3
    assert [mv.name for mv in moves] == ["capacity"]
    # no word that sets a limit: which of the two is meant is not clear
    assert bind(text.replace("never going over 4.5 kg", "a 4.5 kg sack"), program)[1] == []


def test_places_to_fill_take_the_number_of_roles_listed() -> None:
    # what the default adapter wrote (held-out phrasing, seeds 75 and 76): the positions on the
    # members' number
    text = ("Filling a president, a secretary and a treasurer one after another, choosing among 11 club members and "
            "never reusing one — how many outcomes are there?")
    program = "n = 11  # number of members [1]\nk = 11  # ordered positions to fill [1]\nanswer = n - k\n"
    out, moves = bind(text, program)
    assert values(out) == {"n": 11, "k": 3}
    assert [str(mv) for mv in moves] == [
        ("k = 11 -> 3 (the problem lists 3 to fill (a president, a secretary and a treasurer); 11 counts club "
        "members, n's)")]
    # no list of roles, or the number counting the places: nothing moves
    assert bind(text.replace("a president, a secretary and a treasurer", "the board"), program)[1] == []
    assert bind(text.replace("11 club members", "11 positions"), program)[1] == []
    assert bind(text, program.replace("k = 11", "k = 3"))[1] == []


ROUTES = ("Every order must be filled: Lyon wants 100 crates, Nice wants 40 crates and Dijon wants 50 crates. Stock "
          "sits at Plant 1 (139) and Plant 2 (71). Moving one crate along each route costs: Plant 1 to Lyon $2, Plant 1 "
          "to Nice $11, Plant 1 to Dijon $20, Plant 2 to Lyon $11, Plant 2 to Nice $4, Plant 2 to Dijon $19. Determine "
          "the lowest total transport cost.")
#: what the default adapter wrote for it (held-out phrasing, seed 74): the demands on the first
#: costs and two costs on others
ROUTES_PROGRAM = """\
supply_p1 = 139  # crates available at Plant 1 [units]
supply_p2 = 71  # crates available at Plant 2 [units]
demand_lyon = 2  # crates required by Lyon [units]
demand_nice = 11  # crates required by Nice [units]
demand_dijon = 20  # crates required by Dijon [units]
cost_p1_lyon = 2  # cost per crate from Plant 1 to Lyon [GBP/unit]
cost_p1_nice = 11  # cost per crate from Plant 1 to Nice [GBP/unit]
cost_p1_dijon = 4  # cost per crate from Plant 1 to Dijon [GBP/unit]
cost_p2_lyon = 11  # cost per crate from Plant 2 to Lyon [GBP/unit]
cost_p2_nice = 4  # cost per crate from Plant 2 to Nice [GBP/unit]
cost_p2_dijon = 4  # cost per crate from Plant 2 to Dijon [GBP/unit]
answer = cost_p1_lyon
"""


def test_routes_take_the_numbers_written_after_them() -> None:
    out, moves = bind(ROUTES, ROUTES_PROGRAM)
    got = values(out)
    assert [got[f"cost_{a}_{b}"] for a in ("p1", "p2") for b in ("lyon", "nice", "dijon")] == [2, 11, 20, 11, 4, 19]
    # ("Plant 2" numbers a place: it is no number of Lyon's clause, so the demands move too)
    assert (got["demand_lyon"], got["demand_nice"], got["demand_dijon"]) == (100, 40, 50)
    assert "cost_p1_dijon = 4 -> 20 (the problem writes 20 for the route Plant 1 to Dijon)" in [str(mv) for mv in moves]
    # a route not written (or written twice): the grid is not read, the costs stay
    for text in (ROUTES.replace("Plant 2 to Dijon $19", "and $19 for the last"),
                 ROUTES.replace("Plant 2 to Nice $4", "Plant 2 to Lyon $4"),
                 ROUTES.replace("Plant 2 to Dijon $19.", "Plant 2 to Dijon $19, Plant 1 to Dijon $3.")):
        assert values(bind(text, ROUTES_PROGRAM)[0])["cost_p1_dijon"] == 4


def test_routes_with_the_examples_names_stand_in_the_texts_order() -> None:
    # what the default adapter wrote (held-out phrasing, seed 64): the shown example's places
    # (Plant 1, Lyon, ...) for the quarry, the depot and the building sites
    text = ("Every order must be filled: building site 1 wants 50 truckloads of gravel, building site 2 wants 90 "
            "truckloads of gravel and building site 3 wants 90 truckloads of gravel. Stock sits at the quarry (175) and "
            "the depot (65). Moving one truckload of gravel along each route costs: the quarry to building site 1 6 "
            "euros, the quarry to building site 2 7 euros, the quarry to building site 3 16 euros, the depot to "
            "building site 1 15 euros, the depot to building site 2 8 euros, the depot to building site 3 7 euros. "
            "Determine the lowest total transport cost.")
    program = ROUTES_PROGRAM.replace("[GBP/unit]", "[EUR/unit]")
    program = re.sub(r"(supply_p1 = )\d+", r"\g<1>65", re.sub(r"(supply_p2 = )\d+", r"\g<1>90", program))
    out, moves = bind(text, program)
    got = values(out)
    assert [got[f"cost_{a}_{b}"] for a in ("p1", "p2") for b in ("lyon", "nice", "dijon")] == [6, 7, 16, 15, 8, 7]
    assert (got["supply_p1"], got["supply_p2"]) == (175, 65)
    assert "supply_p1 = 65 -> 175 (the problem writes 175 with quarry)" in [str(mv) for mv in moves]
    # the sites' numbers name places: no route's cost, no demand
    assert 1 not in [got[f"cost_{a}_{b}"] for a in ("p1", "p2") for b in ("lyon", "nice", "dijon")]
    # some of the program's places the text's, some not: which is which is not clear
    mixed = text.replace("the quarry", "Plant 1")
    assert values(bind(mixed, program)[0])["cost_p2_lyon"] == 11


@pytest.mark.parametrize("text, number, place", [
    ("Stock sits at Plant 1 (83) and Plant 2 (82).", "1", True),
    ("building site 1 wants 30 and building site 2 wants 85; building site 3 wants 50", "3", True),
    ("Lyon 15 EUR, Lyon 10 EUR", "15", False),  # costs, not numbers 1, 2, ...
    ("on day 1 and again on day 2", "2", False),  # times
    ("Plant 1 has 40 crates", "1", False),  # one place alone
])
def test_a_place_is_numbered_1_2_in_its_name(text: str, number: str, place: bool) -> None:
    m = next(m for m in find_numbers(text) if m.written == number)
    assert _place_number(text, m) is place


@pytest.mark.parametrize("text, before, after", [
    (("From steel rods measuring 7 m apiece, 17 pieces have to be cut: 10 measuring 4.5 m and the other 7 measuring 4 m. "
     "Determine the least number of steel rods to use."), (17, 10), (10, 7)),
    (("From steel rods measuring 9 m apiece, 33 pieces have to be cut: 15 measuring 3.25 m and the other 18 measuring "
     "2 m. Determine the least number of steel rods to use."), (15, 33), (15, 18)),
])
def test_a_total_and_its_parts_give_the_parts_in_order(text: str, before: tuple, after: tuple) -> None:
    lengths = [m for m in re.findall(r"measuring ([\d.]+) m\b", text)]
    program = (f"stock_length = {lengths[0]}  # [m]\nlen_a = {lengths[1]}  # [m]\nlen_b = {lengths[2]}  # [m]\n"
               f"need_a = {before[0]}  # pieces of the first type required [pieces]\n"
               f"need_b = {before[1]}  # pieces of the second type required [pieces]\nanswer = need_a + need_b\n")
    out, _ = bind(text, program)
    assert (values(out)["need_a"], values(out)["need_b"]) == after
    # parts that do not add up to the total: no total and parts
    odd = text.replace("and the other", "and another")
    assert (values(bind(odd, program)[0])["need_a"], values(bind(odd, program)[0])["need_b"]) == before


def test_a_time_holding_a_temperature_takes_the_free_time() -> None:
    text = ("Two pumps are set to empty a flooded basement side by side. It was a sunny day with a temperature of 12 °C. "
            "Had they worked separately, the job would have taken 5 and 2 hours respectively. Determine how long the "
            "joint effort lasts.")
    program = "time_a = 12  # time for the first pump alone [h]\ntime_b = 5  # [h]\nanswer = time_a * time_b\n"
    out, moves = bind(text, program)
    assert values(out) == {"time_a": 2, "time_b": 5}
    assert "time_a = 12 -> 2 (the problem gives 2 hours; 12 is in °C)" in [str(mv) for mv in moves]


SEIR_ONLY = ("What is the peak number of infectious people and the day on which it occurs (simulate 180 days) when an "
             "outbreak on a cruise ship of 4,800 people begins with 3 infectious cases only? Assume SEIR dynamics: "
             "transmission at 0.29 contacts per day (β), a latent period averaging 5 days and recovery after 8 days.")
SEIR_ONLY_PROGRAM = """\
N = 4800  # population [people]
E0 = 3  # initially exposed [people]
I0 = 5  # initially infectious [people]
beta = 0.29  # contact rate [1/day]
incubation_days = 5  # average incubation period [day]
infectious_days = 8  # average infectious period [day]
days = 180  # simulated period [day]
answer = N + E0 + I0 + beta + incubation_days + infectious_days + days
"""


def test_only_names_the_initial_value_that_holds_no_number_of_its_own() -> None:
    out, moves = bind(SEIR_ONLY, SEIR_ONLY_PROGRAM)
    assert {k: values(out)[k] for k in ("N", "E0", "I0")} == {"N": 4800, "E0": 0, "I0": 3}
    # the population's number is never the infectious cases' (it was: "I0 = 5 -> 4800")
    assert all(mv.new != 4800 for mv in moves)


def test_a_count_holding_the_measures_number_and_a_measure_holding_another_count_rotate() -> None:
    text = ("Knowing that chickens have 2 legs apiece and goats 4 legs apiece, and that 18 animals on a farm have 58 legs "
            "altogether, work out the number of goats. The question was part of a homework sheet with 23 exercises.")
    program = ("total_count = 58  # number of animals on a farm [1]\ntotal_value = 23  # total legs [legs]\n"
               "legs_chicken = 2  # [legs]\nlegs_goat = 4  # [legs]\nanswer = total_count + total_value\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("total_count", "total_value")} == {"total_count": 18, "total_value": 58}
    # with no free count of animals, nothing rotates
    out, _ = bind(text.replace("18 animals on a farm", "the animals on a farm"), program)
    assert values(out)["total_count"] == 58


def test_a_coefficient_written_before_its_term_is_in_the_unit_after_the_term() -> None:
    text = ("What is the speed (m/s) after 5.4 s for a hailstone of 0.041 kg released from rest, with air drag "
            "5e-05·v² (kg/m) and g = 9.81 m/s²?")
    program = ("m = 0.041  # mass [kg]\nc = 0.005  # quadratic drag coefficient [kg/m]\ng = 9.81  # [m/s^2]\n"
               "t_end = 5.4  # [s]\nanswer = m * c * g * t_end\n")
    assert values(bind(text, program)[0])["c"] == 5e-05


def test_a_counted_list_loses_the_outlay_a_parameter_holds_after_it() -> None:
    text = ("What is the net present value, at 6.5% a year, of paying 105,000 CHF now for a new machine that returns "
            "23,700 CHF, 38,300 CHF, 29,100 CHF at the end of each of the following 3 years?")
    program = ("initial_cost = 105000  # investment paid today [CHF]\nrate = 0.065  # [1/year]\n"
               "cash_flows = [23700, 38300, 29100, 105000]  # [CHF/year]\nanswer = -initial_cost + sum(cash_flows)\n")
    out, _ = bind(text, program)
    assert "cash_flows = [23700, 38300, 29100]" in out
    # no parameter holds it: the model's fourth flow stays (the text's count is 3, but 105,000 may be meant)
    assert "105000]" in bind(text, program.replace("initial_cost = 105000", "initial_cost = 5000"))[0]


def test_the_one_time_takes_the_unit_the_question_asks_in() -> None:
    text = ("How many hours after it is left to cool after the heater is switched off at dusk does the air in a "
            "greenhouse reach 13 °C, if it was 22 °C at that moment and 16 °C 1 hours later, and the surroundings stay "
            "at 9 °C?")
    program = ("T_env = 9  # [°C]\nT0 = 22  # [°C]\nt1 = 16  # time of the second reading [min]\nT1 = 16  # [°C]\n"
               "T_target = 13  # [°C]\nanswer = T_env + T0 + t1 + T1 + T_target\n")
    out, _ = bind(text, program)
    assert "t1 = 1  # time of the second reading [h]" in out
    # asked in minutes: 1 hour is 60 minutes, as before
    out, _ = bind(text.replace("How many hours", "How many minutes"), program)
    assert "t1 = 60  # time of the second reading [min]" in out


def test_a_count_a_month_for_a_yearly_frequency_is_a_count_a_year_and_its_span_in_years() -> None:
    text = ("After 9 years, what is £20,000 worth in a savings product that pays 2% annually, with interest added every "
            "six months?")
    program = ("principal = 20000  # initial deposit [GBP]\nrate = 0.02  # nominal annual interest rate [1/year]\n"
               "periods_per_month = 6  # compounding periods per month [1/month]\nyears = 9  # investment period [month]\n"
               "answer = principal * (1 + rate / periods_per_month) ** (periods_per_month * years)\n")
    out, _ = bind(text, program)
    assert "periods_per_month = 2  # compounding periods per month [1/year]" in out
    assert "years = 9  # investment period [year]" in out
    assert run_program(out).answer.value == pytest.approx(23922.9495, rel=1e-6)
    # compounded monthly: 12 a year is no count a month to put right
    monthly = text.replace("with interest added every six months", "compounded monthly")
    assert all(mv.unit != "1/year" for mv in bind(monthly, program)[1])


def test_a_rate_holding_a_time_constant_takes_its_reciprocal() -> None:
    text = ("How long, in hours, until the air in a greenhouse that starts at 23 °C reaches 14 °C when the air is 12 °C? "
            "Use Newton's law of cooling with a time constant of 3.9 hours.")
    program = ("T_air = 23  # surrounding air temperature [°C]\nT0 = 12  # initial temperature [°C]\n"
               "k = 3.9  # cooling constant [1/h]\nT_target = 14  # target temperature [°C]\nanswer = T_air + T0 + k\n")
    out, _ = bind(text, program)
    assert values(out)["k"] == pytest.approx(1 / 3.9)
    # "starts at 23 °C" is the start's: the two temperatures trade
    assert {k: values(out)[k] for k in ("T_air", "T0")} == {"T_air": 12, "T0": 23}
    # a rate given as a rate stays
    assert values(bind(text.replace("a time constant of 3.9 hours", "k = 3.9 per hour"), program)[0])["k"] == 3.9


def test_two_rates_sharing_a_percentage_move_one_to_the_free_percentage() -> None:
    text = "What is the real annual interest rate, as a percentage, on an investment yielding 10.1% when inflation is 8%?"
    program = ("nominal = 0.08  # nominal annual interest rate [1/year]\ninflation = 0.08  # annual inflation rate [1/year]\n"
               "answer = nominal - inflation\n")
    out, _ = bind(text, program)
    assert values(out) == {"nominal": 0.101, "inflation": 0.08}


def test_a_value_converted_by_60_though_written_in_its_own_unit_takes_it_as_written() -> None:
    text = ("What is the damped period, in seconds, of a washing-machine drum mount carrying 54 kg on a 21,500 N/m spring "
            "with 740 N·s/m of damping?")
    program = ("m = 54  # mass [kg]\nk = 740  # spring stiffness [N/m]\nc = 44400  # damping coefficient [N*s/m]\n"
               "answer = m * k * c\n")
    assert values(bind(text, program)[0]) == {"m": 54, "k": 21500, "c": 740}


def test_respective_roles_read_from_the_parameters_that_hold_one_of_their_items_numbers() -> None:
    text = ("From a pool of 9 meat toppings and 11 vegetable toppings, 4 and 1 respectively are chosen for a pizza. "
            "Determine how many distinct outcomes exist.")
    program = ("n_meat = 9  # meat toppings available [1]\nk_meat = 11  # meat toppings to choose [1]\n"
               "n_vegetable = 4  # vegetable toppings available [1]\nk_vegetable = 1  # vegetable toppings to choose [1]\n"
               "answer = n_meat * k_meat * n_vegetable * k_vegetable\n")
    assert values(bind(text, program)[0]) == {"n_meat": 9, "k_meat": 4, "n_vegetable": 11, "k_vegetable": 1}
    # those that hold their item's numbers disagree on the roles: nothing moves
    crossed = program.replace("k_vegetable = 1", "k_vegetable = 11").replace("k_meat = 11", "k_meat = 9")
    assert all(mv.name not in ("n_vegetable", "k_meat") for mv in bind(text, crossed)[1])


def test_a_count_shared_with_the_start_moves_to_the_one_bare_free_number() -> None:
    text = ("How large will the user base of a new app be after 6 months, if it is 210 thousand users today and grows "
            "logistically toward a ceiling of 2,100 at an intrinsic rate of 0.508 per month?")
    program = ("N0 = 210  # initial size [thousand users]\nK = 210  # carrying capacity [thousand users]\n"
               "r = 0.508  # [1/month]\nt_query = 6  # [month]\nanswer = N0 + K + r + t_query\n")
    out, moves = bind(text, program)
    assert values(out)["K"] == 2100 and values(out)["N0"] == 210
    assert "K = 210 -> 2100 (the problem gives 2,100 and the words around 210 are N0's; 210 is taken)" in [
        str(mv) for mv in moves]


def test_made_up_fractions_take_the_rate_out_of_a_whole_and_the_percentage_beside_their_words() -> None:
    text = ("If 1 in 200 of people have a bacterial infection, and a test with 80% sensitivity and 86% specificity gives "
            "a positive result, what is the chance the disease is present?")
    program = ("prevalence = 0.2  # prevalence [1]\nsensitivity = 0.8  # P(positive | disease) [1]\n"
               "specificity = 0.621  # P(negative | no disease) [1]\nanswer = prevalence * sensitivity * specificity\n")
    assert values(bind(text, program)[0]) == {"prevalence": 0.005, "sensitivity": 0.8, "specificity": 0.86}


def test_a_span_holding_a_time_of_day_takes_the_free_span() -> None:
    text = ("A patient receives a single 500 mg intravenous bolus at 9:00. Blood samples are taken 2 hours after the "
            "injection, when the plasma concentration is 18 mg/L, and 8 hours after the injection, when it is 6.5 mg/L.")
    program = ("t1 = 9  # time of the first sample after the dose [h]\nC1 = 18  # [mg/L]\nt2 = 8  # [h]\n"
               "C2 = 6.5  # [mg/L]\ndose = 500  # [mg]\nanswer = t1 + C1 + t2 + C2 + dose\n")
    out, moves = bind(text, program)
    assert values(out)["t1"] == 2
    assert "t1 = 9 -> 2 (the problem gives 2 hours; 9 is a time of day)" in [str(mv) for mv in moves]


def test_a_total_holding_a_price_apiece_and_the_price_a_total_trade() -> None:
    text = ("Knowing that adult tickets cost 9 dollars apiece and child tickets 7 dollars apiece, and that 132 tickets "
            "cost 1,018 dollars altogether, work out the number of adult tickets.")
    program = ("total_count = 132  # number of tickets [1]\ntotal_value = 9  # total ticket revenue [USD]\n"
               "price_adult = 1018  # ticket revenue per adult ticket [USD]\nprice_child = 7  # per child ticket [USD]\n"
               "answer = total_count + total_value + price_adult + price_child\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("total_value", "price_adult")} == {"total_value": 1018, "price_adult": 9}
    assert "price_adult = 1018 -> 9 (the problem gives 9 dollars; 1,018 is a total)" in [str(mv) for mv in moves]


def test_two_rates_trade_by_words_cut_at_the_comma_before_the_next_number() -> None:
    text = ("What is the peak plasma concentration (mg/L) after a single oral dose of 100 mg of atenolol, given "
            "first-order absorption at 0.8 per hour, an elimination rate constant of 0.1 per hour and a distribution "
            "volume of 68 L?")
    program = ("dose = 100  # [mg]\nka = 0.1  # absorption rate constant [1/h]\nke = 0.8  # elimination rate constant "
               "[1/h]\nV = 68  # [L]\nanswer = dose * ka * ke * V\n")
    assert {k: values(bind(text, program)[0])[k] for k in ("ka", "ke")} == {"ka": 0.8, "ke": 0.1}


def test_a_count_that_is_only_a_conversion_of_a_rate_takes_the_free_count_of_its_noun() -> None:
    text = ("What is the number of aphids after 18 years, if 320 aphids and 41 ladybirds interact according to dx/dt = "
            "0.87x - 0.0228xy, dy/dt = 0.0032xy - 0.67y (t in years)?")
    program = ("alpha = 0.87  # [1/year]\nbeta = 0.0228  # [1/(predator*year)]\ngamma = 0.67  # [1/year]\n"
               "delta = 0.0032  # [1/(prey*year)]\nx0 = 82.08  # initial aphids [animals]\n"
               "y0 = 41.00  # initial ladybirds [animals]\nT = 18  # [year]\nanswer = x0 + y0\n")
    assert values(bind(text, program)[0])["x0"] == 320


def test_a_temperature_the_text_does_not_write_is_made_up() -> None:
    text = ("What will a soil sample read 72 minutes after it is brought from the field into the lab, if it was 0 °C at "
            "that moment, 11.5 °C after 17 minutes, and the surroundings are steady at 23 °C?")
    program = ("T_env = 23  # [°C]\nT0 = 32  # temperature at the start [°C]\nt1 = 17  # [min]\nT1 = 11.5  # [°C]\n"
               "t2 = 72  # [min]\nanswer = T_env + T0 + t1 + T1 + t2\n")
    assert values(bind(text, program)[0])["T0"] == 0


def test_a_reading_apart_from_its_companion_trades_with_the_level_that_holds_the_one_written_with_it() -> None:
    text = ("In which year (decimal) will the number of monthly active users of a ride-sharing app reach 8.9 million "
            "users, if it was 1.9 million users in 2017 and had grown exponentially to 3.5 million users by 2019?")
    program = ("year1 = 2017  # year of the first value [year]\nN1 = 8.9  # users in 2017 [million users]\n"
               "year2 = 2019  # [year]\nN2 = 3.5  # users in 2019 [million users]\n"
               "level = 1.9  # level of interest [million users]\nanswer = N1 + N2 + level\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("N1", "N2", "level")} == {"N1": 1.9, "N2": 3.5, "level": 8.9}
    # written as one reading already: nothing moves
    right = program.replace("N1 = 8.9", "N1 = 1.9").replace("level = 1.9", "level = 8.9")
    assert bind(text, right)[1] == []


@pytest.mark.parametrize("start, target", [(2.5, 2.5), (4, 2)])
def test_a_starting_amount_that_does_not_matter_is_1_and_the_target_its_multiple(start: float, target: float) -> None:
    text = ("With 2.5% annual interest compounded once a year, how many full years are needed until it has at least "
            "doubled? The starting amount does not matter.")
    program = (f"principal = {start}  # initial investment [GBP]\ntarget = {target}  # target balance [GBP]\n"
               "rate = 0.025  # [1/year]\nanswer = principal + target + rate\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("principal", "target")} == {"principal": 1, "target": 2}
    # an amount given: nothing of this
    given = text.replace("The starting amount does not matter.", "Mia deposits £500.")
    assert values(bind(given, program)[0])["principal"] != 1


def test_a_year_holding_a_year_of_the_data_takes_the_year_no_line_reads() -> None:
    text = ("What ice break-up date of the lake does a linear least-squares trend predict for Zurich in 2014, based on "
            "these records: 1970: 113, 1975: 110, 1980: 109, 1985: 99, 1990: 99 (day of year)?")
    program = ("import numpy as np\n\nyears = np.array([1970, 1975, 1980, 1985, 1990])  # [year]\n"
               "values = np.array([113, 110, 109, 99, 99])\ntarget_year = 1970  # year to extrapolate to [year]\n"
               "answer = float(np.polyval(np.polyfit(years, values, 1), target_year))\n")
    out, _ = bind(text, program)
    assert values(out)["target_year"] == 2014
    # the year asked taken already: nothing moves
    assert bind(text, program.replace("target_year = 1970", "target_year = 2014"))[1] == []


def test_a_percentage_holding_a_temperature_takes_the_free_percentage() -> None:
    text = ("Mixing a 13% disinfectant into 1,100 mL of 37% disinfectant brings the alcohol content to exactly 21%. The "
            "lab is kept at 24 °C. What quantity, in millilitres, was added?")
    program = ("amount_1 = 1100  # amount of the first disinfectant [mL]\nconc_1 = 37  # [%]\n"
               "conc_2 = 21  # alcohol in the added disinfectant [%]\nconc_target = 24  # alcohol in the mixture [%]\n"
               "answer = amount_1 + conc_1 + conc_2 + conc_target\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("conc_1", "conc_2", "conc_target")} == {"conc_1": 37, "conc_2": 13,
                                                                                 "conc_target": 21}
    assert "conc_target = 24 -> 13 (the problem gives 13%; 24 is in °C)" in [str(mv) for mv in moves]


def test_a_span_in_years_for_days_the_program_counts_by_its_own_year() -> None:
    text = "What annual simple interest rate, in percent, makes a loan of £2,350 cost £103.40 of interest in 2 years?"
    program = ("principal = 2350  # [GBP]\ndays = 2  # term [day]\ninterest = 103.4  # [GBP]\n\n"
               "years = days / 365  # term in years [year]\nanswer = interest / (principal * years) * 100\n")
    out, moves = bind(text, program)
    assert values(out)["days"] == 730 and run_program(out).answer.value == pytest.approx(2.2)
    assert [str(mv) for mv in moves] == [("days = 2 -> 730 (the problem gives 2 years; the program counts 365 days a "
                                         "year: 730)")]
    # the program does not count its year: nothing moves (days and years do not convert)
    assert bind(text, program.replace("years = days / 365", "years = days"))[1] == []


def test_a_count_written_in_the_shared_numbers_unit_takes_the_free_count_of_its_noun() -> None:
    text = ("Knowing that adult tickets cost 19 CHF apiece and child tickets 3 CHF apiece, and that 485 tickets cost "
            "4,223 CHF altogether, work out the number of adult tickets.")
    program = ("total_count = 4223  # number of tickets [CHF]\ntotal_value = 4223  # total ticket revenue [CHF]\n"
               "price_adult = 19  # [CHF]\nprice_child = 3  # [CHF]\nanswer = total_count + total_value\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("total_count", "total_value")} == {"total_count": 485, "total_value": 4223}


def test_a_part_named_after_a_person_takes_the_number_written_with_the_name() -> None:
    text = ("When the profit of their shop of 17,575 dollars is shared out, Zoe gets 8 parts for every 5 that Farid gets "
            "and 6 that Kofi gets. What is Zoe's portion?")
    program = ("total = 17575  # amount shared [USD]\nratio_ben = 8  # Ben's part of the ratio [1]\n"
               "ratio_lena = 6  # Lena's part of the ratio [1]\nratio_zoe = 3  # Zoe's part of the ratio [1]\n"
               "parts = ratio_ben + ratio_lena + ratio_zoe\nanswer = total * ratio_zoe / parts\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("ratio_ben", "ratio_lena", "ratio_zoe")} == {"ratio_ben": 5, "ratio_lena": 6,
                                                                                     "ratio_zoe": 8}
    assert run_program(out).answer.value == pytest.approx(7400)
    # the names the program has are none of the text's: nothing moves by name
    other = text.replace("Zoe", "Uma")
    assert all(mv.name not in ("ratio_zoe", "ratio_ben") for mv in bind(other, program)[1])


@pytest.mark.parametrize("text, program, name, value", [
    # what the default adapter wrote (held-out phrasings, seed 77): a capacitance converted though
    # its name and comment are in µF (the program scales it to farads itself)
    (("What voltage (V) does a 47 µF capacitor charging from 0 V through 100 kΩ on a 3.3 V supply show 3.8 s after "
     "switch-on?"),
     ("V_s = 3.3  # supply voltage [V]\nR_kohm = 100  # resistance [kOhm]\nC_uF = 47000  # capacitance [uF]\n"
     "t = 3.8  # [s]\nC = C_uF * 1e-6  # [F]\nanswer = V_s * t / (R_kohm * 1e3 * C)\n"), "C_uF", 47),
    # a fraction holding an inch in metres, beside the text's free 25%
    (("How long (in years) until a 10 g sample of cobalt-60, half-life 5.27 years, has decayed to 25% of its initial "
     "amount?"),
     ("m0 = 10  # initial amount [g]\nhalf_life = 5.27  # half-life [year]\nfraction_left = 0.0254  # remaining "
     "fraction [1]\nanswer = m0 * fraction_left * half_life\n"), "fraction_left", 0.25),
    # a made-up half-life: the free number written with its own words, not the weeks of an aside
    (("What is the time (in hours) at which the plasma concentration peaks after a single oral dose of 250 mg, given "
     "first-order absorption at 2.5 per hour, an elimination half-life of 1.2 hours and a distribution volume of "
     "17 L? Zoe's appointment had been booked 9 weeks earlier."),
     ("ka = 2.5  # absorption rate constant [1/h]\nhalf_life = 12  # elimination half-life [h]\n"
     "answer = ka / half_life\n"), "half_life", 1.2),
])
def test_made_up_values_the_verifier_counts_as_conventions(text: str, program: str, name: str, value: float) -> None:
    out, moves = bind(text, program)
    assert values(out)[name] == value
    assert [mv.name for mv in moves] == [name]


def test_the_question_may_hold_the_target_without_its_scale_word() -> None:
    # what the default adapter wrote (held-out phrasing, seed 77): ``N_target = 15.4`` for "15.4
    # million" was moved onto the start's 3.85 million, the question's one number "in people"
    text = "How many years until a city of 3.85 million people, growing at 3.1% per year, reaches 15.4 million?"
    program = ("N0 = 3.85  # initial population [people]\nr = 0.031  # growth rate per period [1/year]\n"
               "N_target = 15.4  # population of interest [people]\nanswer = N_target / N0\n")
    out, moves = bind(text, program)
    assert values(out)["N_target"] / values(out)["N0"] == pytest.approx(4)
    assert "3.85" not in " ".join(mv.reason for mv in moves if mv.name == "N_target")


def test_a_list_of_readings_that_left_out_the_first_becomes_the_texts() -> None:
    # what the default adapter wrote (held-out phrasing, seed 77): the readings from the second
    # on, the last repeated
    text = ("What number of days above 30 °C does a linear least-squares trend predict for Denver in 2012, based on "
            "these records: 1996: 21, 1997: 17, 1998: 19, 1999: 21, 2000: 23, 2001: 23, 2002: 24, 2003: 26 (days)?")
    program = ("years = np.array([1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003])\n"
               "values = np.array([17, 19, 21, 23, 23, 24, 26, 26])  # days above 30 °C [days]\n"
               "target_year = 2012  # [year]\nanswer = float(values[0])\n")
    out, moves = bind(text, program)
    assert "values = np.array([21, 17, 19, 21, 23, 23, 24, 26])" in out
    assert "left out the first" in moves[0].reason
    # a list that is the readings in another order is the model's: not moved
    other = program.replace("[17, 19, 21, 23, 23, 24, 26, 26]", "[17, 21, 19, 23, 23, 24, 26, 26]")
    assert "values" not in [mv.name for mv in bind(text, other)[1]]


def test_a_number_written_with_a_thousands_comma_is_the_number() -> None:
    # what the default adapter wrote (held-out phrasing, seed 77): ``target = 24,000``, the tuple
    # (24, 0); then the doubling's target is 2 times the starting amount of 1
    text = ("With 9.9% annual interest compounded once a year, how many full years are needed until it has at "
            "least doubled? The starting amount does not matter.")
    program = ("principal = 9.9  # initial investment [GBP]\ntarget = 24,000  # target balance [GBP]\n"
               "rate = 0.099  # annual interest rate [1/year]\nanswer = target / principal\n")
    out, moves = bind(text, program)
    assert values(out) == {"principal": 1, "target": 2, "rate": 0.099}
    assert str(moves[0]) == "target = 24 -> 24000 (the model wrote 24,000, a tuple in Python; the number is 24000)"
    # a tuple of other numbers is no number
    assert bind(text, program.replace("24,000", "24, 0"))[0].count("24, 0") == 1


@pytest.mark.parametrize("months", [36, 120])
def test_a_monthly_count_holding_the_span_in_months_counts_a_year(months: int) -> None:
    # what the default adapter wrote (held-out phrasing, seeds 76 and 77): the months as the
    # count a month and as the span
    text = (f"Over {months} months, how much interest does 2,000 EUR earn in an account paying 5.5% annually, with "
            "the interest added monthly?")
    program = (f"principal = 2000  # initial deposit [EUR]\nrate = 0.055  # nominal annual interest rate [1/year]\n"
               f"periods_per_month = {months}  # compounding periods per month [1/month]\n"
               f"years = {months}  # investment period [month]\n"
               "answer = principal * (1 + rate / periods_per_month) ** (periods_per_month * years) - principal\n")
    out, moves = bind(text, program)
    assert (values(out)["periods_per_month"], values(out)["years"]) == (12, months / 12)
    assert [mv.unit for mv in moves] == ["1/year", "year"]
    # the count a month right already, or holding another number: nothing of this rule moves
    assert bind(text, program.replace(f"periods_per_month = {months}", "periods_per_month = 1"))[1] == []


def test_places_listed_by_their_ordinals_count_them() -> None:
    # what the default adapter wrote (held-out phrasing, seed 78)
    text = ("Filling first, second and third place one after another, choosing among 12 runners in a race and never "
            "reusing one — how many outcomes are there?")
    out, moves = bind(text, "n = 12  # number of runners [1]\nk = 12  # ordered positions to fill [1]\nanswer = n\n")
    assert values(out) == {"n": 12, "k": 3}
    assert moves[0].reason.endswith("12 counts runners, n's")


def test_only_names_the_start_that_holds_a_copy_of_the_population() -> None:
    # what the default adapter wrote (held-out phrasing, seed 78): the exposed start on the ship's
    # 4,800 people, the infectious start on the 4 exposed cases
    text = ("What is the peak number of infectious people and the day on which it occurs (simulate 300 days) when an "
            "outbreak on a cruise ship of 4,800 people begins with 4 exposed cases only? Assume SEIR dynamics: "
            "transmission at 0.27 contacts per day (β), a latent period averaging 4 days and recovery after 9 days on "
            "average.")
    program = ("N = 4800  # population [people]\nE0 = 4800  # initially exposed [people]\n"
               "I0 = 4  # initially infectious [people]\nbeta = 0.27  # contact rate [1/day]\n"
               "incubation_days = 4  # average incubation period [day]\ninfectious_days = 9  # [day]\n"
               "days = 300  # simulated period [day]\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("N", "E0", "I0")} == {"N": 4800, "E0": 4, "I0": 0}
    # a start holding a number of its own (written twice): no copy, it stays
    twice = text.replace("cruise ship of 4,800 people", "cruise ship of 4,800 people (4,800 aboard)")
    assert values(bind(twice, program)[0])["E0"] == 4800


def test_a_tank_of_pure_water_starts_empty_before_its_start_trades_numbers() -> None:
    # what the default adapter wrote (held-out phrasing, seed 78): rule 1 traded the start and the
    # volume (108.1 kg for the start) before rule 3 said the start is pure water
    text = ("What is the time (in minutes) at which the tank contains 108.1 kg of salt, if 2,000 L of pure water in a "
            "stirred tank is flushed with brine of 100 g/L entering at 3 L/min and leaving at the same rate?")
    program = ("volume = 108.1  # liquid in the tank, constant [L]\nS0 = 2000  # initial salt [kg]\n"
               "c_in_g = 100  # salt concentration of the inflow [g/L]\nflow = 3  # inflow = outflow rate [L/min]\n"
               "S_target = 100  # salt amount of interest [kg]\n")
    out, moves = bind(text, program)
    assert values(out) == {"volume": 2000, "S0": 0, "c_in_g": 100, "flow": 3, "S_target": 108.1}
    assert moves[0].name == "S0"
    # no other parameter in kg to take the 108.1: the start's may be it, nothing says it is empty
    alone = program.replace("S_target = 100  # salt amount of interest [kg]\n", "")
    assert values(bind(text, alone)[0])["S0"] != 0


def test_a_count_of_things_the_text_never_names_is_one() -> None:
    # what the default adapter wrote (held-out phrasing, seed 78): the pens of the shown example on
    # the fence's 275 m, for a garden with no pens
    text = ("Fencing off a rectangular garden, Yusuf can lean it on a wall of the house and has 275 m of fence for "
            "the rest. Determine the largest possible area in square metres.")
    program = ("fence = 275  # length of fencing available [m]\npens = 275  # number of equal pens side by side [1]\n"
               "answer = fence / (pens + 1)\n")
    out, _ = bind(text, program)
    assert values(out) == {"fence": 275, "pens": 1}
    # the text names pens (2 of them, in words), or has a free count: not this rule's
    assert values(bind(text.replace("garden,", "garden split into two pens,"), program)[0])["pens"] != 1
    assert values(bind(text.replace("the rest.", "the rest and 3 gates."), program)[0])["pens"] != 1


def test_two_indexed_starts_take_the_pair_the_text_lists_in_order() -> None:
    # what the default adapter wrote (held-out phrasing, seed 79): the inflow's 5 g/L as the first
    # tank's start, the first's 0.4 kg as the second's
    text = ("How much salt, in kg, does the first of two tanks in series hold after 15 minutes, if brine of 5 g/L "
            "enters the first (400 L) at 25 L/min, the mixed liquid flows on into the second (300 L) at the same rate "
            "and leaves from there, and they start with 0.4 and 0 kg of salt?")
    program = ("volume1 = 400  # [L]\nvolume2 = 300  # [L]\nS1_0 = 5  # initial salt in tank 1 [kg]\n"
               "S2_0 = 0.4  # initial salt in tank 2 [kg]\nc_in_g = 5.0  # [g/L]\nflow = 25  # [L/min]\n")
    out, moves = bind(text, program)
    assert (values(out)["S1_0"], values(out)["S2_0"]) == (0.4, 0)
    assert [mv.name for mv in moves] == ["S1_0", "S2_0"]
    # the two in the other order: the model's reading, nothing moves
    swapped = program.replace("S1_0 = 5", "S1_0 = 0").replace("S2_0 = 0.4", "S2_0 = 0.4")
    assert bind(text, swapped)[1] == []


def test_a_count_holding_a_percentages_number_takes_the_free_count() -> None:
    # what the default adapter wrote (held-out phrasing, seed 80): the successes on the 10 of "10%"
    # (1 over 10% is 10, but no step of the text)
    text = ("Exactly 1 success in 3 independent tries — how likely is that when each try succeeds 10% of the time? "
            "Context: a sample of 3 components, where success means that a component is defective.")
    program = ("p_each = 10  # chance of success [%]\nn = 3  # number of tries [1]\n"
               "k = 10  # number of successes wanted [1]\nanswer = n * k * p_each\n")
    out, moves = bind(text, program)
    assert values(out) == {"p_each": 10, "n": 3, "k": 1}
    assert [mv.name for mv in moves] == ["k"]


def test_a_number_with_the_units_scale_word_is_taken_in_full_beside_one_written_in_full() -> None:
    # what the default adapter wrote (held-out phrasing, seed 80): the city in millions, its
    # infectious cases in full, both ``[million people]``
    text = ("What is the largest number of infectious people at the same time during the first 365 days when an "
            "outbreak in a city of 1.2 million people begins with 80 infectious cases only?")
    program = ("N = 1.2  # population [million people]\nE0 = 0  # initially exposed [million people]\n"
               "I0 = 80  # initially infectious [million people]\ndays = 365  # simulated period [day]\n")
    out, _ = bind(text, program)
    assert values(out)["N"] == 1_200_000 and values(out)["I0"] == 80
    assert "N = 1200000.0  # population [people]" in out
    # every number of the unit written with the scale word: the program counts in millions, alike
    same = text.replace("80 infectious cases", "0.00008 million infectious cases")
    assert bind(same, program.replace("I0 = 80", "I0 = 0.00008"))[1] == []


def test_a_shared_number_moves_to_the_one_its_words_stand_with_and_that_ones_holder_to_the_free_one() -> None:
    # what the default adapter wrote (held-out phrasing, seed 78): the surroundings on the asked
    # 4 °C, the second reading on the surroundings' 0 °C; the free 9 °C is the second reading's
    text = ("How many hours after it is left to cool after the heater is switched off at dusk does the air in a "
            "greenhouse reach 4 °C, if it was 20 °C at that moment and 9 °C 3 hours later, and the surroundings stay "
            "at 0 °C? Use Newton's law of cooling.")
    program = ("T_env = 4  # temperature of the surroundings [°C]\nT0 = 20  # temperature at the first reading [°C]\n"
               "t1 = 3  # time of the second reading [h]\nT1 = 0  # second reading [°C]\n"
               "T_target = 4  # temperature asked about [°C]\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("T_env", "T1", "T_target")} == {"T_env": 0, "T1": 9, "T_target": 4}
    assert [mv.name for mv in moves] == ["T_env", "T1"]
    # the surroundings' words nowhere: not this rule's
    plain = text.replace("and the surroundings stay at 0 °C", "with 0 °C outside")
    assert not any("words of T_env" in mv.reason for mv in bind(plain, program)[1])


def test_a_value_whose_name_carries_its_unit_is_converted_though_the_program_scales_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 81): ``height_cm = 1.78`` for "1.78
    # m", then ``height_cm / 100``
    text = "What is the body-mass index (kg/m²) of someone who weighs 94.6 kg at a height of 1.78 m?"
    program = ("height_cm = 1.78  # height [cm]\nweight = 94.6  # body weight [kg]\n\nheight = height_cm / 100  # [m]\n"
               "answer = weight / height ** 2\n")
    out, _ = bind(text, program)
    assert values(out)["height_cm"] == 178
    assert run_program(out).answer.value == pytest.approx(29.857, abs=1e-3)
    # a name that does not carry the unit: the program's own scaling stands
    other = program.replace("height_cm", "h")
    assert bind(text, other)[1] == []


def test_a_head_start_holding_a_count_of_things_is_none_where_they_start_together() -> None:
    # what the default adapter wrote (held-out phrasing, seed 77): the delay on the passengers
    text = ("Two cyclists approach each other on the 36 km route between Carlow and Denby: the one from Carlow at 27 "
            "km/h, the one from Denby at 21 km/h, both starting together. The cyclist from Carlow carries 19 "
            "passengers. Find how far from Carlow they meet (in km).")
    program = ("distance = 36  # [km]\nspeed_a = 27  # [km/h]\nspeed_b = 21  # [km/h]\n"
               "delay = 19  # how much later the one from Denby starts [h]\n")
    out, moves = bind(text, program)
    assert values(out)["delay"] == 0
    assert [mv.name for mv in moves] == ["delay"]
    # a delay the text writes in hours stays
    later = text.replace("both starting together", "the one from Denby starting 19 hours later")
    assert "delay" not in [mv.name for mv in bind(later, program)[1]]


def test_made_up_values_all_one_power_of_ten_off_take_the_free_numbers() -> None:
    # what the default adapter wrote (held-out phrasing, seed 82): the town and its ceiling 100 times
    text = ("How large will a town's population be after 27 years, if it is 16,000 people today and grows logistically "
            "toward a ceiling of 120,000 at an intrinsic rate of 0.109 per year?")
    program = ("N0 = 1600000  # initial size [people]\nK = 12000000  # carrying capacity [people]\n"
               "r = 0.109  # intrinsic growth rate [1/year]\nt_query = 27  # time of interest [year]\n")
    out, moves = bind(text, program)
    assert (values(out)["N0"], values(out)["K"]) == (16000, 120000)
    assert all("each 100 times a free number" in mv.reason for mv in moves)
    # scaled by two different factors: no common slip, nothing of this rule
    odd = program.replace("K = 12000000", "K = 1200000")
    assert all("each 100 times" not in mv.reason for mv in bind(text, odd)[1])


def test_a_list_that_left_out_the_first_flow_and_added_one_becomes_the_texts() -> None:
    # what the default adapter wrote (held-out phrasing, seed 82)
    text = ("What is the net present value, at 8.6% a year, of paying 122,000 dollars now for a solar installation "
            "that returns 25,400 dollars, 19,900 dollars, 24,600 dollars, 35,100 dollars at the end of each of the "
            "following 4 years?")
    program = ("initial_cost = 122000  # investment paid today [USD]\nrate = 0.086  # discount rate [1/year]\n"
               "cash_flows = [19900, 24600, 35100, 45100]  # net inflows [USD]\nanswer = sum(cash_flows)\n")
    out, _ = bind(text, program)
    assert "cash_flows = [25400, 19900, 24600, 35100]" in out
    # the last item a number of the text: not this rule's
    other = program.replace("45100", "122000")
    assert "left out the first" not in " ".join(mv.reason for mv in bind(text, other)[1])


def test_a_weeks_count_for_a_weekly_frequency_is_52_a_year() -> None:
    # what the default adapter wrote (held-out phrasing, seed 85): the years as the count a week
    text = ("After 10 years, what is £1,500 worth in a savings product that pays 1.6% annually, with interest "
            "credited every week?")
    program = ("principal = 1500  # initial deposit [GBP]\nrate = 0.016  # nominal annual interest rate [1/year]\n"
               "periods_per_week = 10  # compounding periods per week [1/week]\nyears = 10  # investment period [year]\n"
               "answer = principal * (1 + rate / periods_per_week) ** (periods_per_week * years)\n")
    out, _ = bind(text, program)
    assert values(out)["periods_per_week"] == 52 and "[1/year]" in out.splitlines()[2]
    assert run_program(out).answer.value == pytest.approx(1760.223, abs=1e-3)


def test_a_half_life_the_text_gives_as_a_rate_constant_is_ln2_over_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 85): the shown example's half-life,
    # 1.0 from "1 per hour", where the text gives the elimination rate constant
    text = ("What are the time of the peak (h) and the peak plasma concentration (mg/L) after a single oral dose of "
            "500 mg of paracetamol, given first-order absorption at 1 per hour, an elimination rate constant of 0.26 "
            "per hour and a distribution volume of 67 L?")
    program = ("dose = 500  # oral dose [mg]\nka = 1.0  # absorption rate constant [1/h]\n"
               "half_life = 1.0  # elimination half-life [h]\nV = 67  # volume of distribution [L]\n")
    out, moves = bind(text, program)
    assert values(out)["half_life"] == pytest.approx(math.log(2) / 0.26)
    assert [mv.name for mv in moves] == ["half_life"]
    # a half-life the text gives stays
    given = text.replace("an elimination rate constant of 0.26 per hour", "an elimination half-life of 1 hours")
    assert "half_life" not in [mv.name for mv in bind(given, program)[1]]


def test_the_examples_names_take_the_texts_other_names_in_order() -> None:
    # what the default adapter wrote (held-out phrasing, seed 85): the shown example's Quinn and
    # Sven beside the text's Grace, both on Grace's 5
    text = ("When 688 stickers are shared out, Grace gets 5 parts for every 6 that Yusuf gets and 5 that Ximena gets. "
            "Yusuf is the oldest of them. What is Grace's portion?")
    program = ("total = 688  # amount shared [sweets]\nratio_quinn = 5  # Quinn's part of the ratio [1]\n"
               "ratio_sven = 5  # Sven's part of the ratio [1]\nratio_grace = 5  # Grace's part of the ratio [1]\n"
               "answer = total * ratio_grace / (ratio_quinn + ratio_sven + ratio_grace)\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("ratio_quinn", "ratio_sven", "ratio_grace")} == {
        "ratio_quinn": 6, "ratio_sven": 5, "ratio_grace": 5}
    assert run_program(out).answer.value == pytest.approx(215)
    # the example's names holding the text's numbers, no clash: the model's reading stands
    assert bind(text, program.replace("ratio_quinn = 5", "ratio_quinn = 6"))[1] == []


@pytest.mark.parametrize("values_line, weights_line", [
    # what the default adapter wrote (held-out phrasings, seeds 86 and 81)
    ("[price_assam, price_darjeeling, price_jasmine, price_jasmine, mass_assam, mass_darjeeling, mass_jasmine]",
     "[mass_assam, mass_darjeeling, mass_jasmine, mass_jasmine, mass_jasmine, mass_assam, mass_jasmine]"),
    ("[price_assam, price_darjeeling, price_jasmine, mass_assam, mass_darjeeling, mass_jasmine]",
     "[mass_assam, mass_jasmine, mass_darjeeling, mass_jasmine, mass_jasmine, mass_jasmine]"),
])
def test_two_lists_that_mix_two_families_become_one_family_each(values_line: str, weights_line: str) -> None:
    text = ("How much per kilogram is a tea blend worth if it contains 14 kg of Assam tea priced at 29.50 dollars/kg, "
            "13 kg of Darjeeling tea priced at 34 dollars/kg and 9 kg of jasmine tea priced at 60 dollars/kg?")
    program = ("import numpy as np\n\nprice_assam = 29.5  # [USD/kg]\nprice_darjeeling = 34  # [USD/kg]\n"
               "price_jasmine = 60  # [USD/kg]\nmass_assam = 14  # [kg]\nmass_darjeeling = 13  # [kg]\n"
               f"mass_jasmine = 9  # [kg]\n\nvalues = np.array({values_line})\nweights = np.array({weights_line})\n"
               "answer = float(np.average(values, weights=weights))\n")
    out, moves = bind(text, program)
    assert "values = np.array([price_assam, price_darjeeling, price_jasmine])" in out
    assert "weights = np.array([mass_assam, mass_darjeeling, mass_jasmine])" in out
    assert run_program(out).answer.value == pytest.approx(38.75)
    assert moves[0].name == "price_*"


def test_two_lists_of_one_family_each_are_left_alone() -> None:
    text = "Find the weighted mean of 3, 4 and 5 with weights 1, 2 and 3."
    program = ("a_x = 3  # [1]\na_y = 4  # [1]\na_z = 5  # [1]\nw_x = 1  # [1]\nw_y = 2  # [1]\nw_z = 3  # [1]\n"
               "values = [a_z, a_y, a_x]\nweights = [w_x, w_y, w_z]\nanswer = sum(values)\n")
    assert all(not mv.name.endswith("*") for mv in bind(text, program)[1])


def test_a_total_holding_a_count_apiece_trades_with_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 87): the total bottles on "22 bottles
    # apiece", the small crate's bottles on "979 bottles altogether"
    text = ("Knowing that small crates hold 7 bottles apiece and large crates 22 bottles apiece, and that 52 crates "
            "hold 979 bottles altogether, work out the number of small crates.")
    program = ("total_count = 52  # number of crates [1]\ntotal_value = 22  # total bottles [bottles]\n"
               "bottles_small = 979  # bottles per small crate [bottles]\n"
               "bottles_large = 7  # bottles per large crate [bottles]\n")
    out, moves = bind(text, program)
    assert {k: values(out)[k] for k in ("total_value", "bottles_small", "bottles_large")} == {
        "total_value": 979, "bottles_small": 7, "bottles_large": 22}
    assert "total_value = 22 -> 979 (the problem gives 979 bottles; 22 is apiece)" in [str(mv) for mv in moves]


def test_a_half_life_holding_the_rate_constant_is_ln2_over_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 87): ``half_life = 0.08`` for "an
    # elimination rate constant of 0.08 per hour"
    text = ("What is the plasma concentration (mg/L) 4 hours after a single oral dose of 200 mg of theophylline, given "
            "first-order absorption at 0.5 per hour and an oral bioavailability of 75%, an elimination rate constant "
            "of 0.08 per hour and a distribution volume of 37 L?")
    program = ("dose = 200  # oral dose [mg]\nF = 0.75  # oral bioavailability [1]\n"
               "ka = 0.5  # absorption rate constant [1/h]\nhalf_life = 0.08  # elimination half-life [h]\n"
               "V = 37  # volume of distribution [L]\nt_query = 4  # time since the dose [h]\n")
    out, _ = bind(text, program)
    assert values(out)["half_life"] == pytest.approx(math.log(2) / 0.08)
    # a rate constant another parameter holds too is not the half-life's alone
    shared = program.replace("ka = 0.5  # absorption rate constant", "ka = 0.08  # rate constant")
    assert values(bind(text, shared)[0])["half_life"] != pytest.approx(math.log(2) / 0.08)
    # unless the other's words stand with another number ("first-order absorption at 0.5 per
    # hour"): it moves there, and the half-life has the rate constant alone
    out, _ = bind(text, program.replace("ka = 0.5", "ka = 0.08"))
    assert (values(out)["ka"], values(out)["half_life"]) == (0.5, pytest.approx(math.log(2) / 0.08))


def test_a_count_of_rows_holding_a_count_of_other_things_takes_its_own() -> None:
    # what the default adapter wrote (held-out phrasing, seed 90): the rows' count on an aside's
    # "8 exercises"
    text = ("Beginning with 13 seats and adding 1 seats every row for 27 rows in all (theatre), how many seats are in "
            "the last row? The question was part of a homework sheet with 8 exercises.")
    program = ("first = 13  # seats in the first row [seats]\nstep = 1  # increase per row [seats]\n"
               "count = 8  # number of rows [1]\nanswer = first + (count - 1) * step\n")
    out, moves = bind(text, program)
    assert values(out)["count"] == 27
    assert str(moves[0]) == "count = 8 -> 27 (the problem gives 27 rows; 8 is in exercises)"
    # the step holding the rows too ("increase per row" names no rows it counts): both move
    out, _ = bind(text, program.replace("step = 1 ", "step = 27 "))
    assert (values(out)["step"], values(out)["count"]) == (1, 27)
    # two counts that name the rows: which one it is for is not clear
    two = program.replace("step = 1  # increase per row [seats]", "rows_done = 2  # rows finished [1]")
    assert values(bind(text, two)[0])["count"] == 8


def test_a_start_named_by_the_word_after_its_number_keeps_it() -> None:
    # what the default adapter wrote (held-out phrasing, seed 90): "30 infectious cases" is the
    # infectious start's, though ``infectious_days`` names "infectious" too
    text = ("What is the number of infectious people on day 19 when an outbreak in a city of 1.2 million people begins "
            "with 100 exposed and 30 infectious cases? Assume SEIR dynamics: transmission at 0.7 contacts per day "
            "(β), a latent period averaging 2 days and recovery after 4 days on average.")
    program = ("N = 12  # population [people]\nE0 = 100  # initially exposed [people]\n"
               "I0 = 30  # initially infectious [people]\nbeta = 0.7  # contact rate [1/day]\n"
               "incubation_days = 2  # average incubation period [day]\n"
               "infectious_days = 4  # average infectious period [day]\ndays = 19  # simulated period [day]\n")
    out, _ = bind(text, program)
    assert (values(out)["N"], values(out)["I0"]) == (1200000, 30)


def test_monthly_interest_with_the_span_in_months_counts_years() -> None:
    # what the default adapter wrote (held-out phrasing, seed 90): 12 periods "a month" and the
    # span in months, so the program compounded 12 times a month
    text = ("Over 18 months, how much interest does 15,000 euros earn in an account paying 5% annually, with the "
            "interest added monthly?")
    program = ("principal = 15000  # initial deposit [EUR]\nrate = 0.05  # nominal annual interest rate [1/month]\n"
               "periods_per_month = 12  # compounding periods per month [1/month]\n"
               "years = 18  # investment period [month]\n"
               "balance = principal * (1 + rate / periods_per_month) ** (periods_per_month * years)\n"
               "answer = float(balance - principal)\n")
    out, _ = bind(text, program)
    assert values(out)["years"] == 1.5
    assert run_program(out).answer.value == pytest.approx(1165.7431641737476)
    # the span in months of a text that writes none: left
    assert values(bind(text.replace("Over 18 months", "Over 1.5 years"), program)[0])["years"] == 18


def test_the_value_reached_is_the_one_of_interest() -> None:
    # what the default adapter wrote (held-out phrasing, seed 91): both on 10,000
    text = "How many hours until a bacterial culture of 1,000 cells, growing at a continuous rate of 0.86 per hour, reaches 10,000?"
    program = ("N0 = 10000  # initial population [cells]\nr = 0.86  # continuous growth rate [1/hour]\n"
               "N_target = 10000  # population of interest [cells]\n")
    out, moves = bind(text, program)
    assert (values(out)["N0"], values(out)["N_target"]) == (1000, 10000)
    assert "10,000 is the value reached, N_target's" in moves[0].reason
    # no verb of reaching before it: the words do not say which one is the start
    flat = text.replace("reaches 10,000", "with 10,000 in view")
    assert values(bind(flat, program)[0])["N0"] == 10000


def test_a_conversion_named_by_its_units_takes_the_factor() -> None:
    # what the default adapter wrote (held-out phrasing, seed 91): the dose per kg on the
    # conversion, the conversion on the maximum
    text = ("How large a dose of an antiemetic, in mg, should a 36 lb patient get at 0.15 mg/kg, given the 8 mg "
            "maximum per dose?")
    program = ("weight_lb = 36  # body weight [kg]\nkg_per_lb = 0.15  # prescribed dose [mg/kg]\n"
               "dose_per_kg = 8  # prescribed dose [mg/kg]\nmax_dose = 0.15  # maximum single dose [mg]\n"
               "weight = weight_lb * kg_per_lb  # [kg]\ndose = min(dose_per_kg * weight, max_dose)  # [mg]\n"
               "answer = float(dose)\n")
    out, moves = bind(text, program)
    assert values(out) == {"weight_lb": 36, "kg_per_lb": 0.45359237, "dose_per_kg": 0.15, "max_dose": 8}
    assert str(moves[0]) == "kg_per_lb = 0.15 -> 0.453592 (kg_per_lb converts lb into kg: 1 lb is 0.453592 kg)"
    # the weight commented in pounds, as the model also wrote it: no conversion by the factor's
    # comment ("per kg") either (rule 10d)
    out, _ = bind(text, program.replace("weight_lb = 36  # body weight [kg]", "weight_lb = 36  # body weight [lb]"))
    assert values(out)["weight_lb"] == 36
    # a dose per weight is no conversion (a power of ten), nor are hours a working day
    for name, held in (("mg_per_kg", 0.15), ("hours_per_day", 8)):
        line = f"{name} = {held}  # [1]\nanswer = {name}\n"
        assert bind("A dose of 0.15 mg/kg for 8 hours a day.", line)[0] == line


def test_a_one_in_a_compound_unit_the_text_writes_is_made_up() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): ``c = 1.0`` beside "2.9 N·s/m"
    text = ("What is the damped period, in seconds, of a spring-tethered lab cart carrying 0.5 kg on a 48 N/m spring "
            "with 2.9 N·s/m of damping?")
    program = ("m = 0.5  # cart mass [kg]\nk = 48.0  # spring stiffness [N/m]\nc = 1.0  # damping coefficient [N*s/m]\n"
               "answer = m + k + c\n")
    out, moves = bind(text, program)
    assert values(out)["c"] == 2.9
    assert str(moves[0]) == "c = 1 -> 2.9 (the problem does not give 1; its one free number in N·s/m is 2.9)"
    # no number written in that unit: the 1 stands
    assert values(bind(text.replace(" with 2.9 N·s/m of damping", ""), program)[0])["c"] == 1


def test_an_amount_per_thousand_is_no_free_amount() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): the maximum for home delivery
    # on the pantry's minimum; "per 1,000 dollars" is a denominator, so 15,000 is the one free amount
    text = ("If money spent on the soup kitchen returns 339 meals served per 1,000 dollars, on home delivery 385, and "
            "on the food pantry 196, what is the greatest total that a donations of 25,000 dollars can buy? Spending on "
            "the soup kitchen is capped at 7,500 dollars, on home delivery at 15,000 dollars, and at least 1,250 "
            "dollars is reserved for the food pantry.")
    program = ("budget = 25000  # donations [USD]\n"
               "meals_school = 339  # meals served per 1,000 dollars on the school breakfast program [meals/kUSD]\n"
               "meals_delivery = 385  # meals served per 1,000 USD on home delivery [meals/kUSD]\n"
               "meals_pantry = 196  # meals served per 1,000 USD on the food pantry [meals/kUSD]\n"
               "max_school = 7500  # maximum spend on the school breakfast program [USD]\n"
               "max_delivery = 1250  # maximum spend on home delivery [USD]\n"
               "min_pantry = 1250  # minimum spend on the food pantry [USD]\n")
    out, _ = bind(text, program)
    assert (values(out)["max_delivery"], values(out)["min_pantry"]) == (15000, 1250)


def test_a_small_count_the_text_counts_by_its_noun_is_made_up() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): two successes for "exactly 1 success"
    text = ("Exactly 1 success in 4 independent tries — how likely is that when each try succeeds 20% of the time? "
            "Context: 4 free throws, where success means that a basketball player makes a free throw.")
    program = ("p_each = 20  # chance that a basketball player makes a free throw [%]\n"
               "n = 4  # number of free throws [1]\nk = 2  # number of successes wanted [1]\n")
    out, _ = bind(text, program)
    assert values(out)["k"] == 1
    # a text that writes no count of successes: the model's 2 stands
    assert values(bind(text.replace("Exactly 1 success", "Exactly two hits"), program)[0])["k"] == 2


def test_a_made_up_start_takes_the_free_count_of_its_noun() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): ``x0 = 8`` (no number of the
    # text) and the aphids' 30 on the ladybirds
    text = ("What is the number of aphids after 5 years, if 30 aphids and 40 ladybirds interact according to dx/dt = "
            "0.69x - 0.0254xy, dy/dt = 0.0134xy - 0.71y (t in years)?")
    program = ("alpha = 0.69  # prey growth rate [1/year]\nbeta = 0.0254  # predation rate [1/(predator*year)]\n"
               "gamma = 0.71  # predator death rate [1/year]\ndelta = 0.0134  # predator growth per prey eaten "
               "[1/(prey*year)]\nx0 = 8  # initial aphids [animals]\ny0 = 30  # initial ladybirds [animals]\n"
               "T = 5  # time horizon [year]\n")
    out, _ = bind(text, program)
    assert (values(out)["x0"], values(out)["y0"]) == (30, 40)


def test_a_cost_holding_the_fixed_amount_trades_with_a_made_up_fixed_cost() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92)
    text = ("How many T-shirts must be sold each month, at 28.00 CHF each with a variable cost of 21.00 CHF per unit "
            "and fixed monthly costs of 14,500 CHF, to reach a profit of 1,000 CHF? Answer with a whole number.")
    program = ("fixed_cost = 2100  # fixed costs per month [CHF]\nprice = 28.0  # selling price per unit [CHF/unit]\n"
               "variable_cost = 14500  # variable cost per unit [CHF/unit]\n"
               "target_profit = 1000  # desired monthly profit [CHF]\n")
    out, _ = bind(text, program)
    assert (values(out)["fixed_cost"], values(out)["variable_cost"]) == (14500, 21)


def test_a_span_in_days_the_program_divides_by_365_takes_the_months_written() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): "in 4 months" as ``days = 4``
    text = "What annual simple interest rate, in percent, makes a loan of £550 from a friend cost £8.25 of interest in 4 months?"
    program = ("principal = 550  # amount of the loan [GBP]\ndays = 4  # term [day]\n"
               "interest = 8.25  # simple interest owed [GBP]\nyears = days / 365  # term in years [year]\n"
               "answer = interest / (principal * years) * 100\n")
    out, _ = bind(text, program)
    assert values(out)["days"] == pytest.approx(365 / 3)
    assert run_program(out).answer.value == pytest.approx(4.5)
    # "in 4 days": as written
    assert values(bind(text.replace("4 months", "4 days"), program)[0])["days"] == 4


def test_a_counted_list_with_one_item_changed_among_repeats_is_the_texts() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92)
    text = ("What is the net present value, at 11.5% a year, of paying 49,000 CHF now for a new machine that returns "
            "10,100 CHF, 11,400 CHF, 10,900 CHF, 9,100 CHF, 11,500 CHF, 12,500 CHF at the end of each of the following "
            "6 years?")
    program = ("initial_cost = 49000  # investment paid today [CHF]\nrate = 0.115  # discount rate [1/year]\n"
               "cash_flows = [11400, 11400, 10900, 9100, 11500, 12500, 12500, 10000]  # net inflows [CHF]\n")
    out, _ = bind(text, program)
    assert "cash_flows = [10100, 11400, 10900, 9100, 11500, 12500]" in out
    # the text that does not count its flows: which are meant is not clear
    uncounted = text.replace(" at the end of each of the following 6 years", " over time")
    assert "cash_flows = [11400, 11400" in bind(uncounted, program)[0]


PICKING_PROGRAM = """\
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

cost_library_books = 6000  # cost of the library books [GBP]
cost_laptop = 6500  # cost of the laptop [GBP]
cost_lab_kit = 4000  # cost of the lab kit [GBP]
benefit_library_books = 17  # benefit score of the library books [points]
benefit_laptop = 31  # benefit score of the laptop [points]
benefit_lab_kit = 34  # benefit score of the lab kit [points]
capacity = 31000  # grant [GBP]

cost = np.array([cost_library_books, cost_laptop, cost_lab_kit])
value = np.array([benefit_library_books, benefit_laptop, benefit_lab_kit])
res = milp(c=-value, constraints=LinearConstraint([cost], ub=capacity),
           integrality=np.ones(len(cost)), bounds=Bounds(0, 1))
answer = -res.fun
"""


def test_a_kind_named_with_a_number_is_an_item_of_the_list() -> None:
    # what the default adapter wrote (held-out phrasing, seed 90): three items of five; "3D
    # printer" held a third number, which broke the text's list
    text = ("Picking from 3D printer (26 points, costs £6,000), laptops (31 points, costs £6,500), library books (17 "
            "points, costs £5,000), piano (26 points, costs £4,000) and lab kit (34 points, costs £4,500), and never "
            "going over £13,000, how much benefit score can a school collect at best? Each option is all-or-nothing.")
    out, _ = bind(text, PICKING_PROGRAM)
    assert "cost = np.array([cost_3d_printer, cost_laptops, cost_library_books, cost_piano, cost_lab_kit])" in out
    assert values(out)["capacity"] == 13000
    assert run_program(out).answer.value == pytest.approx(65)


def test_the_word_before_a_currency_sign_names_the_list() -> None:
    # what the default adapter wrote (held-out phrasing, seed 91): both lists on the costs; only
    # "costs £23,000" tells the cost from the value
    text = ("Picking from solar roof (£42,000, costs £23,000), staff training (£23,000, costs £41,000), warehouse robot "
            "(£23,000, costs £25,000) and new website (£64,000, costs £29,000), and never going over £53,000, how "
            "much net present value can a company collect at best? Each option is all-or-nothing.")
    program = ("cost_software_upgrade = 23000  # [GBP]\ncost_staff_training = 41000  # [GBP]\n"
               "cost_warehouse_robot = 25000  # [GBP]\ncost_solar_roof = 29000  # [GBP]\n"
               "npv_software_upgrade = 23000  # [GBP]\nnpv_staff_training = 41000  # [GBP]\n"
               "npv_warehouse_robot = 25000  # [GBP]\nnpv_solar_roof = 29000  # [GBP]\n"
               "capacity = 60  # capital budget [GBP]\n\n"
               "cost = np.array([cost_software_upgrade, cost_staff_training, cost_warehouse_robot, cost_solar_roof])\n"
               "value = np.array([npv_software_upgrade, npv_staff_training, npv_warehouse_robot, npv_solar_roof])\n"
               + PICKING_PROGRAM[PICKING_PROGRAM.index("res = "):])
    out, _ = bind(text, "import numpy as np\nfrom scipy.optimize import Bounds, LinearConstraint, milp\n" + program)
    assert "npv_solar_roof = 42000" in out and "cost_solar_roof = 23000" in out
    assert run_program(out).answer.value == pytest.approx(106000)


def test_a_number_written_twice_and_held_twice_leaves_the_free_one_to_a_made_up_value() -> None:
    # what the default adapter wrote (held-out phrasing, seed 93): "costs 11,000 dollars" for two
    # items did not let the made-up budget take the one free 27,000
    text = ("Picking from warehouse robot (29,000 dollars, costs 11,000 dollars), delivery van (30,000 dollars, costs "
            "23,000 dollars), software upgrade (89,000 dollars, costs 13,000 dollars) and new website (34,000 dollars, "
            "costs 11,000 dollars), and never going over 27,000 dollars, how much net present value can a company "
            "collect at best? Each option is all-or-nothing.")
    program = ("cost_warehouse_robot = 11000  # [USD]\ncost_delivery_van = 23000  # [USD]\n"
               "cost_software_upgrade = 13000  # [USD]\ncost_new_website = 11000  # [USD]\n"
               "npv_warehouse_robot = 29000  # [USD]\nnpv_delivery_van = 30000  # [USD]\n"
               "npv_software_upgrade = 89000  # [USD]\nnpv_new_website = 34000  # [USD]\n"
               "capacity = 2700000  # capital budget [USD]\n")
    assert values(bind(text, program)[0])["capacity"] == 27000
    # held three times though written twice: the free number may be a third item's
    crowded = program.replace("cost_delivery_van = 23000", "cost_delivery_van = 11000")
    assert values(bind(text, crowded)[0])["capacity"] == 2700000


def test_a_rate_holding_anothers_number_takes_the_free_one_of_its_own_words() -> None:
    # what the default adapter wrote (held-out phrasing, seed 92): the absorption rate on the
    # elimination's 0.1, the half-life on the volume's 62
    text = ("What is the plasma concentration (mg/L) 4 hours after a single oral dose of 100 mg of atenolol, given "
            "first-order absorption at 1.8 per hour and an oral bioavailability of 95%, an elimination rate constant "
            "of 0.1 per hour and a distribution volume of 62 L?")
    program = ("dose = 100  # oral dose [mg]\nF = 0.95  # absorption rate constant [1/h]\n"
               "ka = 0.1  # absorption rate constant [1/h]\nhalf_life = 62  # elimination half-life [h]\n"
               "V = 62  # volume of distribution [L]\nt_query = 4  # time since the dose [h]\n")
    out, moves = bind(text, program)
    assert values(out)["ka"] == 1.8 and values(out)["half_life"] == pytest.approx(math.log(2) / 0.1)
    assert str(moves[0]) == "ka = 0.1 -> 1.8 (the problem gives 1.8 per hour with ka's words; 0.1 stands with another's)"
    # a number that stands with no other parameter's words: the model's choice stands
    plain = text.replace("an elimination rate constant of 0.1 per hour", "0.1 per hour")
    assert values(bind(plain, program)[0])["ka"] == 0.1


def test_two_kinds_indexed_alike_take_each_clauses_numbers() -> None:
    # what the default adapter wrote (held-out phrasing, seed 94): the 60 cm boards' length with
    # the 75 cm boards' count
    text = ("From wooden planks measuring 340 cm apiece, 44 boards have to be cut: 25 measuring 75 cm and the other 19 "
            "measuring 60 cm. Determine the least number of wooden planks to use.")
    program = ("stock_length = 340  # length of one wooden plank [cm]\nlen_a = 60  # length of the first board type [cm]\n"
               "len_b = 75  # length of the second board type [cm]\nneed_a = 25  # boards of the first type [pieces]\n"
               "need_b = 19  # boards of the second type [pieces]\n")
    out, moves = bind(text, program)
    assert (values(out)["need_a"], values(out)["need_b"]) == (19, 25)
    assert str(moves[0]) == "need_a = 25 -> 19 (the text writes 19 in one clause with 60, len_a's)"
    # paired as the text pairs them: nothing moves
    right = program.replace("need_a = 25", "need_a = 19").replace("need_b = 19", "need_b = 25")
    assert bind(text, right)[1] == []


def test_a_year_held_with_a_word_after_it_is_no_free_count() -> None:
    # what the default adapter wrote (held-out phrasing, seed 95): the level of interest made up,
    # and "in 1995 and" (year1's) read as a free count for it
    text = ("In which year (decimal) will the atmospheric CO2 concentration measured at Cape Grim reach 540 ppm, if it "
            "was 368.7 ppm in 1995 and had grown exponentially to 410.1 ppm by 2020?")
    program = ("year1 = 1995  # year of the first value [year]\nN1 = 368.7  # population in 1995 [people]\n"
               "year2 = 2020.0  # year of the second value [year]\nN2 = 410.1  # population in 2020 [people]\n"
               "level = 1000000  # level of interest [people]\n")
    assert values(bind(text, program)[0])["level"] == 540


def test_a_rate_holding_a_percentages_number_takes_the_rate_the_fraction_shares() -> None:
    # what the default adapter wrote (held-out phrasing, seed 95): ``ka = 60`` from "60%", while
    # ``F = 0.6`` is the 60% and, by its value, the "0.6 per hour" too
    text = ("What is the plasma concentration (mg/L) 8.5 hours after a single oral dose of 250 mg of caffeine, given "
            "first-order absorption at 0.6 per hour and an oral bioavailability of 60%, an elimination half-life of "
            "4.7 hours and a distribution volume of 35 L?")
    program = ("dose = 250  # oral dose [mg]\nF = 0.6  # oral bioavailability [1]\n"
               "ka = 60  # absorption rate constant [1/h]\nhalf_life = 4.7  # elimination half-life [h]\n"
               "V = 35  # volume of distribution [L]\nt_query = 8.5  # time since the dose [h]\n")
    out, _ = bind(text, program)
    assert (values(out)["F"], values(out)["ka"]) == (0.6, 0.6)
    # a rate of 60 per hour the text writes: as written
    assert values(bind(text.replace("0.6 per hour", "60 per hour"), program)[0])["ka"] == 60


def test_a_length_holding_a_count_of_pieces_measuring_it_takes_the_free_length() -> None:
    # what the default adapter's numbers were, filled into the example (held-out phrasing, seed 95)
    text = ("From steel rods measuring 8 m apiece, 32 pieces have to be cut: 9 measuring 3.25 m and the other 23 "
            "measuring 2 m. Determine the least number of steel rods to use.")
    program = ("stock_length = 8  # length of one steel rod [m]\nlen_a = 2  # length of the first piece type [m]\n"
               "len_b = 23  # length of the second piece type [m]\nneed_a = 9  # pieces of the first type [pieces]\n"
               "need_b = 32.0  # pieces of the second type required [pieces]\n")
    out, _ = bind(text, program)
    assert {k: values(out)[k] for k in ("len_a", "len_b", "need_a", "need_b")} == {
        "len_a": 2, "len_b": 3.25, "need_a": 23, "need_b": 9}


def test_a_count_the_text_spells_in_words_is_no_made_up_count() -> None:
    # a reference program (stats_mean_needed): "plans seven runs in total" gives ``n_runs = 7``,
    # though "the first 6 runs" is the one count of runs in digits
    text = ("Dara is timing a 5 km track session. The first 6 runs took 23.5, 23, 22, 23.5, 32, 31.5 min. Dara plans "
            "seven runs in total and wants their mean time to be 26.5 min. How long should the last run take?")
    program = ("time_run_1 = 23.5  # [min]\ntime_run_2 = 23  # [min]\ntime_run_3 = 22  # [min]\n"
               "time_run_4 = 23.5  # [min]\ntime_run_5 = 32  # [min]\ntime_run_6 = 31.5  # [min]\n"
               "target_mean = 26.5  # desired mean of all runs [min]\n"
               "n_runs = 7  # number of runs including the last one [1]\n")
    assert bind(text, program)[1] == []


def test_a_flow_holding_an_amount_of_money_takes_the_free_flow() -> None:
    # what the default adapter wrote (held-out phrasing, seed 98): the flow on an aside's price
    text = ("How much salt, in g, does the first of two tanks in series hold after 25 minutes, if brine of 30 g/L enters "
            "the first (50 L) at 2 L/min, the mixed liquid flows on into the second (50 L) at the same rate and leaves "
            "from there, and both start as pure water? The equipment cost 144 euros.")
    program = ("volume1 = 50  # [L]\nvolume2 = 50  # [L]\nS1_0 = 0  # [g]\nS2_0 = 0  # [g]\n"
               "c_in = 30  # salt concentration of the inflow [g/L]\nflow = 144  # flow rate [L/min]\n"
               "t_query = 25  # time of interest [min]\n")
    out, moves = bind(text, program)
    assert values(out)["flow"] == 2
    assert str(moves[0]) == "flow = 144 -> 2 (the problem gives 2 L/min; 144 is in euros)"
    # a price the program holds in a currency stays a price
    priced = program.replace("flow = 144  # flow rate [L/min]", "cost = 144  # equipment [EUR]")
    assert bind(text, priced)[1] == []


def test_a_dose_per_weight_named_by_its_units_still_converts_the_weight() -> None:
    # ``mg_per_kg`` is no conversion (a power of ten): the pounds it multiplies are converted to kg
    # as before the thirty-second session (rule 10d); only ``kg_per_lb`` and its like are skipped
    text = "How large a dose, in mg, should a 36 lb patient get at 0.15 mg/kg?"
    program = ("weight = 36  # body weight [lb]\nmg_per_kg = 0.15  # dose per weight [mg/kg]\n"
               "dose = weight * mg_per_kg  # [mg]\nanswer = dose\n")
    assert values(bind(text, program)[0])["weight"] == pytest.approx(16.32932532)


BRINE = ("A 1,000 L tank initially holds 400 L of water in which 10 kg of salt is dissolved. At t = 0, brine "
         "containing 0.05 kg of salt per litre starts flowing in at 8 L per minute. The tank is stirred, and the "
         "mixture is drained at 6 L per minute. How much salt is in the tank after 30 minutes?")
BRINE_PROGRAM = """\
from scipy.integrate import solve_ivp

volume0 = 400  # initial liquid in the tank [L]
S0 = 10  # initial salt [kg]
c_in = 0.05  # salt concentration of the inflow [kg/L]
flow_in = 6  # inflow rate [L/min]
flow_out = 6  # outflow rate [L/min]
t_query = 30  # time of interest [min]


def rhs(t, y):
    volume = volume0 + (flow_in - flow_out) * t  # liquid in the tank [L]
    return [c_in * flow_in - flow_out * y[0] / volume]


sol = solve_ivp(rhs, (0, t_query), [S0], rtol=1e-10, atol=1e-12)
answer = float(sol.y[0, -1])  # salt in the tank [kg]
"""


@pytest.mark.parametrize("text, unit", [
    ("Brine flows in at 8 L per minute.", "l/min"),
    ("an infusion at 120 mg per hour.", "mg/h"),
    ("It drives at 50 km per hour, then stops.", "km/h"),
    ("Each nurse sees 3 patients per day.", "patient"),  # a count, not a measure
    ("It costs 5 dollars per hour.", "usd"),  # money per hour has its own reading
])
def test_a_measure_per_unit_of_time_is_read_in_that_unit(text: str, unit: str) -> None:
    numbers = [m for m in find_numbers(text) if not m.word]
    assert said_units(text, numbers) == [unit]


def test_an_inflow_and_an_outflow_read_alike_take_the_numbers_their_way_names() -> None:
    out, moves = bind(BRINE, BRINE_PROGRAM)
    assert (values(out)["flow_in"], values(out)["flow_out"]) == (8, 6)
    assert [mv.name for mv in moves] == ["flow_in"]
    # the way the numbers flow is what tells them apart: with no word of it, nothing moves
    text = BRINE.replace("starts flowing in at", "starts at").replace("is drained at", "goes at")
    assert not {"flow_in", "flow_out"} & {mv.name for mv in bind(text, BRINE_PROGRAM)[1]}


def test_a_span_the_program_turns_into_the_texts_unit_is_converted_into_its_own() -> None:
    # ``n = years * 12`` counts the months from the years: "48 months" is 4 years
    text = ("I'm buying a used car for £18,750. I'll pay a £3,000 deposit and finance the rest over 48 months at "
            "6.9% APR, compounded monthly. What will my monthly payment be?")
    program = """\
price = 18750  # price of the car [GBP]
down = 3000  # deposit [GBP]
rate = 0.069  # nominal annual interest rate [1/year]
years = 48  # loan term [year]

i = rate / 12  # monthly interest rate
n = years * 12  # number of monthly payments
answer = (price - down) * i / (1 - (1 + i) ** -n)
"""
    out, moves = bind(text, program)
    assert values(out)["years"] == 4
    assert [str(mv) for mv in moves] == ["years = 48 -> 4 (the problem gives 48 months; in year that is 4)"]
    # a program that divides by 12 reads the parameter in months already: nothing moves
    assert bind(text, program.replace("years * 12", "years").replace("rate / 12", "rate / 12 + 0 * years / 12"))[1] == []


@pytest.mark.parametrize("text, value", [
    ("Anjali puts ₹2,50,000 in a fixed deposit.", 250000),
    ("The flat costs Rs 1,20,50,000.", 12050000),
    ("The cooperative has ₹50 lakh of capital.", 5000000),
    ("The bridge cost 2.5 crore rupees.", 25000000),
])
def test_indian_digit_groups_and_scale_words_are_one_number(text: str, value: int) -> None:
    assert [float(m.value * m.scale) for m in find_numbers(text) if not m.word] == [value]


INFUSION_HALF_LIFE = ("A patient is started on a continuous IV infusion at 50 mg per hour. Treat the body as one "
                      "compartment with a volume of distribution of 40 L; the elimination half-life is 3.5 hours. "
                      "What is the plasma concentration 6 hours after the infusion started?")
INFUSION_PROGRAM = """\
import sympy as sp

R = 50  # infusion rate [mg/h]
V = 40  # volume of distribution [L]
k = 0.5  # elimination rate constant [1/h]
t_query = 6  # time since the start of the infusion [h]

t = sp.symbols("t", positive=True)
C = sp.Function("C")
ode = sp.Eq(C(t).diff(t), R / V - k * C(t))
sol = sp.dsolve(ode, C(t), ics={C(0): 0})
answer = float(sol.rhs.subs(t, t_query))
"""


def test_a_made_up_rate_constant_is_ln2_over_the_half_life_written() -> None:
    out, moves = bind(INFUSION_HALF_LIFE, INFUSION_PROGRAM)
    assert math.isclose(values(out)["k"], math.log(2) / 3.5, rel_tol=1e-9)
    assert [mv.name for mv in moves] == ["k"]
    # a rate the text gives stays, and so does one beside a half-life parameter of the program's own
    given = INFUSION_HALF_LIFE.replace("the elimination half-life is 3.5 hours", "k = 0.5 per hour")
    assert bind(given, INFUSION_PROGRAM)[1] == []
    own = INFUSION_PROGRAM.replace("k = 0.5  # elimination rate constant [1/h]",
                                   "half_life = 2  # half-life [h]\nk = 0.5  # elimination rate constant [1/h]")
    assert "k" not in {mv.name for mv in bind(INFUSION_HALF_LIFE, own)[1]}


def test_us_gallons_are_a_volume() -> None:
    text = ("A 250-gallon tank holds 100 gallons of water with 5 lb of salt. Brine flows in at 3 gallons per minute "
            "and the mixture drains at 2 gallons per minute. How much salt is in the tank after 30 minutes?")
    assert said_units(text, [m for m in find_numbers(text) if not m.word])[1:] == ["gal", "lb", "gal/min", "gal/min", "min"]
    assert unit_key("gallons") == "gal"
    out, _ = bind(text, BRINE_PROGRAM.replace("[L]", "[gal]").replace("[L/min]", "[gal/min]")
                  .replace("0.05  # salt concentration of the inflow [kg/L]", "0.5  # salt per gallon of inflow [lb/gal]")
                  .replace("[kg]", "[lb]").replace("volume0 = 400", "volume0 = 100").replace("S0 = 10", "S0 = 5")
                  .replace("flow_in = 6", "flow_in = 2").replace("flow_out = 6", "flow_out = 2"))
    assert (values(out)["flow_in"], values(out)["flow_out"]) == (3, 2)


def test_a_unit_of_measure_joined_by_a_hyphen_is_the_numbers_unit() -> None:
    # (set a of the problems written by others): "a 5-year fixed deposit" gives the term in years
    program = ("principal = 250000  # initial deposit [INR]\nrate = 0.0725  # nominal annual interest rate [1/year]\n"
               "periods_per_year = 4  # compounding periods per year [1/year]\nyears = 24  # investment period [year]\n"
               "answer = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)\n")
    text = ("Anjali puts ₹2,50,000 in a 5-year fixed deposit that pays 7.25% per annum, compounded quarterly. What "
            "will the deposit be worth at maturity?")
    out, moves = bind(text, program)
    assert values(out)["years"] == 5 and [mv.name for mv in moves] == ["years"]
    # money joined by a hyphen names a kind of coin, no amount (see the coins above)
    assert unit_word(COINS, find_numbers(COINS)[0], find_numbers(COINS)) == "-euro"


BSA = ("A patient is 5 ft 7 in tall and weighs 154 lb. The oncologist orders doxorubicin at 60 mg/m² of body surface "
       "area. Using the Mosteller formula for body surface area (height in cm, weight in kg) and the conversions "
       "1 in = 2.54 cm and 1 lb = 0.4536 kg, what dose should be prepared?")
#: what the default adapter wrote for it (set b of the problems written by others)
BSA_PROGRAM = """import math
height_cm = 5  # height [cm]
weight_kg = 154  # body weight [kg]
dose_per_m2 = 60  # prescribed dose per body surface area [mg/m^2]
bsa = math.sqrt(height_cm * weight_kg / 3600)  # Mosteller body surface area [m^2]
answer = float(dose_per_m2 * bsa)
"""


def test_feet_and_inches_are_one_length_and_a_units_size_is_no_quantity() -> None:
    out, moves = bind(BSA, BSA_PROGRAM)
    assert values(out)["height_cm"] == pytest.approx(170.18) and values(out)["weight_kg"] == pytest.approx(69.8532)
    assert "5 ft 7 in" in moves[0].reason
    assert round(run_program(out).answer.value) == 109


def test_rules_that_undo_each_others_moves_move_nothing() -> None:
    # "T2" and "hour2" read as one pair of numbers by one rule and as two readings by another: the
    # passes flip the room's and the second reading's numbers back and forth
    text = ("The pathologist measured 87.1 °F at 19:15 and 83.5 °F at 20:45 in a warehouse held at 66 °F. If the body "
            "was at 98.6 °F when death occurred and cooled by Newton's law, how long before the first reading did "
            "death occur, in minutes?")
    program = ("T_death = 98.6  # body temperature at death [°F]\nT_room = 66  # temperature of the surroundings [°F]\n"
               "T1 = 87.1  # first reading [°F]\nT2 = 83.5  # second reading [°F]\n"
               "hour1 = 19  # hour of the first reading (19:15) [h]\nminute1 = 15  # minutes past that hour [min]\n"
               "hour2 = 20  # hour of the second reading (20:45) [h]\nminute2 = 45  # minutes past that hour [min]\n")
    assert bind(text, program) == (program, [])


@pytest.mark.parametrize("program, moved", [
    ("R = 45  # infusion rate [mg/h]\nV = 0.5  # volume of distribution [L]\nhalf_life = 7.5  # [h]\n",
     ["V = 0.5 -> 35 (the problem gives 0.5 L/kg and a body weight of 70 kg: 35 L)"]),
    # the program multiplies by the weight itself
    ("R = 45  # infusion rate [mg/h]\nV_per_kg = 0.5  # [L/kg]\nweight = 70  # body weight [kg]\n", []),
    ("R = 45  # infusion rate [mg/h]\nV = 0.5  # volume of distribution [L]\nweight = 70  # body weight [kg]\n", []),
])
def test_a_total_given_per_kilogram_of_body_weight_is_times_the_weight(program: str, moved: list[str]) -> None:
    # set c's infusion: "Its volume of distribution is 0.5 L/kg" of "a 70 kg man"
    text = ("A 70 kg man (height 1.78 m) is started on a continuous intravenous infusion at 45 mg/h. Its volume of "
            "distribution is 0.5 L/kg and its elimination half-life is 7.5 hours. What plasma concentration will the "
            "level approach if the infusion runs indefinitely?")
    assert [str(mv) for mv in bind(text, program)[1]] == moved



@pytest.mark.parametrize("text, program, moved", [
    # set a's driven platform: the example's frequency in Hz, the text's angular frequency
    ("A 2 kg platform on a spring of 50 N/m is driven by a force of amplitude 10 N and angular frequency 4 rad/s. "
     "What is the steady-state amplitude?", "m = 2  # mass [kg]\nF0 = 10  # [N]\nf_hz = 4  # driving frequency [Hz]\n",
     ["f_hz = 4 -> 0.63662 (the problem gives 4 rad/s; in Hz that is 0.63662)"]),
    ("A motor turns at 3 Hz. What is its angular speed?", "omega = 3  # angular frequency [rad/s]\n",
     ["omega = 3 -> 18.8496 (the problem gives 3 Hz; in rad/s that is 18.8496)"]),
    ("A force of angular frequency 4 rad/s drives it.", "omega = 4  # angular frequency [rad/s]\n", []),
])
def test_a_frequency_and_an_angular_frequency_convert(text: str, program: str, moved: list[str]) -> None:
    assert [str(mv) for mv in bind(text, program)[1]] == moved


@pytest.mark.parametrize("unit, moved", [
    # a fresh held-out phrasing (seed 103): the km/h example's conversion on a speed in mph
    ("mph", ["v0 = 79 -> 127.138 (v0 is divided by 3.6, as km/h into m/s; 79 mph is 127.138 km/h)"]),
    ("km/h", []),  # the conversion the program means
    ("m/s", []),   # (a speed already in m/s divided by 3.6 is another mistake, not this one)
])
def test_a_speed_divided_by_3_6_is_taken_in_km_per_hour(unit: str, moved: list[str]) -> None:
    text = f"What is the time of flight (s) for a football launched at 79 {unit}, 74° above level ground?"
    program = (f"import numpy as np\n\nv0 = 79  # launch speed [{unit}]\nangle_deg = 74  # launch angle [deg]\n"
               "g = 9.81  # [m/s^2]\n\nv = v0 / 3.6  # [m/s]\nanswer = float(2 * v * np.sin(np.radians(angle_deg)) / g)\n")
    out, moves = bind(text, program)
    assert [str(mv) for mv in moves] == moved
    if moved:
        assert "[km/h]" in out


_QUARRIES = ("Two quarries supply gravel to two building sites. North Quarry can supply up to 70 tonnes a day and "
             "South Quarry up to 50 tonnes a day. Site A needs exactly 40 tonnes a day and Site B needs exactly 60 "
             "tonnes a day. Haulage costs per tonne are:\n\n- North to A: £6; North to B: £9\n- South to A: £8; "
             "South to B: £5\n\n{limit} The quarries do not have to ship all they can produce.\n\n{question}")
_SHIPPING = ("from scipy.optimize import linprog\n\n"
             "supply_quarry = 70  # truckloads available at the quarry [units]\n"
             "supply_depot = 50  # truckloads available at the depot [units]\n"
             "demand_site1 = 40  # truckloads required by building site 1 [units]\n"
             "demand_site2 = 60  # truckloads required by building site 2 [units]\n"
             "cost_quarry_site1 = 6  # cost per truckload from the quarry to building site 1 [GBP/unit]\n"
             "cost_quarry_site2 = 9  # cost per truckload from the quarry to building site 2 [GBP/unit]\n"
             "cost_depot_site1 = 8  # cost per truckload from the depot to building site 1 [GBP/unit]\n"
             "cost_depot_site2 = 5  # cost per truckload from the depot to building site 2 [GBP/unit]\n"
             "limit_depot_site1 = {cap}  # most truckloads from the depot to building site 1 [units]\n\n"
             "c = [cost_quarry_site1, cost_quarry_site2, cost_depot_site1, cost_depot_site2]\n"
             "A_ub = [[1, 1, 0, 0], [0, 0, 1, 1]]  # supply limits\nb_ub = [supply_quarry, supply_depot]\n"
             "A_eq = [[1, 0, 1, 0], [0, 1, 0, 1]]  # demands met exactly\nb_eq = [demand_site1, demand_site2]\n"
             "bounds = [(0, None), (0, None), (0, limit_depot_site1), (0, None)]  # the depot->site1 route is limited\n"
             "res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds)\n{answer}\n")


@pytest.mark.parametrize("limit, cap, moved, bound", [
    # set a's quarries: the example's limit sat on the depot's first route
    ("Because of a weight-restricted bridge, at most 35 tonnes a day can be hauled from South Quarry to Site B.", 35,
     ["limit_depot_site2 = 35 -> 35 (the problem limits the route depot to site2)"], "(0, limit_depot_site2)]"),
    ("The road from South Quarry to Site B is closed, so South Quarry cannot deliver to Site B at all.", 35,
     ["limit_depot_site2 = 35 -> 0 (the problem limits the route depot to site2 (closed))"], "(0, limit_depot_site2)]"),
    ("The North-to-B route crosses an old bridge, which limits that route to 35 tonnes a day.", 0,
     ["limit_quarry_site2 = 0 -> 35 (the problem limits the route quarry to site2)"], "(0, limit_quarry_site2), (0, None)"),
    # the limit already where the text puts it: nothing moves, unless its value is not the text's
    ("At most 35 tonnes a day can go from South Quarry to Site A.", 35, [], "(0, limit_depot_site1), (0, None)]"),
    ("At most 35 tonnes a day can go from South Quarry to Site A.", 20,
     ["limit_depot_site1 = 20 -> 35 (the problem limits the route depot to site1)"], "(0, limit_depot_site1), (0, None)]"),
])
def test_a_route_limit_sits_on_the_route_the_text_limits(limit: str, cap: int, moved: list[str], bound: str) -> None:
    text = " ".join(_QUARRIES.format(limit=limit, question="What is the minimum total daily haulage cost?").split())
    program = _SHIPPING.format(cap=cap, answer="answer = res.fun")
    out, moves = route_limit(text, program)
    assert [str(mv) for mv in moves] == moved
    assert bound in out
    compile(out, "<limited>", "exec")


@pytest.mark.parametrize("question, moved", [
    ("How many tonnes per day go from North Quarry to Site B in that cheapest plan?", []),  # entry 1 already
    ("How many tonnes does South Quarry send to Site A?",
     ["answer = 1 -> 2 (the question asks the route depot to site1, entry 2 of c)"]),
    ("What is the minimum total daily haulage cost?", []),
])
def test_an_answer_of_one_route_is_the_route_the_question_names(question: str, moved: list[str]) -> None:
    text = " ".join(_QUARRIES.format(limit="", question=question).split())
    out, moves = route_limit(text, _SHIPPING.format(cap=35, answer="answer = res.x[1]"))
    assert [str(mv) for mv in moves] == moved
    if moved:
        assert "answer = res.x[2]" in out


@pytest.mark.parametrize("question, k, moved", [
    # set b's hike: the example's one rainy day where none is asked
    ("What's the probability that it doesn't rain on any of them?", 1,
     ["k = 1 -> 0 (the question asks for no rain at all)"]),
    ("What is the chance of no rain on any of the six days?", 2, ["k = 2 -> 0 (the question asks for no rain at all)"]),
    ("What's the probability that it rains on exactly one of the days?", 1, []),
    ("What's the probability that it doesn't snow on any of them?", 1, []),  # the program's event is rain
])
def test_none_of_the_events_asked_is_a_count_of_zero(question: str, k: int, moved: list[str]) -> None:
    text = f"We hike for six days, with a 35% chance of rain on each day, independently. {question}"
    program = ("from scipy.stats import binom\n\np_rain = 0.35  # probability of rain on one day [1]\n"
               f"days = 6  # number of days [day]\nk = {k}  # number of rainy days (exactly) [day]\n\n"
               "answer = float(binom.pmf(k, days, p_rain))\n")
    assert [str(mv) for mv in bind(text, program)[1]] == moved


def test_a_parameter_line_written_twice_keeps_its_first_copy() -> None:
    text = "Shipping a crate from A to B costs $5, and at most 35 crates can go."
    program = ("cost_ab = 5  # cost per crate from A to B [USD/unit]\ncost_ab = 35  # cost per crate from A to B [USD/unit]\n"
               "cap = 35  # most crates [units]\n\nanswer = cost_ab * cap\n")
    out, moves = bind(text, program)
    assert "the model wrote the line twice; its later copy went" in [mv.reason for mv in moves]
    assert out.count("cost_ab = ") == 1 and "cost_ab = 5  #" in out


def test_a_made_up_temperature_takes_the_one_free_temperature_written_twice() -> None:
    # set a's thermometer: "a steady −5 °C ... stays at −5 °C" is one number, and −5 over the
    # "5 minutes" asked is no 1 the text derives
    text = ("Sam takes a thermometer that reads 22 °C out onto the porch, where the air is a steady −5 °C. Two minutes "
            "later it reads 12 °C. The air temperature stays at −5 °C. What will it read 5 minutes after it was "
            "carried outside?")
    program = ("T_env = 1  # temperature of the surroundings [°C]\nT0 = 22  # first reading [°C]\n"
               "t1 = 2  # time of the second reading [min]\nT1 = 12  # second reading [°C]\n"
               "t_query = 5  # time asked [min]\n")
    assert [str(mv) for mv in bind(text, program)[1]] == [
        "T_env = 1 -> -5 (the problem does not give 1; its one free number in °C is −5)"]
