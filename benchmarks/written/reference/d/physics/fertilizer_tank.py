import sympy as sp

V0 = 800  # starting volume of solution in the tank [L]
x0 = 2  # fertilizer dissolved at the start [kg]
c_in = 0.05  # fertilizer concentration of the incoming feed [kg/L]
q_in = 12  # inflow rate [L/min]
q_out = 8  # outflow rate [L/min]
t_end = 60  # time elapsed [min]

t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
V = V0 + (q_in - q_out) * t
ode = sp.Eq(x(t).diff(t), q_in * c_in - q_out * x(t) / V)
sol = sp.dsolve(ode, x(t), ics={x(0): x0})
answer = float(sol.rhs.subs(t, t_end))
