import sympy as sp

principal = 480000  # mortgage amount [CHF]
rate = 0.021  # nominal annual interest rate, compounded monthly [1/year]
years = 25  # term [year]

P = sp.symbols("P", positive=True)
i = rate / 12
n = years * 12
# balance after n payments is zero
eq = sp.Eq(principal * (1 + i) ** n - P * ((1 + i) ** n - 1) / i, 0)
answer = float(sp.solve(eq, P)[0])
