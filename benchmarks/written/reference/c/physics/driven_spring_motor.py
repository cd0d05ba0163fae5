import sympy as sp

m = 0.5  # mass [kg]
k = 32  # spring constant [N/m]
c = 2  # damping coefficient [N*s/m]
F0 = 4  # amplitude of the driving force [N]
w = 6  # angular frequency of the driving force [rad/s]
t_query = 2  # time at which the displacement is wanted [s]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), F0 * sp.cos(w * t))
sol = sp.dsolve(ode, x(t), ics={x(0): 0, x(t).diff(t).subs(t, 0): 0})
amp_ss = F0 / sp.sqrt((k - m * w**2) ** 2 + (c * w) ** 2)
answer = {
    "steady_state_amplitude": float(amp_ss) * 100,  # cm
    "displacement": float(sol.rhs.subs(t, t_query)) * 100,  # cm
}
