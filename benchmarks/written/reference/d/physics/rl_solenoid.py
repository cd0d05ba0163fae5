import sympy as sp

E = 12  # battery voltage [V]
R = 4  # resistance of the circuit [ohm]
L = 0.6  # inductance of the solenoid [H]
t_ask = 0.1  # time after the switch closes [s]

t = sp.symbols("t", nonnegative=True)
i = sp.Function("i")
ode = sp.Eq(L * i(t).diff(t) + R * i(t), E)
sol = sp.dsolve(ode, i(t), ics={i(0): 0})
answer = float(sol.rhs.subs(t, t_ask))
