import sympy as sp

first_salary = 42000  # salary in the first year [USD]
raise_rate = 0.03  # yearly raise [1/year]
years = 10  # years worked [year]

k = sp.symbols("k", integer=True, nonnegative=True)
total = sp.summation(first_salary * (1 + sp.nsimplify(raise_rate)) ** k, (k, 0, years - 1))

answer = float(total)
