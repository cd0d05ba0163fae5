import numpy as np
from scipy.integrate import solve_ivp

rabbit_growth = 0.8  # rabbit birth rate without foxes [1/year]
predation = 0.04  # rabbit losses per rabbit per fox [1/(fox*year)]
fox_death = 0.6  # fox death rate without rabbits [1/year]
conversion = 0.01  # fox gain per fox per rabbit eaten [1/(rabbit*year)]
rabbits0 = 40  # rabbits at the start [count]
foxes0 = 9  # foxes at the start [count]

# Lotka-Volterra: R' = a R - b R F,  F' = d R F - c F
equilibrium_rabbits = fox_death / conversion
equilibrium_foxes = rabbit_growth / predation


def lv(t, y):
    r, f = y
    return [rabbit_growth * r - predation * r * f, conversion * r * f - fox_death * f]


# one full cycle is shorter than 30 years for these rates; sample densely
sol = solve_ivp(lv, (0, 30), [rabbits0, foxes0], rtol=1e-11, atol=1e-9, dense_output=True)
ts = np.linspace(0, 30, 300001)
max_foxes = float(np.max(sol.sol(ts)[1]))

answer = {"equilibrium_rabbits": equilibrium_rabbits, "equilibrium_foxes": equilibrium_foxes,
          "max_foxes": max_foxes}
