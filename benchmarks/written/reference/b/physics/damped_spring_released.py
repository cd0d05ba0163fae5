import sympy as sp

weight = 8  # weight of the object [lb]
stretch = 0.5  # static stretch of the spring, 6 inches [ft]
damping = 1.5  # damping coefficient [lb*s/ft]
x0 = 4  # initial displacement below equilibrium [in]
v0 = 0  # initial velocity [ft/s]
g = 32  # gravitational acceleration [ft/s^2]
t_query = 0.5  # time of interest [s]

m = sp.nsimplify(weight) / g  # mass [slug]
k = sp.nsimplify(weight) / sp.nsimplify(stretch)  # spring constant [lb/ft]
c = sp.nsimplify(damping)
t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), 0)
sol = sp.dsolve(ode, x(t), ics={x(0): sp.nsimplify(x0) / 12, x(t).diff(t).subs(t, 0): v0})

answer = float(sol.rhs.subs(t, sp.nsimplify(t_query))) * 12  # [in]
