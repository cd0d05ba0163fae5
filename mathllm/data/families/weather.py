"""Weather and climate problem families: relaxation to ambient temperature, lapse rate, rain as
a Markov chain or a binomial experiment, degree-days and linear climate trends.

Every ``make(rng, phrasing)`` draws all of its numbers first and only then picks the text of
the requested phrasing, so one seed gives the same numbers in every phrasing.
"""

from __future__ import annotations

import math
import random

from mathllm.data.core import NAMES, aside, code, family, fmt_num, lit, pick

DOMAIN = "weather"

_ASIDES = [
    "The observation was logged on {day} October.",
    "The weather station's mast is painted {colour}.",
    "{name} wrote the numbers down in a {colour} notebook.",
    "The station has ID {num}.",
    "The nearest town has {big} inhabitants.",
    "{name} had been a volunteer observer for {num2} years.",
    "The barometer read {press} hPa at the time.",
    "It was a {weekday}.",
]


def _aside(rng: random.Random, name: str) -> str:
    """An irrelevant sentence (about 30% of the time) with a leading space, or ''."""
    return aside(rng, _ASIDES, name=name, day=lambda r: r.randint(2, 28),
                 num=lambda r: r.randint(1000, 9999), num2=lambda r: r.randint(2, 30),
                 colour=lambda r: pick(r, ["red", "white", "yellow", "green", "orange"]),
                 big=lambda r: f"{r.randint(2, 90) * 1000:,}", press=lambda r: r.randint(990, 1030),
                 weekday=lambda r: pick(r, ["Monday", "Tuesday", "Thursday", "Saturday"]))


def _deg(x: float, unit: str) -> str:
    return f"{x:g} {unit}"


def _to_f(c: float) -> float:
    return c * 9 / 5 + 32


# ---- Newton's law of cooling / relaxation to ambient -----------------------------------------

# (object, verb phrase for starting, time unit, k range per time unit, T0 range °C, ambient range °C)
_COOL_SCENES = [
    ("a cup of tea", "is poured and set on the balcony table", "min", (0.03, 0.09), (80, 95), (0, 25)),
    ("a loaf of bread", "comes out of the oven and is put on the windowsill", "min", (0.02, 0.06), (90, 98), (5, 24)),
    ("a thermometer", "is carried from a heated room to the garden", "min", (0.1, 0.4), (20, 24), (-10, 8)),
    ("the air in a greenhouse", "is left to cool after the heater is switched off at dusk", "h",
     (0.2, 0.8), (20, 28), (0, 12)),
    ("a parked car's engine block", "is switched off after a long drive", "min", (0.01, 0.04), (85, 100), (-5, 25)),
]


@family("cooling_time_to_reach", DOMAIN, 6)
def cooling_time_to_reach(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    obj, start, tu, krange, t0r, tar = pick(rng, _COOL_SCENES)
    fahrenheit = rng.random() < 0.3
    T0c = rng.randint(*t0r)
    Tac = rng.randint(*tar)
    frac = rng.uniform(0.15, 0.7)
    use_tau = rng.random() < 0.3
    k = round(rng.uniform(*krange), 3)
    tau = max(1, round(1 / k)) if tu == "min" else round(1 / k, 1)
    aside = _aside(rng, name)
    u = "°F" if fahrenheit else "°C"
    T0 = round(_to_f(T0c)) if fahrenheit else T0c
    Ta = round(_to_f(Tac)) if fahrenheit else Tac
    Tt = round(Ta + frac * (T0 - Ta))
    if Tt in (Ta, T0):
        Tt = round((Ta + T0) / 2)
    unit_word = {"min": "minutes", "h": "hours"}[tu]
    rate = (f"a time constant of {fmt_num(tau)} {unit_word}" if use_tau
            else f"a cooling constant of {k:g} per {'minute' if tu == 'min' else 'hour'}")
    obj_cap = obj[0].upper() + obj[1:]
    texts = [
        f"{obj_cap} at {_deg(T0, u)} {start}; the surrounding air is at {_deg(Ta, u)}. It "
        f"cools according to Newton's law of cooling with {rate}. How many {unit_word} does it "
        f"take to reach {_deg(Tt, u)}?{aside}",
        f"{name} notes that {obj} {start}. It starts at {_deg(T0, u)}, while the outside air is "
        f"a steady {_deg(Ta, u)}.{aside} Assuming Newton's law of cooling with {rate}, after "
        f"how many {unit_word} will it be down to {_deg(Tt, u)}?",
        f"I've got {obj} at {_deg(T0, u)} and the air around it is {_deg(Ta, u)}. If it follows "
        f"Newton cooling with {rate}, when does it hit {_deg(Tt, u)}? Answer in {unit_word}.{aside}",
        f"Observation log: object — {obj}; initial temperature {_deg(T0, u)}; ambient "
        f"{_deg(Ta, u)}; Newtonian relaxation with {rate}. Determine the elapsed time, in "
        f"{unit_word}, until the temperature is {_deg(Tt, u)}.{aside}",
        f"Solve dT/dt = -k (T - T_a) with T(0) = {_deg(T0, u)}, T_a = {_deg(Ta, u)} and "
        + (f"k = 1/τ, τ = {fmt_num(tau)} {unit_word}" if use_tau else f"k = {k:g} per {unit_word[:-1]}")
        + f". At what time (in {unit_word}) is T = {_deg(Tt, u)}?{aside}",
        f"How long, in {unit_word}, until {obj} that starts at {_deg(T0, u)} reaches "
        f"{_deg(Tt, u)} when the air is {_deg(Ta, u)}? Use Newton's law of cooling with "
        f"{rate}.{aside}",
    ]
    if use_tau:
        kline = f"tau = {lit(tau)}  # time constant [{tu}]"
        kdef = f"k = 1 / tau  # cooling constant [1/{tu}]\n"
    else:
        kline = f"k = {lit(k)}  # cooling constant [1/{tu}]"
        kdef = ""
    program = code(f"""
        import sympy as sp

        T_air = {lit(Ta)}  # surrounding air temperature [{u}]
        T0 = {lit(T0)}  # initial temperature [{u}]
        {kline}
        T_target = {lit(Tt)}  # target temperature [{u}]
        """) + "\n" + kdef + code("""
        t = sp.symbols("t", positive=True)
        T = sp.Function("T")
        ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_air))
        sol = sp.dsolve(ode, T(t), ics={T(0): T0})
        t_reach = sp.nsolve(sp.Eq(sol.rhs, T_target), t, (0, 1000), solver="bisect")
        answer = float(t_reach)
        """)
    return texts[phrasing], program, tu


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten", 12: "twelve",
                 15: "fifteen", 20: "twenty"}


def _two_readings(fahrenheit: bool, T0c: float, Tac: float, k: float, t1: float) -> tuple[str, int, int, int]:
    """(unit, first reading, surroundings, second reading at ``t1``) of a body cooling at ``k``,
    in whole degrees of the unit the text writes."""
    u = "°F" if fahrenheit else "°C"
    T0 = round(_to_f(T0c)) if fahrenheit else T0c
    Ta = round(_to_f(Tac)) if fahrenheit else Tac
    T1 = round(Ta + (T0 - Ta) * math.exp(-k * t1))
    if abs(T1 - T0) < 2 or abs(T1 - Ta) < 2:
        T1 = round(Ta + (T0 - Ta) * 0.75)
    return u, T0, Ta, T1


def _two_readings_told(rng: random.Random, obj: str, start: str, name: str, aside: str, u: str, T0: int, Ta: int,
                       T1: int, t1: int, tu: str) -> tuple[str, str, list[str]]:
    """(the time unit in words, the second reading's delay as the text says it, "five minutes" or
    "5 minutes", and the openings of the first two wordings, which tell both readings)."""
    uw = {"min": "minutes", "h": "hours"}[tu]
    spelled = _NUMBER_WORDS.get(t1) if rng.random() < 0.4 else None
    later = f"{spelled or t1} {uw}"
    obj_cap, later_cap = obj[0].upper() + obj[1:], later[0].upper() + later[1:]
    return uw, later, [
        f"{obj_cap} {start}. It is at {_deg(T0, u)} at first and the surrounding air stays at {_deg(Ta, u)}. "
        f"{later_cap} later it has cooled to {_deg(T1, u)}.{aside} Assuming Newton's law of cooling, ",
        f"{obj_cap} {start}, and {name}'s thermometer reads {_deg(T0, u)}. The air around is at a steady "
        f"{_deg(Ta, u)}. {later_cap} later it has dropped to {_deg(T1, u)}.{aside} If the temperature follows "
        "Newton's law of cooling, "]


