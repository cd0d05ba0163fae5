import sympy as sp

tank_capacity = 250  # capacity of the tank [gal]
volume_initial = 100  # water in the tank at the start [gal]
salt_initial = 5  # salt dissolved at the start [lb]
conc_in = 1  # salt concentration of incoming brine [lb/gal]
rate_in = 3  # inflow rate [gal/min]
rate_out = 2  # outflow rate [gal/min]

t = sp.symbols("t", nonnegative=True)
Q = sp.Function("Q")
volume = volume_initial + (rate_in - rate_out) * t
ode = sp.Eq(Q(t).diff(t), conc_in * rate_in - rate_out * Q(t) / volume)
sol = sp.dsolve(ode, Q(t), ics={Q(0): salt_initial})
t_full = sp.Rational(tank_capacity - volume_initial, rate_in - rate_out)
salt_full = sol.rhs.subs(t, t_full)
answer = {
    "salt_lb": float(salt_full),
    "concentration_lb_per_gal": float(salt_full / tank_capacity),
}
print(answer)
