import sympy as sp

mass = 3  # cart mass [kg]
stiffness = 120  # spring constant [N/m]
damping = 45  # damping coefficient [N*s/m]
force = 24  # constant applied force [N]
t_query = 0.5  # time of interest [s]

m, k, c, F = (sp.nsimplify(v) for v in (mass, stiffness, damping, force))
t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), F)
sol = sp.dsolve(ode, x(t), ics={x(0): 0, x(t).diff(t).subs(t, 0): 0})
tq = sp.nsimplify(t_query)

answer = {
    "displacement_at_0_5_s": float(sol.rhs.subs(t, tq)) * 100,  # [cm]
    "velocity_at_0_5_s": float(sol.rhs.diff(t).subs(t, tq)) * 100,  # [cm/s]
}
