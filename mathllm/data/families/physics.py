"""Physics and engineering problem families: projectiles, oscillators, circuits, mixing tanks,
radioactive decay, springs and falling bodies with drag.

Every ``make(rng, phrasing)`` draws all of its numbers first and only then picks the text of
the requested phrasing, so one seed gives the same numbers in every phrasing.
"""

from __future__ import annotations

import cmath
import math
import random

from mathllm.data.core import NAMES, article, aside, cap, code, family, fmt_num, lit, pick

DOMAIN = "physics"

_ASIDES = [
    "The experiment took place on {day} April.",
    "The lab bench is painted {colour}.",
    "{name}'s notebook has {num} pages.",
    "The room temperature was {temp} °C.",
    "It was {name}'s {num2}th experiment that week.",
    "The equipment cost {num} euros.",
    "A {colour} label is stuck on the apparatus.",
]


def _aside(rng: random.Random, name: str) -> str:
    """An irrelevant sentence (about 30% of the time) with a leading space, or ''."""
    return aside(rng, _ASIDES, name=name, day=lambda r: r.randint(2, 28),
                 num=lambda r: r.randint(40, 400), num2=lambda r: r.randint(4, 9),
                 colour=lambda r: pick(r, ["red", "blue", "yellow", "green", "black"]),
                 temp=lambda r: r.randint(18, 26))


# ---- projectiles ----------------------------------------------------------------------------

