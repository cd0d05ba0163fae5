import sympy as sp

initial_temp = 90  # soup temperature when served [degC]
room_temp = 21  # kitchen air temperature [degC]
check_time = 5  # time of the second measurement [min]
check_temp = 78  # soup temperature at the second measurement [degC]
target_temp = 60  # temperature at which the soup can be eaten [degC]

t, k = sp.symbols("t k", positive=True)
T = sp.Function("T")
newton = sp.Eq(T(t).diff(t), -k * (T(t) - room_temp))
sol = sp.dsolve(newton, T(t), ics={T(0): initial_temp}).rhs

k_value = sp.solve(sp.Eq(sol.subs(t, check_time), check_temp), k)[0]
t_target = sp.solve(sp.Eq(sol.subs(k, k_value), target_temp), t)[0]

answer = float(t_target)
