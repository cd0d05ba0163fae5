"""Finance problem families: interest, loans, annuities, valuation, depreciation, pricing.

Every ``make(rng, phrasing)`` draws all of its numbers first and only then picks the text of
the requested phrasing, so one seed gives the same numbers in every phrasing.
"""

from __future__ import annotations

import math
import random

from mathllm.data.core import CURRENCIES, NAMES, article, aside, code, family, fmt_num, lit, money, pick

DOMAIN = "finance"

# the unit written in a program's parameter comments for each currency style of core.CURRENCIES
_UNIT = {("$", ""): "$", ("", " EUR"): "EUR", ("£", ""): "GBP", ("", " CHF"): "CHF",
         ("", " dollars"): "$", ("", " euros"): "EUR"}

_ASIDES = [
    "The account was opened on {day} March.",
    "{name}'s bank branch is at {num} Elm Street.",
    "The paperwork was signed with a green pen.",
    "{name} also owns a {colour} bicycle bought {num2} years ago.",
    "The contract number is {num}-{num2}.",
    "The bank's customer service line is open until {hour} pm.",
    "The statement arrived on {day} May.",
    "{name}'s favourite number is {num2}.",
]


def _pct(x: float) -> str:
    """0.048 -> '4.8%'."""
    return f"{round(x * 100, 6):g}%"


def _currency(rng: random.Random) -> tuple[tuple[str, str], str, str]:
    """(currency style for money(), unit for programs, word for texts)."""
    cur = pick(rng, CURRENCIES)
    unit = _UNIT[cur]
    return cur, unit, {"$": "dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs"}[unit]


def _rate(rng: random.Random, lo: float, hi: float) -> float:
    """An interest rate as a fraction, in steps of 0.1 or 0.25 percentage points."""
    if rng.random() < 0.5:
        pct = rng.randint(round(lo * 10), round(hi * 10)) / 10
    else:
        pct = rng.randint(round(lo * 4), round(hi * 4)) / 4
    return round(pct / 100, 6)


def _aside(rng: random.Random, name: str) -> str:
    """An irrelevant sentence (about 30% of the time) with a leading space, or ''."""
    return aside(rng, _ASIDES, name=name, day=lambda r: r.randint(2, 28),
                 num=lambda r: r.randint(11, 999), num2=lambda r: r.randint(2, 19),
                 colour=lambda r: pick(r, ["red", "blue", "yellow", "green", "silver"]),
                 hour=lambda r: r.randint(5, 9))


# ---- simple interest ------------------------------------------------------------------------

# Kinds of simple-interest deal: (is a loan, the deal as a noun phrase, label of a data sheet).
_SIMPLE_KINDS = {
    "friend": (True, "a loan from a friend", "Private loan from a friend"),
    "credit_union": (True, "a short-term credit-union loan", "Credit union short-term loan"),
    "treasury": (False, "a treasury note", "Treasury note"),
    "cd": (False, "a certificate of deposit", "Certificate of deposit (CD)"),
    "payday": (True, "a payday loan", "Payday loan"),
    "bond": (False, "a student's savings bond", "Student savings bond"),
}
_DAY_COUNTS = ["using a 365-day year", "counting 365 days in a year", "on a 365-day year basis",
               "with a 365-day year"]