@family("cooling_time_from_two_readings", DOMAIN, 6)
def cooling_time_from_two_readings(rng: random.Random, phrasing: int):
    """Newton's law of cooling with the constant fitted to a second reading, asked when a
    temperature is reached ("90 °C, five minutes later 78 °C: when is it at 60 °C?"): k from the
    reading, then the time, both by solving the ODE's solution."""
    name = pick(rng, NAMES)
    obj, start, tu, krange, t0r, tar = pick(rng, _COOL_SCENES)
    fahrenheit = rng.random() < 0.25
    T0c, Tac = rng.randint(*t0r), rng.randint(*tar)
    k = rng.uniform(*krange)
    t1 = rng.randint(2, 15) if tu == "min" else rng.randint(1, 3)
    aside = _aside(rng, name)
    u, T0, Ta, T1 = _two_readings(fahrenheit, T0c, Tac, k, t1)
    # the temperature asked: mostly further on than the second reading, sometimes between the two
    frac = rng.uniform(0.15, 0.6) if rng.random() < 0.8 else rng.uniform(0.3, 0.9)
    Tt = round(T1 + (Ta - T1) * frac) if frac < 0.7 or rng.random() < 0.5 else round(T0 + (T1 - T0) * frac)
    if Tt in (Ta, T0, T1):
        Tt = round((Ta + T1) / 2)
    uw, later, opening = _two_readings_told(rng, obj, start, name, aside, u, T0, Ta, T1, t1, tu)
    texts = [
        opening[0] + f"how many {uw} after the first reading will it be at {_deg(Tt, u)}?",
        opening[1] + f"when (in {uw} after the first "
        f"reading) will it be {_deg(Tt, u)}?",
        f"Cooling log ({obj}): t = 0 {uw}: {_deg(T0, u)}; t = {t1} {uw}: {_deg(T1, u)}; ambient "
        f"{_deg(Ta, u)}, constant. Fit Newton's law dT/dt = -k(T - T_a) to the two readings and "
        f"find the time, in {uw}, at which T = {_deg(Tt, u)}.{aside}",
        f"A body obeys dT/dt = -k(T - {fmt_num(Ta)}) ({u}, time in {uw}) with T(0) = {fmt_num(T0)} and "
        f"T({t1}) = {fmt_num(T1)}. Determine k from these values and find the time t at which "
        f"T(t) = {fmt_num(Tt)}.{aside}",
        f"I took {obj} at {_deg(T0, u)}; {later} later it was down to {_deg(T1, u)}, with the air "
        f"at {_deg(Ta, u)} the whole time. Assuming Newton cooling, how long until it hits "
        f"{_deg(Tt, u)}? Answer in {uw}.{aside}",
        f"How many {uw} after it {start} does {obj} reach {_deg(Tt, u)}, if it was {_deg(T0, u)} "
        f"at that moment and {_deg(T1, u)} {later} later, and the surroundings stay at "
        f"{_deg(Ta, u)}? Use Newton's law of cooling.{aside}",
    ]
    program = _fitted_to_second_reading(Ta, T0, t1, T1, u, tu, "at the first reading",
                                        f"T_target = {lit(Tt)}  # temperature asked about [{u}]", """
        # the constant from the second reading, then the time the asked temperature is reached
        k_val = sp.nsolve(sp.Eq(sol.rhs.subs(t, t1), T1), k, (1e-6, 10), solver="bisect")
        t_reach = sp.nsolve(sp.Eq(sol.rhs.subs(k, k_val), T_target), t, (0, 1000 * t1), solver="bisect")
        answer = float(t_reach)
        """)
    return texts[phrasing], program, tu


