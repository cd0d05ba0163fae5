"""Classroom families: the word problems of school algebra, calculus, probability and statistics,
each written as a small contract program (SymPy for equations, derivatives and integrals,
``sp.binomial``/``sp.factorial`` for counting, NumPy/statistics for data)."""

from __future__ import annotations

import random

from ..core import CURRENCIES, NAMES, cap, family, fmt_num, money, pick
from .optimization import _CUR_UNIT, _and, _aside, _code, _insert, _p, _qty

DOMAIN = "classroom"


def _pct(x: float) -> str:
    return f"{fmt_num(x)}%"


def _m(x: float, cur) -> str:
    """Money with cents only when needed."""
    return money(x, cur, 0 if float(x).is_integer() else 2)


def _lc(s: str) -> str:
    """Lower-case the first letter unless the sentence starts with a name."""
    return s if s.split(" ", 1)[0].rstrip("'s") in NAMES else s[:1].lower() + s[1:]


def _an_pct(x: float) -> str:
    """'a 5%' / 'an 8%' / 'an 11%'."""
    t = fmt_num(x)
    return ("an " if t.startswith("8") or t in ("11", "18") or t.startswith("11.") or t.startswith("18.") else "a ") + _pct(x)


def _names(rng: random.Random, k: int) -> list[str]:
    return rng.sample(NAMES, k)


_GENERIC_ASIDES = [
    "The question was part of a homework sheet with {n} exercises.",
    "It was a sunny day with a temperature of {t} °C.",
    "The school has {s} students.",
    "{name} wrote the numbers on a sticky note at {h} o'clock.",
]


def _generic_aside(rng: random.Random, extra: list[str] = ()) -> str:
    opts = [g.format(n=rng.randint(8, 30), t=rng.randint(12, 33), s=fmt_num(rng.randint(200, 1800)),
                     name=pick(rng, NAMES), h=rng.randint(7, 11)) for g in _GENERIC_ASIDES]
    return _aside(rng, list(extra) + opts)


# ---- algebra ----------------------------------------------------------------------------------

_FEES = [
    dict(service="a taxi company", fixed="a base fare", short="base fare", per="kilometre", pers="kilometres",
         unit="km", event="ride", F=(2, 6, 0.5), r=(0.8, 2.6, 0.1), x=(3, 40)),
    dict(service="a gym", fixed="a joining fee", short="joining fee", per="month", pers="months",
         unit="month", event="membership", F=(20, 90, 5), r=(15, 45, 1), x=(2, 24)),
    dict(service="a plumber", fixed="a call-out fee", short="call-out fee", per="hour of work", pers="hours",
         unit="h", event="repair", F=(30, 80, 5), r=(35, 90, 5), x=(1, 9)),
    dict(service="a mobile phone plan", fixed="a monthly fee", short="monthly fee", per="gigabyte of data",
         pers="gigabytes", unit="GB", event="monthly bill", F=(8, 25, 1), r=(1.5, 6, 0.5), x=(2, 30)),
    dict(service="a bike rental shop", fixed="a deposit-free booking fee", short="booking fee", per="hour",
         pers="hours", unit="h", event="rental", F=(3, 10, 1), r=(2.5, 8, 0.5), x=(1, 12)),
]


def _grid(rng: random.Random, lo: float, hi: float, step: float) -> float:
    v = lo + step * rng.randint(0, int(round((hi - lo) / step)))
    v = round(v, 4)
    return int(v) if float(v).is_integer() else v


@family("alg_linear_equation", DOMAIN, 6, tags=("algebra", "sympy"))
def alg_linear_equation(rng: random.Random, p: int):
    c = pick(rng, _FEES)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    name = pick(rng, NAMES)
    F, r, x = _grid(rng, *c["F"]), _grid(rng, *c["r"]), rng.randint(*c["x"])
    T = round(F + r * x, 2)
    aside = _generic_aside(rng, [f"{name} paid by card.", f"The receipt number was {rng.randint(1000, 9999)}."])
    Fm, rm, Tm = _m(F, cur), _m(r, cur), _m(T, cur)
    if p == 0:
        text = (f"{name} used {c['service']} that charges {c['fixed']} of {Fm} plus {rm} per {c['per']}. The "
                f"{c['event']} cost {Tm} in total. How many {c['pers']} were charged?")
    elif p == 1:
        text = (f"The total for a {c['event']} with {c['service']} was {Tm}. The price is made up of "
                f"{c['fixed']} of {Fm} and {rm} for every {c['per']}. Find the number of {c['pers']}.")
    elif p == 2:
        text = (f"Solve for n: {fmt_num(F)} + {fmt_num(r)}·n = {fmt_num(T)}, where n is the number of "
                f"{c['pers']} {name} paid {c['service']} for (amounts in {cu}).")
    elif p == 3:
        text = (f"If {Tm} was paid in total, and {c['service']} charges {rm} per {c['per']} on top of "
                f"{c['fixed']} of {Fm}, how many {c['pers']} did {name} pay for?")
    elif p == 4:
        text = (f"{cap(c['short'])}: {Fm}. Charge per {c['per']}: {rm}. Total paid: {Tm}. Determine the number "
                f"of {c['pers']} ({c['service']}).")
    else:
        text = (f"{name}'s receipt from {c['service']} shows {Tm}. Knowing that {rm} is charged per {c['per']} "
                f"in addition to {c['fixed']} of {Fm}, work out how many {c['pers']} it covered.")
    text = _insert(text, aside)
    params = [_p("fixed_fee", F, c["short"], cu), _p("rate", r, f"charge per {c['per']}", f"{cu}/{c['unit']}"),
              _p("total", T, "total paid", cu)]
    model = [f"n = sp.symbols(\"n\", positive=True)  # number of {c['pers']} [{c['unit']}]",
             "answer = sp.solve(sp.Eq(fixed_fee + rate * n, total), n)[0]"]
    return text, _code(["import sympy as sp"], params, model), c["unit"]


_PAIRS = [
    dict(group="tickets", A=("adult ticket", "adult tickets", "adult"), B=("child ticket", "child tickets", "child"),
         sv="costs", pv="cost", vshort="price", vname="ticket revenue", money=True, va=(8, 25), vb=(3, 12), N=(80, 600)),
    dict(group="animals on a farm", A=("chicken", "chickens", "chicken"), B=("goat", "goats", "goat"),
         sv="has", pv="have", vshort="legs", vname="legs", money=False, fixed=(2, 4), N=(15, 120), unit="legs"),
    dict(group="coins in a jar", A=("2-euro coin", "2-euro coins", "two_euro"),
         B=("50-cent coin", "50-cent coins", "fifty_cent"), sv="is worth", pv="are worth", vshort="value",
         vname="value", money="EUR", fixed=(2, 0.5), N=(20, 150)),
    dict(group="crates", A=("small crate", "small crates", "small"), B=("large crate", "large crates", "large"),
         sv="holds", pv="hold", vshort="bottles", vname="bottles", money=False, va=(6, 12), vb=(15, 30), N=(10, 90),
         unit="bottles"),
]


@family("alg_system_2x2", DOMAIN, 6, tags=("algebra", "sympy", "linear-system"))
def alg_system_2x2(rng: random.Random, p: int):
    c = pick(rng, _PAIRS)
    cur = ("", " EUR") if c["money"] == "EUR" else pick(rng, CURRENCIES)
    if "fixed" in c:
        va, vb = c["fixed"]
    else:
        va = rng.randint(*c["va"])
        vb = rng.randint(c["vb"][0], min(c["vb"][1], va - 1)) if c["vb"][0] < va else rng.randint(*c["vb"])
        if va == vb:  # equal values would make the system singular
            vb += 1
    N = rng.randint(*c["N"])
    na = rng.randint(max(1, N // 6), N - max(1, N // 6))
    nb = N - na
    V = round(va * na + vb * nb, 2)
    V = int(V) if float(V).is_integer() else V
    ask = pick(rng, ["A", "B"])
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} counted twice to be sure.", f"The count took {rng.randint(5, 40)} minutes."])
    (As, Ap, ka), (Bs, Bp, kb) = c["A"], c["B"]
    if c["money"]:
        fa, fb, fV = _m(va, cur), _m(vb, cur), _m(V, cur)
        u = _CUR_UNIT[cur]
    else:
        fa, fb, fV = f"{va} {c['unit']}", f"{vb} {c['unit']}", f"{fmt_num(V)} {c['unit']}"
        u = c["unit"]
    askp = Ap if ask == "A" else Bp
    g = c["group"]
    if p == 0:
        text = (f"There are {N} {g} in total, some {Ap} and the rest {Bp}. Each {As} {c['sv']} {fa} and each "
                f"{Bs} {c['sv']} {fb}; together they {c['pv']} {fV}. How many {askp} are there?")
    elif p == 1:
        text = (f"How many {askp} are there, if {N} {g} ({Ap} and {Bp}) together {c['pv']} {fV}, and one "
                f"{As} {c['sv']} {fa} while one {Bs} {c['sv']} {fb}?")
    elif p == 2:
        text = (f"Let x be the number of {Ap} and y the number of {Bp} among {g}. Then x + y = {N} and "
                f"{fmt_num(va)}x + {fmt_num(vb)}y = {fmt_num(V)} ({c['vname']}). Solve the system and give the "
                f"number of {askp}.")
    elif p == 3:
        text = (f"{name} counted {N} {g}: a mix of {Ap} ({fa} each) and {Bp} ({fb} each). The total "
                f"{c['vname']} came to {fV}. Find the number of {askp}.")
    elif p == 4:
        text = (f"Total number of {g}: {N}. Total {c['vname']}: {fV}. {cap(Ap)}: {fa} each. {cap(Bp)}: {fb} "
                f"each. Determine how many {askp} there are.")
    else:
        text = (f"Knowing that {Ap} {c['pv']} {fa} apiece and {Bp} {fb} apiece, and that {N} {g} {c['pv']} "
                f"{fV} altogether, work out the number of {askp}.")
    text = _insert(text, aside)
    params = [_p("total_count", N, f"number of {g}", "1"), _p("total_value", V, f"total {c['vname']}", u),
              _p(f"{c['vshort']}_{ka}", va, f"{c['vname']} per {As}", u),
              _p(f"{c['vshort']}_{kb}", vb, f"{c['vname']} per {Bs}", u)]
    model = [f"a, b = sp.symbols(\"a b\")  # numbers of {Ap} and {Bp}",
             f"eqs = [sp.Eq(a + b, total_count), sp.Eq({c['vshort']}_{ka} * a + {c['vshort']}_{kb} * b, total_value)]",
             "sol = sp.solve(eqs, [a, b])",
             f"answer = sol[{'a' if ask == 'A' else 'b'}]  # number of {askp}"]
    return text, _code(["import sympy as sp"], params, model), askp


_SHOPS = [
    ("café", [("coffee", "coffees"), ("muffin", "muffins"), ("juice", "juices")]),
    ("stationery shop", [("notebook", "notebooks"), ("pen", "pens"), ("ruler", "rulers")]),
    ("snack bar", [("burger", "burgers"), ("fries", "portions of fries"), ("shake", "shakes")]),
    ("garden centre", [("rose", "roses"), ("tulip", "tulips"), ("fern", "ferns")]),
]


@family("alg_system_3x3", DOMAIN, 6, held_out=True, tags=("algebra", "sympy", "linear-system"))
def alg_system_3x3(rng: random.Random, p: int):
    import numpy as np

    shop, items = pick(rng, _SHOPS)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    price = [rng.randint(4, 32) * 0.25 for _ in range(3)]
    while True:
        cnt = [[rng.randint(0, 4) for _ in range(3)] for _ in range(3)]
        if all(sum(1 for n in row if n) >= 2 for row in cnt) and abs(np.linalg.det(np.array(cnt, float))) > 0.5:
            break
    tot = [round(sum(n * pr for n, pr in zip(row, price)), 2) for row in cnt]
    ask = rng.randrange(3)
    who = _names(rng, 3)
    aside = _generic_aside(rng, [f"The {shop} opens at {rng.randint(6, 9)} a.m.",
                                 f"{who[0]} left a tip of {_m(rng.randint(1, 3), cur)}."])

    def order(row):
        return _and([f"{n} {items[j][0] if n == 1 else items[j][1]}" for j, n in enumerate(row) if n])

    T = [_m(t, cur) for t in tot]
    q = items[ask][0]
    sym = [it[0][0] for it in items]
    if p == 0:
        text = (" ".join(f"{who[i]} pays {T[i]} for {order(cnt[i])}." for i in range(3))
                + f" All prices are the same for everyone at the {shop}. What does one {q} cost?")
    elif p == 1:
        text = (f"What is the price of a single {q}? Three receipts from the same {shop}: "
                + "; ".join(f"{order(cnt[i])}, total {T[i]}" for i in range(3)) + ".")
    elif p == 2:
        eqs = ", ".join(" + ".join(f"{'' if n == 1 else n}{sym[j]}" for j, n in enumerate(row) if n) + f" = {fmt_num(tot[i])}"
                        for i, row in enumerate(cnt))
        text = (f"Let {sym[0]}, {sym[1]} and {sym[2]} be the prices (in {cu}) of a {items[0][0]}, a {items[1][0]} "
                f"and a {items[2][0]} at a {shop}. Solve {eqs} and give {sym[ask]}, the price of a {q}.")
    elif p == 3:
        head = "| order | " + " | ".join(it[1] for it in items) + " | total |"
        rows = "\n".join(f"| {who[i]} | " + " | ".join(str(n) for n in cnt[i]) + f" | {T[i]} |" for i in range(3))
        text = f"Orders at a {shop}:\n\n{head}\n|---|---|---|---|---|\n{rows}\n\nFind the price of one {q}."
    elif p == 4:
        text = (f"At a {shop}, " + "; ".join(f"{order(cnt[i])} cost {T[i]}" for i in range(3))
                + f". Assuming fixed unit prices, how much is one {q}?")
    else:
        text = (f"Three orders were placed at a {shop}. The first, {order(cnt[0])}, came to {T[0]}; the second, "
                f"{order(cnt[1])}, to {T[1]}; the third, {order(cnt[2])}, to {T[2]}. Determine how much a {q} "
                f"costs.")
    text = _insert(text, aside)
    params = []
    for i in range(3):
        params += [_p(f"{items[j][0]}_{i + 1}", cnt[i][j], f"{items[j][1]} in order {i + 1}", "1") for j in range(3)]
    params += [_p(f"total_{i + 1}", tot[i], f"total of order {i + 1}", cu) for i in range(3)]
    model = [f"{', '.join(sym)} = sp.symbols(\"{' '.join(sym)}\")  # unit prices [{cu}]",
             "eqs = [" + ",\n       ".join(
                 "sp.Eq(" + " + ".join(f"{items[j][0]}_{i + 1} * {sym[j]}" for j in range(3)) + f", total_{i + 1})"
                 for i in range(3)) + "]",
             f"answer = sp.solve(eqs, [{', '.join(sym)}])[{sym[ask]}]  # price of one {q}"]
    return text, _code(["import sympy as sp"], params, model), cu


_RECTS = [("garden", "m"), ("rug", "m"), ("poster", "cm"), ("photo", "cm"), ("classroom floor", "m"),
          ("parking lot", "m"), ("patio", "ft"), ("tablecloth", "cm")]


@family("alg_quadratic_area", DOMAIN, 6, tags=("algebra", "sympy", "quadratic"))
def alg_quadratic_area(rng: random.Random, p: int):
    obj, u = pick(rng, _RECTS)
    uw = {"m": "metres", "cm": "centimetres", "ft": "feet"}[u]
    big = 10 if u == "cm" else 1
    w = rng.randint(3, 25) * big
    rel = pick(rng, ["more", "twice"])
    d = rng.randint(1, 12) * big
    if rel == "twice":
        d = min(d, w - big)
        length = 2 * w - d
    else:
        length = w + d
    A = w * length
    ask = pick(rng, ["width", "length"])
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"The {obj} is {pick(rng, ['blue', 'grey', 'green', 'red'])}.",
                                 f"{name} measured it {rng.randint(2, 5)} times."])
    rtext = f"{fmt_num(d)} {u} more than its width" if rel == "more" else f"{fmt_num(d)} {u} less than twice its width"
    rform = f"w·(w + {fmt_num(d)})" if rel == "more" else f"w·(2w − {fmt_num(d)})"
    how = "long" if ask == "length" else "wide"
    if p == 0:
        text = f"A rectangular {obj} has an area of {fmt_num(A)} {u}². Its length is {rtext}. What is its {ask}?"
    elif p == 1:
        text = (f"Find the {ask} of a rectangular {obj} whose length is {rtext}, given that it covers "
                f"{fmt_num(A)} square {uw}.")
    elif p == 2:
        text = (f"The width w (in {u}) of a rectangular {obj} satisfies {rform} = {fmt_num(A)}, the area in {u}². "
                f"Solve the quadratic for its positive root and report the {ask} of the {obj}.")
    elif p == 3:
        text = (f"{name} wants a rectangular {obj} with an area of exactly {fmt_num(A)} {u}², and its length has "
                f"to be {rtext}. How {how} will the {obj} be?")
    elif p == 4:
        text = (f"Area = {fmt_num(A)} {u}²; length = " + (f"width + {fmt_num(d)} {u}" if rel == "more" else
                                                        f"2 × width − {fmt_num(d)} {u}")
                + f". Determine the {ask} of this rectangular {obj}.")
    else:
        lead = (f"exceeds its width by {fmt_num(d)} {u}" if rel == "more"
                else f"falls {fmt_num(d)} {u} short of twice its width")
        text = (f"The length of a rectangular {obj} {lead}. With {fmt_num(A)} square {uw} of area, how {how} is "
                f"it?")
    text = _insert(text, aside)
    params = [_p("area", A, f"area of the {obj}", f"{u}^2"),
              _p("extra" if rel == "more" else "shortfall", d,
                 "how much longer than wide" if rel == "more" else "how much shorter than twice the width", u)]
    lexpr = "w + extra" if rel == "more" else "2 * w - shortfall"
    model = [f"w = sp.symbols(\"w\", positive=True)  # width [{u}]",
             f"width = sp.solve(sp.Eq(w * ({lexpr}), area), w)[0]",
             "answer = width" if ask == "width" else f"answer = {lexpr.replace('w', 'width', 1)}  # length"]
    return text, _code(["import sympy as sp"], params, model), u


