import sympy as sp

fraction_remaining = 0.62  # C-14 left compared with living wood [1]
half_life = 5730  # half-life of carbon-14 [year]

t, f, T = sp.symbols("t f T", positive=True)
decay = sp.Eq(sp.Rational(1, 2) ** (t / T), f)  # fraction f left after t years
age = sp.solve(decay, t)[0]  # t = T * ln(1/f) / ln 2

answer = float(age.subs({f: fraction_remaining, T: half_life}))
