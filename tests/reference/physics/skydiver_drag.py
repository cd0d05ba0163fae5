import math

from scipy.integrate import solve_ivp

mass = 80  # skydiver with equipment [kg]
drag_coefficient = 0.25  # quadratic drag constant c in F = c v^2 [kg/m]
g = 9.81  # gravitational acceleration [m/s^2]
t_check = 10  # time after jumping [s]


def rhs(t, y):
    v = y[0]
    return [g - drag_coefficient / mass * v * abs(v)]


sol = solve_ivp(rhs, (0, t_check), [0.0], rtol=1e-10, atol=1e-10)
terminal_velocity = math.sqrt(mass * g / drag_coefficient)  # where drag balances weight

answer = {"speed_after_10s": float(sol.y[0, -1]), "terminal_velocity": terminal_velocity}
