import numpy as np
from scipy.integrate import solve_ivp

hares0 = 100.0  # hares at the start [animals]
lynx0 = 20.0  # lynx at the start [animals]
a = 0.8  # hare growth rate without lynx [1/year]
b = 0.02  # hare loss per lynx [1/(animal*year)]
c = 0.5  # lynx death rate without hares [1/year]
d = 0.005  # lynx gain per hare [1/(animal*year)]
t_end = 5.0  # years of simulation [year]


def rhs(t, y):
    h, l = y
    return [a * h - b * h * l, -c * l + d * h * l]


sol = solve_ivp(rhs, (0, t_end), [hares0, lynx0], method="DOP853", rtol=1e-12, atol=1e-12)
answer = {"hares": sol.y[0, -1], "lynx": sol.y[1, -1]}
print(answer)
