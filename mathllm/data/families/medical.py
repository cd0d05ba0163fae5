"""Medical problem families: pharmacokinetics, diagnostic tests, body measures, dosing, tumour
growth and epidemics.

The numbers are realistic in size but invented: these are modeling exercises, not clinical
guidance. Every ``make(rng, phrasing)`` draws all of its numbers first and only then picks the
text of the requested phrasing, so one seed gives the same numbers in every phrasing.
"""

from __future__ import annotations

import math
import random

from mathllm.data.core import NAMES, article, aside, cap, code, family, fmt_num, lit, pick

DOMAIN = "medical"

_ASIDES = [
    "The patient's room number is {num}.",
    "The infusion pump is {colour}.",
    "{name} had a cup of coffee at {hour}:{minute:02d}.",
    "The ward was repainted {colour} last spring.",
    "The chart was updated on {day} June.",
    "The hospital has {num} beds.",
    "{name}'s appointment had been booked {num2} weeks earlier.",
]

# drug, dose range [mg], volume of distribution [L/kg], half-life range [h]
_DRUGS = [
    ("gentamicin", (80, 400, 20), 0.25, (1.8, 3.0)),
    ("vancomycin", (750, 1500, 250), 0.7, (5.0, 8.0)),
    ("theophylline", (250, 500, 50), 0.5, (6.0, 9.0)),
    ("caffeine", (100, 300, 50), 0.6, (4.0, 6.0)),
    ("paracetamol", (500, 1000, 250), 0.9, (2.0, 3.0)),
    ("the antibiotic", (200, 1000, 100), 0.4, (1.5, 6.0)),
]


def _aside(rng: random.Random, name: str) -> str:
    """An irrelevant sentence (about 30% of the time) with a leading space, or ''."""
    return aside(rng, _ASIDES, name=name, day=lambda r: r.randint(2, 28),
                 num=lambda r: r.randint(101, 640), num2=lambda r: r.randint(2, 9),
                 colour=lambda r: pick(r, ["blue", "grey", "white", "green"]),
                 hour=lambda r: r.randint(7, 11), minute=lambda r: r.randrange(0, 60, 5))


def _drug(rng: random.Random):
    drug, (lo, hi, step), vkg, (hl_lo, hl_hi) = pick(rng, _DRUGS)
    dose = rng.randrange(lo, hi + 1, step)
    half_life = round(rng.uniform(hl_lo, hl_hi), 1)
    return drug, dose, vkg, half_life


# ---- one-compartment pharmacokinetics --------------------------------------------------------

