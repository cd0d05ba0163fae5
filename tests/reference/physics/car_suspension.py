import math

import sympy as sp

mass = 250  # quarter-car mass carried by one wheel [kg]
stiffness = 16000  # spring constant [N/m]
damping = 1400  # damper coefficient [N*s/m]
x0 = 0.05  # initial downward displacement [m]
t_check = 0.3  # time after release asked about [s]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(mass * x(t).diff(t, 2) + damping * x(t).diff(t) + stiffness * x(t), 0)
sol = sp.dsolve(ode, x(t), ics={x(0): x0, x(t).diff(t).subs(t, 0): 0}).rhs

damping_ratio = damping / (2 * math.sqrt(stiffness * mass))
displacement_mm = 1000 * float(sol.subs(t, t_check))

answer = {"damping_ratio": damping_ratio, "displacement_mm": displacement_mm}
