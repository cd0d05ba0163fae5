import sympy as sp

voltage = 24  # battery voltage [V]
resistance = 8  # resistance [ohm]
inductance = 0.4  # inductance [H]
t_query = 0.020  # time after closing the switch [s]
current_target = 2.5  # target current [A]

t = sp.symbols("t", nonnegative=True)
i = sp.Function("i")
E, R, L = (sp.nsimplify(v) for v in (voltage, resistance, inductance))
ode = sp.Eq(L * i(t).diff(t) + R * i(t), E)
sol = sp.dsolve(ode, i(t), ics={i(0): 0})
t_hit = sp.solve(sp.Eq(sol.rhs, sp.nsimplify(current_target)), t)[0]

answer = {
    "current_at_20_ms": float(sol.rhs.subs(t, sp.nsimplify(t_query))),
    "ms_to_reach_2_5_A": float(t_hit) * 1000,
}
