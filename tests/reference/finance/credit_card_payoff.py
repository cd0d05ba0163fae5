import math

import sympy as sp

balance = 4800  # current card balance [USD]
apr = 0.1999  # annual percentage rate, compounded monthly [1/year]
monthly_payment = 150  # fixed payment at the end of each month [USD]
months_per_year = 12  # compounding periods per year [1/year]

i = apr / months_per_year  # interest rate per month
g = sp.symbols("g", positive=True)  # growth factor (1 + i)**n after n months
# the balance after n payments is zero: balance*g - payment*(g - 1)/i = 0
paid_off = sp.Eq(balance * g - monthly_payment * (g - 1) / i, 0)
growth = sp.solve(paid_off, g)[0]
n_exact = sp.log(growth) / sp.log(1 + i)  # months, not yet rounded

# the last (smaller) payment still counts as a payment
answer = math.ceil(float(n_exact))
