import sympy as sp

V0 = 300  # initial volume of water in the tank [L]
Q0 = 6  # initial salt dissolved in the tank [kg]
c_in = 0.08  # salt concentration of incoming brine [kg/L]
r_in = 8  # inflow rate [L/min]
r_out = 5  # outflow rate of the mixture [L/min]
V_target = 900  # volume at which the salt is wanted [L]

t = sp.symbols("t", nonnegative=True)
Q = sp.Function("Q")
V = V0 + (r_in - r_out) * t
ode = sp.Eq(Q(t).diff(t), c_in * r_in - r_out * Q(t) / V)
sol = sp.dsolve(ode, Q(t), ics={Q(0): Q0})
t_full = sp.solve(sp.Eq(V, V_target), t)[0]
answer = float(sol.rhs.subs(t, t_full))
