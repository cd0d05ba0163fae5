import sympy as sp

fee_a = 25  # monthly fee of plan A [USD]
rate_a = 0.1  # price per minute on plan A [USD/min]
fee_b = 40  # monthly fee of plan B [USD]
rate_b = 0.04  # price per minute on plan B [USD/min]

m = sp.symbols("m", positive=True)  # minutes per month
same_cost = sp.Eq(fee_a + rate_a * m, fee_b + rate_b * m)

answer = float(sp.solve(same_cost, m)[0])
