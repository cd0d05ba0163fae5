"""Population and ecology problem families: exponential and logistic growth, predator-prey
dynamics and harvesting.

Every ``make(rng, phrasing)`` draws all of its numbers first and only then picks the text of
the requested phrasing, so one seed gives the same numbers in every phrasing.
"""

from __future__ import annotations

import math
import random

from mathllm.data.core import NAMES, aside, code, family, fmt_num, lit, pick

DOMAIN = "population"

_ASIDES = [
    "The survey was carried out on {day} September.",
    "The research station's boat is painted {colour}.",
    "{name} has {num2} years of field experience.",
    "The reserve covers {num} hectares.",
    "The census office is open on weekdays until {hour} pm.",
    "The project is funded with {num},000 euros.",
    "{name}'s car has the number plate ending in {num}.",
]


def _aside(rng: random.Random, name: str) -> str:
    """An irrelevant sentence (about 30% of the time) with a leading space, or ''."""
    return aside(rng, _ASIDES, name=name, day=lambda r: r.randint(2, 28),
                 num=lambda r: r.randint(12, 950), num2=lambda r: r.randint(3, 25),
                 colour=lambda r: pick(r, ["red", "white", "orange", "blue"]),
                 hour=lambda r: r.randint(4, 6))


def _people(n: float) -> str:
    """A head count as people write it: 1,250,000 -> '1.25 million'."""
    if n >= 1_000_000 and abs(round(n / 1e6, 3) * 1e6 - n) < 1e-6:
        return f"{n / 1e6:g} million"
    return fmt_num(n)


# ---- exponential growth ---------------------------------------------------------------------

