import numpy as np
import sympy as sp
from scipy.optimize import minimize_scalar

emf = 9  # battery voltage [V]
R = 20  # resistance [ohm]
L = 0.1  # inductance [H]
C = 100e-6  # capacitance [F]

t = sp.symbols("t", nonnegative=True)
q = sp.Function("q")
ode = sp.Eq(L * q(t).diff(t, 2) + R * q(t).diff(t) + q(t) / C, emf)
sol = sp.dsolve(ode, q(t), ics={q(0): 0, q(t).diff(t).subs(t, 0): 0})
vc = sp.lambdify(t, sol.rhs / C, "numpy")
# the first maximum of the capacitor voltage lies within the first damped period
wd = np.sqrt(1 / (L * C) - (R / (2 * L)) ** 2)
res = minimize_scalar(lambda s: -vc(s), bounds=(0.5 * np.pi / wd, 1.5 * np.pi / wd), method="bounded",
                      options={"xatol": 1e-12})
answer = {"peak_voltage": float(vc(res.x)), "peak_time_ms": float(res.x) * 1000}
