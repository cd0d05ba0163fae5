import sympy as sp

launch_height = 1.5  # height of the hand when the ball leaves it [m]
launch_speed = 19.6  # upward speed at release [m/s]
g = 9.8  # gravitational acceleration [m/s^2]

t = sp.symbols("t", real=True)
h = launch_height + launch_speed * t - g / 2 * t**2  # height above the ground [m]

landing = max(sp.solve(sp.Eq(h, 0), t))
t_top = sp.solve(sp.diff(h, t), t)[0]

answer = {"time_to_land": float(landing), "max_height": float(h.subs(t, t_top))}
