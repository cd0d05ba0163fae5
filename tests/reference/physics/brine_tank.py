import sympy as sp

volume0 = 400  # initial volume of water in the tank [L]
salt0 = 10  # initial amount of dissolved salt [kg]
inflow = 8  # brine inflow rate [L/min]
inflow_conc = 0.05  # salt concentration of the incoming brine [kg/L]
outflow = 6  # outflow rate of the well-mixed solution [L/min]
t_end = 30  # time asked about [min]


def exact(x):
    return sp.nsimplify(x, rational=True)  # exact fractions keep dsolve fast


t = sp.symbols("t", nonnegative=True)
Q = sp.Function("Q")  # salt in the tank [kg]
volume = exact(volume0) + (exact(inflow) - exact(outflow)) * t
# salt in minus salt out; the outflow carries the current concentration Q/volume
ode = sp.Eq(Q(t).diff(t), exact(inflow) * exact(inflow_conc) - exact(outflow) * Q(t) / volume)
salt = sp.dsolve(ode, Q(t), ics={Q(0): exact(salt0)}).rhs

answer = float(salt.subs(t, t_end))
