import numpy as np
from scipy.integrate import solve_ivp

mass = 2.0  # mass of the platform [kg]
stiffness = 50.0  # spring constant [N/m]
damping = 6.0  # damping coefficient [N*s/m]
force_amp = 10.0  # amplitude of the driving force [N]
omega = 4.0  # angular frequency of the driving force [rad/s]
t_query = 2.0  # time of interest [s]


def rhs(t, y):
    x, v = y
    return [v, (force_amp * np.cos(omega * t) - damping * v - stiffness * x) / mass]


sol = solve_ivp(rhs, (0, t_query), [0.0, 0.0], rtol=1e-10, atol=1e-12)
x_at = sol.y[0, -1]
amp_ss = force_amp / np.hypot(stiffness - mass * omega**2, damping * omega)
answer = {"displacement_mm": x_at * 1000, "steady_amplitude_mm": amp_ss * 1000}
print(answer)
