import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

dose = 500  # tablet dose [mg]
F = 0.90  # oral bioavailability [1]
ka = 1.2  # absorption rate constant, gut to blood [1/h]
ke = 0.2  # elimination rate constant from blood [1/h]
V = 40  # volume of distribution [L]


def rhs(t, y):
    gut, blood = y
    return [-ka * gut, ka * gut - ke * blood]


sol = solve_ivp(rhs, [0, 48], [F * dose, 0], rtol=1e-11, atol=1e-12, dense_output=True)


def dblood(t):
    return rhs(t, sol.sol(t))[1]


# the blood amount rises while absorption exceeds elimination; the peak is where dA/dt = 0
t_peak = brentq(dblood, 1e-6, 48, xtol=1e-12)
C_peak = sol.sol(t_peak)[1] / V
answer = {"peak_concentration": float(C_peak), "time_of_peak": float(t_peak)}
