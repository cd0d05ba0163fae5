"""Optimization families: linear programs (``linprog``), integer programs (``milp``) and
calculus optimization with SymPy.

LP programs name every number of the text as a top-level parameter (profit per unit, hours
per unit, capacity...) and build the matrices from those names, so the parameter table of a
solved problem is the data table of the text.
"""

from __future__ import annotations

import random

from ..core import CURRENCIES, NAMES, family, fmt_num, money, note_aside, pick
from ..core import cap as _cap  # several builders call their capacity lists `cap`

DOMAIN = "optimization"

_CUR_UNIT = {("$", ""): "USD", ("", " EUR"): "EUR", ("£", ""): "GBP", ("", " CHF"): "CHF",
             ("", " dollars"): "USD", ("", " euros"): "EUR"}


# ---- small helpers ------------------------------------------------------------------------

def _lit(v) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e12:
        v = int(v)
    return repr(v) if isinstance(v, float) else str(v)


def _p(name: str, value, desc: str, unit: str) -> str:
    """One contract parameter line."""
    return f"{name} = {_lit(value)}  # {desc} [{unit}]"


def _code(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"


def _aside(rng: random.Random, options: list[str], prob: float = 0.3) -> str:
    """An irrelevant detail (about ``prob`` of the time); always consumes the same draws."""
    r = rng.random()
    choice = pick(rng, options)
    return note_aside(choice) if r < prob else ""


def _insert(text: str, aside: str) -> str:
    """Put ``aside`` after the first sentence of ``text``."""
    if not aside:
        return text
    cut = [i for i in (text.find(". "), text.find(".\n"), text.find("? ")) if i != -1]
    if not cut:
        return text + " " + aside
    i = min(cut) + 1
    return text[:i] + " " + aside + text[i:]


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _qty(x, sing: str, plur: str) -> str:
    return f"{fmt_num(x)} {sing if x == 1 else plur}"


_ADJ = {"day": "daily", "week": "weekly", "month": "monthly"}


# ---- linear programs ------------------------------------------------------------------------

_PRODUCTION = [
    dict(place="furniture workshop", period="week",
         products=[("table", "table", "tables"), ("chair", "chair", "chairs"),
                   ("shelf", "bookshelf", "bookshelves")],
         resources=[("carpentry", "carpentry", "hour", "hours", "h", (1, 6), 1),
                    ("finishing", "finishing", "hour", "hours", "h", (1, 4), 1)]),
    dict(place="bakery", period="day",
         products=[("bread", "tray of bread", "trays of bread"), ("muffin", "tray of muffins", "trays of muffins"),
                   ("pie", "tray of pies", "trays of pies")],
         resources=[("oven", "oven time", "minute", "minutes", "min", (10, 40), 5),
                    ("flour", "flour", "kg", "kg", "kg", (1, 6), 0.5)]),
    dict(place="electronics plant", period="week",
         products=[("router", "router", "routers"), ("modem", "modem", "modems"),
                   ("switch", "network switch", "network switches")],
         resources=[("assembly", "assembly time", "hour", "hours", "h", (1, 5), 0.5),
                    ("testing", "testing time", "hour", "hours", "h", (1, 3), 0.5)]),
    dict(place="clothing factory", period="day",
         products=[("jacket", "jacket", "jackets"), ("shirt", "shirt", "shirts"),
                   ("trousers", "pair of trousers", "pairs of trousers")],
         resources=[("cutting", "cutting time", "minute", "minutes", "min", (10, 45), 5),
                    ("sewing", "sewing time", "minute", "minutes", "min", (20, 90), 5)]),
]


def _step_draw(rng, lo_hi, step):
    lo, hi = lo_hi
    n = int(round((hi - lo) / step))
    v = lo + step * rng.randint(0, n)
    return int(v) if float(v).is_integer() else round(v, 4)


def _production_table(ctx: dict, res_: list, prods: list, use: list, cap: list, m: list[str]) -> str:
    """A production program's data as a Markdown table, with the capacities in its last row."""
    head = "| product | " + " | ".join(f"{r[1]} ({r[3]} per unit)" for r in res_) + " | profit per unit |"
    sep = "|---" * (len(res_) + 2) + "|"
    rows = "\n".join(f"| {pr[2]} | " + " | ".join(fmt_num(use[r][i]) for r in range(len(res_))) + f" | {m[i]} |"
                     for i, pr in enumerate(prods))
    last = "| available | " + " | ".join(fmt_num(c) for c in cap) + " | |"
    return f"Production data of {_a(ctx['place'])} (per {ctx['period']}):\n\n{head}\n{sep}\n{rows}\n{last}\n\n"


def _production_constraints(res_: list, use: list, cap: list, n: int) -> str:
    """The resource rows of a production program in symbols: "3·x1 + 5·x2 ≤ 364 (carpentry, hours)"."""
    return "; ".join(" + ".join(f"{fmt_num(use[r][i])}·x{i + 1}" for i in range(n))
                     + f" ≤ {fmt_num(cap[r])} ({res_[r][1]}, {res_[r][3]})" for r in range(len(res_)))


def _production_params(prods: list, res_: list, profit: list, use: list, cap: list, cu: str, period: str) -> list[str]:
    """A production program's parameter lines: profit per item, each resource per item, each resource available."""
    params = [_p(f"profit_{pr[0]}", profit[i], f"profit per {pr[1]}", f"{cu}/unit") for i, pr in enumerate(prods)]
    for r, rr in enumerate(res_):
        params += [_p(f"{rr[0]}_{pr[0]}", use[r][i], f"{rr[1]} per {pr[1]}", f"{rr[4]}/unit")
                   for i, pr in enumerate(prods)]
    return params + [_p(f"{rr[0]}_available", cap[r], f"{rr[1]} available per {period}", rr[4])
                     for r, rr in enumerate(res_)]


@family("lp_production_mix", DOMAIN, 6, tags=("linprog", "lp"))
def lp_production_mix(rng: random.Random, p: int):
    ctx = pick(rng, _PRODUCTION)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    n = pick(rng, [2, 2, 3])
    prods = ctx["products"][:n]
    res = ctx["resources"]
    profit = [rng.randint(4, 30) * 5 for _ in prods]
    use = [[_step_draw(rng, r[5], r[6]) for _ in prods] for r in res]
    plan = [rng.randint(10, 60) for _ in prods]
    cap = [int(round(sum(u * x for u, x in zip(row, plan)) * rng.uniform(0.8, 1.1))) for row in use]
    period, adj = ctx["period"], _ADJ[ctx["period"]]
    aside = _aside(rng, [f"The {ctx['place']} employs {rng.randint(5, 40)} people.",
                         f"It was founded in {rng.randint(1965, 2018)}.",
                         f"Its storage room holds up to {rng.randint(200, 900)} finished items.",
                         f"Last year its revenue was {money(rng.randint(200, 900) * 1000, cur, 0)}."])

    def usage(i):
        return _and([f"{_qty(use[r][i], res[r][2], res[r][3])} of {res[r][1]}" for r in range(len(res))])

    caps = _and([f"{_qty(cap[r], res[r][2], res[r][3])} of {res[r][1]}" for r in range(len(res))])
    plurals = _and([pr[2] for pr in prods])
    m = [money(v, cur, 0) for v in profit]
    if p == 0:
        body = " ".join(f"Each {pr[1]} brings a profit of {m[i]} and needs {usage(i)}." for i, pr in enumerate(prods))
        text = (f"{_cap(_a(ctx['place']))} makes {plurals}. {body} Each {period}, {caps} are available. "
                f"Assuming any non-negative (possibly fractional) quantities can be produced, what is "
                f"the maximum {adj} profit?")
    elif p == 1:
        rows = "\n".join(f"- {_cap(pr[2])}: profit {m[i]} per unit, {usage(i)} per unit" for i, pr in enumerate(prods))
        text = (f"What is the largest {adj} profit {_a(ctx['place'])} can earn from its products?\n{rows}\n"
                f"Available per {period}: {caps}. Fractional production is allowed; report the optimal profit.")
    elif p == 2:
        obj = " + ".join(f"{profit[i]}·x{i + 1}" for i in range(n))
        cons = _production_constraints(res, use, cap, n)
        names = ", ".join(f"x{i + 1} = {pr[2]}" for i, pr in enumerate(prods))
        text = (f"Solve the linear program of {_a(ctx['place'])} ({names} produced per {period}): maximize the "
                f"profit {obj} (in {cu}) subject to {cons}, with all variables non-negative. Give the optimal "
                f"objective value.")
    elif p == 3:
        body = " ".join(f"A {pr[1]} takes {usage(i)} and earns me {m[i]}." for i, pr in enumerate(prods))
        text = (f"I run {_a(ctx['place'])} and have {caps} each {period}. {body} If I can make fractional "
                f"amounts, how much profit can I make at most in a {period}?")
    elif p == 4:
        text = (_production_table(ctx, res, prods, use, cap, m)
                + "Quantities may be fractional. Find the production plan that maximizes profit and give the "
                "maximum profit.")
    else:
        details = _and([f"{pr[2]} ({m[i]} profit, {usage(i)} each)" for i, pr in enumerate(prods)])
        text = (f"The limits per {period} are {caps}. Within them, {_a(ctx['place'])} chooses how many "
                f"{details} to make. Treating quantities as continuous, determine the largest achievable "
                f"{adj} profit.")
    text = _insert(text, aside)
    params = _production_params(prods, res, profit, use, cap, cu, period)
    model = [
        "c = [" + ", ".join(f"-profit_{pr[0]}" for pr in prods) + "]  # linprog minimizes, so negate profit",
        "A_ub = [" + ", ".join("[" + ", ".join(f"{rr[0]}_{pr[0]}" for pr in prods) + "]" for rr in res) + "]",
        "b_ub = [" + ", ".join(f"{rr[0]}_available" for rr in res) + "]",
        f"res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, None)] * {n})",
        "answer = -res.fun  # maximum profit",
    ]
    return text, _code(["from scipy.optimize import linprog"], params, model), cu


_DIET = [
    dict(intro="A farmer blends feed for a herd", who="the herd", amount=("kg", "kg"), per="kg",
         foods=[("corn", "corn meal"), ("soy", "soybean meal"), ("oats", "oat hulls")],
         nutrients=[("protein", "protein", "g", (60, 450)), ("fiber", "fiber", "g", (20, 150))],
         need_scale=(80, 200), cost=(0.2, 0.9), period="day"),
    dict(intro="A dietitian plans a daily menu", who="the patient", amount=("serving", "servings"), per="serving",
         foods=[("oats", "oatmeal"), ("yogurt", "yogurt"), ("beans", "beans")],
         nutrients=[("protein", "protein", "g", (4, 20)), ("iron", "iron", "mg", (1, 6))],
         need_scale=(4, 9), cost=(0.3, 1.8), period="day"),
    dict(intro="A gardener mixes two fertilizers for a field", who="the field", amount=("bag", "bags"), per="bag",
         foods=[("greenfix", "GreenFix"), ("soilmax", "SoilMax"), ("rootpro", "RootPro")],
         nutrients=[("nitrogen", "nitrogen", "kg", (2, 12)), ("phosphate", "phosphate", "kg", (1, 8))],
         need_scale=(20, 60), cost=(8, 30), period="season"),
]


@family("lp_diet_blend", DOMAIN, 6, tags=("linprog", "lp"))
def lp_diet_blend(rng: random.Random, p: int):
    ctx = pick(rng, _DIET)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    n = pick(rng, [2, 2, 3])
    foods = ctx["foods"][:n]
    nut = ctx["nutrients"]
    lo, hi = ctx["cost"]
    step = 0.05 if hi < 5 else 1
    cost = [round(lo + step * rng.randint(0, int((hi - lo) / step)), 2) for _ in foods]
    content = [[rng.randint(*nt[3]) for _ in foods] for nt in nut]
    need = [int(round(sum(row) / len(row) * rng.randint(*ctx["need_scale"]) / 10) * 10) for row in content]
    su, pl = ctx["amount"]
    period = ctx["period"]
    aside = _aside(rng, [f"{_cap(ctx['who'])} was last checked {rng.randint(2, 9)} weeks ago.",
                         f"The supplier delivers every {rng.randint(2, 6)} days.",
                         "Storage space is not a concern."])
    m = [money(c, cur) for c in cost]
    fname = [f[1] for f in foods]

    def contents(i):
        return _and([f"{content[k][i]} {nt[2]} of {nt[1]}" for k, nt in enumerate(nut)])

    needs = _and([f"{fmt_num(need[k])} {nt[2]} of {nt[1]}" for k, nt in enumerate(nut)])
    if p == 0:
        body = " ".join(f"One {su} of {fname[i]} costs {m[i]} and contains {contents(i)}." for i in range(n))
        text = (f"{ctx['intro']}, choosing among {_and(fname)}. {body} {_cap(ctx['who'])} needs at least {needs} per "
                f"{period}. What is the minimum cost per {period} of a blend that meets these requirements?")
    elif p == 1:
        text = (f"How cheaply can {ctx['who']} get at least {needs} per {period}? Available: "
                + "; ".join(f"{fname[i]} at {m[i]} per {su}, with {contents(i)} per {su}" for i in range(n))
                + ". Amounts can be fractional. Give the minimum total cost.")
    elif p == 2:
        lines = "\n".join(f"- {fname[i]}: {m[i]}/{su}, " + ", ".join(f"{nt[1]} {content[k][i]} {nt[2]}/{su}" for k, nt in enumerate(nut))
                          for i in range(n))
        mins = "\n".join(f"- {nt[1]}: at least {fmt_num(need[k])} {nt[2]}" for k, nt in enumerate(nut))
        text = (f"Minimum-cost blend problem.\nIngredients:\n{lines}\nRequirements per {period}:\n{mins}\n"
                f"Find the cheapest combination and report its cost.")
    elif p == 3:
        vars_ = ", ".join(f"x{i + 1} {pl} of {fname[i]}" for i in range(n))
        obj = " + ".join(f"{cost[i]}·x{i + 1}" for i in range(n))
        cons = "; ".join(" + ".join(f"{content[k][i]}·x{i + 1}" for i in range(n)) + f" ≥ {fmt_num(need[k])} ({nt[1]}, {nt[2]})"
                         for k, nt in enumerate(nut))
        text = (f"{ctx['intro']}, using {vars_}. Minimize the cost {obj} (in {cu}) subject to {cons} and "
                f"x ≥ 0. What is the optimal cost?")
    elif p == 4:
        text = (f"To meet a requirement of {needs} each {period}, {ctx['who']} can be supplied with "
                + _and([f"{fname[i]} ({contents(i)} per {su}, {m[i]} per {su})" for i in range(n)])
                + f". Which mix is cheapest? Report the lowest possible cost per {period}.")
    else:
        text = (f"Every {su} of " + _and([f"{fname[i]} ({m[i]})" for i in range(n)])
                + " supplies, respectively, " + "; ".join(f"{contents(i)}" for i in range(n))
                + f". {_cap(ctx['who'])} must receive no less than {needs} in a {period}. Working with "
                f"continuous amounts, find the least amount of money that has to be spent.")
    text = _insert(text, aside)
    params = [_p(f"cost_{f[0]}", cost[i], f"price of {f[1]}", f"{cu}/{su}") for i, f in enumerate(foods)]
    for k, nt in enumerate(nut):
        params += [_p(f"{nt[0]}_{f[0]}", content[k][i], f"{nt[1]} in {f[1]}", f"{nt[2]}/{su}") for i, f in enumerate(foods)]
    params += [_p(f"need_{nt[0]}", need[k], f"minimum {nt[1]} per {period}", nt[2]) for k, nt in enumerate(nut)]
    model = [
        "c = [" + ", ".join(f"cost_{f[0]}" for f in foods) + "]",
        "A_ub = [" + ", ".join("[" + ", ".join(f"-{nt[0]}_{f[0]}" for f in foods) + "]" for nt in nut)
        + "]  # '>=' rows negated",
        "b_ub = [" + ", ".join(f"-need_{nt[0]}" for nt in nut) + "]",
        f"res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, None)] * {n})",
        "answer = res.fun  # minimum cost",
    ]
    return text, _code(["from scipy.optimize import linprog"], params, model), cu


_ALLOC = [
    dict(actor="A shop's marketing team", pool="advertising budget", outcome="people reached",
         oshort="reach", ounit="people",
         channels=[("online", "online ads"), ("radio", "radio spots"), ("print", "newspaper ads"),
                   ("posters", "street posters")], rate=(300, 1500)),
    dict(actor="A charity", pool="donations", outcome="meals served", oshort="meals", ounit="meals",
         channels=[("kitchen", "the soup kitchen"), ("school", "the school breakfast program"),
                   ("delivery", "home delivery"), ("pantry", "the food pantry")], rate=(150, 600)),
    dict(actor="A city council", pool="road-safety fund", outcome="crossings made safe",
         oshort="crossings", ounit="crossings",
         channels=[("lights", "traffic lights"), ("signs", "warning signs"), ("paint", "painted zebra lines"),
                   ("bumps", "speed bumps")], rate=(2, 12)),
]


@family("lp_budget_allocation", DOMAIN, 6, tags=("linprog", "lp"))
def lp_budget_allocation(rng: random.Random, p: int):
    ctx = pick(rng, _ALLOC)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    idx = sorted(rng.sample(range(4), 3))
    ch = [ctx["channels"][i] for i in idx]
    rate = [rng.randint(*ctx["rate"]) for _ in ch]
    budget = rng.randint(20, 90) * 1000
    cap = [rng.randint(4, 12) * budget // 20 for _ in ch[:2]]
    min_last = rng.randint(1, 4) * budget // 20
    aside = _aside(rng, [f"Last year's {ctx['pool']} was {money(budget * rng.uniform(0.6, 0.9), cur, 0)}.",
                         f"The plan covers {rng.randint(3, 12)} months.",
                         f"The decision has to be made by {pick(rng, NAMES)} before Friday."])
    mb = money(budget, cur, 0)
    per = money(1000, cur, 0)
    r = [fmt_num(v) for v in rate]
    caps = [money(c, cur, 0) for c in cap]
    mn = money(min_last, cur, 0)
    o = ctx["outcome"]
    if p == 0:
        text = (f"{ctx['actor']} has a {ctx['pool']} of {mb} to split between {_and([c[1] for c in ch])}. Every "
                f"{per} spent yields {r[0]}, {r[1]} and {r[2]} {o} respectively. At most {caps[0]} can go to "
                f"{ch[0][1]} and at most {caps[1]} to {ch[1][1]}, while {ch[2][1]} must get at least {mn}. "
                f"How many {o} can be achieved at most?")
    elif p == 1:
        text = (f"Maximize the total number of {o}: {ctx['actor'].lower()} spends money on "
                + "; ".join(f"{c[1]} ({r[i]} {o} per {per})" for i, c in enumerate(ch))
                + f". Total available: {mb}. Limits: {ch[0][1]} ≤ {caps[0]}, {ch[1][1]} ≤ {caps[1]}, "
                f"{ch[2][1]} ≥ {mn}. Spending can be split freely. What is the optimum?")
    elif p == 2:
        text = (f"How should {mb} be allocated among {_and([c[1] for c in ch])} to get as many {o} as "
                f"possible, and how many is that? Per {per}: {ch[0][1]} give {r[0]}, {ch[1][1]} give {r[1]}, "
                f"{ch[2][1]} give {r[2]}. No more than {caps[0]} may be spent on {ch[0][1]}, no more than "
                f"{caps[1]} on {ch[1][1]}, and spending on {ch[2][1]} needs a minimum of {mn}. Report the maximum number "
                f"of {o}.")
    elif p == 3:
        text = (f"Spending options ({o} per {per}):\n"
                + "\n".join(f"* {c[1]}: {r[i]}" for i, c in enumerate(ch))
                + f"\nBudget: {mb}\nCaps: {caps[0]} for {ch[0][1]}, {caps[1]} for {ch[1][1]}\n"
                f"Minimum: {mn} for {ch[2][1]}\nUsing a linear model, find the highest total of {o}.")
    elif p == 4:
        text = (f"Our {ctx['pool']} is {mb}. {_cap(ch[2][1])} must receive {mn} or more; {ch[0][1]} can absorb up to "
                f"{caps[0]} and {ch[1][1]} up to {caps[1]}. Each {per} produces {r[0]} {o} via {ch[0][1]}, "
                f"{r[1]} via {ch[1][1]} and {r[2]} via {ch[2][1]}. What is the largest number of {o} we can "
                f"get?")
    else:
        text = (f"If money spent on {ch[0][1]} returns {r[0]} {o} per {per}, on {ch[1][1]} {r[1]}, and on "
                f"{ch[2][1]} {r[2]}, what is the greatest total that a {ctx['pool']} of {mb} can buy? Spending "
                f"on {ch[0][1]} is capped at {caps[0]}, on {ch[1][1]} at {caps[1]}, and at least {mn} is "
                f"reserved for {ch[2][1]}.")
    text = _insert(text, aside)
    params = [_p("budget", budget, ctx["pool"], cu)]
    params += [_p(f"{ctx['oshort']}_{c[0]}", rate[i], f"{o} per 1,000 {cu} on {c[1]}", f"{ctx['ounit']}/k{cu}")
               for i, c in enumerate(ch)]
    params += [_p(f"max_{c[0]}", cap[i], f"maximum spend on {c[1]}", cu) for i, c in enumerate(ch[:2])]
    params.append(_p(f"min_{ch[2][0]}", min_last, f"minimum spend on {ch[2][1]}", cu))
    model = [
        "c = [" + ", ".join(f"-{ctx['oshort']}_{c[0]} / 1000" for c in ch) + "]  # per unit of money, negated",
        f"bounds = [(0, max_{ch[0][0]}), (0, max_{ch[1][0]}), (min_{ch[2][0]}, None)]",
        "res = linprog(c, A_ub=[[1, 1, 1]], b_ub=[budget], bounds=bounds)",
        f"answer = -res.fun  # maximum {o}",
    ]
    return text, _code(["from scipy.optimize import linprog"], params, model), ctx["ounit"]


_TRANSPORT = [
    dict(src=[("north", "the North warehouse"), ("south", "the South warehouse")],
         dst=[("a", "store A"), ("b", "store B"), ("c", "store C")], item=("pallet", "pallets")),
    dict(src=[("p1", "Plant 1"), ("p2", "Plant 2")],
         dst=[("lyon", "Lyon"), ("nice", "Nice"), ("dijon", "Dijon")], item=("crate", "crates")),
    dict(src=[("quarry", "the quarry"), ("depot", "the depot")],
         dst=[("site1", "building site 1"), ("site2", "building site 2"), ("site3", "building site 3")],
         item=("truckload of gravel", "truckloads of gravel")),
    dict(src=[("farm", "the farm co-op"), ("mill", "the mill")],
         dst=[("bakery", "the bakery"), ("market", "the market"), ("school", "the school")],
         item=("sack of flour", "sacks of flour")),
]


@family("lp_transport", DOMAIN, 6, tags=("linprog", "lp"))
def lp_transport(rng: random.Random, p: int):
    ctx = pick(rng, _TRANSPORT)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    nd = pick(rng, [2, 3])
    src, dst = ctx["src"], ctx["dst"][:nd]
    demand = [rng.randint(4, 20) * 5 for _ in dst]
    tot = sum(demand)
    s0 = rng.randint(tot * 4 // 10, tot * 8 // 10)
    supply = [s0, tot - s0 + rng.randint(0, 6) * 5]
    cost = [[rng.randint(2, 20) for _ in dst] for _ in src]
    sing, plur = ctx["item"]
    aside = _aside(rng, [f"Deliveries leave at {rng.randint(5, 9)} a.m.",
                         f"Each truck is driven by one of {rng.randint(4, 15)} drivers.",
                         f"The route planner was bought {rng.randint(2, 8)} years ago."])
    mc = [[money(c, cur, 0) for c in row] for row in cost]
    S = [s[1] for s in src]
    D = [d[1] for d in dst]
    # each phrasing's question of the cost (a route's amount is asked in its place below)
    asks = {0: "What is the minimum total shipping cost that meets every demand?",
            1: "Find the cheapest shipping plan's total cost.",
            2: "Give the minimum cost (fractional shipments allowed).",
            3: "report the optimal cost.", 4: "What does the optimal plan cost?",
            5: "Determine the lowest total transport cost."}
    if p == 0:
        text = (f"{_cap(S[0])} has {fmt_num(supply[0])} {plur} and {S[1]} has {fmt_num(supply[1])}. "
                f"{_cap(_and([f'{D[j]} needs {fmt_num(demand[j])}' for j in range(nd)]))}. Shipping one "
                f"{sing} costs " + "; ".join(f"from {S[i]}: " + ", ".join(f"{mc[i][j]} to {D[j]}" for j in range(nd))
                                            for i in range(2))
                + ". " + asks[0])
    elif p == 1:
        head = "| from \\ to | " + " | ".join(D) + " | supply |"
        rows = "\n".join(f"| {S[i]} | " + " | ".join(mc[i]) + f" | {fmt_num(supply[i])} |" for i in range(2))
        text = (f"Cost per {sing} shipped:\n\n{head}\n" + "|---" * (nd + 2) + f"|\n{rows}\n| demand | "
                + " | ".join(fmt_num(d) for d in demand) + " | |\n\n"
                "Demands must be met exactly and supplies not exceeded. " + asks[1])
    elif p == 2:
        text = (f"How cheaply can {_and([f'{fmt_num(demand[j])} {plur} to {D[j]}' for j in range(nd)])} be "
                f"delivered, if {S[0]} can send at most {fmt_num(supply[0])} and {S[1]} at most "
                f"{fmt_num(supply[1])}? Per {sing}, {S[0]} charges " + "/".join(mc[0])
                + f" and {S[1]} charges " + "/".join(mc[1]) + " for the destinations in that order. " + asks[2])
    elif p == 3:
        text = (f"A logistics planner must supply {_and(D)}. Requirements: "
                + ", ".join(f"{D[j]} {fmt_num(demand[j])}" for j in range(nd))
                + f" {plur}. Sources: {S[0]} (up to {fmt_num(supply[0])}) and {S[1]} (up to "
                f"{fmt_num(supply[1])}). Unit costs: "
                + "; ".join(f"{S[i]}→{D[j]} {mc[i][j]}" for i in range(2) for j in range(nd))
                + ". Set up the transportation problem as a linear program and " + asks[3])
    elif p == 4:
        text = ("Minimize shipping costs. " + " ".join(
            f"Sending a {sing} from {S[i]} to " + _and([f"{D[j]} costs {mc[i][j]}" if j == 0 else f"{D[j]} {mc[i][j]}"
                                                       for j in range(nd)]) + "." for i in range(2))
                + f" The stocks are {fmt_num(supply[0])} at {S[0]} and {fmt_num(supply[1])} at {S[1]}, and the "
                f"orders are " + _and([f"{fmt_num(demand[j])} for {D[j]}" for j in range(nd)])
                + ". " + asks[4])
    else:
        text = ("Every order must be filled: " + _and([f"{D[j]} wants {fmt_num(demand[j])} {plur}" for j in range(nd)])
                + f". Stock sits at {S[0]} ({fmt_num(supply[0])}) and {S[1]} ({fmt_num(supply[1])}). Moving one "
                f"{sing} along each route costs: "
                + ", ".join(f"{S[i]} to {D[j]} {mc[i][j]}" for i in range(2) for j in range(nd))
                + ". " + asks[5])
    text = _insert(text, aside)
    ones = [[1 if k // nd == i else 0 for k in range(2 * nd)] for i in range(2)]
    eq = [[1 if k % nd == j else 0 for k in range(2 * nd)] for j in range(nd)]
    flat = [x for row in cost for x in row]
    # A route with a limit ("at most 35 tonnes a day can be hauled from South to B", a closed road:
    # none) and the amount one route carries in the cheapest plan, as written problems ask (drawn
    # last: the other draws keep their numbers). The limit cuts a route the cheapest plan uses.
    limited, closed, ask_route = rng.random() < 0.4, rng.random() < 0.3, rng.random() < 0.35
    wording, asked = rng.random(), rng.randrange(2 * nd)
    bounds: list = [(0, None)] * (2 * nd)
    cap, lim = None, None
    if limited:
        x = _vertex(flat, ones, supply, bounds, eq, demand)
        used = [k for k in range(2 * nd) if x and x[k] > 0]
        if used:
            lim = used[int(wording * len(used))]
            cap = 0 if closed else max(5, int(x[lim] * (0.3 + 0.5 * wording) / 5) * 5)
            if cap >= x[lim]:
                cap = None
    if cap is not None:
        bounds = [(0, cap) if k == lim else (0, None) for k in range(2 * nd)]
    best = _vertex(flat, ones, supply, bounds, eq, demand)
    if best is None and cap is not None:  # the limit leaves no plan (or two cheapest): none
        cap, bounds = None, [(0, None)] * (2 * nd)
        best = _vertex(flat, ones, supply, bounds, eq, demand)
    ask_route = ask_route and best is not None
    if ask_route and cap is not None and asked == lim:  # not the limited route: its limit would answer
        asked = (asked + 1) % (2 * nd)
    if cap is not None:
        (si, sn), (di, dn) = src[lim // nd], dst[lim % nd]
        say = ([f"The road from {sn} to {dn} is closed, so {sn} cannot deliver to {dn} at all.",
                f"No {plur} can go from {sn} to {dn}: that route is closed.",
                f"{_cap(sn)} cannot supply {dn} (the route is closed)."] if cap == 0 else
               [f"At most {fmt_num(cap)} {plur} can go from {sn} to {dn}.",
                f"Because of a weight limit, no more than {fmt_num(cap)} {plur} can travel from {sn} to {dn}.",
                f"The route from {sn} to {dn} can carry at most {fmt_num(cap)} {plur}."])
        limit_text = say[int(wording * 3)]
    if ask_route:
        (_, an), (_, bn) = src[asked // nd], dst[asked % nd]
        route_q = f"how many {plur} go from {an} to {bn} in the cheapest plan"
        # the question of each phrasing asks the route instead of the cost
        route_ends = {0: f"Meeting every demand, {route_q}?", 1: f"Find {route_q}.",
                      2: f"Give {route_q} (fractional shipments allowed).", 3: f"report {route_q}.",
                      4: f"In the optimal plan, {route_q.replace(' in the cheapest plan', '')}?",
                      5: f"Determine {route_q}."}
        text = text.replace(asks[p], route_ends[p])
        if p == 2:
            text = (text.replace("How cheaply can", "Suppose", 1).replace(" be delivered, if", " are to be delivered, and", 1)
                    .replace("?", ".", 1))
    if cap is not None:  # before the question
        q = max(text.rfind(". "), text.rfind(".\n\n")) + 1
        text = (text[:q] + " " + limit_text + text[q:]) if q > 0 else text + " " + limit_text
    params = [_p(f"supply_{s[0]}", supply[i], f"{plur} available at {s[1]}", "units") for i, s in enumerate(src)]
    params += [_p(f"demand_{d[0]}", demand[j], f"{plur} required by {d[1]}", "units") for j, d in enumerate(dst)]
    params += [_p(f"cost_{s[0]}_{d[0]}", cost[i][j], f"cost per {sing} from {s[1]} to {d[1]}", f"{cu}/unit")
               for i, s in enumerate(src) for j, d in enumerate(dst)]
    var = [f"{s[0]}->{d[0]}" for s in src for d in dst]
    bound = "bounds=[(0, None)] * len(c)"
    if cap is not None:
        params.append(_p(f"limit_{si}_{di}", cap, f"most {plur} from {sn} to {dn}" + (" (route closed)" if cap == 0 else ""),
                         "units"))
        bound = "bounds=bounds"
    model = [
        "c = [" + ", ".join(f"cost_{s[0]}_{d[0]}" for s in src for d in dst) + f"]  # order: {', '.join(var)}",
        f"A_ub = {ones}  # supply limits",
        "b_ub = [" + ", ".join(f"supply_{s[0]}" for s in src) + "]",
        f"A_eq = {eq}  # demands met exactly",
        "b_eq = [" + ", ".join(f"demand_{d[0]}" for d in dst) + "]",
    ]
    if cap is not None:
        model.append("bounds = [" + ", ".join(f"(0, limit_{si}_{di})" if k == lim else "(0, None)" for k in range(2 * nd))
                     + f"]  # the {si}->{di} route is limited")
    model.append(f"res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, {bound})")
    model.append(f"answer = res.x[{asked}]  # {plur} from {var[asked].replace('->', ' to ')}" if ask_route
                 else "answer = res.fun  # minimum shipping cost")
    return text, _code(["from scipy.optimize import linprog"], params, model), ("units" if ask_route else cu)


def _vertex(c, A_ub, b_ub, bounds, A_eq=None, b_eq=None):
    """The optimum of a small LP when it is unique (a tilt of the costs leaves it in place),
    else None: a sample that asks how much of one item is made must have one answer."""
    from scipy.optimize import linprog  # only the generators of these families need it

    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds)
    if res.status != 0:
        return None
    for k in range(len(c)):
        tilt = [ci * (1 + (1e-4 if i == k else -1e-4)) for i, ci in enumerate(c)]
        other = linprog(tilt, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds)
        if other.status != 0 or max(abs(a - b) for a, b in zip(res.x, other.x)) > 1e-6:
            return None
    return [float(x) for x in res.x]


def _limit_bounds(n: int, k: int, kind: str, limit):
    """``linprog``'s bounds for ``n`` items with a sales limit (``kind`` "max") or a contract
    minimum ("min") ``limit`` on item ``k``: a number to solve with, or a parameter's name to write."""
    return [((0, limit) if kind == "max" else (limit, None)) if i == k else (0, None) for i in range(n)]


@family("lp_production_limits", DOMAIN, 6, tags=("linprog", "lp"))
def lp_production_limits(rng: random.Random, p: int):
    """A production mix with a sales limit or a contract minimum on one product (the bounds of
    ``linprog``), asking for the largest profit or for how many of one product to make."""
    ctx = pick(rng, _PRODUCTION)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    res_ = ctx["resources"]
    period, adj = ctx["period"], _ADJ[ctx["period"]]
    for _ in range(400):  # draws until the limit matters and a count asked is a whole number
        n = pick(rng, [2, 2, 2, 3])
        prods = ctx["products"][:n]
        profit = [rng.randint(4, 30) * 5 for _ in prods]
        use = [[_step_draw(rng, r[5], r[6]) for _ in prods] for r in res_]
        plan = [rng.randint(10, 60) for _ in prods]
        cap = [int(round(sum(u * x for u, x in zip(row, plan)) * rng.uniform(0.8, 1.1))) for row in use]
        kind = pick(rng, ["max", "max", "min"])
        asked = pick(rng, [None, None] + list(range(n)))  # None: the profit; i: how many of product i
        free = _vertex([-v for v in profit], use, cap, [(0, None)] * n)
        if free is None:
            continue
        if kind == "max":
            k = max(range(n), key=lambda i: free[i])
            if free[k] < 4:
                continue
            limit = max(2, int(free[k] * rng.uniform(0.3, 0.8)))
        else:
            k = min(range(n), key=lambda i: free[i])
            most = min(c / row[k] for c, row in zip(cap, use))
            if most - free[k] < 6:
                continue
            limit = int(free[k] + (most - free[k]) * rng.uniform(0.2, 0.7)) + 1
        bounds = _limit_bounds(n, k, kind, limit)
        x = _vertex([-v for v in profit], use, cap, bounds)
        if x is None or abs(x[k] - limit) > 1e-6:
            continue
        if asked is not None:  # move the binding capacities to the nearest whole-number plan
            whole = [round(v) for v in x]
            cap = [int(round(sum(u * w for u, w in zip(row, whole)))) if c - sum(u * v for u, v in zip(row, x)) < 1e-6
                   else c for row, c in zip(use, cap)]
            x = _vertex([-v for v in profit], use, cap, bounds)
            if x is None or abs(x[k] - limit) > 1e-6:
                continue
        if asked is not None and (any(abs(v - round(v)) > 1e-6 for v in x) or x[asked] < 1
                                  or (asked == k and kind == "min")):
            continue
        break
    else:  # pragma: no cover - the draws above succeed within a few tries
        raise ValueError("no production plan with a binding limit")
    aside = _aside(rng, [f"The {ctx['place']} employs {rng.randint(5, 40)} people.",
                         f"It was founded in {rng.randint(1965, 2018)}.",
                         f"Last year its revenue was {money(rng.randint(200, 900) * 1000, cur, 0)}."])
    m = [money(v, cur, 0) for v in profit]
    pk = prods[k]

    def usage(i):
        return _and([f"{_qty(use[r][i], res_[r][2], res_[r][3])} of {res_[r][1]}" for r in range(len(res_))])

    caps = _and([f"{_qty(cap[r], res_[r][2], res_[r][3])} of {res_[r][1]}" for r in range(len(res_))])
    turn = rng.randrange(6) + p  # the limit's and the question's wording change with the phrasing
    if kind == "max":
        lim = [f"No more than {limit} {pk[2]} can be sold per {period}.",
               f"The market takes at most {limit} {pk[2]} a {period}.",
               f"Demand for {pk[2]} is limited to {limit} per {period}."][turn % 3]
    else:
        lim = [f"A contract requires at least {limit} {pk[2]} each {period}.",
               f"At least {limit} {pk[2]} must be made every {period} for a standing order.",
               f"A regular customer takes {limit} {pk[2]} a {period}, so at least that many are made."][turn % 3]
    if asked is None:
        ask = [f"What is the maximum {adj} profit?", f"How much profit can be made at most per {period}?"][turn % 2]
    else:
        ask = [f"How many {prods[asked][2]} should be made per {period} to maximize profit?",
               f"To maximize profit, how many {prods[asked][2]} should be produced each {period}?"][turn % 2]
    if p == 0:
        body = " ".join(f"Each {pr[1]} brings a profit of {m[i]} and needs {usage(i)}." for i, pr in enumerate(prods))
        text = f"{_cap(_a(ctx['place']))} makes {_and([pr[2] for pr in prods])}. {body} Each {period}, {caps} are available. {lim} {ask}"
    elif p == 1:
        rows = "\n".join(f"- {_cap(pr[2])}: profit {m[i]} per unit, {usage(i)} per unit" for i, pr in enumerate(prods))
        text = f"{ask}\n{rows}\nAvailable per {period}: {caps}.\n{lim}"
    elif p == 2:
        obj = " + ".join(f"{profit[i]}·x{i + 1}" for i in range(n))
        cons = _production_constraints(res_, use, cap, n)
        names = ", ".join(f"x{i + 1} = {pr[2]}" for i, pr in enumerate(prods))
        rel = "≤" if kind == "max" else "≥"
        text = (f"{_cap(_a(ctx['place']))} plans its production ({names} per {period}): maximize the profit {obj} "
                f"(in {cu}) subject to {cons}, x{k + 1} {rel} {limit} ({pk[2]}), and all variables non-negative. {ask}")
    elif p == 3:
        body = " ".join(f"A {pr[1]} takes {usage(i)} and earns me {m[i]}." for i, pr in enumerate(prods))
        text = f"I run {_a(ctx['place'])} and have {caps} each {period}. {body} {lim} {ask}"
    elif p == 4:
        text = _production_table(ctx, res_, prods, use, cap, m) + f"Quantities may be fractional. {lim} {ask}"
    else:
        details = _and([f"{pr[2]} ({m[i]} profit, {usage(i)} each)" for i, pr in enumerate(prods)])
        text = (f"{_cap(_a(ctx['place']))} can make {details}. It has {caps} per {period}, and everything it makes "
                f"is sold. {lim} {ask}")
    text = _insert(text, aside)
    params = _production_params(prods, res_, profit, use, cap, cu, period)
    bound = f"{kind}_{pk[0]}"
    params.append(_p(bound, limit, (f"most {pk[2]} that can be sold per {period}" if kind == "max"
                                    else f"least {pk[2]} that must be made per {period}"), f"units/{period}"))
    bnds = ", ".join(f"({lo}, {hi})" for lo, hi in _limit_bounds(n, k, kind, bound))
    model = [
        "c = [" + ", ".join(f"-profit_{pr[0]}" for pr in prods) + "]  # linprog minimizes, so negate profit",
        "A_ub = [" + ", ".join("[" + ", ".join(f"{rr[0]}_{pr[0]}" for pr in prods) + "]" for rr in res_) + "]",
        "b_ub = [" + ", ".join(f"{rr[0]}_available" for rr in res_) + "]",
        f"bounds = [{bnds}]  # the {'sales limit' if kind == 'max' else 'contract minimum'} on {pk[2]}",
        "res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=bounds)",
        "answer = -res.fun  # maximum profit" if asked is None
        else f"answer = res.x[{asked}]  # {prods[asked][2]} to make per {period}",
    ]
    units = cu if asked is None else prods[asked][2]
    return text, _code(["from scipy.optimize import linprog"], params, model), units


_BLENDS = [  # items: (key, name, price range per unit, range of each part's % in it)
    dict(what="feed", place="a poultry farm", unit=("kg", "kg"), batch=(500, 1000, 2000),
         items=[("maize", "maize", (16, 26), [(8, 10), (2, 3)]), ("soy", "soybean meal", (38, 55), [(42, 48), (5, 7)]),
                ("bran", "wheat bran", (14, 22), [(14, 17), (10, 12)]), ("fish", "fish meal", (60, 95), [(55, 65), (1, 2)])],
         parts=[("protein", "protein", "min"), ("fibre", "fibre", "max")]),
    dict(what="alloy", place="a foundry", unit=("kg", "kg"), batch=(200, 500, 1000),
         items=[("scrap_a", "scrap A", (4, 9), [(40, 60), (3, 8)]), ("scrap_b", "scrap B", (6, 12), [(60, 75), (2, 6)]),
                ("scrap_c", "scrap C", (9, 16), [(75, 90), (1, 4)]), ("ingot", "pure copper ingot", (18, 25), [(97, 99), (0, 1)])],
         parts=[("copper", "copper", "min"), ("lead", "lead", "max")]),
    dict(what="fertilizer", place="a garden centre", unit=("kg", "kg"), batch=(100, 500, 1000),
         items=[("urea", "urea mix", (5, 9), [(30, 46), (0, 4)]), ("bonemeal", "bone meal", (3, 7), [(2, 5), (12, 20)]),
                ("compost", "compost", (1, 3), [(1, 3), (1, 2)]), ("potash", "potash blend", (4, 8), [(5, 10), (5, 10)])],
         parts=[("nitrogen", "nitrogen", "min"), ("phosphate", "phosphate", "min")]),
    dict(what="fruit drink", place="a juice bar", unit=("litre", "litres"), batch=(200, 400, 1000),
         items=[("apple", "apple juice", (1, 3), [(10, 14), (9, 12)]), ("orange", "orange juice", (2, 4), [(12, 16), (8, 10)]),
                ("mango", "mango purée", (3, 6), [(25, 40), (13, 16)]), ("syrup", "grape concentrate", (1, 2), [(45, 65), (30, 45)])],
         parts=[("fruit", "fruit solids", "min"), ("sugar", "sugar", "max")]),
]


@family("lp_blend_fixed_total", DOMAIN, 6, tags=("linprog", "lp"))
def lp_blend_fixed_total(rng: random.Random, p: int):
    """A blend of a fixed total amount (an equality row) whose share of one part must reach a
    minimum and of another stay under a maximum or reach a minimum, asking for the least cost or
    for how much of one ingredient goes in."""
    ctx = pick(rng, _BLENDS)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    su, pl = ctx["unit"]
    for _ in range(400):  # draws until the shares matter and the cheapest blend is unique
        n = pick(rng, [2, 3, 3])
        items = rng.sample(ctx["items"], n)
        price = [round(rng.uniform(*it[2]) * 4) / 4 for it in items]
        pct = [[rng.randint(*it[3][k]) for it in items] for k in range(len(ctx["parts"]))]
        need = []
        for row, pt in zip(pct, ctx["parts"]):
            lo, hi = min(row), max(row)
            if hi - lo < 3:
                break
            need.append(rng.randint(lo + (hi - lo) // 4, hi - (hi - lo) // 4))
        if len(need) < 2:
            continue
        batch = pick(rng, ctx["batch"])
        sign = [-1 if pt[2] == "min" else 1 for pt in ctx["parts"]]
        A = [[sg * v for v in row] for sg, row in zip(sign, pct)]
        b = [sg * nd * batch for sg, nd in zip(sign, need)]
        x = _vertex(price, A, b, [(0, None)] * n, A_eq=[[1] * n], b_eq=[batch])
        cheapest = min(range(n), key=price.__getitem__)
        if x is None or all(xi < 1e-6 or i == cheapest for i, xi in enumerate(x)):
            continue  # infeasible, not unique, or the cheapest ingredient alone meets the shares
        asked = pick(rng, [None, None] + list(range(n)))
        if asked is not None and x[asked] < 1:
            asked = None
        break
    else:  # pragma: no cover
        raise ValueError("no blend whose shares bind")
    aside = _aside(rng, [f"{_cap(ctx['place'])} has run for {rng.randint(3, 30)} years.",
                         f"Deliveries arrive every {rng.randint(2, 9)} days.", "Storage space is not a concern."])
    names = [it[1] for it in items]
    m = [money(v, cur) for v in price]
    parts = ctx["parts"]

    def content(i):
        return _and([f"{pct[k][i]}% {pt[1]}" for k, pt in enumerate(parts)])

    def rule(k):
        return f"{'at least' if parts[k][2] == 'min' else 'at most'} {need[k]}% {parts[k][1]}"

    rules = _and([rule(k) for k in range(len(parts))])
    amount = f"{fmt_num(batch)} {pl}"
    turn = rng.randrange(2) + p
    if asked is None:
        ask = ["What is the lowest possible cost of the batch?", "What does the cheapest such blend cost?"][turn % 2]
    else:
        ask = [f"How many {pl} of {names[asked]} go into the cheapest blend?",
               f"In the cheapest mix, how much {names[asked]} is used (in {pl})?"][turn % 2]
    if p == 0:
        body = " ".join(f"{_cap(names[i])} costs {m[i]} per {su} and contains {content(i)}." for i in range(n))
        text = (f"{_cap(ctx['place'])} makes {ctx['what']} from {_and(names)}. {body} A batch of exactly {amount} "
                f"must contain {rules} (by {'weight' if su == 'kg' else 'volume'}). {ask}")
    elif p == 1:
        rows = "\n".join(f"- {names[i]}: {m[i]}/{su}, " + ", ".join(f"{pt[1]} {pct[k][i]}%" for k, pt in enumerate(parts))
                         for i in range(n))
        text = f"Blending problem: {amount} of {ctx['what']} with {rules}.\nIngredients:\n{rows}\n{ask}"
    elif p == 2:
        vars_ = ", ".join(f"x{i + 1} = {pl} of {names[i]}" for i in range(n))
        obj = " + ".join(f"{fmt_num(price[i])}·x{i + 1}" for i in range(n))
        tot = " + ".join(f"x{i + 1}" for i in range(n))
        cons = "; ".join(" + ".join(f"{pct[k][i]}·x{i + 1}" for i in range(n))
                         + f" {'≥' if pt[2] == 'min' else '≤'} {need[k]}·{fmt_num(batch)} ({pt[1]}, in %·{su})"
                         for k, pt in enumerate(parts))
        text = (f"For {ctx['place']} ({vars_}): minimize {obj} (in {cu}) subject to {tot} = {fmt_num(batch)}; {cons}; "
                f"x ≥ 0. {ask}")
    elif p == 3:
        text = (f"I need {amount} of {ctx['what']} with {rules}, as cheaply as possible. I can buy "
                + _and([f"{names[i]} at {m[i]} a {su} ({content(i)})" for i in range(n)]) + f". {ask}")
    elif p == 4:
        head = "| ingredient | price per " + su + " | " + " | ".join(f"{pt[1]} (%)" for pt in parts) + " |"
        rows = "\n".join(f"| {names[i]} | {m[i]} | " + " | ".join(str(pct[k][i]) for k in range(len(parts))) + " |"
                         for i in range(n))
        text = (f"{_cap(ctx['place'])} mixes {amount} of {ctx['what']}:\n\n{head}\n" + "|---" * (len(parts) + 2)
                + f"|\n{rows}\n\nThe mix must have {rules}. {ask}")
    else:
        text = (f"Exactly {amount} of {ctx['what']} are to be blended from {_and(names)}, whose "
                + "; ".join(f"{pt[1]} contents are " + ", ".join(f"{pct[k][i]}%" for i in range(n)) + " respectively"
                            for k, pt in enumerate(parts))
                + f". They cost " + ", ".join(m) + f" per {su}, in that order. The blend needs {rules}. {ask}")
    text = _insert(text, aside)
    keys = [it[0] for it in items]
    params = [_p(f"cost_{key}", price[i], f"price of {names[i]}", f"{cu}/{su}") for i, key in enumerate(keys)]
    for k, pt in enumerate(parts):
        params += [_p(f"{pt[0]}_{key}", pct[k][i], f"{pt[1]} in {names[i]}", "%") for i, key in enumerate(keys)]
    params += [_p(f"{pt[0]}_{pt[2]}", need[k], f"{'least' if pt[2] == 'min' else 'most'} {pt[1]} in the blend", "%")
               for k, pt in enumerate(parts)]
    params.append(_p("batch", batch, f"{ctx['what']} to make", su))
    rows_ = ", ".join("[" + ", ".join(f"{'-' if pt[2] == 'min' else ''}{pt[0]}_{key}" for key in keys) + "]" for pt in parts)
    rhs = ", ".join(f"{'-' if pt[2] == 'min' else ''}{pt[0]}_{pt[2]} * batch" for pt in parts)
    model = [
        "c = [" + ", ".join(f"cost_{key}" for key in keys) + "]",
        f"A_ub = [{rows_}]" + ("  # '>=' rows negated" if any(pt[2] == "min" for pt in parts) else ""),
        f"b_ub = [{rhs}]",
        f"A_eq = [[{', '.join(['1'] * n)}]]  # the batch is made exactly",
        "b_eq = [batch]",
        f"res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=[(0, None)] * {n})",
        "answer = res.fun  # minimum cost of the batch" if asked is None
        else f"answer = res.x[{asked}]  # {pl} of {names[asked]} in the cheapest blend",
    ]
    units = cu if asked is None else su
    return text, _code(["from scipy.optimize import linprog"], params, model), units


def _whole_optimum(profit, use, cap):
    """The best whole-number plan of a small production program and whether it is the only one
    (by enumeration: two products of at most a few hundred each); None when there is none."""
    hi = [min(int(c // row[i]) for row, c in zip(use, cap) if row[i] > 0) for i in range(len(profit))]
    best, plans = None, []
    for x in range(hi[0] + 1):
        for y in range(hi[1] + 1):
            if all(row[0] * x + row[1] * y <= c + 1e-9 for row, c in zip(use, cap)):
                v = round(profit[0] * x + profit[1] * y, 6)
                if best is None or v > best:
                    best, plans = v, [(x, y)]
                elif v == best:
                    plans.append((x, y))
    return None if best is None else (best, plans)


@family("ilp_production_whole", DOMAIN, 6, tags=("linprog", "integer"))
def ilp_production_whole(rng: random.Random, p: int):
    """A production mix of two products made only in whole items, under two resources and often
    a limit on the number of items (a kiln's load, a van's): ``linprog`` with ``integrality``, where
    the fractional optimum would earn more; asks the largest profit or how many of one product.
    (A family of the retrieval bank; the adapter never trained on it.)"""
    from scipy.optimize import linprog  # only the generator needs it here

    ctx = pick(rng, _PRODUCTION)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    res_ = ctx["resources"]
    period, adj = ctx["period"], _ADJ[ctx["period"]]
    prods = ctx["products"][:2]
    for _ in range(400):  # draws until whole items earn less than fractions and the plan is unique
        cents = rng.random() < 0.5
        profit = [round(rng.randint(20, 150) * 0.1, 2) if cents else rng.randint(4, 30) * 5 for _ in prods]
        use = [[_step_draw(rng, r[5], r[6]) for _ in prods] for r in res_]
        plan = [rng.randint(10, 60) for _ in prods]
        cap = [int(round(sum(u * x for u, x in zip(row, plan)) * rng.uniform(0.85, 1.1)) + rng.randint(0, 3))
               for row in use]
        limit = rng.random() < 0.5
        rows, caps = [list(r) for r in use], list(cap)
        if limit:
            rows.append([1, 1])
            caps.append(int(sum(plan) * rng.uniform(0.8, 1.0)))
        relaxed = linprog([-v for v in profit], A_ub=rows, b_ub=caps, bounds=[(0, None)] * 2)
        whole = _whole_optimum(profit, rows, caps)
        if relaxed.status != 0 or whole is None or len(whole[1]) != 1:
            continue
        if -relaxed.fun - whole[0] < 0.01 or min(whole[1][0]) < 1:
            continue
        break
    else:  # pragma: no cover - the draws above succeed within a few tries
        raise ValueError("no whole-number production plan")
    asked = pick(rng, [None, None, 0, 1])  # None: the profit; i: how many of product i
    aside = _aside(rng, [f"The {ctx['place']} employs {rng.randint(5, 40)} people.",
                         f"It was founded in {rng.randint(1965, 2018)}.",
                         f"Last year its revenue was {money(rng.randint(200, 900) * 1000, cur, 0)}."])
    m = [money(v, cur, 2 if cents else 0) for v in profit]

    def usage(i):
        return _and([f"{_qty(use[r][i], res_[r][2], res_[r][3])} of {res_[r][1]}" for r in range(len(res_))])

    have = _and([f"{_qty(cap[r], res_[r][2], res_[r][3])} of {res_[r][1]}" for r in range(len(res_))])
    most = caps[-1] if limit else None
    turn = rng.randrange(6) + p
    lim = ([f"At most {most} items in all fit in the storeroom each {period}.",
            f"The delivery van takes no more than {most} items a {period} in total.",
            f"No more than {most} items in total can be packed each {period}."][turn % 3] if limit else "")
    whole_s = ["Only whole items can be made.", f"Only complete {prods[0][2]} and {prods[1][2]} can be sold.",
               "Everything is made in whole units."][turn % 3]
    if asked is None:
        ask = [f"What is the largest possible {adj} profit?", f"How much profit can be made at most per {period}?"][turn % 2]
    else:
        ask = [f"How many {prods[asked][2]} should be made per {period} to earn the largest profit?",
               f"To maximize profit, how many {prods[asked][2]} should be produced each {period}?"][turn % 2]
    if p == 0:
        body = " ".join(f"Each {pr[1]} earns a profit of {m[i]} and uses {usage(i)}." for i, pr in enumerate(prods))
        text = f"{_cap(_a(ctx['place']))} makes {prods[0][2]} and {prods[1][2]}. {body} Each {period}, {have} are available. {lim} {whole_s} {ask}"
    elif p == 1:
        rows_t = "\n".join(f"- {_cap(pr[2])}: profit {m[i]} per unit, {usage(i)} per unit" for i, pr in enumerate(prods))
        text = f"{ask}\n{rows_t}\nAvailable per {period}: {have}.\n{(lim + ' ') if lim else ''}{whole_s}"
    elif p == 2:
        obj = " + ".join(f"{fmt_num(profit[i])}·x{i + 1}" for i in range(2))
        cons = _production_constraints(res_, use, cap, 2)
        if limit:
            cons += f"; x1 + x2 ≤ {most} (items)"
        names = ", ".join(f"x{i + 1} = {pr[2]}" for i, pr in enumerate(prods))
        text = (f"{_cap(_a(ctx['place']))} plans its production ({names} per {period}): maximize the profit {obj} "
                f"(in {cu}) subject to {cons}, with x1 and x2 non-negative whole numbers. {ask}")
    elif p == 3:
        body = " ".join(f"A {pr[1]} takes {usage(i)} and earns me {m[i]}." for i, pr in enumerate(prods))
        text = f"I run {_a(ctx['place'])} and have {have} each {period}. {body} {lim} I can only make whole items. {ask}"
    elif p == 4:
        text = (_production_table(ctx, res_, prods, use, cap, m)
                + f"{(lim + ' ') if lim else ''}Quantities must be whole numbers. {ask}")
    else:
        details = _and([f"{pr[2]} ({m[i]} profit, {usage(i)} each)" for i, pr in enumerate(prods)])
        text = (f"{_cap(_a(ctx['place']))} can make {details}. It has {have} per {period}, and sells everything "
                f"it makes. {lim} {whole_s} {ask}")
    text = _insert(text.replace("  ", " "), aside)  # (an empty limit leaves two spaces)
    params = _production_params(prods, res_, profit, use, cap, cu, period)
    if limit:
        params.append(_p("max_items", most, f"most items in all per {period}", "units"))
    model = [
        "c = [" + ", ".join(f"-profit_{pr[0]}" for pr in prods) + "]  # linprog minimizes, so negate profit",
        "A_ub = [" + ", ".join("[" + ", ".join(f"{rr[0]}_{pr[0]}" for pr in prods) + "]" for rr in res_)
        + (", [1, 1]" if limit else "") + "]",
        "b_ub = [" + ", ".join(f"{rr[0]}_available" for rr in res_) + (", max_items" if limit else "") + "]",
        "res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, None)] * 2, integrality=[1, 1])  # whole items only",
        ("answer = -res.fun  # maximum profit" if asked is None
         else f"answer = round(res.x[{asked}])  # {prods[asked][2]} to make per {period}"),
    ]
    return text, _code(["from scipy.optimize import linprog"], params, model), (cu if asked is None else "units")


@family("lp_investment", DOMAIN, 6, held_out=True, tags=("linprog", "lp"))
def lp_investment(rng: random.Random, p: int):
    name = pick(rng, NAMES)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur]
    total = rng.randint(10, 200) * 1000
    r_s = round(rng.uniform(5.5, 9.5), 1)
    r_b = round(rng.uniform(3.0, 5.0), 1)
    r_v = round(rng.uniform(0.5, 2.5), 1)
    max_share = rng.choice([20, 25, 30, 35, 40, 50])
    min_sav = rng.randint(1, 4) * total // 20
    aside = _aside(rng, [f"{name} is {rng.randint(25, 60)} years old.",
                         f"The bank's branch is {rng.randint(2, 15)} km away.",
                         f"{name} also owns a car worth {money(rng.randint(5, 30) * 1000, cur, 0)}."])
    T, ms = money(total, cur, 0), money(min_sav, cur, 0)
    if p == 0:
        text = (f"{name} wants to invest {T} in stocks (expected return {r_s}% a year), bonds ({r_b}%) and a "
                f"savings account ({r_v}%). At most {max_share}% of the total may go into stocks, the amount "
                f"in bonds must be at least the amount in stocks, and at least {ms} must stay in savings. "
                f"What is the largest expected return after one year?")
    elif p == 1:
        text = (f"Maximize the expected annual return on {T} split among three options: stocks {r_s}%, bonds "
                f"{r_b}%, savings {r_v}%. Rules: stocks ≤ {max_share}% of the total; bonds ≥ stocks; savings ≥ "
                f"{ms}; everything is invested. Give the optimal return in money.")
    elif p == 2:
        text = (f"How much money can {name} expect to earn in a year with the best split of {T}? The portfolio "
                f"rules say: no more than {max_share}% in stocks, never less in bonds than in stocks, and a "
                f"cushion of {ms} or more in savings. Stocks are expected to return {r_s}%, bonds {r_b}% and "
                f"savings {r_v}% per year.")
    elif p == 3:
        text = (f"Investment options for {T}:\n- stocks: {r_s}% per year (at most {max_share}% of the money)\n"
                f"- bonds: {r_b}% per year (at least as much as in stocks)\n- savings: {r_v}% per year (at "
                f"least {ms})\nAll of the money is invested. Find the maximum expected yearly return.")
    elif p == 4:
        text = (f"An advisor tells {name} to keep at least {ms} in savings earning {r_v}%, to put at most "
                f"{max_share}% of the {T} into stocks earning {r_s}%, and to hold at least as much in bonds "
                f"(earning {r_b}%) as in stocks. Following that advice, what is the highest possible return "
                f"over one year?")
    else:
        text = (f"With returns of {r_s}% for stocks, {r_b}% for bonds and {r_v}% for savings, a portfolio of {T} "
                f"is to be built. The stock part cannot exceed {max_share}% of the whole, the bond part cannot "
                f"be smaller than the stock part, and savings need {ms} at minimum. Compute the maximal "
                f"expected one-year return.")
    text = _insert(text, aside)
    params = [_p("total", total, "amount to invest", cu),
              _p("rate_stocks", r_s, "expected annual return of stocks", "%/year"),
              _p("rate_bonds", r_b, "expected annual return of bonds", "%/year"),
              _p("rate_savings", r_v, "annual interest of the savings account", "%/year"),
              _p("max_stock_share", max_share, "largest share of the total in stocks", "%"),
              _p("min_savings", min_sav, "minimum kept in savings", cu)]
    model = [
        "c = [-rate_stocks / 100, -rate_bonds / 100, -rate_savings / 100]  # stocks, bonds, savings",
        "A_ub = [[1, 0, 0], [1, -1, 0]]  # stock cap; stocks <= bonds",
        "b_ub = [max_stock_share / 100 * total, 0]",
        "bounds = [(0, None), (0, None), (min_savings, None)]",
        "res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=[[1, 1, 1]], b_eq=[total], bounds=bounds)",
        "answer = -res.fun  # maximum expected return after one year",
    ]
    return text, _code(["from scipy.optimize import linprog"], params, model), cu


# ---- integer programs ------------------------------------------------------------------------

_SHIFTS = [
    dict(place="hospital ward", staff=("nurse", "nurses"), n=6, shift=2, unit="4-hour block",
         labels=["00-04", "04-08", "08-12", "12-16", "16-20", "20-24"], shiftdesc="an 8-hour shift (two consecutive blocks)",
         need=(2, 12)),
    dict(place="post office", staff=("clerk", "clerks"), n=7, shift=5, unit="day",
         labels=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
         shiftdesc="five consecutive days followed by two days off", need=(3, 18)),
    dict(place="call centre", staff=("agent", "agents"), n=6, shift=2, unit="4-hour block",
         labels=["midnight-4am", "4am-8am", "8am-noon", "noon-4pm", "4pm-8pm", "8pm-midnight"],
         shiftdesc="an 8-hour shift covering two consecutive blocks", need=(3, 25)),
]


@family("milp_staffing", DOMAIN, 6, tags=("milp", "integer"))
def milp_staffing(rng: random.Random, p: int):
    ctx = pick(rng, _SHIFTS)
    n = ctx["n"]
    need = [rng.randint(*ctx["need"]) for _ in range(n)]
    sing, plur = ctx["staff"]
    aside = _aside(rng, [f"The {ctx['place']} opened {rng.randint(3, 40)} years ago.",
                         f"Each {sing} earns {money(rng.randint(18, 45), pick(rng, CURRENCIES))} per hour.",
                         f"The manager, {pick(rng, NAMES)}, is not counted."])
    lab = ctx["labels"]
    needs = ", ".join(f"{lab[i]}: {need[i]}" for i in range(n))
    cyc = "The schedule repeats, so a shift may wrap around from the last period to the first."
    if p == 0:
        text = (f"A {ctx['place']} needs at least the following number of {plur} on duty in each {ctx['unit']}: "
                f"{needs}. Every {sing} works {ctx['shiftdesc']}. {cyc} What is the smallest number of {plur} "
                f"that must be employed?")
    elif p == 1:
        text = (f"How few {plur} can cover the {ctx['place']}? Staffing minimums per {ctx['unit']} are {needs}. "
                f"Each person works {ctx['shiftdesc']}, starting in any period, and the cycle wraps around. "
                f"Workers are whole people; give the minimum head count.")
    elif p == 2:
        rows = "\n".join(f"| {lab[i]} | {need[i]} |" for i in range(n))
        text = (f"| period | {plur} required |\n|---|---|\n{rows}\n\nThe table lists the staffing needs of a "
                f"{ctx['place']}. With each {sing} working {ctx['shiftdesc']} (cyclic schedule) and integer numbers of {plur} per "
                f"starting period, minimize the total number of {plur}.")
    elif p == 3:
        text = (f"Let x_i be the number of {plur} whose shift starts in period i at a {ctx['place']}; each of them "
                f"works {ctx['shiftdesc']}. Coverage in every period must reach {needs}. {cyc} Solve the integer "
                f"program that minimizes the sum of the x_i and state the optimal total.")
    elif p == 4:
        text = (f"{pick(rng, NAMES)} manages a {ctx['place']} and has to draw up a rota. In every "
                f"{ctx['unit']} enough {plur} must be present ({needs}). A rota assigns each {sing} to "
                f"{ctx['shiftdesc']}; schedules repeat cyclically. What is the minimum number of {plur} to hire?")
    else:
        text = (f"Each working {ctx['shiftdesc']}, the {plur} of a {ctx['place']} have to provide coverage of at least "
                f"{needs}, period by period, in a repeating cycle. Find the least number of whole {plur} "
                f"that achieves this.")
    text = _insert(text, aside)
    params = [_p(f"need_{i + 1}", need[i], f"{plur} required in period {i + 1} ({lab[i]})", "workers") for i in range(n)]
    params.append(_p("shift_periods", ctx["shift"], "consecutive periods in one shift", "1"))
    model = [
        "need = np.array([" + ", ".join(f"need_{i + 1}" for i in range(n)) + "])",
        "n = len(need)",
        "# cover[p, s] = 1 when a shift starting in period s is on duty in period p (cyclic)",
        "cover = np.array([[1 if (p - s) % n < shift_periods else 0 for s in range(n)] for p in range(n)])",
        "res = milp(c=np.ones(n), constraints=LinearConstraint(cover, lb=need), integrality=np.ones(n))",
        f"answer = res.fun  # minimum number of {plur}",
    ]
    imports = ["import numpy as np", "from scipy.optimize import LinearConstraint, milp"]
    return text, _code(imports, params, model), "workers"


_KNAP = [
    dict(who="A company", pool="capital budget", items="projects", item="project", value="net present value",
         cword="cost", verb="costs", use="would use",
         vshort="npv", names=["solar roof", "new website", "warehouse robot", "staff training", "delivery van",
                              "software upgrade"], cost=(10, 60), val=(15, 90), scale=1000, money=True),
    dict(who="A hiker", pool="weight limit", items="items", item="item", value="usefulness points",
         cword="weight", verb="weighs", use="would add",
         vshort="points", names=["tent", "stove", "camera", "water filter", "book", "first-aid kit"],
         cost=(1, 9), val=(3, 20), scale=0.5, money=False),
    dict(who="A school", pool="grant", items="purchases", item="purchase", value="benefit score",
         cword="cost", verb="costs", use="would use",
         vshort="benefit", names=["laptops", "lab kit", "library books", "3D printer", "sports gear", "piano"],
         cost=(2, 15), val=(5, 40), scale=500, money=True),
]


@family("milp_knapsack", DOMAIN, 6, tags=("milp", "integer"))
def milp_knapsack(rng: random.Random, p: int):
    ctx = pick(rng, _KNAP)
    cur = pick(rng, CURRENCIES)
    cu = _CUR_UNIT[cur] if ctx["money"] else "kg"
    k = pick(rng, [4, 5])
    names = rng.sample(ctx["names"], k)
    cost = [rng.randint(*ctx["cost"]) * ctx["scale"] for _ in names]
    cost = [int(c) if float(c).is_integer() else c for c in cost]
    val = [rng.randint(*ctx["val"]) for _ in names]
    if ctx["money"]:
        val = [v * 1000 if ctx["vshort"] == "npv" else v for v in val]
    cap = sum(cost) * rng.uniform(0.4, 0.65)
    cap = int(round(cap / ctx["scale"]) * ctx["scale"]) if ctx["scale"] >= 1 else round(cap * 2) / 2
    aside = _aside(rng, [f"The decision is due in {rng.randint(2, 8)} weeks.",
                         f"Last year {rng.randint(2, 5)} similar choices were made.",
                         f"{pick(rng, NAMES)} suggested the list."])

    def c_(x):
        return money(x, cur, 0) if ctx["money"] else f"{fmt_num(x)} kg"

    def v_(x):
        return money(x, cur, 0) if ctx["vshort"] == "npv" else f"{fmt_num(x)} points"

    lst = "; ".join(f"{names[i]}: {c_(cost[i])}, {v_(val[i])}" for i in range(k))
    capw = c_(cap)
    if p == 0:
        text = (f"{ctx['who']} can choose among {k} {ctx['items']} with a {ctx['pool']} of {capw}. Each "
                f"{ctx['item']} is either taken whole or not at all ({lst}, listed as {ctx['cword']} then "
                f"{ctx['value']}). Which selection maximizes the total {ctx['value']}? Report that maximum.")
    elif p == 1:
        rows = "\n".join(f"| {names[i]} | {c_(cost[i])} | {v_(val[i])} |" for i in range(k))
        text = (f"| {ctx['item']} | {ctx['cword']} | {ctx['value']} |\n|---|---|---|\n{rows}\n\n"
                f"{ctx['who']} may pick any subset as long as the total {ctx['cword']} stays within {capw}. What is the "
                f"highest total {ctx['value']} it can obtain?")
    elif p == 2:
        text = (f"What is the best total {ctx['value']} achievable when the {ctx['items']} chosen must fit in "
                f"{capw}? Options (yes/no each): " + ", ".join(f"{names[i]} ({c_(cost[i])} → {v_(val[i])})" for i in range(k))
                + ".")
    elif p == 3:
        text = (f"Solve this 0-1 knapsack problem. Capacity: {capw}. Items (weight or cost, value): "
                + "; ".join(f"{names[i]} ({c_(cost[i])}, {fmt_num(val[i])})" for i in range(k))
                + f". Maximize the total value, here the {ctx['value']}, and give the optimum.")
    elif p == 4:
        text = (f"{ctx['who']} has only {capw} available. "
                + " ".join(f"The {names[i]} {ctx['use']} {c_(cost[i])} and is worth {v_(val[i])}." for i in range(k))
                + f" Nothing can be split. Find the largest total {ctx['value']} possible.")
    else:
        text = ("Picking from " + _and([f"{names[i]} ({v_(val[i])}, {ctx['verb']} {c_(cost[i])})" for i in range(k)])
                + f", and never going over {capw}, how much {ctx['value']} can {ctx['who'].lower()} "
                f"collect at best? Each option is all-or-nothing.")
    text = _insert(text, aside)
    keys = ["printer_3d" if n.startswith("3D") else n.replace(" ", "_").replace("-", "_") for n in names]
    vunit = cu if ctx["vshort"] == "npv" else "points"
    params = [_p(f"cost_{keys[i]}", cost[i], f"{ctx['cword']} of the {names[i]}", cu) for i in range(k)]
    params += [_p(f"{ctx['vshort']}_{keys[i]}", val[i], f"{ctx['value']} of the {names[i]}", vunit) for i in range(k)]
    params.append(_p("capacity", cap, ctx["pool"], cu))
    model = [
        "cost = np.array([" + ", ".join(f"cost_{kk}" for kk in keys) + "])",
        "value = np.array([" + ", ".join(f"{ctx['vshort']}_{kk}" for kk in keys) + "])",
        "res = milp(c=-value, constraints=LinearConstraint([cost], ub=capacity),",
        "           integrality=np.ones(len(cost)), bounds=Bounds(0, 1))  # take each item or not",
        f"answer = -res.fun  # maximum total {ctx['value']}",
    ]
    imports = ["import numpy as np", "from scipy.optimize import Bounds, LinearConstraint, milp"]
    return text, _code(imports, params, model), vunit


_CUT = [
    dict(stock=("steel rod", "steel rods"), unit="m", piece="piece", lengths=(1.5, 4.5), L=(6, 12)),
    dict(stock=("wooden plank", "wooden planks"), unit="cm", piece="board", lengths=(40, 150), L=(240, 360)),
    dict(stock=("roll of paper", "rolls of paper"), unit="cm", piece="strip", lengths=(20, 90), L=(150, 250)),
]


@family("milp_cutting", DOMAIN, 6, tags=("milp", "integer"))
def milp_cutting(rng: random.Random, p: int):
    ctx = pick(rng, _CUT)
    u = ctx["unit"]
    if u == "m":
        L = rng.randint(*ctx["L"])
        la = round(rng.randint(6, 18) * 0.25, 2)
        lb = round(rng.randint(6, 18) * 0.25, 2)
    else:
        L = rng.randint(ctx["L"][0] // 10, ctx["L"][1] // 10) * 10
        la = rng.randint(ctx["lengths"][0] // 5, ctx["lengths"][1] // 5) * 5
        lb = rng.randint(ctx["lengths"][0] // 5, ctx["lengths"][1] // 5) * 5
    if la == lb:
        lb = lb + (0.5 if u == "m" else 10)
    na, nb = rng.randint(5, 30), rng.randint(5, 30)
    s, pl = ctx["stock"]
    pc = ctx["piece"]
    aside = _aside(rng, [f"The saw blade was replaced {rng.randint(2, 10)} days ago.",
                         f"Offcuts are recycled at {rng.randint(5, 30)} cents per kg.",
                         f"The order came from {pick(rng, NAMES)}'s workshop."])
    A = f"{fmt_num(la)} {u}"
    B = f"{fmt_num(lb)} {u}"
    Ls = f"{fmt_num(L)} {u}"
    if p == 0:
        text = (f"{pick(rng, NAMES)} needs {na} {pc}s of length {A} and {nb} {pc}s of length {B}, all cut from "
                f"{pl} that are {Ls} long. What is the smallest number of {pl} needed? (Leftover pieces are "
                f"waste; cuts have no width.)")
    elif p == 1:
        text = (f"How many {Ls} {pl} must be bought, at least, to cut {na} {pc}s of {A} and {nb} {pc}s of "
                f"{B}? Each {s} can be cut into any combination of the two lengths that fits.")
    elif p == 2:
        text = (f"Cutting-stock problem: stock length {Ls}; demand {na} × {A} and {nb} × {B}. Enumerate the "
                f"cutting patterns, solve the integer program that minimizes the number of stock pieces used, "
                f"and give that number.")
    elif p == 3:
        text = (f"A workshop stocks {pl} of {Ls}. An order calls for {pc}s: {na} at {A} and {nb} at {B}. "
                f"Minimizing waste here means minimizing the number of {pl} cut up. What is that minimum?")
    elif p == 4:
        text = (f"Order list: {A} {pc}s ×{na}, {B} {pc}s ×{nb}. Raw material: {pl}, each {Ls}. Using whole "
                f"{pl} only, determine the fewest that can supply the order.")
    else:
        text = (f"From {pl} measuring {Ls} apiece, {na + nb} {pc}s have to be cut: {na} measuring {A} and the "
                f"other {nb} measuring {B}. Determine the least number of {pl} to use.")
    text = _insert(text, aside)
    params = [_p("stock_length", L, f"length of one {s}", u),
              _p("len_a", la, f"length of the first {pc} type", u),
              _p("len_b", lb, f"length of the second {pc} type", u),
              _p("need_a", na, f"{pc}s of the first type required", "pieces"),
              _p("need_b", nb, f"{pc}s of the second type required", "pieces")]
    model = [
        "# every cutting pattern (i pieces of a, j pieces of b) that fits in one stock piece",
        "patterns = [(i, j) for i in range(int(stock_length // len_a) + 1)",
        "            for j in range(int(stock_length // len_b) + 1) if 0 < i * len_a + j * len_b <= stock_length]",
        "A = np.array(patterns).T",
        "res = milp(c=np.ones(len(patterns)), constraints=LinearConstraint(A, lb=[need_a, need_b]),",
        "           integrality=np.ones(len(patterns)))",
        f"answer = res.fun  # minimum number of {pl}",
    ]
    imports = ["import numpy as np", "from scipy.optimize import LinearConstraint, milp"]
    return text, _code(imports, params, model), pl


# ---- calculus optimization ------------------------------------------------------------------

@family("calc_opt_fence", DOMAIN, 6, tags=("sympy", "calculus"))
def calc_opt_fence(rng: random.Random, p: int):
    name = pick(rng, NAMES)
    u = pick(rng, ["m", "m", "ft"])
    F = rng.randint(8, 80) * (10 if u == "ft" else 5)
    pens = pick(rng, [1, 1, 2, 3])
    what, wall, side = pick(rng, [("garden", "a wall of the house", "wall"), ("chicken run", "a barn wall", "wall"),
                                  ("play area", "the school building", "building"),
                                  ("paddock", "a straight river bank", "river")])
    the_wall = "the " + wall.split(" ", 1)[1] if wall.startswith("a ") else wall
    ask = pick(rng, ["area", "width"])
    aside = _aside(rng, [f"The fencing was bought for {money(rng.randint(80, 600), pick(rng, CURRENCIES))}.",
                         f"The posts are set {rng.randint(2, 4)} {u} apart.",
                         f"{name} plans to finish in {rng.randint(2, 6)} days."])
    Fs = f"{fmt_num(F)} {u}"
    div = "" if pens == 1 else (f", and {pens - 1} internal fence{'s' if pens > 2 else ''} perpendicular to the "
                                f"{side} split{'' if pens > 2 else 's'} it into {pens} equal pens")
    q = {"area": f"the largest possible area in square {'metres' if u == 'm' else 'feet'}",
         "width": f"the length of each side perpendicular to the {side} that maximizes the area"}[ask]
    if p == 0:
        text = (f"{name} has {Fs} of fencing to build a rectangular {what} against {wall}{div}. No fence "
                f"is needed along {the_wall}. Find {q}.")
    elif p == 1:
        text = (f"What is {q}? A rectangular {what} uses {wall} as one side, so fencing is needed only on "
                f"the other three sides{div}; {Fs} of fence is available.")
    elif p == 2:
        text = (f"A rectangle has one side along {wall} and its remaining sides made of fence{div}. The total "
                f"fence length is {Fs}. Using calculus, compute {q}.")
    elif p == 3:
        text = (f"With only {Fs} of fencing, how should {name} lay out a {what} that backs onto {wall}{div}? "
                f"Report {q}.")
    elif p == 4:
        text = (f"Let x be the side of a rectangular {what} perpendicular to {wall} and y the side parallel to "
                f"it. The fence is not needed along {the_wall}{div}; its total length is {Fs}. Maximize the "
                f"area x·y and give {q}.")
    else:
        text = (f"Fencing off a rectangular {what}, {name} can lean it on {wall} and has {Fs} of fence for the "
                f"rest{div}. Determine {q}.")
    text = _insert(text, aside)
    params = [_p("fence", F, "length of fencing available", u)]
    if pens > 1:
        params.append(_p("pens", pens, "number of equal pens side by side", "1"))
        cross = "(pens + 1)"
    else:
        cross = "2"
    model = [
        f"x = sp.symbols(\"x\", positive=True)  # side perpendicular to the {side} [{u}]",
        f"y = fence - {cross} * x  # side parallel to the {side} [{u}]",
        "area = x * y",
        "x_best = sp.solve(sp.diff(area, x), x)[0]",
        "answer = area.subs(x, x_best)  # maximum area" if ask == "area" else "answer = x_best  # best perpendicular side",
    ]
    return text, _code(["import sympy as sp"], params, model), (f"{u}^2" if ask == "area" else u)


@family("calc_opt_box", DOMAIN, 6, tags=("sympy", "calculus"))
def calc_opt_box(rng: random.Random, p: int):
    u = pick(rng, ["cm", "cm", "in"])
    a = rng.randint(10, 60) if u == "cm" else rng.randint(6, 24)
    b = rng.randint(max(6, a // 2), a) if u == "cm" else rng.randint(5, a)
    mat = pick(rng, ["cardboard", "sheet metal", "tin", "card"])
    ask = pick(rng, ["volume", "cut"])
    name = pick(rng, NAMES)
    aside = _aside(rng, [f"The {mat} weighs {rng.randint(50, 900)} g.",
                         f"{name} needs {rng.randint(2, 30)} such boxes eventually.",
                         f"The {mat} costs {money(rng.randint(1, 9) + 0.5, pick(rng, CURRENCIES))} a sheet."])
    sheet = f"{fmt_num(a)} {u} by {fmt_num(b)} {u}"
    q = {"volume": f"the maximum volume of the box in cubic {'centimetres' if u == 'cm' else 'inches'}",
         "cut": "the side length of the squares that gives the largest volume"}[ask]
    if p == 0:
        text = (f"An open-top box is made from a {sheet} sheet of {mat} by cutting equal squares from the four "
                f"corners and folding up the sides. Find {q}.")
    elif p == 1:
        text = (f"{name} cuts a square of side x out of each corner of a rectangular piece of {mat} measuring "
                f"{sheet}, then folds the flaps up to make a tray without a lid. What is {q}?")
    elif p == 2:
        text = (f"What is {q}, if a lidless box is folded from {mat} of size {sheet} after removing "
                f"identical squares at its corners?")
    elif p == 3:
        text = (f"The volume of an open box folded from a {sheet} rectangle is V(x) = x({fmt_num(a)} − 2x)"
                f"({fmt_num(b)} − 2x), where x is the side of the corner squares cut away. Maximize V with "
                f"calculus and report {q}.")
    elif p == 4:
        text = (f"Packaging design task: starting from {mat} that is {fmt_num(a)} {u} long and {fmt_num(b)} {u} "
                f"wide, corner squares are removed and the sides turned up to form an open container. "
                f"Determine {q}.")
    else:
        text = (f"Square notches of equal size are cut from the corners of a {sheet} piece of {mat}, and the "
                f"edges are bent upward into a box with no top. Work out {q}.")
    text = _insert(text, aside)
    params = [_p("sheet_length", a, "length of the sheet", u), _p("sheet_width", b, "width of the sheet", u)]
    model = [
        f"x = sp.symbols(\"x\", positive=True)  # side of the corner squares [{u}]",
        "volume = x * (sheet_length - 2 * x) * (sheet_width - 2 * x)",
        "crit = [r for r in sp.solve(sp.diff(volume, x), x) if r < sheet_width / 2]",
        "answer = volume.subs(x, crit[0])  # maximum volume" if ask == "volume"
        else "answer = crit[0]  # best corner-square side",
    ]
    return text, _code(["import sympy as sp"], params, model), (f"{u}^3" if ask == "volume" else u)


@family("calc_opt_can", DOMAIN, 6, held_out=True, tags=("sympy", "calculus"))
def calc_opt_can(rng: random.Random, p: int):
    V = rng.choice([250, 330, 355, 400, 500, 750, 1000, 1500, 2000])
    c_side = rng.randint(1, 6) / 100
    c_end = round(c_side * rng.choice([1, 1.5, 2, 2.5, 3]), 4)
    ask = pick(rng, ["cost", "radius"])
    aside = _aside(rng, [f"The factory fills {rng.randint(2, 30)},000 cans a day.",
                         f"The label is printed in {rng.randint(2, 5)} colours.",
                         f"The design team has {rng.randint(3, 12)} members."])
    q = {"cost": "the minimum material cost of one can, in cents",
         "radius": "the radius (in cm) that minimizes the material cost"}[ask]
    cs, ce = (f"{fmt_num(v * 100)} cent{'' if v * 100 == 1 else 's'}" for v in (c_side, c_end))
    if p == 0:
        text = (f"A closed cylindrical can must hold {V} cm³. The material for the top and bottom costs {ce} "
                f"per 100 cm², and the material for the curved side costs {cs} per 100 cm². Find {q}.")
    elif p == 1:
        text = (f"What is {q} of a cylindrical can with volume {V} cm³, given side material at {cs} and "
                f"end material at {ce} per 100 cm²?")
    elif p == 2:
        text = (f"Design a {V} cm³ tin can (closed at both ends) as cheaply as possible. Side sheet: {cs} per "
                f"100 cm²; lids: {ce} per 100 cm². Using calculus, give {q}.")
    elif p == 3:
        text = (f"Let r be the radius and h the height of a can with πr²h = {V} cm³. Its cost is "
                f"{fmt_num(c_end * 100)}·(2πr²)/100 + {fmt_num(c_side * 100)}·(2πrh)/100 cents. Minimize the cost and report {q}.")
    elif p == 4:
        text = (f"The end discs of a drinks can cost {ce} per 100 cm² of metal and its wall {cs} per "
                f"100 cm². For a can containing {V} cm³, determine {q}.")
    else:
        text = (f"Cans holding {V} cm³ are produced with side material costing {cs} and top/bottom material "
                f"costing {ce} for every 100 cm². Work out {q}.")
    text = _insert(text, aside)
    params = [_p("volume", V, "volume of the can", "cm^3"),
              _p("cost_side", round(c_side * 100, 4), "cost of side material per 100 cm^2", "cent"),
              _p("cost_end", round(c_end * 100, 4), "cost of top and bottom material per 100 cm^2", "cent")]
    model = [
        "r = sp.symbols(\"r\", positive=True)  # radius [cm]",
        "h = volume / (sp.pi * r**2)  # height from the volume [cm]",
        "cost = (cost_end * 2 * sp.pi * r**2 + cost_side * 2 * sp.pi * r * h) / 100  # [cent]",
        "r_best = sp.solve(sp.diff(cost, r), r)[0]",
        "answer = cost.subs(r, r_best)  # minimum cost [cent]" if ask == "cost" else "answer = r_best  # best radius [cm]",
    ]
    return text, _code(["import sympy as sp"], params, model), ("cent" if ask == "cost" else "cm")
