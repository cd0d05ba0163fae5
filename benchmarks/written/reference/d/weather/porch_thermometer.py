import sympy as sp

T_inside = 22  # cabin temperature, starting reading [degC]
T_out = -8  # outdoor air temperature [degC]
t1 = 2  # time of the second reading [min]
T1 = 12  # reading after t1 minutes [degC]
t_ask = 5  # time at which the reading is wanted [min]
T_target = 0  # reading whose time is wanted [degC]

t, k = sp.symbols("t k", positive=True)
T = sp.Function("T")
ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_out))
sol = sp.dsolve(ode, T(t), ics={T(0): T_inside}).rhs
k_val = sp.solve(sp.Eq(sol.subs(t, t1), T1), k)[0]
T_of_t = sol.subs(k, k_val)
reading = float(T_of_t.subs(t, t_ask))
t_zero = float(sp.nsolve(T_of_t - T_target, t, 6))
answer = {"reading_at_5_min": reading, "minutes_to_freezing": t_zero}
