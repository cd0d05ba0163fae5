import numpy as np
from scipy.integrate import solve_ivp

infusion_rate = 30  # infusion rate [mg/h]
volume = 35  # volume of distribution [L]
half_life = 8  # elimination half-life [h]
t_query = 10  # time since start of infusion [h]

k = np.log(2) / half_life  # elimination rate constant [1/h]


def rhs(t, y):
    return [infusion_rate - k * y[0]]  # amount in body [mg]


sol = solve_ivp(rhs, [0, t_query], [0.0], rtol=1e-10, atol=1e-10)
conc_t = sol.y[0, -1] / volume
conc_ss = infusion_rate / (k * volume)  # dA/dt = 0

answer = {"concentration_at_10_h": float(conc_t), "steady_state_concentration": float(conc_ss)}
