import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

resistance = 16  # resistance [ohm]
inductance = 0.5  # inductance [H]
capacitance = 1000e-6  # capacitance [F]
voltage = 12  # DC supply voltage [V]
t_query = 0.050  # time after switch-on [s]


# L q'' + R q' + q/C = E, q(0) = 0, q'(0) = 0
def rhs(t, y):
    q, i = y
    return [i, (voltage - resistance * i - q / capacitance) / inductance]


sol = solve_ivp(rhs, [0, 1.0], [0.0, 0.0], method="DOP853", rtol=1e-10, atol=1e-12,
                dense_output=True)
v_query = sol.sol(t_query)[0] / capacitance
# the first peak is the highest one for an underdamped response; locate it on a grid, then refine
grid = np.linspace(0, 1.0, 100001)
vc = sol.sol(grid)[0] / capacitance
i_peak = int(np.argmax(vc))
res = minimize_scalar(lambda t: -sol.sol(t)[0] / capacitance,
                      bounds=(grid[i_peak - 1], grid[i_peak + 1]), method="bounded",
                      options={"xatol": 1e-12})
v_max = -res.fun

answer = {"capacitor_voltage_at_50_ms": float(v_query), "max_capacitor_voltage": float(v_max)}
