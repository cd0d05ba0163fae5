import sympy as sp
from scipy.integrate import solve_ivp

r = 0.4  # intrinsic growth rate [1/year]
K = 5000  # carrying capacity of the lake [fish]
P0 = 2000  # fish stocked at the start [fish]
H = 300  # fish removed by anglers per year, spread evenly [fish/year]
T = 5  # time horizon [year]

t = sp.symbols("t")
P = sp.Function("P")
ode = sp.Eq(P(t).diff(t), r * P(t) * (1 - P(t) / K) - H)
f = sp.lambdify(P(t), ode.rhs)
sol = solve_ivp(lambda s, y: [f(y[0])], [0, T], [P0], rtol=1e-11, atol=1e-9)
answer = float(sol.y[0, -1])
