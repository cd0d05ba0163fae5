import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

population = 10000  # town population [people]
infected0 = 10  # infected people on day 0 [people]
beta = 0.4  # transmission rate [1/day]
gamma = 0.1  # recovery rate [1/day]


def rhs(t, y):
    s, i, r = y
    new_inf = beta * s * i / population
    return [-new_inf, new_inf - gamma * i, gamma * i]


sol = solve_ivp(rhs, [0, 200], [population - infected0, infected0, 0.0], method="DOP853",
                rtol=1e-10, atol=1e-10, dense_output=True)


def di_dt(t):
    return rhs(t, sol.sol(t))[1]


# the peak is where dI/dt changes sign (S = N*gamma/beta)
grid = np.linspace(0, 200, 20001)
signs = np.array([di_dt(t) for t in grid])
j = int(np.argmax(signs < 0))
t_peak = brentq(di_dt, grid[j - 1], grid[j], xtol=1e-12)
i_peak = sol.sol(t_peak)[1]

answer = {"peak_infected": float(i_peak), "peak_day": float(t_peak)}
