from scipy.integrate import solve_ivp

dose = 600  # IV bolus dose [mg]
v_central = 15  # central compartment volume [L]
k12 = 0.4  # central to peripheral rate constant [1/h]
k21 = 0.25  # peripheral to central rate constant [1/h]
k10 = 0.2  # elimination rate constant from central [1/h]
t_query = 4  # time after the bolus [h]


def rhs(t, y):
    a1, a2 = y  # drug amounts [mg]
    return [-(k12 + k10) * a1 + k21 * a2, k12 * a1 - k21 * a2]


sol = solve_ivp(rhs, [0, t_query], [dose, 0.0], method="DOP853", rtol=1e-10, atol=1e-10)

answer = {
    "central_concentration_4h": float(sol.y[0, -1] / v_central),
    "peripheral_amount_4h": float(sol.y[1, -1]),
}
