import sympy as sp

m = 2.5  # mass [kg]
k = 90  # spring constant [N/m]
c = 6  # damping coefficient [N*s/m]
x0 = 0.12  # initial displacement below equilibrium [m]
v0 = 0  # initial velocity [m/s]
t_query = 1.2  # time after release [s]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), 0)
sol = sp.dsolve(ode, x(t), ics={x(0): x0, x(t).diff(t).subs(t, 0): v0})
answer = float(sol.rhs.subs(t, t_query)) * 100  # displacement in cm, positive below
