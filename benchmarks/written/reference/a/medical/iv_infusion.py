import numpy as np
import sympy as sp

infusion_rate = 50.0  # infusion rate [mg/h]
volume = 40.0  # volume of distribution [L]
half_life = 3.5  # elimination half-life [h]
t_query = 6.0  # time since the infusion started [h]

t = sp.symbols("t", nonnegative=True)
A = sp.Function("A")
k_el = sp.log(2) / half_life
ode = sp.Eq(A(t).diff(t), infusion_rate - k_el * A(t))
sol = sp.dsolve(ode, A(t), ics={A(0): 0})
conc_6h = float(sol.rhs.subs(t, t_query) / volume)
conc_ss = float(sp.limit(sol.rhs, t, sp.oo) / volume)
answer = {"concentration_6h_mg_per_L": conc_6h, "steady_state_mg_per_L": conc_ss}
print(answer)