@family("alg_projectile", DOMAIN, 6, tags=("algebra", "sympy", "quadratic"))
def alg_projectile(rng: random.Random, p: int):
    thing, verb = pick(rng, [("ball", "thrown straight up"), ("model rocket", "launched vertically"),
                             ("stone", "tossed straight upward"), ("water balloon", "thrown upward")])
    place = pick(rng, ["from the ground", "from a balcony", "from a platform", "from a cliff edge", "from a roof"])
    h0 = 0 if place == "from the ground" else round(rng.uniform(1.5, 45), 1)
    if h0 == 0:
        h0 = 0
    v0 = rng.randint(5, 40)
    ask = pick(rng, ["max", "land"])
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"The {thing} has a mass of {rng.randint(50, 900)} g.",
                                 f"{name} is {rng.randint(9, 17)} years old."])
    start = "the ground" if h0 == 0 else f"a height of {fmt_num(h0)} m"
    formula = (f"h(t) = {fmt_num(h0)} + {v0}t − 4.9t²" if h0 else f"h(t) = {v0}t − 4.9t²")
    q = {"max": "the maximum height it reaches (in metres above the ground)",
         "land": "the time in seconds until it hits the ground"}[ask]
    if p == 0:
        text = (f"A {thing} is {verb} {place} with a speed of {v0} m/s, starting at {start}. Ignoring air "
                f"resistance and using g = 9.8 m/s², find {q}.")
    elif p == 1:
        text = (f"The height of a {thing} {verb} {place} is {formula} metres after t seconds. What is {q}?")
    elif p == 2:
        text = (f"{name} sends a {thing} upward at {v0} m/s; it leaves from {start}. With gravity g = 9.8 m/s² "
                f"and no air resistance, {'how high does it get above the ground' if ask == 'max' else 'how many seconds pass before it lands on the ground'}?")
    elif p == 3:
        text = (f"Model: {formula} (metres, seconds), for a {thing} {verb} {place}. Using this quadratic, "
                f"compute {q}.")
    elif p == 4:
        text = (f"Initial height {fmt_num(h0)} m, initial upward velocity {v0} m/s, g = 9.8 m/s². For this {thing} "
                f"({verb} {place}), determine {q}.")
    else:
        text = (f"Launched upward at {v0} m/s from {start}, a {thing} rises, stops and falls back (take g = 9.8 "
                f"m/s², no drag). Work out {q}.")
    text = _insert(text, aside)
    params = [_p("h0", h0, "launch height above the ground", "m"), _p("v0", v0, "initial upward speed", "m/s"),
              _p("g", 9.8, "gravitational acceleration", "m/s^2")]
    model = ["t = sp.symbols(\"t\", positive=True)  # time after launch [s]",
             "height = h0 + v0 * t - g / 2 * t**2  # [m]"]
    if ask == "max":
        model += ["t_top = sp.solve(sp.diff(height, t), t)[0]", "answer = height.subs(t, t_top)  # maximum height [m]"]
    else:
        model += ["answer = max(sp.solve(sp.Eq(height, 0), t))  # landing time [s]"]
    return text, _code(["import sympy as sp"], params, model), ("m" if ask == "max" else "s")


_SALES = [
    ("theatre", "tickets", "ticket", "a night", "night"),
    ("bike rental shop", "bike rentals", "rental", "a day", "day"),
    ("café", "sandwiches", "sandwich", "a day", "day"),
    ("hotel", "room bookings", "room per night", "a week", "week"),
    ("bakery", "cakes", "cake", "a week", "week"),
]


@family("alg_revenue_vertex", DOMAIN, 6, tags=("algebra", "sympy", "quadratic"))
def alg_revenue_vertex(rng: random.Random, p: int):
    place, items, item, per, period = pick(rng, _SALES)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    price0 = rng.randint(5, 60)
    sales0 = rng.randint(10, 80) * 10
    drop = rng.randint(2, 25)
    ask = pick(rng, ["price", "revenue"])
    aside = _generic_aside(rng, [f"The {place} has been open for {rng.randint(2, 30)} years.",
                                 f"Its rent is {_m(rng.randint(8, 40) * 100, cur)} a month."])
    P, one = _m(price0, cur), _m(1, cur)
    q = {"price": f"the price per {item} that maximizes revenue",
         "revenue": f"the maximum possible revenue {per}"}[ask]
    if p == 0:
        text = (f"A {place} sells {sales0} {items} {per} at {P} each. Market research shows that every {one} "
                f"increase in price loses {drop} sales (and every {one} decrease gains {drop}). Find {q}.")
    elif p == 1:
        text = (f"What is {q}? At the current price of {P} per {item}, a {place} sells {sales0} {items} {per}; "
                f"each {one} added to the price costs {drop} sales.")
    elif p == 2:
        text = (f"Revenue model for a {place}: R(p) = p·({sales0} − {drop}(p − {price0})), where p is the price "
                f"per {item} in {cu} and R is the revenue {per}. Maximize R and report {q}.")
    elif p == 3:
        text = (f"The manager of a {place} wonders how to price {items}. Sales fall by {drop} for each {one} "
                f"the price goes up from today's {P}, at which {sales0} are sold {per}. Determine {q}, "
                f"assuming this linear relation holds.")
    elif p == 4:
        text = (f"Current price: {P} per {item}. Current sales: {sales0} {per}. Sales lost per {one} price "
                f"rise: {drop}. Using a linear demand model, compute {q} for this {place}.")
    else:
        text = (f"Raising the price of its {items} by {one} makes a {place} sell {drop} fewer of them; "
                f"lowering it by {one} sells {drop} more. Today it charges {P} and sells {sales0} {per}. "
                f"Work out {q}.")
    text = _insert(text, aside)
    params = [_p("price0", price0, f"current price per {item}", cu), _p("sales0", sales0, f"current sales per {period}", "1"),
              _p("drop", drop, f"sales lost per 1 {cu} price increase", f"1/{cu}")]
    model = [f"p = sp.symbols(\"p\", positive=True)  # price [{cu}]",
             "revenue = p * (sales0 - drop * (p - price0))",
             "best = sp.solve(sp.diff(revenue, p), p)[0]",
             "answer = best  # revenue-maximizing price" if ask == "price" else "answer = revenue.subs(p, best)  # maximum revenue"]
    return text, _code(["import sympy as sp"], params, model), cu


# ---- percent, ratio and rates ------------------------------------------------------------------

_CHANGES = [
    ("the price of a bicycle", "price", True, (150, 1200)),
    ("the population of a town", "population", False, (2000, 90000)),
    ("the monthly rent of a flat", "rent", True, (500, 2500)),
    ("the number of visitors to a museum", "visitors", False, (8000, 150000)),
    ("a worker's hourly wage", "wage", True, (12, 60)),
    ("the number of students in a school", "students", False, (300, 2400)),
]


@family("pct_change", DOMAIN, 6, tags=("percent",))
def pct_change(rng: random.Random, p: int):
    what, key, is_money, rg = pick(rng, _CHANGES)
    cur = pick(rng, CURRENCIES)
    old = rng.randint(*rg)
    new = int(round(old * (1 + rng.choice([-1, 1]) * rng.randint(2, 45) / 100)))
    if new == old:
        new = old + 1
    y0 = rng.randint(2005, 2020)
    y1 = y0 + rng.randint(1, 5)
    f = (lambda v: _m(v, cur)) if is_money else fmt_num
    u = _CUR_UNIT[cur] if is_money else key
    aside = _generic_aside(rng, [f"In {y0 - rng.randint(1, 4)} the figure was not recorded.",
                                 f"A local newspaper reported the change on page {rng.randint(2, 30)}."])
    tail = "(negative for a decrease)"
    if p == 0:
        text = (f"In {y0}, {what} was {f(old)}. By {y1} it was {f(new)}. What was the percent change {tail}?")
    elif p == 1:
        text = (f"By what percentage did {what} change between {y0} and {y1}, if it went from {f(old)} to "
                f"{f(new)}? Give the percent change {tail}.")
    elif p == 2:
        text = (f"Compute (new − old) / old × 100 for {what}: old value {f(old)} ({y0}), new value {f(new)} "
                f"({y1}). Report the result in percent.")
    elif p == 3:
        text = (f"{cap(what)} is now {f(new)} ({y1}). Back in {y0} it stood at {f(old)}. Express the change "
                f"as a percentage of the {y0} value {tail}.")
    elif p == 4:
        text = f"{y0}: {f(old)}. {y1}: {f(new)}. These figures describe {what}. Find the percent change {tail}."
    else:
        text = (f"A report compares {what} in {y0} and {y1}: it moved from {f(old)} to {f(new)}. Relative to the "
                f"starting value, how large was the change in percent {tail}?")
    text = _insert(text, aside)
    params = [_p("old", old, f"{key} in {y0}", u), _p("new", new, f"{key} in {y1}", u)]
    model = [f"change = new - old  # absolute change [{u}]", "answer = change / old * 100  # percent change [%]"]
    return text, _code(params, model), "%"


