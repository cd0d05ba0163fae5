import sympy as sp

a3 = 2  # coefficient of t^3 in the position [m/s^3]
a2 = -9  # coefficient of t^2 in the position [m/s^2]
a1 = 12  # coefficient of t in the position [m/s]
a0 = 5  # starting position [m]
t_check = 3  # time asked about [s]

t = sp.symbols("t", nonnegative=True)
s = a3 * t**3 + a2 * t**2 + a1 * t + a0
v = sp.diff(s, t)
a = sp.diff(v, t)

answer = {"velocity": float(v.subs(t, t_check)), "acceleration": float(a.subs(t, t_check))}
