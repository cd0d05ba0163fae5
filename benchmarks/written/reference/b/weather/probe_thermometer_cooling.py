import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

temp_start = 68  # probe temperature indoors [degF]
temp_air = 14  # outdoor air temperature [degF]
reading_1 = 50  # probe reading after the first check time [degF]
t_1 = 1  # time of that reading [min]
t_query = 5  # time for the first question [min]
temp_target = 16  # target reading for the second question [degF]

# dT/dt = -k (T - T_air); the constant k follows from the reading after t_1 minutes
k = np.log((temp_start - temp_air) / (reading_1 - temp_air)) / t_1


def rhs(t, y):
    return [-k * (y[0] - temp_air)]


sol = solve_ivp(rhs, [0, 60], [temp_start], rtol=1e-10, atol=1e-10, dense_output=True)
reading = sol.sol(t_query)[0]
t_target = brentq(lambda t: sol.sol(t)[0] - temp_target, 0, 60, xtol=1e-12)

answer = {"reading_after_5_min": float(reading), "minutes_to_16F": float(t_target)}
