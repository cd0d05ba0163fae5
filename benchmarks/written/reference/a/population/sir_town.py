import numpy as np
from scipy.integrate import solve_ivp

population = 12000  # town population [people]
infected0 = 10  # infectious residents at day 0 [people]
beta = 0.3  # transmission rate [1/day]
gamma = 0.1  # recovery rate [1/day]


def rhs(t, y):
    s, i, r = y
    new_inf = beta * s * i / population
    return [-new_inf, new_inf - gamma * i, gamma * i]


def peak(t, y):
    s, i, r = y
    return beta * s * i / population - gamma * i


peak.direction = -1
sol = solve_ivp(rhs, (0, 400), [population - infected0, infected0, 0.0], method="DOP853",
                events=peak, rtol=1e-12, atol=1e-9)
t_peak = sol.t_events[0][0]
i_peak = sol.y_events[0][0][1]
answer = {"peak_infectious": i_peak, "peak_day": t_peak}
print(answer)
