import sympy as sp

hours_pump_a = 6  # pump A alone fills the pool in [h]
hours_pump_b = 9  # pump B alone fills the pool in [h]
hours_leak = 12  # the open drain alone empties a full pool in [h]

t = sp.symbols("t", positive=True)
eq = sp.Eq(t * (sp.Rational(1, hours_pump_a) + sp.Rational(1, hours_pump_b) - sp.Rational(1, hours_leak)), 1)
answer = float(sp.solve(eq, t)[0])
print(answer)
