import sympy as sp

target = 1200000  # savings goal at retirement [USD]
current_age = 30  # age when saving starts [year]
retirement_age = 65  # age at retirement [year]
annual_rate = 0.06  # nominal annual return, compounded monthly [1/year]
deposits_per_year = 12  # one deposit at the end of each month [1/year]

n = (retirement_age - current_age) * deposits_per_year  # number of deposits
i = annual_rate / deposits_per_year  # return per month
d = sp.symbols("d", positive=True)  # monthly deposit

future_value = sp.Eq(d * ((1 + i) ** n - 1) / i, target)
deposit = sp.solve(future_value, d)[0]

answer = float(deposit)