@family("iv_bolus_concentration", DOMAIN, 6)
def iv_bolus_concentration(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, dose, vkg, half_life = _drug(rng)
    weight = rng.randint(50, 100)
    per_kg = rng.random() < 0.4
    V = vkg * weight if per_kg else round(vkg * rng.randint(55, 90))
    hl_minutes = rng.random() < 0.2
    hl_min = int(round(half_life * 60, -1))
    t = max(0.5, round(rng.uniform(0.5, 3.0) * half_life * 2) / 2)
    aside = _aside(rng, name)
    vol = (f"a volume of distribution of {vkg:g} L/kg (body weight {weight} kg)" if per_kg
           else f"a volume of distribution of {fmt_num(V)} L")
    hl = f"{hl_min} minutes" if hl_minutes else f"{half_life:g} hours"
    texts = [
        f"A patient receives an intravenous bolus of {dose} mg of {drug}. The drug has {vol} and "
        f"an elimination half-life of {hl}. Assuming first-order elimination, find the plasma "
        f"concentration (mg/L) {fmt_num(t)} hours after the injection.{aside}",
        f"{name} is given {dose} mg of {drug} as a single IV push.{aside} With {vol} and a "
        f"half-life of {hl}, what plasma concentration, in mg/L, do you expect {fmt_num(t)} h "
        f"later?",
        f"My patient just got {dose} mg {drug} IV. Half-life is about {hl}, and I'm using {vol}. "
        f"What will the level be in mg/L after {fmt_num(t)} hours?{aside}",
        f"Pharmacokinetics worksheet: drug {drug}; IV bolus dose {dose} mg; "
        f"{vol.replace('a volume of distribution of', 'V_d =')}; t½ = {hl}; one-compartment "
        f"model with first-order elimination. Report C(t) at t = {fmt_num(t)} h in mg/L.{aside}",
        f"For C(t) = (D/V)·e^(-kt) with k = ln 2 / t½, D = {dose} mg, "
        f"{'V = ' + f'{vkg:g} L/kg × {weight} kg' if per_kg else 'V = ' + fmt_num(V) + ' L'} and "
        f"t½ = {hl}, evaluate C at t = {fmt_num(t)} h (mg/L).{aside}",
        f"What is the plasma concentration of {drug}, in mg/L, {fmt_num(t)} hours after an IV "
        f"bolus of {dose} mg, if its half-life is {hl} and its volume of distribution is "
        f"{f'{vkg:g} L/kg for a patient weighing {weight} kg' if per_kg else fmt_num(V) + ' L'}?{aside}",
    ]
    vlines = (f"V_per_kg = {lit(vkg)}  # volume of distribution per kg [L/kg]\n"
              f"weight = {weight}  # body weight [kg]") if per_kg else f"V = {lit(V)}  # volume of distribution [L]"
    hline = (f"half_life_min = {hl_min}  # elimination half-life [min]" if hl_minutes
             else f"half_life = {lit(half_life)}  # elimination half-life [h]")
    derived = ""
    if per_kg:
        derived += "V = V_per_kg * weight  # volume of distribution [L]\n"
    if hl_minutes:
        derived += "half_life = half_life_min / 60  # [h]\n"
    program = ("import sympy as sp\n\n" + f"dose = {dose}  # IV bolus dose [mg]\n" + vlines + "\n" + hline
               + f"\nt = {lit(t)}  # time since the dose [h]\n\n" + derived + code("""
        k = sp.log(2) / half_life  # elimination rate constant [1/h]
        C = dose / V * sp.exp(-k * t)
        answer = float(C)
        """))
    return texts[phrasing], program, "mg/L"


@family("iv_bolus_time_below", DOMAIN, 6)
def iv_bolus_time_below(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, dose, vkg, half_life = _drug(rng)
    V = round(vkg * rng.randint(55, 90))
    C0 = dose / V
    threshold = float(f"{C0 * rng.uniform(0.08, 0.6):.2g}")
    in_minutes = rng.random() < 0.25
    aside = _aside(rng, name)
    u = "minutes" if in_minutes else "hours"
    thr = f"{threshold:g} mg/L"
    texts = [
        f"After an IV bolus of {dose} mg, a drug distributes into {fmt_num(V)} L and is "
        f"eliminated with a half-life of {half_life:g} h. How long (in {u}) until the plasma "
        f"concentration falls to {thr}?{aside}",
        f"{name} receives {dose} mg of {drug} intravenously.{aside} Its volume of distribution is "
        f"{fmt_num(V)} L and its half-life {half_life:g} hours. The next dose is due when the "
        f"level drops to {thr}. After how many {u} is that?",
        f"We gave {dose} mg of {drug} IV. Vd is {fmt_num(V)} L, half-life {half_life:g} h. When "
        f"will the plasma level be down to {thr}? Please answer in {u}.{aside}",
        f"Dosing note: {drug}, {dose} mg IV bolus; V_d = {fmt_num(V)} L; t½ = "
        f"{half_life:g} h; first-order elimination. Determine the time, in {u}, at which the "
        f"concentration reaches the threshold of {thr}.{aside}",
        f"Solve (D/V)·e^(-kt) = {threshold:g} mg/L for t, where D = {dose} mg, V = {fmt_num(V)} L "
        f"and k = ln 2 / {half_life:g} h. Give t in {u}.{aside}",
        f"How many {u} after {article(str(dose) + ' mg')} intravenous injection does the plasma concentration of "
        f"{drug} fall below {thr}, given a distribution volume of {fmt_num(V)} L and a half-life "
        f"of {half_life:g} h?{aside}",
    ]
    last = ("answer = float(t_below * 60)  # [min]" if in_minutes else "answer = float(t_below)")
    program = code(f"""
        import sympy as sp

        dose = {dose}  # IV bolus dose [mg]
        V = {lit(V)}  # volume of distribution [L]
        half_life = {lit(half_life)}  # elimination half-life [h]
        threshold = {lit(threshold)}  # concentration of interest [mg/L]

        t = sp.symbols("t", positive=True)
        k = sp.log(2) / half_life  # elimination rate constant [1/h]
        C = dose / V * sp.exp(-k * t)
        t_below = sp.nsolve(sp.Eq(C, threshold), t, (0, 500), solver="bisect")
        """) + last + "\n"
    return texts[phrasing], program, ("min" if in_minutes else "h")


@family("repeated_dosing", DOMAIN, 6, held_out=True)
def repeated_dosing(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, dose, vkg, half_life = _drug(rng)
    V = round(vkg * rng.randint(55, 90))
    tau = pick(rng, [4, 6, 8, 12, 24])
    if tau > 4 * half_life:
        tau = max(4, int(2 * half_life))
    ask_ss = rng.random() < 0.55
    n = rng.randint(2, 6)
    aside = _aside(rng, name)
    ordinal = ["", "first", "second", "third", "fourth", "fifth", "sixth"][n]
    want = ("the steady-state peak and trough concentrations (mg/L)" if ask_ss
            else f"the peak concentration (mg/L) just after dose number {n}")
    texts = [
        f"A drug is given as an IV bolus of {dose} mg every {tau} hours. Its volume of "
        f"distribution is {fmt_num(V)} L and its half-life is {half_life:g} h. Find {want}.{aside}",
        f"{name} receives {drug}, {dose} mg IV every {tau} h.{aside} The drug has a half-life of "
        f"{half_life:g} hours and distributes into {fmt_num(V)} L. What "
        f"{'are ' + want.replace('the ', '', 1) if ask_ss else 'is ' + want}?",
        f"I'm dosing {drug} at {dose} mg IV q{tau}h (half-life {half_life:g} h, Vd "
        f"{fmt_num(V)} L). "
        + ("What peak and trough levels should I expect once it reaches steady state, in mg/L?"
           if ask_ss else f"What will the peak level be right after the {ordinal} dose, in mg/L?")
        + aside,
        f"Regimen review: {drug} {dose} mg by IV bolus, dosing interval {tau} h; V_d = "
        f"{fmt_num(V)} L; t½ = {half_life:g} h; linear one-compartment kinetics with "
        f"superposition. Report {want}.{aside}",
        f"With C_1 = D/V after one dose and a decay factor r = e^(-kτ) per interval (k = ln 2 / "
        f"t½), compute {want} for D = {dose} mg, V = {fmt_num(V)} L, t½ = {half_life:g} h, "
        f"τ = {tau} h.{aside}",
        f"What {'are ' + want.replace('the ', '', 1) if ask_ss else 'is ' + want} for {dose} mg of "
        f"{drug} given "
        f"intravenously every {tau} hours, when its half-life is {half_life:g} h and its volume of "
        f"distribution {fmt_num(V)} L?{aside}",
    ]
    if ask_ss:
        program = code(f"""
            import numpy as np

            dose = {dose}  # IV bolus dose [mg]
            V = {lit(V)}  # volume of distribution [L]
            half_life = {lit(half_life)}  # elimination half-life [h]
            tau = {tau}  # dosing interval [h]

            k = np.log(2) / half_life  # elimination rate constant [1/h]
            r = np.exp(-k * tau)  # fraction left after one interval
            peak = dose / V / (1 - r)
            trough = peak * r
            answer = {{"peak": float(peak), "trough": float(trough)}}
            """)
        return texts[phrasing], program, "mg/L"
    program = code(f"""
        import numpy as np

        dose = {dose}  # IV bolus dose [mg]
        V = {lit(V)}  # volume of distribution [L]
        half_life = {lit(half_life)}  # elimination half-life [h]
        tau = {tau}  # dosing interval [h]
        n = {n}  # number of doses given [1]

        k = np.log(2) / half_life  # elimination rate constant [1/h]
        r = np.exp(-k * tau)  # fraction left after one interval
        peak_n = dose / V * (1 - r ** n) / (1 - r)
        answer = float(peak_n)
        """)
    return texts[phrasing], program, "mg/L"


@family("infusion_steady_state", DOMAIN, 6)
def infusion_steady_state(rng: random.Random, phrasing: int):
    """A constant-rate infusion asked for its plateau: the steady-state concentration R/(kV), or
    the time to reach a share of it, -ln(1 - f)/k; the elimination given as a rate constant, a
    clearance or a half-life. (A family of the retrieval bank; the adapter never trained on it.)"""
    name = pick(rng, NAMES)
    drug = pick(rng, ["heparin", "lidocaine", "morphine", "the sedative", "the antibiotic", "theophylline"])
    V = rng.randint(15, 60)
    given = pick(rng, ["k", "clearance", "half_life", "half_life"])
    half_life = pick(rng, [1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 10, 12])
    k = round(rng.uniform(0.08, 0.6), 2)
    CL = round(rng.uniform(1.5, 12), 1)
    R = rng.randrange(10, 200, 5)
    ask = pick(rng, ["css", "css", "share"])
    share = pick(rng, [50, 75, 80, 90, 95, 99])
    aside = _aside(rng, name)
    elim = {"k": f"an elimination rate constant of {k:g} per hour", "clearance": f"a clearance of {CL:g} L/h",
            "half_life": f"an elimination half-life of {fmt_num(half_life)} hours"}[given]
    elim_short = {"k": f"k = {k:g} h⁻¹", "clearance": f"CL = {CL:g} L/h", "half_life": f"t½ = {fmt_num(half_life)} h"}[given]
    want = ("the steady-state plasma concentration (mg/L) the infusion approaches" if ask == "css"
            else f"how many hours it takes for the concentration to reach {share}% of its steady-state value")
    texts = [
        f"A drug is infused intravenously at a constant {R} mg/h into a patient with a volume of distribution "
        f"of {V} L and {elim}. Starting from no drug, the concentration obeys dC/dt = R/V - kC. Find {want}.{aside}",
        f"{name} is started on a continuous infusion of {drug} at {R} mg per hour.{aside} The drug distributes "
        f"into {V} L and is eliminated by first-order kinetics with {elim}. "
        + ("If the infusion keeps running, what concentration (mg/L) does the plasma level approach?" if ask == "css"
           else f"How many hours after the start does the concentration reach {share}% of its plateau?"),
        f"We're running {drug} at {R} mg/h, no loading dose, Vd {V} L, {elim_short}. "
        + ("What's the plateau level in mg/L?" if ask == "css" else f"When do we hit {share}% of steady state (h)?")
        + aside,
        f"Infusion model: zero-order input {R} mg/h; V = {V} L; {elim_short}; C(0) = 0. Report {want}.{aside}",
        f"Solve dC/dt = R/V - kC with R = {R} mg/h, V = {V} L and {elim_short}"
        + (" (k = ln 2 / t½)" if given == "half_life" else " (k = CL/V)" if given == "clearance" else "")
        + (". As t grows, C approaches a constant: what is it, in mg/L?" if ask == "css"
           else f", C(0) = 0. At what time t (h) is C at {share}% of its limit?") + aside,
        ("What steady-state plasma concentration (mg/L) does a constant infusion of " if ask == "css"
         else "How many hours does a constant infusion of ")
        + f"{drug} at {R} mg/h " + ("reach" if ask == "css" else f"take to reach {share}% of its steady-state level")
        + f", if the volume of distribution is {V} L and the drug has {elim}?{aside}",
    ]
    lines = [f"R = {R}  # infusion rate [mg/h]", f"V = {V}  # volume of distribution [L]"]
    if given == "k":
        lines.append(f"k = {lit(k)}  # elimination rate constant [1/h]")
    elif given == "clearance":
        lines.append(f"CL = {lit(CL)}  # clearance [L/h]")
    else:
        lines.append(f"half_life = {lit(half_life)}  # elimination half-life [h]")
    if ask == "share":
        lines.append(f"share = {lit(share / 100)}  # share of the steady-state level asked about [1]")
    body = []
    if given == "clearance":
        body.append("k = CL / V  # elimination rate constant [1/h]")
    elif given == "half_life":
        body.append("k = math.log(2) / half_life  # elimination rate constant [1/h]")
    body.append("C_ss = R / (k * V)  # steady-state concentration [mg/L]")
    body.append("answer = float(C_ss)" if ask == "css"
                else "answer = float(-math.log(1 - share) / k)  # C = C_ss * (1 - exp(-k t)) [h]")
    program = "import math\n\n" + "\n".join(lines) + "\n\n" + "\n".join(body) + "\n"
    return texts[phrasing], program, "mg/L" if ask == "css" else "h"


@family("infusion_ode", DOMAIN, 6)
def infusion_ode(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug = pick(rng, ["heparin", "lidocaine", "morphine", "the sedative", "the antibiotic"])
    V = rng.randint(15, 60)
    k = round(rng.uniform(0.1, 0.9), 2)
    use_cl = rng.random() < 0.4
    CL = round(k * V, 1)
    rate_h = rng.randrange(10, 200, 5)
    per_min = rng.random() < 0.25
    rate_min = round(rate_h / 60, 2)
    ask_time = rng.random() < 0.35
    t_q = round(rng.uniform(0.5, 3.0) / k * 2) / 2
    aside = _aside(rng, name)
    kk = CL / V if use_cl else k
    R = rate_min * 60 if per_min else rate_h
    css = R / V / kk
    target = float(f"{css * rng.uniform(0.3, 0.85):.2g}")
    rate_txt = f"{rate_min:g} mg/min" if per_min else f"{rate_h} mg/h"
    elim = (f"a clearance of {CL:g} L/h" if use_cl else f"an elimination rate constant of {k:g} per hour")
    want = (f"how long (in hours) it takes for the concentration to reach {target:g} mg/L" if ask_time
            else f"the plasma concentration (mg/L) after {fmt_num(t_q)} hours")
    texts = [
        f"A drug is infused intravenously at a constant rate of {rate_txt} into a patient with a "
        f"volume of distribution of {V} L and {elim}. Starting from zero, the concentration obeys "
        f"dC/dt = R/V - kC. Find {want}.{aside}",
        f"{name} is started on a continuous infusion of {drug} at {rate_txt}.{aside} The drug "
        f"distributes into {V} L and is eliminated by first-order kinetics with {elim}. There was "
        f"no drug in the body before. Determine {want}.",
        f"We're running {drug} at {rate_txt}, no loading dose, Vd {V} L, {elim}. "
        + (f"When will the plasma level hit {target:g} mg/L (hours)?" if ask_time
           else f"What is the plasma level after {fmt_num(t_q)} h, in mg/L?") + aside,
        f"Infusion model: zero-order input R = {rate_txt}; V = {V} L; "
        + (f"CL = {CL:g} L/h" if use_cl else f"k = {k:g} 1/h") + "; C(0) = 0. "
        f"Solve the ODE and report {want}.{aside}",
        f"Solve dC/dt = R/V - kC, C(0) = 0, with R = {rate_txt}, V = {V} L and "
        + (f"k = CL/V, CL = {CL:g} L/h. " if use_cl else f"k = {k:g} h⁻¹. ")
        + (f"At what time t (h) does C reach {target:g} mg/L?" if ask_time
           else f"What is C at t = {fmt_num(t_q)} h (mg/L)?") + aside,
        (f"How many hours after starting a constant infusion of {drug} at {rate_txt} does its "
         f"plasma concentration reach {target:g} mg/L" if ask_time
         else f"What plasma concentration (mg/L) is reached {fmt_num(t_q)} hours after starting a "
              f"constant infusion of {drug} at {rate_txt}")
        + f", if the volume of distribution is {V} L and the drug has {elim}?{aside}",
    ]
    rate_line = (f"rate_per_min = {lit(rate_min)}  # infusion rate [mg/min]" if per_min
                 else f"R = {rate_h}  # infusion rate [mg/h]")
    k_line = (f"CL = {lit(CL)}  # clearance [L/h]" if use_cl else f"k = {lit(k)}  # elimination rate constant [1/h]")
    q_line = (f"C_target = {lit(target)}  # concentration of interest [mg/L]" if ask_time
              else f"t_query = {lit(t_q)}  # time since the start of the infusion [h]")
    derived = ""
    if per_min:
        derived += "R = rate_per_min * 60  # infusion rate [mg/h]\n"
    if use_cl:
        derived += "k = CL / V  # elimination rate constant [1/h]\n"
    last = ('t_reach = sp.nsolve(sp.Eq(sol.rhs, C_target), t, (0, 500), solver="bisect")\n'
            "answer = float(t_reach)\n") if ask_time else "answer = float(sol.rhs.subs(t, t_query))\n"
    program = ("import sympy as sp\n\n" + rate_line + f"\nV = {V}  # volume of distribution [L]\n" + k_line
               + "\n" + q_line + "\n\n" + derived + code("""
        t = sp.symbols("t", positive=True)
        C = sp.Function("C")
        ode = sp.Eq(C(t).diff(t), R / V - k * C(t))
        sol = sp.dsolve(ode, C(t), ics={C(0): 0})
        """) + last)
    return texts[phrasing], program, ("h" if ask_time else "mg/L")


# drug, oral dose range [mg], volume of distribution [L/kg], elimination half-life range [h]
_ORAL_DRUGS = [
    ("paracetamol", (500, 1000, 250), 0.9, (2.0, 3.0)),
    ("ibuprofen", (200, 800, 200), 0.15, (1.8, 2.5)),
    ("theophylline", (200, 400, 100), 0.5, (6.0, 9.0)),
    ("caffeine", (100, 300, 50), 0.6, (4.0, 6.0)),
    ("amoxicillin", (250, 1000, 250), 0.3, (1.0, 1.5)),
    ("atenolol", (50, 100, 25), 0.8, (6.0, 7.0)),
]


@family("two_compartment_bolus", DOMAIN, 6)
def two_compartment_bolus(rng: random.Random, phrasing: int):
    """An IV bolus into a central compartment that exchanges drug with a peripheral one and
    eliminates it from the central one (a system of two ODEs): the central concentration, or the
    amount in the peripheral compartment, some hours after the dose."""
    name = pick(rng, NAMES)
    drug, dose, _, _ = _drug(rng)
    Vc = rng.randint(8, 40)
    k12 = round(rng.uniform(0.1, 1.2), 2)
    k21 = round(rng.uniform(0.05, 0.6), 2)
    k10 = round(rng.uniform(0.05, 0.5), 2)
    t = pick(rng, [1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12])
    ask_peripheral = rng.random() < 0.35
    aside = _aside(rng, name)
    hours = "hour" if t == 1 else "hours"
    want = (f"the amount of drug (mg) in the peripheral compartment {fmt_num(t)} {hours} after the injection"
            if ask_peripheral else f"the plasma (central) concentration in mg/L {fmt_num(t)} {hours} after the injection")
    rates = (f"the rate constant from the central to the peripheral compartment is {k12:g} per hour, from the "
             f"peripheral back to the central one {k21:g} per hour, and the drug is eliminated from the central "
             f"compartment with a rate constant of {k10:g} per hour")
    texts = [
        f"A patient receives an IV bolus of {dose} mg of {drug}, described by a two-compartment model with a "
        f"central volume of {Vc} L: {rates}. Find {want}.{aside}",
        f"{name} is given {dose} mg of {drug} as a rapid IV injection.{aside} In a two-compartment model the "
        f"central compartment has a volume of {Vc} L, k12 = {k12:g} /h, k21 = {k21:g} /h and k10 = {k10:g} /h. "
        + ("How many mg are in the peripheral compartment " if ask_peripheral
           else "What is the plasma concentration, in mg/L, ") + f"{fmt_num(t)} h after the dose?",
        f"My pharmacokinetics model: central compartment {Vc} L, transfer out of it at {k12:g}/h, back at "
        f"{k21:g}/h, elimination {k10:g}/h; {dose} mg of {drug} goes into the central compartment at t = 0. "
        + ("What amount (mg) sits in the peripheral compartment" if ask_peripheral
           else "What concentration (mg/L) does the central compartment have") + f" after {fmt_num(t)} {hours}?{aside}",
        f"Two-compartment PK worksheet: IV bolus {dose} mg; V_c = {Vc} L; k12 = {k12:g} h⁻¹; k21 = {k21:g} h⁻¹; "
        f"k10 = {k10:g} h⁻¹; nothing in the peripheral compartment at first. Report {want}.{aside}",
        f"Solve dA1/dt = -(k12 + k10)·A1 + k21·A2, dA2/dt = k12·A1 - k21·A2 with A1(0) = {dose} mg, A2(0) = 0, "
        f"k12 = {k12:g}, k21 = {k21:g}, k10 = {k10:g} (per hour) and a central volume of {Vc} L, and give "
        + ("A2 (mg)" if ask_peripheral else "the central concentration A1/V (mg/L)") + f" at t = {fmt_num(t)} h.{aside}",
        f"What is {want}, if {dose} mg of {drug} is injected into a central compartment of {Vc} L and {rates}?{aside}",
    ]
    # (the central volume is no parameter of the amount in the peripheral compartment)
    vline = "" if ask_peripheral else f"V_c = {Vc}  # volume of the central compartment [L]\n        "
    last = ("answer = float(sol.y[1, -1])  # amount in the peripheral compartment [mg]" if ask_peripheral
            else "answer = float(sol.y[0, -1] / V_c)  # central concentration [mg/L]")
    program = code(f"""
        from scipy.integrate import solve_ivp

        dose = {dose}  # IV bolus dose [mg]
        {vline}k12 = {lit(k12)}  # rate constant, central to peripheral [1/h]
        k21 = {lit(k21)}  # rate constant, peripheral to central [1/h]
        k10 = {lit(k10)}  # elimination rate constant from the central compartment [1/h]
        t_query = {lit(t)}  # time after the dose [h]


        def rhs(t, y):
            a1, a2 = y  # drug in the central and peripheral compartments [mg]
            return [-(k12 + k10) * a1 + k21 * a2, k12 * a1 - k21 * a2]


        sol = solve_ivp(rhs, (0, t_query), [dose, 0], rtol=1e-10, atol=1e-12)
        """) + last + "\n"
    return texts[phrasing], program, ("mg" if ask_peripheral else "mg/L")


@family("oral_absorption", DOMAIN, 6)
def oral_absorption(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, (lo, hi, step), vkg, (hl_lo, hl_hi) = pick(rng, _ORAL_DRUGS)
    dose = rng.randrange(lo, hi + 1, step)
    V = round(vkg * rng.randint(55, 90))
    half_life = round(rng.uniform(hl_lo, hl_hi), 1)
    use_hl = rng.random() < 0.5
    ke = round(math.log(2) / half_life, 2)
    kel = math.log(2) / half_life if use_hl else ke
    ka = pick(rng, [x for x in (0.5, 0.6, 0.8, 1.0, 1.2, 1.5, 1.8, 2.0, 2.5, 3.0) if x >= 1.5 * kel])
    use_f = rng.random() < 0.35
    F = pick(rng, [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
    ask = pick(rng, ["conc", "conc", "conc", "tmax", "tmax", "cmax", "cmax", "both"])
    t_peak = math.log(ka / kel) / (ka - kel)
    t_q = max(0.5, round(rng.uniform(0.3, 3.0) * t_peak * 2) / 2)
    aside = _aside(rng, name)
    el = (f"an elimination half-life of {half_life:g} hours" if use_hl
          else f"an elimination rate constant of {ke:g} per hour")
    el_short = f"t½ = {half_life:g} h" if use_hl else f"ke = {ke:g} h⁻¹"
    fb = f" and an oral bioavailability of {F * 100:g}%" if use_f else ""
    want = {"conc": f"the plasma concentration (mg/L) {fmt_num(t_q)} hours after the dose",
            "tmax": "the time (in hours) at which the plasma concentration peaks",
            "cmax": "the peak plasma concentration (mg/L)",
            "both": "the time of the peak (h) and the peak plasma concentration (mg/L)"}[ask]
    mine = {"conc": f"What will my blood level be {fmt_num(t_q)} h after taking it, in mg/L?",
            "tmax": "How many hours after taking it will my blood level peak?",
            "cmax": "How high, in mg/L, will my blood level get at its peak?",
            "both": "When will my blood level peak (hours), and how high (mg/L) will it get?"}[ask]
    bateman = ("A_g' = -ka·A_g, A_p' = ka·A_g - ke·A_p with A_g(0) = " + ("F·D" if use_f else "D")
               + ", A_p(0) = 0 and C = A_p/V" if ask == "conc" else
               "C(t) = " + ("F·" if use_f else "") + "D·ka/(V·(ka - ke))·(e^(-ke·t) - e^(-ka·t))")
    texts = [
        f"A patient takes {dose} mg of {drug} by mouth. The drug is absorbed from the gut by "
        f"first-order kinetics with an absorption rate constant of {ka:g} per hour{fb}. It has "
        f"a volume of distribution of {fmt_num(V)} L and {el}. Using a one-compartment model, "
        f"find {want}.{aside}",
        f"{name} swallows {dose} mg of {drug} in tablet form.{aside} It enters the bloodstream from the "
        f"stomach at a rate proportional to the amount still there (ka = {ka:g} h⁻¹){fb}, spreads "
        f"into {fmt_num(V)} L and is cleared with {el}. What {'are' if ask == 'both' else 'is'} {want}?",
        f"I just took {dose} mg of {drug} orally. Absorption goes at {ka:g}/h{fb}, Vd is "
        f"{fmt_num(V)} L and it is eliminated with {el}. {mine}{aside}",
        f"PK summary — {drug}, single oral dose {dose} mg; ka = {ka:g} h⁻¹; {el_short}; "
        f"V_d = {fmt_num(V)} L" + (f"; F = {F * 100:g}%" if use_f else "")
        + f"; one-compartment model, first-order absorption and elimination. Report {want}.{aside}",
        f"Take {bateman}, for D = {dose} mg, ka = {ka:g} h⁻¹, "
        + (f"ke = ln 2 / t½ with t½ = {half_life:g} h" if use_hl else f"ke = {ke:g} h⁻¹")
        + f", V = {fmt_num(V)} L" + (f" and F = {F * 100:g}%" if use_f else "") + ". "
        + {"conc": f"Evaluate C at t = {fmt_num(t_q)} h (mg/L).", "tmax": "Locate t_max (h).",
           "cmax": "Compute C_max (mg/L).", "both": "Compute t_max (h) and C_max (mg/L)."}[ask]
        + aside,
        f"What {'are' if ask == 'both' else 'is'} {want.replace(' after the dose', '')} after a single oral dose of {dose} mg of {drug}, given "
        f"first-order "
        f"absorption at {ka:g} per hour{fb}, {el} and a distribution volume of "
        f"{fmt_num(V)} L?{aside}",
    ]
    head = (("import numpy as np\n" if use_hl or ask != "conc" else "")
            + ("from scipy.integrate import solve_ivp\n" if ask == "conc" else "") + "\n")
    lines = []
    if ask != "tmax":
        lines.append(f"dose = {dose}  # oral dose [mg]")
        if use_f:
            lines.append(f"F = {lit(F)}  # oral bioavailability [1]")
    lines.append(f"ka = {lit(ka)}  # absorption rate constant [1/h]")
    lines.append(f"half_life = {lit(half_life)}  # elimination half-life [h]" if use_hl
                 else f"ke = {lit(ke)}  # elimination rate constant [1/h]")
    if ask != "tmax":
        lines.append(f"V = {lit(V)}  # volume of distribution [L]")
    if ask == "conc":
        lines.append(f"t_query = {lit(t_q)}  # time since the dose [h]")
    derived = "ke = np.log(2) / half_life  # elimination rate constant [1/h]\n" if use_hl else ""
    absorbed = "F * dose" if use_f else "dose"
    if ask == "conc":
        model = ("\n\n" if derived else "\n") + code("""
            def gut_plasma(t, y):
                A_gut, A_plasma = y
                return [-ka * A_gut, ka * A_gut - ke * A_plasma]
            """) + "\n\n" + code(f"""
            sol = solve_ivp(gut_plasma, (0, t_query), [{absorbed}, 0], rtol=1e-9, atol=1e-12)
            answer = float(sol.y[1, -1] / V)  # [mg/L]
            """)
    else:
        model = "t_max = np.log(ka / ke) / (ka - ke)  # time of the peak [h]\n"
        if ask != "tmax":
            model += (f"C_max = {absorbed} * ka / (V * (ka - ke)) * (np.exp(-ke * t_max) - "
                      "np.exp(-ka * t_max))  # [mg/L]\n")
        model += {"tmax": "answer = float(t_max)\n", "cmax": "answer = float(C_max)\n",
                  "both": 'answer = {"t_max": float(t_max), "C_max": float(C_max)}\n'}[ask]
    program = head + "\n".join(lines) + "\n\n" + derived + model
    return texts[phrasing], program, {"conc": "mg/L", "tmax": "h", "cmax": "mg/L", "both": "h, mg/L"}[ask]


# drug, dose range [mg], volume of distribution [L/kg], half-life range [h] of drugs whose levels
# are measured after an IV dose (therapeutic drug monitoring)
_TDM_DRUGS = [
    ("gentamicin", (80, 400, 20), 0.25, (1.8, 3.5)),
    ("tobramycin", (80, 400, 20), 0.25, (1.8, 3.5)),
    ("vancomycin", (750, 2000, 250), 0.7, (4.0, 9.0)),
    ("theophylline", (250, 500, 50), 0.5, (5.0, 9.0)),
    ("amikacin", (300, 1000, 50), 0.25, (1.8, 3.0)),
    ("the antibiotic", (200, 1000, 100), 0.4, (1.5, 6.0)),
]


@family("half_life_from_two_samples", DOMAIN, 6)
def half_life_from_two_samples(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, (lo, hi, step), vkg, (hl_lo, hl_hi) = pick(rng, _TDM_DRUGS)
    dose = rng.randrange(lo, hi + 1, step)
    V = vkg * rng.randint(55, 90)
    half_life = rng.uniform(hl_lo, hl_hi)
    k = math.log(2) / half_life
    # first level after distribution, second 0.6 to 2.5 half-lives later
    t1 = pick(rng, [0.5, 1, 1, 1.5, 2, 2, 3, 4])
    gap = half_life * rng.uniform(0.6, 2.5)
    step_h = 0.5 if gap < 4 else 1
    t2 = t1 + max(step_h, round(gap / step_h) * step_h)
    C1, C2 = (float(f"{dose / V * math.exp(-k * t):.3g}") for t in (t1, t2))
    if C2 >= C1:  # rounding can only shrink the gap; keep the second level lower
        C2 = float(f"{C1 * 0.7:.3g}")
    ask = pick(rng, ["half_life", "half_life", "k", "C0", "Vd"])
    aside = _aside(rng, name)
    h1, h2 = f"{fmt_num(t1)} h", f"{fmt_num(t2)} h"
    c1, c2 = f"{C1:g} mg/L", f"{C2:g} mg/L"
    want = {"half_life": "the elimination half-life in hours",
            "k": "the elimination rate constant k (in 1/h)",
            "C0": "the plasma concentration extrapolated back to the moment of the dose (C0, mg/L)",
            "Vd": "the volume of distribution in litres (dose divided by the back-extrapolated C0)"}[ask]
    gave = f"{dose} mg of {drug}" if ask == "Vd" else drug
    texts = [
        (f"A patient receives {gave} as an intravenous bolus. Two blood samples are drawn; the "
         f"plasma concentration is {c1} at {h1} and {c2} at {h2} after the injection. Assuming "
         f"a one-compartment model with first-order elimination, find {want}.{aside}"),
        f"{name}, a clinical pharmacist, is doing therapeutic drug monitoring of {drug} on the "
        f"ward.{aside} "
        + (f"The patient got {dose} mg as an IV push. " if ask == "Vd"
           else "The drug was given as an IV push. ")
        + f"The first blood sample, taken {fmt_num(t1)} hour{'' if t1 == 1 else 's'} after the "
        f"dose, showed {c1}; the second, {fmt_num(t2)} hours after the dose, showed {c2}. What is "
        f"{want}?",
        (f"I gave {gave} IV and sent two blood samples to the lab: {c1} at {h1} and {c2} at {h2} "
         f"after the injection. If the decay is a single exponential, what is "
         f"{want.replace('the elimination', 'the')}?{aside}"),
        f"Sampling record — drug: {drug}; "
        + (f"dose: {dose} mg intravenous bolus; " if ask == "Vd" else "route: intravenous bolus; ")
        + f"first sample: {c1} at t = {h1}; second sample: {c2} at t = {h2}; one-compartment, "
        f"first-order elimination. Determine {want}.{aside}",
        f"On a semilog plot, two blood samples taken after a bolus injection, C({h1}) = {c1} and "
        f"C({h2}) = {c2}, lie on the straight line of C(t) = C0·e^(−k·t): solve both equations "
        f"for C0 and k. "
        + {"half_life": "Then give the half-life t½ = ln 2 / k in hours.",
           "k": "Report k in h⁻¹.",
           "C0": "Report C0 in mg/L.",
           "Vd": f"The bolus was {dose} mg; report V_d = D / C0 in litres."}[ask] + aside,
        f"What is {want} of {drug} if two blood samples taken after "
        + (f"an IV bolus of {dose} mg" if ask == "Vd" else "an IV bolus")
        + f" measured {c1} at {h1} and {c2} at {h2}?{aside}",
    ]
    head = f"dose = {dose}  # IV bolus dose [mg]\n" if ask == "Vd" else ""
    last = {"half_life": "half_life = sp.log(2) / fit[k]  # elimination half-life [h]\n"
                         "answer = float(half_life)\n",
            "k": "answer = float(fit[k])\n",
            "C0": "C0 = sp.exp(fit[lnC0])  # level back-extrapolated to t = 0 [mg/L]\n"
                  "answer = float(C0)\n",
            "Vd": "C0 = sp.exp(fit[lnC0])  # level back-extrapolated to t = 0 [mg/L]\n"
                  "V = dose / C0  # volume of distribution [L]\nanswer = float(V)\n"}[ask]
    program = "import sympy as sp\n\n" + head + code(f"""
        t1 = {lit(t1)}  # time of the first sample after the dose [h]
        C1 = {lit(C1)}  # plasma concentration in the first sample [mg/L]
        t2 = {lit(t2)}  # time of the second sample after the dose [h]
        C2 = {lit(C2)}  # plasma concentration in the second sample [mg/L]

        lnC0, k = sp.symbols("lnC0 k")
        # one-compartment model, first-order elimination: C(t) = C0 exp(-k t), so ln C = ln C0 - k t
        levels = [sp.Eq(lnC0 - k * t1, sp.log(C1)), sp.Eq(lnC0 - k * t2, sp.log(C2))]
        fit = sp.solve(levels, [lnC0, k], dict=True)[0]
        """) + last
    return texts[phrasing], program, {"half_life": "h", "k": "1/h", "C0": "mg/L", "Vd": "L"}[ask]


# ---- diagnostics and body measures ----------------------------------------------------------

@family("bayes_diagnostic_test", DOMAIN, 6)
def bayes_diagnostic_test(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    disease = pick(rng, ["a rare thyroid disorder", "type 2 diabetes", "a bacterial infection",
                         "colon cancer", "tuberculosis", "a genetic condition"])
    style = pick(rng, ["pct", "one_in", "per_1000"])
    if style == "one_in":
        denom = pick(rng, [50, 100, 200, 250, 500, 1000, 2000])
        prev = round(1 / denom, 8)
        prev_txt = f"1 in {fmt_num(denom)}"
    elif style == "per_1000":
        per = rng.randint(2, 60)
        prev = per / 1000
        prev_txt = f"{per} per 1,000 people"
    else:
        pct = pick(rng, [0.5, 1, 1.5, 2, 3, 5, 8, 10, 12, 15, 20])
        prev = pct / 100
        prev_txt = f"{pct:g}%"
    affects = {"one_in": f"{prev_txt} people", "per_1000": prev_txt,
               "pct": f"{prev_txt} of the population"}[style]
    sens = rng.randint(80, 99) / 100
    spec = rng.randint(85, 99) / 100 if rng.random() < 0.5 else rng.randint(900, 999) / 1000
    ask = pick(rng, ["ppv", "ppv", "npv", "miss"])
    if prev < 0.02:  # NPV ~ 1 and P(D | -) ~ 0 are ill-conditioned answers at low prevalence
        ask = "ppv"
    aside = _aside(rng, name)
    se, sp_ = f"{sens * 100:g}%", f"{spec * 100:g}%"
    has = ask in ("ppv", "miss")  # the question is about having the disease
    q = {"ppv": "the probability that a person who tests positive actually has the disease",
         "npv": "the probability that a person who tests negative is truly disease-free",
         "miss": "the probability that a person who tests negative nevertheless has the disease"}[ask]
    texts = [
        f"The prevalence of {disease} is {prev_txt}. A screening test has sensitivity {se} and "
        f"specificity {sp_}. Find {q}.{aside}",
        f"{name} takes a screening test for {disease}, which affects {affects}.{aside} The test "
        f"detects {se} of true cases and correctly clears {sp_} of healthy people. {name}'s result "
        f"is {'positive' if ask == 'ppv' else 'negative'}. What is the probability that {name} "
        f"{'has' if has else 'does not have'} "
        f"{disease}?",
        f"My test for {disease} came back {'positive' if ask == 'ppv' else 'negative'}. The test "
        f"is said to be {se} sensitive and {sp_} specific, and about {prev_txt} have the "
        f"condition. How likely is it that I {'really have it' if has else 'am actually healthy'}?"
        + aside,
        f"Test evaluation report: condition — {disease}; prevalence {prev_txt}; "
        f"sensitivity {se}; specificity {sp_}. Compute the "
        + {"ppv": "positive predictive value", "npv": "negative predictive value",
           "miss": "false-omission rate, P(disease | negative test)"}[ask] + f".{aside}",
        f"Let P(D) = {prev_txt}, P(+ | D) = {sens:g}, P(- | not D) = {spec:g}. Use Bayes' "
        f"theorem to find "
        + {"ppv": "P(D | +)", "npv": "P(not D | -)", "miss": "P(D | -)"}[ask] + f".{aside}",
        f"If {prev_txt} of people have {disease}, and a test with {se} sensitivity and {sp_} "
        f"specificity gives a {'positive' if ask == 'ppv' else 'negative'} result, what is "
        + ("the chance the disease is present?" if has else "the chance the person is disease-free?")
        + aside,
    ]
    prev_comment = f"prevalence ({prev_txt})" if style != "pct" else "prevalence"
    # a count among the people screened ("How many false-positive results would you expect among
    # the 20,000 people screened?"): drawn last, so the other samples keep their numbers
    if rng.random() < 0.35:
        return _screened_count(rng, phrasing, name, disease, prev_txt, prev_comment, prev, sens, spec, se, sp_, aside)
    last = {"ppv": "p_pos = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)\n"
                   "answer = float(sensitivity * prevalence / p_pos)",
            "npv": "p_neg = (1 - sensitivity) * prevalence + specificity * (1 - prevalence)\n"
                   "answer = float(specificity * (1 - prevalence) / p_neg)",
            "miss": "p_neg = (1 - sensitivity) * prevalence + specificity * (1 - prevalence)\n"
                    "answer = float((1 - sensitivity) * prevalence / p_neg)"}[ask]
    program = code(f"""
        prevalence = {lit(prev)}  # {prev_comment} [1]
        sensitivity = {lit(sens)}  # P(positive | disease) [1]
        specificity = {lit(spec)}  # P(negative | no disease) [1]
        """) + "\n" + last + "\n"
    return texts[phrasing], program, "probability"


def _screened_count(rng: random.Random, phrasing: int, name: str, disease: str, prev_txt: str, prev_comment: str,
                    prev: float, sens: float, spec: float, se: str, sp_: str, aside: str) -> tuple[str, str, str]:
    """A count expected among the people a test screens: all who test positive, the false
    positives, or the true positives."""
    n = pick(rng, [2000, 5000, 8000, 10000, 20000, 50000])
    ask = pick(rng, ["positives", "positives", "false", "true"])
    what = {"positives": "people who test positive",
            "false": "false-positive results",
            "true": "true positives (people with the disease who test positive)"}[ask]
    staff = pick(rng, ["a car plant", "a bank", "a university", "a hospital trust"])
    where = pick(rng, ["a town", "a district", "a region"])
    texts = [
        f"A screening programme tests {fmt_num(n)} adults for {disease}, whose prevalence among them is "
        f"{prev_txt}. The test has sensitivity {se} and specificity {sp_}. How many {what} would you expect?{aside}",
        f"{name} plans to screen all {fmt_num(n)} staff of {staff} for {disease}, which affects {prev_txt}"
        f"{'' if prev_txt.endswith('people') else ' of them'}.{aside} The test detects {se} of true cases and "
        f"correctly clears {sp_} of healthy people. About how many {what} should {name} expect?",
        f"We are going to test {fmt_num(n)} people for {disease}. About {prev_txt} have it, and the test is "
        f"{se} sensitive and {sp_} specific. How many {what} do we expect?{aside}",
        f"Screening plan: population screened {fmt_num(n)}; condition — {disease}; prevalence {prev_txt}; "
        f"sensitivity {se}; specificity {sp_}. Estimate the expected number of {what}.{aside}",
        f"Let P(D) = {prev_txt}, P(+ | D) = {sens:g}, P(- | not D) = {spec:g}, and let {fmt_num(n)} people "
        f"be tested. Find the expected number of {what}.{aside}",
        f"If {prev_txt} of the {fmt_num(n)} people screened in {where} have {disease}, and the test has "
        f"{se} sensitivity and {sp_} specificity, how many {what} are expected?{aside}",
    ]
    last = {"positives": "positives = screened * (sensitivity * prevalence + (1 - specificity) * (1 - prevalence))\n"
                         "answer = float(positives)",
            "false": "false_positives = screened * (1 - prevalence) * (1 - specificity)\n"
                     "answer = float(false_positives)",
            "true": "true_positives = screened * prevalence * sensitivity\n"
                    "answer = float(true_positives)"}[ask]
    # (the chance a count does not need is no parameter: the text gives it, the count ignores it)
    head = [f"screened = {n}  # people tested [people]", f"prevalence = {lit(prev)}  # {prev_comment} [1]"]
    if ask != "false":
        head.append(f"sensitivity = {lit(sens)}  # P(positive | disease) [1]")
    if ask != "true":
        head.append(f"specificity = {lit(spec)}  # P(negative | no disease) [1]")
    program = "\n".join(head) + "\n\n" + last + "\n"
    return texts[phrasing], program, "people"


@family("time_of_death", DOMAIN, 6)
def time_of_death(rng: random.Random, phrasing: int):
    """Newton's law of cooling run backwards: two readings of a body's temperature fit the cooling
    constant, and the time it took to cool from normal body temperature to the first reading is
    how long before it death occurred. The readings are given at clock times (across midnight,
    too) or a span apart; in °C or °F. (A family of the retrieval bank; the adapter never trained
    on it.)"""
    name = pick(rng, NAMES)
    place = pick(rng, ["a flat", "an office", "a hotel room", "a cellar", "a garden shed", "a warehouse"])
    fahrenheit = rng.random() < 0.3
    room_c = rng.randint(10, 24) + pick(rng, [0, 0.5])
    k_h = rng.uniform(0.08, 0.25)  # cooling constant per hour
    before_h = rng.uniform(1.5, 9)  # death to the first reading
    gap_min = pick(rng, [30, 45, 60, 60, 75, 90, 120])
    T1c = room_c + (37 - room_c) * math.exp(-k_h * before_h)
    T2c = room_c + (T1c - room_c) * math.exp(-k_h * gap_min / 60)
    start = rng.randint(0, 23 * 4 - 1) * 15  # the first reading, minutes after midnight
    clock = phrasing in (0, 2, 4)
    in_hours = rng.random() < 0.4
    aside = _aside(rng, name)
    if fahrenheit:
        u, normal = "°F", 98.6
        room, T1, T2 = round(room_c * 1.8 + 32), round(T1c * 1.8 + 32, 1), round(T2c * 1.8 + 32, 1)
    else:
        u, normal = "°C", 37.0
        room, T1, T2 = room_c, round(T1c, 1), round(T2c, 1)
    if T2 >= T1 or T1 >= normal:
        T2 = round(T1 - (0.2 if not fahrenheit else 0.4), 1)
    h1, m1 = divmod(start, 60)
    h2, m2 = divmod((start + gap_min) % (24 * 60), 60)
    t1s, t2s = f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"
    later = f"{gap_min} minutes"
    deg = (lambda x: f"{x:g} {u}")
    unit_w = "hours" if in_hours else "minutes"
    ask = f"How long before the first reading did death occur, in {unit_w}?"
    texts = [
        f"A body is found in {place} at {t1s}; its core temperature is {deg(T1)}. At {t2s} it reads {deg(T2)}. The "
        f"room is kept at {deg(room)}. Assuming Newton's law of cooling and a body temperature of {deg(normal)} at "
        f"death, {ask[0].lower() + ask[1:]}{aside}",
        f"Inspector {name} is called to {place}.{aside} The victim's temperature is {deg(T1)} on arrival and "
        f"{deg(T2)} {later} later; the surroundings are at a steady {deg(room)}. Normal body temperature is "
        f"{deg(normal)}. With Newton's law of cooling, {ask[0].lower() + ask[1:]}",
        f"Forensics log: first reading {deg(T1)} at {t1s}, second reading {deg(T2)} at {t2s}, ambient "
        f"{deg(room)}, temperature at death taken as {deg(normal)}. Fit dT/dt = -k(T - T_a) to the readings and "
        f"estimate the time between death and the first reading, in {unit_w}.{aside}",
        f"Newton cooling: T_a = {deg(room)}, T = {deg(T1)} at the first measurement and {deg(T2)} {later} after it, "
        f"T = {deg(normal)} at the moment of death. Find how many {unit_w} passed between death and the first "
        f"measurement.{aside}",
        f"The pathologist measured {deg(T1)} at {t1s} and {deg(T2)} at {t2s} in {place} held at {deg(room)}. If the "
        f"body was at {deg(normal)} when death occurred and cooled by Newton's law, {ask[0].lower() + ask[1:]}{aside}",
        f"{ask} A body in {place} at {deg(room)} cools from {deg(normal)} by Newton's law; it reads {deg(T1)} when "
        f"found and {deg(T2)} {later} later.{aside}",
    ]
    head = [f"T_death = {lit(normal)}  # body temperature at death [{u}]",
            f"T_room = {lit(room)}  # temperature of the surroundings [{u}]",
            f"T1 = {lit(T1)}  # body temperature at the first reading [{u}]",
            f"T2 = {lit(T2)}  # body temperature at the second reading [{u}]"]
    if clock:
        # (the clock's hours and minutes are named "first"/"second", not indexed like the readings:
        # "T2" and "hour2" would read as one pair of numbers)
        head += [f"first_hour = {h1}  # hour of the first reading ({t1s}) [h]",
                 f"first_minute = {m1}  # minutes past that hour [min]",
                 f"second_hour = {h2}  # hour of the second reading ({t2s}) [h]",
                 f"second_minute = {m2}  # minutes past that hour [min]"]
        gap = ("gap = ((second_hour * 60 + second_minute) - (first_hour * 60 + first_minute)) % (24 * 60)  # minutes "
               "between the readings, past midnight too [min]")
    else:
        head.append(f"gap = {gap_min}  # time between the readings [min]")
        gap = ""
    body = ([gap] if gap else []) + [
        "k = math.log((T1 - T_room) / (T2 - T_room)) / gap  # cooling constant [1/min]",
        "t_before = math.log((T_death - T_room) / (T1 - T_room)) / k  # death to the first reading [min]"]
    last = "answer = float(t_before / 60)  # [h]" if in_hours else "answer = float(t_before)  # [min]"
    program = "import math\n\n" + "\n".join(head) + "\n\n" + "\n".join(body) + "\n" + last + "\n"
    return texts[phrasing], program, ("h" if in_hours else "min")


@family("bmi", DOMAIN, 6)
def bmi(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    imperial = rng.random() < 0.4
    h_cm = rng.randint(150, 198)
    bmi_val = rng.uniform(18, 36)
    ask_target = rng.random() < 0.35
    target = pick(rng, [22, 24, 25, 25, 27])
    if ask_target and bmi_val <= target + 1.5:
        bmi_val = target + rng.uniform(2, 8)
    aside = _aside(rng, name)
    w_kg = round(bmi_val * (h_cm / 100) ** 2, 1)
    total_in = round(h_cm / 2.54)
    ft, inch = divmod(total_in, 12)
    w_lb = round(w_kg / 0.45359237)
    if imperial:
        ht, wt = f"{ft} ft {inch} in", f"{w_lb} lb"
        lose_u, lose_w = "lb", "pounds"
    else:
        ht = f"{h_cm} cm" if rng.random() < 0.6 else f"{h_cm / 100:.2f} m"
        wt = f"{w_kg:g} kg"
        lose_u, lose_w = "kg", "kilograms"
    if ask_target:
        q = f"how many {lose_w} must be lost to reach a BMI of {target}"
    else:
        q = "the body-mass index (kg/m²)"
    texts = [
        f"A person is {ht} tall and weighs {wt}. Find {q}.{aside}",
        f"At a check-up, {name} is measured at {ht} and {wt}.{aside} The doctor computes BMI = "
        f"weight / height² (kg/m²). "
        + (f"How many {lose_w} would {name} have to lose to reach a BMI of {target}?" if ask_target
           else f"What is {name}'s BMI?"),
        f"I'm {ht} and {wt}. "
        + (f"How much weight (in {lose_u}) do I need to lose to get my BMI down to {target}?"
           if ask_target else "What is my BMI?") + aside,
        f"Clinic intake form — height: {ht}; weight: {wt}. Calculate "
        f"{q if ask_target else 'the BMI in kg/m²'}.{aside}",
        f"BMI = m / h² with m in kg and h in m. For h = {ht} and m = {wt}, "
        + (f"find the weight loss in {lose_u} needed for BMI = {target}." if ask_target
           else "compute the BMI.") + aside,
        (f"How many {lose_w} must someone who weighs {wt} at a height of {ht} lose to reach a "
         f"BMI of {target}?{aside}" if ask_target
         else f"What is the body-mass index (kg/m²) of someone who weighs {wt} at a height of {ht}?{aside}"),
    ]
    if imperial:
        head = code(f"""
            height_ft = {ft}  # height, feet part [ft]
            height_in = {inch}  # height, inches part [in]
            weight_lb = {w_lb}  # body weight [lb]
            kg_per_lb = 0.45359237  # pound to kilogram [kg/lb]
            m_per_in = 0.0254  # inch to metre [m/in]
            """)
        conv = "height = (height_ft * 12 + height_in) * m_per_in  # [m]\nweight = weight_lb * kg_per_lb  # [kg]\n"
    else:
        head = code(f"""
            height_cm = {h_cm}  # height [cm]
            weight = {lit(w_kg)}  # body weight [kg]
            """)
        conv = "height = height_cm / 100  # [m]\n"
    if ask_target:
        head = head + f"target_bmi = {target}  # desired BMI [kg/m^2]\n"
        model = ("target_weight = target_bmi * height ** 2  # [kg]\n"
                 + ("answer = float((weight - target_weight) / kg_per_lb)  # [lb]\n" if imperial
                    else "answer = float(weight - target_weight)\n"))
    else:
        model = "bmi = weight / height ** 2\nanswer = float(bmi)\n"
    return texts[phrasing], head + "\n" + conv + model, (lose_u if ask_target else "kg/m^2")


@family("dose_by_weight", DOMAIN, 6)
def dose_by_weight(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    drug, mgkg, cap, conc = pick(rng, [
        ("paracetamol", [10, 15], [500, 1000], (120, 5)),
        ("ibuprofen", [5, 10], [400, 600], (100, 5)),
        ("amoxicillin", [15, 20, 25], [500, 1000], (250, 5)),
        ("cefalexin", [12.5, 25], [500, 1000], (125, 5)),
        ("an antiemetic", [0.1, 0.15], [4, 8], (4, 2)),
    ])
    per_kg = pick(rng, mgkg)
    max_dose = pick(rng, cap)
    lbs = rng.random() < 0.3
    lo_w = max_dose / per_kg  # weight above which the cap applies [kg]
    capped = rng.random() < 0.35 and lo_w * 1.1 < 95
    weight = (round(rng.uniform(lo_w * 1.1, lo_w * 1.6), 1) if capped
              else round(rng.uniform(max(4.0, lo_w * 0.2), min(lo_w * 0.9, 95)), 1))
    w_lb = round(weight / 0.45359237)
    ask_ml = rng.random() < 0.5
    aside = _aside(rng, name)
    age = rng.randint(2, 15)
    wt = f"{w_lb} lb" if lbs else f"{weight:g} kg"
    c_mg, c_ml = conc
    liquid = f"{c_mg} mg per {c_ml} mL"
    want = (f"the volume of the {liquid} liquid to give, in mL" if ask_ml else "the dose in mg")
    texts = [
        f"A {'child' if weight < 40 else 'patient'} weighing {wt} is prescribed {drug} at "
        f"{per_kg:g} mg/kg per dose, not to exceed {max_dose} mg per dose. Find {want}.{aside}",
        f"{name}, aged {age if weight < 40 else age + 50}, weighs {wt} and needs {drug}.{aside} "
        f"The protocol says {per_kg:g} mg per kg of body weight, with a maximum single dose of "
        f"{max_dose} mg. "
        + (f"The pharmacy stocks a suspension of {liquid}. How many mL should be given?" if ask_ml
           else f"How many mg should {name} receive?"),
        f"{'My kid is' if weight < 40 else 'My father is'} {wt}. The leaflet for {drug} says "
        f"{per_kg:g} mg/kg per dose, max {max_dose} mg. "
        + (f"Our bottle is {liquid} — how many mL do I give?" if ask_ml else "How many mg is one dose?")
        + aside,
        f"Medication order: {drug}; {per_kg:g} mg/kg/dose; ceiling {max_dose} mg/dose; "
        f"patient weight {wt}"
        + (f"; formulation {liquid}. Compute the volume per dose in mL." if ask_ml
           else ". Compute the dose in mg.") + aside,
        f"dose = min({per_kg:g} mg/kg × weight, {max_dose} mg) with weight = {wt}"
        f"{'; convert to mL of a ' + liquid + ' solution' if ask_ml else ''}. Evaluate.{aside}",
        f"How {'many mL of ' + drug + ' ' + liquid if ask_ml else 'large a dose of ' + drug + ', in mg,'} "
        f"should {article(wt)} patient get at {per_kg:g} mg/kg, given the {max_dose} mg maximum "
        f"per dose?{aside}",
    ]
    wline = (f"weight_lb = {w_lb}  # body weight [lb]\nkg_per_lb = 0.45359237  # pound to kilogram [kg/lb]"
             if lbs else f"weight = {lit(weight)}  # body weight [kg]")
    lines = [wline, f"dose_per_kg = {lit(per_kg)}  # prescribed dose [mg/kg]",
             f"max_dose = {max_dose}  # maximum single dose [mg]"]
    if ask_ml:
        lines += [f"stock_mg = {c_mg}  # drug in one measure of the liquid [mg]",
                  f"stock_ml = {c_ml}  # volume of that measure [mL]"]
    body = ("weight = weight_lb * kg_per_lb  # [kg]\n" if lbs else "")
    body += "dose = min(dose_per_kg * weight, max_dose)  # [mg]\n"
    body += "answer = float(dose / (stock_mg / stock_ml))  # [mL]\n" if ask_ml else "answer = float(dose)\n"
    return texts[phrasing], "\n".join(lines) + "\n\n" + body, ("mL" if ask_ml else "mg")


@family("iv_drip_rate", DOMAIN, 6)
def iv_drip_rate(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    by_dose = rng.random() < 0.3
    ask_gtt = rng.random() < 0.6
    drop_factor = pick(rng, [10, 15, 20, 60])
    # a volume over a time: a bag over hours, or a small antibiotic bag over minutes
    in_minutes = rng.random() < 0.25
    if in_minutes:
        volume = pick(rng, [50, 100, 100, 150, 250])
        minutes = pick(rng, [m for m in (15, 20, 30, 45, 60, 90)
                             if volume / m * 60 <= min(400, 12000 / drop_factor)])
        fluid = pick(rng, ["saline containing 1 g of cefazolin", "an antibiotic solution",
                           "IV paracetamol", "metronidazole solution", "saline with 1 g of vancomycin"])
    else:
        volume = pick(rng, [250, 500, 500, 750, 1000, 1000, 1200, 1500, 2000])
        hours = pick(rng, [h for h in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 24)
                           if volume / h <= min(500, 12000 / drop_factor)])  # at most 200 gtt/min
        fluid = pick(rng, ["normal saline", "Ringer's lactate", "5% dextrose", "Hartmann's solution",
                           "dextrose-saline"])
    in_litres = not in_minutes and volume % 250 == 0 and volume >= 500 and rng.random() < 0.25
    # or a dose rate from a premixed bag
    drug, unit, bags, rates = pick(rng, [
        ("heparin", "units", [(25000, 500), (25000, 250), (20000, 500)], list(range(600, 2001, 50))),
        ("insulin", "units", [(100, 100), (50, 50), (100, 50)], [2, 3, 4, 5, 6, 8, 10, 12]),
        ("magnesium sulfate", "g", [(20, 500), (40, 1000)], [1, 1.5, 2, 3]),
        ("potassium chloride", "mmol", [(20, 500), (40, 1000), (40, 500)], [5, 10, 15, 20]),
    ])
    bag_amount, bag_volume = pick(rng, bags)
    if by_dose and unit == "units":
        drop_factor = 60  # heparin and insulin run through a microdrip set
    dose_rate = pick(rng, [r for r in rates if r / bag_amount * bag_volume <= min(250, 9000 / drop_factor)]
                     or rates[:1])
    aside = _aside(rng, name)
    kind = "microdrip" if drop_factor == 60 else "macrodrip"
    if by_dose:
        rate_txt = f"{fmt_num(dose_rate)} {unit}/h"
        bag_txt = f"{fmt_num(bag_amount)} {unit} in {fmt_num(bag_volume)} mL"
        want = ("the drip rate in drops per minute (gtt/min)" if ask_gtt
                else "the pump rate in mL/h")
        texts = [
            f"A patient is to receive {drug} at {rate_txt}. The pharmacy supplies a bag of "
            f"{bag_txt}"
            + (f", given through a set with a drop factor of {drop_factor} gtt/mL" if ask_gtt else "")
            + f". Find {want}.{aside}",
            f"{name} is on a continuous {drug} infusion ordered at {rate_txt}.{aside} The premixed "
            f"bag on the pole holds {bag_txt}. "
            + (f"Running it by gravity through a {drop_factor} gtt/mL {kind} set, how many drops "
               f"per minute should the nurse count?" if ask_gtt
               else f"What rate, in mL/h, should the nurse program into {name}'s pump?"),
            f"My order says {drug} {rate_txt}, and what I have is a bag of {bag_txt}. "
            + (f"With a {drop_factor} gtt/mL giving set, how many gtt/min do I run?" if ask_gtt
               else "How many mL per hour do I set on the pump?") + aside,
            f"Infusion order — drug: {drug}; dose: {rate_txt}; supplied: {bag_txt}; "
            + (f"administration set: {drop_factor} gtt/mL. Calculate the flow rate in gtt/min."
               if ask_gtt else "device: volumetric pump. Calculate the rate in mL/h.") + aside,
            f"Concentration = {bag_txt}; ordered dose = {rate_txt}; volume rate (mL/h) = dose ÷ "
            f"concentration"
            + (f"; drops/min = mL/h × {drop_factor} gtt/mL ÷ 60 min/h. Evaluate the drops/min."
               if ask_gtt else ". Evaluate the volume rate.") + aside,
            f"What {'drip rate in gtt/min' if ask_gtt else 'pump setting in mL/h'} delivers {drug} "
            f"at {rate_txt} from a bag of {bag_txt}"
            + (f" through a {drop_factor} gtt/mL tubing set" if ask_gtt else "") + f"?{aside}",
        ]
        lines = [f"dose_rate = {lit(dose_rate)}  # ordered dose [{unit}/h]",
                 f"bag_amount = {bag_amount}  # drug in the bag [{unit}]",
                 f"bag_volume = {bag_volume}  # volume of the bag [mL]"]
        body = (f"concentration = bag_amount / bag_volume  # [{unit}/mL]\n"
                "rate_ml_h = dose_rate / concentration  # [mL/h]\n")
        if ask_gtt:
            lines += [f"drop_factor = {drop_factor}  # administration set [gtt/mL]",
                      "minutes_per_hour = 60  # minutes in an hour [min/h]"]
            body += "answer = float(rate_ml_h * drop_factor / minutes_per_hour)  # [gtt/min]\n"
        else:
            body += "answer = float(rate_ml_h)\n"
        return texts[phrasing], "\n".join(lines) + "\n\n" + body, ("gtt/min" if ask_gtt else "mL/h")

    vol_txt = f"{volume / 1000:g} L" if in_litres else f"{fmt_num(volume)} mL"
    time_txt = (f"{minutes} minutes" if in_minutes
                else f"{fmt_num(hours)} hour{'' if hours == 1 else 's'}")
    want = ("the drip rate in drops per minute (gtt/min)" if ask_gtt else "the pump rate in mL/h")
    texts = [
        f"A doctor orders {vol_txt} of {fluid} to be infused over {time_txt}. "
        + (f"The administration set delivers {drop_factor} drops per mL. " if ask_gtt
           else "It will run on a volumetric pump. ") + f"Find {want}.{aside}",
        f"Nurse {name} hangs {vol_txt} of {fluid} that has to run in over {time_txt}.{aside} "
        + (f"The tubing is a {drop_factor} gtt/mL {kind} set. How many drops per minute should "
           f"{name} count in the drip chamber?" if ask_gtt
           else f"At what rate, in mL/h, should {name} program the pump?"),
        f"I need to get {vol_txt} of {fluid} into my patient over {time_txt}"
        + (f", and I've only got a {drop_factor} gtt/mL giving set. How many gtt/min is that?"
           if ask_gtt else ". What do I set the pump to, in mL per hour?") + aside,
        f"IV order — fluid: {fluid}; volume: {vol_txt}; duration: {time_txt}; "
        + (f"drop factor: {drop_factor} gtt/mL. Calculate the flow rate in gtt/min." if ask_gtt
           else "delivery: infusion pump. Calculate the rate in mL/h.") + aside,
        (f"Use drops/min = volume (mL) × drop factor (gtt/mL) ÷ time (min) with volume = "
         f"{vol_txt}, drop factor = {drop_factor} gtt/mL and time = {time_txt}. Evaluate the drip "
         f"rate." if ask_gtt else
         f"Use rate (mL/h) = volume (mL) ÷ time (h) with volume = {vol_txt} and time = "
         f"{time_txt}. Evaluate the pump setting.") + aside,
        (f"How many drops per minute will deliver {vol_txt} of {fluid} over {time_txt} through "
         f"a set with a drop factor of {drop_factor} gtt/mL?" if ask_gtt else
         f"What pump rate, in mL/h, infuses {vol_txt} of {fluid} in {time_txt}?") + aside,
    ]
    lines = [f"volume_l = {lit(volume / 1000)}  # volume to infuse [L]" if in_litres
             else f"volume = {volume}  # volume to infuse [mL]",
             f"minutes = {minutes}  # infusion time [min]" if in_minutes
             else f"hours = {lit(hours)}  # infusion time [h]"]
    body = "volume = volume_l * 1000  # [mL]\n" if in_litres else ""
    if ask_gtt:
        lines.append(f"drop_factor = {drop_factor}  # administration set [gtt/mL]")
    if not in_minutes and ask_gtt or in_minutes and not ask_gtt:
        lines.append("minutes_per_hour = 60  # minutes in an hour [min/h]")
    if ask_gtt:
        if not in_minutes:
            body += "minutes = hours * minutes_per_hour  # infusion time [min]\n"
        body += "answer = float(volume * drop_factor / minutes)  # [gtt/min]\n"
    else:
        body += ("rate_ml_h = volume / minutes * minutes_per_hour  # [mL/h]\n" if in_minutes
                 else "rate_ml_h = volume / hours  # [mL/h]\n")
        body += "answer = float(rate_ml_h)\n"
    return texts[phrasing], "\n".join(lines) + "\n\n" + body, ("gtt/min" if ask_gtt else "mL/h")


# ---- dosing by body surface area and by kidney function -------------------------------------

# drug, doses per m^2 of body surface area [mg/m^2]: adult chemotherapy and paediatric drugs
_BSA_ADULT = [("paclitaxel", [135, 175]), ("doxorubicin", [50, 60, 75]), ("fluorouracil", [400, 425, 500]),
              ("carboplatin", [300, 360, 400]), ("cisplatin", [75, 80, 100]), ("docetaxel", [60, 75, 100]),
              ("cyclophosphamide", [500, 600, 750]), ("gemcitabine", [1000, 1250])]
_BSA_CHILD = [("acyclovir", [250, 500]), ("ondansetron", [5]), ("methotrexate", [12, 20, 25]),
              ("cytarabine", [75, 100]), ("dexamethasone", [6, 10])]


@family("bsa_dosing", DOMAIN, 6)
def bsa_dosing(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    child = rng.random() < 0.3
    drug, per_m2 = pick(rng, _BSA_CHILD if child else _BSA_ADULT)
    dose_per_m2 = pick(rng, per_m2)
    age = rng.randint(3, 12) if child else rng.randint(28, 79)
    h_cm = 77 + 6 * age + rng.randint(-8, 8) if child else rng.randint(150, 196)
    weight = round(rng.uniform(14.5, 19.5) * (h_cm / 100) ** 2, 1) if child \
        else round(rng.uniform(19, 33) * (h_cm / 100) ** 2, 1)
    in_m = rng.random() < 0.3
    ask_dose = rng.random() < 0.6
    aside = _aside(rng, name)
    ht = f"{h_cm / 100:.2f} m" if in_m else f"{h_cm} cm"
    wt = f"{weight:g} kg"
    who = f"{age}-year-old" if child else "patient"
    order = f"{drug} at {fmt_num(dose_per_m2)} mg/m²"
    want = ("the dose in mg" if ask_dose else "the body surface area in m²")
    mosteller = "BSA = √(height [cm] × weight [kg] / 3600)" + (", height converted to cm" if in_m else "")
    patient = "a child" if child else "a patient"
    unit = "paediatric oncology" if child else "oncology day"
    if ask_dose:
        texts = [
            (f"{cap(patient)} {ht} tall and weighing {wt} is prescribed {order} of body surface "
             f"area. Using the Mosteller formula for the body surface area, find the dose in "
             f"mg.{aside}"),
            (f"{name}, {article(who) if child else 'aged ' + str(age)}, is starting "
             f"{'treatment' if child else 'a chemotherapy cycle'} with {drug} on the {unit} "
             f"unit.{aside} The nurse records a height of {ht} and a weight of {wt}. The protocol "
             f"doses {fmt_num(dose_per_m2)} mg per square metre of body surface area, calculated "
             f"by Mosteller. How many mg of {drug} should the pharmacy prepare?"),
            (f"I'm double-checking a {'paediatric' if child else 'chemo'} order: {order}, and my "
             f"{'little patient' if child else 'patient'} is {ht} and {wt}. What dose in mg does "
             f"that come to with the Mosteller body surface area?{aside}"),
            (f"{'Paediatric' if child else 'Chemotherapy'} prescription — drug: {drug}; dose: "
             f"{fmt_num(dose_per_m2)} mg/m² BSA; height: {ht}; weight: {wt}; BSA method: "
             f"Mosteller. Calculate the dose to give in mg.{aside}"),
            (f"Body surface area by Mosteller: {mosteller}; {drug} dose = "
             f"{fmt_num(dose_per_m2)} mg/m² × BSA. Evaluate it in mg for height = {ht} and weight "
             f"= {wt}.{aside}"),
            (f"How many mg of {drug} does an order of {fmt_num(dose_per_m2)} mg/m² come to for "
             f"{patient} who is {ht} tall and weighs {wt}, with the body surface area from the "
             f"Mosteller formula?{aside}"),
        ]
    else:
        texts = [
            (f"Before {drug} is dosed, the body surface area of {patient} {ht} tall and weighing "
             f"{wt} is needed. Using the Mosteller formula, find {want}.{aside}"),
            (f"{name}, {article(who) if child else 'aged ' + str(age)}, is about to start {drug} on "
             f"the {unit} unit.{aside} The nurse records a height of {ht} and a weight of {wt}, "
             f"and the dose will be set per square metre of body surface area. What is {name}'s "
             f"body surface area by the Mosteller formula, in m²?"),
            (f"{'My son is' if child else 'I am'} {ht} tall and {wt}, and the oncologist says the "
             f"{drug} dose goes by body surface area. What BSA in m² does the Mosteller formula "
             f"give?{aside}"),
            (f"{'Paediatric' if child else 'Oncology'} intake — drug planned: {drug}; height: "
             f"{ht}; weight: {wt}. Calculate the body surface area (Mosteller) in m².{aside}"),
            (f"Evaluate the Mosteller body surface area {mosteller}, in m², for height = {ht} and "
             f"weight = {wt}.{aside}"),
            (f"What body surface area, in m², does the Mosteller formula give for {patient} who is "
             f"{ht} tall and weighs {wt}?{aside}"),
        ]
    lines = ([f"height_m = {lit(h_cm / 100)}  # height [m]"] if in_m
             else [f"height_cm = {h_cm}  # height [cm]"])
    lines.append(f"weight = {lit(weight)}  # body weight [kg]")
    if ask_dose:
        lines.append(f"dose_per_m2 = {lit(dose_per_m2)}  # prescribed dose per body surface area [mg/m^2]")
    body = "height_cm = height_m * 100  # [cm]\n" if in_m else ""
    body += "bsa = math.sqrt(height_cm * weight / 3600)  # Mosteller body surface area [m^2]\n"
    body += ("dose = dose_per_m2 * bsa  # [mg]\nanswer = float(dose)\n" if ask_dose
             else "answer = float(bsa)\n")
    program = "import math\n\n" + "\n".join(lines) + "\n\n" + body
    return texts[phrasing], program, ("mg" if ask_dose else "m^2")


_FEMALE = ["Anna", "Dara", "Elif", "Grace", "Ines", "Lena", "Nadia", "Priya", "Rosa", "Uma", "Vera", "Zoe"]
_MALE = ["Ben", "Chen", "Farid", "Hiro", "Jamal", "Kofi", "Mateo", "Omar", "Sven", "Tariq", "Wei", "Yusuf"]
# renally cleared drugs and their usual single doses [mg]
_RENAL_DRUGS = [("levetiracetam", [500, 750, 1000]), ("vancomycin", [1000, 1250, 1500]),
                ("gabapentin", [300, 400, 600]), ("ciprofloxacin", [400, 500, 750]),
                ("acyclovir", [400, 800]), ("cefepime", [1000, 2000])]


@family("creatinine_clearance", DOMAIN, 6)
def creatinine_clearance(rng: random.Random, phrasing: int):
    female = rng.random() < 0.5
    name = pick(rng, _FEMALE if female else _MALE)
    reason = pick(rng, ["pneumonia", "a urinary tract infection", "cellulitis", "a hip fracture",
                        "dehydration", "a chest infection"])
    while True:
        age = rng.randint(40, 92)
        weight = rng.randint(45, 110) if rng.random() < 0.7 else round(rng.uniform(45, 110), 1)
        scr = pick(rng, [0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.0, 2.2, 2.5, 2.8, 3.1])
        crcl = (140 - age) * weight / (72 * scr) * (0.85 if female else 1)
        if 12 <= crcl <= 110 and weight not in (72, 85) and age != 72:
            break
    ask_dose = rng.random() < 0.35 and crcl < 95
    drug, doses = pick(rng, _RENAL_DRUGS)
    usual_dose = pick(rng, doses)
    aside = _aside(rng, name)
    sex = "woman" if female else "man"
    she, her = ("she", "her") if female else ("he", "his")
    wt, sc = f"{weight:g} kg", f"{scr:.1f} mg/dL"
    aged = article(f"{age}-year-old {sex}")
    scale = (f"{drug} is cleared by the kidneys, so its usual dose of {usual_dose} mg is scaled by "
             f"CrCl/100 mL/min")
    want = ("the adjusted dose in mg" if ask_dose
            else "the creatinine clearance in mL/min")
    texts = [
        f"{cap(aged)} weighing {wt} has a serum creatinine of {sc}. "
        + (f"{cap(scale)}. Using the Cockcroft-Gault creatinine clearance, find {want}." if ask_dose
           else f"Estimate {her} creatinine clearance (mL/min) with the Cockcroft-Gault equation.")
        + aside,
        f"{name}, {aged}, is admitted with {reason}.{aside} {she.capitalize()} weighs "
        f"{wt} and {her} serum creatinine is {sc}. The pharmacist estimates {her} kidney function "
        f"with the Cockcroft-Gault formula. "
        + (f"The usual dose of {drug} is {usual_dose} mg, reduced in proportion to CrCl/100 mL/min. "
           f"What dose, in mg, should {name} get?" if ask_dose
           else "What creatinine clearance, in mL/min, does that give?"),
        f"My {'mother' if female else 'father'} is {age}, weighs {wt}, and {her} latest serum "
        f"creatinine was {sc}. "
        + (f"The doctor says {drug} has to be cut from the usual {usual_dose} mg by the factor "
           f"CrCl/100 mL/min, with CrCl from Cockcroft-Gault. What dose in mg is that?" if ask_dose
           else f"What is {her} creatinine clearance by Cockcroft-Gault, in mL/min?") + aside,
        f"Renal function — sex: {'female' if female else 'male'}; age: {age} years; weight: {wt}; "
        f"serum creatinine: {sc}. "
        + (f"Renal dose adjustment for {drug}: usual dose {usual_dose} mg × CrCl/100 mL/min. "
           f"Compute the adjusted dose in mg (Cockcroft-Gault CrCl)." if ask_dose
           else "Compute the Cockcroft-Gault creatinine clearance in mL/min.") + aside,
        f"Cockcroft-Gault: CrCl = (140 − age) × weight / (72 × SCr) mL/min, × 0.85 for a woman. "
        f"Evaluate it for {aged}, weight {wt}, SCr {sc}"
        + (f", then the dose {usual_dose} mg × CrCl/100 mL/min in mg." if ask_dose else ".") + aside,
        (f"What dose of {drug}, in mg, should {aged} weighing {wt} with a serum "
         f"creatinine of {sc} receive if the usual {usual_dose} mg dose is scaled by "
         f"CrCl/100 mL/min, with CrCl by Cockcroft-Gault?" if ask_dose
         else f"What creatinine clearance (mL/min) does the Cockcroft-Gault equation give for "
              f"{aged} weighing {wt} with a serum creatinine of {sc}?") + aside,
    ]
    lines = [f"age = {age}  # age [year]", f"weight = {lit(weight)}  # body weight [kg]",
             f"serum_creatinine = {lit(scr)}  # serum creatinine [mg/dL]"]
    if ask_dose:
        lines += [f"usual_dose = {usual_dose}  # usual dose [mg]",
                  "normal_crcl = 100  # clearance the usual dose is meant for [mL/min]"]
    # 140, 72 and the woman's 0.85 are constants of the Cockcroft-Gault formula, not parameters
    body = ("crcl = (140 - age) * weight / (72 * serum_creatinine)"
            + (" * 0.85  # Cockcroft-Gault, woman [mL/min]\n" if female
               else "  # Cockcroft-Gault, man [mL/min]\n"))
    body += ("dose = usual_dose * crcl / normal_crcl  # [mg]\nanswer = float(dose)\n" if ask_dose
             else "answer = float(crcl)\n")
    return texts[phrasing], "\n".join(lines) + "\n\n" + body, ("mg" if ask_dose else "mL/min")


# ---- growth and epidemics -------------------------------------------------------------------

@family("tumor_logistic_growth", DOMAIN, 6, held_out=True)
def tumor_logistic_growth(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    V0 = pick(rng, [0.1, 0.2, 0.25, 0.5, 0.8, 1.0, 1.5, 2.0])
    K = pick(rng, [20, 30, 40, 50, 60, 80, 100])
    use_doubling = rng.random() < 0.4
    td = rng.randint(3, 20)
    r = round(rng.uniform(0.03, 0.25), 3)
    target = round(K * rng.uniform(0.2, 0.8))
    in_weeks = rng.random() < 0.25
    aside = _aside(rng, name)
    rate = (f"an initial doubling time of {td} days (so r = ln 2 / {td} per day)" if use_doubling
            else f"an intrinsic growth rate of {r:g} per day")
    u = "weeks" if in_weeks else "days"
    texts = [
        f"A tumour grows logistically, dV/dt = rV(1 - V/K), from {V0:g} cm³ with carrying "
        f"capacity K = {K} cm³ and {rate}. How many {u} until it reaches {target} cm³?{aside}",
        f"In a mouse study ({name}'s lab), a tumour measured {V0:g} cm³ at the first scan.{aside} "
        f"Its growth follows a logistic curve with a maximum size of {K} cm³ and {rate}. After how "
        f"many {u} will it reach {target} cm³?",
        f"If a tumour starts at {V0:g} cm³ and grows logistically toward {K} cm³ with {rate}, "
        f"when does it hit {target} cm³? Give the time in {u}.{aside}",
        f"Growth model summary: initial volume {V0:g} cm³; logistic model; plateau volume "
        f"{K} cm³; {rate}. Estimate the time (in {u}) needed to reach a volume of {target} cm³.{aside}",
        f"Solve V(t) = K / (1 + ((K - V0)/V0)·e^(-rt)) = {target} for t with V0 = {V0:g} cm³, "
        f"K = {K} cm³ and {f'r = ln 2 / {td}' if use_doubling else f'r = {r:g}'} per day. "
        f"Express t in {u}.{aside}",
        f"How many {u} does it take {article(f'{V0:g} cm³')} tumour to grow to {target} cm³ under logistic "
        f"growth with a carrying capacity of {K} cm³ and {rate}?{aside}",
    ]
    rline = (f"doubling_time = {td}  # initial doubling time [day]" if use_doubling
             else f"r = {lit(r)}  # intrinsic growth rate [1/day]")
    derived = "r = sp.log(2) / doubling_time  # growth rate [1/day]\n" if use_doubling else ""
    last = "answer = float(t_reach / 7)  # [week]\n" if in_weeks else "answer = float(t_reach)\n"
    program = ("import sympy as sp\n\n" + f"V0 = {lit(V0)}  # initial tumour volume [cm^3]\n"
               f"K = {K}  # carrying capacity [cm^3]\n" + rline + "\n"
               f"V_target = {target}  # volume of interest [cm^3]\n\n" + derived + code("""
        t = sp.symbols("t", positive=True)
        V = K / (1 + (K - V0) / V0 * sp.exp(-r * t))
        t_reach = sp.nsolve(sp.Eq(V, V_target), t, (0, 5000), solver="bisect")
        """) + last)
    return texts[phrasing], program, ("weeks" if in_weeks else "days")


@family("sir_epidemic", DOMAIN, 6)
def sir_epidemic(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["a boarding school", "a small town", "a university campus", "an island",
                       "a city"])
    at = "on" if place == "an island" else "in"
    N = {"a boarding school": pick(rng, [800, 1200, 1500, 2000]),
         "a small town": pick(rng, [5000, 8000, 12000, 20000]),
         "a university campus": pick(rng, [15000, 25000, 40000]),
         "an island": pick(rng, [3000, 6000, 9000]),
         "a city": pick(rng, [250000, 600000, 1200000, 2500000])}[place]
    I0 = pick(rng, [2, 3, 5, 10, 20]) * (10 if N > 100000 else 1)
    while True:
        D = rng.randint(3, 10)
        R0 = round(rng.uniform(1.5, 4.0), 1)
        if math.log(N / I0) / ((R0 - 1) / D) < 150:  # rough time to the peak [day]
            break
    use_r0 = rng.random() < 0.5
    beta = round(R0 / D, 3)
    ask = pick(rng, ["peak", "day", "final"])
    aside = _aside(rng, name)
    # a recovery rate written as a number ("γ = 0.14 per day"; drawn last: the other samples keep
    # their numbers)
    gamma = round(1 / D, 2)
    rate_form = not use_r0 and rng.random() < 0.5
    # everyone infected by the end, the first cases counted ("How many students in total will have
    # had the flu by the time the outbreak has died out?"; drawn last, as the rate above)
    if ask == "final" and rng.random() < 0.5:
        ask = "total"
    pop = f"{N / 1e6:g} million" if N >= 1_000_000 else fmt_num(N)
    pars = (f"a basic reproduction number R0 = {R0:g} and an average infectious period of {D} days"
            if use_r0 else f"a transmission rate β = {beta:g} per day and a recovery rate γ = {gamma:g} per day"
            if rate_form else f"a transmission rate β = {beta:g} per day and a recovery rate γ = 1/{D} per day")
    want = {"peak": "the largest number of people infected at the same time",
            "day": "the time (in days, not rounded) at which the number of infected people peaks",
            "final": "the number of people who are still susceptible (never infected) after 365 days",
            "total": "the total number of people who will have had the infection by the time the outbreak "
                     "has died out, counting the first cases"}[ask]
    texts = [
        f"An infection spreads {at} {place} of {pop} people according to the SIR model with "
        f"{pars}. Initially {I0} people are infected and everyone else is susceptible. Find "
        f"{want}.{aside}",
        f"{name}, the public-health officer for {place} ({pop} residents), models an outbreak "
        f"with an SIR model.{aside} It starts with {I0} infected people; the disease has {pars}. "
        f"What is {want}?",
        f"We have {I0} flu cases {at} {place} with {pop} people, nobody immune. With {pars}, what "
        f"does a basic SIR model give for {want}?{aside}",
        f"Epidemic projection: population {pop}; initial infected {I0}; initial recovered "
        f"0; SIR dynamics with {pars}. Simulate for 365 days and report {want}.{aside}",
        f"Integrate dS/dt = -βSI/N, dI/dt = βSI/N - γI, dR/dt = γI with N = {pop}, I(0) = {I0}, "
        f"R(0) = 0 and {pars} over 365 days; report {want}.{aside}",
        f"What is {want} when an outbreak {at} {place} of {pop} people begins with {I0} infections "
        f"and follows the SIR model with {pars}?{aside}",
    ]
    if use_r0:
        head = (f"R0 = {lit(R0)}  # basic reproduction number [1]\n"
                f"infectious_days = {D}  # average infectious period [day]\n")
        derived = ("gamma = 1 / infectious_days  # recovery rate [1/day]\n"
                   "beta = R0 * gamma  # transmission rate [1/day]\n")
    elif rate_form:
        head = (f"beta = {lit(beta)}  # transmission rate [1/day]\n"
                f"gamma = {lit(gamma)}  # recovery rate [1/day]\n")
        derived = ""
    else:
        head = (f"beta = {lit(beta)}  # transmission rate [1/day]\n"
                f"infectious_days = {D}  # average infectious period [day]\n")
        derived = "gamma = 1 / infectious_days  # recovery rate [1/day]\n"
    last = {"peak": "answer = float(I.max())",
            "day": "answer = float(sol.t[np.argmax(I)])",
            "final": "answer = float(S[-1])",
            "total": "answer = float(N - S[-1])  # everyone who left the susceptible group"}[ask]
    program = (
        "import numpy as np\nfrom scipy.integrate import solve_ivp\n\n"
        f"N = {N}  # population [people]\nI0 = {I0}  # initially infected [people]\n" + head
        + "days = 365  # simulated period [day]\n\n" + (derived + "\n\n" if derived else "\n") + code("""
        def sir(t, y):
            S, I, R = y
            return [-beta * S * I / N, beta * S * I / N - gamma * I, gamma * I]
        """) + "\n\n" + code("""
        t_grid = np.linspace(0, days, 3651)
        sol = solve_ivp(sir, (0, days), [N - I0, I0, 0], t_eval=t_grid, rtol=1e-8, atol=1e-6)
        S, I, R = sol.y
        """) + last + "\n")
    units = {"peak": "people", "day": "days", "final": "people", "total": "people"}[ask]
    return texts[phrasing], program, units
