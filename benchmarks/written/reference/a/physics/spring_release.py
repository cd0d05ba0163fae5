import numpy as np
from scipy.integrate import solve_ivp

mass = 0.5  # mass [kg]
stiffness = 200.0  # spring constant [N/m]
damping = 4.0  # damping coefficient [N*s/m]
x0 = 0.05  # initial downward displacement [m]
v0 = 0.0  # initial velocity [m/s]
t_query = 0.3  # time after release [s]


def rhs(t, y):
    x, v = y
    return [v, -(damping * v + stiffness * x) / mass]


sol = solve_ivp(rhs, (0, t_query), [x0, v0], rtol=1e-10, atol=1e-12)
answer = sol.y[0, -1] * 100  # displacement in cm
print(answer)
