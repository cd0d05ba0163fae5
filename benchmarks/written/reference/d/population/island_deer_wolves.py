import numpy as np
from scipy.integrate import solve_ivp

D0 = 300  # deer at the start [animals]
W0 = 30  # wolves at the start [animals]
a = 0.4  # deer birth rate without wolves [1/year]
b = 0.01  # deer lost per deer per wolf [1/(animal*year)]
c = 0.3  # wolf death rate without deer [1/year]
d = 0.0015  # wolf growth per wolf per deer [1/(animal*year)]
t_end = 10  # years simulated [year]


def rhs(t, y):
    deer, wolves = y
    return [a * deer - b * deer * wolves, -c * wolves + d * deer * wolves]


sol = solve_ivp(rhs, (0, t_end), [D0, W0], method="DOP853", rtol=1e-11, atol=1e-9)
answer = {"deer": float(sol.y[0, -1]), "wolves": float(sol.y[1, -1])}
