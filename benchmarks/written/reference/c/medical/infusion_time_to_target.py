import sympy as sp

rate = 45  # infusion rate [mg/h]
V_per_kg = 0.5  # volume of distribution per kg body weight [L/kg]
weight = 70  # patient weight [kg]
t_half = 7.5  # elimination half-life [h]
C_target = 10  # target plasma concentration [mg/L]

t = sp.symbols("t", nonnegative=True)
C = sp.Function("C")
V = V_per_kg * weight
ke = sp.log(2) / t_half
ode = sp.Eq(C(t).diff(t), rate / V - ke * C(t))
sol = sp.dsolve(ode, C(t), ics={C(0): 0}).rhs
C_ss = sp.limit(sol, t, sp.oo)
t_target = sp.nsolve(sol - C_target, t, 10)
answer = {"steady_state_concentration": float(C_ss), "time_to_target": float(t_target)}
