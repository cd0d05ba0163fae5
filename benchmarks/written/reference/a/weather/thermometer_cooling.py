import sympy as sp

temp_initial = 22.0  # thermometer reading indoors [degC]
temp_air = -5.0  # outdoor air temperature [degC]
t_obs = 2.0  # time of the second reading [min]
temp_obs = 12.0  # second reading [degC]
t_query = 5.0  # time of interest [min]
temp_target = 0.0  # target reading [degC]

t = sp.symbols("t", nonnegative=True)
k = sp.symbols("k", positive=True)
T = sp.Function("T")
ode = sp.Eq(T(t).diff(t), -k * (T(t) - temp_air))
sol = sp.dsolve(ode, T(t), ics={T(0): temp_initial})
k_val = sp.nsolve(sol.rhs.subs(t, t_obs) - temp_obs, k, 0.1)
T_t = sol.rhs.subs(k, k_val)
reading = float(T_t.subs(t, t_query))
t_zero = float(sp.nsolve(T_t - temp_target, t, 3.0))
answer = {"reading_after_5_min_C": reading, "minutes_to_0C": t_zero}
print(answer)
