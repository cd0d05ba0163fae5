import sympy as sp

invest = 1200000  # initial outlay [INR]
cash = 280000  # net yearly saving, end of each year [INR/year]
years = 6  # project life [year]
salvage = 150000  # resale value at the end of year 6 [INR]
rate = 0.09  # discount rate [1/year]

k = sp.symbols("k", integer=True, positive=True)
npv = -invest + sp.summation(cash / (1 + rate) ** k, (k, 1, years)) + salvage / (1 + rate) ** years
answer = float(npv)