@family("exponential_growth", DOMAIN, 6)
def exponential_growth(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    kind = pick(rng, ["town", "city", "bacteria", "rabbits"])
    if kind == "town":
        N0, r, tu, unit = rng.randint(20, 400) * 100, rng.randint(5, 45) / 1000, "year", "people"
    elif kind == "city":
        N0, r, tu, unit = rng.randint(8, 90) * 50000, rng.randint(5, 35) / 1000, "year", "people"
    elif kind == "bacteria":
        N0, r, tu, unit = pick(rng, [100, 200, 500, 1000, 5000]), round(rng.uniform(0.1, 0.9), 2), "hour", "cells"
    else:
        N0, r, tu, unit = rng.randint(2, 40) * 10, round(rng.uniform(0.15, 0.6), 2), "year", "rabbits"
    continuous = kind in ("bacteria", "rabbits") or rng.random() < 0.3
    ask_time = rng.random() < 0.4
    t = rng.randint(2, 30) if tu == "year" and kind in ("town", "city") else rng.randint(2, 12)
    factor = rng.choice([1.5, 2, 2.5, 3, 4, 5, 10])
    target = N0 * factor
    target = int(round(target, -2)) if target > 10000 else int(round(target))
    aside = _aside(rng, name)
    subject = {"town": "a town", "city": "a city", "bacteria": "a bacterial culture",
               "rabbits": "a rabbit colony"}[kind]
    rate = (f"{r * 100:g}% per {tu} (continuous growth)" if continuous and kind in ("town", "city")
            else f"a continuous rate of {r:g} per {tu}" if continuous
            else f"{r * 100:g}% per {tu}")
    rate_short = (f"{r * 100:g}% per {tu}" if not continuous
                  else f"{r * 100:g}% per {tu} (continuous)" if kind in ("town", "city")
                  else f"{r:g} per {tu} (continuous)")
    model = "N(t) = N₀·e^(rt)" if continuous else "N(t) = N₀·(1 + r)^t"
    tus = tu + "s"
    want = (f"how many {tus} it takes to reach {_people(target)} {unit}" if ask_time
            else f"the size after {t} {tus} ({unit})")
    texts = [
        f"The population of {subject} is {_people(N0)} {unit} and grows at {rate}. Find {want}.{aside}",
        f"{name} is studying {subject} that currently has {_people(N0)} {unit}.{aside} It grows at "
        f"{rate}. "
        + (f"After how many {tus} will it reach {_people(target)}?" if ask_time
           else f"How many {unit} will there be in {t} {tus}?"),
        f"We have {_people(N0)} {unit} now, growing at {rate}. "
        + (f"How long until we hit {_people(target)}, in {tus}?" if ask_time
           else f"What will the count be {t} {tus} from now?") + aside,
        f"Growth projection:{' ' + subject}; current size {_people(N0)} {unit}; growth rate {rate_short}; "
        f"model {model}. Report {want}.{aside}",
        f"Using {model} with N₀ = {_people(N0)} and r = {r:g} per {tu}, "
        + (f"solve N(t) = {_people(target)} for t (in {tus})." if ask_time else f"evaluate N({t}).")
        + aside,
        f"{'How many ' + tus + ' until' if ask_time else 'How large will'} {subject} of "
        f"{_people(N0)} {unit}, growing at {rate}, "
        + (f"reaches {_people(target)}?" if ask_time else f"be after {t} {tus}?") + aside,
    ]
    growth = "N0 * sp.exp(r * t)" if continuous else "N0 * (1 + r) ** t"
    rdesc = "continuous growth rate" if continuous else "growth rate per period"
    head = f"N0 = {N0}  # initial population [{unit}]\nr = {lit(r)}  # {rdesc} [1/{tu}]\n"
    if ask_time:
        program = ("import sympy as sp\n\n" + head + f"N_target = {target}  # population of interest [{unit}]\n\n"
                   + code(f"""
            t = sp.symbols("t", positive=True)
            N = {growth}
            t_reach = sp.nsolve(sp.Eq(N, N_target), t, (0, 1000), solver="bisect")
            answer = float(t_reach)
            """))
        return texts[phrasing], program, tus
    program = ("import sympy as sp\n\n" + head + f"t = {t}  # elapsed time [{tu}]\n\n"
               + code(f"""
        N = {growth}
        answer = float(N)
        """))
    if not continuous:
        program = program.replace("import sympy as sp\n\n", "")
    return texts[phrasing], program, unit


@family("exponential_from_two_counts", DOMAIN, 6)
def exponential_from_two_counts(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    art, what, unit, tu = pick(rng, [("an", "E. coli culture", "cells", "hour"),
                                     ("a", "yeast culture", "cells", "hour"),
                                     ("an", "algae bloom", "cells per mL", "day"),
                                     ("a", "duckweed mat", "fronds", "day")])
    r = rng.uniform(0.15, 0.9) if tu == "hour" else rng.uniform(0.05, 0.4)
    t1 = rng.randint(1, 4)
    t2 = t1 + rng.randint(2, 6)
    N1 = pick(rng, [120, 300, 450, 800, 1500, 2000, 5000])
    N2 = int(float(f"{N1 * math.exp(r * (t2 - t1)):.3g}"))
    if N2 <= N1 * 1.2:
        N2 = int(N1 * 3)
    ask = pick(rng, ["later", "doubling", "initial"])
    t3 = t2 + rng.randint(1, 6)
    aside = _aside(rng, name)
    tus = tu + "s"
    ab = {"hour": "h", "day": "d"}[tu]
    want = {"later": f"the expected count after {t3} {tus}",
            "doubling": f"the doubling time in {tus}",
            "initial": "the count at time zero"}[ask]
    texts = [
        f"{art.capitalize()} {what} grows exponentially. It has {fmt_num(N1)} {unit} after {t1} {ab} and "
        f"{fmt_num(N2)} after {t2} {ab}. Find {want}.{aside}",
        f"{name} counts {art} {what} in the lab: {fmt_num(N1)} {unit} at the {t1}-{tu} mark and "
        f"{fmt_num(N2)} at the {t2}-{tu} mark.{aside} Assuming unchecked exponential growth, what "
        f"is {want}?",
        f"My {what} went from {fmt_num(N1)} {unit} at t = {t1} {ab} to {fmt_num(N2)} at "
        f"t = {t2} {ab}. If it keeps growing exponentially, "
        + {"later": f"how many will there be at t = {t3} {ab}?",
           "doubling": f"how long does it take to double (in {tus})?",
           "initial": "how many were there at t = 0?"}[ask] + aside,
        f"Lab record:{' ' + what}; count at t = {t1} {ab}: {fmt_num(N1)} {unit}; count at "
        f"t = {t2} {ab}: {fmt_num(N2)} {unit}. Fit N(t) = N₀·e^(rt) and report {want}.{aside}",
        f"N(t) = N₀e^(rt) passes through ({t1}, {fmt_num(N1)}) and ({t2}, {fmt_num(N2)}) with t in "
        f"{tus}. Determine r and then {want}.{aside}",
        f"What is {want} for {art} {what} that grows exponentially from {fmt_num(N1)} {unit} at "
        f"t = {t1} {ab} to {fmt_num(N2)} at t = {t2} {ab}?{aside}",
    ]
    head = (f"t1 = {t1}  # time of the first count [{tu}]\nN1 = {N1}  # first count [{unit}]\n"
            f"t2 = {t2}  # time of the second count [{tu}]\nN2 = {N2}  # second count [{unit}]\n")
    if ask == "later":
        head += f"t3 = {t3}  # time of interest [{tu}]\n"
    body = f"r = np.log(N2 / N1) / (t2 - t1)  # growth rate [1/{tu}]\n"
    body += {"later": "N3 = N1 * np.exp(r * (t3 - t1))\nanswer = float(N3)\n",
             "doubling": "answer = float(np.log(2) / r)\n",
             "initial": "N0 = N1 * np.exp(-r * t1)\nanswer = float(N0)\n"}[ask]
    program = "import numpy as np\n\n" + head + "\n" + body
    return texts[phrasing], program, (tus if ask == "doubling" else unit)


# ---- logistic growth ------------------------------------------------------------------------

_LOGISTIC = [
    # subject, unit, K range, r range, time unit
    ("the trout population of a stocked lake", "fish", (2000, 20000), (0.2, 0.8), "year"),
    ("the deer population of an island", "deer", (300, 3000), (0.15, 0.5), "year"),
    ("a yeast culture in a flask", "million cells", (50, 500), (0.2, 0.7), "hour"),
    ("a town's population", "people", (20000, 200000), (0.03, 0.12), "year"),
    ("the user base of a new app", "thousand users", (200, 5000), (0.1, 0.6), "month"),
]


def _logistic_draw(rng: random.Random):
    subject, unit, (klo, khi), (rlo, rhi), tu = pick(rng, _LOGISTIC)
    K = int(float(f"{rng.uniform(klo, khi):.2g}"))
    r = round(rng.uniform(rlo, rhi), 3)
    N0 = int(float(f"{K * rng.uniform(0.02, 0.3):.2g}"))
    return subject, unit, K, r, N0, tu


@family("logistic_population_at", DOMAIN, 6)
def logistic_population_at(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    subject, unit, K, r, N0, tu = _logistic_draw(rng)
    t = rng.randint(2, max(3, round(3 / r)))
    aside = _aside(rng, name)
    tus = tu + "s"
    texts = [
        f"The size of {subject} follows the logistic model dN/dt = rN(1 - N/K) with r = {r:g} per {tu}, K = "
        f"{fmt_num(K)} {unit} and N(0) = {fmt_num(N0)}. Find N after {t} {tus}.{aside}",
        f"{name} models {subject}: there are {fmt_num(N0)} {unit} now, the environment can support "
        f"at most {fmt_num(K)}, and the intrinsic growth rate is {r:g} per {tu}.{aside} Using "
        f"logistic growth, how many {unit} will there be after {t} {tus}?",
        f"If {subject} starts at {fmt_num(N0)} {unit}, grows logistically with rate {r:g}/{tu}, and "
        f"levels off at {fmt_num(K)}, what will it be in {t} {tus}?{aside}",
        f"Logistic projection for {subject}:{' '}N₀ = {fmt_num(N0)} {unit}; carrying capacity "
        f"{fmt_num(K)}; r = {r:g} per {tu}; horizon {t} {tus}. Report the projected size.{aside}",
        f"Evaluate N(t) = K / (1 + ((K - N₀)/N₀)·e^(-rt)) for K = {fmt_num(K)}, N₀ = {fmt_num(N0)}, "
        f"r = {r:g} per {tu} and t = {t} {tus} (answer in {unit}).{aside}",
        f"How large will {subject} be after {t} {tus}, if it is {fmt_num(N0)} {unit} today and grows "
        f"logistically toward a ceiling of {fmt_num(K)} at an intrinsic rate of {r:g} per {tu}?{aside}",
    ]
    program = code(f"""
        import sympy as sp

        N0 = {N0}  # initial size [{unit}]
        K = {K}  # carrying capacity [{unit}]
        r = {lit(r)}  # intrinsic growth rate [1/{tu}]
        t_query = {t}  # time of interest [{tu}]

        t = sp.symbols("t", positive=True)
        N = K / (1 + (K - N0) / N0 * sp.exp(-r * t))  # solution of dN/dt = r N (1 - N/K)
        answer = float(N.subs(t, t_query))
        """)
    return texts[phrasing], program, unit


@family("logistic_time_to_reach", DOMAIN, 6)
def logistic_time_to_reach(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    subject, unit, K, r, N0, tu = _logistic_draw(rng)
    target = int(float(f"{N0 + (K - N0) * rng.uniform(0.2, 0.85):.2g}"))
    if target <= N0 or target >= K:
        target = (N0 + K) // 2
    as_pct = rng.random() < 0.3
    pct = round(target / K * 100)
    if as_pct:
        target = K * pct / 100
    aside = _aside(rng, name)
    tus = tu + "s"
    goal = f"{pct}% of the carrying capacity" if as_pct else f"{fmt_num(target)} {unit}"
    texts = [
        f"{subject[0].upper() + subject[1:]} grows logistically with r = {r:g} per {tu} and carrying "
        f"capacity {fmt_num(K)} {unit}, starting from {fmt_num(N0)}. How many {tus} until it "
        f"reaches {goal}?{aside}",
        f"{name} is tracking {subject}. It stands at {fmt_num(N0)} {unit}; the ceiling (carrying capacity) is "
        f"{fmt_num(K)} and the intrinsic growth rate is {r:g} per {tu}.{aside} Assuming logistic "
        f"growth, after how many {tus} will it reach {goal}?",
        f"With logistic growth (r = {r:g}/{tu}, K = {fmt_num(K)}), when will {subject} go from "
        f"{fmt_num(N0)} to {goal}? Answer in {tus}.{aside}",
        f"Planning question — {subject}: N₀ = {fmt_num(N0)} {unit}, K = {fmt_num(K)}, r = {r:g} "
        f"per {tu}, logistic dynamics. Determine the time (in {tus}) to reach {goal}.{aside}",
        f"For dN/dt = {r:g}·N·(1 - N/{fmt_num(K)}) with N(0) = {fmt_num(N0)}, find the time t "
        f"({tus}) at which N = {fmt_num(target)}.{aside}",
        f"How many {tus} does it take {subject} to grow from {fmt_num(N0)} to {goal} under logistic "
        f"growth with rate {r:g} per {tu} and carrying capacity {fmt_num(K)}?{aside}",
    ]
    tline = (f"share = {lit(pct / 100)}  # target as a share of the carrying capacity [1]\n"
             if as_pct else f"N_target = {lit(target)}  # size of interest [{unit}]\n")
    program = ("import sympy as sp\n\n" + f"N0 = {N0}  # initial size [{unit}]\nK = {K}  # carrying capacity [{unit}]\n"
               f"r = {lit(r)}  # intrinsic growth rate [1/{tu}]\n" + tline + "\n"
               + ("N_target = share * K  # [" + unit + "]\n" if as_pct else "")
               + code("""
        t = sp.symbols("t", positive=True)
        N = K / (1 + (K - N0) / N0 * sp.exp(-r * t))  # solution of dN/dt = r N (1 - N/K)
        t_reach = sp.nsolve(sp.Eq(N, N_target), t, (0, 1000), solver="bisect")
        answer = float(t_reach)
        """))
    return texts[phrasing], program, tus


# ---- predator-prey --------------------------------------------------------------------------

@family("lotka_volterra", DOMAIN, 6)
def lotka_volterra(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    prey, prey1, pred, pred1, habitat = pick(rng, [
        ("rabbits", "rabbit", "foxes", "fox", "a valley"), ("hares", "hare", "lynx", "lynx", "a forest"),
        ("aphids", "aphid", "ladybirds", "ladybird", "a greenhouse"),
        ("voles", "vole", "owls", "owl", "a meadow"), ("sardines", "sardine", "tuna", "tuna", "a bay")])
    alpha = round(rng.uniform(0.4, 1.2), 2)
    beta = round(rng.uniform(0.005, 0.03), 4)
    gamma = round(rng.uniform(0.3, 1.0), 2)
    delta = round(rng.uniform(0.002, 0.015), 4)
    x_eq, y_eq = gamma / delta, alpha / beta
    x0 = int(round(x_eq * rng.uniform(0.4, 1.8), -1)) or 10
    y0 = int(round(y_eq * rng.uniform(0.4, 1.8))) or 2
    T = rng.randint(5, 30)
    ask = pick(rng, ["prey", "pred", "max_pred"])
    aside = _aside(rng, name)
    want = {"prey": f"the number of {prey} after {T} years",
            "pred": f"the number of {pred} after {T} years",
            "max_pred": f"the largest number of {pred} during the first {T} years"}[ask]
    eqs = (f"dx/dt = {alpha:g}x - {beta:g}xy, dy/dt = {delta:g}xy - {gamma:g}y")
    texts = [
        f"A predator-prey system of {prey} (x) and {pred} (y) follows the Lotka-Volterra equations "
        f"{eqs}, with t in years. Initially x = {x0} and y = {y0}. Find {want}.{aside}",
        f"{name} models the {prey} and {pred} in {habitat}.{aside} The {prey} grow at rate "
        f"{alpha:g} per year and are eaten at rate {beta:g} per {pred1} per year; the {pred} die "
        f"off at rate {gamma:g} per year and gain {delta:g} per {prey1} per year. Starting from {x0} {prey} and "
        f"{y0} {pred}, what is {want}?",
        f"I'm simulating {prey} and {pred} with Lotka-Volterra: {eqs} (x = {prey}, y = {pred}, "
        f"t in years), x(0) = {x0}, y(0) = {y0}. What do I get for {want}?{aside}",
        f"Ecosystem model:{' '}prey {prey}, x(0) = {x0}; predators {pred}, y(0) = {y0}; parameters "
        f"α = {alpha:g}, β = {beta:g}, γ = {gamma:g}, δ = {delta:g} (per year); equations x' = αx - "
        f"βxy, y' = δxy - γy. Report {want}.{aside}",
        f"Integrate {eqs} from x(0) = {x0}, y(0) = {y0} over 0 ≤ t ≤ {T} (years) and give "
        f"{want.replace(prey, 'x (' + prey + ')').replace(pred, 'y (' + pred + ')')}.{aside}",
        f"What is {want}, if {x0} {prey} and {y0} {pred} interact according to {eqs} (t in "
        f"years)?{aside}",
    ]
    last = {"prey": "answer = float(sol.y[0, -1])",
            "pred": "answer = float(sol.y[1, -1])",
            "max_pred": "answer = float(sol.y[1].max())"}[ask]
    program = code(f"""
        import numpy as np
        from scipy.integrate import solve_ivp

        alpha = {lit(alpha)}  # prey growth rate [1/year]
        beta = {lit(beta)}  # predation rate [1/(predator*year)]
        gamma = {lit(gamma)}  # predator death rate [1/year]
        delta = {lit(delta)}  # predator growth per prey eaten [1/(prey*year)]
        x0 = {x0}  # initial {prey} [animals]
        y0 = {y0}  # initial {pred} [animals]
        T = {T}  # time horizon [year]


        def lotka_volterra(t, z):
            x, y = z
            return [alpha * x - beta * x * y, delta * x * y - gamma * y]


        t_grid = np.linspace(0, T, 2001)
        sol = solve_ivp(lotka_volterra, (0, T), [x0, y0], t_eval=t_grid, rtol=1e-9, atol=1e-9)
        """) + last + "\n"
    return texts[phrasing], program, "animals"


# ---- harvesting -----------------------------------------------------------------------------

@family("logistic_harvesting", DOMAIN, 6, held_out=True)
def logistic_harvesting(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    art, resource, unit = pick(rng, [("a", "cod stock", "tonnes"), ("a", "forest", "cubic metres of timber"),
                                     ("a", "shrimp fishery", "tonnes"), ("a", "deer herd", "deer"),
                                     ("an", "oyster bed", "thousand oysters")])
    r = round(rng.uniform(0.1, 0.8), 2)
    K = int(float(f"{rng.uniform(500, 80000):.2g}"))
    msy = r * K / 4
    H = int(float(f"{msy * rng.uniform(0.2, 0.85):.2g}"))
    ask_msy = rng.random() < 0.4
    aside = _aside(rng, name)
    want = ("the maximum sustainable yield (the largest constant harvest per year that the "
            "population can sustain)" if ask_msy
            else f"the stable equilibrium size of the {resource} under a constant harvest of "
                 f"{fmt_num(H)} {unit} per year")
    texts = [
        f"{art.capitalize()} {resource} grows logistically with intrinsic rate r = {r:g} per year and carrying "
        f"capacity K = {fmt_num(K)} {unit}"
        + ("." if ask_msy else f", and {fmt_num(H)} {unit} are harvested each year, so dN/dt = "
           f"rN(1 - N/K) - H.") + f" Find {want}.{aside}",
        f"{name} manages {art} {resource}.{aside} Left alone it grows logistically at {r:g} per year "
        f"toward a ceiling of {fmt_num(K)} {unit}. "
        + ("What is the largest annual harvest that can be taken indefinitely (the MSY), in "
           f"{unit} per year?" if ask_msy
           else f"If {fmt_num(H)} {unit} are removed every year, at what level will the stock "
                f"settle (the stable equilibrium)?"),
        f"Our {resource}: r = {r:g}/year, K = {fmt_num(K)} {unit}. "
        + ("What's the maximum sustainable yield per year?" if ask_msy
           else f"We plan to take {fmt_num(H)} {unit} a year. Where does the population level off "
                f"(stable equilibrium)?") + aside,
        f"Resource assessment:{' '}{resource}; logistic growth, r = {r:g} yr⁻¹; K = {fmt_num(K)} "
        f"{unit}"
        + (". Report the maximum sustainable yield in " + unit + " per year." if ask_msy
           else f"; constant harvest H = {fmt_num(H)} {unit}/yr. Report the stable equilibrium "
                f"stock.") + aside,
        (f"Maximize the growth rate rN(1 - N/K) over N for r = {r:g}, K = {fmt_num(K)} and give "
         f"the maximum value (the MSY, in {unit} per year).{aside}" if ask_msy
         else f"Find the larger root of {r:g}N(1 - N/{fmt_num(K)}) - {fmt_num(H)} = 0 (the stable "
              f"equilibrium of the harvested {resource}, in {unit}).{aside}"),
        (f"What is the maximum sustainable yield of {art} {resource} that grows logistically at "
         f"{r:g} per year with a carrying capacity of {fmt_num(K)} {unit}?{aside}" if ask_msy
         else f"At what size does {art} {resource} stabilise when it grows logistically (r = {r:g} per "
              f"year, K = {fmt_num(K)} {unit}) and {fmt_num(H)} {unit} are harvested every year?{aside}"),
    ]
    if ask_msy:
        program = code(f"""
            import sympy as sp

            r = {lit(r)}  # intrinsic growth rate [1/year]
            K = {K}  # carrying capacity [{unit}]

            N = sp.symbols("N", positive=True)
            growth = r * N * (1 - N / K)
            N_star = sp.solve(sp.diff(growth, N), N)[0]
            answer = float(growth.subs(N, N_star))
            """)
        return texts[phrasing], program, f"{unit}/year"
    program = code(f"""
        import sympy as sp

        r = {lit(r)}  # intrinsic growth rate [1/year]
        K = {K}  # carrying capacity [{unit}]
        H = {H}  # constant harvest [{unit}/year]

        N = sp.symbols("N", positive=True)
        equilibria = sp.solve(sp.Eq(r * N * (1 - N / K) - H, 0), N)
        answer = float(max(equilibria))  # the larger equilibrium is the stable one
        """)
    return texts[phrasing], program, unit


# ---- epidemics ------------------------------------------------------------------------------

@family("seir_epidemic", DOMAIN, 6)
def seir_epidemic(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    place = pick(rng, ["a boarding school", "a small town", "a university campus", "an island",
                       "a city", "a cruise ship"])
    at = "on" if place in ("an island", "a cruise ship") else "in"
    N = {"a boarding school": pick(rng, [800, 1200, 1500, 2000]),
         "a small town": pick(rng, [5000, 8000, 12000, 20000]),
         "a university campus": pick(rng, [15000, 25000, 40000]),
         "an island": pick(rng, [3000, 6000, 9000]),
         "a city": pick(rng, [250000, 600000, 1200000, 2500000]),
         "a cruise ship": pick(rng, [2500, 3600, 4800])}[place]
    seeds = pick(rng, ["both", "exposed", "infectious"])
    scale = 10 if N > 100000 else 1
    E0 = pick(rng, [4, 5, 10, 15, 20]) * scale if seeds != "infectious" else 0
    I0 = pick(rng, [2, 3, 5, 8]) * scale if seeds != "exposed" else 0
    ask = pick(rng, ["at", "peak", "peak_day"])
    while True:
        D = rng.randint(3, 10)  # infectious period [day]
        L = rng.randint(2, 7)  # incubation period [day]
        beta = round(rng.uniform(1.6, 4.0) / D, 2)
        sigma, gamma = 1 / L, 1 / D
        # early growth rate of the SEIR model: (r + sigma)(r + gamma) = sigma * beta
        r = (-(sigma + gamma) + math.sqrt((sigma - gamma) ** 2 + 4 * sigma * beta)) / 2
        t_peak = math.log(N / (E0 + I0)) / r + L  # rough time to the peak [day]
        if beta * D > 1.4 and t_peak < 200:
            break
    days = pick(rng, [d for d in (180, 240, 300, 365) if d > 1.5 * t_peak])
    t_query = rng.randint(max(5, round(0.4 * t_peak)), round(1.4 * t_peak))
    if ask == "at":
        days = t_query
    aside = _aside(rng, name)
    pop = _people(N)
    pars = (f"a contact rate β = {beta:g} per day, an average incubation period of {L} days and "
            f"an average infectious period of {D} days")
    start = {"both": f"{E0} exposed (infected but not yet infectious) and {I0} infectious people",
             "exposed": f"{E0} exposed (infected but not yet infectious) people and nobody infectious yet",
             "infectious": f"{I0} infectious people and nobody in the incubation stage"}[seeds]
    short = {"both": f"{E0} exposed and {I0} infectious cases", "exposed": f"{E0} exposed cases only",
             "infectious": f"{I0} infectious cases only"}[seeds]
    want = {"at": f"the number of infectious people on day {days}",
            "peak": f"the largest number of infectious people at the same time during the first "
                    f"{days} days",
            "peak_day": f"the peak number of infectious people and the day on which it occurs "
                        f"(simulate {days} days)"}[ask]
    texts = [
        f"An infection spreads {at} {place} of {pop} people according to the SEIR model with "
        f"{pars}. Initially there are {start}; everyone else is susceptible. Find {want}.{aside}",
        f"{name}, the public-health officer for {place} ({pop} people), models an outbreak with an "
        f"SEIR model (susceptible, exposed, infectious, recovered).{aside} It starts with {start}; "
        f"the disease has {pars}. What is {want}?",
        f"We have {start} {at} {place} with {pop} people, nobody immune. The bug takes about {L} "
        f"days to incubate, people then stay contagious for roughly {D} days, and β = {beta:g} per "
        f"day. Using a basic SEIR model, what's {want}?{aside}",
        f"Epidemic projection: population {pop}; initial state {start}; initial recovered 0; SEIR "
        f"dynamics with {pars}. Report {want}.{aside}",
        f"Integrate dS/dt = -βSI/N, dE/dt = βSI/N - σE, dI/dt = σE - γI, dR/dt = γI with "
        f"N = {pop}, E(0) = {E0}, I(0) = {I0}, R(0) = 0, β = {beta:g} per day, 1/σ = {L} days and "
        f"1/γ = {D} days; report {want}.{aside}",
        f"What is {want} when an outbreak {at} {place} of {pop} people begins with {short}? "
        f"Assume SEIR dynamics: transmission at {beta:g} contacts per day (β), a latent period "
        f"averaging {L} days and recovery after {D} days on average.{aside}",
    ]
    last = {"at": "answer = float(I[-1])",
            "peak": "answer = float(I.max())",
            "peak_day": 'answer = {"peak_infectious": float(I.max()), "peak_day": float(sol.t[np.argmax(I)])}'}[ask]
    program = (
        "import numpy as np\nfrom scipy.integrate import solve_ivp\n\n"
        f"N = {N}  # population [people]\nE0 = {E0}  # initially exposed [people]\n"
        f"I0 = {I0}  # initially infectious [people]\nbeta = {lit(beta)}  # contact rate [1/day]\n"
        f"incubation_days = {L}  # average incubation period [day]\n"
        f"infectious_days = {D}  # average infectious period [day]\n"
        f"days = {days}  # simulated period [day]\n\n"
        "sigma = 1 / incubation_days  # rate of becoming infectious [1/day]\n"
        "gamma = 1 / infectious_days  # recovery rate [1/day]\n\n\n" + code("""
        def seir(t, y):
            S, E, I, R = y
            return [-beta * S * I / N, beta * S * I / N - sigma * E, sigma * E - gamma * I, gamma * I]
        """) + "\n\n" + code("""
        t_grid = np.linspace(0, days, 10 * days + 1)
        sol = solve_ivp(seir, (0, days), [N - E0 - I0, E0, I0, 0], t_eval=t_grid, rtol=1e-8, atol=1e-6)
        S, E, I, R = sol.y
        """) + last + "\n")
    units = {"at": "people", "peak": "people", "peak_day": "people, days"}[ask]
    return texts[phrasing], program, units


# ---- predator-prey equilibrium --------------------------------------------------------------

_LV_EQUILIBRIUM = [
    # prey, prey (one), predators, predator (one), habitat, time unit,
    # prey growth rate, predator death rate, prey and predator numbers at the equilibrium
    ("rabbits", "rabbit", "foxes", "fox", "an upland nature reserve", "year", (0.5, 1.2), (0.3, 0.9), (300, 2500),
     (20, 150)),
    ("hares", "hare", "lynx", "lynx", "the taiga", "year", (0.4, 1.0), (0.3, 0.8), (500, 3000), (15, 120)),
    ("aphids", "aphid", "ladybirds", "ladybird", "a rose nursery", "day", (0.2, 0.5), (0.15, 0.4), (300, 1500),
     (10, 80)),
    ("spider mites", "spider mite", "predatory mites", "predatory mite", "a strawberry field", "day", (0.2, 0.4),
     (0.15, 0.35), (400, 1500), (30, 200)),
    ("sardines", "sardine", "tuna", "tuna", "the open ocean", "year", (0.5, 1.2), (0.3, 0.8), (1000, 3000),
     (50, 400)),
    ("moose", "moose", "wolves", "wolf", "an island", "year", (0.2, 0.5), (0.3, 0.7), (400, 2000), (15, 60)),
    ("caribou", "caribou", "wolves", "wolf", "the tundra", "year", (0.2, 0.5), (0.3, 0.7), (500, 2500), (15, 80)),
]


def _sig2(v: float) -> float:
    """Two significant digits: 0.0034567 -> 0.0035."""
    return float(f"{v:.2g}")


@family("lotka_volterra_equilibrium", DOMAIN, 6)
def lotka_volterra_equilibrium(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    prey, prey1, pred, pred1, habitat, tu, a_rng, g_rng, x_rng, y_rng = pick(rng, _LV_EQUILIBRIUM)
    alpha = round(rng.uniform(*a_rng), 2)
    gamma = round(rng.uniform(*g_rng), 2)
    # draw the equilibrium sizes, then round the interaction rates (kept >= 0.0001 for the text)
    beta = max(_sig2(alpha / rng.uniform(*y_rng)), 0.0001)
    delta = max(_sig2(gamma / rng.uniform(*x_rng)), 0.0001)
    ask = pick(rng, ["prey", "pred", "period"])
    aside = _aside(rng, name)
    tus = tu + "s"
    want = {"prey": f"the number of {prey} at the coexistence (nonzero) equilibrium",
            "pred": f"the number of {pred} at the coexistence (nonzero) equilibrium",
            "period": f"the period of small oscillations around the coexistence equilibrium, in {tus}"}[ask]
    question = {
        "prey": f"At what number of {prey} can both species hold steady together (the coexistence equilibrium)?",
        "pred": f"How many {pred} does the coexistence equilibrium support, where neither population changes?",
        "period": f"If the populations are nudged slightly away from their coexistence equilibrium, how many "
                  f"{tus} does one cycle of the small oscillations take?"}[ask]
    mine = {"prey": f"At which {prey1} count do both populations stay constant (the coexistence point)?",
            "pred": f"How many {pred} would I have once both populations sit at their coexistence steady state?",
            "period": f"How long, in {tus}, is one cycle of the small swings around the coexistence steady state?"}[ask]
    task = {"prey": "Set both right-hand sides to zero and give x at the nonzero equilibrium.",
            "pred": "Set both right-hand sides to zero and give y at the nonzero equilibrium.",
            "period": f"Linearize about the nonzero equilibrium and give the period 2π/ω of the small "
                      f"oscillations (in {tus})."}[ask]
    first = {"prey": f"What is the number of {prey} at the coexistence (nonzero) equilibrium",
             "pred": f"How many {pred} are there at the coexistence (nonzero) equilibrium",
             "period": f"How many {tus} does one small oscillation around the coexistence equilibrium last"}[ask]
    texts = [
        (f"A Lotka-Volterra predator-prey model of the {prey} and {pred} in {habitat} has a prey birth rate "
         f"α = {alpha:g} per {tu}, a predation coefficient β = {beta:g} per {pred1} per {tu}, a predator "
         f"mortality γ = {gamma:g} per {tu} and a conversion efficiency δ = {delta:g} per {prey1} per {tu}. "
         f"Find {want}.{aside}"),
        (f"{name} studies the {prey} and {pred} of {habitat}.{aside} The fitted Lotka-Volterra coefficients "
         f"are: prey growth {alpha:g}/{tu}, predation {beta:g} per {pred1} per {tu}, predator mortality "
         f"{gamma:g}/{tu}, predator efficiency {delta:g} per {prey1} per {tu}. {question}"),
        (f"My Lotka-Volterra fit for the {prey} and {pred} in {habitat}: the {prey} reproduce at {alpha:g} per "
         f"{tu}, predation costs them {beta:g} per {pred1} per {tu}, the {pred} have a mortality of {gamma:g} per "
         f"{tu} and convert prey into offspring at {delta:g} per {prey1} per {tu}. {mine}{aside}"),
        (f"Equilibrium analysis (Lotka-Volterra predator-prey). Prey: {prey}, intrinsic growth {alpha:g}/{tu}; "
         f"predation coefficient {beta:g} per {pred1} per {tu}. Predators: {pred}, mortality {gamma:g}/{tu}; "
         f"conversion efficiency {delta:g} per {prey1} per {tu}. Report {want}.{aside}"),
        (f"Consider dx/dt = {alpha:g}x - {beta:g}xy, dy/dt = {delta:g}xy - {gamma:g}y, where x counts {prey}, "
         f"y counts {pred} and t is in {tus}. {task}{aside}"),
        (f"{first} for the {prey} and {pred} of {habitat}, given a Lotka-Volterra model with prey growth rate "
         f"{alpha:g} per {tu}, predation coefficient {beta:g}, predator mortality {gamma:g} per {tu} and "
         f"conversion efficiency {delta:g}?{aside}"),
    ]
    head = code(f"""
        import sympy as sp

        alpha = {lit(alpha)}  # prey growth rate [1/{tu}]
        beta = {lit(beta)}  # predation rate (coefficient) [1/(predator*{tu})]
        gamma = {lit(gamma)}  # predator death rate (mortality) [1/{tu}]
        delta = {lit(delta)}  # predator conversion efficiency per prey [1/(prey*{tu})]

        x, y = sp.symbols("x y")  # {prey}, {pred}
        dxdt = alpha * x - beta * x * y
        dydt = delta * x * y - gamma * y
        equilibria = sp.solve([sp.Eq(dxdt, 0), sp.Eq(dydt, 0)], [x, y], dict=True)
        coexistence = [e for e in equilibria if e[x] > 0 and e[y] > 0][0]
        """)
    if ask == "period":
        program = head + code("""
            J = sp.Matrix([dxdt, dydt]).jacobian([x, y]).subs(coexistence)
            omega = max(sp.im(ev) for ev in J.eigenvals())  # angular frequency of small oscillations
            answer = float(2 * sp.pi / omega)
            """)
        return texts[phrasing], program, tus
    program = head + f"answer = float(coexistence[{'x' if ask == 'prey' else 'y'}])\n"
    return texts[phrasing], program, (prey if ask == "prey" else pred)


# ---- growth rate between two dated observations ----------------------------------------------

def _growth_draw(rng: random.Random):
    """(subject, noun, unit, N1, r, year1, years between, decimals of the values, level factor,
    years from the second observation to the query year)."""
    kind = pick(rng, ["town", "co2", "app", "ice", "seals", "solar"])
    if kind == "town":
        place = pick(rng, ["Millbrook", "Ashford", "Port Alder", "Kessel", "Lindenau", "Brookvale", "Santa Rita"])
        return (f"the population of {place}", "population", "people", rng.randint(40, 900) * 100,
                rng.uniform(0.006, 0.035), pick(rng, [2000, 2005, 2008, 2010, 2012]), rng.randint(5, 12), -2,
                rng.uniform(1.2, 2.0), rng.randint(5, 20))
    if kind == "co2":
        station = pick(rng, ["Mauna Loa", "Cape Grim", "an Alpine observatory", "a coastal station"])
        return (f"the atmospheric CO2 concentration measured at {station}", "CO2 concentration", "ppm",
                round(rng.uniform(330, 370), 1), rng.uniform(0.004, 0.006), rng.randint(1975, 1995),
                rng.randint(15, 28), 1, rng.uniform(1.15, 1.4), rng.randint(15, 50))
    if kind == "app":
        app = pick(rng, ["a language-learning app", "a ride-sharing app", "a photo-sharing app", "a fitness app"])
        return (f"the number of monthly active users of {app}", "number of users", "million users",
                round(rng.uniform(0.5, 5), 1), rng.uniform(0.25, 0.6), rng.randint(2014, 2019),
                rng.randint(2, 4), 1, rng.uniform(2, 6), rng.randint(1, 3))
    if kind == "ice":
        region = pick(rng, ["Greenland", "the Alps", "Alaska", "Patagonia", "the Himalaya"])
        return (f"the yearly ice loss of the glaciers of {region}", "yearly ice loss", "gigatonnes per year",
                rng.randint(20, 250), rng.uniform(0.02, 0.07), rng.randint(1993, 2005), rng.randint(10, 18), 0,
                rng.uniform(1.5, 3), rng.randint(10, 25))
    if kind == "seals":
        island = pick(rng, ["the Farne Islands", "Sable Island", "Heligoland", "an island off Norway"])
        return (f"the number of grey seal pups born each year on {island}", "pup count", "pups",
                rng.randint(30, 300) * 10, rng.uniform(0.03, 0.1), rng.randint(1995, 2010), rng.randint(6, 12), -1,
                rng.uniform(1.5, 3), rng.randint(3, 12))
    country = pick(rng, ["Chile", "Vietnam", "Morocco", "Portugal", "Kenya"])
    return (f"the installed solar power capacity of {country}", "installed capacity", "GW",
            round(rng.uniform(0.5, 8), 1), rng.uniform(0.15, 0.4), rng.randint(2008, 2014), rng.randint(4, 8), 1,
            rng.uniform(2, 5), rng.randint(2, 6))


def _round_to(v: float, decimals: int) -> float | int:
    v = round(v, decimals)
    return int(v) if decimals <= 0 else v


@family("growth_rate_from_two_values", DOMAIN, 6)
def growth_rate_from_two_values(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    subject, noun, unit, N1, r, year1, gap, dec, factor, later = _growth_draw(rng)
    year2 = year1 + gap
    N2 = _round_to(N1 * math.exp(r * gap), dec)
    level = _sig2(N2 * factor)
    level = int(level) if level.is_integer() else level
    year3 = year2 + later
    ask = pick(rng, ["rate", "year", "value"])
    aside = _aside(rng, name)
    v1, v2, lv = f"{fmt_num(N1)} {unit}", f"{fmt_num(N2)} {unit}", f"{fmt_num(level)} {unit}"
    S = subject[:1].upper() + subject[1:]
    model = f"N(t) = N₁·e^(r(t - {year1}))"
    want = {"rate": "the continuous annual growth rate r, in percent per year",
            "year": f"the year (as a decimal year) in which it reaches {lv}",
            "value": f"the expected {noun} in {year3}"}[ask]
    texts = [
        (f"{S} was {v1} in {year1} and had grown to {v2} by {year2}. Assuming exponential growth {model}, "
        f"find {want}.{aside}"),
        f"{name} is writing a report on {subject}.{aside} The records show {v1} in {year1}, rising to {v2} "
        f"in {year2}. "
        + {"rate": "What continuous growth rate per year (in percent) do these two values imply?",
           "year": f"If the exponential trend continues, in what year (to one decimal) will it hit {lv}?",
           "value": f"If the exponential trend continues, what will the {noun} be in {year3}?"}[ask],
        f"I looked up {subject}: {v1} back in {year1}, {v2} in {year2}. "
        + {"rate": "Treating that as continuous exponential growth, what's the rate in % per year?",
           "year": f"Extrapolating exponentially, when (decimal year) do we pass {lv}?",
           "value": f"Extrapolating exponentially, what should I expect for {year3}?"}[ask] + aside,
        (f"Observations — {subject}: {year1}: {v1}; {year2}: {v2}. Model: exponential growth with a "
        f"continuous rate. Report {want}.{aside}"),
        f"Fit {model} to N({year1}) = {fmt_num(N1)} and N({year2}) = {fmt_num(N2)}, with N in {unit} and t "
        f"in calendar years, then give "
        + {"rate": "r in percent per year.",
           "year": f"the year t at which N = {fmt_num(level)} (decimal year).",
           "value": f"N({year3})."}[ask] + aside,
        {"rate": f"What continuous annual growth rate, in percent, takes {subject} from {v1} ({year1}) to "
                 f"{v2} ({year2})?{aside}",
         "year": f"In which year (decimal) will {subject} reach {lv}, if it was {v1} in {year1} and "
                 f"had grown exponentially to {v2} by {year2}?{aside}",
         "value": f"What will {subject} be in {year3} if its exponential growth goes on? It stood at {v1} in "
                  f"{year1}; in {year2} it was {v2}.{aside}"}[ask],
    ]
    u = "Gt/year" if unit == "gigatonnes per year" else unit
    head = (f"import sympy as sp\n\nyear1 = {year1}  # year of the first value [year]\n"
            f"N1 = {lit(N1)}  # {noun} in {year1} [{u}]\nyear2 = {year2}  # year of the second value [year]\n"
            f"N2 = {lit(N2)}  # {noun} in {year2} [{u}]\n")
    if ask == "year":
        head += f"level = {lit(level)}  # level of interest [{u}]\n"
    if ask == "value":
        head += f"year_query = {year3}  # year of interest [year]\n"
    body = code("""
        r, t = sp.symbols("r t", real=True)
        # N(t) = N1 * exp(r * (t - year1)); the logarithm is linear in r and t
        rate = sp.solve(sp.Eq(sp.log(N2 / N1), r * (year2 - year1)), r)[0]  # continuous growth rate [1/year]
        """)
    body += {"rate": "answer = float(rate * 100)  # [%/year]\n",
             "year": "t_reach = sp.solve(sp.Eq(sp.log(level / N1), rate * (t - year1)), t)[0]\n"
                     "answer = float(t_reach)  # [year]\n",
             "value": "N = N1 * sp.exp(rate * (t - year1))\nanswer = float(N.subs(t, year_query))\n"}[ask]
    units = {"rate": "%/year", "year": "year", "value": unit}[ask]
    return texts[phrasing], head + "\n" + body, units
