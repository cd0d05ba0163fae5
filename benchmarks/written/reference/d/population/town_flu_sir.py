import numpy as np
from scipy.integrate import solve_ivp

N = 12000  # town population [people]
I0 = 10  # infected at the start [people]
R0_people = 0  # recovered at the start [people]
beta = 0.4  # transmission rate [1/day]
days_infectious = 10  # average time a person stays infectious [day]
t_end = 200  # days simulated [day]

gamma = 1 / days_infectious


def rhs(t, y):
    S, I, R = y
    return [-beta * S * I / N, beta * S * I / N - gamma * I, gamma * I]


def peak(t, y):
    return beta * y[0] / N - gamma


sol = solve_ivp(rhs, (0, t_end), [N - I0 - R0_people, I0, R0_people], events=peak,
                method="DOP853", rtol=1e-11, atol=1e-8)
t_peak = float(sol.t_events[0][0])
I_peak = float(sol.y_events[0][0][1])
answer = {"peak_infected": I_peak, "peak_day": t_peak}
