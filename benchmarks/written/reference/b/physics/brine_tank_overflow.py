import sympy as sp

capacity = 500  # tank capacity [gal]
volume0 = 200  # initial volume of water [gal]
salt0 = 20  # initial amount of salt [lb]
c_in = 0.5  # salt concentration of incoming brine [lb/gal]
rate_in = 4  # inflow rate [gal/min]
rate_out = 2  # outflow rate [gal/min]
t_query = 45  # time of the first question [min]

# exact rationals: sympy's dsolve mishandles this ODE when given float coefficients
q = {name: sp.nsimplify(val) for name, val in
     dict(V0=volume0, x0=salt0, cin=c_in, qin=rate_in, qout=rate_out).items()}
t = sp.symbols("t", nonnegative=True)
x = sp.Function("x")
volume = q["V0"] + (q["qin"] - q["qout"]) * t
ode = sp.Eq(x(t).diff(t), q["cin"] * q["qin"] - q["qout"] * x(t) / volume)
sol = sp.dsolve(ode, x(t), ics={x(0): q["x0"]})
t_overflow = sp.nsimplify(capacity - volume0) / (q["qin"] - q["qout"])

answer = {
    "salt_after_45_min": float(sol.rhs.subs(t, t_query)),
    "salt_at_overflow": float(sol.rhs.subs(t, t_overflow)),
}
