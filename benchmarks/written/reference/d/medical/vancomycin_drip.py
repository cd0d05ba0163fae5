import sympy as sp

rate = 120  # infusion rate [mg/h]
V = 42  # volume of distribution [L]
half_life = 6  # elimination half-life [h]
t_ask = 8  # infusion time for the concentration question [h]
fraction = 0.9  # fraction of steady state asked about [1]

t = sp.symbols("t", nonnegative=True)
C = sp.Function("C")
k = sp.log(2) / half_life
ode = sp.Eq(C(t).diff(t), rate / V - k * C(t))
sol = sp.dsolve(ode, C(t), ics={C(0): 0}).rhs
c_ss = sp.limit(sol, t, sp.oo)
c8 = float(sol.subs(t, t_ask))
t90 = float(sp.nsolve(sol - fraction * c_ss, t, 15))
answer = {"concentration_at_8h": c8, "hours_to_90_percent": t90}
