import numpy as np
import sympy as sp

n_first = 1.2  # count at 8:00 a.m. [million cells]
n_second = 3.5  # count at 11:00 a.m. [million cells]
t_second = 3.0  # hours between the two counts [h]
t_query = 7.5  # hours from 8:00 a.m. to 3:30 p.m. [h]

t = sp.symbols("t", nonnegative=True)
r = sp.symbols("r", positive=True)
N = sp.Function("N")
ode = sp.Eq(N(t).diff(t), r * N(t))
sol = sp.dsolve(ode, N(t), ics={N(0): n_first})
r_val = sp.solve(sp.Eq(sol.rhs.subs(t, t_second), n_second), r)[0]
n_query = float(sol.rhs.subs({r: r_val, t: t_query}))
doubling = float(sp.log(2) / r_val)
answer = {"population_millions": n_query, "doubling_time_h": doubling}
print(answer)
