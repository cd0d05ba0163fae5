import sympy as sp

initial_deer = 120  # deer released into the reserve [count]
carrying_capacity = 1500  # largest herd the reserve can support [count]
growth_rate = 0.35  # intrinsic growth rate [1/year]
years = 8  # time asked about [year]
target = 1000  # herd size asked about [count]

t, r, K, N0 = sp.symbols("t r K N0", positive=True)
N = sp.Function("N")
logistic = sp.Eq(N(t).diff(t), r * N(t) * (1 - N(t) / K))
# closed-form solution of the logistic equation, checked against the ODE below
closed = K / (1 + (K - N0) / N0 * sp.exp(-r * t))
assert sp.simplify(closed.diff(t) - logistic.rhs.subs(N(t), closed)) == 0

values = {r: growth_rate, K: carrying_capacity, N0: initial_deer}
n_years = closed.subs(values).subs(t, years)
T = sp.symbols("T", positive=True)
t_target = sp.solve(sp.Eq(closed.subs(t, T), target), T)[0].subs(values)

answer = {"deer_after_8_years": float(n_years), "years_to_1000": float(t_target)}
