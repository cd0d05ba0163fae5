import numpy as np
from scipy.integrate import solve_ivp

N = 6000  # students on campus [people]
I0 = 5  # initially infected students [people]
beta = 0.55  # transmission rate [1/day]
D = 5  # mean infectious period [day]
T = 400  # simulated time, long enough for the outbreak to end [day]

gamma = 1 / D


def rhs(t, y):
    S, I, R = y
    return [-beta * S * I / N, beta * S * I / N - gamma * I, gamma * I]


sol = solve_ivp(rhs, [0, T], [N - I0, I0, 0], rtol=1e-11, atol=1e-8, dense_output=True)
tt = np.linspace(0, T, 400001)
S, I, R = sol.sol(tt)
answer = {"peak_infected": float(I.max()), "total_infected": float(N - S[-1])}