@family("simple_interest", DOMAIN, 6)
def simple_interest(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    kind = pick(rng, list(_SIMPLE_KINDS))
    loan, noun, label = _SIMPLE_KINDS[kind]
    P = {"friend": rng.randint(4, 60) * 50, "credit_union": rng.randint(4, 40) * 250,
         "treasury": pick(rng, [1000, 2000, 5000, 10000, 20000, 25000, 50000]),
         "cd": rng.randint(2, 50) * 500, "payday": rng.randint(4, 20) * 50,
         "bond": pick(rng, [100, 200, 250, 500, 750, 1000])}[kind]
    if kind == "payday":  # payday lenders' charges, written as an annual rate
        rate = pick(rng, [0.36, 0.6, 1.2, 1.8, 2.6, 3.9])
    else:
        rate = _rate(rng, *{"friend": (2.0, 8.0), "credit_union": (4.0, 12.0), "treasury": (1.5, 5.0),
                            "cd": (1.0, 5.5), "bond": (2.0, 6.0)}[kind])
    unit = pick(rng, {"friend": ["months", "months", "years"], "treasury": ["years"],
                      "credit_union": ["months", "days", "years"], "cd": ["months", "years", "days"],
                      "payday": ["days"], "bond": ["years"]}[kind])
    n_term = pick(rng, {"years": [1, 2, 3] if loan else [2, 3, 4, 5, 6, 7, 8, 10],
                        "months": [3, 4, 6, 8, 9, 10, 15, 18, 30],
                        "days": ([14, 18, 21, 28, 30] if kind == "payday"
                                 else [45, 60, 90, 120, 180, 270])}[unit])
    ask = pick(rng, ["interest", "total", "rate"] + ([] if kind == "payday" else ["time"]))
    fee = pick(rng, [10, 12.5, 15, 17.5, 20, 25])  # a payday lender's charge per 100 borrowed
    t_years = {"years": n_term, "months": n_term / 12, "days": n_term / 365}[unit]
    # the time variant asks how long until the interest reaches an amount: a whole number of cents
    times = [1, 1.5, 2, 2.5, 3, 4] if loan else [2, 2.5, 3, 4, 5, 6, 8, 10]
    exact = [t for t in times if abs(P * rate * t * 100 - round(P * rate * t * 100)) < 1e-6]
    t_goal = pick(rng, exact or times)
    conv = pick(rng, _DAY_COUNTS)
    aside = _aside(rng, name)
    if ask == "rate":
        interest = round(P * fee / 100, 2) if kind == "payday" else round(P * rate * t_years, 2)
    else:
        interest = round(P * rate * t_goal, 2)
    Pm, r = money(P, cur, 0), _pct(rate)
    Im = money(interest, cur, 0 if float(interest).is_integer() else 2)
    term = f"{n_term} {unit[:-1] if n_term == 1 else unit}" + (f" ({conv})" if unit == "days" else "")
    owed = "owed" if loan else "earned"
    story = {"friend": f" borrows {Pm} from a friend",
             "credit_union": f" takes a short-term loan of {Pm} from a credit union",
             "treasury": f" buys a treasury note for {Pm}", "cd": f" puts {Pm} into a certificate of deposit",
             "payday": f" takes out a payday loan of {Pm}",
             "bond": f", a student, buys a savings bond for {Pm}"}[kind]
    mine = {"friend": f"I borrowed {Pm} from a friend",
            "credit_union": f"I'm taking a short-term loan of {Pm} from my credit union",
            "treasury": f"I'm buying a treasury note for {Pm}", "cd": f"I put {Pm} into a bank CD",
            "payday": f"I'm taking out a payday loan of {Pm}",
            "bond": f"As a student I bought a savings bond for {Pm}"}[kind]
    deal = {"friend": f"a loan of {Pm} from a friend", "credit_union": f"a short-term credit-union loan of {Pm}",
            "treasury": f"a treasury note of {Pm}", "cd": f"a certificate of deposit of {Pm}",
            "payday": f"a payday loan of {Pm}", "bond": f"a student's savings bond of {Pm}"}[kind]
    lender = {"friend": "a friend", "credit_union": "a credit union", "payday": "a payday lender"}.get(kind)
    act0 = f"{Pm} is borrowed from {lender}" if loan else f"{Pm} is invested in {noun}"
    end = ("repays everything after" if loan else
           {"treasury": "holds it for", "cd": "cashes it in after", "bond": "keeps it for"}[kind])
    if ask in ("interest", "total"):
        tot = ask == "total"
        q = (f"the total amount {'repaid' if loan else 'received at maturity'}" if tot
             else f"the simple interest {owed}")
        q_mine = {(True, True): "How much do I pay back in total",
                  (True, False): "How much interest will I owe",
                  (False, True): "How much will I get back in total",
                  (False, False): "How much interest will I get"}[(loan, tot)]
        texts = [
            (f"{act0} at a simple interest rate of {r} per annum for {term}; interest is "
             f"{'charged' if loan else 'paid'} on the original principal only. Find {q}.{aside}"),
            f"{name}{story} at {r} a year simple interest and {end} {term}.{aside} What is {q}?",
            f"{mine} at {r} per year, simple interest, for {term}. {q_mine}, in {cw}?{aside}",
            (f"{label}. Principal: {Pm}. Rate: {r} p.a., simple interest (not compounded). Term: "
             f"{term}.{aside} Report {q} in {cw}."),
            (f"Simple interest on {noun}: P = {Pm}, r = {r} per year, t = {term}.{aside} Using "
             f"I = P·r·t{', then A = P + I' if tot else ''}, compute {q}."),
            (f"What is {q} on {deal} over {term}? "
             + (f"The lender charges {r} a year in simple interest." if loan
                else f"The simple interest rate is {r} per annum.") + aside),
        ]
    elif ask == "rate":
        texts = [
            (f"{act0} for {term}, and the simple interest {owed} is {Im}. Find the annual interest "
             f"rate, in percent.{aside}"),
            (f"{name}{story} and {end} {term}. At the end, {name} {'pays' if loan else 'receives'} {Im} in simple "
             f"interest.{aside} What annual rate, as a percentage, {'was charged' if loan else 'did it pay'}?"),
            (f"{mine}, with a term of {term}, and the simple interest came to {Im}. What annual interest rate is "
             f"that, in percent?{aside}"),
            (f"{label}. Principal: {Pm}. Term: {term}. Simple interest {owed}: {Im}.{aside} Report the "
             f"annual simple interest rate in %."),
            (f"Simple interest on {noun}: I = {Im}, P = {Pm}, t = {term}.{aside} Solve I = P·r·t "
             f"for r and give it in percent per year."),
            (f"What annual simple interest rate, in percent, makes {deal} "
             f"{'cost' if loan else 'earn'} {Im} of interest in {term}?{aside}"),
        ]
    else:
        texts = [
            (f"{act0} at a simple interest rate of {r} per annum. How many years will it take for the "
             f"interest {owed} to reach {Im}?{aside}"),
            (f"{name}{story} at {r} a year simple interest.{aside} After how many years will the "
             f"interest {owed} amount to {Im}?"),
            (f"{mine} at {r} per year, simple interest. How long, in years, until the interest comes "
             f"to {Im}?{aside}"),
            (f"{label}. Principal: {Pm}. Rate: {r} p.a., simple interest. Target interest: {Im}.{aside} "
             f"Report the time needed in years."),
            (f"Simple interest on {noun}: I = {Im}, P = {Pm}, r = {r} per year.{aside} Solve "
             f"I = P·r·t for the time t and give it in years."),
            (f"How many years does it take {deal} at {r} simple interest per year to "
             f"{'run up' if loan else 'earn'} {Im} in interest?{aside}"),
        ]
    what = {"friend": "amount borrowed from the friend", "credit_union": "amount borrowed from the credit union",
            "treasury": "amount paid for the treasury note", "cd": "amount deposited in the certificate of deposit",
            "payday": "amount of the payday loan", "bond": "amount paid for the savings bond"}[kind]
    lines = [f"principal = {lit(P)}  # {what} [{cu}]"]
    if ask != "rate":
        lines.append(f"simple_rate = {lit(rate)}  # annual simple interest rate [1/year]")
    if ask != "time":
        lines.append({"years": f"years = {n_term}  # term [year]", "months": f"months = {n_term}  # term [month]",
                      "days": f"days = {n_term}  # term [day]"}[unit])
    if ask in ("rate", "time"):
        lines.append(f"interest = {lit(interest)}  # simple interest {owed} [{cu}]")
    lines.append("")
    if ask != "time" and unit == "months":
        lines.append("years = months / 12  # term in years [year]")
    elif ask != "time" and unit == "days":
        lines.append("years = days / 365  # term in years, 365-day year [year]")
    if ask in ("interest", "total"):  # A = P(1 + rt): the interest is not compounded
        lines.append("amount = principal * (1 + simple_rate * years)  # principal plus simple interest")
        lines += ["answer = float(amount)"] if ask == "total" else ["interest = amount - principal",
                                                                     "answer = float(interest)"]
    elif ask == "rate":
        lines = ["import sympy as sp", ""] + lines + [
            'r = sp.symbols("r", positive=True)', "eq = sp.Eq(interest, principal * r * years)  # I = P r t",
            "answer = float(sp.solve(eq, r)[0] * 100)  # [%]"]
    else:
        lines = ["import sympy as sp", ""] + lines + [
            't = sp.symbols("t", positive=True)', "eq = sp.Eq(interest, principal * simple_rate * t)  # I = P r t",
            "answer = float(sp.solve(eq, t)[0])  # [year]"]
    units = {"interest": cu, "total": cu, "rate": "%", "time": "years"}[ask]
    return texts[phrasing], "\n".join(lines) + "\n", units


# ---- compound interest ----------------------------------------------------------------------

@family("compound_interest_yearly", DOMAIN, 6)
def compound_interest_yearly(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    P = pick(rng, [500, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000, 12000,
                   15000, 20000, 25000, 40000])
    rate = _rate(rng, 1.5, 8.0)
    years = rng.randint(2, 30)
    bal = rng.random() < 0.6
    aside = _aside(rng, name)
    Pm, r = money(P, cur, 0), _pct(rate)
    texts = [
        f"An amount of {Pm} is invested at an annual interest rate of {r}, compounded yearly."
        f"{aside} {'What is the balance' if bal else 'How much interest has been earned'} after "
        f"{years} years? Answer in {cw}.",
        f"{name} puts {Pm} into a savings account that pays {r} interest per year, credited once "
        f"a year, and leaves it untouched for {years} years.{aside} How much "
        f"{'money is in the account' if bal else 'interest has the account earned'} at the end?",
        f"If I deposit {Pm} today in a fixed deposit earning {r} per annum, compounded annually, "
        f"{'how much will I have' if bal else 'how much interest will I make'} in {years} years?"
        f"{aside}",
        f"Investment summary. Opening balance: {Pm}. Yield: {r} p.a., annual compounding. Term: "
        f"{years} years.{aside} Compute the "
        f"{'closing balance' if bal else 'total interest earned'} at maturity in {cw}.",
        f"Given: principal P = {Pm}, annual rate r = {r} compounded once per year, time "
        f"t = {years} years.{aside} Find: the "
        f"{'final amount A' if bal else 'compound interest A - P'} in {cw}.",
        (f"How much will a deposit of {Pm} grow to" if bal
         else f"How much interest does a deposit of {Pm} earn")
        + f" in {years} years when the bank pays {r} a year and adds the interest at the end of "
        f"each year?{aside}",
    ]
    last = "answer = float(balance)" if bal else "interest = balance - principal\nanswer = float(interest)"
    program = code(f"""
        principal = {lit(P)}  # initial deposit [{cu}]
        rate = {lit(rate)}  # annual interest rate, compounded yearly [1/year]
        years = {years}  # investment period [year]

        balance = principal * (1 + rate) ** years
        """) + last + "\n"
    return texts[phrasing], program, cu


@family("compound_interest_monthly", DOMAIN, 6)
def compound_interest_monthly(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    P = pick(rng, [600, 1000, 1500, 2000, 2400, 3000, 5000, 6000, 8000, 10000, 15000, 18000, 30000])
    rate = _rate(rng, 1.0, 7.5)
    in_months = rng.random() < 0.35
    months = rng.choice([18, 24, 30, 36, 42, 48, 54, 60, 72, 84, 90, 120])
    years = rng.randint(2, 25)
    bal = rng.random() < 0.65
    aside = _aside(rng, name)
    Pm, r = money(P, cur, 0), _pct(rate)
    term = f"{months} months" if in_months else f"{years} years"
    what = "balance" if bal else "interest earned"
    texts = [
        f"A principal of {Pm} earns {r} annual interest compounded monthly. Find the {what} "
        f"after {term}.{aside}",
        f"{name} opens a savings account with {Pm}. The bank quotes {r} per year and credits "
        f"interest every month.{aside} What {'balance' if bal else 'amount of interest'} will "
        f"{name} have after {term}, assuming no withdrawals?",
        f"My bank pays {r} a year on savings, compounded monthly. I'm putting in {Pm} and not "
        f"touching it for {term}. {'What will the balance be' if bal else 'How much interest will I earn'} "
        f"in {cw}?{aside}",
        f"Account statement projection: initial deposit {Pm}; nominal rate {r} per annum "
        f"with monthly compounding; horizon {term}. Report the projected {what}.{aside}",
        f"Compute the {what} on a deposit of {Pm} after {term} if the nominal annual rate is "
        f"{r} and interest compounds 12 times per year.{aside}",
        f"Over {term}, how much {'does ' + Pm + ' grow to' if bal else 'interest does ' + Pm + ' earn'}"
        f" in an account paying {r} annually, with the interest added monthly?{aside}",
    ]
    if in_months:
        params = f"""
            principal = {lit(P)}  # initial deposit [{cu}]
            rate = {lit(rate)}  # nominal annual interest rate, compounded monthly [1/year]
            months = {months}  # investment period [month]

            balance = principal * (1 + rate / 12) ** months
            """
    else:
        params = f"""
            principal = {lit(P)}  # initial deposit [{cu}]
            rate = {lit(rate)}  # nominal annual interest rate [1/year]
            periods_per_year = 12  # compounding periods per year [1/year]
            years = {years}  # investment period [year]

            balance = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)
            """
    last = "answer = float(balance)" if bal else "interest = balance - principal\nanswer = float(interest)"
    return texts[phrasing], code(params) + last + "\n", cu


@family("compound_interest_continuous", DOMAIN, 6)
def compound_interest_continuous(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    P = pick(rng, [1000, 2000, 2500, 4000, 5000, 6000, 8000, 10000, 12500, 20000, 50000])
    rate = _rate(rng, 1.5, 9.0)
    years = rng.randint(2, 20)
    factor = rng.choice([1.25, 1.4, 1.5, 1.6, 1.75, 1.8, 2.5])
    target = round(P * factor)
    ask_time = rng.random() < 0.5
    aside = _aside(rng, name)
    Pm, r, Tm = money(P, cur, 0), _pct(rate), money(target, cur, 0)
    if ask_time:
        texts = [
            f"{Pm} is invested at {r} per year compounded continuously. How many years will it "
            f"take to reach {Tm}?{aside}",
            f"{name} invests {Pm} in a fund that grows at a continuously compounded rate of {r} "
            f"per year.{aside} After how many years (as a decimal) will the investment be worth {Tm}?",
            f"I have {Pm}. With continuous compounding at {r} annually, how long in years until "
            f"my money reaches {Tm}?{aside}",
            f"Target-date analysis: starting value {Pm}; continuous growth rate {r} p.a.; target "
            f"value {Tm}.{aside} Determine the time needed, in years.",
            f"Solve for t (years): {Pm} compounded continuously at an annual rate of {r} grows to "
            f"{Tm}.{aside}",
            f"When does a balance of {Pm} become {Tm}, if it is compounded continuously at {r} "
            f"a year? Give the time in years.{aside}",
        ]
        program = code(f"""
            import sympy as sp

            principal = {lit(P)}  # initial investment [{cu}]
            rate = {lit(rate)}  # annual interest rate, compounded continuously [1/year]
            target = {lit(target)}  # target balance [{cu}]

            t = sp.symbols("t", positive=True)
            eq = sp.Eq(principal * sp.exp(rate * t), target)
            answer = float(sp.nsolve(eq, t, (0, 200), solver="bisect"))
            """)
        return texts[phrasing], program, "years"
    texts = [
        f"{Pm} is invested at {r} per year compounded continuously. What is it worth after "
        f"{years} years?{aside}",
        f"{name} invests {Pm} in a fund that grows at a continuously compounded rate of {r} per "
        f"year.{aside} How much is the investment worth after {years} years?",
        f"I have {Pm}. With continuous compounding at {r} annually, what will my balance be in "
        f"{years} years?{aside}",
        f"Valuation note: starting value {Pm}; continuous growth rate {r} p.a.; holding period "
        f"{years} years.{aside} Determine the ending value in {cw}.",
        f"Evaluate A = P e^(rt) for P = {Pm}, r = {r} per year and t = {years} years.{aside}",
        f"What does a balance of {Pm} grow to in {years} years when it is compounded "
        f"continuously at {r} a year?{aside}",
    ]
    program = code(f"""
        import sympy as sp

        principal = {lit(P)}  # initial investment [{cu}]
        rate = {lit(rate)}  # annual interest rate, compounded continuously [1/year]
        years = {years}  # investment period [year]

        balance = principal * sp.exp(rate * years)
        answer = float(balance)
        """)
    return texts[phrasing], program, cu


# Compounding frequencies other than yearly/monthly/continuous: (periods per year, the word for
# the program comment, ways of saying it in a text as an adverbial phrase).
_FREQS = [
    (4, "quarterly", ["compounded quarterly", "with interest credited every three months",
                      "compounded four times a year", "with quarterly compounding"]),
    (2, "semi-annually", ["compounded semi-annually", "with semi-annual compounding",
                          "compounded twice a year", "with interest added every six months"]),
    (52, "weekly", ["compounded weekly", "with weekly compounding",
                    "with interest credited every week", "compounded once a week"]),
    (365, "daily", ["compounded daily (365 days a year)", "with daily compounding (365 days a year)",
                    "with interest credited every day of a 365-day year",
                    "compounded every day, counting 365 days a year"]),
]


@family("compound_interest_periodic", DOMAIN, 6)
def compound_interest_periodic(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    P = pick(rng, [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000, 12000, 20000, 25000])
    rate = _rate(rng, 1.0, 8.0)
    m, fword, ways = pick(rng, _FREQS)
    how = pick(rng, ways)
    years = rng.randint(2, 25)
    bal = rng.random() < 0.6
    aside = _aside(rng, name)
    Pm, r = money(P, cur, 0), _pct(rate)
    what = "balance" if bal else "interest earned"
    texts = [
        f"A sum of {Pm} is deposited at a nominal annual rate of {r}, {how}. Find the {what} "
        f"after {years} years.{aside}",
        f"{name} places {Pm} in a term deposit paying {r} per year, {how}.{aside} "
        f"{'How much will the deposit be worth' if bal else 'How much interest will it have earned'} "
        f"after {years} years, if nothing is withdrawn?",
        f"I'm saving {Pm} in an account that pays {r} a year, {how}. "
        f"{'What will I have' if bal else 'How much interest will I get'} after {years} years, in "
        f"{cw}?{aside}",
        f"Deposit terms: principal {Pm}; nominal rate {r} p.a., {how}; term {years} years.{aside} "
        f"Report the {'maturity value' if bal else 'total interest'}.",
        f"Compute A = P(1 + r/m)^(mt) for P = {Pm}, r = {r} and t = {years} years, "
        f"{how}{'' if bal else ', and give the interest A - P'}.{aside}",
        f"After {years} years, {'what is ' + Pm + ' worth' if bal else 'how much interest has ' + Pm + ' earned'} "
        f"in a savings product that pays {r} annually, {how}?{aside}",
    ]
    last = "answer = float(balance)" if bal else "interest = balance - principal\nanswer = float(interest)"
    program = code(f"""
        principal = {lit(P)}  # initial deposit [{cu}]
        rate = {lit(rate)}  # nominal annual interest rate [1/year]
        periods_per_year = {m}  # compounding periods per year ({fword}) [1/year]
        years = {years}  # investment period [year]

        balance = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)
        """) + last + "\n"
    return texts[phrasing], program, cu


# ---- loans and annuities --------------------------------------------------------------------

@family("loan_payment", DOMAIN, 6)
def loan_payment(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    mortgage = rng.random() < 0.5
    if mortgage:
        price = rng.randint(12, 120) * 10000
        down = rng.choice([0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
        rate = _rate(rng, 2.5, 7.5)
        years = rng.choice([15, 20, 25, 30])
    else:
        price = rng.randint(8, 60) * 500
        down = 0.0
        rate = _rate(rng, 3.0, 11.0)
        years = rng.choice([2, 3, 4, 5, 6])
    # A car bought with cash down: the down payment is an amount, not a share ("$3,500 down"),
    # so the financed principal is a difference (drawn last: the other draws stay as they were).
    cash_down = 0 if mortgage or rng.random() < 0.5 else max(500, round(price * rng.uniform(0.1, 0.3) / 500) * 500)
    ask_pay = rng.random() < 0.65
    aside = _aside(rng, name)
    # the interest part of the first payment, an amortization table's first row (drawn last: the
    # other draws keep their numbers)
    first = not ask_pay and rng.random() < 0.4
    r = _pct(rate)
    if mortgage:
        pm = (f"{cur[0]}{price / 1e6:g} million{cur[1]}" if price >= 1_000_000 else money(price, cur, 0))
        loan_desc = (f"a mortgage on a house costing {pm} "
                     f"with {article(_pct(down) + ' down payment')}")
        mine = f"I'm buying a house for {pm}, paying {_pct(down)} down and borrowing the rest"
        financed = f"a house costing {pm}, {_pct(down)} of which is paid up front,"
    elif cash_down:
        pm, dm = money(price, cur, 0), money(cash_down, cur, 0)
        loan_desc = f"a loan for a car costing {pm}, with {dm} paid down"
        mine = f"I'm buying a car for {pm}, paying {dm} down and borrowing the rest"
        financed = f"a car costing {pm}, {dm} of which is paid up front,"
    else:
        pm = money(price, cur, 0)
        loan_desc = f"a car loan of {pm}"
        mine = f"I'm taking out a car loan of {pm}"
        financed = f"a car loan of {pm}"
    q_pay = ("the monthly payment" if ask_pay else "the interest part of the first monthly payment" if first
             else "the total interest paid over the life of the loan")
    texts = [
        f"Find {q_pay} for {loan_desc}, at a nominal annual rate of {r} compounded monthly, "
        f"repaid in equal monthly instalments over {years} years.{aside}",
        f"{name} takes out {loan_desc}. The lender charges {r} per year (monthly compounding) "
        f"and the loan runs for {years} years with fixed monthly payments.{aside} What is "
        f"{q_pay}?",
        f"{mine} at {r} APR over {years} years, paid monthly. "
        f"{'How much will I pay each month' if ask_pay else 'How much of my first payment is interest' if first else 'How much interest will I pay in total'}, "
        f"in {cw}?{aside}",
        f"Loan quote: {loan_desc}; rate {r} p.a., compounded monthly; term "
        f"{years} years; level monthly repayments. Calculate {q_pay}.{aside}",
        f"An amortizing loan ({loan_desc}) has an annual interest rate of {r}, monthly "
        f"compounding, and a term of {years} years. Determine {q_pay} in {cw}.{aside}",
        f"What is {q_pay} when {financed} is financed over {years} years at {r} a year, with "
        f"interest compounded and payments made monthly?{aside}",
    ]
    last = ("answer = float(payment)" if ask_pay
            else "answer = float(principal * i)  # interest charged in the first month" if first
            else "answer = float(payment * n - principal)")
    # The three kinds of loan differ only in how the amount borrowed is given.
    if mortgage:
        given = (f"price = {lit(price)}  # purchase price of the house [{cu}]\n"
                 f"down_fraction = {lit(down)}  # down payment as a share of the price [1]\n")
        borrowed = "principal = price * (1 - down_fraction)\n"
    elif cash_down:
        given = (f"price = {lit(price)}  # purchase price of the car [{cu}]\n"
                 f"down_payment = {lit(cash_down)}  # paid up front [{cu}]\n")
        borrowed = "principal = price - down_payment\n"
    else:
        given, borrowed = f"principal = {lit(price)}  # amount borrowed [{cu}]\n", ""
    program = (given
               + f"rate = {lit(rate)}  # nominal annual interest rate, compounded monthly [1/year]\n"
               + f"years = {years}  # loan term [year]\n\n"
               + borrowed
               + "i = rate / 12  # monthly interest rate\n"
               + "n = years * 12  # number of monthly payments\n"
               + "payment = principal * i * (1 + i) ** n / ((1 + i) ** n - 1)\n")
    program += last + "\n"
    return texts[phrasing], program, cu


@family("loan_payoff_time", DOMAIN, 6)
def loan_payoff_time(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    kind = pick(rng, ["card", "car", "personal"])
    lo, hi, step = {"card": (12.0, 26.0, 50), "car": (3.0, 11.0, 500), "personal": (6.0, 18.0, 250)}[kind]
    while True:
        P = {"card": rng.randint(16, 240), "car": rng.randint(8, 60), "personal": rng.randint(8, 80)}[kind] * step
        rate = _rate(rng, lo, hi)
        i = rate / 12
        n_target = rng.randint(8, 100)
        nice = pick(rng, [5, 10, 25])
        A = max(nice, round(P * i / (1 - (1 + i) ** -n_target) / nice) * nice)
        if A > 1.3 * i * P:
            n = -math.log(1 - i * P / A) / math.log(1 + i)
            if 6 <= n <= 120 and abs(n - round(n)) > 1e-6:
                break
    aside = _aside(rng, name)
    Pm, r, Am = money(P, cur, 0), _pct(rate), money(A, cur, 0)
    debt = {"card": "credit card balance", "car": "car loan", "personal": "personal loan"}[kind]
    texts = [
        f"A {debt} of {Pm} is charged a nominal annual interest rate of {r}, compounded monthly. "
        f"With a fixed payment of {Am} at the end of every month and no new borrowing, how many "
        f"monthly payments are needed to pay it off? The last payment may be smaller.{aside}",
        f"{name} still owes {Pm} on a {debt.replace(' balance', '')} that charges {r} a year, "
        f"compounded monthly.{aside} If {name} pays {Am} each month, how many months will it take "
        f"until the debt is cleared (counting a smaller final payment as a month)?",
        f"I've got {article(debt)} of {Pm} at {r} APR with monthly compounding. If I pay {Am} a "
        f"month{' and stop using the card' if kind == 'card' else ''}, how many payments until "
        f"I'm debt-free? The final one can be less than {Am}.{aside}",
        f"Repayment plan: outstanding {debt} {Pm}; interest {r} p.a., compounded monthly; "
        f"fixed monthly payment {Am}.{aside} Determine the number of payments required to clear "
        f"the balance, counting a partial last payment as a full one.",
        f"Solve P = A(1 - (1 + r/12)^(-n))/(r/12) for n with P = {Pm}, A = {Am} per month and "
        f"r = {r}, then round n up to a whole number of monthly payments.{aside}",
        f"How many months does it take to pay off {article(debt)} of {Pm} at {r} interest a year "
        f"(compounded monthly) by paying {Am} every month, if the last payment may be smaller?{aside}",
    ]
    what = {"card": "balance owed on the card", "car": "balance owed on the car loan",
            "personal": "balance owed on the loan"}[kind]
    program = code(f"""
        import math

        principal = {lit(P)}  # {what} [{cu}]
        rate = {lit(rate)}  # nominal annual interest rate, compounded monthly [1/year]
        payment = {lit(A)}  # fixed monthly payment [{cu}]

        i = rate / 12  # monthly interest rate
        n = -math.log(1 - i * principal / payment) / math.log(1 + i)  # number of payments
        answer = math.ceil(n)
        """)
    return texts[phrasing], program, "months"


@family("savings_annuity_fv", DOMAIN, 6)
def savings_annuity_fv(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    dep = pick(rng, [50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000])
    rate = _rate(rng, 1.0, 8.0)
    years = rng.randint(3, 35)
    bal = rng.random() < 0.65
    aside = _aside(rng, name)
    d, r = money(dep, cur, 0), _pct(rate)
    what = "the account balance" if bal else "the total interest earned"
    texts = [
        f"A deposit of {d} is made at the end of every month into an account paying {r} per "
        f"year, compounded monthly. Find {what} after {years} years.{aside}",
        f"{name} saves {d} at the end of each month for retirement in a plan that earns {r} "
        f"annually, compounded monthly.{aside} What is {what} after {years} years?",
        f"If I put away {d} every month (end of month) for {years} years at {r} a year with "
        f"monthly compounding, "
        + ("how much will I have saved?" if bal else "how much of the final balance is interest?")
        + aside,
        f"Savings plan: monthly contribution {d} (paid at month end); interest {r} p.a. "
        f"compounded monthly; duration {years} years. Report {what} in {cw}.{aside}",
        f"Compute the future value of an ordinary annuity of {d} per month for {years} years at "
        f"a nominal rate of {r} compounded monthly"
        f"{'' if bal else ', then subtract the total deposits to get the interest earned'}.{aside}",
        f"After {years} years of monthly end-of-month deposits of {d} into {article(r)} "
        f"(compounded monthly) account, what is {what}?{aside}",
    ]
    # an account that holds money already ("opens a savings plan with £5,000 already in the account"):
    # drawn last, so the other samples keep their numbers
    if rng.random() < 0.3:
        start = pick(rng, [1000, 2000, 2500, 5000, 8000, 10000, 20000])
        s0 = money(start, cur, 0)
        texts = [
            f"An account already holds {s0}. A deposit of {d} is added at the end of every month, and the account "
            f"pays {r} per year, compounded monthly. Find {what} after {years} years.{aside}",
            f"{name} opens a savings plan with {s0} already in it and adds {d} at the end of each month; the plan "
            f"earns {r} annually, compounded monthly.{aside} What is {what} after {years} years?",
            f"I have {s0} in a savings account and will put away {d} every month (end of month) for {years} years at "
            f"{r} a year with monthly compounding. "
            + ("How much will I have?" if bal else "How much of the final balance is interest?") + aside,
            f"Savings plan: opening balance {s0}; monthly contribution {d} (paid at month end); interest {r} p.a. "
            f"compounded monthly; duration {years} years. Report {what} in {cw}.{aside}",
            f"Compute the future value of {s0} invested now plus an ordinary annuity of {d} per month for {years} "
            f"years, at a nominal rate of {r} compounded monthly"
            f"{'' if bal else ', then subtract the opening balance and the deposits to get the interest earned'}."
            f"{aside}",
            f"Starting from {s0}, after {years} years of monthly end-of-month deposits of {d} into {article(r)} "
            f"(compounded monthly) account, what is {what}?{aside}",
        ]
        return texts[phrasing], _annuity_program(dep, rate, years, cu, bal, start), cu
    return texts[phrasing], _annuity_program(dep, rate, years, cu, bal), cu


def _annuity_program(dep: float, rate: float, years: int, cu: str, bal: bool, start: int | None = None) -> str:
    """The future value of monthly end-of-month deposits, from an opening balance where one is
    given; the balance or the interest earned."""
    first = f"initial = {start}  # balance at the start [{cu}]\n" if start is not None else ""
    grows = ("balance = initial * (1 + i) ** n + deposit * ((1 + i) ** n - 1) / i  # the start grows, and the deposits"
             if start is not None else "balance = deposit * ((1 + i) ** n - 1) / i")
    paid_in = "initial - deposit * n" if start is not None else "deposit * n"
    last = "answer = float(balance)" if bal else f"answer = float(balance - {paid_in})"
    return (first + f"deposit = {lit(dep)}  # deposit at the end of each month [{cu}]\n"
            f"rate = {lit(rate)}  # nominal annual interest rate, compounded monthly [1/year]\n"
            f"years = {years}  # saving period [year]\n\n"
            "i = rate / 12  # monthly interest rate\n"
            "n = years * 12  # number of deposits\n"
            f"{grows}\n{last}\n")


# Deposit frequencies of a sinking fund: periods per year -> (adjective, the period, compounding).
_DEPOSIT_FREQS = {12: ("monthly", "month", "compounded monthly"),
                  4: ("quarterly", "quarter", "compounded quarterly"),
                  1: ("yearly", "year", "compounded annually")}
_MACHINES = ["delivery van", "packaging machine", "printing press", "commercial oven", "forklift",
             "CNC lathe"]


@family("sinking_fund_payment", DOMAIN, 6)
def sinking_fund_payment(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    purpose = pick(rng, ["house", "car", "university", "machine", "retirement"])
    goal = {"house": rng.randint(8, 40) * 2500, "car": rng.randint(8, 40) * 1000,
            "university": rng.randint(4, 24) * 5000, "machine": rng.randint(4, 30) * 5000,
            "retirement": pick(rng, [250000, 300000, 400000, 500000, 750000, 1000000, 1200000, 1500000])}[purpose]
    years = rng.randint(*{"house": (3, 8), "car": (2, 5), "university": (8, 18), "machine": (3, 10),
                          "retirement": (20, 40)}[purpose])
    rate = _rate(rng, 1.5, 7.5)
    m = pick(rng, [12, 4, 4, 1] if purpose == "machine" else [12, 12, 12, 12, 4, 1])
    machine = pick(rng, _MACHINES)
    ask_pay = rng.random() < 0.65
    aside = _aside(rng, name)
    adj, per, comp = _DEPOSIT_FREQS[m]
    G = f"{cur[0]}{goal / 1e6:g} million{cur[1]}" if goal >= 1_000_000 else money(goal, cur, 0)
    r = _pct(rate)
    q = (f"the {adj} deposit required" if ask_pay
         else "the part of the goal that comes from interest")
    for_what = {"house": "a down payment on a house", "car": "a new car", "university": "a child's university fund",
                "machine": f"replacing a {machine}", "retirement": "retirement"}[purpose]
    story = {"house": f"{name} is saving for a down payment on a house and needs {G} in {years} years.",
             "car": f"{name} plans to buy a car in {years} years and wants {G} saved by then.",
             "university": f"{name} wants a university fund of {G} ready for a child in {years} years.",
             "machine": f"{name}'s company will have to replace its {machine} in {years} years, at an "
                        f"expected cost of {G}.",
             "retirement": f"{name} aims to retire in {years} years with {G} saved."}[purpose]
    who = "The company" if purpose == "machine" else name
    mine = {"house": "a house down payment", "car": "a new car", "university": "my child's university fees",
            "machine": f"replacing the {machine} in my workshop", "retirement": "my retirement"}[purpose]
    texts = [
        (f"A sinking fund must accumulate {G} in {years} years. Equal deposits are made at the end of "
         f"each {per} into an account that earns {r} per year, {comp}. Find {q}.{aside}"),
        f"{story} {who} will put the same amount into a "
        f"{'sinking fund' if purpose == 'machine' else 'savings'} account at the end of every {per}; "
        f"the account pays {r} a year, {comp}.{aside} "
        + (f"How much must each {adj} deposit be?" if ask_pay
           else "How much of the goal will come from interest?"),
        f"I need {G} in {years} years for {mine}, so I'll deposit a fixed amount at the end of each "
        f"{per} in an account paying {r} per year, {comp}. "
        + (f"How much do I have to deposit each {per}?" if ask_pay
           else "How much of that will be interest?") + aside,
        (f"Sinking fund plan. Purpose: {for_what}. Savings goal: {G}. Horizon: {years} years. "
         f"Deposits: {m if m > 1 else 'one'} a year, equal, at the end of each {per}. Interest: {r} "
         f"p.a., {comp}.{aside} Report {q} in {cw}."),
        f"Savings goal FV = {G}; nominal rate r = {r} a year; m = {m} deposit{'s' if m > 1 else ''} "
        f"a year, each at the end of the {per}; t = {years} years.{aside} Find the {adj} deposit PMT "
        f"from FV = PMT·((1 + i)^n - 1)/i with i = r/m and n = m·t"
        + ("." if ask_pay else ". Then give the part of FV that is interest, FV - n·PMT."),
        (f"What {adj} deposit, made at the end of every {per}, builds a savings goal of {G} for "
         f"{for_what} in {years} years, at {r} a year, {comp}?{aside}" if ask_pay
         else f"How much of a savings goal of {G} for {for_what}, built in {years} years by equal deposits "
         f"at the end of every {per} at {r} a year, {comp}, comes from interest?{aside}"),
    ]
    what = {"house": "savings goal for the house down payment", "car": "savings goal for the car",
            "university": "savings goal for the university fund", "machine": f"savings goal to replace the {machine}",
            "retirement": "savings goal for retirement"}[purpose]
    program = (f"import sympy as sp\n\n"
               f"goal = {lit(goal)}  # {what} [{cu}]\n"
               f"rate = {lit(rate)}  # nominal annual interest rate, {comp} [1/year]\n"
               f"periods_per_year = {m}  # deposits and compounding periods per year ({adj}) [1/year]\n"
               f"years = {years}  # saving period [year]\n\n"
               "i = rate / periods_per_year  # interest rate per period\n"
               "n = years * periods_per_year  # number of deposits\n"
               + 'payment = sp.symbols("payment", positive=True)  # deposit at the end of each period\n'
               + "fv_eq = sp.Eq(payment * ((1 + i) ** n - 1) / i, goal)  # future value of the deposits\n"
               + "deposit = sp.solve(fv_eq, payment)[0]\n"
               + ("answer = float(deposit)\n" if ask_pay else "answer = float(goal - deposit * n)\n"))
    return texts[phrasing], program, cu


@family("present_value", DOMAIN, 6)
def present_value(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    F = pick(rng, [5000, 10000, 15000, 20000, 25000, 40000, 50000, 80000, 100000, 250000])
    rate = _rate(rng, 2.0, 9.0)
    years = rng.randint(3, 25)
    monthly = rng.random() < 0.3
    goal = pick(rng, ["a university fund", "a new roof", "a boat", "a wedding", "a business launch"])
    aside = _aside(rng, name)
    Fm, r = money(F, cur, 0), _pct(rate)
    comp = "compounded monthly" if monthly else "compounded annually"
    texts = [
        f"What amount must be invested now at {r} per year, {comp}, to have {Fm} in {years} "
        f"years?{aside}",
        f"{name} wants {Fm} for {goal} in {years} years. A savings bond pays {r} a year, "
        f"{comp}.{aside} How much must {name} invest today in a single lump sum?",
        f"How much should I put aside today so that it becomes {Fm} after {years} years, if my "
        f"account earns {r} per annum {comp}?{aside}",
        f"Valuation request: a payment of {Fm} is due in {years} years. Discount rate: "
        f"{r} p.a., {comp}. State the present value in {cw}.{aside}",
        f"Find the present value of {Fm} receivable {years} years from now, given an interest "
        f"rate of {r} per year {comp}.{aside}",
        f"A promise to pay {Fm} in {years} years' time — what is it worth today, when money "
        f"earns {r} a year, {comp}?{aside}",
    ]
    if monthly:
        program = code(f"""
            future_value = {lit(F)}  # amount needed in the future [{cu}]
            rate = {lit(rate)}  # nominal annual interest rate, compounded monthly [1/year]
            years = {years}  # time until the money is needed [year]

            present = future_value / (1 + rate / 12) ** (12 * years)
            answer = float(present)
            """)
    else:
        program = code(f"""
            future_value = {lit(F)}  # amount needed in the future [{cu}]
            rate = {lit(rate)}  # annual interest rate, compounded yearly [1/year]
            years = {years}  # time until the money is needed [year]

            present = future_value / (1 + rate) ** years
            answer = float(present)
            """)
    return texts[phrasing], program, cu


@family("npv_cash_flows", DOMAIN, 6)
def npv_cash_flows(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    project = pick(rng, ["a solar installation", "a delivery van", "a new machine", "a café refit",
                         "a software upgrade", "a greenhouse"])
    while True:
        cost = rng.randint(10, 200) * 1000
        n = rng.randint(3, 6)
        base = cost / n * rng.uniform(0.8, 1.5)
        flows = [int(round(base * rng.uniform(0.6, 1.4), -2)) for _ in range(n)]
        rate = _rate(rng, 3.0, 14.0)
        npv = -cost + sum(cf / (1 + rate) ** t for t, cf in enumerate(flows, start=1))
        if abs(npv) > 0.03 * cost and min(flows) > 0:
            break
    aside = _aside(rng, name)
    # the same cash every year and a sale of the equipment at the end ("₹2,80,000 per year for 6
    # years ... At the end of year 6 the panels can be sold for ₹1,50,000"): drawn last, so the other
    # samples keep their numbers
    if rng.random() < 0.35:
        return _npv_level_with_salvage(rng, phrasing, cur, cu, cw, name, project, cost, n, rate, aside)
    c, r = money(cost, cur, 0), _pct(rate)
    fl = ", ".join(money(f, cur, 0) for f in flows)
    yr = "; ".join(f"year {t}: {money(f, cur, 0)}" for t, f in enumerate(flows, start=1))
    texts = [
        f"A project costs {c} today and returns {fl} at the end of years 1 to {n}. Using a "
        f"discount rate of {r} per year, find the net present value.{aside}",
        f"{name} is considering {project}. It costs {c} up front and is expected to bring in "
        f"net cash of {fl} over the next {n} years (received at each year end).{aside} With "
        f"{article(r)} cost of capital, what is the NPV of the investment?",
        f"Should I go ahead with {project}? It's {c} now, then I get back {yr}. My discount "
        f"rate is {r}. What's the net present value in {cw}?{aside}",
        f"Capital budgeting memo — {project}.{aside} Initial outlay: {c}. Year-end net inflows: "
        f"{yr}. Hurdle rate: {r}. Report the NPV (negative if the project destroys value).",
        f"Cash flows: t=0: -{c}; " + "; ".join(f"t={t}: +{money(f, cur, 0)}" for t, f in enumerate(flows, 1))
        + f". Discount rate {r} per period. Compute the net present value.{aside}",
        f"What is the net present value, at {r} a year, of paying {c} now for {project} that "
        f"returns {fl} at the end of each of the following {n} years?{aside}",
    ]
    program = code(f"""
        initial_cost = {lit(cost)}  # investment paid today [{cu}]
        rate = {lit(rate)}  # discount rate [1/year]
        cash_flows = {flows}  # net inflows at the end of years 1..{n} [{cu}]

        npv = -initial_cost + sum(cf / (1 + rate) ** t for t, cf in enumerate(cash_flows, start=1))
        answer = float(npv)
        """)
    return texts[phrasing], program, cu


def _npv_level_with_salvage(rng: random.Random, phrasing: int, cur, cu: str, cw: str, name: str, project: str,
                            cost: int, n: int, rate: float, aside: str) -> tuple[str, str, str]:
    """A net present value of a level annual cash flow and a salvage value at the end of the last year."""
    while True:
        annual = int(round(cost / n * rng.uniform(0.9, 1.4), -2))
        salvage = int(round(cost * rng.uniform(0.05, 0.25), -2))
        npv = -cost + sum(annual / (1 + rate) ** t for t in range(1, n + 1)) + salvage / (1 + rate) ** n
        if abs(npv) > 0.03 * cost:
            break
    c, r, a, sv = money(cost, cur, 0), _pct(rate), money(annual, cur, 0), money(salvage, cur, 0)
    what = {"a solar installation": "the panels", "a delivery van": "the van", "a new machine": "the machine",
            "a café refit": "the fittings", "a software upgrade": "the licences", "a greenhouse": "the greenhouse"}[project]
    texts = [
        f"A project costs {c} today and returns {a} at the end of each of the next {n} years; at the end of year {n} "
        f"{what} can be sold for {sv}. Using a discount rate of {r} per year, find the net present value.{aside}",
        f"{name} is considering {project}. It costs {c} up front and is expected to save {a} per year, received at "
        f"each year end, for {n} years.{aside} After that {what} will be sold for {sv}. With {article(r)} cost of "
        f"capital, what is the NPV of the investment?",
        f"Should I go ahead with {project}? It's {c} now, then I get {a} a year for {n} years, plus {sv} when I sell "
        f"{what} at the end. My discount rate is {r}. What's the net present value in {cw}?{aside}",
        f"Capital budgeting memo — {project}.{aside} Initial outlay: {c}. Level year-end net inflows: {a} for {n} "
        f"years. Salvage value at the end of year {n}: {sv}. Hurdle rate: {r}. Report the NPV.",
        f"Cash flows: t=0: -{c}; t=1..{n}: +{a} each; plus a salvage value of {sv} at t={n}. Discount rate {r} per "
        f"period. Compute the net present value.{aside}",
        f"What is the net present value, at {r} a year, of paying {c} now for {project} that returns {a} at the end "
        f"of each of the following {n} years, with {what} sold for {sv} at the end of year {n}?{aside}",
    ]
    program = code(f"""
        initial_cost = {lit(cost)}  # investment paid today [{cu}]
        rate = {lit(rate)}  # discount rate [1/year]
        annual = {annual}  # net inflow at the end of each year [{cu}]
        years = {n}  # life of the project [year]
        salvage = {salvage}  # sale value at the end of the last year [{cu}]

        npv = -initial_cost + sum(annual / (1 + rate) ** t for t in range(1, years + 1)) + salvage / (1 + rate) ** years
        answer = float(npv)
        """)
    return texts[phrasing], program, cu


# ---- growth times ---------------------------------------------------------------------------

@family("doubling_time", DOMAIN, 6)
def doubling_time(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    rate = _rate(rng, 1.0, 12.0)
    P = pick(rng, [1000, 2500, 4000, 5000, 8000, 10000, 30000])
    full = rng.random() < 0.35
    amounts = rng.random() < 0.4
    aside = _aside(rng, name)
    r = _pct(rate)
    how = ("how many full years are needed until it has at least doubled" if full
           else "how many years (as a decimal) does it take to double")
    if amounts:
        pm, tm = money(P, cur, 0), money(2 * P, cur, 0)
        texts = [
            f"An investment of {pm} earns {r} per year, compounded annually. How many years "
            f"{'(whole years, rounded up)' if full else '(not rounded)'} until it is worth {tm}?{aside}",
            f"{name} invests {pm} at {r} annual interest, compounded yearly.{aside} "
            + (f"After how many complete years will the balance first reach {tm}?" if full
               else f"How long, in years, until the balance reaches {tm}?"),
            f"My {pm} sits in an account earning {r} a year (yearly compounding). "
            + (f"How many whole years before it reaches {tm}?" if full
               else f"How many years until it grows to {tm}?") + aside,
            f"Growth target: start {pm}; rate {r} p.a., compounded annually; target {tm}. "
            + ("Report the number of full years needed." if full else "Report the time needed in years.")
            + aside,
            f"Solve (1 + r)^t = {tm} / {pm} for t with r = {r}."
            f"{' Round t up to whole years.' if full else ''}{aside}",
            f"At {r} a year compounded annually, "
            + ("how many years, rounded up to a whole number," if full else "how many years")
            + f" does it take {pm} to become {tm}?{aside}",
        ]
        program = code(f"""
            import math
            import sympy as sp

            principal = {lit(P)}  # initial investment [{cu}]
            target = {lit(2 * P)}  # target balance [{cu}]
            rate = {lit(rate)}  # annual interest rate, compounded yearly [1/year]

            t = sp.symbols("t", positive=True)
            eq = sp.Eq(principal * (1 + rate) ** t, target)
            t_double = sp.nsolve(eq, t, (0, 200), solver="bisect")
            """)
    else:
        texts = [
            f"Money is invested at {r} per year, compounded annually. {how[0].upper() + how[1:]}?{aside}",
            f"{name}'s savings earn {r} a year, compounded yearly.{aside} Ignoring deposits and "
            f"withdrawals, {how}?",
            f"If my investment grows by {r} every year, {how}?{aside}",
            f"Rule-of-72 check: for an annual compound rate of {r}, compute the exact "
            f"doubling time{' in whole years (rounded up)' if full else ' in years'}.{aside}",
            f"Find t such that (1 + {r})^t = 2."
            + (" Give the smallest whole number of years that is enough." if full else "") + aside,
            f"With {r} annual interest compounded once a year, {how}? The starting amount does not "
            f"matter.{aside}",
        ]
        program = code(f"""
            import math
            import sympy as sp

            rate = {lit(rate)}  # annual interest rate, compounded yearly [1/year]

            t = sp.symbols("t", positive=True)
            eq = sp.Eq((1 + rate) ** t, 2)
            t_double = sp.nsolve(eq, t, (0, 200), solver="bisect")
            """)
    last = "answer = math.ceil(float(t_double))\n" if full else "answer = float(t_double)\n"
    program = program + last
    if not full:
        program = program.replace("import math\n", "")
    return texts[phrasing], program, "years"


@family("tripling_time", DOMAIN, 6, held_out=True)
def tripling_time(rng: random.Random, phrasing: int):
    name = pick(rng, NAMES)
    rate = _rate(rng, 2.0, 12.0)
    comp = pick(rng, ["yearly", "monthly", "continuous"])
    aside = _aside(rng, name)
    r = _pct(rate)
    cdesc = {"yearly": "compounded annually", "monthly": "compounded monthly",
             "continuous": "compounded continuously"}[comp]
    texts = [
        f"An investment earns {r} per year, {cdesc}. How many years does it take to triple?{aside}",
        f"{name} buys a bond fund paying {r} a year, {cdesc}.{aside} How long, in years, until "
        f"the money is three times what was invested?",
        f"At {r} annual interest {cdesc}, how many years will it take my savings to triple?{aside}",
        f"Planning note: nominal rate {r} p.a., {cdesc}. Compute the time (in years) "
        f"for the balance to reach 300% of the initial deposit.{aside}",
        f"Determine the tripling time, in years, of a balance growing at a nominal {r} per annum "
        f"{cdesc}.{aside}",
        f"How long does it take for money to grow threefold when it earns {r} a year, "
        f"{cdesc}? Answer in years.{aside}",
    ]
    growth = {"yearly": "(1 + rate) ** t", "monthly": "(1 + rate / 12) ** (12 * t)",
              "continuous": "sp.exp(rate * t)"}[comp]
    program = code(f"""
        import sympy as sp

        rate = {lit(rate)}  # nominal annual interest rate, {cdesc} [1/year]
        factor = 3  # growth factor to reach [1]

        t = sp.symbols("t", positive=True)
        eq = sp.Eq({growth}, factor)
        answer = float(sp.nsolve(eq, t, (0, 200), solver="bisect"))
        """)
    return texts[phrasing], program, "years"


# ---- depreciation ---------------------------------------------------------------------------

_ASSETS = ["delivery truck", "printing press", "laptop fleet", "tractor", "commercial oven",
           "forklift", "CNC machine", "company car"]


@family("depreciation_straight_line", DOMAIN, 6)
def depreciation_straight_line(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    asset = pick(rng, _ASSETS)
    cost = rng.randint(6, 250) * 500
    life = rng.randint(4, 15)
    salvage = int(round(cost * rng.uniform(0.0, 0.25), -2))
    age = rng.randint(1, life - 1)
    ask_value = rng.random() < 0.6
    aside = _aside(rng, name)
    c, s = money(cost, cur, 0), money(salvage, cur, 0)
    q = (f"the book value after {age} years" if ask_value else "the annual depreciation expense")
    texts = [
        f"An asset costs {c}, has a useful life of {life} years and a salvage value of {s}. "
        f"Using straight-line depreciation, find {q}.{aside}",
        f"{name}'s company buys a {asset} for {c}. It is expected to last {life} years and then "
        f"sell for {s}.{aside} With straight-line depreciation, what is {q}?",
        f"I bought a {asset} for my business for {c}; I expect to use it {life} years and get "
        f"{s} for it at the end. Straight-line method: "
        + (f"what is it worth on the books after {age} years?" if ask_value
           else "how much do I depreciate each year?") + aside,
        f"Fixed-asset register entry — {asset}.{aside} Cost {c}; residual value {s}; useful "
        f"life {life} years; method: straight line. Report {q} in {cw}.",
        f"Straight-line depreciation: cost = {c}, salvage = {s}, life = {life} years. "
        f"Compute {q}.{aside}",
        f"What is {q} of a {asset} bought for {c}, if it is depreciated in equal yearly amounts "
        f"down to {s} over {life} years?{aside}",
    ]
    if ask_value:
        program = code(f"""
            cost = {lit(cost)}  # purchase cost [{cu}]
            salvage = {lit(salvage)}  # salvage value at the end of the life [{cu}]
            life = {life}  # useful life [year]
            age = {age}  # years in use [year]

            annual = (cost - salvage) / life
            value = cost - annual * age
            answer = float(value)
            """)
    else:
        program = code(f"""
            cost = {lit(cost)}  # purchase cost [{cu}]
            salvage = {lit(salvage)}  # salvage value at the end of the life [{cu}]
            life = {life}  # useful life [year]

            annual = (cost - salvage) / life
            answer = float(annual)
            """)
    return texts[phrasing], program, cu


@family("depreciation_declining_balance", DOMAIN, 6, held_out=True)
def depreciation_declining_balance(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    asset = pick(rng, _ASSETS)
    cost = rng.randint(10, 300) * 500
    rate = rng.choice([0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    years = rng.randint(2, 10)
    ask_value = rng.random() < 0.6
    aside = _aside(rng, name)
    c, d = money(cost, cur, 0), _pct(rate)
    q = (f"the book value at the end of year {years}" if ask_value
         else f"the depreciation charged in year {years}")
    texts = [
        f"A {asset} costing {c} is depreciated by the declining-balance method at {d} per year. "
        f"Find {q}.{aside}",
        f"{name} buys a {asset} for {c}. Each year it loses {d} of its value at the start of "
        f"that year.{aside} What is {q}?",
        f"My accountant depreciates my {asset} ({c} new) at {d} a year on the reducing balance. "
        + (f"What will its book value be after {years} years?" if ask_value
           else f"How much depreciation is charged in year {years}?") + aside,
        f"Depreciation schedule: asset — {asset}; cost {c}; method — declining balance, "
        f"rate {d} p.a. Report {q} in {cw}.{aside}",
        f"Declining-balance depreciation: initial cost {c}, rate {d} per year. Compute {q}.{aside}",
        f"What is {q} for a {asset} bought at {c}, if every year it is written down by {d} of "
        f"its remaining book value?{aside}",
    ]
    if ask_value:
        program = code(f"""
            cost = {lit(cost)}  # purchase cost [{cu}]
            rate = {lit(rate)}  # declining-balance depreciation rate [1/year]
            years = {years}  # years of depreciation [year]

            value = cost * (1 - rate) ** years
            answer = float(value)
            """)
    else:
        program = code(f"""
            cost = {lit(cost)}  # purchase cost [{cu}]
            rate = {lit(rate)}  # declining-balance depreciation rate [1/year]
            year = {years}  # year whose depreciation charge is wanted [year]

            value_at_start = cost * (1 - rate) ** (year - 1)
            answer = float(value_at_start * rate)
            """)
    return texts[phrasing], program, cu


# ---- inflation ------------------------------------------------------------------------------

@family("inflation_real_value", DOMAIN, 6)
def inflation_real_value(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    infl = _rate(rng, 1.0, 8.0)
    years = rng.randint(3, 30)
    amount = pick(rng, [100, 500, 1000, 2500, 10000, 50000, 100000])
    ask = pick(rng, ["power", "price", "real_rate"])
    nominal = round(infl + rng.randint(5, 60) / 1000, 6)
    item = pick(rng, ["a loaf of bread", "a cinema ticket", "a bicycle", "a laptop", "a tonne of coffee"])
    aside = _aside(rng, name)
    a, i, nm = money(amount, cur, 0), _pct(infl), _pct(nominal)
    if ask == "power":
        texts = [
            f"With inflation of {i} per year, what will {a} be worth in today's money after "
            f"{years} years?{aside}",
            f"{name} keeps {a} in cash under the mattress. Prices rise {i} a year.{aside} What is "
            f"the purchasing power of that cash, in today's {cw}, after {years} years?",
            f"If inflation runs at {i} annually, how much will my {a} actually buy in {years} "
            f"years, measured in today's money?{aside}",
            f"Real-value estimate: nominal amount {a}; annual inflation {i}; horizon "
            f"{years} years. Report the real value in current {cw}.{aside}",
            f"Deflate {a} received {years} years from now to today's prices at {i} inflation "
            f"per year.{aside}",
            f"How much is {a}, held for {years} years while prices climb {i} a year, worth in "
            f"today's purchasing power?{aside}",
        ]
        program = code(f"""
            amount = {lit(amount)}  # nominal amount [{cu}]
            inflation = {lit(infl)}  # annual inflation rate [1/year]
            years = {years}  # time horizon [year]

            real_value = amount / (1 + inflation) ** years
            answer = float(real_value)
            """)
        return texts[phrasing], program, cu
    if ask == "price":
        texts = [
            f"An item costs {a} today. With inflation of {i} per year, what will it cost in "
            f"{years} years?{aside}",
            f"{name} notices that {item} costs {a}.{aside} If prices rise steadily by {i} a "
            f"year, what will {item} cost {years} years from now?",
            f"{item[0].upper() + item[1:]} is {a} now. Inflation is {i} a year. What should I "
            f"expect to pay in {years} years?{aside}",
            f"Price projection: current price {a}; assumed inflation {i} p.a.; horizon "
            f"{years} years. Give the projected price in {cw}.{aside}",
            f"Compute the future price of a good that costs {a} today if the inflation rate is "
            f"{i} per year for {years} years.{aside}",
            f"What will {item} that sells for {a} today cost after {years} years of {i} annual "
            f"inflation?{aside}",
        ]
        program = code(f"""
            price_today = {lit(amount)}  # current price [{cu}]
            inflation = {lit(infl)}  # annual inflation rate [1/year]
            years = {years}  # time horizon [year]

            future_price = price_today * (1 + inflation) ** years
            answer = float(future_price)
            """)
        return texts[phrasing], program, cu
    texts = [
        f"A deposit earns a nominal {nm} per year while inflation is {i}. Find the exact real "
        f"interest rate, in percent.{aside}",
        f"{name}'s savings account pays {nm} a year, but consumer prices rise {i} a year.{aside} "
        f"By what percentage does the purchasing power of the savings grow each year?",
        f"My bond yields {nm} and inflation is {i}. What's my real return per year, in percent "
        f"(use the exact Fisher relation, not the approximation)?{aside}",
        f"Fisher equation check: nominal rate {nm}; inflation {i}. Report the real rate "
        f"of return as a percentage.{aside}",
        f"Using (1 + nominal) = (1 + real)(1 + inflation), compute the real rate in percent for "
        f"a nominal rate of {nm} and inflation of {i}.{aside}",
        f"What is the real annual interest rate, as a percentage, on an investment yielding "
        f"{nm} when inflation is {i}?{aside}",
    ]
    program = code(f"""
        import sympy as sp

        nominal = {lit(nominal)}  # nominal annual interest rate [1/year]
        inflation = {lit(infl)}  # annual inflation rate [1/year]

        real = sp.symbols("real")
        eq = sp.Eq(1 + nominal, (1 + real) * (1 + inflation))
        answer = float(sp.solve(eq, real)[0] * 100)
        """)
    return texts[phrasing], program, "%"


# ---- pricing --------------------------------------------------------------------------------

@family("break_even", DOMAIN, 6)
def break_even(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    product = pick(rng, ["candles", "T-shirts", "jars of jam", "phone cases", "loaves of bread",
                         "pottery mugs", "bird houses"])
    while True:
        fixed = rng.randint(5, 300) * 100
        var = round(rng.uniform(1.0, 40.0), pick(rng, [0, 2]))
        price = round(var * rng.uniform(1.3, 3.0), rng.choice([0, 2]))
        if price > var + 0.5:
            q = fixed / (price - var)
            if 5 < q < 100000 and abs(q - round(q)) > 0.05:
                break
    profit_target = rng.random() < 0.35
    target = rng.randint(2, 40) * 100
    aside = _aside(rng, name)
    F, p, v, T = (money(fixed, cur, 0), money(price, cur), money(var, cur), money(target, cur, 0))
    goal = f"a profit of {T}" if profit_target else "break even"
    texts = [
        f"A firm has fixed costs of {F} per month. Each unit sells for {p} and costs {v} to "
        f"produce. How many units must it sell per month to {'make ' + goal if profit_target else goal}? "
        f"Give a whole number of units.{aside}",
        f"{name} makes {product}. Rent and equipment cost {F} a month; materials are {v} per "
        f"item and each sells for {p}.{aside} How many {product} does {name} need to sell in a "
        f"month to {'earn ' + goal if profit_target else 'break even'} (round up to whole items)?",
        f"I sell {product} at {p} each. They cost me {v} apiece, and my monthly fixed costs are "
        f"{F}. What's the minimum whole number I have to sell each month to "
        f"{'clear ' + goal if profit_target else 'cover my costs'}?{aside}",
        f"Cost-volume-profit analysis: fixed costs {F}/month; unit price {p}; unit "
        f"variable cost {v}. Determine the minimum monthly sales volume (whole units) for "
        f"{goal if profit_target else 'break-even'}.{aside}",
        f"Revenue R(q) = {p}·q; cost C(q) = {F} + {v}·q. Find the smallest integer q with "
        f"R(q) - C(q) ≥ {money(target, cur, 0) if profit_target else '0'}.{aside}",
        f"How many {product} must be sold each month, at {p} each with a variable cost of {v} "
        f"per unit and fixed monthly costs of {F}, to {'reach ' + goal if profit_target else 'break even'}? "
        f"Answer with a whole number.{aside}",
    ]
    extra = f"\n        target_profit = {lit(target)}  # desired monthly profit [{cu}]" if profit_target else ""
    rhs = "fixed_cost + variable_cost * q + target_profit" if profit_target else "fixed_cost + variable_cost * q"
    program = code(f"""
        import math
        import sympy as sp

        fixed_cost = {lit(fixed)}  # fixed costs per month [{cu}]
        price = {lit(price)}  # selling price per unit [{cu}/unit]
        variable_cost = {lit(var)}  # variable cost per unit [{cu}/unit]{extra}

        q = sp.symbols("q", positive=True)
        eq = sp.Eq(price * q, {rhs})
        q_needed = sp.solve(eq, q)[0]
        answer = math.ceil(float(q_needed))
        """)
    return texts[phrasing], program, "units"


@family("profit_maximization", DOMAIN, 6)
def profit_maximization(rng: random.Random, phrasing: int):
    cur, cu, cw = _currency(rng)
    name = pick(rng, NAMES)
    product = pick(rng, ["headphones", "backpacks", "e-books", "concert tickets", "bottles of juice",
                         "garden chairs"])
    while True:
        a = rng.randint(20, 300)  # price at zero demand
        b = pick(rng, [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2])
        c = round(a * rng.uniform(0.2, 0.6))  # unit cost
        fixed = rng.randint(1, 50) * 100
        q_opt = (a - c) / (2 * b)
        profit = (a - b * q_opt) * q_opt - fixed - c * q_opt
        if q_opt > 5 and profit > 0.2 * fixed:
            break
    ask = pick(rng, ["quantity", "both", "price"])
    be = "are" if ask == "both" else "is"
    aside = _aside(rng, name)
    F, cm = money(fixed, cur, 0), money(c, cur, 0)
    demand = f"p = {fmt_num(a)} - {fmt_num(b)}q"
    qwords = {"quantity": "the quantity that maximizes profit",
              "both": "the profit-maximizing quantity and the maximum profit",
              "price": "the price that maximizes profit"}[ask]
    texts = [
        f"The demand for a product is {demand} ({cw} per unit, q units). Production costs "
        f"{F} fixed plus {cm} per unit. Find {qwords}.{aside}",
        f"{name} sells {product}. Market research shows that at a price of p {cw} customers buy "
        f"q units, where {demand}. Making them costs {cm} each plus {F} in fixed costs.{aside} "
        f"What {be} {qwords}?",
        f"If I price my {product} so that demand follows {demand} (price in {cw}), and each one "
        f"costs me {cm} to make with {F} of fixed costs, what {be} {qwords}?{aside}",
        f"Pricing study: inverse demand {demand} [{cu}]; unit cost {cm}; fixed cost {F}. "
        f"Using calculus, determine {qwords}.{aside}",
        f"Revenue R(q) = q·({fmt_num(a)} - {fmt_num(b)}q) and cost C(q) = {fmt_num(fixed)} + "
        f"{fmt_num(c)}q, both in {cw}. Maximize profit P(q) = R(q) - C(q) and report "
        f"{qwords}.{aside}",
        f"What {be} {qwords} for {product} when the price needed to sell q units is {demand} "
        f"{cw}, each unit costs {cm} and fixed costs are {F}?{aside}",
    ]
    last = {"quantity": "answer = float(q_opt)",
            "both": 'answer = {"quantity": float(q_opt), "profit": float(profit.subs(q, q_opt))}',
            "price": "answer = float(demand_price.subs(q, q_opt))"}[ask]
    program = code(f"""
        import sympy as sp

        a = {lit(a)}  # demand intercept: price at zero sales [{cu}/unit]
        b = {lit(b)}  # demand slope [{cu}/unit^2]
        unit_cost = {lit(c)}  # production cost per unit [{cu}/unit]
        fixed_cost = {lit(fixed)}  # fixed costs [{cu}]

        q = sp.symbols("q", positive=True)
        demand_price = a - b * q
        profit = demand_price * q - (fixed_cost + unit_cost * q)
        q_opt = sp.solve(sp.diff(profit, q), q)[0]
        """) + last + "\n"
    units = {"quantity": "units", "both": f"units, {cu}", "price": f"{cu}/unit"}[ask]
    return texts[phrasing], program, units
