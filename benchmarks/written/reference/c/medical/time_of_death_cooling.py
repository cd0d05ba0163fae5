import sympy as sp

T_first = 30.2  # body temperature at discovery (23:15) [degC]
T_second = 28.6  # body temperature at the second reading [degC]
dt_readings = 1.5  # time between the two readings [h]
T_room = 19.5  # constant room temperature [degC]
T_death = 37.0  # body temperature at the moment of death [degC]

t = sp.symbols("t", real=True)
k, s = sp.symbols("k s", positive=True)
T = sp.Function("T")
ode = sp.Eq(T(t).diff(t), -k * (T(t) - T_room))
# time t measured from discovery, T(0) = T_first; death happened s hours before discovery
sol = sp.dsolve(ode, T(t), ics={T(0): T_first}).rhs
k_val = sp.nsolve(sol.subs(t, dt_readings) - T_second, k, 0.1)
s_val = sp.nsolve(sol.subs(k, k_val).subs(t, -s) - T_death, s, 4)
answer = float(s_val * 60)  # minutes before discovery