_REVERSE = [
    # (the value after the change is 'the {after} of {thing}', the change, sign, money?, range, what is asked)
    ("a jacket", "discount", "sale price", -1, True, (40, 400), "the price before the discount"),
    ("a laptop", "discount", "sale price", -1, True, (300, 2500), "the original price"),
    ("a restaurant meal", "service charge", "amount paid", 1, True, (30, 300), "the bill before the service charge"),
    ("an employee", "raise", "new monthly salary", 1, True, (1800, 7000), "the salary before the raise"),
    ("a town", "population growth", "current population", 1, False, (3000, 80000), "the population before the growth"),
    ("a used car", "loss of value", "current value", -1, True, (5000, 40000), "the value before the loss"),
]


@family("pct_reverse", DOMAIN, 6, held_out=True, tags=("percent",))
def pct_reverse(rng: random.Random, p: int):
    thing, change, after, sign, is_money, rg, orig_q = pick(rng, _REVERSE)
    cur = pick(rng, CURRENCIES)
    pct = rng.choice([5, 8, 10, 12, 12.5, 15, 18, 20, 25, 30, 35, 40])
    orig = rng.randint(*rg)
    final = round(orig * (1 + sign * pct / 100), 2 if is_money else 0)
    final = int(final) if float(final).is_integer() else final
    f = (lambda v: _m(v, cur)) if is_money else fmt_num
    u = _CUR_UNIT[cur] if is_money else "people"
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} heard about it from a friend.",
                                 f"The figure was published on day {rng.randint(2, 28)} of the month."])
    word = "increase" if sign > 0 else "decrease"
    if p == 0:
        text = (f"After {_an_pct(pct)} {change}, the {after} of {thing} is {f(final)}. What was {orig_q}?")
    elif p == 1:
        text = (f"What was {orig_q}, if {_an_pct(pct)} {change} brought the {after} of {thing} to {f(final)}?")
    elif p == 2:
        text = (f"Find x such that x · (1 {'+' if sign > 0 else '−'} {fmt_num(pct)}/100) = {fmt_num(final)}, where "
                f"{fmt_num(final)} is the {after} of {thing} after {_an_pct(pct)} {change}; x is {orig_q}.")
    elif p == 3:
        text = (f"{name} only knows the {after} of {thing}: {f(final)}, which already reflects {_an_pct(pct)} "
                f"{change}. Work backwards to {orig_q}.")
    elif p == 4:
        text = (f"{cap(after)} of {thing}: {f(final)}. {cap(change)}: {_pct(pct)} ({word}). Determine "
                f"{orig_q}.")
    else:
        text = (f"Once {thing} had gone through a {change} of {_pct(pct)}, its {after} stood at {f(final)}. How "
                f"much was it beforehand? Give {orig_q}.")
    text = _insert(text, aside)
    params = [_p("final", final, f"{after} of {thing}", u), _p("pct", pct, f"percent {change} ({word})", "%")]
    model = [f"factor = 1 {'+' if sign > 0 else '-'} pct / 100  # multiplier applied by the {change}",
             f"answer = final / factor  # value before the {change}"]
    return text, _code(params, model), u


@family("ratio_sharing", DOMAIN, 6, tags=("ratio",))
def ratio_sharing(rng: random.Random, p: int):
    k = pick(rng, [2, 3, 3])
    who = _names(rng, k)
    ratio = [rng.randint(1, 9) for _ in range(k)]
    what = pick(rng, ["prize money", "an inheritance", "the profit of their shop", "sweets", "the proceeds of a bake sale",
                      "stickers"])
    countable = what in ("sweets", "stickers")
    cur = pick(rng, CURRENCIES)
    unit_amt = rng.randint(2, 60) * (1 if countable else rng.choice([5, 10, 25, 100]))
    total = unit_amt * sum(ratio)
    ask = rng.randrange(k)
    u = what if countable else _CUR_UNIT[cur]
    thing = f"{fmt_num(total)} {what}" if countable else f"{what} of {_m(total, cur)}"
    aside = _generic_aside(rng, [f"{who[0]} is the oldest of them.", f"They met {rng.randint(2, 15)} years ago."])
    rs = ":".join(str(r) for r in ratio)
    ppl = _and(who)
    X = who[ask]
    how = f"How many {what} does" if countable else "How much does"
    if p == 0:
        text = f"{ppl} share {thing} in the ratio {rs}. {how} {X} receive?"
    elif p == 1:
        text = f"What is {X}'s share when {thing} {'are' if countable else 'is'} divided among {ppl} in the ratio {rs}?"
    elif p == 2:
        text = f"Divide {fmt_num(total)} in the ratio {rs} (in the order {', '.join(who)}; the amount is {thing}). Give {X}'s part."
    elif p == 3:
        parts = _and([f"{who[i]} gets {ratio[i]} part{'s' if ratio[i] > 1 else ''}" for i in range(k)])
        text = (f"{cap(thing)} {'are' if countable else 'is'} split so that {parts}, all parts being equal in "
                f"size. Find {X}'s share.")
    elif p == 4:
        text = f"Total: {thing}. Ratio {', '.join(who)} = {rs}. Compute the share of {X}."
    else:
        text = (f"When {thing} {'are' if countable else 'is'} shared out, {X} gets {ratio[ask]} "
                f"part{'s' if ratio[ask] > 1 else ''} for every "
                + _and([f"{ratio[i]} that {who[i]} gets" for i in range(k) if i != ask])
                + f". What is {X}'s portion?")
    text = _insert(text, aside)
    params = [_p("total", total, f"amount shared ({what})", u)]
    params += [_p(f"ratio_{n.lower()}", ratio[i], f"{n}'s part of the ratio", "1") for i, n in enumerate(who)]
    model = [f"parts = {' + '.join(f'ratio_{n.lower()}' for n in who)}",
             f"answer = total * ratio_{X.lower()} / parts  # {X}'s share"]
    return text, _code(params, model), u


_RATES = [
    dict(a=("km", "kilometres", "distance"), b=("L", "litres of fuel", "fuel"), setup="A car uses {b1} {bw} to drive {a1} {aw}.",
         q="How much fuel does it need for {a2} {aw}?", av=(100, 600), bv=(5, 45), a2=(40, 900), bq="fuel needed"),
    dict(a=("page", "pages", "pages"), b=("min", "minutes", "time"), setup="A printer prints {a1} {aw} in {b1} {bw}.",
         q="How many minutes does it take to print {a2} {aw}?", av=(30, 300), bv=(2, 20), a2=(50, 2000), bq="time needed"),
    dict(a=("cookie", "cookies", "cookies"), b=("g", "grams of flour", "flour"),
         setup="A recipe uses {b1} {bw} for {a1} {aw}.", q="How much flour is needed for {a2} {aw}?",
         av=(12, 48), bv=(200, 900), a2=(10, 150), bq="amount of flour"),
    dict(a=("h", "hours", "time worked"), b=("money", "", "pay"), setup="{name} earns {b1} for {a1} {aw} of work.",
         q="How much does {name} earn for {a2} {aw} at the same rate?", av=(4, 40), bv=(60, 900), a2=(3, 60), bq="pay"),
    dict(a=("m^2", "square metres", "area"), b=("L", "litres of paint", "paint"),
         setup="Painting {a1} {aw} of wall takes {b1} {bw}.", q="How much paint is needed for {a2} {aw}?",
         av=(20, 90), bv=(3, 15), a2=(15, 400), bq="amount of paint"),
]


@family("rate_unit", DOMAIN, 6, tags=("rates", "proportion"))
def rate_unit(rng: random.Random, p: int):
    c = pick(rng, _RATES)
    cur = pick(rng, CURRENCIES)
    name = pick(rng, NAMES)
    a1, b1, a2 = rng.randint(*c["av"]), rng.randint(*c["bv"]), rng.randint(*c["a2"])
    if a2 == a1:
        a2 += 1
    au, aw, akey = c["a"]
    bu, bw, bkey = c["b"]
    is_money = bu == "money"
    if is_money:
        bu = _CUR_UNIT[cur]
    fb1 = _m(b1, cur) if is_money else fmt_num(b1)
    aside = _generic_aside(rng, [f"{name} checked this on a {pick(rng, ['Monday', 'Tuesday', 'Friday', 'Sunday'])}.",
                                 f"The last time this was measured was {rng.randint(2, 11)} months ago."])
    setup = c["setup"].format(a1=fmt_num(a1), b1=fb1, aw=aw, bw=bw, name=name)
    q = c["q"].format(a2=fmt_num(a2), aw=aw, name=name)
    rate_txt = f"{bkey} per {au}"
    if p == 0:
        text = f"{setup} {q}"
    elif p == 1:
        text = (f"If {fmt_num(a1)} {aw} go with {fb1} {bw}".rstrip() + f", what is the {c['bq']} for "
                f"{fmt_num(a2)} {aw}, keeping the same rate?")
    elif p == 2:
        text = (f"First find the unit rate ({rate_txt}) from this fact: {setup} Then use it to answer: {q}")
    elif p == 3:
        text = (f"Known: {fmt_num(a1)} {aw} ↔ {fb1} {bw}".rstrip() + f". Wanted: the {bkey} for {fmt_num(a2)} {aw}. "
                f"Assume direct proportion.")
    elif p == 4:
        text = (f"{name} asks: {q} For reference, {fmt_num(a1)} {aw} correspond{'s' if a1 == 1 else ''} to "
                f"{fb1} {bw}".rstrip() + ".")
    else:
        text = (f"At a constant rate, {_lc(setup)[:-1]}. Scale this up or down to {fmt_num(a2)} "
                f"{aw} and report the {c['bq']}.")
    text = _insert(text, aside)
    params = [_p(f"{akey.split()[0]}_known", a1, f"known {akey}", au),
              _p(f"{bkey}_known", b1, f"{bkey} for the known {akey}", bu),
              _p(f"{akey.split()[0]}_target", a2, f"{akey} asked about", au)]
    model = [f"rate = {bkey}_known / {akey.split()[0]}_known  # {bkey} per {au} [{bu}/{au}]",
             f"answer = rate * {akey.split()[0]}_target  # {bkey} needed [{bu}]"]
    return text, _code(params, model), bu


_WORKERS = [
    ("pipe", "pipes", "fill a water tank", "filling the tank", "hours", "h"),
    ("painter", "painters", "paint a fence", "painting the fence", "hours", "h"),
    ("printer", "printers", "print a batch of flyers", "printing the batch", "minutes", "min"),
    ("pump", "pumps", "empty a flooded basement", "emptying the basement", "hours", "h"),
    ("harvester", "harvesters", "harvest a wheat field", "harvesting the field", "hours", "h"),
]


@family("rate_work", DOMAIN, 6, tags=("rates", "work", "sympy"))
def rate_work(rng: random.Random, p: int):
    s, pl, task, ing, uw, u = pick(rng, _WORKERS)
    ta = rng.randint(2, 12) * (5 if u == "min" else 1)
    tb = rng.randint(2, 12) * (5 if u == "min" else 1)
    names = pick(rng, [("A", "B"), ("one", "the other")])
    aside = _generic_aside(rng, [f"The first {s} is {rng.randint(2, 9)} years old.",
                                 f"The job was booked {rng.randint(2, 20)} days in advance."])
    first, second = (f"{s} A", f"{s} B") if names[0] == "A" else (f"one {s}", f"the other {s}")
    if p == 0:
        text = (f"Working alone, {first} can {task} in {ta} {uw}, and {second} can do it in {tb} {uw}. How long "
                f"does it take if both work together?")
    elif p == 1:
        text = (f"How many {uw} do two {pl} need to {task} together, if one alone needs {ta} {uw} and the other "
                f"alone needs {tb} {uw}?")
    elif p == 2:
        text = (f"Rates add: 1/{ta} + 1/{tb} of the job per {uw[:-1]} for two {pl} that {task}. Solve "
                f"t·(1/{ta} + 1/{tb}) = 1 for the time t (in {uw}) they need together.")
    elif p == 3:
        text = (f"{cap(ing)} takes {ta} {uw} with only {first} and {tb} {uw} with only {second}. If both run "
                f"at the same time, when is the job done? Answer in {uw}.")
    elif p == 4:
        text = (f"{cap(s)} 1: {ta} {uw} alone. {cap(s)} 2: {tb} {uw} alone. Task: {task}. Find the combined "
                f"time in {uw}.")
    else:
        text = (f"Two {pl} are set to {task} side by side. Had they worked separately, the job would have taken "
                f"{ta} and {tb} {uw} respectively. Determine how long the joint effort lasts.")
    text = _insert(text, aside)
    params = [_p("time_a", ta, f"time for the first {s} alone", u), _p("time_b", tb, f"time for the second {s} alone", u)]
    model = [f"t = sp.symbols(\"t\", positive=True)  # time working together [{u}]",
             "answer = sp.solve(sp.Eq(t / time_a + t / time_b, 1), t)[0]"]
    return text, _code(["import sympy as sp"], params, model), u


#: Vessels filled by one or two inlets while a drain is open: (vessel, inlet word, drain word).
_VESSELS = [
    ("swimming pool", "pump", "drain"),
    ("water tank", "pipe", "outlet pipe"),
    ("bathtub", "tap", "plughole"),
    ("cistern", "inlet", "leak"),
    ("reservoir", "feed pipe", "spillway valve"),
]


