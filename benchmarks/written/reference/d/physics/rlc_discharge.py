import sympy as sp

L = 0.5  # inductance [H]
R = 10  # resistance [ohm]
C = 2000e-6  # capacitance [F]
V0 = 50  # initial capacitor voltage [V]
t_ask = 0.05  # time after the switch closes [s]

t = sp.symbols("t", nonnegative=True)
q = sp.Function("q")
ode = sp.Eq(L * q(t).diff(t, 2) + R * q(t).diff(t) + q(t) / C, 0)
sol = sp.dsolve(ode, q(t), ics={q(0): C * V0, q(t).diff(t).subs(t, 0): 0})
answer = float(sol.rhs.subs(t, t_ask) / C)
