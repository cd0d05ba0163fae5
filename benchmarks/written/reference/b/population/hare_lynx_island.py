from scipy.integrate import solve_ivp

hare_growth = 0.8  # hare relative growth rate without lynx [1/year]
predation = 0.02  # hare loss coefficient [1/(lynx*year)]
lynx_death = 0.5  # lynx relative death rate without hares [1/year]
conversion = 0.005  # lynx gain coefficient [1/(hare*year)]
hares0 = 120  # initial hares [animals]
lynx0 = 30  # initial lynx [animals]
t_end = 5  # time horizon [year]


def rhs(t, y):
    h, l = y
    return [hare_growth * h - predation * h * l, -lynx_death * l + conversion * h * l]


sol = solve_ivp(rhs, [0, t_end], [hares0, lynx0], method="DOP853", rtol=1e-10, atol=1e-10)

answer = {"hares_after_5_years": float(sol.y[0, -1]), "lynx_after_5_years": float(sol.y[1, -1])}
