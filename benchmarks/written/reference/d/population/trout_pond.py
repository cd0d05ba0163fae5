import sympy as sp

P0 = 4000  # trout in the pond at the start [fish]
r = 0.12  # natural growth rate [1/year]
h = 300  # fish taken by anglers each year [fish/year]
t_end = 5  # years elapsed [year]

t = sp.symbols("t", nonnegative=True)
P = sp.Function("P")
ode = sp.Eq(P(t).diff(t), r * P(t) - h)
sol = sp.dsolve(ode, P(t), ics={P(0): P0})
answer = float(sol.rhs.subs(t, t_end))
