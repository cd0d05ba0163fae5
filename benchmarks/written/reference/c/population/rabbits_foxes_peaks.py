import numpy as np
from scipy.integrate import solve_ivp

a = 0.08  # rabbit growth rate without foxes [1/month]
b = 0.001  # predation rate [1/(fox*month)]
c = 0.2  # fox death rate without rabbits [1/month]
d = 0.00004  # fox growth per rabbit eaten [1/(rabbit*month)]
R0 = 3000  # initial rabbits [rabbits]
F0 = 100  # initial foxes [foxes]
T = 120  # observation window, 10 years [month]


def rhs(t, y):
    R, F = y
    return [a * R - b * R * F, -c * F + d * R * F]


sol = solve_ivp(rhs, [0, T], [R0, F0], rtol=1e-11, atol=1e-9, dense_output=True)
tt = np.linspace(0, T, 200001)
R, F = sol.sol(tt)
answer = {"max_foxes": float(F.max()), "max_rabbits": float(R.max())}