@family("rate_fill_drain", DOMAIN, 6, tags=("rates", "work", "sympy"))
def rate_fill_drain(rng: random.Random, p: int):
    """Inlets fill a vessel while a drain empties it: the rates add, the drain's subtracts. (A
    family of the retrieval bank; the adapter never trained on it.)"""
    vessel, inlet, drain = pick(rng, _VESSELS)
    minutes = vessel == "bathtub"
    u, uw = ("min", "minutes") if minutes else ("h", "hours")
    two = rng.random() < 0.5
    while True:
        ta = rng.randint(2, 12) * (5 if minutes else 1)
        tb = rng.randint(2, 12) * (5 if minutes else 1)
        td = rng.randint(3, 20) * (5 if minutes else 1)
        fill = 1 / ta + (1 / tb if two else 0)
        if ta != tb and fill - 1 / td > 0.15 * fill:  # the vessel fills, and not too slowly
            break
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"The {vessel} was last cleaned {rng.randint(2, 20)} days ago.",
                                 f"{name} checks it every {rng.randint(2, 5)} {uw}."])
    if two:
        alone = (f"{inlet} A can fill the empty {vessel} in {ta} {uw} by itself and {inlet} B in {tb} {uw}")
        feed = f"both {inlet}s"
    else:
        alone = f"the {inlet} can fill the empty {vessel} in {ta} {uw}"
        feed = f"the {inlet}"
    empties = f"the {drain} empties a full {vessel} in {td} {uw}"
    if p == 0:
        text = (f"{cap(alone)}, and {empties}. If {feed} and the {drain} are all open, starting from empty, how "
                f"long does it take to fill the {vessel}?")
    elif p == 1:
        text = (f"{name} starts filling an empty {vessel} with {feed} but forgets to close the {drain}. Alone, "
                f"{alone}; {empties}. How many {uw} until the {vessel} is full?")
    elif p == 2:
        rates = f"1/{ta}" + (f" + 1/{tb}" if two else "")
        text = (f"Filling rates add and draining rates subtract: the {vessel} gains {rates} − 1/{td} of its "
                f"volume per {uw[:-1]}. Solve for the time t (in {uw}) to fill it from empty.")
    elif p == 3:
        text = (f"{cap(inlet)}" + (f" A alone: {ta} {uw} to fill. {cap(inlet)} B alone: {tb} {uw}." if two
                                   else f" alone: {ta} {uw} to fill.")
                + f" {cap(drain)} alone: {td} {uw} to empty. Everything open from empty: time to fill, in {uw}?")
    elif p == 4:
        text = (f"An empty {vessel} is being filled by {feed} while the {drain} is open. {cap(alone)}, "
                f"whereas {empties}. Find the time needed to fill it.")
    else:
        text = (f"How long will it take to fill an empty {vessel} if {feed} and the {drain} are open together? "
                f"On {'their' if two else 'its'} own, {alone}, and {empties}.")
    text = _insert(text, aside)
    params = [_p("time_fill_a", ta, f"time for {inlet} A alone to fill the {vessel}" if two
                 else f"time for the {inlet} alone to fill the {vessel}", u)]
    if two:
        params.append(_p("time_fill_b", tb, f"time for {inlet} B alone to fill the {vessel}", u))
    params.append(_p("time_drain", td, f"time for the {drain} alone to empty the full {vessel}", u))
    rates = "t / time_fill_a + t / time_fill_b" if two else "t / time_fill_a"
    model = [f"t = sp.symbols(\"t\", positive=True)  # time to fill with everything open [{u}]",
             f"answer = sp.solve(sp.Eq({rates} - t / time_drain, 1), t)[0]"]
    return text, _code(["import sympy as sp"], params, model), u


_MIX = [
    ("acid solution", "acid", "L", "litres"),
    ("saline solution", "salt", "L", "litres"),
    ("fruit drink", "juice", "L", "litres"),
    ("alloy", "copper", "kg", "kilograms"),
    ("disinfectant", "alcohol", "mL", "millilitres"),
]


@family("rate_mixture", DOMAIN, 6, tags=("rates", "mixture", "sympy"))
def rate_mixture(rng: random.Random, p: int):
    sub, comp, u, uw = pick(rng, _MIX)
    scale = 100 if u == "mL" else 1
    while True:
        x = rng.randint(2, 40) * scale
        y = rng.randint(2, 40) * scale
        p1, p2 = rng.randint(5, 90), rng.randint(5, 90)
        if abs(p1 - p2) < 10:
            continue
        pt = (x * p1 + y * p2) / (x + y)
        if abs(pt * 2 - round(pt * 2)) < 1e-9:
            break
    pt = int(pt) if float(pt).is_integer() else pt
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"The lab is kept at {rng.randint(18, 24)} °C.",
                                 f"{name} labels the bottle with today's date."])
    if p == 0:
        text = (f"How many {uw} of {_an_pct(p2)} {sub} must be added to {fmt_num(x)} {u} of {_an_pct(p1)} {sub} to "
                f"obtain a mixture that is {_pct(pt)} {comp}?")
    elif p == 1:
        text = (f"{name} has {fmt_num(x)} {u} of {sub} containing {_pct(p1)} {comp}. To reach a concentration of "
                f"{_pct(pt)}, {name} mixes in some {sub} with {_pct(p2)} {comp}. How much of it is needed?")
    elif p == 2:
        text = (f"Solve {p1}·{fmt_num(x)} + {p2}·y = {fmt_num(pt)}·({fmt_num(x)} + y) for y, the amount in {u} "
                f"of {_pct(p2)} {sub} mixed with {fmt_num(x)} {u} of {_pct(p1)} {sub} to give {_pct(pt)}.")
    elif p == 3:
        text = (f"Target: {_pct(pt)} {comp}. Have: {fmt_num(x)} {u} at {_pct(p1)}. Available to add: {sub} at "
                f"{_pct(p2)}. Find the amount to add in {uw}.")
    elif p == 4:
        text = (f"{cap(_an_pct(pt))} {sub} is made by combining {fmt_num(x)} {u} of {_pct(p1)} {sub} with an unknown "
                f"amount of {_pct(p2)} {sub}. Determine that unknown amount.")
    else:
        text = (f"Mixing {_an_pct(p2)} {sub} into {fmt_num(x)} {u} of {_pct(p1)} {sub} brings the {comp} content to "
                f"exactly {_pct(pt)}. What quantity, in {uw}, was added?")
    text = _insert(text, aside)
    params = [_p("amount_1", x, f"amount of the first {sub}", u), _p("conc_1", p1, f"{comp} in the first {sub}", "%"),
              _p("conc_2", p2, f"{comp} in the added {sub}", "%"), _p("conc_target", pt, f"{comp} in the mixture", "%")]
    model = [f"y = sp.symbols(\"y\", positive=True)  # amount added [{u}]",
             "mix = sp.Eq(conc_1 * amount_1 + conc_2 * y, conc_target * (amount_1 + y))",
             "answer = sp.solve(mix, y)[0]"]
    return text, _code(["import sympy as sp"], params, model), u


_TOWNS = [("Aston", "Burford"), ("Carlow", "Denby"), ("Elmstead", "Fairview"), ("Glenrock", "Hollis"),
          ("Irvine", "Jasper")]


@family("rate_meeting", DOMAIN, 6, tags=("rates", "distance", "sympy"))
def rate_meeting(rng: random.Random, p: int):
    A, B = pick(rng, _TOWNS)
    veh = pick(rng, ["train", "car", "cyclist", "bus"])
    u = pick(rng, ["km", "km", "mi"])
    fast = {"train": (60, 160), "car": (50, 120), "bus": (40, 90), "cyclist": (12, 30)}[veh]
    v1, v2 = rng.randint(*fast), rng.randint(*fast)
    D = rng.randint(4, 40) * (10 if veh != "cyclist" else 2)
    delay = pick(rng, [0, 0.5, 1, 1.5, 2]) if veh != "cyclist" else pick(rng, [0, 0.5, 1])
    if v1 * delay >= D:
        delay = 0
    ask = pick(rng, ["time", "distance"])
    h0 = rng.randint(6, 14)
    aside = _generic_aside(rng, [f"The {veh} from {A} carries {rng.randint(3, 300)} passengers.",
                                 f"The road between the towns was built in {rng.randint(1920, 2010)}."])
    uh = f"{u}/h"
    lag = "" if delay == 0 else f" {fmt_num(delay)} hour{'s' if delay != 1 else ''} later"
    q = {"time": f"how many hours after the first {veh} leaves do they meet",
         "distance": f"how far from {A} do they meet (in {u})"}[ask]
    if p == 0:
        text = (f"{A} and {B} are {D} {u} apart. A {veh} leaves {A} for {B} at {v1} {uh}, and{lag} another "
                f"{veh} leaves {B} for {A} at {v2} {uh}. {cap(q)}?")
    elif p == 1:
        text = (f"{cap(q)}, if a {veh} sets off from {A} towards {B} ({D} {u} away) at {v1} {uh} and a second "
                f"{veh} starts from {B}{lag or ' at the same time'}, heading the other way at {v2} {uh}?")
    elif p == 2:
        text = (f"Let t be the time in hours since the first {veh} left {A}. It covers {v1}t {u}; the one from "
                f"{B} covers {v2}(t − {fmt_num(delay)}) {u}. They meet when the sum equals {D}. Solve and answer: "
                f"{q}?")
    elif p == 3:
        text = (f"At {h0}:00 a {veh} departs {A} at a steady {v1} {uh}. "
                + (f"At {h0 + delay:g}:00".replace(".5:00", ":30") if delay else "At the same time")
                + f" a {veh} departs {B}, {D} {u} away, travelling towards {A} at {v2} {uh}. {cap(q)}?")
    elif p == 4:
        text = (f"Distance {A}–{B}: {D} {u}. Speed from {A}: {v1} {uh}. Speed from {B}: {v2} {uh}. Head start of "
                f"the {veh} from {A}: {fmt_num(delay)} h. Moving towards each other, {q}?")
    else:
        text = (f"Two {veh}s approach each other on the {D} {u} route between {A} and {B}: the one from {A} at "
                f"{v1} {uh}, the one from {B} at {v2} {uh}"
                + (f", which starts{lag}" if delay else ", both starting together")
                + f". Find {q.replace('do they meet', 'they meet')}.")
    text = _insert(text, aside)
    params = [_p("distance", D, f"distance between {A} and {B}", u), _p("speed_a", v1, f"speed of the {veh} from {A}", uh),
              _p("speed_b", v2, f"speed of the {veh} from {B}", uh),
              _p("delay", delay, f"how much later the {veh} from {B} starts", "h")]
    model = [f"t = sp.symbols(\"t\", positive=True)  # hours since the first {veh} left [h]",
             "t_meet = sp.solve(sp.Eq(speed_a * t + speed_b * (t - delay), distance), t)[0]",
             "answer = t_meet  # [h]" if ask == "time" else f"answer = speed_a * t_meet  # distance from {A} [{u}]"]
    return text, _code(["import sympy as sp"], params, model), ("h" if ask == "time" else u)


def _clock12(minutes: int) -> str:
    """Minutes after midnight on a 12-hour clock: 587 -> "9:47 a.m.", 798 -> "1:18 p.m."."""
    h, m = divmod(minutes % (24 * 60), 60)
    return f"{(h - 1) % 12 + 1}:{m:02d} {'a.m.' if h < 12 else 'p.m.'}"


