import numpy as np
import sympy as sp

emf = 9.0  # battery voltage [V]
resistance = 4.7e3  # resistor [ohm]
capacitance = 220e-6  # capacitor [F]
t_query = 1.5  # time after the switch closes [s]
v_target = 8.0  # target capacitor voltage [V]

t = sp.symbols("t", nonnegative=True)
v = sp.Function("v")
ode = sp.Eq(resistance * capacitance * v(t).diff(t) + v(t), emf)
sol = sp.dsolve(ode, v(t), ics={v(0): 0})
v_at = float(sol.rhs.subs(t, t_query))
t_hit = float(sp.nsolve(sol.rhs - v_target, t, 2.0))
answer = {"voltage_V": v_at, "time_to_8V_s": t_hit}
print(answer)
