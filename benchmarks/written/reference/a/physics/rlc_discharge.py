import numpy as np
from scipy.integrate import solve_ivp

inductance = 0.5  # inductor [H]
resistance = 20.0  # resistor [ohm]
capacitance = 500e-6  # capacitor [F]
v0 = 12.0  # initial capacitor voltage [V]
t_query = 0.02  # time after the switch closes [s]


def rhs(t, y):
    q, i = y
    return [i, -(resistance * i + q / capacitance) / inductance]


sol = solve_ivp(rhs, (0, t_query), [capacitance * v0, 0.0], rtol=1e-11, atol=1e-14)
q_at, i_at = sol.y[:, -1]
answer = {"capacitor_voltage_V": q_at / capacitance, "current_mA": abs(i_at) * 1000}
print(answer)