@family("trip_time_speed", DOMAIN, 6, tags=("rates", "distance", "time"))
def trip_time_speed(rng: random.Random, p: int):
    """A journey's whole time and average speed: two legs (a distance at a speed, then a distance
    or a time at another speed) with a stop between, or a departure and an arrival on the clock
    (across noon, on a 12-hour or a 24-hour clock); asks the minutes it takes or the average
    speed over the whole trip, the stop included. (A family of the retrieval bank; the adapter
    never trained on it.)"""
    A, B = pick(rng, _TOWNS)
    veh = pick(rng, ["train", "coach", "bus", "tram"])
    u = pick(rng, ["km", "km", "mi"])
    uh = "mph" if u == "mi" and rng.random() < 0.5 else f"{u}/h"
    name = pick(rng, NAMES)
    legs = p in (0, 1, 3)  # phrasings 2, 4 and 5 give the clock times
    ask = pick(rng, ["minutes", "speed"])
    depart = rng.randint(6 * 12, 11 * 12) * 5 + rng.randint(0, 4)  # minutes after midnight, a.m.
    if legs:
        v1, v2 = rng.randint(4, 15) * 10, rng.randint(4, 15) * 10
        d1 = v1 * rng.randint(1, 6) // 2  # whole half hours
        stop = pick(rng, [10, 15, 20, 25, 30, 40, 45])
        by_time = rng.random() < 0.5
        if by_time:
            t2_h, t2_m = rng.randint(0, 2), pick(rng, [10, 15, 20, 30, 40, 45, 50])
            d2 = v2 * (t2_h + t2_m / 60)
        else:
            d2 = v2 * rng.randint(1, 5) // 2
    else:
        span = rng.randint(60, 330)
        dist = int(round(rng.uniform(40, 110) * span / 60, -1)) if u == "km" else int(round(rng.uniform(30, 70) * span / 60))
        arrive = depart + span
        h24 = rng.random() < 0.4
    aside = _generic_aside(rng, [f"The {veh} has {rng.randint(4, 12)} carriages.",
                                 f"{name}'s ticket cost {money(rng.randint(12, 90) + 0.2, pick(rng, CURRENCIES))}."])
    q = {"minutes": "How many minutes does the whole trip take",
         "speed": f"What is the average speed for the whole trip, in {uh}"}[ask]
    if legs:
        hours = f"{t2_h} hour{'s' if t2_h != 1 else ''} " if by_time and t2_h else ""
        leg2 = (f"then runs for another {hours}{t2_m} minutes at {v2} {uh}" if by_time
                else f"then covers the last {fmt_num(d2)} {u} at {v2} {uh}")
        stop_s = f"waits {stop} minutes at a junction"
        if p == 0:
            text = (f"A {veh} leaves {A} at {_clock12(depart)} It covers the first {fmt_num(d1)} {u} at an average "
                    f"speed of {v1} {uh}, {stop_s}, and {leg2} to {B}. {q}, including the stop?")
        elif p == 1:
            text = (f"{q}? {name}'s {veh} from {A} to {B} travels {fmt_num(d1)} {u} at {v1} {uh}, {stop_s} "
                    f"and {leg2}.")
        else:
            text = (f"Trip log ({veh}, {A} to {B}): leg 1 {fmt_num(d1)} {u} at {v1} {uh}; stop {stop} min; leg 2 "
                    + (f"{t2_h} h {t2_m} min at {v2} {uh}" if by_time else f"{fmt_num(d2)} {u} at {v2} {uh}")
                    + f". {q}, the stop included?")
    else:
        dep_s = f"{depart // 60:02d}:{depart % 60:02d}" if h24 else _clock12(depart)
        arr_s = f"{arrive // 60:02d}:{arrive % 60:02d}" if h24 else _clock12(arrive)
        if p == 2:
            text = (f"The {veh} {name} took left {A} at {dep_s} and arrived in {B} at {arr_s} the same day. The trip "
                    f"covered {dist} {u}. {q}?")
        elif p == 4:
            text = f"{q}, if a {veh} departs {A} at {dep_s}, arrives in {B} at {arr_s} and covers {dist} {u}?"
        else:
            text = (f"Timetable: {A} dep. {dep_s}, {B} arr. {arr_s}, distance {dist} {u}. {q}?")
    text = f"{text} {aside}".strip()  # (after the question: "9:47 a.m. It covers" holds a full stop)
    if legs:
        params = [_p("d1", d1, "distance of the first leg", u), _p("v1", v1, "speed on the first leg", uh),
                  _p("stop", stop, "wait between the legs", "min")]
        if by_time:
            params += [_p("t2_h", t2_h, "hours of the second leg", "h"), _p("t2_min", t2_m, "minutes of the second leg", "min"),
                       _p("v2", v2, "speed on the second leg", uh)]
            model = ["t2 = t2_h + t2_min / 60  # time of the second leg [h]", "d2 = v2 * t2  # distance of the second leg"]
        else:
            params += [_p("d2", d2, "distance of the second leg", u), _p("v2", v2, "speed on the second leg", uh)]
            model = ["t2 = d2 / v2  # time of the second leg [h]"]
        model += ["total_h = d1 / v1 + stop / 60 + t2  # the whole trip, the stop included [h]"]
        model.append("answer = total_h * 60  # [min]" if ask == "minutes" else f"answer = (d1 + d2) / total_h  # [{uh}]")
    else:
        h1, m1 = divmod(depart, 60)
        h2, m2 = divmod(arrive, 60)
        params = [_p("hour_dep", h1, f"hour of departure ({dep_s})", "h"),
                  _p("minute_dep", m1, "minutes past that hour", "min"),
                  _p("hour_arr", h2 if h24 else (h2 - 1) % 12 + 1, f"hour of arrival ({arr_s}"
                     + (", 24-hour clock)" if h24 else ")"), "h"),
                  _p("minute_arr", m2, "minutes past that hour", "min")]
        if ask == "speed":
            params.append(_p("distance", dist, f"distance from {A} to {B}", u))
        arr = ("hour_arr * 60 + minute_arr  # minutes after midnight" if h24 or h2 < 12
               else "(hour_arr % 12 + 12) * 60 + minute_arr  # minutes after midnight (p.m.: 12 hours on)")
        model = [f"arrive = {arr}", "depart = hour_dep * 60 + minute_dep  # minutes after midnight",
                 "minutes = arrive - depart  # [min]"]
        model.append("answer = minutes" if ask == "minutes" else f"answer = distance / (minutes / 60)  # [{uh}]")
    return text, _code(params, model), ("min" if ask == "minutes" else uh)


# ---- sequences ---------------------------------------------------------------------------------

_ARITH = [
    dict(ctx="theatre", first="The first row of a theatre has {a} seats", step="each row has {d} more seats than the one in front",
         n="There are {n} rows", unit="seats", sum_q="How many seats are there in total?",
         last_q="How many seats are in the last row?", a=(10, 30), d=(1, 4), nn=(8, 30), kname="row", var="seats"),
    dict(ctx="savings", first="{name} saves {a} in the first week", step="each week {name} saves {d} more than the week before",
         n="This goes on for {n} weeks", unit="money", sum_q="How much has {name} saved in total?",
         last_q="How much does {name} save in the last week?", a=(2, 20), d=(1, 5), nn=(8, 52), kname="week", var="saving"),
    dict(ctx="training", first="{name} runs {a} km on the first day of a training plan",
         step="each day the distance grows by {d} km", n="The plan lasts {n} days", unit="km",
         sum_q="What total distance is run over the plan?", last_q="How far is the run on the last day?",
         a=(2, 6), d=(0.5, 0.5), nn=(7, 30), kname="day", var="distance"),
    dict(ctx="logs", first="The top layer of a stack of logs has {a} logs",
         step="each layer below has {d} more logs than the layer above it", n="The stack has {n} layers",
         unit="logs", sum_q="How many logs are in the stack?", last_q="How many logs are in the bottom layer?",
         a=(1, 8), d=(1, 2), nn=(4, 15), kname="layer", var="logs"),
]


@family("seq_arithmetic", DOMAIN, 6, tags=("sequences", "sympy"))
def seq_arithmetic(rng: random.Random, p: int):
    c = pick(rng, _ARITH)
    cur = pick(rng, CURRENCIES)
    name = pick(rng, NAMES)
    a = rng.randint(*c["a"])
    d = c["d"][0] if c["d"][0] == c["d"][1] else rng.randint(*c["d"])
    n = rng.randint(*c["nn"])
    ask = pick(rng, ["sum", "last"])
    is_money = c["unit"] == "money"
    fa = _m(a, cur) if is_money else fmt_num(a)
    fd = _m(d, cur) if is_money else fmt_num(d)
    fau = fa if is_money else f"{fa} {c['unit']}"
    fdu = fd if is_money else f"{fd} {c['unit']}"
    u = _CUR_UNIT[cur] if is_money else c["unit"]
    first = c["first"].format(a=fa, name=name)
    step = c["step"].format(d=fd, name=name)
    nn = c["n"].format(n=n)
    q = (c["sum_q"] if ask == "sum" else c["last_q"]).format(name=name)
    aside = _generic_aside(rng, [f"{name} keeps a notebook about it.", f"It started on the {rng.randint(2, 28)}th."])
    if p == 0:
        text = f"{first}, and {step}. {nn}. {q}"
    elif p == 1:
        text = (f"{q} The numbers form an arithmetic pattern over {n} {c['kname']}s: {fau} at the start, growing "
                f"by {fdu} per {c['kname']} ({c['ctx']}).")
    elif p == 2:
        what = "sum of the first n terms" if ask == "sum" else "n-th term"
        text = (f"An arithmetic sequence has first term a = {fmt_num(a)} and common difference d = {fmt_num(d)} "
                f"(context: {_lc(first)}). With n = {n}, compute the {what}.")
    elif p == 3:
        terms = [(_m(a + j * d, cur) if is_money else f"{fmt_num(a + j * d)} {c['unit']}") for j in range(3)]
        text = (f"In {c['kname']} 1 it is {terms[0]}, in {c['kname']} 2 {terms[1]}, in {c['kname']} 3 {terms[2]}, "
                f"and the pattern continues for {n} {c['kname']}s in all ({c['ctx']}). {q}")
    elif p == 4:
        text = (f"First {c['kname']}: {fau}. Increase per {c['kname']}: {fdu}. Number of {c['kname']}s: {n}. "
                f"{q}")
    else:
        text = (f"Beginning with {fau} and adding {fdu} every {c['kname']} for {n} {c['kname']}s in all "
                f"({c['ctx']}), {_lc(q)}")
    text = _insert(text, aside)
    params = [_p("first", a, f"{c['var']} in the first {c['kname']}", u),
              _p("step", d, f"increase per {c['kname']}", u), _p("count", n, f"number of {c['kname']}s", "1")]
    if ask == "sum":
        model = ["k = sp.symbols(\"k\", integer=True, positive=True)",
                 "answer = sp.summation(first + (k - 1) * step, (k, 1, count))  # total"]
    else:
        model = [f"answer = first + (count - 1) * step  # value in the last {c['kname']}"]
    return text, _code(["import sympy as sp"] if ask == "sum" else [], params, model), u


_GEO = [
    dict(ctx="running distance", first="{name} runs {a} km in the first week of training", grow="each week's distance is {r} longer than the week before",
         n="{n} weeks", kname="week", unit="km", q="What is the total distance run over the {n} weeks?", sign=1,
         a=(5, 30), r=(5, 20)),
    dict(ctx="monthly sales", first="A new shop sells {a} items in its first month", grow="monthly sales grow by {r} each month",
         n="{n} months", kname="month", unit="items", q="How many items does it sell in total during the first {n} months?",
         sign=1, a=(100, 900), r=(3, 15)),
    dict(ctx="bounce heights", first="A ball is dropped and its first bounce reaches {a} cm",
         grow="each bounce reaches {r} less height than the previous one", n="{n} bounces", kname="bounce",
         unit="cm", q="What is the sum of the heights of the first {n} bounces?", sign=-1, a=(80, 300), r=(20, 50)),
    dict(ctx="weekly donations", first="A charity receives {a} donations in its first week online",
         grow="the weekly number of donations rises by {r} every week", n="{n} weeks", kname="week", unit="donations",
         q="How many donations does it receive over the first {n} weeks?", sign=1, a=(20, 300), r=(4, 25)),
]


@family("seq_geometric", DOMAIN, 6, tags=("sequences", "sympy"))
def seq_geometric(rng: random.Random, p: int):
    c = pick(rng, _GEO)
    name = pick(rng, NAMES)
    a = rng.randint(*c["a"])
    r = rng.randint(*c["r"])
    n = rng.randint(4, 15)
    aside = _generic_aside(rng, [f"{name} plotted the numbers on a chart.", f"The record started in {rng.randint(2000, 2023)}."])
    first = c["first"].format(a=fmt_num(a), name=name)
    grow = c["grow"].format(r=_pct(r))
    q = c["q"].format(n=n)
    ratio = f"{1 + c['sign'] * r / 100:g}"
    if p == 0:
        text = f"{first}, and {grow}. {q}"
    elif p == 1:
        text = (f"{q} The amount starts at {fmt_num(a)} {c['unit']} and is multiplied by {ratio} from one "
                f"{c['kname']} to the next.")
    elif p == 2:
        text = (f"Sum the first {n} terms of the geometric sequence with first term {fmt_num(a)} and ratio {ratio} "
                f"({_lc(first)}, and {grow}).")
    elif p == 3:
        text = (f"Each {c['kname']} the figure changes by {'+' if c['sign'] > 0 else '−'}{_pct(r)} relative to "
                f"the {c['kname']} before, and in {c['kname']} 1 it is {fmt_num(a)} {c['unit']} ({c['ctx']}). "
                f"Over {c['n'].format(n=n)}, what is the total?")
    elif p == 4:
        text = (f"First {c['kname']}: {fmt_num(a)} {c['unit']}. Change per {c['kname']}: "
                f"{'+' if c['sign'] > 0 else '−'}{_pct(r)}. Number of {c['kname']}s: {n}. Find the total over all "
                f"{c['kname']}s.")
    else:
        text = (f"If {grow}, and {_lc(first)}, then what total is "
                f"reached after {c['n'].format(n=n)}?")
    text = _insert(text, aside)
    params = [_p("first", a, f"amount in the first {c['kname']}", c["unit"]),
              _p("change", r, f"{'growth' if c['sign'] > 0 else 'decrease'} per {c['kname']}", "%"),
              _p("count", n, f"number of {c['kname']}s", "1")]
    model = ["k = sp.symbols(\"k\", integer=True, positive=True)",
             f"ratio = 1 {'+' if c['sign'] > 0 else '-'} change / 100",
             "answer = sp.summation(first * ratio ** (k - 1), (k, 1, count))  # total over all terms"]
    return text, _code(["import sympy as sp"], params, model), c["unit"]


# ---- calculus ----------------------------------------------------------------------------------

def _poly(coefs: list[float], var: str) -> str:
    """[c0, c1, c2, c3] -> '0.5t³ − 2t² + 3t + 4' (zero terms dropped)."""
    sup = {1: "", 2: "²", 3: "³"}
    parts = []
    for k in range(len(coefs) - 1, -1, -1):
        c = coefs[k]
        if c == 0:
            continue
        mag = fmt_num(abs(c))
        term = (mag if k == 0 else ("" if abs(c) == 1 else mag) + var + sup[k])
        sign = "−" if c < 0 else "+"
        parts.append((sign, term))
    if not parts:
        return "0"
    s = ("−" if parts[0][0] == "−" else "") + parts[0][1]
    for sign, term in parts[1:]:
        s += f" {sign} {term}"
    return s


