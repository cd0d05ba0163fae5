import sympy as sp

n0 = 3000  # cell count at 9:00 a.m. [cells]
n1 = 7500  # cell count at noon [cells]
t1 = 3  # hours from 9:00 a.m. to noon [h]
n_target = 50000  # target cell count [cells]

t, k, T = sp.symbols("t k T", positive=True)
N = sp.Function("N")
ode = sp.Eq(N(t).diff(t), k * N(t))
sol = sp.dsolve(ode, N(t), ics={N(0): n0})
k_val = sp.solve(sp.Eq(sol.rhs.subs(t, t1), n1), k)[0]
t_hit = sp.solve(sp.Eq(sol.rhs.subs({k: k_val, t: T}), n_target), T)[0]

answer = float(t_hit)