@family("projectile_ground", DOMAIN, 6)
def projectile_ground(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    thing, verb = pick(rng, [("a football", "kicks"), ("a golf ball", "hits"), ("a stone", "throws"),
                             ("a water balloon", "launches"), ("a javelin", "throws")])
    speed_unit = pick(rng, ["m/s", "m/s", "m/s", "km/h", "mph"])
    kmh = speed_unit == "km/h"
    v_mph = rng.randint(20, 90)
    v0 = rng.randint(8, 40)
    v_kmh = rng.randrange(30, 145, 5)
    angle = rng.randint(15, 75)
    ask = pick(rng, ["all", "range", "height", "time"])
    aside = _aside(rng, name)
    be = "are" if ask == "all" else "is"
    speed = {"km/h": f"{v_kmh} km/h", "mph": f"{v_mph} mph", "m/s": f"{v0} m/s"}[speed_unit]
    want = {"all": "the time of flight (s), the maximum height (m) and the horizontal range (m)",
            "range": "the horizontal range (m)",
            "height": "the maximum height reached (m)",
            "time": "the time of flight (s)"}[ask]
    texts = [
        f"A projectile is launched from level ground at {speed} at an angle of {angle}° above the "
        f"horizontal. Ignoring air resistance and taking g = 9.81 m/s², find {want}.{aside}",
        f"{name} {verb} {thing} from flat ground. It leaves at {speed}, {angle}° above the "
        f"horizontal.{aside} Neglecting air drag (g = 9.81 m/s²), what {be} {want}?",
        f"If I launch {thing} at {speed} and {angle}° up from level ground, what {be} {want}? "
        f"Ignore air resistance; g = 9.81 m/s².{aside}",
        f"Launch data: initial speed {speed}; elevation angle {angle}°; launch and landing "
        f"at the same height; no drag; g = 9.81 m/s². Compute {want}.{aside}",
        f"With x(t) = v₀cos(θ)t and y(t) = v₀sin(θ)t - gt²/2, v₀ = {speed}, θ = {angle}°, "
        f"g = 9.81 m/s², determine {want}.{aside}",
        f"What {be} {want} for {thing} launched at {speed}, {angle}° above level ground, with no "
        f"air resistance (g = 9.81 m/s²)?{aside}",
    ]
    if kmh:
        head = f"v0_kmh = {v_kmh}  # launch speed [km/h]\n"
        conv = "v0 = v0_kmh / 3.6  # [m/s]\n"
    elif speed_unit == "mph":
        head = (f"v0_mph = {v_mph}  # launch speed [mph]\n"
                "m_s_per_mph = 0.44704  # mile per hour to metre per second [m/s/mph]\n")
        conv = "v0 = v0_mph * m_s_per_mph  # [m/s]\n"
    else:
        head = f"v0 = {v0}  # launch speed [m/s]\n"
        conv = ""
    last = {"all": 'answer = {"time_of_flight": float(t_flight), "max_height": float(h_max), '
                   '"range": float(x_range)}',
            "range": "answer = float(x_range)", "height": "answer = float(h_max)",
            "time": "answer = float(t_flight)"}[ask]
    program = ("import numpy as np\n\n" + head + f"angle_deg = {angle}  # launch angle above the horizontal [deg]\n"
               "g = 9.81  # gravitational acceleration [m/s^2]\n\n" + conv + code("""
        theta = np.radians(angle_deg)
        t_flight = 2 * v0 * np.sin(theta) / g
        h_max = (v0 * np.sin(theta)) ** 2 / (2 * g)
        x_range = v0 * np.cos(theta) * t_flight
        """) + last + "\n")
    units = {"all": "s, m, m", "range": "m", "height": "m", "time": "s"}[ask]
    return texts[phrasing], program, units


@family("projectile_from_height", DOMAIN, 6)
def projectile_from_height(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["a cliff", "the roof of a building", "a bridge", "a balcony", "a table"])
    h = {"a cliff": rng.randint(15, 80), "the roof of a building": rng.randint(10, 45),
         "a bridge": rng.randint(8, 40), "a balcony": rng.randint(4, 15),
         "a table": round(rng.uniform(0.7, 1.2), 2)}[place]
    v0 = rng.randint(2, 6) if place == "a table" else rng.randint(3, 25)
    angle = 0 if rng.random() < 0.4 else rng.randint(10, 50)
    if place == "a table":
        angle = 0
    ask = pick(rng, ["distance", "time", "speed"])
    aside = _aside(rng, name)
    the_place = "the " + place[2:] if place.startswith("a ") else place
    how = "horizontally" if angle == 0 else f"at {angle}° above the horizontal"
    want = {"distance": "the horizontal distance from the launch point to where it lands (m)",
            "time": "the time until it hits the ground (s)",
            "speed": "the speed at impact (m/s)"}[ask]
    texts = [
        f"A ball is thrown {how} at {v0} m/s from {place} {fmt_num(h)} m high. Neglecting air "
        f"resistance (g = 9.81 m/s²), find {want}.{aside}",
        f"{name} stands on {place}, {fmt_num(h)} m above the ground, and throws a ball {how} with "
        f"a speed of {v0} m/s.{aside} Ignoring air drag, what is {want}?",
        f"I throw a ball {how} at {v0} m/s from {place} that is {fmt_num(h)} m above the ground. "
        f"What's {want}? Use g = 9.81 m/s² and no air resistance.{aside}",
        f"Trajectory problem: launch height {fmt_num(h)} m; launch speed {v0} m/s; launch "
        f"angle {angle}° (above horizontal); ground is level; g = 9.81 m/s²; no drag. Determine {want}.{aside}",
        f"Given y(t) = {fmt_num(h)} + {v0}·sin({angle}°)·t - 4.905t² (metres, seconds) and "
        f"x(t) = {v0}·cos({angle}°)·t, find {want}.{aside}",
        {"distance": f"How far from the foot of {the_place} does a ball land",
         "time": "How many seconds does a ball stay in the air",
         "speed": "How fast, in m/s, is a ball moving when it lands"}[ask]
        + f" if it is thrown {how} from the top of {the_place} ({fmt_num(h)} m up) with {v0} m/s? Take g = 9.81 m/s² and "
        f"no drag{'; give the distance in metres' if ask == 'distance' else ''}.{aside}",
    ]
    last = {"distance": "distance = v0 * np.cos(theta) * t_land\nanswer = float(distance)",
            "time": "answer = float(t_land)",
            "speed": "vx = v0 * np.cos(theta)\nvy = v0 * np.sin(theta) - g * t_land\n"
                     "answer = float(sp.sqrt(vx ** 2 + vy ** 2))"}[ask]
    program = code(f"""
        import numpy as np
        import sympy as sp

        height = {lit(h)}  # launch height above the ground [m]
        v0 = {v0}  # launch speed [m/s]
        angle_deg = {angle}  # launch angle above the horizontal [deg]
        g = 9.81  # gravitational acceleration [m/s^2]

        theta = np.radians(angle_deg)
        t = sp.symbols("t", positive=True)
        y = height + v0 * np.sin(theta) * t - g * t ** 2 / 2
        t_land = sp.solve(sp.Eq(y, 0), t)[0]
        """) + last + "\n"
    return texts[phrasing], program, {"distance": "m", "time": "s", "speed": "m/s"}[ask]


# ---- oscillator -----------------------------------------------------------------------------

@family("spring_mass_damper", DOMAIN, 6)
def spring_mass_damper(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    while True:
        m = pick(rng, [0.2, 0.25, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0])
        k = rng.randint(5, 200)
        zeta = rng.uniform(0.03, 0.4)
        c = round(2 * zeta * math.sqrt(k * m), 2)
        x0_cm = rng.randint(2, 15)
        v0 = 0.0 if rng.random() < 0.6 else round(rng.uniform(-0.5, 0.5), 2)
        t_q = round(rng.uniform(0.3, 4.0), 1)
        wn = math.sqrt(k / m)
        z = c / (2 * math.sqrt(k * m))
        if c <= 0 or z >= 1:
            continue
        wd = wn * math.sqrt(1 - z * z)
        x0 = x0_cm / 100
        B = (v0 + z * wn * x0) / wd
        x = math.exp(-z * wn * t_q) * (x0 * math.cos(wd * t_q) + B * math.sin(wd * t_q))
        if abs(x) > 0.15 * x0:
            break
    aside = _aside(rng, name)
    if rng.random() < 0.3:  # (drawn last: the other samples keep their numbers)
        return _spring_stretched(rng, phrasing, name, aside)
    push = ("released from rest" if v0 == 0 else
            f"given an initial velocity of {v0:g} m/s ({'away from' if v0 > 0 else 'towards'} equilibrium)")
    texts = [
        f"A mass of {m:g} kg hangs on a spring with stiffness {k} N/m and a damper with "
        f"coefficient {c:g} N·s/m. It is displaced {x0_cm} cm from equilibrium and {push}. Find "
        f"its displacement (in cm) after {t_q:g} s.{aside}",
        f"{name} builds a shock-absorber test rig: {article(f'{m:g} kg')} block on a spring (k = {k} N/m) with "
        f"a dashpot of damping coefficient {c:g} N·s/m.{aside} The block is pulled {x0_cm} cm out "
        f"of equilibrium and {push}. Where is it, in cm from equilibrium, {t_q:g} s later?",
        f"I have a damped spring: mass {m:g} kg, spring constant {k} N/m, damping {c:g} N·s/m. "
        f"If I pull it {x0_cm} cm and it is {push}, what's the displacement after {t_q:g} seconds, "
        f"in cm?{aside}",
        f"Vibration test: m = {m:g} kg; k = {k} N/m; c = {c:g} N·s/m; initial displacement "
        f"{x0_cm} cm; initial velocity {v0:g} m/s. Solve m x'' + c x' + k x = 0 and report x "
        f"(cm) at t = {t_q:g} s.{aside}",
        f"Solve {m:g}x'' + {c:g}x' + {k}x = 0 (SI units) with x(0) = {x0_cm / 100:g} m and "
        f"x'(0) = {v0:g} m/s, and give x({t_q:g} s) in centimetres.{aside}",
        f"What is the displacement, in cm, {t_q:g} s after {article(f'{m:g} kg')} mass on {article(f'{k} N/m')} spring "
        f"with {c:g} N·s/m of damping is moved {x0_cm} cm from equilibrium and {push}?{aside}",
    ]
    program = code(f"""
        from scipy.integrate import solve_ivp

        m = {lit(m)}  # mass [kg]
        c = {lit(c)}  # damping coefficient [N*s/m]
        k = {k}  # spring constant [N/m]
        x0_cm = {x0_cm}  # initial displacement [cm]
        v0 = {lit(v0)}  # initial velocity [m/s]
        t_query = {lit(t_q)}  # time of interest [s]

        x0 = x0_cm / 100  # [m]


        def rhs(t, y):
            x, v = y
            return [v, -(c * v + k * x) / m]


        sol = solve_ivp(rhs, (0, t_query), [x0, v0], rtol=1e-10, atol=1e-12)
        answer = float(sol.y[0, -1] * 100)  # [cm]
        """)
    return texts[phrasing], program, "cm"


def _spring_stretched(rng: random.Random, phrasing: int, name: str, aside: str):
    """spring_mass_damper, the textbook's way: a weight stretches the spring (k = W / stretch, and
    in US units the mass is W / g in slugs), then it is pulled down and released in a medium whose
    damping force is a multiple of the velocity."""
    us = rng.random() < 0.6
    while True:
        if us:
            W = pick(rng, [2, 4, 6, 8, 12, 16, 24, 32])
            s_in = pick(rng, [2, 3, 4, 6, 8, 12])
            g = 32
            m, k = W / g, W / (s_in / 12)
        else:
            W = pick(rng, [0.5, 1, 2, 2.5, 4, 5])  # the mass, in kg
            s_in = pick(rng, [5, 8, 10, 12.5, 20, 25])  # the stretch, in cm
            g = 9.8
            m, k = W, W * g / (s_in / 100)
        c = round(2 * rng.uniform(0.05, 0.6) * math.sqrt(k * m), 1)
        x0 = rng.randint(2, 12) if us else rng.randint(2, 15)
        t_q = round(rng.uniform(0.2, 2.5), 1)
        z = c / (2 * math.sqrt(k * m))
        if 0 < c and z < 1:
            wn = math.sqrt(k / m)
            wd = wn * math.sqrt(1 - z * z)
            xt = math.exp(-z * wn * t_q) * (math.cos(wd * t_q) + z * wn / wd * math.sin(wd * t_q))
            if abs(xt) > 0.1:
                break
    lu, lw, fu = ("in", "inches", "lb") if us else ("cm", "cm", "N")
    vu = "ft/s" if us else "m/s"
    load = f"A weight of {W:g} lb" if us else f"A mass of {W:g} kg"
    stretch = f"{s_in:g} inches" if us else f"{s_in:g} cm"
    gtxt = f"g = {g:g} ft/s²" if us else f"g = {g:g} m/s²"
    damp = (f"a damping force numerically equal to {c:g} times the instantaneous velocity (force in {fu}, velocity "
            f"in {vu})")
    texts = [
        f"{load} stretches a spring {stretch}. It is pulled down {x0} {lw} below its equilibrium position and released "
        f"from rest at t = 0. The surrounding medium gives {damp}. Use {gtxt}. Find its displacement (in {lw}, "
        f"positive below equilibrium) at t = {t_q:g} s.{aside}",
        f"{name}'s homework: {load.lower()} hung on a spring stretches it {stretch} and comes to rest.{aside} The "
        f"{'weight' if us else 'mass'} is then pulled {x0} {lw} below equilibrium and let go. A dashpot supplies "
        f"{damp}. Taking {gtxt}, where is it {t_q:g} s after release, in {lw} below equilibrium?",
        f"Spring problem ({gtxt}): {load.lower()} stretches the spring {stretch}; damping force = {c:g} × velocity "
        f"({fu}, {vu}); released from rest {x0} {lw} below equilibrium. What is the displacement (in {lw}) at "
        f"t = {t_q:g} s?{aside}",
        f"Damped spring: {'W' if us else 'm'} = {W:g} {'lb' if us else 'kg'}; static stretch {stretch}; damping "
        f"coefficient {c:g} {'lb·s/ft' if us else 'N·s/m'}; x(0) = {x0} {lu} below equilibrium; x'(0) = 0; {gtxt}. "
        f"Report x (in {lw}, positive downward) at t = {t_q:g} s.{aside}",
        f"{load} stretches a spring {stretch}. With {damp} and {gtxt}, it starts from rest {x0} {lw} below "
        f"equilibrium. Solve m x'' + c x' + k x = 0 and give x({t_q:g} s) in {lw}.{aside}",
        f"What is the displacement, in {lw} below equilibrium, {t_q:g} s after {load.lower()} that stretches a spring "
        f"{stretch} is pulled {x0} {lw} down and released from rest, if the medium gives {damp} ({gtxt})?{aside}",
    ]
    # (the same motion in both unit systems: only the parameters and their conversions differ)
    motion = "\n\n" + code("""
        def rhs(t, y):
            x, v = y
            return [v, -(c * v + k * x) / m]


        sol = solve_ivp(rhs, (0, t_query), [x0, 0], rtol=1e-10, atol=1e-12)
        """)
    if us:
        program = code(f"""
            from scipy.integrate import solve_ivp

            W = {W}  # weight [lb]
            stretch_in = {s_in}  # stretch under the weight [in]
            c = {lit(c)}  # damping coefficient [lb*s/ft]
            x0_in = {x0}  # initial displacement below equilibrium [in]
            g = {g}  # gravitational acceleration [ft/s^2]
            t_query = {lit(t_q)}  # time of interest [s]

            m = W / g  # mass [slug]
            k = W / (stretch_in / 12)  # spring constant [lb/ft]
            x0 = x0_in / 12  # [ft]
            """) + motion + "answer = float(sol.y[0, -1] * 12)  # [in]\n"
        return texts[phrasing], program, "in"
    program = code(f"""
        from scipy.integrate import solve_ivp

        m = {lit(W)}  # mass [kg]
        stretch_cm = {lit(s_in)}  # stretch under the mass [cm]
        c = {lit(c)}  # damping coefficient [N*s/m]
        x0_cm = {x0}  # initial displacement below equilibrium [cm]
        g = {g}  # gravitational acceleration [m/s^2]
        t_query = {lit(t_q)}  # time of interest [s]

        k = m * g / (stretch_cm / 100)  # spring constant [N/m]
        x0 = x0_cm / 100  # [m]
        """) + motion + "answer = float(sol.y[0, -1] * 100)  # [cm]\n"
    return texts[phrasing], program, "cm"


@family("spring_driven", DOMAIN, 6)
def spring_driven(rng: random.Random, phrasing: int):
    """A damped spring driven by a harmonic force from rest at equilibrium: the displacement at a
    time (the ODE with its forcing term), or the amplitude once the transient has died away."""
    name = pick(rng, NAMES)
    m = pick(rng, [0.5, 1.0, 1.5, 2.0, 2.5, 4.0, 5.0])
    k = rng.randint(4, 40) * 5
    c = round(2 * rng.uniform(0.05, 0.5) * math.sqrt(k * m), 1)
    F0 = max(1, round(k * rng.uniform(0.01, 0.08)))  # a few centimetres of static deflection
    wn = math.sqrt(k / m)
    in_hz = rng.random() < 0.3
    if in_hz:
        f_hz = round(wn / (2 * math.pi) * rng.uniform(0.4, 1.6), 1) or 0.1
        omega = 2 * math.pi * f_hz
    else:
        omega = float(max(1, round(wn * rng.uniform(0.4, 1.6))))
    sine = rng.random() < 0.3  # F0 sin(wt): the force starts at zero; else F0 cos(wt)
    ask_amp = rng.random() < 0.4
    t_q = round(rng.uniform(0.5, 4.0), 1)
    in_mm = rng.random() < 0.5
    du, dw, scale = ("mm", "millimetres", 1000) if in_mm else ("cm", "centimetres", 100)
    aside = _aside(rng, name)
    body = pick(rng, ["a platform", "a machine base", "an instrument table", "a sensor mount", "a cart"])
    freq = f"{f_hz:g} Hz" if in_hz else f"{omega:g} rad/s"
    fw = "frequency" if in_hz else "angular frequency"
    drive = f"{F0} {'sin' if sine else 'cos'}({f'2π·{f_hz:g}' if in_hz else f'{omega:g}'}t)"  # (in N)
    force = f"F(t) = {drive} N"
    push = (f"a harmonic force of amplitude {F0} N and {fw} {freq}, which is zero at t = 0 and then pushes in the "
            f"positive direction" if sine else
            f"a harmonic force of amplitude {F0} N and {fw} {freq}, at its maximum in the positive direction at t = 0")
    want = (f"the amplitude (in {du}) of the steady-state oscillation, once the start-up transient has died away"
            if ask_amp else f"the displacement (in {du}) from equilibrium at t = {t_q:g} s")
    ask = (f"What is the steady-state amplitude, in {dw}?" if ask_amp
           else f"Where is it, in {dw} from equilibrium, {t_q:g} s after the force starts?")
    texts = [
        f"{cap(body)} of mass {m:g} kg sits on a spring of stiffness {k} N/m with a viscous damper of coefficient "
        f"{c:g} N·s/m. It starts at rest at equilibrium, and at t = 0 a motor starts driving it with {push}. "
        f"Find {want}.{aside}",
        f"{name} is testing a vibration isolator: {article(f'{m:g} kg')} mass, a spring with k = {k} N/m and a "
        f"damper with c = {c:g} N·s/m.{aside} From rest at equilibrium it is driven by {force} from t = 0. {ask}",
        f"My rig: mass {m:g} kg, spring {k} N/m, damping {c:g} N·s/m, at rest at equilibrium until t = 0, when "
        f"a shaker applies {push}. {ask}{aside}",
        f"Forced vibration: m = {m:g} kg; k = {k} N/m; c = {c:g} N·s/m; x(0) = 0; x'(0) = 0; driving force "
        f"{force}. Report {want}.{aside}",
        f"Solve {m:g}x'' + {c:g}x' + {k}x = {drive} (SI units) with x(0) = 0 and x'(0) = 0, "
        f"and give {want}.{aside}",
        f"What is {want} for {article(f'{m:g} kg')} mass on {article(f'{k} N/m')} spring with {c:g} N·s/m of "
        f"damping, driven from rest at equilibrium by {push}?{aside}",
    ]
    head = (f"m = {lit(m)}  # mass [kg]\nc = {lit(c)}  # damping coefficient [N*s/m]\nk = {k}  # spring constant [N/m]\n"
            f"F0 = {F0}  # amplitude of the driving force [N]\n")
    if in_hz:
        head += f"f_hz = {lit(f_hz)}  # driving frequency [Hz]\n"
        conv = "omega = 2 * np.pi * f_hz  # angular frequency of the driving force [rad/s]\n"
    else:
        head += f"omega = {lit(omega)}  # angular frequency of the driving force [rad/s]\n"
        conv = ""
    if ask_amp:
        program = ("import numpy as np\n\n" + head + "\n" + conv
                   + "amplitude = F0 / np.sqrt((k - m * omega ** 2) ** 2 + (c * omega) ** 2)  # steady state [m]\n"
                   + f"answer = float(amplitude * {scale})  # [{du}]\n")
        return texts[phrasing], program, du
    trig = "np.sin" if sine else "np.cos"
    program = ("import numpy as np\nfrom scipy.integrate import solve_ivp\n\n" + head
               + f"t_query = {lit(t_q)}  # time of interest [s]\n\n" + (conv + "\n\n" if conv else "\n") + code(f"""
        def rhs(t, y):
            x, v = y
            return [v, (F0 * {trig}(omega * t) - c * v - k * x) / m]


        sol = solve_ivp(rhs, (0, t_query), [0, 0], rtol=1e-10, atol=1e-12)
        """) + f"answer = float(sol.y[0, -1] * {scale})  # [{du}]\n")
    return texts[phrasing], program, du


# key -> (system, short name, mass phrase, spring phrase, damper phrase with {c}, damper name, story,
# data-sheet title, mass description, range of damping ratios)
_DAMPED_SYSTEMS = {
    "car": ("a car's suspension corner (quarter-car model)", "a quarter-car suspension model", "a sprung mass of {m}",
            "a suspension spring of stiffness {k}", "a shock absorber rated at {c}", "the shock absorber",
            "is setting up the suspension of {what}", "Quarter-car suspension", "quarter-car sprung mass",
            (0.2, 0.6)),
    "washer": ("a washing machine's drum mount", "a washing-machine drum mount", "a drum assembly (drum plus wet laundry) of {m}",
               "mounting springs with a combined stiffness of {k}", "friction dampers giving {c}",
               "the friction dampers", "is designing the drum suspension of {what}", "Drum mount spec",
               "drum assembly mass", (0.06, 0.35)),
    "door": ("a door closer", "a door closer", "an effective door mass of {m}",
             "a closer spring of effective stiffness {k}", "a hydraulic damper of {c}", "the hydraulic damper",
             "is choosing a closer for {what}", "Door closer data", "effective door mass", (0.5, 1.6)),
    "seismometer": ("a vertical seismometer", "a vertical seismometer", "a proof mass of {m}", "a spring of stiffness {k}",
                    "electromagnetic damping of {c}", "the damping coil", "is calibrating {what}",
                    "Seismometer constants", "proof mass", (0.4, 0.8)),
    "cart": ("a lab cart tethered to a spring", "a spring-tethered lab cart", "a cart of {m}", "a spring with k = {k}",
             "a magnetic brake providing {c} of damping", "the magnetic brake",
             "is running {what}", "Lab cart setup", "cart mass", (0.03, 0.3)),
}
_DAMPED_STORIES = {
    "car": ["a rally car", "a delivery van", "an electric hatchback", "a vintage roadster"],
    "washer": ["a new front-loader", "a compact washing machine", "a laundromat washer"],
    "door": ["a heavy fire door", "an office entrance door", "a school corridor door"],
    "seismometer": ["a vertical seismometer", "a school seismograph", "a borehole geophone"],
    "cart": ["a damped-oscillation lab with a cart on an air track", "a physics demo with a cart on a track"],
}


@family("spring_damping_ratio", DOMAIN, 6)
def spring_damping_ratio(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    key = pick(rng, list(_DAMPED_SYSTEMS))
    system, short, mass_p, spring_p, damper_p, damper_n, story, sheet, m_desc, (z_lo, z_hi) = _DAMPED_SYSTEMS[key]
    what = pick(rng, _DAMPED_STORIES[key])
    ask = pick(rng, ["zeta", "zeta", "freq", "period", "period", "critical"])
    if ask == "period":
        z_hi = min(z_hi, 0.8)
        z_lo = min(z_lo, 0.3)
    kilo = key == "car"  # a car's spring rate in kN/m, the others in N/m
    if key == "car":
        m = rng.randrange(250, 460, 10)
        k = pick(rng, [16, 18, 20, 22.5, 25, 28, 30, 35, 40]) * 1000
    elif key == "washer":
        m = rng.randint(25, 70)
        k = rng.randrange(6000, 30001, 500)
    elif key == "door":
        m = rng.randint(20, 45)
        k = rng.randrange(150, 601, 10)
    elif key == "seismometer":
        m = pick(rng, [0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 5.0])
        k = round(m * (2 * math.pi * rng.uniform(0.5, 2.0)) ** 2)
    else:
        m = pick(rng, [0.25, 0.3, 0.5, 0.75, 1.0, 1.2, 1.5])
        k = rng.randint(5, 80)
    while True:
        c = 2 * rng.uniform(z_lo, z_hi) * math.sqrt(k * m)
        c = round(c, -1) if c >= 500 else float(f"{c:.2g}")
        zeta = c / (2 * math.sqrt(k * m))
        if c > 0 and (ask != "period" or zeta < 0.85):
            break
    given_c = ask in ("zeta", "period")
    aside = _aside(rng, name)
    mt = f"{fmt_num(m)} kg"
    kt = f"{fmt_num(k / 1000)} kN/m" if kilo else f"{fmt_num(k)} N/m"
    ct = f"{fmt_num(c)} N·s/m"
    mp, spp, dp = mass_p.format(m=mt), spring_p.format(k=kt), damper_p.format(c=ct)
    parts = f"{mp}, {spp} and {dp}" if given_c else f"{mp} and {spp}"
    q0 = {"zeta": "Find the damping ratio ζ.",
          "freq": f"Ignoring {damper_n}, find the undamped natural frequency in Hz.",
          "period": "The motion is underdamped: find the period of the damped oscillation in seconds.",
          "critical": f"What damping coefficient (N·s/m) would {damper_n} need for critical damping?"}[ask]
    q1 = {"zeta": "What damping ratio does that give?",
          "freq": "What is the undamped natural frequency of the system, in Hz?",
          "period": "What is the period of one damped oscillation, in seconds?",
          "critical": f"What critical damping coefficient, in N·s/m, should {damper_n} provide?"}[ask]
    q2 = {"zeta": "What damping ratio am I getting?",
          "freq": "What's its natural frequency in Hz, without damping?",
          "period": "What period, in seconds, does the damped oscillation have?",
          "critical": "How much damping, in N·s/m, would I need to make it critically damped?"}[ask]
    q3 = {"zeta": "the damping ratio ζ", "freq": "the undamped natural frequency f_n (Hz)",
          "period": "the damped period T_d (s)", "critical": "the critical damping coefficient c_c (N·s/m)"}[ask]
    q4 = {"zeta": "Compute the damping ratio ζ = c / (2√(k m)) from the characteristic equation "
                  "m s² + c s + k = 0 written as s² + 2ζω_n s + ω_n² = 0.",
          "freq": "Compute the undamped natural frequency f_n = √(k/m) / (2π) in Hz.",
          "period": "The roots of m s² + c s + k = 0 are −ζω_n ± iω_d; find the damped period 2π/ω_d in s.",
          "critical": "Find the critical damping coefficient c_c = 2√(k m) (in N·s/m), at which "
                      "m s² + c s + k = 0 has a double root."}[ask]
    q5 = {"zeta": "What is the damping ratio of", "freq": "What is the undamped natural frequency, in Hz, of",
          "period": "What is the damped period, in seconds, of",
          "critical": "What critical damping coefficient, in N·s/m, belongs to"}[ask]
    texts = [
        f"{cap(system)} is modelled as a mass-spring-damper with {parts}. {q0}{aside}",
        f"{name} {story.format(what=what)}: {parts}.{aside} {q1}",
        f"I'm working on {system}. The moving mass is {mt}, "
        + (f"the spring stiffness is {kt} and the damping coefficient is {ct}" if given_c
           else f"and the spring stiffness is {kt}") + f". {q2}{aside}",
        f"{sheet}: m = {mt}; k = {kt}" + (f"; c = {ct}" if given_c else "") + f". Report {q3}.{aside}",
        f"Take m x'' + c x' + k x = 0 with m = {mt}, k = {kt}" + (f" and c = {ct}" if given_c else "")
        + f" for {short}. {q4}{aside}",
        f"{q5} {short} carrying {mt} on {article(kt)} spring"
        + (f" with {ct} of damping" if given_c else "") + f"?{aside}",
    ]
    head = f"m = {lit(m)}  # {m_desc} [kg]\n"
    if kilo:
        head += f"k_kN = {lit(k / 1000)}  # spring stiffness [kN/m]\n"
    else:
        head += f"k = {k}  # spring stiffness [N/m]\n"
    if given_c:
        head += f"c = {lit(c)}  # damping coefficient [N*s/m]\n"
    head += "\n" + ("k = k_kN * 1000  # [N/m]\n" if kilo else "")
    if ask == "zeta":
        body = code("""
            zeta, omega_n = sp.symbols("zeta omega_n", positive=True)
            # m s^2 + c s + k = 0 divided by m, matched to s^2 + 2 zeta omega_n s + omega_n^2 = 0
            eqs = [sp.Eq(c / m, 2 * zeta * omega_n), sp.Eq(k / m, omega_n ** 2)]
            sol = sp.solve(eqs, [zeta, omega_n], dict=True)[0]
            answer = float(sol[zeta])
            """)
        units = "dimensionless"
    elif ask == "freq":
        body = code("""
            omega_n = sp.symbols("omega_n", positive=True)
            # undamped: m s^2 + k = 0 has the roots s = ±i omega_n
            omega = sp.solve(sp.Eq(m * omega_n ** 2, k), omega_n)[0]  # [rad/s]
            f_n = omega / (2 * sp.pi)
            answer = float(f_n)  # [Hz]
            """)
        units = "Hz"
    elif ask == "period":
        body = code("""
            s = sp.symbols("s")
            roots = sp.solve(sp.Eq(m * s ** 2 + c * s + k, 0), s)  # s = -zeta omega_n ± i omega_d
            omega_d = abs(sp.im(roots[0]))  # damped angular frequency [rad/s]
            T_d = 2 * sp.pi / omega_d
            answer = float(T_d)  # [s]
            """)
        units = "s"
    else:
        body = code("""
            s, c_c = sp.symbols("s c_c", positive=True)
            # critical damping: m s^2 + c_c s + k = 0 has a double root (zero discriminant)
            disc = sp.discriminant(m * s ** 2 + c_c * s + k, s)
            c_crit = sp.solve(sp.Eq(disc, 0), c_c)[0]
            answer = float(c_crit)  # [N*s/m]
            """)
        units = "N·s/m"
    program = "import sympy as sp\n\n" + head + body
    return texts[phrasing], program, units


# ---- circuits -------------------------------------------------------------------------------

@family("rc_charging", DOMAIN, 6)
def rc_charging(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    Vs = pick(rng, [3.3, 5, 9, 12, 15, 24])
    R_k = pick(rng, [1, 2.2, 3.3, 4.7, 6.8, 10, 22, 47, 100])
    C_u = pick(rng, [10, 22, 47, 100, 220, 470, 1000])
    tau_ms = R_k * C_u  # kΩ · µF = ms
    ask_time = rng.random() < 0.4
    t_ms = float(f"{tau_ms * rng.uniform(0.2, 3.0):.2g}")
    frac = rng.uniform(0.2, 0.95)
    V_target = round(Vs * frac, 1)
    aside = _aside(rng, name)
    t_txt = f"{fmt_num(t_ms)} ms" if t_ms < 1000 else f"{fmt_num(t_ms / 1000)} s"
    slow = tau_ms >= 2000  # answer a long charging time in seconds, a short one in ms
    tu, tw = ("s", "seconds") if slow else ("ms", "milliseconds")
    want = (f"how long (in {tu}) after the switch is closed the capacitor voltage reaches {V_target:g} V"
            if ask_time else f"the capacitor voltage (V) {t_txt} after the switch is closed")
    texts = [
        f"An uncharged {C_u} µF capacitor is charged through {article(f'{R_k:g} kΩ')} resistor "
        f"from {article(f'{Vs:g} V')} source. Find {want}.{aside}",
        f"{name} connects {article(f'{Vs:g} V')} supply, {article(f'{R_k:g} kΩ')} resistor and an empty {C_u} µF capacitor "
        f"in series and closes the switch.{aside} "
        + (f"How many {tw} later does the capacitor voltage reach {V_target:g} V?" if ask_time
           else f"What is the capacitor voltage (V) {t_txt} later?"),
        f"My circuit: {Vs:g} V battery, {R_k:g} kΩ resistor, {C_u} µF capacitor (starts at 0 V). "
        + (f"How many {tw} until the capacitor is at {V_target:g} V?" if ask_time
           else f"What voltage is across the capacitor after {t_txt}?") + aside,
        f"RC charging: source {Vs:g} V; R = {R_k:g} kΩ; C = {C_u} µF; V_C(0) = 0. Using "
        f"V_C(t) = V_s(1 - e^(-t/RC)), determine {want}.{aside}",
        f"For V(t) = {Vs:g}(1 - e^(-t/τ)) volts with τ = RC, R = {R_k:g} kΩ, C = {C_u} µF, "
        + (f"solve V(t) = {V_target:g} V for t in {tw}." if ask_time else f"evaluate V at t = {t_txt}.")
        + aside,
        f"{'After how many ' + tw + ' does' if ask_time else 'What voltage (V) does'} {article(str(C_u))} µF "
        f"capacitor charging from 0 V through {R_k:g} kΩ on {article(f'{Vs:g} V')} supply "
        f"{'reach ' + f'{V_target:g}' + ' V' if ask_time else 'show ' + t_txt + ' after switch-on'}?{aside}",
    ]
    head = (f"V_s = {lit(Vs)}  # supply voltage [V]\nR_kohm = {lit(R_k)}  # resistance [kOhm]\n"
            f"C_uF = {C_u}  # capacitance [uF]\n")
    conv = "R = R_kohm * 1e3  # [Ohm]\nC = C_uF * 1e-6  # [F]\n"
    if ask_time:
        program = ("import sympy as sp\n\n" + head + f"V_target = {lit(V_target)}  # voltage of interest [V]\n\n"
                   + conv + code("""
            t = sp.symbols("t", positive=True)
            V = V_s * (1 - sp.exp(-t / (R * C)))
            t_reach = sp.nsolve(sp.Eq(V, V_target), t, (0, 1000), solver="bisect")
            """) + ("answer = float(t_reach)\n" if slow else "answer = float(t_reach * 1000)  # [ms]\n"))
        return texts[phrasing], program, tu
    if t_ms < 1000:
        tline, tconv = f"t_ms = {lit(t_ms)}  # time after closing the switch [ms]\n", "t = t_ms / 1000  # [s]\n"
    else:
        tline, tconv = f"t = {lit(t_ms / 1000)}  # time after closing the switch [s]\n", ""
    program = ("import sympy as sp\n\n" + head + tline + "\n" + conv + tconv + code("""
        V = V_s * (1 - sp.exp(-t / (R * C)))
        answer = float(V)
        """))
    return texts[phrasing], program, "V"


@family("rc_discharge", DOMAIN, 6)
def rc_discharge(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    device = pick(rng, ["a camera flash", "a defibrillator trainer", "a power-supply filter",
                        "a timing circuit", "a supercapacitor bank"])
    V0 = pick(rng, [5, 9, 12, 48, 100, 300, 400])
    R = pick(rng, [100, 220, 470, 1000, 2200, 10000, 47000])
    C_u = pick(rng, [47, 100, 220, 470, 1000, 2200])
    tau = R * C_u * 1e-6
    ask_time = rng.random() < 0.5
    t_s = float(f"{tau * rng.uniform(0.2, 3.0):.2g}")
    V_t = float(f"{V0 * rng.uniform(0.05, 0.7):.2g}")
    aside = _aside(rng, name)
    Rt = f"{R / 1000:g} kΩ" if R >= 1000 else f"{R} Ω"
    want = (f"the time (in seconds) for the voltage to fall to {V_t:g} V" if ask_time
            else f"the capacitor voltage after {t_s:g} s")
    texts = [
        f"{cap(article(str(C_u)))} µF capacitor charged to {V0} V discharges through {article(Rt)} resistor. Find {want}.{aside}",
        f"In {device} built by {name}, {article(str(C_u))} µF capacitor holds {V0} V when it is switched across "
        f"a {Rt} bleeder resistor.{aside} What is {want}?",
        f"My {C_u} µF cap is at {V0} V and I'm discharging it through {Rt}. "
        + (f"How many seconds until it is down to {V_t:g} V?" if ask_time
           else f"What voltage will it have after {t_s:g} s?") + aside,
        f"Discharge test: C = {C_u} µF; R = {Rt}; V(0) = {V0} V; V(t) = V(0)e^(-t/RC). "
        f"Report {want}.{aside}",
        f"Solve RC dV/dt + V = 0 with V(0) = {V0} V, R = {Rt}, C = {C_u} µF, and "
        + (f"find t (s) where V = {V_t:g} V." if ask_time else f"find V (volts) at t = {t_s:g} s.")
        + aside,
        (f"How long, in seconds, does it take {article(str(C_u))} µF capacitor at {V0} V, discharging through "
         f"{Rt}, to reach {V_t:g} V?{aside}" if ask_time
         else f"What voltage is left on {article(str(C_u))} µF capacitor, initially at {V0} V, after discharging "
              f"through {Rt} for {t_s:g} s?{aside}"),
    ]
    head = (f"V0 = {V0}  # initial capacitor voltage [V]\nR = {R}  # resistance [Ohm]\n"
            f"C_uF = {C_u}  # capacitance [uF]\n")
    if ask_time:
        program = ("import sympy as sp\n\n" + head + f"V_target = {lit(V_t)}  # voltage of interest [V]\n\n"
                   + code("""
            C = C_uF * 1e-6  # [F]
            t = sp.symbols("t", positive=True)
            V = V0 * sp.exp(-t / (R * C))
            t_reach = sp.nsolve(sp.Eq(V, V_target), t, (0, 10000), solver="bisect")
            answer = float(t_reach)
            """))
        return texts[phrasing], program, "s"
    program = ("import sympy as sp\n\n" + head + f"t = {lit(t_s)}  # time since the discharge began [s]\n\n"
               + code("""
        C = C_uF * 1e-6  # [F]
        V = V0 * sp.exp(-t / (R * C))
        answer = float(V)
        """))
    return texts[phrasing], program, "V"


@family("rl_circuit", DOMAIN, 6, held_out=True)
def rl_circuit(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    V = pick(rng, [1.5, 5, 6, 9, 12, 24])
    R = pick(rng, [2, 4.7, 10, 22, 47, 100, 220])
    L_mH = pick(rng, [10, 47, 100, 220, 500, 1000, 2000])
    tau_ms = L_mH / R
    ask_time = rng.random() < 0.4
    t_ms = float(f"{tau_ms * rng.uniform(0.2, 3.0):.2g}")
    frac = rng.choice([0.5, 0.63, 0.75, 0.9, 0.95, 0.99])
    aside = _aside(rng, name)
    Lt = f"{L_mH / 1000:g} H" if L_mH >= 1000 else f"{L_mH} mH"
    want = (f"the time (in ms) for the current to reach {frac * 100:g}% of its final value" if ask_time
            else f"the current (in mA) {fmt_num(t_ms)} ms after the switch is closed")
    texts = [
        f"{cap(article(f'{V:g} V'))} battery is connected at t = 0 to a series circuit with {article(f'{R:g} Ω')} resistor and a "
        f"{Lt} inductor. Using L di/dt + R i = V with i(0) = 0, find {want}.{aside}",
        f"{name} closes a switch that connects {article(f'{V:g} V')} source to {article(Lt)} coil in series with "
        f"{R:g} Ω.{aside} No current flows before the switch is closed. What is {want}?",
        f"I've got {article(Lt)} inductor and {article(f'{R:g} Ω')} resistor in series across "
        f"{article(f'{V:g} V')} supply. "
        + (f"How many ms does it take the current to get to {frac * 100:g}% of its steady value?"
           if ask_time else f"What current flows {fmt_num(t_ms)} ms after switch-on, in mA?") + aside,
        f"RL transient: V = {V:g} V; R = {R:g} Ω; L = {Lt}; i(0) = 0. Solve the circuit "
        f"ODE and report {want}.{aside}",
        f"Solve {Lt} · di/dt + {R:g} Ω · i = {V:g} V, i(0) = 0, and determine {want}.{aside}",
        f"{'How long, in ms, until' if ask_time else 'What is the current, in mA,'} "
        f"{'the current in' if ask_time else fmt_num(t_ms) + ' ms after switching on'} a series "
        f"circuit of {R:g} Ω and {Lt} on {article(f'{V:g} V')} source"
        f"{' reaches ' + f'{frac * 100:g}' + '% of its final value' if ask_time else ''}?{aside}",
    ]
    head = (f"V = {lit(V)}  # source voltage [V]\nR = {lit(R)}  # resistance [Ohm]\n"
            f"L_mH = {L_mH}  # inductance [mH]\n")
    if ask_time:
        head += f"fraction = {lit(frac)}  # fraction of the final current [1]\n"
    else:
        head += f"t_ms = {lit(t_ms)}  # time after closing the switch [ms]\n"
    body = code("""
        L = L_mH / 1000  # [H]
        t = sp.symbols("t", positive=True)
        i = sp.Function("i")
        ode = sp.Eq(L * i(t).diff(t) + R * i(t), V)
        sol = sp.dsolve(ode, i(t), ics={i(0): 0})
        """)
    if ask_time:
        body += ('i_final = V / R  # steady-state current [A]\n'
                 't_reach = sp.nsolve(sp.Eq(sol.rhs, fraction * i_final), t, (0, 100), solver="bisect")\n'
                 'answer = float(t_reach * 1000)  # [ms]\n')
    else:
        body += "answer = float(sol.rhs.subs(t, t_ms / 1000) * 1000)  # [mA]\n"
    program = "import sympy as sp\n\n" + head + "\n" + body
    return texts[phrasing], program, ("ms" if ask_time else "mA")


def _rlc_deviation(s1: complex, s2: complex, u0: float, t: float) -> tuple[float, float]:
    """u(t) and u'(t) for the capacitor voltage minus its final value in a series RLC circuit
    with characteristic roots s1 != s2, u(0) = u0 and u'(0) = 0 (no initial current)."""
    a, b = u0 * s2 / (s2 - s1), -u0 * s1 / (s2 - s1)
    e1, e2 = cmath.exp(s1 * t), cmath.exp(s2 * t)
    return (a * e1 + b * e2).real, (a * s1 * e1 + b * s2 * e2).real


@family("rlc_circuit", DOMAIN, 6)
def rlc_circuit(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    device = pick(rng, ["a radio tuning stage", "an ignition-coil bench", "a snubber on a power board",
                        "a lab demonstration board", "a pulse-forming network"])
    charge = rng.random() < 0.65  # a DC source switched on, else a charged capacitor discharging
    ask_v = rng.random() < 0.6  # capacitor voltage, else current
    while True:
        V = pick(rng, [5, 9, 12, 24, 48]) if charge else pick(rng, [10, 25, 50, 100, 200, 400])
        R = pick(rng, [4.7, 10, 22, 47, 100, 220, 470, 1000])
        L_mH = pick(rng, [10, 22, 47, 100, 220, 470, 1000, 2000])
        C_u = pick(rng, [1, 2.2, 4.7, 10, 22, 47, 100, 220])
        u_t = rng.uniform(0.1, 1.0)
        L, C = L_mH / 1000, C_u * 1e-6
        alpha, w0 = R / (2 * L), 1 / math.sqrt(L * C)
        if not 0.05 <= alpha / w0 <= 3 or abs(alpha / w0 - 1) < 0.03:
            continue
        root = cmath.sqrt(alpha ** 2 - w0 ** 2)
        s1, s2 = -alpha + root, -alpha - root  # s1 is the slow root when overdamped
        if alpha < w0:  # underdamped: a few decay times, at most two periods (half a period for i)
            t_max = min(2.5 / alpha, (0.9 if not ask_v else 4) * math.pi / root.imag)
        else:
            t_max = 2.5 / abs(s1.real)
        t_ms = float(f"{t_max * 1000 * u_t:.2g}")
        # capacitor voltage, or current signed so that it starts positive, at t_ms and on a grid
        resp = [_rlc_deviation(s1, s2, -V if charge else V, t) for t in
                [t_ms / 1000] + [t_max * k / 60 for k in range(61)]]
        vals = [(V if charge else 0) + u if ask_v else (1 if charge else -1) * C * du for u, du in resp]
        val, scale = vals[0], max(abs(x) for x in vals[1:])
        if abs(val) >= 0.15 * scale and (ask_v or val > 0):
            break
    amps = not ask_v and val >= 1
    iu = "A" if amps else "mA"
    aside = _aside(rng, name)
    # the highest voltage an underdamped capacitor reaches (drawn last: the other samples keep
    # their numbers)
    peak = charge and ask_v and alpha < w0 and rng.random() < 0.35
    # ... and when it reaches it (drawn last too)
    peak_time = peak and rng.random() < 0.5
    Rt = "1 kΩ" if R == 1000 else f"{R:g} Ω"
    Lt = f"{L_mH / 1000:g} H" if L_mH >= 1000 else f"{L_mH} mH"
    Ct, Vt = f"{C_u:g} µF", f"{V:g} V"
    tt = f"{fmt_num(t_ms)} ms" if t_ms < 1000 else f"{fmt_num(t_ms / 1000)} s"
    after = "after the switch is closed" if charge else "after the connection is made"
    want = (f"the time (in ms) {after} at which the capacitor voltage peaks" if peak_time
            else f"the highest voltage (V) the capacitor reaches {after}" if peak
            else f"the capacitor voltage (V) {tt} {after}" if ask_v
            else f"the current (in {iu}) {tt} {after}" if charge
            else f"the current (in {iu}) flowing out of the capacitor {tt} {after}")
    tail = (f"{article(Vt)} source is switched onto an uncharged {Ct} capacitor in series with {Rt} and {Lt}"
            if charge else f"{article(Ct)} capacitor holding {Vt} starts discharging through {Rt} and {Lt} in series")
    texts = [
        (f"A series RLC circuit consists of {article(Rt)} resistor, {article(Lt)} inductor and "
         f"{article(Ct)} capacitor. At t = 0 {article(Vt)} DC source is switched on; the capacitor is "
         f"initially uncharged and no current flows." if charge else
         f"{cap(article(Ct))} capacitor charged to {Vt} is connected at t = 0 across {article(Rt)} "
         f"resistor and {article(Lt)} inductor in series; initially no current flows.")
        + f" Find {want}.{aside}",
        (f"{name} is testing {device}: {article(Vt)} battery, {article(Rt)} resistor, {article(Lt)} coil "
         f"and an empty {Ct} capacitor, all in series.{aside} The switch closes at t = 0 with no current "
         f"flowing." if charge else
         f"{name} is testing {device}: {article(Ct)} capacitor charged to {Vt} is suddenly connected to "
         f"{article(Lt)} coil and {article(Rt)} resistor in series.{aside} Nothing flows at the start.")
        + f" What is {want}?",
        (f"I've wired {article(Vt)} supply, {article(Rt)} resistor, {article(Lt)} inductor and {article(Ct)} "
         f"capacitor (starting at 0 V) in series. " if charge else
         f"My {Ct} cap is charged to {Vt} and I let it discharge through {article(Lt)} inductor and "
         f"{article(Rt)} resistor in series. ")
        + ("How many milliseconds after I flip the switch does the capacitor voltage peak?" if peak_time
           else "What is the highest voltage the capacitor reaches after I flip the switch?" if peak
           else f"What voltage is across the capacitor {tt} after I flip the switch?" if ask_v
           else f"How much current, in {iu}, flows {tt} after I flip the switch?" if charge
           else f"What current (in {iu}) comes out of it {tt} after I connect it?") + aside,
        f"RLC transient, series: R = {Rt}; L = {Lt}; C = {Ct}; "
        + (f"DC source {Vt} switched on at t = 0; q(0) = 0; i(0) = 0." if charge
           else f"no source; V_C(0) = {Vt}; i(0) = 0.")
        + (" Report the time (ms) at which V_C peaks." if peak_time
           else " Report the maximum of V_C (V) over time." if peak else f" Report V_C (V) at t = {tt}." if ask_v else f" Report i ({iu}) at t = {tt}." if charge
           else f" Report the discharge current ({iu}) at t = {tt}.") + aside,
        f"Solve L q'' + R q' + q/C = {Vt if charge else 0} with L = {Lt}, R = {Rt}, C = {Ct}, "
        f"q(0) = {'0' if charge else 'C·' + Vt}, q'(0) = 0, and give "
        + ("the time, in ms, at which the capacitor voltage q/C peaks" if peak_time
           else "the largest capacitor voltage q/C, in volts, over all t > 0" if peak
           else ("the capacitor voltage q/C in volts" if ask_v else f"the current {'' if charge else '-'}q' in {iu}")
           + f" at t = {tt}") + f".{aside}",
        ("How many milliseconds after the start does the capacitor voltage peak, when " if peak_time
         else "What is the highest voltage, in volts, the capacitor reaches after " if peak
         else f"What is the capacitor voltage, in volts, {tt} after " if ask_v
         else f"How large is the current, in {iu}, {tt} after ") + f"{tail}?{aside}",
    ]
    head = (f"V_s = {lit(V)}  # source voltage [V]\n" if charge else f"V0 = {lit(V)}  # initial capacitor voltage [V]\n")
    head += f"R = {lit(R)}  # resistance [Ohm]\n"
    conv = ""
    if L_mH >= 1000:
        head += f"L = {lit(L_mH / 1000)}  # inductance [H]\n"
    else:
        head += f"L_mH = {L_mH}  # inductance [mH]\n"
        conv += "L = L_mH / 1000  # [H]\n"
    head += f"C_uF = {lit(C_u)}  # capacitance [uF]\n"
    conv += "C = C_uF * 1e-6  # [F]\n"
    if peak:
        pass  # no time asked
    elif t_ms < 1000:
        head += f"t_ms = {lit(t_ms)}  # time after closing the switch [ms]\n"
        conv += "t_query = t_ms / 1000  # [s]\n"
    else:
        head += f"t_query = {lit(t_ms / 1000)}  # time after closing the switch [s]\n"
    rhs = "[i, (V_s - R * i - q / C) / L]" if charge else "[i, -(R * i + q / C) / L]"
    y0 = "[0, 0]" if charge else "[C * V0, 0]"
    k = " * 1000" if not amps else ""
    last = ("answer = float(sol.y[0, -1] / C)  # capacitor voltage [V]" if ask_v
            else f"answer = float(sol.y[1, -1]{k})  # current [{iu}]" if charge
            else f"answer = float(-sol.y[1, -1]{k})  # discharge current [{iu}]")
    if peak_time:  # the whole response on a fine grid, and the time of its highest point
        solve = ("t_end = 20 * L / R  # ten decay times 2L/R [s]\n"
                 "t_grid = np.linspace(0, t_end, 100001)\n"
                 f"sol = solve_ivp(rhs, (0, t_end), {y0}, t_eval=t_grid, rtol=1e-10, atol=1e-12)\n")
        last = "answer = float(sol.t[np.argmax(sol.y[0])] * 1000)  # time of the highest capacitor voltage [ms]"
    elif peak:  # the whole response, over ten decay times, and its highest point
        solve = ("t_end = 20 * L / R  # ten decay times 2L/R [s]\n"
                 f"sol = solve_ivp(rhs, (0, t_end), {y0}, max_step=t_end / 4000, rtol=1e-10, atol=1e-12)\n")
        last = "answer = float(sol.y[0].max() / C)  # highest capacitor voltage [V]"
    else:
        solve = f"sol = solve_ivp(rhs, (0, t_query), {y0}, rtol=1e-10, atol=1e-12)\n"
    program = (("import numpy as np\n" if peak_time else "") + "from scipy.integrate import solve_ivp\n\n" + head
               + "\n" + conv + "\n\n" + code(f"""
        def rhs(t, y):
            q, i = y
            return {rhs}
        """) + "\n\n" + solve + last + "\n")
    return texts[phrasing], program, ("ms" if peak_time else "V" if peak or ask_v else iu)


# ---- mixing tank ----------------------------------------------------------------------------

@family("mixing_tank", DOMAIN, 6)
def mixing_tank(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    while True:
        vol = pick(rng, [100, 200, 400, 500, 1000, 1500, 2000])
        S0 = pick(rng, [0, 0, 2, 5, 10, 20, 50]) * vol / 500
        S0 = int(S0) if float(S0).is_integer() else round(S0, 1)
        c_g = pick(rng, [5, 10, 20, 25, 40, 50, 80, 100])
        q = pick(rng, [2, 3, 4, 5, 8, 10, 12, 20, 25])
        if abs(S0 - c_g / 1000 * vol) > 0.3 * max(S0, c_g / 1000 * vol):  # not already at equilibrium
            break
    tau = vol / q
    ask = pick(rng, ["amount", "amount", "conc", "time"])
    t_q = round(tau * rng.uniform(0.2, 2.5))
    S_inf = c_g / 1000 * vol
    lo, hi = sorted([S0, S_inf])
    target = round(lo + (hi - lo) * rng.uniform(0.25, 0.8), 1)
    aside = _aside(rng, name)
    start = "pure water" if S0 == 0 else f"water with {fmt_num(S0)} kg of dissolved salt"
    want = {"amount": f"the amount of salt (kg) in the tank after {t_q} minutes",
            "conc": f"the salt concentration (g/L) in the tank after {t_q} minutes",
            "time": f"the time (in minutes) at which the tank contains {target:g} kg of salt"}[ask]
    texts = [
        f"A tank contains {fmt_num(vol)} L of {start}. Brine with {c_g} g of salt per litre flows in "
        f"at {q} L/min, and the well-mixed solution drains at the same rate. Find {want}.{aside}",
        f"{name} runs a pickling vat holding {fmt_num(vol)} L of {start}.{aside} A pump feeds in "
        f"brine at {q} L/min containing {c_g} g/L of salt, while an outlet removes the mixed liquid "
        f"at {q} L/min. What is {want}?",
        f"My tank has {fmt_num(vol)} litres of {start}. I pump in {c_g} g/L salt water at {q} L per "
        f"minute and let the mixture out at the same rate (it stays well stirred). "
        + {"amount": f"How much salt is in it after {t_q} min, in kg?",
           "conc": f"What is the concentration after {t_q} min, in g/L?",
           "time": f"After how many minutes will it hold {target:g} kg of salt?"}[ask] + aside,
        f"Mixing process: volume {fmt_num(vol)} L (constant); initial salt {fmt_num(S0)} kg; "
        f"inflow {q} L/min at {c_g} g/L; outflow {q} L/min, perfectly mixed. Report {want}.{aside}",
        f"Let S(t) be the salt (kg) in {article(fmt_num(vol))} L tank: dS/dt = "
        f"{q}·{c_g / 1000:g} - {q}·S/{fmt_num(vol)}, S(0) = {fmt_num(S0)}, t in minutes. Find {want}.{aside}",
        f"What is {want}, if {fmt_num(vol)} L of {start} in a stirred tank is flushed with brine "
        f"of {c_g} g/L entering at {q} L/min and leaving at the same rate?{aside}",
    ]
    head = (f"volume = {vol}  # liquid in the tank, constant [L]\nS0 = {lit(S0)}  # initial salt [kg]\n"
            f"c_in_g = {c_g}  # salt concentration of the inflow [g/L]\nflow = {q}  # inflow = outflow rate [L/min]\n")
    if ask == "time":
        head += f"S_target = {lit(target)}  # salt amount of interest [kg]\n"
    else:
        head += f"t_query = {t_q}  # time of interest [min]\n"
    body = code("""
        c_in = c_in_g / 1000  # [kg/L]
        t = sp.symbols("t", positive=True)
        S = sp.Function("S")
        ode = sp.Eq(S(t).diff(t), c_in * flow - flow * S(t) / volume)
        sol = sp.dsolve(ode, S(t), ics={S(0): S0})
        """)
    body += {"amount": "answer = float(sol.rhs.subs(t, t_query))\n",
             "conc": "answer = float(sol.rhs.subs(t, t_query) / volume * 1000)  # [g/L]\n",
             "time": ('t_reach = sp.nsolve(sp.Eq(sol.rhs, S_target), t, (0, 10000), solver="bisect")\n'
                      "answer = float(t_reach)\n")}[ask]
    program = "import sympy as sp\n\n" + head + "\n" + body
    return texts[phrasing], program, {"amount": "kg", "conc": "g/L", "time": "min"}[ask]


@family("mixing_tank_varying", DOMAIN, 6)
def mixing_tank_varying(rng: random.Random, phrasing: int):
    """A stirred tank whose inflow and outflow differ, so its volume changes: the textbook brine
    tank with S' = c·q_in - q_out·S/V(t). In litres and kilograms, or in US gallons and pounds;
    asked for the salt or its concentration after a time or when the tank is full. (A family of
    the retrieval bank; the adapter never trained on it.)"""
    name = pick(rng, NAMES)
    vol0 = pick(rng, [100, 200, 300, 400, 500, 600, 800, 1000])
    filling = rng.random() < 0.7
    while True:
        q_in, q_out = pick(rng, [2, 3, 4, 5, 6, 8, 10, 12]), pick(rng, [2, 3, 4, 5, 6, 8, 10, 12])
        if (q_in > q_out) == filling and q_in != q_out:
            break
    dq = abs(q_in - q_out)
    S0 = pick(rng, [0, 0, 2, 4, 5, 10, 15, 20, 25]) * vol0 / 400
    S0 = int(S0) if float(S0).is_integer() else round(S0, 1)
    grams = rng.random() < 0.6
    c = pick(rng, [10, 20, 25, 40, 50, 60, 80, 100]) if grams else pick(rng, [0.01, 0.02, 0.025, 0.05, 0.08, 0.1])
    if filling:
        capacity = vol0 + dq * pick(rng, [25, 40, 50, 60, 75, 100, 150, 200])
        t_end = (capacity - vol0) / dq
    else:
        capacity = pick(rng, [v for v in (1000, 1200, 1500, 2000, 2500) if v > vol0])
        t_end = 0.8 * vol0 / dq
    ask = pick(rng, ["amount", "amount", "conc"] + (["full", "full"] if filling else []))
    t_q = max(1, round(t_end * rng.uniform(0.2, 0.9)))
    mention_cap = ask == "full" or rng.random() < 0.4
    aside = _aside(rng, name)
    # drawn last, so the other samples keep their numbers: the textbook's US tank ("a 500-gallon
    # tank ... 20 lb of salt ... brine with 0.5 lb of salt per gallon at 4 gal/min"), and the
    # concentration when it overflows
    us = rng.random() < 0.5
    if us:
        grams = False
        c = pick(rng, [0.1, 0.25, 0.5, 1, 1.5, 2])
    if ask == "full" and rng.random() < 0.35:
        ask = "full_conc"
    mass, vu, vword, rate = ("lb", "gal", "gallon", "gal/min") if us else ("kg", "L", "litre", "L/min")
    c_unit = "lb/gal" if us else "g/L"  # the unit a concentration is asked in
    c_kg = c / 1000 if grams else c
    ct = f"{c} g" if grams else f"{c:g} {mass}"
    start = "pure water" if S0 == 0 else f"water with {fmt_num(S0)} {mass} of dissolved salt"
    grows = "rises" if filling else "falls"
    want = {"amount": f"the amount of salt ({mass}) in the tank after {t_q} minutes",
            "conc": f"the salt concentration ({c_unit}) in the tank after {t_q} minutes",
            "full": f"the amount of salt ({mass}) in the tank at the moment it starts to overflow",
            "full_conc": f"the salt concentration ({c_unit}) in the tank at the moment it starts to overflow"}[ask]
    Vt, Ct = f"{fmt_num(vol0)} {vu}", f"{fmt_num(capacity)} {vu}"
    cap_s = f" The tank can hold {Ct}." if mention_cap else ""
    texts = [
        f"A tank holds {Vt} of {start}.{cap_s} Brine containing {ct} of salt per {vword} flows in at {q_in} {rate}, "
        f"and the well-mixed solution flows out at {q_out} {rate}, so the volume in the tank {grows}. "
        f"Find {want}.{aside}",
        (f"{name} runs a {Ct} pickling tank that starts with {Vt} of {start}." if mention_cap
         else f"{name} runs a pickling tank that starts with {Vt} of {start}.")
        + f"{aside} A pump adds brine with {ct} of salt per {vword} at {q_in} {rate} while a drain removes the "
        f"stirred mixture at {q_out} {rate}. What is {want}?",
        f"My tank has {fmt_num(vol0)} {vword}s of {start} in it"
        + (f" (it takes {fmt_num(capacity)} {vword}s when full)" if mention_cap else "")
        + f". I pump in salt water with {ct} per {vword} at {q_in} {vu} per minute and let the mixture out at "
        f"{q_out} {vu} per minute; it stays well stirred. "
        + {"amount": f"How much salt is in it after {t_q} min, in {mass}?",
           "conc": f"What is the concentration after {t_q} min, in {c_unit}?",
           "full": f"How much salt ({mass}) is in it when it is about to overflow?",
           "full_conc": f"What is the concentration ({c_unit}) in it when it is about to overflow?"}[ask] + aside,
        f"Mixing process with changing volume: initial volume {Vt}"
        + (f"; tank capacity {Ct}" if mention_cap else "")
        + f"; initial salt {fmt_num(S0)} {mass}; inflow {q_in} {rate} at {ct}/{vu}; outflow {q_out} {rate}; "
        f"perfectly mixed. Report {want}.{aside}",
        f"Let S(t) be the salt ({mass}) in a tank holding V(t) = {fmt_num(vol0)} {'+' if filling else '−'} "
        f"{dq if dq > 1 else ''}t {vword}s, t in minutes: dS/dt = {q_in}·{c_kg:g} − {q_out}·S/V(t), S(0) = "
        f"{fmt_num(S0)}, with {q_in} {rate} of brine at {ct}/{vu} in and {q_out} {rate} out"
        + (f", V(t) ≤ {Ct}" if mention_cap else "") + f". Find {want}.{aside}",
        f"What is {want}, if a stirred tank that starts with {Vt} of {start} receives brine of {ct} per "
        f"{vword} at {q_in} {rate} while the mixture leaves at {q_out} {rate}?{cap_s}{aside}",
    ]
    full = ask in ("full", "full_conc")
    head = (f"volume0 = {vol0}  # initial liquid in the tank [{vu}]\n"
            f"S0 = {lit(S0)}  # initial salt [{mass}]\n")
    head += (f"c_in_g = {c}  # salt concentration of the inflow [g/L]\n" if grams
             else f"c_in = {lit(c)}  # salt concentration of the inflow [{mass}/{vu}]\n")
    head += (f"flow_in = {q_in}  # inflow rate [{rate}]\nflow_out = {q_out}  # outflow rate [{rate}]\n")
    head += (f"capacity = {capacity}  # liquid the tank holds when full [{vu}]\n" if full
             else f"t_query = {t_q}  # time of interest [min]\n")
    pre = "c_in = c_in_g / 1000  # [kg/L]\n" if grams else ""
    if full:
        pre += "t_query = (capacity - volume0) / (flow_in - flow_out)  # time until the tank is full [min]\n"
    per_litre = "" if us else " * 1000"  # (kg/L in g/L)
    last = {"conc": f"answer = float(sol.y[0, -1] / (volume0 + (flow_in - flow_out) * t_query){per_litre})  # [{c_unit}]\n",
            "full_conc": f"answer = float(sol.y[0, -1] / capacity{per_litre})  # [{c_unit}]\n"}.get(
        ask, f"answer = float(sol.y[0, -1])  # salt in the tank [{mass}]\n")
    program = ("from scipy.integrate import solve_ivp\n\n" + head + ("\n" + pre if pre else "") + "\n\n"
               "def rhs(t, y):\n"
               f"    volume = volume0 + (flow_in - flow_out) * t  # liquid in the tank [{vu}]\n"
               "    return [c_in * flow_in - flow_out * y[0] / volume]\n\n\n"
               "sol = solve_ivp(rhs, (0, t_query), [S0], rtol=1e-10, atol=1e-12)\n" + last)
    return texts[phrasing], program, {"amount": mass, "conc": c_unit, "full": mass, "full_conc": c_unit}[ask]


@family("lake_pollution", DOMAIN, 6, held_out=True)
def lake_pollution(rng: random.Random, phrasing: int):
    """A lake fed by a river carrying a pollutant and drained at the same rate, well mixed: its
    concentration some days later, or the days until it reaches a level (held out: a mixing tank
    in other words and units)."""
    name = pick(rng, NAMES)
    lake = pick(rng, ["Lake Arden", "Silver Lake", "the reservoir", "Mill Pond", "Lake Tamsin"])
    V = pick(rng, [2, 5, 8, 10, 20, 40])  # million m^3
    Q = pick(rng, [20, 40, 50, 80, 100, 200]) * 1000  # m^3 per day
    c_in = pick(rng, [2, 4, 5, 8, 10, 12, 15])  # mg/L (g/m^3)
    c0 = pick(rng, [0, 0, 0.5, 1, 2])
    k = Q / (V * 1e6)
    t_end = rng.randint(20, 400)
    ask_time = rng.random() < 0.4
    c_t = c_in + (c0 - c_in) * math.exp(-k * t_end)
    target = round(c0 + (c_in - c0) * rng.uniform(0.2, 0.8), 1)
    aside = _aside(rng, name)
    start = "clean" if c0 == 0 else f"at {c0:g} mg/L"
    want = (f"how many days it takes the lake's concentration to reach {target:g} mg/L" if ask_time
            else f"the pollutant concentration in the lake (mg/L) after {t_end} days")
    flow = f"{fmt_num(Q)} m³ of water per day"
    texts = [
        f"{lake} holds {V} million m³ of water. A river brings in {flow} carrying a pollutant at {c_in} mg/L, and "
        f"the same volume flows out each day. The lake is well mixed and starts {start}. Find {want}.{aside}",
        f"{name} monitors {lake} ({V} million cubic metres).{aside} Since a factory upstream began discharging, the "
        f"inflow of {flow} carries {c_in} mg/L of a pollutant; outflow matches inflow. Starting {start}, "
        + (f"when does the lake reach {target:g} mg/L (in days)?" if ask_time
           else f"what is the concentration after {t_end} days, in mg/L?"),
        f"Our lake: volume {V} million m³, inflow = outflow = {flow}, inflow concentration {c_in} mg/L, initial "
        f"concentration {c0:g} mg/L, fully mixed. "
        + (f"How many days until it hits {target:g} mg/L?" if ask_time else f"What's the concentration on day {t_end}?")
        + aside,
        f"Pollution model: V = {V}×10⁶ m³; Q = {flow}; c_in = {c_in} mg/L; c(0) = {c0:g} mg/L; dc/dt = (Q/V)(c_in − c). "
        f"Report {want}.{aside}",
        f"Solve V dc/dt = Q (c_in - c) with V = {V} million m³, Q = {fmt_num(Q)} m³/day, c_in = {c_in} mg/L and "
        f"c(0) = {c0:g} mg/L, and give {want}.{aside}",
        f"What is {want}, if {lake} ({V} million m³) is fed {flow} with {c_in} mg/L of a pollutant, loses the same "
        f"volume of mixed water each day and starts {start}?{aside}",
    ]
    head = (f"V_million_m3 = {V}  # volume of the lake [million m^3]\nQ = {Q}  # inflow = outflow [m^3/day]\n"
            f"c_in = {c_in}  # pollutant concentration of the inflow [mg/L]\nc0 = {lit(c0)}  # initial concentration [mg/L]\n")
    if ask_time:
        program = ("import math\n\n" + head + f"c_target = {lit(target)}  # concentration of interest [mg/L]\n\n"
                   + "V = V_million_m3 * 1e6  # [m^3]\nk = Q / V  # flushing rate [1/day]\n"
                   + "answer = math.log((c_in - c0) / (c_in - c_target)) / k  # [day]\n")
        return texts[phrasing], program, "days"
    program = ("import math\n\n" + head + f"t = {t_end}  # time [day]\n\n"
               + "V = V_million_m3 * 1e6  # [m^3]\nk = Q / V  # flushing rate [1/day]\n"
               + "answer = c_in + (c0 - c_in) * math.exp(-k * t)  # [mg/L]\n")
    return texts[phrasing], program, "mg/L"


@family("two_tank_cascade", DOMAIN, 6)
def two_tank_cascade(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    plant = pick(rng, ["a pickle factory", "an olive cannery", "a cheese dairy", "a fish-curing shed",
                       "a water-treatment pilot plant"])
    scheme = pick(rng, ["g_kg", "g_kg", "kg_kg", "g_g"])  # inflow unit _ salt unit
    small = scheme == "g_g"
    vols = [10, 20, 25, 40, 50, 80, 100, 150, 200] if small else [100, 200, 300, 400, 500, 800, 1000, 1500, 2000]
    V1, V2 = pick(rng, vols), pick(rng, vols)
    q = pick(rng, [0.5, 1, 1.5, 2, 2.5, 4, 5]) if small else pick(rng, [2, 3, 4, 5, 8, 10, 12, 15, 20, 25])
    c = (pick(rng, [0.01, 0.02, 0.025, 0.05, 0.1, 0.2]) if scheme == "kg_kg"
         else pick(rng, [2, 5, 10, 20, 30, 50]) if small else pick(rng, [5, 10, 20, 25, 40, 50, 80, 100]))
    c_salt = c / 1000 if scheme == "g_kg" else c  # inflow concentration in salt units per litre
    pure = rng.random() < 0.6
    S1, S2 = (round(c_salt * v * pick(rng, [0, 0.2, 0.5, 1.5, 2.0]), 1) for v in (V1, V2))
    if pure:
        S1 = S2 = 0
    pure = S1 == S2 == 0
    S1, S2 = (int(s) if float(s).is_integer() else s for s in (S1, S2))
    ask = pick(rng, ["amount2", "amount2", "amount1", "conc2"])
    tau = (V1 if ask == "amount1" else V1 + V2) / q
    t_q = max(1, round(tau * rng.uniform(0.25, 1.5)))
    aside = _aside(rng, name)
    su = "g" if small else "kg"
    ct = f"{c:g} kg/L" if scheme == "kg_kg" else f"{c} g/L"
    Vt1, Vt2 = f"{fmt_num(V1)} L", f"{fmt_num(V2)} L"

    def holds(s):
        return "pure water" if s == 0 else f"water with {fmt_num(s)} {su} of dissolved salt"

    want = {"amount2": f"the amount of salt ({su}) in tank 2 after {t_q} minutes",
            "amount1": f"the amount of salt ({su}) in tank 1 after {t_q} minutes",
            "conc2": f"the salt concentration (g/L) in tank 2 after {t_q} minutes"}[ask]
    vat = want.replace("tank 1", "the first vat").replace("tank 2", "the second vat")
    texts = [
        f"Two tanks are connected in series. Tank 1 holds {Vt1} and tank 2 holds {Vt2}; "
        + ("both initially contain pure water" if pure else f"tank 1 starts with {holds(S1)}, tank 2 with {holds(S2)}")
        + f". Brine containing {ct} of salt flows into tank 1 at {q:g} L/min, the well-mixed solution flows "
        f"from tank 1 into tank 2 at the same rate, and the mixture in tank 2 drains at {q:g} L/min. "
        f"Find {want}.{aside}",
        f"{name} runs a two-stage brining line at {plant}: {article(Vt1)} vat overflows into {article(Vt2)} "
        f"vat.{aside} At first " + ("both vats hold only fresh water" if pure
                                   else f"the first holds {fmt_num(S1)} {su} of salt and the second {fmt_num(S2)} {su}")
        + f". Brine with {ct} of salt is pumped into the first vat at {q:g} L/min; the stirred overflow "
        f"passes into the second vat, which discharges at the same {q:g} L/min. What is {vat}?",
        f"I have two stirred tanks in a row, {Vt1} in the first and {Vt2} in the second, "
        + ("both starting with clean water" if pure else f"starting with {fmt_num(S1)} {su} and {fmt_num(S2)} {su} of salt")
        + f". I pump {ct} salt water into the first at {q:g} L per minute; it overflows into the second, "
        "and the second drains at the same rate. "
        + {"amount2": f"How much salt is in the second tank after {t_q} min, in {su}?",
           "amount1": f"How much salt is in the first tank after {t_q} min, in {su}?",
           "conc2": f"What concentration (g/L) does the second tank reach after {t_q} min?"}[ask] + aside,
        f"Cascade of two well-mixed tanks: V₁ = {Vt1}, V₂ = {Vt2} (constant); "
        + ("no salt in either tank at t = 0" if pure else f"S₁(0) = {fmt_num(S1)} {su}, S₂(0) = {fmt_num(S2)} {su}")
        + f"; feed {q:g} L/min at {ct} into tank 1; "
        f"tank 1 → tank 2 → outlet at {q:g} L/min. Report {want}.{aside}",
        f"Let x(t) and y(t) be the salt ({su}) in tanks 1 and 2, t in minutes: x' = {q:g}·{c_salt:g} - "
        f"{q:g}x/{fmt_num(V1)}, y' = {q:g}x/{fmt_num(V1)} - {q:g}y/{fmt_num(V2)}, x(0) = {fmt_num(S1)}, "
        f"y(0) = {fmt_num(S2)}. "
        + {"amount2": f"Find y({t_q}).", "amount1": f"Find x({t_q}).",
           "conc2": f"Find the concentration y/{fmt_num(V2)} in g/L at t = {t_q}."}[ask] + aside,
        {"amount2": f"How much salt, in {su}, does the second of two tanks in series hold after {t_q} minutes",
         "amount1": f"How much salt, in {su}, does the first of two tanks in series hold after {t_q} minutes",
         "conc2": f"What salt concentration (g/L) does the second of two tanks in series reach after {t_q} minutes"}[ask]
        + f", if brine of {ct} enters the first ({Vt1}) at {q:g} L/min, the mixed liquid flows on into the "
        f"second ({Vt2}) at the same rate and leaves from there, and "
        + ("both start as pure water?" if pure else f"they start with {fmt_num(S1)} and {fmt_num(S2)} {su} of salt?")
        + aside,
    ]
    head = (f"volume1 = {V1}  # liquid in tank 1, constant [L]\nvolume2 = {V2}  # liquid in tank 2, constant [L]\n"
            f"S1_0 = {lit(S1)}  # initial salt in tank 1 [{su}]\nS2_0 = {lit(S2)}  # initial salt in tank 2 [{su}]\n")
    if scheme == "g_kg":
        head += f"c_in_g = {c}  # salt concentration of the inflow [g/L]\n"
    else:
        head += f"c_in = {lit(c)}  # salt concentration of the inflow [{su}/L]\n"
    head += (f"flow = {lit(q)}  # flow rate into, between and out of the tanks [L/min]\n"
             f"t_query = {t_q}  # time of interest [min]\n")
    conv = "c_in = c_in_g / 1000  # [kg/L]\n\n\n" if scheme == "g_kg" else "\n"
    last = {"amount2": f"answer = float(sol.y[1, -1])  # salt in tank 2 [{su}]\n",
            "amount1": f"answer = float(sol.y[0, -1])  # salt in tank 1 [{su}]\n",
            "conc2": "answer = float(sol.y[1, -1] / volume2" + (" * 1000" if su == "kg" else "")
                     + ")  # concentration in tank 2 [g/L]\n"}[ask]
    program = ("from scipy.integrate import solve_ivp\n\n" + head + "\n" + conv + code("""
        def rhs(t, y):
            S1, S2 = y
            return [c_in * flow - flow * S1 / volume1, flow * S1 / volume1 - flow * S2 / volume2]


        sol = solve_ivp(rhs, (0, t_query), [S1_0, S2_0], rtol=1e-10, atol=1e-12)
        """) + last)
    return texts[phrasing], program, ("g/L" if ask == "conc2" else su)


# ---- radioactivity --------------------------------------------------------------------------

# isotope, half-life, unit, typical sample
_ISOTOPES = [
    ("iodine-131", 8.02, "day", "a medical iodine-131 sample"),
    ("technetium-99m", 6.01, "hour", "a technetium-99m dose"),
    ("radon-222", 3.82, "day", "a radon-222 sample"),
    ("cobalt-60", 5.27, "year", "a cobalt-60 source"),
    ("cesium-137", 30.17, "year", "a cesium-137 source"),
    ("strontium-90", 28.8, "year", "a strontium-90 source"),
    ("phosphorus-32", 14.3, "day", "a phosphorus-32 tracer"),
]


@family("radioactive_decay", DOMAIN, 6)
def radioactive_decay(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    iso, hl, unit, sample = pick(rng, _ISOTOPES)
    m0 = pick(rng, [2, 5, 10, 20, 50, 80, 100, 250, 500])
    mu = pick(rng, ["mg", "g", "µg"])
    ask_time = rng.random() < 0.4
    t = round(hl * rng.uniform(0.3, 4.0), 1 if hl < 10 else 0)
    t = int(t) if float(t).is_integer() else t
    weeks = unit == "day" and not ask_time and rng.random() < 0.3
    t_w = rng.randint(1, 6)
    pct_left = rng.choice([1, 5, 10, 12.5, 20, 25, 30, 40, 60])
    aside = _aside(rng, name)
    us = unit + "s"
    tt = f"{t_w} weeks" if weeks else f"{fmt_num(t)} {us}"
    want = (f"how many {us} it takes until only {pct_left:g}% of it remains" if ask_time
            else f"the mass ({mu}) remaining after {tt}")
    texts = [
        f"{iso[0].upper() + iso[1:]} has a half-life of {hl:g} {us}. Starting with {m0} {mu}, find {want}.{aside}",
        f"{name} receives {sample} containing {m0} {mu} of {iso} (half-life {hl:g} {us}).{aside} "
        + (f"How many {us} will it take until only {pct_left:g}% of it remains?" if ask_time
           else f"What mass ({mu}) of it is left after {tt}?"),
        f"I have {m0} {mu} of {iso}. Its half-life is {hl:g} {us}. "
        + (f"How many {us} until just {pct_left:g}% is left?" if ask_time
           else f"How much is left after {tt}, in {mu}?") + aside,
        f"Inventory record: nuclide {iso}; half-life {hl:g} {us}; initial mass {m0} {mu}. "
        f"Compute {want}.{aside}",
        f"With N(t) = N₀·(1/2)^(t/T½), N₀ = {m0} {mu} and T½ = {hl:g} {us}, "
        + (f"solve N(t) = {pct_left:g}% of N₀ for t (in {us})." if ask_time else f"evaluate N after {tt}.")
        + aside,
        (f"How long (in {us}) until {article(str(m0))} {mu} sample of {iso}, "
         f"half-life {hl:g} {us}, has decayed to {pct_left:g}% of its initial amount?" if ask_time
         else f"How much of {article(str(m0))} {mu} sample of {iso}, half-life {hl:g} {us}, "
              f"remains after {tt} (in {mu})?") + aside,
    ]
    head = f"m0 = {m0}  # initial amount [{mu}]\nhalf_life = {lit(hl)}  # half-life [{unit}]\n"
    if ask_time:
        program = ("import sympy as sp\n\n" + head + f"fraction_left = {lit(pct_left / 100)}  # remaining fraction [1]\n\n"
                   + code("""
            t = sp.symbols("t", positive=True)
            m = m0 * 0.5 ** (t / half_life)
            t_reach = sp.nsolve(sp.Eq(m, fraction_left * m0), t, (0, 100 * half_life), solver="bisect")
            answer = float(t_reach)
            """))
        return texts[phrasing], program, us
    if weeks:
        tline = f"t_weeks = {t_w}  # elapsed time [week]\n"
        conv = "t = t_weeks * 7  # [day]\n"
    else:
        tline, conv = f"t = {lit(t)}  # elapsed time [{unit}]\n", ""
    program = (head + tline + "\n" + conv + code("""
        m = m0 * 0.5 ** (t / half_life)
        answer = float(m)
        """))
    return texts[phrasing], program, mu


@family("carbon_dating", DOMAIN, 6, held_out=True)
def carbon_dating(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    obj = pick(rng, ["a wooden bowl", "a charcoal sample", "a piece of bone", "a linen fragment",
                     "a seed from a storage pit", "a leather sandal"])
    use_activity = rng.random() < 0.4
    pct = round(rng.uniform(8, 95), 1)
    modern = 15.3
    activity = round(modern * pct / 100, 2)
    aside = _aside(rng, name)
    hl = 5730
    given = (f"has a carbon-14 activity of {activity:g} decays per minute per gram, compared with "
             f"{modern:g} for living material" if use_activity
             else f"retains {pct:g}% of the carbon-14 found in living material")
    texts = [
        f"An archaeological sample {given}. Taking the half-life of carbon-14 as {hl:,} years, "
        f"estimate the age of the sample in years.{aside}",
        f"{name} excavates {obj}.{aside} Lab analysis shows that it {given}. Using a carbon-14 "
        f"half-life of {hl:,} years, how old is it?",
        f"We found {obj} and the lab says it {given}. C-14 has a half-life of {hl:,} years. How "
        f"many years ago did the organism die?{aside}",
        f"Radiocarbon report: specimen {obj}; measurement — "
        f"{f'{activity:g} dpm/g vs. {modern:g} dpm/g modern' if use_activity else f'{pct:g}% of modern C-14'}; "
        f"T½ = {hl:,} years. State the age in years.{aside}",
        f"Solve {f'{activity:g} = {modern:g}' if use_activity else f'{pct / 100:g} = 1'}·(1/2)^(t/{hl}) for t "
        f"(years) to date {obj}.{aside}",
        (f"The C-14 activity of {obj} is down to {activity:g} counts per minute per gram, against "
         f"{modern:g} in living tissue" if use_activity
         else f"Only {pct:g}% of the original carbon-14 is left in {obj}")
        + f". With T½ = {hl:,} years, estimate how many years ago the organism died.{aside}",
    ]
    if use_activity:
        head = (f"activity = {lit(activity)}  # measured C-14 activity [decays/min/g]\n"
                f"activity_modern = {lit(modern)}  # activity of living material [decays/min/g]\n")
        ratio = "activity / activity_modern"
    else:
        head = f"fraction_left = {lit(pct / 100)}  # remaining share of C-14 [1]\n"
        ratio = "fraction_left"
    program = ("import sympy as sp\n\n" + head + f"half_life = {hl}  # half-life of carbon-14 [year]\n\n"
               + code(f"""
        t = sp.symbols("t", positive=True)
        eq = sp.Eq(0.5 ** (t / half_life), {ratio})
        age = sp.nsolve(eq, t, (0, 100000), solver="bisect")
        answer = float(age)
        """))
    return texts[phrasing], program, "years"


# ---- springs and falling bodies -------------------------------------------------------------

@family("hookes_law_energy", DOMAIN, 6)
def hookes_law_energy(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    device = pick(rng, ["a toy launcher", "a door spring", "a trampoline spring", "a car suspension "
                        "test spring", "a pinball plunger"])
    F = rng.randint(5, 400)
    x1_cm = rng.randint(2, 20)
    x2_cm = rng.randint(2, 30)
    if x2_cm == x1_cm:
        x2_cm += 3
    ask = pick(rng, ["energy", "speed"])
    m_g = rng.randrange(20, 500, 10)
    aside = _aside(rng, name)
    k_val = F / (x1_cm / 100)
    v = math.sqrt(k_val * (x2_cm / 100) ** 2 / (m_g / 1000))
    if ask == "speed" and v > 60:
        ask = "energy"
    want = (f"the elastic potential energy stored (J) when it is stretched {x2_cm} cm" if ask == "energy"
            else f"the speed (m/s) of {article(str(m_g))} g ball launched by releasing the spring from a "
                 f"compression of {x2_cm} cm (no friction, all elastic energy becomes kinetic)")
    texts = [
        f"A force of {F} N stretches a spring by {x1_cm} cm. Assuming Hooke's law, find {want}.{aside}",
        f"{name} tests {device}: hanging a load that pulls with {F} N extends it by {x1_cm} cm.{aside} "
        f"Treating the spring as ideal, what is {want}?",
        f"If {F} N stretches my spring {x1_cm} cm, "
        + (f"how much energy (in joules) does it store when I stretch it {x2_cm} cm?"
           if ask == "energy"
           else f"how fast (m/s) will it fire {article(str(m_g))} g ball after I compress it "
                f"{x2_cm} cm and let go (ignore friction)?") + aside,
        f"Spring characterisation: calibration force {F} N → extension {x1_cm} cm (linear "
        f"spring). Compute {want}.{aside}",
        f"Use F = kx with F = {F} N at x = {x1_cm} cm, then "
        + (f"E = kx²/2 at x = {x2_cm} cm (in J)." if ask == "energy"
           else f"kx²/2 = mv²/2 with x = {x2_cm} cm and m = {m_g} g to find v (m/s).") + aside,
        f"What is {want}, for a spring that extends {x1_cm} cm under "
        f"{article(str(F))} N force?{aside}",
    ]
    head = f"force = {F}  # calibration force [N]\nstretch_cm = {x1_cm}  # extension under that force [cm]\n"
    if ask == "energy":
        program = head + f"x_cm = {x2_cm}  # extension of interest [cm]\n\n" + code("""
            k = force / (stretch_cm / 100)  # spring constant [N/m]
            energy = 0.5 * k * (x_cm / 100) ** 2
            answer = float(energy)
            """)
        return texts[phrasing], program, "J"
    program = ("import sympy as sp\n\n" + head + f"x_cm = {x2_cm}  # compression before release [cm]\n"
               f"mass_g = {m_g}  # mass of the ball [g]\n\n" + code("""
        k = force / (stretch_cm / 100)  # spring constant [N/m]
        m = mass_g / 1000  # [kg]
        v = sp.symbols("v", positive=True)
        eq = sp.Eq(0.5 * k * (x_cm / 100) ** 2, 0.5 * m * v ** 2)
        answer = float(sp.solve(eq, v)[0])
        """))
    return texts[phrasing], program, "m/s"


@family("free_fall_drag", DOMAIN, 6)
def free_fall_drag(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    obj = pick(rng, ["skydiver", "package", "hailstone"])
    if obj == "skydiver":
        m, c = rng.randint(60, 110), round(rng.uniform(0.18, 0.3), 2)
    elif obj == "package":
        m, c = round(rng.uniform(2, 12), 1), round(rng.uniform(0.01, 0.05), 3)
    else:
        m, c = round(rng.uniform(0.005, 0.05), 3), round(rng.uniform(0.00005, 0.0003), 5)
    vt = math.sqrt(m * 9.81 / c)
    t_end = round(rng.uniform(0.3, 2.0) * vt / 9.81, 1)
    ask_dist = rng.random() < 0.4
    aside = _aside(rng, name)
    what = {"skydiver": "a skydiver", "package": "a package dropped from a hovering drone",
            "hailstone": "a hailstone"}[obj]
    want = (f"the distance fallen (m) after {t_end:g} s" if ask_dist else f"the speed (m/s) after {t_end:g} s")
    texts = [
        f"{what[0].upper() + what[1:]} (mass {m:g} kg) falls from rest. Air resistance is "
        f"c·v² with c = {c:g} kg/m, and g = 9.81 m/s². Find {want}.{aside}",
        f"{name} studies {what}: mass {m:g} kg, starting from rest, with a quadratic drag force of "
        f"{c:g}·v² newtons (v in m/s) and g = 9.81 m/s².{aside} What is {want}?",
        f"If {what} weighing {m:g} kg starts falling from rest and the drag is {c:g} v² N, "
        + (f"how far has it fallen after {t_end:g} s, in metres?" if ask_dist
           else f"how fast is it going after {t_end:g} s?") + f" Take g = 9.81 m/s².{aside}",
        f"Fall model: m = {m:g} kg; v(0) = 0; drag F_d = c v² with c = {c:g} kg/m; "
        f"g = 9.81 m/s². Integrate m dv/dt = mg - cv² and report {want}.{aside}",
        f"Solve dv/dt = 9.81 - ({c:g}/{m:g})·v², v(0) = 0 (SI units), "
        f"{'together with dx/dt = v, x(0) = 0, and give x' if ask_dist else 'and give v'} at t = {t_end:g} s.{aside}",
        f"What is {want} for {what} of {m:g} kg released from rest, with air drag {c:g}·v² "
        f"(kg/m) and g = 9.81 m/s²?{aside}",
    ]
    program = code(f"""
        from scipy.integrate import solve_ivp

        m = {lit(m)}  # mass [kg]
        c = {lit(c)}  # quadratic drag coefficient [kg/m]
        g = 9.81  # gravitational acceleration [m/s^2]
        t_end = {lit(t_end)}  # time after release [s]


        def rhs(t, y):
            x, v = y
            return [v, g - c / m * v ** 2]


        sol = solve_ivp(rhs, (0, t_end), [0, 0], rtol=1e-10, atol=1e-10)
        """) + ("answer = float(sol.y[0, -1])  # distance fallen [m]\n" if ask_dist
                else "answer = float(sol.y[1, -1])  # speed [m/s]\n")
    return texts[phrasing], program, ("m" if ask_dist else "m/s")