_DERIV = [
    dict(f="s", var="t", what="the position of a particle", unit="m", vunit="s", rate="velocity", runit="m/s",
         ask="its velocity at t = {x0} s", shape=[(0, 0), (-3, 6), (-4, 4), (0.5, 2)], x0=(1, 6)),
    dict(f="C", var="q", what="the cost in dollars of producing q units", unit="USD", vunit="unit",
         rate="marginal cost", runit="USD/unit", ask="the marginal cost at q = {x0} units",
         shape=[(200, 900), (5, 30), (0.01, 0.2), (0, 0)], x0=(20, 200)),
    dict(f="P", var="t", what="the population of a town t years after 2020", unit="people", vunit="year",
         rate="growth rate", runit="people/year", ask="the growth rate in people per year at t = {x0}",
         shape=[(5000, 40000), (50, 600), (-20, 20), (0, 0)], x0=(1, 10)),
    dict(f="T", var="t", what="the temperature of a cooling drink in °C after t minutes", unit="degC",
         vunit="min", rate="rate of change", runit="degC/min", ask="the rate of change of the temperature (°C per minute) at t = {x0}",
         shape=[(60, 90), (-6, -1), (0.05, 0.2), (0, 0)], x0=(1, 8)),
    dict(f="V", var="t", what="the volume of water in litres in a tank after t minutes", unit="L", vunit="min",
         rate="rate of change", runit="L/min", ask="the rate of change of the volume at t = {x0} min",
         shape=[(50, 500), (2, 20), (-1, 1), (0, 0.05)], x0=(1, 10)),
]


def _per(unit: str, tunit: str, k: int) -> str:
    """Unit of the coefficient of t^k: ('L/min', 'min', 2) -> 'L/min^3'."""
    if k == 0 or tunit == "1":
        return unit
    if unit.endswith("/" + tunit):
        return f"{unit}^{k + 1}"
    return f"{unit}/{tunit}" + (f"^{k}" if k > 1 else "")


def _coef(rng: random.Random, lo: float, hi: float) -> float:
    if lo == hi == 0:
        return 0
    if float(lo).is_integer() and float(hi).is_integer() and hi - lo >= 4:
        v = rng.randint(int(lo), int(hi))
        return v if v != 0 else 1
    v = round(rng.uniform(lo, hi), 2)
    return v if v != 0 else 0.5


@family("calc_derivative", DOMAIN, 6, tags=("calculus", "sympy", "derivative"))
def calc_derivative(rng: random.Random, p: int):
    c = pick(rng, _DERIV)
    coefs = [_coef(rng, *s) for s in c["shape"]]
    x0 = rng.randint(*c["x0"])
    v = c["var"]
    aside = _generic_aside(rng, [f"The model was fitted to {rng.randint(10, 80)} measurements.",
                                 f"It was checked by {pick(rng, NAMES)}."])
    expr = _poly(coefs, v)
    ask = c["ask"].format(x0=x0)
    fx = f"{c['f']}({v})"
    if p == 0:
        text = f"The function {fx} = {expr} gives {c['what']}. Find {ask}."
    elif p == 1:
        text = f"What is {ask}, if {c['what']} is {fx} = {expr}?"
    elif p == 2:
        text = f"Differentiate {fx} = {expr} with respect to {v} and evaluate the derivative at {v} = {x0}. Here {fx} is {c['what']}."
    elif p == 3:
        text = (f"{cap(c['what'])} follows {fx} = {expr}. Using the derivative, compute {ask}.")
    elif p == 4:
        text = f"Model: {fx} = {expr} ({c['what']}). Task: {ask[0].upper() + ask[1:]} — give the exact derivative value."
    else:
        text = (f"Suppose {c['what']} is described by {expr} (as a function of {v}). How quickly is it changing "
                f"at {v} = {x0}? In other words, find {ask}.")
    text = _insert(text, aside)
    names = ["c0", "c1", "c2", "c3"]
    descs = ["constant term", f"coefficient of {v}", f"coefficient of {v}^2", f"coefficient of {v}^3"]
    units = [c["unit"], f"{c['unit']}/{c['vunit']}", f"{c['unit']}/{c['vunit']}^2", f"{c['unit']}/{c['vunit']}^3"]
    used = [k for k in range(4) if coefs[k] != 0]
    params = [_p(names[k], coefs[k], f"{descs[k]} of {c['f']}", units[k]) for k in used]
    params.append(_p(f"{v}0", x0, f"value of {v} where the rate is wanted", c["vunit"]))
    terms = " + ".join(("c0" if k == 0 else f"c{k} * {v}" + (f"**{k}" if k > 1 else "")) for k in used)
    model = [f"{v} = sp.symbols(\"{v}\")",
             f"{c['f']} = {terms}  # {c['what']} [{c['unit']}]",
             f"answer = sp.diff({c['f']}, {v}).subs({v}, {v}0)  # {c['rate']} [{c['runit']}]"]
    return text, _code(["import sympy as sp"], params, model), c["runit"]


_INTEG = [
    dict(scen="Water flows into a tank at a rate of r(t) = {f} litres per minute", fn="r(t)", var="t",
         words="litres per minute", total="the volume of water that flows in, in litres",
         total_q="how many litres flow in", span="from t = {a} to t = {b} minutes", unit="L/min", tunit="min",
         out="L", shape=[(2, 20), (0.5, 4), (0, 0.2)]),
    dict(scen="A car moves along a straight road with velocity v(t) = {f} metres per second", fn="v(t)", var="t",
         words="metres per second", total="the distance the car travels, in metres",
         total_q="how many metres does the car cover", span="between t = {a} s and t = {b} s", unit="m/s",
         tunit="s", out="m", shape=[(0, 10), (1, 5), (0, 0.3)]),
    dict(scen="Solar panels deliver power P(t) = {f} kilowatts, with t in hours after 6 a.m", fn="P(t)", var="t",
         words="kilowatts", total="the energy the panels deliver, in kWh",
         total_q="how many kWh do the panels produce", span="from t = {a} to t = {b}", unit="kW", tunit="h",
         out="kWh", shape=[(0, 1), (0.5, 2), (-0.1, -0.02)]),
    dict(scen="The curve y = {f} lies above the x-axis on the interval of interest", fn="y", var="x", words="",
         total="the area between the curve and the x-axis", total_q="what is the area under the curve",
         span="between x = {a} and x = {b}", unit="1", tunit="1", out="1", shape=[(1, 10), (0, 4), (0.1, 2)]),
]


@family("calc_integral", DOMAIN, 6, tags=("calculus", "sympy", "integral"))
def calc_integral(rng: random.Random, p: int):
    c = pick(rng, _INTEG)
    v = c["var"]
    while True:
        coefs = [_coef(rng, *s) for s in c["shape"]]
        a = rng.randint(0, 3)
        b = a + rng.randint(2, 8)
        # keep the rate positive on [a, b] so 'total' and 'area' agree
        vals = [coefs[0] + coefs[1] * x + coefs[2] * x * x for x in (a, b, (a + b) / 2)]
        if min(vals) > 0:
            break
    f = _poly(coefs, v)
    span = c["span"].format(a=a, b=b)
    aside = _generic_aside(rng, [f"The data logger samples every {rng.randint(2, 30)} seconds.",
                                 f"{pick(rng, NAMES)} sketched the graph first."])
    w = f" {c['words']}" if c["words"] else ""
    if p == 0:
        text = f"{c['scen'].format(f=f)}. Find {c['total']} {span}."
    elif p == 1:
        text = f"Integrate {c['fn']} = {f}{w} {span}: {c['total_q']}?"
    elif p == 2:
        text = (f"Evaluate the definite integral ∫ ({f}) d{v} for {v} running from {a} to {b}; in context it "
                f"gives {c['total']}.")
    elif p == 3:
        text = (f"A rate of {f}{w or ' (per unit of ' + v + ')'} is sustained {span}. Accumulate it: "
                f"{c['total_q']}?")
    elif p == 4:
        text = f"Rate/function: {c['fn']} = {f}. Interval: {span}. Wanted: {c['total']}."
    else:
        text = f"By summing up {f}{w} continuously over the interval {span}, work out {c['total']}."
    text = _insert(text, aside)
    names = ["c0", "c1", "c2"]
    params = [_p(names[k], coefs[k], ["constant term", f"coefficient of {v}", f"coefficient of {v}^2"][k],
                 _per(c["unit"], c["tunit"], k)) for k in range(3) if coefs[k] != 0]
    params += [_p(f"{v}_start", a, "start of the interval", c["tunit"]), _p(f"{v}_end", b, "end of the interval", c["tunit"])]
    terms = " + ".join(("c0" if k == 0 else f"c{k} * {v}" + (f"**{k}" if k > 1 else "")) for k in range(3) if coefs[k] != 0)
    model = [f"{v} = sp.symbols(\"{v}\")", f"rate = {terms}",
             f"answer = sp.integrate(rate, ({v}, {v}_start, {v}_end))  # [{c['out']}]"]
    return text, _code(["import sympy as sp"], params, model), c["out"]


@family("calc_area_between", DOMAIN, 6, held_out=True, tags=("calculus", "sympy", "integral"))
def calc_area_between(rng: random.Random, p: int):
    k = pick(rng, [1, 1, 2, 0.5, -1])
    r1 = rng.randint(-4, 2)
    r2 = r1 + rng.randint(2, 6)
    b = rng.randint(-4, 4)
    c0 = rng.randint(-5, 5)
    # f - g = k (x - r1)(x - r2)  ->  g = f - k(x^2 - (r1 + r2)x + r1 r2)
    m = b + k * (r1 + r2)
    n = c0 - k * r1 * r2
    m = int(m) if float(m).is_integer() else m
    n = int(n) if float(n).is_integer() else n
    f = _poly([c0, b, k], "x")
    g = _poly([n, m], "x")
    aside = _generic_aside(rng, [f"The graph was drawn on a {rng.randint(10, 30)} cm grid.",
                                 f"{pick(rng, NAMES)} shaded the region in blue."])
    if p == 0:
        text = f"Find the area of the region enclosed by the parabola y = {f} and the line y = {g}."
    elif p == 1:
        text = f"What is the area between the curves y = {f} and y = {g}, between their two intersection points?"
    elif p == 2:
        text = (f"The curves f(x) = {f} and g(x) = {g} intersect twice. Compute the integral of |f(x) − g(x)| "
                f"between the intersection points.")
    elif p == 3:
        text = (f"A region is bounded above and below by y = {g} and y = {f} (which one is on top depends on x). "
                f"Determine its area.")
    elif p == 4:
        text = f"Curve 1: y = {f}. Curve 2: y = {g}. Find the points where they meet and the area they enclose."
    else:
        text = (f"Between the points where the line y = {g} crosses the parabola y = {f}, a bounded region forms. "
                f"How large is its area?")
    text = _insert(text, aside)
    params = [_p(nm, val, d, "1") for nm, val, d in
              (("a2", k, "x^2 coefficient of the parabola"), ("a1", b, "x coefficient of the parabola"),
               ("a0", c0, "constant of the parabola"), ("slope", m, "slope of the line"),
               ("intercept", n, "intercept of the line"))]
    model = ["x = sp.symbols(\"x\")",
             "f = a2 * x**2 + a1 * x + a0",
             "g = slope * x + intercept",
             "x1, x2 = sorted(sp.solve(sp.Eq(f, g), x))",
             "answer = abs(sp.integrate(f - g, (x, x1, x2)))  # enclosed area"]
    return text, _code(["import sympy as sp"], params, model), "1"


# ---- probability and counting ----------------------------------------------------------------

_TRIALS = [
    dict(one="a basketball player makes a free throw", each="free throw", n="{n} free throws",
         succ="the player makes at least one", succ_k="the player makes exactly {k} of them", plural="free throws"),
    dict(one="it rains on a given day of a holiday", each="day", n="a {n}-day holiday",
         succ="it rains on at least one day", succ_k="it rains on exactly {k} of the days", plural="days"),
    dict(one="a seed germinates", each="seed", n="{n} seeds", succ="at least one seed germinates",
         succ_k="exactly {k} of the seeds germinate", plural="seeds"),
    dict(one="a component is defective", each="component", n="a sample of {n} components",
         succ="at least one is defective", succ_k="exactly {k} of the components are defective", plural="components"),
    dict(one="a scratch card wins a prize", each="card", n="{n} scratch cards", succ="at least one card wins",
         succ_k="exactly {k} of the cards win", plural="cards"),
]


@family("prob_at_least_one", DOMAIN, 6, tags=("probability",))
def prob_at_least_one(rng: random.Random, p: int):
    c = pick(rng, _TRIALS)
    pr = pick(rng, [2, 5, 8, 10, 12, 15, 20, 25, 30, 35, 40, 60, 70, 75, 80])
    n = rng.randint(2, 12)
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} has been tracking this for {rng.randint(2, 10)} years.",
                                 f"The forecast office is {rng.randint(3, 80)} km away."])
    N = c["n"].format(n=n)
    if p == 0:
        text = (f"The probability that {c['one']} is {_pct(pr)}, independently each time. For {N}, what is the "
                f"probability that {c['succ']}? Give it as a decimal.")
    elif p == 1:
        text = (f"What is the probability that {c['succ']} among {N}, if each {c['each']} independently has a "
                f"{_pct(pr)} chance (that {c['one']})? Answer as a decimal between 0 and 1.")
    elif p == 2:
        text = (f"Use the complement rule: P(at least one) = 1 − P(none). With {_an_pct(pr)} chance per "
                f"{c['each']} (independent) and {N}, find the probability that {c['succ']}.")
    elif p == 3:
        text = (f"{name} considers {N}. Each time, independently, there is a {_pct(pr)} chance that "
                f"{c['one']}. How likely is it "
                f"that {c['succ']}? (decimal)")
    elif p == 4:
        text = (f"p = {pr / 100:g} per {c['each']}, n = {n} independent {c['plural']}. Event: {c['succ']}. "
                f"Compute its probability.")
    else:
        text = (f"Independent {c['plural']}, {n} of them, each with probability {_pct(pr)} that {c['one']}. "
                f"Determine the chance that {c['succ']}, as a decimal.")
    text = _insert(text, aside)
    params = [_p("p_each", pr, f"chance that {c['one']}", "%"), _p("n", n, f"number of {c['plural']}", "1")]
    model = ["p_none = (1 - p_each / 100) ** n  # no success at all",
             "answer = 1 - p_none  # probability of at least one"]
    return text, _code(params, model), "1"


