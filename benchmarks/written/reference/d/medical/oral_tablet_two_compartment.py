import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

dose = 500  # tablet dose [mg]
F = 0.85  # fraction of the dose absorbed (bioavailability) [1]
ka = 1.2  # absorption rate constant [1/h]
ke = 0.2  # elimination rate constant [1/h]
V = 35  # volume of distribution [L]
t_max_search = 12  # hours searched for the peak [h]


def rhs(t, y):
    gut, body = y
    return [-ka * gut, ka * gut - ke * body]


sol = solve_ivp(rhs, (0, t_max_search), [F * dose, 0], dense_output=True, rtol=1e-11, atol=1e-11)
res = minimize_scalar(lambda s: -sol.sol(s)[1] / V, bounds=(0, t_max_search), method="bounded",
                      options={"xatol": 1e-9})
answer = {"time_of_peak": float(res.x), "peak_concentration": float(-res.fun)}
