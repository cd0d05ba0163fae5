import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

dose = 500.0  # tablet dose, fully absorbed [mg]
k_abs = 1.2  # absorption rate constant, gut to blood [1/h]
k_el = 0.25  # elimination rate constant from the blood [1/h]
volume = 35.0  # volume of distribution [L]


def rhs(t, y):
    gut, blood = y
    return [-k_abs * gut, k_abs * gut - k_el * blood]


sol = solve_ivp(rhs, (0, 24), [dose, 0.0], dense_output=True, rtol=1e-11, atol=1e-11)
res = minimize_scalar(lambda s: -sol.sol(s)[1], bounds=(0.0, 24.0), method="bounded",
                      options={"xatol": 1e-10})
t_peak = res.x
c_peak = sol.sol(t_peak)[1] / volume
answer = {"time_of_peak_h": t_peak, "peak_concentration_mg_per_L": c_peak}
print(answer)