@family("prob_binomial", DOMAIN, 6, tags=("probability", "combinatorics", "sympy"))
def prob_binomial(rng: random.Random, p: int):
    c = pick(rng, _TRIALS)
    pr = pick(rng, [5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90])
    n = rng.randint(3, 12)
    k = rng.randint(1, n - 1)
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} wrote the result in a spreadsheet.",
                                 f"The experiment was repeated {rng.randint(2, 9)} times last year."])
    N = c["n"].format(n=n)
    S = c["succ_k"].format(k=k)
    if p == 0:
        text = (f"The probability that {c['one']} is {_pct(pr)}, independently each time. For {N}, what is the "
                f"probability that {S}? Give a decimal.")
    elif p == 1:
        text = (f"What is the chance that {S}, out of {N}, when for each {c['each']} independently the "
                f"probability that {c['one']} is {_pct(pr)}?")
    elif p == 2:
        text = (f"Binomial model: n = {n}, p = {pr / 100:g}, k = {k}. Compute C(n, k)·p^k·(1 − p)^(n−k), the "
                f"probability that {S} ({N}, where each time {c['one']}).")
    elif p == 3:
        text = (f"{name} looks at {N}. Each one independently has {_an_pct(pr)} chance; find the probability that "
                f"{S}. (Here the event per {c['each']} is that {c['one']}.)")
    elif p == 4:
        text = f"Trials: {n}. Success probability: {_pct(pr)} (that {c['one']}). Wanted: P({S})."
    else:
        text = (f"Exactly {k} success{'es' if k != 1 else ''} in {n} independent tries — how likely is that when each try succeeds "
                f"{_pct(pr)} of the time? Context: {N}, where success means that {c['one']}.")
    text = _insert(text, aside)
    params = [_p("p_each", pr, f"chance that {c['one']}", "%"), _p("n", n, f"number of {c['plural']}", "1"),
              _p("k", k, "number of successes wanted", "1")]
    model = ["q = p_each / 100", "answer = sp.binomial(n, k) * q**k * (1 - q) ** (n - k)  # P(exactly k)"]
    return text, _code(["import sympy as sp"], params, model), "1"


_TWO = [
    ("the morning bus is on time", "the connecting train is on time"),
    ("machine A works all day", "machine B works all day"),
    ("Team Red wins its match", "Team Blue wins its match"),
    ("the first alarm goes off", "the second alarm goes off"),
    ("a randomly chosen visitor buys a ticket", "a second, unrelated visitor buys a ticket"),
]


@family("prob_two_events", DOMAIN, 6, held_out=True, tags=("probability",))
def prob_two_events(rng: random.Random, p: int):
    ea, eb = pick(rng, _TWO)
    pa, pb = rng.randint(5, 95), rng.randint(5, 95)
    ask = pick(rng, ["both", "neither", "exactly one", "at least one"])
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} read this in a report from {rng.randint(2015, 2024)}.",
                                 f"The two events are {rng.randint(2, 40)} km apart."])
    Q = {"both": ["both events happen", "the two happen together", "A and B both occur", "both come true",
                  "A and B", "the two of them both happen"],
         "neither": ["neither event happens", "none of the two happens", "A and B both fail to occur",
                     "neither comes true", "neither A nor B", "not a single one of them happens"],
         "exactly one": ["exactly one of the two events happens", "one happens but not the other",
                         "exactly one of A and B occurs", "just one of them comes true", "exactly one of A, B",
                         "only a single one of the two happens"],
         "at least one": ["at least one of them happens", "one or both happen", "A or B (or both) occurs",
                          "at least one comes true", "A or B", "they do not both fail"]}[ask][p]
    if p == 0:
        text = (f"The probability that {ea} is {_pct(pa)} and the probability that {eb} is {_pct(pb)}. The events "
                f"are independent. What is the probability that {Q}?")
    elif p == 1:
        text = (f"What is the probability that {Q}, if P({ea}) = {pa / 100:g} and P({eb}) = {pb / 100:g}, "
                f"independently?")
    elif p == 2:
        text = (f"Two independent events: A = \"{ea}\" with P(A) = {_pct(pa)}, B = \"{eb}\" with P(B) = "
                f"{_pct(pb)}. Compute the probability that {Q}.")
    elif p == 3:
        text = (f"{name} notes that {ea} with probability {_pct(pa)}, and, unrelated to that, {eb} with "
                f"probability {_pct(pb)}. Find the chance that {Q}.")
    elif p == 4:
        text = f"P(A) = {_pct(pa)} ({ea}); P(B) = {_pct(pb)} ({eb}); A, B independent. Wanted: P({Q})."
    else:
        text = (f"Since whether {ea} has no bearing on whether {eb}, and these happen with chances {_pct(pa)} and "
                f"{_pct(pb)}, how likely is it that {Q}? Give a decimal.")
    text = _insert(text, aside)
    params = [_p("p_a", pa, f"chance that {ea}", "%"), _p("p_b", pb, f"chance that {eb}", "%")]
    expr = {"both": "a * b", "neither": "(1 - a) * (1 - b)", "exactly one": "a * (1 - b) + (1 - a) * b",
            "at least one": "1 - (1 - a) * (1 - b)"}[ask]
    model = ["a, b = p_a / 100, p_b / 100", f"answer = {expr}  # P({ask})"]
    return text, _code(params, model), "1"


_GROUPS = [
    ("a committee", ("teacher", "teachers"), ("student", "students"), "chosen"),
    ("a quiz team", ("girl", "girls"), ("boy", "boys"), "picked"),
    ("a pizza", ("meat topping", "meat toppings"), ("vegetable topping", "vegetable toppings"), "chosen"),
    ("a reading list", ("novel", "novels"), ("poetry book", "poetry books"), "selected"),
    ("a tasting menu", ("starter", "starters"), ("dessert", "desserts"), "chosen"),
]


@family("comb_committee", DOMAIN, 6, tags=("combinatorics", "sympy"))
def comb_committee(rng: random.Random, p: int):
    what, (As, Ap), (Bs, Bp), verb = pick(rng, _GROUPS)
    nA, nB = rng.randint(4, 15), rng.randint(4, 20)
    kA, kB = rng.randint(1, min(4, nA - 1)), rng.randint(1, min(5, nB - 1))
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"The selection is made by {name}.", f"It has to be done within {rng.randint(2, 10)} days."])

    def q(n, s, pl):
        return f"{n} {s if n == 1 else pl}"

    if p == 0:
        text = (f"{cap(what)} is formed by choosing {q(kA, As, Ap)} from {nA} and {q(kB, Bs, Bp)} from {nB}. In "
                f"how many different ways can it be done?")
    elif p == 1:
        text = (f"How many different selections are possible for {what} made of {q(kA, As, Ap)} and {q(kB, Bs, Bp)}, "
                f"if there are {nA} {Ap} and {nB} {Bp} to choose from (order does not matter)?")
    elif p == 2:
        text = (f"Compute C({nA}, {kA}) × C({nB}, {kB}): the number of ways to build {what} with {q(kA, As, Ap)} "
                f"out of {nA} and {q(kB, Bs, Bp)} out of {nB}.")
    elif p == 3:
        text = (f"{name} must put together {what}: exactly {q(kA, As, Ap)} (from {nA} available) and exactly "
                f"{q(kB, Bs, Bp)} (from {nB} available). Count the possible combinations.")
    elif p == 4:
        text = f"{cap(Ap)}: {nA}, choose {kA}. {cap(Bp)}: {nB}, choose {kB}. Number of ways to form {what}?"
    else:
        text = (f"From a pool of {nA} {Ap} and {nB} {Bp}, {kA} and {kB} respectively are {verb} for {what}. "
                f"Determine how many distinct outcomes exist.")
    text = _insert(text, aside)
    ka, kb = As.split()[0], Bs.split()[0]
    params = [_p(f"n_{ka}", nA, f"{Ap} available", "1"), _p(f"k_{ka}", kA, f"{Ap} to choose", "1"),
              _p(f"n_{kb}", nB, f"{Bp} available", "1"), _p(f"k_{kb}", kB, f"{Bp} to choose", "1")]
    model = [f"answer = sp.binomial(n_{ka}, k_{ka}) * sp.binomial(n_{kb}, k_{kb})  # number of selections"]
    return text, _code(["import sympy as sp"], params, model), "1"


_ARR = [
    ("runners in a race", "first, second and third place", 3, "podium finishes", "runners"),
    ("club members", "a president, a secretary and a treasurer", 3, "ways to fill the posts", "members"),
    ("books", "4 different slots on a shelf", 4, "arrangements", "books"),
    ("songs", "the first 5 tracks of a playlist, in order", 5, "ordered playlists", "songs"),
    ("applicants", "2 different jobs (one each)", 2, "assignments", "applicants"),
]


@family("comb_arrangements", DOMAIN, 6, tags=("combinatorics", "sympy"))
def comb_arrangements(rng: random.Random, p: int):
    pool, slots, k, outcome, noun = pick(rng, _ARR)
    n = rng.randint(k + 1, 15)
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} is one of the {noun}.", f"The event takes place on the {rng.randint(2, 28)}th."])
    if p == 0:
        text = f"There are {n} {pool}. In how many ways can {slots} be filled, with no one used twice?"
    elif p == 1:
        text = f"How many different {outcome} are possible when {slots} are filled from {n} {pool}?"
    elif p == 2:
        text = f"Compute the number of permutations P({n}, {k}) = {n}!/({n}−{k})!: the ways to fill {slots} from {n} {pool}."
    elif p == 3:
        text = (f"{name} has {n} {pool} and needs to fill {slots}. Order matters and each of the {noun} can be "
                f"used once at most. Count the possibilities.")
    elif p == 4:
        text = f"Pool: {n} {noun}. Ordered positions: {k} ({slots}). Number of {outcome}?"
    else:
        text = (f"Filling {slots} one after another, choosing among {n} {pool} and never reusing one — how many "
                f"outcomes are there?")
    text = _insert(text, aside)
    params = [_p("n", n, f"number of {noun}", "1"), _p("k", k, "ordered positions to fill", "1")]
    model = ["answer = sp.factorial(n) / sp.factorial(n - k)  # ordered selections"]
    return text, _code(["import sympy as sp"], params, model), "1"


_DATA = [
    dict(what="test scores", label="names", unit="points", lo=45, hi=100, key="score"),
    dict(what="daily high temperatures", label="days", unit="degC", lo=8, hi=34, key="temp"),
    dict(what="commute times", label="days", unit="min", lo=12, hi=75, key="commute"),
    dict(what="monthly rainfall amounts", label="months", unit="mm", lo=10, hi=160, key="rain"),
    dict(what="parcel weights", label="parcels", unit="kg", lo=1, hi=25, key="weight"),
]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]


@family("stats_descriptive", DOMAIN, 6, tags=("statistics", "numpy"))
def stats_descriptive(rng: random.Random, p: int):
    c = pick(rng, _DATA)
    n = rng.randint(5, 7)
    if c["label"] == "names":
        labels = _names(rng, n)
    elif c["label"] == "days":
        labels = _DAYS[:n]
    elif c["label"] == "months":
        labels = _MONTHS[:n]
    else:
        labels = [f"parcel {chr(65 + i)}" for i in range(n)]
    vals = [rng.randint(c["lo"], c["hi"]) for _ in range(n)]
    stat = pick(rng, ["mean", "median", "sample standard deviation", "population standard deviation", "range"])
    name = pick(rng, NAMES)
    aside = _generic_aside(rng, [f"{name} recorded the values by hand.", "One more value is expected next week."])
    u = {"degC": "°C"}.get(c["unit"], c["unit"])
    lst = ", ".join(f"{labels[i]} {vals[i]}" for i in range(n))
    nums = ", ".join(str(v) for v in vals)
    sd = " (divide by n − 1)" if stat.startswith("sample") else " (divide by n)" if stat.startswith("population") else ""
    if p == 0:
        text = f"The {c['what']} ({u}) were: {lst}. Find the {stat}{sd}."
    elif p == 1:
        text = f"What is the {stat}{sd} of these {c['what']} in {u}: {nums}?"
    elif p == 2:
        text = (f"| {c['label'][:-1]} | value ({u}) |\n|---|---|\n" + "\n".join(f"| {labels[i]} | {vals[i]} |" for i in range(n))
                + f"\n\nThe table lists {c['what']}. Compute their {stat}{sd}.")
    elif p == 3:
        text = (f"{name} collected {n} {c['what']}: {nums} {u}. Report the {stat}{sd} of the data.")
    elif p == 4:
        text = f"Data ({c['what']}, {u}): {nums}. Statistic wanted: {stat}{sd}."
    else:
        text = (f"Given {c['what']} of {lst} (all in {u}), determine their {stat}{sd}.")
    text = _insert(text, aside)
    keys = [f"{c['key']}_{l.lower().replace(' ', '_')}" for l in labels]
    params = [_p(keys[i], vals[i], f"{c['what'][:-1]} for {labels[i]}", c["unit"]) for i in range(n)]
    model = [f"data = np.array([{', '.join(keys)}])"]
    model.append({"mean": "answer = float(np.mean(data))",
                  "median": "answer = float(np.median(data))",
                  "sample standard deviation": "answer = float(np.std(data, ddof=1))  # sample (n - 1)",
                  "population standard deviation": "answer = float(np.std(data))  # population (n)",
                  "range": "answer = float(np.max(data) - np.min(data))"}[stat])
    return text, _code(["import numpy as np"], params, model), c["unit"]


