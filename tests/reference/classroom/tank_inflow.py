import sympy as sp

initial_rate = 50  # inflow rate when the valve opens [L/min]
decay = 0.1  # rate at which the inflow falls off [1/min]
duration = 20  # time the valve stays open [min]

t = sp.symbols("t", nonnegative=True)
rate = initial_rate * sp.exp(-sp.nsimplify(decay) * t)
volume = sp.integrate(rate, (t, 0, duration))

answer = float(volume)