@family("cooling_temperature_from_two_readings", DOMAIN, 6)
def cooling_temperature_from_two_readings(rng: random.Random, phrasing: int):
    """Newton's law of cooling with the constant fitted to a second reading, asked for the
    temperature at a later time ("90 °C, five minutes later 78 °C: what does it read after 12
    minutes?"). (A family of the retrieval bank; the adapter never trained on it.)"""
    name = pick(rng, NAMES)
    obj, start, tu, krange, t0r, tar = pick(rng, _COOL_SCENES)
    fahrenheit = rng.random() < 0.25
    T0c, Tac = rng.randint(*t0r), rng.randint(*tar)
    k = rng.uniform(*krange)
    t1 = rng.randint(2, 15) if tu == "min" else rng.randint(1, 3)
    tq = t1 + rng.randint(1, 3 * t1) if rng.random() < 0.8 else max(1, t1 // 2)
    if tq == t1:
        tq = t1 + 1
    aside = _aside(rng, name)
    u, T0, Ta, T1 = _two_readings(fahrenheit, T0c, Tac, k, t1)
    uw, later, opening = _two_readings_told(rng, obj, start, name, aside, u, T0, Ta, T1, t1, tu)
    texts = [
        opening[0] + f"what will its temperature be {tq} {uw} after the first reading?",
        opening[1] + f"what will the thermometer read {tq} {uw} after "
        f"the first reading (in {u})?",
        f"Cooling log ({obj}): t = 0 {uw}: {_deg(T0, u)}; t = {t1} {uw}: {_deg(T1, u)}; ambient "
        f"{_deg(Ta, u)}, constant. Fit Newton's law dT/dt = -k(T - T_a) to the two readings and "
        f"predict T at t = {tq} {uw}.{aside}",
        f"A body obeys dT/dt = -k(T - {fmt_num(Ta)}) ({u}, time in {uw}) with T(0) = {fmt_num(T0)} and "
        f"T({t1}) = {fmt_num(T1)}. Determine k from these values and find T({tq}).{aside}",
        f"I took {obj} at {_deg(T0, u)}; {later} later it was down to {_deg(T1, u)}, with the air "
        f"at {_deg(Ta, u)} the whole time. Assuming Newton cooling, how warm will it be {tq} {uw} after I "
        f"first measured it? Answer in {u}.{aside}",
        f"What temperature does {obj} have {tq} {uw} after it {start}, if it was {_deg(T0, u)} "
        f"at that moment and {_deg(T1, u)} {later} later, and the surroundings stay at "
        f"{_deg(Ta, u)}? Use Newton's law of cooling.{aside}",
    ]
    program = _fitted_to_second_reading(Ta, T0, t1, T1, u, tu, "at the first reading",
                                        f"t_query = {tq}  # time of interest after the first reading [{tu}]", """
        # the constant from the second reading, then the temperature at the time asked
        k_val = sp.nsolve(sp.Eq(sol.rhs.subs(t, t1), T1), k, (1e-6, 10), solver="bisect")
        answer = float(sol.rhs.subs({k: k_val, t: t_query}))
        """)
    return texts[phrasing], program, u


def _fitted_to_second_reading(Ta: float, T0: float, t1: float, T1: float, u: str, tu: str, first: str,
                              asked: str, after: str) -> str:
    """A program of Newton's law with its constant to fit to a second reading (``T1`` at ``t1``):
    the parameters, the ``asked`` line, the ODE solved symbolically, then ``after`` (the fit and
    what the family asks of it)."""
    return code(f"""
        import sympy as sp

        T_env = {lit(Ta)}  # temperature of the surroundings [{u}]
        T0 = {lit(T0)}  # temperature {first} [{u}]
        t1 = {t1}  # time of the second reading [{tu}]
        T1 = {lit(T1)}  # second reading [{u}]
        {asked}

        t, k = sp.symbols("t k", positive=True)
        T = sp.Function("T")
        ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_env))
        sol = sp.dsolve(ode, T(t), ics={{T(0): T0}})
        """) + code(after)


# (object, time unit, k range per time unit, scene text)
_RELAX_SCENES = [
    ("the living room", "h", (0.08, 0.3), "the heating fails on a winter night"),
    ("a bottle of lemonade", "min", (0.02, 0.08), "it is taken out of the fridge and left on a picnic table"),
    ("a soil sample", "min", (0.03, 0.1), "it is brought from the field into the lab"),
    ("the water in a paddling pool", "h", (0.05, 0.2), "the sun goes down"),
]


@family("cooling_temperature_after", DOMAIN, 6)
def cooling_temperature_after(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    obj, tu, krange, scene = pick(rng, _RELAX_SCENES)
    fahrenheit = rng.random() < 0.3
    if obj == "the living room":
        T0c, Tac = rng.randint(19, 23), rng.randint(-12, 6)
    elif obj == "a bottle of lemonade":
        T0c, Tac = rng.randint(3, 6), rng.randint(24, 34)
    elif obj == "a soil sample":
        T0c, Tac = pick(rng, [(rng.randint(-5, 5), rng.randint(19, 23)), (rng.randint(30, 40), rng.randint(19, 23))])
    else:
        T0c, Tac = rng.randint(24, 30), rng.randint(10, 18)
    k = rng.uniform(*krange)
    t1 = rng.randint(1, 4) if tu == "h" else rng.randint(5, 20)
    t2 = t1 * rng.randint(2, 4) + (rng.randint(1, 3) if tu == "h" else rng.randint(2, 10))
    aside = _aside(rng, name)
    u = "°F" if fahrenheit else "°C"
    T0 = round(_to_f(T0c)) if fahrenheit else T0c
    Ta = round(_to_f(Tac)) if fahrenheit else Tac
    T1 = round((Ta + (T0 - Ta) * math.exp(-k * t1)) * 2) / 2
    if abs(T1 - T0) < 1 or abs(T1 - Ta) < 1:
        T1 = round((Ta + (T0 - Ta) * 0.6) * 2) / 2
    uw = {"min": "minutes", "h": "hours"}[tu]
    warming = Ta > T0
    verb = "warms" if warming else "cools"
    obj_cap = obj[0].upper() + obj[1:]
    texts = [
        f"{obj_cap} is at {_deg(T0, u)} when {scene}; the surroundings stay at {_deg(Ta, u)}. "
        f"After {t1} {uw} it is at {_deg(T1, u)}. Assuming Newton's law, what is its temperature "
        f"after {t2} {uw}?{aside}",
        f"When {scene}, {name} measures {obj}: {_deg(T0, u)}. The surroundings are at "
        f"{_deg(Ta, u)}.{aside} {t1} {uw} later it reads {_deg(T1, u)}. If it {verb} according "
        f"to Newton's law of cooling, what will it read {t2} {uw} after the first measurement?",
        f"{obj_cap} started at {_deg(T0, u)}; {t1} {uw} later it was {_deg(T1, u)}, with the air "
        f"around it at {_deg(Ta, u)} the whole time. What temperature should I expect at the "
        f"{t2}-{uw[:-1]} mark?{aside}",
        f"Measurement series ({obj}): t = 0 {uw}: {_deg(T0, u)}; t = {t1} {uw}: "
        f"{_deg(T1, u)}. Ambient temperature: {_deg(Ta, u)} (constant). Fit Newton's law "
        f"dT/dt = -k(T - T_a) and predict T at t = {t2} {uw}.{aside}",
        f"A body obeys dT/dt = -k(T - {fmt_num(Ta)}) ({u}, time in {uw}) with T(0) = "
        f"{fmt_num(T0)} and T({t1}) = {fmt_num(T1)}. Determine k from the data and find "
        f"T({t2}).{aside}",
        f"What will {obj} read {t2} {uw} after {scene}, if it was {_deg(T0, u)} at that moment, "
        f"{_deg(T1, u)} after {t1} {uw}, and the surroundings are steady at {_deg(Ta, u)}? Use "
        f"Newton's law of {'heating' if warming else 'cooling'}.{aside}",
    ]
    program = _fitted_to_second_reading(Ta, T0, t1, T1, u, tu, "at the start", f"t2 = {t2}  # time of interest [{tu}]", """
        k_val = sp.nsolve(sp.Eq(sol.rhs.subs(t, t1), T1), k, (1e-6, 10), solver="bisect")
        answer = float(sol.rhs.subs({k: k_val, t: t2}))
        """)
    return texts[phrasing], program, u


# ---- lapse rate -----------------------------------------------------------------------------

@family("lapse_rate_altitude", DOMAIN, 6)
def lapse_rate_altitude(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["the ski resort", "the mountain hut", "the summit", "the pass", "the radio mast"])
    imperial = rng.random() < 0.3
    ask_freeze = rng.random() < 0.4
    lapse_c = pick(rng, [6.5, 6.5, 6.0, 7.0, 9.8, 5.5])
    h0 = rng.randint(0, 16) * 50
    dh = rng.randint(8, 50) * 50
    T0c = rng.randint(2, 30) if not ask_freeze else rng.randint(4, 28)
    if ask_freeze and T0c / lapse_c * 1000 > 5500:
        T0c = int(5.0 * lapse_c)
    aside = _aside(rng, name)
    if imperial:
        u, hu = "°F", "ft"
        lapse = round(lapse_c * 1.8 * 0.3048, 1)  # °F per 1000 ft
        h0, dh = round(h0 * 3.28084, -1), round(dh * 3.28084, -1)
        T0 = round(_to_f(T0c))
        freeze = 32
        lapse_txt = f"{lapse:g} °F per 1,000 ft"
    else:
        u, hu = "°C", "m"
        lapse, T0, freeze = lapse_c, T0c, 0
        lapse_txt = f"{lapse:g} °C per km"
    h0, dh = int(h0), int(dh)
    h1 = h0 + dh
    q = (f"At what altitude (in {hu}) does the temperature reach freezing ({_deg(freeze, u)})?"
         if ask_freeze else f"What is the temperature at {place}, {fmt_num(h1)} {hu} above sea level?")
    qshort = (f"the altitude of the freezing level ({_deg(freeze, u)})" if ask_freeze
              else f"the temperature at {fmt_num(h1)} {hu}")
    texts = [
        f"The temperature at a station {fmt_num(h0)} {hu} above sea level is {_deg(T0, u)}. The "
        f"air temperature decreases with height at {lapse_txt}. {q}{aside}",
        f"{name} checks the weather before a hike: it is {_deg(T0, u)} in the valley at "
        f"{fmt_num(h0)} {hu}.{aside} Assuming the temperature falls by {lapse_txt} of climb, "
        f"{q[0].lower() + q[1:]}",
        f"It's {_deg(T0, u)} down here at {fmt_num(h0)} {hu}. If it gets colder by {lapse_txt} "
        + (f"as you go up, how high up is it freezing ({_deg(freeze, u)}), in {hu}?" if ask_freeze
           else f"as you go up, how cold is it at {place} at {fmt_num(h1)} {hu}?") + aside,
        f"Forecast note: surface observation {_deg(T0, u)} at elevation {fmt_num(h0)} {hu}; "
        f"environmental lapse rate {lapse_txt}. Estimate {qshort}"
        f"{' (in ' + hu + ')' if ask_freeze else ' in ' + u}.{aside}",
        f"Given a linear temperature profile T(h) = T0 - Γ (h - h0) with T0 = {_deg(T0, u)}, "
        f"h0 = {fmt_num(h0)} {hu} and Γ = {lapse_txt}, find "
        + (f"the height h (in {hu}) where T = {_deg(freeze, u)}." if ask_freeze
           else f"T at h = {fmt_num(h1)} {hu}.") + aside,
        (f"How high above sea level, in {hu}, is the freezing level" if ask_freeze
         else f"How warm is it at {place} ({fmt_num(h1)} {hu})")
        + f" on a day when the town at {fmt_num(h0)} {hu} records {_deg(T0, u)} and the lapse rate "
        f"is {lapse_txt}?{aside}",
    ]
    lapse_unit = "°F/1000 ft" if imperial else "°C/km"
    if ask_freeze:
        program = code(f"""
            import sympy as sp

            T_base = {lit(T0)}  # temperature at the base station [{u}]
            h_base = {h0}  # altitude of the base station [{hu}]
            lapse = {lit(lapse)}  # temperature drop per {'1000 ft' if imperial else 'km'} of ascent [{lapse_unit}]
            T_freeze = {freeze}  # freezing point [{u}]

            h = sp.symbols("h")
            eq = sp.Eq(T_base - lapse * (h - h_base) / 1000, T_freeze)
            answer = float(sp.solve(eq, h)[0])
            """)
        return texts[phrasing], program, hu
    program = code(f"""
        T_base = {lit(T0)}  # temperature at the base station [{u}]
        h_base = {h0}  # altitude of the base station [{hu}]
        lapse = {lit(lapse)}  # temperature drop per {'1000 ft' if imperial else 'km'} of ascent [{lapse_unit}]
        h_top = {h1}  # altitude of interest [{hu}]

        T_top = T_base - lapse * (h_top - h_base) / 1000
        answer = float(T_top)
        """)
    return texts[phrasing], program, u


# ---- rain as a random process ---------------------------------------------------------------

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@family("parcel_cloud_base", DOMAIN, 6)
def parcel_cloud_base(rng: random.Random, phrasing: int):
    """A parcel of air forced up a mountain: it cools at the dry adiabatic rate until it is
    saturated at the cloud base, then at a moist rate. The cloud base is given, or found where
    the parcel's temperature meets its dew point (which falls more slowly); asks the cloud base's
    height, the parcel's temperature there, or at the summit. (A family of the retrieval bank;
    the adapter never trained on it.)"""
    name = pick(rng, NAMES)
    town = pick(rng, ["the valley town", "the weather station", "the village", "the airfield", "the lakeside town"])
    peak = pick(rng, ["the summit", "the ridge", "the pass", "the peak", "the mountain hut"])
    h0 = rng.randint(0, 16) * 50
    T0 = rng.randint(14, 32) + pick(rng, [0, 0, 0.5])
    spread = rng.randint(4, 16) + pick(rng, [0, 0, 0.5])
    Td = T0 - spread
    dry = pick(rng, [9.8, 9.8, 10, 9.8])
    dew_rate = pick(rng, [1.8, 1.8, 2, 1.7])
    moist = pick(rng, [6, 6, 5, 6.5, 5.5])
    given_dew = rng.random() < 0.6
    rise = spread / (dry - dew_rate) * 1000
    if not given_dew:
        rise = rng.randint(6, 30) * 50
    base = h0 + rise
    top = int(round(base + rng.randint(4, 30) * 50, -1))
    ask = pick(rng, ["base", "T_base", "summit"] if given_dew else ["T_base", "summit"])
    aside = _aside(rng, name)
    dew_s = (f"and the dew point is {_deg(Td, '°C')}" if given_dew else "")
    rules = ([f"The parcel cools at the dry adiabatic lapse rate of {dry:g} °C per km while it is unsaturated, and "
              f"its dew point falls by {dew_rate:g} °C per km as it rises; cloud forms where its temperature meets its "
              f"dew point, and above that it cools at a moist rate of {moist:g} °C per km.",
              f"Unsaturated, it loses {dry:g} °C per km of climb while its dew point drops {dew_rate:g} °C per km; "
              f"once the two are equal the air is saturated (the cloud base) and from there it loses only {moist:g} °C "
              f"per km.",
              f"Use a dry adiabatic rate of {dry:g} °C/km below the condensation level, a dew-point lapse of "
              f"{dew_rate:g} °C/km, and a saturated (moist) rate of {moist:g} °C/km above it.",
              f"Take {dry:g} °C/km for the dry ascent and {dew_rate:g} °C/km for the decrease of the dew point; "
              f"after condensation the lapse rate is {moist:g} °C/km.",
              f"(Lapse rates: dry {dry:g} °C per km, dew point {dew_rate:g} °C per km, saturated {moist:g} °C per km; "
              f"saturation happens when temperature and dew point coincide.)"]
             if given_dew else
             [f"It cools at the dry adiabatic lapse rate of {dry:g} °C per km until it becomes saturated at the cloud "
              f"base, {fmt_num(int(base))} m above sea level; above the cloud base it cools at a moist rate of "
              f"{moist:g} °C per km.",
              f"Below the cloud base at {fmt_num(int(base))} m it loses {dry:g} °C per km of climb; inside the cloud, "
              f"{moist:g} °C per km.",
              f"Use the dry adiabatic rate ({dry:g} °C/km) up to the condensation level at {fmt_num(int(base))} m and "
              f"a moist rate of {moist:g} °C/km above it.",
              f"Take {dry:g} °C/km for the dry ascent; condensation begins at {fmt_num(int(base))} m, after which the "
              f"lapse rate is {moist:g} °C/km.",
              f"(Lapse rates: dry {dry:g} °C per km up to the cloud base at {fmt_num(int(base))} m, saturated "
              f"{moist:g} °C per km above.)"])
    rule = rules[(0, 1, 2, 0, 3, 4)[phrasing]]
    q = {"base": "At what altitude above sea level (in m) is the cloud base?",
         "T_base": "What is the parcel's temperature (°C) at the cloud base?",
         "summit": f"What is the parcel's temperature (°C) when it reaches {peak}, {fmt_num(top)} m above sea level?"}[ask]
    texts = [
        f"At {town}, {fmt_num(h0)} m above sea level, the air temperature is {_deg(T0, '°C')}"
        f"{' ' + dew_s if dew_s else ''}. A parcel of this air is pushed up the side of a mountain. {rule} {q}{aside}",
        f"{name} is studying a rising air parcel.{aside} It starts at {fmt_num(h0)} m with a temperature of "
        f"{_deg(T0, '°C')}{' ' + dew_s if dew_s else ''}. {rule} {q}",
        f"Wind forces air from {fmt_num(h0)} m ({_deg(T0, '°C')}{', dew point ' + _deg(Td, '°C') if given_dew else ''}) "
        f"up over {peak} at {fmt_num(top)} m. {rule} {q}{aside}",
        f"Parcel ascent: start altitude {fmt_num(h0)} m; start temperature {_deg(T0, '°C')}; "
        + (f"dew point {_deg(Td, '°C')}; dew point lapse {dew_rate:g} °C/km; " if given_dew
           else f"cloud base {fmt_num(int(base))} m; ")
        + f"dry adiabatic rate {dry:g} °C/km; moist rate {moist:g} °C/km; summit {fmt_num(top)} m. {q}{aside}",
        f"A mountain rises from {town} ({fmt_num(h0)} m) to {peak} ({fmt_num(top)} m). On a summer afternoon it is "
        f"{_deg(T0, '°C')} in {town}{' ' + dew_s if dew_s else ''}, and wind pushes that air up the slope. {rule} "
        f"{q}{aside}",
        f"{q} Air at {_deg(T0, '°C')}{' with a dew point of ' + _deg(Td, '°C') if given_dew else ''} starts rising from "
        f"{fmt_num(h0)} m towards {peak} ({fmt_num(top)} m). {rule}{aside}",
    ]
    head = [f"T_start = {lit(T0)}  # air temperature at the start [°C]",
            f"h_start = {h0}  # altitude of the start [m]"]
    if given_dew:
        head += [f"Td_start = {lit(Td)}  # dew point at the start [°C]",
                 f"dew_rate = {lit(dew_rate)}  # fall of the dew point with height [°C/km]"]
    else:
        head.append(f"h_base = {int(base)}  # altitude of the cloud base [m]")
    head.append(f"dry_rate = {lit(dry)}  # dry adiabatic lapse rate [°C/km]")
    if ask == "summit":
        head += [f"moist_rate = {lit(moist)}  # moist adiabatic lapse rate [°C/km]",
                 f"h_summit = {top}  # altitude of the summit [m]"]
    body = []
    if given_dew:
        body += ["rise = (T_start - Td_start) / (dry_rate - dew_rate) * 1000  # climb until saturated [m]",
                 "h_base = h_start + rise  # altitude of the cloud base [m]"]
    body.append("T_base = T_start - dry_rate * (h_base - h_start) / 1000  # parcel temperature at the cloud base [°C]")
    if ask == "summit":
        body.append("T_summit = T_base - moist_rate * (h_summit - h_base) / 1000  # above the base it cools more slowly [°C]")
    last = {"base": "answer = float(h_base)", "T_base": "answer = float(T_base)", "summit": "answer = float(T_summit)"}[ask]
    program = "\n".join(head) + "\n\n" + "\n".join(body) + "\n" + last + "\n"
    return texts[phrasing], program, ("m" if ask == "base" else "°C")


@family("markov_rain_nstep", DOMAIN, 6)
def markov_rain_nstep(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    town = pick(rng, ["Bergen", "Galway", "Hilo", "Cork", "Manchester", "Valdivia", "Kochi"])
    p_rr = rng.randint(45, 85) / 100
    p_dr = rng.randint(10, 40) / 100
    days = rng.randint(2, 6)
    rain_today = rng.random() < 0.5
    want_rain = rng.random() < 0.7
    d0 = rng.randrange(7)
    aside = _aside(rng, name)
    today = _WEEKDAYS[d0]
    target = _WEEKDAYS[(d0 + days) % 7]
    state = "rainy" if rain_today else "dry"
    event = "rain" if want_rain else "be dry"
    texts = [
        f"In {town}, if it rains on a given day it rains the next day with probability "
        f"{p_rr:g}; if it is dry, it rains the next day with probability {p_dr:g}. Today is "
        f"{state}. What is the probability that it will {event} {days} days from now?{aside}",
        f"{name} is planning a picnic in {town} on {target}. Today, {today}, is {state}.{aside} "
        f"Local records show that a rainy day is followed by rain {round(p_rr * 100)}% of the time, "
        f"and a dry day is followed by rain {round(p_dr * 100)}% of the time. What is the chance "
        f"that it will {event} on {target}?",
        f"It's {state} today ({today}) here in {town}. Rain follows rain with probability "
        f"{p_rr:g} and rain follows a dry day with probability {p_dr:g}. How likely is it to "
        f"{event} on {target}?{aside}",
        f"Two-state weather model for {town} (states: dry, rain).{aside} P(rain tomorrow | rain "
        f"today) = {p_rr:g}; P(rain tomorrow | dry today) = {p_dr:g}. Initial state: {state}. "
        f"Compute the probability of {'rain' if want_rain else 'a dry day'} after {days} steps.",
        f"A Markov chain has transition probabilities dry→rain = {p_dr:g}, dry→dry = "
        f"{1 - p_dr:g}, rain→rain = {p_rr:g}, rain→dry = {1 - p_rr:g}. Starting from "
        f"'{'rain' if rain_today else 'dry'}', find P(state is '{'rain' if want_rain else 'dry'}' "
        f"after {days} days).{aside}",
        f"What is the probability that it will {event} in {town} on {target}, given that today "
        f"({today}) is {state} and that the chance of rain tomorrow is {round(p_rr * 100)}% after "
        f"a rainy day but only {round(p_dr * 100)}% after a dry day?{aside}",
    ]
    # the chance that every day up to then is rainy (or dry): a run, one transition after another
    # ("Tuesday, Wednesday and Thursday are all dry"; drawn last: the other draws keep their numbers)
    run = rng.random() < 0.3
    start, start_note = ("[0.0, 1.0]", "today it rains") if rain_today else ("[1.0, 0.0]", "today is dry")
    if run:
        first = _WEEKDAYS[(d0 + 1) % 7]
        names = [_WEEKDAYS[(d0 + i) % 7] for i in range(1, days + 1)]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        kind, wet = ("rainy", "rain") if want_rain else ("dry", "dry")
        rates = (f"Rain follows rain with probability {p_rr:g} and rain follows a dry day with probability "
                 f"{p_dr:g}.")
        texts = [
            f"In {town}, if it rains on a given day it rains the next day with probability "
            f"{p_rr:g}; if it is dry, it rains the next day with probability {p_dr:g}. Today is "
            f"{state}. What is the probability that it will {event} on each of the next {days} days?{aside}",
            f"{name} is planning a {days}-day hike in {town}, {first} to {target}. Today, {today}, is "
            f"{state}.{aside} Local records show that a rainy day is followed by rain {round(p_rr * 100)}% "
            f"of the time, and a dry day is followed by rain {round(p_dr * 100)}% of the time. What is the "
            f"chance that {listed} are all {kind}?",
            f"It's {state} today ({today}) here in {town}. {rates} How likely is it that every day from "
            f"{first} through {target} is {kind}?{aside}",
            f"Two-state weather model for {town} (states: dry, rain).{aside} P(rain tomorrow | rain "
            f"today) = {p_rr:g}; P(rain tomorrow | dry today) = {p_dr:g}. Initial state: {state}. "
            f"Compute the probability that the next {days} steps are all {wet}.",
            f"A Markov chain has transition probabilities dry→rain = {p_dr:g}, dry→dry = "
            f"{1 - p_dr:g}, rain→rain = {p_rr:g}, rain→dry = {1 - p_rr:g}. Starting from "
            f"'{'rain' if rain_today else 'dry'}', find P(the next {days} states are all '{wet}').{aside}",
            f"What is the probability that it will {event} on every day from {first} to {target} in "
            f"{town}, given that today ({today}) is {state} and that the chance of rain tomorrow is "
            f"{round(p_rr * 100)}% after a rainy day but only {round(p_dr * 100)}% after a dry day?{aside}",
        ]
        # (the chain's matrix and one-hot start, as the n-step program writes them, so that the
        # start and the state asked read alike: the first day of the run follows today, each
        # later one a day in the same state)
        program = code(f"""
            import numpy as np

            p_rain_after_rain = {lit(p_rr)}  # P(rain tomorrow | rain today) [1]
            p_rain_after_dry = {lit(p_dr)}  # P(rain tomorrow | dry today) [1]
            days = {days}  # days in a row, all {kind}{f" ({first} -> {target})" if phrasing in (1, 2, 5) else ""} [day]

            # states: 0 = dry, 1 = rain; row = today, column = tomorrow
            P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],
                          [1 - p_rain_after_rain, p_rain_after_rain]])
            start = np.array({start})  # {start_note}
            run = (start @ P) * np.diag(P) ** (days - 1)  # each state held from tomorrow on
            answer = float(run[{1 if want_rain else 0}])
            """)
        return texts[phrasing], program, "probability"
    day_note = f" ({today} -> {target})" if phrasing in (1, 2, 5) else ""
    program = code(f"""
        import numpy as np

        p_rain_after_rain = {lit(p_rr)}  # P(rain tomorrow | rain today) [1]
        p_rain_after_dry = {lit(p_dr)}  # P(rain tomorrow | dry today) [1]
        days = {days}  # number of days ahead{day_note} [day]

        # states: 0 = dry, 1 = rain; row = today, column = tomorrow
        P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],
                      [1 - p_rain_after_rain, p_rain_after_rain]])
        start = np.array({start})  # {start_note}
        dist = start @ np.linalg.matrix_power(P, days)
        answer = float(dist[{1 if want_rain else 0}])
        """)
    return texts[phrasing], program, "probability"


@family("markov_rain_stationary", DOMAIN, 6)
def markov_rain_stationary(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    region = pick(rng, ["a coastal valley", "the island", "a highland village", "a river delta",
                        "the plateau"])
    p_rr = rng.randint(40, 85) / 100
    p_dr = rng.randint(8, 40) / 100
    ask = pick(rng, ["fraction", "days"])
    n_days = pick(rng, [30, 31, 90, 365])
    aside = _aside(rng, name)
    period = {30: "a 30-day month", 31: "a 31-day month", 90: "a 90-day season", 365: "a year"}[n_days]
    want = ("the long-run fraction of rainy days" if ask == "fraction"
            else f"the expected number of rainy days in {period}")
    texts = [
        f"Daily weather in {region} is modelled as a Markov chain: after a rainy day it rains "
        f"with probability {p_rr:g}, after a dry day with probability {p_dr:g}. Find {want} "
        f"(use the stationary distribution).{aside}",
        f"{name} has kept weather records in {region} for decades.{aside} A wet day is followed "
        f"by another wet day {round(p_rr * 100)}% of the time, while a dry day is followed by a wet "
        f"one {round(p_dr * 100)}% of the time. In the long run, what is {want}?",
        f"Around here, if it rains today the chance that it rains tomorrow is {round(p_rr * 100)}%; "
        f"if it's dry today the chance is {round(p_dr * 100)}%. "
        + ("What fraction of days are rainy in the long run?" if ask == "fraction"
           else f"How many rainy days should we expect in {period}, in the long run?") + aside,
        f"Climatology summary for {region}: P(wet | previous day wet) = {p_rr:g}; "
        f"P(wet | previous day dry) = {p_dr:g}. Using the equilibrium of the two-state chain, "
        f"report {want}.{aside}",
        f"For the transition matrix P = [[{1 - p_dr:g}, {p_dr:g}], [{1 - p_rr:g}, {p_rr:g}]] "
        f"(rows/columns: dry, rain), compute the stationary probability π_rain"
        + ("" if ask == "fraction"
           else f" and multiply by {n_days} days to get the expected number of rainy days")
        + f".{aside}",
        f"How {'large a share of days is' if ask == 'fraction' else 'many days of ' + period + ' are'} "
        f"rainy on average in {region}, if rain follows rain with probability {p_rr:g} and "
        f"follows a dry day with probability {p_dr:g}? Use the long-run (stationary) behaviour.{aside}",
    ]
    extra = f"\n        n_days = {n_days}  # length of the period [day]" if ask == "days" else ""
    last = ("answer = float(pi_rain_value)" if ask == "fraction"
            else "answer = float(pi_rain_value * n_days)")
    program = code(f"""
        import sympy as sp

        p_rain_after_rain = {lit(p_rr)}  # P(rain tomorrow | rain today) [1]
        p_rain_after_dry = {lit(p_dr)}  # P(rain tomorrow | dry today) [1]{extra}

        pi_rain = sp.symbols("pi_rain")
        balance = sp.Eq(pi_rain, pi_rain * p_rain_after_rain + (1 - pi_rain) * p_rain_after_dry)
        pi_rain_value = sp.solve(balance, pi_rain)[0]
        """) + last + "\n"
    return texts[phrasing], program, ("probability" if ask == "fraction" else "days")


@family("binomial_rain_days", DOMAIN, 6)
def binomial_rain_days(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    event = pick(rng, ["a camping trip", "a cycling tour", "a music festival", "a harvest week",
                       "a sailing holiday"])
    while True:
        p = rng.randint(10, 60) / 100
        n = rng.randint(4, 14)
        k = rng.randint(1, max(1, min(n - 1, round(n * p) + 2)))
        ask = pick(rng, ["exactly", "at_least", "at_most"])
        pmf = [math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(n + 1)]
        prob = {"exactly": pmf[k], "at_least": sum(pmf[k:]), "at_most": sum(pmf[:k + 1])}[ask]
        if 0.02 < prob < 0.97:  # no near-certain or near-impossible events
            break
    aside = _aside(rng, name)
    pct = f"{round(p * 100)}%"
    phrase = {"exactly": f"exactly {k}", "at_least": f"at least {k}", "at_most": f"at most {k}"}[ask]
    sign = {"exactly": "=", "at_least": "≥", "at_most": "≤"}[ask]
    texts = [
        f"The probability of rain on any given day is {p:g}, independently of other days. What "
        f"is the probability that it rains on {phrase} of the next {n} days?{aside}",
        f"{name} has booked {event} lasting {n} days. The forecast puts the chance of rain at {pct} "
        f"each day, and the days can be treated as independent.{aside} What is the probability "
        f"that {phrase} of the {n} days are rainy?",
        f"The chance of rain is {pct} on each of the next {n} days (independent days). "
        f"What are the odds — as a probability — that it rains on {phrase} of them?{aside}",
        f"Seasonal outlook: daily precipitation probability {pct}; period length {n} days; "
        f"days assumed independent. Compute P(number of rainy days {sign} {k}).{aside}",
        f"Let X ~ Binomial(n = {n}, p = {p:g}) count the rainy days. Find "
        f"P(X {sign} {k}).{aside}",
        f"What is the probability of {phrase} wet days during {event} of {n} days, if each day "
        f"independently has a rain probability of {pct}?{aside}",
    ]
    expr = {"exactly": "binom.pmf(k, days, p_rain)",
            "at_least": "binom.sf(k - 1, days, p_rain)  # P(X >= k)",
            "at_most": "binom.cdf(k, days, p_rain)"}[ask]
    program = code(f"""
        from scipy.stats import binom

        p_rain = {lit(p)}  # probability of rain on one day [1]
        days = {n}  # number of days [day]
        k = {k}  # number of rainy days ({ask.replace('_', ' ')}) [day]

        prob = {expr}
        answer = float(prob)
        """)
    return texts[phrasing], program, "probability"


# ---- degree days ----------------------------------------------------------------------------

@family("degree_days", DOMAIN, 6, held_out=True)
def degree_days(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    fahrenheit = rng.random() < 0.4
    heating = rng.random() < 0.6
    pairs = rng.random() < 0.35
    n = rng.randint(5, 7)
    base_c = 18.0 if heating else pick(rng, [18.0, 21.0])
    center = base_c + (-rng.uniform(3, 9) if heating else rng.uniform(2, 6))
    while True:
        means_c = [center + rng.uniform(-5, 5) for _ in range(n)]
        below = sum(1 for m in means_c if m < base_c)
        above = n - below
        if (heating and below >= 2) or (not heating and above >= 2):
            break
    aside = _aside(rng, name)
    if fahrenheit:
        u, base = "°F", (65 if base_c == 18.0 else 70)
        means = [round(_to_f(m)) for m in means_c]
        spread = [rng.randint(6, 16) for _ in range(n)]
    else:
        u, base = "°C", int(base_c)
        means = [round(m, 1) for m in means_c]
        spread = [rng.randint(3, 9) for _ in range(n)]
    highs = [m + s for m, s in zip(means, spread)]
    lows = [m - s for m, s in zip(means, spread)]
    if not fahrenheit:
        highs, lows = [round(h, 1) for h in highs], [round(lo, 1) for lo in lows]
    kind = "heating" if heating else "cooling"
    day_names = _WEEKDAYS[:n]
    if pairs and phrasing == 4:  # two lists
        data_txt = (f"daily maxima T_max = {', '.join(fmt_num(h) for h in highs)} and minima "
                    f"T_min = {', '.join(fmt_num(lo) for lo in lows)} ({u})")
        how = ", where T_i is the daily mean (T_max + T_min)/2"
    elif pairs and phrasing in (2, 5):  # a compact format: "Mon 24.3/8.3, Tue ..."
        data = ", ".join(f"{d[:3]} {fmt_num(h)}/{fmt_num(lo)}" for d, h, lo in zip(day_names, highs, lows))
        data_txt = f"daily high/low temperatures ({u}): {data}"
        how = " (each day's mean is the average of its high and low)"
    elif pairs:
        data = "; ".join(f"{d}: high {fmt_num(h)}, low {fmt_num(lo)}"
                         for d, h, lo in zip(day_names, highs, lows))
        data_txt = f"daily highs and lows ({u}) — {data}"
        how = " (take each day's mean temperature as the average of its high and low)"
    else:
        data = ", ".join(fmt_num(m) for m in means)
        data_txt = f"daily mean temperatures ({u}): {data}"
        how = ""
    texts = [
        f"Compute the total {kind} degree-days for {n} days with {data_txt}, using a base "
        f"temperature of {base} {u}{how}.{aside}",
        f"{name} manages a school building and tracks energy use.{aside} Last week's "
        f"{data_txt}. With a base of {base} {u}, how many {kind} degree-days were accumulated{how}?",
        f"Our utility bills use {kind} degree-days with a base of {base} {u}. Here are the "
        f"{data_txt}. What's the total{how}?{aside}",
        f"Energy report — period: {n} days; base temperature {base} {u}; {data_txt}. "
        f"Report the {kind} degree-day total (sum over days of "
        f"{'max(base - mean, 0)' if heating else 'max(mean - base, 0)'}).{aside}",
        f"{'HDD' if heating else 'CDD'} = Σ max({'b - T_i' if heating else 'T_i - b'}, 0) with "
        f"b = {base} {u}. Evaluate it for the {data_txt}{how}.{aside}",
        f"How many {kind} degree-days (base {base} {u}) are there in a {n}-day period with these "
        f"{data_txt}{how}?{aside}",
    ]
    diff = "base - means" if heating else "means - base"
    if pairs:
        program = code(f"""
            import numpy as np

            base = {base}  # base temperature [{u}]
            highs = np.array({highs})  # daily maximum temperatures [{u}]
            lows = np.array({lows})  # daily minimum temperatures [{u}]

            means = (highs + lows) / 2
            degree_days = np.sum(np.maximum({diff}, 0))
            answer = float(degree_days)
            """)
    else:
        program = code(f"""
            import numpy as np

            base = {base}  # base temperature [{u}]
            means = np.array({means})  # daily mean temperatures [{u}]

            degree_days = np.sum(np.maximum({diff}, 0))
            answer = float(degree_days)
            """)
    return texts[phrasing], program, f"{u}·day"


# ---- linear climate trend -------------------------------------------------------------------

# (quantity, unit, level range, slope range per year, decimals)
_TREND_SERIES = [
    ("annual mean temperature", "°C", (6.0, 16.0), (0.02, 0.08), 2),
    ("annual rainfall", "mm", (500.0, 1400.0), (-9.0, 9.0), 0),
    ("number of frost days", "days", (40.0, 110.0), (-1.5, -0.4), 0),
    ("ice break-up date of the lake", "day of year", (90.0, 130.0), (-0.9, -0.2), 0),
    ("number of days above 30 °C", "days", (5.0, 25.0), (0.3, 1.2), 0),
]


@family("linear_trend_extrapolation", DOMAIN, 6)
def linear_trend_extrapolation(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    station = pick(rng, ["Oslo", "Zurich", "Denver", "Sapporo", "Leeds", "Hobart", "Graz"])
    qty, unit, lev, slr, dec = pick(rng, _TREND_SERIES)
    n = rng.randint(6, 10)
    step = pick(rng, [1, 1, 2, 5])
    y0 = rng.randint(1990, 2023 - step * (n - 1)) if 2023 - step * (n - 1) > 1990 else 1970
    years = [y0 + step * i for i in range(n)]
    while True:
        level = rng.uniform(*lev)
        slope = rng.uniform(*slr)
        if abs(slope) < 0.25 * max(abs(slr[0]), abs(slr[1])):
            slope = slr[1] if slope > 0 else slr[0]
        target = years[-1] + rng.randint(3, 25)
        if 0.4 * level < level + slope * (target - y0) < 2.5 * level:  # a physically sensible value
            break
    noise = 0.15 * abs(slope) * step * n / 2 + (0.05 if dec else 0.5)
    values = [round(level + slope * (y - y0) + rng.gauss(0, noise), dec) for y in years]
    if dec == 0:
        values = [int(v) for v in values]
    ask_both = rng.random() < 0.35
    aside = _aside(rng, name)
    table = ", ".join(f"{y}: {fmt_num(v)}" for y, v in zip(years, values))
    want = (f"the trend per decade and the value predicted for {target}" if ask_both
            else f"the value predicted for {target}")
    texts = [
        f"The {qty} at {station} was recorded as follows ({unit}): {table}. Fit a least-squares "
        f"straight line and use it to estimate {want}.{aside}",
        f"{name}, a volunteer weather observer in {station}, compiled the {qty}: {table} "
        f"(in {unit}). Assuming the change is linear, what {'are' if ask_both else 'is'} {want}?{aside}",
        f"I have these numbers for the {qty} in {station} — {table} ({unit}). If I fit a linear "
        f"trend by least squares, what do I get for "
        + (f"the change per decade and the {target} value?" if ask_both else f"the year {target}?")
        + aside,
        f"Climate trend analysis, {station}.{aside} Series: {qty} [{unit}]. Data — {table}. "
        f"Method: ordinary least-squares linear regression on the year. Report {want}.",
        "Given the points (year, value) = "
        + ", ".join(f"({y}, {fmt_num(v)})" for y, v in zip(years, values))
        + f" for the {qty} ({unit}), compute the least-squares line and "
        + (f"report its slope per decade and its value at {target}" if ask_both
           else f"evaluate it at {target}")
        + f".{aside}",
        f"What {qty} does a linear least-squares trend predict for {station} in {target}"
        f"{', and what is the trend per decade' if ask_both else ''}, based on these records: "
        f"{table} ({unit})?{aside}",
    ]
    last = ('answer = {"trend_per_decade": float(slope * 10), "prediction": float(prediction)}'
            if ask_both else "answer = float(prediction)")
    program = code(f"""
        import numpy as np

        years = np.array({years})  # observation years [year]
        values = np.array({values})  # {qty} [{unit}]
        target_year = {target}  # year to extrapolate to [year]

        slope, intercept = np.polyfit(years, values, 1)
        prediction = slope * target_year + intercept
        """) + last + "\n"
    return texts[phrasing], program, (f"{unit}/decade, {unit}" if ask_both else unit)


# ---- humidity and wind chill ----------------------------------------------------------------

_MAGNUS = "the Magnus formula (a = 17.62, b = 243.12 °C)"


@family("dew_point", DOMAIN, 6)
def dew_point(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["the greenhouse", "the campsite", "the airfield", "the vineyard",
                       "the harbour", "the football pitch"])
    ask_rh = rng.random() < 0.35
    fahrenheit = not ask_rh and rng.random() < 0.3
    T0c = rng.randint(-5, 35)
    tenths = rng.random() < 0.3
    T = round(T0c + rng.randint(1, 9) / 10, 1) if tenths else T0c
    RH = rng.randint(20, 95)
    spread = rng.randint(2, 18)
    aside = _aside(rng, name)
    if fahrenheit:
        u = "°F"
        T = round(_to_f(T0c))
    else:
        u = "°C"
    Td = round(T - spread, 1) if tenths else T - spread
    Tt = _deg(T, u)
    if ask_rh:
        k2, k2v, want = "dew point", _deg(Td, u), "the relative humidity (in %)"
    else:
        k2, k2v, want = "relative humidity", f"{RH}%", f"the dew point (in {u})"
    conv = " (convert to °C for the formula and give the answer in °F)" if fahrenheit else ""
    texts = [
        f"At {place} the air temperature is {Tt} and the {k2} is {k2v}. Use the Magnus formula "
        f"to find {want}.{aside}",
        f"{name} runs a small weather station at {place}.{aside} This morning it logged {Tt} with "
        f"a {k2} of {k2v}. With the Magnus approximation for water vapour, what is {want}?",
        (f"My thermometer reads {Tt} and the dew-point sensor says {k2v}. What relative humidity "
         f"does that mean, going by the Magnus formula?{aside}" if ask_rh
         else f"My hygrometer shows {RH}% and it's {Tt} out. At what temperature will dew start "
              f"to form, according to the Magnus formula?{aside}"),
        f"Station report — {place}: dry-bulb temperature {Tt}; {k2} {k2v}. Compute {want} using "
        f"{_MAGNUS}{conv}.{aside}",
        f"With γ = ln(RH/100) + a·T/(b + T) and T_d = b·γ/(a − γ), a = 17.62, b = 243.12 °C, "
        + (f"solve for RH (in %) given T = {Tt} and T_d = {k2v}." if ask_rh
           else f"evaluate T_d for T = {Tt} and RH = {RH}%{conv}.") + aside,
        (f"What relative humidity, by the Magnus formula, makes the dew point {k2v} when the air "
         f"at {place} is {Tt}?{aside}" if ask_rh
         else f"What dew point does the Magnus formula give for air at {Tt} with {RH}% relative "
              f"humidity?{aside}"),
    ]
    # The Magnus coefficients are written into the formula, not as parameters: grounded decoding
    # lets a parameter take only a number of the text, and most texts do not state them.
    if ask_rh:
        program = code(f"""
            import math

            T_air = {lit(T)}  # air temperature [°C]
            T_dew = {lit(Td)}  # dew point [°C]

            gamma = 17.62 * T_dew / (243.12 + T_dew)  # Magnus: T_dew = 243.12 gamma / (17.62 - gamma)
            RH = 100 * math.exp(gamma - 17.62 * T_air / (243.12 + T_air))
            answer = float(RH)
            """)
        return texts[phrasing], program, "%"
    if fahrenheit:
        program = code(f"""
            import math

            T_air = {lit(T)}  # air temperature [°F]
            RH = {RH}  # relative humidity [%]

            T_c = (T_air - 32) * 5 / 9  # air temperature in °C
            gamma = math.log(RH / 100) + 17.62 * T_c / (243.12 + T_c)  # Magnus formula
            T_dew = 243.12 * gamma / (17.62 - gamma)  # [°C]
            answer = float(T_dew * 9 / 5 + 32)
            """)
        return texts[phrasing], program, u
    program = code(f"""
        import math

        T_air = {lit(T)}  # air temperature [°C]
        RH = {RH}  # relative humidity [%]

        gamma = math.log(RH / 100) + 17.62 * T_air / (243.12 + T_air)  # Magnus formula
        T_dew = 243.12 * gamma / (17.62 - gamma)
        answer = float(T_dew)
        """)
    return texts[phrasing], program, u


@family("relative_humidity", DOMAIN, 6)
def relative_humidity(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["the coastal station", "the orchard", "the marina", "the allotments",
                       "the school weather station", "the airfield", "the tennis club"])
    ask = pick(rng, ["rh", "rh", "vp", "warm", "warm"])
    fahrenheit = ask != "vp" and rng.random() < 0.2
    tenths = not fahrenheit and rng.random() < 0.3
    if fahrenheit:
        u = "°F"
        Td = rng.randint(25, 70)
        T = Td + rng.randint(3, 36)
    else:
        u = "°C"
        Td = rng.randint(-5, 22) if ask == "vp" else rng.randint(-8, 20)
        T = Td + (rng.randint(2, 14) if ask == "rh" else rng.randint(4, 20))
        if tenths:
            Td = round(Td + rng.randint(1, 9) / 10, 1)
            T = round(T + rng.randint(1, 9) / 10, 1) if ask != "vp" else T
    aside = _aside(rng, name)
    Tt, Tdt = _deg(T, u), _deg(Td, u)
    conv = " (convert both temperatures to °C first)" if fahrenheit else ""
    es = "e_s(T) = 6.112·exp(17.62·T/(243.12 + T)) hPa"
    if ask == "rh":
        texts = [
            (f"At {place} the air temperature is {Tt} and the dew point is {Tdt}. Using the Magnus "
             f"formula for saturation vapour pressure, find the relative humidity, i.e. the actual "
             f"vapour pressure as a percentage of the saturation vapour pressure.{aside}"),
            (f"{name} reads the instruments at {place}: a dry-bulb temperature of {Tt} and a "
             f"chilled-mirror dew point of {Tdt}.{aside} Comparing the actual vapour pressure with the "
             f"saturation vapour pressure (Magnus formula), what is the relative humidity in percent?"),
            (f"My weather station shows {Tt} with a dew point of {Tdt}. How humid is that as a "
             f"relative humidity, if I work out both vapour pressures with the Magnus formula?{aside}"),
            (f"Observation — {place}: T = {Tt}; T_d = {Tdt}. Report RH (%) = 100·e(T_d)/e_s(T), with "
             f"vapour pressures from {_MAGNUS}{conv}.{aside}"),
            (f"The Magnus formula gives the saturation vapour pressure {es}. With "
             f"RH = 100·e_s(T_d)/e_s(T), compute the relative humidity for T = {Tt} and T_d = {Tdt}"
             f"{conv}.{aside}"),
            (f"How close to saturation is the air at {place}, as a relative humidity in percent, when the "
             f"thermometer reads {Tt} and the dew point is {Tdt}? Use the Magnus vapour-pressure "
             f"formula.{aside}"),
        ]
    elif ask == "warm":
        texts = [
            (f"Early in the morning the dew point at {place} is {Tdt}. By the afternoon the air has "
             f"warmed to {Tt} while the dew point stays at {Tdt}. Using the Magnus formula for "
             f"saturation vapour pressure, what is the afternoon relative humidity (%)?{aside}"),
            (f"{name} finds dew on the grass at {place} at sunrise; the dew point is {Tdt}.{aside} By "
             f"mid-afternoon the temperature has climbed to {Tt}, but the moisture in the air, and so the "
             f"dew point, has not changed. With the Magnus vapour-pressure formula, what relative "
             f"humidity does the afternoon air have?"),
            (f"The dew point here has held at {Tdt} all day and the air has now warmed up to {Tt}. "
             f"What's the relative humidity now, using the Magnus formula for vapour pressure?{aside}"),
            (f"Afternoon update — {place}: air temperature up to {Tt}; dew point unchanged at {Tdt}. "
             f"Compute the relative humidity (%) as 100 times the ratio of actual to saturation vapour "
             f"pressure, both from {_MAGNUS}{conv}.{aside}"),
            (f"With {es} and RH = 100·e_s(T_d)/e_s(T), find the relative humidity once the air has "
             f"warmed to T = {Tt} while the dew point stays at T_d = {Tdt}{conv}.{aside}"),
            (f"What will the relative humidity be at {place} when the air warms to {Tt} during the day "
             f"and the dew point stays at {Tdt}, going by the Magnus vapour-pressure formula?{aside}"),
        ]
    else:
        texts = [
            (f"The dew point at {place} is {Tdt}. Using the Magnus formula, find the actual water "
             f"vapour pressure of the air (in hPa).{aside}"),
            (f"{name}'s chilled-mirror hygrometer at {place} fogs up at {Tdt}, so that is the dew "
             f"point.{aside} How much water vapour pressure, in hPa, does the air hold, according to the "
             f"Magnus formula?"),
            (f"The dew point outside is {Tdt} right now. What's the partial pressure of water vapour in "
             f"the air, in hPa, by the Magnus formula?{aside}"),
            (f"Humidity log — {place}: dew point {Tdt}. Compute the actual vapour pressure e (hPa) as "
             f"the Magnus saturation vapour pressure at the dew point.{aside}"),
            (f"Evaluate e = 6.112·exp(17.62·T_d/(243.12 + T_d)) hPa, the vapour pressure of air whose "
             f"dew point is T_d = {Tdt}.{aside}"),
            (f"What is the vapour pressure of the air at {place}, in hPa, when the dew point there is "
             f"{Tdt}? Use the Magnus formula.{aside}"),
        ]
    # Magnus coefficients in the formula, not as parameters, as in dew_point (grounded decoding
    # lets a parameter take only a number of the text).
    magnus = "6.112 * math.exp(17.62 * {t} / (243.12 + {t}))"
    if ask == "vp":
        program = code(f"""
            import math

            T_dew = {lit(Td)}  # dew point [°C]

            e = {magnus.format(t="T_dew")}  # Magnus: saturation vapour pressure at the dew point [hPa]
            answer = float(e)  # [hPa]
            """)
        return texts[phrasing], program, "hPa"
    if ask == "rh":
        head = f"T_air = {lit(T)}  # air temperature [{u}]\nT_dew = {lit(Td)}  # dew point [{u}]\n"
        t_name = "T_air"
    else:
        head = (f"T_dew = {lit(Td)}  # dew point, unchanged through the day [{u}]\n"
                f"T_afternoon = {lit(T)}  # afternoon air temperature [{u}]\n")
        t_name = "T_afternoon"
    if fahrenheit:
        head += f"\nT_c = ({t_name} - 32) * 5 / 9  # [°C]\nTd_c = (T_dew - 32) * 5 / 9  # [°C]\n"
        t_name, d_name = "T_c", "Td_c"
    else:
        head += "\n"
        d_name = "T_dew"
    program = "import math\n\n" + head + code(f"""
        e_sat = {magnus.format(t=t_name)}  # saturation vapour pressure (Magnus) [hPa]
        e_act = {magnus.format(t=d_name)}  # actual vapour pressure [hPa]
        RH = 100 * e_act / e_sat
        answer = float(RH)  # [%]
        """)
    return texts[phrasing], program, "%"


@family("wind_chill", DOMAIN, 6)
def wind_chill(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["the ski lift", "the harbour wall", "the summit ridge", "the bus stop",
                       "the frozen lake", "the airport apron"])
    activity = pick(rng, ["a ski tour", "a winter hike", "an ice-fishing trip", "an early dog walk",
                          "a bike commute"])
    system = pick(rng, ["kmh", "kmh", "ms", "mph", "mph"])
    if system == "mph":
        T = rng.randint(-20, 50)
        v = rng.randint(5, 45)
    else:
        T = rng.randint(-30, 10)
        v = rng.randint(6, 70) if system == "kmh" else rng.randint(2, 18)
    aside = _aside(rng, name)
    u = "°F" if system == "mph" else "°C"
    vu = {"kmh": "km/h", "ms": "m/s", "mph": "mph"}[system]
    formula = ("the NWS wind chill formula" if system == "mph"
               else "the North American (Environment Canada) wind chill formula")
    Tt, vt = _deg(T, u), f"{v} {vu}"
    if system == "mph":
        eq = "WC = 35.74 + 0.6215·T − 35.75·v^0.16 + 0.4275·T·v^0.16 (T in °F, v in mph)"
    else:
        eq = "WCI = 13.12 + 0.6215·T − 11.37·v^0.16 + 0.3965·T·v^0.16 (T in °C, v in km/h)"
    conv = " (convert the wind speed to km/h first)" if system == "ms" else ""
    texts = [
        f"The air temperature is {Tt} and the wind blows at {vt}. Using {formula}, what is the "
        f"wind chill temperature{conv}?{aside}",
        f"{name} is getting ready for {activity}.{aside} The forecast says {Tt} with a steady wind "
        f"of {vt}. According to {formula}, how cold will it feel, i.e. what is the wind chill?",
        f"It's {Tt} outside and the wind is doing {vt}. What wind chill do I get from {formula}?"
        f"{aside}",
        f"Weather bulletin — {place}: temperature {Tt}; sustained wind {vt} at 10 m height. Report "
        f"the wind chill index by {formula}{conv}.{aside}",
        f"Compute {eq} for T = {Tt} and v = {vt}{conv}.{aside}",
        f"How cold does it feel at {place} — what wind chill temperature does {formula} give — "
        f"when the thermometer shows {Tt} and the wind is {vt}?{aside}",
    ]
    if system == "mph":
        program = code(f"""
            T_air = {T}  # air temperature [°F]
            v = {v}  # wind speed at 10 m height [mph]

            wind_chill = 35.74 + 0.6215 * T_air - 35.75 * v ** 0.16 + 0.4275 * T_air * v ** 0.16
            answer = float(wind_chill)
            """)
    elif system == "ms":
        program = code(f"""
            T_air = {T}  # air temperature [°C]
            v_ms = {v}  # wind speed at 10 m height [m/s]

            v = v_ms * 3.6  # wind speed [km/h]
            wind_chill = 13.12 + 0.6215 * T_air - 11.37 * v ** 0.16 + 0.3965 * T_air * v ** 0.16
            answer = float(wind_chill)
            """)
    else:
        program = code(f"""
            T_air = {T}  # air temperature [°C]
            v = {v}  # wind speed at 10 m height [km/h]

            wind_chill = 13.12 + 0.6215 * T_air - 11.37 * v ** 0.16 + 0.3965 * T_air * v ** 0.16
            answer = float(wind_chill)
            """)
    return texts[phrasing], program, u
