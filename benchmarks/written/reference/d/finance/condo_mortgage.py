import sympy as sp

price = 285000  # purchase price of the condo [USD]
down = 0.10  # down payment share [1]
apr = 0.0625  # annual interest rate, compounded monthly [1/year]
years = 30  # loan term [year]
months_per_year = 12  # payments per year [1/year]
hoa = 240  # monthly HOA fee (not part of the loan) [USD]

P, M = sp.symbols("P M", positive=True)
r = sp.Rational(1, months_per_year) * sp.nsimplify(apr)
n = years * months_per_year
principal = price * (1 - sp.nsimplify(down))
eq = sp.Eq(M * (1 - (1 + r) ** (-n)) / r, principal)
payment = sp.solve(eq, M)[0]
first_interest = principal * r
answer = {"monthly_payment": float(payment), "first_month_interest": float(first_interest)}
