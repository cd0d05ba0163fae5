import sympy as sp

deposit = 350  # deposit at the end of each month [USD]
rate = 0.054  # annual rate, compounded monthly [1/year]
years = 18  # saving period [year]
months_per_year = 12  # deposits per year [1/year]

i = sp.nsimplify(rate) / months_per_year
n = years * months_per_year
k = sp.symbols("k", integer=True)
fv = sp.summation(deposit * (1 + i) ** (n - k), (k, 1, n))
answer = float(fv)