_WM_PARTS = ["homework", "quizzes", "lab reports", "project", "midterm exam", "final exam"]
_WM_COURSES = ["Mathematics", "Biology", "History", "Chemistry", "English", "Art", "Physics", "Economics", "Music"]
_WM_GP = [4.0, 3.7, 3.3, 3.0, 2.7, 2.3, 2.0]
_WM_BLENDS = [
    ("coffee blend", ["Arabica beans", "Robusta beans", "Liberica beans", "Excelsa beans", "Kona beans"], (9, 32)),
    ("tea blend", ["Assam tea", "Darjeeling tea", "Ceylon tea", "Oolong tea", "jasmine tea"], (18, 60)),
    ("trail mix", ["almonds", "cashews", "walnuts", "raisins", "peanuts"], (4, 24)),
]
_NUM_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


@family("stats_weighted_mean", DOMAIN, 6, tags=("statistics", "numpy", "weighted-mean"))
def stats_weighted_mean(rng: random.Random, p: int):
    kind = pick(rng, ["grade", "gpa", "blend"])
    n = rng.randint(3, 5)
    name = pick(rng, NAMES)
    course = pick(rng, _WM_COURSES)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    if kind == "grade":
        labels = [_WM_PARTS[i] for i in sorted(rng.sample(range(len(_WM_PARTS)), n))]
        cuts = sorted(rng.sample(range(1, 20), n - 1))
        ws = [5 * (b - a) for a, b in zip([0] + cuts, cuts + [20])]  # percent, summing to 100
        vals = [rng.randint(52, 100) for _ in range(n)]
        vs, wt = [str(v) for v in vals], [_pct(w) for w in ws]
    elif kind == "gpa":
        labels = rng.sample(_WM_COURSES, n)
        vals = [pick(rng, _WM_GP) for _ in range(n)]
        ws = [rng.randint(1, 5) for _ in range(n)]
        vs, wt = [f"{v:.1f}" for v in vals], [str(w) for w in ws]
        ch, cr = [_qty(w, "credit hour", "credit hours") for w in ws], [_qty(w, "credit", "credits") for w in ws]
    else:
        blend, goods, (lo, hi) = pick(rng, _WM_BLENDS)
        labels = rng.sample(goods, n)
        vals = [_grid(rng, lo, hi, 0.5) for _ in range(n)]
        ws = [rng.randint(2, 15) for _ in range(n)]
        vs, wt = [_m(v, cur) for v in vals], [f"{w} kg" for w in ws]
    aside = _generic_aside(rng, [f"{name} checked the numbers twice.", "The figures were copied from a printed sheet."])
    idx = range(n)
    if p == 3:
        head = {"grade": ("component", "score (points)", "weight"), "gpa": ("course", "grade points", "credit hours"),
                "blend": ("ingredient", f"price ({cu}/kg)", "amount")}[kind]
        rows = "\n".join(f"| {labels[i]} | {vs[i] if kind != 'blend' else fmt_num(vals[i])} | {wt[i]} |" for i in idx)
        task = {"grade": f"The table shows {name}'s {course} results and how much each part counts. Compute the "
                         f"weighted course grade.",
                "gpa": f"{name}'s transcript for the term is shown above. Compute the credit-weighted grade-point "
                       f"average.",
                "blend": f"The table describes the ingredients of {name}'s mix. Find its weighted mean price per "
                         f"kg."}[kind]
        text = f"| {head[0]} | {head[1]} | {head[2]} |\n|---|---|---|\n{rows}\n\n{task}"
    elif p == 4:
        what = {"grade": f"scores in points, weights in percent: {', '.join(labels)}",
                "gpa": f"grade points weighted by credit hours: {', '.join(labels)}",
                "blend": f"prices in {cu}/kg weighted by kilograms: {', '.join(labels)}"}[kind]
        xs = ", ".join(fmt_num(v) if kind != "gpa" else f"{v:.1f}" for v in vals)
        text = (f"Compute the weighted mean x̄ = Σ wᵢ·xᵢ / Σ wᵢ for x = ({xs}) and w = ({', '.join(fmt_num(w) for w in ws)}) "
                f"({what}).")
    elif kind == "grade":
        text = [
            (f"In the {course} course the final grade is a weighted mean of {_and([f'{labels[i]} ({wt[i]})' for i in idx])}. "
             f"A student scored {_and([f'{vs[i]} on the {labels[i]}' for i in idx])}. What is the student's course grade?"),
            (f"{name}'s {course} teacher counts {_and([f'{labels[i]} for {wt[i]}' for i in idx])} of the grade. {name} "
             f"earned {_and([f'{vs[i]} points for the {labels[i]}' for i in idx])}. Find {name}'s weighted average."),
            (f"I'm trying to work out my {course} grade. The syllabus gives {_and([f'{wt[i]} to {labels[i]}' for i in idx])}, "
             f"and my marks are {_and(vs)} in that order. What is my overall grade?"),
            None, None,
            (f"What overall mark does {name} end up with in {course} if "
             f"{_and([f'the {labels[i]} ({wt[i]} of the grade) came out at {vs[i]}' for i in idx])}?"),
        ][p]
    elif kind == "gpa":
        text = [
            (f"A student's report card lists {_and([f'{labels[i]}: grade point {vs[i]} ({ch[i]})' for i in idx])}. "
             f"Compute the grade-point average, weighting each grade by its credit hours."),
            (f"{name} took {n} courses this semester and earned grade points of {_and([f'{vs[i]} in {labels[i]}' for i in idx])}. "
             f"The courses carry {_and(wt)} credits respectively. What is {name}'s GPA?"),
            (f"This term I took {_and([f'{labels[i]} ({cr[i]})' for i in idx])}, and my grade "
             f"points were {_and(vs)} in that order. What's my grade-point average?"),
            None, None,
            (f"Which GPA does {name} get for the semester, given "
             f"{_and([f'{ch[i]} of {labels[i]} graded {vs[i]}' for i in idx])}?"),
        ][p]
    else:
        text = [
            (f"A shop mixes {_and([f'{wt[i]} of {labels[i]} at {vs[i]} per kg' for i in idx])} to make a {blend}. "
             f"What is the average price per kilogram of the {blend}?"),
            (f"{name} runs a deli and prepares a {blend} from {_and([f'{wt[i]} of {labels[i]}' for i in idx])}. These cost "
             f"{_and(vs)} per kilogram respectively. What is the weighted mean price per kg?"),
            (f"I'm combining {_and([f'{wt[i]} of {labels[i]}' for i in idx])} into a {blend}; the prices per kg are "
             f"{_and(vs)}, in that order. What does the mix cost me per kilogram on average?"),
            None, None,
            (f"How much per kilogram is a {blend} worth if it contains "
             f"{_and([f'{wt[i]} of {labels[i]} priced at {vs[i]}/kg' for i in idx])}?"),
        ][p]
    text = _insert(text, aside)
    key = {"grade": ("score", "weight"), "gpa": ("grade", "credits"), "blend": ("price", "mass")}[kind]
    unit = {"grade": ("points", "%"), "gpa": ("grade points", "credit hours"), "blend": (f"{cu}/kg", "kg")}[kind]
    desc = {"grade": ("score on", "weight of"), "gpa": ("grade points in", "credit hours of"),
            "blend": ("price per kg of", "amount of")}[kind]
    slug = [l.lower().replace(" beans", "").replace(" tea", "").replace(" exam", "").replace(" ", "_") for l in labels]
    vkeys, wkeys = [f"{key[0]}_{s}" for s in slug], [f"{key[1]}_{s}" for s in slug]
    params = ([_p(vkeys[i], vals[i], f"{desc[0]} {labels[i]}", unit[0]) for i in idx]
              + [_p(wkeys[i], ws[i], f"{desc[1]} {labels[i]}", unit[1]) for i in idx])
    model = [f"values = np.array([{', '.join(vkeys)}])", f"weights = np.array([{', '.join(wkeys)}])",
             "answer = float(np.average(values, weights=weights))  # weighted mean"]
    return text, _code(["import numpy as np"], params, model), unit[0]


_MN_GOODS = ["bikes", "laptops", "sofas", "e-scooters", "washing machines"]
_MN_SUBJECTS = ["maths", "biology", "history", "chemistry", "French", "physics"]
_MN_ROUTES = ["5 km park loop", "5 km riverside route", "5 km hill circuit", "5 km track session"]


@family("stats_mean_needed", DOMAIN, 6, tags=("statistics", "numpy", "mean"))
def stats_mean_needed(rng: random.Random, p: int):
    kind = pick(rng, ["tests", "sales", "runs"])
    k = rng.randint(3, 6)  # values already known
    n = k + 1
    name = pick(rng, NAMES)
    subject, goods, route = pick(rng, _MN_SUBJECTS), pick(rng, _MN_GOODS), pick(rng, _MN_ROUTES)
    # values and bounds in steps (a step is 1 point, 1 item or 0.5 min); the target is drawn so that the
    # needed value lands in the plausible range [need_lo, need_hi] by construction
    step, lo, hi, need_lo, need_hi = {"tests": (1, 55, 100, 45, 100), "sales": (1, 20, 80, 15, 110),
                                      "runs": (0.5, 44, 64, 40, 68)}[kind]
    ivals = [rng.randint(lo, hi) for _ in range(k)]
    t_lo, t_hi = -(-(sum(ivals) + need_lo) // n), (sum(ivals) + need_hi) // n
    it = rng.randint(t_lo, t_hi)

    def num(i: int):
        v = round(i * step, 4)
        return int(v) if float(v).is_integer() else v

    vals, T = [num(i) for i in ivals], num(it)
    aside = _generic_aside(rng, [f"{name} keeps the record in a notebook.", "The weather has been mild all season."])
    nums, nw, tt = _and([fmt_num(v) for v in vals]), _NUM_WORDS[n], fmt_num(T)
    if kind == "tests":
        labels, last, thing, things, unit = [f"test {i + 1}" for i in range(k)], f"test {n}", "test", "tests", "points"
        lst = _and([f"{fmt_num(vals[i])} on {labels[i]}" for i in range(k)])
        text = [
            (f"A student scored {nums} on the first {k} tests of a course with {n} tests in total. What score is needed "
             f"on the last test for the mean of all {n} tests to be {tt}?"),
            (f"{name} has taken {k} {subject} tests so far, scoring {nums}. To finish the term with an average of {tt} "
             f"points over all {n} tests, what must {name} score on the final one?"),
            (f"My {subject} test scores so far are {nums}. There's one test left, {nw} in total. What do I need on it to "
             f"average exactly {tt}?"),
            None, None,
            (f"How many points does {name} need on the last of {n} {subject} tests to end with a mean of {tt}, after "
             f"scoring {lst}?"),
        ][p]
    elif kind == "sales":
        labels, last, thing, things, unit = _MONTHS[:k], _MONTHS[k], "month", "months", goods
        lst = _and([f"{fmt_num(vals[i])} in {labels[i]}" for i in range(k)])
        text = [
            (f"A shop sold {nums} {goods} in {_and(labels)}. How many {goods} must it sell in {last} so that its mean "
             f"monthly sales over these {n} months are {tt}?"),
            (f"{name} manages a store selling {goods}. Sales so far were {lst}. {name}'s goal is an average of {tt} "
             f"{goods} a month over the {n} months up to {last}. How many must be sold in {last}?"),
            (f"I sell {goods} online and have sold {lst}. What do I need to sell in {last} to average {tt} a month "
             f"across all {nw} months?"),
            None, None,
            (f"How many {goods} must be sold in {last} for the {n}-month average to reach {tt}, if the earlier months "
             f"brought {nums} sales?"),
        ][p]
    else:
        labels, last, thing, things, unit = [f"run {i + 1}" for i in range(k)], f"run {n}", "run", "runs", "min"
        lst = ", ".join(fmt_num(v) for v in vals)  # a bare list, without "and"
        text = [
            (f"A runner completed a {route} {k} times with times of {nums} minutes. In what time must the next run be "
             f"finished so that the mean of all {n} runs is {tt} minutes?"),
            (f"{name} is timing a {route}. The first {k} runs took {lst} min. {name} plans {nw} runs in total and wants "
             f"their mean time to be {tt} min. How long should the last run take?"),
            (f"I've done my {route} {k} times: {nums} minutes. After one more run ({n} in all) I want my average time "
             f"to be {tt} minutes. What time do I need?"),
            None, None,
            (f"What time on the final run gives {name} a mean of {tt} minutes across {n} runs of the {route}, with "
             f"earlier times of {lst} minutes?"),
        ][p]
    if p == 3:
        text = (f"| {thing} | value ({unit}) |\n|---|---|\n" + "\n".join(f"| {labels[i]} | {fmt_num(vals[i])} |" for i in range(k))
                + f"\n| {last} | (missing) |\n\nThe mean over all {n} {things} should come out at {tt} {unit}. Find the missing "
                f"value for {last}.")
    elif p == 4:
        text = (f"Solve ({' + '.join(fmt_num(v) for v in vals)} + x) / {n} = {tt} for x, the value needed in the "
                f"final {thing} ({unit}) so that the mean of the {n} {things} equals the target.")
    text = _insert(text, aside)
    key = {"tests": "score", "sales": "sales", "runs": "time"}[kind]
    keys = [f"{key}_{l.lower().replace(' ', '_')}" for l in labels]
    what = {"tests": "score on", "sales": "sales in", "runs": "time of"}[kind]
    params = [_p(keys[i], vals[i], f"{what} {labels[i]}", unit) for i in range(k)]
    params += [_p("target_mean", T, f"desired mean of all {things}", unit),
               _p(f"n_{things}", n, f"number of {things} including the last one", "1")]
    model = [f"previous = np.array([{', '.join(keys)}])",
             f"answer = float(target_mean * n_{things} - np.sum(previous))  # needed in {last}"]
    return text, _code(["import numpy as np"], params, model), unit
