import sympy as sp

infusion_rate = 120  # constant infusion rate [mg/h]
volume = 40  # volume of distribution [L]
clearance = 5  # drug clearance [L/h]
infusion_time = 6  # time since the infusion started [h]
fraction_of_steady_state = 0.9  # fraction of the steady-state level asked about [1]

t = sp.symbols("t", nonnegative=True)
C = sp.Function("C")
# volume * dC/dt = infusion rate - clearance * C, starting from no drug in the body
ode = sp.Eq(volume * C(t).diff(t), infusion_rate - clearance * C(t))
conc = sp.dsolve(ode, C(t), ics={C(0): 0}).rhs

steady_state = infusion_rate / clearance
t_fraction = sp.solve(sp.Eq(conc, fraction_of_steady_state * steady_state), t)[0]

answer = {"concentration_6h": float(conc.subs(t, infusion_time)),
          "time_to_90_percent": float(t_fraction)}
