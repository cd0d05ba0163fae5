import sympy as sp

m = 350  # mass carried by one wheel [kg]
k = 28000  # spring constant [N/m]
c = 2100  # shock absorber damping coefficient [N*s/m]
x0 = 0.05  # initial upward displacement [m]
v0 = 0  # initial velocity [m/s]
t_ask = 0.25  # time after release [s]
mm_per_m = 1000  # millimetres per metre [mm/m]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), 0)
sol = sp.dsolve(ode, x(t), ics={x(0): x0, x(t).diff(t).subs(t, 0): v0})
answer = float(sol.rhs.subs(t, t_ask)) * mm_per_m
