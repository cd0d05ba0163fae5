import sympy as sp

price = 18500  # price of the car [USD]
down_payment = 3500  # cash paid up front [USD]
annual_rate = 0.069  # nominal annual interest rate, compounded monthly [1/year]
years = 5  # loan term [year]
payments_per_year = 12  # monthly payments [1/year]

principal = price - down_payment
i = annual_rate / payments_per_year  # interest rate per month
n = years * payments_per_year  # number of payments
M = sp.symbols("M", positive=True)  # monthly payment

# the balance after the last payment is zero
balance = sp.Eq(principal * (1 + i) ** n - M * ((1 + i) ** n - 1) / i, 0)
payment = sp.solve(balance, M)[0]

answer = float(payment)
