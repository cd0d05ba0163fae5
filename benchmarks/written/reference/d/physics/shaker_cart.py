import sympy as sp

m = 0.5  # cart mass [kg]
k = 8  # spring constant [N/m]
c = 1  # damping coefficient [N*s/m]
F0 = 0.5  # amplitude of the motor's force [N]
w = 3  # angular frequency of the motor's force [rad/s]
t_ask = 2  # time after the motor starts [s]
cm_per_m = 100  # centimetres per metre [cm/m]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
ode = sp.Eq(m * x(t).diff(t, 2) + c * x(t).diff(t) + k * x(t), F0 * sp.cos(w * t))
sol = sp.dsolve(ode, x(t), ics={x(0): 0, x(t).diff(t).subs(t, 0): 0})
answer = float(sol.rhs.subs(t, t_ask)) * cm_per_m
