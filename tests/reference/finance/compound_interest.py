import sympy as sp

deposit = 12000  # initial deposit [EUR]
annual_rate = 0.0325  # nominal annual interest rate [1/year]
compounding_per_year = 4  # quarterly compounding [1/year]
years = 8  # time the money stays in the account [year]

t = sp.symbols("t", nonnegative=True)
balance = deposit * (1 + annual_rate / compounding_per_year) ** (compounding_per_year * t)

answer = float(balance.subs(t, years))
